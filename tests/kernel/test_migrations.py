"""Opening databases safely: new, current, too new, foreign, damaged, and old ones upgraded."""

from __future__ import annotations

import os
import random
import shutil
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import closing
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, Engine, inspect

import steunpunt.db.kernel.migrate as migrate_module
from steunpunt.db.caregivers.models import caregiver_search_text
from steunpunt.db.kernel.backup import backup_database, list_backups
from steunpunt.db.kernel.engine import create_engine_for, sqlite_url
from steunpunt.db.kernel.errors import DatabaseTooNew, DatabaseUnreadable
from steunpunt.db.kernel.migrate import (
    HEAD_REVISION,
    MIGRATIONS_PACKAGE,
    current_revision,
    is_known_revision,
    migrate,
    script_head,
)
from steunpunt.db.kernel.tables import metadata as all_tables
from steunpunt.domain.caregivers.list_filter import CaregiverFilter
from steunpunt.domain.choices import ActiveFilter, ConsentScope
from steunpunt.domain.errors import KnownProblem
from steunpunt.paths import AppPaths
from steunpunt.startup import open_database
from tests.log_guard import ErrorRecords

DATA = Path(__file__).parent.parent / "data"
OLD_0001 = DATA / "steunpunt-0001.sqlite"


@dataclass(frozen=True)
class FileState:
    """Everything about a file (and its SQLite companions) that opening it must not change."""

    content: bytes
    mtime_ns: int
    companions: tuple[str, ...]

    @classmethod
    def of(cls, file: Path) -> FileState:
        companions = tuple(
            sorted(p.name for p in file.parent.iterdir() if p.name.startswith(file.name + "-"))
        )
        return cls(file.read_bytes(), file.stat().st_mtime_ns, companions)


def revision_in_file(file: Path) -> str:
    connection = sqlite3.connect(file)
    try:
        return str(connection.execute("SELECT version_num FROM alembic_version").fetchone()[0])
    finally:
        connection.close()


def table_names(file: Path) -> set[str]:
    connection = sqlite3.connect(file)
    try:
        return {name for (name,) in connection.execute("SELECT name FROM sqlite_master")}
    finally:
        connection.close()


@pytest.fixture
def open_engine(tmp_path: Path) -> Iterator[tuple[Path, Engine]]:
    file = tmp_path / "steunpunt.sqlite"
    engine = create_engine_for(sqlite_url(file))
    yield file, engine
    engine.dispose()


def test_head_revision_matches_the_migration_scripts() -> None:
    assert script_head() == HEAD_REVISION
    assert is_known_revision(HEAD_REVISION)
    assert is_known_revision("0001")
    assert not is_known_revision("ffff9999")


def test_fresh_database_is_migrated_to_head(
    open_engine: tuple[Path, Engine], tmp_path: Path
) -> None:
    _file, engine = open_engine
    result = migrate(engine, tmp_path / "backups", None)
    assert (result.from_revision, result.to_revision, result.backup_file) == (
        None,
        HEAD_REVISION,
        None,
    )
    assert current_revision(engine) == HEAD_REVISION
    with engine.connect() as connection:
        tables = set(inspect(connection).get_table_names())
        journal = connection.exec_driver_sql("PRAGMA journal_mode").scalar()
    assert {"caregiver", "care_recipient", "care_relation", "contact", "consent"} <= tables
    assert {"staff_member", "alembic_version", "caregiver_fts"} <= tables
    assert journal == "wal"
    assert not (tmp_path / "backups").exists()


def test_database_at_head_is_left_alone(open_engine: tuple[Path, Engine], tmp_path: Path) -> None:
    file, engine = open_engine
    migrate(engine, tmp_path / "backups", None)
    again = migrate(engine, tmp_path / "backups", file)
    assert (again.from_revision, again.to_revision, again.backup_file) == (
        HEAD_REVISION,
        HEAD_REVISION,
        None,
    )
    assert not (tmp_path / "backups").exists()


