"""The number formats of every workbook the program writes; Excel shows them in the reader's
language (a Dutch Excel groups thousands with dots and writes decimals after a comma)."""

from __future__ import annotations

from decimal import Decimal

COUNT_FORMAT = "#,##0"
"""Whole numbers: ``1.234``."""
EURO_FORMAT = '"€" #,##0.00'
"""Euros with two decimals: ``€ 1.234,56``."""
DATE_FORMAT = "dd-mm-yyyy"
"""Dates; a Dutch Excel shows the code as ``dd-mm-jjjj``."""
YEAR_FORMAT = "0"
"""A year, without a thousands separator: ``2026``."""


def decimal_format(value: Decimal) -> str:
    """A grouped format with as many decimals as ``value`` has: ``7.5`` -> ``#,##0.0``."""
    exponent = value.normalize().as_tuple().exponent
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    return f"{COUNT_FORMAT}.{'0' * places}" if places else COUNT_FORMAT
