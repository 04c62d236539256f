"""Opening a file to import: an Excel workbook (python-calamine) or a CSV/text file, as rows of cells.

The encoding and the delimiter of a text file are detected and returned, so a screen can show
them and let the person choose another; a workbook's sheets are named so one can be picked.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from steunpunt.domain.errors import KnownProblem
from steunpunt.domain.imports.cells import Cell


class ImportFileProblem(KnownProblem):
    """The file cannot be read as a register: gone, locked, damaged, protected, empty."""


class FileKind(StrEnum):
    """What kind of file was read."""

    WORKBOOK = "werkmap"
    TEXT = "tekstbestand"


class Encoding(StrEnum):
    """The encodings a text file may be in (Python's codec names), with the name people know."""

    UTF8 = "utf-8-sig"
    WINDOWS = "cp1252"
    UTF16 = "utf-16"

    @property
    def label(self) -> str:
        return _ENCODING_LABELS[self]


_ENCODING_LABELS = {
    Encoding.UTF8: "UTF-8",
    Encoding.WINDOWS: "Windows-1252 (ANSI)",
    Encoding.UTF16: "UTF-16 (Unicode-tekst van Excel)",
}


class Delimiter(StrEnum):
    """The characters that separate the columns of a text file."""

    SEMICOLON = ";"
    COMMA = ","
    TAB = "\t"

    @property
    def label(self) -> str:
        return _DELIMITER_LABELS[self]


_DELIMITER_LABELS = {
    Delimiter.SEMICOLON: "puntkomma (;)",
    Delimiter.COMMA: "komma (,)",
    Delimiter.TAB: "tab",
}

WORKBOOK_SUFFIXES = frozenset({".xlsx", ".xlsm", ".xls", ".ods"})
TEXT_SUFFIXES = frozenset({".csv", ".txt"})

_OLE_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")
"""The start of an OLE compound file: an old .xls, or a .xlsx that Excel encrypted with a password."""
_SNIFF_LINES = 50
"""The delimiter is detected from the first lines of the file."""


@dataclass(frozen=True)
class ImportFile:
    """A file read for import: its rows of cells and how it was read."""

    name: str
    """The file's name without its folder, for the report and the audit trail."""
    kind: FileKind
    rows: tuple[tuple[Cell, ...], ...]
    """Every row from the first (row 1 in the spreadsheet) on, all of the same width."""
    sheet_names: tuple[str, ...] = ()
    """A workbook's worksheets (not its chart sheets), hidden ones too."""
    sheet: str = ""
    """The sheet read (a workbook: the first one shown unless chosen), else ``""``."""
    encoding: Encoding | None = None
    """The encoding read (a text file): detected unless chosen."""
    delimiter: Delimiter | None = None
    """The delimiter read (a text file): detected unless chosen."""


def open_import_file(
    path: Path,
    *,
    sheet: str | None = None,
    encoding: Encoding | None = None,
    delimiter: Delimiter | None = None,
) -> ImportFile:
    """Read ``path`` as rows of cells; raise :class:`ImportFileProblem` in Dutch when it cannot."""
    suffix = path.suffix.lower()
    if suffix not in WORKBOOK_SUFFIXES | TEXT_SUFFIXES:
        raise ImportFileProblem(
            f"{path.name} is geen Excel- of CSV-bestand. Kies een bestand dat eindigt op "
            ".xlsx, .csv of .txt."
        )
    data = _read_bytes(path)
    if not data.strip():
        raise ImportFileProblem(f"{path.name} is leeg.")
    if suffix in WORKBOOK_SUFFIXES:
        return _workbook(path.name, suffix, data, sheet)
    return _text_file(path.name, data, encoding, delimiter)


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError as error:
        raise ImportFileProblem(
            f"{path.name} bestaat niet (meer). Kies het bestand opnieuw."
        ) from error
    except IsADirectoryError as error:
        raise ImportFileProblem(f"{path.name} is een map, geen bestand.") from error
    except PermissionError as error:
        raise ImportFileProblem(
            f"{path.name} kan niet worden gelezen: u mag het niet openen, of een ander "
            "programma houdt het vast. Sluit het in Excel en probeer het opnieuw."
        ) from error
    except OSError as error:
        raise ImportFileProblem(
            f"{path.name} kan niet worden gelezen; de schijf gaf een fout."
        ) from error


def _workbook(name: str, suffix: str, data: bytes, sheet: str | None) -> ImportFile:
    # Imported when first needed: start-up does not wait for it.
    import python_calamine

    if data.startswith(_OLE_MAGIC) and suffix in {".xlsx", ".xlsm"}:
        raise _protected(name)
    try:
        workbook = python_calamine.load_workbook(io.BytesIO(data))
        sheets = [
            found
            for found in workbook.sheets_metadata
            if found.typ == python_calamine.SheetTypeEnum.WorkSheet
        ]
        names = tuple(found.name for found in sheets)
        visible = [
            found.name
            for found in sheets
            if found.visible == python_calamine.SheetVisibleEnum.Visible
        ]
        if not names:
            raise ImportFileProblem(f"{name} heeft geen werkbladen.")
        chosen = sheet or (visible or names)[0]
        if chosen not in names:
            raise ImportFileProblem(f"{name} heeft geen werkblad met de naam {chosen}.")
        cells = workbook.get_sheet_by_name(chosen).to_python(skip_empty_area=False)
    except python_calamine.PasswordError as error:
        raise _protected(name) from error
    except (python_calamine.CalamineError, ValueError) as error:
        raise ImportFileProblem(
            f"{name} is geen leesbaar Excel-bestand: het is beschadigd of van een ander soort. "
            "Open het in Excel en sla het opnieuw op als .xlsx."
        ) from error
    rows = tuple(tuple(None if cell == "" else cell for cell in row) for row in cells)
    if not any(any(cell is not None for cell in row) for row in rows):
        raise ImportFileProblem(f"Het werkblad {chosen} van {name} is leeg.")
    return ImportFile(name, FileKind.WORKBOOK, rows, sheet_names=names, sheet=chosen)


def _protected(name: str) -> ImportFileProblem:
    return ImportFileProblem(
        f"{name} is beveiligd met een wachtwoord. Open het in Excel, haal het wachtwoord weg "
        "(Bestand › Info › Werkmap beveiligen) en sla het op."
    )


def _text_file(
    name: str, data: bytes, encoding: Encoding | None, delimiter: Delimiter | None
) -> ImportFile:
    chosen = encoding or detect_encoding(data)
    try:
        text = data.decode(chosen.value)
    except UnicodeDecodeError as error:
        raise ImportFileProblem(
            f"{name} is niet te lezen als {chosen.label}. Kies een andere tekenset, of sla het "
            "bestand in Excel op als CSV UTF-8."
        ) from error
    if "\x00" in text:
        raise ImportFileProblem(
            f"{name} is geen tekstbestand (of niet in {chosen.label}). Kies een CSV-bestand."
        )
    try:
        separator = delimiter or detect_delimiter(text)
        records = list(csv.reader(io.StringIO(text, newline=""), delimiter=separator.value))
    except csv.Error as error:  # a cell of more than 128 KB: not a register
        raise ImportFileProblem(
            f"{name} is geen lijst met kolommen: er staat een cel in van meer dan 128 KB."
        ) from error
    width = max((len(record) for record in records), default=0)
    rows = tuple(
        tuple([cell if cell.strip() else None for cell in record] + [None] * (width - len(record)))
        for record in records
    )
    if not any(any(cell is not None for cell in row) for row in rows):
        raise ImportFileProblem(f"{name} is leeg.")
    return ImportFile(name, FileKind.TEXT, rows, encoding=chosen, delimiter=separator)


def detect_encoding(data: bytes) -> Encoding:
    """UTF-16 by its byte-order mark; UTF-8 when the bytes are valid UTF-8; else Windows-1252."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return Encoding.UTF16
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return Encoding.WINDOWS
    return Encoding.UTF8


def detect_delimiter(text: str) -> Delimiter:
    """The delimiter that splits the first lines into the most rows of the same width."""
    sample = "\n".join(text.splitlines()[:_SNIFF_LINES])
    return max(Delimiter, key=lambda candidate: _consistency(sample, candidate))


def _consistency(sample: str, delimiter: Delimiter) -> tuple[int, int]:
    """(rows of the most common width above one, that width): higher is more likely."""
    widths = Counter(
        len(record)
        for record in csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter.value)
        if any(cell.strip() for cell in record)
    )
    common = [(count, width) for width, count in widths.items() if width > 1]
    return max(common, default=(0, 0))
