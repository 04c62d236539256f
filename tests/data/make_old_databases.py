"""Build the old database files that migration tests open: ``steunpunt-<revision>.sqlite``.

Each file is a database exactly as that revision of Steunpunt left it, made by running the
migrations up to that revision only and inserting rows with plain SQL (not the current models,
which will change). Derived columns (``search_text``, ``sort_name``) hold what the program of
that revision wrote. Run once per new revision and commit the file::

    python tests/data/make_old_databases.py

Existing files are left alone unless ``--force`` is given: they stand for databases in the field.
"""

from __future__ import annotations

import argparse
import sqlite3
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine, event

from steunpunt.db.migrate import MIGRATIONS_PACKAGE

HERE = Path(__file__).parent
STAMP = "2025-06-01 09:30:00.000000"


def migrate_to(file: Path, revision: str) -> None:
    """Create ``file`` with the schema of ``revision`` (and nothing newer)."""
    engine = create_engine(f"sqlite+pysqlite:///{file}")

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.execute("PRAGMA foreign_keys = ON")
        dbapi_connection.execute("PRAGMA journal_mode = WAL")

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_PACKAGE))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
    engine.dispose()


def tracked(number: int, kind: str) -> dict[str, Any]:
    """The columns every row carries, with a fixed UUID so the file is reproducible."""
    return {
        "id": number,
        "uuid": f"00000000-0000-4000-8000-{kind}{number:010d}",
        "created_at": STAMP,
        "updated_at": STAMP,
        "version": 1,
    }


def insert(connection: sqlite3.Connection, table: str, row: dict[str, Any]) -> None:
    names = ", ".join(row)
    marks = ", ".join(f":{name}" for name in row)
    connection.execute(f"INSERT INTO {table} ({names}) VALUES ({marks})", row)


PERSON_DEFAULTS = {
    "infix": "",
    "birth_date": None,
    "street": "",
    "house_number": None,
    "house_number_suffix": "",
    "postcode": "",
    "place": "",
    "municipality": "",
    "notes": "",
}

CAREGIVERS = [
    {
        **tracked(1, "01"),
        **PERSON_DEFAULTS,
        "first_name": "Jan Pieter",
        "infix": "de",
        "last_name": "Vries",
        "initials": "J.P.",
        "salutation": "heer",
        "birth_date": "1960-02-01",
        "street": "Dorpsstraat",
        "house_number": 12,
        "house_number_suffix": "A",
        "postcode": "3811 AB",
        "place": "Amersfoort",
        "municipality": "Amersfoort",
        "phone": "06 12345678",
        "email": "jan@example.nl",
        "iban": "NL91ABNA0417164300",
        "source": "huisarts",
        "registered_on": "2024-01-15",
        "ended_on": None,
        "end_reason": None,
        "no_mail": 0,
        "notes": "Belt liever 's avonds.",
        "search_text": (
            "jan pieter de vries j.p. 3811ab amersfoort dorpsstraat 0612345678 jan@example.nl"
        ),
        "sort_name": "vries jan pieter",
    },
    {
        **tracked(2, "01"),
        **PERSON_DEFAULTS,
        "first_name": "Ayşe",
        "last_name": "Yılmaz",
        "initials": "A.",
        "salutation": "mevrouw",
        "birth_date": "2005-06-15",
        "street": "Zandweg",
        "house_number": 10,
        "postcode": "3812 EF",
        "place": "Amersfoort",
        "municipality": "Amersfoort",
        "phone": "033 123 4567",
        "email": "ayse@voorbeeld.nl",
        "iban": "",
        "source": "wijkteam",
        "registered_on": "2025-03-01",
        "ended_on": None,
        "end_reason": None,
        "no_mail": 1,
        "search_text": "ayse yilmaz a. 3812ef amersfoort zandweg 0331234567 ayse@voorbeeld.nl",
        "sort_name": "yilmaz ayse",
    },
    {
        **tracked(3, "01"),
        **PERSON_DEFAULTS,
        "first_name": "Łukasz",
        "last_name": "Wiśniewski",
        "initials": "Ł.",
        "salutation": "neutraal",
        "phone": "+49 30 12345678",
        "email": "lukasz@przyklad.pl",
        "iban": "",
        "source": None,
        "registered_on": "2023-05-05",
        "ended_on": "2025-12-31",
        "end_reason": "verhuisd",
        "no_mail": 0,
        "search_text": "lukasz wisniewski l. 493012345678 lukasz@przyklad.pl",
        "sort_name": "wisniewski lukasz",
    },
]

