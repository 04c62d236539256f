"""Dutch personal names: voornaam, tussenvoegsel, achternaam and initialen."""

from __future__ import annotations

import re
from dataclasses import dataclass

from steunpunt.domain.text import clean, fold


@dataclass(frozen=True)
class PersonName:
    """A name as Dutch registers keep it, with the parts apart."""

    first_name: str = ""
    infix: str = ""
    last_name: str = ""
    initials: str = ""

    @property
    def surname(self) -> str:
        """``"de Vries"``: tussenvoegsel and achternaam."""
        return " ".join(part for part in (self.infix, self.last_name) if part)

    @property
    def full(self) -> str:
        """``"Jan de Vries"``."""
        return " ".join(part for part in (self.first_name, self.surname) if part)

    @property
    def formal(self) -> str:
        """``"J.P. de Vries"``, as in an address block."""
        initials = self.initials or derive_initials(self.first_name)
        return " ".join(part for part in (initials, self.surname) if part)

    @property
    def sorted_form(self) -> str:
        """``"Vries, Jan de"``: Dutch lists sort on the achternaam without tussenvoegsel; with
        only the voorletters known, ``"Berg, J. van der"``."""
        given = " ".join(part for part in (self.first_name or self.initials, self.infix) if part)
        return f"{self.last_name}, {given}" if given else self.last_name

    @property
    def sort_key(self) -> str:
        """Folded ``"vries jan"``, for a database index."""
        return fold(f"{self.last_name} {self.first_name}")


def derive_initials(first_names: str) -> str:
    """``"Jan Pieter"`` -> ``"J.P."``."""
    return "".join(f"{part[0].upper()}." for part in first_names.split() if part)


def normalize_initials(value: str) -> str:
    """``"jp"``, ``"JP"``, ``"J. P."`` or ``"J.P"`` -> ``"J.P."``; keeps ``"Th."`` as written."""
    text = clean(value)
    if not text:
        return ""
    parts = [p for p in re.split(r"[.\s]+", text) if p]
    if (
        len(parts) == 1
        and len(parts[0]) > 1
        and parts[0].isalpha()
        and (parts[0].islower() or parts[0].isupper())
    ):
        parts = list(parts[0])
    return "".join(f"{p[0].upper()}{p[1:]}." for p in parts)


def normalize_name_part(value: str) -> str:
    """Collapse white space and start a name with a capital (``"jan"`` -> ``"Jan"``)."""
    text = clean(value)
    return text[:1].upper() + text[1:] if text else ""


def normalize_infix(value: str) -> str:
    """A tussenvoegsel is written in lower case: ``"Van Der"`` -> ``"van der"``."""
    return clean(value).lower()


def full_name(first_name: str, infix: str, last_name: str) -> str:
    """``"Jan de Vries"``, as :attr:`PersonName.full` writes it, for lists of thousands."""
    return " ".join(part for part in (first_name, infix, last_name) if part)
