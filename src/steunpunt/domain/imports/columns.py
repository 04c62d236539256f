"""Which column of an imported file holds what: the fields, the header row, guessed and saved mappings."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from steunpunt.domain.errors import InvalidValue
from steunpunt.domain.imports.cells import Cell, cell_text
from steunpunt.domain.text import fold


class ImportField(StrEnum):
    """What a column of an imported file can be read as (the value is stored in saved mappings)."""

    FULL_NAME = "full_name"
    SALUTATION = "salutation"
    INITIALS = "initials"
    FIRST_NAME = "first_name"
    INFIX = "infix"
    LAST_NAME = "last_name"
    ADDRESS = "address"
    STREET = "street"
    HOUSE_NUMBER = "house_number"
    SUFFIX = "house_number_suffix"
    POSTCODE = "postcode"
    PLACE = "place"
    POSTCODE_PLACE = "postcode_place"
    PHONE = "phone"
    SECOND_PHONE = "second_phone"
    EMAIL = "email"
    BIRTH_DATE = "birth_date"
    CARE_RECIPIENT = "care_recipient"
    RELATION = "relation"
    HOURS = "hours_per_week"
    REGISTERED_ON = "registered_on"
    IBAN = "iban"
    NOTES = "notes"
    SKIP = "skip"

    @property
    def label(self) -> str:
        """The Dutch name of the field, as the mapping screen shows it."""
        return _LABELS[self]


_LABELS = {
    ImportField.FULL_NAME: "Naam (volledig)",
    ImportField.SALUTATION: "Aanhef",
    ImportField.INITIALS: "Voorletters",
    ImportField.FIRST_NAME: "Voornaam",
    ImportField.INFIX: "Tussenvoegsel",
    ImportField.LAST_NAME: "Achternaam",
    ImportField.ADDRESS: "Adres (straat en huisnummer)",
    ImportField.STREET: "Straat",
    ImportField.HOUSE_NUMBER: "Huisnummer",
    ImportField.SUFFIX: "Toevoeging",
    ImportField.POSTCODE: "Postcode",
    ImportField.PLACE: "Woonplaats",
    ImportField.POSTCODE_PLACE: "Postcode en woonplaats",
    ImportField.PHONE: "Telefoon",
    ImportField.SECOND_PHONE: "Tweede telefoon",
    ImportField.EMAIL: "E-mail",
    ImportField.BIRTH_DATE: "Geboortedatum",
    ImportField.CARE_RECIPIENT: "Naaste (naam)",
    ImportField.RELATION: "Relatie",
    ImportField.HOURS: "Uren per week",
    ImportField.REGISTERED_ON: "Ingeschreven",
    ImportField.IBAN: "IBAN",
    ImportField.NOTES: "Opmerking",
    ImportField.SKIP: "Niet importeren",
}

_HEADERS: Mapping[ImportField, tuple[str, ...]] = {
    ImportField.FULL_NAME: (
        "naam",
        "volledige naam",
        "naam mantelzorger",
        "mantelzorger",
        "naam aanvrager",
        "aanvrager",
        "name",
        "full name",
    ),
    ImportField.SALUTATION: ("aanhef", "geslacht", "m v", "dhr mevr", "titel"),
    ImportField.INITIALS: ("voorletters", "voorl", "initialen", "initials"),
    ImportField.FIRST_NAME: ("voornaam", "voornamen", "roepnaam", "first name"),
    ImportField.INFIX: ("tussenvoegsel", "tussenvoegsels", "tussenv", "tv", "voorvoegsel"),
    ImportField.LAST_NAME: ("achternaam", "familienaam", "geslachtsnaam", "last name", "surname"),
    ImportField.ADDRESS: (
        "adres",
        "straat en huisnummer",
        "straat huisnummer",
        "straat huisnr",
        "straat nr",
        "address",
        "woonadres",
    ),
    ImportField.STREET: ("straat", "straatnaam", "street"),
    ImportField.HOUSE_NUMBER: ("huisnummer", "huisnr", "nr", "nummer", "huisnummer toevoeging"),
    ImportField.SUFFIX: ("toevoeging", "toev", "huisnummertoevoeging", "huisletter"),
    ImportField.POSTCODE: ("postcode", "pc", "zip"),
    ImportField.PLACE: ("woonplaats", "plaats", "plaatsnaam", "city", "stad"),
    ImportField.POSTCODE_PLACE: (
        "postcode en woonplaats",
        "postcode woonplaats",
        "postcode en plaats",
        "postcode plaats",
        "pc woonplaats",
        "pc plaats",
    ),
    ImportField.PHONE: (
        "telefoon",
        "tel",
        "telefoonnummer",
        "telnr",
        "mobiel",
        "mobiel nummer",
        "06",
        "gsm",
        "phone",
    ),
    ImportField.SECOND_PHONE: ("telefoon 2", "tel 2", "telefoonnummer 2", "tweede telefoon"),
    ImportField.EMAIL: ("e mail", "email", "emailadres", "e mailadres", "mail", "mailadres"),
    ImportField.BIRTH_DATE: (
        "geboortedatum",
        "geb datum",
        "gebdatum",
        "geb",
        "geboren",
        "geboren op",
        "date of birth",
    ),
    ImportField.CARE_RECIPIENT: (
        "naaste",
        "naam naaste",
        "voor wie zorgt u",
        "zorgt voor",
        "zorgvrager",
        "naam zorgvrager",
        "verzorgde",
    ),
    ImportField.RELATION: (
        "relatie",
        "relatie tot naaste",
        "relatie naaste",
        "relatie met naaste",
        "wat is uw relatie",
        "verwantschap",
    ),
    ImportField.HOURS: (
        "uren",
        "uren p w",
        "uren pw",
        "uren per week",
        "uur per week",
        "aantal uren",
        "aantal uren per week",
        "zorguren",
    ),
    ImportField.REGISTERED_ON: (
        "ingeschreven",
        "ingeschreven op",
        "inschrijfdatum",
        "datum inschrijving",
        "aangemeld",
        "aanmelddatum",
        "datum aanmelding",
        "lid sinds",
    ),
    ImportField.IBAN: ("iban", "rekeningnummer", "bankrekening", "bankrekeningnummer", "rekening"),
    ImportField.NOTES: ("opmerking", "opmerkingen", "bijzonderheden", "notitie", "notities"),
}

_BY_HEADER: Mapping[str, ImportField] = {
    alias: import_field for import_field, aliases in _HEADERS.items() for alias in aliases
}
_NOT_WORD = re.compile(r"[\W_]+")
_REPEATABLE = frozenset({ImportField.NOTES, ImportField.SKIP})
"""Fields more than one column may go to; a second phone column is the second phone."""


def header_key(header: Cell) -> str:
    """``"Geb. datum:"`` -> ``"geb datum"``: a header without case, accents and punctuation."""
    return " ".join(_NOT_WORD.sub(" ", fold(cell_text(header))).split())


_PREFIX_FIELDS = frozenset(
    {
        ImportField.PHONE,
        ImportField.EMAIL,
        ImportField.BIRTH_DATE,
        ImportField.NOTES,
        ImportField.IBAN,
        ImportField.REGISTERED_ON,
        ImportField.FIRST_NAME,
        ImportField.LAST_NAME,
        ImportField.INITIALS,
    }
)
"""Fields whose header may go on after its name ("Telefoon privé", "Opmerkingen steunpunt")."""
_PREFIXES = sorted(
    (alias for alias, named in _BY_HEADER.items() if named in _PREFIX_FIELDS and len(alias) > 2),
    key=len,
    reverse=True,
)
_ABOUT_THE_NAASTE = frozenset({"naaste", "zorgvrager", "verzorgde", "hulpvrager"})
_BETWEEN_BRACKETS = re.compile(r"\([^)]*\)")


def guess_field(header: Cell) -> ImportField | None:
    """The field a header names, or None when it is not recognised."""
    text = cell_text(header)
    key = header_key(text)
    known = _BY_HEADER.get(key) or _BY_HEADER.get(header_key(_BETWEEN_BRACKETS.sub(" ", text)))
    if known is not None or not key or _ABOUT_THE_NAASTE.intersection(key.split()):
        return known  # "Geboortedatum naaste" is not the caregiver's birth date
    return next((_BY_HEADER[alias] for alias in _PREFIXES if key.startswith(alias + " ")), None)


HEADER_SEARCH_ROWS = 50
"""The header row is looked for in the first rows only: below them the data has begun."""


def find_header_row(rows: Sequence[Sequence[Cell]]) -> int:
    """The index of the header row: the first row whose filled cells are mostly recognised
    headers (title and empty rows above it are passed over); else the first filled row."""
    first_filled: int | None = None
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        filled = [cell for cell in row if cell_text(cell)]
        if not filled:
            continue
        if first_filled is None:
            first_filled = index
        known = sum(1 for cell in filled if guess_field(cell) is not None)
        if known >= 2 and known * 2 >= len(filled):
            return index
    return first_filled or 0


def guess_mapping(headers: Sequence[Cell]) -> dict[int, ImportField]:
    """Column index -> field for every recognised header; a field goes to its first column only
    (a second phone column is read as the second phone, every opmerking column as notes)."""
    mapping: dict[int, ImportField] = {}
    for index, header in enumerate(headers):
        guessed = guess_field(header)
        if guessed is None:
            continue
        if guessed is ImportField.PHONE and ImportField.PHONE in mapping.values():
            guessed = ImportField.SECOND_PHONE
        if guessed in mapping.values() and guessed not in _REPEATABLE:
            continue
        mapping[index] = guessed
    return mapping


@dataclass(frozen=True)
class SavedMapping:
    """A mapping kept by name for next year's file: header text (as :func:`header_key`) -> field."""

    fields: Mapping[str, ImportField] = field(default_factory=dict)

    @classmethod
    def of(cls, headers: Sequence[Cell], mapping: Mapping[int, ImportField]) -> SavedMapping:
        """The mapping a person chose for ``headers``; a column not mapped is kept as skipped."""
        fields: dict[str, ImportField] = {}
        for index, header in enumerate(headers):
            key = header_key(header)
            if key:
                fields.setdefault(key, mapping.get(index, ImportField.SKIP))
        return cls(fields)

    def to_json(self) -> str:
        """The mapping as JSON text, for the database."""
        return json.dumps({key: value.value for key, value in self.fields.items()}, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> SavedMapping:
        """The mapping stored by :meth:`to_json`; a field this version does not know is left out."""
        try:
            stored = json.loads(text)
        except ValueError as error:
            raise InvalidValue("De bewaarde kolomindeling is beschadigd.") from error
        if not isinstance(stored, dict):
            raise InvalidValue("De bewaarde kolomindeling is beschadigd.")
        known = ImportField._value2member_map_
        return cls(
            {
                str(key): ImportField(value)
                for key, value in stored.items()
                if isinstance(value, str) and value in known
            }
        )


def apply_saved(headers: Sequence[Cell], saved: SavedMapping) -> dict[int, ImportField]:
    """The saved mapping applied to this file's headers, in whatever order its columns are now;
    a header the saved mapping does not know is guessed."""
    mapping: dict[int, ImportField] = {}
    guessed = guess_mapping(headers)
    for index, header in enumerate(headers):
        chosen = saved.fields.get(header_key(header), guessed.get(index))
        if chosen is not None and chosen is not ImportField.SKIP:
            mapping[index] = chosen
    return mapping
