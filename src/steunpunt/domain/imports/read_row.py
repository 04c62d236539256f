"""One row of an imported file as the readers read it: the register's form values and what
was interpreted on the way (the contract between reading a file and importing it)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum


class SkipReason(StrEnum):
    """Why a row of the file holds no person (the report says it in these words)."""

    EMPTY = "lege rij"
    TOTAL = "totaalrij"


@dataclass(frozen=True)
class Interpretation:
    """A value the import had to interpret: the text in the file and how it was read."""

    field: str
    """The form field it went to (``"postcode"``, ``"birth_date"``, ``"care_recipient.last_name"``)."""
    original: str
    read_as: str


@dataclass(frozen=True)
class ReadRow:
    """One data row of the file, read into the register's form fields (all text, as a person
    would type them in the caregiver form), before the register's own rules check it."""

    source_row: int
    """The row number as the spreadsheet program shows it (the first row is 1)."""
    original: tuple[str, ...]
    """The row's cells as text, as in the file, for the report."""
    caregiver: Mapping[str, str] = field(default_factory=dict)
    """Caregiver form fields: salutation, initials, first_name, infix, last_name, birth_date,
    street, house_number, house_number_suffix, postcode, place, phone, email, iban,
    registered_on, notes."""
    care_recipient: Mapping[str, str] = field(default_factory=dict)
    """The naaste's form fields (first_name, infix, last_name); empty when the row names none."""
    relation: Mapping[str, str] = field(default_factory=dict)
    """relation_type (a RelationType value) and hours_per_week; empty when not in the file."""
    interpretations: tuple[Interpretation, ...] = ()
    problems: Mapping[str, str] = field(default_factory=dict)
    """Per field, the Dutch reason a cell could not be read (the row is then refused)."""
    skip: SkipReason | None = None
