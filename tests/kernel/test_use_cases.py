"""Every public service method is a named use case: registered, logged, and keeping its type."""

from __future__ import annotations

import importlib
import inspect
import logging
import subprocess
import sys
from collections.abc import Callable
from datetime import date
from functools import cached_property
from pathlib import Path

import pytest

from steunpunt.services.caregivers.register import CaregiverService
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.container import Services
from steunpunt.services.kernel.use_case import UseCase, registered, use_case_name

ROOT = Path(__file__).resolve().parent.parent.parent


def service_methods(services: Services) -> dict[str, Callable[..., object]]:
    """Every public method of every service the container offers, by use-case name."""
    classes = {
        type(getattr(services, name))
        for name, member in vars(Services).items()
        if isinstance(member, cached_property)
    }
    return {
        use_case_name(member): member
        for service in classes
        for name, member in vars(service).items()
        if not name.startswith("_") and inspect.isfunction(member)
    }


FUNCTION_USE_CASES = {
    "caregivers.export_caregiver_list": "steunpunt.services.caregivers.list_export",
    "kernel.add_demo_data": "steunpunt.services.kernel.demo_data",
    "kernel.clear_temporary_files": "steunpunt.services.kernel.temporary_files",
    "kernel.encrypt_database": "steunpunt.services.kernel.encryption_setup",
    "kernel.plain_copies": "steunpunt.services.kernel.plain_copies",
    "kernel.recovery_sheet_preview": "steunpunt.services.kernel.recovery_sheet",
    "kernel.remove_plain_copies": "steunpunt.services.kernel.plain_copies",
    "kernel.settle_interrupted_encryption": "steunpunt.services.kernel.encryption_setup",
    "kernel.write_recovery_sheet": "steunpunt.services.kernel.recovery_sheet",
    "kernel.backups": "steunpunt.services.kernel.backup",
    "kernel.find_damage": "steunpunt.services.kernel.integrity",
    "kernel.restore": "steunpunt.services.kernel.backup",
    "kernel.restore_before_sign_in": "steunpunt.services.kernel.backup",
    "reports.write_report_file": "steunpunt.services.reports.report_file",
    "letters.clear_leftovers": "steunpunt.services.letters.leftovers",
    "letters.render_preview": "steunpunt.services.letters.preview",
    "letters.write_calibration_page": "steunpunt.services.letters.test_pages",
    "letters.write_label_test_sheet": "steunpunt.services.letters.test_pages",
}
"""Use cases that are functions (files written or read for the screens and the command line)."""


def test_every_public_service_method_is_a_registered_use_case(services: Services) -> None:
    for module in set(FUNCTION_USE_CASES.values()):
        importlib.import_module(module)
    methods = service_methods(services)
    assert len(methods) > 90
    assert sorted(set(methods) - set(registered())) == []  # a new method cannot be forgotten
    # and is reached through Services, or is one of the file use cases
    assert sorted(set(registered()) - set(methods)) == sorted(FUNCTION_USE_CASES)
    assert all(hasattr(method, "__wrapped__") for method in methods.values())


def test_a_use_case_knows_its_feature_and_whether_it_writes(services: Services) -> None:
    assert registered()["caregivers.CaregiverService.update"] == UseCase(
        "caregivers", "caregivers.CaregiverService.update", writes=True
    )
    assert registered()["caregivers.CaregiverService.search"] == UseCase(
        "caregivers", "caregivers.CaregiverService.search", writes=False
    )
    assert registered()["today.WorklistService.snooze"].writes
    assert registered()["kernel.StaffService.list"].feature == "kernel"


def test_a_use_case_that_names_its_actor_writes(services: Services) -> None:
    """A reading use case has no actor; a method that takes one but is marked as reading is
    a writer marked wrongly (its permission check and audit record would be left out)."""
    acting = [
        name
        for name, method in service_methods(services).items()
        if "actor" in inspect.signature(method).parameters
    ]
    assert acting and [name for name in acting if not registered()[name].writes] == []


def test_the_entry_keeps_name_docstring_and_signature() -> None:
    search = CaregiverService.search
    original = search.__wrapped__  # type: ignore[attr-defined]
    assert search.__name__ == "search" and search.__qualname__ == "CaregiverService.search"
    assert search.__doc__ == original.__doc__ and search.__doc__
    assert inspect.signature(search) == inspect.signature(original)
    assert list(inspect.signature(search).parameters) == ["self", "criteria", "limit"]


def test_only_service_modules_have_use_cases() -> None:
    with pytest.raises(ValueError, match="no service module"):
        use_case_name(test_only_service_modules_have_use_cases)


def test_a_use_case_logs_its_name_and_the_staff_id_never_a_name(
    services: Services, actor: Actor, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.DEBUG, logger="steunpunt.services.kernel.use_case"):
        services.worklist.snooze(actor, "contact:1:nooit", date(2026, 12, 1))
        services.worklist.mark_done(key="contact:1:nooit", actor=actor)
        services.worklist.settings()
    assert [record.getMessage() for record in caplog.records] == [
        f"Use case today.WorklistService.snooze by staff {actor.staff_id}",
        f"Use case today.WorklistService.mark_done by staff {actor.staff_id}",
        "Use case today.WorklistService.settings",
    ]
    assert actor.name not in caplog.text


def test_the_entry_keeps_the_types_for_mypy(tmp_path: Path) -> None:
    """mypy (strict, as in CI) still sees each use case's parameters and result."""
    sample = tmp_path / "use_case_types.py"
    sample.write_text(
        "from typing import assert_type\n"
        "from steunpunt.services.kernel.actor import Actor\n"
        "from steunpunt.services.kernel.container import Services\n"
        "from steunpunt.services.today.dto import WorkItem\n"
        "def check(services: Services, actor: Actor) -> None:\n"
        "    assert_type(services.worklist.items(), list[WorkItem])\n"
        "    assert_type(services.caregivers.count(), int)\n"
        "    services.worklist.mark_done(actor, 5)\n",
        encoding="utf-8",
    )
    found = subprocess.run(
        [sys.executable, "-m", "mypy", "--no-error-summary", str(sample)],
        cwd=ROOT,
        env={"MYPYPATH": str(ROOT / "src"), "PATH": ""},
        capture_output=True,
        text=True,
        timeout=300,
    )
    # mypy's cache may name an earlier copy of the same sample, so only the line counts
    assert [line.partition(f"{sample.name}:")[2] for line in found.stdout.splitlines()] == [
        '8: error: Argument 2 to "mark_done" of "WorklistService" has incompatible '
        'type "int"; expected "str"  [arg-type]'
    ]
