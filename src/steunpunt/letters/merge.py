"""Letter templates: merge fields such as ``{voornaam}`` and simple markup staff can write.

Markup: an empty line starts a new paragraph, a line starting with ``- `` is a list item,
``**vet**`` is bold and ``*schuin*`` italic. A paragraph of only ``---`` starts the reply slip
(antwoordstrook), printed under the signature; there every line stays a line, as on a form.
Values are inserted after the markup is read, so a name with a ``*`` or ``<`` in it is printed
as it is.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from string import Formatter
from xml.sax.saxutils import escape

from steunpunt.domain.errors import InvalidValue

_BOLD = re.compile(r"\*\*(.+?)\*\*")
_ITALIC = re.compile(r"\*(.+?)\*")
_TAG = re.compile(r"<(/?)([bi])>")
_FIELD_NAME = re.compile(r"^[a-z_][a-z0-9_]*$")
CUT = "---"
"""A paragraph of only this starts the reply slip."""


@dataclass(frozen=True)
class Block:
    """One paragraph or one list, as ReportLab paragraph markup with its fields filled in."""

    kind: str  # "paragraph", "list", or "cut" (the reply slip starts here)
    parts: tuple[str, ...]


def fields_in(template: str) -> list[str]:
    """The merge fields a template uses, in order; raise in Dutch for a malformed brace."""
    try:
        parsed = list(Formatter().parse(template))
    except ValueError as error:
        raise InvalidValue(
            "De tekst bevat een losse { of }. Schrijf een veld als {voornaam}."
        ) from error
    names = []
    for _literal, name, spec, conversion in parsed:
        if name is None:
            continue
        if not _FIELD_NAME.match(name) or spec or conversion:
            raise InvalidValue(
                f"'{{{name}}}' is geen geldig veld. Schrijf een veld als {{voornaam}}."
            )
        names.append(name)
    return names


def check_template(template: str, available: Iterable[str]) -> None:
    """Refuse a template that uses a field this letter kind does not have, naming the field."""
    known = set(available)
    unknown = [name for name in fields_in(template) if name not in known]
    if unknown:
        raise InvalidValue(
            f"Het veld {{{unknown[0]}}} bestaat niet voor deze brief. "
            "Kies een veld uit de lijst met beschikbare velden."
        )


@dataclass(frozen=True)
class CompiledTemplate:
    """A checked template with its markup already read; only the fields remain to fill."""

    blocks: tuple[Block, ...]

    def fill(self, values: Mapping[str, str]) -> list[Block]:
        """The blocks with every field filled in (values are escaped, never read as markup)."""
        safe = {name: escape(value) for name, value in values.items()}
        return [
            Block(block.kind, tuple(part.format_map(safe) for part in block.parts))
            for block in self.blocks
        ]


def compile_template(template: str, available: Iterable[str]) -> CompiledTemplate:
    """Check the fields and read the markup once, for many letters."""
    check_template(template, available)
    blocks: list[Block] = []
    in_slip = False
    for chunk in re.split(r"\n\s*\n", template.strip()):
        lines = [line.strip() for line in chunk.splitlines() if line.strip()]
        items = [line[2:] for line in lines if line.startswith("- ")]
        if lines == [CUT] and not in_slip:
            blocks.append(Block("cut", ()))
            in_slip = True
        elif items and len(items) == len(lines):
            blocks.append(Block("list", tuple(_markup(item) for item in items)))
        elif lines:
            joiner = "<br/>" if in_slip else " "
            blocks.append(Block("paragraph", (joiner.join(map(_markup, lines)),)))
    return CompiledTemplate(tuple(blocks))


def _markup(text: str) -> str:
    """``**vet**`` and ``*schuin*`` as paragraph tags; markers that cross are refused in Dutch."""
    marked = _ITALIC.sub(r"<i>\1</i>", _BOLD.sub(r"<b>\1</b>", escape(text)))
    open_tags: list[str] = []
    for tag in _TAG.finditer(marked):
        closing, name = tag.group(1), tag.group(2)
        if not closing:
            open_tags.append(name)
        elif not open_tags or open_tags.pop() != name:
            shown = text if len(text) <= 60 else text[:57] + "..."
            raise InvalidValue(
                f'Vet en schuin lopen door elkaar in: "{shown}". Zet ze apart, '
                "bijvoorbeeld **vet** en *schuin*."
            )
    return marked
