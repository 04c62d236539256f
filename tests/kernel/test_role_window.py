"""The window follows the permission table: greyed menus, and only the screens a role may load."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from steunpunt.domain.audit import AuditFilter, AuditKind
from steunpunt.domain.roles import Role
from steunpunt.paths import AppPaths
from steunpunt.services.kernel.permissions import PERMISSIONS
from steunpunt.startup import OpenDatabase
from steunpunt.ui.main_menu import NEEDS
from steunpunt.ui.main_window import MainWindow
from tests.caregivers.test_caseload import staff_in_role
from tests.ui_fixtures import make_context
from tests.widgets import Answers


def test_every_guarded_menu_line_exists_and_names_a_use_case(window: MainWindow) -> None:
    texts = {
        action.text()
        for menu in window.menuBar().actions()
        for action in menu.menu().actions()  # type: ignore[attr-defined]
    }
    assert set(NEEDS) <= texts
    assert all(".".join(need) in PERMISSIONS for need in NEEDS.values())


@pytest.mark.parametrize(
    ("role", "shown"),
    [(Role.RAPPORTAGE, "dashboard"), (Role.FINANCIEN, "today_view")],
)
def test_a_role_without_the_register_opens_without_a_refusal(
    qtbot: QtBot,
    opened: OpenDatabase,
    app_paths: AppPaths,
    answers: Answers,
    role: Role,
    shown: str,
) -> None:
    """Rapportage lands on the dashboard; financiën on an empty start (the compliment menu)."""
    person = staff_in_role(opened.services, opened.engine, "Rita", role)
    window = MainWindow(make_context(opened.services, person, app_paths), opened)
    qtbot.addWidget(window)
    window.show()
    window.start()
    assert window.stack.currentWidget() is getattr(window, shown)
    assert answers.texts == []
    enabled = {
        action.text().replace("&", ""): action.isEnabled()
        for menu in window.menuBar().actions()
        for action in menu.menu().actions()  # type: ignore[attr-defined]
    }
    assert enabled["Mantelzorgcompliment…"] is (role is Role.FINANCIEN)
    assert enabled["Verantwoording voor de gemeente…"] is (role is Role.RAPPORTAGE)
    assert not enabled["Nieuwe mantelzorger"]


def test_financien_sees_a_rounds_payments_but_not_its_applications(
    qtbot: QtBot, opened: OpenDatabase, app_paths: AppPaths, answers: Answers
) -> None:
    from steunpunt.ui.compliment.window import ComplimentWindow
    from tests.compliment.test_services_compliment import SOEST

    opened.services.rounds.create(opened.actor, SOEST)
    person = staff_in_role(opened.services, opened.engine, "Fenna", Role.FINANCIEN)
    compliment = ComplimentWindow(make_context(opened.services, person, app_paths))
    qtbot.addWidget(compliment)
    compliment.show()
    assert compliment.current_round() is not None
    assert compliment.pay_button.isEnabled()
    assert not compliment.rules_button.isEnabled()
    assert not compliment.applications.new_button.isEnabled()
    assert (
        compliment.applications.count_label.text() == "Aanvragen zijn niet zichtbaar voor uw rol."
    )
    assert answers.texts == []


@pytest.mark.parametrize(
    ("role", "inzage", "erasure"),
    [(Role.BEHEERDER, True, True), (Role.MEDEWERKER, True, False)],
)
def test_the_privacy_menu_offers_what_the_role_may_do(
    qtbot: QtBot,
    opened: OpenDatabase,
    app_paths: AppPaths,
    answers: Answers,
    role: Role,
    inzage: bool,
    erasure: bool,
) -> None:
    person = staff_in_role(opened.services, opened.engine, "Rita", role)
    window = MainWindow(make_context(opened.services, person, app_paths), opened)
    qtbot.addWidget(window)
    privacy = window.form_view.privacy
    assert privacy.inzage_action.isEnabled() is inzage
    assert privacy.erase_action.isEnabled() is erasure


@pytest.mark.parametrize("role", list(Role))
def test_opening_the_window_asks_for_nothing_the_role_may_not_do(
    qtbot: QtBot, opened: OpenDatabase, app_paths: AppPaths, answers: Answers, role: Role
) -> None:
    """Every refusal is recorded, so the window itself must not cause one: the audit log's
    refusals are a person's real attempts."""
    person = staff_in_role(opened.services, opened.engine, "Rita", role)
    window = MainWindow(make_context(opened.services, person, app_paths), opened)
    qtbot.addWidget(window)
    window.show()
    window.start()
    qtbot.wait(50)
    refused = opened.services.audit.events(AuditFilter(kind=AuditKind.REFUSED)).events
    assert [event.summary for event in refused] == []
