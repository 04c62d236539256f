"""Make files and folders unwritable for this process, also when the tests run as root."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

NOBODY = 65534
"""The user a root test process acts as: root itself may write anywhere."""

AS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


@contextmanager
def read_only(*places: Path, writable: tuple[Path, ...] = ()) -> Iterator[None]:
    """Within the block ``places`` cannot be written and ``writable`` folders can.

    As root the block runs as user ``nobody`` (the folders above are made passable for it).
    """
    changed: dict[Path, int] = {}

    def set_mode(path: Path, mode: int) -> None:
        changed.setdefault(path, stat.S_IMODE(path.stat().st_mode))
        path.chmod(mode)

    for place in places:
        set_mode(place, 0o555 if place.is_dir() else 0o444)
    for folder in writable:
        set_mode(folder, 0o777)
    if AS_ROOT:
        for above in {*places, *writable}:
            for parent in above.resolve().parents:
                mode = stat.S_IMODE(parent.stat().st_mode)
                if not mode & stat.S_IXOTH:
                    set_mode(parent, mode | stat.S_IXOTH)
    if AS_ROOT:
        os.setegid(NOBODY)
        os.seteuid(NOBODY)
    try:
        yield
    finally:
        if AS_ROOT:
            os.seteuid(0)
            os.setegid(0)
        for path, mode in reversed(changed.items()):
            path.chmod(mode)
