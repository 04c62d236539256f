"""An application as staff register it: when and how it came in, and where to pay."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from steunpunt.domain.choices import LabelledChoice
from steunpunt.domain.compliment.round_rules import Applicant, CompensationForm
from steunpunt.domain.errors import InvalidValue, ValidationFailed
from steunpunt.domain.iban import normalize_iban
from steunpunt.domain.input_policy import check_work_date
from steunpunt.domain.text import clean

VOUCHER_LIMIT = 40
"""A voucher code is short; longer text is pasted by mistake."""


class Channel(LabelledChoice):
    PAPER = "papier"
    PHONE = "telefoon"
    EMAIL = "email"
    HOME_VISIT = "huisbezoek"

    @property
    def label(self) -> str:
        return {
            Channel.PAPER: "Papier",
            Channel.PHONE: "Telefoon",
            Channel.EMAIL: "E-mail",
            Channel.HOME_VISIT: "Huisbezoek",
        }[self]


@dataclass(frozen=True)
class ApplicationData:
    """What the application form holds."""

    caregiver_id: int
    care_recipient_id: int
    received_on: date
    channel: Channel
    iban: str = ""
    account_holder: str = ""
    voucher_code: str = ""
    applied_by: Applicant = Applicant.CAREGIVER


def checked_application(
    data: ApplicationData, form: CompensationForm, today: date
) -> ApplicationData:
    """The application cleaned up (IBAN compact, names trimmed), or every problem in Dutch."""
    errors: dict[str, str] = {}
    iban = clean(data.iban)
    holder = clean(data.account_holder)
    if data.received_on > today:
        errors["received_on"] = "De datum van ontvangst ligt in de toekomst."
    else:
        try:
            check_work_date(data.received_on, today, "De datum van ontvangst")
        except InvalidValue as error:
            errors["received_on"] = error.message
    voucher = clean(data.voucher_code)
    if len(voucher) > VOUCHER_LIMIT:
        errors["voucher_code"] = f"Een waardeboncode is hoogstens {VOUCHER_LIMIT} tekens."
    if form is CompensationForm.MONEY:
        if not iban:
            errors["iban"] = "Vul het IBAN in waarop het compliment moet worden betaald."
        else:
            try:
                iban = normalize_iban(iban)
            except InvalidValue as error:
                errors["iban"] = error.message
        if not holder:
            errors["account_holder"] = "Vul de naam van de rekeninghouder in."
        elif len(holder) > 70:
            errors["account_holder"] = "De naam van de rekeninghouder heeft hoogstens 70 tekens."
    if errors:
        raise ValidationFailed(errors)
    return ApplicationData(
        data.caregiver_id,
        data.care_recipient_id,
        data.received_on,
        data.channel,
        iban,
        holder,
        voucher,
        data.applied_by,
    )
