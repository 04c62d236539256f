"""The inzage dossier as an A4 PDF in the house style; imported only when an export is made.

A title block, then every section as a heading with its table (or "geen gegevens"); each
footer says "Pagina n van m".
"""

from __future__ import annotations

from functools import partial
from io import BytesIO
from pathlib import Path
from typing import Any, BinaryIO
from xml.sax.saxutils import escape

from reportlab.lib.colors import white
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from steunpunt.domain.dates import long_date
from steunpunt.domain.letters.house_style import HouseStyle
from steunpunt.domain.privacy.dossier import EMPTY, Dossier, DossierSection
from steunpunt.letters.fonts import register_fonts
from steunpunt.letters.letter_document import fit_image
from steunpunt.letters.report_look import MARGIN, PAGE_HEIGHT, PAGE_WIDTH, WIDTH, Look
from steunpunt.letters.report_pdf import (
    HEADER_Y,
    NumberedCanvas,
    draw_footer,
    draw_header_line,
)

TITLE = "Inzage persoonsgegevens"
WIDE = 5
"""A table with more columns than this is set in a smaller type."""


def render_dossier(
    target: Path | BinaryIO, dossier: Dossier, style: HouseStyle | None = None
) -> int:
    """Write ``dossier`` as an A4 PDF to a file name or an open binary file; return the pages."""
    look = Look(style or HouseStyle(), register_fonts())
    pages: list[int] = []
    frame = Frame(MARGIN, 22 * mm, WIDTH, PAGE_HEIGHT - 44 * mm, 0, 0, 0, 0)
    document = BaseDocTemplate(
        str(target) if isinstance(target, Path) else target,
        pagesize=A4,
        title=f"{TITLE} {dossier.person}",
        author=look.style.organisation,
        creator="Steunpunt",
        initialFontName=look.fonts.regular,
        pageTemplates=[PageTemplate("page", [frame], onPage=partial(_draw_header, look))],
    )
    footer = partial(draw_footer, look, f"{TITLE} – {dossier.person}")
    document.build(
        _story(dossier, look), canvasmaker=partial(NumberedCanvas, footer=footer, pages=pages)
    )
    return pages[0]


def _story(dossier: Dossier, look: Look) -> list[Any]:
    styles = look.styles
    intro = (
        f"Alle gegevens die {look.style.organisation or 'het steunpunt'} over deze "
        f"{dossier.about} vastlegt, op {long_date(dossier.made_on)}."
    )
    story: list[Any] = [
        Paragraph(TITLE, styles["eyebrow"]),
        Paragraph(escape(dossier.person or "(naam verwijderd)"), styles["h1"]),
        Paragraph(escape(intro), styles["intro"]),
    ]
    for section in dossier.sections:
        heading = Paragraph(escape(section.heading), styles["h2"])
        if not section.rows:
            story.append(KeepTogether([heading, Paragraph(EMPTY, styles["note"])]))
            continue
        story += [heading, _grid(section, look), Spacer(1, 2 * mm)]
    return story


def _grid(section: DossierSection, look: Look) -> Table:
    """Header row in the accent colour, zebra rows, every cell wrapping."""
    small = len(section.columns) > WIDE
    size = 7.5 if small else 9.0
    cell = ParagraphStyle("cell", look.styles["td"], fontSize=size, leading=size + 2)
    head = ParagraphStyle("head", look.styles["th"], fontSize=size, leading=size + 2)
    rows = [[Paragraph(escape(text), cell) for text in row] for row in section.rows]
    header = [Paragraph(escape(column), head) for column in section.columns]
    widths = _widths(section, look, size)
    grid = Table([header, *rows], colWidths=widths, repeatRows=1, hAlign="LEFT")
    grid.setStyle(
        TableStyle(
            [
                *look.cells(2.5, 3),
                ("BACKGROUND", (0, 0), (-1, 0), look.accent),
                ("ROWBACKGROUNDS", (0, 1), (-1, -1), [white, look.zebra]),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, -1), (-1, -1), 0.8, look.accent),
            ]
        )
    )
    return grid


def _widths(section: DossierSection, look: Look, size: float) -> list[float]:
    """Every column at least as wide as its longest word (a date never breaks); the rest of the page shared
    by how much text each column holds (a long note gets more room than a date)."""
    pad = 6 + 1

    def width(text: str, font: str) -> float:
        return float(stringWidth(text, font, size)) + pad

    columns = range(len(section.columns))
    need = [
        max(
            max(width(w, look.fonts.bold) for w in h.split() or [""]),
            max(
                min(width(w, look.fonts.regular), WIDTH / 5)
                for row in section.rows
                for w in row[c].split() or [""]
            ),
        )
        for c, h in enumerate(section.columns)
    ]
    want = [
        max(need[c], min(max(width(row[c], look.fonts.regular) for row in section.rows), WIDTH / 2))
        for c in columns
    ]
    if sum(need) >= WIDTH:
        return [n * WIDTH / sum(need) for n in need]
    extra = [w - n for w, n in zip(want, need, strict=True)]
    room = WIDTH - sum(need)
    if sum(extra) <= room:
        return [w + (room - sum(extra)) / len(want) for w in want]
    return [n + e * room / sum(extra) for n, e in zip(need, extra, strict=True)]


def _draw_header(look: Look, canvas: Any, document: Any) -> None:
    canvas.saveState()
    logo = look.style.logo
    if logo and document.page == 1:
        width, height = fit_image(logo, (45.0, 16.0))
        canvas.drawImage(
            ImageReader(BytesIO(logo)),
            PAGE_WIDTH - MARGIN - width,
            HEADER_Y - height + 4,
            width,
            height,
            mask="auto",
        )
    else:
        draw_header_line(look, canvas, look.style.organisation, "Vertrouwelijk")
    canvas.restoreState()
