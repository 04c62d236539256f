"""The demo database is encrypted with the demo accounts' published passwords."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from steunpunt.cli import main
from steunpunt.db.kernel.cipher import is_plain
from steunpunt.db.kernel.keyfile import key_file_for, key_holders
from steunpunt.demo.accounts import DEMO_ACCOUNTS
from steunpunt.paths import resolve_paths
from tests.helpers import open_demo


def test_the_demo_file_holds_none_of_the_demo_people_in_readable_form(demo_folder: Path) -> None:
    file = resolve_paths(demo_folder).database_file
    database = open_demo(demo_folder)
    try:
        with database.engine.connect() as connection:
            people = connection.execute(
                text("SELECT last_name, postcode, street FROM caregiver")
            ).all()
        raw = b"".join(
            path.read_bytes()
            for path in (file, file.with_name(file.name + "-wal"))
            if path.exists()
        )
    finally:
        database.close()
    words = {word for row in people for word in row if word and len(word) >= 4}
    assert len(people) == 10 and len(words) > 10
    assert not is_plain(file)
    assert sorted(word for word in words if word.encode() in raw) == []


def test_every_demo_account_opens_the_demo_with_its_published_password(
    demo_folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    file = resolve_paths(demo_folder).database_file
    assert sorted(key_holders(key_file_for(file)).values()) == sorted(
        login for _n, login, _r, _p in DEMO_ACCOUNTS
    )
    for _name, login, role, _password in DEMO_ACCOUNTS:
        database = open_demo(demo_folder, login)
        assert database.actor.role is role
        database.close()
    monkeypatch.setenv("STEUNPUNT_PASSWORD", "mantelzorg-medewerker")
    assert main(["self-test", "--data-dir", str(demo_folder), "--user", "medewerker"]) == 0
    assert "Zelftest geslaagd." in capsys.readouterr().out
    monkeypatch.setenv("STEUNPUNT_PASSWORD", "mantelzorg-beheerder")
    assert main(["self-test", "--data-dir", str(demo_folder), "--user", "medewerker"]) == 1
    assert capsys.readouterr().err.startswith("Inlognaam of wachtwoord klopt niet")
