"""Address labels land inside their cells on A4 label sheets, page after page, and read back intact."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from pypdf import PdfReader

from steunpunt.domain.address import Address
from steunpunt.domain.errors import Cancelled, InvalidValue
from steunpunt.domain.letters.envelope import A4_HEIGHT_MM, WindowPreset
from steunpunt.domain.letters.label_sheet import LabelPreset, LabelSheet
from steunpunt.letters.address_block import Recipient
from steunpunt.letters.calibration import render_calibration_page
from steunpunt.letters.fonts import register_fonts
from steunpunt.letters.labels import (
    LABEL_SIZE,
    MIN_SIZE,
    render_labels,
    render_test_sheet,
)
from tests.pdf_fonts import unembedded_fonts

MM = 72 / 25.4
OFFSET = replace(LabelPreset.THREE_BY_SEVEN.sheet, offset_x=2, offset_y=-1.5)
AVERY = LabelSheet(3, 7, 63.5, 38.1, 15.15, 7.25, 2.5, 0, offset_x=-1, offset_y=2.5)


@dataclass(frozen=True)
class Piece:
    """One piece of text: left edge, baseline (mm from the page top), font and size."""

    text: str
    x: float
    baseline: float
    font: str
    size: float

    @property
    def right(self) -> float:
        from reportlab.pdfbase import pdfmetrics

        width: float = pdfmetrics.stringWidth(self.text, register_fonts().regular, self.size)
        return self.x + width / MM

    @property
    def top(self) -> float:
        return self.baseline - 0.93 * self.size / MM  # DejaVu Sans ascent

    @property
    def bottom(self) -> float:
        return self.baseline + 0.24 * self.size / MM  # DejaVu Sans descent


def pages(pdf: Path | bytes) -> list[list[Piece]]:
    """The pieces of text on each page, in the order they were drawn."""
    reader = PdfReader(io.BytesIO(pdf) if isinstance(pdf, bytes) else pdf)
    found: list[list[Piece]] = []
    for page in reader.pages:
        pieces: list[Piece] = []
        page.extract_text(visitor_text=collector(pieces))
        found.append(pieces)
    return found


def collector(pieces: list[Piece]) -> Callable[..., None]:
    """A pypdf text visitor that appends each non-blank piece to ``pieces``."""

    def visit(
        text: str, _cm: object, tm: list[float], font: dict[str, object], size: float
    ) -> None:
        if text.strip():
            baseline = A4_HEIGHT_MM - tm[5] / MM
            font_name = str(font["/BaseFont"])
            pieces.append(Piece(text.strip(), tm[4] / MM, baseline, font_name, size * tm[3]))

    return visit


def title(pdf: Path) -> str | None:
    """The PDF's document title."""
    metadata = PdfReader(pdf).metadata
    return metadata.title if metadata else None


def numbered(count: int) -> list[Recipient]:
    """Labels whose every line carries the label number at its end."""
    return [
        Recipient(
            (f"Mevrouw A. de Vries {n}",),
            Address("Dorpsstraat", 12, f"A {n}", "3811 AB", f"Amersfoort {n}"),
        )
        for n in range(count)
    ]


def label(*names: str, street: str = "Dorpsstraat", number: int = 1) -> Recipient:
    return Recipient(names, Address(street, number, "", "3811 AB", "Amersfoort"))


def assert_inside(piece: Piece, sheet: LabelSheet, position: int) -> None:
    """The piece lies inside its cell and even inside the cell's padding."""
    left, top, width, height = sheet.cell(position)
    slack = 0.05
    assert left + sheet.padding - slack <= piece.x, piece
    assert piece.right <= left + width - sheet.padding + slack, piece
    assert top + sheet.padding - slack <= piece.top, piece
    assert piece.bottom <= top + height - sheet.padding + slack, piece


@pytest.mark.parametrize(
    "sheet",
    [LabelPreset.THREE_BY_SEVEN.sheet, LabelPreset.THREE_BY_EIGHT.sheet, OFFSET, AVERY],
    ids=["3x7", "3x8", "3x7-verschoven", "avery-verschoven"],
)
def test_every_line_lies_inside_its_own_cell(tmp_path: Path, sheet: LabelSheet) -> None:
    count = sheet.per_page + 5
    pdf = tmp_path / "etiketten.pdf"
    assert render_labels(pdf, sheet, numbered(count)).printed == count
    seen = set()
    for page_number, pieces in enumerate(pages(pdf)):
        for piece in pieces:
            label = int(piece.text.rsplit(" ", 1)[1])
            assert label // sheet.per_page == page_number
            assert_inside(piece, sheet, label % sheet.per_page)
            assert piece.size == LABEL_SIZE
            seen.add(piece.text)
    assert seen == {line for label in numbered(count) for line in label.lines}


