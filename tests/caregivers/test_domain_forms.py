"""Whole forms: caregiver, naaste, relation and contact, with every error reported per field."""

from __future__ import annotations

from datetime import date

import pytest

from steunpunt.domain.address import Address
from steunpunt.domain.caregivers.care_recipient import care_recipient_from_form, relation_from_form
from steunpunt.domain.caregivers.caregiver import caregiver_from_form
from steunpunt.domain.caregivers.consent import ConsentData, scopes_from_text
from steunpunt.domain.caregivers.contact import contact_from_form
from steunpunt.domain.choices import (
    ConsentMethod,
    ConsentScope,
    ContactKind,
    EndReason,
    LivingSituation,
    RelationType,
    Salutation,
    Source,
)
from steunpunt.domain.errors import ValidationFailed
from steunpunt.domain.names import PersonName
from tests.helpers import TODAY, care_recipient_form, caregiver_form, contact_form, relation_form

ADDRESS_MESSAGE = "Vul het adres volledig in (straat, huisnummer, postcode en woonplaats)."
MAIL = frozenset({ConsentScope.REGISTRATION, ConsentScope.MAIL})


def errors_of(raw: dict[str, str], scopes: frozenset[ConsentScope] = frozenset()) -> dict[str, str]:
    with pytest.raises(ValidationFailed) as caught:
        caregiver_from_form(raw, scopes, False, TODAY)
    return caught.value.errors


# --- caregiver ---------------------------------------------------------------------------


def test_valid_caregiver_form_is_normalised() -> None:
    form = caregiver_form(notes="  Belt liever 's avonds.\nHeeft een hond.  ")
    data = caregiver_from_form(form, frozenset(), True, TODAY)
    assert data.name == PersonName("Jan Pieter", "de", "Vries", "J.P.")
    assert data.name.formal == "J.P. de Vries"
    assert data.salutation is Salutation.MR
    assert data.birth_date == date(1960, 2, 1)
    assert data.address == Address("Dorpsstraat", 12, "A", "3811 AB", "Amersfoort", "Amersfoort")
    assert data.address.postal_line == "3811 AB  AMERSFOORT"
    assert data.phone == "06 12345678"
    assert data.email == "jan@example.nl"
    assert data.iban == "NL91ABNA0417164300"
    assert data.source is Source.GP
    assert data.registered_on == date(2026, 1, 1)
    assert data.ended_on is None
    assert data.end_reason is None
    assert data.no_mail is True
    assert data.notes == "Belt liever 's avonds.\nHeeft een hond."
    assert data.consent is None


def test_optional_fields_may_stay_empty() -> None:
    form = caregiver_form(
        first_name="",
        initials="th",
        infix="",
        salutation="",
        birth_date="",
        street="",
        house_number="",
        house_number_suffix="",
        postcode="",
        place="",
        municipality="",
        phone="",
        email="",
        iban="",
        source="",
    )
    data = caregiver_from_form(form, frozenset(), False, TODAY)
    assert data.name == PersonName("", "", "Vries", "T.H.")
    assert data.salutation is Salutation.NEUTRAL
    assert data.birth_date is None
    assert data.address == Address()
    assert (data.phone, data.email, data.iban, data.source) == ("", "", "", None)


def test_given_initials_are_kept_over_derived_ones() -> None:
    data = caregiver_from_form(caregiver_form(initials="j.p.c."), frozenset(), False, TODAY)
    assert data.name.initials == "J.P.C."


def test_every_wrong_field_gets_its_own_dutch_message() -> None:
    form = caregiver_form(
        first_name="",
        last_name="",
        birth_date="31-02-2000",
        house_number="12a",
        postcode="0123 AB",
        phone="12345",
        email="jan@",
        iban="NL92ABNA0417164300",
        registered_on="",
    )
    assert errors_of(form) == {
        "first_name": "Vul de voornaam of de voorletters in.",
        "last_name": "Vul de achternaam in.",
        "birth_date": "31-02-2000 is geen bestaande datum.",
        "house_number": (
            "Vul bij huisnummer alleen het nummer in; een letter of toevoeging hoort bij toevoeging."
        ),
        "postcode": "Vul een Nederlandse postcode in: vier cijfers en twee letters, zoals 1234 AB.",
        "phone": "Vul een geldig telefoonnummer in, zoals 06 12345678 of 033 123 4567.",
        "email": "Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.",
        "iban": "Dit IBAN klopt niet: de controlecijfers passen niet. Controleer het nummer.",
        "registered_on": "Vul een datum in.",
    }


def test_validation_failed_names_the_fields_in_its_text() -> None:
    with pytest.raises(ValidationFailed, match=r"last_name: Vul de achternaam in\."):
        caregiver_from_form(caregiver_form(last_name=" "), frozenset(), False, TODAY)


