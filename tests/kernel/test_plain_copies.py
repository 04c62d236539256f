"""After encryption, every plain copy the program made is listed with its reason and removed
only when confirmed; encrypted backups and the key file are never among them."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from steunpunt.db.kernel.backup import backup_database
from steunpunt.db.kernel.engine import create_engine_for, sqlite_url
from steunpunt.domain.roles import Role
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.encryption_setup import EncryptionDone, encrypt_database
from steunpunt.services.kernel.errors import NotPermitted
from steunpunt.services.kernel.plain_copies import (
    WHY,
    plain_copies,
    removal_question,
    remove_plain_copies,
)
from tests.kernel.encryption_setup_scenario import (
    BEHEERDER,
    CHEAP,
    HOLDER,
    PlainRegister,
    make_plain_register,
    state,
)


@pytest.fixture
def register(migrated_template: Path, tmp_path: Path) -> PlainRegister:
    return make_plain_register(migrated_template, tmp_path / "data")


@pytest.fixture
def backups(register: PlainRegister) -> Path:
    """The backup folder as an unencrypted register leaves it: copies before migrations and
    by hand."""
    folder = register.file.parent / "backups"
    engine = create_engine_for(sqlite_url(register.file))
    backup_database(engine, folder, "voor-migratie-0007")
    backup_database(engine, folder, "handmatig")
    engine.dispose()
    return folder


def _killed_backup(folder: Path) -> Path:
    """What a backup killed halfway leaves (plain, as the register was)."""
    (handmade,) = folder.glob("steunpunt-*-voor-migratie-*")
    return Path(shutil.copytree(handmade, folder / f".{handmade.name}.part"))


def shown(file: Path) -> str:
    """A backup's database by its backup folder, any other copy by its own name."""
    return file.parent.name if file.name == "steunpunt.sqlite" else file.name


def test_every_plain_copy_is_listed_with_its_reason(register: PlainRegister, backups: Path) -> None:
    assert plain_copies(register.file, [backups]) == []  # the register itself is still plain
    replaced = register.file.with_name("steunpunt.sqlite.vervangen-20261101-093000")
    shutil.copy(register.file, replaced)
    restored = register.file.with_name("steunpunt.sqlite.vervangen-20261102-093000-123456")
    shutil.copy(register.file, restored)  # as a restore names it now
    register.file.with_name("steunpunt.sqlite.leeg-20261001-080000").write_bytes(b"")
    done = encrypt_database(BEHEERDER, register.file, HOLDER, cost=CHEAP)
    encrypted_backup = _encrypted_backup(register, done, backups)
    killed = _killed_backup(backups)

    reasons = {shown(copy.file): copy.reason for copy in plain_copies(register.file, [backups])}
    assert len(reasons) == 6
    assert reasons[done.plain_original.name].startswith(
        "onversleuteld, de database van vóór het versleutelen"
    )
    assert reasons[replaced.name] == (
        "onversleuteld, de database die op 01-11-2026 werd vervangen door een reservekopie"
    )
    assert reasons[restored.name] == (
        "onversleuteld, de database die op 02-11-2026 werd vervangen door een reservekopie"
    )
    (migration,) = [reason for name, reason in reasons.items() if name.endswith("0007")]
    assert "gemaakt voor het bijwerken van de database" in migration
    assert "onvoltooide reservekopie" in reasons[killed.name]
    assert encrypted_backup.name not in reasons
    assert not any("sleutels" in name or "leeg" in name for name in reasons)


def test_the_question_says_why_and_names_every_file(register: PlainRegister, backups: Path) -> None:
    done = encrypt_database(BEHEERDER, register.file, HOLDER, cost=CHEAP)
    copies = plain_copies(register.file, [backups])
    question = removal_question(copies)
    assert question.startswith(WHY)
    assert "wie er één vindt of meeneemt, kan alle gegevens van het steunpunt lezen" in question
    assert f"• {done.plain_original.name}: onversleuteld" in question
    assert f"Deze {len(copies)} bestand(en) worden verwijderd" in question


def test_removal_takes_every_plain_copy_and_leaves_the_encrypted_ones(
    register: PlainRegister, backups: Path
) -> None:
    done = encrypt_database(BEHEERDER, register.file, HOLDER, cost=CHEAP)
    encrypted_backup = _encrypted_backup(register, done, backups)
    _killed_backup(backups)
    copies = plain_copies(register.file, [backups])
    wal = copies[0].file.with_name(copies[0].file.name + "-wal")
    wal.write_bytes(b"plain pages")
    removal = remove_plain_copies(BEHEERDER, copies)
    assert (removal.removed, removal.kept) == (len(copies), ())
    assert plain_copies(register.file, [backups]) == []
    assert sorted(path.name for path in backups.iterdir()) == [encrypted_backup.name]
    assert not wal.exists()
    assert encrypted_backup.exists()
    assert state(register) == "encrypted"


def test_a_file_no_longer_plain_since_it_was_listed_is_left_alone(
    register: PlainRegister,
) -> None:
    done = encrypt_database(BEHEERDER, register.file, HOLDER, cost=CHEAP)
    copies = plain_copies(register.file, [])
    done.plain_original.unlink()
    shutil.copy(register.file, done.plain_original)  # now an encrypted file of that name
    assert remove_plain_copies(BEHEERDER, copies).removed == 0
    assert done.plain_original.exists()


def test_only_a_beheerder_removes_plain_copies(register: PlainRegister) -> None:
    done = encrypt_database(BEHEERDER, register.file, HOLDER, cost=CHEAP)
    copies = plain_copies(register.file, [])
    with pytest.raises(NotPermitted):
        remove_plain_copies(Actor(2, "Els", Role.MEDEWERKER), copies)
    assert done.plain_original.exists()


def _encrypted_backup(register: PlainRegister, done: EncryptionDone, folder: Path) -> Path:
    engine = create_engine_for(sqlite_url(register.file), done.data_key)
    try:
        return backup_database(engine, folder, "handmatig")
    finally:
        engine.dispose()
