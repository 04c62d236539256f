"""Reading the data rows of an imported sheet into read rows: every row accounted for."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date

from steunpunt.domain.errors import InvalidValue
from steunpunt.domain.imports.cells import Cell, cell_text, is_number
from steunpunt.domain.imports.columns import ImportField
from steunpunt.domain.imports.field_readers import (
    CARE_RECIPIENT,
    CAREGIVER,
    FIELD_READERS,
    RELATION,
    qualified,
)
from steunpunt.domain.imports.read_row import Interpretation, ReadRow, SkipReason
from steunpunt.domain.text import fold

TOTAL_WORDS = frozenset(
    {"totaal", "tot", "totalen", "subtotaal", "som", "aantal", "gemiddeld", "gemiddelde", "total"}
)
"""Words that start the label of a total row (``Totaal``, ``Tot.``, ``Aantal mantelzorgers``)."""
_FIGURE = re.compile(r"^[€\s]*-?[\d.,\s]*\d[\d.,\s]*%?$")
"""Text that is a figure (``1.234``, ``€ 10,50``), as a total row holds."""
_FIRST_WORD = re.compile(r"[^\W\d_]+")
LONGEST_VALUE = 300
"""A cell longer than this holds no name, address, number or date (and would keep the readers
busy for seconds); only an opmerking may be longer."""


def read_rows(
    rows: Sequence[Sequence[Cell]],
    header_row: int,
    mapping: Mapping[int, ImportField],
    today: date,
) -> list[ReadRow]:
    """One read row for every row below ``header_row`` (an index into ``rows``); an empty or a
    total row is skipped with its reason, a cell that cannot be read is a problem of its field."""
    columns = sorted(
        (index, chosen) for index, chosen in mapping.items() if chosen is not ImportField.SKIP
    )
    return [
        read_row(index + 1, rows[index], columns, today)
        for index in range(header_row + 1, len(rows))
    ]


def read_row(
    source_row: int,
    cells: Sequence[Cell],
    columns: Sequence[tuple[int, ImportField]],
    today: date,
) -> ReadRow:
    """Row ``source_row`` of the sheet read by ``columns`` (column index, field, in order)."""
    original = tuple(cell_text(cell) for cell in cells)
    if not any(original):
        return ReadRow(source_row, original, skip=SkipReason.EMPTY)
    if is_total_row(cells):
        return ReadRow(source_row, original, skip=SkipReason.TOTAL)
    parts: dict[str, dict[str, str]] = {CAREGIVER: {}, CARE_RECIPIENT: {}, RELATION: {}}
    interpretations: list[Interpretation] = []
    problems: dict[str, str] = {}
    remarks: list[str] = []  # the file's own opmerkingen
    kept: list[str] = []  # what the form has no other place for
    for index, chosen in columns:
        cell = cells[index] if index < len(cells) else None
        text = original[index] if index < len(original) else ""
        reader = FIELD_READERS[chosen]
        where = qualified(reader.part, reader.problem_field)
        if len(text) > LONGEST_VALUE and chosen is not ImportField.NOTES:
            problems.setdefault(where, f"Deze cel is te lang voor {chosen.label.lower()}.")
            continue
        try:
            reading = reader.read(cell, text, today)
        except InvalidValue as problem:
            problems.setdefault(where, problem.message)
            continue
        values = parts[reader.part]
        extra = list(reading.notes)
        for name, value in reading.values.items():
            if name == "notes":
                remarks.append(value)
            elif values.setdefault(name, value) != value:
                extra.append(text)  # a second value for a field already read: kept whole
            elif reading.interpreted:
                interpretations.append(Interpretation(qualified(reader.part, name), text, value))
        for part in dict.fromkeys(extra):
            line = f"{chosen.label}: {part}"
            kept.append(line)
            interpretations.append(Interpretation("notes", text, line))
    if remarks or kept:
        parts[CAREGIVER]["notes"] = "\n".join(remarks + kept)
    return ReadRow(
        source_row,
        original,
        caregiver=parts[CAREGIVER],
        care_recipient=parts[CARE_RECIPIENT],
        relation=parts[RELATION],
        interpretations=tuple(interpretations),
        problems=problems,
    )


def is_total_row(cells: Sequence[Cell]) -> bool:
    """Whether a row holds sums rather than a person: figures only, or one label such as
    ``Totaal`` or ``Tot.`` with figures (or nothing else) beside it."""
    labels: list[str] = []
    figures = 0
    for cell in cells:
        if is_number(cell):
            figures += 1
        elif isinstance(cell, str) and cell.strip():
            if _FIGURE.match(cell):
                figures += 1
            elif labels:
                return False  # two texts: a person's row
            else:
                labels.append(cell)
        elif cell is not None:
            return False  # a date or a truth value belongs to a person
    if not labels:
        return figures > 0
    first = _FIRST_WORD.search(fold(labels[0]))
    return first is not None and first.group() in TOTAL_WORDS