@pytest.mark.parametrize("journal_mode", ["wal", "delete"])
def test_newer_database_is_refused_and_unchanged(
    journal_mode: str, database_file: Path, app_paths: AppPaths
) -> None:
    connection = sqlite3.connect(database_file)
    with connection:
        connection.execute("UPDATE alembic_version SET version_num = 'ffff9999'")
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.execute(f"PRAGMA journal_mode = {journal_mode}")
    connection.close()
    before = FileState.of(database_file)

    engine = create_engine_for(sqlite_url(database_file))
    with pytest.raises(DatabaseTooNew) as caught:
        migrate(engine, app_paths.backup_dir, database_file)
    engine.dispose()
    assert "nieuwere versie van Steunpunt" in caught.value.message
    assert "niets veranderd" in caught.value.message

    with pytest.raises(DatabaseTooNew):
        open_database(database_file, app_paths)

    assert FileState.of(database_file) == before
    assert list(app_paths.backup_dir.iterdir()) == []


@pytest.mark.parametrize(
    "content",
    [
        random.Random(20261122).randbytes(16384),
        b"SQLite format 3\x00" + random.Random(7).randbytes(8192),
        b"Dit is een brief, geen database.\n" * 200,
    ],
    ids=["random", "damaged-sqlite", "text"],
)
def test_file_that_is_no_database_is_refused_and_unchanged(
    content: bytes, tmp_path: Path, app_paths: AppPaths, logged_errors: ErrorRecords
) -> None:
    file = tmp_path / "kapot.sqlite"
    file.write_bytes(content)
    before = FileState.of(file)

    engine = create_engine_for(sqlite_url(file))
    with pytest.raises(DatabaseUnreadable) as caught:
        migrate(engine, app_paths.backup_dir, file)
    engine.dispose()
    assert "niets aan het bestand veranderd" in caught.value.message

    with pytest.raises(DatabaseUnreadable):
        open_database(file, app_paths)

    assert FileState.of(file) == before
    assert before.companions == ()
    assert list(app_paths.backup_dir.iterdir()) == []
    assert logged_errors.templates() == ["Database unreadable: %s"] * 2


@pytest.mark.parametrize("journal_mode", ["delete", "wal"])
def test_other_programs_database_is_refused_and_unchanged(
    journal_mode: str, tmp_path: Path, app_paths: AppPaths
) -> None:
    file = tmp_path / "adresboek.sqlite"
    connection = sqlite3.connect(file)
    connection.execute(f"PRAGMA journal_mode = {journal_mode}")
    with connection:
        connection.execute("CREATE TABLE person (name TEXT)")
        connection.execute("INSERT INTO person VALUES ('Jan')")
    connection.close()
    before = FileState.of(file)

    engine = create_engine_for(sqlite_url(file))
    with pytest.raises(DatabaseUnreadable) as caught:
        migrate(engine, app_paths.backup_dir, file)
    engine.dispose()
    assert caught.value.message == (
        "Dit bestand is een database, maar niet van Steunpunt. Kies een ander bestand."
    )

    with pytest.raises(DatabaseUnreadable):
        open_database(file, app_paths)
    assert FileState.of(file) == before


def test_open_database_creates_a_new_database(tmp_path: Path, app_paths: AppPaths) -> None:
    file = tmp_path / "nieuw" / "map" / "steunpunt.sqlite"
    opened = open_database(file, app_paths)
    try:
        assert file.exists()
        assert opened.file == file
        assert opened.migration.from_revision is None
        assert opened.migration.to_revision == HEAD_REVISION
        assert opened.migration.backup_file is None
        assert opened.actor.name
        assert opened.services.caregivers.count() == 0
        assert [s.name for s in opened.services.staff.list()] == [opened.actor.name]
    finally:
        opened.close()
    assert revision_in_file(file) == HEAD_REVISION
    assert "caregiver_fts" in table_names(file)
    assert list(app_paths.backup_dir.iterdir()) == []

    reopened = open_database(file, app_paths)
    try:
        assert reopened.migration.from_revision == HEAD_REVISION
        assert reopened.actor == opened.actor
    finally:
        reopened.close()


