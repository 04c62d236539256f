"""Checks around a decision: late controlebrieven, waiting places, one gemeente, the status path.

Every expected outcome is worked out by hand from the round's rules in the comment beside it.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import Engine, insert, select

from steunpunt.db.compliment.models import ComplimentApplication, ComplimentRound
from steunpunt.domain.compliment.round_rules import rules_to_json
from steunpunt.domain.compliment.status import ApplicationStatus
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.container import Services
from steunpunt.services.kernel.errors import NotAllowed
from tests.compliment.test_services_compliment import SOEST, apply, iban_number, pair
from tests.compliment.test_services_compliment_amounts import also_caring, version
from tests.compliment.test_services_control_letter import set_deadline
from tests.helpers import add_caregiver, care_recipient_data, relation_data

GRANTED = ApplicationStatus.GRANTED
AWAITING = ApplicationStatus.AWAITING_CONTROL_LETTER
CONTROL = replace(SOEST, control_letter_required=True)
KERKWEG = {
    "street": "Kerkweg",
    "house_number": "2",
    "postcode": "3761 AB",
    "place": "Soest",
    "municipality": "Soest",
}


def test_granting_after_the_controlebrief_deadline_needs_a_reason(
    services: Services, actor: Actor, engine: Engine
) -> None:
    round_id = services.rounds.create(actor, CONTROL).id
    app = apply(services, actor, round_id, pair(services, actor, "anna"), iban_number(1))
    services.applications.batch_decide(actor, round_id, [app])
    set_deadline(engine, app, date(2026, 11, 21))  # today is 22 November: one day late
    with pytest.raises(NotAllowed, match="termijn"):
        services.applications.change_status(actor, app, version(services, app), GRANTED)
    granted = services.applications.change_status(
        actor, app, version(services, app), GRANTED, reason="brief lag bij de buren"
    )
    assert granted.view.status is GRANTED
    assert granted.history[-1].reason == "brief lag bij de buren"


def test_an_application_waiting_for_its_controlebrief_holds_the_naastes_place(
    services: Services, actor: Actor
) -> None:
    round_id = services.rounds.create(actor, CONTROL).id  # 1 compliment per naaste
    anna = pair(services, actor, "anna")
    first = apply(services, actor, round_id, anna, iban_number(1))
    services.applications.batch_decide(actor, round_id, [first])  # letter 1 to the naaste
    bram = also_caring(services, actor, anna[1], "bram")
    second = apply(services, actor, round_id, bram, iban_number(2), date(2026, 5, 2))

    preview = services.applications.batch_preview(round_id)

    assert preview.to_decide == ()  # no second letter to the same naaste
    [left] = preview.left
    assert left.application_id == second and "naaste heeft al" in left.explanation


def test_waiting_applications_keep_their_places_in_order_of_arrival(
    services: Services, actor: Actor, engine: Engine
) -> None:
    round_id = services.rounds.create(actor, CONTROL).id
    anna = pair(services, actor, "anna")
    first = apply(services, actor, round_id, anna, iban_number(1))
    second = apply(
        services,
        actor,
        round_id,
        also_caring(services, actor, anna[1], "bram"),
        iban_number(2),
        date(2026, 5, 2),
    )
    for app in (first, second):  # by hand, as an old database may hold two waiting ones
        services.applications.change_status(actor, app, 1, ApplicationStatus.IN_REVIEW)
    services.applications.change_status(actor, first, 2, AWAITING)
    with pytest.raises(NotAllowed, match="naaste heeft al"):
        services.applications.change_status(actor, second, 2, AWAITING)


def test_a_batch_sends_the_controlebrief_through_the_same_status_path_as_a_person(
    services: Services, actor: Actor
) -> None:
    round_id = services.rounds.create(actor, CONTROL).id
    app = apply(services, actor, round_id, pair(services, actor, "anna"), iban_number(1))
    services.applications.batch_decide(actor, round_id, [app])
    history = services.applications.detail(app).history
    assert [(change.from_status, change.to_status) for change in history] == [
        (None, ApplicationStatus.RECEIVED),
        (ApplicationStatus.RECEIVED, ApplicationStatus.IN_REVIEW),
        (ApplicationStatus.IN_REVIEW, AWAITING),
    ]


# --- one gemeente, whatever its spelling -----------------------------------------------------


@pytest.mark.parametrize("spelling", ["soest", "SOEST", " Soest ", "Sóest"])
def test_a_gemeente_has_one_round_a_year_whatever_its_spelling(
    services: Services, actor: Actor, spelling: str
) -> None:
    services.rounds.create(actor, SOEST)
    with pytest.raises(NotAllowed, match="al een ronde 2026"):
        services.rounds.create(actor, replace(SOEST, municipality=spelling))
    assert [view.title for view in services.rounds.rounds()] == ["Soest 2026"]


def test_the_caregiver_cap_counts_every_round_of_the_gemeente_and_year(
    services: Services, actor: Actor, engine: Engine
) -> None:
    first_round = services.rounds.create(actor, SOEST).id
    with engine.begin() as connection:  # a second spelling, as an older version allowed
        second_round = connection.execute(
            insert(ComplimentRound)
            .values(
                uuid="00000000-0000-0000-0000-000000000001",
                version=1,
                year=2026,
                municipality="soest",
                rules_json=rules_to_json(replace(SOEST, municipality="soest")),
            )
            .returning(ComplimentRound.id)
        ).scalar_one()
    anna, first_naaste = pair(services, actor, "anna")
    granted = apply(services, actor, first_round, (anna, first_naaste), iban_number(1))
    services.applications.change_status(actor, granted, 1, GRANTED)
    other = services.care_recipients.create_for_caregiver(
        actor,
        anna,
        care_recipient_data(first_name="tweede", **KERKWEG),
        relation_data(),
    )
    second = apply(services, actor, second_round, (anna, other.care_recipient_id), iban_number(1))
    # 1 compliment per caregiver a year: Anna has hers from the other spelling's round.
    with pytest.raises(NotAllowed, match="mantelzorger heeft al 1 compliment"):
        services.applications.change_status(actor, second, 1, GRANTED, warnings_acknowledged=True)


def test_already_granted_this_year_warns_within_the_round_itself(
    services: Services, actor: Actor
) -> None:
    round_id = services.rounds.create(actor, SOEST).id  # 1 compliment per caregiver
    anna, naaste = pair(services, actor, "anna")
    first = apply(services, actor, round_id, (anna, naaste), iban_number(1))
    other = services.care_recipients.create_for_caregiver(
        actor,
        anna,
        care_recipient_data(first_name="tweede", **KERKWEG),
        relation_data(),
    )
    second = apply(services, actor, round_id, (anna, other.care_recipient_id), iban_number(1))
    services.applications.change_status(actor, first, 1, GRANTED)
    warnings = services.applications.detail(second).warnings
    assert any("al een compliment" in warning for warning in warnings)
    assert not services.applications.detail(first).warnings  # its own grant is no warning


# --- judged on the date received -------------------------------------------------------------


def test_a_registration_ending_after_the_application_does_not_fail_it(
    services: Services, actor: Actor
) -> None:
    round_id = services.rounds.create(actor, SOEST).id
    caregiver = add_caregiver(
        services, actor, first_name="anna", iban="", ended_on="20-11-2026", end_reason="verhuisd"
    )
    naaste = services.care_recipients.create_for_caregiver(
        actor,
        caregiver.id,
        care_recipient_data(**KERKWEG),
        relation_data(),
    )
    # received 1 May, registration ended 20 November, decided 22 November
    app = apply(services, actor, round_id, (caregiver.id, naaste.care_recipient_id))
    detail = services.applications.detail(app)
    assert detail.verdict.eligible
    assert detail.warnings == ()


def test_a_registration_ended_before_the_application_fails_it(
    services: Services, actor: Actor
) -> None:
    round_id = services.rounds.create(actor, SOEST).id
    caregiver = add_caregiver(
        services, actor, first_name="anna", iban="", ended_on="30-04-2026", end_reason="verhuisd"
    )
    naaste = services.care_recipients.create_for_caregiver(
        actor,
        caregiver.id,
        care_recipient_data(**KERKWEG),
        relation_data(),
    )
    app = apply(services, actor, round_id, (caregiver.id, naaste.care_recipient_id))
    assert [r.rule for r in services.applications.detail(app).verdict.failures] == ["inschrijving"]


# --- rules an older version stored unchecked -------------------------------------------------


def test_a_round_stored_with_an_absurd_amount_is_refused_in_dutch_until_it_is_corrected(
    services: Services, actor: Actor, engine: Engine
) -> None:
    with engine.begin() as connection:  # as an older version let anyone save it
        round_id = connection.execute(
            insert(ComplimentRound)
            .values(
                uuid="00000000-0000-0000-0000-000000000002",
                version=1,
                year=2026,
                municipality="Soest",
                rules_json=rules_to_json(replace(SOEST, amount_cents=10**23)),
            )
            .returning(ComplimentRound.id)
        ).scalar_one()
    anna, naaste = pair(services, actor, "anna")
    application = apply(services, actor, round_id, (anna, naaste), iban_number(1))
    with pytest.raises(
        NotAllowed, match=r"toegepast\. Het bedrag: .* Pas de regels van de ronde aan\."
    ):
        services.applications.change_status(actor, application, 1, GRANTED)
    with engine.connect() as connection:
        status = connection.scalar(
            select(ComplimentApplication.status).where(ComplimentApplication.id == application)
        )
    assert status == ApplicationStatus.RECEIVED  # nothing changed

    view = services.rounds.get(round_id)  # the round still opens, to be corrected
    services.rounds.update_rules(
        actor, round_id, view.version, replace(view.rules, amount_cents=5000)
    )
    services.applications.change_status(actor, application, 1, GRANTED)
    assert services.applications.detail(application).amount_cents == 5000
