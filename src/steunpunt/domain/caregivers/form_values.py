"""Records written back as form text: the inverse of the ``*_from_form`` parsers."""

from __future__ import annotations

from steunpunt.domain.caregivers.care_recipient import CareRecipientData, RelationData
from steunpunt.domain.caregivers.caregiver import CaregiverData
from steunpunt.domain.caregivers.consent import ConsentData
from steunpunt.domain.caregivers.contact import ContactData
from steunpunt.domain.dates import format_date
from steunpunt.domain.iban import format_iban


def _consent(consent: ConsentData | None) -> dict[str, str]:
    if consent is None:
        return {"consent_given_on": "", "consent_method": ""}
    return {
        "consent_given_on": format_date(consent.given_on),
        "consent_method": consent.method.value,
    }


def caregiver_form_values(data: CaregiverData) -> dict[str, str]:
    return {
        "first_name": data.name.first_name,
        "infix": data.name.infix,
        "last_name": data.name.last_name,
        "initials": data.name.initials,
        "salutation": data.salutation.value,
        "birth_date": format_date(data.birth_date),
        **data.address.form_values(),
        "phone": data.phone,
        "email": data.email,
        "iban": format_iban(data.iban) if data.iban else "",
        "source": data.source.value if data.source else "",
        "registered_on": format_date(data.registered_on),
        "ended_on": format_date(data.ended_on),
        "end_reason": data.end_reason.value if data.end_reason else "",
        "notes": data.notes,
        **_consent(data.consent),
    }


def care_recipient_form_values(data: CareRecipientData) -> dict[str, str]:
    return {
        "first_name": data.name.first_name,
        "infix": data.name.infix,
        "last_name": data.name.last_name,
        "birth_date": format_date(data.birth_date),
        **data.address.form_values(),
        "condition": data.condition,
        "living_situation": data.living_situation.value,
        "notes": data.notes,
        **_consent(data.consent),
    }


def relation_form_values(data: RelationData) -> dict[str, str]:
    hours = "" if data.hours_per_week is None else f"{data.hours_per_week:g}".replace(".", ",")
    return {
        "relation_type": data.relation_type.value,
        "hours_per_week": hours,
        "care_since": format_date(data.care_since),
    }


def contact_form_values(data: ContactData) -> dict[str, str]:
    return {
        "contact_date": format_date(data.contact_date),
        "kind": data.kind.value,
        "note": data.note,
    }
