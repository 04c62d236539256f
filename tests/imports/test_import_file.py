"""Opening the file to import: Excel workbooks and CSV files as rows of cells, detected encoding
and delimiter that can be overridden, and bad files refused in Dutch."""

from __future__ import annotations

import errno
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook  # type: ignore[import-untyped]

from steunpunt.io.import_file import (
    Delimiter,
    Encoding,
    FileKind,
    ImportFileProblem,
    open_import_file,
)


def workbook(path: Path) -> Path:
    """Two sheets; the register starts in row 3, column B, below a merged title."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Register"
    sheet["B1"] = "Mantelzorgers"
    sheet.merge_cells("B1:E1")
    sheet.append([None, "Naam", "Geb. datum", "Uren", "Actief", "Ingeschreven"])
    sheet.append([None, "Jan Bakker", date(1956, 3, 12), 10, True, datetime(2020, 1, 2, 9, 30)])
    sheet.append([None, "Truus de Vries", "12-3-1956", 7.5, False, None])
    book.create_sheet("Oud").append(["Naam"])
    book["Oud"].append(["Piet"])
    book.save(path)
    return path


def test_a_workbook_is_read_with_typed_cells_in_their_own_rows_and_columns(
    tmp_path: Path,
) -> None:
    read = open_import_file(workbook(tmp_path / "register.xlsx"))

    assert read.kind is FileKind.WORKBOOK
    assert read.name == "register.xlsx"
    assert read.sheet_names == ("Register", "Oud")
    assert read.sheet == "Register"
    assert read.encoding is None and read.delimiter is None
    assert read.rows[0] == (None, "Mantelzorgers", None, None, None, None)  # row 1 stays row 1
    assert read.rows[2] == (
        None,
        "Jan Bakker",
        date(1956, 3, 12),
        10.0,
        True,
        datetime(2020, 1, 2, 9, 30),
    )
    assert read.rows[3] == (None, "Truus de Vries", "12-3-1956", 7.5, False, None)


def test_another_sheet_can_be_picked(tmp_path: Path) -> None:
    read = open_import_file(workbook(tmp_path / "register.xlsx"), sheet="Oud")
    assert read.sheet == "Oud"
    assert read.rows == (("Naam",), ("Piet",))


def test_a_hidden_first_sheet_is_not_the_one_read_unless_chosen(tmp_path: Path) -> None:
    book = Workbook()
    book.active.title = "Instellingen"
    book.active.append(["geheim"])
    book.active.sheet_state = "hidden"
    book.create_sheet("Register").append(["Naam"])
    book.save(tmp_path / "register.xlsx")

    read = open_import_file(tmp_path / "register.xlsx")

    assert (read.sheet_names, read.sheet) == (("Instellingen", "Register"), "Register")
    assert open_import_file(tmp_path / "register.xlsx", sheet="Instellingen").rows == (("geheim",),)


def test_a_sheet_that_is_not_there_is_a_problem(tmp_path: Path) -> None:
    with pytest.raises(ImportFileProblem, match="geen werkblad met de naam 2019"):
        open_import_file(workbook(tmp_path / "register.xlsx"), sheet="2019")


def test_a_workbook_with_only_an_empty_sheet_is_a_problem(tmp_path: Path) -> None:
    path = tmp_path / "leeg.xlsx"
    Workbook().save(path)
    with pytest.raises(ImportFileProblem, match="is leeg"):
        open_import_file(path)


def text_file(path: Path, text: str, encoding: str) -> Path:
    path.write_bytes(text.encode(encoding))
    return path


CSV = 'Naam;Woonplaats;Opmerking\r\nJosé Müller;Één;"zegt: ""ja; graag"""\r\nPiet;Soest\r\n'


@pytest.mark.parametrize(
    ("encoding", "written"),
    [
        (Encoding.UTF8, "utf-8-sig"),  # Excel's "CSV UTF-8": with a byte-order mark
        (Encoding.UTF8, "utf-8"),
        (Encoding.WINDOWS, "cp1252"),  # Excel's plain "CSV": Windows-1252
    ],
)
def test_a_csv_file_s_encoding_and_delimiter_are_detected(
    tmp_path: Path, encoding: Encoding, written: str
) -> None:
    read = open_import_file(text_file(tmp_path / "aanmeldingen.csv", CSV, written))

    assert read.kind is FileKind.TEXT
    assert (read.encoding, read.delimiter) == (encoding, Delimiter.SEMICOLON)
    assert read.rows == (
        ("Naam", "Woonplaats", "Opmerking"),
        ("José Müller", "Één", 'zegt: "ja; graag"'),
        ("Piet", "Soest", None),  # a short row is filled up: columns stay in place
    )


