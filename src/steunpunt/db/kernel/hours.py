"""Hours stored exactly: whole hundredths of an hour in an integer column, exact decimals in Python."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sqlalchemy import Integer
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator

HUNDRED = Decimal(100)


class Hours(TypeDecorator[Decimal]):
    """``Decimal("4.3")`` is stored as 430; sums in SQL stay whole numbers, so exact.

    SQL arithmetic on the column other than sums and comparisons works in hundredths.
    """

    impl = Integer
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> int | None:
        if value is None:
            return None
        number = value if isinstance(value, Decimal) else Decimal(repr(value))
        return int((number * HUNDRED).to_integral_value(rounding=ROUND_HALF_UP))

    def process_result_value(self, value: Any, dialect: Dialect) -> Decimal | None:
        if value is None:
            return None
        return (Decimal(int(value)) / HUNDRED).quantize(Decimal("0.01"))
