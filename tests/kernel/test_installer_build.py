"""installer/build.py turns the one version number into what Windows shows in the .exe's file
properties (its version resource)."""

from __future__ import annotations

import ast
import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

from steunpunt import __version__

INSTALLER = Path(__file__).resolve().parents[2] / "installer"


def script(name: str) -> ModuleType:
    """A script of installer/ (no package: it runs with any Python)."""
    spec = importlib.util.spec_from_file_location(name, INSTALLER / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    ("version", "numbers"),
    [
        ("0.1.0", (0, 1, 0, 0)),
        ("2.3", (2, 3, 0, 0)),
        ("1.4.0.dev2", (1, 4, 0, 0)),
        ("1.2.3.4.5+lokaal", (1, 2, 3, 4)),
    ],
)
def test_windows_gets_four_numbers_of_the_release(
    version: str, numbers: tuple[int, int, int, int]
) -> None:
    assert script("build").version_numbers(version) == numbers


def test_the_version_resource_carries_the_one_version_number() -> None:
    text = script("build").version_resource(__version__)
    call = ast.parse(text, mode="eval").body
    assert isinstance(call, ast.Call) and ast.unparse(call.func) == "VSVersionInfo"
    assert f"StringStruct('ProductVersion', '{__version__}')" in text
    assert f"StringStruct('FileVersion', '{__version__}')" in text
    assert "StringStruct('OriginalFilename', 'Steunpunt.exe')" in text
