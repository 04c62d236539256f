"""What the duplicate use cases return: pairs with both people's summaries, proposals, merges."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True)
class PersonSummary:
    """One person of a pair, as the list and the merge dialog show them."""

    id: int
    name: str
    birth_date: date | None
    address: str
    phone: str
    email: str
    registered_on: date | None


@dataclass(frozen=True)
class DuplicatePair:
    """Two caregivers who are likely the same person, why, and how alike their names are."""

    first: PersonSummary
    second: PersonSummary
    reasons: tuple[str, ...]
    score: int


@dataclass(frozen=True)
class FieldChoice:
    """One field of a merge: both values as shown and whose value the merge proposes."""

    key: str
    label: str
    survivor_value: str
    other_value: str
    proposed_id: int
    """The caregiver whose value is proposed (the survivor's or the other's id)."""


@dataclass(frozen=True)
class MergeProposal:
    """Who survives a merge, each field's proposal, and the versions it was made from."""

    survivor: PersonSummary
    other: PersonSummary
    survivor_history: int
    other_history: int
    fields: tuple[FieldChoice, ...]
    versions: tuple[tuple[int, int], ...]
    """(caregiver id, version) of both people when the proposal was made."""


@dataclass(frozen=True)
class MergeResult:
    """A merge done: its id and how many rows moved to the survivor."""

    merge_id: int
    survivor_id: int
    moved: int


@dataclass(frozen=True)
class MergeRecord:
    """A merge in the list of merges that can be undone."""

    id: int
    survivor_id: int
    survivor_name: str
    merged_name: str
    merged_at: datetime
    merged_by: str
    undone_at: datetime | None
    undoable: bool
    """False once undone, or when the survivor's data was erased (the snapshot is gone)."""
