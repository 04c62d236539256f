"""Typed user settings, declared once with defaults and stored as JSON."""

from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Settings:
    """Everything the user can set; code reads attributes, never loose keys."""

    database_file: str = ""
    """A database file chosen by the user; empty means the default in the data folder."""
    default_municipality: str = ""
    """Gemeente filled in for a new caregiver."""
    window_geometry: str = ""
    """Base64 of the main window's saved geometry."""
    backups_to_keep: int = 10


def load_settings(path: Path) -> Settings:
    """Read settings; a missing or unreadable file gives the defaults (and is logged)."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Settings()
    except (OSError, ValueError):
        log.warning("Settings file %s unreadable; using defaults", path)
        return Settings()
    if not isinstance(raw, dict):
        return Settings()
    defaults = Settings()
    known: dict[str, Any] = {}
    for field in fields(Settings):
        value = raw.get(field.name)
        if value is not None and isinstance(value, type(getattr(defaults, field.name))):
            known[field.name] = value
    return replace(defaults, **known)


def save_settings(path: Path, settings: Settings) -> None:
    """Write settings atomically (a temporary file, then a rename)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".tmp")
    temporary.write_text(json.dumps(asdict(settings), indent=2), encoding="utf-8")
    temporary.replace(path)
