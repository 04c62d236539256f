"""Mailing › "Wie vallen af?": the names A to Z as the register sorts them, opened at the top."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from steunpunt.domain.choices import ConsentScope
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.container import Services
from steunpunt.ui.context import ScreenContext
from steunpunt.ui.letters.left_out_dialog import LeftOutDialog
from steunpunt.ui.letters.mailing_dialog import MailingDialog
from tests.helpers import consented, fill_house_style
from tests.widgets import in_dialog, row_texts

SURNAMES = ("Aalders", "Bakker", "Dekker", "Jansen", "Kok", "Mulder", "Smit", "Visser", "Wit")


def test_who_is_left_out_reads_a_to_z_by_surname_from_the_top(
    qtbot: QtBot, services: Services, actor: Actor, screen_context: ScreenContext
) -> None:
    fill_house_style(services, actor)
    no_post = frozenset({ConsentScope.REGISTRATION})
    for number in range(4):
        for surname in SURNAMES:
            services.caregivers.create(
                actor, consented(no_post, first_name=f"Anna{number}", infix="", last_name=surname)
            )
    services.caregivers.create(
        actor, consented(no_post, first_name="Zoë", infix="van den", last_name="Berg")
    )
    dialog = MailingDialog(screen_context)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(dialog.left_out_button.isEnabled)
    seen: dict[str, object] = {}

    def read(shown: LeftOutDialog) -> None:
        table = shown.records.table
        seen["names"] = [row_texts(table, row)[0] for row in range(table.rowCount())]
        seen["scrolled"] = table.verticalScrollBar().value()
        seen["first visible"] = table.item(table.rowAt(0), 0).text()

    in_dialog(qtbot, dialog.left_out_button, LeftOutDialog, read)
    names = seen["names"]
    assert isinstance(names, list) and len(names) == 37
    assert names[:2] == ["Aalders, Anna0", "Aalders, Anna1"]
    assert names[7:9] == ["Bakker, Anna3", "Berg, Zoë van den"]  # on Berg, not on "van"
    assert names[-1] == "Wit, Anna3"
    assert seen["scrolled"] == 0 and seen["first visible"] == "Aalders, Anna0"
