"""Signing in on the command line: ``--user`` and the password from the terminal or
``STEUNPUNT_PASSWORD``."""

from __future__ import annotations

import argparse
import getpass
import os
from typing import TYPE_CHECKING

from steunpunt.domain.errors import KnownProblem

if TYPE_CHECKING:
    from steunpunt.services.kernel.actor import Actor
    from steunpunt.startup import OpenDatabase

PASSWORD_VARIABLE = "STEUNPUNT_PASSWORD"
USER_VARIABLE = "STEUNPUNT_USER"
"""The login when ``--user`` is not given (scripts)."""


def add_user_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--user",
        metavar="INLOGNAAM",
        help=f"uw inlognaam (of zet die in {USER_VARIABLE}); het wachtwoord wordt gevraagd "
        f"(of staat in {PASSWORD_VARIABLE})",
    )


def sign_in(database: OpenDatabase, login: str | None) -> Actor:
    """The account of ``login`` after its password; a refusal is a known problem in Dutch.

    A database without any account yet (new, or from before accounts) needs no sign-in: no
    one could sign in, and whoever opens the window first makes the first beheerder. The
    command then acts as its first staff member, as before accounts.
    """
    accounts = database.services.accounts
    if accounts.first_beheerder_needed():
        return database.actor
    login = login or os.environ.get(USER_VARIABLE)
    if not login:
        raise KnownProblem(
            "Geef met --user uw inlognaam op; het wachtwoord wordt daarna gevraagd (of zet het "
            f"in {PASSWORD_VARIABLE})."
        )
    signed_in = accounts.sign_in(login, _password(login))
    if signed_in.must_change_password:
        raise KnownProblem(
            "Uw wachtwoord is opnieuw ingesteld. Open het venster van Steunpunt, meld u aan en "
            "kies een eigen wachtwoord; daarna werkt de opdrachtregel weer."
        )
    return signed_in.actor


def _password(login: str) -> str:
    """From the environment (scripts, tests) or typed on the terminal without showing it."""
    given = os.environ.get(PASSWORD_VARIABLE)
    if given:
        return given
    try:
        return getpass.getpass(f"Wachtwoord voor {login}: ")
    except EOFError as error:
        raise KnownProblem(
            f"Er is geen wachtwoord gegeven. Typ het als erom gevraagd wordt of zet het in "
            f"{PASSWORD_VARIABLE}."
        ) from error
