"""The command line holds every command to the role of who signed in: ``demo --add``,
``mailing`` and ``inzage``; a refusal is one Dutch line, exit 1, nothing written, and recorded."""

from __future__ import annotations

from pathlib import Path

import pytest

from steunpunt.cli import main
from steunpunt.domain.audit import AuditFilter, AuditKind
from steunpunt.services.kernel.audit_log import AuditEventView
from tests.helpers import open_demo
from tests.kernel.test_audit_refusals import everything_but_the_audit

PASSWORDS = {
    "beheerder": "mantelzorg-beheerder",
    "medewerker": "mantelzorg-medewerker",
    "vrijwilliger": "mantelzorg-vrijwilliger",
}
TEMPLATE = "Uitnodiging Dag van de Mantelzorg"


def as_user(monkeypatch: pytest.MonkeyPatch, login: str) -> list[str]:
    """Sign the next command in as ``login`` (its password from the environment)."""
    monkeypatch.setenv("STEUNPUNT_PASSWORD", PASSWORDS[login])
    return ["--user", login]


def events(folder: Path, kind: AuditKind) -> list[AuditEventView]:
    database = open_demo(folder)
    try:
        return list(database.services.audit.events(AuditFilter(kind=kind)).events)
    finally:
        database.close()


def rows(folder: Path) -> dict[str, list[tuple[object, ...]]]:
    database = open_demo(folder)
    try:
        return everything_but_the_audit(database.engine)
    finally:
        database.close()


@pytest.mark.parametrize("login", ["medewerker", "vrijwilliger"])
def test_demo_add_is_for_a_beheerder_only(
    demo_folder: Path,
    login: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    before = rows(demo_folder)
    arguments = ["demo", "--data-dir", str(demo_folder), "--caregivers", "5", "--add"]
    assert main([*arguments, *as_user(monkeypatch, login)]) == 1
    said = capsys.readouterr()
    assert said.err.startswith(f"Met de rol {login.capitalize()} mag u geen demogegevens")
    assert said.err.count("\n") == 1 and "vullen" not in said.out
    assert rows(demo_folder) == before
    [refused] = events(demo_folder, AuditKind.REFUSED)
    assert refused.staff_name == f"Demo {login.capitalize()}"


def test_a_mailing_is_made_as_who_signed_in_and_refused_to_a_volunteer(
    demo_folder: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    out = tmp_path / "uit"
    mailing = ["mailing", "--data-dir", str(demo_folder), "--folder", str(out)]
    mailing += ["--template", TEMPLATE]
    before = rows(demo_folder)
    assert main([*mailing, *as_user(monkeypatch, "vrijwilliger")]) == 1
    assert capsys.readouterr().err == "Met de rol Vrijwilliger mag u geen mailing maken.\n"
    assert not out.exists() and rows(demo_folder) == before
    assert [e.staff_name for e in events(demo_folder, AuditKind.REFUSED)] == ["Demo Vrijwilliger"]
    assert main([*mailing, *as_user(monkeypatch, "medewerker")]) == 0
    made = events(demo_folder, AuditKind.MAILING)  # the mailing, and one per person
    assert {event.staff_name for event in made} == {"Demo Medewerker"}


def test_inzage_by_id_writes_the_pdf_and_json_of_that_caregiver(
    demo_folder: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    out = tmp_path / "inzage"
    inzage = ["inzage", "3", "--data-dir", str(demo_folder), "--folder", str(out)]
    assert main([*inzage, *as_user(monkeypatch, "medewerker")]) == 0
    assert capsys.readouterr().out.startswith("Klaar: de inzage-export staat in ")
    made = sorted(path.suffix for path in out.iterdir())
    assert made == [".json", ".pdf"]
    [event] = events(demo_folder, AuditKind.INZAGE)
    assert (event.caregiver_id, event.staff_name) == (3, "Demo Medewerker")
    missing = ["inzage", "99999", "--data-dir", str(demo_folder), "--folder", str(out)]
    assert main([*missing, *as_user(monkeypatch, "medewerker")]) == 1
    assert capsys.readouterr().err.count("\n") == 1


def test_a_volunteer_typing_a_caregivers_id_is_refused_and_recorded(
    demo_folder: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    out = tmp_path / "inzage"
    before = rows(demo_folder)
    inzage = ["inzage", "3", "--data-dir", str(demo_folder), "--folder", str(out)]
    assert main([*inzage, *as_user(monkeypatch, "vrijwilliger")]) == 1
    said = capsys.readouterr()
    assert said.err == "Met de rol Vrijwilliger mag u geen inzage-export maken.\n"
    assert said.out == "" and not out.exists()
    assert rows(demo_folder) == before
    [refused] = events(demo_folder, AuditKind.REFUSED)
    assert (refused.caregiver_id, refused.staff_name) == (3, "Demo Vrijwilliger")
    assert "privacy.InzageService.caregiver_dossier" in refused.summary


def test_the_self_test_reads_as_who_signed_in(
    demo_folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The demo assigns no caregivers to its vrijwilliger: their register is empty."""
    selftest = ["self-test", "--data-dir", str(demo_folder)]
    assert main([*selftest, *as_user(monkeypatch, "medewerker")]) == 0
    assert "OK: 10 mantelzorgers" in capsys.readouterr().out
    assert main([*selftest, *as_user(monkeypatch, "vrijwilliger")]) == 0
    assert "OK: 0 mantelzorgers" in capsys.readouterr().out
