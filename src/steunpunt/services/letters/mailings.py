"""Use cases of mailings: choose recipients, make the letters and files, keep the letter log.

A mailing is all or nothing. Files are made in a staging folder and moved into place when
complete; only then is the letter log written, in one transaction. A cancel or an error
leaves no file behind and no log entry.
"""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from pathlib import Path

from sqlalchemy import select

from steunpunt.db.letters.mailing_queries import (
    addressees_query,
    naasten_query,
    reason_counts_query,
    recipients_query,
)
from steunpunt.db.letters.models import Mailing, SentLetter
from steunpunt.domain.audit import AuditKind
from steunpunt.domain.choices import Grouping, LeftOutReason, LetterKind
from steunpunt.domain.errors import Cancelled, ValidationFailed
from steunpunt.domain.input_policy import check_work_date
from steunpunt.domain.letters.addressee import Addressee, Household, households
from steunpunt.domain.letters.house_style import HouseStyle
from steunpunt.domain.letters.merge_fields import fields_for
from steunpunt.domain.letters.recipient_filter import RecipientFilter
from steunpunt.domain.names import PersonName
from steunpunt.io.staging_journal import staging_journal
from steunpunt.letters.letter import Letter, LetterText, render_letters
from steunpunt.services.caregivers.caseload import require_caregiver
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.audit import record
from steunpunt.services.kernel.errors import NotAllowed
from steunpunt.services.kernel.records import load
from steunpunt.services.kernel.session_scope import SessionScope
from steunpunt.services.kernel.use_case import reads, writes
from steunpunt.services.letters.dto import (
    LeftOut,
    MailingRequest,
    MailingResult,
    RecipientCount,
    RecipientSelection,
    SentLetterView,
    TemplateData,
)
from steunpunt.services.letters.letter_log import (
    kept_house_style,
    printed_json,
    printed_letter,
)
from steunpunt.services.letters.mailing_checks import (
    refuse_addresses_outside_the_window,
    refuse_empty_house_style_fields,
    refuse_missing_kind_values,
)
from steunpunt.services.letters.mailing_files import (
    CSV,
    LABELS,
    LETTERS,
    PER_PERSON,
    Progress,
    Steps,
    job_for,
    letter_for,
    write_mailing_files,
)
from steunpunt.services.letters.mailing_output import (
    StagedOutput,
    disk_problem,
    free_name,
)
from steunpunt.services.letters.mailing_rows import (
    caregiver_addressee,
    left_out_line,
    naaste_addressee,
    reason_and_name,
)
from steunpunt.services.letters.mailing_store import complete, next_reference, release, reserve
from steunpunt.services.letters.templates import LetterService

log = logging.getLogger(__name__)


