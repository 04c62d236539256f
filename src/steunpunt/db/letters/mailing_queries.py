"""The queries behind a mailing's recipients: caregivers by filter, or chosen caregivers or
naasten, each with what a letter needs and the reason they cannot get one."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, case, exists, func, literal, or_, select

from steunpunt.db.caregivers.models import Caregiver, CareRecipient, Consent
from steunpunt.db.compliment.models import ComplimentApplication, ComplimentRound
from steunpunt.db.letters.models import Mailing, SentLetter
from steunpunt.domain.age import AgeBracket, birth_date_range
from steunpunt.domain.choices import ConsentScope, LeftOutReason
from steunpunt.domain.compliment.status import ApplicationStatus
from steunpunt.domain.letters.recipient_filter import RecipientFilter

ADDRESSEE_COLUMNS: tuple[Any, ...] = (
    Caregiver.id,
    Caregiver.first_name,
    Caregiver.infix,
    Caregiver.last_name,
    Caregiver.initials,
    Caregiver.salutation,
    Caregiver.street,
    Caregiver.house_number,
    Caregiver.house_number_suffix,
    Caregiver.postcode,
    Caregiver.place,
    Caregiver.municipality,
)

NAASTE_COLUMNS: tuple[Any, ...] = (
    CareRecipient.id,
    CareRecipient.first_name,
    CareRecipient.infix,
    CareRecipient.last_name,
    CareRecipient.street,
    CareRecipient.house_number,
    CareRecipient.house_number_suffix,
    CareRecipient.postcode,
    CareRecipient.place,
    CareRecipient.municipality,
)

AddresseeSelect = Select[*tuple[Any, ...]]

GRANTED_STATUSES = (ApplicationStatus.GRANTED.value, ApplicationStatus.PAID.value)


def left_out_reason(today: date, dialect: str, post_consent: bool = True) -> Any:
    """Why a caregiver gets no letter, as a column (None: they get one). The order matters.

    With ``post_consent`` a caregiver whose last recorded consent lacks the "post" scope
    (or who withdrew consent) is left out; someone with no consent recorded is not.
    """
    consent = [(_no_post_consent(), LeftOutReason.NO_POST_CONSENT.value)] if post_consent else []
    return case(
        (Caregiver.ended_on <= today, LeftOutReason.ENDED.value),
        (Caregiver.no_mail.is_(True), LeftOutReason.NO_MAIL.value),
        *consent,
        *_address_problems(Caregiver, dialect),
        else_=None,
    ).label("reason")


def _no_post_consent() -> ColumnElement[bool]:
    """The caregiver's last consent row exists and has no "post" among its scopes (a
    withdrawal is a row without scopes). Scopes are stored as ``registratie,post``."""
    last = (
        select(Consent.scopes)
        .where(Consent.caregiver_id == Caregiver.id)
        .order_by(Consent.id.desc())
        .limit(1)
        .scalar_subquery()
    )
    # Without any consent row the text is NULL, NOT LIKE gives NULL, and the case goes on.
    listed = literal(",") + last + literal(",")
    return ~listed.contains(f",{ConsentScope.MAIL.value},")


def _address_problems(person: Any, dialect: str) -> list[tuple[ColumnElement[bool], str]]:
    """An incomplete address, then a postcode that is not ``1234 AB``.

    Postcodes are stored as the form normalised them; this is a safety net.
    """
    postcode_ok: ColumnElement[bool]
    if dialect == "sqlite":
        postcode_ok = person.postcode.op("GLOB", is_comparison=True)(
            "[1-9][0-9][0-9][0-9] [A-Z][A-Z]"
        )
    else:
        postcode_ok = person.postcode.regexp_match("^[1-9][0-9]{3} [A-Z]{2}$")
    no_address = or_(
        func.trim(person.street) == "",
        person.house_number.is_(None),
        person.postcode == "",
        func.trim(person.place) == "",
    )
    return [
        (no_address, LeftOutReason.NO_ADDRESS.value),
        (~postcode_ok, LeftOutReason.BAD_POSTCODE.value),
    ]


def recipients_query(criteria: RecipientFilter, today: date, dialect: str) -> AddresseeSelect:
    """Everyone the filter names with the reason they get no letter (None: they get one)."""
    query = select(*ADDRESSEE_COLUMNS, left_out_reason(today, dialect))
    if criteria.brackets:
        query = query.where(or_(*(_bracket(bracket, today) for bracket in criteria.brackets)))
    if criteria.places:
        query = query.where(_lower_in(Caregiver.place, criteria.places))
    if criteria.municipalities:
        query = query.where(_lower_in(Caregiver.municipality, criteria.municipalities))
    if criteria.registered_from:
        query = query.where(Caregiver.registered_on >= criteria.registered_from)
    if criteria.registered_until:
        query = query.where(Caregiver.registered_on <= criteria.registered_until)
    if criteria.not_yet_sent:
        sent = (
            select(SentLetter.id)
            .join(Mailing, SentLetter.mailing_id == Mailing.id)
            .where(SentLetter.caregiver_id == Caregiver.id, Mailing.kind == criteria.not_yet_sent)
        )
        query = query.where(~exists(sent))
    if criteria.compliment_year:
        granted = (
            select(ComplimentApplication.id)
            .join(ComplimentRound, ComplimentApplication.round_id == ComplimentRound.id)
            .where(
                ComplimentApplication.caregiver_id == Caregiver.id,
                ComplimentApplication.status.in_(GRANTED_STATUSES),
                ComplimentRound.year == criteria.compliment_year,
            )
        )
        query = query.where(exists(granted))
    return query


def addressees_query(
    caregiver_ids: list[int], today: date, dialect: str, post_consent: bool = False
) -> AddresseeSelect:
    """The same columns for chosen caregivers (a single letter, a reprint, a letter about an
    application); ``post_consent`` as in :func:`left_out_reason`."""
    reason = left_out_reason(today, dialect, post_consent)
    return select(*ADDRESSEE_COLUMNS, reason).where(Caregiver.id.in_(caregiver_ids))


def naasten_query(care_recipient_ids: list[int], dialect: str) -> AddresseeSelect:
    """Chosen naasten with their address and the reason they cannot get a letter."""
    reason = case(*_address_problems(CareRecipient, dialect), else_=None).label("reason")
    return select(*NAASTE_COLUMNS, reason).where(CareRecipient.id.in_(care_recipient_ids))


def reason_counts_query(criteria: RecipientFilter, today: date, dialect: str) -> Select[Any]:
    """How many the filter names per reason (None: those who get a letter), for a quick count."""
    inner = recipients_query(criteria, today, dialect).subquery()
    query: Select[Any] = select(inner.c.reason, func.count()).group_by(inner.c.reason)
    return query


def _lower_in(column: Any, names: tuple[str, ...]) -> ColumnElement[bool]:
    """``Soest``, ``soest`` and ``SOEST`` name the same place."""
    return func.lower(column).in_([name.lower() for name in names])


def _bracket(bracket: AgeBracket, today: date) -> Any:
    if bracket is AgeBracket.UNKNOWN:
        return Caregiver.birth_date.is_(None)
    born_after, born_until = birth_date_range(bracket, today)
    conditions = []
    if born_after is not None:
        conditions.append(Caregiver.birth_date > born_after)
    if born_until is not None:
        conditions.append(Caregiver.birth_date <= born_until)
    return and_(*conditions)
