"""Errors the domain raises for input a person typed."""

from __future__ import annotations

from collections.abc import Mapping


class InvalidValue(ValueError):
    """One value is not acceptable; ``message`` is a Dutch sentence for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ValidationFailed(ValueError):
    """Several fields are invalid: maps the field name to its Dutch message."""

    def __init__(self, errors: Mapping[str, str]) -> None:
        super().__init__("; ".join(f"{name}: {text}" for name, text in errors.items()))
        self.errors = dict(errors)
