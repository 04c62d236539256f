"""Amounts across batches: earlier grants corrected, overrides, payment batches, waiting places.

Every expected amount is worked out by hand from the round's rules in the comment beside it.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import Engine

from steunpunt.domain.compliment.round_rules import RoundRules
from steunpunt.domain.compliment.status import ApplicationStatus
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.container import Services
from steunpunt.services.kernel.errors import NotAllowed
from tests.compliment.test_services_compliment import SOEST, apply, iban_number, pair
from tests.compliment.test_services_control_letter import set_deadline
from tests.helpers import add_caregiver, relation_data

GRANTED = ApplicationStatus.GRANTED
PAYER = {"payer_name": "Gemeente Soest", "payer_iban": iban_number(99)}
SPLIT = replace(SOEST, split_over_caregivers=True, **PAYER)  # € 100 per naaste, shared
BUDGET = replace(SOEST, fixed_budget_cents=100_000, **PAYER)  # € 1.000 over all grants
PAY_DAY = date(2026, 12, 1)


def round_with(services: Services, actor: Actor, rules: RoundRules) -> int:
    return services.rounds.create(actor, rules).id


def also_caring(services: Services, actor: Actor, naaste: int, name: str) -> tuple[int, int]:
    """Another caregiver of the same naaste; returns (caregiver id, naaste id)."""
    caregiver = add_caregiver(services, actor, first_name=name, iban="")
    services.care_recipients.link(actor, caregiver.id, naaste, relation_data())
    return caregiver.id, naaste


def amounts(services: Services, *ids: int) -> list[int | None]:
    return [services.applications.detail(app).view.amount_cents for app in ids]


def version(services: Services, app: int) -> int:
    return services.applications.detail(app).view.version


# --- earlier grants are corrected ------------------------------------------------------------


def test_a_second_caregiver_in_a_later_batch_halves_the_earlier_unpaid_grant(
    services: Services, actor: Actor, tmp_path: Path
) -> None:
    round_id = round_with(services, actor, SPLIT)
    anna = pair(services, actor, "anna")
    first = apply(services, actor, round_id, anna, iban_number(1))
    services.applications.batch_decide(actor, round_id, [first])
    assert amounts(services, first) == [10_000]  # alone: the whole € 100
    bram = also_caring(services, actor, anna[1], "bram")
    second = apply(services, actor, round_id, bram, iban_number(2), date(2026, 5, 2))

    preview = services.applications.batch_preview(round_id)

    assert [(line.application_id, line.amount_cents) for line in preview.to_decide] == [
        (second, 5_000)  # € 100 / 2 caregivers
    ]
    assert [(line.application_id, line.amount_cents) for line in preview.revised] == [
        (first, 5_000)  # the earlier grant goes down from € 100 to € 50, shown before deciding
    ]
    services.applications.batch_decide(actor, round_id, [second])
    assert amounts(services, first, second) == [5_000, 5_000]  # together the naaste's € 100
    last = services.applications.detail(first).history[-1]
    assert "€ 100,00" in last.reason and "€ 50,00" in last.reason
    assert services.rounds.overview(round_id).granted_cents == 10_000
    result = services.payments.make_batch(actor, round_id, PAY_DAY, tmp_path)
    assert result.total_cents == 10_000  # paid once: € 50 + € 50


def test_a_second_caregiver_granted_by_hand_shares_the_naastes_compliment(
    services: Services, actor: Actor
) -> None:
    round_id = round_with(services, actor, SPLIT)
    anna = pair(services, actor, "anna")
    first = apply(services, actor, round_id, anna, iban_number(1))
    second = apply(
        services, actor, round_id, also_caring(services, actor, anna[1], "bram"), iban_number(2)
    )
    services.applications.change_status(actor, first, 1, GRANTED)
    services.applications.change_status(actor, second, 1, GRANTED)
    assert amounts(services, first, second) == [5_000, 5_000]  # € 100 / 2, not € 100 + € 50


def test_a_fixed_budget_divided_again_in_a_later_batch_never_pays_more_than_the_budget(
    services: Services, actor: Actor
) -> None:
    round_id = round_with(services, actor, BUDGET)
    first = [
        apply(services, actor, round_id, pair(services, actor, name), iban_number(n))
        for n, name in ((1, "anna"), (2, "bram"))
    ]
    services.applications.batch_decide(actor, round_id, first)
    assert amounts(services, *first) == [50_000, 50_000]  # € 1.000 / 2
    later = [
        apply(services, actor, round_id, pair(services, actor, name), iban_number(n))
        for n, name in ((3, "cor"), (4, "dirk"))
    ]
    preview = services.applications.batch_preview(round_id)
    assert [line.amount_cents for line in preview.to_decide] == [25_000, 25_000]  # € 1.000 / 4
    assert [line.amount_cents for line in preview.revised] == [25_000, 25_000]
    services.applications.batch_decide(actor, round_id, later)
    assert amounts(services, *first, *later) == [25_000] * 4
    overview = services.rounds.overview(round_id)
    assert (overview.granted_cents, overview.budget_left_cents) == (100_000, 0)


def test_a_budget_already_in_a_payment_batch_is_not_handed_out_twice(
    services: Services, actor: Actor, tmp_path: Path
) -> None:
    round_id = round_with(services, actor, BUDGET)
    first = [
        apply(services, actor, round_id, pair(services, actor, name), iban_number(n))
        for n, name in ((1, "anna"), (2, "bram"))
    ]
    services.applications.batch_decide(actor, round_id, first)
    services.payments.make_batch(actor, round_id, PAY_DAY, tmp_path)  # € 500 + € 500 in a file
    late = apply(services, actor, round_id, pair(services, actor, "cor"), iban_number(3))

    preview = services.applications.batch_preview(round_id)

    assert preview.to_decide == ()  # nothing of the € 1.000 is left to give
    [left] = preview.left
    assert left.application_id == late and "budget" in left.explanation
    for reason in ("", "toch graag"):  # no reason lifts what the budget has left
        with pytest.raises(NotAllowed, match="budget") as refused:
            services.applications.change_status(actor, late, 1, GRANTED, reason=reason)
        assert "Geef een reden" not in refused.value.message
    overview = services.rounds.overview(round_id)
    assert (overview.granted_cents, overview.budget_left_cents) == (100_000, 0)
    assert amounts(services, *first) == [50_000, 50_000]  # what is in the file stays


def test_a_paid_share_that_became_too_big_is_shown_as_a_difference_to_settle(
    services: Services, actor: Actor, tmp_path: Path
) -> None:
    round_id = round_with(services, actor, SPLIT)
    anna = pair(services, actor, "anna")
    first = apply(services, actor, round_id, anna, iban_number(1))
    second = apply(
        services, actor, round_id, also_caring(services, actor, anna[1], "bram"), iban_number(2)
    )
    services.applications.change_status(actor, first, 1, GRANTED)
    services.applications.change_status(actor, second, 1, GRANTED)  # € 50 + € 50
    services.payments.make_batch(actor, round_id, PAY_DAY, tmp_path)
    third = apply(
        services, actor, round_id, also_caring(services, actor, anna[1], "cor"), iban_number(3)
    )
    # € 100 over 3 caregivers is € 33,34 / € 33,33 / € 33,33, but € 100 is already paid:
    # nothing is left for Cor, so Cor does not fit and no difference arises.
    with pytest.raises(NotAllowed, match="al betaald"):
        services.applications.change_status(actor, third, 1, GRANTED, reason="akkoord")
    overview = services.rounds.overview(round_id)
    assert (overview.granted_cents, overview.overpaid_cents) == (10_000, 0)


def test_a_withdrawal_gives_its_unpaid_share_back_to_the_other_grants(
    services: Services, actor: Actor
) -> None:
    round_id = round_with(services, actor, BUDGET)
    ids = [
        apply(services, actor, round_id, pair(services, actor, name), iban_number(n))
        for n, name in ((1, "anna"), (2, "bram"))
    ]
    services.applications.batch_decide(actor, round_id, ids)  # € 1.000 / 2 = € 500 each
    services.applications.change_status(
        actor, ids[1], version(services, ids[1]), ApplicationStatus.REFUSED, reason="verhuisd"
    )
    assert amounts(services, ids[0]) == [100_000]  # alone again: the whole € 1.000
    assert "€ 1.000,00" in services.applications.detail(ids[0]).history[-1].reason


def test_a_paid_share_that_no_longer_matches_the_rules_is_shown_to_settle(
    services: Services, actor: Actor, engine: Engine, tmp_path: Path
) -> None:
    rules = replace(BUDGET, fixed_budget_cents=90_000, control_letter_required=True)
    round_id = round_with(services, actor, rules)
    ids = [
        apply(services, actor, round_id, pair(services, actor, name), iban_number(n))
        for n, name in ((1, "anna"), (2, "bram"), (3, "cor"))
    ]
    services.applications.batch_decide(actor, round_id, ids)  # three controlebrieven
    anna = services.applications.change_status(actor, ids[0], version(services, ids[0]), GRANTED)
    assert anna.view.amount_cents == 30_000  # € 900 / 3: the waiting ones hold their place
    services.payments.make_batch(actor, round_id, PAY_DAY, tmp_path)  # € 300 to Anna
    set_deadline(engine, ids[1], date(2026, 11, 1))
    services.applications.refuse_overdue_control_letters(actor, round_id)  # Bram drops out
    # Now € 900 / 2 = € 450 each: Anna was paid € 300, € 150 too little, for a person to settle.
    detail = services.applications.detail(ids[0])
    assert detail.view.amount_cents == 30_000 and detail.difference_cents == -15_000
    overview = services.rounds.overview(round_id)
    assert (overview.overpaid_cents, overview.underpaid_cents) == (0, 15_000)
    cor = services.applications.change_status(actor, ids[2], version(services, ids[2]), GRANTED)
    assert cor.view.amount_cents == 45_000  # Cor's share by the rules; € 750 of € 900 handed out


# --- an override grants what the rules give without the cap ---------------------------------


def test_a_cap_overridden_with_a_reason_grants_the_round_amount_and_pays_it(
    services: Services, actor: Actor, tmp_path: Path
) -> None:
    round_id = round_with(services, actor, replace(SOEST, **PAYER))  # 1 per naaste, no split
    anna = pair(services, actor, "anna")
    first = apply(services, actor, round_id, anna, iban_number(1))
    second = apply(
        services, actor, round_id, also_caring(services, actor, anna[1], "bram"), iban_number(2)
    )
    services.applications.change_status(actor, first, 1, GRANTED)
    with pytest.raises(NotAllowed, match="naaste heeft al 1 compliment") as refused:
        services.applications.change_status(actor, second, 1, GRANTED)
    assert refused.value.message.endswith("Geef een reden om het toch te doen; die wordt bewaard.")
    detail = services.applications.change_status(
        actor, second, 1, GRANTED, reason="twee mantelzorgers, akkoord gemeente"
    )
    assert detail.view.amount_cents == 10_000  # the round amount, as without the cap
    assert detail.amount_cents == 10_000
    assert amounts(services, first, second) == [10_000, 10_000]
    result = services.payments.make_batch(actor, round_id, PAY_DAY, tmp_path)
    assert (result.payments, result.total_cents) == (2, 20_000)


def test_an_override_past_the_sharers_cap_shares_as_the_rules_would_without_it(
    services: Services, actor: Actor
) -> None:
    rules = replace(SPLIT, max_caregivers_per_recipient=2)
    round_id = round_with(services, actor, rules)
    anna = pair(services, actor, "anna")
    ids = [apply(services, actor, round_id, anna, iban_number(1))]
    for n, name in ((2, "bram"), (3, "cor")):
        people = also_caring(services, actor, anna[1], name)
        ids.append(apply(services, actor, round_id, people, iban_number(n)))
    # three caregivers for a naaste of at most two: each carries a warning, looked at
    for app, reason in zip(ids, ("", "", "akkoord teamleider"), strict=True):
        services.applications.change_status(
            actor, app, 1, GRANTED, reason=reason, warnings_acknowledged=True
        )
    # € 100 over 3 caregivers: 3.334 + 3.333 + 3.333 cents, the extra cent to the first
    assert amounts(services, *ids) == [3_334, 3_333, 3_333]


# --- a grant in a payment batch stays in it --------------------------------------------------


def test_a_grant_in_a_payment_batch_cannot_be_withdrawn_and_totals_agree(
    services: Services, actor: Actor, tmp_path: Path
) -> None:
    round_id = round_with(services, actor, replace(SOEST, **PAYER))
    app = apply(services, actor, round_id, pair(services, actor, "anna"), iban_number(1))
    services.applications.change_status(actor, app, 1, GRANTED)
    result = services.payments.make_batch(actor, round_id, PAY_DAY, tmp_path)
    with pytest.raises(NotAllowed, match="betaalopdracht"):
        services.applications.change_status(
            actor, app, version(services, app), ApplicationStatus.REFUSED, reason="ingetrokken"
        )
    assert services.rounds.overview(round_id).granted_cents == result.total_cents == 10_000
    services.payments.confirm_paid(actor, result.batch_id)
    assert services.rounds.overview(round_id).paid_cents == result.total_cents


def test_paid_by_hand_is_refused_in_a_money_round_with_a_bank_file(
    services: Services, actor: Actor, tmp_path: Path
) -> None:
    round_id = round_with(services, actor, replace(SOEST, **PAYER))
    ids = [
        apply(services, actor, round_id, pair(services, actor, name), iban_number(n))
        for n, name in ((1, "anna"), (2, "bram"))
    ]
    services.applications.change_status(actor, ids[0], 1, GRANTED)
    services.payments.make_batch(actor, round_id, PAY_DAY, tmp_path)
    services.applications.change_status(actor, ids[1], 1, GRANTED)
    for app in ids:
        with pytest.raises(NotAllowed, match="betaalopdracht"):
            services.applications.change_status(
                actor, app, version(services, app), ApplicationStatus.PAID
            )


def test_a_changed_budget_is_divided_again_over_the_unpaid_grants(
    services: Services, actor: Actor
) -> None:
    round_id = round_with(services, actor, BUDGET)
    ids = [
        apply(services, actor, round_id, pair(services, actor, name), iban_number(n))
        for n, name in ((1, "anna"), (2, "bram"))
    ]
    services.applications.batch_decide(actor, round_id, ids)  # € 1.000 / 2 = € 500 each
    view = services.rounds.get(round_id)
    services.rounds.update_rules(
        actor, round_id, view.version, replace(view.rules, fixed_budget_cents=120_000)
    )
    assert amounts(services, *ids) == [60_000, 60_000]  # € 1.200 / 2
    assert "€ 600,00" in services.applications.detail(ids[0]).history[-1].reason
