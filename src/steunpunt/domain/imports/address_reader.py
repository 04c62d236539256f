"""Reading addresses from cells: street with huisnummer and toevoeging, postcode with woonplaats."""

from __future__ import annotations

import re
from functools import lru_cache

from steunpunt.domain.address import normalize_suffix, parse_house_number
from steunpunt.domain.errors import InvalidValue
from steunpunt.domain.imports.capitals import recase
from steunpunt.domain.imports.cells import Cell, cell_text
from steunpunt.domain.imports.readings import Reading
from steunpunt.domain.postcode import normalize_postcode
from steunpunt.domain.text import clean

_NUMBER = re.compile(r"(?<![\d\-/])(\d{1,5})(?!\d)", re.ASCII)
"""A house number: digits not glued to a digit, a dash or a slash before them (``1940-1945``)."""
_NUMBER_MARK = re.compile(r"\s*\b(?:nr|no|nummer)\.?\s*$", re.IGNORECASE)
"""``Laan 1940-1945 nr 7``: the word before the house number is not part of the street."""
_POSTCODE = re.compile(r"(?<![\d\-])(\d{4})\s?([A-Za-z]{2})(?![A-Za-z])")
_POSTCODE_AT_END = re.compile(_POSTCODE.pattern + r"[^\d]*$")
"""A postcode with only a place behind it: the end of an address written on one line."""
_SUFFIX_SEPARATORS = " -/"
_REMARK = re.compile(r"\([^()]*\)")
_NUMBER_AND_SUFFIX = re.compile(r"^(\d{1,5})\s*[-/]?\s*(\S.*)?$", re.ASCII)


def read_address(text: str) -> Reading:
    """``"Dorpsstraat 12 a"``, ``"Kerkplein 3-II"``, ``"Laan 1940-1945 nr 7"`` into street,
    house_number and house_number_suffix; ``"…, 3762 AB Soest"`` behind it gives those too, and a
    remark between brackets (``(achterom)``) keeps the whole cell in the notes."""
    written = clean(text)
    cleaned = clean(_REMARK.sub(" ", written))
    if not cleaned:
        return Reading()
    place = Reading()
    found = _POSTCODE_AT_END.search(cleaned)
    if found and found.start() > 0:
        place = read_postcode_place(cleaned[found.start() :])
        cleaned = cleaned[: found.start()].rstrip(" ,")
    street, number, suffix = _split_street(cleaned)
    values = {
        "street": street,
        "house_number": number,
        "house_number_suffix": suffix,
        **place.values,
    }
    notes = (written,) if cleaned != written else ()
    return Reading(
        {key: value for key, value in values.items() if value}, interpreted=True, notes=notes
    )


def _split_street(text: str) -> tuple[str, str, str]:
    """(street, house number, toevoeging): the last number with only a toevoeging behind it."""
    problem: InvalidValue | None = None
    for match in reversed(list(_NUMBER.finditer(text))):
        street = _NUMBER_MARK.sub("", text[: match.start()]).rstrip(" ,")
        if not any(ch.isalpha() for ch in street):
            continue
        try:
            suffix = normalize_suffix(text[match.end() :].strip(_SUFFIX_SEPARATORS))
            return recase(street), str(parse_house_number(match.group(1))), suffix
        except InvalidValue as error:
            problem = problem or error
    raise problem or InvalidValue(
        "Hier staat geen leesbare straat met huisnummer, zoals Dorpsstraat 12 A. "
        "Staat het huisnummer er niet bij, koppel de kolom dan aan Straat."
    )


def read_house_number(cell: Cell) -> Reading:
    """A huisnummer column: ``12``, ``12a``, ``12 A`` or ``3-II`` into number and toevoeging."""
    text = cell_text(cell)
    if not text:
        return Reading()
    match = _NUMBER_AND_SUFFIX.match(text)
    if match is None:
        raise InvalidValue("Vul bij huisnummer een nummer in, zoals 12 of 12 A.")
    number = str(parse_house_number(match.group(1)))
    if not match.group(2):
        return Reading({"house_number": number})
    suffix = normalize_suffix(match.group(2))
    return Reading({"house_number": number, "house_number_suffix": suffix}, interpreted=True)


@lru_cache(maxsize=4096)
def read_postcode(cell: Cell) -> Reading:
    """``3762ab`` or `` 3762 AB `` as ``3762 AB``."""
    text = cell_text(cell)
    return Reading({"postcode": normalize_postcode(text)}) if text else Reading()


@lru_cache(maxsize=4096)
def read_postcode_place(text: str) -> Reading:
    """``"3762 AB Soest"`` or ``"3762ab  SOEST"`` into postcode and place."""
    cleaned = clean(text)
    if not cleaned:
        return Reading()
    found = _POSTCODE.search(cleaned)
    if found is None:
        raise InvalidValue("Hier staan geen leesbare postcode en woonplaats, zoals 3762 AB Soest.")
    place = (cleaned[: found.start()] + " " + cleaned[found.end() :]).strip(" ,")
    values = {"postcode": normalize_postcode(found.group())}
    if place:
        values["place"] = recase(" ".join(place.split()))
    return Reading(values, interpreted=True)


@lru_cache(maxsize=4096)
def read_place(text: str) -> Reading:
    """A woonplaats as written; ``SOEST`` as ``Soest``."""
    cleaned = clean(text)
    return Reading({"place": recase(cleaned)}) if cleaned else Reading()
