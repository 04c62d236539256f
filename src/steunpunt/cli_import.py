"""``steunpunt import``: a register from Excel or CSV, as a dry run with its report unless
``--uitvoeren`` is given."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from steunpunt.cli_sign_in import add_user_argument, open_signed_in
from steunpunt.domain.errors import InvalidValue
from steunpunt.domain.saved_files import PERSONAL_DATA_NOTE
from steunpunt.paths import AppPaths

if TYPE_CHECKING:
    from steunpunt.services.imports.files import ImportFile

Say = Callable[[str], None]


def add_import_parser(commands: Any) -> None:
    """Register the ``import`` command on the CLI's sub-parsers."""
    command = commands.add_parser(
        "import",
        help="lees mantelzorgers in uit Excel of CSV (eerst een proef: er wordt niets opgeslagen)",
    )
    command.add_argument("file", metavar="BESTAND", help="het bestand: .xlsx, .csv of .txt")
    command.add_argument(
        "--blad", metavar="NAAM", help="het werkblad (standaard: het eerste zichtbare)"
    )
    command.add_argument(
        "--koppeling",
        metavar="NAAM",
        help="een bewaarde koppeling van kolommen (standaard: geraden uit de kopjes)",
    )
    command.add_argument(
        "--rapport", metavar="RAPPORT.xlsx", help="schrijf het rapport per rij naar dit bestand"
    )
    command.add_argument(
        "--uitvoeren",
        action="store_true",
        help="importeer echt; rijen die waarschijnlijk al bestaan worden samengevoegd",
    )
    command.add_argument("--data-dir", dest="sub_data_dir", help=argparse.SUPPRESS)
    add_user_argument(command)


def run_import(paths: AppPaths, args: argparse.Namespace, say: Say) -> int:
    """Read, plan, report and (with ``--uitvoeren``) import; a known problem is raised."""
    from steunpunt.domain.imports.cells import cell_text
    from steunpunt.domain.imports.columns import (
        SavedMapping,
        apply_saved,
        find_header_row,
        guess_mapping,
    )

    database = open_signed_in(paths, args.user)
    try:
        imports = database.services.imports
        file = imports.open_file(Path(args.file).expanduser(), sheet=args.blad)
        header = find_header_row(file.rows)
        headers = file.rows[header]
        if args.koppeling:
            saved = {view.name.casefold(): view for view in imports.mappings()}
            chosen = saved.get(args.koppeling.casefold())
            if chosen is None:
                names = ", ".join(repr(view.name) for view in saved.values()) or "(geen)"
                raise InvalidValue(f"Onbekende koppeling. Kies uit: {names}.")
            mapping = apply_saved(headers, SavedMapping.from_json(chosen.mapping_json))
        else:
            mapping = guess_mapping(headers)
        if not mapping:
            raise InvalidValue(
                f"In {file.name} zijn geen bekende kolomkoppen gevonden (zoals Naam, Adres, "
                "Postcode). Koppel de kolommen in het venster: Bestand › Importeren."
            )
        say(f"{file.name} ({read_as(file)}): kopregel op rij {header + 1}.")
        for index, chosen_field in sorted(mapping.items()):
            say(f"  {cell_text(headers[index]) or f'Kolom {index + 1}'} → {chosen_field.label}")
        plan = imports.plan_file(file, header, mapping)
        say(plan.counts.summary)
        if args.rapport:
            target = imports.write_report(
                database.actor,
                Path(args.rapport).expanduser(),
                plan,
                [cell_text(cell) for cell in headers],
            )
            say(f"Het rapport staat in {target.absolute()}.\n{PERSONAL_DATA_NOTE}")
        if not args.uitvoeren:
            say("Dit was een proef: er is niets opgeslagen. Importeer met --uitvoeren.")
            return 0
        result = imports.run(database.actor, plan, file.name, file.sheet, {})
    finally:
        database.close()
    say(f"Geïmporteerd: {result.summary}")
    say("Ongedaan maken kan in het venster: Bestand › Import ongedaan maken.")
    return 0


def read_as(file: ImportFile) -> str:
    """``werkblad Blad1``, or ``UTF-8, puntkomma (;)`` for a text file."""
    if file.sheet:
        return f"werkblad {file.sheet}"
    return ", ".join(chosen.label for chosen in (file.encoding, file.delimiter) if chosen)
