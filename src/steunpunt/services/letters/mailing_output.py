"""Files of a mailing are made in a hidden staging folder and moved into place only when complete."""

from __future__ import annotations

import errno
import logging
import os
import shutil
import uuid
from pathlib import Path

from steunpunt.domain.errors import KnownProblem
from steunpunt.domain.file_names import safe_file_name

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
    """A staging folder next to the target; ``publish`` moves the files, ``discard`` removes all."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        try:
            folder.mkdir(parents=True, exist_ok=True)
            self.staging = folder / f".steunpunt-{uuid.uuid4().hex[:12]}.tmp"
            self.staging.mkdir()
        except OSError as error:
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
        """Remove the staging folder and whatever is still in it."""
        shutil.rmtree(self.staging, ignore_errors=True)


def dutch_cause(error: OSError) -> str:
    """What went wrong with a file, in a few Dutch words."""
    return {
        errno.ENOSPC: "de schijf is vol",
        errno.EACCES: "u mag niet schrijven in deze map",
        errno.EPERM: "u mag niet schrijven in deze map",
        errno.EROFS: "de schijf is alleen-lezen",
        errno.ENAMETOOLONG: "de bestandsnaam of map is te lang",
    }.get(error.errno or 0, "de schijf gaf een fout")


def disk_problem(error: OSError) -> KnownProblem:
    """A Dutch message for a failed write (full disk, no permission), nothing kept."""
    log.warning("Writing mailing files failed: errno %s", error.errno)
    return KnownProblem(
        f"De bestanden konden niet worden geschreven: {dutch_cause(error)}. Kies een andere map of maak "
        "ruimte op de schijf. Er is niets gemaakt of vastgelegd."
    )
