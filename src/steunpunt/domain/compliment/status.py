"""The life of an application: its statuses and which changes are allowed."""

from __future__ import annotations

from steunpunt.domain.choices import LabelledChoice
from steunpunt.domain.errors import InvalidValue


class ApplicationStatus(LabelledChoice):
    RECEIVED = "ontvangen"
    IN_REVIEW = "in_behandeling"
    AWAITING_CONTROL_LETTER = "wacht_op_controlebrief"
    GRANTED = "toegekend"
    REFUSED = "afgewezen"
    PAID = "uitbetaald"

    @property
    def label(self) -> str:
        return _STATUS_LABELS[self]


_STATUS_LABELS = {
    ApplicationStatus.RECEIVED: "Ontvangen",
    ApplicationStatus.IN_REVIEW: "In behandeling",
    ApplicationStatus.AWAITING_CONTROL_LETTER: "Wacht op controlebrief",
    ApplicationStatus.GRANTED: "Toegekend",
    ApplicationStatus.REFUSED: "Afgewezen",
    ApplicationStatus.PAID: "Uitbetaald",
}

_ALLOWED: dict[ApplicationStatus, frozenset[ApplicationStatus]] = {
    ApplicationStatus.RECEIVED: frozenset(
        {ApplicationStatus.IN_REVIEW, ApplicationStatus.GRANTED, ApplicationStatus.REFUSED}
    ),
    ApplicationStatus.IN_REVIEW: frozenset(
        {
            ApplicationStatus.AWAITING_CONTROL_LETTER,
            ApplicationStatus.GRANTED,
            ApplicationStatus.REFUSED,
        }
    ),
    ApplicationStatus.AWAITING_CONTROL_LETTER: frozenset(
        {ApplicationStatus.GRANTED, ApplicationStatus.REFUSED}
    ),
    # A grant can still be withdrawn (refused) until it is paid; a refusal can be reviewed
    # again after an objection (bezwaar).
    ApplicationStatus.GRANTED: frozenset({ApplicationStatus.PAID, ApplicationStatus.REFUSED}),
    ApplicationStatus.REFUSED: frozenset({ApplicationStatus.IN_REVIEW}),
    ApplicationStatus.PAID: frozenset(),
}


def allowed_next(status: ApplicationStatus) -> frozenset[ApplicationStatus]:
    return _ALLOWED[status]


def check_transition(current: ApplicationStatus, new: ApplicationStatus) -> None:
    """Refuse an impossible change of status with a Dutch message."""
    if new not in _ALLOWED[current]:
        raise InvalidValue(
            f"Een aanvraag met status '{current.label.lower()}' kan niet naar "
            f"'{new.label.lower()}'."
        )
