"""Use cases of referrals: a caregiver handed on to a partner, followed up and closed."""

from __future__ import annotations

import logging

from sqlalchemy import select

from steunpunt.db.caregivers.models import Caregiver
from steunpunt.db.support.models import Partner, Referral
from steunpunt.domain.support.referral import NO_CONSENT, ReferralData, ReferralOutcome
from steunpunt.services.caregivers.caseload import require_caregiver
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.errors import NotAllowed
from steunpunt.services.kernel.records import load, load_for_edit
from steunpunt.services.kernel.session_scope import SessionScope
from steunpunt.services.kernel.use_case import reads, writes
from steunpunt.services.support.dto import ReferralView

log = logging.getLogger(__name__)

WHAT = "Deze verwijzing"


class ReferralService:
    """Record, change and remove a caregiver's referrals."""

    def __init__(self, scope: SessionScope) -> None:
        self._scope = scope

    @reads
    def referrals(self, caregiver_id: int) -> list[ReferralView]:
        """The caregiver's referrals, newest first."""
        query = (
            select(Referral, Partner.name)
            .join(Partner, Partner.id == Referral.partner_id)
            .where(Referral.caregiver_id == caregiver_id)
            .order_by(Referral.referred_on.desc(), Referral.id.desc())
        )
        with self._scope() as session:
            require_caregiver(session, self._scope.reader, caregiver_id)
            return [_view(row, name) for row, name in session.execute(query)]

    @writes
    def add(self, actor: Actor, caregiver_id: int, data: ReferralData) -> ReferralView:
        _refuse_without_consent(data)
        with self._scope() as session:
            require_caregiver(session, actor, caregiver_id)
            load(session, Caregiver, caregiver_id, "Deze mantelzorger")
            partner = load(session, Partner, data.partner_id, "Deze organisatie")
            row = Referral(caregiver_id=caregiver_id, staff_member_id=actor.staff_id)
            _apply(row, data)
            session.add(row)
            session.flush()
            log.info("Referral %s added by staff %s", row.id, actor.staff_id)
            return _view(row, partner.name)

    @writes
    def update(
        self, actor: Actor, referral_id: int, expected_version: int, data: ReferralData
    ) -> ReferralView:
        _refuse_without_consent(data)
        with self._scope() as session:
            row = load_for_edit(session, Referral, referral_id, expected_version, WHAT)
            require_caregiver(session, actor, row.caregiver_id)
            partner = load(session, Partner, data.partner_id, "Deze organisatie")
            _apply(row, data)
            session.flush()
            log.info("Referral %s changed by staff %s", referral_id, actor.staff_id)
            return _view(row, partner.name)

    @writes
    def remove(self, actor: Actor, referral_id: int, expected_version: int) -> None:
        with self._scope() as session:
            row = load_for_edit(session, Referral, referral_id, expected_version, WHAT)
            require_caregiver(session, actor, row.caregiver_id)
            session.delete(row)
            log.info("Referral %s removed by staff %s", referral_id, actor.staff_id)


def _refuse_without_consent(data: ReferralData) -> None:
    """The form refuses this too; the service guards every other way in."""
    if not data.consent_to_share:
        raise NotAllowed(NO_CONSENT)


def _apply(row: Referral, data: ReferralData) -> None:
    row.partner_id = data.partner_id
    row.referred_on = data.referred_on
    row.reason = data.reason
    row.consent_to_share = data.consent_to_share
    row.follow_up_on = data.follow_up_on
    row.outcome = data.outcome.value if data.outcome else None
    row.closed_on = data.closed_on


def _view(row: Referral, partner_name: str) -> ReferralView:
    data = ReferralData(
        row.partner_id,
        row.referred_on,
        row.reason,
        row.consent_to_share,
        row.follow_up_on,
        ReferralOutcome(row.outcome) if row.outcome else None,
        row.closed_on,
    )
    return ReferralView(row.id, row.version, row.caregiver_id, partner_name, data)
