"""Letters of the compliment round, made with the letter engine and logged on the caregiver."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import select, update

from steunpunt.db.compliment.models import ComplimentApplication, ComplimentRound
from steunpunt.domain.choices import LetterKind
from steunpunt.domain.compliment.allocation import euro
from steunpunt.domain.compliment.round_rules import next_year, rules_from_json
from steunpunt.domain.compliment.status import ApplicationStatus
from steunpunt.domain.dates import long_date
from steunpunt.domain.letters.addressee import letter_key
from steunpunt.domain.rule_engine import RuleResult
from steunpunt.services.compliment.applications import ApplicationService
from steunpunt.services.compliment.dto import ApplicationDetail
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.errors import NotAllowed
from steunpunt.services.kernel.session_scope import SessionScope
from steunpunt.services.kernel.use_case import reads, writes
from steunpunt.services.letters.dto import MailingRequest, MailingResult
from steunpunt.services.letters.mailings import MailingService
from steunpunt.services.letters.templates import LetterService

OBJECTION_WEEKS = 6
"""Bezwaar is possible for six weeks after the decision (Awb art. 6:7)."""

APPLICATION_KINDS = {
    LetterKind.COMPLIMENT_RECEIVED: None,
    LetterKind.COMPLIMENT_GRANTED: ApplicationStatus.GRANTED,
    LetterKind.COMPLIMENT_REFUSED: ApplicationStatus.REFUSED,
    LetterKind.COMPLIMENT_CONTROL: ApplicationStatus.AWAITING_CONTROL_LETTER,
}
"""Letters about one application, and the status the application must have (None: any)."""

PENDING_STATUSES = {
    LetterKind.COMPLIMENT_RECEIVED: (ApplicationStatus.RECEIVED, ApplicationStatus.IN_REVIEW),
    LetterKind.COMPLIMENT_GRANTED: (ApplicationStatus.GRANTED, ApplicationStatus.PAID),
    LetterKind.COMPLIMENT_REFUSED: (ApplicationStatus.REFUSED,),
    LetterKind.COMPLIMENT_CONTROL: (ApplicationStatus.AWAITING_CONTROL_LETTER,),
}
"""Which applications still wait for a letter of each kind."""


class ComplimentLetterService:
    """Receipt, grant and refusal letters per application; next year's reminder as a mailing."""

    def __init__(
        self,
        scope: SessionScope,
        letters: LetterService,
        mailings: MailingService,
        applications: ApplicationService,
        today: Callable[[], date],
    ) -> None:
        self._scope = scope
        self._letters = letters
        self._mailings = mailings
        self._applications = applications
        self._today = today

    @reads
    def pending(self, round_id: int, kind: LetterKind) -> list[int]:
        """Applications of the round in the right status that did not get this letter yet."""
        with self._scope() as session:
            rows = session.execute(
                select(ComplimentApplication.id, ComplimentApplication.letters_sent).where(
                    ComplimentApplication.round_id == round_id,
                    ComplimentApplication.status.in_(PENDING_STATUSES[kind]),
                )
            ).all()
        return [row_id for row_id, sent in rows if kind.value not in sent.split()]

    @writes
    def application_letters(
        self,
        actor: Actor,
        kind: LetterKind,
        application_ids: Sequence[int],
        folder: Path,
        payment_date: date | None = None,
    ) -> MailingResult:
        """Letters about these applications, each logged on the caregiver.

        A caregiver gets one letter about all their applications; a controlebrief goes to
        each naaste. Only applications whose letter was made are marked as sent.
        """
        if kind not in APPLICATION_KINDS:
            raise NotAllowed("Deze brief hoort niet bij een aanvraag.")
        details = self._applications.details(application_ids)
        _refuse_other_statuses(details, APPLICATION_KINDS[kind])
        titles = {
            round_id: self._round_title(round_id) for round_id in {d.view.round_id for d in details}
        }
        letters: dict[str, list[ApplicationDetail]] = {}
        for detail in details:
            letters.setdefault(_letter_key(kind, detail), []).append(detail)
        values = {
            key: self._values(kind, about, titles[about[0].view.round_id], payment_date)
            for key, about in letters.items()
        }
        caregivers = tuple(sorted({detail.data.caregiver_id for detail in details}))
        naasten = tuple(
            (detail.data.caregiver_id, detail.data.care_recipient_id) for detail in details
        )
        request = MailingRequest(
            template_id=self._letters.first_template(kind),
            letter_date=self._today(),
            folder=folder,
            caregiver_ids=() if kind is LetterKind.COMPLIMENT_CONTROL else caregivers,
            naasten=naasten if kind is LetterKind.COMPLIMENT_CONTROL else (),
            description=f"{kind.label}, {len(application_ids)} aanvragen",
            extra_values=values,
        )
        result = self._mailings.make_mailing(actor, request)
        sent = [
            detail.view.id
            for key, about in letters.items()
            if key in result.reached
            for detail in about
        ]
        with self._scope() as session:
            # A plain UPDATE: noting a letter must not make an open application form stale.
            session.execute(
                update(ComplimentApplication)
                .where(ComplimentApplication.id.in_(sent))
                .values(letters_sent=ComplimentApplication.letters_sent + f" {kind.value}")
            )
        return result

    @writes
    def reminder(self, actor: Actor, round_id: int, folder: Path) -> MailingResult:
        """Next year's reminder to everyone granted in this round."""
        with self._scope() as session:
            row = session.get(ComplimentRound, round_id)
            if row is None:
                raise NotAllowed("Deze ronde bestaat niet meer.")
            rules = rules_from_json(row.rules_json)
            caregivers = sorted(
                set(
                    session.scalars(
                        select(ComplimentApplication.caregiver_id).where(
                            ComplimentApplication.round_id == round_id,
                            ComplimentApplication.status.in_(
                                [ApplicationStatus.GRANTED, ApplicationStatus.PAID]
                            ),
                        )
                    )
                )
            )
        if not caregivers:
            raise NotAllowed("In deze ronde is nog niemand een compliment toegekend.")
        coming = next_year(rules)
        shared = {
            "ronde": f"{coming.municipality} {coming.year}",
            "sluitingsdatum": long_date(coming.closes_on),
        }
        request = MailingRequest(
            template_id=self._letters.first_template(LetterKind.COMPLIMENT_REMINDER),
            letter_date=self._today(),
            folder=folder,
            criteria=None,
            caregiver_ids=tuple(caregivers),
            description=f"Herinnering compliment aan ontvangers {rules.municipality} {rules.year}",
            extra_values={letter_key(caregiver): shared for caregiver in caregivers},
            needs_post_consent=True,
        )
        return self._mailings.make_mailing(actor, request)

    def _values(
        self,
        kind: LetterKind,
        details: list[ApplicationDetail],
        round_title: str,
        payment_date: date | None,
    ) -> dict[str, str]:
        """The kind's fields for one letter: a caregiver's naasten and amounts taken together."""
        if kind is LetterKind.COMPLIMENT_CONTROL:
            [detail] = details
            due = detail.view.control_letter_due_on or self._today()
            return {
                "ronde": round_title,
                "mantelzorger": detail.view.caregiver_name,
                "uiterlijk": long_date(due),
            }
        return {
            "ronde": round_title,
            "naaste": " en ".join(detail.view.recipient_name for detail in details),
            "bedrag": euro(sum(detail.view.amount_cents or 0 for detail in details)),
            "betaaldatum": long_date(payment_date or self._today()),
            "redenen": "; ".join(
                _reasons(detail.verdict.failures, detail.override_reason) for detail in details
            ),
            "bezwaartermijn": long_date(self._today() + timedelta(weeks=OBJECTION_WEEKS)),
        }

    def _round_title(self, round_id: int) -> str:
        with self._scope() as session:
            row = session.get(ComplimentRound, round_id)
            return f"{row.municipality} {row.year}" if row else ""