# --- old database files -------------------------------------------------------------------


def test_old_database_file_is_at_its_revision(tmp_path: Path) -> None:
    copy = tmp_path / OLD_0001.name  # never open the kept file itself: SQLite may write to it
    shutil.copy(OLD_0001, copy)
    assert revision_in_file(copy) == "0001"
    assert counts(copy) == OLD_COUNTS


def test_old_database_opens_with_its_data(tmp_path: Path, app_paths: AppPaths) -> None:
    file = tmp_path / "oud.sqlite"
    shutil.copy(OLD_0001, file)
    opened = open_database(file, app_paths)
    try:
        result = opened.migration
        assert (result.from_revision, result.to_revision) == ("0001", HEAD_REVISION)
        assert (result.backup_file is not None) == (HEAD_REVISION != "0001")
        assert opened.actor.name == "Els"

        caregivers = opened.services.caregivers
        everyone = CaregiverFilter(active=ActiveFilter.ALL)
        assert caregivers.count() == 3

        def find(text: str) -> list[str]:
            ids = caregivers.search_ids(CaregiverFilter(text=text, active=ActiveFilter.ALL))
            return [row.name for row in caregivers.rows(ids)]

        assert find("vries") == ["Vries, Jan Pieter de"]
        assert find("ayse") == ["Yılmaz, Ayşe"]
        assert find("3811 ab") == ["Vries, Jan Pieter de"]
        assert find("06-1234") == ["Vries, Jan Pieter de"]
        assert find("przyklad") == ["Wiśniewski, Łukasz"]
        assert [r.name for r in caregivers.rows(caregivers.search_ids(CaregiverFilter()))] == [
            "Vries, Jan Pieter de",
            "Yılmaz, Ayşe",
        ]
        assert len(caregivers.search_ids(everyone)) == 3

        (jan_id,) = caregivers.search_ids(CaregiverFilter(text="jan pieter"))
        jan = caregivers.get(jan_id)
        assert jan.data.address.postal_line == "3811 AB  AMERSFOORT"
        assert jan.data.iban == "NL91ABNA0417164300"
        assert jan.data.notes == "Belt liever 's avonds."
        assert jan.data.consent is not None
        assert jan.data.consent.scopes == {ConsentScope.REGISTRATION, ConsentScope.MAIL}
        assert [c.data.note for c in jan.contacts] == [
            "Vraag over respijtzorg.",
            "Kennismaking thuis.",
        ]
        assert jan.contacts[0].staff_name == "Els"
        (mother,) = jan.relations
        assert mother.care_recipient_name == "Maria de Vries"
        assert mother.data.hours_per_week == 12.5

        maria = opened.services.care_recipients.get(mother.care_recipient_id)
        assert [r.caregiver_name for r in maria.relations] == [
            "Jan Pieter de Vries",
            "Łukasz Wiśniewski",
        ]
        assert maria.data.consent is not None

        # The program can go on writing to the old file.
        updated = caregivers.update(opened.actor, jan.id, jan.version, jan.data)
        assert updated.version == jan.version
        opened.services.contacts.add(opened.actor, jan.id, jan.contacts[0].data)
        assert len(caregivers.get(jan.id).contacts) == 3
    finally:
        opened.close()


