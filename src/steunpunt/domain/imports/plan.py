"""What an import will do with each row of a read file, before anything is written.

Every row is checked with the register's own form rules (``caregiver_from_form``,
``care_recipient_from_form``, ``relation_from_form``) and compared, with the one matching rule
(``domain/duplicates/similarity.py``), with the register's people and with the earlier rows of
the same file. Each row gets one outcome; the counts add up to the number of data rows.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from enum import StrEnum
from typing import TypeVar

from steunpunt.domain.audit import field_label
from steunpunt.domain.caregivers.care_recipient import (
    CareRecipientData,
    RelationData,
    care_recipient_from_form,
    relation_from_form,
)
from steunpunt.domain.caregivers.caregiver import CaregiverData, caregiver_from_form
from steunpunt.domain.dates import format_date
from steunpunt.domain.duplicates.similarity import MatchReason, PersonKey, likely_pairs
from steunpunt.domain.errors import InvalidValue, ValidationFailed
from steunpunt.domain.imports.read_row import ReadRow
from steunpunt.domain.phone import phone_digits

T = TypeVar("T")

NAASTE = "care_recipient."
RELATION = "relation."
"""Prefixes of the naaste's and the relation's fields in a row's problems."""


class Outcome(StrEnum):
    """What the import will do with a row, in the report's words."""

    NEW = "nieuw"
    LIKELY_EXISTING = "bestaat waarschijnlijk al"
    REFUSED = "geweigerd"
    SKIPPED = "overgeslagen"


class Action(StrEnum):
    """What the person chose for a row before importing."""

    MERGE = "samenvoegen"
    NEW = "nieuw"
    SKIP = "overslaan"


@dataclass(frozen=True)
class Candidate:
    """Someone a row is likely to be: a caregiver in the register or an earlier row of the file."""

    name: str
    score: int
    reasons: tuple[MatchReason, ...]
    caregiver_id: int | None = None
    source_row: int | None = None

    @property
    def described(self) -> str:
        """``"Jan de Vries (nr. 12): zelfde adres, score 96"`` or ``"… (rij 5 van dit bestand)"``."""
        where = f"nr. {self.caregiver_id}" if self.source_row is None else f"rij {self.source_row}"
        why = ", ".join(reason.value for reason in self.reasons)
        return f"{self.name} ({where}): {why}, score {self.score}"


@dataclass(frozen=True)
class Person:
    """A row read into the register's own records: the caregiver, and the naaste it names."""

    caregiver: CaregiverData
    care_recipient: CareRecipientData | None = None
    relation: RelationData | None = None


@dataclass(frozen=True)
class PlannedRow:
    """One data row of the file and what the import will do with it."""

    read: ReadRow
    outcome: Outcome
    person: Person | None = None
    candidates: tuple[Candidate, ...] = ()
    """For a likely existing person, strongest first: the default is to merge into the first."""
    problems: Mapping[str, str] = field(default_factory=dict)
    """For a refused row: the Dutch reason per field."""
    skip_reason: str = ""

    @property
    def source_row(self) -> int:
        return self.read.source_row

    @property
    def reasons(self) -> tuple[str, ...]:
        """Why the row has its outcome, one Dutch line per reason (none for a new row)."""
        if self.outcome is Outcome.REFUSED:
            return tuple(f"{problem_label(name)}: {text}" for name, text in self.problems.items())
        if self.outcome is Outcome.SKIPPED:
            return (self.skip_reason,)
        return tuple(candidate.described for candidate in self.candidates)


@dataclass(frozen=True)
class PlanCounts:
    """How many rows get each outcome; together the number of data rows."""

    data_rows: int
    new: int
    likely_existing: int
    refused: int
    skipped: int

    @property
    def adds_up(self) -> bool:
        return self.new + self.likely_existing + self.refused + self.skipped == self.data_rows

    @property
    def summary(self) -> str:
        """The counts in one Dutch sentence that says they add up (or that they do not)."""
        parts = (
            f"{self.new} nieuw, {self.likely_existing} bestaat waarschijnlijk al, "
            f"{self.refused} geweigerd, {self.skipped} overgeslagen"
        )
        total = self.new + self.likely_existing + self.refused + self.skipped
        verdict = "samen" if self.adds_up else "samen maar"
        return f"{self.data_rows} gegevensrijen: {parts}; {verdict} {total}."


@dataclass(frozen=True)
class ImportPlan:
    """Every data row of a file with its outcome, and the counts."""

    rows: tuple[PlannedRow, ...]

    @property
    def counts(self) -> PlanCounts:
        outcomes = [row.outcome for row in self.rows]
        return PlanCounts(
            len(outcomes),
            outcomes.count(Outcome.NEW),
            outcomes.count(Outcome.LIKELY_EXISTING),
            outcomes.count(Outcome.REFUSED),
            outcomes.count(Outcome.SKIPPED),
        )


def problem_label(name: str) -> str:
    """The Dutch name of a field in a row's problems: ``care_recipient.last_name`` is the
    naaste's achternaam, ``relation.relation_type`` the relatie."""
    if name.startswith(NAASTE):
        return f"naaste: {field_label(name.removeprefix(NAASTE))}"
    return field_label(name.removeprefix(RELATION))


