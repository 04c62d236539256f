"""ARCHITECTURE.md stays true: every file and folder it names exists."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
PACKAGE = ROOT / "src" / "steunpunt"


def named_paths(text: str) -> set[str]:
    """The paths written as code in the text (``ui/context.py``, ``db/kernel/``)."""
    return {
        match.rstrip("/")
        for match in re.findall(r"`([\w./-]+(?:\.py|/))`", text)
        if "<" not in match and "*" not in match
    }


def exists(path: str) -> bool:
    return any((base / path).exists() for base in (PACKAGE, ROOT, ROOT / "tests"))


def test_the_paths_are_found_in_a_sample() -> None:
    assert named_paths("see `ui/context.py` and `db/kernel/`, not `ui/<feature>/`") == {
        "ui/context.py",
        "db/kernel",
    }


def test_every_path_the_architecture_names_exists() -> None:
    paths = named_paths((ROOT / "ARCHITECTURE.md").read_text(encoding="utf-8"))
    assert len(paths) > 20
    assert sorted(path for path in paths if not exists(path)) == []