def test_old_search_text_is_what_the_program_computes_now(tmp_path: Path) -> None:
    """If the search text rules change, a migration must recompute the column."""
    from sqlalchemy import select
    from sqlalchemy.orm import Session

    from steunpunt.db.caregivers.models import Caregiver

    file = tmp_path / "oud.sqlite"
    shutil.copy(OLD_0001, file)
    engine = create_engine_for(sqlite_url(file))
    try:
        migrate(engine, tmp_path / "backups", file)
        with Session(engine) as session:
            for row in session.scalars(select(Caregiver)):
                assert row.search_text == caregiver_search_text(row), row.id
                assert row.sort_name == row.name.sort_key, row.id
    finally:
        engine.dispose()


# --- an old database for every revision that has shipped ---------------------------------

REVISIONS = sorted(
    path.name[:4] for path in (MIGRATIONS_PACKAGE / "versions").glob("[0-9][0-9][0-9][0-9]_*.py")
)

ROWS_SINCE = {
    "0001": {"staff_member": 1, "caregiver": 3, "care_recipient": 2, "care_relation": 3,
             "contact": 3, "consent": 3},
    "0002": {"house_style": 1, "letter_template": 1, "saved_filter": 1, "mailing": 1,
             "sent_letter": 2},
    "0003": {"compliment_round": 1, "payment_batch": 1, "compliment_application": 2,
             "application_event": 5},
    "0006": {"burden_assessment": 1, "partner": 1, "referral": 1, "household_help_grant": 1,
             "household_help_month": 3, "worklist_mark": 1, "office_setting": 1},
    "0009": {"household_help_rate": 0},
    "0011": {"house_style_snapshot": 0},
    "0013": {"payment_reversal": 0},
    "0014": {"caregiver_assignment": 0, "audit_event": 0},
    "0015": {"import_run": 0, "import_row": 0, "import_mapping": 0},
    "0016": {"duplicate_decision": 0, "caregiver_merge": 0},
}  # fmt: skip
"""The rows make_old_databases.py puts in each table, by the revision that made the table."""


def rows_at(revision: str) -> dict[str, int]:
    """The row count of every table that exists at ``revision``."""
    return {
        table: count
        for since, tables in ROWS_SINCE.items()
        if since <= revision
        for table, count in tables.items()
    }


def row_counts(file: Path, tables: Iterable[str]) -> dict[str, int]:
    connection = sqlite3.connect(file)
    try:
        return {
            table: connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in tables
        }
    finally:
        connection.close()


def test_an_old_database_is_kept_for_every_revision() -> None:
    kept = sorted(file.name for file in DATA.glob("steunpunt-*.sqlite"))
    assert kept == [f"steunpunt-{revision}.sqlite" for revision in REVISIONS]
    assert REVISIONS[-1] == HEAD_REVISION


