"""The one way a file name is made from personal data (names, titles, references)."""

from __future__ import annotations

import re

from steunpunt.domain.input_policy import normalise_text

_UNSAFE = re.compile(r"[:/\\\x00-\x1f\x7f]+")
"""Separators Windows refuses in a file name, and control characters: written as a dash."""
_REPLACED = str.maketrans({'"': "'", "?": "", "*": "", "<": "", ">": "", "|": ""})
"""Other characters Windows refuses: a double quote as a single one, the rest left out."""
_COLON = re.compile(r"\s*:\s+")
"""A colon before a space, as in a title ("Compliment: ontvangst"): written as a dash between
spaces ("Compliment - ontvangst"), not as "Compliment- ontvangst"."""
_TIME = re.compile(r"(\d{1,2}):(\d{2})")
"""A time ("14:30"), written as Dutch text writes it ("14.30")."""
_RESERVED = frozenset(
    {
        "CON",
        "PRN",
        "AUX",
        "NUL",
        *(f"COM{n}" for n in range(1, 10)),
        *(f"LPT{n}" for n in range(1, 10)),
    }
)
"""Device names Windows will not open as a file, whatever the suffix."""


def safe_file_name(stem: str, suffix: str = "", limit: int = 90) -> str:
    """A file name every system accepts and shows as it reads: no reserved, control, bidi or
    zero-width characters (a right-to-left override would show ``fdp.exe`` as ``exe.pdf``),
    short, the suffix kept intact."""
    text = _TIME.sub(r"\1.\2", _COLON.sub(" - ", normalise_text(stem).translate(_REPLACED)))
    cleaned = _UNSAFE.sub("-", text).strip(" .")[:limit].strip(" .")
    if cleaned.split(".")[0].upper() in _RESERVED:
        cleaned = f"_{cleaned}"
    return (cleaned or "brief") + suffix