def test_lines_are_stacked_and_centred_in_the_cell(tmp_path: Path) -> None:
    sheet = LabelPreset.THREE_BY_SEVEN.sheet
    pdf = tmp_path / "etiketten.pdf"
    render_labels(pdf, sheet, numbered(5))
    first = [piece for piece in pages(pdf)[0] if piece.text.endswith(" 4")]
    assert [piece.text for piece in first] == numbered(5)[4].lines
    assert first[0].baseline < first[1].baseline < first[2].baseline
    assert len({round(piece.x, 3) for piece in first}) == 1
    _left, top, _width, height = sheet.cell(4)
    above, below = first[0].top - top, top + height - first[2].bottom
    assert abs(above - below) < 1.0


def test_thirty_labels_on_a_three_by_seven_sheet_take_two_pages(tmp_path: Path) -> None:
    pdf = tmp_path / "etiketten.pdf"
    assert render_labels(pdf, LabelPreset.THREE_BY_SEVEN.sheet, numbered(30)).printed == 30
    read = pages(pdf)
    assert len(read) == 2
    assert [len(page) for page in read] == [21 * 3, 9 * 3]
    assert title(pdf) == "Adresetiketten"


def test_names_beyond_ascii_read_back_intact_in_the_embedded_font(tmp_path: Path) -> None:
    pdf = tmp_path / "etiketten.pdf"
    labels = [
        Recipient(("Ayşe Yılmaz",), Address("Dorpsstraat", 12, "A", "3811 AB", "Amersfoort")),
        Recipient(("Łukasz Wiśniewski",), Address("Kerkweg", 3, "", "1234 AB", "Soest")),
    ]
    render_labels(pdf, LabelPreset.THREE_BY_EIGHT.sheet, labels)
    pieces = pages(pdf)[0]
    assert [piece.text for piece in pieces] == [
        "Ayşe Yılmaz",
        "Dorpsstraat 12 A",
        "3811 AB  AMERSFOORT",
        "Łukasz Wiśniewski",
        "Kerkweg 3",
        "1234 AB  SOEST",
    ]
    assert all("+DejaVuSans" in piece.font for piece in pieces)  # embedded subset


def test_a_long_line_is_shrunk_to_fit_its_cell(tmp_path: Path) -> None:
    sheet = LabelPreset.THREE_BY_SEVEN.sheet
    long = "Familie van den Berg-de Vries-Oosterhuis"
    pdf = tmp_path / "etiketten.pdf"
    render_labels(pdf, sheet, [label("Kort"), label(long, number=2)])
    short_label, long_label = pages(pdf)[0][:3], pages(pdf)[0][3:]
    assert {piece.size for piece in short_label} == {LABEL_SIZE}
    assert long_label[0].text == long
    assert MIN_SIZE <= long_label[0].size < LABEL_SIZE
    assert {piece.size for piece in long_label} == {long_label[0].size}  # one size per label
    for piece in long_label:
        assert_inside(piece, sheet, 1)


def test_a_binary_file_can_be_the_target() -> None:
    target = io.BytesIO()
    assert render_labels(target, LabelPreset.THREE_BY_SEVEN.sheet, numbered(2)).printed == 2
    assert len(pages(target.getvalue())[0]) == 6


def test_progress_is_reported_and_cancel_stops_without_writing(tmp_path: Path) -> None:
    sheet = LabelPreset.THREE_BY_EIGHT.sheet
    reported: list[int] = []

    def report(done: int) -> bool:
        reported.append(done)
        return True

    pdf = tmp_path / "etiketten.pdf"
    assert render_labels(pdf, sheet, numbered(250), report).printed == 250
    assert reported == [100, 200, 250]

    asked: list[int] = []

    def cancel_at_200(done: int) -> bool:
        asked.append(done)
        return done < 200

    cancelled = tmp_path / "geannuleerd.pdf"
    with pytest.raises(Cancelled):
        render_labels(cancelled, sheet, numbered(1000), cancel_at_200)
    assert asked == [100, 200]
    assert not cancelled.exists()


def test_no_labels_is_refused_in_dutch(tmp_path: Path) -> None:
    with pytest.raises(InvalidValue, match="geen adressen"):
        render_labels(tmp_path / "leeg.pdf", LabelPreset.THREE_BY_SEVEN.sheet, [])


