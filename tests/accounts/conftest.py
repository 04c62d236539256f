"""Fixtures of the accounts' tests: a demo database with its published accounts."""

from __future__ import annotations

from pathlib import Path

import pytest

from steunpunt.cli import main
from steunpunt.demo.accounts import DEMO_ACCOUNTS


@pytest.fixture
def demo_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """A demo database of 10 caregivers; the demo printed its accounts with their passwords."""
    folder = tmp_path / "data"
    assert main(["demo", "--data-dir", str(folder), "--caregivers", "10"]) == 0
    said = capsys.readouterr().out
    for _name, login, _role, password in DEMO_ACCOUNTS:
        assert login in said and password in said  # the demo prints its accounts
    return folder
