"""Plain data the worklist service hands out: one line of the worklist."""

from __future__ import annotations

from datetime import date
from typing import Any, NamedTuple

from steunpunt.domain.names import full_name
from steunpunt.domain.today.worklist import WorkKind, work_detail


class WorkItem(NamedTuple):
    """One line of the worklist; ``key`` marks it done or snoozed (it changes with the facts).

    A named tuple whose texts are made when read: a worklist of 15,000 items is loaded in
    full, but only the rows on screen are ever shown.
    """

    key: str
    kind: WorkKind
    due_on: date | None
    who: tuple[str, ...]
    """The caregiver's name parts (voornaam, tussenvoegsel, achternaam), or a round's title."""
    facts: tuple[Any, ...]
    caregiver_id: int | None = None
    round_id: int | None = None

    @property
    def title(self) -> str:
        return full_name(*self.who) if len(self.who) == 3 else self.who[0]

    @property
    def detail(self) -> str:
        return work_detail(self.kind, self.facts)
