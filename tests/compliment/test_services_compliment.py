"""The compliment round through its services: register, judge, decide, batch, sample, overview."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import Engine, event

from steunpunt.domain.compliment.application import ApplicationData, Channel
from steunpunt.domain.compliment.round_rules import RoundRules
from steunpunt.domain.compliment.status import ApplicationStatus
from steunpunt.domain.errors import InvalidValue, KnownProblem, ValidationFailed
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.container import Services
from steunpunt.services.kernel.errors import NotAllowed
from tests.helpers import add_caregiver, care_recipient_data, relation_data

IBAN = "NL91 ABNA 0417 1643 00"


def iban_number(n: int) -> str:
    """A valid Dutch IBAN of its own for every ``n``."""
    from stdnum import iban

    bban = f"ABNA{n:010d}"
    return f"NL{iban.calc_check_digits('NL00' + bban)}{bban}"


SOEST = RoundRules(
    year=2026,
    municipality="Soest",
    opens_on=date(2026, 1, 1),
    closes_on=date(2026, 12, 1),
    amount_cents=10_000,
)


def pair(
    services: Services,
    actor: Actor,
    first_name: str,
    hours: str = "12",
    recipient_place: str = "Soest",
) -> tuple[int, int]:
    """A caregiver with one naaste; returns (caregiver id, naaste id)."""
    caregiver = add_caregiver(services, actor, first_name=first_name, iban="")
    relation = services.care_recipients.create_for_caregiver(
        actor,
        caregiver.id,
        care_recipient_data(
            first_name=f"naaste van {first_name}",
            street="Kerkweg",
            house_number="1",
            postcode="3761 AB",
            place=recipient_place,
            municipality=recipient_place,
        ),
        relation_data(hours_per_week=hours),
    )
    return caregiver.id, relation.care_recipient_id


def apply(
    services: Services,
    actor: Actor,
    round_id: int,
    people: tuple[int, int],
    iban: str = IBAN,
    received_on: date = date(2026, 5, 1),
) -> int:
    return services.applications.register(
        actor,
        round_id,
        ApplicationData(people[0], people[1], received_on, Channel.PAPER, iban, "J. de Vries"),
    )


@pytest.fixture
def round_id(services: Services, actor: Actor) -> int:
    return services.rounds.create(actor, SOEST).id


def test_a_registered_application_gets_a_verdict_explained_rule_by_rule(
    services: Services, actor: Actor, round_id: int
) -> None:
    eligible = apply(services, actor, round_id, pair(services, actor, "anna"))
    too_few_hours = apply(services, actor, round_id, pair(services, actor, "bram", hours="6"))
    elsewhere = apply(
        services, actor, round_id, pair(services, actor, "cor", recipient_place="Amersfoort")
    )
    assert services.applications.detail(eligible).verdict.eligible
    hours = services.applications.detail(too_few_hours).verdict
    assert not hours.eligible
    assert [result.rule for result in hours.failures] == ["uren"]
    assert "6 uur per week" in hours.failures[0].explanation
    place = services.applications.detail(elsewhere).verdict.failures[0].explanation
    assert "Amersfoort" in place and "Soest" in place
    detail = services.applications.detail(eligible)
    assert detail.view.status is ApplicationStatus.RECEIVED
    assert [change.to_status for change in detail.history] == [ApplicationStatus.RECEIVED]


def test_registration_refuses_bad_input_and_duplicates(
    services: Services, actor: Actor, round_id: int
) -> None:
    people = pair(services, actor, "anna")
    with pytest.raises(ValidationFailed) as refused:
        apply(services, actor, round_id, people, iban="NL00 ABNA 0000 0000 00")
    assert "iban" in refused.value.errors
    apply(services, actor, round_id, people)
    with pytest.raises(NotAllowed, match="al een aanvraag"):
        apply(services, actor, round_id, people)
    stranger = add_caregiver(services, actor, first_name="zonder")
    with pytest.raises(NotAllowed, match="Koppel eerst"):
        apply(services, actor, round_id, (stranger.id, people[1]))


def test_granting_follows_the_rules_unless_a_reason_is_given(
    services: Services, actor: Actor, round_id: int
) -> None:
    good = apply(services, actor, round_id, pair(services, actor, "anna"), iban_number(1))
    bad = apply(services, actor, round_id, pair(services, actor, "bram", hours="6"), iban_number(2))
    granted = services.applications.change_status(actor, good, 1, ApplicationStatus.GRANTED)
    assert granted.view.status is ApplicationStatus.GRANTED and granted.view.amount_cents == 10_000
    with pytest.raises(NotAllowed, match="voldoet niet aan de regels"):
        services.applications.change_status(actor, bad, 1, ApplicationStatus.GRANTED)
    overridden = services.applications.change_status(
        actor,
        bad,
        1,
        ApplicationStatus.GRANTED,
        reason="Zorgt ook in het weekend; akkoord teamleider",
    )
    assert overridden.override_reason.startswith("Zorgt ook")
    assert overridden.history[-1].reason.startswith("Zorgt ook")
    assert overridden.history[-1].changed_by == "Tester"
    with pytest.raises(InvalidValue, match="kan niet naar"):
        services.applications.change_status(
            actor, bad, overridden.view.version, ApplicationStatus.IN_REVIEW
        )


def test_refusing_an_eligible_application_needs_a_reason(
    services: Services, actor: Actor, round_id: int
) -> None:
    good = apply(services, actor, round_id, pair(services, actor, "anna"))
    with pytest.raises(NotAllowed, match="Geef een reden"):
        services.applications.change_status(actor, good, 1, ApplicationStatus.REFUSED)
    refused = services.applications.change_status(
        actor, good, 1, ApplicationStatus.REFUSED, reason="Aanvraag ingetrokken"
    )
    assert refused.view.status is ApplicationStatus.REFUSED


def test_warnings_must_be_acknowledged_before_a_grant(
    services: Services, actor: Actor, round_id: int
) -> None:
    first = apply(services, actor, round_id, pair(services, actor, "anna"))
    second = apply(services, actor, round_id, pair(services, actor, "bram"))  # same IBAN
    detail = services.applications.detail(second)
    assert detail.warnings and "rekeningnummer" in detail.warnings[0]
    with pytest.raises(NotAllowed, match="waarschuwingen"):
        services.applications.change_status(actor, second, 1, ApplicationStatus.GRANTED)
    granted = services.applications.change_status(
        actor, second, 1, ApplicationStatus.GRANTED, warnings_acknowledged=True
    )
    assert granted.warnings_acknowledged
    assert services.applications.detail(first).warnings


def test_a_batch_grants_only_clean_eligible_applications_after_a_preview(
    services: Services, actor: Actor, round_id: int
) -> None:
    clean = [
        apply(services, actor, round_id, pair(services, actor, name), iban=iban)
        for name, iban in (("anna", IBAN), ("bram", "NL02 ABNA 0123 4567 89"))
    ]
    failing = apply(
        services,
        actor,
        round_id,
        pair(services, actor, "cor", hours="2"),
        iban="NL39 RABO 0300 0652 64",
    )
    preview = services.applications.batch_preview(round_id)
    assert [line.application_id for line in preview.to_decide] == clean
    assert [line.application_id for line in preview.left] == [failing]
    assert preview.next_status is ApplicationStatus.GRANTED
    assert services.applications.batch_decide(actor, round_id, [clean[0]]) == 1
    statuses = {view.id: view.status for view in services.applications.applications(round_id)}
    assert statuses == {
        clean[0]: ApplicationStatus.GRANTED,
        clean[1]: ApplicationStatus.RECEIVED,
        failing: ApplicationStatus.RECEIVED,
    }


def test_a_control_letter_round_sends_letters_first(services: Services, actor: Actor) -> None:
    from dataclasses import replace

    round_id = services.rounds.create(actor, replace(SOEST, control_letter_required=True)).id
    application = apply(services, actor, round_id, pair(services, actor, "anna"))
    preview = services.applications.batch_preview(round_id)
    assert preview.next_status is ApplicationStatus.AWAITING_CONTROL_LETTER
    services.applications.batch_decide(actor, round_id, [application])
    detail = services.applications.detail(application)
    assert detail.view.status is ApplicationStatus.AWAITING_CONTROL_LETTER


def test_sample_and_overview(services: Services, actor: Actor, round_id: int) -> None:
    ibans = ["NL91 ABNA 0417 1643 00", "NL02 ABNA 0123 4567 89", "NL39 RABO 0300 0652 64"]
    ids = [
        apply(services, actor, round_id, pair(services, actor, name), iban=iban)
        for name, iban in zip(("anna", "bram", "cor"), ibans, strict=True)
    ]
    services.applications.batch_decide(actor, round_id, ids[:2])
    sample = services.applications.draw_sample(actor, round_id, 50, seed=7)
    assert len(sample) == 1 and set(sample) <= set(ids[:2])
    overview = services.rounds.overview(round_id)
    assert overview.per_status[ApplicationStatus.GRANTED] == 2
    assert overview.per_status[ApplicationStatus.RECEIVED] == 1
    assert overview.granted_cents == 20_000 and overview.paid_cents == 0
    assert overview.in_sample == 1
    assert overview.days_to_close == (SOEST.closes_on - date(2026, 11, 22)).days


def test_a_new_round_starts_as_a_copy_of_last_year(
    services: Services, actor: Actor, round_id: int
) -> None:
    copy = services.rounds.copy_for_next_year(actor, round_id)
    assert copy.rules.year == 2027 and copy.rules.opens_on == date(2027, 1, 1)
    assert copy.rules.amount_cents == SOEST.amount_cents
    with pytest.raises(NotAllowed, match="al een ronde 2027"):
        services.rounds.copy_for_next_year(actor, round_id)
    assert [view.title for view in services.rounds.rounds()] == ["Soest 2027", "Soest 2026"]


def test_a_payment_batch_writes_the_files_and_confirming_marks_grants_paid(
    services: Services, actor: Actor, tmp_path: Path
) -> None:
    from dataclasses import replace

    from lxml import etree

    rules = replace(SOEST, payer_name="Gemeente Soest", payer_iban=iban_number(99))
    round_id = services.rounds.create(actor, rules).id
    ids = [
        apply(services, actor, round_id, pair(services, actor, name), iban_number(n))
        for n, name in enumerate(("anna", "bram", "cor"), start=1)
    ]
    services.applications.batch_decide(actor, round_id, ids[:2])
    with pytest.raises(InvalidValue, match="verleden"):
        services.payments.make_batch(actor, round_id, date(2026, 11, 1), tmp_path)
    result = services.payments.make_batch(actor, round_id, date(2026, 12, 1), tmp_path)
    assert (result.payments, result.total_cents) == (2, 20_000)
    document = etree.parse(str(result.payment_file))
    namespace = {"p": "urn:iso:std:iso:20022:tech:xsd:pain.001.001.03"}
    assert document.findtext(".//p:GrpHdr/p:CtrlSum", namespaces=namespace) == "200.00"
    assert result.list_file.exists()
    with pytest.raises(NotAllowed, match="geen toekenningen"):
        services.payments.make_batch(actor, round_id, date(2026, 12, 1), tmp_path)
    assert services.payments.confirm_paid(actor, result.batch_id) == 2
    overview = services.rounds.overview(round_id)
    assert overview.per_status[ApplicationStatus.PAID] == 2
    assert overview.paid_cents == 20_000
    history = services.applications.detail(ids[0]).history
    assert history[-1].to_status is ApplicationStatus.PAID
    with pytest.raises(NotAllowed, match="al als betaald"):
        services.payments.confirm_paid(actor, result.batch_id)


def test_a_money_round_without_a_payer_makes_no_file(
    services: Services, actor: Actor, round_id: int, tmp_path: Path
) -> None:
    application = apply(services, actor, round_id, pair(services, actor, "anna"))
    services.applications.batch_decide(actor, round_id, [application])
    with pytest.raises(NotAllowed, match="ontbreekt de naam en het IBAN van de betaler"):
        services.payments.make_batch(actor, round_id, date(2026, 12, 1), tmp_path / "uit")
    assert not (tmp_path / "uit").exists() or list((tmp_path / "uit").iterdir()) == []


def test_grant_and_refusal_letters_carry_amount_and_reasons_and_are_logged(
    services: Services, actor: Actor, round_id: int, tmp_path: Path
) -> None:
    from pypdf import PdfReader

    from steunpunt.domain.choices import LetterKind
    from tests.helpers import fill_house_style

    fill_house_style(services, actor)
    good = apply(services, actor, round_id, pair(services, actor, "anna"), iban_number(1))
    bad = apply(services, actor, round_id, pair(services, actor, "bram", hours="6"), iban_number(2))
    services.applications.change_status(actor, good, 1, ApplicationStatus.GRANTED)
    services.applications.change_status(actor, bad, 1, ApplicationStatus.REFUSED)
    letters = services.compliment_letters
    granted = letters.application_letters(
        actor, LetterKind.COMPLIMENT_GRANTED, [good], tmp_path, payment_date=date(2026, 12, 10)
    )
    [text] = [page.extract_text() for page in PdfReader(granted.letters_pdf).pages]
    assert "€ 100,00" in text and "10 december 2026" in text and "Soest 2026" in text
    assert "{" not in text
    refused = letters.application_letters(actor, LetterKind.COMPLIMENT_REFUSED, [bad], tmp_path)
    [text] = [page.extract_text() for page in PdfReader(refused.letters_pdf).pages]
    assert "6 uur per week, minimaal 8" in text and "3 januari 2027" in text
    with pytest.raises(NotAllowed, match="past daar niet bij"):
        letters.application_letters(actor, LetterKind.COMPLIMENT_GRANTED, [bad], tmp_path)
    caregiver = services.applications.detail(good).data.caregiver_id
    [entry] = services.mailings.letter_log(caregiver)
    assert entry.kind is LetterKind.COMPLIMENT_GRANTED
    reminder = letters.reminder(actor, round_id, tmp_path / "herinnering")
    assert reminder.letters == 1
    [text] = [page.extract_text() for page in PdfReader(reminder.letters_pdf).pages]
    assert "Soest 2027" in text and "1 december 2027" in text


def test_a_compliment_letter_cannot_be_sent_as_a_free_mailing(
    services: Services, actor: Actor, round_id: int, tmp_path: Path
) -> None:
    from steunpunt.domain.choices import LetterKind
    from steunpunt.services.letters.dto import MailingRequest
    from tests.helpers import fill_house_style

    fill_house_style(services, actor)
    caregiver, _naaste = pair(services, actor, "anna")
    template = services.letters.templates(LetterKind.COMPLIMENT_GRANTED)[0].id
    request = MailingRequest(template, date(2026, 11, 22), tmp_path, caregiver_ids=(caregiver,))
    with pytest.raises(NotAllowed, match="vanuit het mantelzorgcompliment"):
        services.mailings.make_mailing(actor, request)


def test_letters_waiting_per_kind_and_none_sent_twice(
    services: Services, actor: Actor, round_id: int, tmp_path: Path
) -> None:
    from steunpunt.domain.choices import LetterKind
    from tests.helpers import fill_house_style

    fill_house_style(services, actor)
    first = apply(services, actor, round_id, pair(services, actor, "anna"), iban_number(1))
    second = apply(services, actor, round_id, pair(services, actor, "bram"), iban_number(2))
    letters = services.compliment_letters
    assert letters.pending(round_id, LetterKind.COMPLIMENT_RECEIVED) == [first, second]
    assert letters.pending(round_id, LetterKind.COMPLIMENT_GRANTED) == []
    letters.application_letters(actor, LetterKind.COMPLIMENT_RECEIVED, [first], tmp_path)
    assert letters.pending(round_id, LetterKind.COMPLIMENT_RECEIVED) == [second]
    services.applications.change_status(actor, first, 1, ApplicationStatus.GRANTED)
    assert letters.pending(round_id, LetterKind.COMPLIMENT_GRANTED) == [first]


def test_a_mailing_filter_finds_who_received_a_compliment_in_a_year(
    services: Services, actor: Actor, round_id: int
) -> None:
    from steunpunt.domain.letters.recipient_filter import RecipientFilter, built_in_filters

    granted = apply(services, actor, round_id, pair(services, actor, "anna"), iban_number(1))
    refused = apply(services, actor, round_id, pair(services, actor, "bram"), iban_number(2))
    apply(services, actor, round_id, pair(services, actor, "cor"), iban_number(3))  # undecided
    services.applications.change_status(actor, granted, 1, ApplicationStatus.GRANTED)
    services.applications.change_status(
        actor, refused, 1, ApplicationStatus.REFUSED, reason="dubbele aanvraag"
    )

    this_year = built_in_filters(date(2026, 11, 22))["Mantelzorgcompliment ontvangen in 2026"]
    found = services.mailings.select_recipients(this_year)
    anna = services.applications.detail(granted).data.caregiver_id
    assert [person.caregiver_id for person in found.included] == [anna]
    assert services.mailings.count_recipients(RecipientFilter(compliment_year=2025)).included == 0
    assert this_year.describe() == "Actieve mantelzorgers; mantelzorgcompliment ontvangen in 2026"


def test_who_applied_is_kept_and_judged_against_the_round(
    services: Services, actor: Actor, round_id: int
) -> None:
    from steunpunt.domain.compliment.round_rules import Applicant

    caregiver, naaste = pair(services, actor, "anna")
    data = ApplicationData(
        caregiver,
        naaste,
        date(2026, 5, 1),
        Channel.PAPER,
        IBAN,
        "J. de Vries",
        applied_by=Applicant.CARE_RECIPIENT,
    )
    detail = services.applications.detail(services.applications.register(actor, round_id, data))
    assert detail.data.applied_by is Applicant.CARE_RECIPIENT
    assert [failure.rule for failure in detail.verdict.failures] == ["aanvrager"]


def test_a_payment_batch_is_both_files_and_its_record_or_nothing(
    services: Services,
    actor: Actor,
    engine: Engine,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import errno
    from dataclasses import replace

    from steunpunt.services.compliment import payments as payments_module

    rules = replace(SOEST, payer_name="Gemeente Soest", payer_iban=iban_number(99))
    round_id = services.rounds.create(actor, rules).id
    ids = [apply(services, actor, round_id, pair(services, actor, "anna"), iban_number(1))]
    services.applications.batch_decide(actor, round_id, ids)
    out = tmp_path / "uit"

    def full_disk(*_args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    with monkeypatch.context() as patched:
        patched.setattr(payments_module, "write_payment_list", full_disk)
        with pytest.raises(KnownProblem, match="vol"):
            services.payments.make_batch(actor, round_id, date(2026, 12, 1), out)
    assert list(out.iterdir()) == []  # the SEPA file made first is gone too
    assert services.payments.open_batches(round_id) == []

    def refuse_the_batch(_connection: object, _cursor: object, statement: str, *_: object) -> None:
        if statement.startswith("INSERT INTO payment_batch"):
            raise RuntimeError("database locked")

    event.listen(engine, "before_cursor_execute", refuse_the_batch)
    try:
        with pytest.raises(RuntimeError):
            services.payments.make_batch(actor, round_id, date(2026, 12, 1), out)
    finally:
        event.remove(engine, "before_cursor_execute", refuse_the_batch)
    assert list(out.iterdir()) == []  # files taken back: no batch was recorded
    result = services.payments.make_batch(actor, round_id, date(2026, 12, 1), out)
    assert sorted(path.name for path in out.iterdir()) == sorted(
        [result.payment_file.name, result.list_file.name]
    )
