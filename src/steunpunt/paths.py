"""Where Steunpunt keeps its files: data, config, logs, backups and letters."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

APP_NAME = "Steunpunt"
DATA_DIR_ENV = "STEUNPUNT_DATA_DIR"
DATABASE_FILENAME = "steunpunt.sqlite"
PORTABLE_MARKER = "portable.txt"
"""Beside the frozen program: the portable variant, whose data lives in ``data`` beside it."""
PORTABLE_DATA = "data"
PRESET_FILE = "datamap.txt"
"""Beside the frozen program: the data folder IT chose (the installer's ``/DATAMAP=``), one
line, ``%VARIABLES%`` and ``~`` expanded, relative to the program's folder unless absolute
(e.g. ``H:\\Steunpunt`` or ``\\\\server\\steunpunt\\%USERNAME%``); ``#`` starts a comment line."""


@dataclass(frozen=True)
class AppPaths:
    """The folders of one Steunpunt installation; ``ensure()`` creates those it can."""

    data_dir: Path
    config_dir: Path
    log_dir: Path
    backup_dir: Path
    letters_dir: Path
    """Where mailings and letters are written by default (not created until used)."""

    @property
    def database_file(self) -> Path:
        return self.data_dir / DATABASE_FILENAME

    @property
    def settings_file(self) -> Path:
        return self.config_dir / "settings.json"

    def ensure(self) -> AppPaths:
        """Create the folders; on a read-only place those that cannot be made stay missing
        (the log then goes to stderr and the database opens read-only or is refused)."""
        for folder in (self.data_dir, self.config_dir, self.log_dir, self.backup_dir):
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError:
                continue
        return self


def program_folder() -> Path | None:
    """The folder of the frozen program's executable; None when run from a Python install."""
    return Path(sys.executable).resolve().parent if getattr(sys, "frozen", False) else None


def chosen_beside_program(program_dir: Path | None) -> Path | None:
    """The data folder that files beside the frozen program choose: ``data`` for the portable
    variant (``portable.txt``), else the folder written in ``datamap.txt``; None without."""
    if program_dir is None:
        return None
    if (program_dir / PORTABLE_MARKER).is_file():
        return program_dir / PORTABLE_DATA
    try:
        lines = (program_dir / PRESET_FILE).read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    for line in lines:
        if line.strip() and not line.lstrip().startswith("#"):
            return program_dir / Path(os.path.expandvars(line.strip())).expanduser()
    return None


def resolve_paths(
    data_dir: str | os.PathLike[str] | None = None, program_dir: Path | None = None
) -> AppPaths:
    """Paths from ``--data-dir``, else ``STEUNPUNT_DATA_DIR``, else what lies beside the frozen
    program (``portable.txt``, ``datamap.txt``), else the platform's user folders.

    With a chosen data folder everything (config, logs, backups, letters) lives below it, so a
    test or a demo never touches the user's real files and a portable copy leaves nothing on
    the computer. ``program_dir`` defaults to the frozen program's folder.
    """
    chosen = (
        data_dir
        or os.environ.get(DATA_DIR_ENV)
        or chosen_beside_program(program_dir or program_folder())
    )
    if chosen:
        root = Path(chosen).expanduser().resolve()
        return AppPaths(root, root / "config", root / "logs", root / "backups", root / "brieven")
    import platformdirs

    dirs = platformdirs.PlatformDirs(APP_NAME, appauthor=False)
    data = Path(dirs.user_data_dir)
    return AppPaths(
        data,
        Path(dirs.user_config_dir),
        Path(dirs.user_log_dir),
        data / "backups",
        Path(dirs.user_documents_dir) / "Steunpunt brieven",
    )


def demo_paths(base: AppPaths) -> AppPaths:
    """A separate installation for the demo database, beside the real one."""
    root = base.data_dir / "demo"
    return AppPaths(root, root / "config", root / "logs", root / "backups", root / "brieven")
