"""Reading phone numbers, e-mail addresses and IBANs from cells, with what else a cell says kept."""

from __future__ import annotations

import re

from steunpunt.domain.email import normalize_email
from steunpunt.domain.errors import InvalidValue
from steunpunt.domain.iban import normalize_iban
from steunpunt.domain.imports.cells import Cell, cell_text, is_number
from steunpunt.domain.imports.readings import Reading
from steunpunt.domain.phone import normalize_phone

_ONLY_A_NUMBER = re.compile(r"^[\d\s\-+().]+$", re.ASCII)
_CANDIDATE = re.compile(r"(?<![\d+])(?:\+31|0)[\d\s\-]{8,13}\d(?!\d)", re.ASCII)
"""A Dutch number as people write it, from 0 or +31 (``06-12345678``, ``033 - 123 45 67``)."""
_ONE_NUMBER = 13
"""The most digits one phone number has (``+31 (0)6 1234 5678``); more may be two numbers."""
_PHONE_MESSAGE = "Hier staat geen leesbaar telefoonnummer, zoals 06 12345678 of 033 123 4567."
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
            return Reading({"phone": normalize_phone(text)})
        except InvalidValue as error:
            if sum(ch.isdigit() for ch in text) <= _ONE_NUMBER:
                raise InvalidValue(_PHONE_MESSAGE) from error  # not two numbers side by side
    found = _numbers_in(text, _CANDIDATE) or _numbers_in(text, None)
    if found is None:
        raise InvalidValue(_PHONE_MESSAGE)
    numbers, leftover = found
    said_more = len(numbers) > 1 or bool(leftover.strip(_LEFTOVER))
    return Reading({"phone": numbers[0]}, interpreted=True, notes=(text,) if said_more else ())


def _number_from_digits(digits: str) -> str:
    """A phone number Excel stored as a number: ``612345678`` -> ``06 12345678``."""
    if len(digits) == 9:
        digits = "0" + digits
    elif digits.startswith("31") and len(digits) == 11:
        digits = "+" + digits
    return normalize_phone(digits)


def _numbers_in(text: str, pattern: re.Pattern[str] | None) -> tuple[list[str], str] | None:
    """Every phone number in ``text`` (written the Dutch way) and the text around them, found by
    ``pattern`` or else by phonenumbers' matcher (slower: 0.3 ms a cell); None when one is not valid."""
    # Imported when first needed: start-up does not wait for it.
    import phonenumbers

    found = (
        [(match.start(), match.end(), match.group()) for match in pattern.finditer(text)]
        if pattern
        else [
            (match.start, match.end, match.raw_string)
            for match in phonenumbers.PhoneNumberMatcher(text, "NL")
        ]
    )
    numbers: list[str] = []
    leftover: list[str] = []
    position = 0
    for start, end, raw in found:
        try:
            numbers.append(normalize_phone(raw))
        except InvalidValue:
            return None
        leftover.append(text[position:start])
        position = end
    leftover.append(text[position:])
    return (numbers, " ".join(leftover)) if numbers else None


def read_email(cell: Cell) -> Reading:
    """``Jan.Jansen @ Hotmail.com``, ``mailto:…``, ``Jan <jan@x.nl>``; a second address or a
    remark keeps the whole cell in the notes."""
    text = cell_text(cell)
    if not text:
        return Reading()
    joined = _SPACED_MAIL.sub(r"\1", text.removeprefix("mailto:"))
    found = _MAIL.findall(joined)
    if not found:
        raise InvalidValue("Hier staat geen leesbaar e-mailadres, zoals naam@voorbeeld.nl.")
    address = normalize_email(found[0].lower())
    leftover = _MAIL.sub(" ", joined).replace("<", " ").replace(">", " ")
    said_more = len(found) > 1 or bool(leftover.strip(_LEFTOVER))
    return Reading({"email": address}, interpreted=said_more, notes=(text,) if said_more else ())


_OLD_ACCOUNT = re.compile(r"^(?:P\s?)?\d{1,10}$", re.IGNORECASE)


def read_iban(cell: Cell) -> Reading:
    """``nl91 abna 0417 1643 00`` as ``NL91ABNA0417164300``; an old account number is refused."""
    text = cell_text(cell)
    if not text:
        return Reading()
    if _OLD_ACCOUNT.match(text.replace(".", "").replace(" ", "")):
        raise InvalidValue(
            "Dit is een oud rekeningnummer zonder IBAN; vraag het IBAN na of zoek het op."
        )
    return Reading({"iban": normalize_iban(text)})
