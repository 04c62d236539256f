"""Fraud and duplicate checks on a compliment round, and the steekproef of grants."""

from __future__ import annotations

import math
import random
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Protocol

from steunpunt.domain.choices import LabelledChoice
from steunpunt.domain.compliment.facts import ApplicationFacts
from steunpunt.domain.compliment.round_rules import RoundRules
from steunpunt.domain.duplicates.similarity import LikelyPair
from steunpunt.domain.errors import InvalidValue
from steunpunt.domain.text import fold_name

_SHOWN = 3
"""How many other applications a message names before it says "en N andere"."""


class FraudCheck(LabelledChoice):
    """One fraud or duplicate check; the value is a stable code to store an acknowledgement."""

    SHARED_IBAN = "zelfde_iban"
    ADDRESS_OVER_CAP = "adres_boven_maximum"
    TOO_MANY_CAREGIVERS = "te_veel_mantelzorgers"
    CAREGIVER_IS_RECIPIENT = "mantelzorger_is_naaste"
    ALREADY_GRANTED = "al_toegekend"
    REGISTRATION_ENDED = "inschrijving_beeindigd"
    POSSIBLE_DUPLICATE = "mogelijk_dubbel"

    @property
    def label(self) -> str:
        return _CHECK_LABELS[self]


_CHECK_LABELS = {
    FraudCheck.SHARED_IBAN: "Rekeningnummer ook bij een andere mantelzorger",
    FraudCheck.ADDRESS_OVER_CAP: "Te veel aanvragen op één adres",
    FraudCheck.TOO_MANY_CAREGIVERS: "Te veel mantelzorgers voor één naaste",
    FraudCheck.CAREGIVER_IS_RECIPIENT: "Mantelzorger is zelf naaste",
    FraudCheck.ALREADY_GRANTED: "Dit jaar al een compliment gekregen",
    FraudCheck.REGISTRATION_ENDED: "Inschrijving beëindigd",
    FraudCheck.POSSIBLE_DUPLICATE: "Mogelijk dubbel ingeschreven",
}


@dataclass(frozen=True)
class FraudWarning:
    """A check that fired for one application, with a Dutch sentence naming the evidence."""

    application_id: int
    check: FraudCheck
    message: str


@dataclass(frozen=True)
class PriorGrant:
    """A compliment already granted this year (any round), as the checks compare it."""

    application_id: int
    caregiver_id: int
    care_recipient_id: int
    year: int
    municipality: str
    iban: str = ""
    address_key: str = ""
    caregiver_name: str = ""


class _Entry(Protocol):
    """An application or a prior grant, as the checks group it and a message names it."""

    @property
    def application_id(self) -> int: ...

    @property
    def caregiver_id(self) -> int: ...

    @property
    def caregiver_name(self) -> str: ...


def _label(entry: _Entry) -> str:
    name = entry.caregiver_name or f"mantelzorger {entry.caregiver_id}"
    return f"{name} (aanvraag {entry.application_id})"


def normalise_iban(value: str) -> str:
    """The IBAN without spaces and in upper case, to compare (not to validate)."""
    return "".join(value.split()).upper()


