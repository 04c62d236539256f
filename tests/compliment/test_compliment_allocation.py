"""The compliment's caps and splits: who fits, first come first served, and for how much."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from typing import Any

import pytest

from steunpunt.domain.age import AgeBracket
from steunpunt.domain.compliment.allocation import (
    Allocation,
    Grant,
    allocate,
    euro,
    split_cents,
    without_caps,
)
from steunpunt.domain.compliment.facts import ApplicationFacts
from steunpunt.domain.compliment.pools import scale_cents
from steunpunt.domain.compliment.round_rules import RoundRules

# No caps at all unless a test sets them.
OPEN = RoundRules(
    year=2026,
    municipality="Soest",
    opens_on=date(2026, 5, 1),
    closes_on=date(2026, 10, 15),
    amount_cents=10_000,
    per_care_recipient=None,
    per_caregiver=None,
)

FIRST_DAY = date(2026, 5, 1)


def application(app_id: int, caregiver: int, recipient: int, **more: Any) -> ApplicationFacts:
    """Application ``app_id``, received ``app_id`` days after opening unless told otherwise."""
    facts = ApplicationFacts(
        application_id=app_id,
        caregiver_id=caregiver,
        care_recipient_id=recipient,
        received_on=FIRST_DAY + timedelta(days=app_id),
        caregiver_birth_date=date(1960, 2, 1),
        caregiver_municipality="Soest",
        caregiver_place="Soest",
        recipient_municipality="Soest",
        recipient_place="Soest",
        hours_per_week=12,
        care_since=date(2025, 1, 1),
        recipient_in_wlz_institution=False,
        caregiver_registration_ended=False,
        address_key=f"3760AA {caregiver}",
    )
    return replace(facts, **more)


def outcome(allocations: list[Allocation]) -> list[tuple[int, bool, int]]:
    return [(item.application_id, item.granted, item.amount_cents) for item in allocations]


CAP_TABLE: list[
    tuple[str, dict[str, Any], list[ApplicationFacts], list[tuple[int, bool, int]], str]
] = [
    (
        "per naaste 1",
        {"per_care_recipient": 1},
        [application(1, 10, 20), application(2, 11, 20), application(3, 12, 21)],
        [(1, True, 10_000), (2, False, 0), (3, True, 10_000)],
        "past niet: naaste heeft al 1 compliment dit jaar (maximaal 1)",
    ),
    (
        "per adres 1",
        {"per_address": 1},
        [
            application(1, 10, 20, address_key="3760AA 1"),
            application(2, 11, 21, address_key="3760 aa 1"),
            application(3, 12, 22, address_key="3760AA 2"),
        ],
        [(1, True, 10_000), (2, False, 0), (3, True, 10_000)],
        "past niet: op dit adres is al 1 compliment toegekend dit jaar (maximaal 1)",
    ),
    (
        "per adres 2",
        {"per_address": 2},
        [
            application(1, 10, 20, address_key="3760AA 1"),
            application(2, 11, 21, address_key="3760AA 1"),
            application(3, 12, 22, address_key="3760AA 1"),
        ],
        [(1, True, 10_000), (2, True, 10_000), (3, False, 0)],
        "past niet: op dit adres is al 2 complimenten toegekend dit jaar (maximaal 2)",
    ),
    (
        "per mantelzorger 1",
        {"per_caregiver": 1},
        [application(1, 10, 20), application(2, 10, 21), application(3, 11, 21)],
        [(1, True, 10_000), (2, False, 0), (3, True, 10_000)],
        "past niet: mantelzorger heeft al 1 compliment dit jaar (maximaal 1)",
    ),
    (
        "maximaal 2 mantelzorgers van 3 aanvragers, zonder verdeling",
        {"max_caregivers_per_recipient": 2},
        [application(1, 10, 20), application(2, 11, 20), application(3, 12, 20)],
        [(1, True, 10_000), (2, True, 10_000), (3, False, 0)],
        "past niet: naaste heeft al 2 mantelzorgers met een compliment (maximaal 2)",
    ),
    (
        "maximaal 2 mantelzorgers van 3 aanvragers, verdeeld",
        {"max_caregivers_per_recipient": 2, "per_care_recipient": 1, "split_over_caregivers": True},
        [application(1, 10, 20), application(2, 11, 20), application(3, 12, 20)],
        [(1, True, 5_000), (2, True, 5_000), (3, False, 0)],
        "past niet: naaste heeft al 2 mantelzorgers met een compliment (maximaal 2)",
    ),
]


@pytest.mark.parametrize(
    ("rules", "candidates", "expected", "refusal"),
    [case[1:] for case in CAP_TABLE],
    ids=[case[0] for case in CAP_TABLE],
)
def test_caps(
    rules: dict[str, Any],
    candidates: list[ApplicationFacts],
    expected: list[tuple[int, bool, int]],
    refusal: str,
) -> None:
    allocations = allocate(replace(OPEN, **rules), candidates, [])
    assert outcome(allocations) == expected
    assert [item.explanation for item in allocations if not item.granted] == [refusal]


def test_no_caps_grant_everyone() -> None:
    candidates = [application(1, 10, 20), application(2, 10, 20), application(3, 10, 20)]
    allocations = allocate(OPEN, candidates, [])
    assert all(item.granted for item in allocations)
    assert [item.explanation for item in allocations] == ["past: € 100,00"] * 3


def test_a_refusal_names_every_cap_it_exceeds() -> None:
    rules = replace(OPEN, per_caregiver=1, per_care_recipient=1, per_address=1)
    allocations = allocate(rules, [application(1, 10, 20), application(2, 10, 20)], [])
    assert allocations[1].explanation == (
        "past niet: mantelzorger heeft al 1 compliment dit jaar (maximaal 1); "
        "naaste heeft al 1 compliment dit jaar (maximaal 1); "
        "op dit adres is al 1 compliment toegekend dit jaar (maximaal 1)"
    )


def test_an_empty_address_is_not_counted() -> None:
    rules = replace(OPEN, per_address=1)
    candidates = [application(1, 10, 20, address_key=""), application(2, 11, 21, address_key=" ")]
    assert [item.granted for item in allocate(rules, candidates, [])] == [True, True]


def test_split_100_euro_over_3_caregivers_gives_the_extra_cent_to_the_first() -> None:
    rules = replace(OPEN, per_care_recipient=1, split_over_caregivers=True)
    # Handed in out of order; the earliest received gets the remainder cent.
    candidates = [application(3, 12, 20), application(1, 10, 20), application(2, 11, 20)]
    allocations = allocate(rules, candidates, [])
    assert outcome(allocations) == [(1, True, 3_334), (2, True, 3_333), (3, True, 3_333)]
    assert sum(item.amount_cents for item in allocations) == 10_000
    assert allocations[0].explanation == (
        "past: € 33,34 (€ 100,00 verdeeld over 3 mantelzorgers van deze naaste)"
    )
    assert allocations[1].explanation == (
        "past: € 33,33 (€ 100,00 verdeeld over 3 mantelzorgers van deze naaste)"
    )


def test_split_is_per_naaste() -> None:
    rules = replace(OPEN, per_care_recipient=1, split_over_caregivers=True)
    candidates = [application(1, 10, 20), application(2, 11, 20), application(3, 12, 21)]
    allocations = allocate(rules, candidates, [])
    assert outcome(allocations) == [(1, True, 5_000), (2, True, 5_000), (3, True, 10_000)]
    assert allocations[2].explanation == "past: € 100,00"


def test_split_ignores_age_brackets_and_uses_the_round_amount() -> None:
    rules = replace(
        OPEN,
        split_over_caregivers=True,
        amounts_by_bracket={AgeBracket.UNDER_18: 2_500},
    )
    young = application(2, 11, 20, caregiver_birth_date=date(2012, 1, 1))
    allocations = allocate(rules, [application(1, 10, 20), young], [])
    assert outcome(allocations) == [(1, True, 5_000), (2, True, 5_000)]


def test_young_caregivers_get_their_bracket_amount() -> None:
    rules = replace(
        OPEN, amounts_by_bracket={AgeBracket.UNDER_18: 5_000, AgeBracket.FROM_18_TO_24: 7_500}
    )
    candidates = [
        application(1, 10, 20, caregiver_birth_date=date(2012, 1, 1)),
        application(2, 11, 21, caregiver_birth_date=date(2004, 1, 1)),
        application(3, 12, 22),
    ]
    allocations = allocate(rules, candidates, [])
    assert outcome(allocations) == [(1, True, 5_000), (2, True, 7_500), (3, True, 10_000)]
    assert [item.explanation for item in allocations] == [
        "past: € 50,00 (bedrag voor leeftijd jonger dan 18)",
        "past: € 75,00 (bedrag voor leeftijd 18 t/m 24)",
        "past: € 100,00",
    ]


def test_fixed_budget_of_1000_euro_over_3_grants() -> None:
    rules = replace(OPEN, fixed_budget_cents=100_000)
    candidates = [application(2, 11, 21), application(3, 12, 22), application(1, 10, 20)]
    allocations = allocate(rules, candidates, [])
    assert outcome(allocations) == [(1, True, 33_334), (2, True, 33_333), (3, True, 33_333)]
    assert sum(item.amount_cents for item in allocations) == 100_000
    assert allocations[0].explanation == (
        "past: € 333,34 (budget € 1.000,00 verdeeld over 3 complimenten)"
    )


def test_fixed_budget_counts_only_granted_applications() -> None:
    rules = replace(OPEN, fixed_budget_cents=100_000, per_care_recipient=1)
    candidates = [application(1, 10, 20), application(2, 11, 20), application(3, 12, 21)]
    allocations = allocate(rules, candidates, [])
    assert outcome(allocations) == [(1, True, 50_000), (2, False, 0), (3, True, 50_000)]


def test_fixed_budget_with_split_divides_per_naaste_then_over_caregivers() -> None:
    rules = replace(OPEN, fixed_budget_cents=100_000, split_over_caregivers=True)
    candidates = [application(1, 10, 20), application(2, 11, 20), application(3, 12, 21)]
    allocations = allocate(rules, candidates, [])
    assert outcome(allocations) == [(1, True, 25_000), (2, True, 25_000), (3, True, 50_000)]
    assert allocations[0].explanation == (
        "past: € 250,00 (budget € 1.000,00 verdeeld over 2 complimenten, "
        "€ 500,00 verdeeld over 2 mantelzorgers van deze naaste)"
    )


def test_fixed_budget_revises_earlier_grants() -> None:
    rules = replace(OPEN, fixed_budget_cents=100_000)
    earlier = [Grant(7, 17, 27, "3760AA 17", 100_000)]
    allocations = allocate(rules, [application(2, 11, 21), application(1, 10, 20)], earlier)
    # The earlier grant is the earliest, so it gets the remainder cent.
    assert outcome(allocations) == [(1, True, 33_333), (2, True, 33_333), (7, True, 33_334)]
    assert [item.revised for item in allocations] == [False, False, True]
    assert allocations[2].explanation == (
        "bedrag aangepast: € 333,34 (budget € 1.000,00 verdeeld over 3 complimenten)"
    )
    assert sum(item.amount_cents for item in allocations) == 100_000


def test_first_come_first_served_by_date_then_application_id() -> None:
    rules = replace(OPEN, per_care_recipient=1)
    same_day = date(2026, 6, 1)
    candidates = [
        application(9, 19, 20, received_on=same_day),
        application(5, 15, 20, received_on=same_day),
        application(8, 18, 20, received_on=date(2026, 6, 2)),
    ]
    allocations = allocate(rules, candidates, [])
    assert outcome(allocations) == [(5, True, 10_000), (9, False, 0), (8, False, 0)]


def test_an_earlier_received_application_wins_over_a_lower_id() -> None:
    rules = replace(OPEN, per_caregiver=1)
    candidates = [
        application(1, 10, 20, received_on=date(2026, 7, 1)),
        application(2, 10, 21, received_on=date(2026, 6, 1)),
    ]
    assert outcome(allocate(rules, candidates, [])) == [(2, True, 10_000), (1, False, 0)]


@pytest.mark.parametrize(
    ("rules", "earlier", "refusal"),
    [
        (
            {"per_caregiver": 1},
            Grant(7, 10, 99, "9999ZZ 1", 10_000),
            "past niet: mantelzorger heeft al 1 compliment dit jaar (maximaal 1)",
        ),
        (
            {"per_care_recipient": 1},
            Grant(7, 99, 20, "9999ZZ 1", 10_000),
            "past niet: naaste heeft al 1 compliment dit jaar (maximaal 1)",
        ),
        (
            {"per_address": 1},
            Grant(7, 99, 98, "3760AA 10", 10_000),
            "past niet: op dit adres is al 1 compliment toegekend dit jaar (maximaal 1)",
        ),
        (
            {"max_caregivers_per_recipient": 1},
            Grant(7, 99, 20, "9999ZZ 1", 10_000),
            "past niet: naaste heeft al 1 mantelzorger met een compliment (maximaal 1)",
        ),
    ],
)
def test_earlier_grants_count_against_caps(
    rules: dict[str, Any], earlier: Grant, refusal: str
) -> None:
    allocations = allocate(replace(OPEN, **rules), [application(1, 10, 20)], [earlier])
    assert outcome(allocations) == [(1, False, 0)]
    assert allocations[0].explanation == refusal


def test_without_earlier_grants_the_same_candidate_fits() -> None:
    rules = replace(OPEN, per_caregiver=1, per_care_recipient=1, per_address=1)
    assert outcome(allocate(rules, [application(1, 10, 20)], [])) == [(1, True, 10_000)]


def test_a_new_caregiver_joins_an_earlier_split_and_revises_its_amount() -> None:
    rules = replace(
        OPEN, per_care_recipient=1, split_over_caregivers=True, max_caregivers_per_recipient=3
    )
    earlier = [Grant(7, 17, 20, "3760AA 17", 10_000), Grant(8, 18, 21, "3760AA 18", 10_000)]
    allocations = allocate(rules, [application(1, 10, 20)], earlier)
    assert outcome(allocations) == [(1, True, 5_000), (7, True, 5_000)]
    assert allocations[1].revised
    assert allocations[1].explanation == (
        "bedrag aangepast: € 50,00 (€ 100,00 verdeeld over 2 mantelzorgers van deze naaste)"
    )


def test_earlier_grants_keep_their_amount_without_split_or_budget() -> None:
    earlier = [Grant(7, 17, 27, "3760AA 17", 12_345)]
    assert outcome(allocate(OPEN, [application(1, 10, 20)], earlier)) == [(1, True, 10_000)]


def test_no_candidates_no_changes() -> None:
    rules = replace(OPEN, fixed_budget_cents=100_000)
    earlier = [Grant(7, 17, 27, "", 50_000), Grant(8, 18, 28, "", 50_000)]
    assert allocate(rules, [], earlier) == []


@pytest.mark.parametrize(
    ("candidates", "earlier"),
    [
        ([application(1, 10, 20), application(1, 11, 21)], []),
        ([application(1, 10, 20)], [Grant(1, 10, 20, "", 10_000)]),
    ],
)
def test_a_candidate_twice_or_already_granted_is_refused(
    candidates: list[ApplicationFacts], earlier: list[Grant]
) -> None:
    with pytest.raises(ValueError):
        allocate(OPEN, candidates, earlier)


@pytest.mark.parametrize(
    ("total", "parts", "shares"),
    [
        (10_000, 3, [3_334, 3_333, 3_333]),
        (100_000, 3, [33_334, 33_333, 33_333]),
        (10_000, 6, [1_667, 1_667, 1_667, 1_667, 1_666, 1_666]),
        (10_000, 1, [10_000]),
        (2, 3, [1, 1, 0]),
        (10_000, 0, []),
    ],
)
def test_split_cents_adds_up_exactly(total: int, parts: int, shares: list[int]) -> None:
    assert split_cents(total, parts) == shares
    if parts:
        assert sum(shares) == total


@pytest.mark.parametrize(
    ("cents", "text"),
    [(0, "€ 0,00"), (5, "€ 0,05"), (3_334, "€ 33,34"), (100_000, "€ 1.000,00"), (-150, "-€ 1,50")],
)
def test_euro(cents: int, text: str) -> None:
    assert euro(cents) == text


# --- paid grants, waiting places and other rounds ----------------------------------------------

SPLIT = replace(OPEN, per_care_recipient=1, split_over_caregivers=True)


def test_a_paid_share_keeps_its_amount_and_the_unpaid_ones_share_what_is_left() -> None:
    earlier = [
        Grant(7, 17, 20, "", 5_000, paid=True),  # € 50 of the naaste's € 100, already paid
        Grant(8, 18, 20, "", 5_000),
    ]
    allocations = allocate(SPLIT, [application(1, 10, 20)], earlier)
    # by the rules 3334 / 3333 / 3333; 7 keeps 5000, so 8 and the new one share 10000 - 5000
    assert outcome(allocations) == [(1, True, 2_500), (7, True, 5_000), (8, True, 2_500)]
    paid, unpaid = allocations[1], allocations[2]
    assert paid.revised and paid.difference_cents == 1_666  # 5000 - 3334
    assert "€ 16,66 te veel betaald, te verrekenen" in paid.explanation
    assert unpaid.revised and unpaid.difference_cents == 0
    assert sum(item.amount_cents for item in allocations) == 10_000


def test_a_budget_paid_out_in_full_leaves_nothing_for_a_later_candidate() -> None:
    rules = replace(OPEN, fixed_budget_cents=100_000)
    allocations = allocate(rules, [application(1, 10, 20)], [Grant(7, 17, 27, "", 100_000, True)])
    assert outcome(allocations) == [(1, False, 0)]
    assert allocations[0].explanation == (
        "past niet: het budget van € 1.000,00 is al betaald of staat in een betaalopdracht"
    )


def test_a_candidate_for_whom_nothing_is_left_takes_no_place_under_the_caps() -> None:
    rules = replace(SPLIT, per_caregiver=1)
    candidates = [application(1, 10, 20), application(2, 10, 21)]
    allocations = allocate(rules, candidates, [Grant(7, 17, 20, "", 10_000, paid=True)])
    # naaste 20's € 100 is paid to 17; caregiver 10 keeps the one compliment for naaste 21
    assert outcome(allocations) == [(1, False, 0), (2, True, 10_000)]


def test_a_place_waiting_for_its_controlebrief_counts_against_the_caps() -> None:
    rules = replace(OPEN, per_care_recipient=1)
    waiting = Grant(7, 17, 20, "", 0, waiting=True)
    allocations = allocate(rules, [application(1, 10, 20)], [waiting])
    assert outcome(allocations) == [(1, False, 0)]


def test_a_waiting_place_holds_its_share_of_the_budget_and_is_never_revised() -> None:
    rules = replace(OPEN, fixed_budget_cents=90_000)
    waiting = Grant(7, 17, 27, "", 0, waiting=True)
    assert outcome(allocate(rules, [application(1, 10, 20)], [waiting])) == [(1, True, 45_000)]


def test_grants_of_another_round_of_the_gemeente_count_for_caps_not_for_money() -> None:
    rules = replace(OPEN, per_caregiver=1, fixed_budget_cents=100_000)
    elsewhere = [Grant(70, 10, 99, "", 10_000)]
    assert outcome(allocate(rules, [application(1, 10, 20)], [], elsewhere)) == [(1, False, 0)]
    other = [Grant(70, 11, 99, "", 10_000)]
    assert outcome(allocate(rules, [application(1, 10, 20)], [], other)) == [(1, True, 100_000)]


@pytest.mark.parametrize(
    ("targets", "total", "shares"),
    [
        ([3_333, 3_333], 5_000, [2_500, 2_500]),
        ([3_334, 3_333, 3_333], 5_000, [1_667, 1_667, 1_666]),  # 1667 + 1666,5 + 1666,5
        ([5_000, 5_000], 0, [0, 0]),
        ([0, 0], 100, [0, 0]),
        ([1, 0], 1, [1, 0]),
    ],
)
def test_scale_cents_adds_up_to_the_total(
    targets: list[int], total: int, shares: list[int]
) -> None:
    assert scale_cents(targets, total) == shares


# --- found by mutation testing: cases where a user would get a different amount or answer ------


def test_a_caregiver_cap_of_2_stops_the_third_compliment() -> None:
    rules = replace(OPEN, per_caregiver=2)
    candidates = [application(1, 10, 20), application(2, 10, 21), application(3, 10, 22)]
    allocations = allocate(rules, candidates, [])
    assert outcome(allocations) == [(1, True, 10_000), (2, True, 10_000), (3, False, 0)]
    assert allocations[2].explanation == (
        "past niet: mantelzorger heeft al 2 complimenten dit jaar (maximaal 2)"
    )


def test_a_naaste_granted_in_another_round_of_the_gemeente_counts_against_its_cap() -> None:
    rules = replace(OPEN, per_care_recipient=1)
    elsewhere = [Grant(70, 11, 20, "", 10_000)]
    assert outcome(allocate(rules, [application(1, 10, 20)], [], elsewhere)) == [(1, False, 0)]


def test_a_paid_naaste_later_in_the_round_is_still_protected() -> None:
    # naaste 20 (first, nothing paid) and naaste 21 (its € 100 paid to caregiver 17)
    earlier = [Grant(8, 18, 20, "", 10_000), Grant(7, 17, 21, "", 10_000, paid=True)]
    allocations = allocate(SPLIT, [application(1, 10, 21)], earlier)
    assert outcome(allocations) == [(1, False, 0)]


def test_a_candidate_let_in_once_another_ran_dry_is_refused_for_the_same_reason() -> None:
    rules = replace(SPLIT, max_caregivers_per_recipient=2)
    paid = [Grant(7, 17, 20, "", 10_000, paid=True)]  # naaste 20's € 100 is paid
    allocations = allocate(rules, [application(1, 10, 20), application(2, 11, 20)], paid)
    # 1 finds nothing left; without 1, 2 fits the 2 sharers and finds nothing left either
    assert outcome(allocations) == [(1, False, 0), (2, False, 0)]
    assert {item.explanation for item in allocations} == {
        "past niet: het compliment van deze naaste (€ 100,00) is al betaald of staat in een "
        "betaalopdracht"
    }


def test_explanations_say_what_is_already_paid_and_what_is_to_settle() -> None:
    rules = replace(OPEN, fixed_budget_cents=90_000)
    earlier = [Grant(7, 17, 27, "", 30_000, paid=True)]
    allocations = allocate(rules, [application(1, 10, 20)], earlier)
    # € 900 over 2 is € 450 each: the new one gets its full share, 7 was paid € 150 short
    assert outcome(allocations) == [(1, True, 45_000), (7, True, 30_000)]
    assert (
        allocations[0].explanation
        == "past: € 450,00 (budget € 900,00 verdeeld over 2 complimenten)"
    )
    assert allocations[1].difference_cents == -15_000
    assert allocations[1].explanation == (
        "al betaald: € 300,00; volgens de regels € 450,00: € 150,00 te weinig betaald, te "
        "verrekenen (budget € 900,00 verdeeld over 2 complimenten)"
    )
    reduced = allocate(SPLIT, [application(1, 10, 20)], [Grant(7, 17, 20, "", 7_500, True)])
    # € 100 over 2 is € 50 each; 7 holds € 75, so the new one gets the € 25 left
    assert reduced[0].explanation == (
        "past: € 25,00 (€ 100,00 verdeeld over 2 mantelzorgers van deze naaste, € 75,00 al betaald)"
    )


def test_an_override_lifts_every_cap() -> None:
    rules = replace(OPEN, per_care_recipient=1, per_address=1, per_caregiver=1)
    lifted = without_caps(replace(rules, max_caregivers_per_recipient=2))
    assert (
        lifted.per_care_recipient,
        lifted.per_address,
        lifted.per_caregiver,
        lifted.max_caregivers_per_recipient,
    ) == (None, None, None, None)
    assert lifted.amount_cents == rules.amount_cents


def test_a_naaste_cap_of_2_without_split_stops_the_third_compliment() -> None:
    rules = replace(OPEN, per_care_recipient=2)
    candidates = [application(1, 10, 20), application(2, 11, 20), application(3, 12, 20)]
    allocations = allocate(rules, candidates, [])
    assert outcome(allocations) == [(1, True, 10_000), (2, True, 10_000), (3, False, 0)]
    assert allocations[2].explanation == (
        "past niet: naaste heeft al 2 complimenten dit jaar (maximaal 2)"
    )


def test_an_earlier_grant_after_a_waiting_place_is_still_revised() -> None:
    rules = replace(OPEN, fixed_budget_cents=100_000)
    earlier = [Grant(7, 17, 27, "", 0, waiting=True), Grant(8, 18, 28, "", 50_000)]
    # € 1.000 over 3 places: 33.334 (the waiting 7), 33.333 (8), 33.333 (the new one)
    allocations = allocate(rules, [application(1, 10, 20)], earlier)
    assert outcome(allocations) == [(1, True, 33_333), (8, True, 33_333)]
    assert allocations[1].revised
