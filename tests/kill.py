"""Runs a command of the command line in a subprocess and kills it at a chosen point, as a
crash, a pulled plug or the task manager would: no ``finally`` runs, nothing is tidied."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path


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


ROOT = Path(__file__).parents[1]
"""The checkout: the dying process imports ``tests`` helpers from here."""

_DIE_AT_THE_CHOSEN_CALL = """
import os, sys
from importlib import import_module

module, name = sys.argv[1].rsplit(":", 1)
calls_left = int(sys.argv[2])
del sys.argv[1:3]  # the script sees its own arguments
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
"""

_COMMAND_LINE = """
from steunpunt.cli import main

sys.exit(main(sys.argv[1:]))
"""


def die_in(
    point: str, script: str, arguments: Sequence[str], call: int = 1
) -> subprocess.CompletedProcess[bytes]:
    """Run the Python ``script`` (its ``sys.argv[1:]`` are ``arguments``) in a process that dies
    with exit code 9 (no ``finally`` runs) at the ``call``-th call of ``point``, a function named
    ``package.module:name`` or ``package.module:Class.method``."""
    return subprocess.run(
        [sys.executable, "-c", _DIE_AT_THE_CHOSEN_CALL + script, point, str(call), *arguments],
        capture_output=True,
        check=False,
        cwd=ROOT,
    )


def run_and_die_at(point: str, arguments: Sequence[str], call: int = 1) -> bool:
    """Run ``steunpunt *arguments``; the process dies at the ``call``-th call of ``point`` (see
    :func:`die_in`).

    Returns True when it died there, False when it finished without reaching it.
    """
    return die_in(point, _COMMAND_LINE, arguments, call).returncode == 9
