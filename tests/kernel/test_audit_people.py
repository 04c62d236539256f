"""A person's history ("Wie heeft dit dossier bekeken of gewijzigd?") shows every export,
mailing and payment file that included them, and nothing that did not."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from steunpunt.domain.choices import LetterKind
from steunpunt.domain.letters.recipient_filter import RecipientFilter
from steunpunt.services.caregivers.list_export import column, export_caregiver_list
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.container import Services
from steunpunt.services.letters.dto import MailingRequest
from tests.compliment.test_services_compliment import SOEST, apply, iban_number, pair
from tests.helpers import TODAY, add_mailing_people


def history(services: Services, caregiver_id: int) -> list[str]:
    """The kinds in the caregiver's history, newest first."""
    return [event.kind for event in services.audit.for_caregiver(caregiver_id)]


def test_a_persons_history_lists_the_mailing_and_the_export_that_held_them(
    services: Services, actor: Actor, tmp_path: Path
) -> None:
    people = add_mailing_people(services, actor)
    x, y, z = people["ayse"], people["no_mail"], people["ended"]
    export_caregiver_list(
        services.caregivers,
        services.audit,
        actor,
        [x, y],
        tmp_path / "lijst.csv",
        [column("naam")],
    )
    request = MailingRequest(
        template_id=services.letters.templates(LetterKind.DAY_OF_CARE)[0].id,
        letter_date=TODAY,
        folder=tmp_path,
        criteria=RecipientFilter(),
    )
    result = services.mailings.make_mailing(actor, request)
    assert result.people == 3  # Ayşe, Łukasz and Jan; not Nora (no mail), not Eva (ended)

    assert history(services, x)[:2] == ["mailing", "export"]
    assert "mailing" not in history(services, y) and history(services, y)[0] == "export"
    assert not {"mailing", "export"} & set(history(services, z))
    [mailing] = [e for e in services.audit.for_caregiver(x) if e.kind == "mailing"]
    assert mailing.record_table == "mailing" and "brieven: 3" in mailing.summary
    audit_section = services.inzage.caregiver_dossier(x).section("audit")
    assert {"mailing", "export"} <= {row[2] for row in audit_section.rows}


def test_a_payment_file_is_in_the_history_of_each_caregiver_it_paid(
    services: Services, actor: Actor, tmp_path: Path
) -> None:
    rules = replace(SOEST, payer_name="Gemeente Soest", payer_iban=iban_number(99))
    round_id = services.rounds.create(actor, rules).id
    bram, anna = pair(services, actor, "bram"), pair(services, actor, "anna")
    applications = [
        apply(services, actor, round_id, people, iban_number(n))
        for n, people in enumerate((bram, anna), start=1)
    ]
    services.applications.batch_decide(actor, round_id, applications[:1])
    services.payments.make_batch(actor, round_id, date(2026, 12, 1), tmp_path)
    assert "betaalbestand" in history(services, bram[0])
    assert "betaalbestand" not in history(services, anna[0])
