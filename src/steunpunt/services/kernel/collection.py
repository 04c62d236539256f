"""Python's cyclic garbage collector paused for one bulk task.

Reading and planning a file of 20,000 rows against a register of 100,000 makes millions of
small objects that live until the task ends; the collector then walks them again and again
(3 of 11 seconds, measured by bench/import_dedupe.py). Reference counting still frees what
is dropped; cycles are collected once the task is done.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_collection() -> Iterator[None]:
    """The collector off for the block, back as it was after it (also on an error)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
