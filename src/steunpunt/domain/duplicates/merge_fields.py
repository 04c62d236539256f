"""The fields a merge chooses between, and which person's value the merge proposes.

The proposal is the most recent and most complete: a filled value wins over an empty one; when
both are filled and differ, the person updated most recently gives it. The registration date
is the earlier one (the person was registered since then), and "geen post" wins when either
asked for it. The survivor is the person with more history (applications, contacts,
measurements); on a tie, the one registered first (the lower id).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum


class Pick(Enum):
    """How a field's proposal is chosen."""

    RECENT = "recent"
    EARLIEST = "earliest"
    ANY_TRUE = "any_true"


@dataclass(frozen=True)
class MergeField:
    """One choice in the merge dialog: a label and the caregiver columns it sets together."""

    key: str
    label: str
    columns: tuple[str, ...]
    pick: Pick = Pick.RECENT
    blank: tuple[object, ...] = ("", None)
    """Values that count as empty."""


MERGE_FIELDS: tuple[MergeField, ...] = (
    MergeField("salutation", "Aanhef", ("salutation",), blank=("", None, "neutraal")),
    MergeField("initials", "Voorletters", ("initials",)),
    MergeField("first_name", "Voornaam", ("first_name",)),
    MergeField("infix", "Tussenvoegsel", ("infix",)),
    MergeField("last_name", "Achternaam", ("last_name",)),
    MergeField("birth_date", "Geboortedatum", ("birth_date",)),
    MergeField(
        "address",
        "Adres",
        ("street", "house_number", "house_number_suffix", "postcode", "place", "municipality"),
    ),
    MergeField("phone", "Telefoon", ("phone",)),
    MergeField("email", "E-mail", ("email",)),
    MergeField("iban", "IBAN", ("iban",)),
    MergeField("registered_on", "Ingeschreven op", ("registered_on",), Pick.EARLIEST),
    MergeField("source", "Hoe bij ons gekomen", ("source",)),
    MergeField("notes", "Notities", ("notes",)),
    MergeField("no_mail", "Geen post", ("no_mail",), Pick.ANY_TRUE, blank=(False, None)),
)
"""Every field a merge chooses, in the dialog's order; address columns go together."""

MERGE_COLUMNS: tuple[str, ...] = tuple(column for field in MERGE_FIELDS for column in field.columns)


def is_blank(field: MergeField, values: Sequence[object]) -> bool:
    """Whether every column of ``field`` is empty in ``values``."""
    return all(value in field.blank for value in values)


def proposed_side(
    field: MergeField, first: Sequence[object], second: Sequence[object], first_is_newer: bool
) -> int:
    """0 when the first person's value is proposed, 1 for the second's."""
    first_blank, second_blank = is_blank(field, first), is_blank(field, second)
    if first_blank != second_blank:
        return 1 if first_blank else 0
    if first_blank or tuple(first) == tuple(second):
        return 0
    if field.pick is Pick.EARLIEST:
        return 0 if first[0] <= second[0] else 1  # type: ignore[operator]
    if field.pick is Pick.ANY_TRUE:
        return 0 if first[0] else 1
    return 0 if first_is_newer else 1


def survivor_side(first_history: int, second_history: int, first_id: int, second_id: int) -> int:
    """0 when the first person survives the merge, 1 for the second."""
    if first_history != second_history:
        return 0 if first_history > second_history else 1
    return 0 if first_id < second_id else 1