@pytest.mark.parametrize("revision", REVISIONS)
def test_every_old_database_reaches_the_head_with_its_rows(
    revision: str, tmp_path: Path, app_paths: AppPaths
) -> None:
    from sqlalchemy import select
    from sqlalchemy.orm import Session

    from steunpunt.db.caregivers.models import Caregiver
    from steunpunt.db.compliment.models import ComplimentApplication
    from steunpunt.db.letters.models import Mailing, SentLetter
    from steunpunt.db.support.models import HouseholdHelpGrant, HouseholdHelpMonth

    file = tmp_path / f"steunpunt-{revision}.sqlite"
    shutil.copy(DATA / file.name, file)  # never open the kept file itself
    assert revision_in_file(file) == revision
    assert row_counts(file, rows_at(revision)) == rows_at(revision)

    opened = open_database(file, app_paths)
    try:
        result = opened.migration
        assert (result.from_revision, result.to_revision) == (revision, HEAD_REVISION)
        assert (result.backup_file is not None) == (revision != HEAD_REVISION)
        assert opened.actor.name == "Els"

        caregivers = opened.services.caregivers

        def find(text: str) -> list[str]:
            ids = caregivers.search_ids(CaregiverFilter(text=text, active=ActiveFilter.ALL))
            return [row.name for row in caregivers.rows(ids)]

        assert find("vries") == ["Vries, Jan Pieter de"]
        assert find("3811 ab") == ["Vries, Jan Pieter de"]
        assert find("ayse") == ["Yılmaz, Ayşe"]
        assert find("przyklad") == ["Wiśniewski, Łukasz"]

        with Session(opened.engine) as session:
            jan = session.get_one(Caregiver, 1)
            assert jan.iban == "NL91ABNA0417164300"
            assert jan.notes == "Belt liever 's avonds."
            assert jan.last_contact_on == date(2025, 5, 20)  # his latest contact
            for row in session.scalars(select(Caregiver)):
                assert row.search_text == caregiver_search_text(row), row.id
            if revision >= "0002":
                mailing = session.get_one(Mailing, 1)
                assert mailing.body.startswith("Beste {aanhef},\n\nWelkom bij het steunpunt")
                assert [letter.addressed_as for letter in session.scalars(select(SentLetter))] == [
                    "De heer J.P. de Vries",
                    "Mevrouw A. Yılmaz",
                ]
            if revision >= "0003":
                (round_2025,) = opened.services.rounds.rounds()
                assert (round_2025.title, round_2025.rules.amount_cents) == (
                    "Amersfoort 2025",
                    15000,
                )
                paid = session.get_one(ComplimentApplication, 1)
                assert (paid.status, paid.amount_cents, paid.payment_batch_id) == (
                    "uitbetaald",
                    15000,
                    1,
                )
            if revision >= "0006":
                assert (jan.burden_level, jan.overloaded) == ("zwaar", True)
                grant = session.get_one(HouseholdHelpGrant, 1)
                assert grant.hours_per_week == Decimal("4.30")
                assert grant.hours_per_year == Decimal("223.60")  # 4.3 h x 52 weeks
                assert grant.hours_used == Decimal("47.30")  # 17.2 + 17.2 + 12.9
                months = session.scalars(select(HouseholdHelpMonth.hours).order_by("month"))
                assert list(months) == [Decimal("17.20"), Decimal("17.20"), Decimal("12.90")]
    finally:
        opened.close()
    assert row_counts(file, rows_at(HEAD_REVISION)) == rows_at(revision) | {
        table: 0 for table in rows_at(HEAD_REVISION).keys() - rows_at(revision).keys()
    }
    connection = sqlite3.connect(file)
    try:
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        connection.close()


# --- upgrading: backup first, nothing lost ------------------------------------------------

RECREATE_CAREGIVER = '''"""Test revision: recreate the caregiver table in batch mode, as real migrations will."""

import sqlalchemy as sa
from alembic import op

from steunpunt.db.caregivers.fts import create_caregiver_fts

revision = "9999"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("caregiver", recreate="always") as batch_op:
        batch_op.add_column(
            sa.Column("test_extra", sa.String(20), nullable=False, server_default="")
        )
    create_caregiver_fts(op.get_bind())


def downgrade() -> None:
    pass
'''


