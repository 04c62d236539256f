"""Fit an address into a box (label cell or envelope window) without losing any part of it.

The street line and the postcode line are never cut or wrapped: the house number, postcode and
place must stay whole on their own line, as PostNL reads them. The type is made smaller, one
size for the whole block and never below a readable minimum; when a name line is still too
wide it is wrapped between words. When even that does not fit, there is no fitted block and
the caller refuses or puts the address on a list to handle by hand.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

SIZE_STEP = 0.5  # pt: sizes tried from the largest down


@dataclass(frozen=True)
class Box:
    """Room for an address block, in points, with the font and the sizes it may use."""

    width: float
    height: float
    font: str
    largest: float
    smallest: float
    line_gap: float = 1.25

    def block_height(self, lines: int, size: float) -> float:
        """From the top of the first line to the bottom of the last, in points."""
        return ((lines - 1) * self.line_gap + _extent(self.font)) * size


@dataclass(frozen=True)
class FittedBlock:
    """The lines as they are printed, and the one size they are printed in."""

    size: float
    lines: tuple[str, ...]


def fit_address(names: Sequence[str], address_lines: Sequence[str], box: Box) -> FittedBlock | None:
    """The largest size (and the name lines wrapped only when needed) at which the block fits.

    First every line stays one line and only the size goes down; when no size down to
    ``box.smallest`` fits, the name lines are wrapped between words. None when nothing fits.
    """
    names = [name.strip() for name in names if name.strip()]
    address = [line.strip() for line in address_lines if line.strip()]
    whole = [*names, *address]
    if not whole:
        return FittedBlock(box.largest, ())
    size = _largest_unwrapped(whole, box)
    if size is not None:
        return FittedBlock(size, tuple(whole))
    widest_address = max((_width(line, box.font, 1.0) for line in address), default=0.0)
    size = _step_down(min(box.largest, box.width / widest_address if widest_address else math.inf))
    while size >= box.smallest - 1e-9:
        wrapped = _wrap_all(names, box.font, size, box.width)
        if wrapped is not None:
            lines = [*wrapped, *address]
            if box.block_height(len(lines), size) <= box.height + 1e-6:
                return FittedBlock(size, tuple(lines))
        size -= SIZE_STEP
    return None


def _largest_unwrapped(lines: list[str], box: Box) -> float | None:
    """The largest step size at which every line fits as it is, or None below the minimum."""
    widest = max(_width(line, box.font, 1.0) for line in lines)
    size = min(box.largest, box.width / widest if widest else box.largest)
    size = min(size, box.height / box.block_height(len(lines), 1.0))
    stepped = _step_down(size)
    return stepped if stepped >= box.smallest - 1e-9 else None


def _step_down(size: float) -> float:
    """``size`` rounded down to a whole step (9.87 -> 9.5)."""
    return math.floor(size / SIZE_STEP + 1e-9) * SIZE_STEP


def _wrap_all(names: list[str], font: str, size: float, width: float) -> list[str] | None:
    """Every name line wrapped between words to ``width``; None when one word is too wide."""
    wrapped: list[str] = []
    for name in names:
        lines = wrap_words(name, font, size, width)
        if lines is None:
            return None
        wrapped.extend(lines)
    return wrapped


def wrap_words(text: str, font: str, size: float, width: float) -> list[str] | None:
    """``text`` in as few lines as fit ``width`` points, broken only at spaces; None when a
    single word is wider than ``width``."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}" if current else word
        if _width(candidate, font, size) <= width:
            current = candidate
            continue
        if _width(word, font, size) > width:
            return None
        lines.append(current)
        current = word
    lines.append(current)
    return lines


def _width(text: str, font: str, size: float) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return float(stringWidth(text, font, size))


def _extent(font: str) -> float:
    """Ascent minus descent of ``font`` at 1 pt: the height of one line of type."""
    from reportlab.pdfbase.pdfmetrics import getAscentDescent

    ascent, descent = getAscentDescent(font, 1.0)
    return float(ascent - descent)
