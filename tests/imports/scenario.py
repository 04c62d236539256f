"""A small messy file, read by hand into rows, and the register it is imported into.

The register holds Jan Pieter de Vries (tests/helpers.caregiver_form: Dorpsstraat 12 a, 3811 AB
Amersfoort, born 1 February 1960, no notes). The file's rows, by their row number:

2  Anna Bakker, Kerkstraat 5, 3811 CD, born 12-03-1956, naaste Piet Bakker (partner, 10 h),
   registered 15-01-2020                                           -> new
3  J.P. de Vries, 3811 AB 12, born 01-02-1960, a note              -> likely Jan (same address
                                                                       and birth date)
4  empty                                                           -> skipped (lege rij)
5  row 2 again, to the letter                                      -> skipped (repeat of 2)
6  Kees Smit, postcode "12345", birth date unreadable              -> refused (two reasons)
7  A. Bakker, Kerkstraat 5, 3811 CD, same phone, an e-mail         -> likely row 2
8  the total row                                                   -> skipped (totaalrij)
9  Lies Mol, naaste Kees Mol but no relation                       -> refused (relatie)

Data rows 8 = new 1 + likely existing 2 + refused 2 + skipped 3.
"""

from __future__ import annotations

from steunpunt.domain.imports.read_row import Interpretation, ReadRow, SkipReason
from steunpunt.services.caregivers.dto import CaregiverDetail
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.container import Services
from tests.helpers import add_caregiver

ANNA = {
    "first_name": "Anna",
    "last_name": "Bakker",
    "salutation": "mevrouw",
    "street": "Kerkstraat",
    "house_number": "5",
    "postcode": "3811 CD",
    "place": "Amersfoort",
    "birth_date": "12-03-1956",
    "phone": "033-1234567",
    "registered_on": "15-01-2020",
}
PIET = {"first_name": "Piet", "last_name": "Bakker"}
PARTNER = {"relation_type": "partner", "hours_per_week": "10"}


def anna_row(number: int) -> ReadRow:
    return ReadRow(
        number,
        ("Anna Bakker", "Kerkstraat 5", "3811cd", "12-3-1956", "033-1234567", "Piet Bakker"),
        ANNA,
        PIET,
        PARTNER,
        (Interpretation("postcode", "3811cd", "3811 CD"),),
    )


def file_rows() -> list[ReadRow]:
    """The rows of the file as the readers would hand them over."""
    return [
        anna_row(2),
        ReadRow(
            3,
            ("J.P. de Vries", "3811AB 12", "1-2-1960", "Komt via de huisarts"),
            {
                "initials": "J.P.",
                "infix": "de",
                "last_name": "Vries",
                "postcode": "3811 AB",
                "house_number": "12",
                "street": "Dorpsstraat",
                "place": "Amersfoort",
                "birth_date": "01-02-1960",
                "phone": "06-87654321",
                "notes": "Komt via de huisarts",
            },
        ),
        ReadRow(4, ("", "", ""), skip=SkipReason.EMPTY),
        anna_row(5),
        ReadRow(
            6,
            ("Kees Smit", "12345", "ooit"),
            {"first_name": "Kees", "last_name": "Smit", "postcode": "12345"},
            problems={"birth_date": "De datum 'ooit' is niet te lezen."},
        ),
        ReadRow(
            7,
            ("A. Bakker", "Kerkstraat 5", "3811 CD", "033-1234567", "anna@example.nl"),
            {
                "initials": "A.",
                "last_name": "Bakker",
                "street": "Kerkstraat",
                "house_number": "5",
                "postcode": "3811 CD",
                "place": "Amersfoort",
                "phone": "033-1234567",
                "email": "anna@example.nl",
            },
            PIET,
            PARTNER,
        ),
        ReadRow(8, ("Totaal", "", "7"), skip=SkipReason.TOTAL),
        ReadRow(
            9,
            ("Lies Mol", "Kees Mol"),
            {"first_name": "Lies", "last_name": "Mol"},
            {"first_name": "Kees", "last_name": "Mol"},
        ),
    ]


def register_with_jan(services: Services, actor: Actor) -> CaregiverDetail:
    """The register before the import: Jan Pieter de Vries, without notes."""
    return add_caregiver(services, actor, notes="")
