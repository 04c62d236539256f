"""The verantwoording report as plain data: counts in tables, small counts suppressed.

The service fills a :class:`Report` with counts from SQL; the PDF and the workbook only lay it
out. Counts only, never a name: :mod:`steunpunt.domain.reports.suppression` hides small counts
(``"<5"``) and the cells that would give them away (``"×"``) so that no one can be recognised.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from itertools import pairwise

from steunpunt.domain.errors import ValidationFailed

Cell = int | str
"""A count, a hidden count (``"<5"`` or ``"×"``), an amount, or a label."""


@dataclass(frozen=True)
class ReportSettings:
    """Office settings of the report."""

    suppress_below: int = 5
    """Counts from 1 up to this number (not included) are shown as ``"<5"``; 0 shows all.
    1 and 2 are refused: ``"<2"`` would say the count is exactly 1."""
    age_brackets: tuple[int, ...] = (18, 25, 45, 65, 80)
    """Lower bounds of the age brackets after the first: <18, 18-24, 25-44, 45-64, 65-79, 80+."""

    def check(self) -> ReportSettings:
        errors: dict[str, str] = {}
        if not (self.suppress_below == 0 or 3 <= self.suppress_below <= 20):
            errors["suppress_below"] = (
                "Kies een drempel van 3 tot en met 20, of 0 (niets verbergen): "
                "bij 2 zou '<2' precies 1 betekenen."
            )
        bounds = self.age_brackets
        if not bounds or list(bounds) != sorted(set(bounds)) or bounds[0] < 1 or bounds[-1] > 110:
            errors["age_brackets"] = (
                "Vul oplopende leeftijden in tussen 1 en 110, gescheiden door komma's."
            )
        if errors:
            raise ValidationFailed(errors)
        return self

    def bracket_labels(self) -> tuple[str, ...]:
        """``("<18", "18-24", ..., "80+")`` for the bounds."""
        bounds = self.age_brackets
        labels = [f"<{bounds[0]}"]
        labels += [f"{low}-{high - 1}" for low, high in pairwise(bounds)]
        labels.append(f"{bounds[-1]}+")
        return tuple(labels)


def report_settings_to_json(settings: ReportSettings) -> str:
    return json.dumps(
        {"suppress_below": settings.suppress_below, "age_brackets": list(settings.age_brackets)}
    )


def report_settings_from_json(text: str) -> ReportSettings:
    """Stored settings; anything unreadable is the default."""
    try:
        data = json.loads(text)
        settings = ReportSettings(
            int(data.get("suppress_below", 5)),
            tuple(int(bound) for bound in data.get("age_brackets", (18, 25, 45, 65, 80))),
        )
        return settings.check()
    except (ValueError, TypeError, AttributeError, ValidationFailed):
        return ReportSettings()


@dataclass(frozen=True)
class ReportTable:
    """One table: a title, column headers, and rows of a label followed by counts."""

    key: str
    """A short name (a worksheet name): ``"leeftijd"``."""
    title: str
    headers: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    note: str = ""
    chart: bool = False
    """Draw the first count column as a bar chart in the PDF."""


@dataclass(frozen=True)
class Headline:
    label: str
    value: Cell


@dataclass(frozen=True)
class Report:
    """Everything the verantwoording says about one gemeente (or all) over one period."""

    title: str
    organisation: str
    municipality: str
    """"" means every gemeente the steunpunt serves."""
    starts_on: date
    ends_on: date
    made_on: date
    suppress_below: int
    headlines: tuple[Headline, ...]
    tables: tuple[ReportTable, ...] = field(default_factory=tuple)

    def table(self, key: str) -> ReportTable:
        return next(table for table in self.tables if table.key == key)
