"""Which columns hold personal data: what erasure removes and the audit trail never copies.

The audit trail is append-only, so a value it copied would outlive the person's erasure. It
therefore records that these columns changed, never their old or new values. Erasure
(``db/privacy/erasure.py``) clears exactly these columns; a test holds the two together and
makes every new text or date column of a person's table be named here or in
:data:`NOT_PERSONAL_COLUMNS`.
"""

from __future__ import annotations

from collections.abc import Mapping

_NAME_AND_ADDRESS = frozenset(
    {
        "first_name",
        "infix",
        "last_name",
        "birth_date",
        "notes",
        "street",
        "house_number",
        "house_number_suffix",
        "postcode",
        "place",
    }
)

PERSONAL_COLUMNS: Mapping[str, frozenset[str]] = {
    "caregiver": _NAME_AND_ADDRESS | {"initials", "salutation", "phone", "email", "iban"},
    "care_recipient": _NAME_AND_ADDRESS | {"condition"},
    "contact": frozenset({"note"}),
    "burden_assessment": frozenset({"note", "answers"}),
    "referral": frozenset({"reason"}),
    "household_help_grant": frozenset({"note", "override_reason", "household_key"}),
    "compliment_application": frozenset(
        {"iban", "account_holder", "voucher_code", "override_reason"}
    ),
    "application_event": frozenset({"reason"}),
    "payment_reversal": frozenset({"note"}),
    "sent_letter": frozenset({"addressed_as", "letter_values", "printed_json"}),
    "import_row": frozenset({"filled_json"}),
    "caregiver_merge": frozenset({"snapshot_json"}),
}
"""Per table, the columns with a person's name, address, contact details, bank account, health
or free text."""

NOT_PERSONAL_COLUMNS: Mapping[str, frozenset[str]] = {
    "caregiver": frozenset(
        {"source", "registered_on", "ended_on", "end_reason", "burden_level", "last_contact_on"}
        | {"municipality", "search_text", "sort_name", "uuid"}
    ),
    "care_recipient": frozenset({"living_situation", "municipality", "sort_name", "uuid"}),
    "care_relation": frozenset({"relation_type", "care_since", "uuid"}),
    "caregiver_assignment": frozenset({"uuid"}),
    "consent": frozenset({"given_on", "scopes", "method", "uuid"}),
    "contact": frozenset({"contact_date", "kind", "uuid"}),
    "burden_assessment": frozenset({"assessed_on", "uuid"}),
    "referral": frozenset({"referred_on", "follow_up_on", "outcome", "closed_on", "uuid"}),
    "household_help_grant": frozenset(
        {"starts_on", "ends_on", "extended_until", "stopped_on", "status", "evaluation_on"}
        | {"uuid"}
    ),
    "compliment_application": frozenset(
        {"received_on", "channel", "applied_by", "status", "control_letter_due_on"}
        | {"letters_sent", "uuid"}
    ),
    "application_event": frozenset({"from_status", "to_status", "uuid"}),
    "payment_reversal": frozenset({"kind", "reversed_on", "uuid"}),
    "sent_letter": frozenset({"sent_on", "uuid"}),
    "import_row": frozenset({"outcome", "uuid"}),
    "caregiver_merge": frozenset({"merged_uuid", "uuid"}),
    "duplicate_decision": frozenset({"uuid"}),
}
"""Per table of a person, the text and date columns that say nothing about who they are: the
gemeente and dates the verantwoording counts by, choices and bookkeeping."""


def is_personal(table: str, column: str) -> bool:
    """Whether ``column`` of ``table`` holds personal data (see :data:`PERSONAL_COLUMNS`)."""
    return column in PERSONAL_COLUMNS.get(table, frozenset())
