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
from decimal import Decimal
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine, event

from steunpunt.db.kernel.migrate import MIGRATIONS_PACKAGE

HERE = Path(__file__).parent
VERSIONS = Path(MIGRATIONS_PACKAGE) / "versions"
STAMP = "2025-06-01 09:30:00.000000"
PAGE_SIZE = 1024
"""Every table and index takes a page at least: small pages keep the files small (SQLite reads
any page size; steunpunt-0001.sqlite has the usual 4096)."""


def migrate_to(file: Path, revision: str) -> None:
    """Create ``file`` with the schema of ``revision`` (and nothing newer)."""
    engine = create_engine(f"sqlite+pysqlite:///{file}")

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.execute(f"PRAGMA page_size = {PAGE_SIZE}")
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


LETTER_BODY = (
    "Beste {aanhef},\n\nWelkom bij het steunpunt mantelzorg.\n\nMet vriendelijke groet,\nEls"
)

LETTERS: list[tuple[str, list[dict[str, Any]]]] = [
    ("house_style", [
        {**tracked(1, "10"), "settings_json": '{"organisation": "Steunpunt Mantelzorg Eemland"}',
         "logo": None, "signature": None},
    ]),
    ("letter_template", [
        {**tracked(1, "11"), "name": "Welkomstbrief", "kind": "welkom",
         "subject": "Welkom bij het steunpunt", "body": LETTER_BODY, "active": 1},
    ]),
    ("saved_filter", [
        {**tracked(1, "12"), "name": "Amersfoort", "criteria_json": '{"place": "Amersfoort"}'},
    ]),
    ("mailing", [
        {**tracked(1, "13"), "year": 2025, "number": 1, "reference": "2025-001", "completed": 1,
         "made_at": STAMP, "made_by_id": 1, "template_id": 1, "template_name": "Welkomstbrief",
         "kind": "welkom", "subject": "Welkom bij het steunpunt", "body": LETTER_BODY,
         "letter_date": "2025-06-01", "recipients_description": "Nieuwe mantelzorgers",
         "letter_count": 2},
    ]),
    ("sent_letter", [
        {**tracked(1, "14"), "caregiver_id": 1, "mailing_id": 1, "sent_on": "2025-06-01",
         "addressed_as": "De heer J.P. de Vries", "reprint": 0, "care_recipient_id": 1,
         "letter_values": '{"aanhef": "Geachte heer De Vries"}'},
        {**tracked(2, "14"), "caregiver_id": 2, "mailing_id": 1, "sent_on": "2025-06-01",
         "addressed_as": "Mevrouw A. Yılmaz", "reprint": 0, "care_recipient_id": None,
         "letter_values": '{"aanhef": "Geachte mevrouw Yılmaz"}'},
    ]),
]  # fmt: skip
"""Letters, from 0002 (``care_recipient_id`` and ``letter_values`` only exist from 0004)."""

ROUND_RULES = (
    '{"year": 2025, "municipality": "Amersfoort", "opens_on": "2025-09-01", '
    '"closes_on": "2025-11-30", "amount_cents": 15000, "min_hours_per_week": 8.0, '
    '"min_months_of_care": 3}'
)

