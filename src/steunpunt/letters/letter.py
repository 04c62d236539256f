"""The letter engine: personalised A4 letters for window envelopes, many in one PDF.

Each letter starts on a page with the letterhead, the address in the envelope window and the
date and kenmerk; later pages carry only the footer. Multi-page letters are numbered
"Pagina 1 van 2": the number is a PDF form drawn on every page and defined once the letter's
last page is known. The closing and signature stay on one page with the last paragraph.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from steunpunt.domain.letters.house_style import HouseStyle
from steunpunt.letters.address_block import Recipient
from steunpunt.letters.fonts import register_fonts
from steunpunt.letters.merge import compile_template


@dataclass(frozen=True)
class LetterText:
    """The template of a letter: subject and body, both with merge fields."""

    subject: str
    body: str


@dataclass(frozen=True)
class Letter:
    """One letter: who it goes to and the values of its merge fields (``datum``, ``kenmerk``...)."""

    recipient: Recipient
    values: Mapping[str, str]


def render_letters(
    target: Path | BinaryIO,
    style: HouseStyle,
    text: LetterText,
    letters: Iterable[Letter],
    available: Iterable[str],
    progress: Callable[[int], bool] | None = None,
    title: str = "Brieven",
) -> int:
    """Write all letters into one PDF and return how many were made.

    ``available`` names the fields this letter kind has; an unknown field in the text raises
    :class:`~steunpunt.domain.errors.InvalidValue` before anything is written. ``progress``
    is called with the number of letters made so far; when it returns False the rendering
    stops with :class:`Cancelled`.
    """
    from steunpunt.letters.letter_document import LetterDocument, Story

    names = list(available)
    subject = compile_template(text.subject, names)
    body = compile_template(text.body, names)
    style.check()
    document = LetterDocument(target, style, register_fonts(), title)
    story = Story(document, subject, body, iter(letters), progress)
    document.build(story)
    return story.made
