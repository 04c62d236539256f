"""Address labels on A4 label sheets, and the test sheet to check their alignment."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from steunpunt.domain.errors import Cancelled, InvalidValue
from steunpunt.domain.letters.envelope import A4_HEIGHT_MM
from steunpunt.domain.letters.label_sheet import LabelSheet, mm_text
from steunpunt.letters.address_block import Recipient, fit_recipient
from steunpunt.letters.address_fit import Box
from steunpunt.letters.fonts import Fonts, print_at_true_size, register_fonts
from steunpunt.letters.hand_list import draw_hand_list

LABEL_SIZE = 10.0  # pt: plain sans-serif, as on an envelope (PostNL)
MIN_SIZE = 7.0  # pt: the readable minimum; an address that needs less is handled by hand
LINE_GAP = 1.25
PROGRESS_EVERY = 100


@dataclass(frozen=True)
class LabelRun:
    """What a run of labels made: how many were printed, and who must be addressed by hand."""

    printed: int
    by_hand: tuple[Recipient, ...] = ()


def label_box(sheet: LabelSheet, font: str) -> Box:
    """The room for an address on one label of ``sheet``, in points."""
    from reportlab.lib.units import mm

    _x, _top, width, height = _text_box(sheet, 0, mm)
    return Box(width, height, font, LABEL_SIZE, MIN_SIZE, LINE_GAP)


def render_labels(
    target: Path | BinaryIO,
    sheet: LabelSheet,
    recipients: Iterable[Recipient],
    progress: Callable[[int], bool] | None = None,
) -> LabelRun:
    """Write one label per recipient, page after page, never losing a part of an address.

    An address that does not fit its label whole, even at the smallest size with the names
    wrapped, gets no label: it is printed on a last page "Met de hand adresseren" and returned
    in :attr:`LabelRun.by_hand`. ``progress(done)`` is called every 100 recipients and at the
    end; when it returns False, raise :class:`Cancelled`. Raise ``InvalidValue`` for a
    bad sheet or no recipients.
    """
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfgen.canvas import Canvas

    sheet.check()
    fonts = register_fonts()
    font = fonts.regular
    box = label_box(sheet, font)
    ascent, descent = pdfmetrics.getAscentDescent(font, 1.0)
    boxes = [_text_box(sheet, index, mm) for index in range(sheet.per_page)]
    canvas = Canvas(_sink(target), pagesize=A4, initialFontName=fonts.regular)
    print_at_true_size(canvas)
    canvas.setTitle("Adresetiketten")
    current_size = 0.0
    printed = done = 0
    by_hand: list[Recipient] = []
    for done, recipient in enumerate(recipients, start=1):
        fitted = fit_recipient(recipient, box)
        if fitted is None:
            by_hand.append(recipient)
        else:
            position = printed % sheet.per_page
            if position == 0 and printed:
                canvas.showPage()
                current_size = 0.0
            printed += 1
            x, top, _width, height = boxes[position]
            size, lines = fitted.size, fitted.lines
            if lines:
                if size != current_size:
                    canvas.setFont(font, size, size * LINE_GAP)
                    current_size = size
                block = box.block_height(len(lines), size)
                text = canvas.beginText(x, top - (height - block) / 2 - ascent * size)
                for line in lines:
                    text.textLine(line)
                canvas.drawText(text)
        if done % PROGRESS_EVERY == 0 and progress is not None and not progress(done):
            raise Cancelled
    if done == 0:
        raise InvalidValue("Er zijn geen adressen om etiketten van te maken.")
    if done % PROGRESS_EVERY and progress is not None and not progress(done):
        raise Cancelled
    if by_hand:
        if printed:
            canvas.showPage()
        draw_hand_list(canvas, by_hand, fonts, ascent - descent)
    canvas.showPage()
    canvas.save()
    return LabelRun(printed, tuple(by_hand))


def render_test_sheet(target: Path | BinaryIO, sheet: LabelSheet) -> None:
    """Write one A4 page with every label outlined and numbered, to hold against a label sheet."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    sheet.check()
    fonts = register_fonts()
    canvas = Canvas(_sink(target), pagesize=A4, initialFontName=fonts.regular)
    print_at_true_size(canvas)
    canvas.setTitle("Testvel etiketten")
    notes = _test_notes(sheet)
    if len(notes) > sheet.per_page:
        notes[sheet.per_page - 1 :] = [" ".join(notes[sheet.per_page - 1 :])]
    for index in range(sheet.per_page):
        _test_cell(canvas, sheet, index, notes[index] if index < len(notes) else "", fonts)
    canvas.showPage()
    canvas.save()


