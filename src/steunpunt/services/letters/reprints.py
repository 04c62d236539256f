"""A letter from the log again, as it was sent, written beside the others and logged."""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from datetime import date
from pathlib import Path

from steunpunt.db.letters.models import Mailing, SentLetter
from steunpunt.domain.audit import AuditKind
from steunpunt.domain.choices import Grouping, LetterKind
from steunpunt.domain.letters.addressee import households
from steunpunt.domain.letters.house_style import HouseStyle
from steunpunt.domain.letters.merge_fields import fields_for
from steunpunt.io.staging_journal import staging_journal
from steunpunt.letters.letter import Letter, LetterText, render_letters
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.audit import record
from steunpunt.services.kernel.errors import NotAllowed
from steunpunt.services.kernel.records import load
from steunpunt.services.kernel.session_scope import SessionScope
from steunpunt.services.letters.letter_log import kept_house_style, printed_json, printed_letter
from steunpunt.services.letters.mailing_checks import checked_house_style
from steunpunt.services.letters.mailing_files import letter_for
from steunpunt.services.letters.mailing_output import StagedOutput, disk_problem, free_name
from steunpunt.services.letters.recipients import select_recipients
from steunpunt.services.letters.templates import LetterService

log = logging.getLogger(__name__)


def reprint_letter(
    scope: SessionScope,
    letters: LetterService,
    today: date,
    actor: Actor,
    sent_letter_id: int,
    folder: Path,
) -> Path:
    """The letter ``sent_letter_id`` again in ``folder``, logged (``MailingService.reprint``)."""
    with scope() as session:
        sent = load(session, SentLetter, sent_letter_id, "Deze brief")
        mailing = load(session, Mailing, sent.mailing_id, "Deze mailing")
        text = LetterText(mailing.subject, mailing.body)
        kind, reference, letter_date = mailing.kind, mailing.reference, mailing.letter_date
        mailing_id, caregiver_id, naaste_id = mailing.id, sent.caregiver_id, sent.care_recipient_id
        values: dict[str, str] = json.loads(sent.letter_values or "{}")
        letter = printed_letter(sent.printed_json)
        style = kept_house_style(session, mailing.house_style_id)
    if style is None:
        style = checked_house_style(letters)
    if letter is None:
        letter = _letter_as_now(
            scope, today, kind, caregiver_id, naaste_id, style, reference, letter_date, values
        )
    stem = f"Herdruk {reference} {letter.recipient.names[0][:40]} {caregiver_id}"
    name = free_name(folder, stem, ".pdf")
    staged = StagedOutput(folder, staging_journal(scope.database_file))
    try:
        render_letters(
            staged.path(name),
            style,
            text,
            [letter],
            [field.name for field in fields_for(kind)],
            title=f"Herdruk {reference}",
        )
        [target] = staged.publish([name])
        _log_reprint(scope, today, actor, caregiver_id, naaste_id, mailing_id, letter, values)
    except OSError as error:
        raise disk_problem(error) from error
    except BaseException:
        staged.withdraw()  # the reprint was not logged: its file goes too
        raise
    finally:
        staged.discard()
    log.info("Mailing %s reprinted for %s by staff %s", mailing_id, caregiver_id, actor.staff_id)
    return target


def _log_reprint(
    scope: SessionScope,
    today: date,
    actor: Actor,
    caregiver_id: int,
    naaste_id: int | None,
    mailing_id: int,
    letter: Letter,
    values: Mapping[str, str],
) -> None:
    with scope() as session:
        record(
            session,
            actor,
            AuditKind.PRINT,
            caregiver_id=caregiver_id,
            care_recipient_id=naaste_id,
            record_table="mailing",
            record_id=mailing_id,
            details={"herdruk": True, "brieven": 1},
        )
        session.add(
            SentLetter(
                caregiver_id=caregiver_id,
                care_recipient_id=naaste_id,
                mailing_id=mailing_id,
                sent_on=today,
                addressed_as=", ".join(letter.recipient.names)[:200],
                reprint=True,
                letter_values=json.dumps(values),
                printed_json=printed_json(letter),
            )
        )


def _letter_as_now(
    scope: SessionScope,
    today: date,
    kind: str,
    caregiver_id: int,
    naaste_id: int | None,
    style: HouseStyle,
    reference: str,
    letter_date: date,
    values: Mapping[str, str],
) -> Letter:
    """A letter logged before letters were kept as printed, with today's address."""
    if naaste_id is None and kind == LetterKind.COMPLIMENT_CONTROL:
        raise NotAllowed("Deze brief ging naar een naaste die niet meer bestaat.")
    if naaste_id is None:
        selection = select_recipients(scope, today, None, [caregiver_id])
    else:
        selection = select_recipients(scope, today, None, naasten=[(caregiver_id, naaste_id)])
    if not selection.included:
        reason = selection.left_out[0].reason.label if selection.left_out else "onbekend"
        raise NotAllowed(f"Deze brief kan niet opnieuw worden gemaakt: {reason.lower()}.")
    household = households(selection.included, Grouping.PER_PERSON)[0]
    return letter_for(household, style, reference, letter_date, values)