@pytest.fixture
def next_revision(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """Pretend this program has a revision 9999 beyond the shipped head."""
    scripts = tmp_path / "migrations"
    shutil.copytree(
        migrate_module.MIGRATIONS_PACKAGE, scripts, ignore=shutil.ignore_patterns("__pycache__")
    )
    (scripts / "versions" / "9999_test_recreate_caregiver.py").write_text(
        RECREATE_CAREGIVER.replace("{head}", migrate_module.HEAD_REVISION), encoding="utf-8"
    )
    monkeypatch.setattr(migrate_module, "MIGRATIONS_PACKAGE", scripts)
    monkeypatch.setattr(migrate_module, "HEAD_REVISION", "9999")
    assert script_head() == "9999"
    return "9999"


def counts(file: Path) -> dict[str, int]:
    connection = sqlite3.connect(file)
    try:
        return {
            table: connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("caregiver", "care_recipient", "care_relation", "contact", "consent")
        }
    finally:
        connection.close()


OLD_COUNTS = {"caregiver": 3, "care_recipient": 2, "care_relation": 3, "contact": 3, "consent": 3}


def test_upgrade_writes_a_backup_first(
    next_revision: str, tmp_path: Path, app_paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    file = tmp_path / "oud.sqlite"
    shutil.copy(OLD_0001, file)
    assert counts(file) == OLD_COUNTS

    backups_seen_by_upgrade: list[list[Path]] = []
    real_upgrade = command.upgrade

    def upgrade_after_looking(config: Config, revision: str) -> None:
        backups_seen_by_upgrade.append(sorted(app_paths.backup_dir.glob("steunpunt-*")))
        real_upgrade(config, revision)

    monkeypatch.setattr(command, "upgrade", upgrade_after_looking)
    engine = create_engine_for(sqlite_url(file))
    try:
        result = migrate(engine, app_paths.backup_dir, file)
    finally:
        engine.dispose()

    assert (result.from_revision, result.to_revision) == ("0001", next_revision)
    assert result.backup_file is not None
    assert result.backup_file.parent == app_paths.backup_dir
    assert "voor-migratie-0001" in result.backup_file.name
    assert backups_seen_by_upgrade == [[result.backup_file]]
    # The backup is the old database, whole; the file itself is upgraded.
    assert revision_in_file(result.backup_file / "steunpunt.sqlite") == "0001"
    assert counts(result.backup_file / "steunpunt.sqlite") == OLD_COUNTS
    assert revision_in_file(file) == next_revision


def test_upgrade_keeps_every_row_and_search(
    next_revision: str, tmp_path: Path, app_paths: AppPaths
) -> None:
    """Recreating the caregiver table must not cascade into contacts, relations or consents."""
    file = tmp_path / "oud.sqlite"
    shutil.copy(OLD_0001, file)
    opened = open_database(file, app_paths)
    try:
        assert opened.migration.from_revision == "0001"
        assert opened.migration.to_revision == next_revision
        assert opened.migration.backup_file is not None
        caregivers = opened.services.caregivers
        (jan_id,) = caregivers.search_ids(CaregiverFilter(text="3811 ab"))
        assert len(caregivers.get(jan_id).contacts) == 2
    finally:
        opened.close()
    assert counts(file) == OLD_COUNTS
    connection = sqlite3.connect(file)
    try:
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        connection.close()


def test_backups_are_listed_newest_first(database_file: Path, tmp_path: Path) -> None:
    engine = create_engine_for(sqlite_url(database_file))
    try:
        made = [backup_database(engine, tmp_path / "backups", "test") for _ in range(2)]
    finally:
        engine.dispose()
    assert list_backups(tmp_path / "backups") == [made[1], made[0]]
    assert revision_in_file(made[1] / "steunpunt.sqlite") == HEAD_REVISION


def test_no_backup_for_a_new_database(
    next_revision: str, tmp_path: Path, app_paths: AppPaths
) -> None:
    opened = open_database(tmp_path / "nieuw.sqlite", app_paths)
    opened.close()
    assert opened.migration.backup_file is None
    assert not any(app_paths.backup_dir.iterdir())
    assert os.path.exists(tmp_path / "nieuw.sqlite")


def test_empty_version_table_in_a_filled_database_is_refused(
    database_file: Path, logged_errors: ErrorRecords
) -> None:
    with sqlite3.connect(database_file) as connection:
        connection.execute("DELETE FROM alembic_version")
    engine = create_engine_for(sqlite_url(database_file))
    try:
        with pytest.raises(DatabaseUnreadable):
            migrate(engine, database_file.parent / "backups", database_file)
    finally:
        engine.dispose()
    assert logged_errors.templates() == ["Database unreadable: %s"]


def test_a_failing_migration_gets_a_dutch_message(
    monkeypatch: pytest.MonkeyPatch, database_file: Path, logged_errors: ErrorRecords
) -> None:
    def broken(_config: Config, _revision: str) -> None:
        raise RuntimeError("kapot")

    monkeypatch.setattr(migrate_module, "current_revision", lambda _engine: None)
    monkeypatch.setattr(command, "upgrade", broken)
    engine = create_engine_for(sqlite_url(database_file))
    try:
        with pytest.raises(KnownProblem, match="niet worden bijgewerkt"):
            migrate_module.migrate(engine, database_file.parent / "backups", None)
    finally:
        engine.dispose()
    assert logged_errors.templates() == ["Migration from %s failed"]


def test_migrations_build_exactly_the_schema_of_the_models(database_file: Path) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    engine = create_engine_for(sqlite_url(database_file))
    try:
        with engine.connect() as connection:
            differences = compare_metadata(MigrationContext.configure(connection), all_tables)
    finally:
        engine.dispose()
    assert [d for d in differences if "caregiver_fts" not in str(d)] == []


def test_every_constraint_and_index_name_fits_postgresql() -> None:
    """PostgreSQL cuts names at 63 characters, so a longer name would not match on an office server."""
    names = [
        str(item.name)
        for table in all_tables.tables.values()
        for item in (*table.constraints, *table.indexes)
        if item.name is not None
    ]
    assert names and [name for name in names if len(name) > 63] == []


def walk(file: Path, *targets: str) -> Iterator[tuple[str, Connection]]:
    """Take ``file`` to each revision in turn by hand, as migrate() does (foreign keys off),
    each step committed; yields the target and the connection after each step."""
    from alembic import command

    from steunpunt.db.kernel.migrate import _alembic_config

    config = _alembic_config()
    engine = create_engine_for(sqlite_url(file))
    try:
        with engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA foreign_keys = OFF")
            connection.commit()
            for target in targets:
                current = _current_revision(connection)
                up = target == "head" or current is None or target > current
                with connection.begin():
                    config.attributes["connection"] = connection
                    (command.upgrade if up else command.downgrade)(config, target)
                yield target, connection
                if connection.in_transaction():
                    connection.commit()
    finally:
        engine.dispose()


def _current_revision(connection: Connection) -> str | None:
    revision = None
    if "alembic_version" in inspect(connection).get_table_names():
        revision = connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
    connection.commit()
    return None if revision is None else str(revision)


def test_the_support_work_migrations_go_down_and_up_again_with_search_intact(
    tmp_path: Path, app_paths: AppPaths
) -> None:
    """0006 and 0007 rebuild the caregiver table when going down: the search index must live."""
    file = tmp_path / "oud.sqlite"
    shutil.copy(OLD_0001, file)
    open_database(file, app_paths).close()
    for target, _connection in walk(file, "0005", "head"):
        if target == "0005":
            assert revision_in_file(file) == "0005"
    assert counts(file) == OLD_COUNTS
    opened = open_database(file, app_paths)
    try:
        assert opened.services.caregivers.search_ids(CaregiverFilter(text="3811 ab"))
        jan = opened.services.caregivers.search_ids(CaregiverFilter(text="jan"))
        assert jan
    finally:
        opened.close()


def test_0010_takes_the_place_out_of_the_search_text_and_back(
    tmp_path: Path, app_paths: AppPaths
) -> None:
    """Places are matched from the list of known places, no longer through the text index."""

    def fts_count(word: str) -> int:
        connection = sqlite3.connect(file)
        try:
            query = "SELECT count(*) FROM caregiver_fts WHERE caregiver_fts MATCH ?"
            return int(connection.execute(query, (f'"{word}"',)).fetchone()[0])
        finally:
            connection.close()

    file = tmp_path / "oud.sqlite"
    shutil.copy(OLD_0001, file)
    open_database(file, app_paths).close()
    assert fts_count("amersfoort") == 0  # the old rows live in Amersfoort
    for target, _connection in walk(file, "0008", "head"):
        assert (fts_count("amersfoort") > 0) is (target == "0008"), target
    opened = open_database(file, app_paths)
    try:
        assert opened.services.caregivers.search_ids(
            CaregiverFilter(text="amersf", active=ActiveFilter.ALL)
        )
    finally:
        opened.close()


def test_household_hours_become_exact_hundredths_and_back(tmp_path: Path) -> None:
    """0009 turns float hours into whole hundredths (4.3 -> 430) and a downgrade restores them."""
    file = tmp_path / "uren.sqlite"
    grant = (
        "INSERT INTO household_help_grant (id, uuid, created_at, updated_at, version, caregiver_id,"
        " household_key, starts_on, ends_on, hours_per_week, hours_per_year, hours_used,"
        " own_contribution_cents, status, household_has_wmo_help, note, override_reason) VALUES"
        " (1, 'g', '2026-01-01', '2026-01-01', 1, 1, '', '2026-01-01', '2026-12-31', 2.5, 52.3,"
        " 8.6, 750, 'lopend', 0, '', '')"
    )
    month = (
        "INSERT INTO household_help_month (id, uuid, created_at, updated_at, version, grant_id,"
        " year, month, hours) VALUES (1, 'm', '2026-01-01', '2026-01-01', 1, 1, 2026, 1, 4.3),"
        " (2, 'n', '2026-01-01', '2026-01-01', 1, 1, 2026, 2, 4.3)"
    )
    read = (
        "SELECT hours_per_week, hours_per_year, hours_used, (SELECT group_concat(hours) FROM "
        "household_help_month) FROM household_help_grant"
    )
    seen: tuple[object, ...] = ()
    for target, connection in walk(file, "0008", "0009", "0008"):
        if not seen:
            connection.exec_driver_sql(grant)
            connection.exec_driver_sql(month)
            seen = tuple(connection.exec_driver_sql(read).one())
        elif target == "0009":
            seen = tuple(connection.exec_driver_sql(read).one())
            # 2.5 h -> 250, 52.3 -> 5230, 8.6 -> 860; each month 4.3 -> 430.
            assert seen == (250, 5230, 860, "430,430")
            stopped = connection.exec_driver_sql("SELECT stopped_on FROM household_help_grant")
            assert stopped.scalar() is None
        else:
            seen = tuple(connection.exec_driver_sql(read).one())
    assert seen == (2.5, 52.3, 8.6, "4.3,4.3")


def test_0013_adds_reversals_and_settled_cents_and_takes_them_out_again(
    tmp_path: Path, app_paths: AppPaths
) -> None:
    """Existing applications start with nothing settled; going down drops both again."""
    file = tmp_path / "oud.sqlite"
    shutil.copy(OLD_0001, file)
    open_database(file, app_paths).close()
    for target, connection in walk(file, "0012", "head"):
        tables = inspect(connection).get_table_names()
        columns = {c["name"] for c in inspect(connection).get_columns("compliment_application")}
        present = target == "head"
        assert ("payment_reversal" in tables) is present
        assert ("settled_cents" in columns) is present
    with closing(sqlite3.connect(file)) as plain:
        query = "SELECT DISTINCT settled_cents FROM compliment_application"
        settled = plain.execute(query).fetchall()
    assert settled in ([], [(0,)])
    assert counts(file) == OLD_COUNTS


def test_0015_adds_the_import_tables_and_takes_them_out_again(
    tmp_path: Path, app_paths: AppPaths
) -> None:
    file = tmp_path / "oud.sqlite"
    shutil.copy(OLD_0001, file)
    open_database(file, app_paths).close()
    imports = {"import_run", "import_row", "import_mapping"}
    for target, connection in walk(file, "0014", "head"):
        present = imports & set(inspect(connection).get_table_names())
        assert present == (imports if target == "head" else set())
    assert counts(file) == OLD_COUNTS
