"""Typed user settings, declared once with defaults and stored as versioned JSON."""

from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any

from steunpunt.domain.stored_settings import Versioned

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


UPGRADES = Versioned()
"""The settings file's upgrade steps: add one when a key is renamed or changes its meaning."""


def load_settings(path: Path, upgrades: Versioned = UPGRADES) -> Settings:
    """Read settings, upgraded to this version; a missing or unreadable file gives the defaults."""
    stored = _stored(path)
    if stored is None:
        if path.exists():
            log.warning("Settings file %s unreadable; using defaults", path)
        return Settings()
    if upgrades.is_newer(stored):
        log.info("Settings file %s is from a newer version; reading what this one knows", path)
    values = upgrades.upgraded(stored)
    defaults = Settings()
    known: dict[str, Any] = {}
    for field in fields(Settings):
        value = values.get(field.name)
        if value is not None and isinstance(value, type(getattr(defaults, field.name))):
            known[field.name] = value
    return replace(defaults, **known)


def save_settings(path: Path, settings: Settings, upgrades: Versioned = UPGRADES) -> None:
    """Write settings with their version, atomically; a newer version's other keys are kept."""
    data = upgrades.to_store(asdict(settings), _stored(path))
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".tmp")
    temporary.write_text(json.dumps(data, indent=2), encoding="utf-8")
    temporary.replace(path)


def _stored(path: Path) -> dict[str, Any] | None:
    """The object in the settings file; None when the file is missing or unreadable."""
    try:
        stored = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return stored if isinstance(stored, dict) else None