def _refuse_other_statuses(
    details: Sequence[ApplicationDetail], wanted: ApplicationStatus | None
) -> None:
    """A grant letter for a refused application (and so on) is refused in Dutch."""
    if wanted is None:
        return
    allowed = {wanted, ApplicationStatus.PAID} if wanted is ApplicationStatus.GRANTED else {wanted}
    for detail in details:
        view = detail.view
        if view.status not in allowed:
            raise NotAllowed(
                f"De aanvraag van {view.caregiver_name} heeft status "
                f"'{view.status.label.lower()}'; deze brief past daar niet bij."
            )


def _letter_key(kind: LetterKind, detail: ApplicationDetail) -> str:
    """Which letter an application is in: its caregiver's, or its naaste's (controlebrief)."""
    if kind is LetterKind.COMPLIMENT_CONTROL:
        return letter_key(detail.data.caregiver_id, detail.data.care_recipient_id)
    return letter_key(detail.data.caregiver_id)


def _reasons(failures: Sequence[RuleResult], override_reason: str) -> str:
    """The rules' reasons in a sentence: ``6 uur per week, minimaal 8``."""
    texts = [failure.explanation.removeprefix("voldoet niet: ") for failure in failures]
    if not texts and override_reason:
        texts = [override_reason]
    return "; ".join(texts) or "uw aanvraag niet voldoet aan de regels van de gemeente"
