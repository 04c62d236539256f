"""Files of a mailing are made in a hidden staging folder and moved into place only when complete."""

from __future__ import annotations

import logging
import os
import shutil
import uuid
from pathlib import Path

from steunpunt.domain.errors import KnownProblem
from steunpunt.domain.file_errors import dutch_cause
from steunpunt.domain.file_names import safe_file_name
from steunpunt.io.staging_journal import STAGING_PREFIX, STAGING_SUFFIX, Note

log = logging.getLogger(__name__)


def free_name(folder: Path, stem: str, suffix: str) -> str:
    """``stem.pdf``, or ``stem (2).pdf`` and so on when that is taken in ``folder``."""
    name = safe_file_name(stem, suffix)
    number = 2
    while (folder / name).exists():
        name = safe_file_name(stem, f" ({number}){suffix}")
        number += 1
    return name


class StagedOutput:
    """A staging folder next to the target; ``publish`` moves the files, ``discard`` removes all.

    While it exists, the staging folder is noted in the ``journal`` folder (when there is one),
    so that a killed run's is removed at the next start.
    """

    def __init__(self, folder: Path, journal: Path | None) -> None:
        self.folder = folder
        self.staging = folder / f"{STAGING_PREFIX}{uuid.uuid4().hex[:12]}{STAGING_SUFFIX}"
        self._note: Note | None = None
        try:
            if journal is not None:
                self._note = Note(journal, self.staging)
            folder.mkdir(parents=True, exist_ok=True)
            self.staging.mkdir()
        except OSError as error:
            self.discard()
            raise KnownProblem(
                f"De map {folder} kan niet worden gebruikt: {dutch_cause(error)}. "
                "Kies een andere map; er is niets gemaakt."
            ) from error
        self._published: list[Path] = []

    def path(self, name: str) -> Path:
        """Where to write ``name`` while it is being made."""
        return self.staging / name

    def publish(self, names: list[str]) -> list[Path]:
        """Move the finished files (or folders) into the target folder, refusing to overwrite."""
        targets = [self.folder / name for name in names]
        existing = [target for target in targets if target.exists()]
        if existing:
            raise KnownProblem(
                f"In de map staat al '{existing[0].name}'. Kies een andere map of verplaats dat "
                "bestand; er is niets vastgelegd."
            )
        try:
            for name, target in zip(names, targets, strict=True):
                if self._note is not None:
                    self._note.add(target)
                os.replace(self.staging / name, target)
                self._published.append(target)
        except OSError as error:
            self.withdraw()
            raise KnownProblem(
                f"De bestanden konden niet in {self.folder} worden gezet: {dutch_cause(error)}. "
                "Er is niets vastgelegd."
            ) from error
        return targets

    def withdraw(self) -> None:
        """Remove files already published (the letter log could not be written)."""
        for target in self._published:
            if target.is_dir():
                shutil.rmtree(target, ignore_errors=True)
            else:
                target.unlink(missing_ok=True)
        self._published.clear()

    def discard(self) -> None:
        """Remove the staging folder and whatever is still in it, and its note."""
        shutil.rmtree(self.staging, ignore_errors=True)
        if self._note is not None and not self.staging.exists():
            self._note.remove()


def disk_problem(error: OSError) -> KnownProblem:
    """A Dutch message for a failed write (full disk, no permission), nothing kept."""
    log.warning("Writing mailing files failed: errno %s", error.errno)
    return KnownProblem(
        f"De bestanden konden niet worden geschreven: {dutch_cause(error)}. Kies een andere map of maak "
        "ruimte op de schijf. Er is niets gemaakt of vastgelegd."
    )
