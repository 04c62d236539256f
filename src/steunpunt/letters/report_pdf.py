"""The verantwoording as a designed A4 PDF; imported only when a report is made (start-up rule).

A cover, a page of headline tiles, then every table with its bar chart. The canvas holds its
pages until the end so that every footer can say "Pagina n van m".
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from io import BytesIO
from pathlib import Path
from typing import Any, BinaryIO
from xml.sax.saxutils import escape

from reportlab.lib.colors import white
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
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
from reportlab.platypus.flowables import HRFlowable

from steunpunt.domain.dates import long_date
from steunpunt.domain.letters.house_style import HouseStyle
from steunpunt.domain.reports.report import Report, ReportTable
from steunpunt.domain.reports.suppression import is_hidden, privacy_note
from steunpunt.letters.fonts import Fonts, print_at_true_size, register_fonts
from steunpunt.letters.letter_document import fit_image
from steunpunt.letters.report_look import (
    CELL_PAD,
    CELL_SIZE,
    HEAD_SIZE,
    KEEP_ROWS,
    MARGIN,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    WIDTH,
    Look,
    TileRow,
    bar_chart,
    cell_text,
    is_total,
    tile_lines,
)

COVER_TOP = 95 * mm
DEFAULT_TITLE = "Verantwoording mantelzorgondersteuning"
EMPTY_TEXT = "Geen gegevens in deze periode."


def render_report(target: Path | BinaryIO, report: Report, style: HouseStyle | None = None) -> int:
    """Write ``report`` as an A4 PDF to a file name or an open binary file; return the pages."""
    look = Look(style or HouseStyle(), register_fonts())
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
    footer = partial(draw_footer, look, title)
    document.build(
        _story(report, look), canvasmaker=partial(NumberedCanvas, footer=footer, pages=pages)
    )
    return pages[0]


class NumberedCanvas(Canvas):  # type: ignore[misc]
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


def _story(report: Report, look: Look) -> list[Any]:
    styles = look.styles
    story: list[Any] = [NextPageTemplate("content"), *_cover(report, look)]
    if not report.headlines and not report.tables:
        return [*story, Paragraph(EMPTY_TEXT, styles["empty"])]
    if report.headlines:
        story += [PageBreak(), Paragraph("Kerncijfers", styles["h1"])]
        story.append(Paragraph(escape(_where_and_when(report)), styles["intro"]))
        columns = 2 if len(report.headlines) <= 4 else 3
        rows = [report.headlines[i : i + columns] for i in range(0, len(report.headlines), columns)]
        lines = max(len(tile_lines(h.label, look, columns)) for h in report.headlines)
        story += [TileRow(row, columns, lines, look) for row in rows]
    if report.tables:
        story.append(PageBreak())
        for table in report.tables:
            story += _table_flowables(table, look)
    return story


def _cover(report: Report, look: Look) -> list[Any]:
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
        note = f"<b>Privacy</b><br/>{escape(privacy_note(report.suppress_below))}"
        box = Table([[Paragraph(note, styles["td"])]], colWidths=[WIDTH], hAlign="LEFT")
        lines = [("LINEBEFORE", (0, 0), (0, -1), 3, look.accent)]
        box.setStyle(TableStyle([*look.cells(3 * mm, 4 * mm, look.tint), *lines]))
        story += [Spacer(1, 12 * mm), box]
    return story


def _table_flowables(table: ReportTable, look: Look) -> list[Any]:
    """Title, chart, table and note; a short table stays on one page, a long one flows on."""
    heading = Paragraph(escape(table.title), look.styles["h2"])
    if not table.rows:
        return [KeepTogether([heading, Paragraph(EMPTY_TEXT, look.styles["td"])])]
    chart = bar_chart(table, look) if table.chart else None
    parts: list[Any] = [heading, *([chart, Spacer(1, 3 * mm)] if chart else []), _grid(table, look)]
    if table.note:
        parts.append(Paragraph(escape(table.note), look.styles["note"]))
    if len(table.rows) <= KEEP_ROWS:
        return [KeepTogether(parts)]
    return [CondPageBreak(40 + (chart.height if chart else 0) + 6 * 18), *parts]


def _grid(table: ReportTable, look: Look) -> Table:
    """The table itself: header row in the accent colour, zebra rows, counts to the right."""
    columns = max(len(table.headers), *(len(row) for row in table.rows))
    headers = [*table.headers, *[""] * (columns - len(table.headers))]
    rows = [[*row, *[""] * (columns - len(row))] for row in table.rows]
    texts = [[cell_text(cell) for cell in row] for row in rows]
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
        if is_total(row):
            commands += [
                ("FONT", (0, number), (-1, number), look.fonts.bold, CELL_SIZE),
                ("LINEABOVE", (0, number), (-1, number), 0.6, look.accent),
            ]
        commands += [
            ("TEXTCOLOR", (column, number), (column, number), look.muted)
            for column, cell in enumerate(row)
            if column and is_hidden(cell)
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


def _draw_cover(look: Look, canvas: Any, _document: Any) -> None:
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


def _draw_header(look: Look, report: Report, canvas: Any, _document: Any) -> None:
    canvas.saveState()
    draw_header_line(look, canvas, _organisation(report, look), _where_and_when(report))
    canvas.restoreState()


HEADER_Y = PAGE_HEIGHT - 13 * mm
"""Where the running header's text stands on a page."""


def draw_header_line(look: Look, canvas: Any, left: str, right: str) -> None:
    """The running header: ``left`` and ``right`` in small grey type over an accent rule."""
    canvas.setFont(look.fonts.regular, 8)
    canvas.setFillColor(look.muted)
    canvas.drawString(MARGIN, HEADER_Y, left)
    canvas.drawRightString(PAGE_WIDTH - MARGIN, HEADER_Y, right)
    canvas.setStrokeColor(look.accent)
    canvas.setLineWidth(0.6)
    canvas.line(MARGIN, HEADER_Y - 2.5 * mm, PAGE_WIDTH - MARGIN, HEADER_Y - 2.5 * mm)


def draw_footer(look: Look, title: str, canvas: Any, page: int, pages: int) -> None:
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


def _organisation(report: Report, look: Look) -> str:
    return report.organisation or look.style.organisation


def _municipality(report: Report) -> str:
    return report.municipality or "alle gemeenten"


def _where_and_when(report: Report) -> str:
    period = f"{long_date(report.starts_on)} – {long_date(report.ends_on)}"
    return f"{report.municipality or 'Alle gemeenten'}, {period}"
