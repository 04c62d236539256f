"""The refusals of signing in, each with a Dutch message."""

from __future__ import annotations

from steunpunt.domain.errors import KnownProblem

WRONG_LOGIN_OR_PASSWORD = (
    "Inlognaam of wachtwoord klopt niet. Let op hoofdletters en de Caps Lock-toets."
)
"""The same for an unknown login and a wrong password: the message tells no one which logins
exist."""


class SignInRefused(KnownProblem):
    """The sign-in did not succeed; ``wait_seconds`` > 0 when the next try must wait."""

    def __init__(self, message: str, wait_seconds: int = 0) -> None:
        super().__init__(message)
        self.wait_seconds = wait_seconds


def wait_message(seconds: int, wrong: str = "een verkeerd wachtwoord") -> str:
    """The refusal while the wait after failed sign-ins (``wrong``: of what) lasts."""
    unit = "seconde" if seconds == 1 else "seconden"
    return f"Te vaak {wrong}. Wacht nog {seconds} {unit} en probeer het dan opnieuw."
