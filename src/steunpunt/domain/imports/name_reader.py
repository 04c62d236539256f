"""Reading a name from one cell into aanhef, voorletters, voornaam, tussenvoegsel and achternaam.

No kept library splits Dutch names: nameparser and probablepeople know English and American
names (titles, "Jr.", middle names) but not tussenvoegsels, "Achternaam, Voornaam" with the
tussenvoegsel behind, or double names such as "Jansen-de Vries"; so the rules are here.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from steunpunt.domain.choices import Salutation
from steunpunt.domain.errors import InvalidValue
from steunpunt.domain.imports.capitals import recase
from steunpunt.domain.imports.readings import Reading
from steunpunt.domain.names import normalize_infix, normalize_initials
from steunpunt.domain.text import clean, fold_name

SALUTATIONS = {
    "dhr": Salutation.MR,
    "de heer": Salutation.MR,
    "heer": Salutation.MR,
    "hr": Salutation.MR,
    "meneer": Salutation.MR,
    "mevr": Salutation.MRS,
    "mevrouw": Salutation.MRS,
    "mw": Salutation.MRS,
    "mvr": Salutation.MRS,
    "mej": Salutation.MRS,
    "mejuffrouw": Salutation.MRS,
    "fam": Salutation.NEUTRAL,
    "familie": Salutation.NEUTRAL,
}
"""Aanhef words, folded and without their dot."""
GENDERS = {"m": Salutation.MR, "man": Salutation.MR, "v": Salutation.MRS, "vrouw": Salutation.MRS}
"""A geslacht column's words: the aanhef they suggest (a guess, so shown as interpreted)."""

INFIX_WORDS = frozenset((
    "van", "de", "der", "den", "het", "ter", "ten", "te", "'t", "'s", "in", "op", "uit", "aan",
    "bij", "onder", "over", "voor", "d'", "l'", "la", "le", "du", "des", "di", "da", "del",
    "della", "dos", "das", "von", "vom", "zum", "zur", "v.d.", "vd", "v/d",
))  # fmt: skip
"""Words of a Dutch tussenvoegsel (``van``, ``van der``, ``in 't``, ``op de``, ``uit den`` …)."""
_INFIX_STARTS = INFIX_WORDS - {"in", "op", "uit", "aan", "bij", "onder", "over", "voor"}
"""Words a tussenvoegsel may be on its own; ``in``, ``op``, ``uit`` … only start a longer one."""
SURNAME_PARTICLES = frozenset({"el", "al", "ben", "bin", "abou", "abu", "ait", "ould"})
"""Particles that are part of the achternaam itself (``El Amrani``, ``Ben Ali``), not a tussenvoegsel."""

_INITIALS = re.compile(r"^(?:[^\W\d_][a-z]?\.)+(?:[^\W\d_])?$|^[^\W\d_]$")
_NICKNAME = re.compile(r"\(([^()]*)\)")
_NOT_IN_A_NAME = re.compile(r"[^\w\s.,'\-]|[\d_]")


def read_full_name(text: str) -> Reading:
    """``"Jansen-de Vries, mevr. A.B."``, ``"PIET VAN DER BERG"``, ``"van den Berg, Jan"`` into
    the form's salutation, initials, first_name, infix and last_name; raise in Dutch. What is
    between brackets is the roepnaam beside voorletters, else the cell is kept in the notes."""
    cleaned = clean(text).replace("’", "'")
    if not cleaned:
        return Reading()
    found = _NICKNAME.search(cleaned)
    nickname = found.group(1).strip() if found else ""
    name = recase(_NICKNAME.sub(" ", cleaned).strip())
    if _NOT_IN_A_NAME.search(name):
        raise InvalidValue(
            "Hier staat geen leesbare naam: een naam heeft alleen letters, punten en streepjes."
        )
    if "en" in name.lower().replace(",", " ").split():
        raise InvalidValue("In deze naam staan twee personen; zet ieder op een eigen rij.")
    if "," in name:
        surname, _, given = name.partition(",")
        parts = _sorted_name(_tokens(surname.replace(",", " ")), _tokens(given.replace(",", " ")))
    else:
        parts = _written_name(_tokens(name))
    salutation, initials, first_name, infix, last_name = parts
    if not last_name:
        raise InvalidValue("In deze naam staat geen achternaam.")
    # "J.P. (Jan) de Vries": between brackets beside voorletters is the roepnaam; anything
    # else between brackets ("(overleden)", a roepnaam beside the voornamen) stays in the notes
    is_first_name = bool(initials) and not first_name and nickname.isalpha()
    nickname = recase(nickname)
    notes = (cleaned,) if found and not is_first_name else ()
    values = {
        "salutation": salutation,
        "initials": normalize_initials(initials),
        "first_name": nickname if is_first_name else first_name,
        "infix": normalize_infix(infix),
        "last_name": last_name,
    }
    values = {key: value for key, value in values.items() if value}
    return Reading(values, interpreted=values != {"last_name": name} or bool(notes), notes=notes)


_Parts = tuple[str, str, str, str, str]
"""salutation, initials, first names, infix, last name."""


