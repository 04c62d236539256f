"""What erasure keeps and removes: the rules of anonymising a person."""

from __future__ import annotations

from datetime import date


def birth_year_only(birth_date: date | None) -> date | None:
    """The birth date kept after erasure: 1 January of the birth year.

    The verantwoording counts ages on 31 December, which depend on the birth year alone, so
    every past year's age brackets stay the same.
    """
    return None if birth_date is None else date(birth_date.year, 1, 1)


def erasure_refusal(open_applications: int, unpaid: int) -> str | None:
    """Why a person cannot be anonymised yet, in Dutch; None when they can."""
    reasons = []
    if open_applications:
        reasons.append(
            "er is een complimentaanvraag die nog niet is afgehandeld"
            if open_applications == 1
            else f"er zijn {open_applications} complimentaanvragen die nog niet zijn afgehandeld"
        )
    if unpaid:
        reasons.append("er staat een betaling open die nog niet is bevestigd")
    if not reasons:
        return None
    return (
        "De gegevens kunnen nog niet worden verwijderd: "
        + " en ".join(reasons)
        + ". Handel dit eerst af."
    )
