"""Reading the hours of care per week from a cell: ``10,5``, ``ca. 10``, ``8-10``, ``20 p/w``."""

from __future__ import annotations

import re
from functools import lru_cache

from steunpunt.domain.errors import InvalidValue
from steunpunt.domain.imports.cells import Cell, cell_text, is_number
from steunpunt.domain.imports.readings import Reading
from steunpunt.domain.text import fold

_ABOUT = re.compile(r"^(?:ca\.?|circa|ongeveer|plm\.?|pl\.m\.|rond|zo'n|\+/-|\+-|±|~)\s*")
"""Words for "about": the number is read, and shown as interpreted."""
_PER_WEEK = re.compile(
    r"\s*(?:uur|uren|u)?\.?\s*(?:per week|p\.?\s?/?\s?w\.?|/\s?w(?:ee)?k?|in de week|a week)?$"
)
_NUMBER = r"(\d{1,4}(?:[.,]\d{1,2})?)"
_HOURS = re.compile(rf"^{_NUMBER}(?:\s*(?:-|–|à|á|a|tot|of)\s*{_NUMBER})?$")
_OTHER_PERIOD = re.compile(
    r"(?:\bper|\bp\.?\s?/?|/|\bin de|\ba)\s*(?:dag|d|maand|mnd|m|jaar|j)\.?$"
)


@lru_cache(maxsize=4096)
def read_hours(cell: Cell) -> Reading:
    """The hours per week as the form's text (``10,5``): about (``ca.``, ``+/-``) and a range
    (``8-10`` is 9, its middle) are read and shown as interpreted."""
    if is_number(cell):
        return Reading({"hours_per_week": cell_text(cell)})
    text = cell_text(cell)
    if not text:
        return Reading()
    folded = fold(text)
    if _OTHER_PERIOD.search(folded):
        raise InvalidValue(
            "Uren per dag, maand of jaar rekent de import niet om; vul de uren per week in."
        )
    about = _ABOUT.match(folded)
    bare = _PER_WEEK.sub("", folded[about.end() if about else 0 :]).strip()
    match = _HOURS.match(bare)
    if match is None:
        raise InvalidValue(
            "Hier staan geen leesbare uren per week; schrijf een getal, zoals 10 of 7,5."
        )
    low = float(match.group(1).replace(",", "."))
    high = float(match.group(2).replace(",", ".")) if match.group(2) else low
    hours = (low + high) / 2
    shown = f"{hours:g}".replace(".", ",")
    return Reading({"hours_per_week": shown}, interpreted=bool(about) or low != high)
