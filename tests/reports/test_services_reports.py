"""The verantwoording against a small register whose every figure was counted by hand."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import Engine

from steunpunt.domain.compliment.application import ApplicationData, Channel
from steunpunt.domain.compliment.round_rules import RoundRules
from steunpunt.domain.compliment.status import ApplicationStatus
from steunpunt.domain.errors import InvalidValue, ValidationFailed
from steunpunt.domain.reports.report import Report, ReportSettings
from steunpunt.domain.support.burden import AssessmentData
from steunpunt.domain.support.household_help.status import HouseholdHelpStatus
from steunpunt.domain.support.partner import partner_from_form
from steunpunt.domain.support.referral import ReferralData, ReferralOutcome
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.container import Services
from tests.helpers import add_caregiver, care_recipient_data, contact_data, relation_data
from tests.reports.report_scenario import date_status_changes
from tests.support.test_services_household_help import grant_data, provider
from tests.support.test_services_support import partner_form

YEAR = (date(2026, 1, 1), date(2026, 12, 31))


def caregiver(services: Services, actor: Actor, name: str, **form: str) -> int:
    return add_caregiver(services, actor, first_name=name, infix="", last_name=name, **form).id


def naaste(services: Services, actor: Actor, caregiver_id: int, relation: str) -> int:
    link = services.care_recipients.create_for_caregiver(
        actor,
        caregiver_id,
        care_recipient_data(first_name=f"naaste{caregiver_id}"),
        relation_data(relation_type=relation),
    )
    return link.care_recipient_id


@pytest.fixture
def register(services: Services, actor: Actor, engine: Engine) -> dict[str, int]:
    """Five caregivers; the comments say where each figure of the tests comes from."""
    a = caregiver(services, actor, "anna", registered_on="01-03-2024", birth_date="01-02-1960")
    b = caregiver(
        services, actor, "bram", registered_on="15-06-2026", birth_date="01-01-2010", source="zelf"
    )
    c = caregiver(
        services,
        actor,
        "cor",
        registered_on="01-01-2020",
        ended_on="31-03-2026",
        end_reason="verhuisd",
        birth_date="01-01-1950",
        source="wijkteam",
    )
    d = caregiver(services, actor, "dirk", registered_on="01-01-2026", birth_date="", source="")
    e = caregiver(
        services,
        actor,
        "eva",
        registered_on="01-01-2025",
        birth_date="01-01-1990",
        municipality="soest",
        postcode="3761ab",
        place="soest",
    )
    a_naaste = naaste(services, actor, a, "ouder")
    b_naaste = naaste(services, actor, b, "grootouder")
    naaste(services, actor, c, "partner")  # c has ended: not counted at the end
    for day, kind in (("05-01-2026", "telefoon"), ("06-02-2026", "huisbezoek")):
        services.contacts.add(actor, a, contact_data(contact_date=day, kind=kind))
    services.contacts.add(actor, a, contact_data(contact_date="01-12-2025"))  # before the period
    services.contacts.add(actor, b, contact_data(contact_date="01-07-2026", kind="telefoon"))
    services.burden.record(actor, a, AssessmentData(date(2026, 2, 1), 11, None))  # overloaded
    services.burden.record(actor, d, AssessmentData(date(2026, 2, 1), 9, None))  # overloaded
    respite = services.partners.create(actor, partner_from_form(partner_form(), active=True))
    team = services.partners.create(
        actor,
        partner_from_form(partner_form(name="Wijkteam Zuid", kind="wijkteam"), active=True),
    )
    helped = ReferralData(
        respite.id,
        date(2026, 3, 1),
        "respijt",
        True,
        None,
        ReferralOutcome.HELPED,
        date(2026, 4, 1),
    )
    services.referrals.add(actor, a, helped)
    services.referrals.add(
        actor, e, ReferralData(team.id, date(2026, 5, 1), "steun", True, None, None, None)
    )
    grant = services.household_help.request(actor, d, grant_data(provider(services, actor)))
    grant = services.household_help.change_status(
        actor, grant.id, grant.version, HouseholdHelpStatus.GRANTED, reason="test"
    )
    services.household_help.record_hours(actor, grant.id, 2026, 3, 10)
    round_id = services.rounds.create(
        actor, RoundRules(2026, "Amersfoort", YEAR[0], date(2026, 11, 30), amount_cents=10_000)
    ).id
    for who, recipient, status in (
        (a, a_naaste, ApplicationStatus.GRANTED),
        (b, b_naaste, ApplicationStatus.REFUSED),
    ):
        data = ApplicationData(
            who, recipient, date(2026, 5, 1), Channel.PAPER, "NL91ABNA0417164300", "X"
        )
        application = services.applications.register(actor, round_id, data)
        services.applications.change_status(actor, application, 1, status, reason="test")
    date_status_changes(engine, date(2026, 5, 1))  # decided in May, whenever the test runs
    return {"a": a, "b": b, "c": c, "d": d, "e": e}


def counts(report: Report, key: str) -> list[tuple[object, ...]]:
    return list(report.table(key).rows)


@pytest.fixture
def unsuppressed(services: Services, actor: Actor) -> None:
    services.reports.save_settings(actor, ReportSettings(suppress_below=0))


def test_every_figure_matches_the_hand_count(
    services: Services, register: dict[str, int], unsuppressed: None
) -> None:
    report = services.reports.report(*YEAR, organisation="Steunpunt")
    assert counts(report, "bereik") == [
        ("Ingeschreven op 1 januari 2026", 3),  # anna, cor (ends in March), eva
        ("Nieuw ingeschreven", 2),  # bram, dirk
        ("Uitgeschreven", 1),  # cor
        ("Ingeschreven op 31 december 2026", 4),  # anna, bram, dirk, eva
    ]
    assert counts(report, "jaren")[-2:] == [("2025", 3, 1), ("2026", 4, 2)]
    assert counts(report, "leeftijd") == [
        ("<18", 1),  # bram, 16
        ("18-24", 0),
        ("25-44", 1),  # eva, 36
        ("45-64", 0),
        ("65-79", 1),  # anna, 66
        ("80+", 0),
        ("Leeftijd onbekend", 1),  # dirk
    ]
    relations = dict(counts(report, "relatie"))
    assert (relations["Ouder"], relations["Grootouder"], relations["Partner"]) == (1, 1, 0)
    sources = dict(counts(report, "herkomst"))
    # the newcomers of 2026: bram found himself, dirk's source is unknown
    assert (sources["Huisarts of POH"], sources["Zelf aangemeld"], sources["Onbekend"]) == (0, 1, 1)
    assert [count for _label, count in counts(report, "overbelasting")] == [2, 1, 1, 1, 2]
    assert dict(counts(report, "contacten")) == {
        "Telefoon": 2,
        "Huisbezoek": 1,
        "Gesprek op het steunpunt": 0,
        "E-mail": 0,
        "Totaal": 3,
    }
    assert counts(report, "compliment") == [
        ("Aanvragen", 2),
        ("Toegekend", 1),
        ("Afgewezen", 1),
        ("Uitbetaald", 0),
        ("Bedrag toegekend", "€ 100,00"),
        ("Bedrag uitbetaald", "€ 0,00"),
    ]
    assert counts(report, "huishoudelijke_hulp") == [
        ("Mantelzorgers geholpen", 1),
        ("Toekenningen", 1),
        ("Uren toegekend, naar rato van de periode", "52"),  # 1-1 to 31-12-2026: all of it
        ("Uren geleverd in de maanden van de periode", "10"),
    ]
    assert counts(report, "verwijzingen") == [
        ("Respijthuis De Linde (Respijtzorg)", 1, 1, 0, 0, 0, 0),
        ("Wijkteam Zuid (Wijkteam)", 1, 0, 0, 0, 0, 1),
        ("Totaal", 2, 1, 0, 0, 0, 1),
    ]
    assert [headline.value for headline in report.headlines] == [4, 2, 2, 2, 1]


def test_one_gemeente_counts_only_its_own_caregivers(
    services: Services, register: dict[str, int], unsuppressed: None
) -> None:
    assert services.reports.municipalities() == ["Amersfoort", "Soest"]
    report = services.reports.report(*YEAR, "Amersfoort")
    assert [count for _label, count in counts(report, "bereik")] == [2, 2, 1, 3]  # no eva
    assert counts(report, "verwijzingen")[-1] == ("Totaal", 1, 1, 0, 0, 0, 0)
    soest = services.reports.report(*YEAR, "Soest")
    assert [count for _label, count in counts(soest, "bereik")] == [1, 0, 0, 1]
    assert counts(soest, "compliment")[0] == ("Aanvragen", 0)  # the round is Amersfoort's


def test_small_counts_are_suppressed_with_their_amounts_but_zeros_stay(
    services: Services, register: dict[str, int]
) -> None:
    report = services.reports.report(*YEAR)  # all gemeenten: every hidden cell shows "×"
    assert report.suppress_below == 5
    assert counts(report, "bereik")[0] == ("Ingeschreven op 1 januari 2026", "×")
    assert dict(counts(report, "contacten"))["E-mail"] == 0
    # 2 applied, 1 granted, 1 refused: all below 5. € 100,00 granted at € 100 a compliment
    # would say "1 granted": hidden with its count. Nothing paid: 0 and € 0,00 stay.
    assert counts(report, "compliment") == [
        ("Aanvragen", "×"),
        ("Toegekend", "×"),
        ("Afgewezen", "×"),
        ("Uitbetaald", 0),
        ("Bedrag toegekend", "×"),
        ("Bedrag uitbetaald", "€ 0,00"),
    ]
    assert all(headline.value == "×" for headline in report.headlines)  # 4, 2, 2, 2 and 1


def test_impossible_periods_and_settings_are_refused(services: Services, actor: Actor) -> None:
    with pytest.raises(InvalidValue, match="vóór het begin"):
        services.reports.report(date(2026, 2, 1), date(2026, 1, 1))
    with pytest.raises(ValidationFailed):
        services.reports.save_settings(actor, ReportSettings(age_brackets=(25, 18)))
    own = replace(ReportSettings(), suppress_below=10, age_brackets=(18, 65))
    services.reports.save_settings(actor, own)
    assert services.reports.settings() == own
    assert own.bracket_labels() == ("<18", "18-64", "65+")
