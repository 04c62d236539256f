"""Files of a mailing are made in a hidden staging folder and moved into place only when complete."""

from __future__ import annotations

import logging
import os
import re
import shutil
import uuid
from pathlib import Path

from steunpunt.services.errors import ServiceError

log = logging.getLogger(__name__)

_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f]+')


def safe_file_name(text: str) -> str:
    """A file name Windows accepts: no reserved characters, no trailing dots or spaces."""
    return _UNSAFE.sub("-", text).strip(" .")[:120] or "brief"


class StagedOutput:
    """A staging folder next to the target; ``publish`` moves the files, ``discard`` removes all."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        try:
            folder.mkdir(parents=True, exist_ok=True)
            self.staging = folder / f".steunpunt-{uuid.uuid4().hex[:12]}.tmp"
            self.staging.mkdir()
        except OSError as error:
            raise ServiceError(
                f"De map {folder} kan niet worden gebruikt ({error.strerror}). "
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
            raise ServiceError(
                f"In de map staat al '{existing[0].name}'. Kies een andere map of verplaats dat "
                "bestand; er is niets vastgelegd."
            )
        try:
            for name, target in zip(names, targets, strict=True):
                os.replace(self.staging / name, target)
                self._published.append(target)
        except OSError as error:
            self.withdraw()
            raise ServiceError(
                f"De bestanden konden niet in {self.folder} worden gezet ({error.strerror}). "
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


def disk_problem(error: OSError) -> ServiceError:
    """A Dutch message for a failed write (full disk, no permission), nothing kept."""
    log.warning("Writing mailing files failed: %s", error.strerror)
    return ServiceError(
        f"De bestanden konden niet worden geschreven ({error.strerror}). Controleer of er "
        "ruimte op de schijf is en of u in deze map mag schrijven. Er is niets gemaakt of "
        "vastgelegd."
    )
