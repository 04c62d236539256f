"""One error vocabulary: every known problem is a ``KnownProblem``, and there is one ``Cancelled``."""

from __future__ import annotations

import ast
from pathlib import Path

from steunpunt.db.kernel.errors import DatabaseLocked, DatabaseTooNew, DatabaseUnreadable
from steunpunt.domain.errors import Cancelled, InvalidValue, KnownProblem, ValidationFailed
from steunpunt.services.kernel.errors import NotAllowed, NotFound, StaleEdit

PACKAGE = Path(__file__).parent.parent.parent / "src" / "steunpunt"
HOME = "domain/errors.py"
ERROR_BASES = ("Exception", "Error")
"""Base names that make a class an exception of its own, outside the known problem."""


def classes() -> list[tuple[str, ast.ClassDef]]:
    """Every class defined in the source, with the file it is in."""
    found: list[tuple[str, ast.ClassDef]] = []
    for file in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(file.read_text(encoding="utf-8"), filename=str(file))
        name = file.relative_to(PACKAGE).as_posix()
        found.extend((name, node) for node in ast.walk(tree) if isinstance(node, ast.ClassDef))
    return found


def test_there_is_one_cancelled_and_no_other_kind_of_cancel() -> None:
    cancels = [(file, node.name) for file, node in classes() if node.name.endswith("Cancelled")]
    assert cancels == [(HOME, "Cancelled")]


def test_no_exception_but_the_known_problem_carries_its_own_message() -> None:
    setters = [
        (file, node.name)
        for file, node in classes()
        if any(isinstance(base, ast.Name) and base.id.endswith(ERROR_BASES) for base in node.bases)
        for assign in ast.walk(node)
        if isinstance(assign, ast.Attribute)
        and isinstance(assign.ctx, ast.Store)
        and isinstance(assign.value, ast.Name)
        and assign.value.id == "self"
        and assign.attr == "message"
    ]
    assert setters == [(HOME, "KnownProblem")]


def test_every_known_problem_is_one_type_with_a_dutch_message() -> None:
    kinds = (
        InvalidValue,
        StaleEdit,
        NotFound,
        NotAllowed,
        DatabaseUnreadable,
        DatabaseTooNew,
        DatabaseLocked,
        Cancelled,
    )
    for kind in kinds:
        problem = kind("Er is iets mis.")
        assert isinstance(problem, KnownProblem) and problem.message == "Er is iets mis."
        assert not isinstance(problem, ValueError)
    assert Cancelled().message == "Afgebroken; er is niets gemaakt."


def test_a_failed_validation_says_every_field_in_dutch_and_keeps_the_fields_apart() -> None:
    failed = ValidationFailed({"last_name": "Vul de achternaam in.", "postcode": "Onbekend."})
    assert isinstance(failed, KnownProblem)
    assert failed.message == "Vul de achternaam in. Onbekend."
    assert failed.errors == {"last_name": "Vul de achternaam in.", "postcode": "Onbekend."}
    assert str(failed) == "last_name: Vul de achternaam in.; postcode: Onbekend."