CARE_RECIPIENTS = [
    {
        **tracked(1, "02"),
        **PERSON_DEFAULTS,
        "first_name": "Maria",
        "last_name": "Vries",
        "infix": "de",
        "birth_date": "1935-09-09",
        "street": "Lindelaan",
        "house_number": 4,
        "postcode": "3818 MN",
        "place": "Amersfoort",
        "municipality": "Amersfoort",
        "condition": "dementie",
        "living_situation": "thuis",
        "sort_name": "vries maria",
    },
    {
        **tracked(2, "02"),
        **PERSON_DEFAULTS,
        "first_name": "Mehmet",
        "last_name": "Yılmaz",
        "condition": "CVA",
        "living_situation": "bij_mantelzorger",
        "sort_name": "yilmaz mehmet",
    },
]

RELATIONS = [
    {**tracked(1, "03"), "caregiver_id": 1, "care_recipient_id": 1, "relation_type": "ouder",
     "hours_per_week": 12.5, "care_since": "2022-04-01"},
    {**tracked(2, "03"), "caregiver_id": 2, "care_recipient_id": 2, "relation_type": "ouder",
     "hours_per_week": 20.0, "care_since": None},
    {**tracked(3, "03"), "caregiver_id": 3, "care_recipient_id": 1, "relation_type": "buur",
     "hours_per_week": None, "care_since": "2023-01-01"},
]  # fmt: skip

CONTACTS = [
    {**tracked(1, "04"), "caregiver_id": 1, "contact_date": "2024-01-15", "kind": "huisbezoek",
     "staff_member_id": 1, "note": "Kennismaking thuis."},
    {**tracked(2, "04"), "caregiver_id": 1, "contact_date": "2025-05-20", "kind": "telefoon",
     "staff_member_id": 1, "note": "Vraag over respijtzorg."},
    {**tracked(3, "04"), "caregiver_id": 2, "contact_date": "2025-03-01", "kind": "steunpunt",
     "staff_member_id": None, "note": "Aangemeld door het wijkteam."},
]  # fmt: skip

CONSENTS = [
    {**tracked(1, "05"), "caregiver_id": 1, "care_recipient_id": None, "given_on": "2024-01-15",
     "scopes": "registratie", "method": "schriftelijk", "recorded_at": STAMP,
     "recorded_by_id": 1},
    {**tracked(2, "05"), "caregiver_id": 1, "care_recipient_id": None, "given_on": "2025-05-20",
     "scopes": "registratie,post", "method": "mondeling", "recorded_at": STAMP,
     "recorded_by_id": 1},
    {**tracked(3, "05"), "caregiver_id": None, "care_recipient_id": 1, "given_on": "2024-01-15",
     "scopes": "registratie", "method": "schriftelijk", "recorded_at": STAMP,
     "recorded_by_id": 1},
]  # fmt: skip


def fill_0001(file: Path) -> None:
    connection = sqlite3.connect(file)
    try:
        with connection:
            connection.execute("PRAGMA foreign_keys = ON")
            insert(connection, "staff_member", {**tracked(1, "00"), "name": "Els", "active": 1})
            for table, rows in (
                ("caregiver", CAREGIVERS),
                ("care_recipient", CARE_RECIPIENTS),
                ("care_relation", RELATIONS),
                ("contact", CONTACTS),
                ("consent", CONSENTS),
            ):
                for row in rows:
                    insert(connection, table, row)
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        connection.close()


def build_0001(file: Path) -> None:
    migrate_to(file, "0001")
    fill_0001(file)


BUILDERS = {"0001": build_0001}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--force", action="store_true", help="rebuild files that exist")
    args = parser.parse_args()
    for revision, build in BUILDERS.items():
        file = HERE / f"steunpunt-{revision}.sqlite"
        if file.exists() and not args.force:
            print(f"{file.name} exists; left alone")
            continue
        for leftover in (file, Path(f"{file}-wal"), Path(f"{file}-shm")):
            leftover.unlink(missing_ok=True)
        build(file)
        print(f"{file.name} written")


if __name__ == "__main__":
    main()
