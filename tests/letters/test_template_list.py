"""Briefsjablonen: every template's name can be read in full in the list, at any width."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QStyle
from pytestqt.qtbot import QtBot

from steunpunt.domain.choices import LetterKind
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.container import Services
from steunpunt.services.letters.dto import TemplateData
from steunpunt.ui.context import ScreenContext
from steunpunt.ui.letters.template_editor import TemplateEditor

LONG_NAMES = (
    "Uitnodiging thema-avond respijtzorg en vervangende zorg in het buurthuis",
    "Huishoudelijke hulp: bewijs van inschrijving voor de gemeente Amersfoort",
)


def unreadable(editor: TemplateEditor) -> list[str]:
    """The entries that do not fit their place: wider than the list, or too low for the lines
    their name wraps onto."""
    view = editor.list
    margin = view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
    metrics = view.fontMetrics()
    cut = []
    for row in range(view.count()):
        item = view.item(row)
        place = view.visualItemRect(item)
        lines = metrics.boundingRect(
            QRect(0, 0, place.width() - 2 * margin, 10_000),
            Qt.TextFlag.TextWordWrap,
            item.text(),
        )
        if place.right() >= view.viewport().width() or place.height() < lines.height():
            cut.append(item.text())
    return cut


def test_long_template_names_wrap_onto_lines_that_all_show(
    qtbot: QtBot, services: Services, actor: Actor, screen_context: ScreenContext
) -> None:
    for name in LONG_NAMES:
        services.letters.save_template(actor, TemplateData(name, LetterKind.FREE, "", "{aanhef},"))
    editor = TemplateEditor(screen_context)
    qtbot.addWidget(editor)
    editor.resize(1000, 700)
    with qtbot.waitExposed(editor):
        editor.show()
    for width in (270, 200, 150, 320):
        sizes = editor.splitter.sizes()
        editor.splitter.setSizes([width, sizes[1] + sizes[0] - width, sizes[2]])
        qtbot.wait(20)
        assert unreadable(editor) == [], width
