"""A contact moment with a caregiver: a call, a visit, a talk or an e-mail."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from steunpunt.domain.choices import ContactKind
from steunpunt.domain.errors import ValidationFailed
from steunpunt.domain.fields import (
    PERSON_PARSERS,
    check_not_future,
    choice_of,
    parse_fields,
    with_blanks,
)


@dataclass(frozen=True)
class ContactData:
    """One contact moment; ``staff_id`` is the staff member who had it."""

    contact_date: date
    kind: ContactKind
    staff_id: int | None
    note: str


CONTACT_PARSERS = {**PERSON_PARSERS, "kind": choice_of(ContactKind)}


def contact_from_form(raw: Mapping[str, str], staff_id: int | None, today: date) -> ContactData:
    """Parse a contact form; the date may be today or earlier."""
    values, errors = parse_fields(
        with_blanks(raw, ("contact_date", "note")), CONTACT_PARSERS, today
    )
    message = check_not_future(values.get("contact_date"), today, "De datum van het contact")
    if message:
        errors["contact_date"] = message
    if not values.get("kind") and "kind" not in errors:
        errors["kind"] = "Kies de soort contact."
    if errors:
        raise ValidationFailed(errors)
    return ContactData(
        values["contact_date"], ContactKind(values["kind"]), staff_id, values["note"]
    )
