"""Hypothesis strategies for what a careless person or a paste can put in a field, and the checks
every property test makes: a valid value or a Dutch refusal, and a refusal changes nothing."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Generic, TypeVar

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from sqlalchemy import inspect, text
from sqlalchemy.engine import Engine

from steunpunt.domain.errors import KnownProblem, ValidationFailed

T = TypeVar("T")

PROPERTY = settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
"""Quick and the same on every run: CI stays stable and fast."""
SERVICE_PROPERTY = settings(PROPERTY, max_examples=25)
"""Fewer examples where each one opens sessions on a database."""

NASTY = (
    "",
    " ",
    "\x00",
    "Jan\x00",
    "\u200b",
    "\ufeff",
    "\u2060",
    "\u200d\u200c",
    "\u202eavon",
    "Vries\u202e",
    "\u2066x\u2069",
    "\u200e\u200f",
    "\x1b[31m",
    "\r\n",
    "\t",
    "²",
    "①",
    "٣",
    "1²",
    "e\u0301",
    "1" + "0" * 23,
    "9" * 5000,
    "0" * 5000 + "1",
    "-1",
    "1e999",
    "NaN",
    "inf",
    "-0",
    "1_000",
    "12,345",
    "1.000.000,00",
    "€ 10^23",
    "31-12-9999",
    "01-01-0001",
    "0001-01-01",
    "9999-12-31",
    "29-02-2023",
    "00-00-0000",
    "01011899",
    "'; DROP TABLE caregiver; --",
    '%_*"',
    "a" * 5000,
    "Ayşe Yılmaz",
    "\ud800",
)
"""Inputs that broke, or could break, a parser: invisible characters, digits that are not 0-9,
huge numbers, impossible dates, long and odd text."""

nasty_text = st.sampled_from(NASTY)
any_text = st.one_of(
    nasty_text,
    st.text(max_size=40),
    st.builds(lambda a, b: a + b, nasty_text, st.text(max_size=12)),
    st.builds(lambda a, b: a + b, st.text(max_size=12), nasty_text),
)
"""Any text a field could receive."""


def field_text(*usual: str) -> st.SearchStrategy[str]:
    """A field's text: one of its ``usual`` valid values (often), or anything at all."""
    return st.one_of(st.sampled_from(usual), any_text) if usual else any_text


def form(usual: Mapping[str, str]) -> st.SearchStrategy[dict[str, str]]:
    """A form whose every field is its usual value or anything at all."""
    return st.fixed_dictionaries({name: field_text(value) for name, value in usual.items()})


any_date = st.one_of(
    st.sampled_from((date(1, 1, 1), date(9999, 12, 31), date(1899, 12, 31), date(2026, 11, 22))),
    st.dates(),
)
any_int = st.one_of(
    st.sampled_from((0, -1, 10**23, -(10**23), 2**63, 2**31)), st.integers(-(10**30), 10**30)
)
any_float = st.one_of(st.sampled_from((float("nan"), float("inf"), 1e308)), st.floats())
any_decimal = st.one_of(
    st.sampled_from((Decimal("NaN"), Decimal("Infinity"), Decimal("1E+999999"))),
    st.decimals(),
)


@dataclass(frozen=True)
class Outcome(Generic[T]):
    """What a call gave: its value, or a Dutch refusal."""

    value: T | None
    refused: bool = False


TALLY: Counter[str] = Counter()
"""How many inputs ended as a valid value, a Dutch refusal, or anything else (for the bench)."""


def outcome(call: Callable[[], T]) -> Outcome[T]:
    """``call()``'s value, or a refusal after a known problem with a Dutch message; any other
    exception fails the test."""
    try:
        value = call()
    except KnownProblem as problem:
        check_dutch(problem)
        TALLY["refused"] += 1
        return Outcome(None, refused=True)
    except Exception:
        TALLY["other"] += 1
        raise
    TALLY["valid"] += 1
    return Outcome(value)


def check_dutch(problem: KnownProblem) -> None:
    """A refusal a person can read: Dutch sentences, no Python text."""
    messages = (
        list(problem.errors.values())
        if isinstance(problem, ValidationFailed)
        else [problem.message]
    )
    assert messages, problem
    for message in messages:
        assert message.strip(), problem
        for english in ("Traceback", "Error", "invalid", "object", "None", "\x00"):
            assert english not in message, message


def row_counts(engine: Engine) -> dict[str, int]:
    """The number of rows in every table of the database."""
    with engine.connect() as connection:
        return {
            name: int(connection.scalar(text(f'SELECT count(*) FROM "{name}"')) or 0)
            for name in inspect(connection).get_table_names()
        }


def refused_changes_nothing(engine: Engine, call: Callable[[], T]) -> Outcome[T]:
    """What ``call()`` gave; when it is refused, every table holds the rows it held before."""
    before = row_counts(engine)
    result = outcome(call)
    if result.refused:
        assert row_counts(engine) == before
    return result
