"""The Windows installer run silently under wine (64-bit, from Debian's packages), as IT would:
install with ``/S /DATAMAP=... /BUREAUBLAD``, check what Windows would show (program folder,
shortcuts, the installed-programs entry, ``datamap.txt``), install again over it (an upgrade
keeps the data and the chosen folder), then uninstall silently and check that the program and
its entry are gone while the data folder stays."""

from __future__ import annotations

import getpass
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

WINE = next((p for p in ("/usr/lib/wine/wine64", shutil.which("wine64") or "") if p), "")
UNINSTALL_KEY = r"HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\Steunpunt"
PRESET = r"H:\Steunpunt"
TIMEOUT_S = 300


class WineCheckFailed(Exception):
    """What wine showed differs from what the installer promises."""


def wine_available() -> bool:
    return bool(WINE) and Path(WINE).exists()


def check_installer(installer: Path) -> str:
    """Install, look, uninstall, look; raises WineCheckFailed with what differed."""
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
        return (
            f"under wine: silent install of {version}, entry, shortcuts, datamap.txt; "
            "upgrade and uninstall kept the data"
        )


def expect(condition: bool, message: str) -> None:
    if not condition:
        raise WineCheckFailed(message)
