"""A messy old register imported end to end, as a steunpunt would: the workbook of
test_reading.py (title rows, a merged title, an empty row, bad cells, a total row) with a person
entered twice and a person who is already in the register. Every expected value below is worked
out by hand from the rules of issue 19, not copied from what the program printed."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook  # type: ignore[import-untyped]
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from steunpunt.db.caregivers.models import Caregiver
from steunpunt.db.imports.models import ImportRow
from steunpunt.domain.imports.columns import find_header_row, guess_mapping
from steunpunt.domain.imports.plan import Outcome
from steunpunt.domain.imports.reading import read_rows
from steunpunt.io.import_file import open_import_file
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.container import Services
from tests.helpers import add_caregiver
from tests.imports.test_reading import TODAY, messy_register


def messy_file_with_a_repeat(folder: Path) -> Path:
    """The messy register with row 5 (Jansen-de Vries) entered again above the total row."""
    path = messy_register(folder / "register.xlsx")
    book = load_workbook(path)
    sheet = book.active
    repeat = [cell.value for cell in sheet[5]]
    sheet.insert_rows(11)
    for column, value in enumerate(repeat, start=1):
        sheet.cell(row=11, column=column, value=value)
    book.save(path)
    return path


def test_a_messy_register_is_imported_every_row_accounted_for_and_undone(
    services: Services, actor: Actor, engine: Engine, tmp_path: Path
) -> None:
    piet = add_caregiver(  # already registered: same address and birth date as file row 6
        services, actor, first_name="Piet", infix="van der", last_name="Berg",
        salutation="heer", birth_date="12-03-1956", street="Kerkplein", house_number="3",
        house_number_suffix="II", postcode="3762AB", place="Soest", municipality="Soest",
        phone="", email="", iban="", source="", notes="",
    )  # fmt: skip
    file = open_import_file(messy_file_with_a_repeat(tmp_path))
    header = find_header_row(file.rows)
    read = read_rows(file.rows, header, guess_mapping(file.rows[header]), TODAY)

    plan = services.imports.plan(read)

    outcomes = {row.source_row: row.outcome for row in plan.rows}
    assert outcomes == {
        5: Outcome.NEW,  # Jansen-de Vries, naaste Piet Jansen
        6: Outcome.LIKELY_EXISTING,  # PIET VAN DER BERG: the registered Piet
        7: Outcome.SKIPPED,  # empty
        8: Outcome.REFUSED,  # a relation and hours, but no naaste named
        9: Outcome.REFUSED,  # street, postcode, phone, e-mail, date and hours unreadable
        10: Outcome.NEW,  # El Amrani, naaste Anna Maria Bakker
        11: Outcome.SKIPPED,  # row 5 again
        12: Outcome.SKIPPED,  # the total row
    }
    assert "5" in " ".join(plan.rows[6].reasons)  # the repeat names the row it repeats
    counts = plan.counts
    assert (counts.data_rows, counts.new, counts.likely_existing) == (8, 2, 1)
    assert (counts.refused, counts.skipped) == (2, 3)
    refused = {row.source_row: " ".join(row.reasons) for row in plan.rows if row.reasons}
    assert "31-02-1956 is geen bestaande datum" in refused[9]

    result = services.imports.run(actor, plan, "register.xlsx", file.sheet, {})

    assert (result.new, result.merged, result.skipped, result.refused) == (2, 1, 3, 2)
    with Session(engine) as session:
        names = sorted(session.scalars(select(Caregiver.last_name)))
        origins = sorted(session.scalars(select(ImportRow.source_row)))
    assert names == ["Berg", "El Amrani", "Jansen-de Vries"]  # not J. de Jong (row 9)
    assert origins == [5, 6, 10]
    merged = services.caregivers.get(piet.id)
    assert merged.data.phone == "06 12345678"  # empty before: filled from the file
    assert merged.data.birth_date == piet.data.birth_date
    assert merged.data.address == piet.data.address  # had one: kept
    (relation,) = merged.relations
    assert relation.care_recipient_name.endswith("van der Berg")
    assert relation.data.hours_per_week == 9  # "8-10" read as its middle

    services.imports.undo(actor, result.run_id)

    with Session(engine) as session:
        assert list(session.scalars(select(Caregiver.id))) == [piet.id]
    restored = services.caregivers.get(piet.id)
    assert restored.data.phone == ""
    assert restored.relations == ()
