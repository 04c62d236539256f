"""On Linux without the X11 libraries of Qt's window, the program says in Dutch what to install."""

from __future__ import annotations

import re
from functools import partial
from pathlib import Path

import pytest

from steunpunt import app, display_check
from steunpunt.cli import main
from steunpunt.display_check import XCB_LIBRARIES, check_display, uses_xcb
from steunpunt.domain.errors import KnownProblem
from steunpunt.paths import demo_paths, resolve_paths

X11_SESSION = {"XDG_SESSION_TYPE": "x11", "DISPLAY": ":0"}
MISSING = ("libxcb-icccm.so.4", "libxcb-keysyms.so.1")


def fresh_debian(name: str) -> object:
    """A loader on a fresh Debian desktop: two of the plugin's libraries are not installed."""
    if name in MISSING:
        raise OSError(f"{name}: cannot open shared object file: No such file or directory")
    return object()


def test_missing_libraries_are_named_with_their_packages() -> None:
    with pytest.raises(KnownProblem) as problem:
        check_display(X11_SESSION, "linux", fresh_debian)
    message = problem.value.message
    assert message.startswith("Het venster kan niet starten: deze systeembibliotheken ontbreken:")
    assert "libxcb-icccm.so.4, libxcb-keysyms.so.1" in message
    assert message.endswith(
        "op Debian en Ubuntu met: sudo apt install libxcb-icccm4 libxcb-keysyms1"
    )
    assert "\n" not in message


def test_nothing_is_said_when_every_library_loads() -> None:
    loaded: list[str] = []
    check_display(X11_SESSION, "linux", loaded.append)
    assert loaded == list(XCB_LIBRARIES)
    assert {"libxcb-cursor.so.0", "libxcb-icccm.so.4", "libxcb-keysyms.so.1"} <= set(loaded)


@pytest.mark.parametrize(
    ("environ", "platform", "xcb"),
    [
        (X11_SESSION, "linux", True),
        ({}, "linux", True),
        ({"QT_QPA_PLATFORM": "xcb"}, "linux", True),
        ({"QT_QPA_PLATFORM": "xcb:display=:1"}, "linux", True),
        ({"QT_QPA_PLATFORM": "offscreen"}, "linux", False),
        ({"QT_QPA_PLATFORM": "wayland;xcb"}, "linux", False),
        ({"XDG_SESSION_TYPE": "wayland"}, "linux", False),
        ({}, "win32", False),
        ({}, "darwin", False),
    ],
)
def test_only_a_start_on_x11_is_checked(environ: dict[str, str], platform: str, xcb: bool) -> None:
    assert uses_xcb(environ, platform) is xcb
    if not xcb:  # elsewhere the libraries are not looked at
        check_display(environ, platform, fresh_debian)


@pytest.mark.parametrize("demo", [[], ["--demo"]], ids=["register", "demo"])
def test_the_program_stops_with_the_dutch_line_instead_of_qts_message(
    demo: list[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    def no_window(_argv: list[str]) -> None:
        raise AssertionError("Qt was started")

    fresh = partial(check_display, X11_SESSION, "linux", fresh_debian)
    monkeypatch.setattr(display_check, "check_display", fresh)
    monkeypatch.setattr(app, "create_application", no_window)
    data = tmp_path / "data"
    assert main(["--data-dir", str(data), *demo]) == 1
    said = capsys.readouterr()
    assert said.out == ""
    assert said.err == (
        "Het venster kan niet starten: deze systeembibliotheken ontbreken: "
        "libxcb-icccm.so.4, libxcb-keysyms.so.1. Installeer ze en start opnieuw; op Debian en "
        "Ubuntu met: sudo apt install libxcb-icccm4 libxcb-keysyms1\n"
    )
    assert not demo_paths(resolve_paths(data)).database_file.exists()  # no demo filled in vain


def test_the_readme_names_the_packages_under_the_quick_start() -> None:
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    quick_start = readme.split("## Quick start")[1].split("\n## ")[0]
    assert quick_start.count("```bash") == 2  # still two commands to copy
    note = quick_start.split("On Linux")[1]
    named = set(re.findall(r"\blib[\w.+-]+\d\b", note))
    assert {"libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1"} <= named
    assert named <= set(XCB_LIBRARIES.values())
