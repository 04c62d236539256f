"""Fraud and duplicate checks of a compliment round: each check fires, and stays quiet when it should."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

import pytest

from steunpunt.domain.compliment.facts import ApplicationFacts
from steunpunt.domain.compliment.fraud import (
    FraudCheck,
    FraudWarning,
    PriorGrant,
    check_round,
    draw_sample,
    normalise_iban,
)
from steunpunt.domain.compliment.round_rules import RoundRules
from steunpunt.domain.errors import InvalidValue

RULES = RoundRules(
    year=2026,
    municipality="Amersfoort",
    opens_on=date(2026, 1, 1),
    closes_on=date(2026, 7, 1),
)


def app(application_id: int, **changes: Any) -> ApplicationFacts:
    """An application that passes every check; caregiver and naaste ids follow the id."""
    facts = ApplicationFacts(
        application_id=application_id,
        caregiver_id=100 + application_id,
        care_recipient_id=200 + application_id,
        received_on=date(2026, 3, 1),
        caregiver_birth_date=date(1960, 2, 1),
        caregiver_municipality="Amersfoort",
        caregiver_place="Amersfoort",
        recipient_municipality="Amersfoort",
        recipient_place="Amersfoort",
        hours_per_week=12.0,
        care_since=date(2024, 1, 1),
        recipient_in_wlz_institution=False,
        caregiver_registration_ended=False,
        iban=f"NL00BANK{application_id:010d}",
        address_key=f"3811AB{application_id}",
        caregiver_name=f"Mantelzorger {application_id}",
        recipient_name=f"Naaste {application_id}",
        caregiver_identity=f"mantelzorger-{application_id}",
        recipient_identity=f"naaste-{application_id}",
    )
    return replace(facts, **changes)


def grant(application_id: int, **changes: Any) -> PriorGrant:
    """A grant from an earlier round of this year, in this gemeente."""
    prior = PriorGrant(
        application_id=application_id,
        caregiver_id=100 + application_id,
        care_recipient_id=200 + application_id,
        year=2026,
        municipality="Amersfoort",
        iban=f"NL00BANK{application_id:010d}",
        address_key=f"3811AB{application_id}",
        caregiver_name=f"Mantelzorger {application_id}",
    )
    return replace(prior, **changes)


def fired(
    applications: list[ApplicationFacts],
    check: FraudCheck,
    rules: RoundRules = RULES,
    granted: list[PriorGrant] | None = None,
    register: dict[str, int] | None = None,
) -> dict[int, str]:
    """Application id -> message, for the applications on which ``check`` fired."""
    result = check_round(rules, applications, granted or [], register)
    found: dict[int, str] = {}
    for application_id, warnings in result.items():
        for warning in warnings:
            assert warning.application_id == application_id
            if warning.check is check:
                assert application_id not in found, "one warning per check per application"
                found[application_id] = warning.message
    return found


# --- the result as a whole ---------------------------------------------------------------


def test_a_clean_round_maps_every_application_to_no_warnings() -> None:
    applications = [app(3), app(1), app(2)]
    assert check_round(RULES, applications, []) == {3: [], 1: [], 2: []}


def test_every_check_has_a_dutch_label_and_a_stable_code() -> None:
    assert {check.value for check in FraudCheck} == {
        "zelfde_iban",
        "adres_boven_maximum",
        "te_veel_mantelzorgers",
        "mantelzorger_is_naaste",
        "al_toegekend",
        "inschrijving_beeindigd",
        "mogelijk_dubbel",
    }
    assert FraudCheck.REGISTRATION_ENDED.label == "Inschrijving beëindigd"
    assert all(check.label for check in FraudCheck)


def test_warnings_come_in_the_order_of_the_checks() -> None:
    rules = replace(RULES, per_address=1)
    applications = [
        app(1, caregiver_registration_ended=True, iban="NL01", address_key="X"),
        app(2, iban="NL01", address_key="X"),
    ]
    result = check_round(rules, applications, [])
    assert [warning.check for warning in result[1]] == [
        FraudCheck.SHARED_IBAN,
        FraudCheck.ADDRESS_OVER_CAP,
        FraudCheck.REGISTRATION_ENDED,
    ]


# --- 1. one IBAN, different caregivers ---------------------------------------------------


def test_one_iban_on_two_caregivers_warns_on_both() -> None:
    applications = [
        app(1, iban="NL91 ABNA 0417 1643 00", caregiver_name="Jan de Vries"),
        app(2, iban="nl91abna0417164300", caregiver_name="Piet Jansen"),
    ]
    assert fired(applications, FraudCheck.SHARED_IBAN) == {
        1: "Hetzelfde rekeningnummer staat ook op de aanvraag van Piet Jansen (aanvraag 2)",
        2: "Hetzelfde rekeningnummer staat ook op de aanvraag van Jan de Vries (aanvraag 1)",
    }


def test_one_caregiver_with_two_naasten_on_one_iban_is_no_warning() -> None:
    applications = [
        app(1, caregiver_id=7, care_recipient_id=70, iban="NL91ABNA0417164300"),
        app(2, caregiver_id=7, care_recipient_id=71, iban="NL91 ABNA 0417 1643 00"),
    ]
    assert fired(applications, FraudCheck.SHARED_IBAN) == {}


def test_empty_ibans_are_not_shared() -> None:
    applications = [app(1, iban=""), app(2, iban="  "), app(3, iban="")]
    assert fired(applications, FraudCheck.SHARED_IBAN) == {}


def test_normalise_iban_removes_spaces_and_upper_cases() -> None:
    assert normalise_iban(" nl91 abna\t0417 1643 00 ") == "NL91ABNA0417164300"


def test_many_others_are_cut_after_three() -> None:
    applications = [app(i, iban="NL01") for i in range(1, 7)]
    found = fired(applications, FraudCheck.SHARED_IBAN)
    assert set(found) == {1, 2, 3, 4, 5, 6}
    assert found[1] == (
        "Hetzelfde rekeningnummer staat ook op de aanvragen van Mantelzorger 2 (aanvraag 2), "
        "Mantelzorger 3 (aanvraag 3), Mantelzorger 4 (aanvraag 4) en 2 andere"
    )
    assert found[4] == (
        "Hetzelfde rekeningnummer staat ook op de aanvragen van Mantelzorger 1 (aanvraag 1), "
        "Mantelzorger 2 (aanvraag 2), Mantelzorger 3 (aanvraag 3) en 2 andere"
    )


def test_the_own_caregivers_other_applications_are_not_counted_as_others() -> None:
    # Caregiver 7 has four applications on the IBAN, caregiver 8 one.
    applications = [app(i, caregiver_id=7, iban="NL01") for i in range(1, 5)]
    applications.append(app(5, caregiver_id=8, iban="NL01", caregiver_name=""))
    found = fired(applications, FraudCheck.SHARED_IBAN)
    assert (
        found[1]
        == "Hetzelfde rekeningnummer staat ook op de aanvraag van mantelzorger 8 (aanvraag 5)"
    )
    assert found[5] == (
        "Hetzelfde rekeningnummer staat ook op de aanvragen van Mantelzorger 1 (aanvraag 1), "
        "Mantelzorger 2 (aanvraag 2), Mantelzorger 3 (aanvraag 3) en 1 andere"
    )


def test_the_count_of_others_depends_on_how_many_applications_are_ones_own() -> None:
    # 1-4 four caregivers, 5 and 6 one caregiver, 7 another: all on one IBAN.
    applications = [app(i, iban="NL01") for i in range(1, 5)]
    applications += [app(5, caregiver_id=9, iban="NL01"), app(6, caregiver_id=9, iban="NL01")]
    applications.append(app(7, iban="NL01"))
    found = fired(applications, FraudCheck.SHARED_IBAN)
    first_three = (
        "Hetzelfde rekeningnummer staat ook op de aanvragen van Mantelzorger 1 (aanvraag 1), "
        "Mantelzorger 2 (aanvraag 2), Mantelzorger 3 (aanvraag 3)"
    )
    assert found[5] == found[6] == f"{first_three} en 2 andere"
    assert found[4] == found[7] == f"{first_three} en 3 andere"
    assert found[2] == (
        "Hetzelfde rekeningnummer staat ook op de aanvragen van Mantelzorger 1 (aanvraag 1), "
        "Mantelzorger 3 (aanvraag 3), Mantelzorger 4 (aanvraag 4) en 3 andere"
    )


def test_an_iban_granted_to_someone_else_this_year_warns_in_any_gemeente() -> None:
    granted = [grant(50, iban="NL01", municipality="Soest", caregiver_name="Kees Bakker")]
    found = fired([app(1, iban="NL 01")], FraudCheck.SHARED_IBAN, granted=granted)
    assert found == {
        1: "Hetzelfde rekeningnummer staat ook op de aanvraag van Kees Bakker (aanvraag 50)"
    }


def test_an_iban_granted_to_the_same_caregiver_is_no_warning() -> None:
    granted = [grant(50, iban="NL01", caregiver_id=101)]
    assert fired([app(1, iban="NL01")], FraudCheck.SHARED_IBAN, granted=granted) == {}


# --- 2. an address over its cap ----------------------------------------------------------


def test_an_address_over_its_cap_warns_on_every_application_there() -> None:
    rules = replace(RULES, per_address=1)
    applications = [app(1, address_key="3811AB12A"), app(2, address_key="3811AB12A"), app(3)]
    assert fired(applications, FraudCheck.ADDRESS_OVER_CAP, rules) == {
        1: "Op dit adres staan 2 aanvragen en toekenningen; het maximum per adres is 1. "
        "Ook op dit adres: Mantelzorger 2 (aanvraag 2).",
        2: "Op dit adres staan 2 aanvragen en toekenningen; het maximum per adres is 1. "
        "Ook op dit adres: Mantelzorger 1 (aanvraag 1).",
    }


def test_a_crowded_address_names_the_first_three_others() -> None:
    rules = replace(RULES, per_address=1)
    applications = [app(i, address_key="A") for i in (5, 4, 3, 2, 1)]
    found = fired(applications, FraudCheck.ADDRESS_OVER_CAP, rules)
    start = "Op dit adres staan 5 aanvragen en toekenningen; het maximum per adres is 1. "
    assert (
        found[5]
        == found[4]
        == (
            f"{start}Ook op dit adres: Mantelzorger 1 (aanvraag 1), Mantelzorger 2 (aanvraag 2), "
            "Mantelzorger 3 (aanvraag 3) en 1 andere."
        )
    )
    assert found[2] == (
        f"{start}Ook op dit adres: Mantelzorger 1 (aanvraag 1), Mantelzorger 3 (aanvraag 3), "
        "Mantelzorger 4 (aanvraag 4) en 1 andere."
    )


def test_an_address_at_its_cap_is_no_warning() -> None:
    rules = replace(RULES, per_address=2)
    applications = [app(1, address_key="A"), app(2, address_key="A")]
    assert fired(applications, FraudCheck.ADDRESS_OVER_CAP, rules) == {}


def test_no_address_cap_means_no_address_check() -> None:
    applications = [app(i, address_key="A") for i in range(1, 10)]
    assert fired(applications, FraudCheck.ADDRESS_OVER_CAP) == {}


def test_empty_address_keys_are_not_one_address() -> None:
    rules = replace(RULES, per_address=1)
    applications = [app(1, address_key=""), app(2, address_key=""), app(3, address_key=" ")]
    assert fired(applications, FraudCheck.ADDRESS_OVER_CAP, rules) == {}


def test_grants_this_year_count_towards_the_address_cap() -> None:
    rules = replace(RULES, per_address=1)
    granted = [grant(50, address_key="A")]
    found = fired([app(1, address_key="A")], FraudCheck.ADDRESS_OVER_CAP, rules, granted)
    assert found == {
        1: "Op dit adres staan 2 aanvragen en toekenningen; het maximum per adres is 1. "
        "Ook op dit adres: Mantelzorger 50 (aanvraag 50)."
    }


def test_grants_of_another_year_or_gemeente_or_the_application_itself_do_not_count() -> None:
    rules = replace(RULES, per_address=1)
    granted = [
        grant(50, address_key="A", year=2025),
        grant(51, address_key="A", municipality="Soest"),
        grant(1, address_key="A"),  # the application itself, already granted
    ]
    found = fired([app(1, address_key="A")], FraudCheck.ADDRESS_OVER_CAP, rules, granted)
    assert found == {}


# --- 3. a naaste with too many caregivers ------------------------------------------------


def test_a_naaste_with_more_caregivers_than_allowed_warns_on_each() -> None:
    rules = replace(RULES, max_caregivers_per_recipient=2)
    applications = [app(i, care_recipient_id=9) for i in (1, 2, 3)] + [app(4)]
    found = fired(applications, FraudCheck.TOO_MANY_CAREGIVERS, rules)
    assert set(found) == {1, 2, 3}
    assert found[2] == (
        "Deze naaste heeft 3 mantelzorgers met een aanvraag of toekenning; het maximum is 2. "
        "Andere mantelzorgers: Mantelzorger 1 (aanvraag 1) en "
        "Mantelzorger 3 (aanvraag 3)."
    )


def test_a_naaste_with_many_caregivers_names_each_other_caregiver_once() -> None:
    rules = replace(RULES, max_caregivers_per_recipient=2)
    applications = [app(i, care_recipient_id=9) for i in (1, 2, 3, 4)]
    applications += [app(5, caregiver_id=101, care_recipient_id=9)]  # caregiver of 1 again
    granted = [grant(50, caregiver_id=555, care_recipient_id=9, caregiver_name="")]
    found = fired(applications, FraudCheck.TOO_MANY_CAREGIVERS, rules, granted)
    start = "Deze naaste heeft 5 mantelzorgers met een aanvraag of toekenning; het maximum is 2. "
    assert found[4] == (
        f"{start}Andere mantelzorgers: Mantelzorger 1 (aanvraag 1), Mantelzorger 2 "
        "(aanvraag 2), Mantelzorger 3 (aanvraag 3) en 1 andere."
    )
    assert (
        found[1]
        == found[5]
        == (
            f"{start}Andere mantelzorgers: Mantelzorger 2 (aanvraag 2), Mantelzorger 3 "
            "(aanvraag 3), Mantelzorger 4 (aanvraag 4) en 1 andere."
        )
    )


def test_a_naaste_lists_a_grant_before_a_later_application_of_its_caregiver() -> None:
    rules = replace(RULES, max_caregivers_per_recipient=1)
    applications = [
        app(60, caregiver_id=7, care_recipient_id=9),
        app(61, care_recipient_id=9),
        app(62, care_recipient_id=9),
    ]
    granted = [
        grant(50, caregiver_id=7, care_recipient_id=9, caregiver_name="Kees Bakker"),
        grant(40, caregiver_id=8, care_recipient_id=9, caregiver_name=""),
    ]
    found = fired(applications, FraudCheck.TOO_MANY_CAREGIVERS, rules, granted)
    assert found[62] == (
        "Deze naaste heeft 4 mantelzorgers met een aanvraag of toekenning; het maximum is 1. "
        "Andere mantelzorgers: mantelzorger 8 (aanvraag 40), Kees Bakker (aanvraag 50) en "
        "Mantelzorger 61 (aanvraag 61)."
    )


def test_a_naaste_within_the_limit_is_no_warning() -> None:
    rules = replace(RULES, max_caregivers_per_recipient=2)
    applications = [app(1, care_recipient_id=9), app(2, care_recipient_id=9)]
    assert fired(applications, FraudCheck.TOO_MANY_CAREGIVERS, rules) == {}


def test_one_caregiver_applying_twice_for_a_naaste_counts_once() -> None:
    rules = replace(RULES, max_caregivers_per_recipient=1)
    applications = [
        app(1, caregiver_id=7, care_recipient_id=9),
        app(2, caregiver_id=7, care_recipient_id=9),
    ]
    assert fired(applications, FraudCheck.TOO_MANY_CAREGIVERS, rules) == {}


def test_no_limit_means_no_caregiver_count_check() -> None:
    applications = [app(i, care_recipient_id=9) for i in range(1, 8)]
    assert fired(applications, FraudCheck.TOO_MANY_CAREGIVERS) == {}


def test_caregivers_granted_earlier_count_for_the_naaste() -> None:
    rules = replace(RULES, max_caregivers_per_recipient=1)
    granted = [grant(50, care_recipient_id=9, caregiver_name="Kees Bakker")]
    found = fired([app(1, care_recipient_id=9)], FraudCheck.TOO_MANY_CAREGIVERS, rules, granted)
    assert found == {
        1: "Deze naaste heeft 2 mantelzorgers met een aanvraag of toekenning; het maximum is 1. "
        "Andere mantelzorgers: Kees Bakker (aanvraag 50)."
    }
    other_year = [replace(granted[0], year=2025)]
    assert (
        fired([app(1, care_recipient_id=9)], FraudCheck.TOO_MANY_CAREGIVERS, rules, other_year)
        == {}
    )


# --- 4. a caregiver who is a naaste ------------------------------------------------------


def test_a_caregiver_who_is_the_naaste_of_another_application_is_warned() -> None:
    applications = [
        app(1, caregiver_identity="ans|1950-03-04"),
        app(2, recipient_identity="ans|1950-03-04", caregiver_name="Piet Jansen"),
    ]
    assert fired(applications, FraudCheck.CAREGIVER_IS_RECIPIENT) == {
        1: "Deze mantelzorger staat zelf ook als naaste op de aanvraag van Piet Jansen (aanvraag 2)."
    }


def test_a_caregiver_who_is_a_naaste_in_the_register_is_warned() -> None:
    register = {"ans|1950-03-04": 812, "bob|1940-01-01": 813}
    applications = [app(1, caregiver_identity="ans|1950-03-04")]
    assert fired(applications, FraudCheck.CAREGIVER_IS_RECIPIENT, register=register) == {
        1: "Deze mantelzorger staat zelf ook als naaste in het register (naaste 812)."
    }


def test_the_register_is_not_named_twice_for_a_naaste_in_the_round() -> None:
    register = {"ans|1950-03-04": 202, "other": 999}
    applications = [
        app(1, caregiver_identity="ans|1950-03-04"),
        app(2, care_recipient_id=202, recipient_identity="ans|1950-03-04"),
    ]
    found = fired(applications, FraudCheck.CAREGIVER_IS_RECIPIENT, register=register)
    assert found == {
        1: "Deze mantelzorger staat zelf ook als naaste op de aanvraag van Mantelzorger 2 "
        "(aanvraag 2)."
    }
    register["ans|1950-03-04"] = 777  # another naaste record of the same person
    found = fired(applications, FraudCheck.CAREGIVER_IS_RECIPIENT, register=register)
    assert found[1] == (
        "Deze mantelzorger staat zelf ook als naaste op de aanvraag van Mantelzorger 2 "
        "(aanvraag 2) en in het register (naaste 777)."
    )


def test_different_or_empty_identities_are_no_warning() -> None:
    applications = [
        app(1, caregiver_identity="", recipient_identity=""),
        app(2, caregiver_identity="", recipient_identity=""),
        app(3, caregiver_identity="ans|1950-03-04"),
        app(4, recipient_identity="ans|1950-03-05"),
    ]
    register = {"": 5, "bob|1940-01-01": 6}
    assert fired(applications, FraudCheck.CAREGIVER_IS_RECIPIENT, register=register) == {}


# --- 5. already granted this year --------------------------------------------------------


def test_a_caregiver_granted_earlier_this_year_is_warned() -> None:
    granted = [grant(50, caregiver_id=7, care_recipient_id=70)]
    found = fired([app(1, caregiver_id=7)], FraudCheck.ALREADY_GRANTED, granted=granted)
    assert found == {
        1: "Deze mantelzorger heeft dit jaar al een compliment gekregen (aanvraag 50), "
        "maximaal 1 per jaar."
    }


def test_several_earlier_grants_are_listed() -> None:
    rules = replace(RULES, per_caregiver=2)
    granted = [grant(i, caregiver_id=7) for i in (53, 50, 51, 52, 54)]
    found = fired([app(1, caregiver_id=7)], FraudCheck.ALREADY_GRANTED, rules, granted)
    assert found == {
        1: "Deze mantelzorger heeft dit jaar al 5 complimenten gekregen (aanvragen 50, 51, 52 "
        "en 2 andere), maximaal 2 per jaar."
    }


@pytest.mark.parametrize(
    "prior",
    [
        grant(50, caregiver_id=8),  # someone else
        grant(50, caregiver_id=7, year=2025),  # last year
        grant(50, caregiver_id=7, municipality="Soest"),  # another gemeente's round
        grant(1, caregiver_id=7),  # this very application, already granted
    ],
)
def test_no_earlier_grant_of_this_caregiver_here_this_year_is_no_warning(prior: PriorGrant) -> None:
    assert fired([app(1, caregiver_id=7)], FraudCheck.ALREADY_GRANTED, granted=[prior]) == {}


def test_the_gemeente_of_a_grant_is_compared_without_case() -> None:
    granted = [grant(50, caregiver_id=7, municipality=" amersfoort ")]
    assert set(fired([app(1, caregiver_id=7)], FraudCheck.ALREADY_GRANTED, granted=granted)) == {1}


def test_a_grant_below_the_caregivers_yearly_cap_is_no_warning() -> None:
    granted = [grant(50, caregiver_id=7)]
    rules = replace(RULES, per_caregiver=2)
    assert fired([app(1, caregiver_id=7)], FraudCheck.ALREADY_GRANTED, rules, granted) == {}
    rules = replace(RULES, per_caregiver=None)
    assert fired([app(1, caregiver_id=7)], FraudCheck.ALREADY_GRANTED, rules, granted) == {}


# --- 6. ended registration ---------------------------------------------------------------


def test_an_ended_registration_is_warned_and_an_active_one_not() -> None:
    applications = [app(1, caregiver_registration_ended=True), app(2)]
    assert check_round(RULES, applications, [])[1] == [
        FraudWarning(
            1,
            FraudCheck.REGISTRATION_ENDED,
            "De inschrijving van deze mantelzorger is beëindigd.",
        )
    ]
    assert fired(applications, FraudCheck.REGISTRATION_ENDED) == {
        1: "De inschrijving van deze mantelzorger is beëindigd."
    }


# --- a round of 20,000 -------------------------------------------------------------------


def test_a_round_of_twenty_thousand_finds_exactly_the_planted_cases() -> None:
    rules = replace(RULES, per_address=2, max_caregivers_per_recipient=3)
    applications = []
    for i in range(1, 20_001):
        changes: dict[str, Any] = {}
        if i % 1000 == 0:  # 20 pairs sharing an IBAN: i and i - 1
            changes["iban"] = f"NL00BANK{i - 1:010d}"
        if 5000 < i <= 5003:  # three at one address, cap 2
            changes["address_key"] = "9999ZZ1"
        if 6000 < i <= 6004:  # four caregivers for naaste 9, limit 3
            changes["care_recipient_id"] = 9
        if i == 7000:
            changes["caregiver_identity"] = "naaste-7001"
        if i == 8000:
            changes["caregiver_registration_ended"] = True
        applications.append(app(i, **changes))
    # a mass fraud: one IBAN on 2,000 applications of one caregiver and one of someone else
    for i in range(10_001, 12_001):
        applications[i - 1] = replace(applications[i - 1], caregiver_id=5, iban="NL99")
    applications[12_001 - 1] = replace(applications[12_001 - 1], iban="NL 99")
    granted = [grant(30_000, caregiver_id=100 + 9000)]

    result = check_round(rules, applications, granted, {"mantelzorger-9500": 1})

    by_check: dict[FraudCheck, set[int]] = {check: set() for check in FraudCheck}
    for warnings in result.values():
        for warning in warnings:
            by_check[warning.check].add(warning.application_id)
    assert len(result) == 20_000
    planted_iban = {i for k in range(1000, 20_001, 1000) for i in (k - 1, k)}
    assert by_check[FraudCheck.SHARED_IBAN] == planted_iban | set(range(10_001, 12_002))
    assert by_check[FraudCheck.ADDRESS_OVER_CAP] == {5001, 5002, 5003}
    assert by_check[FraudCheck.TOO_MANY_CAREGIVERS] == {6001, 6002, 6003, 6004}
    assert by_check[FraudCheck.CAREGIVER_IS_RECIPIENT] == {7000, 9500}
    assert by_check[FraudCheck.ALREADY_GRANTED] == {9000}
    assert by_check[FraudCheck.REGISTRATION_ENDED] == {8000}
    assert result[12_001][0].message == (
        "Hetzelfde rekeningnummer staat ook op de aanvragen van Mantelzorger 10001 "
        "(aanvraag 10001), Mantelzorger 10002 (aanvraag 10002), Mantelzorger 10003 "
        "(aanvraag 10003) en 1997 andere"
    )
    assert result[10_500][0].message == (
        "Hetzelfde rekeningnummer staat ook op de aanvraag van Mantelzorger 12001 (aanvraag 12001)"
    )


# --- the steekproef ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("count", "percentage", "size"),
    [
        (100, 7, 7),
        (1000, 16.1, 161),  # not 162: 16.1 * 1000 / 100 is 161.00000000000003 in floats
        (500, 32.2, 161),
        (100, 10, 10),
        (10, 15, 2),
        (3, 1, 1),  # at least one
        (1000, 0.1, 1),
        (1000, 2.5, 25),
        (20, 100, 20),
        (20, 0, 0),
    ],
)
def test_sample_size_is_the_percentage_rounded_up(count: int, percentage: float, size: int) -> None:
    ids = list(range(1, count + 1))
    sample = draw_sample(ids, percentage, seed=42)
    assert len(sample) == size
    assert sample == sorted(sample)
    assert set(sample) <= set(ids)
    assert len(set(sample)) == len(sample)


def test_sample_is_reproducible_and_depends_on_the_seed() -> None:
    ids = list(range(1, 1001))
    first = draw_sample(ids, 10, seed=2026)
    assert draw_sample(list(reversed(ids)), 10, seed=2026) == first
    assert draw_sample(ids, 10, seed=2027) != first
    assert first != ids[:100]


def test_sample_of_nothing_is_empty() -> None:
    assert draw_sample([], 50, seed=1) == []


@pytest.mark.parametrize("percentage", [-1, 100.5, float("nan"), float("inf")])
def test_a_percentage_outside_zero_to_hundred_is_refused_in_dutch(percentage: float) -> None:
    with pytest.raises(InvalidValue) as caught:
        draw_sample([1, 2, 3], percentage, seed=1)
    assert caught.value.message == "Het percentage van de steekproef moet tussen 0 en 100 liggen."


def test_a_caregiver_with_a_likely_duplicate_in_the_register_is_flagged() -> None:
    from steunpunt.domain.duplicates.similarity import LikelyPair, MatchReason

    pairs = [
        LikelyPair(101, 555, 96, (MatchReason.SAME_BIRTH_DATE,)),
        LikelyPair(101, 777, 88, (MatchReason.SAME_ADDRESS, MatchReason.SAME_PHONE)),
    ]
    result = check_round(RULES, [app(1), app(2)], [], None, pairs)

    assert [w.check for w in result[2]] == []
    (warning,) = [w for w in result[1] if w.check is FraudCheck.POSSIBLE_DUPLICATE]
    assert warning.check.label == "Mogelijk dubbel ingeschreven"
    assert warning.message == (
        "Deze mantelzorger staat mogelijk dubbel ingeschreven; lijkt op mantelzorger 555 "
        "(zelfde geboortedatum, score 96) en mantelzorger 777 (zelfde adres, zelfde "
        "telefoonnummer, score 88). Kijk bij Beheer › Mogelijke dubbelen."
    )
