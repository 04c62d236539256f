"""Errors services raise for situations the user must be told about in Dutch."""

from __future__ import annotations


class ServiceError(Exception):
    """A known problem; ``message`` is a Dutch sentence for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class StaleEdit(ServiceError):
    """Someone else saved the record after it was opened; nothing was overwritten."""


class NotFound(ServiceError):
    """The record no longer exists."""


class NotAllowed(ServiceError):
    """The action would break a rule of the register (e.g. linking a naaste twice)."""
