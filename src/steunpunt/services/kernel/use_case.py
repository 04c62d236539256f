"""One named entry point per use case: every public service method starts here.

``@reads`` and ``@writes`` mark a service method as a use case named after its feature and
qualified name (``caregivers.CaregiverService.update``) and register it. The wrapper is the one
place where each use case starts: it checks that the acting user's role may call it
(``permissions.py``) before any work, logs the name and the acting staff member's id at DEBUG
(never personal data), and names that staff member to the audit trail for the call. A refusal
(:class:`NotPermitted`, by role or caseload) is recorded by the outermost use case, in a short
transaction of its own after the refused work rolled back.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Mapping
from contextvars import ContextVar
from dataclasses import dataclass
from types import MappingProxyType
from typing import TYPE_CHECKING, ParamSpec, TypeVar, cast

from steunpunt.domain.audit import AuditKind
from steunpunt.domain.errors import KnownProblem
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.audit import acting, record
from steunpunt.services.kernel.errors import NotPermitted
from steunpunt.services.kernel.permissions import check_permission

if TYPE_CHECKING:
    from steunpunt.services.kernel.session_scope import SessionScope

log = logging.getLogger(__name__)

P = ParamSpec("P")
R = TypeVar("R")

_PREFIX = "steunpunt.services."


@dataclass(frozen=True)
class UseCase:
    """What one use case is: its feature, its name, and whether it changes data."""

    feature: str
    name: str
    writes: bool


_REGISTRY: dict[str, UseCase] = {}

_RUNNING: ContextVar[bool] = ContextVar("steunpunt.use_case.running", default=False)
"""Whether a use case runs already: one it calls records no refusal of its own."""


def reads(method: Callable[P, R]) -> Callable[P, R]:
    """Mark a service method as a use case that only reads."""
    return _entry(method, writing=False)


def writes(method: Callable[P, R]) -> Callable[P, R]:
    """Mark a service method as a use case that changes data (or writes files)."""
    return _entry(method, writing=True)


def registered() -> Mapping[str, UseCase]:
    """Every use case of the service modules imported so far, by name."""
    return MappingProxyType(_REGISTRY)


def use_case_name(method: Callable[..., object]) -> str:
    """``feature.Class.method`` of a method defined in a feature's service package."""
    if not method.__module__.startswith(_PREFIX):
        raise ValueError(f"{method.__module__} is no service module")
    feature = method.__module__.removeprefix(_PREFIX).split(".")[0]
    return f"{feature}.{method.__qualname__}"


def _entry(method: Callable[P, R], writing: bool) -> Callable[P, R]:
    """Register ``method`` as a use case and wrap it in the one place where the use case starts."""
    name = use_case_name(method)
    _REGISTRY[name] = UseCase(name.split(".")[0], name, writing)
    code = getattr(method, "__code__", None)
    arguments = code.co_varnames[: code.co_argcount] if code is not None else ()
    position = arguments.index("actor") if "actor" in arguments else None
    about = arguments.index("caregiver_id") if "caregiver_id" in arguments else None

    @functools.wraps(method)
    def start(*args: P.args, **kwargs: P.kwargs) -> R:
        actor = _actor(args, kwargs, position)
        nested = _RUNNING.get()
        running = _RUNNING.set(True)
        try:
            check_permission(name, actor)
            if log.isEnabledFor(logging.DEBUG):
                if actor is None:
                    log.debug("Use case %s", name)
                else:
                    log.debug("Use case %s by staff %s", name, actor.staff_id)
            with acting(actor):
                return method(*args, **kwargs)
        except NotPermitted as refusal:
            if not nested:
                if refusal.caregiver_id is None:
                    refusal.caregiver_id = _asked_for(args, kwargs, about)
                _record_refusal(args, name, actor, refusal)
            raise
        finally:
            _RUNNING.reset(running)

    return start


def _asked_for(
    args: tuple[object, ...], kwargs: Mapping[str, object], position: int | None
) -> int | None:
    """The ``caregiver_id`` argument of a call, when the use case takes one."""
    if position is None:
        return None
    asked = args[position] if position < len(args) else kwargs.get("caregiver_id")
    return asked if isinstance(asked, int) else None


def _record_refusal(
    args: tuple[object, ...], name: str, actor: Actor | None, refusal: NotPermitted
) -> None:
    """Record who asked for what and was refused, in a transaction of its own: the refused
    work has rolled back, the attempt stays. Not on a read-only database."""
    scope = _scope(args)
    if scope is None or scope.read_only:
        log.info("Refusal of %s not recorded: no writable database", name)
        return
    details = {"handeling": name, "reden": refusal.message}
    try:
        with scope() as session:
            record(
                session,
                actor,
                AuditKind.REFUSED,
                caregiver_id=refusal.caregiver_id,
                care_recipient_id=refusal.care_recipient_id,
                details=details,
            )
    except KnownProblem as problem:  # a busy or damaged database: the refusal still stands
        log.warning("Refusal of %s not recorded: %s", name, problem.message)


def _actor(
    args: tuple[object, ...], kwargs: Mapping[str, object], position: int | None
) -> Actor | None:
    """Who acts in a call: its ``actor`` argument, else the reader of the service it runs on.

    A service keeps its session scope as ``_scope``; a use case that is a function finds it on
    its first argument (the service it reads through), such as the list export.
    """
    if position is not None:
        actor = args[position] if position < len(args) else kwargs.get("actor")
        if isinstance(actor, Actor):
            return actor
    scope = _scope(args)
    reader = None if scope is None else scope.reader
    return reader if isinstance(reader, Actor) else None


def _scope(args: tuple[object, ...]) -> SessionScope | None:
    """The session scope of the service a call runs on (or reads through, for a function)."""
    return cast("SessionScope | None", getattr(args[0], "_scope", None) if args else None)
