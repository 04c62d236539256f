"""The plan: every row of the file checked with the register's own rules and matched with the
register and the file's earlier rows, before anything is written."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from steunpunt.db.caregivers.models import Caregiver
from steunpunt.domain.duplicates.similarity import MatchReason
from steunpunt.domain.imports.plan import ImportPlan, Outcome, PlannedRow, check_row
from steunpunt.domain.imports.read_row import ReadRow
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.container import Services
from tests.conftest import TODAY
from tests.helpers import add_caregiver
from tests.imports.scenario import ANNA, anna_row, file_rows, register_with_jan


def by_row(plan: ImportPlan) -> dict[int, PlannedRow]:
    return {row.source_row: row for row in plan.rows}


def test_every_row_gets_its_outcome_and_the_counts_add_up(
    services: Services, actor: Actor, engine: Engine
) -> None:
    jan = register_with_jan(services, actor)
    plan = services.imports.plan(file_rows())
    rows = by_row(plan)
    assert {number: row.outcome for number, row in rows.items()} == {
        2: Outcome.NEW,
        3: Outcome.LIKELY_EXISTING,
        4: Outcome.SKIPPED,
        5: Outcome.SKIPPED,
        6: Outcome.REFUSED,
        7: Outcome.LIKELY_EXISTING,
        8: Outcome.SKIPPED,
        9: Outcome.REFUSED,
    }
    counts = plan.counts
    assert (counts.data_rows, counts.new, counts.likely_existing) == (8, 1, 2)
    assert (counts.refused, counts.skipped, counts.adds_up) == (2, 3, True)
    assert counts.summary == (
        "8 gegevensrijen: 1 nieuw, 2 bestaat waarschijnlijk al, 2 geweigerd, "
        "3 overgeslagen; samen 8."
    )
    with Session(engine) as session:  # a plan writes nothing
        assert session.scalar(select(func.count(Caregiver.id))) == 1

    # J.P. de Vries: Jan by address and birth date; last name 100, initial J 90: score 95
    [candidate] = rows[3].candidates
    assert (candidate.caregiver_id, candidate.source_row, candidate.score) == (jan.id, None, 95)
    assert candidate.reasons == (MatchReason.SAME_ADDRESS, MatchReason.SAME_BIRTH_DATE)
    assert rows[3].reasons == (
        f"Jan Pieter de Vries (nr. {jan.id}): zelfde adres, zelfde geboortedatum, score 95",
    )
    # A. Bakker: the same person as the file's row 2 (address and phone)
    [earlier] = rows[7].candidates
    assert (earlier.source_row, earlier.caregiver_id, earlier.score) == (2, None, 95)
    assert rows[7].reasons == (
        "Anna Bakker (rij 2): zelfde adres, zelfde telefoonnummer, score 95",
    )


def test_skipped_and_refused_rows_say_why_in_dutch(services: Services) -> None:
    rows = by_row(services.imports.plan(file_rows()))
    assert rows[4].reasons == ("lege rij",)
    assert rows[5].reasons == ("herhaling van rij 2",)
    assert rows[8].reasons == ("totaalrij",)
    # the reader's problem first, then the register's own rule
    assert rows[6].reasons == (
        "geboortedatum: De datum 'ooit' is niet te lezen.",
        "postcode: Vul een Nederlandse postcode in: vier cijfers en twee letters, zoals 1234 AB.",
    )
    assert rows[9].reasons == ("relatie: Kies de relatie tot de naaste.",)
    assert rows[2].reasons == ()


def test_a_new_row_keeps_its_registration_date_and_its_naaste() -> None:
    row = check_row(
        ReadRow(2, (), ANNA, {"last_name": "Bakker"}, {"relation_type": "partner"}), TODAY
    )
    assert row.outcome is Outcome.NEW and row.person is not None
    assert row.person.caregiver.registered_on == date(2020, 1, 15)
    assert row.person.care_recipient is not None
    assert row.person.care_recipient.name.last_name == "Bakker"
    without_date = check_row(ReadRow(3, (), {**ANNA, "registered_on": ""}), TODAY)
    assert without_date.person is not None
    assert without_date.person.caregiver.registered_on == TODAY  # registered by the import


def test_the_register_rules_refuse_per_field_with_the_naastes_fields_named() -> None:
    row = check_row(
        ReadRow(
            4,
            (),
            {
                "first_name": "Kees",
                "last_name": "",
                "email": "kees@",
                "registered_on": "01-01-2040",
            },
            {"first_name": "Mien"},
            {"relation_type": "ouder", "hours_per_week": "200"},
        ),
        TODAY,
    )
    assert row.outcome is Outcome.REFUSED
    assert set(row.problems) == {
        "last_name",
        "email",
        "registered_on",
        "care_recipient.last_name",
        "relation.hours_per_week",
    }
    assert "naaste: achternaam: Vul de achternaam van de naaste in." in row.reasons
    assert any(reason.startswith("uren per week: Een week heeft 168 uur") for reason in row.reasons)


def test_the_same_person_twice_in_the_file_but_for_a_detail_is_likely_the_earlier_row(
    services: Services,
) -> None:
    second = ReadRow(3, (), {**ANNA, "phone": "06-11112222"})
    rows = by_row(services.imports.plan([ReadRow(2, (), ANNA), second]))
    assert rows[3].outcome is Outcome.LIKELY_EXISTING
    assert [c.source_row for c in rows[3].candidates] == [2]


def test_hours_without_a_naaste_are_refused_not_dropped() -> None:
    row = check_row(ReadRow(5, (), ANNA, {}, {"hours_per_week": "10"}), TODAY)
    assert row.outcome is Outcome.REFUSED
    assert row.reasons == (
        "naaste: achternaam: Vul de achternaam van de naaste in.",
        "relatie: Kies de relatie tot de naaste.",
    )


def test_of_two_people_in_the_register_the_likelier_comes_first(
    services: Services, actor: Actor
) -> None:
    """Anna Bakkers (same birth date only, registered first) and Anna Bakker (same address and
    birth date): the row is offered to merge into Anna Bakker, the better match."""
    common = {"email": "", "iban": "", "source": "", "notes": "", "salutation": "mevrouw"}
    other = add_caregiver(
        services, actor, first_name="Anna", infix="", last_name="Bakkers",
        birth_date="12-03-1956", street="Laan", house_number="1", house_number_suffix="",
        postcode="3818 AA", place="Amersfoort", phone="", **common,
    )  # fmt: skip
    same = add_caregiver(
        services, actor, first_name="Anna", infix="", last_name="Bakker",
        birth_date="12-03-1956", street="Kerkstraat", house_number="5", house_number_suffix="",
        postcode="3811 CD", place="Amersfoort", phone="", **common,
    )  # fmt: skip

    [row] = services.imports.plan([anna_row(2)]).rows

    assert [candidate.caregiver_id for candidate in row.candidates] == [same.id, other.id]
    assert row.candidates[0].score > row.candidates[1].score
