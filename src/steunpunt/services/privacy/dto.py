"""What the privacy use cases hand back: erasure plans and results, the retention list."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class ErasurePlan:
    """What "Gegevens verwijderen" will do for one caregiver, shown before it is done."""

    caregiver_id: int
    name: str
    refusal: str | None
    """Why it cannot be done now (an open application or payment); None when it can."""
    naasten_erased: tuple[str, ...]
    naasten_kept: tuple[str, ...]
    """Naasten shared with another caregiver, who keeps their data."""

    def description(self) -> str:
        """The confirmation text in Dutch: what goes and what stays."""
        lines = [
            f"Van {self.name or 'deze mantelzorger'} worden naam, adres, telefoon, e-mail, IBAN, "
            "notities en alle vrije tekst (contactmomenten, metingen, doorverwijzingen, "
            "huishoudelijke hulp, complimentaanvragen en brieven) verwijderd.",
            "De registratie zelf blijft staan zonder naam (met gemeente, geboortejaar en data), "
            "zodat de tellingen van de verantwoording gelijk blijven.",
        ]
        if self.naasten_erased:
            lines.append("Ook van deze naasten: " + ", ".join(self.naasten_erased) + ".")
        if self.naasten_kept:
            lines.append(
                "Blijven staan (ook naaste van een andere mantelzorger): "
                + ", ".join(self.naasten_kept)
                + "."
            )
        lines.append("Dit kan niet ongedaan worden gemaakt.")
        return "\n\n".join(lines)


@dataclass(frozen=True)
class ErasureResult:
    """How many people were anonymised, and who could not be (with why)."""

    caregivers: int
    naasten: int
    refused: tuple[tuple[int, str], ...] = ()


@dataclass(frozen=True)
class RetentionRow:
    """One person past the retention period, and why."""

    caregiver_id: int
    name: str
    reason: str
    since: date
    """The end date, last contact or registration the period ran from."""
