"""Bad input, counted (issue 14): every property test's inputs, and how each ended.

    python bench/robustness.py

Runs the property tests (``tests/**/test_*_properties.py``: every domain parser and the service
entry points that take what a person types) and counts the inputs tried: a valid value, a Dutch
refusal, or anything else (which must be 0; such an input also fails its test).
Then runs the kill tests (marked ``kill``: a demo fill, mailing, payment batch, backup, restore
or migration killed at a chosen point) and counts the kill points tried and survived.
The last line printed is one JSON object with the figures.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


class KillPoints:
    """Counts the kill tests: each is one point a command was killed at."""

    def __init__(self) -> None:
        self.tried = 0
        self.survived = 0

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        if report.when == "call" and "kill" in report.keywords:
            self.tried += 1
            self.survived += report.passed


def main() -> int:
    """Run the property tests and print the tally as the last line."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))
    files = sorted(str(path) for path in (ROOT / "tests").rglob("test_*_properties.py"))
    code = pytest.main(["-q", "-p", "no:cacheprovider", "--rootdir", str(ROOT), *files])
    from tests.strategies import TALLY  # imported by the tests; after them, not rewritten twice

    kills = KillPoints()
    killed = pytest.main(
        ["-q", "-p", "no:cacheprovider", "--rootdir", str(ROOT), "-m", "kill", "tests"],
        plugins=[kills],
    )

    figures = {
        "property_test_files": len(files),
        "inputs_tried": sum(TALLY.values()),
        "valid": TALLY["valid"],
        "dutch_refusal": TALLY["refused"],
        "other": TALLY["other"],
        "other_target": 0,
        "kill_points_tried": kills.tried,
        "kill_points_survived": kills.survived,
        "tests_passed": code == 0 and killed == 0,
        "targets_met": (
            code == 0 and killed == 0 and TALLY["other"] == 0 and kills.survived == kills.tried > 0
        ),
    }
    print(json.dumps(figures))
    return 0 if figures["targets_met"] else 1


if __name__ == "__main__":
    sys.exit(main())
