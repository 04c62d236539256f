"""The mailing's rows: its number taken first, the letter log written when the files are
in place, or the number given up when the mailing was not made."""

from __future__ import annotations

import json
import logging

from sqlalchemy import delete, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from steunpunt.db.letters.models import Mailing, SentLetter
from steunpunt.domain.audit import AuditKind
from steunpunt.domain.letters.house_style import HouseStyle
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.audit import record, record_people
from steunpunt.services.kernel.errors import NotAllowed
from steunpunt.services.kernel.records import load
from steunpunt.services.kernel.session_scope import SessionScope
from steunpunt.services.letters.dto import MailingRequest, TemplateData
from steunpunt.services.letters.letter_log import keep_house_style, printed_json
from steunpunt.services.letters.mailing_files import MailingJob
from steunpunt.services.letters.mailing_output import StagedOutput

log = logging.getLogger(__name__)


def reserve(
    scope: SessionScope,
    actor: Actor,
    request: MailingRequest,
    template: TemplateData,
    style: HouseStyle,
) -> tuple[int, str]:
    """Take the next number of the year (``2026-0007``) before any letter is printed, and
    keep the house style it is printed with."""
    year = request.letter_date.year
    for _attempt in range(5):
        try:
            with scope() as session:
                number = _next_number(session, year)
                mailing = Mailing(
                    year=year,
                    number=number,
                    reference=f"{year}-{number:04d}",
                    made_by_id=actor.staff_id,
                    template_id=request.template_id,
                    template_name=template.name,
                    kind=template.kind,
                    subject=template.subject,
                    body=template.body,
                    letter_date=request.letter_date,
                    recipients_description=_description(request)[:300],
                    house_style_id=keep_house_style(session, style),
                )
                session.add(mailing)
                session.flush()
                return mailing.id, mailing.reference
        except IntegrityError:
            log.info("Mailing number %s-%s taken meanwhile; trying the next", year, number)
    raise NotAllowed(
        "Er kon geen kenmerk voor de mailing worden gekozen: op andere computers worden "
        "tegelijk mailings gemaakt. Probeer het over een ogenblik opnieuw."
    )


def next_reference(scope: SessionScope, request: MailingRequest) -> str:
    """The kenmerk the mailing would get if it were made now (for a preview; not taken)."""
    year = request.letter_date.year
    with scope() as session:
        return f"{year}-{_next_number(session, year):04d}"


def _next_number(session: Session, year: int) -> int:
    last = session.scalar(select(func.max(Mailing.number)).where(Mailing.year == year))
    return (last or 0) + 1


def complete(
    scope: SessionScope, actor: Actor, mailing_id: int, job: MailingJob, staged: StagedOutput
) -> None:
    """Write the letter log, each letter as printed, and the mailing's audit event; when that
    fails, the files just put in place are taken back."""
    try:
        with scope() as session:
            _record_mailing(session, actor, mailing_id, job)
            mailing = load(session, Mailing, mailing_id, "Deze mailing")
            mailing.completed = True
            mailing.letter_count = len(job.letters)
            for household in job.letters:
                printed = printed_json(job.letter(household))
                session.add_all(
                    SentLetter(
                        caregiver_id=member.caregiver_id,
                        care_recipient_id=member.care_recipient_id,
                        mailing_id=mailing_id,
                        sent_on=job.letter_date,
                        addressed_as=", ".join(household.name_lines)[:200],
                        letter_values=json.dumps(job.extra_values.get(household.key, {})),
                        printed_json=printed,
                    )
                    for member in household.members
                )
    except BaseException:
        staged.withdraw()
        raise


def _record_mailing(session: Session, actor: Actor, mailing_id: int, job: MailingJob) -> None:
    """The mailing in the audit trail: one event with its counts, and one per person it
    reached (caregiver with the naaste the letter was about), for that person's history.

    Letters to one caregiver (made from the caregiver's form) are one print on their record.
    """
    members = [member for household in job.letters for member in household.members]
    people = sorted(
        {(m.caregiver_id, m.care_recipient_id) for m in members},
        key=lambda person: (person[0], person[1] or 0),
    )
    caregivers = {caregiver_id for caregiver_id, _naaste in people}
    naasten = {naaste for _caregiver_id, naaste in people if naaste is not None}
    single = next(iter(caregivers)) if len(caregivers) == 1 else None
    kind = AuditKind.MAILING if single is None else AuditKind.PRINT
    details = {"soort brief": job.kind, "brieven": len(job.letters)}
    record(
        session,
        actor,
        kind,
        caregiver_id=single,
        care_recipient_id=next(iter(naasten)) if single is not None and len(naasten) == 1 else None,
        record_table="mailing",
        record_id=mailing_id,
        details={**details, "mantelzorgers": len(caregivers), "naasten": len(naasten)},
    )
    if single is None:
        record_people(
            session,
            actor,
            kind,
            people,
            record_table="mailing",
            record_id=mailing_id,
            details=details,
        )


def release(scope: SessionScope, mailing_id: int) -> None:
    """Give up a reserved number: the mailing was not made."""
    try:
        with scope() as session:
            session.execute(
                delete(Mailing).where(Mailing.id == mailing_id, Mailing.completed.is_(False))
            )
    except Exception:  # the reservation stays as an unused number; nothing was sent
        log.exception("Could not release mailing %s", mailing_id)


def _description(request: MailingRequest) -> str:
    if request.description:
        return request.description
    if request.criteria is not None:
        return request.criteria.describe()
    return "Gekozen mantelzorgers"
