"""The controlebrief: a letter to the naaste first, then a grant, or a refusal past its deadline."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import Engine, update

from steunpunt.db.compliment.models import ComplimentApplication
from steunpunt.domain.choices import LeftOutReason, LetterKind
from steunpunt.domain.compliment.status import ApplicationStatus
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.container import Services
from steunpunt.services.kernel.errors import NotAllowed
from tests.compliment.test_services_compliment import SOEST, apply, iban_number, pair
from tests.helpers import add_caregiver, care_recipient_data, fill_house_style, relation_data

AWAITING = ApplicationStatus.AWAITING_CONTROL_LETTER


@pytest.fixture
def round_id(services: Services, actor: Actor) -> int:
    fill_house_style(services, actor)
    return services.rounds.create(actor, replace(SOEST, control_letter_required=True)).id


def awaiting(services: Services, actor: Actor, round_id: int, name: str, number: int) -> int:
    """An application in the round that waits for its controlebrief (deadline in 8 weeks)."""
    application = apply(services, actor, round_id, pair(services, actor, name), iban_number(number))
    services.applications.change_status(actor, application, 1, ApplicationStatus.IN_REVIEW)
    services.applications.change_status(actor, application, 2, AWAITING)
    return application


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def set_deadline(engine: Engine, application_id: int, due_on: date) -> None:
    with engine.begin() as connection:
        connection.execute(
            update(ComplimentApplication)
            .where(ComplimentApplication.id == application_id)
            .values(control_letter_due_on=due_on)
        )


def test_the_controlebrief_goes_to_the_naaste_and_is_logged_on_the_caregiver(
    services: Services, actor: Actor, round_id: int, tmp_path: Path
) -> None:
    application = awaiting(services, actor, round_id, "anna", 1)
    detail = services.applications.detail(application)
    caregiver, naaste = detail.data.caregiver_id, detail.data.care_recipient_id
    assert detail.view.control_letter_due_on == date(2027, 1, 17)  # 8 weeks after 22 November
    letters = services.compliment_letters
    assert letters.pending(round_id, LetterKind.COMPLIMENT_CONTROL) == [application]

    result = letters.application_letters(
        actor, LetterKind.COMPLIMENT_CONTROL, [application], tmp_path
    )

    text = pdf_text(result.letters_pdf)
    assert "N.V.A. Jansen" in text and "Beste Naaste Van Anna Jansen" in text  # the naaste
    assert "Anna de Vries heeft het mantelzorgcompliment aangevraagd" in text  # the caregiver
    assert "Kerkweg 1" in text and "3761 AB" in text  # the naaste's address, not the caregiver's
    assert "17 januari 2027" in text  # the deadline
    assert f"{result.reference}/{caregiver}-{naaste}" in text  # the kenmerk names the application
    [entry] = services.mailings.letter_log(caregiver)
    assert entry.kind is LetterKind.COMPLIMENT_CONTROL
    assert entry.addressed_as == "N.V.A. Jansen"
    assert letters.pending(round_id, LetterKind.COMPLIMENT_CONTROL) == []


def test_a_naaste_without_an_address_is_left_out_and_keeps_waiting(
    services: Services, actor: Actor, round_id: int, tmp_path: Path
) -> None:
    with_address = awaiting(services, actor, round_id, "anna", 1)
    caregiver = add_caregiver(services, actor, first_name="bram", iban="")
    relation = services.care_recipients.create_for_caregiver(
        actor,
        caregiver.id,
        care_recipient_data(first_name="zonder adres", municipality="Soest"),
        relation_data(hours_per_week="12"),
    )
    homeless = apply(
        services, actor, round_id, (caregiver.id, relation.care_recipient_id), iban_number(2)
    )
    services.applications.change_status(actor, homeless, 1, ApplicationStatus.IN_REVIEW)
    services.applications.change_status(actor, homeless, 2, AWAITING)
    letters = services.compliment_letters

    result = letters.application_letters(
        actor, LetterKind.COMPLIMENT_CONTROL, [with_address, homeless], tmp_path
    )

    assert result.letters == 1
    assert [(person.caregiver_id, person.reason) for person in result.left_out] == [
        (caregiver.id, LeftOutReason.NO_ADDRESS)
    ]
    assert letters.pending(round_id, LetterKind.COMPLIMENT_CONTROL) == [homeless]
    with pytest.raises(NotAllowed, match="niemand komt in aanmerking"):
        letters.application_letters(actor, LetterKind.COMPLIMENT_CONTROL, [homeless], tmp_path)


def test_a_round_with_a_controlebrief_grants_only_after_it_or_with_a_reason(
    services: Services, actor: Actor, round_id: int
) -> None:
    direct = apply(services, actor, round_id, pair(services, actor, "anna"), iban_number(1))
    with pytest.raises(NotAllowed, match="eerst een controlebrief"):
        services.applications.change_status(actor, direct, 1, ApplicationStatus.GRANTED)
    granted = services.applications.change_status(
        actor, direct, 1, ApplicationStatus.GRANTED, reason="naaste overleden, zorg bevestigd"
    )
    assert granted.view.status is ApplicationStatus.GRANTED

    returned = awaiting(services, actor, round_id, "bram", 2)
    detail = services.applications.change_status(actor, returned, 3, ApplicationStatus.GRANTED)
    assert detail.view.status is ApplicationStatus.GRANTED
    assert detail.history[-1].reason == "controlebrief teruggestuurd"


def test_past_the_deadline_a_refusal_needs_no_reason_and_the_letter_says_why(
    services: Services, actor: Actor, engine: Engine, round_id: int, tmp_path: Path
) -> None:
    late = awaiting(services, actor, round_id, "anna", 1)
    in_time = awaiting(services, actor, round_id, "bram", 2)
    with pytest.raises(NotAllowed, match="voldoet aan alle regels"):
        services.applications.change_status(actor, in_time, 3, ApplicationStatus.REFUSED)
    set_deadline(engine, late, date(2026, 11, 21))

    refused = services.applications.change_status(actor, late, 3, ApplicationStatus.REFUSED)

    reason = "de controlebrief niet uiterlijk 21 november 2026 is teruggestuurd"
    assert refused.override_reason == reason
    assert refused.history[-1].reason == reason
    letter = services.compliment_letters.application_letters(
        actor, LetterKind.COMPLIMENT_REFUSED, [late], tmp_path
    )
    assert reason in " ".join(pdf_text(letter.letters_pdf).split())


def test_overdue_controlebrieven_are_counted_and_refused_together(
    services: Services, actor: Actor, engine: Engine, round_id: int
) -> None:
    late = [awaiting(services, actor, round_id, name, n) for n, name in enumerate("ab", 1)]
    due_today = awaiting(services, actor, round_id, "c", 3)
    for application in late:
        set_deadline(engine, application, date(2026, 11, 1))
    set_deadline(engine, due_today, date(2026, 11, 22))
    assert services.rounds.overview(round_id).control_letters_overdue == 2

    assert services.applications.refuse_overdue_control_letters(actor, round_id) == 2

    statuses = [services.applications.detail(i).view.status for i in [*late, due_today]]
    assert statuses == [ApplicationStatus.REFUSED, ApplicationStatus.REFUSED, AWAITING]
    assert services.rounds.overview(round_id).control_letters_overdue == 0
    assert services.applications.refuse_overdue_control_letters(actor, round_id) == 0


def test_a_reprint_repeats_the_letter_with_its_values_and_addressee(
    services: Services, actor: Actor, round_id: int, tmp_path: Path
) -> None:
    application = awaiting(services, actor, round_id, "anna", 1)
    letters = services.compliment_letters
    letters.application_letters(actor, LetterKind.COMPLIMENT_CONTROL, [application], tmp_path)
    services.applications.change_status(actor, application, 3, ApplicationStatus.GRANTED)
    letters.application_letters(
        actor,
        LetterKind.COMPLIMENT_GRANTED,
        [application],
        tmp_path,
        payment_date=date(2026, 12, 10),
    )
    caregiver = services.applications.detail(application).data.caregiver_id
    grant, control = services.mailings.letter_log(caregiver)

    grant_text = pdf_text(services.mailings.reprint(actor, grant.id, tmp_path / "h"))
    control_text = pdf_text(services.mailings.reprint(actor, control.id, tmp_path / "h"))

    assert "€ 100,00" in grant_text and "10 december 2026" in grant_text
    assert "N.V.A. Jansen" in control_text and "17 januari 2027" in control_text
    reprints = [entry for entry in services.mailings.letter_log(caregiver) if entry.reprint]
    assert len(reprints) == 2