def check_round(
    rules: RoundRules,
    applications: Sequence[ApplicationFacts],
    granted_this_year: Sequence[PriorGrant],
    recipient_identities: Mapping[str, int] | None = None,
    likely_duplicates: Sequence[LikelyPair] = (),
) -> dict[int, list[FraudWarning]]:
    """Every application id of the round, mapped to its warnings in the order of ``FraudCheck``.

    ``granted_this_year`` holds this year's grants of every round; a grant that is also one of
    ``applications`` counts once. The IBAN check looks at every grant given (any gemeente, and
    any year if older grants are passed too); the address and naaste caps and the "already
    granted" check only at grants of the same year and gemeente as ``rules`` (the gemeente
    compared without case or accents). "Already granted" also counts the round's own grants,
    other than the application itself.
    ``recipient_identities`` maps the identity of every naaste in the register to its id.
    ``likely_duplicates`` are the likely pairs of the round's caregivers (first) with anyone in
    the register (second), decided pairs left out.
    Each check gives an application at most one warning.
    """
    warnings: dict[int, list[FraudWarning]] = {app.application_id: [] for app in applications}
    ordered = sorted(applications, key=_by_id)
    priors = sorted(
        (grant for grant in granted_this_year if grant.application_id not in warnings), key=_by_id
    )
    municipality = fold_name(rules.municipality)
    local_grants = sorted(
        (
            grant
            for grant in granted_this_year
            if grant.year == rules.year and fold_name(grant.municipality) == municipality
        ),
        key=_by_id,
    )
    local_priors = [grant for grant in local_grants if grant.application_id not in warnings]

    checks: list[Callable[[], Iterable[FraudWarning]]] = [
        lambda: _shared_iban(ordered, priors),
        lambda: _address_over_cap(rules, ordered, local_priors),
        lambda: _too_many_caregivers(rules, ordered, local_priors),
        lambda: _caregiver_is_recipient(ordered, recipient_identities or {}),
        lambda: _already_granted(rules, ordered, local_grants),
        lambda: _registration_ended(ordered),
        lambda: _possible_duplicate(ordered, likely_duplicates),
    ]
    for check in checks:
        for warning in check():
            warnings[warning.application_id].append(warning)
    return warnings


def _shared_iban(
    applications: Sequence[ApplicationFacts], priors: Sequence[PriorGrant]
) -> Iterator[FraudWarning]:
    ibans = [normalise_iban(app.iban) for app in applications]
    by_iban: dict[str, list[_Entry]] = defaultdict(list)
    for app, iban in zip(applications, ibans, strict=True):
        if iban:
            by_iban[iban].append(app)
    for grant in priors:
        if (iban := normalise_iban(grant.iban)) in by_iban:
            by_iban[iban].append(grant)

    counts: dict[str, Counter[int]] = {}
    shown: dict[str, list[_Entry]] = {}
    for iban, entries in by_iban.items():
        if len(entries) == 1:
            continue
        entries.sort(key=_by_id)
        counts[iban] = Counter(entry.caregiver_id for entry in entries)
        if len(counts[iban]) == 1:
            continue
        # At most _SHOWN per caregiver: still enough to name the first others of anyone, and
        # one caregiver with thousands of applications on the IBAN never makes a scan long.
        per_caregiver: Counter[int] = Counter()
        kept: list[_Entry] = []
        for entry in entries:
            per_caregiver[entry.caregiver_id] += 1
            if per_caregiver[entry.caregiver_id] <= _SHOWN:
                kept.append(entry)
        shown[iban] = kept

    def message(named: Sequence[_Entry], others: int) -> str:
        noun = "de aanvraag" if others == 1 else "de aanvragen"
        return f"Hetzelfde rekeningnummer staat ook op {noun} van {_join(named, others)}"

    # Most applications in a group name the same first others: one message for all of them.
    heads = {iban: {entry.caregiver_id for entry in kept[:_SHOWN]} for iban, kept in shown.items()}
    common: dict[tuple[str, int], str] = {}
    for app, iban in zip(applications, ibans, strict=True):
        if iban not in shown:
            continue
        others = len(by_iban[iban]) - counts[iban][app.caregiver_id]
        if others == 0:
            continue
        if app.caregiver_id in heads[iban]:
            text = message(_first_others(shown[iban], caregiver_id=app.caregiver_id), others)
        elif (text := common.get((iban, others), "")) == "":
            text = common[iban, others] = message(shown[iban][:_SHOWN], others)
        yield FraudWarning(app.application_id, FraudCheck.SHARED_IBAN, text)