class MailingService:
    """Make letters for many people at once, or for one, and read the letter log."""

    def __init__(
        self, scope: SessionScope, letters: LetterService, today: Callable[[], date]
    ) -> None:
        self._scope = scope
        self._letters = letters
        self._today = today

    # --- recipients ---------------------------------------------------------------------------

    @reads
    def select_recipients(
        self,
        criteria: RecipientFilter | None,
        caregiver_ids: Sequence[int] = (),
        naasten: Sequence[tuple[int, int]] = (),
        post_consent: bool = False,
    ) -> RecipientSelection:
        """Who the filter (or the chosen people) reaches, and who is left out with the reason.

        ``naasten`` are (caregiver, naaste) pairs: letters to these naasten about the caregiver.
        A filter always leaves out who gave no consent for post; chosen caregivers only with
        ``post_consent``.
        """
        dialect = self._scope.dialect
        if naasten:
            return self._select_naasten(naasten)
        if criteria is None:
            query = addressees_query(list(caregiver_ids), self._today(), dialect, post_consent)
        else:
            query = recipients_query(criteria.check(), self._today(), dialect)
        included: list[Addressee] = []
        left_out: list[LeftOut] = []
        with self._scope() as session:
            for row in session.connection().execute(query):
                if row.reason is None:
                    included.append(caregiver_addressee(row))
                else:
                    left_out.append(left_out_line(row))
        left_out.sort(key=reason_and_name)
        return RecipientSelection(tuple(included), tuple(left_out))

    def _select_naasten(self, pairs: Sequence[tuple[int, int]]) -> RecipientSelection:
        query = naasten_query(sorted({naaste for _caregiver, naaste in pairs}), self._scope.dialect)
        with self._scope() as session:
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
                    LeftOut(
                        caregiver_id, name.sorted_form, LeftOutReason(row.reason), name.sort_key
                    )
                )
        return RecipientSelection(tuple(included), tuple(sorted(left_out, key=reason_and_name)))

    @reads
    def count_recipients(self, criteria: RecipientFilter) -> RecipientCount:
        """How many the filter reaches and leaves out per reason, without loading anyone."""
        query = reason_counts_query(criteria.check(), self._today(), self._scope.dialect)
        with self._scope() as session:
            counts = {reason: int(count) for reason, count in session.execute(query)}
        included = counts.pop(None, 0)
        return RecipientCount(
            included, {LeftOutReason(reason): count for reason, count in counts.items()}
        )

    @reads
    def left_out(self, criteria: RecipientFilter) -> list[LeftOut]:
        """Who the filter names but gets no letter, by reason and name."""
        query = recipients_query(criteria.check(), self._today(), self._scope.dialect)
        inner = query.subquery()
        with self._scope() as session:
            rows = session.connection().execute(select(inner).where(inner.c.reason.is_not(None)))
            people = [left_out_line(row) for row in rows]
        return sorted(people, key=reason_and_name)

    # --- making a mailing ---------------------------------------------------------------------

    def _planned(
        self, request: MailingRequest
    ) -> tuple[TemplateData, HouseStyle, RecipientSelection, list[Household]]:
        """The template, house style, recipients and letters of ``request``, checked; refused in
        Dutch when no letter can be made."""
        check_work_date(request.letter_date, self._today(), "De briefdatum")
        template = self._letters.template(request.template_id).data
        style = self._checked_house_style()
        selection = self.select_recipients(
            request.criteria, request.caregiver_ids, request.naasten, request.needs_post_consent
        )
        if not selection.included:
            reasons = ", ".join(reason.label.lower() for reason in selection.reasons())
            raise NotAllowed(
                "Er is geen brief gemaakt: niemand komt in aanmerking"
                + (f" ({reasons})." if reasons else ".")
            )
        letters = households(selection.included, request.grouping)
        refuse_empty_house_style_fields(template, style)
        refuse_missing_kind_values(template, letters, request.extra_values)
        refuse_addresses_outside_the_window(letters, style)
        return template, style, selection, letters

    @reads
    def preview_letters(self, request: MailingRequest) -> bytes:
        """The letters of ``request`` as they will print (with the next kenmerk), as PDF bytes;
        nothing is filed or logged. Meant for a letter or a few, before they are made."""
        template, style, _selection, letters = self._planned(request)
        job = job_for(request, template, style, letters, next_reference(self._scope, request))
        buffer = io.BytesIO()
        render_letters(
            buffer,
            style,
            job.text,
            job.stream(letters),
            [field.name for field in fields_for(template.kind)],
            title=job.title,
        )
        return buffer.getvalue()

    @writes
    def make_mailing(
        self, actor: Actor, request: MailingRequest, progress: Progress | None = None
    ) -> MailingResult:
        """Make the letters and the asked files, then record a letter for every person reached."""
        template, style, selection, letters = self._planned(request)
        mailing_id, reference = reserve(self._scope, actor, request, template, style)
        job = job_for(request, template, style, letters, reference)
        staged: StagedOutput | None = None
        try:
            staged = StagedOutput(request.folder, staging_journal(self._scope.database_file))
            files = write_mailing_files(staged, job, Steps(progress, job.steps))
            names = files.names
            published = dict(zip(names, staged.publish(list(names.values())), strict=True))
            complete(self._scope, actor, mailing_id, job, staged)
        except Cancelled as error:
            release(self._scope, mailing_id)
            raise Cancelled(
                "De mailing is afgebroken. Er is niets gemaakt of vastgelegd."
            ) from error
        except OSError as error:
            release(self._scope, mailing_id)
            raise disk_problem(error) from error
        except BaseException:
            release(self._scope, mailing_id)
            raise
        finally:
            if staged is not None:
                staged.discard()
        log.info(
            "Mailing %s made by staff %s: %s letters", mailing_id, actor.staff_id, len(letters)
        )
        return MailingResult(
            mailing_id,
            reference,
            len(letters),
            sum(len(letter.members) for letter in letters),
            published[LETTERS],
            published.get(PER_PERSON),
            published.get(LABELS),
            published.get(CSV),
            frozenset(member.key for household in letters for member in household.members),
            selection.left_out,
            tuple(" en ".join(recipient.names) for recipient in files.by_hand),
        )

    def _checked_house_style(self) -> HouseStyle:
        """The house style, refused in Dutch when it cannot print (e.g. a damaged logo)."""
        style, _version = self._letters.house_style()
        try:
            return style.check()
        except ValidationFailed as error:
            problem = next(iter(error.errors.values()))
            raise NotAllowed(
                f"De huisstijl is niet in orde: {problem} Pas die aan onder Beheer › Huisstijl "
                "en briefpapier. Er is niets gemaakt."
            ) from error

    # --- the letter log and reprints ----------------------------------------------------------

    @reads
    def letter_log(self, caregiver_id: int) -> list[SentLetterView]:
        """What was sent to this person, newest first."""
        query = (
            select(SentLetter, Mailing)
            .join(Mailing, SentLetter.mailing_id == Mailing.id)
            .where(SentLetter.caregiver_id == caregiver_id)
            .order_by(SentLetter.sent_on.desc(), SentLetter.id.desc())
        )
        with self._scope() as session:
            require_caregiver(session, self._scope.reader, caregiver_id)
            return [
                SentLetterView(
                    sent.id,
                    mailing.id,
                    mailing.reference,
                    sent.sent_on,
                    mailing.template_name,
                    LetterKind(mailing.kind)
                    if mailing.kind in LetterKind._value2member_map_
                    else None,
                    mailing.subject,
                    sent.addressed_as,
                    sent.reprint,
                )
                for sent, mailing in session.execute(query)
            ]

    @writes
    def reprint(self, actor: Actor, sent_letter_id: int, folder: Path) -> Path:
        """A letter from the log again, as it was sent: the same names and address, kenmerk,
        values and house style. Letters logged before that was kept are made with the
        current address and house style. The reprint is logged."""
        with self._scope() as session:
            sent = load(session, SentLetter, sent_letter_id, "Deze brief")
            mailing = load(session, Mailing, sent.mailing_id, "Deze mailing")
            text = LetterText(mailing.subject, mailing.body)
            kind, reference, letter_date = mailing.kind, mailing.reference, mailing.letter_date
            mailing_id, caregiver_id, naaste_id = (
                mailing.id,
                sent.caregiver_id,
                sent.care_recipient_id,
            )
            values: dict[str, str] = json.loads(sent.letter_values or "{}")
            letter = printed_letter(sent.printed_json)
            style = kept_house_style(session, mailing.house_style_id)
        if style is None:
            style = self._checked_house_style()
        if letter is None:
            letter = self._letter_as_now(
                kind, caregiver_id, naaste_id, style, reference, letter_date, values
            )
        stem = f"Herdruk {reference} {letter.recipient.names[0][:40]} {caregiver_id}"
        name = free_name(folder, stem, ".pdf")
        staged = StagedOutput(folder, staging_journal(self._scope.database_file))
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
            self._log_reprint(actor, caregiver_id, naaste_id, mailing_id, letter, values)
        except OSError as error:
            raise disk_problem(error) from error
        except BaseException:
            staged.withdraw()  # the reprint was not logged: its file goes too
            raise
        finally:
            staged.discard()
        log.info(
            "Mailing %s reprinted for %s by staff %s", mailing_id, caregiver_id, actor.staff_id
        )
        return target

    def _log_reprint(
        self,
        actor: Actor,
        caregiver_id: int,
        naaste_id: int | None,
        mailing_id: int,
        letter: Letter,
        values: Mapping[str, str],
    ) -> None:
        with self._scope() as session:
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
                    sent_on=self._today(),
                    addressed_as=", ".join(letter.recipient.names)[:200],
                    reprint=True,
                    letter_values=json.dumps(values),
                    printed_json=printed_json(letter),
                )
            )

    def _letter_as_now(
        self,
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
            selection = self.select_recipients(None, [caregiver_id])
        else:
            selection = self.select_recipients(None, naasten=[(caregiver_id, naaste_id)])
        if not selection.included:
            reason = selection.left_out[0].reason.label if selection.left_out else "onbekend"
            raise NotAllowed(f"Deze brief kan niet opnieuw worden gemaakt: {reason.lower()}.")
        household = households(selection.included, Grouping.PER_PERSON)[0]
        return letter_for(household, style, reference, letter_date, values)
