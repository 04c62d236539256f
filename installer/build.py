"""Builds the frozen program, its portable zip and (where makensis is found) the installer.

    python3 installer/build.py [--out build/installer] [--no-installer]

Steps, each timed: a wheel of the package; a build environment of its own (``OUT/venv``) with
that wheel and the ``installer`` extra (PyInstaller), so the frozen program is made from a
normal install, never from the source tree; the icon from ``resources/steunpunt.svg``; the
Windows version resource from the one version number (pyproject.toml); PyInstaller with
``installer/steunpunt.spec``; the portable zip (``portable.txt`` beside the program); NSIS.
Writes ``OUT/sizes.txt``: the build's size and the folders that take the room.
"""

from __future__ import annotations

import argparse
import ast
import os
import re
import shutil
import subprocess
import sys
import time
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
WINDOWS = sys.platform == "win32"
PORTABLE_NOTE = (
    "Dit bestand maakt Steunpunt draagbaar: zolang het naast het programma staat, bewaart\r\n"
    "Steunpunt de database, instellingen, logboeken, back-ups en brieven in de map 'data'\r\n"
    "naast het programma, en niets op de computer zelf. Verwijder dit bestand om de gewone\r\n"
    "gebruikersmappen van Windows te gebruiken.\r\n"
)


def main() -> int:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--out", type=Path, default=ROOT / "build" / "installer")
    options.add_argument("--no-installer", action="store_true", help="skip makensis")
    options.add_argument(
        "--compressor",
        choices=("lzma", "zlib"),
        default="lzma",
        help="the installer's compression: lzma is the smaller download, zlib 4x faster (CI)",
    )
    wanted = options.parse_args()
    out: Path = wanted.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()

    wheel = step("wheel", lambda: build_wheel(out / "wheel"))
    python = step("build environment", lambda: build_environment(out / "venv", wheel))
    version = run_output(
        python, "-c", "from importlib.metadata import version; print(version('steunpunt'))"
    )
    icon = step("icon", lambda: run_python(python, HERE / "make_icon.py", out / "steunpunt.ico"))
    version_file = out / "version_info.txt"
    version_file.write_text(version_resource(version), encoding="utf-8")
    dist = out / "dist"
    step("pyinstaller", lambda: freeze(python, out, icon, version_file))
    program = dist / "Steunpunt"
    portable = step("portable zip", lambda: portable_zip(program, out, version))
    installer = None
    if not wanted.no_installer:
        installer = step(
            "installer",
            lambda: compile_installer(program, out, version, icon, wanted.compressor),
        )
    total = time.perf_counter() - started
    report = size_report(program)
    (out / "sizes.txt").write_text(report, encoding="utf-8")
    print(report)
    print(f"Steunpunt {version} built in {total:.0f} s: {program}")
    print(f"portable: {portable}")
    if installer:
        print(f"installer: {installer}")
    return 0


def step(name: str, action):  # type: ignore[no-untyped-def]
    """Run one step and say how long it took."""
    print(f"== {name}", flush=True)
    began = time.perf_counter()
    result = action()
    print(f"   {name}: {time.perf_counter() - began:.1f} s", flush=True)
    return result


def build_wheel(folder: Path) -> Path:
    shutil.rmtree(folder, ignore_errors=True)
    pip = [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(folder), str(ROOT)]
    subprocess.run(pip, check=True)
    (wheel,) = folder.glob("steunpunt-*.whl")
    return wheel


