"""The plain copies of an encrypted database the program made before, and their removal.

Once the database is encrypted, every unencrypted copy of it is a data breach waiting for a
lost laptop: the plain original kept at the swap, backups made before (before a migration, by
hand), the file kept when a backup was restored, a file set aside, and what an interrupted
backup or restore left. They are listed with the reason each exists; only after the person
confirms are they removed, each checked again to be a plain SQLite file just before.
"""

from __future__ import annotations

import logging
import re
import shutil
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from steunpunt.db.kernel import cipher
from steunpunt.db.kernel.database_file import companions
from steunpunt.domain.dates import format_date
from steunpunt.domain.file_errors import dutch_cause
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.encryption_setup import PLAIN_ORIGINAL
from steunpunt.services.kernel.use_case import reads, writes

log = logging.getLogger(__name__)

WHY = (
    "Deze bestanden zijn niet versleuteld: wie er één vindt of meeneemt, kan alle gegevens van "
    "het steunpunt lezen, ook nu de database zelf versleuteld is. De versleutelde database en "
    "de nieuwe reservekopieën bevatten alles wat erin staat; deze oude kopieën zijn niet meer "
    "nodig."
)
"""Why the plain copies are removed, for the confirmation."""

_BACKUP = re.compile(r"steunpunt-(\d{4})(\d{2})(\d{2})-[\d-]+-(.+?)(?:\.sqlite)?")
BACKUP_DATABASE = "steunpunt.sqlite"
"""The database in a backup folder (``db/kernel/backup.py``)."""
_BESIDE = re.compile(r"\.([a-z-]+?)-(\d{4})(\d{2})(\d{2})-\d{6}(?:-\d{6})?")


@dataclass(frozen=True)
class PlainCopy:
    """One unencrypted copy of the database, and why it is there (Dutch)."""

    file: Path
    reason: str
    size: int


@dataclass(frozen=True)
class Removal:
    """What removing the plain copies did."""

    removed: int
    kept: tuple[PlainCopy, ...]
    """Those that could not be removed (in use, no rights), to be tried again."""


@reads
def plain_copies(database_file: Path, backup_dirs: Sequence[Path]) -> list[PlainCopy]:
    """Every plain copy of ``database_file`` the program made, beside it and in ``backup_dirs``
    (the backup folder, a second backup folder); empty while the database itself is plain."""
    if cipher.is_plain(database_file):
        return []
    found = [*_beside(database_file)]
    for folder in backup_dirs:
        found.extend(_backups(folder))
    return [copy for copy in found if cipher.is_plain(copy.file)]


def removal_question(copies: Sequence[PlainCopy]) -> str:
    """The Dutch confirmation: what will be removed and why."""
    lines = "\n".join(f"• {_shown(copy.file).name}: {copy.reason}" for copy in copies)
    return (
        f"{WHY}\n\nDeze {len(copies)} bestand(en) worden verwijderd:\n{lines}\n\n"
        "Dit kan niet ongedaan worden gemaakt."
    )


@writes
def remove_plain_copies(actor: Actor, copies: Sequence[PlainCopy]) -> Removal:
    """Remove the confirmed ``copies`` (and SQLite's files beside them); a file that is no
    longer a plain SQLite file (replaced since it was listed) is left alone."""
    kept: list[PlainCopy] = []
    removed = 0
    for copy in copies:
        if not cipher.is_plain(copy.file):
            continue
        try:
            for companion in companions(copy.file):
                companion.unlink(missing_ok=True)
            copy.file.unlink()
            if _shown(copy.file) != copy.file:
                shutil.rmtree(_shown(copy.file))  # the backup folder, with its manifest
            removed += 1
        except OSError as error:
            log.warning("A plain copy could not be removed: %s", dutch_cause(error))
            kept.append(copy)
    log.info("Plain copies removed: %s, not removed: %s", removed, len(kept))
    return Removal(removed, tuple(kept))


def _beside(database_file: Path) -> Iterable[PlainCopy]:
    """Copies beside the database: kept at a swap or restore, set aside, half restored."""
    restoring = database_file.with_name(f".{database_file.name}.terugzetten")
    if restoring.exists():
        yield _copy(restoring, "een onvoltooide kopie van een reservekopie die werd teruggezet")
    for file in sorted(database_file.parent.glob(f"{database_file.name}.*-*")):
        label = _BESIDE.fullmatch(file.name[len(database_file.name) :])
        if label is None or not file.is_file():
            continue
        made = _date(label.group(2), label.group(3), label.group(4))
        reason = {
            PLAIN_ORIGINAL: f"de database van vóór het versleutelen ({made})",
            "vervangen": f"de database die op {made} werd vervangen door een reservekopie",
        }.get(label.group(1), f"een database die op {made} apart is gezet")
        yield _copy(file, reason)


def _backups(folder: Path) -> Iterable[PlainCopy]:
    """Plain backups in ``folder``, also one left half written."""
    if not folder.is_dir():
        return
    for path in sorted(folder.glob("steunpunt-*")):
        match = _BACKUP.fullmatch(path.name)
        file = path / BACKUP_DATABASE if path.is_dir() else path
        if match is None or not file.is_file():
            continue
        made = _date(match.group(1), match.group(2), match.group(3))
        why = match.group(4)
        reason = (
            f"een reservekopie van {made}, gemaakt voor het bijwerken van de database"
            if why.startswith("voor-migratie")
            else f"een reservekopie van {made}"
        )
        yield _copy(file, reason)
    for path in sorted(folder.glob(".steunpunt-*.part")):
        file = path / BACKUP_DATABASE if path.is_dir() else path
        if file.is_file():
            yield _copy(file, "een onvoltooide reservekopie (het maken werd afgebroken)")


def _shown(file: Path) -> Path:
    """What a person knows a copy by: its backup folder, or the file itself."""
    parent = file.parent
    in_folder = parent.name.startswith(("steunpunt-", ".steunpunt-"))
    return parent if file.name == BACKUP_DATABASE and in_folder else file


def _copy(file: Path, reason: str) -> PlainCopy:
    try:
        size = file.stat().st_size
    except OSError:
        size = 0
    return PlainCopy(file, f"onversleuteld, {reason}", size)


def _date(year: str, month: str, day: str) -> str:
    try:
        return format_date(date(int(year), int(month), int(day)))
    except ValueError:
        return f"{day}-{month}-{year}"
