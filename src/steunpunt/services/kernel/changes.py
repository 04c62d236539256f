"""What a committed session changed, by topic, and the feed that hands it to listeners."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from enum import Enum

log = logging.getLogger(__name__)


class Topic(Enum):
    """A part of the register that screens show; every table belongs to exactly one."""

    CAREGIVERS = "caregivers"
    CARE_RECIPIENTS = "care_recipients"
    CONTACTS = "contacts"
    BURDEN = "burden"
    REFERRALS = "referrals"
    PARTNERS = "partners"
    HOUSEHOLD_HELP = "household_help"
    WORKLIST = "worklist"
    SETTINGS = "settings"
    COMPLIMENT = "compliment"
    LETTERS = "letters"
    TEMPLATES = "templates"
    STAFF = "staff"
    AUDIT = "audit"
    IMPORTS = "imports"
    DUPLICATES = "duplicates"


TABLE_TOPICS: Mapping[str, Topic] = {
    "caregiver": Topic.CAREGIVERS,
    "consent": Topic.CAREGIVERS,
    "care_recipient": Topic.CARE_RECIPIENTS,
    "care_relation": Topic.CARE_RECIPIENTS,
    "contact": Topic.CONTACTS,
    "burden_assessment": Topic.BURDEN,
    "referral": Topic.REFERRALS,
    "partner": Topic.PARTNERS,
    "household_help_grant": Topic.HOUSEHOLD_HELP,
    "household_help_month": Topic.HOUSEHOLD_HELP,
    "household_help_rate": Topic.HOUSEHOLD_HELP,
    "worklist_mark": Topic.WORKLIST,
    "office_setting": Topic.SETTINGS,
    "compliment_round": Topic.COMPLIMENT,
    "compliment_application": Topic.COMPLIMENT,
    "application_event": Topic.COMPLIMENT,
    "payment_batch": Topic.COMPLIMENT,
    "payment_reversal": Topic.COMPLIMENT,
    "mailing": Topic.LETTERS,
    "sent_letter": Topic.LETTERS,
    "letter_template": Topic.TEMPLATES,
    "saved_filter": Topic.TEMPLATES,
    "house_style": Topic.TEMPLATES,
    "house_style_snapshot": Topic.TEMPLATES,
    "staff_member": Topic.STAFF,
    "caregiver_assignment": Topic.CAREGIVERS,
    "audit_event": Topic.AUDIT,
    "import_run": Topic.IMPORTS,
    "import_row": Topic.IMPORTS,
    "import_mapping": Topic.IMPORTS,
    "duplicate_decision": Topic.DUPLICATES,
    "caregiver_merge": Topic.DUPLICATES,
}
"""The topic of every table; a test checks that no table is left out."""

CAREGIVER_KEYS: Mapping[str, str] = {
    "caregiver": "id",
    "audit_event": "",
    "caregiver_merge": "survivor_id",
    "duplicate_decision": "first_caregiver_id",
}
"""The column naming the caregiver a row is about: ``caregiver_id`` unless listed here. An
audit row names none: viewing a record writes one, and the screens showing that record must
not refresh (and view it again) because of it."""
ROUND_KEYS: Mapping[str, str] = {"compliment_round": "id", "audit_event": ""}
"""The column naming the compliment round a row is about: ``round_id`` unless listed here."""


@dataclass(frozen=True)
class Changes:
    """What one or more committed sessions wrote.

    The ids name the caregivers and rounds whose rows were written one by one; a statement that
    writes many rows at once (re-banding everyone) announces its topic without ids.
    """

    topics: frozenset[Topic] = frozenset()
    caregiver_ids: frozenset[int] = frozenset()
    round_ids: frozenset[int] = frozenset()

    def __bool__(self) -> bool:
        return bool(self.topics)

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            self.topics | other.topics,
            self.caregiver_ids | other.caregiver_ids,
            self.round_ids | other.round_ids,
        )

    def touches(self, topics: Iterable[Topic]) -> bool:
        """Whether any of ``topics`` changed."""
        return not self.topics.isdisjoint(topics)

    def only_caregiver(self) -> int | None:
        """The one caregiver written, when exactly one was."""
        return next(iter(self.caregiver_ids)) if len(self.caregiver_ids) == 1 else None


class ChangeRecorder:
    """Collects, during one session, what its flushes and statements wrote."""

    def __init__(self) -> None:
        self._topics: set[Topic] = set()
        self._caregiver_ids: set[int] = set()
        self._round_ids: set[int] = set()

    def row(self, table: str, values: Mapping[str, object]) -> None:
        """One row of ``table`` written; ``values`` are its loaded column values."""
        self._topics.add(TABLE_TOPICS[table])
        caregiver_id = values.get(CAREGIVER_KEYS.get(table, "caregiver_id"))
        if isinstance(caregiver_id, int):
            self._caregiver_ids.add(caregiver_id)
        round_id = values.get(ROUND_KEYS.get(table, "round_id"))
        if isinstance(round_id, int):
            self._round_ids.add(round_id)

    def table(self, table: str) -> None:
        """A statement that wrote any number of rows of ``table`` at once."""
        self._topics.add(TABLE_TOPICS[table])

    def changes(self) -> Changes:
        return Changes(
            frozenset(self._topics), frozenset(self._caregiver_ids), frozenset(self._round_ids)
        )


Listener = Callable[[Changes], None]


class ChangeFeed:
    """Hands the changes of every committed session to its listeners, on the committing thread."""

    def __init__(self) -> None:
        self._listeners: list[Listener] = []
        self._lock = threading.Lock()

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call ``listener`` after every commit that changed something; returns the unsubscribe."""
        with self._lock:
            self._listeners.append(listener)

        def unsubscribe() -> None:
            with self._lock:
                if listener in self._listeners:
                    self._listeners.remove(listener)

        return unsubscribe

    def publish(self, changes: Changes) -> None:
        """Tell every listener; one that fails is logged and does not stop the others."""
        with self._lock:
            listeners = list(self._listeners)
        for listener in listeners:
            try:
                listener(changes)
            except Exception:
                log.exception("A change listener failed")
