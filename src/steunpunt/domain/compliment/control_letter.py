"""The controlebrief: the naaste confirms the care, or nothing is paid after the deadline."""

from __future__ import annotations

from datetime import date

from steunpunt.domain.dates import long_date


def is_overdue(due_on: date | None, today: date) -> bool:
    """The last day to send the letter back has passed."""
    return due_on is not None and due_on < today


def not_returned(due_on: date) -> str:
    """The reason of a refusal, as the refusal letter prints it after "omdat"."""
    return f"de controlebrief niet uiterlijk {long_date(due_on)} is teruggestuurd"


RETURNED = "controlebrief teruggestuurd"
"""What the history says when a grant follows a returned controlebrief."""
