"""The program's own temporary files hold no personal data after a crash for longer than the
next start: each place is noted or known while it writes, and swept when a database opens."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest

from steunpunt.db.kernel.encryption import encrypted_copy_for
from steunpunt.db.kernel.keyfile import key_file_for
from steunpunt.domain.audit import AuditFilter
from steunpunt.domain.letters.house_style import HouseStyle
from steunpunt.entrance import Entrance
from steunpunt.io.staging_journal import STAGING_PREFIX, notes, staging_journal
from steunpunt.paths import AppPaths
from steunpunt.services.caregivers.list_export import column, export_caregiver_list
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.container import Services
from steunpunt.services.kernel.recovery_sheet import write_recovery_sheet
from steunpunt.services.reports.report_file import write_report_file
from tests.helpers import add_caregiver

_KILLED_WRITE = """
import os, sys
from pathlib import Path
from steunpunt.io.atomic import write_atomically

def dies_halfway(temporary):
    temporary.write_text("Wisniewska, Zwaluwhof 3, 9471 QZ")
    os._exit(9)

write_atomically(Path(sys.argv[1]), dies_halfway, Path(sys.argv[2]))
"""


@pytest.mark.kill
def test_a_document_killed_while_written_is_gone_after_the_next_start(
    database_file: Path, app_paths: AppPaths, tmp_path: Path
) -> None:
    folder = tmp_path / "gekozen map"
    folder.mkdir()
    journal = staging_journal(database_file)
    assert journal is not None
    done = subprocess.run(
        [sys.executable, "-c", _KILLED_WRITE, str(folder / "inzage.pdf"), str(journal)],
        check=False,
    )
    assert done.returncode == 9
    (left,) = folder.iterdir()
    assert left.name.startswith(STAGING_PREFIX) and b"Wisniewska" in left.read_bytes()

    Entrance(database_file, app_paths).close()  # the next start
    assert list(folder.iterdir()) == []
    assert notes(journal) == []


@pytest.mark.parametrize(
    "name",
    [
        ".steunpunt.sqlite.versleuteld",  # the encrypted copy of an encryption
        ".steunpunt.sqlite.sleutels.nieuw",  # a key file being written
        ".steunpunt.sqlite.terugzetten",  # a backup being restored
        ".steunpunt.sqlite.terugzetten-journal",
        ".steunpunt.sqlite.sleutels.terugzetten",  # its key file being restored
    ],
)
def test_a_half_made_file_beside_the_database_is_gone_after_the_next_start(
    database_file: Path, app_paths: AppPaths, name: str
) -> None:
    left = database_file.with_name(name)
    left.write_bytes(database_file.read_bytes())  # as plain as the register
    Entrance(database_file, app_paths).close()
    assert not left.exists()
    assert not key_file_for(database_file).exists()
    assert not encrypted_copy_for(database_file).exists()


def test_a_half_written_backup_is_gone_after_the_next_start(
    database_file: Path, app_paths: AppPaths
) -> None:
    app_paths.backup_dir.mkdir(parents=True, exist_ok=True)
    left = app_paths.backup_dir / ".steunpunt-20261205-101010-000000-handmatig.sqlite.part"
    left.write_bytes(database_file.read_bytes())
    kept = app_paths.backup_dir / "steunpunt-20261204-101010-000000-handmatig.sqlite"
    kept.write_bytes(database_file.read_bytes())
    folder = app_paths.backup_dir / ".steunpunt-20261205-101011-000000-handmatig.part"
    folder.mkdir()
    (folder / "steunpunt.sqlite").write_bytes(database_file.read_bytes())
    Entrance(database_file, app_paths).close()
    assert not left.exists() and not folder.exists()
    assert kept.exists()  # a complete backup is the person's, never swept


@pytest.fixture
def noted(database_file: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[list[bool]]:
    """For every document put in place: whether its temporary file was noted in the journal
    beside the database at that moment (so a kill before would have been swept)."""
    journal = staging_journal(database_file)
    assert journal is not None
    found: list[bool] = []
    replace = os.replace

    def noting_replace(source: os.PathLike[str] | str, target: os.PathLike[str] | str) -> None:
        source = Path(source)
        if source.name.startswith(STAGING_PREFIX) and source.is_file():
            named = [note.read_text("utf-8").splitlines()[0] for note in notes(journal)]
            found.append(str(source.resolve()) in named)
        replace(source, target)

    monkeypatch.setattr(os, "replace", noting_replace)
    yield found


def _list_export(services: Services, actor: Actor, folder: Path) -> None:
    person = add_caregiver(services, actor)
    export_caregiver_list(
        services.caregivers,
        services.audit,
        actor,
        [person.id],
        folder / "lijst.csv",
        [column("naam")],
    )


def _report(suffix: str) -> Callable[[Services, Actor, Path], None]:
    def write(services: Services, actor: Actor, folder: Path) -> None:
        report = services.reports.report(date(2026, 1, 1), date(2026, 12, 31), "", "Steunpunt")
        write_report_file(
            services.audit, actor, folder / f"verantwoording{suffix}", report, HouseStyle()
        )

    return write


def _inzage(services: Services, actor: Actor, folder: Path) -> None:
    person = add_caregiver(services, actor)
    dossier = services.inzage.caregiver_dossier(person.id)
    services.inzage.export(actor, folder / "inzage.pdf", dossier, HouseStyle())


def _audit_export(services: Services, actor: Actor, folder: Path) -> None:
    services.audit.export(actor, AuditFilter(), folder / "auditlog.xlsx")


def _recovery_sheet(services: Services, actor: Actor, folder: Path) -> None:
    database = services.caregivers._scope.database_file  # the register these services use
    assert database is not None
    write_recovery_sheet(
        actor, folder / "herstelsleutel.pdf", "Steunpunt", "AAAA-BBBB", date(2026, 12, 5), database
    )


@pytest.mark.parametrize(
    ("place", "documents"),
    [
        (_list_export, 1),
        (_report(".pdf"), 1),
        (_report(".xlsx"), 1),
        (_inzage, 2),  # the PDF and the JSON beside it
        (_audit_export, 1),
        (_recovery_sheet, 1),
    ],
    ids=["lijst", "verantwoording-pdf", "verantwoording-xlsx", "inzage", "auditlog", "herstel"],
)
def test_every_document_is_noted_while_it_is_written(
    services: Services,
    actor: Actor,
    noted: list[bool],
    tmp_path: Path,
    place: Callable[[Services, Actor, Path], None],
    documents: int,
) -> None:
    folder = tmp_path / "documenten"
    folder.mkdir()
    place(services, actor, folder)
    assert noted == [True] * documents
    assert not any(file.name.startswith(".") for file in folder.iterdir())