@pytest.mark.parametrize(
    ("sheet", "words"),
    [
        (LabelSheet(3, 8, 70, 42.3), "passen niet op een A4-vel"),
        (LabelSheet(4, 7, 70, 42.3), "passen niet op een A4-vel"),
        (LabelSheet(3, 7, 63.5, 38.1, 15, 7, column_gap=10), "passen niet op een A4-vel"),
        (LabelSheet(3, 7, 63.5, 38.1, 32, 7), "passen niet op een A4-vel"),
        (LabelSheet(0, 7, 70, 42.3), "minstens één kolom"),
        (LabelSheet(3, 7, 0, 42.3), "groter dan 0 mm"),
        (LabelSheet(3, 7, 70, 42.3, top_margin=-1), "negatief"),
        (LabelSheet(3, 7, 70, 42.3, padding=25), "binnenmarge"),
        (replace(LabelPreset.THREE_BY_SEVEN.sheet, offset_x=6), "verschuiving is te groot"),
        (replace(LabelPreset.THREE_BY_EIGHT.sheet, offset_y=-6), "verschuiving is te groot"),
    ],
)
def test_a_sheet_that_does_not_fit_is_refused_in_dutch(
    tmp_path: Path, sheet: LabelSheet, words: str
) -> None:
    with pytest.raises(InvalidValue, match=words):
        sheet.check()
    with pytest.raises(InvalidValue, match=words):
        render_labels(tmp_path / "x.pdf", sheet, numbered(1))
    with pytest.raises(InvalidValue, match=words):
        render_test_sheet(tmp_path / "y.pdf", sheet)


def test_presets_fill_the_page_height_and_cells_run_row_by_row() -> None:
    seven, eight = LabelPreset.THREE_BY_SEVEN.sheet, LabelPreset.THREE_BY_EIGHT.sheet
    assert str(LabelPreset.THREE_BY_SEVEN) == "3 x 7 (70 x 42,3 mm)"
    assert (seven.per_page, eight.per_page) == (21, 24)
    assert seven.check() is seven and eight.check() is eight
    assert seven.top_margin == pytest.approx(0.45)
    assert eight.top_margin == pytest.approx(0.5)
    assert seven.cell(0) == pytest.approx((0, 0.45, 70, 42.3))
    assert seven.cell(5) == pytest.approx((140, 0.45 + 42.3, 70, 42.3))
    assert seven.cell(20)[1] + seven.cell(20)[3] == pytest.approx(297 - 0.45)
    assert OFFSET.cell(4) == pytest.approx((72, 0.45 + 42.3 - 1.5, 70, 42.3))
    assert AVERY.cell(4) == pytest.approx((7.25 - 1 + 66, 15.15 + 2.5 + 38.1, 63.5, 38.1))
    with pytest.raises(IndexError):
        seven.cell(21)


@pytest.mark.parametrize("sheet", [LabelPreset.THREE_BY_SEVEN.sheet, OFFSET], ids=["3x7", "offset"])
def test_the_test_sheet_numbers_and_outlines_every_cell(tmp_path: Path, sheet: LabelSheet) -> None:
    pdf = tmp_path / "testvel.pdf"
    render_test_sheet(pdf, sheet)
    assert title(pdf) == "Testvel etiketten"
    (pieces,) = pages(pdf)
    numbers = [piece for piece in pieces if piece.text.isdigit()]
    assert [piece.text for piece in numbers] == [str(n) for n in range(1, 22)]
    for position, piece in enumerate(numbers):
        left, top, width, height = sheet.cell(position)
        assert left < piece.x < left + width
        assert top < piece.top and piece.bottom < top + height
    texts = " ".join(piece.text for piece in pieces)
    assert "rij 2, kolom 3" in texts
    assert "rij 7, kolom 3" in texts
    assert "100 %" in texts
    assert "tegen het licht" in texts
    assert "Marges: boven 0,45 mm, links 0 mm" in texts


def test_the_test_sheet_names_the_shift(tmp_path: Path) -> None:
    pdf = tmp_path / "testvel.pdf"
    render_test_sheet(pdf, OFFSET)
    texts = " ".join(piece.text for piece in pages(pdf)[0])
    assert "2 mm naar rechts" in texts
    assert "1,5 mm naar" in texts


def test_the_label_sheets_name_only_embedded_fonts(tmp_path: Path) -> None:
    render_labels(tmp_path / "etiketten.pdf", AVERY, [label("Jan de Vries")])
    render_test_sheet(tmp_path / "testvel.pdf", AVERY)
    render_calibration_page(tmp_path / "kalibratie.pdf", WindowPreset.LEFT.window)
    for name in ("etiketten.pdf", "testvel.pdf", "kalibratie.pdf"):
        assert unembedded_fonts(tmp_path / name) == set(), name  # was: Helvetica, never drawn
