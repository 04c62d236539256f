"""Use cases of the sociale kaart: the partner organisations the steunpunt works with."""

from __future__ import annotations

import logging

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from steunpunt.db.support.models import Partner, Referral
from steunpunt.domain.support.partner import PartnerData, PartnerKind
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.errors import NotAllowed
from steunpunt.services.kernel.records import load, load_for_edit
from steunpunt.services.kernel.session_scope import SessionScope
from steunpunt.services.kernel.use_case import reads, writes
from steunpunt.services.support.dto import PartnerView

log = logging.getLogger(__name__)

WHAT = "Deze organisatie"


class PartnerService:
    """Add, change, deactivate and list partner organisations."""

    def __init__(self, scope: SessionScope) -> None:
        self._scope = scope

    @reads
    def partners(
        self, active_only: bool = False, kind: PartnerKind | None = None
    ) -> list[PartnerView]:
        """Partners by name, with how many referrals each has had."""
        counts = (
            select(Referral.partner_id, func.count().label("referrals"))
            .group_by(Referral.partner_id)
            .subquery()
        )
        query = (
            select(Partner, func.coalesce(counts.c.referrals, 0))
            .outerjoin(counts, counts.c.partner_id == Partner.id)
            .order_by(func.lower(Partner.name), Partner.id)
        )
        if active_only:
            query = query.where(Partner.active.is_(True))
        if kind is not None:
            query = query.where(Partner.kind == kind.value)
        with self._scope() as session:
            return [_view(row, int(referrals)) for row, referrals in session.execute(query)]

    @reads
    def get(self, partner_id: int) -> PartnerView:
        with self._scope() as session:
            return _view(load(session, Partner, partner_id, WHAT), _referrals(session, partner_id))

    @writes
    def create(self, actor: Actor, data: PartnerData) -> PartnerView:
        with self._scope() as session:
            row = Partner()
            _apply(row, data)
            session.add(row)
            session.flush()
            log.info("Partner %s added by staff %s", row.id, actor.staff_id)
            return _view(row, 0)

    @writes
    def update(
        self, actor: Actor, partner_id: int, expected_version: int, data: PartnerData
    ) -> PartnerView:
        with self._scope() as session:
            row = load_for_edit(session, Partner, partner_id, expected_version, WHAT)
            _apply(row, data)
            session.flush()
            log.info("Partner %s changed by staff %s", partner_id, actor.staff_id)
            return _view(row, _referrals(session, partner_id))

    @writes
    def remove(self, actor: Actor, partner_id: int, expected_version: int) -> None:
        """Delete a partner nobody was referred to; one with referrals is made inactive instead."""
        with self._scope() as session:
            row = load_for_edit(session, Partner, partner_id, expected_version, WHAT)
            used = _referrals(session, partner_id)
            if used:
                raise NotAllowed(
                    f"Naar {row.name} is {used} keer doorverwezen; die verwijzingen blijven "
                    "bewaard. Zet de organisatie op 'niet actief' in plaats van haar te "
                    "verwijderen."
                )
            session.delete(row)
            log.info("Partner %s removed by staff %s", partner_id, actor.staff_id)


def _referrals(session: Session, partner_id: int) -> int:
    count = session.scalar(select(func.count()).where(Referral.partner_id == partner_id))
    return int(count or 0)


def _apply(row: Partner, data: PartnerData) -> None:
    row.name = data.name
    row.kind = data.kind.value
    row.contact_person = data.contact_person
    row.phone = data.phone
    row.email = data.email
    row.address = data.address
    row.notes = data.notes
    row.active = data.active
    row.hourly_rate_cents = data.hourly_rate_cents


def _view(row: Partner, referrals: int) -> PartnerView:
    data = PartnerData(
        row.name,
        PartnerKind(row.kind),
        row.contact_person,
        row.phone,
        row.email,
        row.address,
        row.notes,
        row.active,
        row.hourly_rate_cents,
    )
    return PartnerView(row.id, row.version, data, referrals)
