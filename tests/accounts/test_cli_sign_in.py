"""The command line signs in: ``--user`` and ``STEUNPUNT_PASSWORD``; a new folder needs no account."""

from __future__ import annotations

from pathlib import Path

import pytest

from steunpunt.cli import main


def test_a_command_on_a_database_with_accounts_needs_the_right_password(
    demo_folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("STEUNPUNT_USER", raising=False)
    backup = ["backup", "--data-dir", str(demo_folder)]
    assert main(backup) == 1
    assert "Geef met --user uw inlognaam op" in capsys.readouterr().err
    monkeypatch.setenv("STEUNPUNT_PASSWORD", "fout wachtwoord hier")
    assert main([*backup, "--user", "beheerder"]) == 1
    assert capsys.readouterr().err.startswith("Inlognaam of wachtwoord klopt niet")
    monkeypatch.setenv("STEUNPUNT_PASSWORD", "mantelzorg-medewerker")
    assert main([*backup, "--user", "medewerker"]) == 0
    assert "Reservekopie gemaakt" in capsys.readouterr().out


def test_demo_add_accepts_the_demo_beheerder(
    demo_folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("STEUNPUNT_PASSWORD", "mantelzorg-beheerder")
    arguments = ["demo", "--data-dir", str(demo_folder), "--caregivers", "5", "--add"]
    assert main([*arguments, "--user", "beheerder"]) == 0
    assert "Klaar: 15 mantelzorgers." in capsys.readouterr().out


def test_self_test_on_a_new_folder_needs_no_account(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("STEUNPUNT_USER", raising=False)
    monkeypatch.delenv("STEUNPUNT_PASSWORD", raising=False)
    assert main(["self-test", "--data-dir", str(tmp_path / "nieuw")]) == 0
    assert "Zelftest geslaagd." in capsys.readouterr().out


def test_the_command_line_acts_as_who_signed_in_with_their_role(
    demo_folder: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    target = tmp_path / "lijst.xlsx"
    export = ["export", str(target), "--data-dir", str(demo_folder)]
    monkeypatch.setenv("STEUNPUNT_PASSWORD", "mantelzorg-vrijwilliger")
    assert main([*export, "--user", "vrijwilliger"]) == 1
    assert capsys.readouterr().err.startswith("Met de rol Vrijwilliger mag u ")
    assert not target.exists()
    monkeypatch.setenv("STEUNPUNT_PASSWORD", "mantelzorg-medewerker")
    assert main([*export, "--user", "medewerker"]) == 0
    assert target.exists()
