"""Names and places typed in capitals (or all small letters), written as Dutch registers write them."""

from __future__ import annotations

import re

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_KEPT_SMALL = frozenset((
    "van", "de", "der", "den", "het", "ter", "ten", "te", "t", "s", "in", "op", "uit", "aan",
    "bij", "en", "la", "le", "du", "des", "di", "da", "von",
))  # fmt: skip
"""Words written small inside a name or place (``van der``, ``'s-Hertogenbosch``, ``aan den IJssel``)."""


def has_one_case(text: str) -> bool:
    """Whether every letter of ``text`` is a capital, or every letter small (more than one letter)."""
    if not (text.isupper() or text.islower()):
        return False
    return sum(1 for ch in text if ch.isalpha()) > 1


def recase(text: str) -> str:
    """``"PIET VAN DER BERG"`` -> ``"Piet van der Berg"``; ``"IJSSELSTEIN"`` -> ``"IJsselstein"``.

    Small words stay small except at the start; the Dutch ``IJ`` stays one capital letter.
    """
    if not has_one_case(text):
        return text
    return _WORD.sub(_word, text.lower())


def _word(match: re.Match[str]) -> str:
    word = match.group()
    start = match.start()
    if start > 0 and (word in _KEPT_SMALL or match.string[start - 1].isdigit()):
        return word  # "van der", "'s-Hertogenbosch", "2e"
    if word.startswith("ij"):
        return "IJ" + word[2:]
    return word[:1].upper() + word[1:]
