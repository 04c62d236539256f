"""The inzage dossier: everything the program holds about one person, in sections of rows."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

from steunpunt.domain.dates import format_date

EMPTY = "geen gegevens"
"""What a section without rows says."""


@dataclass(frozen=True)
class DossierSection:
    """One heading with a table: its columns and its rows as the reader sees them."""

    key: str
    heading: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Dossier:
    """An inzage export of one caregiver or naaste."""

    person: str
    """The person's name as the title shows it."""
    about: str
    """"mantelzorger" or "naaste"."""
    made_on: date
    sections: tuple[DossierSection, ...]
    caregiver_id: int | None = None
    care_recipient_id: int | None = None
    """Whom it is about (one of the two), for the audit trail."""

    def section(self, key: str) -> DossierSection:
        return next(section for section in self.sections if section.key == key)


def dossier_json(dossier: Dossier) -> str:
    """The dossier as JSON: every section, each row an object by column."""
    return json.dumps(
        {
            "persoon": dossier.person,
            "soort": dossier.about,
            "gemaakt_op": dossier.made_on.isoformat(),
            "secties": {
                section.key: {
                    "kop": section.heading,
                    "rijen": [dict(zip(section.columns, row, strict=True)) for row in section.rows],
                }
                for section in dossier.sections
            },
        },
        ensure_ascii=False,
        indent=2,
    )


def text_of(value: object) -> str:
    """A value as the dossier shows it: dates the Dutch way, nothing as empty."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, date):
        return format_date(value)
    return str(value)
