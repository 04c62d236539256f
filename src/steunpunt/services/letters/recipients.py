"""Who a mailing reaches: the recipients of a filter or of chosen people, and who is left out."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import select

from steunpunt.db.letters.mailing_queries import (
    addressees_query,
    naasten_query,
    reason_counts_query,
    recipients_query,
)
from steunpunt.domain.choices import LeftOutReason
from steunpunt.domain.letters.addressee import Addressee
from steunpunt.domain.letters.recipient_filter import RecipientFilter
from steunpunt.domain.names import PersonName
from steunpunt.services.kernel.errors import NotAllowed
from steunpunt.services.kernel.session_scope import SessionScope
from steunpunt.services.letters.dto import LeftOut, RecipientCount, RecipientSelection
from steunpunt.services.letters.mailing_rows import (
    caregiver_addressee,
    left_out_line,
    naaste_addressee,
    reason_and_name,
)


def select_recipients(
    scope: SessionScope,
    today: date,
    criteria: RecipientFilter | None,
    caregiver_ids: Sequence[int] = (),
    naasten: Sequence[tuple[int, int]] = (),
    post_consent: bool = False,
) -> RecipientSelection:
    """Who the filter (or the chosen people) reaches, and who is left out with the reason
    (``MailingService.select_recipients``)."""
    if naasten:
        return _select_naasten(scope, naasten)
    if criteria is None:
        query = addressees_query(list(caregiver_ids), today, scope.dialect, post_consent)
    else:
        query = recipients_query(criteria.check(), today, scope.dialect)
    included: list[Addressee] = []
    left_out: list[LeftOut] = []
    with scope() as session:
        for row in session.connection().execute(query):
            if row.reason is None:
                included.append(caregiver_addressee(row))
            else:
                left_out.append(left_out_line(row))
    left_out.sort(key=reason_and_name)
    return RecipientSelection(tuple(included), tuple(left_out))


def _select_naasten(scope: SessionScope, pairs: Sequence[tuple[int, int]]) -> RecipientSelection:
    query = naasten_query(sorted({naaste for _caregiver, naaste in pairs}), scope.dialect)
    with scope() as session:
        rows = {row.id: row for row in session.connection().execute(query)}
    included: list[Addressee] = []
    left_out: list[LeftOut] = []
    for caregiver_id, naaste_id in pairs:
        row = rows.get(naaste_id)
        if row is None:
            raise NotAllowed("Een van de naasten bestaat niet meer. Er is niets gemaakt.")
        if row.reason is None:
            included.append(naaste_addressee(caregiver_id, row))
        else:
            name = PersonName(row.first_name, row.infix, row.last_name)
            left_out.append(
                LeftOut(caregiver_id, name.sorted_form, LeftOutReason(row.reason), name.sort_key)
            )
    return RecipientSelection(tuple(included), tuple(sorted(left_out, key=reason_and_name)))


def count_recipients(scope: SessionScope, today: date, criteria: RecipientFilter) -> RecipientCount:
    """How many the filter reaches and leaves out per reason, without loading anyone."""
    query = reason_counts_query(criteria.check(), today, scope.dialect)
    with scope() as session:
        counts = {reason: int(count) for reason, count in session.execute(query)}
    included = counts.pop(None, 0)
    return RecipientCount(
        included, {LeftOutReason(reason): count for reason, count in counts.items()}
    )


def left_out(scope: SessionScope, today: date, criteria: RecipientFilter) -> list[LeftOut]:
    """Who the filter names but gets no letter, by reason and name."""
    inner = recipients_query(criteria.check(), today, scope.dialect).subquery()
    with scope() as session:
        rows = session.connection().execute(select(inner).where(inner.c.reason.is_not(None)))
        people = [left_out_line(row) for row in rows]
    return sorted(people, key=reason_and_name)
