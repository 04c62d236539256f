"""The manifest beside every backup: when, by which version, at which schema, how many rows."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

FORMAT = 1
"""The manifest's own format; a higher one was written by a newer version."""


@dataclass(frozen=True)
class Manifest:
    """What a backup holds, readable without opening its database."""

    made: datetime
    reason: str
    program_version: str
    revision: str
    encrypted: bool
    size: int
    """The database file's size in bytes: a copy cut short no longer matches."""
    rows: dict[str, int]
    """The rows of every table, counted in the same snapshot the copy was made from."""

    @property
    def total_rows(self) -> int:
        return sum(self.rows.values())


def manifest_to_json(manifest: Manifest) -> str:
    """The stored form of ``manifest``."""
    return json.dumps(
        {
            "format": FORMAT,
            "made": manifest.made.isoformat(),
            "reason": manifest.reason,
            "program_version": manifest.program_version,
            "revision": manifest.revision,
            "encrypted": manifest.encrypted,
            "size": manifest.size,
            "rows": manifest.rows,
        },
        indent=2,
        ensure_ascii=False,
    )


def manifest_from_json(text: str) -> Manifest | None:
    """The manifest in ``text``; None when it is no manifest this version can read."""
    try:
        stored = json.loads(text)
        if not isinstance(stored, dict) or stored.get("format") != FORMAT:
            return None
        rows = stored["rows"]
        if not isinstance(rows, dict) or not all(
            isinstance(name, str) and type(count) is int for name, count in rows.items()
        ):
            return None
        manifest = Manifest(
            made=datetime.fromisoformat(stored["made"]),
            reason=str(stored["reason"]),
            program_version=str(stored["program_version"]),
            revision=str(stored["revision"]),
            encrypted=bool(stored["encrypted"]),
            size=int(stored["size"]),
            rows=dict(rows),
        )
    except (ValueError, KeyError, TypeError, RecursionError):
        return None
    return manifest


@dataclass(frozen=True)
class BackupEntry:
    """One backup in a folder: where it is, when and why it was made, and its manifest
    (None for a single-file backup of an earlier version)."""

    path: Path
    made: datetime
    reason: str
    manifest: Manifest | None
