"""The kinds of things the audit trail records, as the audit log names them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class AuditKind(StrEnum):
    """What a person did; stored in ``audit_event.kind``."""

    CREATED = "aangemaakt"
    CHANGED = "gewijzigd"
    DELETED = "verwijderd"
    VIEWED = "bekeken"
    EXPORT = "export"
    MAILING = "mailing"
    REPORT = "rapport"
    PAYMENT_FILE = "betaalbestand"
    PRINT = "afdruk"
    INZAGE = "inzage"
    SIGNED_IN = "aangemeld"
    SIGN_IN_FAILED = "aanmelding mislukt"
    SIGNED_OUT = "afgemeld"
    LOCKED = "vergrendeld"
    ERASED = "gegevens verwijderd"
    BACKUP_FAILED = "reservekopie mislukt"
    """A backup that could not be written or did not verify; no copy was kept."""
    REFUSED = "geweigerd"
    """A request the role or the caseload does not allow: who asked for what."""
    ENCRYPTED = "database versleuteld"
    """A plain database was encrypted in place (counts only: plain copies, accounts to redo)."""
    PLAIN_COPIES_REMOVED = "onversleutelde kopieën verwijderd"
    """The plain copies of an encrypted database were removed after a confirmation."""
    NEW_RECOVERY_KEY = "nieuwe herstelsleutel"
    """A beheerder replaced the recovery key; the key itself is never recorded."""
    OPENED_WITH_RECOVERY_KEY = "geopend met de herstelsleutel"
    """Every password was lost: a beheerder opened the database with the recovery key."""
    IMPORTED = "geïmporteerd"
    """A file was imported into the register (its name and the counts, never its rows)."""
    IMPORT_UNDONE = "import ongedaan gemaakt"
    """An import was undone (the file's name and the counts of what was removed and kept)."""
    MERGED = "samengevoegd"
    """Two caregivers were merged into one (ids and counts of the moved rows only)."""
    MERGE_UNDONE = "samenvoegen ongedaan gemaakt"
    """A merge was undone: the merged-away caregiver and the moved rows are back."""
    NOT_SAME = "niet dezelfde"
    """Two caregivers the duplicate scan paired were decided not to be the same person."""

    @property
    def label(self) -> str:
        """The kind as the audit log shows it."""
        return self.value.capitalize()


TABLE_LABELS: dict[str, str] = {
    "caregiver": "Mantelzorger",
    "consent": "Toestemming",
    "care_recipient": "Naaste",
    "care_relation": "Zorgrelatie",
    "contact": "Contactmoment",
    "caregiver_assignment": "Toewijzing",
    "burden_assessment": "Belastingmeting",
    "referral": "Verwijzing",
    "partner": "Sociale kaart",
    "household_help_grant": "Huishoudelijke hulp",
    "household_help_month": "Uren huishoudelijke hulp",
    "household_help_rate": "Tarief huishoudelijke hulp",
    "worklist_mark": "Werklijst",
    "office_setting": "Instelling",
    "compliment_round": "Complimentronde",
    "compliment_application": "Aanvraag compliment",
    "application_event": "Statuswijziging aanvraag",
    "payment_batch": "Betaalbatch",
    "payment_reversal": "Terugboeking",
    "letter_template": "Briefsjabloon",
    "saved_filter": "Opgeslagen filter",
    "house_style": "Huisstijl",
    "staff_member": "Account",
    "import_run": "Import",
    "import_row": "Geïmporteerde rij",
    "import_mapping": "Importindeling",
    "duplicate_decision": "Niet dezelfde",
    "caregiver_merge": "Samenvoeging",
}
"""What the audit log calls the records of each table."""


def table_label(table: str | None) -> str:
    """The Dutch name of ``table``'s records (the table's own name when none is known)."""
    if table is None:
        return ""
    return TABLE_LABELS.get(table, table)


@dataclass(frozen=True)
class AuditFilter:
    """Which events the audit log shows: all criteria that are set must hold."""

    caregiver_ids: tuple[int, ...] | None = None
    """The people (mantelzorgers) the events are about; None for everyone."""
    staff_id: int | None = None
    kind: AuditKind | None = None
    start: date | None = None
    end: date | None = None
    """The period, both days included."""


FIELD_LABELS: dict[str, str] = {
    "salutation": "aanhef",
    "first_name": "voornaam",
    "infix": "tussenvoegsel",
    "last_name": "achternaam",
    "initials": "voorletters",
    "birth_date": "geboortedatum",
    "street": "straat",
    "house_number": "huisnummer",
    "house_number_suffix": "toevoeging",
    "postcode": "postcode",
    "place": "woonplaats",
    "municipality": "gemeente",
    "phone": "telefoon",
    "email": "e-mail",
    "iban": "IBAN",
    "notes": "notities",
    "note": "notitie",
    "source": "hoe bij ons gekomen",
    "registered_on": "ingeschreven op",
    "ended_on": "einddatum",
    "end_reason": "reden einde",
    "no_mail": "geen post",
    "burden_level": "belasting",
    "overloaded": "overbelast",
    "last_contact_on": "laatste contact",
    "contact_date": "datum",
    "kind": "soort",
    "status": "status",
    "reason": "reden",
    "amount_cents": "bedrag (centen)",
    "hours_per_week": "uren per week",
    "relation_type": "relatie",
    "care_since": "zorg sinds",
    "referred_on": "verwezen op",
    "name": "naam",
    "active": "actief",
    "role": "rol",
    "login": "inlognaam",
    "password_hash": "wachtwoord",
}
"""The Dutch names of the fields the audit log shows most; others show their column name."""


def field_label(name: str) -> str:
    """The Dutch name of a recorded field."""
    return FIELD_LABELS.get(name, name)
