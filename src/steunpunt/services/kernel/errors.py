"""Known problems the services refuse a request with, each with a Dutch message."""

from __future__ import annotations

from steunpunt.domain.errors import KnownProblem


class StaleEdit(KnownProblem):
    """Someone else saved the record after it was opened; nothing was overwritten."""


class NotFound(KnownProblem):
    """The record no longer exists."""


class NotAllowed(KnownProblem):
    """The action would break a rule of the register (e.g. linking a naaste twice)."""


class NotPermitted(NotAllowed):
    """The acting user's role, or their caseload, does not allow the request; nothing was done.

    The use-case wrapper records the attempt in the audit trail, with the person asked for.
    """

    def __init__(
        self,
        message: str,
        *,
        caregiver_id: int | None = None,
        care_recipient_id: int | None = None,
    ) -> None:
        super().__init__(message)
        self.caregiver_id = caregiver_id
        self.care_recipient_id = care_recipient_id
