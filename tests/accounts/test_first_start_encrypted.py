"""The window on an encrypted register: the first start makes it encrypted and shows the
recovery key once; afterwards only the right password opens it, and nothing shows before."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QLabel
from pytestqt.qtbot import QtBot

from steunpunt import app as application
from steunpunt.db.kernel.cipher import is_plain
from steunpunt.db.kernel.keyfile import key_file_for, unlock_with_recovery_key
from steunpunt.entrance import Entrance
from steunpunt.paths import AppPaths, demo_paths, resolve_paths
from steunpunt.services.kernel.actor import Actor
from steunpunt.ui.accounts.recovery_key_dialog import RecoveryKeyDialog
from steunpunt.ui.accounts.sign_in_dialogs import FirstBeheerderDialog, SignInDialog
from steunpunt.ui.main_window import MainWindow
from tests.widgets import DialogsInTurn, click, press_ok, save_as, tick, type_text

PASSWORD = "paars konijn op de fiets"


def register_shown() -> bool:
    return any(
        isinstance(widget, MainWindow) and widget.isVisible()
        for widget in QApplication.topLevelWidgets()
    )


def close_when_shown(seen: list[Actor]) -> object:
    def shown(window: MainWindow) -> None:
        def look() -> None:
            seen.append(window.context.actor)
            window.close()

        QTimer.singleShot(0, look)

    return shown


def test_first_start_makes_an_encrypted_register_and_shows_the_recovery_key_once(
    qtbot: QtBot,
    app_paths: AppPaths,
    program_state: None,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    monkeypatch.setattr(application, "CHECK_AFTER_MS", 0)
    sheet = tmp_path / "kluis" / "herstelsleutel.pdf"
    sheet.parent.mkdir()
    save_as(monkeypatch, sheet)
    shown_key: list[str] = []

    def first(dialog: FirstBeheerderDialog) -> None:
        assert not register_shown()
        type_text(dialog.name, "Els de Wit")
        type_text(dialog.login, "els")
        type_text(dialog.password, PASSWORD)
        type_text(dialog.repeated, PASSWORD)
        press_ok(qtbot, dialog)
        assert dialog.result() == QDialog.DialogCode.Accepted, dialog.error.text()

    def recovery(dialog: RecoveryKeyDialog) -> None:
        assert not register_shown()
        lines = dialog.key.text().splitlines()
        assert [len(line.split()) for line in lines] == [5, 5]
        shown_key.append("-".join(" ".join(lines).split()))
        texts = " ".join(label.text() for label in dialog.findChildren(QLabel))
        assert "één keer getoond" in texts
        assert not dialog.ok.isEnabled()
        click(qtbot, dialog.printing)  # the sheet for the safe, where the person chose
        assert f"Map: {sheet.parent}\nBestand: {sheet.name}" in dialog.said.text()
        dialog.reject()  # Escape or the window's cross: the key stays until it is noted
        assert dialog.isVisible()
        tick(qtbot, dialog.written)
        assert dialog.written.text() == "Ik heb de herstelsleutel opgeschreven of afgedrukt"
        click(qtbot, dialog.ok)

    seen: list[Actor] = []
    turns = DialogsInTurn([(FirstBeheerderDialog, first), (RecoveryKeyDialog, recovery)])
    assert application.run(app_paths, on_shown=close_when_shown(seen)) == 0  # type: ignore[arg-type]
    turns.check()

    assert [actor.name for actor in seen] == ["Els de Wit"]
    file = app_paths.database_file
    assert not is_plain(file) and b"Els de Wit" not in file.read_bytes()
    assert len(unlock_with_recovery_key(key_file_for(file), shown_key[0])) == 32
    assert sheet.read_bytes().startswith(b"%PDF")


def test_only_the_right_password_opens_the_encrypted_register(
    qtbot: QtBot, app_paths: AppPaths, program_state: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(application, "CHECK_AFTER_MS", 0)
    made = Entrance(app_paths.database_file, app_paths).create_first_beheerder(
        "Els de Wit", "els", PASSWORD, PASSWORD
    )
    made.close()

    def sign_in(dialog: SignInDialog) -> None:
        type_text(dialog.login, "els")
        type_text(dialog.password, "fout wachtwoord hier")
        press_ok(qtbot, dialog)
        assert dialog.error.text().startswith("Inlognaam of wachtwoord klopt niet")
        assert not register_shown() and dialog.isVisible()
        type_text(dialog.password, PASSWORD)
        press_ok(qtbot, dialog)

    seen: list[Actor] = []
    turns = DialogsInTurn([(SignInDialog, sign_in)])
    assert application.run(app_paths, on_shown=close_when_shown(seen)) == 0  # type: ignore[arg-type]
    turns.check()
    assert [actor.name for actor in seen] == ["Els de Wit"]


def test_the_demo_window_opens_on_the_encrypted_demo_with_its_published_password(
    qtbot: QtBot,
    tmp_path: Path,
    program_state: None,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from steunpunt import cli, display_check
    from steunpunt.demo.accounts import DEMO_LOGIN, DEMO_PASSWORD

    monkeypatch.setattr(cli, "DEMO_CAREGIVERS", 5)
    monkeypatch.setattr(display_check, "check_display", lambda *_args: None)
    monkeypatch.setattr(application, "CHECK_AFTER_MS", 0)
    seen: list[str] = []

    def sign_in(dialog: SignInDialog) -> None:
        assert dialog.login.text() == DEMO_LOGIN and not register_shown()
        notes = " ".join(label.text() for label in dialog.findChildren(QLabel))
        assert DEMO_PASSWORD in notes
        type_text(dialog.password, DEMO_PASSWORD)
        press_ok(qtbot, dialog)

    def close_the_window() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, MainWindow) and widget.isVisible():
                seen.append(widget.context.actor.name)
                widget.close()

    closer = QTimer()
    closer.timeout.connect(close_the_window)
    closer.start(20)
    turns = DialogsInTurn([(SignInDialog, sign_in)])
    assert cli.main(["--data-dir", str(tmp_path / "data"), "--demo"]) == 0
    closer.stop()
    turns.check()
    assert seen == ["Demo Beheerder"]
    demo_file = demo_paths(resolve_paths(tmp_path / "data")).database_file
    assert not is_plain(demo_file) and key_file_for(demo_file).exists()
    assert "mantelzorg-medewerker" in capsys.readouterr().out
