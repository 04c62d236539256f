"""Two records of one person with history on both sides, and whole-table dumps to compare."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Engine, select, text
from sqlalchemy.orm import Session

from steunpunt.db.caregivers.models import Caregiver, Contact
from steunpunt.db.kernel.tables import metadata
from steunpunt.db.letters.models import Mailing, SentLetter
from steunpunt.demo.fill import fill_demo_database
from steunpunt.demo.support import fill_demo_support
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.container import Services
from tests.compliment.test_services_compliment import SOEST, apply
from tests.helpers import TODAY, care_recipient_data, contact_data, relation_data

HISTORY_TABLES = ("caregiver_merge", "audit_event")
"""Tables that keep what happened (the merge and its undo) and so differ after an undo."""


@dataclass(frozen=True)
class Twins:
    """Two caregivers who are one person: ``busy`` has the most history, ``quiet`` less."""

    busy: int
    quiet: int
    shared_naaste: int
    round_id: int


def two_records_of_one_person(services: Services, actor: Actor, engine: Engine) -> Twins:
    """A demo register with two records of one person, each with contacts, naasten,
    measurements, referrals, household help, an application and a letter; one naaste both
    care for."""
    fill_demo_database(engine, 40, today=TODAY)
    fill_demo_support(engine, today=TODAY)
    with Session(engine) as session:
        counts = session.execute(
            select(Contact.caregiver_id)
            .group_by(Contact.caregiver_id)
            .order_by(Contact.caregiver_id)
        ).scalars()
        with_history = list(counts)
    busy, quiet = with_history[0], with_history[1]
    with Session(engine) as session:
        quiet_row = session.get_one(Caregiver, quiet)
        quiet_row.first_name, quiet_row.infix, quiet_row.last_name = "Anna", "", "Jansen"
        busy_row = session.get_one(Caregiver, busy)
        busy_row.first_name, busy_row.infix, busy_row.last_name = "Anna", "", "Janssen"
        busy_row.birth_date = quiet_row.birth_date = date(1958, 3, 12)
        busy_row.email = ""
        session.commit()
    shared = services.care_recipients.create_for_caregiver(
        actor, busy, care_recipient_data(first_name="Gedeelde"), relation_data()
    ).care_recipient_id
    services.care_recipients.link(actor, quiet, shared, relation_data(hours_per_week="10"))
    own = services.care_recipients.create_for_caregiver(
        actor, quiet, care_recipient_data(first_name="Eigen"), relation_data()
    ).care_recipient_id
    round_id = services.rounds.create(actor, SOEST).id
    apply(services, actor, round_id, (quiet, own))
    _letter_for(engine, quiet)
    for _ in range(3):
        services.contacts.add(actor, busy, contact_data())
    return Twins(busy, quiet, shared, round_id)


def _letter_for(engine: Engine, caregiver_id: int) -> None:
    with Session(engine) as session:
        mailing = Mailing(
            year=2026,
            number=1,
            reference="2026-0001",
            completed=True,
            template_name="Welkom",
            kind="vrij",
            subject="Welkom",
            body="Beste {aanhef}",
            letter_date=TODAY,
        )
        session.add(mailing)
        session.flush()
        session.add(
            SentLetter(
                caregiver_id=caregiver_id,
                mailing_id=mailing.id,
                sent_on=TODAY,
                addressed_as="Mevrouw A. Jansen",
            )
        )
        session.commit()


def dump(engine: Engine) -> dict[str, list[dict[str, Any]]]:
    """Every row of every table but the history, in id order."""
    with engine.connect() as connection:
        return {
            table.name: [
                dict(row)
                for row in connection.execute(select(table).order_by(*table.primary_key)).mappings()
            ]
            for table in metadata.sorted_tables
            if table.name not in HISTORY_TABLES
        }


def fts_rows(engine: Engine) -> list[tuple[Any, ...]]:
    """The search index's rows."""
    with engine.connect() as connection:
        return [
            tuple(row)
            for row in connection.execute(text("SELECT rowid FROM caregiver_fts ORDER BY rowid"))
        ]
