"""Encrypting an existing plain database: a new, checked copy; the plain file untouched, and
nothing left behind when it fails."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import sqlcipher3.dbapi2 as sqlcipher

from steunpunt.db.kernel import cipher, encryption
from steunpunt.db.kernel.encryption import encrypted_copy_for, make_encrypted_copy, row_counts
from steunpunt.db.kernel.engine import create_engine_for, sqlite_url
from steunpunt.db.kernel.errors import EncryptionFailed
from steunpunt.demo.fill import fill_demo_database
from tests.log_guard import ErrorRecords

KEY = bytes(range(32))


@pytest.fixture
def plain(migrated_template: Path, tmp_path: Path) -> Path:
    """A plain register with a few demo caregivers, closed."""
    file = tmp_path / "steunpunt.sqlite"
    shutil.copy(migrated_template, file)
    engine = create_engine_for(sqlite_url(file))
    fill_demo_database(engine, 30, seed=5)
    engine.dispose()
    return file


def test_the_encrypted_copy_holds_every_row_and_the_plain_file_is_untouched(plain: Path) -> None:
    before = plain.read_bytes()
    copy = make_encrypted_copy(plain, KEY)
    assert copy == encrypted_copy_for(plain) == plain.with_name(".steunpunt.sqlite.versleuteld")
    assert not cipher.is_plain(copy)
    assert plain.read_bytes() == before
    with cipher.connect(plain) as source, cipher.connect(copy, KEY) as encrypted:
        expected = row_counts(source)
        assert expected["caregiver"] == 30
        assert row_counts(encrypted) == expected


def test_a_copy_killed_before_is_made_again(plain: Path) -> None:
    encrypted_copy_for(plain).write_bytes(b"half")
    copy = make_encrypted_copy(plain, KEY)
    with cipher.connect(copy, KEY) as encrypted:
        assert row_counts(encrypted)["caregiver"] == 30


def test_a_full_disk_leaves_no_copy_and_the_plain_file_as_it_was(
    plain: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = plain.read_bytes()

    def full_disk(_plain: Path, target: Path, _key: bytes, _going: object) -> None:
        target.write_bytes(bytes(4096))
        raise sqlcipher.OperationalError("database or disk is full")

    monkeypatch.setattr(encryption.cipher, "export_encrypted", full_disk)
    with pytest.raises(EncryptionFailed, match=r"de schijf is vol\. De database is niet veranderd"):
        make_encrypted_copy(plain, KEY)
    assert not encrypted_copy_for(plain).exists()
    assert plain.read_bytes() == before


@pytest.mark.logs_errors
def test_a_copy_that_lost_rows_is_thrown_away(
    plain: Path, monkeypatch: pytest.MonkeyPatch, logged_errors: ErrorRecords
) -> None:
    export = cipher.export_encrypted

    def losing_a_row(plain_file: Path, target: Path, key: bytes, going: object) -> None:
        export(plain_file, target, key)
        with cipher.connect(target, key) as copy:
            copy.execute("DELETE FROM care_relation WHERE id = (SELECT max(id) FROM care_relation)")

    monkeypatch.setattr(encryption.cipher, "export_encrypted", losing_a_row)
    with pytest.raises(EncryptionFailed, match="klopte niet met de database"):
        make_encrypted_copy(plain, KEY)
    assert not encrypted_copy_for(plain).exists()
    assert logged_errors.templates() == ["Encrypted copy differs: %s"]
