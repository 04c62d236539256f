"""A backup folder is on disk, every file and the folder itself, before it gets its name: a
power cut just after the rename cannot leave a "complete" backup whose key file is empty."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sqlalchemy import Engine

from steunpunt.db.kernel import backup as backup_module
from steunpunt.db.kernel import database_file as database_file_module
from steunpunt.db.kernel.backup import copy_backup
from steunpunt.db.kernel.engine import engine_key
from steunpunt.db.kernel.keyfile import key_file_for
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.container import Services

pytestmark = pytest.mark.skipif(os.name != "posix", reason="reads what a descriptor names")


class Flushes:
    """Records what ``os.fsync`` flushed and what ``os.replace`` renamed, in order."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.steps: list[tuple[str, Path]] = []
        fsync, replace = os.fsync, os.replace

        def recorded_fsync(descriptor: int) -> None:
            self.steps.append(("fsync", Path(os.readlink(f"/proc/self/fd/{descriptor}"))))
            fsync(descriptor)

        def recorded_replace(source: Path, target: Path) -> None:
            self.steps.append(("replace", Path(source)))
            replace(source, target)

        for module in (backup_module, database_file_module):
            monkeypatch.setattr(module.os, "fsync", recorded_fsync)
        monkeypatch.setattr(backup_module.os, "replace", recorded_replace)

    def before_rename(self, partial_name: str) -> set[str]:
        """The names (relative to the partial folder) flushed before it was renamed."""
        renamed = self.steps.index(("replace", self._partial(partial_name)))
        flushed = set()
        for kind, path in self.steps[:renamed]:
            if kind == "fsync" and path.name == partial_name:
                flushed.add(".")
            elif kind == "fsync" and path.parent.name == partial_name:
                flushed.add(path.name)
        return flushed

    def after_rename(self, partial_name: str) -> list[Path]:
        renamed = self.steps.index(("replace", self._partial(partial_name)))
        return [path for kind, path in self.steps[renamed + 1 :] if kind == "fsync"]

    def _partial(self, name: str) -> Path:
        return next(path for kind, path in self.steps if kind == "replace" and path.name == name)


def test_the_key_file_manifest_and_folder_are_flushed_before_the_backup_is_named(
    services: Services,
    actor: Actor,
    engine: Engine,
    database_file: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    key_file_for(database_file).write_bytes(b"de sleutels")
    flushes = Flushes(monkeypatch)
    folder = tmp_path / "backups"
    made = services.backups.make(engine, folder)
    partial = f".{made.name}.part"
    assert flushes.before_rename(partial) == {
        ".",
        "manifest.json",
        "steunpunt.sqlite",
        "steunpunt.sqlite.sleutels",
    }
    assert folder.resolve() in flushes.after_rename(partial)  # the rename itself is durable

    second = tmp_path / "usb"
    copied = copy_backup(made, second, engine_key(engine))
    copied_partial = f".{copied.name}.part"
    assert flushes.before_rename(copied_partial) == {
        ".",
        "manifest.json",
        "steunpunt.sqlite",
        "steunpunt.sqlite.sleutels",
    }
    assert second.resolve() in flushes.after_rename(copied_partial)
