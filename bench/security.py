"""Bench for accounts and security (issue 16): how long signing in takes, hash included.

    python bench/security.py

Each measurement is one entry of MEASUREMENTS: its name, what it measures, the function that
returns its figure in seconds, and its target. The last line printed is one JSON object with
every figure, the targets and whether all were met.
"""

from __future__ import annotations

import json
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from steunpunt.paths import resolve_paths
from steunpunt.startup import open_database
from timing import timed

ROUNDS = 7
PASSWORD = "bench wachtwoord met lengte"


@dataclass(frozen=True)
class Measurement:
    """One figure: ``measure`` gets a data folder and returns the median in seconds."""

    name: str
    what: str
    measure: Callable[[Path], float]
    target_s: float


def sign_in_s(folder: Path) -> float:
    """A sign-in through the service, with argon2id at the program's own cost."""
    paths = resolve_paths(folder).ensure()
    database = open_database(paths.database_file, paths)
    try:
        accounts = database.services.accounts
        accounts.create_first_beheerder("Bench", "bench", PASSWORD, PASSWORD)
        median, _best = timed(lambda: accounts.sign_in("bench", PASSWORD), ROUNDS)
        return median
    finally:
        database.close()


MEASUREMENTS = [
    Measurement("sign_in_s", "sign-in including the password hash", sign_in_s, 1.0),
]
"""Every figure of this bench; later parts of issue 16 add theirs here."""


def main() -> int:
    figures: dict[str, object] = {}
    targets: dict[str, float] = {}
    for measurement in MEASUREMENTS:
        with tempfile.TemporaryDirectory(prefix="steunpunt-bench-") as folder:
            seconds = measurement.measure(Path(folder))
        figures[measurement.name] = round(seconds, 4)
        targets[measurement.name] = measurement.target_s
        print(f"{measurement.what}: {seconds * 1000:.0f} ms (target {measurement.target_s} s)")
    figures["targets"] = targets
    figures["targets_met"] = all(
        float(figures[name]) <= target  # type: ignore[arg-type]
        for name, target in targets.items()
    )
    print(json.dumps(figures))
    return 0 if figures["targets_met"] else 1


if __name__ == "__main__":
    sys.exit(main())
