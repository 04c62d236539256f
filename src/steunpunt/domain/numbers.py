"""Numbers as Dutch readers write them: ``14.348`` and ``7,5``."""

from __future__ import annotations

from decimal import Decimal


def number_text(value: int | float | Decimal) -> str:
    """``14348`` -> ``"14.348"``, ``7.5`` -> ``"7,5"``, ``Decimal("26.20")`` -> ``"26,2"``.

    Thousands are grouped with dots, decimals follow a comma, and trailing zeros are dropped.
    """
    number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    sign = "-" if number < 0 else ""
    whole, _dot, fraction = f"{abs(number):f}".partition(".")
    grouped = f"{int(whole):,}".replace(",", ".")
    fraction = fraction.rstrip("0")
    return f"{sign}{grouped},{fraction}" if fraction else f"{sign}{grouped}"
