"""File names made from personal data: a right-to-left override in a surname never reaches
the name of a per-person PDF."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, text

from steunpunt.domain.choices import LetterKind
from steunpunt.domain.file_names import safe_file_name
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.container import Services
from steunpunt.services.letters.dto import MailingRequest, TemplateData
from tests.helpers import TODAY, add_caregiver, fill_house_style
from tests.letters.test_services_mailings import request

INVISIBLE = ("\u202e", "\u202d", "\u2066", "\u200b", "\ufeff", "\x00")


def test_a_surname_typed_with_a_right_to_left_override_is_stored_without_it(
    services: Services, actor: Actor
) -> None:
    detail = add_caregiver(services, actor, last_name="Vries\u202efdp.exe", first_name="\u200bJan")
    assert (detail.data.name.last_name, detail.data.name.first_name) == ("Vriesfdp.exe", "Jan")


def test_per_person_pdfs_of_names_stored_with_invisible_characters_have_safe_names(
    services: Services, actor: Actor, engine: Engine, tmp_path: Path
) -> None:
    fill_house_style(services, actor)
    detail = add_caregiver(services, actor, last_name="Vries")
    with engine.begin() as connection:  # stored before the input policy
        connection.execute(
            text("UPDATE caregiver SET last_name = :name WHERE id = :id"),
            {"name": "Vries\u202efdp.exe\u200b", "id": detail.id},
        )
    result = services.mailings.make_mailing(
        actor, request(services, tmp_path, per_person_pdfs=True)
    )
    assert result.per_person_folder is not None
    names = [path.name for path in result.per_person_folder.iterdir()]
    assert len(names) == 1 and "Vriesfdp.exe" in names[0] and names[0].endswith(".pdf")
    assert not any(ch in name for name in names for ch in INVISIBLE)


def test_a_colon_in_a_title_becomes_a_dash_between_spaces_and_a_time_reads_dutch() -> None:
    assert safe_file_name("Brief 2026-0001 Compliment: ontvangst - Ayşe Yılmaz", ".pdf") == (
        "Brief 2026-0001 Compliment - ontvangst - Ayşe Yılmaz.pdf"
    )
    assert safe_file_name("Koffie om 10:30 uur") == "Koffie om 10.30 uur"
    assert safe_file_name("a:b") == "a-b"


def test_a_single_letter_is_named_after_its_template_and_its_person(
    services: Services, actor: Actor, tmp_path: Path
) -> None:
    fill_house_style(services, actor)
    person = add_caregiver(services, actor, first_name="Anna", infix="de", last_name="Vries")
    template = services.letters.save_template(
        actor,
        TemplateData(
            "Uitnodiging: koffieochtend", LetterKind.FREE, "Koffie", "{aanhef},\n\nWelkom."
        ),
    )
    made = services.mailings.make_mailing(
        actor,
        MailingRequest(template.id, TODAY, tmp_path, caregiver_ids=(person.id,)),
    )
    assert (
        made.letters_pdf.name == "Brief 2026-0001 Uitnodiging - koffieochtend - Anna de Vries.pdf"
    )
