"""The Windows installer run silently under wine (64-bit, from Debian's packages), as IT would:
install with ``/S /DATAMAP=... /BUREAUBLAD``, check what Windows would show (program folder,
shortcuts, the installed-programs entry, ``datamap.txt``), install again over it (an upgrade
keeps the data and the chosen folder), then uninstall silently and check that the program and
its entry are gone while the data folder stays. Before all that: a silent install onto a drive
that is full (a small tmpfs, mounted for the check) is refused with exit code 3 and writes
nothing. (A ``/D=`` on a drive that is gone is not refused: NSIS itself then falls back to the
default folder before the script runs; the README says so.)"""

from __future__ import annotations

import getpass
import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

WINE = next((p for p in ("/usr/lib/wine/wine64", shutil.which("wine64") or "") if p), "")
UNINSTALL_KEY = r"HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\Steunpunt"
PRESET = r"H:\Steunpunt"
TIMEOUT_S = 300
PAGE_S = 1.5
"""Time for wine to show the next page after a key."""
SMALL_DRIVE_MB = 16
"""A drive far too small for the program (about 300 MB), to stand for a full disk."""


class WineCheckFailed(Exception):
    """What wine showed differs from what the installer promises."""


def wine_available() -> bool:
    return bool(WINE) and Path(WINE).exists()


def check_installer(installer: Path, display: str) -> str:
    """Install, look, uninstall, look; raises WineCheckFailed with what differed. The last
    uninstall is done by a person on ``display`` (an X screen), who ticks the data box."""
    with tempfile.TemporaryDirectory(prefix="steunpunt-wine-") as folder:
        home = Path(folder)
        environment = {
            **os.environ,
            "WINEPREFIX": str(home / "prefix"),
            "WINEDEBUG": "-all",
            "HOME": str(home),  # wine links Desktop and Documents to the home folder
            "DISPLAY": "",
        }

        def wine(*arguments: str) -> subprocess.CompletedProcess[str]:
            return subprocess.run(
                [WINE, *arguments], env=environment, capture_output=True, text=True,
                timeout=TIMEOUT_S, check=False,
            )  # fmt: skip

        wine("wineboot", "-i")
        user = home / "prefix" / "drive_c" / "users" / getpass.getuser()
        local = user / "AppData" / "Local"
        program = local / "Programs" / "Steunpunt"
        shortcut = user / "AppData/Roaming/Microsoft/Windows/Start Menu/Programs/Steunpunt.lnk"

        check_refused_drives(installer, home, wine)
        done = wine(str(installer), "/S", f"/DATAMAP={PRESET}", "/BUREAUBLAD")
        expect(done.returncode == 0, f"silent install: exit {done.returncode} {done.stderr}")
        # The Linux build's layout (Steunpunt, not Steunpunt.exe): _internal is the program.
        for path in (program / "_internal", program / "Verwijderen.exe", shortcut):
            expect(path.exists(), f"not installed: {path}")
        desktop = list(home.glob("**/Steunpunt.lnk"))
        expect(any(p != shortcut for p in desktop), "no desktop shortcut with /BUREAUBLAD")
        preset = (program / "datamap.txt").read_text(encoding="utf-8")
        expect(PRESET in preset, f"datamap.txt says {preset!r}")
        entry = wine("reg", "query", UNINSTALL_KEY).stdout
        for value in ("DisplayName", "DisplayVersion", "Publisher", "DisplayIcon",
                      "UninstallString", "QuietUninstallString", "EstimatedSize"):  # fmt: skip
            expect(value in entry, f"the installed-programs entry lacks {value}:\n{entry}")
        version = next(line.split()[-1] for line in entry.splitlines() if "DisplayVersion" in line)

        data = local / "Steunpunt"
        data.mkdir()
        (data / "steunpunt.sqlite").write_bytes(b"de gegevens van het steunpunt")
        done = wine(str(installer), "/S")  # a new version over the old one
        expect(done.returncode == 0, f"install over the old one: exit {done.returncode}")
        kept = (program / "datamap.txt").read_text(encoding="utf-8")
        expect(PRESET in kept, f"the upgrade lost the chosen data folder: {kept!r}")
        uninstaller = program / "Verwijderen.exe"
        windows_folder = "C:" + str(program).split("drive_c", 1)[1].replace("/", "\\")
        done = wine(str(uninstaller), "/S", f"_?={windows_folder}")  # waits, in place
        expect(done.returncode == 0, f"silent uninstall: exit {done.returncode} {done.stderr}")
        # (run in place with _?=, the uninstaller cannot remove itself: NSIS's documented way)
        expect(not (program / "_internal").exists(), "the program is still there")
        expect(not shortcut.exists(), "the Start-menu shortcut is still there")
        expect(wine("reg", "query", UNINSTALL_KEY).returncode != 0, "the entry is still there")
        untouched = (data / "steunpunt.sqlite").read_bytes() == b"de gegevens van het steunpunt"
        expect(untouched, "the data folder was touched by a silent uninstall")

        done = wine(str(installer), "/S")
        expect(done.returncode == 0, f"install again: exit {done.returncode}")
        uninstall_ticking_the_box(
            [WINE, str(uninstaller), f"_?={windows_folder}"], {**environment, "DISPLAY": display}
        )
        expect(not (program / "_internal").exists(), "the program is still there")
        expect(not data.exists(), "the ticked box did not remove the data folder")
        return (
            f"under wine: silent install of {version}, entry, shortcuts, datamap.txt; "
            "upgrade and silent uninstall kept the data; a full drive refused; the data box "
            "ticked on screen removed the data"
        )


