"""The likely pairs of the whole register, found once and kept until the register changes.

The duplicate scan and the compliment round's fraud check both need them; finding them reads
every caregiver (seconds at 100,000), while judging a round happens on every decision. So the
pairs are kept and forgotten when a committed change touches the caregivers or the decisions
("niet dezelfde", merges): the next caller finds them again. A change another program makes to
a shared database is seen after the next change made here.
"""

from __future__ import annotations

import threading
import weakref

from sqlalchemy.orm import Session

from steunpunt.db.duplicates.queries import decided_pairs, person_keys
from steunpunt.domain.duplicates.similarity import LikelyPair, likely_pairs
from steunpunt.services.kernel.changes import ChangeFeed, Changes, Topic

TOPICS = (Topic.CAREGIVERS, Topic.DUPLICATES)
"""Changes after which the pairs are found again."""


class RegisterPairs:
    """Every likely pair in the register not decided "niet dezelfde", strongest first."""

    def __init__(self, changes: ChangeFeed) -> None:
        self._lock = threading.Lock()
        self._pairs: list[LikelyPair] | None = None
        self._generation = 0
        kept = weakref.ref(self)

        def heard(announced: Changes) -> None:
            # weakly: the feed outlives the services bound to one user
            alive = kept()
            if alive is None:
                unsubscribe()
            elif announced.touches(TOPICS):
                alive.forget()

        unsubscribe = changes.subscribe(heard)

    def forget(self) -> None:
        """Find the pairs again on the next call."""
        with self._lock:
            self._pairs = None
            self._generation += 1

    def pairs(self, session: Session) -> list[LikelyPair]:
        """The pairs, found in ``session`` when none are kept (or the register changed since)."""
        with self._lock:
            kept, generation = self._pairs, self._generation
        if kept is not None:
            return kept
        decided = decided_pairs(session)
        found = [
            pair
            for pair in likely_pairs(person_keys(session))
            if (pair.first_id, pair.second_id) not in decided
        ]
        with self._lock:
            if generation == self._generation:  # no change was committed while finding them
                self._pairs = found
        return found
