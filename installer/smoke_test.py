"""Smoke test of the FROZEN program, as a steunpunt would use it (no Python involved).

    python installer/smoke_test.py [--program build/installer/dist/Steunpunt]
                                   [--portable ZIP] [--screen] [--source PYTHON]

Runs the frozen ``--version`` and ``self-test``, makes a demo database, a mailing (its fonts
must be embedded: the letters print the same on any computer), a list export, a verantwoording
and a backup (whose manifest carries the version); keeps the window up offscreen for a few
seconds; checks that what the program never loads was left out. With ``--portable`` the zip
is unpacked and must keep its data beside the program. With ``--screen`` (Linux: Xvfb and
xdotool) a person's sign-in is typed into the real window, which must paint the start screen
and close cleanly with Ctrl+Q; with ``--source`` the same is timed for the program run from
Python, and the frozen/source ratio is printed. With ``--installer`` the Windows installer is
installed and uninstalled silently under wine (installer/wine_check.py). Needs pypdf. Ends
with ``N passed, N failed``.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path

from openpyxl import Workbook  # type: ignore[import-untyped]
from pypdf import PdfReader
from wine_check import WineCheckFailed, wine_available
from wine_check import check_installer as check_under_wine

from steunpunt.domain.accounts.passwords import MIN_LENGTH

ROOT = Path(__file__).resolve().parent.parent
WINDOWS = sys.platform == "win32"
SUFFIX = ".exe" if WINDOWS else ""
LOGIN, PASSWORD = "beheerder", "mantelzorg-beheerder"
"""The demo database's published beheerder (src/steunpunt/demo/accounts.py)."""
WINDOW_UP_S = 5.0
MAX_SIZE_MIB = 400
NEVER_LOADED = ("QtWebEngine", "Qt6Qml", "Qt6Quick", "Qt63D", "Qt6Multimedia", "Qt6Pdf")
FAKER_LOCALES = {"nl_NL", "nl_BE", "en_US", "en", "la"}
"""The demo's locale and the ones Faker falls back on; the build leaves out the other 70."""


class SmokeFailed(Exception):
    """One check did not hold."""


def expect(condition: bool, message: str) -> None:
    if not condition:
        raise SmokeFailed(message)


class Frozen:
    """The frozen program in ``folder`` and a data folder to run it on."""

    def __init__(self, folder: Path, data: Path) -> None:
        self.folder = folder
        self.data = data
        self.console = folder / f"steunpunt-opdracht{SUFFIX}"
        self.window = folder / f"Steunpunt{SUFFIX}"

    def environment(self, **extra: str) -> dict[str, str]:
        environment = {
            k: v for k, v in os.environ.items() if not k.startswith(("STEUNPUNT_", "PYTHON"))
        }
        environment.update({"QT_QPA_PLATFORM": "offscreen", "PYTHONIOENCODING": "utf-8"})
        return {**environment, **extra}

    def run(self, *arguments: str, signed_in: bool = False, timeout: float = 300) -> str:
        """Run a command; its output, or SmokeFailed with its output when it failed."""
        extra = {"STEUNPUNT_USER": LOGIN, "STEUNPUNT_PASSWORD": PASSWORD} if signed_in else {}
        done = subprocess.run(
            [str(self.console), *arguments],
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            env=self.environment(**extra),
            timeout=timeout,
            check=False,
        )
        said = done.stdout + done.stderr
        expect(done.returncode == 0, f"{' '.join(arguments)}: exit {done.returncode}\n{said}")
        return said

    def at(self, *arguments: str) -> list[str]:
        """``arguments`` on this smoke test's data folder."""
        return [*arguments, "--data-dir", str(self.data)]


def embedded_fonts(pdf: Path) -> tuple[set[str], set[str]]:
    """The PDF's fonts: those embedded and those not."""
    embedded: set[str] = set()
    missing: set[str] = set()
    for page in PdfReader(pdf).pages:
        fonts = page.get("/Resources", {}).get_object().get("/Font", {}).get_object()
        for font in fonts.values():
            font = font.get_object()
            descendants = font.get("/DescendantFonts")
            described = descendants[0].get_object() if descendants else font
            descriptor = described.get("/FontDescriptor")
            name = str(font.get("/BaseFont"))
            files = ("/FontFile", "/FontFile2", "/FontFile3")
            if descriptor is not None and any(f in descriptor.get_object() for f in files):
                embedded.add(name)
            else:
                missing.add(name)
    return embedded, missing


def check_version(program: Frozen) -> str:
    said = program.run("--version").strip()
    expect(said.startswith("Steunpunt ") and said[10:11].isdigit(), f"--version said {said!r}")
    return said


def check_self_test_without_database(program: Frozen) -> str:
    said = program.run(*program.at("self-test"))
    expect("Zelftest geslaagd." in said and "nog geen database" in said, said)
    return "self-test in an empty folder"