@pytest.mark.parametrize(
    ("changes", "missing"),
    [
        ({"street": ""}, {"street"}),
        ({"house_number": ""}, {"house_number"}),
        ({"postcode": ""}, {"postcode"}),
        ({"place": ""}, {"place"}),
        (
            {"street": "", "house_number": "", "postcode": ""},
            {"street", "house_number", "postcode"},
        ),
    ],
)
def test_incomplete_address_marks_the_missing_parts(
    changes: dict[str, str], missing: set[str]
) -> None:
    assert errors_of(caregiver_form(**changes)) == dict.fromkeys(missing, ADDRESS_MESSAGE)


def test_wrong_postcode_in_an_address_keeps_its_own_message() -> None:
    errors = errors_of(caregiver_form(postcode="12345"))
    assert errors == {
        "postcode": "Vul een Nederlandse postcode in: vier cijfers en twee letters, zoals 1234 AB."
    }


def test_empty_address_is_allowed() -> None:
    form = caregiver_form(street="", house_number="", house_number_suffix="", postcode="", place="")
    assert caregiver_from_form(form, frozenset(), False, TODAY).address.street == ""


def test_end_date_needs_a_reason() -> None:
    assert errors_of(caregiver_form(ended_on="01-06-2026")) == {
        "end_reason": "Kies de reden waarom de inschrijving eindigt."
    }


def test_reason_needs_an_end_date() -> None:
    assert errors_of(caregiver_form(end_reason="verhuisd")) == {
        "ended_on": "Vul de einddatum in, of maak de reden leeg."
    }


def test_end_date_before_registration_is_refused() -> None:
    form = caregiver_form(registered_on="01-01-2026", ended_on="31-12-2025", end_reason="verhuisd")
    assert errors_of(form) == {"ended_on": "De einddatum ligt vóór de inschrijfdatum."}


@pytest.mark.parametrize("ended_on", ["01-01-2026", "22-11-2026", "01-01-2027"])
def test_end_date_on_or_after_registration_is_accepted(ended_on: str) -> None:
    form = caregiver_form(ended_on=ended_on, end_reason="naaste_overleden")
    data = caregiver_from_form(form, frozenset(), False, TODAY)
    assert data.end_reason is EndReason.RECIPIENT_DIED
    assert data.ended_on is not None


@pytest.mark.parametrize(
    ("field", "message"),
    [
        ("birth_date", "De geboortedatum kan niet in de toekomst liggen."),
        ("registered_on", "De inschrijfdatum kan niet in de toekomst liggen."),
    ],
)
def test_dates_in_the_future_are_refused(field: str, message: str) -> None:
    assert errors_of(caregiver_form(**{field: "23-11-2026"}))[field] == message


def test_birth_date_today_is_accepted() -> None:
    data = caregiver_from_form(caregiver_form(birth_date="22-11-2026"), frozenset(), False, TODAY)
    assert data.birth_date == TODAY


def test_consent_with_date_scopes_and_method() -> None:
    form = caregiver_form(consent_given_on="15-01-2026", consent_method="schriftelijk")
    data = caregiver_from_form(form, MAIL, False, TODAY)
    assert data.consent == ConsentData(date(2026, 1, 15), MAIL, ConsentMethod.WRITTEN)
    assert data.consent.scope_text == "registratie,post"
    assert scopes_from_text(data.consent.scope_text) == MAIL


@pytest.mark.parametrize(
    ("changes", "scopes", "errors"),
    [
        (
            {"consent_given_on": "15-01-2026", "consent_method": "mondeling"},
            frozenset(),
            {"consent_scopes": "Kies waarvoor toestemming is gegeven."},
        ),
        (
            {"consent_method": "mondeling"},
            MAIL,
            {"consent_given_on": "Vul de datum in waarop toestemming is gegeven."},
        ),
        (
            {"consent_given_on": "15-01-2026"},
            MAIL,
            {"consent_method": "Kies hoe de toestemming is gegeven."},
        ),
        (
            {"consent_given_on": "15-01-2026", "consent_method": "per duif"},
            MAIL,
            {"consent_method": "Kies hoe de toestemming is gegeven."},
        ),
        (
            {"consent_given_on": "23-11-2026", "consent_method": "digitaal"},
            MAIL,
            {"consent_given_on": "De datum van toestemming kan niet in de toekomst liggen."},
        ),
        (
            {"consent_given_on": "31-02-2026", "consent_method": "digitaal"},
            MAIL,
            {"consent_given_on": "31-02-2026 is geen bestaande datum."},
        ),
    ],
)
def test_consent_rules(
    changes: dict[str, str], scopes: frozenset[ConsentScope], errors: dict[str, str]
) -> None:
    assert errors_of(caregiver_form(**changes), scopes) == errors


def test_no_consent_fields_means_no_consent() -> None:
    assert caregiver_from_form(caregiver_form(), frozenset(), False, TODAY).consent is None


# --- naaste and relation -----------------------------------------------------------------


