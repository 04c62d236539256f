"""Every place that writes a file for the person says where it went: the folder, the name, and
that a file with personal data is not encrypted (``ui/saved_file.py``); the command line prints
the full path. The writers are found in the sources, so a new one that forgets it fails here."""

from __future__ import annotations

import ast
import os
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QWidget

from steunpunt.cli import main
from steunpunt.domain.saved_files import PERSONAL_DATA_NOTE, where_saved
from steunpunt.ui.saved_file import SavedFileBox, tell_where_saved

SOURCE = Path(__file__).resolve().parents[2] / "src" / "steunpunt"

STAGED = "staged in a hidden folder, noted in the staging journal (tests/letters/test_leftovers.py)"
WHOLE = "written whole by io/atomic, noted (test_temporary_files.py: every document is noted)"
NO_ONES_DATA = "a test page: no one's data"
KNOWN_WRITERS = {
    "export_caregiver_list": WHOLE,  # the list export (Excel, CSV)
    "make_mailing": STAGED,  # letters, per-person PDFs, address labels, the print shop CSV
    "reprint": STAGED,
    "application_letters": STAGED,  # the compliment's letters, through make_mailing
    "reminder": STAGED,
    "make_batch": STAGED,  # the SEPA payment file and the payment list
    "letter": STAGED,  # a household help letter, through make_mailing
    "export": WHOLE,  # the audit log's workbook, the inzage PDF and JSON
    "write_report_file": WHOLE,  # the verantwoording
    "write_report": WHOLE,  # the import's report workbook
    "write_recovery_sheet": WHOLE,
    "write_calibration_page": NO_ONES_DATA,
    "write_label_test_sheet": NO_ONES_DATA,
}
"""Every use case that writes a file where the person says, and how a crash halfway is swept
at the next start (``services/kernel/temporary_files.py``)."""

CHOOSERS_THAT_WRITE_NOTHING = {
    "ui/backups/settings_dialog.py": "chooses the second backup folder",
    "ui/database_dialogs.py": "chooses where a new register goes",
}


def file_writers() -> set[str]:
    """The use cases that write a file where the person says: a ``target`` or ``folder``
    path, or a mailing request (which names its folder)."""
    found: set[str] = set()
    for file in (SOURCE / "services").rglob("*.py"):
        for node in ast.walk(ast.parse(file.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.FunctionDef):
                continue
            if not any(getattr(mark, "id", None) == "writes" for mark in node.decorator_list):
                continue
            for argument in node.args.args:
                shown = ast.unparse(argument.annotation) if argument.annotation else ""
                if (argument.arg in ("target", "folder") and shown == "Path") or (
                    shown == "MailingRequest"
                ):
                    found.add(node.name)
    return found


def callers(name: str) -> list[Path]:
    """The screens and command-line modules that call ``name``."""
    call = re.compile(rf"(?<!def )\b{name}\(")
    modules = [*(SOURCE / "ui").rglob("*.py"), *SOURCE.glob("cli*.py")]
    return [file for file in modules if call.search(file.read_text(encoding="utf-8"))]


def test_the_writers_are_found_in_the_sources() -> None:
    assert file_writers() == set(KNOWN_WRITERS)  # a new one: say how its crash is swept


def test_every_screen_that_writes_a_file_says_where_it_went() -> None:
    untold: list[str] = []
    for name in sorted(file_writers()):
        found = callers(name)
        assert found, f"{name} is called by no screen or command"
        for file in found:
            text = file.read_text(encoding="utf-8")
            relative = file.relative_to(SOURCE).as_posix()
            if relative.startswith("ui/") and not re.search(
                r"\b(tell_where_saved|where_saved_text)\(", text
            ):
                untold.append(f"{relative} ({name})")
            if relative.startswith("cli") and ".absolute()" not in text:
                untold.append(f"{relative} ({name}): prints no full path")
    assert untold == []


def test_every_screen_that_asks_for_a_file_or_folder_says_where_it_went() -> None:
    asking = re.compile(r"getSaveFileName|getExistingDirectory")
    untold = [
        relative
        for file in (SOURCE / "ui").rglob("*.py")
        if asking.search(text := file.read_text(encoding="utf-8"))
        and (relative := file.relative_to(SOURCE).as_posix()) not in CHOOSERS_THAT_WRITE_NOTHING
        and "steunpunt.ui.saved_file import" not in text
    ]
    assert untold == []


def test_the_message_names_the_folder_the_files_and_the_warning() -> None:
    folder = Path("/home/anna/Documenten/Brieven")
    said = where_saved([folder / "brieven.pdf", folder / "etiketten.pdf", folder / "brieven.pdf"])
    assert said.splitlines() == [
        f"Map: {folder}",
        "Bestanden: brieven.pdf, etiketten.pdf",
        "Deze bestanden bevatten persoonsgegevens en zijn niet versleuteld: bewaar ze alleen "
        "op een plek waar dat mag, en verwijder ze als u ze niet meer nodig hebt.",
    ]
    assert where_saved([folder / "lijst.csv"]).splitlines()[2] == PERSONAL_DATA_NOTE
    assert where_saved([folder / "kalibratie.pdf"], personal=False) == (
        f"Map: {folder}\nBestand: kalibratie.pdf"
    )


@pytest.mark.usefixtures("demo_sign_in")
def test_the_command_line_prints_the_full_path_and_the_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "data"
    assert main(["demo", "--data-dir", str(data), "--caregivers", "20"]) == 0
    monkeypatch.chdir(tmp_path)  # the files are named relative to here
    capsys.readouterr()

    assert main(["export", "--data-dir", str(data), "lijst.csv"]) == 0
    said = capsys.readouterr().out
    assert f" in {tmp_path / 'lijst.csv'}.\n{PERSONAL_DATA_NOTE}\n" in said

    assert main(["inzage", "3", "--data-dir", str(data), "--folder", "inzage"]) == 0
    said = capsys.readouterr().out
    assert f"staat in {tmp_path / 'inzage'}{os.sep}Inzage " in said
    assert f"JSON in {tmp_path / 'inzage'}{os.sep}Inzage " in said
    assert "Deze bestanden bevatten persoonsgegevens en zijn niet versleuteld" in said

    mailing = ["mailing", "--data-dir", str(data), "--folder", "post", "--labels"]
    assert main([*mailing, "--template", "Welkomstbrief"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.strip().startswith(str(tmp_path / "post")) for line in lines[1:3]] == [True] * 2
    assert lines[3].startswith("Deze bestanden bevatten persoonsgegevens")


def test_map_openen_opens_the_folder_and_a_pdf_can_be_opened_from_the_box(
    blank: QWidget, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    opened: list[str] = []
    monkeypatch.setattr(
        QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True
    )
    offered: list[list[str]] = []

    def click(name: str) -> Callable[[SavedFileBox], int]:
        def exec_(box: SavedFileBox) -> int:
            offered.append([button.text() for button in box.buttons()])
            next(button for button in box.buttons() if button.text() == name).click()
            return 0

        return exec_

    monkeypatch.setattr(SavedFileBox, "exec", click("Map openen"))
    tell_where_saved(blank, "Klaar.", [tmp_path / "lijst.csv"])
    assert opened == [str(tmp_path)]
    monkeypatch.setattr(SavedFileBox, "exec", click("Openen"))
    tell_where_saved(blank, "Klaar.", [tmp_path / "brief.pdf"])
    assert opened[1] == str(tmp_path / "brief.pdf")
    assert [sorted(texts) for texts in offered] == [
        ["Map openen", "Sluiten"],
        ["Afdrukken…", "Map openen", "Openen", "Sluiten"],
    ]
