"""Reading the relation between a caregiver and the naaste from a word such as ``moeder`` or ``buurvrouw``."""

from __future__ import annotations

import re
from functools import lru_cache

from steunpunt.domain.choices import RelationType
from steunpunt.domain.imports.cells import Cell, cell_text
from steunpunt.domain.imports.readings import Reading
from steunpunt.domain.text import fold

_WORDS_FOR = {
    RelationType.PARTNER: "partner echtgenoot echtgenote man vrouw levenspartner wederhelft "
    "husband wife gehuwd samenwonend",
    RelationType.PARENT: "moeder vader ouder ouders mama papa ma pa mother father",
    RelationType.CHILD: "zoon dochter kind kinderen son daughter child",
    RelationType.PARENT_IN_LAW: "schoonmoeder schoonvader schoonouder schoonouders",
    RelationType.SIBLING: "zus zuster broer broer/zus zus/broer sister brother",
    RelationType.GRANDPARENT: "oma opa grootmoeder grootvader grootouder grootouders",
    RelationType.OTHER_FAMILY: "tante oom neef nicht kleinzoon kleindochter kleinkind schoonzus "
    "schoonbroer zwager schoonzoon schoondochter familie familielid",
    RelationType.NEIGHBOUR: "buurman buurvrouw buur buren neighbour",
    RelationType.FRIEND: "vriend vriendin kennis friend",
    RelationType.OTHER: "anders overig overige",
}
RELATION_WORDS = {
    word: relation for relation, words in _WORDS_FOR.items() for word in words.split()
}
"""Words for a relation (folded), the register's own codes and labels among them."""
RELATION_WORDS.update({fold(choice.value).replace("_", " "): choice for choice in RelationType})
RELATION_WORDS.update({fold(choice.label): choice for choice in RelationType})

_FILLER = frozenset({"mijn", "zijn", "haar", "de", "het", "een", "is"})
_WORDS = re.compile(r"[^\W\d_]+(?:/[^\W\d_]+)?")


@lru_cache(maxsize=4096)
def read_relation(cell: Cell) -> Reading:
    """``moeder`` -> ``ouder``, ``stiefvader`` -> ``ouder``; an unknown word is ``anders``, shown as
    interpreted with the word kept in the notes."""
    text = cell_text(cell)
    if not text:
        return Reading()
    words = [word for word in _WORDS.findall(fold(text)) if word not in _FILLER]
    phrase = " ".join(words)
    known = RELATION_WORDS.get(phrase) or RELATION_WORDS.get(phrase.removeprefix("stief"))
    if known is not None:
        return Reading({"relation_type": known.value})
    first = words[0].removeprefix("stief") if words else ""
    if first in RELATION_WORDS:
        return Reading(
            {"relation_type": RELATION_WORDS[first].value}, interpreted=True, notes=(text,)
        )
    return Reading({"relation_type": RelationType.OTHER.value}, interpreted=True, notes=(text,))
