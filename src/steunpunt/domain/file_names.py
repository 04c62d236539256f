"""The one way a file name is made from personal data (names, titles, references)."""

from __future__ import annotations

import re

from steunpunt.domain.input_policy import normalise_text

_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]+')
"""Characters Windows refuses in a file name, and control characters."""
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
    cleaned = _UNSAFE.sub("-", normalise_text(stem)).strip(" .")[:limit].strip(" .")
    if cleaned.split(".")[0].upper() in _RESERVED:
        cleaned = f"_{cleaned}"
    return (cleaned or "brief") + suffix
