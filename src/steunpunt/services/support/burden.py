"""Use cases of the EDIZ-plus: record and remove measurements, keep the caregiver's band."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from sqlalchemy import ColumnElement, CursorResult, Select, case, select, update
from sqlalchemy.orm import Session

from steunpunt.db.caregivers.models import Caregiver
from steunpunt.db.support.models import BurdenAssessment
from steunpunt.domain.fields import note_text
from steunpunt.domain.support.burden import (
    AssessmentData,
    BurdenBands,
    BurdenLevel,
    answers_from_text,
    answers_to_text,
    bands_from_json,
    bands_to_json,
    check_assessment,
)
from steunpunt.io.burden_statements import load_statements
from steunpunt.services.caregivers.caseload import require_caregiver
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.office_settings import BURDEN_BANDS, read_setting, write_setting
from steunpunt.services.kernel.records import load, load_for_edit
from steunpunt.services.kernel.session_scope import SessionScope
from steunpunt.services.kernel.use_case import reads, writes
from steunpunt.services.support.dto import AssessmentView, BurdenSummary

log = logging.getLogger(__name__)

WHAT = "Deze meting"


class BurdenService:
    """EDIZ-plus measurements of a caregiver; the latest sets the band the list filters on."""

    def __init__(self, scope: SessionScope) -> None:
        self._scope = scope

    @reads
    def statements(self, data_dir: Path | None) -> tuple[str, ...]:
        """The EDIZ-plus statement texts: the steunpunt's own in ``data_dir``, else the shipped."""
        return load_statements(data_dir)

    @reads
    def bands(self) -> BurdenBands:
        with self._scope() as session:
            return read_setting(session, BURDEN_BANDS, bands_from_json)

    @writes
    def save_bands(self, actor: Actor, bands: BurdenBands) -> int:
        """Store new bands and re-band every measured caregiver; returns how many."""
        bands.check()
        with self._scope() as session:
            write_setting(session, BURDEN_BANDS, bands_to_json(bands))
            latest = _latest_total(Caregiver.id).scalar_subquery()
            result: CursorResult[Any] = session.execute(  # type: ignore[assignment]
                update(Caregiver)
                .where(Caregiver.burden_level.is_not(None))
                .values(
                    burden_level=_level_case(latest, bands),
                    overloaded=latest >= bands.overload_from,
                )
                .execution_options(synchronize_session=False)
            )
            log.info("Burden bands saved by staff %s", actor.staff_id)
            return int(result.rowcount or 0)

    @reads
    def summary(self, caregiver_id: int) -> BurdenSummary:
        with self._scope() as session:
            require_caregiver(session, self._scope.reader, caregiver_id)
            bands = read_setting(session, BURDEN_BANDS, bands_from_json)
            rows = session.scalars(
                select(BurdenAssessment)
                .where(BurdenAssessment.caregiver_id == caregiver_id)
                .order_by(BurdenAssessment.assessed_on, BurdenAssessment.id)
            ).all()
            return BurdenSummary(
                tuple(_view(row, bands) for row in rows), bands.items, bands.overload_from
            )

    @writes
    def record(self, actor: Actor, caregiver_id: int, data: AssessmentData) -> BurdenSummary:
        """Store a measurement that adds up (checked here, whatever the caller checked)."""
        with self._scope() as session:
            require_caregiver(session, actor, caregiver_id)
            load(session, Caregiver, caregiver_id, "Deze mantelzorger")
            check_assessment(data, read_setting(session, BURDEN_BANDS, bands_from_json).items)
            session.add(
                BurdenAssessment(
                    caregiver_id=caregiver_id,
                    assessed_on=data.assessed_on,
                    total=data.total,
                    answers=answers_to_text(data.answers),
                    note=note_text(data.note),
                )
            )
            session.flush()
            _refresh_caregiver(session, caregiver_id)
            log.info("Burden measured for caregiver %s by staff %s", caregiver_id, actor.staff_id)
        return self.summary(caregiver_id)

    @writes
    def remove(self, actor: Actor, assessment_id: int, expected_version: int) -> BurdenSummary:
        with self._scope() as session:
            row = load_for_edit(session, BurdenAssessment, assessment_id, expected_version, WHAT)
            caregiver_id = row.caregiver_id
            require_caregiver(session, actor, caregiver_id)
            session.delete(row)
            session.flush()
            _refresh_caregiver(session, caregiver_id)
            log.info("Burden measurement %s removed by staff %s", assessment_id, actor.staff_id)
        return self.summary(caregiver_id)


def _latest_total(caregiver_id: Any) -> Select[int]:
    """The total of a caregiver's latest measurement; ``Caregiver.id`` correlates it."""
    return (
        select(BurdenAssessment.total)
        .where(BurdenAssessment.caregiver_id == caregiver_id)
        .order_by(BurdenAssessment.assessed_on.desc(), BurdenAssessment.id.desc())
        .limit(1)
    )


def _level_case(total: ColumnElement[int], bands: BurdenBands) -> ColumnElement[str]:
    """:meth:`BurdenBands.level` in SQL."""
    return case(
        (total >= bands.heavy_from, BurdenLevel.HEAVY.value),
        (total >= bands.moderate_from, BurdenLevel.MODERATE.value),
        (total >= bands.light_from, BurdenLevel.LIGHT.value),
        else_=BurdenLevel.NONE.value,
    )


def _refresh_caregiver(session: Session, caregiver_id: int) -> None:
    """Set the caregiver's band and overload flag from their latest measurement."""
    bands = read_setting(session, BURDEN_BANDS, bands_from_json)
    caregiver = load(session, Caregiver, caregiver_id, "Deze mantelzorger")
    total = session.scalar(_latest_total(caregiver_id))
    caregiver.burden_level = None if total is None else bands.level(total).value
    caregiver.overloaded = total is not None and bands.overloaded(total)


def _view(row: BurdenAssessment, bands: BurdenBands) -> AssessmentView:
    return AssessmentView(
        row.id,
        row.version,
        row.assessed_on,
        row.total,
        answers_from_text(row.answers),
        bands.level(row.total),
        bands.overloaded(row.total),
        row.note,
    )