def _address_over_cap(
    rules: RoundRules, applications: Sequence[ApplicationFacts], priors: Sequence[PriorGrant]
) -> Iterator[FraudWarning]:
    cap = rules.per_address
    if cap is None:
        return
    by_address: dict[str, list[_Entry]] = defaultdict(list)
    for app in applications:
        if key := app.address_key.strip():
            by_address[key].append(app)
    for grant in priors:
        if (key := grant.address_key.strip()) in by_address:
            by_address[key].append(grant)
    over = {key: entries for key, entries in by_address.items() if len(entries) > cap}
    for entries in over.values():
        entries.sort(key=_by_id)

    def message(named: Sequence[_Entry], total: int) -> str:
        return (
            f"Op dit adres staan {total} aanvragen en toekenningen; het maximum per adres is "
            f"{cap}. Ook op dit adres: {_join(named, total - 1)}."
        )

    heads = {key: {entry.application_id for entry in over[key][:_SHOWN]} for key in over}
    common: dict[str, str] = {}
    for app in applications:
        key = app.address_key.strip()
        if key not in over:
            continue
        entries = over[key]
        if app.application_id in heads[key]:
            text = message(_first_others(entries, application_id=app.application_id), len(entries))
        elif (text := common.get(key, "")) == "":
            text = common[key] = message(entries[:_SHOWN], len(entries))
        yield FraudWarning(app.application_id, FraudCheck.ADDRESS_OVER_CAP, text)


def _too_many_caregivers(
    rules: RoundRules, applications: Sequence[ApplicationFacts], priors: Sequence[PriorGrant]
) -> Iterator[FraudWarning]:
    limit = rules.max_caregivers_per_recipient
    if limit is None:
        return
    # naaste -> caregiver -> that caregiver's first application or grant (lowest id); both
    # sequences are sorted by id
    caregivers: dict[int, dict[int, _Entry]] = defaultdict(dict)
    for app in applications:
        caregivers[app.care_recipient_id].setdefault(app.caregiver_id, app)
    for grant in priors:
        found = caregivers[grant.care_recipient_id]
        known = found.get(grant.caregiver_id)
        if known is None or grant.application_id < known.application_id:
            found[grant.caregiver_id] = grant

    over = {
        recipient: sorted(found.values(), key=_by_id)
        for recipient, found in caregivers.items()
        if len(found) > limit
    }

    def message(named: Sequence[_Entry], total: int) -> str:
        return (
            f"Deze naaste heeft {total} mantelzorgers met een aanvraag of toekenning; het maximum "
            f"is {limit}. Andere mantelzorgers: {_join(named, total - 1)}."
        )

    common: dict[int, str] = {}
    for app in applications:
        recipient = app.care_recipient_id
        if recipient not in over:
            continue
        first = over[recipient]
        if any(entry.caregiver_id == app.caregiver_id for entry in first[:_SHOWN]):
            text = message(_first_others(first, caregiver_id=app.caregiver_id), len(first))
        elif (text := common.get(recipient, "")) == "":
            text = common[recipient] = message(first[:_SHOWN], len(first))
        yield FraudWarning(app.application_id, FraudCheck.TOO_MANY_CAREGIVERS, text)


def _caregiver_is_recipient(
    applications: Sequence[ApplicationFacts], register: Mapping[str, int]
) -> Iterator[FraudWarning]:
    as_recipient: dict[str, list[ApplicationFacts]] = defaultdict(list)
    for app in applications:
        if identity := app.recipient_identity:
            as_recipient[identity].append(app)

    def message(identity: str) -> str:
        """The evidence against one identity, or "" when it is no naaste anywhere."""
        hits = as_recipient.get(identity, [])
        in_register = register.get(identity)
        if any(hit.care_recipient_id == in_register for hit in hits):
            in_register = None  # already named through an application for that naaste
        places = []
        if hits:
            noun = "de aanvraag" if len(hits) == 1 else "de aanvragen"
            places.append(f"op {noun} van {_join(hits[:_SHOWN], len(hits))}")
        if in_register is not None:
            places.append(f"in het register (naaste {in_register})")
        if not places:
            return ""
        return f"Deze mantelzorger staat zelf ook als naaste {' en '.join(places)}."

    messages: dict[str, str] = {}
    for app in applications:
        identity = app.caregiver_identity
        if not identity or (identity not in as_recipient and identity not in register):
            continue
        if (text := messages.get(identity)) is None:
            text = messages[identity] = message(identity)
        if text:
            yield FraudWarning(app.application_id, FraudCheck.CAREGIVER_IS_RECIPIENT, text)


