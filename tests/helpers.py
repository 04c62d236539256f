"""Builders of filled-in forms and saved records, shared by the non-GUI tests."""

from __future__ import annotations

from datetime import date

from steunpunt.domain.care_recipient import (
    CareRecipientData,
    RelationData,
    care_recipient_from_form,
    relation_from_form,
)
from steunpunt.domain.caregiver import CaregiverData, caregiver_from_form
from steunpunt.domain.choices import ConsentScope
from steunpunt.domain.contact import ContactData, contact_from_form
from steunpunt.services.container import Services
from steunpunt.services.dto import Actor, CaregiverDetail

TODAY = date(2026, 11, 22)


def caregiver_form(**changes: str) -> dict[str, str]:
    """Every field of the caregiver form, validly filled in; ``changes`` replace fields."""
    form = {
        "first_name": "jan pieter",
        "infix": "De",
        "last_name": "vries",
        "initials": "",
        "salutation": "heer",
        "birth_date": "01-02-1960",
        "street": "dorpsstraat",
        "house_number": "12",
        "house_number_suffix": "a",
        "postcode": "3811ab",
        "place": "amersfoort",
        "municipality": "amersfoort",
        "phone": "06-12345678",
        "email": "jan@example.nl",
        "iban": "NL91 ABNA 0417 1643 00",
        "source": "huisarts",
        "registered_on": "01-01-2026",
        "ended_on": "",
        "end_reason": "",
        "consent_given_on": "",
        "consent_method": "",
        "notes": "",
    }
    form.update(changes)
    return form


def care_recipient_form(**changes: str) -> dict[str, str]:
    """Every field of the naaste form, validly filled in (address left empty)."""
    form = {
        "first_name": "maria",
        "infix": "",
        "last_name": "jansen",
        "birth_date": "03-04-1940",
        "street": "",
        "house_number": "",
        "house_number_suffix": "",
        "postcode": "",
        "place": "",
        "municipality": "",
        "condition": "dementie",
        "living_situation": "thuis",
        "notes": "",
        "consent_given_on": "",
        "consent_method": "",
    }
    form.update(changes)
    return form


def relation_form(**changes: str) -> dict[str, str]:
    form = {"relation_type": "ouder", "hours_per_week": "12", "care_since": "01-03-2024"}
    form.update(changes)
    return form


def contact_form(**changes: str) -> dict[str, str]:
    form = {"contact_date": "20-11-2026", "kind": "telefoon", "note": "Belde over respijtzorg."}
    form.update(changes)
    return form


def caregiver_data(
    scopes: frozenset[ConsentScope] = frozenset(), no_mail: bool = False, /, **changes: str
) -> CaregiverData:
    return caregiver_from_form(caregiver_form(**changes), scopes, no_mail, TODAY)


def care_recipient_data(
    scopes: frozenset[ConsentScope] = frozenset(), /, **changes: str
) -> CareRecipientData:
    return care_recipient_from_form(care_recipient_form(**changes), scopes, TODAY)


def relation_data(**changes: str) -> RelationData:
    return relation_from_form(relation_form(**changes), TODAY)


def contact_data(staff_id: int | None = None, /, **changes: str) -> ContactData:
    return contact_from_form(contact_form(**changes), staff_id, TODAY)


def add_caregiver(services: Services, actor: Actor, **changes: str) -> CaregiverDetail:
    """Save a caregiver made from :func:`caregiver_form` with ``changes``."""
    return services.caregivers.create(actor, caregiver_data(**changes))
