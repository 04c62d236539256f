"""Text folding for search and sorting: lower case, without diacritics."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from steunpunt.domain.input_policy import normalise_text

# Letters that Unicode does not decompose into a base letter plus a mark.
_SPECIAL = str.maketrans(
    {
        "ı": "i",
        "ł": "l",
        "Ł": "l",
        "ø": "o",
        "Ø": "o",
        "ß": "ss",
        "æ": "ae",
        "Æ": "ae",
        "đ": "d",
        "Đ": "d",
    }
)


def fold(text: str) -> str:
    """``"Ayşe Yılmaz"`` -> ``"ayse yilmaz"``: what search and sort compare (by the input
    policy: invisible characters do not count)."""
    text = normalise_text(text)
    if text.isascii():  # most Dutch names: no diacritics to strip (10x faster)
        return " ".join(text.lower().split())
    decomposed = unicodedata.normalize("NFKD", text.translate(_SPECIAL))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.casefold().split())


@lru_cache(maxsize=4096)
def fold_name(text: str) -> str:
    """:func:`fold` remembered, for values that repeat a lot (places, gemeenten)."""
    return fold(text)


def clean(text: str | None) -> str:
    """Typed text by the input policy, trimmed and with white space collapsed; ``None`` is ``""``."""
    return " ".join(normalise_text(text or "").split())
