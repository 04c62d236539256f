"""Partner organisations of the sociale kaart: who the steunpunt refers caregivers to."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from steunpunt.domain.address import ADDRESS_PARTS, Address
from steunpunt.domain.caregivers.caregiver import address_errors, address_from_values
from steunpunt.domain.choices import LabelledChoice
from steunpunt.domain.errors import ValidationFailed
from steunpunt.domain.fields import PERSON_PARSERS, limited, merge_errors, parse_fields, with_blanks
from steunpunt.domain.input_policy import RATE_MAX_CENTS
from steunpunt.domain.money import parse_optional_cents


class PartnerKind(LabelledChoice):
    RESPITE_CARE = "respijtzorg"
    VOLUNTEER_HOME_CARE = "vrijwillige_thuiszorg"
    CARE_BROKER = "mantelzorgmakelaar"
    WMO_DESK = "wmo_loket"
    NEIGHBOURHOOD_TEAM = "wijkteam"
    DEMENTIA_CASE_MANAGER = "casemanager_dementie"
    PRACTICE_NURSE = "poh_ouderenzorg"
    GP = "huisarts"
    HOME_CARE = "thuiszorg"
    OTHER = "anders"

    @property
    def label(self) -> str:
        return _KIND_LABELS[self]


_KIND_LABELS = {
    PartnerKind.RESPITE_CARE: "Respijtzorg",
    PartnerKind.VOLUNTEER_HOME_CARE: "Vrijwillige thuiszorg",
    PartnerKind.CARE_BROKER: "Mantelzorgmakelaar",
    PartnerKind.WMO_DESK: "Wmo-loket",
    PartnerKind.NEIGHBOURHOOD_TEAM: "Wijkteam",
    PartnerKind.DEMENTIA_CASE_MANAGER: "Casemanager dementie",
    PartnerKind.PRACTICE_NURSE: "POH-ouderenzorg",
    PartnerKind.GP: "Huisarts",
    PartnerKind.HOME_CARE: "Thuiszorg",
    PartnerKind.OTHER: "Anders",
}


@dataclass(frozen=True)
class PartnerData:
    """A partner organisation as staff enter it; a thuiszorg provider has an hourly rate."""

    name: str
    kind: PartnerKind
    contact_person: str
    phone: str
    email: str
    address: Address
    notes: str
    active: bool
    hourly_rate_cents: int | None = None


PARTNER_FIELDS = (
    "name",
    "contact_person",
    "phone",
    "email",
    *ADDRESS_PARTS,
    "notes",
    "hourly_rate",
)


def _rate(text: str) -> int | None:
    """The hourly rate in cents, up to the policy's largest rate."""
    return parse_optional_cents(text, RATE_MAX_CENTS, "Het uurtarief")


PARTNER_PARSERS = {
    **PERSON_PARSERS,
    "name": limited(120),
    "contact_person": limited(120),
    "hourly_rate": _rate,
}


def partner_from_form(raw: Mapping[str, str], active: bool) -> PartnerData:
    """Parse the partner form; raise :class:`ValidationFailed` with a Dutch message per field."""
    values, errors = parse_fields(with_blanks(raw, PARTNER_FIELDS), PARTNER_PARSERS)
    merge_errors(errors, address_errors(values))
    if not values.get("name") and "name" not in errors:
        errors["name"] = "Vul de naam van de organisatie in."
    kind = raw.get("kind", "")
    if kind not in PartnerKind._value2member_map_:
        errors["kind"] = "Kies de soort organisatie."
    if errors:
        raise ValidationFailed(errors)
    return PartnerData(
        values["name"],
        PartnerKind(kind),
        values["contact_person"],
        values["phone"],
        values["email"],
        address_from_values(values),
        values["notes"],
        active,
        values["hourly_rate"],
    )
