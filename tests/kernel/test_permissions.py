"""The role × action table: every role against every use case, refused before any work."""

from __future__ import annotations

import importlib
import inspect
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from functools import cached_property
from typing import Any

import pytest

from steunpunt.domain.roles import Role
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.changes import ChangeFeed
from steunpunt.services.kernel.container import Services
from steunpunt.services.kernel.errors import NotAllowed, NotPermitted
from steunpunt.services.kernel.permissions import EVERYONE, PERMISSIONS, may
from steunpunt.services.kernel.use_case import registered
from tests.kernel.permission_table import README, readme_with_table
from tests.kernel.test_use_cases import FUNCTION_USE_CASES, service_methods


class Reached(Exception):
    """The use case got past its permission check and opened a session."""


class StubScope:
    """A session scope that opens no session: reaching it means the check let the call through."""

    def __init__(self, reader: Actor | None) -> None:
        self.reader = reader
        self.changes = ChangeFeed()
        self.dialect = "sqlite"
        self.database_file = None
        self.read_only = True
        """Nothing to record a refusal in (tests/kernel/test_audit_refusals.py records them)."""
        self.opened = 0

    def with_reader(self, reader: Actor) -> StubScope:
        return StubScope(reader)

    @contextmanager
    def __call__(self) -> Iterator[Any]:
        self.opened += 1
        raise Reached
        yield


def use_cases() -> dict[str, Callable[..., object]]:
    """Every registered use case's function (methods unbound), by name."""
    for module in set(FUNCTION_USE_CASES.values()):
        importlib.import_module(module)
    found: dict[str, Callable[..., object]] = {
        name: getattr(importlib.import_module(module), name.split(".")[-1])
        for name, module in FUNCTION_USE_CASES.items()
    }
    found.update(service_methods(Services(StubScope(None), date.today)))  # type: ignore[arg-type]
    return found


def stub_services(scope: StubScope) -> tuple[Services, dict[type, object]]:
    """Services on a scope that opens no session; their instances by class."""
    services = Services(scope, date.today)  # type: ignore[arg-type]
    instances = {
        type(getattr(services, name)): getattr(services, name)
        for name, member in vars(Services).items()
        if isinstance(member, cached_property)
    }
    return services, instances


def call(name: str, function: Callable[..., object], scope: StubScope) -> None:
    """Call the use case as the scope's reader with dummy arguments (the check comes first)."""
    actor = scope.reader
    services, instances = stub_services(scope)
    target = inspect.unwrap(function)
    parameters = list(inspect.signature(target).parameters.values())
    args: list[object] = []
    if parameters[0].name == "self":
        owner = next(cls for cls in instances if cls.__qualname__ == name.split(".")[1])
        args.append(instances[owner])
        parameters = parameters[1:]
    for parameter in parameters:
        if parameter.default is not inspect.Parameter.empty:
            break
        if parameter.name == "actor":
            args.append(actor)
        elif parameter.name == "caregivers":
            args.append(services.caregivers)
        else:
            args.append(None)
    function(*args)


def acts_for_someone(function: Callable[..., object]) -> bool:
    """Whether a use case finds who acts: an ``actor`` argument or the service it runs on."""
    parameters = list(inspect.signature(inspect.unwrap(function)).parameters)
    return "actor" in parameters or parameters[0] in {"self", "caregivers"}


def test_every_use_case_has_an_entry_in_the_table() -> None:
    names = set(use_cases())
    assert names == set(registered())
    assert sorted(names - set(PERMISSIONS)) == []  # a new use case cannot be forgotten
    assert sorted(set(PERMISSIONS) - names) == []  # nor an entry left for a removed one


def test_a_use_case_that_cannot_tell_who_acts_is_open_to_everyone() -> None:
    """File work before a database is open (backups, damage check, test pages) has no user."""
    open_to_all = {name for name, function in use_cases().items() if not acts_for_someone(function)}
    assert open_to_all == {
        "kernel.backups",
        "kernel.clear_temporary_files",
        "kernel.find_damage",
        "kernel.plain_copies",
        "kernel.settle_interrupted_encryption",
        "kernel.restore",
        "kernel.restore_before_sign_in",
        "letters.clear_leftovers",
        "letters.render_preview",
        "letters.write_calibration_page",
        "letters.write_label_test_sheet",
    }
    assert all(PERMISSIONS[name].roles == EVERYONE for name in open_to_all)


ACTING = sorted(name for name, function in use_cases().items() if acts_for_someone(function))


@pytest.mark.parametrize("role", list(Role))
@pytest.mark.parametrize("name", ACTING)
def test_every_role_against_every_use_case(name: str, role: Role) -> None:
    """Allowed: the call gets past the check; refused: a Dutch NotAllowed, no session opened."""
    scope = StubScope(Actor(1, "Tester", role))
    function = use_cases()[name]
    feature, qualified = name.split(".", 1)
    try:
        call(name, function, scope)
    except NotPermitted as problem:
        assert not may(role, feature, qualified), problem.message
        assert problem.message.startswith(f"Met de rol {role.label} mag u ")
        assert scope.opened == 0
    except Exception:  # past the check: the dummy arguments fail
        assert may(role, feature, qualified)
    else:
        assert may(role, feature, qualified)


def test_a_refusal_is_dutch_and_names_the_role_and_the_action() -> None:
    actor = Actor(1, "Vera", Role.VRIJWILLIGER)
    services, _ = stub_services(StubScope(actor))
    with pytest.raises(NotAllowed) as refused:  # NotPermitted is a NotAllowed
        services.mailings.make_mailing(actor, None, None, None)  # type: ignore[arg-type]
    assert refused.value.message == "Met de rol Vrijwilliger mag u geen mailing maken."


def test_the_roles_have_the_rights_the_issue_names() -> None:
    assert may(Role.BEHEERDER, "letters", "LetterService.save_house_style")
    assert not may(Role.MEDEWERKER, "letters", "LetterService.save_house_style")
    assert may(Role.MEDEWERKER, "compliment", "ApplicationService.change_status")
    assert not may(Role.VRIJWILLIGER, "compliment", "ApplicationService.change_status")
    assert may(Role.VRIJWILLIGER, "support", "BurdenService.record")
    assert not may(Role.VRIJWILLIGER, "caregivers", "export_caregiver_list")
    assert may(Role.FINANCIEN, "compliment", "PaymentService.make_batch")
    assert not may(Role.FINANCIEN, "caregivers", "CaregiverService.search")
    assert may(Role.RAPPORTAGE, "reports", "ReportService.report")
    assert not may(Role.RAPPORTAGE, "caregivers", "CaregiverService.get")
    assert all(may(Role.BEHEERDER, *name.split(".", 1)) for name in PERMISSIONS)


def test_the_readme_holds_the_table() -> None:
    """Regenerate with ``python -m tests.kernel.permission_table``."""
    text = README.read_text(encoding="utf-8")
    assert text == readme_with_table(text)
