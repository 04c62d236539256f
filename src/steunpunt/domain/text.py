"""Text folding for search and sorting: lower case, without diacritics."""

from __future__ import annotations

import unicodedata

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
    """``"Ayşe Yılmaz"`` -> ``"ayse yilmaz"``: what search and sort compare."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_SPECIAL))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.casefold().split())


def clean(text: str | None) -> str:
    """Trim and collapse white space; ``None`` becomes an empty string."""
    return " ".join((text or "").split())
