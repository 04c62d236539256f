"""``steunpunt mailing``: make a mailing without a window (for a scheduled job or a print run)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from steunpunt.cli_sign_in import add_user_argument, open_signed_in
from steunpunt.domain.choices import Grouping
from steunpunt.domain.dates import parse_date
from steunpunt.domain.saved_files import personal_data_note
from steunpunt.paths import AppPaths

Say = Callable[[str], None]
DEFAULT_FILTER = "Alle actieve mantelzorgers"


def add_mailing_parser(commands: Any) -> None:
    """Register the ``mailing`` command on the CLI's sub-parsers."""
    mailing = commands.add_parser("mailing", help="maak brieven voor een groep mantelzorgers")
    mailing.add_argument("--data-dir", dest="sub_data_dir", help=argparse.SUPPRESS)
    mailing.add_argument(
        "--template", required=True, metavar="NAAM", help="naam van het briefsjabloon"
    )
    mailing.add_argument(
        "--filter",
        default=DEFAULT_FILTER,
        metavar="NAAM",
        help=f"naam van het ontvangersfilter (standaard: {DEFAULT_FILTER})",
    )
    mailing.add_argument(
        "--folder", metavar="MAP", help="map voor de bestanden (standaard: de briefmap)"
    )
    mailing.add_argument(
        "--date", metavar="DATUM", help="datum van de brief, dd-mm-jjjj (standaard: vandaag)"
    )
    mailing.add_argument(
        "--grouping",
        choices=[g.value for g in Grouping],
        default=Grouping.PER_PERSON.value,
        help="per_persoon: een brief per persoon; namen: een brief per adres met alle namen; "
        "bewoners: een brief per adres aan 'De bewoners van' (standaard per_persoon)",
    )
    mailing.add_argument("--labels", action="store_true", help="ook adresetiketten")
    mailing.add_argument("--csv", action="store_true", help="ook een CSV voor de drukkerij")
    mailing.add_argument("--per-person", action="store_true", help="ook één PDF per persoon")
    add_user_argument(mailing)


def run_mailing(paths: AppPaths, args: argparse.Namespace, say: Say) -> int:
    """Make the mailing the arguments describe; a known problem is raised for the caller."""
    from steunpunt.services.letters.dto import MailingRequest

    bound = open_signed_in(paths, args.user)
    try:
        services = bound.services
        templates = {view.data.name.casefold(): view for view in services.letters.templates()}
        filters = {named.name.casefold(): named for named in services.letters.filters()}
        template = templates.get(args.template.casefold())
        named = filters.get(args.filter.casefold())
        if template is None:
            say(_unknown("sjabloon", [view.data.name for view in templates.values()]))
            return 1
        if named is None:
            say(_unknown("filter", [item.name for item in filters.values()]))
            return 1
        style, _version = services.letters.house_style()
        request = MailingRequest(
            template_id=template.id,
            letter_date=parse_date(args.date) if args.date else date.today(),
            folder=Path(args.folder).expanduser() if args.folder else paths.letters_dir,
            grouping=Grouping(args.grouping),
            criteria=named.criteria,
            description=named.name,
            per_person_pdfs=args.per_person,
            labels=style.label_sheet if args.labels else None,
            print_shop_csv=args.csv,
        )
        result = services.mailings.make_mailing(bound.actor, request)
    finally:
        bound.close()
    say(
        f"Klaar: {result.letters} brieven voor {result.people} mantelzorgers, "
        f"kenmerk {result.reference}."
    )
    for made in result.files:
        say(f"  {made.absolute()}")
    say(personal_data_note(len(result.files)))
    if result.by_hand:
        say(
            f"Met de hand adresseren ({len(result.by_hand)}, het adres past niet op een etiket; "
            f"zie de laatste pagina van de etiketten): {'; '.join(result.by_hand)}"
        )
    return 0


def _unknown(what: str, names: list[str]) -> str:
    return f"Onbekend {what}. Kies uit: {', '.join(repr(name) for name in names)}."