def _already_granted(
    rules: RoundRules, applications: Sequence[ApplicationFacts], priors: Sequence[PriorGrant]
) -> Iterator[FraudWarning]:
    cap = rules.per_caregiver
    if cap is None:
        return
    granted: dict[int, list[int]] = defaultdict(list)
    for grant in priors:
        granted[grant.caregiver_id].append(grant.application_id)

    for app in applications:
        ids = [other for other in granted.get(app.caregiver_id, ()) if other != app.application_id]
        if len(ids) < cap:
            continue
        how_many = "een compliment" if len(ids) == 1 else f"{len(ids)} complimenten"
        noun = "aanvraag" if len(ids) == 1 else "aanvragen"
        yield FraudWarning(
            app.application_id,
            FraudCheck.ALREADY_GRANTED,
            f"Deze mantelzorger heeft dit jaar al {how_many} gekregen ({noun} "
            f"{_join_words([str(i) for i in ids[:_SHOWN]], len(ids))}), maximaal {cap} per jaar.",
        )


def _registration_ended(applications: Sequence[ApplicationFacts]) -> Iterator[FraudWarning]:
    for app in applications:
        if app.caregiver_registration_ended:
            yield FraudWarning(
                app.application_id,
                FraudCheck.REGISTRATION_ENDED,
                "De inschrijving van deze mantelzorger is beëindigd.",
            )


def _possible_duplicate(
    applications: Sequence[ApplicationFacts], pairs: Sequence[LikelyPair]
) -> Iterator[FraudWarning]:
    others: dict[int, list[LikelyPair]] = defaultdict(list)
    for pair in pairs:
        others[pair.first_id].append(pair)
    for app in applications:
        found = sorted(others.get(app.caregiver_id, ()), key=lambda pair: pair.second_id)
        if not found:
            continue
        named = [
            f"mantelzorger {pair.second_id} ({', '.join(pair.reasons)}, score {pair.score})"
            for pair in found[:_SHOWN]
        ]
        yield FraudWarning(
            app.application_id,
            FraudCheck.POSSIBLE_DUPLICATE,
            "Deze mantelzorger staat mogelijk dubbel ingeschreven; lijkt op "
            f"{_join_words(named, len(found))}. Kijk bij Beheer › Mogelijke dubbelen.",
        )


def _by_id(entry: _Entry) -> int:
    return entry.application_id


def _first_others(
    entries: Iterable[_Entry], *, caregiver_id: int | None = None, application_id: int | None = None
) -> list[_Entry]:
    """The first few entries of another caregiver or another application than the ones given."""
    found: list[_Entry] = []
    for entry in entries:
        if entry.caregiver_id != caregiver_id and entry.application_id != application_id:
            found.append(entry)
            if len(found) == _SHOWN:
                break
    return found


def _join(named: Sequence[_Entry], total: int) -> str:
    return _join_words([_label(entry) for entry in named], total)


def _join_words(shown: Sequence[str], total: int) -> str:
    """Dutch enumeration: "A", "A en B", "A, B en C", "A, B, C en 2 andere"."""
    rest = total - len(shown)
    if rest > 0:
        return f"{', '.join(shown)} en {rest} andere"
    if len(shown) == 1:
        return shown[0]
    return f"{', '.join(shown[:-1])} en {shown[-1]}"


def draw_sample(application_ids: Sequence[int], percentage: float, seed: int) -> list[int]:
    """The steekproef: a reproducible share of the ids, at least one, sorted.

    The same ids (in any order), percentage and seed always give the same sample.
    """
    if not 0 <= percentage <= 100:
        raise InvalidValue("Het percentage van de steekproef moet tussen 0 en 100 liggen.")
    ids = sorted(set(application_ids))
    if percentage == 0 or not ids:
        return []
    # In decimals, as typed: in floats 16.1 % of 1000 is 161.00000000000003, rounded up to 162.
    # Above 0 % the ceiling is at least one, and at 100 % it is every id.
    size = math.ceil(Decimal(repr(float(percentage))) * len(ids) / 100)
    return sorted(random.Random(seed).sample(ids, size))
