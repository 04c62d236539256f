"""Euro amounts as Dutch people type them (``1.000,50``), to and from whole cents."""

from __future__ import annotations

import re

from steunpunt.domain.errors import InvalidValue
from steunpunt.domain.input_policy import AMOUNT_MAX_CENTS, check_cents, normalise_text
from steunpunt.domain.numbers import number_text

_AMOUNT = re.compile(r"^\d+(?:[.,]\d{1,2})?$", re.ASCII)


def parse_cents(text: str, largest: int = AMOUNT_MAX_CENTS, what: str = "Het bedrag") -> int:
    """``"100"``, ``"12,5"``, ``"€ 1.000,00"`` -> cents, up to ``largest``; raise
    :class:`InvalidValue` in Dutch."""
    value = normalise_text(text).replace("€", "").replace(" ", "").strip()
    if "," in value:
        value = value.replace(".", "").replace(",", ".")  # dots group thousands
    elif value.count(".") == 1 and len(value.rsplit(".", 1)[1]) == 3:
        value = value.replace(".", "")  # "1.000" is a thousand, not one
    elif value.count(".") > 1:
        value = value.replace(".", "")
    if not _AMOUNT.match(value.replace(",", ".")):
        raise InvalidValue("Vul een bedrag in euro in, bijvoorbeeld 100 of 62,50.")
    whole, _dot, rest = value.partition(".")
    whole = whole.lstrip("0") or "0"
    if len(whole) > len(str(largest)):  # never turn a huge number into an int
        check_cents(largest + 1, largest, what)
    cents = int(whole) * 100 + int((rest + "00")[:2])
    check_cents(cents, largest, what)
    return cents


def parse_optional_cents(
    text: str, largest: int = AMOUNT_MAX_CENTS, what: str = "Het bedrag"
) -> int | None:
    """Like :func:`parse_cents`; an empty field means no amount."""
    return parse_cents(text, largest, what) if normalise_text(text).strip() else None


def cents_text(cents: int | None) -> str:
    """``150_050`` -> ``"1.500,50"``, as it is typed back into a field; ``None`` -> ``""``."""
    if cents is None:
        return ""
    whole, rest = divmod(cents, 100)
    return f"{number_text(whole)},{rest:02d}"


def normalized_amount(text: str) -> str:
    """A field parser: check the amount and write it back in its usual form (empty stays empty)."""
    return cents_text(parse_optional_cents(text))
