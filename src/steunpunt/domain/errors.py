"""The error vocabulary of every layer: a known problem with a Dutch message, and a cancel."""

from __future__ import annotations

from collections.abc import Mapping


class KnownProblem(Exception):
    """A problem the user is told about; ``message`` is a Dutch sentence and nothing is lost."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class InvalidValue(KnownProblem):
    """One value a person typed or chose is not acceptable."""


class ValidationFailed(KnownProblem):
    """Several fields are invalid: ``errors`` maps the field name to its Dutch message."""

    def __init__(self, errors: Mapping[str, str]) -> None:
        super().__init__(" ".join(errors.values()))
        self.errors = dict(errors)

    def __str__(self) -> str:
        return "; ".join(f"{name}: {text}" for name, text in self.errors.items())


class OpeningFailed(KnownProblem):
    """The password (or recovery key) opened the key, but the database file itself cannot be
    used (damaged, from a newer version, locked): a problem of the file, not of the sign-in,
    whose way out (a backup, another file) the start offers."""

    def __init__(self, problem: KnownProblem) -> None:
        super().__init__(problem.message)
        self.problem = problem


class Cancelled(KnownProblem):
    """The person stopped the work; what was half made is thrown away."""

    def __init__(self, message: str = "Afgebroken; er is niets gemaakt.") -> None:
        super().__init__(message)