def build_environment(venv: Path, wheel: Path) -> Path:
    """A venv with the wheel (not editable) and the ``installer`` extra; reused when present."""
    python = venv / ("Scripts/python.exe" if WINDOWS else "bin/python")
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    pip = [str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check"]
    # The new wheel first, so that its metadata (dependencies, extras) is the one resolved.
    subprocess.run([*pip, "--force-reinstall", "--no-deps", str(wheel)], check=True)
    subprocess.run([*pip, f"steunpunt[installer] @ {wheel.as_uri()}"], check=True)
    return python


def run_python(python: Path, script: Path, *args: Path) -> Path:
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    subprocess.run([str(python), str(script), *map(str, args)], check=True, env=environment)
    return args[0]


def run_output(python: Path, *args: str) -> str:
    return subprocess.run(
        [str(python), *args], check=True, capture_output=True, text=True
    ).stdout.strip()


def version_numbers(version: str) -> tuple[int, int, int, int]:
    """``0.1.0`` as Windows' four numbers (0, 1, 0, 0); a suffix such as ``.dev1`` is dropped."""
    release = re.match(r"\d+(\.\d+)*", version)
    numbers = [int(part) for part in release.group().split(".")] if release else []
    padded = [*numbers, 0, 0, 0, 0]
    return padded[0], padded[1], padded[2], padded[3]


def version_resource(version: str) -> str:
    """The ``.exe``'s version resource (file properties in Windows Explorer), as PyInstaller reads it."""
    numbers = version_numbers(version)
    strings = {
        "CompanyName": "Steunpunt",
        "FileDescription": "Steunpunt: registratie en ondersteuning van mantelzorgers",
        "FileVersion": version,
        "InternalName": "Steunpunt",
        "LegalCopyright": "EUPL-1.2",
        "OriginalFilename": "Steunpunt.exe",
        "ProductName": "Steunpunt",
        "ProductVersion": version,
    }
    entries = ",\n          ".join(f"StringStruct({k!r}, {v!r})" for k, v in strings.items())
    text = f"""VSVersionInfo(
  ffi=FixedFileInfo(filevers={numbers}, prodvers={numbers}, mask=0x3f, flags=0x0, OS=0x40004,
    fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([StringTable('041304B0', [
          {entries}])]),
    VarFileInfo([VarStruct('Translation', [0x0413, 1200])])
  ]
)
"""
    ast.parse(text, mode="eval")  # PyInstaller evaluates it: a slip fails here, not on Windows
    return text


def freeze(python: Path, out: Path, icon: Path, version_file: Path) -> None:
    pyinstaller = [str(python), "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN"]
    folders = ["--distpath", str(out / "dist"), "--workpath", str(out / "work")]
    spec = [str(HERE / "steunpunt.spec"), "--", "--icon", str(icon)]
    subprocess.run([*pyinstaller, *folders, *spec, "--version-file", str(version_file)], check=True)


def portable_zip(program: Path, out: Path, version: str) -> Path:
    """The frozen program with ``portable.txt`` beside it, as one zip for a USB stick."""
    platform = "windows" if WINDOWS else sys.platform
    target = out / f"Steunpunt-{version}-draagbaar-{platform}.zip"
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        for path in sorted(program.rglob("*")):
            archive.write(path, Path("Steunpunt") / path.relative_to(program))
        archive.writestr("Steunpunt/portable.txt", PORTABLE_NOTE)
    return target


def compile_installer(
    program: Path, out: Path, version: str, icon: Path, compressor: str
) -> Path | None:
    makensis = shutil.which("makensis")
    if makensis is None:
        print("   makensis not found: no installer made")
        return None
    target = out / f"Steunpunt-{version}-installatie.exe"
    numbers = ".".join(map(str, version_numbers(version)))
    defines = {
        "VERSION": version,
        "VERSION4": numbers,
        "SOURCE": program,
        "ICON": icon,
        "SIDE": icon.with_name("steunpunt-zijkant.bmp"),
        "OUTFILE": target,
        "COMPRESSOR": compressor,
    }
    flags = [f"-D{name}={value}" for name, value in defines.items()]
    subprocess.run([makensis, "-V2", *flags, str(HERE / "steunpunt.nsi")], check=True)
    return target


def size_report(program: Path) -> str:
    """The build's size and its largest folders and files, biggest first."""

    def size(path: Path) -> int:
        if path.is_symlink():
            return 0  # Linux: PyInstaller links the Qt libraries into _internal/
        if path.is_file():
            return path.stat().st_size
        return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())

    internal = program / "_internal"
    parts = [p for p in internal.iterdir()]
    for nested in ("PySide6", "PySide6/Qt", "PySide6/Qt/lib", "PySide6/Qt/plugins"):
        if (internal / nested).is_dir():
            parts.extend((internal / nested).iterdir())
    lines = [f"total {size(program) / 2**20:.1f} MiB  {program}"]
    for path in sorted(parts, key=size, reverse=True)[:25]:
        lines.append(f"{size(path) / 2**20:8.1f} MiB  {path.relative_to(program)}")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    raise SystemExit(main())
