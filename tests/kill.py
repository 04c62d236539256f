"""Runs a command of the command line in a subprocess and kills it at a chosen point, as a
crash, a pulled plug or the task manager would: no ``finally`` runs, nothing is tidied."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Callable, Sequence


def run_and_kill(arguments: Sequence[str], at: Callable[[], bool], timeout: float = 60) -> bool:
    """Start ``steunpunt *arguments``; kill it the moment ``at()`` holds.

    Returns True when it was killed, False when it finished before ``at()`` held.
    """
    process = subprocess.Popen(
        [sys.executable, "-m", "steunpunt", *arguments],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + timeout
    try:
        while process.poll() is None:
            if at():
                process.kill()
                process.wait()
                return True
            if time.monotonic() > deadline:
                raise AssertionError(f"steunpunt {' '.join(arguments)} did not reach the point")
            time.sleep(0.002)
        return False
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


_DIE_AT = """
import os, sys
from importlib import import_module

module, name = sys.argv[1].rsplit(":", 1)
calls_left = int(sys.argv[2])
owner = import_module(module)
for part in name.split(".")[:-1]:
    owner = getattr(owner, part)
real = getattr(owner, name.split(".")[-1])


def die_at_the_chosen_call(*args, **kwargs):
    global calls_left
    calls_left -= 1
    if calls_left == 0:
        os._exit(9)
    return real(*args, **kwargs)


setattr(owner, name.split(".")[-1], die_at_the_chosen_call)
from steunpunt.cli import main

sys.exit(main(sys.argv[3:]))
"""


def run_and_die_at(point: str, arguments: Sequence[str], call: int = 1) -> bool:
    """Run ``steunpunt *arguments``; the process dies (no ``finally`` runs) at the ``call``-th
    call of ``point``, a function named ``package.module:name`` or ``package.module:Class.method``.

    Returns True when it died there, False when it finished without reaching it.
    """
    done = subprocess.run(
        [sys.executable, "-c", _DIE_AT, point, str(call), *arguments],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        check=False,
    )
    return done.returncode == 9