def check_demo(program: Frozen) -> str:
    said = program.run(*program.at("demo", "--caregivers", "200"))
    expect("Klaar: 200 mantelzorgers." in said, said)
    expect((program.data / "steunpunt.sqlite.sleutels").is_file(), "no key file: not encrypted")
    return "demo database, 200 caregivers, encrypted"


def check_self_test_on_demo(program: Frozen) -> str:
    said = program.run(*program.at("self-test"), signed_in=True)
    expect("Zelftest geslaagd." in said and "geopend (versie" in said, said)
    return "self-test on the demo database"


def check_mailing(program: Frozen) -> str:
    folder = program.data.parent / "mailing"
    arguments = ("mailing", "--template", "Welkomstbrief", "--labels", "--folder", str(folder))
    program.run(*program.at(*arguments), signed_in=True)
    pdfs = sorted(folder.glob("*.pdf"))
    expect(len(pdfs) == 2, f"expected the letters and the labels, found {pdfs}")
    fonts = set().union(*(fonts_embedded_only(pdf) for pdf in pdfs))
    (letters,) = (pdf for pdf in pdfs if "etiketten" not in pdf.name)
    pages = len(PdfReader(letters).pages)
    return f"mailing and labels: {pages} pages, fonts embedded ({', '.join(sorted(fonts))})"


def fonts_embedded_only(pdf: Path) -> set[str]:
    """The PDF's fonts, all embedded, else SmokeFailed."""
    embedded, missing = embedded_fonts(pdf)
    expect(bool(embedded) and not missing, f"{pdf.name}: fonts not embedded: {missing}")
    return embedded


def check_export_and_report(program: Frozen) -> str:
    out = program.data.parent / "uitvoer"
    out.mkdir(exist_ok=True)
    program.run(*program.at("export", str(out / "lijst.xlsx")), signed_in=True)
    period = ("--from", "01-01-2026", "--until", "31-12-2026")
    program.run(*program.at("report", str(out / "verantwoording.pdf"), *period), signed_in=True)
    expect((out / "lijst.xlsx").stat().st_size > 0, "empty export")
    expect(len(PdfReader(out / "verantwoording.pdf").pages) > 0, "empty verantwoording")
    fonts_embedded_only(out / "verantwoording.pdf")
    return "export (Excel) and verantwoording (PDF)"


IMPORT_CSV = (
    "Aanmeldingen via de website\n\n"
    "Naam;Adres;Postcode en woonplaats;Geb. datum;Tel.\n"
    "Zoë Bos;Kerkstraat 5;3811cd Amersfoort;12-3-1956;06-12345678 (dochter)\n"
    "PIET VAN DER BERG;Kerkplein 3-II;3762 AB Soest;1 februari 1960;\n"
    "Kees Smit;Laan 3;12345 Soest;ooit;\n"
)


def check_import(program: Frozen) -> str:
    """A small CSV in Windows-1252: the dry run writes its report, --uitvoeren imports; the
    same rows as an Excel workbook read in a dry run."""
    source = program.data.parent / "uitvoer" / "aanmeldingen.csv"
    source.parent.mkdir(exist_ok=True)
    source.write_text(IMPORT_CSV, encoding="cp1252")
    report = source.with_name("importrapport.xlsx")
    said = program.run(*program.at("import", str(source), "--rapport", str(report)), signed_in=True)
    expect("3 gegevensrijen: 2 nieuw" in said and report.stat().st_size > 0, f"dry run: {said}")
    workbook = source.with_suffix(".xlsx")  # read by python-calamine, a compiled library
    book = Workbook()
    for line in IMPORT_CSV.splitlines():
        book.active.append(line.split(";") if line else [])
    book.save(workbook)
    said = program.run(*program.at("import", str(workbook)), signed_in=True)
    expect("3 gegevensrijen: 2 nieuw" in said, f"dry run of a workbook: {said}")
    said = program.run(*program.at("import", str(source), "--uitvoeren"), signed_in=True)
    expect("Geïmporteerd: 3 gegevensrijen: 2 nieuw" in said, f"import said {said}")
    return "import of a CSV (report, then --uitvoeren) and a dry run of the same as Excel"


def check_backup(program: Frozen, version: str) -> str:
    program.run(*program.at("backup"), signed_in=True)
    manifests = sorted((program.data / "backups").glob("*handmatig/manifest.json"))
    expect(len(manifests) == 1, f"no manual backup: {manifests}")
    manifest = json.loads(manifests[0].read_text(encoding="utf-8"))
    expected = version.removeprefix("Steunpunt ")
    expect(manifest["program_version"] == expected, f"manifest says {manifest}")
    return f"backup, manifest version {manifest['program_version']}"


