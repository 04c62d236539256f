"""Which caregivers a mailing goes to: a filter staff can name, save and use again."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from steunpunt.domain.age import AgeBracket
from steunpunt.domain.choices import LetterKind
from steunpunt.domain.dates import format_date
from steunpunt.domain.errors import InvalidValue


@dataclass(frozen=True)
class RecipientFilter:
    """Active caregivers narrowed by age bracket, woonplaats, gemeente and registration date.

    Empty tuples mean "no limit". Ended registrations, the no-mail flag and incomplete
    addresses are never filters: those people are always left out, with the reason shown.
    """

    brackets: tuple[AgeBracket, ...] = ()
    places: tuple[str, ...] = ()
    municipalities: tuple[str, ...] = ()
    registered_from: date | None = None
    registered_until: date | None = None
    not_yet_sent: LetterKind | None = None
    """Only those who never got a letter of this kind (e.g. the welcome letter)."""
    compliment_year: int | None = None
    """Only those granted a mantelzorgcompliment in this year (in any gemeente's round)."""

    def check(self) -> RecipientFilter:
        if (
            self.registered_from
            and self.registered_until
            and self.registered_from > self.registered_until
        ):
            raise InvalidValue("De begindatum van de inschrijving ligt na de einddatum.")
        return self

    def describe(self) -> str:
        """A Dutch sentence for the letter log and the mailing dialog."""
        parts = ["actieve mantelzorgers"]
        if self.brackets:
            parts.append("leeftijd " + " of ".join(bracket.label for bracket in self.brackets))
        if self.places:
            parts.append("woonplaats " + ", ".join(self.places))
        if self.municipalities:
            parts.append("gemeente " + ", ".join(self.municipalities))
        if self.registered_from:
            parts.append(f"ingeschreven vanaf {format_date(self.registered_from)}")
        if self.registered_until:
            parts.append(f"ingeschreven tot en met {format_date(self.registered_until)}")
        if self.not_yet_sent:
            parts.append(f"nog geen {self.not_yet_sent.label.lower()} ontvangen")
        if self.compliment_year:
            parts.append(f"mantelzorgcompliment ontvangen in {self.compliment_year}")
        text = "; ".join(parts)
        return text[:1].upper() + text[1:]

    def to_json(self) -> str:
        data: dict[str, Any] = asdict(self)
        for key in ("registered_from", "registered_until"):
            value = data[key]
            data[key] = value.isoformat() if value else None
        data["not_yet_sent"] = self.not_yet_sent.value if self.not_yet_sent else None
        return json.dumps(data, ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> RecipientFilter:
        """Read a stored filter; parts that cannot be read are left out (no limit)."""
        try:
            data = json.loads(text)
        except ValueError:
            data = {}
        if not isinstance(data, dict):
            data = {}
        return cls(
            brackets=tuple(
                AgeBracket(value)
                for value in data.get("brackets") or ()
                if value in AgeBracket._value2member_map_
            ),
            places=tuple(str(value) for value in data.get("places") or ()),
            municipalities=tuple(str(value) for value in data.get("municipalities") or ()),
            registered_from=_date(data.get("registered_from")),
            registered_until=_date(data.get("registered_until")),
            not_yet_sent=_kind(data.get("not_yet_sent")),
            compliment_year=_year(data.get("compliment_year")),
        )


def _date(value: object) -> date | None:
    try:
        return date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def _year(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _kind(value: object) -> LetterKind | None:
    if not isinstance(value, str) or value not in LetterKind._value2member_map_:
        return None
    return LetterKind(value)


def built_in_filters(today: date) -> dict[str, RecipientFilter]:
    """The filters every steunpunt starts with (saved filters come after them)."""
    return {
        "Alle actieve mantelzorgers": RecipientFilter(),
        "Nog geen welkomstbrief ontvangen": RecipientFilter(not_yet_sent=LetterKind.WELCOME),
        "Jonge mantelzorgers (tot 25 jaar)": RecipientFilter(
            brackets=(AgeBracket.UNDER_18, AgeBracket.FROM_18_TO_24)
        ),
        "Jonge mantelzorgers (onder 18 jaar)": RecipientFilter(brackets=(AgeBracket.UNDER_18,)),
        f"Ingeschreven in {today.year}": RecipientFilter(
            registered_from=date(today.year, 1, 1), registered_until=today
        ),
        f"Ingeschreven in {today.year - 1}": RecipientFilter(
            registered_from=date(today.year - 1, 1, 1),
            registered_until=date(today.year - 1, 12, 31),
        ),
        f"Mantelzorgcompliment ontvangen in {today.year - 1}": RecipientFilter(
            compliment_year=today.year - 1
        ),
        f"Mantelzorgcompliment ontvangen in {today.year}": RecipientFilter(
            compliment_year=today.year
        ),
    }
