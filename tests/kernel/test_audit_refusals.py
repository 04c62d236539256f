"""A refused request is recorded in the audit trail, in a transaction of its own: who asked,
which use case, which person; the refused work itself changes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine, inspect, select, text
from sqlalchemy.orm import Session

from steunpunt.db.kernel.audit import AuditEvent
from steunpunt.domain.audit import AuditKind
from steunpunt.domain.letters.recipient_filter import RecipientFilter
from steunpunt.domain.roles import Role
from steunpunt.services.caregivers.caseload import NOT_YOURS
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.container import Services
from steunpunt.services.kernel.errors import NotPermitted
from steunpunt.services.letters.dto import MailingRequest
from tests.caregivers.test_caseload import staff_in_role
from tests.helpers import TODAY, add_caregiver, add_mailing_people, contact_data


def everything_but_the_audit(engine: Engine) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table except the audit trail."""
    with engine.connect() as connection:
        return {
            table: [
                tuple(row)
                for row in connection.execute(text(f'SELECT * FROM "{table}" ORDER BY 1'))
            ]
            for table in inspect(engine).get_table_names()
            if table != "audit_event"
        }


def events_after(engine: Engine, last_id: int) -> list[AuditEvent]:
    with Session(engine) as session:
        return list(session.scalars(select(AuditEvent).where(AuditEvent.id > last_id)))


def last_event_id(engine: Engine) -> int:
    with engine.connect() as connection:
        return int(connection.scalar(text("SELECT COALESCE(MAX(id), 0) FROM audit_event")) or 0)


@pytest.fixture
def vera(services: Services, engine: Engine) -> Actor:
    return staff_in_role(services, engine, "Vera", Role.VRIJWILLIGER)


def test_a_volunteers_refused_mailing_leaves_one_event_and_nothing_else(
    services: Services, actor: Actor, vera: Actor, engine: Engine, tmp_path: Path
) -> None:
    add_mailing_people(services, actor)
    template_id = services.letters.templates()[0].id
    before, last = everything_but_the_audit(engine), last_event_id(engine)
    request = MailingRequest(
        template_id=template_id,
        letter_date=TODAY,
        folder=tmp_path / "uit",
        criteria=RecipientFilter(),
    )
    with pytest.raises(NotPermitted, match="Met de rol Vrijwilliger mag u geen mailing maken"):
        services.acting_as(vera).mailings.make_mailing(vera, request)
    [event] = events_after(engine, last)
    assert (event.kind, event.staff_id, event.staff_name) == ("geweigerd", vera.staff_id, "Vera")
    assert event.caregiver_id is None
    assert '"handeling": "letters.MailingService.make_mailing"' in event.details_json
    assert everything_but_the_audit(engine) == before
    assert not (tmp_path / "uit").exists()


def test_a_caregiver_not_theirs_leaves_one_event_naming_them_and_nothing_else(
    services: Services, actor: Actor, vera: Actor, engine: Engine
) -> None:
    piet = add_caregiver(services, actor, first_name="Piet").id
    mine = services.acting_as(vera)
    for refused in (
        lambda: mine.caregivers.get(piet),
        lambda: mine.contacts.add(vera, piet, contact_data(vera.staff_id)),
    ):
        before, last = everything_but_the_audit(engine), last_event_id(engine)
        with pytest.raises(NotPermitted) as problem:
            refused()
        assert problem.value.message == NOT_YOURS
        [event] = events_after(engine, last)
        assert (event.kind, event.staff_id, event.caregiver_id) == (
            AuditKind.REFUSED.value,
            vera.staff_id,
            piet,
        )
        assert everything_but_the_audit(engine) == before
    assert [e.kind for e in services.audit.for_caregiver(piet)][:2] == ["geweigerd", "geweigerd"]


def test_a_role_refusal_names_the_caregiver_the_call_asked_for(
    services: Services, actor: Actor, vera: Actor, engine: Engine
) -> None:
    piet = add_caregiver(services, actor, first_name="Piet").id
    last = last_event_id(engine)
    with pytest.raises(NotPermitted, match="geen inzage-export maken"):
        services.acting_as(vera).inzage.caregiver_dossier(piet)
    [event] = events_after(engine, last)
    assert (event.kind, event.staff_id, event.caregiver_id) == ("geweigerd", vera.staff_id, piet)
