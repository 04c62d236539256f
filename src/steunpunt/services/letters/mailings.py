"""Use cases of mailings: choose recipients, make the letters and files, keep the letter log.

A mailing is all or nothing. Files are made in a staging folder and moved into place when
complete; only then is the letter log written, in one transaction. A cancel or an error
leaves no file behind and no log entry.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from sqlalchemy import select

from steunpunt.db.letters.models import Mailing, SentLetter
from steunpunt.domain.choices import LetterKind
from steunpunt.domain.errors import Cancelled
from steunpunt.domain.input_policy import check_work_date
from steunpunt.domain.letters.addressee import Household, households
from steunpunt.domain.letters.house_style import HouseStyle
from steunpunt.domain.letters.merge_fields import fields_for
from steunpunt.domain.letters.recipient_filter import RecipientFilter
from steunpunt.domain.progress import Progress
from steunpunt.io.staging_journal import staging_journal
from steunpunt.letters.letter import render_letters
from steunpunt.services.caregivers.caseload import require_caregiver
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.errors import NotAllowed
from steunpunt.services.kernel.session_scope import SessionScope
from steunpunt.services.kernel.use_case import reads, writes
from steunpunt.services.letters import recipients
from steunpunt.services.letters.dto import (
    LeftOut,
    MailingRequest,
    MailingResult,
    RecipientCount,
    RecipientSelection,
    SentLetterView,
    TemplateData,
)
from steunpunt.services.letters.mailing_checks import (
    checked_house_style,
    refuse_addresses_outside_the_window,
    refuse_empty_house_style_fields,
    refuse_missing_kind_values,
)
from steunpunt.services.letters.mailing_files import (
    CSV,
    LABELS,
    LETTERS,
    PER_PERSON,
    Steps,
    job_for,
    write_mailing_files,
)
from steunpunt.services.letters.mailing_output import (
    StagedOutput,
    disk_problem,
)
from steunpunt.services.letters.mailing_store import complete, next_reference, release, reserve
from steunpunt.services.letters.reprints import reprint_letter
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
        return recipients.select_recipients(
            self._scope, self._today(), criteria, caregiver_ids, naasten, post_consent
        )

    @reads
    def count_recipients(self, criteria: RecipientFilter) -> RecipientCount:
        """How many the filter reaches and leaves out per reason, without loading anyone."""
        return recipients.count_recipients(self._scope, self._today(), criteria)

    @reads
    def left_out(self, criteria: RecipientFilter) -> list[LeftOut]:
        """Who the filter names but gets no letter, by reason and name."""
        return recipients.left_out(self._scope, self._today(), criteria)

    # --- making a mailing ---------------------------------------------------------------------

    def _planned(
        self, request: MailingRequest
    ) -> tuple[TemplateData, HouseStyle, RecipientSelection, list[Household]]:
        """The template, house style, recipients and letters of ``request``, checked; refused in
        Dutch when no letter can be made."""
        check_work_date(request.letter_date, self._today(), "De briefdatum")
        template = self._letters.template(request.template_id).data
        style = checked_house_style(self._letters)
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
        return reprint_letter(
            self._scope, self._letters, self._today(), actor, sent_letter_id, folder
        )
