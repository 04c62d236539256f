"""The look of the verantwoording PDF: fonts, colours, bar charts and headline tiles."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib.colors import Color, HexColor, white
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus.flowables import Flowable

from steunpunt.domain.letters.house_style import HouseStyle
from steunpunt.domain.numbers import number_text
from steunpunt.domain.reports.report import Cell, Headline, ReportTable
from steunpunt.domain.reports.suppression import is_hidden
from steunpunt.letters.fonts import Fonts

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 20 * mm
WIDTH = PAGE_WIDTH - 2 * MARGIN
CELL_SIZE = 9.0
HEAD_SIZE = 8.5
CELL_PAD = 5.0
TILE_GAP = 5 * mm
KEEP_ROWS = 20  # a table this short is not split over two pages
CHART_HEIGHT = 90 * mm  # bars shrink to this height, but never thinner than MIN_PITCH
CHART_LIMIT = 190 * mm  # a table too long to chart within this height gets no chart
MIN_PITCH, MAX_PITCH = 8.0, 16.0


class Look:
    """Fonts, colours and paragraph styles of one report, from the house style."""

    def __init__(self, style: HouseStyle, fonts: Fonts) -> None:
        self.style, self.fonts = style, fonts
        self.accent, self.text = HexColor(style.accent_colour), HexColor(style.text_colour)
        self.tint, self.zebra = _mix(self.accent, 0.12), _mix(self.accent, 0.06)
        self.muted = _mix(self.text, 0.7)
        red, green, blue = self.accent.rgb()
        dark = 0.2126 * red + 0.7152 * green + 0.0722 * blue < 0.6
        self.on_accent = white if dark else self.text
        self.ink = self.accent if dark else self.text  # a light accent (yellow) is hard to read
        base = ParagraphStyle("base", fontName=fonts.regular, fontSize=10, leading=13)
        base.textColor = self.text
        bold, accent = fonts.bold, self.ink
        specs: dict[str, dict[str, Any]] = {
            "eyebrow": {"fontName": bold, "fontSize": 11, "textColor": accent},
            "title": {"fontName": bold, "fontSize": 28, "leading": 34, "spaceBefore": 8},
            "label": {"fontSize": 8.5, "textColor": accent},
            "value": {"fontSize": 12, "leading": 15},
            "empty": {"fontSize": 12, "leading": 15, "spaceBefore": 12 * mm},
            "h1": {"fontName": bold, "fontSize": 20, "leading": 24, "textColor": accent},
            "intro": {"textColor": self.muted, "spaceBefore": 2, "spaceAfter": 8 * mm},
            "h2": {"fontName": bold, "fontSize": 13, "leading": 16, "textColor": accent}
            | {"spaceBefore": 9 * mm, "spaceAfter": 3 * mm},
            "td": {"fontSize": CELL_SIZE, "leading": 11},
            "th": {"fontName": bold, "fontSize": HEAD_SIZE, "leading": 10.5},
            "note": {"fontName": fonts.italic, "fontSize": 8.5, "leading": 11, "spaceBefore": 4},
        }
        specs["th"]["textColor"] = self.on_accent
        specs["th_right"] = specs["th"] | {"alignment": 2}
        self.styles = {name: ParagraphStyle(name, base, **spec) for name, spec in specs.items()}

    def cells(self, vertical: float, horizontal: float = 0, background: Any = None) -> list[Any]:
        """Table style commands: our font (not Helvetica), padding, and a background if given."""
        every = ((0, 0), (-1, -1))
        commands: list[Any] = [("FONT", *every, self.fonts.regular, CELL_SIZE)]
        commands += [(f"{side}PADDING", *every, horizontal) for side in ("LEFT", "RIGHT")]
        commands += [(f"{side}PADDING", *every, vertical) for side in ("TOP", "BOTTOM")]
        if background is not None:
            commands.append(("BACKGROUND", *every, background))
        return commands


def bar_chart(table: ReportTable, look: Look) -> Drawing | None:
    """Horizontal bars of the first count column; a hidden count is an empty bar."""
    rows = [row for row in table.rows if not is_total(row)]
    columns = range(1, min(len(row) for row in rows)) if rows else range(0)
    column = next((c for c in columns if all(_is_count(row[c]) for row in rows)), None)
    if column is None or len(rows) * MIN_PITCH > CHART_LIMIT:
        return None
    values = [_amount(row[column]) for row in rows]
    pitch = max(MIN_PITCH, min(MAX_PITCH, CHART_HEIGHT / len(rows)))
    size, thick, regular = min(8.0, pitch * 0.72), pitch * 0.68, look.fonts.regular
    labels = [str(row[0]) for row in rows]
    label_width = min(max(stringWidth(label, regular, size) for label in labels), WIDTH * 0.32)
    left = label_width + 6
    span = (
        WIDTH - left - max(stringWidth(cell_text(row[column]), regular, size) for row in rows) - 8
    )
    scale = span / (max(values) or 1)
    top = len(rows) * pitch
    drawing = Drawing(WIDTH, top + 16, initialFontName=regular, initialFontSize=size)
    caption = table.headers[column] if column < len(table.headers) else ""
    bold = look.fonts.bold
    drawing.add(String(left, top + 6, caption, fontName=bold, fontSize=8, fillColor=look.muted))
    for index, (row, value, label) in enumerate(zip(rows, values, labels, strict=True)):
        middle = top - (index + 0.5) * pitch
        baseline = middle - size * 0.35
        text = _fit(label, regular, size, label_width)
        drawing.add(
            String(left - 6, baseline, text, fontName=regular, fontSize=size, textAnchor="end")
        )
        suppressed = isinstance(row[column], str)
        length = max(value * scale, 8) if suppressed else value * scale
        bar = Rect(left, middle - thick / 2, length, thick, strokeColor=None)
        bar.fillColor = None if suppressed else look.accent
        if suppressed:
            bar.strokeColor, bar.strokeWidth, bar.strokeDashArray = look.accent, 0.7, [2, 1.5]
        drawing.add(bar)
        value_text = cell_text(row[column])
        drawing.add(
            String(left + length + 3, baseline, value_text, fontName=regular, fontSize=size)
        )
    drawing.add(Line(left, 0, left, top, strokeColor=look.muted, strokeWidth=0.5))
    return drawing


class TileRow(Flowable):  # type: ignore[misc]
    """One row of headline tiles: a big number with its label under it."""

    def __init__(self, headlines: Sequence[Headline], columns: int, lines: int, look: Look) -> None:
        super().__init__()
        self._headlines, self._columns, self._look = headlines, columns, look
        self._tile = (WIDTH - (columns - 1) * TILE_GAP) / columns
        self.height = 5 * mm + 30 + lines * 12 + 5 * mm + TILE_GAP

    def wrap(self, *_args: Any) -> tuple[float, float]:
        return WIDTH, self.height

    def draw(self) -> None:
        canvas, look, pad = self.canv, self._look, 5 * mm
        height = self.height - TILE_GAP
        for index, headline in enumerate(self._headlines):
            x = index * (self._tile + TILE_GAP)
            canvas.setFillColor(look.tint)
            canvas.rect(x, TILE_GAP, self._tile, height, stroke=0, fill=1)
            canvas.setFillColor(look.accent)
            canvas.rect(x, TILE_GAP, 1.5 * mm, height, stroke=0, fill=1)
            canvas.setFillColor(look.ink)
            value = cell_text(headline.value)
            room = self._tile - 2 * pad
            size = min(26.0, room / max(stringWidth(value, look.fonts.bold, 1), 1))
            canvas.setFont(look.fonts.bold, size)
            canvas.drawString(x + pad, self.height - pad - 22, value)
            canvas.setFillColor(look.text)
            canvas.setFont(look.fonts.regular, 9.5)
            for number, line in enumerate(tile_lines(headline.label, look, self._columns)):
                canvas.drawString(x + pad, self.height - pad - 42 - number * 12, line)


def tile_lines(label: str, look: Look, columns: int) -> list[str]:
    width = (WIDTH - (columns - 1) * TILE_GAP) / columns - 10 * mm
    lines: list[str] = simpleSplit(label, look.fonts.regular, 9.5, width)
    return lines[:3]


def cell_text(cell: Cell) -> str:
    """A count the Dutch way (``1.234``); text as it is."""
    return number_text(cell) if isinstance(cell, int) else cell


def _is_count(cell: Cell) -> bool:
    return isinstance(cell, int) or is_hidden(cell)


def _amount(cell: Cell) -> int:
    """The length of a bar: the count, the threshold of a small one (``"<5"`` -> 5), or none."""
    if isinstance(cell, int):
        return cell
    return int(cell[1:]) if cell[1:].isascii() and cell[1:].isdigit() else 0


def is_total(row: Sequence[Cell]) -> bool:
    return bool(row) and str(row[0]).strip().lower() == "totaal"


def _fit(text: str, font: str, size: float, width: float) -> str:
    """``text`` shortened with an ellipsis until it is at most ``width`` points wide."""
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def _mix(colour: Color, amount: float) -> Color:
    """``colour`` at ``amount`` strength on white paper."""
    return Color(*(1 - (1 - part) * amount for part in colour.rgb()))
