"""One version number, written once in pyproject.toml: the program, its command line, the About
box and every backup's manifest read it from the installed package's metadata."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from steunpunt import __version__
from steunpunt.cli import main

PYPROJECT = Path(__file__).resolve().parents[2] / "pyproject.toml"


def test_the_version_is_the_one_in_pyproject() -> None:
    with PYPROJECT.open("rb") as file:
        assert __version__ == tomllib.load(file)["project"]["version"]


def test_the_command_line_says_its_version_in_dutch_help(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["--version"])
    assert stopped.value.code == 0
    assert capsys.readouterr().out.strip() == f"Steunpunt {__version__}"
    with pytest.raises(SystemExit):
        main(["--help"])
    assert "toon het versienummer en stop" in capsys.readouterr().out
