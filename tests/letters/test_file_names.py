"""File names made from personal data: a right-to-left override in a surname never reaches
the name of a per-person PDF."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, text

from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.container import Services
from tests.helpers import add_caregiver, fill_house_style
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