def test_valid_naaste_form() -> None:
    form = care_recipient_form(
        infix="Van",
        street="lindelaan",
        house_number="4",
        postcode="3818mn",
        place="amersfoort",
        living_situation="bij_mantelzorger",
        consent_given_on="01-02-2026",
        consent_method="mondeling",
    )
    data = care_recipient_from_form(form, frozenset({ConsentScope.REGISTRATION}), TODAY)
    assert data.name == PersonName("Maria", "van", "Jansen")
    assert data.address.street_line == "Lindelaan 4"
    assert data.address.postal_line == "3818 MN  AMERSFOORT"
    assert data.condition == "dementie"
    assert data.living_situation is LivingSituation.WITH_CAREGIVER
    assert data.consent == ConsentData(
        date(2026, 2, 1), frozenset({ConsentScope.REGISTRATION}), ConsentMethod.ORAL
    )


def test_naaste_living_situation_defaults_to_at_home() -> None:
    data = care_recipient_from_form(care_recipient_form(living_situation=""), frozenset(), TODAY)
    assert data.living_situation is LivingSituation.AT_HOME


def test_naaste_form_errors() -> None:
    form = care_recipient_form(last_name="", birth_date="01-01-2030", street="Lindelaan")
    with pytest.raises(ValidationFailed) as caught:
        care_recipient_from_form(form, frozenset(), TODAY)
    assert caught.value.errors == {
        "last_name": "Vul de achternaam van de naaste in.",
        "birth_date": "De geboortedatum kan niet in de toekomst liggen.",
        "house_number": ADDRESS_MESSAGE,
        "postcode": ADDRESS_MESSAGE,
        "place": ADDRESS_MESSAGE,
    }


def test_naaste_condition_is_limited() -> None:
    with pytest.raises(ValidationFailed) as caught:
        care_recipient_from_form(care_recipient_form(condition="x" * 201), frozenset(), TODAY)
    assert caught.value.errors == {"condition": "Hoogstens 200 tekens."}


@pytest.mark.parametrize(
    ("hours", "expected"), [("7,5", 7.5), ("12", 12.0), ("0", 0.0), ("168", 168.0), ("", None)]
)
def test_relation_hours(hours: str, expected: float | None) -> None:
    data = relation_from_form(relation_form(hours_per_week=hours), TODAY)
    assert data.hours_per_week == expected
    assert data.relation_type is RelationType.PARENT
    assert data.care_since == date(2024, 3, 1)


@pytest.mark.parametrize(
    ("changes", "errors"),
    [
        (
            {"hours_per_week": "169"},
            {"hours_per_week": "Een week heeft 168 uur: vul een aantal van 0 tot en met 168 in."},
        ),
        (
            {"hours_per_week": "veel"},
            {"hours_per_week": "Vul het aantal uren per week in als getal, zoals 12 of 7,5."},
        ),
        ({"relation_type": ""}, {"relation_type": "Kies de relatie tot de naaste."}),
        (
            {"care_since": "01-01-2027"},
            {"care_since": "Zorg sinds kan niet in de toekomst liggen."},
        ),
    ],
)
def test_relation_errors(changes: dict[str, str], errors: dict[str, str]) -> None:
    with pytest.raises(ValidationFailed) as caught:
        relation_from_form(relation_form(**changes), TODAY)
    assert caught.value.errors == errors


# --- contact -----------------------------------------------------------------------------


def test_valid_contact() -> None:
    data = contact_from_form(contact_form(note="  Huisbezoek gepland. "), 7, TODAY)
    assert data.contact_date == date(2026, 11, 20)
    assert data.kind is ContactKind.PHONE
    assert data.staff_id == 7
    assert data.note == "Huisbezoek gepland."


def test_contact_today_is_accepted() -> None:
    assert contact_from_form(contact_form(contact_date="22-11-2026"), None, TODAY).staff_id is None


@pytest.mark.parametrize(
    ("changes", "errors"),
    [
        (
            {"contact_date": "23-11-2026"},
            {"contact_date": "De datum van het contact kan niet in de toekomst liggen."},
        ),
        ({"contact_date": ""}, {"contact_date": "Vul een datum in."}),
        ({"kind": ""}, {"kind": "Kies de soort contact."}),
        ({"note": "x" * 4001}, {"note": "Een notitie is hoogstens 4000 tekens."}),
    ],
)
def test_contact_errors(changes: dict[str, str], errors: dict[str, str]) -> None:
    with pytest.raises(ValidationFailed) as caught:
        contact_from_form(contact_form(**changes), None, TODAY)
    assert caught.value.errors == errors


def test_naaste_consent_date_error_keeps_its_own_message() -> None:
    form = care_recipient_form(consent_given_on="31-02-2026", consent_method="mondeling")
    with pytest.raises(ValidationFailed) as caught:
        care_recipient_from_form(form, frozenset({ConsentScope.REGISTRATION}), TODAY)
    assert caught.value.errors == {"consent_given_on": "31-02-2026 is geen bestaande datum."}
