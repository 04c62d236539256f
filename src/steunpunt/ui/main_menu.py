"""The main window's menus, built from one table: what each line says, its keys, what it does."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence

from steunpunt.domain.roles import Role
from steunpunt.ui.accounts.lock import LOCK_KEYS
from steunpunt.ui.i18n import tr

if TYPE_CHECKING:
    from steunpunt.ui.main_window import MainWindow

MenuItem = tuple[str, "str | QKeySequence.StandardKey | None", Callable[[], object]]
"""A menu line: its text, its shortcut, and what it does."""

NEEDS = {
    "&Nieuwe mantelzorger": ("caregivers", "CaregiverService.create"),
    "&Zoeken": ("caregivers", "CaregiverService.search"),
    "&Vandaag": ("today", "WorklistService.items"),
    "&Mantelzorgers": ("caregivers", "CaregiverService.search"),
    "&Dashboard": ("reports", "ReportService.report"),
    "&Mailing maken…": ("letters", "MailingService.make_mailing"),
    "Brief&sjablonen…": ("letters", "LetterService.save_template"),
    "&Mantelzorgcompliment…": ("compliment", "RoundService.rounds"),
    "&Verantwoording voor de gemeente…": ("reports", "ReportService.report"),
    "&Huisstijl en briefpapier…": ("letters", "LetterService.save_house_style"),
    "&Sociale kaart…": ("support", "PartnerService.update"),
    "&Instellingen ondersteuning…": ("support", "BurdenService.save_bands"),
    "&Auditlog…": ("kernel", "AuditService.events"),
    "&Bewaartermijn…": ("privacy", "RetentionService.past_period"),
    "Mogelijke &dubbelen…": ("duplicates", "DuplicateService.scan"),
    "Reservekopie &terugzetten…": ("kernel", "BackupService.before_restore"),
    "Reservekopie-&instellingen…": ("kernel", "BackupService.save_settings"),
    "Database &versleutelen…": ("accounts", "AccountService.key_holder"),
    "Nieuwe &herstelsleutel…": ("accounts", "RecoveryService.new_recovery_key"),
}
"""The use case a menu line leads to: greyed for a role that may not call it."""


def build_menus(window: MainWindow) -> None:
    """Every menu from one table: (text, shortcut or None, action); None is a separator."""
    new = QKeySequence.StandardKey.New
    quit_keys = QKeySequence.StandardKey.Quit
    beheerder_only: list[MenuItem | None] = (
        [
            None,
            ("&Accounts…", None, window.manage_accounts),
            ("Nieuwe &herstelsleutel…", None, window.replace_recovery_key),
        ]
        if window.context.actor.role is Role.BEHEERDER
        else []
    )
    if beheerder_only and window.may_encrypt():
        beheerder_only.append(("Database &versleutelen…", None, window.encrypt_database))
    importing: list[MenuItem | None] = (
        [
            None,
            ("&Importeren…", None, window.import_file),
            ("Import ongedaan &maken…", None, window.undo_import),
        ]
        if window.context.may("imports", "ImportService.run")
        else []
    )
    menus: list[tuple[str, list[MenuItem | None]]] = [
        (
            "&Bestand",
            [
                ("&Nieuwe mantelzorger", new, window.new_caregiver),
                ("&Zoeken", None, window.go_to_search),
                *importing,
                None,
                ("&Reservekopie maken", None, window.make_backup),
                ("Reservekopie &terugzetten…", None, window.ask_restore),
                ("Andere database &openen…", None, window.ask_open_other),
                None,
                ("&Wachtwoord wijzigen…", None, window.change_password),
                ("&Vergrendelen", LOCK_KEYS, window.lock.lock),
                None,
                ("&Afsluiten", quit_keys, window.close),
            ],
        ),
        (
            "Bee&ld",
            [
                ("&Vandaag", "Ctrl+1", window.show_today),
                ("&Mantelzorgers", "Ctrl+2", window.go_to_search),
                ("&Dashboard", "Ctrl+3", window.show_dashboard),
            ],
        ),
        (
            "B&rieven",
            [
                ("&Mailing maken…", "Ctrl+M", window.make_mailing),
                ("Brief&sjablonen…", None, window.edit_templates),
            ],
        ),
        ("&Compliment", [("&Mantelzorgcompliment…", "Ctrl+K", window.open_compliment)]),
        (
            "&Rapportage",
            [("&Verantwoording voor de gemeente…", "Ctrl+R", window.make_report)],
        ),
        (
            "Be&heer",
            [
                ("&Huisstijl en briefpapier…", None, window.edit_house_style),
                ("&Sociale kaart…", None, window.edit_partners),
                ("&Instellingen ondersteuning…", None, window.edit_support_settings),
                ("Mogelijke &dubbelen…", None, window.find_duplicates),
                None,
                ("&Auditlog…", None, window.show_audit_log),
                ("&Bewaartermijn…", None, window.review_retention),
                ("Reservekopie-&instellingen…", None, window.edit_backup_settings),
                *beheerder_only,
            ],
        ),
        ("&Help", [("&Over Steunpunt", None, window.about)]),
    ]
    for title, items in menus:
        menu = window.menuBar().addMenu(tr(title))
        for item in items:
            if item is None:
                menu.addSeparator()
                continue
            text, keys, slot = item
            action = QAction(tr(text), window)
            if keys is not None:
                action.setShortcut(QKeySequence(keys))
            action.triggered.connect(slot)
            action.setEnabled(text not in NEEDS or window.context.may(*NEEDS[text]))
            menu.addAction(action)