def check_refused_drives(
    installer: Path, home: Path, wine: Callable[..., subprocess.CompletedProcess[str]]
) -> None:
    """A silent install onto a full drive (K:): exit code 3, nothing written."""
    drives = home / "prefix" / "dosdevices"
    small = home / "kleine-schijf"
    small.mkdir()
    mount = ["mount", "-t", "tmpfs", "-o", f"size={SMALL_DRIVE_MB}m", "tmpfs", str(small)]
    mounted = subprocess.run(mount, capture_output=True, text=True, check=False)
    expect(mounted.returncode == 0, f"cannot mount a small drive (run as root): {mounted.stderr}")
    try:
        (drives / "k:").symlink_to(small)
        done = wine(str(installer), "/S", "/D=K:\\Steunpunt")
        expect(done.returncode == 3, f"install onto a full drive: exit {done.returncode}")
        expect(not any(small.iterdir()), "the refused install wrote on the full drive")
    finally:
        subprocess.run(["umount", str(small)], check=False)


def uninstall_ticking_the_box(command: list[str], environment: dict[str, str]) -> None:
    """Uninstall as a person on the screen does: Volgende, tick "Ook mijn gegevens definitief
    verwijderen" (Alt+O), Verwijderen, Yes to "Weet u het zeker?", wait, Afsluiten."""

    def key(*keys: str) -> None:
        subprocess.run(["xdotool", "key", *keys], env=environment, check=False, timeout=30)
        time.sleep(PAGE_S)

    started = subprocess.Popen(command, env=environment)
    try:
        deadline = time.monotonic() + TIMEOUT_S
        while not subprocess.run(
            ["xdotool", "search", "--name", "verwijderen"],
            env=environment, capture_output=True, check=False,
        ).stdout:  # fmt: skip
            expect(time.monotonic() < deadline, "the uninstaller showed no window")
            time.sleep(0.2)
        time.sleep(PAGE_S)
        key("Return")  # the confirmation page: Volgende
        key("alt+o")  # the data page: tick the box
        key("Return")  # Verwijderen
        key("shift+Tab", "Return")  # "Weet u het zeker?": from No (the default) to Yes
        done = started.wait(timeout=0.1) if started.poll() is not None else None
        while done is None and time.monotonic() < deadline:
            key("Return")  # Afsluiten, once the removal is done (until then it is greyed)
            done = started.poll()
        expect(done == 0, f"the uninstaller on screen: exit {done}")
    finally:
        if started.poll() is None:
            started.kill()
            started.wait()


def expect(condition: bool, message: str) -> None:
    if not condition:
        raise WineCheckFailed(message)