def check_row(read: ReadRow, today: date) -> PlannedRow:
    """A row checked on its own: skipped, refused with the reason per field, or new."""
    if read.skip is not None:
        return PlannedRow(read, Outcome.SKIPPED, skip_reason=read.skip.value)
    problems = dict(read.problems)
    caregiver_form = dict(read.caregiver)
    if not caregiver_form.get("registered_on", "").strip():
        caregiver_form["registered_on"] = format_date(today)  # registered by this import
    caregiver = _checked(
        problems, "", lambda: caregiver_from_form(caregiver_form, frozenset(), False, today)
    )
    recipient = relation = None
    named = (*read.care_recipient.values(), *read.relation.values())
    if any(value.strip() for value in named):  # hours without a naaste: the naaste is missing
        recipient = _checked(
            problems,
            NAASTE,
            lambda: care_recipient_from_form(read.care_recipient, frozenset(), today),
        )
        relation = _checked(problems, RELATION, lambda: relation_from_form(read.relation, today))
    if problems or caregiver is None:
        return PlannedRow(read, Outcome.REFUSED, problems=problems)
    return PlannedRow(read, Outcome.NEW, Person(caregiver, recipient, relation))


def _checked(problems: dict[str, str], prefix: str, parse: Callable[[], T]) -> T | None:
    """``parse()``, or None with its messages added to ``problems`` (the reader's come first)."""
    try:
        return parse()
    except ValidationFailed as failed:
        for name, message in failed.errors.items():
            problems.setdefault(f"{prefix}{name}", message)
        return None


def person_key(key: int, caregiver: CaregiverData) -> PersonKey:
    """What the matching rule compares of ``caregiver``, under the id ``key``."""
    name, address = caregiver.name, caregiver.address
    return PersonKey(
        key,
        name.first_name,
        name.infix,
        name.last_name,
        name.initials,
        caregiver.birth_date,
        address.postcode,
        address.house_number,
        phone_digits(caregiver.phone),
        caregiver.email,
    )


RegisterNames = Callable[[Collection[int]], Mapping[int, str]]
"""The names of the register's caregivers with the given ids (for the candidates shown)."""


def make_plan(
    reads: Sequence[ReadRow],
    today: date,
    register: Iterable[PersonKey],
    register_names: RegisterNames,
) -> ImportPlan:
    """Check every row, then find who each new row likely is: an earlier row of the file that
    is exactly the same (skipped as a repeat), a similar earlier row, or a caregiver in the
    register (both: likely existing)."""
    rows = [check_row(read, today) for read in reads]
    first_of: dict[Person, int] = {}
    keys: list[PersonKey] = []
    names: dict[int, str] = {}
    for index, row in enumerate(rows):
        if row.person is None:
            continue
        earlier = first_of.setdefault(row.person, row.source_row)
        if earlier != row.source_row:
            rows[index] = replace(
                row, outcome=Outcome.SKIPPED, skip_reason=f"herhaling van rij {earlier}"
            )
            continue
        keys.append(person_key(row.source_row, row.person.caregiver))
        names[row.source_row] = row.person.caregiver.name.full
    found: dict[int, list[Candidate]] = {}
    for pair in likely_pairs(keys):
        # within the file the later row is the likely repeat of the earlier one
        earlier, later = sorted((pair.first_id, pair.second_id))
        found.setdefault(later, []).append(
            Candidate(names[earlier], pair.score, pair.reasons, source_row=earlier)
        )
    in_register = likely_pairs(keys, against=register)
    register_name = register_names({pair.second_id for pair in in_register})
    for pair in in_register:
        found.setdefault(pair.first_id, []).append(
            Candidate(
                register_name.get(pair.second_id, ""),
                pair.score,
                pair.reasons,
                caregiver_id=pair.second_id,
            )
        )
    for index, row in enumerate(rows):
        candidates = found.get(row.source_row)
        if candidates and row.outcome is Outcome.NEW:
            candidates.sort(key=lambda candidate: (-candidate.score, -len(candidate.reasons)))
            rows[index] = replace(
                row, outcome=Outcome.LIKELY_EXISTING, candidates=tuple(candidates)
            )
    return ImportPlan(tuple(rows))


class Written(StrEnum):
    """What an import did with a row it wrote (stored in ``import_row.outcome``)."""

    NEW = "nieuw"
    MERGED = "samengevoegd"


CHOICES_FOR: Mapping[Outcome, frozenset[Action]] = {
    Outcome.NEW: frozenset({Action.NEW, Action.SKIP}),
    Outcome.LIKELY_EXISTING: frozenset({Action.MERGE, Action.NEW, Action.SKIP}),
}
"""What the person may choose for a row of each outcome (refused and skipped rows: nothing)."""
DEFAULT_ACTION: Mapping[Outcome, Action] = {
    Outcome.NEW: Action.NEW,
    Outcome.LIKELY_EXISTING: Action.MERGE,
}


def chosen_actions(plan: ImportPlan, choices: Mapping[int, Action]) -> dict[int, Action]:
    """The action for every row that will be written (by source row), the defaults where the
    person chose nothing; a choice a row cannot have is refused in Dutch."""
    rows = {row.source_row: row for row in plan.rows}
    for source_row, action in choices.items():
        row = rows.get(source_row)
        if row is None:
            raise InvalidValue(f"Rij {source_row} staat niet in het bestand.")
        if action not in CHOICES_FOR.get(row.outcome, frozenset()):
            raise InvalidValue(
                f"Rij {source_row} ({row.outcome.value}) kan niet '{action}' worden."
            )
    return {
        row.source_row: choices.get(row.source_row, DEFAULT_ACTION[row.outcome])
        for row in plan.rows
        if row.outcome in DEFAULT_ACTION
    }
