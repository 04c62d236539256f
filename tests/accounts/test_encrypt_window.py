"""Encrypting a plain register in the window, as a person does it: the first beheerder at the
start, or a beheerder from Beheer › Database versleutelen; the progress can be stopped, a full
disk is said in Dutch, and either way the register opens again."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from steunpunt import app as application
from steunpunt import entrance as entrance_module
from steunpunt.db.kernel import cipher, encryption
from steunpunt.db.kernel.keyfile import key_file_for
from steunpunt.domain.roles import Role
from steunpunt.entrance import Entrance
from steunpunt.paths import AppPaths
from steunpunt.services.accounts.dto import AccountData
from steunpunt.services.kernel.actor import Actor
from steunpunt.ui.accounts.encrypt_flow import EncryptDialog, EncryptionProgress
from steunpunt.ui.accounts.recovery_key_dialog import RecoveryKeyDialog
from steunpunt.ui.accounts.sign_in_dialogs import FirstBeheerderDialog, SignInDialog
from steunpunt.ui.main_window import MainWindow
from tests.accounts.test_encrypt_plain import HANDED_OVER, PASSWORD, plain, raw_bytes, rows
from tests.kernel.encryption_setup_scenario import PlainRegister
from tests.ui_fixtures import make_context
from tests.widgets import (
    Answers,
    DialogsInTurn,
    click,
    menu_entry,
    press_ok,
    tick,
    type_text,
)

__all__ = ["plain"]  # the fixture


def visible_window() -> MainWindow | None:
    shown = [
        widget
        for widget in QApplication.topLevelWidgets()
        if isinstance(widget, MainWindow) and widget.isVisible()
    ]
    return shown[0] if shown else None


def first(qtbot: QtBot) -> Callable[[FirstBeheerderDialog], None]:
    def drive(dialog: FirstBeheerderDialog) -> None:
        type_text(dialog.name, "Els de Wit")
        type_text(dialog.login, "els")
        type_text(dialog.password, PASSWORD)
        type_text(dialog.repeated, PASSWORD)
        press_ok(qtbot, dialog)
        assert dialog.result() == QDialog.DialogCode.Accepted, dialog.error.text()

    return drive


def note_the_key(qtbot: QtBot) -> Callable[[RecoveryKeyDialog], None]:
    def drive(dialog: RecoveryKeyDialog) -> None:
        assert visible_window() is None  # nothing of the register before the key is noted
        tick(qtbot, dialog.written)
        click(qtbot, dialog.ok)

    return drive


class Seen:
    """What the window showed once it opened: who, how many caregivers; then it is closed."""

    def __init__(self) -> None:
        self.who: list[str] = []
        self.caregivers: list[int] = []
        self.menu: list[bool] = []

    def closing_each_window(self) -> QTimer:
        """Closes every window that opens (also one opened again), noting what it shows."""
        timer = QTimer()

        def look() -> None:
            window = visible_window()
            if window is None:
                return
            self.who.append(window.context.actor.name)
            self.caregivers.append(window.context.services.caregivers.count())
            self.menu.append(window.may_encrypt())
            window.close()

        timer.timeout.connect(look)
        timer.start(30)
        return timer


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch, program_state: None, answers: Answers) -> Answers:
    """The program can be started in the test; the checks wait; removal is answered yes."""
    monkeypatch.setattr(application, "CHECK_AFTER_MS", 60_000)
    answers.question_answer = QMessageBox.StandardButton.Yes
    return answers


def test_the_first_beheerder_at_the_start_encrypts_the_plain_register(
    qtbot: QtBot, plain: PlainRegister, app_paths: AppPaths, started: Answers
) -> None:
    seen = Seen()
    turns = DialogsInTurn(
        [(FirstBeheerderDialog, first(qtbot)), (RecoveryKeyDialog, note_the_key(qtbot))]
    )
    closer = seen.closing_each_window()
    assert application.run(app_paths) == 0
    closer.stop()
    turns.check()

    assert seen.who == ["Els de Wit"] and seen.caregivers == [30] and seen.menu == [False]
    assert not cipher.is_plain(plain.file)
    assert not any(secret in raw_bytes(plain.file) for secret in plain.secrets)
    accounts_said, question = started.texts
    assert "andere accounts kunnen de database nog niet openen" in accounts_said
    assert "Wachtwoord opnieuw instellen" in accounts_said
    assert "wie er één vindt of meeneemt, kan alle gegevens" in question
    assert "gemaakt voor het bijwerken van de database" in question
    assert list(app_paths.backup_dir.glob("steunpunt-*-voor-migratie-*")) == []
    assert not list(plain.file.parent.glob("steunpunt.sqlite.onversleuteld-*"))


def test_no_keeps_the_plain_copies(
    qtbot: QtBot, plain: PlainRegister, app_paths: AppPaths, started: Answers
) -> None:
    started.question_answer = QMessageBox.StandardButton.No
    seen = Seen()
    turns = DialogsInTurn(
        [(FirstBeheerderDialog, first(qtbot)), (RecoveryKeyDialog, note_the_key(qtbot))]
    )
    closer = seen.closing_each_window()
    assert application.run(app_paths) == 0
    closer.stop()
    turns.check()
    assert seen.who == ["Els de Wit"] and not cipher.is_plain(plain.file)
    assert len(list(app_paths.backup_dir.glob("steunpunt-*-voor-migratie-*"))) == 1


def slowed_encryption(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each step of the encryption takes a moment, so that a person can stop it."""
    real = entrance_module.encrypt_database

    def slowly(*args: object, **kwargs: object) -> object:
        progress = args[3]
        assert callable(progress)

        def step(done: int, total: int) -> bool:
            time.sleep(0.05)
            return bool(progress(done, total))

        return real(*args[:3], step, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(cipher, "PROGRESS_STEPS", 50)
    monkeypatch.setattr(entrance_module, "encrypt_database", slowly)


def test_stopping_the_encryption_opens_the_plain_register_as_it_was(
    qtbot: QtBot,
    plain: PlainRegister,
    app_paths: AppPaths,
    started: Answers,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    slowed_encryption(monkeypatch)
    seen = Seen()

    def stop(dialog: EncryptionProgress) -> None:
        assert dialog.windowTitle() == "Database versleutelen"
        click(qtbot, dialog.stop_button)
        assert dialog.said.text() == "Het versleutelen wordt gestopt…"

    turns = DialogsInTurn([(FirstBeheerderDialog, first(qtbot)), (EncryptionProgress, stop)])
    closer = seen.closing_each_window()
    assert application.run(app_paths) == 0
    closer.stop()
    turns.check()

    assert seen.who == ["Els de Wit"] and seen.caregivers == [30] and seen.menu == [True]
    assert cipher.is_plain(plain.file) and not key_file_for(plain.file).exists()
    assert rows(plain.file)["caregiver"] == 30
    [said] = started.texts
    assert said.startswith("Het versleutelen is gestopt. De database is niet veranderd")
    assert "Beheer › Database versleutelen" in said


def test_a_full_disk_is_said_and_the_plain_register_opens(
    qtbot: QtBot,
    plain: PlainRegister,
    app_paths: AppPaths,
    started: Answers,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def full_disk(_plain: Path, target: Path, _key: bytes, _going: object) -> None:
        target.write_bytes(bytes(4096))
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(encryption.cipher, "export_encrypted", full_disk)
    seen = Seen()
    turns = DialogsInTurn([(FirstBeheerderDialog, first(qtbot))])
    closer = seen.closing_each_window()
    assert application.run(app_paths) == 0
    closer.stop()
    turns.check()

    assert seen.who == ["Els de Wit"] and seen.caregivers == [30]
    assert cipher.is_plain(plain.file) and not key_file_for(plain.file).exists()
    [said] = started.texts
    assert "de schijf is vol" in said and "De database is niet veranderd" in said
    assert "Beheer › Database versleutelen" in said


def test_a_beheerder_encrypts_from_the_menu_and_the_window_opens_again(
    qtbot: QtBot, plain: PlainRegister, app_paths: AppPaths, started: Answers
) -> None:
    made = Entrance(plain.file, app_paths).create_first_beheerder(
        "Els de Wit", "els", PASSWORD, PASSWORD
    )
    made.close()
    seen: list[tuple[str, bool, int]] = []

    def sign_in(dialog: SignInDialog) -> None:
        type_text(dialog.login, "els")
        type_text(dialog.password, PASSWORD)
        press_ok(qtbot, dialog)

    def ask(dialog: EncryptDialog) -> None:
        type_text(dialog.password, "fout wachtwoord hier")
        press_ok(qtbot, dialog)
        assert dialog.error.text().startswith("Het wachtwoord klopt niet")
        assert cipher.is_plain(plain.file)
        type_text(dialog.password, PASSWORD)
        press_ok(qtbot, dialog)

    def shown(window: MainWindow) -> None:
        def look() -> None:
            entry = menu_entry(window, "Database versleutelen…")
            assert entry.isEnabled()
            entry.trigger()

        QTimer.singleShot(0, look)

    def reopened() -> None:
        window = visible_window()
        if window is None or window.may_encrypt():
            return
        caregivers = window.context.services.caregivers.count()
        seen.append((window.context.actor.name, window.may_encrypt(), caregivers))
        window.close()

    closer = QTimer()
    closer.timeout.connect(reopened)
    closer.start(30)
    turns = DialogsInTurn(
        [
            (SignInDialog, sign_in),
            (EncryptDialog, ask),
            (RecoveryKeyDialog, note_the_key(qtbot)),
        ]
    )
    assert application.run(app_paths, on_shown=shown) == 0
    closer.stop()
    turns.check()

    assert seen == [("Els de Wit", False, 30)]
    assert not cipher.is_plain(plain.file)
    assert not any(secret in raw_bytes(plain.file) for secret in plain.secrets)
    accounts_said, question = started.texts
    assert accounts_said.startswith("De database is versleuteld. 4 andere accounts kunnen")
    assert "Dit kan niet ongedaan worden gemaakt." in question


def test_the_menu_offers_it_only_to_a_beheerder_on_a_plain_register(
    qtbot: QtBot, plain: PlainRegister, app_paths: AppPaths, answers: Answers
) -> None:
    made = Entrance(plain.file, app_paths).create_first_beheerder(
        "Els de Wit", "els", PASSWORD, PASSWORD
    )
    els = made.signed_in.actor
    piet = made.services.acting_as(els).accounts.add(
        els, AccountData("Piet", "piet", Role.MEDEWERKER), HANDED_OVER, HANDED_OVER
    )
    texts = []
    for actor in (els, Actor(piet.id, "Piet", Role.MEDEWERKER)):
        window = MainWindow(make_context(made.services, actor, app_paths), made.database)
        qtbot.addWidget(window)
        texts.append([a.text() for m in window.menuBar().actions() for a in m.menu().actions()])
    made.close()
    assert "Database &versleutelen…" in texts[0]
    assert "Database &versleutelen…" not in texts[1]


def test_an_account_from_before_the_encryption_is_told_in_the_sign_in_dialog(
    qtbot: QtBot, plain: PlainRegister, app_paths: AppPaths
) -> None:
    entrance = Entrance(plain.file, app_paths)
    made = entrance.create_first_beheerder("Els de Wit", "els", PASSWORD, PASSWORD)
    els = made.signed_in.actor
    made.services.acting_as(els).accounts.add(
        els, AccountData("Piet", "piet", Role.MEDEWERKER), HANDED_OVER, HANDED_OVER
    )
    entrance.encrypt(made).close()

    dialog = SignInDialog(Entrance(plain.file, app_paths).sign_in, login="piet")
    qtbot.addWidget(dialog)
    type_text(dialog.password, HANDED_OVER)
    press_ok(qtbot, dialog)
    assert dialog.result() != QDialog.DialogCode.Accepted
    said = dialog.error.text()
    assert "de database is versleuteld nadat u uw wachtwoord kreeg" in said
    assert "Vraag een beheerder u een nieuw wachtwoord te geven" in said
