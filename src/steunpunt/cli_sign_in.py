"""Signing in on the command line: ``--user`` and the password from the terminal or
``STEUNPUNT_PASSWORD``; on an encrypted database the password is what opens it."""

from __future__ import annotations

import argparse
import getpass
import os
from typing import TYPE_CHECKING

from steunpunt.domain.errors import KnownProblem

if TYPE_CHECKING:
    from steunpunt.entrance import Entrance
    from steunpunt.paths import AppPaths
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


def open_entrance(paths: AppPaths) -> Entrance:
    """Start the log; the way into the user's database (a known problem is raised)."""
    from steunpunt.entrance import Entrance
    from steunpunt.logging_setup import configure_logging

    configure_logging(paths.log_dir, to_stderr_when_unwritable=False)
    return Entrance(paths.database_file, paths)


def open_signed_in(paths: AppPaths, login: str | None) -> OpenDatabase:
    """The user's database, opened by signing in and bound to who signed in."""
    return sign_in(open_entrance(paths), login)


def sign_in(entrance: Entrance, login: str | None) -> OpenDatabase:
    """The database behind ``entrance``, bound to the account of ``login`` after its password;
    a refusal is a known problem in Dutch (and nothing stays open).

    A plain database without any account yet (from before accounts) needs no sign-in: no one
    could sign in, and whoever opens the window first makes the first beheerder. The command
    then acts as its first staff member, as before accounts.
    """
    from steunpunt.entrance import Door

    if entrance.door is Door.NEW:
        raise KnownProblem(
            f"Er is nog geen database in {entrance.file.parent}. Start eerst het venster van "
            "Steunpunt en maak de eerste beheerder (of maak een demodatabase met: steunpunt "
            "demo); er is niets gemaakt."
        )
    plain = entrance.plain_database
    if plain is not None and plain.services.accounts.first_beheerder_needed():
        return plain.acting_as(plain.actor)
    try:
        login = login or os.environ.get(USER_VARIABLE)
        if not login:
            raise KnownProblem(
                "Geef met --user uw inlognaam op; het wachtwoord wordt daarna gevraagd (of zet "
                f"het in {PASSWORD_VARIABLE})."
            )
        entered = entrance.sign_in(login, _password(login))
    except BaseException:
        entrance.close()
        raise
    if entered.signed_in.must_change_password:
        entered.close()
        raise KnownProblem(
            "Uw wachtwoord is opnieuw ingesteld. Open het venster van Steunpunt, meld u aan en "
            "kies een eigen wachtwoord; daarna werkt de opdrachtregel weer."
        )
    return entered.database.acting_as(entered.signed_in.actor)


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
