"""The statements that anonymise caregivers and naasten, for a batch of ids at once.

Set-based (one UPDATE per table per batch) so that 10,000 people take seconds, not minutes.
The rows stay, with every column the verantwoording counts; names, address, contact details,
IBAN, free text and the snapshot a merge keeps to undo it go: the columns of
``db/kernel/personal_data.PERSONAL_COLUMNS`` (a test holds the two together). ``search_text`` and ``sort_name`` are emptied here (the ORM's update
hooks do not run on these statements); the FTS triggers then drop the person from the index.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date
from typing import Any

from sqlalchemy import Date, Update, cast, func, update

from steunpunt.db.caregivers.models import Caregiver, CareRecipient, Contact
from steunpunt.db.compliment.models import (
    ApplicationStatusChange,
    ComplimentApplication,
    PaymentReversal,
)
from steunpunt.db.duplicates.models import CaregiverMerge
from steunpunt.db.imports.models import ImportRow
from steunpunt.db.letters.models import SentLetter
from steunpunt.db.support.models import BurdenAssessment, HouseholdHelpGrant, Referral

_PERSON_CLEARED: dict[str, Any] = {
    "first_name": "",
    "infix": "",
    "last_name": "",
    "street": "",
    "house_number": None,
    "house_number_suffix": "",
    "postcode": "",
    "place": "",
    "notes": "",
    "sort_name": "",
}
"""Name, address (but the gemeente, which the report counts by) and notes of a person."""


def _birth_year(column: Any, dialect: str) -> Any:
    """1 January of the birth year (see ``domain.privacy.erasure.birth_year_only``)."""
    if dialect == "sqlite":
        return func.strftime("%Y-01-01", column)
    return cast(func.date_trunc("year", column), Date)


def _versioned(statement: Update, model: Any) -> Update:
    return statement.values(version=model.version + 1)


def caregiver_statements(
    ids: Collection[int], dialect: str, today: date, end_reason: str
) -> list[Update]:
    """Clear the caregivers ``ids`` and the free text of everything recorded about them; a
    caregiver still registered is ended ``today`` (so no past year's count changes)."""
    cleared = {
        **_PERSON_CLEARED,
        "initials": "",
        "salutation": "neutraal",
        "phone": "",
        "email": "",
        "iban": "",
        "search_text": "",
        "no_mail": True,
    }
    statements = [
        update(Caregiver)
        .where(Caregiver.id.in_(ids))
        .values(
            **cleared,
            birth_date=_birth_year(Caregiver.birth_date, dialect),
            ended_on=func.coalesce(Caregiver.ended_on, today),
            end_reason=func.coalesce(Caregiver.end_reason, end_reason),
        ),
        update(Contact).where(Contact.caregiver_id.in_(ids)).values(note=""),
        update(BurdenAssessment)
        .where(BurdenAssessment.caregiver_id.in_(ids))
        .values(note="", answers=""),
        update(Referral).where(Referral.caregiver_id.in_(ids)).values(reason=""),
        update(HouseholdHelpGrant)
        .where(HouseholdHelpGrant.caregiver_id.in_(ids))
        .values(note="", override_reason="", household_key=""),
        update(ComplimentApplication)
        .where(ComplimentApplication.caregiver_id.in_(ids))
        .values(iban="", account_holder="", voucher_code="", override_reason=""),
        update(ApplicationStatusChange)
        .where(ApplicationStatusChange.application_id.in_(_applications(ids)))
        .values(reason=""),
        update(PaymentReversal)
        .where(PaymentReversal.application_id.in_(_applications(ids)))
        .values(note=""),
        update(SentLetter)
        .where(SentLetter.caregiver_id.in_(ids))
        .values(addressed_as="", letter_values="{}", printed_json=""),
        # what an import's merge filled in, kept to undo it: erased, so undo restores nothing
        update(ImportRow).where(ImportRow.caregiver_id.in_(ids)).values(filled_json=""),
        # a merge's snapshot holds the merged-away person's data: erased, the merge stays undone
        update(CaregiverMerge).where(CaregiverMerge.survivor_id.in_(ids)).values(snapshot_json=""),
    ]
    models: tuple[Any, ...] = (Caregiver, Contact, BurdenAssessment, Referral, HouseholdHelpGrant)
    models += (ComplimentApplication, ApplicationStatusChange, PaymentReversal, SentLetter)
    models += (ImportRow, CaregiverMerge)
    return [
        _versioned(statement, model) for statement, model in zip(statements, models, strict=True)
    ]


def care_recipient_statements(ids: Collection[int], dialect: str) -> list[Update]:
    """Clear the naasten ``ids``: name, address, notes and their condition."""
    statement = (
        update(CareRecipient)
        .where(CareRecipient.id.in_(ids))
        .values(
            **_PERSON_CLEARED,
            condition="",
            birth_date=_birth_year(CareRecipient.birth_date, dialect),
        )
    )
    return [_versioned(statement, CareRecipient)]


def _applications(ids: Collection[int]) -> Any:
    return (
        ComplimentApplication.__table__.select()
        .with_only_columns(ComplimentApplication.id)
        .where(ComplimentApplication.caregiver_id.in_(ids))
    )