@pytest.mark.parametrize(
    ("text", "delimiter"),
    [
        ('Naam,Adres\n"Jansen, Piet","Dorpsstraat 1, Soest"\nKees,Laan 2\n', Delimiter.COMMA),
        ("Naam\tAdres\tTel.\nPiet\tLaan 1; achter\t06-12345678\n", Delimiter.TAB),
        ("Titel van de lijst\n\nNaam;Adres\nPiet;Laan 1\nKees;Laan 2\n", Delimiter.SEMICOLON),
    ],
)
def test_the_delimiter_is_the_one_that_gives_rows_of_one_width(
    tmp_path: Path, text: str, delimiter: Delimiter
) -> None:
    read = open_import_file(text_file(tmp_path / "lijst.txt", text, "utf-8"))
    assert read.delimiter is delimiter


def test_the_choices_are_named_in_dutch() -> None:
    assert [delimiter.label for delimiter in Delimiter] == ["puntkomma (;)", "komma (,)", "tab"]
    assert Encoding.WINDOWS.label == "Windows-1252 (ANSI)"


def test_excel_s_unicode_text_is_read(tmp_path: Path) -> None:
    path = text_file(tmp_path / "lijst.txt", "Naam\tPlaats\r\nAyşe Yılmaz\tSoest\r\n", "utf-16")
    read = open_import_file(path)
    assert (read.encoding, read.delimiter) == (Encoding.UTF16, Delimiter.TAB)
    assert read.rows[1] == ("Ayşe Yılmaz", "Soest")


def test_a_chosen_encoding_and_delimiter_are_used_instead_of_the_detected_ones(
    tmp_path: Path,
) -> None:
    path = text_file(tmp_path / "lijst.csv", "Naam;Plaats\nJosé;Soest\n", "utf-8")

    read = open_import_file(path, encoding=Encoding.WINDOWS, delimiter=Delimiter.COMMA)

    assert (read.encoding, read.delimiter) == (Encoding.WINDOWS, Delimiter.COMMA)
    assert read.rows == (("Naam;Plaats",), ("JosÃ©;Soest",))  # as the person asked


def test_a_file_that_is_not_in_the_chosen_encoding_is_a_problem(tmp_path: Path) -> None:
    path = text_file(tmp_path / "lijst.csv", "Naam;Plaats\nJosé;Soest\n", "cp1252")
    with pytest.raises(ImportFileProblem, match="is niet te lezen als UTF-8"):
        open_import_file(path, encoding=Encoding.UTF8)


def test_bytes_that_no_encoding_reads_are_a_problem(tmp_path: Path) -> None:
    path = tmp_path / "lijst.csv"
    path.write_bytes(b"Naam;Plaats\n\x81\x8d\x8f;Soest\n")  # not UTF-8, undefined in 1252
    with pytest.raises(ImportFileProblem, match="is niet te lezen als Windows-1252"):
        open_import_file(path)


def damaged_workbook(path: Path) -> None:
    workbook(path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


@pytest.mark.parametrize(
    ("name", "make", "message"),
    [
        (
            "register.pdf",
            lambda p: p.write_bytes(b"%PDF-1.4"),
            "register.pdf is geen Excel- of CSV-bestand",
        ),
        ("register.xlsx", lambda p: p.write_text("Naam;Plaats\n"), "geen leesbaar Excel-bestand"),
        ("register.xlsx", damaged_workbook, "geen leesbaar Excel-bestand"),
        (
            "register.xlsx",  # Excel encrypts a protected workbook into an OLE compound file
            lambda p: p.write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + bytes(1024)),
            "register.xlsx is beveiligd met een wachtwoord",
        ),
        ("register.xlsx", lambda p: p.write_bytes(b""), "register.xlsx is leeg."),
        ("lijst.csv", lambda p: p.write_bytes(b""), "lijst.csv is leeg."),
        ("lijst.csv", lambda p: p.write_bytes(b" \r\n;;;\r\n"), "lijst.csv is leeg."),
        (
            "lijst.csv",
            lambda p: p.write_bytes(b"Naam\x00\x00;\x01"),
            "lijst.csv is geen tekstbestand",
        ),
        (
            "lijst.csv",
            lambda p: p.write_text("Naam;Opmerking\nJan;" + "x" * 200_000),
            "lijst.csv is geen lijst met kolommen",
        ),
        ("weg.xlsx", lambda p: None, "weg.xlsx bestaat niet (meer)."),
        ("map.csv", lambda p: p.mkdir(), "map.csv is een map, geen bestand."),
    ],
)
def test_a_file_that_cannot_be_read_is_a_dutch_problem(
    tmp_path: Path, name: str, make: Callable[[Path], object], message: str
) -> None:
    path = tmp_path / name
    make(path)
    with pytest.raises(ImportFileProblem) as caught:
        open_import_file(path)
    assert message in caught.value.message


def test_a_file_another_program_holds_is_a_dutch_problem(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = workbook(tmp_path / "register.xlsx")

    def locked(self: Path) -> bytes:
        raise PermissionError(errno.EACCES, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", locked)
    with pytest.raises(ImportFileProblem, match="een ander programma houdt het vast"):
        open_import_file(path)
