"""Where a file the program wrote went, in Dutch: its folder, its name, and that it is plain."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import PurePath

PERSONAL_DATA_NOTE = (
    "Dit bestand bevat persoonsgegevens en is niet versleuteld: bewaar het alleen op een "
    "plek waar dat mag, en verwijder het als u het niet meer nodig hebt."
)
PERSONAL_DATA_NOTE_MANY = (
    "Deze bestanden bevatten persoonsgegevens en zijn niet versleuteld: bewaar ze alleen op "
    "een plek waar dat mag, en verwijder ze als u ze niet meer nodig hebt."
)


def personal_data_note(count: int) -> str:
    """The warning that ``count`` written files hold personal data and are not encrypted."""
    return PERSONAL_DATA_NOTE if count == 1 else PERSONAL_DATA_NOTE_MANY


def where_saved(files: Sequence[PurePath], personal: bool = True) -> str:
    """The folder of the first of ``files`` (full paths) and their names, one per line; a file
    in another folder (a subfolder of per-person letters) by its full path. With ``personal``,
    the warning that they hold personal data and are not encrypted. A file named twice is
    named once."""
    files = list(dict.fromkeys(files))
    folder = files[0].parent
    names = [file.name if file.parent == folder else str(file) for file in files]
    lines = [
        f"Map: {folder}",
        ("Bestand: " if len(files) == 1 else "Bestanden: ") + ", ".join(names),
    ]
    if personal:
        lines.append(personal_data_note(len(files)))
    return "\n".join(lines)