def _written_name(tokens: list[str]) -> _Parts:
    """``Mevrouw A. El Amrani``, ``J. de Jong``, ``Anna Maria Bakker``, ``de Vries``."""
    salutation, tokens = _take_salutation(tokens)
    initials, tokens = _take_initials(tokens, reserve=1)
    if initials or _infix_length(tokens, 0):
        first: list[str] = []
        rest = tokens
    else:
        split = _surname_start(tokens)
        first, rest = tokens[:split], tokens[split:]
    length = _infix_length(rest, 0)
    return (
        salutation,
        " ".join(initials),
        " ".join(first),
        " ".join(rest[:length]),
        " ".join(rest[length:]),
    )


def _sorted_name(surname: list[str], given: list[str]) -> _Parts:
    """``Jansen-de Vries, mevr. A.B.``, ``van den Berg, Jan``, ``Berg, Jan van den``."""
    salutation, given = _take_salutation(given)
    if not salutation:
        salutation, surname = _take_salutation(surname)
    initials, given = _take_initials(given, reserve=0)
    trailing = _trailing_infix(given)
    first, infix_behind = given[: len(given) - trailing], given[len(given) - trailing :]
    length = _infix_length(surname, 0)
    infix = surname[:length] + infix_behind
    return (
        salutation,
        " ".join(initials),
        " ".join(first),
        " ".join(infix),
        " ".join(surname[length:]),
    )


def _tokens(text: str) -> list[str]:
    """The words of a name, a double name joined: ``Jansen - de Vries`` -> ``Jansen-de Vries``."""
    words = re.sub(r"\s*-\s*", "-", text).split()
    joined: list[str] = []
    for word in words:
        if joined and _ends_in_infix(joined[-1]):
            joined[-1] = f"{joined[-1]} {word}"
        else:
            joined.append(word)
    return joined


def _ends_in_infix(word: str) -> bool:
    """``Jansen-de`` and ``Jansen-van de`` wait for the rest of the double name."""
    if "-" not in word:
        return False
    tail = word.rsplit("-", 1)[1]
    return not tail or all(fold_name(part) in INFIX_WORDS for part in tail.split())


def _take_salutation(tokens: list[str]) -> tuple[str, list[str]]:
    for size in (2, 1):
        words = " ".join(fold_name(token).rstrip(".") for token in tokens[:size])
        if len(tokens) >= size and words in SALUTATIONS:
            return SALUTATIONS[words].value, tokens[size:]
    return "", tokens


def _take_initials(tokens: list[str], reserve: int) -> tuple[list[str], list[str]]:
    """The voorletters at the start, leaving at least ``reserve`` words for the achternaam."""
    count = 0
    while count < len(tokens) - reserve and _is_initials(tokens[count]):
        count += 1
    return tokens[:count], tokens[count:]


def _is_initials(token: str) -> bool:
    return bool(_INITIALS.match(token)) and fold_name(token) not in INFIX_WORDS


def _infix_length(tokens: Sequence[str], start: int) -> int:
    """How many words from ``start`` are a tussenvoegsel with an achternaam after it."""
    if start >= len(tokens) or fold_name(tokens[start]) not in INFIX_WORDS:
        return 0
    end = start
    while end < len(tokens) - 1 and fold_name(tokens[end]) in INFIX_WORDS:
        end += 1
    words = [fold_name(token) for token in tokens[start:end]]
    if not words or (len(words) == 1 and words[0] not in _INFIX_STARTS):
        return 0
    return end - start


def _trailing_infix(tokens: Sequence[str]) -> int:
    """How many words at the end of the given names are the tussenvoegsel (``Jan van den``)."""
    count = 0
    while count < len(tokens) - 1 and fold_name(tokens[len(tokens) - 1 - count]) in INFIX_WORDS:
        count += 1
    return count


def _surname_start(tokens: list[str]) -> int:
    """Where the achternaam (with its tussenvoegsel) starts after the first names."""
    for index in range(1, len(tokens)):
        if _infix_length(tokens, index):
            return index
    start = max(len(tokens) - 1, 0)
    while start > 1 and fold_name(tokens[start - 1]) in SURNAME_PARTICLES:
        start -= 1
    return start


@lru_cache(maxsize=4096)
def read_salutation(text: str) -> Reading:
    """``dhr.``, ``Mevrouw``, ``M`` or ``V`` (a geslacht column) into the form's salutation."""
    key = fold_name(clean(text)).rstrip(".")
    if not key:
        return Reading()
    if key in SALUTATIONS:
        return Reading({"salutation": SALUTATIONS[key].value})
    if key in GENDERS:
        return Reading({"salutation": GENDERS[key].value}, interpreted=True)
    raise InvalidValue("Hier staat geen leesbare aanhef: schrijf dhr., mevr., M of V.")


def read_surname(text: str) -> Reading:
    """An achternaam column: ``"de Vries"`` gives its tussenvoegsel apart; capitals recased."""
    tokens = _tokens(recase(clean(text)))
    length = _infix_length(tokens, 0)
    if not length:
        return read_name_part(text, "last_name")
    return Reading(
        {
            "infix": normalize_infix(" ".join(tokens[:length])),
            "last_name": " ".join(tokens[length:]),
        },
        interpreted=True,
    )


@lru_cache(maxsize=4096)
def read_name_part(text: str, field: str) -> Reading:
    """A voornaam, tussenvoegsel, straat or woonplaats as written; capitals recased."""
    cleaned = clean(text)
    if not cleaned:
        return Reading()
    return Reading({field: recase(cleaned)})