COMPLIMENT: list[tuple[str, list[dict[str, Any]]]] = [
    ("compliment_round", [
        {**tracked(1, "20"), "year": 2025, "municipality": "Amersfoort",
         "rules_json": ROUND_RULES},
    ]),
    ("payment_batch", [
        {**tracked(1, "21"), "round_id": 1, "made_at": STAMP, "made_by_id": 1,
         "execution_date": "2025-12-05", "payment_count": 1, "total_cents": 15000,
         "file_name": "compliment-2025-1.xml", "confirmed_at": STAMP},
    ]),
    ("compliment_application", [
        {**tracked(1, "22"), "round_id": 1, "caregiver_id": 1, "care_recipient_id": 1,
         "received_on": "2025-09-10", "channel": "papier", "iban": "NL91ABNA0417164300",
         "account_holder": "J.P. de Vries", "voucher_code": "", "status": "uitbetaald",
         "amount_cents": 15000, "override_reason": "", "warnings_acknowledged": 0,
         "in_sample": 0, "control_letter_due_on": None, "letters_sent": "compliment_toegekend",
         "payment_batch_id": 1, "applied_by": "mantelzorger", "settled_cents": 0},
        {**tracked(2, "22"), "round_id": 1, "caregiver_id": 2, "care_recipient_id": 2,
         "received_on": "2025-10-02", "channel": "email", "iban": "", "account_holder": "",
         "voucher_code": "", "status": "afgewezen", "amount_cents": None,
         "override_reason": "", "warnings_acknowledged": 0, "in_sample": 0,
         "control_letter_due_on": None, "letters_sent": "", "payment_batch_id": None,
         "applied_by": "mantelzorger", "settled_cents": 0},
    ]),
    ("application_event", [
        {**tracked(1, "23"), "application_id": 1, "from_status": None, "to_status": "ontvangen",
         "changed_at": "2025-09-10 10:00:00.000000", "changed_by_id": 1, "reason": ""},
        {**tracked(2, "23"), "application_id": 1, "from_status": "ontvangen",
         "to_status": "toegekend", "changed_at": "2025-09-20 10:00:00.000000",
         "changed_by_id": 1, "reason": ""},
        {**tracked(3, "23"), "application_id": 1, "from_status": "toegekend",
         "to_status": "uitbetaald", "changed_at": "2025-12-05 10:00:00.000000",
         "changed_by_id": 1, "reason": ""},
        {**tracked(4, "23"), "application_id": 2, "from_status": None, "to_status": "ontvangen",
         "changed_at": "2025-10-02 10:00:00.000000", "changed_by_id": 1, "reason": ""},
        {**tracked(5, "23"), "application_id": 2, "from_status": "ontvangen",
         "to_status": "afgewezen", "changed_at": "2025-10-09 10:00:00.000000",
         "changed_by_id": 1, "reason": "Minder dan 8 uur zorg per week."},
    ]),
]  # fmt: skip
"""The compliment round, from 0003 (``applied_by`` from 0005, ``settled_cents`` from 0013)."""

PARTNER = {
    **tracked(1, "30"), "name": "Thuiszorg De Eem", "kind": "vrijwillige_thuiszorg",
    "contact_person": "Petra", "phone": "033 765 4321", "email": "info@deeem.nl",
    "street": "Stationsplein", "house_number": 1, "house_number_suffix": "",
    "postcode": "3818 LE", "place": "Amersfoort", "municipality": "Amersfoort", "notes": "",
    "active": 1, "hourly_rate_cents": 2450,
}  # fmt: skip

MONTH_HOURS = {(2025, 3): "17.2", (2025, 4): "17.2", (2025, 5): "12.9"}
"""Delivered hours of grant 1; 4.3 hours a week over a month is the usual 17.2."""

SUPPORT: list[tuple[str, list[dict[str, Any]]]] = [
    ("burden_assessment", [
        {**tracked(1, "31"), "caregiver_id": 1, "assessed_on": "2025-05-20", "total": 10,
         "answers": "111111111100000", "note": "Zwaar belast."},
    ]),
    ("partner", [PARTNER]),
    ("referral", [
        {**tracked(1, "32"), "caregiver_id": 1, "partner_id": 1, "staff_member_id": 1,
         "referred_on": "2025-02-01", "reason": "Hulp bij het huishouden.",
         "consent_to_share": 1, "follow_up_on": "2025-03-01", "outcome": "geholpen",
         "closed_on": "2025-03-01"},
    ]),
    ("household_help_grant", [
        {**tracked(1, "33"), "caregiver_id": 1, "provider_id": 1, "care_recipient_id": 1,
         "household_key": "3811AB-12A", "starts_on": "2025-03-01", "ends_on": "2026-02-28",
         "extended_until": None, "hours_per_week": "4.3", "hours_per_year": "223.6",
         "hours_used": str(sum(Decimal(h) for h in MONTH_HOURS.values())),
         "own_contribution_cents": 500, "status": "lopend", "household_has_wmo_help": 0,
         "evaluation_on": "2025-09-01", "note": "Via de huisarts.", "override_reason": "",
         "stopped_on": None},
    ]),
    ("household_help_month", [
        {**tracked(number, "34"), "grant_id": 1, "year": year, "month": month, "hours": hours}
        for number, ((year, month), hours) in enumerate(MONTH_HOURS.items(), start=1)
    ]),
    ("worklist_mark", [
        {**tracked(1, "35"), "item_key": "evaluatie:1:2025-09-01", "done": 0,
         "snoozed_until": "2025-10-01", "marked_by_id": 1},
    ]),
    ("office_setting", [
        {**tracked(1, "36"), "key": "burden_bands",
         "value_json": '{"light_from": 1, "moderate_from": 4, "heavy_from": 9, '
                       '"overload_from": 9, "items": 15}'},
    ]),
]  # fmt: skip
"""Support work, from 0006 (``hours_used`` from 0007, hundredths and ``stopped_on`` from 0009)."""

