"""A backup made on another computer of the same steunpunt (another data key) restores with the
steunpunt's recovery key, and only with it."""

from __future__ import annotations

from pathlib import Path

import pytest

from steunpunt.db.kernel.engine import create_engine_for, make_session_factory, sqlite_url
from steunpunt.db.kernel.errors import BackupUnusable
from steunpunt.db.kernel.keyfile import key_file_for
from steunpunt.domain.keys.errors import SecretRefused
from steunpunt.services.kernel.backup import restore
from steunpunt.services.kernel.container import build_services
from steunpunt.services.kernel.encryption_setup import encrypt_database
from tests.kernel.encryption_setup_scenario import (
    BEHEERDER,
    CHEAP,
    HOLDER,
    make_plain_register,
)


def test_a_backup_from_another_computer_restores_with_the_recovery_key(
    migrated_template: Path, tmp_path: Path
) -> None:
    mine = make_plain_register(migrated_template, tmp_path / "hier")
    theirs = make_plain_register(migrated_template, tmp_path / "daar")
    my_keys = encrypt_database(BEHEERDER, mine.file, HOLDER, cost=CHEAP)
    their_keys = encrypt_database(BEHEERDER, theirs.file, HOLDER, cost=CHEAP)
    engine = create_engine_for(sqlite_url(theirs.file), their_keys.data_key)
    backup = build_services(make_session_factory(engine)).backups.make(engine, tmp_path / "usb")
    engine.dispose()

    my_engine = create_engine_for(sqlite_url(mine.file), my_keys.data_key)
    services = build_services(make_session_factory(my_engine))
    folder = tmp_path / "hier" / "backups"
    before = mine.file.read_bytes()
    with pytest.raises(BackupUnusable, match="is versleuteld met een andere sleutel"):
        services.backups.before_restore(BEHEERDER, my_engine, backup, folder)
    with pytest.raises(SecretRefused):
        services.backups.before_restore(BEHEERDER, my_engine, backup, folder, my_keys.recovery_key)
    assert mine.file.read_bytes() == before
    saved = services.backups.before_restore(
        BEHEERDER, my_engine, backup, folder, their_keys.recovery_key
    )
    assert saved is not None
    my_engine.dispose()
    restore(backup, mine.file, my_engine, their_keys.recovery_key)

    kept = key_file_for(backup / "steunpunt.sqlite")
    assert key_file_for(mine.file).read_bytes() == kept.read_bytes()
    restored = create_engine_for(sqlite_url(mine.file), their_keys.data_key)
    assert build_services(make_session_factory(restored)).caregivers.count() == 30
    restored.dispose()
