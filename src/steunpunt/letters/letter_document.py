"""The platypus side of the letter engine; imported only when letters are made (start-up rule).

Every letter starts on a "first" page (letterhead, address in the window, date and kenmerk)
and goes on on "later" pages (footer only). Letterhead, footer and signature are PDF forms,
stored once and referred to from every page. Page numbers are forms too: each page refers
to its own, and they are defined when the letter's last page is known.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from typing import Any, BinaryIO
from xml.sax.saxutils import escape

from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
)
from reportlab.platypus.flowables import Flowable, HRFlowable

from steunpunt.domain.errors import Cancelled
from steunpunt.domain.letters.envelope import A4_HEIGHT_MM, A4_WIDTH_MM
from steunpunt.domain.letters.house_style import HouseStyle
from steunpunt.letters.address_block import Recipient, draw_address_block
from steunpunt.letters.fonts import Fonts, print_at_true_size
from steunpunt.letters.letter import Letter
from steunpunt.letters.merge import Block, CompiledTemplate

LEFT_MM = 25.0
RIGHT_MM = 20.0
BOTTOM_MM = 28.0
LATER_TOP_MM = 25.0
BODY_SIZE = 10.0
BODY_LEADING = 14.0
LOGO_MAX_MM = (55.0, 22.0)
SIGNATURE_MAX_MM = (50.0, 18.0)
BUFFERED_LETTERS = 20
LOW_WATER = 40
CUT_LINE_COLOUR = HexColor("#808080")


class Story(list[Any]):
    """Flowables produced a few letters at a time, so 5,000 letters never sit in memory.

    Platypus reads the story with ``len()`` and takes flowables from the front; whenever it
    asks for the length and little is left, the next letters are added.
    """

    def __init__(
        self,
        document: LetterDocument,
        subject: CompiledTemplate,
        body: CompiledTemplate,
        letters: Iterator[Letter],
        progress: Callable[[int], bool] | None,
    ) -> None:
        super().__init__()
        self._document = document
        self._subject = subject
        self._body = body
        self._letters = letters
        self._progress = progress
        self._exhausted = False
        self.made = 0
        self._fill()
        if not super().__len__():
            self.append(document.empty_notice())

    def __len__(self) -> int:
        if not self._exhausted and super().__len__() < LOW_WATER:
            self._fill()
        return super().__len__()

    def _fill(self) -> None:
        for _ in range(BUFFERED_LETTERS):
            letter = next(self._letters, None)
            if letter is None:
                self._exhausted = True
                return
            if self._progress is not None and not self._progress(self.made):
                raise Cancelled
            self.extend(self._document.letter_flowables(letter, self._subject, self._body))
            self.made += 1


@dataclass(frozen=True)
class _Heading:
    """What the first page of a letter shows outside the body: address, date and kenmerk."""

    recipient: Recipient
    date: str
    reference: str


class LetterDocument:
    """A platypus document with a first-page and a later-page template, one letter after another."""

    def __init__(
        self, target: Path | BinaryIO, style: HouseStyle, fonts: Fonts, title: str
    ) -> None:
        self.style = style
        self.fonts = fonts
        self._headings: deque[_Heading] = deque()
        self._queued = 0
        self._letter = 0
        self._page = 0
        self._defined: set[str] = set()
        self._styles = _paragraph_styles(style, fonts)
        self._accent = HexColor(style.accent_colour)
        self._text = HexColor(style.text_colour)
        self._signature_size = (
            fit_image(style.signature, SIGNATURE_MAX_MM) if style.signature else None
        )
        window = style.window
        self.first_top_mm = window.top + window.height + 8
        body_top_mm = A4_HEIGHT_MM - self.first_top_mm - 12
        self._template = BaseDocTemplate(
            str(target) if isinstance(target, Path) else target,
            pagesize=A4,
            title=title,
            author=style.organisation,
            creator="Steunpunt",
            initialFontName=fonts.regular,  # not Helvetica: every font in the file is embedded
            pageTemplates=[
                PageTemplate("first", [_frame("first", body_top_mm)], onPage=self._first_page),
                PageTemplate(
                    "later", [_frame("later", A4_HEIGHT_MM - LATER_TOP_MM)], onPage=self._later_page
                ),
            ],
        )

    def build(self, story: list[Any]) -> None:
        self._template.build(story)

    # --- the story of one letter ------------------------------------------------------------

    def letter_flowables(
        self, letter: Letter, subject: CompiledTemplate, body: CompiledTemplate
    ) -> list[Any]:
        values = letter.values
        self._headings.append(
            _Heading(letter.recipient, values.get("datum", ""), values.get("kenmerk", ""))
        )
        flowables: list[Any] = []
        if self._queued:
            flowables += [NextPageTemplate("first"), PageBreak()]
        self._queued += 1
        flowables.append(NextPageTemplate("later"))
        subject_text = " ".join(part for block in subject.fill(values) for part in block.parts)
        if subject_text:
            flowables.append(Paragraph(subject_text, self._styles["subject"]))
        filled = body.fill(values)
        cut = next((i for i, block in enumerate(filled) if block.kind == "cut"), len(filled))
        blocks = [self._block(block) for block in filled[:cut]]
        last = blocks.pop() if blocks else []
        for block in blocks:
            flowables += block
        flowables.append(KeepTogether([*last, *self._closing()]))
        slip = [flowable for block in filled[cut + 1 :] for flowable in self._block(block, "slip")]
        if slip:
            flowables.append(KeepTogether([Spacer(1, 10 * mm), self._cut_line(), *slip]))
        flowables.append(_LetterEnd(self))
        return flowables

    def _cut_line(self) -> Flowable:
        """The dashed line to cut the reply slip off along."""
        return HRFlowable(
            width="100%",
            thickness=0.5,
            dash=(3, 3),
            color=CUT_LINE_COLOUR,
            spaceBefore=0,
            spaceAfter=4 * mm,
        )

    def _block(self, block: Block, paragraph_style: str = "body") -> list[Any]:
        if block.kind == "list":
            styles = [self._styles["item"]] * (len(block.parts) - 1) + [self._styles["last_item"]]
            return [
                Paragraph(item, style, bulletText="•")
                for item, style in zip(block.parts, styles, strict=True)
            ]
        return [Paragraph(part, self._styles[paragraph_style]) for part in block.parts]

    def _closing(self) -> list[Any]:
        style = self.style
        items: list[Any] = [Paragraph(escape(style.closing), self._styles["closing"])]
        if style.signature and self._signature_size:
            items.append(_FormImage(self, "signature", style.signature, self._signature_size))
        else:
            items.append(Spacer(1, 12 * mm))
        for line in (style.signatory_name, style.signatory_role):
            if line:
                items.append(Paragraph(escape(line), self._styles["signatory"]))
        return items

    def empty_notice(self) -> Paragraph:
        return Paragraph(
            "Er zijn geen brieven gemaakt: er waren geen ontvangers.", self._styles["body"]
        )

    # --- page decoration ---------------------------------------------------------------------

    def _first_page(self, canvas: Any, _document: Any) -> None:
        if self._letter == 0:
            print_at_true_size(canvas)
        self._letter += 1
        self._page = 1
        self.use_form(canvas, "letterhead", self._draw_letterhead)
        self.use_form(canvas, "footer", self._draw_footer)
        if not self._headings:
            return
        heading = self._headings.popleft()
        draw_address_block(
            canvas, self.style.window, heading.recipient, self.style.return_line, self.fonts
        )
        self._draw_reference(canvas, heading)
        canvas.doForm(self._page_form(self._page))

    def _later_page(self, canvas: Any, _document: Any) -> None:
        self._page += 1
        self.use_form(canvas, "footer", self._draw_footer)
        canvas.doForm(self._page_form(self._page))

    def _page_form(self, page: int) -> str:
        return f"page{self._letter}_{page}"

    def finish_letter(self, canvas: Any) -> None:
        """Define the page-number forms of the letter that just ended, now its length is known."""
        pages = self._page
        canvas.saveState()
        for page in range(1, pages + 1):
            canvas.beginForm(self._page_form(page))
            if pages > 1:
                canvas.setFont(self.fonts.regular, 8)
                canvas.setFillColor(self._text)
                canvas.drawRightString(
                    (A4_WIDTH_MM - RIGHT_MM) * mm, 20 * mm, f"Pagina {page} van {pages}"
                )
            canvas.endForm()
        canvas.restoreState()

    def use_form(self, canvas: Any, name: str, draw: Callable[[Any], None]) -> None:
        """Draw a form XObject, defining it the first time: the PDF holds it only once."""
        if name not in self._defined:
            canvas.saveState()
            canvas.beginForm(name)
            draw(canvas)
            canvas.endForm()
            canvas.restoreState()
            self._defined.add(name)
        canvas.doForm(name)

    def _draw_letterhead(self, canvas: Any) -> None:
        style = self.style
        right = (A4_WIDTH_MM - RIGHT_MM) * mm
        top = A4_HEIGHT_MM * mm
        if style.logo:
            width, height = fit_image(style.logo, LOGO_MAX_MM)
            canvas.drawImage(
                ImageReader(BytesIO(style.logo)),
                LEFT_MM * mm,
                top - 12 * mm - height,
                width,
                height,
                mask="auto",
            )
        canvas.setFillColor(HexColor(style.accent_colour))
        canvas.setFont(self.fonts.bold, 13)
        canvas.drawRightString(right, top - 17 * mm, style.organisation)
        canvas.setFillColor(HexColor(style.text_colour))
        canvas.setFont(self.fonts.regular, 8)
        for number, line in enumerate(style.contact_lines, start=1):
            canvas.drawRightString(right, top - 17 * mm - number * 3.8 * mm, line)

    def _draw_footer(self, canvas: Any) -> None:
        style = self.style
        canvas.setStrokeColor(HexColor(style.accent_colour))
        canvas.setLineWidth(0.6)
        canvas.line(LEFT_MM * mm, 17 * mm, (A4_WIDTH_MM - RIGHT_MM) * mm, 17 * mm)
        if style.footer:
            canvas.setFillColor(HexColor(style.text_colour))
            canvas.setFont(self.fonts.regular, 7.5)
            middle = LEFT_MM + (A4_WIDTH_MM - LEFT_MM - RIGHT_MM) / 2
            canvas.drawCentredString(middle * mm, 12 * mm, style.footer)

    def _draw_reference(self, canvas: Any, heading: _Heading) -> None:
        y = (A4_HEIGHT_MM - self.first_top_mm) * mm
        columns = (
            (LEFT_MM, "Datum", heading.date),
            (LEFT_MM + 55, "Ons kenmerk", heading.reference),
        )
        for left, label, value in columns:
            canvas.setFillColor(self._accent)
            canvas.setFont(self.fonts.regular, 7.5)
            canvas.drawString(left * mm, y, label)
            canvas.setFillColor(self._text)
            canvas.setFont(self.fonts.regular, BODY_SIZE)
            canvas.drawString(left * mm, y - 4.5 * mm, value)


def _frame(name: str, top_mm: float) -> Frame:
    """The body area of a page, from ``top_mm`` (measured from the bottom) down to the footer."""
    return Frame(
        LEFT_MM * mm,
        BOTTOM_MM * mm,
        (A4_WIDTH_MM - LEFT_MM - RIGHT_MM) * mm,
        (top_mm - BOTTOM_MM) * mm,
        id=name,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )


def _paragraph_styles(style: HouseStyle, fonts: Fonts) -> dict[str, ParagraphStyle]:
    body = ParagraphStyle(
        "body",
        fontName=fonts.regular,
        bulletFontName=fonts.regular,  # the list's bullets: not Helvetica, which is not embedded
        fontSize=BODY_SIZE,
        leading=BODY_LEADING,
        textColor=HexColor(style.text_colour),
        spaceAfter=BODY_LEADING * 0.6,
    )
    item = ParagraphStyle(
        "item", parent=body, leftIndent=6 * mm, bulletIndent=1.5 * mm, spaceAfter=2
    )
    return {
        "body": body,
        "item": item,
        "last_item": ParagraphStyle("last_item", parent=item, spaceAfter=body.spaceAfter),
        "signatory": ParagraphStyle("signatory", parent=body, spaceAfter=0),
        "closing": ParagraphStyle("closing", parent=body, spaceBefore=4, spaceAfter=2),
        # room to write on the lines of a reply slip by hand
        "slip": ParagraphStyle("slip", parent=body, leading=BODY_LEADING * 1.8),
        "subject": ParagraphStyle(
            "subject", parent=body, fontName=fonts.bold, spaceAfter=BODY_LEADING * 1.2
        ),
    }


class _LetterEnd(Flowable):  # type: ignore[misc]
    """A flowable of no size at the end of a letter: it tells the document the letter ended."""

    def __init__(self, document: LetterDocument) -> None:
        super().__init__()
        self._document = document

    def wrap(self, *_args: Any) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self._document.finish_letter(self.canv)


class _FormImage(Flowable):  # type: ignore[misc]
    """An image kept once in the PDF as a form; each letter only refers to it."""

    def __init__(
        self, document: LetterDocument, name: str, data: bytes, size: tuple[float, float]
    ) -> None:
        super().__init__()
        self._document = document
        self._name = name
        self._data = data
        self.width, self.height = size

    def wrap(self, *_args: Any) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        self._document.use_form(self.canv, self._name, self._draw_image)

    def _draw_image(self, canvas: Any) -> None:
        reader = ImageReader(BytesIO(self._data))
        canvas.drawImage(reader, 0, 0, self.width, self.height, mask="auto")


def fit_image(data: bytes, box_mm: tuple[float, float]) -> tuple[float, float]:
    """Width and height in points of an image scaled to fit the box, keeping its shape."""
    width, height = ImageReader(BytesIO(data)).getSize()
    scale = min(box_mm[0] * mm / width, box_mm[1] * mm / height)
    return width * scale, height * scale
