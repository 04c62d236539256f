"""Reading phone numbers, e-mail addresses and IBANs from cells, with what else a cell says kept."""

from __future__ import annotations

import re

from steunpunt.domain.email import normalize_email
from steunpunt.domain.errors import InvalidValue
from steunpunt.domain.iban import format_iban, normalize_iban
from steunpunt.domain.imports.cells import Cell, cell_text, is_number
from steunpunt.domain.imports.readings import Reading
from steunpunt.domain.phone import normalize_phone

_ONLY_A_NUMBER = re.compile(r"^[\d\s\-+().]+$", re.ASCII)
_PHONE_MESSAGE = "Lees hier geen telefoonnummer in, zoals 06 12345678 of 033 123 4567."
_LEFTOVER = " ,;/|-–:"
"""What may stand between numbers or addresses in one cell without saying anything."""
_SPACED_MAIL = re.compile(r"\s*([@.])\s*")
_MAIL = re.compile(r"[\w.+'\-]+@[\w\-]+(?:\.[\w\-]+)+")


def read_phone(cell: Cell) -> Reading:
    """``06-12345678``; ``612345678.0`` (Excel dropped the 0); ``06-12345678 (dochter)`` and two
    numbers in one cell give the first number, the whole cell kept in the notes."""
    if is_number(cell):
        return Reading({"phone": _number_from_digits(cell_text(cell))}, interpreted=True)
    text = cell_text(cell)
    if not text:
        return Reading()
    if _ONLY_A_NUMBER.match(text):
        try:
            return Reading({"phone": dutch_phone(text)})
        except InvalidValue:
            pass  # perhaps two numbers side by side
    numbers, leftover = _numbers_in(text)
    if not numbers:
        raise InvalidValue(_PHONE_MESSAGE)
    said_more = len(numbers) > 1 or bool(leftover.strip(_LEFTOVER))
    return Reading({"phone": numbers[0]}, interpreted=True, notes=(text,) if said_more else ())


def _number_from_digits(digits: str) -> str:
    """A phone number Excel stored as a number: ``612345678`` -> ``06 12345678``."""
    if len(digits) == 9:
        digits = "0" + digits
    elif digits.startswith("31") and len(digits) == 11:
        digits = "+" + digits
    return dutch_phone(digits)


def _numbers_in(text: str) -> tuple[list[str], str]:
    """Every phone number found in ``text`` (written the Dutch way) and the text around them."""
    # Imported when first needed: start-up does not wait for it.
    import phonenumbers

    numbers: list[str] = []
    leftover: list[str] = []
    position = 0
    for match in phonenumbers.PhoneNumberMatcher(text, "NL"):
        numbers.append(dutch_phone(match.raw_string))
        leftover.append(text[position : match.start])
        position = match.end
    leftover.append(text[position:])
    return numbers, " ".join(leftover)


_SHAPES: dict[tuple[str, int], tuple[int, ...] | None] = {}
"""Per number start and length: the group sizes phonenumbers writes it in, None when invalid."""
_SHAPE_START = 5
"""Dutch numbering decides validity and grouping on the first digits and the length: the first
five and the length are more than any pattern of phonenumbers' Dutch metadata looks at."""


def dutch_phone(text: str) -> str:
    """:func:`normalize_phone`, remembered per shape for Dutch numbers written from 0.

    phonenumbers takes about 0.1 ms a number: a file of 20,000 would spend two seconds on it.
    Numbers that start alike and are as long are grouped alike, so each shape is asked once.
    """
    digits = "".join(ch for ch in text if ch.isdigit())
    if not (text.lstrip().startswith("0") and not digits.startswith("00") and len(digits) == 10):
        return normalize_phone(text)
    key = (digits[:_SHAPE_START], len(digits))
    if key not in _SHAPES:
        try:
            _SHAPES[key] = tuple(len(group) for group in normalize_phone(digits).split())
        except InvalidValue:
            _SHAPES[key] = None
    groups = _SHAPES[key]
    if groups is None or sum(groups) != len(digits):
        return normalize_phone(text)
    parts, start = [], 0
    for size in groups:
        parts.append(digits[start : start + size])
        start += size
    return " ".join(parts)


def read_email(cell: Cell) -> Reading:
    """``Jan.Jansen @ Hotmail.com``, ``mailto:…``, ``Jan <jan@x.nl>``; a second address or a
    remark keeps the whole cell in the notes."""
    text = cell_text(cell)
    if not text:
        return Reading()
    joined = _SPACED_MAIL.sub(r"\1", text.removeprefix("mailto:"))
    found = _MAIL.findall(joined)
    if not found:
        raise InvalidValue("Lees hier geen e-mailadres in, zoals naam@voorbeeld.nl.")
    address = normalize_email(found[0].lower())
    leftover = _MAIL.sub(" ", joined).replace("<", " ").replace(">", " ")
    said_more = len(found) > 1 or bool(leftover.strip(_LEFTOVER))
    return Reading({"email": address}, interpreted=said_more, notes=(text,) if said_more else ())


_OLD_ACCOUNT = re.compile(r"^(?:P\s?)?\d{1,10}$", re.IGNORECASE)


def read_iban(cell: Cell) -> Reading:
    """``nl91 abna 0417 1643 00`` as ``NL91 ABNA 0417 1643 00``; an old account number is refused."""
    text = cell_text(cell)
    if not text:
        return Reading()
    if _OLD_ACCOUNT.match(text.replace(".", "").replace(" ", "")):
        raise InvalidValue(
            "Dit is een oud rekeningnummer zonder IBAN; vraag het IBAN na of zoek het op."
        )
    return Reading({"iban": format_iban(normalize_iban(text))})
