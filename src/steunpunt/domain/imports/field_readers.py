"""Which reader reads each import field, and into which part of the row (caregiver, naaste, relation)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date

from steunpunt.domain.imports.address_reader import (
    read_address,
    read_house_number,
    read_place,
    read_postcode,
    read_postcode_place,
)
from steunpunt.domain.imports.cells import Cell
from steunpunt.domain.imports.columns import ImportField
from steunpunt.domain.imports.contact_reader import read_email, read_iban, read_phone
from steunpunt.domain.imports.date_reader import read_date
from steunpunt.domain.imports.hours_reader import read_hours
from steunpunt.domain.imports.name_reader import (
    read_full_name,
    read_name_part,
    read_salutation,
    read_surname,
)
from steunpunt.domain.imports.readings import Reading
from steunpunt.domain.imports.relation_reader import read_relation
from steunpunt.domain.input_policy import normalise_text
from steunpunt.domain.names import normalize_infix

CAREGIVER = "caregiver"
CARE_RECIPIENT = "care_recipient"
RELATION = "relation"

Reader = Callable[[Cell, str, date], Reading]
"""A reader of one cell, given the cell, its text (:func:`cell_text`) and today."""


@dataclass(frozen=True)
class FieldReader:
    """How one import field is read: the reader, the part of the row, and the form field a
    problem is told on."""

    read: Reader
    part: str
    problem_field: str


def _text(read: Callable[[str], Reading]) -> Reader:
    """A reader of the cell's text."""
    return lambda _cell, text, _today: read(text)


def _cell(read: Callable[[Cell], Reading]) -> Reader:
    """A reader of the cell itself (a number or a date as such)."""
    return lambda cell, _text, _today: read(cell)


def _as_is(field: str) -> Reader:
    """The cell's text as it is: the form tidies it (voorletters, toevoeging)."""
    return lambda _cell, text, _today: Reading({field: text} if text else {})


def _notes(cell: Cell, text: str, _today: date) -> Reading:
    """An opmerking keeps its line breaks."""
    kept = normalise_text(cell).strip() if isinstance(cell, str) else text
    return Reading({"notes": kept} if kept else {})


def _infix(_cell: Cell, text: str, _today: date) -> Reading:
    """A tussenvoegsel in small letters (``Van Der`` -> ``van der``)."""
    infix = normalize_infix(text)
    return Reading({"infix": infix} if infix else {})


def _care_recipient(_cell: Cell, text: str, _today: date) -> Reading:
    """The naaste's name: the naaste form has no aanhef or voorletters, so voorletters alone
    stand in for the voornaam (``mevr. A. Jansen`` -> ``A.`` ``Jansen``)."""
    reading = read_full_name(text)
    values = dict(reading.values)
    initials = values.pop("initials", "")
    values.pop("salutation", None)
    if initials and "first_name" not in values:
        values["first_name"] = initials
    return Reading(values, reading.interpreted, reading.notes)


def _date(field: str) -> Reader:
    """A date for ``field``, a two-digit year read against today."""
    return lambda cell, _text, today: read_date(cell, field, today)


FIELD_READERS: Mapping[ImportField, FieldReader] = {
    ImportField.FULL_NAME: FieldReader(_text(read_full_name), CAREGIVER, "last_name"),
    ImportField.SALUTATION: FieldReader(_text(read_salutation), CAREGIVER, "salutation"),
    ImportField.INITIALS: FieldReader(_as_is("initials"), CAREGIVER, "initials"),
    ImportField.FIRST_NAME: FieldReader(
        _text(lambda text: read_name_part(text, "first_name")), CAREGIVER, "first_name"
    ),
    ImportField.INFIX: FieldReader(_infix, CAREGIVER, "infix"),
    ImportField.LAST_NAME: FieldReader(_text(read_surname), CAREGIVER, "last_name"),
    ImportField.ADDRESS: FieldReader(_text(read_address), CAREGIVER, "street"),
    ImportField.STREET: FieldReader(
        _text(lambda text: read_name_part(text, "street")), CAREGIVER, "street"
    ),
    ImportField.HOUSE_NUMBER: FieldReader(_cell(read_house_number), CAREGIVER, "house_number"),
    ImportField.SUFFIX: FieldReader(
        _as_is("house_number_suffix"), CAREGIVER, "house_number_suffix"
    ),
    ImportField.POSTCODE: FieldReader(_cell(read_postcode), CAREGIVER, "postcode"),
    ImportField.PLACE: FieldReader(_text(read_place), CAREGIVER, "place"),
    ImportField.POSTCODE_PLACE: FieldReader(_text(read_postcode_place), CAREGIVER, "postcode"),
    ImportField.PHONE: FieldReader(_cell(read_phone), CAREGIVER, "phone"),
    ImportField.SECOND_PHONE: FieldReader(_cell(read_phone), CAREGIVER, "phone"),
    ImportField.EMAIL: FieldReader(_cell(read_email), CAREGIVER, "email"),
    ImportField.BIRTH_DATE: FieldReader(_date("birth_date"), CAREGIVER, "birth_date"),
    ImportField.CARE_RECIPIENT: FieldReader(_care_recipient, CARE_RECIPIENT, "last_name"),
    ImportField.RELATION: FieldReader(_cell(read_relation), RELATION, "relation_type"),
    ImportField.HOURS: FieldReader(_cell(read_hours), RELATION, "hours_per_week"),
    ImportField.REGISTERED_ON: FieldReader(_date("registered_on"), CAREGIVER, "registered_on"),
    ImportField.IBAN: FieldReader(_cell(read_iban), CAREGIVER, "iban"),
    ImportField.NOTES: FieldReader(_notes, CAREGIVER, "notes"),
}
"""Every import field but "niet importeren"."""


def qualified(part: str, field: str) -> str:
    """``"postcode"``, ``"care_recipient.last_name"``: a form field as the row names it."""
    return field if part == CAREGIVER else f"{part}.{field}"
