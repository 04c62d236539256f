"""The command line: window, demo data, mailing, list export, verantwoording, backup, import,
self-test."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from steunpunt import __version__
from steunpunt.cli_import import add_import_parser, run_import
from steunpunt.cli_mailing import add_mailing_parser, run_mailing
from steunpunt.cli_output import COMMANDS as OUTPUT_COMMANDS
from steunpunt.cli_output import add_output_parsers, run_output
from steunpunt.cli_parser import DutchParser
from steunpunt.cli_sign_in import add_user_argument
from steunpunt.domain.errors import KnownProblem
from steunpunt.domain.file_errors import dutch_cause
from steunpunt.paths import AppPaths, demo_paths, resolve_paths

DEMO_CAREGIVERS = 2000


def build_parser() -> DutchParser:
    parser = DutchParser(
        prog="steunpunt",
        description="Steunpunt: registratie en ondersteuning van mantelzorgers. "
        "Zonder opdracht opent het venster.",
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"Steunpunt {__version__}",
        help="toon het versienummer en stop",
    )
    parser.add_argument(
        "--data-dir", metavar="MAP", help="map voor database, instellingen, logboek en back-ups"
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="open een aparte demodatabase (wordt bij de eerste keer gevuld)",
    )
    commands = parser.add_subparsers(
        dest="command", title="opdrachten", metavar="OPDRACHT", help="zonder opdracht: het venster"
    )
    demo = commands.add_parser("demo", help="vul een database met verzonnen mantelzorgers")
    demo.add_argument("--data-dir", dest="sub_data_dir", help=argparse.SUPPRESS)
    demo.add_argument(
        "--caregivers",
        type=int,
        default=DEMO_CAREGIVERS,
        metavar="N",
        help=f"hoeveel mantelzorgers (standaard {DEMO_CAREGIVERS})",
    )
    demo.add_argument(
        "--seed", type=int, default=2026, metavar="GETAL", help="zelfde getal, zelfde gegevens"
    )
    demo.add_argument(
        "--add",
        action="store_true",
        help="ook toevoegen als er al mantelzorgers zijn (meld u aan met --user)",
    )
    add_user_argument(demo)
    add_mailing_parser(commands)
    add_output_parsers(commands)
    add_import_parser(commands)
    selftest = commands.add_parser("self-test", help="controleer database en programma")
    selftest.add_argument("--data-dir", dest="sub_data_dir", help=argparse.SUPPRESS)
    add_user_argument(selftest)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; a known problem is one Dutch line on stderr and exit code 1, a stop
    with Ctrl+C one line and exit code 130."""
    args = build_parser().parse_args(argv)
    try:
        return _run(args)
    except KnownProblem as problem:
        print(problem.message, file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("\nAfgebroken met Ctrl+C.", file=sys.stderr)
        return 130


def _run(args: argparse.Namespace) -> int:
    data_dir = getattr(args, "sub_data_dir", None) or args.data_dir
    paths = _ensured(resolve_paths(data_dir))
    if args.command == "demo":
        target = paths if data_dir else demo_paths(paths)
        return _demo(_ensured(target), args.caregivers, args.seed, args.add, user=args.user)
    if args.command == "mailing":
        return run_mailing(paths, args, _say)
    if args.command == "import":
        return run_import(paths, args, _say)
    if args.command in OUTPUT_COMMANDS:
        return run_output(paths, args, _say)
    if args.command == "self-test":
        from steunpunt.selftest import run_self_test

        return run_self_test(paths, _say, args.user)
    # The window: Qt's own message on a missing X11 library names the wrong package, and a
    # demo database filled for a window that cannot open is time lost.
    from steunpunt.display_check import check_display

    check_display()
    if args.demo:
        from steunpunt.demo.accounts import DEMO_LOGIN, DEMO_PASSWORD

        paths = _ensured(demo_paths(paths))
        if _demo(paths, DEMO_CAREGIVERS, 2026, add=False, quiet_if_filled=True) != 0:
            return 1
        from steunpunt.app import run

        note = f"Demodatabase: het wachtwoord van {DEMO_LOGIN} is {DEMO_PASSWORD}"
        return run(paths, login=DEMO_LOGIN, note=note)
    from steunpunt.app import run

    return run(paths)


def _ensured(paths: AppPaths) -> AppPaths:
    """The folders made; one that cannot be made is a known problem."""
    paths.ensure()
    try:
        paths.data_dir.mkdir(parents=True, exist_ok=True)  # says why, when ensure() could not
        return paths
    except OSError as error:
        folder = error.filename or paths.data_dir
        raise KnownProblem(
            f"De map {folder} kan niet worden gemaakt of gebruikt: {dutch_cause(error)}. "
            "Kies met --data-dir een andere map; er is niets veranderd."
        ) from error


def _demo(
    paths: AppPaths,
    count: int,
    seed: int,
    add: bool,
    quiet_if_filled: bool = False,
    user: str | None = None,
) -> int:
    """Fill the demo database; a new one is made encrypted with the demo accounts (their
    published passwords open it), and adding to a filled one needs a beheerder's sign-in."""
    from sqlalchemy.exc import OperationalError

    from steunpunt.cli_sign_in import open_entrance, sign_in
    from steunpunt.demo.accounts import DEMO_ACCOUNTS, add_demo_accounts, demo_accounts_text
    from steunpunt.demo.fill import fill_demo_database
    from steunpunt.demo.letters import set_demo_house_style
    from steunpunt.demo.support import fill_demo_support
    from steunpunt.services.kernel.demo_data import add_demo_data
    from steunpunt.services.kernel.session_scope import storage_problem

    entrance = open_entrance(paths)
    plain = entrance.plain_database
    if plain is not None and plain.read_only:
        entrance.close()
        raise KnownProblem(
            "De database is alleen-lezen: er kunnen geen demogegevens worden toegevoegd."
        )
    if entrance.first_beheerder_needed():
        name, login, _role, password = DEMO_ACCOUNTS[0]
        entered = entrance.create_first_beheerder(name, login, password, password)
        bound = entered.database.acting_as(entered.signed_in.actor)
        add_demo_accounts(bound.services.accounts, bound.actor)
        _say(demo_accounts_text())
        if entered.recovery_key is not None:
            _say(f"Herstelsleutel van de demodatabase: {entered.recovery_key}")
    elif not add:
        existing = plain.services.caregivers.count() if plain is not None else None
        entrance.close()
        if not quiet_if_filled:
            held = "" if existing is None else f" met {existing} mantelzorgers"
            _say(
                f"De database{held} bestaat al; er is niets toegevoegd. "
                "Gebruik --add om toch demogegevens toe te voegen."
            )
        return 0
    else:
        bound = sign_in(entrance, user)
    try:
        existing = bound.services.caregivers.count()
        if existing and not add:
            return 0  # a plain database from before whose accounts were just made

        def fill() -> int:
            _say(f"Demodatabase vullen met {count} mantelzorgers in {paths.database_file} ...")
            # Adding to a filled database with the same seed would repeat the same people.
            try:
                fill_demo_database(bound.engine, count, seed=seed + existing, progress=_progress)
                if not existing:
                    fill_demo_support(bound.engine, seed=seed)
            except OperationalError as error:  # the demo writes past the services
                raise storage_problem(error) from error
            return count

        add_demo_data(bound.services.audit, bound.actor, fill)
        set_demo_house_style(bound.services.letters, bound.actor)
        _say(f"\nKlaar: {bound.services.caregivers.count()} mantelzorgers.")
        return 0
    finally:
        bound.close()


def _progress(done: int, total: int) -> bool:
    sys.stdout.write(f"\r{done} van {total}")
    sys.stdout.flush()
    return True


def _say(text: str) -> None:
    print(text)
