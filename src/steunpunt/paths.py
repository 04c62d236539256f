"""Where Steunpunt keeps its files: data, config, logs, backups and letters."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

APP_NAME = "Steunpunt"
DATA_DIR_ENV = "STEUNPUNT_DATA_DIR"
DATABASE_FILENAME = "steunpunt.sqlite"


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


def resolve_paths(data_dir: str | os.PathLike[str] | None = None) -> AppPaths:
    """Paths from ``--data-dir``, else ``STEUNPUNT_DATA_DIR``, else the platform's user folders.

    With an explicit data folder everything (config, logs, backups) lives below it, so a
    test or a demo never touches the user's real files.
    """
    chosen = data_dir or os.environ.get(DATA_DIR_ENV)
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
