"""The verantwoording as a designed A4 PDF; imported only when a report is made (start-up rule).

A cover, a page of headline tiles, then every table with its bar chart. The canvas holds its
pages until the end so that every footer can say "Pagina n van m".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import partial
from io import BytesIO
from pathlib import Path
from typing import Any, BinaryIO
from xml.sax.saxutils import escape

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib.colors import Color, HexColor, white
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader, simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Frame,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.flowables import Flowable, HRFlowable

from steunpunt.domain.dates import long_date
from steunpunt.domain.report import Cell, Headline, Report, ReportTable
from steunpunt.letters.fonts import Fonts, print_at_true_size, register_fonts
from steunpunt.letters.house_style import HouseStyle
from steunpunt.letters.letter_document import fit_image

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 20 * mm
WIDTH = PAGE_WIDTH - 2 * MARGIN
COVER_TOP = 95 * mm
DEFAULT_TITLE = "Verantwoording mantelzorgondersteuning"
EMPTY_TEXT = "Geen gegevens in deze periode."
CELL_SIZE = 9.0
HEAD_SIZE = 8.5
CELL_PAD = 5.0
TILE_GAP = 5 * mm
KEEP_ROWS = 20  # a table this short is not split over two pages
CHART_HEIGHT = 90 * mm  # bars shrink to this height, but never thinner than MIN_PITCH
CHART_LIMIT = 190 * mm  # a table too long to chart within this height gets no chart
MIN_PITCH, MAX_PITCH = 8.0, 16.0
_SUPPRESSED = re.compile(r"^<\d+$")


def render_report(target: Path | BinaryIO, report: Report, style: HouseStyle | None = None) -> int:
    """Write ``report`` as an A4 PDF to a file name or an open binary file; return the pages."""
    look = _Look(style or HouseStyle(), register_fonts())
    title = report.title or DEFAULT_TITLE
    pages: list[int] = []
    document = BaseDocTemplate(
        str(target) if isinstance(target, Path) else target,
        pagesize=A4,
        title=title,
        author=report.organisation or look.style.organisation,
        subject=_municipality(report),
        creator="Steunpunt",
        initialFontName=look.fonts.regular,  # not Helvetica: every font in the file is embedded
        pageTemplates=[
            PageTemplate("cover", [_frame(COVER_TOP)], onPage=partial(_draw_cover, look)),
            PageTemplate("content", [_frame(22 * mm)], onPage=partial(_draw_header, look, report)),
        ],
    )
    footer = partial(_draw_footer, look, title)
    document.build(_story(report, look), canvasmaker=partial(_Canvas, footer=footer, pages=pages))
    return pages[0]


class _Canvas(Canvas):  # type: ignore[misc]
    """A canvas that keeps its pages until saving, when the number of pages is known."""

    def __init__(
        self, *args: Any, footer: Callable[[Any, int, int], None], pages: list[int], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self._footer = footer
        self._pages = pages
        self._held: list[dict[str, Any]] = []
        print_at_true_size(self)

    def showPage(self) -> None:
        self._held.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._held)
        for number, state in enumerate(self._held, start=1):
            self.__dict__.update(state)
            self._footer(self, number, total)
            super().showPage()
        self._pages.append(total)
        super().save()


class _Look:
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


def _story(report: Report, look: _Look) -> list[Any]:
    styles = look.styles
    story: list[Any] = [NextPageTemplate("content"), *_cover(report, look)]
    if not report.headlines and not report.tables:
        return [*story, Paragraph(EMPTY_TEXT, styles["empty"])]
    if report.headlines:
        story += [PageBreak(), Paragraph("Kerncijfers", styles["h1"])]
        story.append(Paragraph(escape(_where_and_when(report)), styles["intro"]))
        columns = 2 if len(report.headlines) <= 4 else 3
        rows = [report.headlines[i : i + columns] for i in range(0, len(report.headlines), columns)]
        lines = max(len(_tile_lines(h.label, look, columns)) for h in report.headlines)
        story += [_TileRow(row, columns, lines, look) for row in rows]
    if report.tables:
        story.append(PageBreak())
        for table in report.tables:
            story += _table_flowables(table, look)
    return story


def _cover(report: Report, look: _Look) -> list[Any]:
    styles = look.styles
    meta = [
        ("Gemeente", _municipality(report)),
        ("Periode", f"{long_date(report.starts_on)} tot en met {long_date(report.ends_on)}"),
        ("Gemaakt op", long_date(report.made_on)),
    ]
    cells = [
        [Paragraph(k, styles["label"]), Paragraph(escape(v), styles["value"])] for k, v in meta
    ]
    grid = Table(cells, colWidths=[32 * mm, WIDTH - 32 * mm], hAlign="LEFT")
    grid.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "BOTTOM"), *look.cells(3)]))
    story: list[Any] = [
        Paragraph(escape(_organisation(report, look)), styles["eyebrow"]),
        Paragraph(escape(report.title or DEFAULT_TITLE), styles["title"]),
        HRFlowable(
            width=30 * mm, thickness=3, color=look.accent, hAlign="LEFT", spaceBefore=6 * mm
        ),
        Spacer(1, 8 * mm),
        grid,
    ]
    if report.suppress_below:
        n = report.suppress_below
        note = f"<b>Privacy</b><br/>Alleen aantallen; aantallen kleiner dan {n} staan als &lt;{n}."
        box = Table([[Paragraph(note, styles["td"])]], colWidths=[WIDTH], hAlign="LEFT")
        lines = [("LINEBEFORE", (0, 0), (0, -1), 3, look.accent)]
        box.setStyle(TableStyle([*look.cells(3 * mm, 4 * mm, look.tint), *lines]))
        story += [Spacer(1, 12 * mm), box]
    return story


def _table_flowables(table: ReportTable, look: _Look) -> list[Any]:
    """Title, chart, table and note; a short table stays on one page, a long one flows on."""
    heading = Paragraph(escape(table.title), look.styles["h2"])
    if not table.rows:
        return [KeepTogether([heading, Paragraph(EMPTY_TEXT, look.styles["td"])])]
    chart = _chart(table, look) if table.chart else None
    parts: list[Any] = [heading, *([chart, Spacer(1, 3 * mm)] if chart else []), _grid(table, look)]
    if table.note:
        parts.append(Paragraph(escape(table.note), look.styles["note"]))
    if len(table.rows) <= KEEP_ROWS:
        return [KeepTogether(parts)]
    return [CondPageBreak(40 + (chart.height if chart else 0) + 6 * 18), *parts]


def _grid(table: ReportTable, look: _Look) -> Table:
    """The table itself: header row in the accent colour, zebra rows, counts to the right."""
    columns = max(len(table.headers), *(len(row) for row in table.rows))
    headers = [*table.headers, *[""] * (columns - len(table.headers))]
    rows = [[*row, *[""] * (columns - len(row))] for row in table.rows]
    texts = [[_text(cell) for cell in row] for row in rows]
    widths = _widths(headers, texts, look.fonts)
    styles = look.styles
    head = [
        Paragraph(escape(h), styles["th" if i == 0 else "th_right"]) for i, h in enumerate(headers)
    ]
    body: list[list[Any]] = [list(row) for row in texts]
    for row in body:
        if stringWidth(row[0], look.fonts.regular, CELL_SIZE) > widths[0] - 2 * CELL_PAD:
            row[0] = Paragraph(escape(row[0]), styles["td"])
    commands: list[Any] = [
        *look.cells(3, CELL_PAD),
        ("TEXTCOLOR", (0, 0), (-1, -1), look.text),
        ("BACKGROUND", (0, 0), (-1, 0), look.accent),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [white, look.zebra]),
        ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LINEBELOW", (0, -1), (-1, -1), 0.8, look.accent),
    ]
    for number, row in enumerate(rows, start=1):
        if _is_total(row):
            commands += [
                ("FONT", (0, number), (-1, number), look.fonts.bold, CELL_SIZE),
                ("LINEABOVE", (0, number), (-1, number), 0.6, look.accent),
            ]
        commands += [
            ("TEXTCOLOR", (column, number), (column, number), look.muted)
            for column, cell in enumerate(row)
            if column and isinstance(cell, str) and _SUPPRESSED.match(cell)
        ]
    grid = Table([head, *body], colWidths=widths, repeatRows=1, hAlign="LEFT")
    grid.setStyle(TableStyle(commands))
    return grid


def _widths(headers: Sequence[str], texts: Sequence[Sequence[str]], fonts: Fonts) -> list[float]:
    """Column widths filling the page: what the widest cell wants, the labels take the rest."""
    pad = 2 * CELL_PAD + 1

    def width(text: str, font: str, size: float) -> float:
        return float(stringWidth(text, font, size)) + pad

    body = [
        max(width(row[c], fonts.regular, CELL_SIZE) for row in texts) for c in range(len(headers))
    ]
    head = [width(h, fonts.bold, HEAD_SIZE) for h in headers]
    word = [max(width(w, fonts.bold, HEAD_SIZE) for w in [*h.split(), ""]) for h in headers]
    want = [max(b, h) for b, h in zip(body, head, strict=True)]
    need = [max(b, w) for b, w in zip(body, word, strict=True)]
    need[0] = min(need[0], max(word[0], WIDTH * 0.35))
    if sum(want) <= WIDTH:
        return [want[0] + WIDTH - sum(want), *want[1:]]
    if sum(need) <= WIDTH:
        extra = [w - n for w, n in zip(want, need, strict=True)]
        share = (WIDTH - sum(need)) / sum(extra)
        return [n + e * share for n, e in zip(need, extra, strict=True)]
    return [n * WIDTH / sum(need) for n in need]


def _chart(table: ReportTable, look: _Look) -> Drawing | None:
    """Horizontal bars of the first count column; a suppressed count is an empty bar."""
    rows = [row for row in table.rows if not _is_total(row)]
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
    span = WIDTH - left - max(stringWidth(_text(row[column]), regular, size) for row in rows) - 8
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
        value_text = _text(row[column])
        drawing.add(
            String(left + length + 3, baseline, value_text, fontName=regular, fontSize=size)
        )
    drawing.add(Line(left, 0, left, top, strokeColor=look.muted, strokeWidth=0.5))
    return drawing


class _TileRow(Flowable):  # type: ignore[misc]
    """One row of headline tiles: a big number with its label under it."""

    def __init__(
        self, headlines: Sequence[Headline], columns: int, lines: int, look: _Look
    ) -> None:
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
            value = _text(headline.value)
            room = self._tile - 2 * pad
            size = min(26.0, room / max(stringWidth(value, look.fonts.bold, 1), 1))
            canvas.setFont(look.fonts.bold, size)
            canvas.drawString(x + pad, self.height - pad - 22, value)
            canvas.setFillColor(look.text)
            canvas.setFont(look.fonts.regular, 9.5)
            for number, line in enumerate(_tile_lines(headline.label, look, self._columns)):
                canvas.drawString(x + pad, self.height - pad - 42 - number * 12, line)


def _tile_lines(label: str, look: _Look, columns: int) -> list[str]:
    width = (WIDTH - (columns - 1) * TILE_GAP) / columns - 10 * mm
    lines: list[str] = simpleSplit(label, look.fonts.regular, 9.5, width)
    return lines[:3]


def _draw_cover(look: _Look, canvas: Any, _document: Any) -> None:
    canvas.saveState()
    canvas.setFillColor(look.accent)
    canvas.rect(0, 0, 8 * mm, PAGE_HEIGHT, stroke=0, fill=1)
    logo = look.style.logo
    if logo:
        width, height = fit_image(logo, (60.0, 28.0))
        top = PAGE_HEIGHT - 22 * mm
        canvas.drawImage(
            ImageReader(BytesIO(logo)), MARGIN, top - height, width, height, mask="auto"
        )
    canvas.restoreState()


def _draw_header(look: _Look, report: Report, canvas: Any, _document: Any) -> None:
    canvas.saveState()
    y = PAGE_HEIGHT - 13 * mm
    canvas.setFont(look.fonts.regular, 8)
    canvas.setFillColor(look.muted)
    canvas.drawString(MARGIN, y, _organisation(report, look))
    canvas.drawRightString(PAGE_WIDTH - MARGIN, y, _where_and_when(report))
    canvas.setStrokeColor(look.accent)
    canvas.setLineWidth(0.6)
    canvas.line(MARGIN, y - 2.5 * mm, PAGE_WIDTH - MARGIN, y - 2.5 * mm)
    canvas.restoreState()


def _draw_footer(look: _Look, title: str, canvas: Any, page: int, pages: int) -> None:
    canvas.saveState()
    canvas.setStrokeColor(look.accent)
    canvas.setLineWidth(0.6)
    canvas.line(MARGIN, 15 * mm, PAGE_WIDTH - MARGIN, 15 * mm)
    canvas.setFont(look.fonts.regular, 8)
    canvas.setFillColor(look.muted)
    canvas.drawString(MARGIN, 10.5 * mm, title)
    canvas.drawRightString(PAGE_WIDTH - MARGIN, 10.5 * mm, f"Pagina {page} van {pages}")
    canvas.restoreState()


def _frame(top: float) -> Frame:
    """The body of a page from ``top`` (measured from the top edge) down to the footer."""
    bottom = 22 * mm
    return Frame(MARGIN, bottom, WIDTH, PAGE_HEIGHT - top - bottom, 0, 0, 0, 0)


def _organisation(report: Report, look: _Look) -> str:
    return report.organisation or look.style.organisation


def _municipality(report: Report) -> str:
    return report.municipality or "alle gemeenten"


def _where_and_when(report: Report) -> str:
    period = f"{long_date(report.starts_on)} – {long_date(report.ends_on)}"
    return f"{report.municipality or 'Alle gemeenten'}, {period}"


def _text(cell: Cell) -> str:
    """A count the Dutch way (``1.234``); text as it is."""
    return f"{cell:,}".replace(",", ".") if isinstance(cell, int) else cell


def _is_count(cell: Cell) -> bool:
    return isinstance(cell, int) or bool(_SUPPRESSED.match(cell))


def _amount(cell: Cell) -> int:
    """The length of a bar: the count, or the threshold of a suppressed one (``"<5"`` -> 5)."""
    return cell if isinstance(cell, int) else int(cell[1:])


def _is_total(row: Sequence[Cell]) -> bool:
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