def check_window_offscreen(program: Frozen) -> str:
    """The window starts (the sign-in dialog), stays up and logs no error."""
    started = subprocess.Popen(
        [str(program.window), "--data-dir", str(program.data)],
        env=program.environment(),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        time.sleep(WINDOW_UP_S)
        expect(started.poll() is None, f"the window stopped: exit {started.returncode}")
    finally:
        started.kill()
        output = started.communicate()[0].decode("utf-8", "replace")
    log = program.data / "logs" / "steunpunt.log"
    logged = log.read_text(encoding="utf-8") if log.exists() else ""
    for text in (output, logged):
        expect("Traceback" not in text and " ERROR " not in text, text)
    missing = "Dutch translation"  # ui/i18n.py warns before the log file is set up
    expect(missing not in output + logged, f"Qt's Dutch is missing: {output}")
    return f"window up {WINDOW_UP_S:.0f} s offscreen, Qt's own texts in Dutch"


def check_left_out(folder: Path) -> str:
    files = [p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()]
    size = sum(p.stat().st_size for p in files) / 2**20
    translations = [p.name for p in files if p.suffix == ".qm"]
    expect(translations == ["qtbase_nl.qm"], f"translations: {translations}")
    unwanted = [p.name for p in files if any(name in p.name for name in NEVER_LOADED)]
    expect(not unwanted, f"never loaded, yet shipped: {unwanted}")
    password_bins = {int(p.stem) for p in files if p.parent.parent.parent.name == "passwords"}
    expect(min(password_bins, default=0) == MIN_LENGTH, f"password lists: {password_bins}")
    faker_locales = {p.parent.name for p in files if p.parent.parent.parent.name == "providers"}
    expect(not faker_locales - FAKER_LOCALES, f"Faker's locales: {sorted(faker_locales)}")
    migrations = folder.rglob("migrations/versions/0001_initial.py")
    expect(any(migrations), "the migrations are missing")
    expect(size < MAX_SIZE_MIB, f"{size:.0f} MiB is more than {MAX_SIZE_MIB} MiB")
    return (
        f"{size:.0f} MiB, only Dutch Qt translations and Faker locales, "
        "no QML/WebEngine/3D/Multimedia"
    )


def check_portable(archive: Path, scratch: Path) -> str:
    """Unpacked anywhere, the portable program keeps its data in ``data`` beside itself."""
    with zipfile.ZipFile(archive) as opened:
        opened.extractall(scratch)
    folder = scratch / "Steunpunt"
    if not WINDOWS:  # zip keeps no execute bits
        for name in ("Steunpunt", "steunpunt-opdracht"):
            (folder / name).chmod(0o755)
    expect((folder / "portable.txt").is_file(), "portable.txt is missing from the zip")
    portable = Frozen(folder, folder / "data")
    said = portable.run("self-test")
    expect(f"nog geen database in {(folder / 'data').resolve()}" in said, said)
    expect((folder / "data" / "config").is_dir(), "no data folder beside the program")
    return "portable zip keeps its data beside the program"


def sign_in_on_screen(command: Sequence[str], data: Path, display: str) -> tuple[float, float]:
    """Start ``command`` on ``display``, type the demo sign-in, wait for the main window, keep
    it up, close it with Ctrl+Q; seconds to the painted sign-in and from Enter to the window."""
    environment = {k: v for k, v in os.environ.items() if not k.startswith("STEUNPUNT_")}
    environment.update({"DISPLAY": display, "QT_QPA_PLATFORM": "xcb"})

    def xdotool(*arguments: str, timeout: float = 60) -> str:
        done = subprocess.run(
            ["xdotool", *arguments], env=environment, capture_output=True, text=True,
            timeout=timeout, check=False,
        )  # fmt: skip
        return done.stdout.strip()

    def shown(title: str) -> str:
        """The id of the visible window titled ``title``, looked for every 20 ms (xdotool's
        own --sync looks every 0.5 s: too coarse to time a start)."""
        deadline = time.perf_counter() + 60
        while time.perf_counter() < deadline:
            found = xdotool("search", "--onlyvisible", "--name", title).split()
            if found:
                return found[0]
            expect(started.poll() is None, f"the program stopped: exit {started.returncode}")
            time.sleep(0.02)
        raise SmokeFailed(f"no window {title!r} within a minute")

    began = time.perf_counter()
    started = subprocess.Popen([*command, "--data-dir", str(data)], env=environment)
    try:
        dialog = shown("^Aanmelden bij Steunpunt$")
        to_dialog = time.perf_counter() - began
        xdotool("windowfocus", "--sync", dialog)
        xdotool("type", "--delay", "10", LOGIN)
        xdotool("key", "Tab")
        xdotool("type", "--delay", "10", PASSWORD)
        entered = time.perf_counter()
        xdotool("key", "Return")
        window = shown("^Steunpunt mantelzorg")
        to_window = time.perf_counter() - entered
        time.sleep(WINDOW_UP_S)
        expect(started.poll() is None, f"the window stopped: exit {started.returncode}")
        xdotool("windowfocus", "--sync", window)
        xdotool("key", "ctrl+q")
        expect(started.wait(timeout=60) == 0, f"closing: exit {started.returncode}")
    finally:
        if started.poll() is None:
            started.kill()
            started.wait()
    return to_dialog, to_window


def with_screen(action: Callable[[str], str]) -> str:
    """Run ``action`` on a fresh Xvfb screen, once it accepts windows (Xvfb picks a free
    display number and writes it to ``-displayfd`` when ready; ``-noreset``: without it the
    server resets whenever its last client leaves, and refuses the next one meanwhile)."""
    ready, told = os.pipe()
    screen = subprocess.Popen(
        [
            "Xvfb",
            "-displayfd",
            str(told),
            "-noreset",
            "-screen",
            "0",
            "1400x900x24",
            "-nolisten",
            "tcp",
        ],
        pass_fds=(told,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(told)
    try:
        with os.fdopen(ready) as reader:
            number = reader.readline().strip()  # "" when Xvfb stopped before it was ready
        expect(number.isdigit(), "Xvfb did not start")
        return action(f":{number}")
    finally:
        screen.send_signal(signal.SIGTERM)
        screen.wait()


def check_window_on_screen(program: Frozen, source: str | None) -> str:
    """Signs in on a screen; with ``source``, frozen and Python starts in turn, twice each,
    the faster of each compared (start to sign-in, plus Enter to the main window)."""

    def run(display: str) -> str:
        frozen = sign_in_on_screen([str(program.window)], program.data, display)
        said = f"signed in on a screen: sign-in {frozen[0]:.2f} s, window {frozen[1]:.2f} s"
        if not source:
            return said
        python = sign_in_on_screen([source, "-m", "steunpunt"], program.data, display)
        frozen = min(
            frozen, sign_in_on_screen([str(program.window)], program.data, display), key=sum
        )
        python = min(
            python, sign_in_on_screen([source, "-m", "steunpunt"], program.data, display), key=sum
        )
        ratio = sum(frozen) / sum(python)
        return (
            f"frozen: sign-in {frozen[0]:.2f} s, window {frozen[1]:.2f} s; from Python: sign-in "
            f"{python[0]:.2f} s, window {python[1]:.2f} s; frozen/source {ratio:.2f}x"
        )

    return with_screen(run)


def check_installer(installer: Path) -> str:
    expect(installer.is_file(), f"no installer at {installer}")
    expect(wine_available(), "wine64 is not installed (apt-get install wine64)")
    return with_screen(lambda display: check_under_wine(installer, display))


def main() -> int:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = ROOT / "build" / "installer" / "dist" / "Steunpunt"
    options.add_argument("--program", type=Path, default=default)
    options.add_argument("--portable", type=Path, help="the portable zip to unpack and try")
    options.add_argument("--screen", action="store_true", help="sign in on Xvfb (Linux)")
    options.add_argument("--source", help="a Python with steunpunt, to time against")
    options.add_argument("--installer", type=Path, help="install and uninstall it under wine")
    wanted = options.parse_args()
    scratch = Path(tempfile.mkdtemp(prefix="steunpunt-smoke-"))
    program = Frozen(wanted.program.resolve(), scratch / "data")
    version = ""
    checks: list[tuple[str, Callable[[], str]]] = [
        ("version", lambda: check_version(program)),
        ("left out", lambda: check_left_out(program.folder)),
        ("self-test", lambda: check_self_test_without_database(program)),
        ("demo", lambda: check_demo(program)),
        ("self-test signed in", lambda: check_self_test_on_demo(program)),
        ("mailing", lambda: check_mailing(program)),
        ("export and report", lambda: check_export_and_report(program)),
        ("import", lambda: check_import(program)),
        ("backup", lambda: check_backup(program, version)),
        ("window offscreen", lambda: check_window_offscreen(program)),
    ]
    if wanted.screen:
        checks.append(("window on screen", lambda: check_window_on_screen(program, wanted.source)))
    if wanted.portable:
        checks.append(("portable", lambda: check_portable(wanted.portable, scratch / "usb")))
    if wanted.installer:
        checks.append(("installer", lambda: check_installer(wanted.installer)))
    passed = failed = 0
    try:
        for name, check in checks:
            began = time.perf_counter()
            try:
                said = check()
            except (SmokeFailed, WineCheckFailed, OSError, subprocess.SubprocessError) as problem:
                failed += 1
                print(f"FAIL {name}: {problem}", flush=True)
                continue
            if name == "version":
                version = said
            passed += 1
            print(f"ok   {name} ({time.perf_counter() - began:.1f} s): {said}", flush=True)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    print(f"smoke: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