HOURS_COLUMNS = {
    "household_help_grant": {"hours_per_week", "hours_per_year", "hours_used"},
    "household_help_month": {"hours"},
}
"""Household help hours: floats until 0009, whole hundredths from then on."""

CAREGIVER_FROM_0006 = {1: {"burden_level": "zwaar", "overloaded": 1}}
"""From Jan's burden assessment: 10 of 15 statements true is zwaar and overloaded (from 9)."""
LAST_CONTACT_ON = {1: "2025-05-20", 2: "2025-03-01", 3: None}
"""What 0007 wrote: each caregiver's latest contact."""
SEARCH_TEXT_FROM_0010 = {
    1: "jan pieter de vries j.p. 3811ab dorpsstraat 0612345678 jan@example.nl",
    2: "ayse yilmaz a. 3812ef zandweg 0331234567 ayse@voorbeeld.nl",
}
"""What 0010 wrote: the search text without the woonplaats."""


def caregiver_rows(revision: str) -> list[dict[str, Any]]:
    """The 0001 caregivers with the derived and added columns as ``revision`` wrote them."""
    rows = []
    for caregiver in CAREGIVERS:
        row = dict(caregiver)
        if revision >= "0006":
            row.update(CAREGIVER_FROM_0006.get(row["id"], {"burden_level": None, "overloaded": 0}))
        if revision >= "0007":
            row["last_contact_on"] = LAST_CONTACT_ON[row["id"]]
        if revision >= "0010":
            row["search_text"] = SEARCH_TEXT_FROM_0010.get(row["id"], row["search_text"])
        rows.append(row)
    return rows


def stored(table: str, row: dict[str, Any], columns: set[str], revision: str) -> dict[str, Any]:
    """``row`` cut to the columns of its table, hours as that revision stored them."""
    kept = {name: value for name, value in row.items() if name in columns}
    for name in HOURS_COLUMNS.get(table, set()) & kept.keys():
        hours = Decimal(kept[name])
        kept[name] = int(hours * 100) if revision >= "0009" else float(hours)
    return kept


STAFF_SINCE_0014 = {"role": "medewerker", "must_change_password": 0, "failed_sign_ins": 0}
"""A staff member from before accounts: no login, no password, the role medewerker."""


def fill(file: Path, revision: str) -> None:
    """Insert the rows of every table that exists at ``revision``."""
    groups: list[tuple[str, list[dict[str, Any]]]] = [
        ("staff_member", [{**tracked(1, "00"), "name": "Els", "active": 1, **STAFF_SINCE_0014}]),
        ("caregiver", caregiver_rows(revision)),
        ("care_recipient", CARE_RECIPIENTS),
        ("care_relation", RELATIONS),
        ("contact", CONTACTS),
        ("consent", CONSENTS),
        *LETTERS,
        *COMPLIMENT,
        *SUPPORT,
    ]
    connection = sqlite3.connect(file)
    try:
        with connection:
            connection.execute("PRAGMA foreign_keys = ON")
            for table, rows in groups:
                columns = {c[1] for c in connection.execute(f"PRAGMA table_info({table})")}
                for row in rows if columns else []:
                    insert(connection, table, stored(table, row, columns, revision))
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        connection.close()


def build(file: Path, revision: str) -> None:
    migrate_to(file, revision)
    fill(file, revision)


REVISIONS = sorted(path.name[:4] for path in VERSIONS.glob("[0-9][0-9][0-9][0-9]_*.py"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--force", action="store_true", help="rebuild files that exist")
    args = parser.parse_args()
    for revision in REVISIONS:
        file = HERE / f"steunpunt-{revision}.sqlite"
        if file.exists() and not args.force:
            print(f"{file.name} exists; left alone")
            continue
        for leftover in (file, Path(f"{file}-wal"), Path(f"{file}-shm")):
            leftover.unlink(missing_ok=True)
        build(file, revision)
        print(f"{file.name} written")


if __name__ == "__main__":
    main()
