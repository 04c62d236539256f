"""Consent: given on a date, for chosen purposes, in a certain way."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from steunpunt.domain.choices import ConsentMethod, ConsentScope


@dataclass(frozen=True)
class ConsentData:
    """A person's consent as recorded; ``scopes`` may not be empty."""

    given_on: date
    scopes: frozenset[ConsentScope]
    method: ConsentMethod

    @property
    def scope_text(self) -> str:
        """The scopes as stored: codes in a fixed order, comma separated."""
        return ",".join(s.value for s in ConsentScope if s in self.scopes)


def scopes_from_text(text: str) -> frozenset[ConsentScope]:
    """Inverse of :attr:`ConsentData.scope_text`; unknown codes are dropped."""
    known = {s.value: s for s in ConsentScope}
    return frozenset(known[c] for c in text.split(",") if c in known)


def consent_from_fields(
    given_on: date | None,
    scopes: frozenset[ConsentScope],
    method: str,
    today: date,
) -> tuple[ConsentData | None, dict[str, str]]:
    """Build consent from form fields: (consent or None, errors by field)."""
    if given_on is None and not scopes:
        return None, {}
    errors: dict[str, str] = {}
    if given_on is None:
        errors["consent_given_on"] = "Vul de datum in waarop toestemming is gegeven."
    elif given_on > today:
        errors["consent_given_on"] = "De datum van toestemming kan niet in de toekomst liggen."
    if not scopes:
        errors["consent_scopes"] = "Kies waarvoor toestemming is gegeven."
    if method not in {m.value for m in ConsentMethod}:
        errors["consent_method"] = "Kies hoe de toestemming is gegeven."
    if errors or given_on is None:
        return None, errors
    return ConsentData(given_on, scopes, ConsentMethod(method)), {}


def shares_with_partners(consent: ConsentData) -> bool:
    """Whether consent covers sharing data with organisations (a new referral's default)."""
    return ConsentScope.SHARE_WITH_PARTNERS in consent.scopes