def _test_notes(sheet: LabelSheet) -> list[str]:
    """The instructions, one per cell from the first on."""
    shift = (
        f"{mm_text(abs(sheet.offset_x))} mm naar {'rechts' if sheet.offset_x >= 0 else 'links'}, "
        f"{mm_text(abs(sheet.offset_y))} mm naar {'beneden' if sheet.offset_y >= 0 else 'boven'}"
        if sheet.offset_x or sheet.offset_y
        else "geen"
    )
    return [
        "Testvel etiketten — druk af op 100 % (zet 'aanpassen aan pagina' uit).",
        "Leg dit vel op een etiketvel tegen het licht: elk kader moet op een etiket vallen.",
        f"Marges: boven {mm_text(sheet.top_margin)} mm, links {mm_text(sheet.left_margin)} mm. "
        f"Tussenruimte: {mm_text(sheet.column_gap)} mm tussen kolommen, "
        f"{mm_text(sheet.row_gap)} mm tussen rijen. Verschuiving: {shift}.",
        "Valt alles even ver naast de etiketten, pas dan de verschuiving aan onder Beheer "
        "(positief = naar rechts of naar beneden).",
    ]


def _test_cell(canvas: Any, sheet: LabelSheet, index: int, note: str, fonts: Fonts) -> None:
    """One dashed outline with its number, its row and column, and a note inside the padding."""
    from reportlab.lib.units import mm
    from reportlab.lib.utils import simpleSplit
    from reportlab.pdfbase import pdfmetrics

    left, top, width, height = sheet.cell(index)
    canvas.setDash(3, 2)
    canvas.setLineWidth(0.4)
    x0, x1 = left * mm, (left + width) * mm
    y0, y1 = (A4_HEIGHT_MM - top) * mm, (A4_HEIGHT_MM - top - height) * mm
    # Each edge drawn left to right or top down, so edges shared by two cells stay dashed.
    canvas.lines([(x0, y0, x1, y0), (x0, y1, x1, y1), (x0, y0, x0, y1), (x1, y0, x1, y1)])
    canvas.setDash()
    x, text_top, text_width, text_height = _text_box(sheet, index, mm)
    row, column = divmod(index, sheet.columns)
    y = text_top - 12
    number = str(index + 1)
    canvas.setFont(fonts.bold, 12)
    canvas.drawString(x, y, number)
    canvas.setFont(fonts.regular, 8)
    position = f"rij {row + 1}, kolom {column + 1}"
    after = x + pdfmetrics.stringWidth(number, fonts.bold, 12) + 3 * mm
    canvas.drawString(
        after, y, _cut(position, fonts.regular, 8, x + text_width - after, pdfmetrics)
    )
    size = 7.0
    canvas.setFont(fonts.regular, size)
    for line in simpleSplit(note, fonts.regular, size, text_width):
        y -= size * LINE_GAP
        if y - size * 0.25 < text_top - text_height:
            break
        canvas.drawString(x, y, _cut(line, fonts.regular, size, text_width, pdfmetrics))


def _text_box(sheet: LabelSheet, index: int, mm: float) -> tuple[float, float, float, float]:
    """(x, top, width, height) in points, ReportLab's y from the bottom: the cell minus padding."""
    left, top, width, height = sheet.cell(index)
    pad = sheet.padding
    return (
        (left + pad) * mm,
        (A4_HEIGHT_MM - top - pad) * mm,
        (width - 2 * pad) * mm,
        (height - 2 * pad) * mm,
    )


def _cut(line: str, font: str, size: float, width: float, metrics: Any) -> str:
    """``line`` shortened with an ellipsis until it is at most ``width`` points wide."""
    if metrics.stringWidth(line, font, size) <= width:
        return line
    while line and metrics.stringWidth(line + "…", font, size) > width:
        line = line[:-1]
    return line.rstrip() + "…"


def _sink(target: Path | BinaryIO) -> str | BinaryIO:
    """What ReportLab's canvas writes to: a file name or an open binary file."""
    return str(target) if isinstance(target, Path) else target
