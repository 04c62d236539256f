"""Before the window starts on Linux: are the system libraries of Qt's X11 (xcb) plugin there?

Without them Qt stops with "could not load the Qt platform plugin xcb" and names at most one
package (often the wrong one). The libraries are those the xcb plugin of PySide6 6.11 links to
(``readelf -d`` on ``libqxcb.so`` and ``libQt6XcbQpa.so.6``), with their Debian and Ubuntu
packages.
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Callable, Mapping

from steunpunt.domain.errors import KnownProblem

XCB_LIBRARIES: dict[str, str] = {
    "libxcb.so.1": "libxcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libGL.so.1": "libgl1",
    "libEGL.so.1": "libegl1",
    "libfontconfig.so.1": "libfontconfig1",
}
"""The shared libraries the xcb plugin needs (beyond the C and C++ runtimes and what PySide6
brings itself), each with the Debian and Ubuntu package that installs it."""

Loader = Callable[[str], object]


def check_display(
    environ: Mapping[str, str] | None = None,
    platform: str | None = None,
    load: Loader = ctypes.CDLL,
) -> None:
    """Raise :class:`KnownProblem` naming the packages to install when Qt would start on X11
    (xcb) and a library its plugin needs cannot be loaded; elsewhere do nothing."""
    if not uses_xcb(os.environ if environ is None else environ, platform or sys.platform):
        return
    missing = [name for name in XCB_LIBRARIES if not _loads(name, load)]
    if not missing:
        return
    packages = " ".join(XCB_LIBRARIES[name] for name in missing)
    raise KnownProblem(
        f"Het venster kan niet starten: deze systeembibliotheken ontbreken: "
        f"{', '.join(missing)}. Installeer ze en start opnieuw; op Debian en Ubuntu met: "
        f"sudo apt install {packages}"
    )


def uses_xcb(environ: Mapping[str, str], platform: str) -> bool:
    """Whether Qt starts with its X11 plugin: on Linux, unless ``QT_QPA_PLATFORM`` names
    another first, or (not set) a Wayland session lets Qt try Wayland first."""
    if not platform.startswith("linux"):
        return False
    chosen = environ.get("QT_QPA_PLATFORM", "").strip()
    if chosen:
        return chosen.split(";")[0].split(":")[0] == "xcb"
    return environ.get("XDG_SESSION_TYPE", "") != "wayland"


def _loads(name: str, load: Loader) -> bool:
    try:
        load(name)
    except OSError:
        return False
    return True
