"""The settings file: typed values with defaults, a version, and upgrades of older files."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from steunpunt.domain.stored_settings import Versioned
from steunpunt.settings import Settings, load_settings, save_settings


def written(path: Path, values: dict[str, Any]) -> Path:
    path.write_text(json.dumps(values), encoding="utf-8")
    return path


def stored(path: Path) -> dict[str, Any]:
    values = json.loads(path.read_text(encoding="utf-8"))
    assert isinstance(values, dict)
    return values


def municipality_renamed(values: dict[str, Any]) -> dict[str, Any]:
    """Version 1 called the default gemeente ``municipality``."""
    values.setdefault("default_municipality", values.pop("municipality", ""))
    return values


def test_settings_are_saved_with_their_version_and_read_back(tmp_path: Path) -> None:
    path = tmp_path / "instellingen" / "settings.json"
    settings = Settings(database_file="D:/steunpunt.sqlite", default_municipality="Soest")
    save_settings(path, settings)
    assert stored(path)["version"] == 1
    assert stored(path)["default_municipality"] == "Soest"
    assert load_settings(path) == settings


def test_an_old_file_without_a_version_loads_with_its_values(tmp_path: Path) -> None:
    path = written(
        tmp_path / "settings.json",
        {"database_file": "", "default_municipality": "Baarn", "window_geometry": "AAA="},
    )
    assert load_settings(path) == Settings(default_municipality="Baarn", window_geometry="AAA=")


def test_a_renamed_key_is_carried_over_by_its_upgrade_step(tmp_path: Path) -> None:
    upgrades = Versioned((municipality_renamed,))
    old = written(tmp_path / "old.json", {"municipality": "Eemnes", "window_geometry": "AAA="})
    assert load_settings(old, upgrades) == Settings(
        default_municipality="Eemnes", window_geometry="AAA="
    )
    save_settings(old, load_settings(old, upgrades), upgrades)
    assert stored(old)["version"] == 2 and "municipality" not in stored(old)
    current = written(tmp_path / "new.json", {"version": 2, "default_municipality": "Soest"})
    assert load_settings(current, upgrades).default_municipality == "Soest"  # not upgraded twice


def test_a_file_from_a_newer_version_is_read_and_not_lost(tmp_path: Path) -> None:
    newer = {
        "version": 7,
        "default_municipality": "Leusden",
        "window_geometry": 12,
        "theme": "donker",
    }
    path = written(tmp_path / "settings.json", newer)
    settings = load_settings(path)
    assert settings == Settings(default_municipality="Leusden")
    save_settings(path, replace(settings, window_geometry="AAAA"))
    kept = stored(path)
    assert kept["version"] == 7 and kept["theme"] == "donker"
    assert kept["window_geometry"] == "AAAA" and kept["default_municipality"] == "Leusden"


@pytest.mark.parametrize("text", ["{kapot", "[1, 2]", '"tekst"', ""])
def test_a_damaged_or_missing_file_falls_back_to_the_defaults(tmp_path: Path, text: str) -> None:
    path = tmp_path / "settings.json"
    path.write_text(text, encoding="utf-8")
    assert load_settings(path) == Settings()
    assert load_settings(tmp_path / "ontbreekt.json") == Settings()


def test_a_version_that_makes_no_sense_is_read_as_the_first(tmp_path: Path) -> None:
    upgrades = Versioned((municipality_renamed,))
    for version in ("twee", None, True, -3, 0):
        path = written(
            tmp_path / "settings.json", {"version": version, "municipality": "Bunschoten"}
        )
        assert load_settings(path, upgrades).default_municipality == "Bunschoten"
