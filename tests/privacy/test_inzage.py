"""Inzage: one export holds everything about a caregiver or naaste, as PDF and as JSON."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import Engine

from steunpunt.domain.audit import AuditFilter, AuditKind
from steunpunt.domain.errors import InvalidValue
from steunpunt.domain.privacy.dossier import EMPTY
from steunpunt.domain.support.burden import AssessmentData
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.container import Services
from steunpunt.services.privacy.dossier_sections import AUDIT_HEADING
from tests.helpers import (
    add_caregiver,
    care_recipient_data,
    contact_data,
    fill_house_style,
    relation_data,
)
from tests.reports.test_report_output import page_texts

CAREGIVER_HEADINGS = (
    "Persoonsgegevens",
    "Naasten",
    "Contactmomenten",
    "Metingen (EDIZ-plus)",
    "Doorverwijzingen",
    "Huishoudelijke hulp",
    "Complimentaanvragen en besluiten",
    "Verstuurde brieven",
    "Toestemmingen",
    AUDIT_HEADING,
)
CAREGIVER_KEYS = (
    "persoonsgegevens",
    "naasten",
    "contacten",
    "metingen",
    "doorverwijzingen",
    "huishoudelijke_hulp",
    "aanvragen",
    "brieven",
    "toestemmingen",
    "audit",
)


@pytest.fixture
def person(services: Services, actor: Actor) -> tuple[int, int]:
    fill_house_style(services, actor)
    caregiver = add_caregiver(
        services, actor, first_name="Ayşe", last_name="Yılmaz", notes="Werkt parttime"
    )
    recipient = services.care_recipients.create_for_caregiver(
        actor, caregiver.id, care_recipient_data(first_name="Fatma"), relation_data()
    ).care_recipient_id
    services.contacts.add(actor, caregiver.id, contact_data(note="Eerste gesprek thuis"))
    services.burden.record(actor, caregiver.id, AssessmentData(date(2026, 10, 1), 9, None))
    return caregiver.id, recipient


def test_the_pdf_holds_every_section_and_the_persons_data(
    services: Services, actor: Actor, person: tuple[int, int], tmp_path: Path
) -> None:
    dossier = services.inzage.caregiver_dossier(person[0])
    style, _version = services.letters.house_style()

    pdf, data = services.inzage.export(actor, tmp_path / "inzage.pdf", dossier, style)

    text = " ".join(page_texts(pdf))
    for heading in CAREGIVER_HEADINGS:
        assert heading in text
    for value in ("Ayşe", "Yılmaz", "Fatma", "Eerste gesprek thuis", "Werkt parttime", EMPTY):
        assert value in text
    sections = json.loads(data.read_text("utf-8"))["secties"]
    assert tuple(sections) == CAREGIVER_KEYS
    assert [section["kop"] for section in sections.values()] == list(CAREGIVER_HEADINGS)
    personal = {row["Gegeven"]: row["Waarde"] for row in sections["persoonsgegevens"]["rijen"]}
    assert personal["Achternaam"] == "Yılmaz"
    assert sections["contacten"]["rijen"][0]["Notitie"] == "Eerste gesprek thuis"
    assert sections["metingen"]["rijen"][0]["Totaal"] == "9"
    assert "aangemaakt" in {row["Wat"] for row in sections["audit"]["rijen"]}


def test_the_audit_section_shows_who_viewed_or_changed_the_record(
    services: Services, actor: Actor, person: tuple[int, int], engine: Engine
) -> None:
    services.caregivers.open(actor, person[0])

    rows = services.inzage.caregiver_dossier(person[0]).section("audit").rows

    assert (rows[0][1], rows[0][2]) == (actor.name, "bekeken")  # newest first
    assert (actor.name, "aangemaakt") in {(row[1], row[2]) for row in rows}


def test_a_naaste_has_an_inzage_of_their_own(
    services: Services, actor: Actor, person: tuple[int, int], tmp_path: Path
) -> None:
    dossier = services.inzage.recipient_dossier(person[1])
    style, _version = services.letters.house_style()

    pdf, data = services.inzage.export(actor, tmp_path / "naaste.pdf", dossier, style)

    text = " ".join(page_texts(pdf))
    assert "Fatma" in text and "Mantelzorgers" in text and "Yılmaz" in text
    assert "mantelzorgers" in json.loads(data.read_text("utf-8"))["secties"]


def test_another_suffix_is_refused_and_nothing_is_written(
    services: Services, actor: Actor, person: tuple[int, int], tmp_path: Path
) -> None:
    dossier = services.inzage.caregiver_dossier(person[0])
    folder = tmp_path / "out"
    folder.mkdir()
    with pytest.raises(InvalidValue, match=r"eindigt op \.pdf"):
        services.inzage.export(
            actor, folder / "inzage.docx", dossier, services.letters.house_style()[0]
        )
    assert list(folder.iterdir()) == []


def test_an_inzage_export_is_recorded_with_the_person_and_what_it_held(
    services: Services, actor: Actor, person: tuple[int, int], tmp_path: Path
) -> None:
    style, _version = services.letters.house_style()
    services.inzage.export(
        actor, tmp_path / "a.pdf", services.inzage.caregiver_dossier(person[0]), style
    )
    services.inzage.export(
        actor, tmp_path / "n.pdf", services.inzage.recipient_dossier(person[1]), style
    )
    inzage = services.audit.events(AuditFilter(kind=AuditKind.INZAGE)).events
    assert [(e.staff_id, e.caregiver_id, e.care_recipient_id) for e in inzage] == [
        (actor.staff_id, None, person[1]),
        (actor.staff_id, person[0], None),
    ]
    assert "soort: mantelzorger" in inzage[1].summary and "contacten" in inzage[1].summary
    assert services.audit.for_caregiver(person[0])[0].kind == "inzage"
