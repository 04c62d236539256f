"""``steunpunt export``, ``report``, ``inzage``, ``backup`` and ``restore``: the list, the
verantwoording, one person's inzage export, a backup and putting one back."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from steunpunt.cli_sign_in import add_user_argument, open_signed_in
from steunpunt.domain.choices import ActiveFilter
from steunpunt.domain.errors import KnownProblem
from steunpunt.domain.saved_files import PERSONAL_DATA_NOTE, personal_data_note
from steunpunt.paths import AppPaths

if TYPE_CHECKING:
    from steunpunt.startup import OpenDatabase

Say = Callable[[str], None]
COMMANDS = ("export", "report", "inzage", "backup", "restore")
RECOVERY_VARIABLE = "STEUNPUNT_HERSTELSLEUTEL"
"""Where a script gives the recovery key for ``restore --recovery-key``."""


def add_output_parsers(commands: Any) -> None:
    """Register the ``export``, ``report``, ``inzage``, ``backup`` and ``restore`` commands."""
    export = commands.add_parser("export", help="de lijst van mantelzorgers naar Excel of CSV")
    export.add_argument(
        "file", metavar="BESTAND", help="het bestand: eindigt op .xlsx (Excel) of .csv"
    )
    export.add_argument(
        "--search", default="", metavar="TEKST", help="zoektekst, zoals in het zoekveld"
    )
    export.add_argument(
        "--status",
        choices=[a.value for a in ActiveFilter],
        default=ActiveFilter.ACTIVE.value,
        help=f"welke mantelzorgers (standaard {ActiveFilter.ACTIVE.value})",
    )
    export.add_argument(
        "--columns",
        metavar="KOLOMMEN",
        help="kolommen met komma's ertussen, zoals naam,postcode (standaard: als in het venster)",
    )
    report = commands.add_parser("report", help="de verantwoording voor de gemeente")
    report.add_argument(
        "file", metavar="BESTAND", help="het bestand: eindigt op .pdf of .xlsx (Excel)"
    )
    report.add_argument(
        "--from", dest="starts_on", required=True, metavar="DATUM", help="begin, dd-mm-jjjj"
    )
    report.add_argument(
        "--until", dest="ends_on", required=True, metavar="DATUM", help="einde, dd-mm-jjjj"
    )
    report.add_argument(
        "--municipality", default="", metavar="GEMEENTE", help="gemeente (standaard: alle)"
    )
    inzage = commands.add_parser(
        "inzage", help="alles wat het programma over één mantelzorger bewaart (PDF en JSON)"
    )
    inzage.add_argument(
        "caregiver_id", type=int, metavar="NUMMER", help="het nummer van de mantelzorger"
    )
    inzage.add_argument(
        "--folder", metavar="MAP", help="map voor de bestanden (standaard: de briefmap)"
    )
    commands.add_parser("backup", help="maak een reservekopie van de database")
    restore = commands.add_parser(
        "restore",
        help="zet een reservekopie terug (eerst wordt de huidige database bewaard); beheerder",
    )
    restore.add_argument(
        "file", metavar="KOPIE", help="de map van de reservekopie, of het databasebestand erin"
    )
    restore.add_argument(
        "--recovery-key",
        action="store_true",
        help="de kopie komt van een andere computer van het steunpunt: de herstelsleutel wordt "
        f"gevraagd (of staat in {RECOVERY_VARIABLE})",
    )
    for command in (export, report, inzage, commands.choices["backup"], restore):
        command.add_argument("--data-dir", dest="sub_data_dir", help=argparse.SUPPRESS)
        add_user_argument(command)


def run_output(paths: AppPaths, args: argparse.Namespace, say: Say) -> int:
    """Run one of the commands; a known problem reaches ``cli.main`` as one Dutch line."""
    run = {
        "export": _export,
        "report": _report,
        "inzage": _inzage,
        "backup": _backup,
        "restore": _restore,
    }[args.command]
    try:
        database = open_signed_in(paths, args.user)
        try:
            said = run(database, paths, args)
        finally:
            database.close()
    except OSError as error:
        from steunpunt.domain.file_errors import dutch_cause

        raise KnownProblem(
            f"Het bestand kon niet worden geschreven: {dutch_cause(error)}. Er is niets gemaakt."
        ) from error
    say(said)
    return 0


def _export(database: OpenDatabase, _paths: AppPaths, args: argparse.Namespace) -> str:
    from steunpunt.domain.caregivers.list_filter import CaregiverFilter
    from steunpunt.domain.errors import InvalidValue
    from steunpunt.services.caregivers.list_export import (
        COLUMNS,
        DEFAULT_COLUMNS,
        export_caregiver_list,
    )

    known = {item.key: item for item in COLUMNS}
    typed = args.columns.split(",") if args.columns else DEFAULT_COLUMNS
    keys = [key.strip().casefold() for key in typed if key.strip()]
    unknown = [key for key in keys if key not in known]
    if unknown:
        raise InvalidValue(f"Onbekende kolom {', '.join(unknown)}. Kies uit: {', '.join(known)}.")
    caregivers = database.services.caregivers
    ids = caregivers.search_ids(CaregiverFilter(text=args.search, active=ActiveFilter(args.status)))
    target = Path(args.file).expanduser()
    count = export_caregiver_list(
        caregivers,
        database.services.audit,
        database.actor,
        ids,
        target,
        [known[key] for key in keys],
    )
    noun = "mantelzorger" if count == 1 else "mantelzorgers"
    return f"Klaar: {count} {noun} in {target.absolute()}.\n{PERSONAL_DATA_NOTE}"


def _report(database: OpenDatabase, _paths: AppPaths, args: argparse.Namespace) -> str:
    from steunpunt.domain.dates import parse_date
    from steunpunt.domain.errors import InvalidValue
    from steunpunt.services.reports.report_file import write_report_file

    services = database.services
    municipality = ""
    if args.municipality:
        names = {name.casefold(): name for name in services.reports.municipalities()}
        if args.municipality.casefold() not in names:
            raise InvalidValue(
                f"Onbekende gemeente. Kies uit: {', '.join(repr(n) for n in names.values())}."
            )
        municipality = names[args.municipality.casefold()]
    starts_on, ends_on = parse_date(args.starts_on), parse_date(args.ends_on)
    style, _version = services.letters.house_style()
    report = services.reports.report(starts_on, ends_on, municipality, style.organisation)
    target = write_report_file(
        database.services.audit, database.actor, Path(args.file).expanduser(), report, style
    )
    return f"Klaar: de verantwoording staat in {target.absolute()} (zonder namen)."


def _inzage(database: OpenDatabase, paths: AppPaths, args: argparse.Namespace) -> str:
    from steunpunt.domain.file_names import safe_file_name

    services = database.services
    dossier = services.inzage.caregiver_dossier(args.caregiver_id)
    folder = Path(args.folder).expanduser() if args.folder else paths.letters_dir
    folder.mkdir(parents=True, exist_ok=True)
    name = safe_file_name(
        f"Inzage {dossier.person or args.caregiver_id} {dossier.made_on:%d-%m-%Y}"
    )
    style, _version = services.letters.house_style()
    pdf, data = services.inzage.export(database.actor, folder / f"{name}.pdf", dossier, style)
    return (
        f"Klaar: de inzage-export staat in {pdf.absolute()}, met dezelfde gegevens als JSON in "
        f"{data.absolute()}.\n{personal_data_note(2)}"
    )


def _backup(database: OpenDatabase, paths: AppPaths, _args: argparse.Namespace) -> str:
    made = database.services.backups.make(database.engine, paths.backup_dir)
    return f"Reservekopie gemaakt: {made.absolute()}"


def _restore(database: OpenDatabase, paths: AppPaths, args: argparse.Namespace) -> str:
    from steunpunt.services.kernel.backup import restore

    chosen = Path(args.file).expanduser()
    recovery = _recovery_key() if args.recovery_key else ""
    saved = database.services.backups.before_restore(
        database.actor, database.engine, chosen, paths.backup_dir, recovery
    )
    database.close()
    restore(chosen, database.file, database.engine, recovery)
    kept = f"als reservekopie: {saved}" if saved else "onder een andere naam naast de database"
    return f"Reservekopie {chosen} teruggezet. De database van daarvoor is bewaard {kept}."


def _recovery_key() -> str:
    import getpass
    import os

    return os.environ.get(RECOVERY_VARIABLE) or getpass.getpass("Herstelsleutel: ")
