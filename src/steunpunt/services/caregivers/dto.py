"""Plain frozen data the services hand out; never live ORM objects."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from steunpunt.domain.age import AgeBracket
from steunpunt.domain.caregivers.care_recipient import CareRecipientData, RelationData
from steunpunt.domain.caregivers.caregiver import CaregiverData
from steunpunt.domain.caregivers.contact import ContactData
from steunpunt.domain.choices import ContactKind
from steunpunt.domain.support.burden import BurdenLevel


@dataclass(frozen=True)
class CaregiverRow:
    """One line of the caregiver list."""

    id: int
    name: str
    birth_date: date | None
    age: int | None
    bracket: AgeBracket
    street_line: str
    postcode: str
    place: str
    phone: str
    email: str
    registered_on: date
    active: bool
    burden_level: BurdenLevel | None = None
    overloaded: bool = False


@dataclass(frozen=True)
class CaregiverPage:
    """A slice of the caregiver list and the number of all matches."""

    total: int
    offset: int
    rows: tuple[CaregiverRow, ...]


@dataclass(frozen=True)
class RelationView:
    """A caregiver-naaste pair as either side shows it."""

    id: int
    version: int
    caregiver_id: int
    caregiver_name: str
    care_recipient_id: int
    care_recipient_name: str
    data: RelationData
    co_caregivers: tuple[str, ...] = ()
    """The naaste's other caregivers, by name (filled where a caregiver's record is shown)."""


@dataclass(frozen=True)
class ContactView:
    id: int
    version: int
    caregiver_id: int
    data: ContactData
    staff_name: str

    @property
    def kind(self) -> ContactKind:
        return self.data.kind


@dataclass(frozen=True)
class CaregiverDetail:
    """A caregiver with naasten and contacts, as the form shows them."""

    id: int
    uuid: str
    version: int
    data: CaregiverData
    relations: tuple[RelationView, ...]
    contacts: tuple[ContactView, ...]

    @property
    def display_name(self) -> str:
        name = self.data.name
        return name.full if name.first_name else name.formal


@dataclass(frozen=True)
class CareRecipientSummary:
    """A naaste in a pick list."""

    id: int
    name: str
    birth_date: date | None
    place: str
    caregiver_count: int


@dataclass(frozen=True)
class CareRecipientDetail:
    id: int
    uuid: str
    version: int
    data: CareRecipientData
    relations: tuple[RelationView, ...]
