"""The compliment's caps and splits: which eligible applications fit, and for how much."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from steunpunt.domain.age import bracket_for
from steunpunt.domain.compliment.eligibility import age_day, amount_for
from steunpunt.domain.compliment.facts import ApplicationFacts
from steunpunt.domain.compliment.pools import Payable, Share, payable
from steunpunt.domain.compliment.round_rules import RoundRules
from steunpunt.domain.numbers import number_text

FITS = "past"
DOES_NOT_FIT = "past niet"
REVISED = "bedrag aangepast"


@dataclass(frozen=True)
class Grant:
    """A grant already made in this round (by an earlier batch or by hand), or a place held."""

    application_id: int
    caregiver_id: int
    care_recipient_id: int
    address_key: str
    amount_cents: int
    paid: bool = False
    """Paid or in a payment batch: its amount can no longer change."""
    waiting: bool = False
    """Waits for its controlebrief: holds its place under the caps and in a share, no amount yet."""


@dataclass(frozen=True)
class Allocation:
    """What the caps and splits decide for one application; the explanation is Dutch.

    ``revised`` marks an earlier grant (not a candidate) whose amount no longer matches the
    rules because grants were added to or taken from its naaste's split or a fixed budget. A
    grant not yet paid gets the new ``amount_cents``; a paid one keeps its amount and
    ``difference_cents`` says how much more than its share it got (negative: less), for a
    person to settle.
    """

    application_id: int
    granted: bool
    amount_cents: int
    explanation: str
    revised: bool = False
    difference_cents: int = 0


def euro(cents: int) -> str:
    """``100_000`` -> ``"€ 1.000,00"``."""
    sign = "-" if cents < 0 else ""
    whole, rest = divmod(abs(cents), 100)
    return f"{sign}€ {number_text(whole)},{rest:02d}"


def split_cents(total: int, parts: int) -> list[int]:
    """``total`` in ``parts`` equal whole cents; the remainder goes one cent each to the first.

    ``split_cents(10_000, 3)`` -> ``[3334, 3333, 3333]``; the parts always add up to ``total``.
    """
    if parts <= 0:
        return []
    share, remainder = divmod(total, parts)
    return [share + (1 if index < remainder else 0) for index in range(parts)]


def without_caps(rules: RoundRules) -> RoundRules:
    """The round's rules with no cap, for a grant staff make against a cap with a reason."""
    return replace(
        rules,
        per_care_recipient=None,
        per_address=None,
        per_caregiver=None,
        max_caregivers_per_recipient=None,
    )


def _plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def _address(key: str) -> str:
    return "".join(key.split()).casefold()


@dataclass
class _Tally:
    """Grants counted so far, per caregiver, naaste and address."""

    split: bool
    per_caregiver: Counter[int] = field(default_factory=Counter)
    per_recipient: Counter[int] = field(default_factory=Counter)
    per_address: Counter[str] = field(default_factory=Counter)
    caregivers_of: defaultdict[int, set[int]] = field(default_factory=lambda: defaultdict(set))

    def add(self, caregiver_id: int, care_recipient_id: int, address_key: str) -> None:
        self.per_caregiver[caregiver_id] += 1
        self.per_recipient[care_recipient_id] += 1
        self.caregivers_of[care_recipient_id].add(caregiver_id)
        if _address(address_key):
            self.per_address[_address(address_key)] += 1

    def compliments_of(self, care_recipient_id: int) -> int:
        """A split naaste has one compliment however many caregivers share it."""
        count = self.per_recipient[care_recipient_id]
        return min(count, 1) if self.split else count

    def refusals(self, rules: RoundRules, facts: ApplicationFacts) -> list[str]:
        """Every cap this application would exceed, in Dutch."""
        reasons: list[str] = []
        cap = rules.per_caregiver
        had = self.per_caregiver[facts.caregiver_id]
        if cap is not None and had >= cap:
            reasons.append(
                f"mantelzorger heeft al {_plural(had, 'compliment', 'complimenten')} dit jaar "
                f"(maximaal {cap})"
            )
        cap = rules.per_care_recipient
        had = self.compliments_of(facts.care_recipient_id)
        joins_split = self.split and had > 0
        if cap is not None and had >= cap and not joins_split:
            reasons.append(
                f"naaste heeft al {_plural(had, 'compliment', 'complimenten')} dit jaar "
                f"(maximaal {cap})"
            )
        cap = rules.max_caregivers_per_recipient
        caregivers = self.caregivers_of[facts.care_recipient_id]
        if cap is not None and facts.caregiver_id not in caregivers and len(caregivers) >= cap:
            reasons.append(
                f"naaste heeft al {_plural(len(caregivers), 'mantelzorger', 'mantelzorgers')} "
                f"met een compliment (maximaal {cap})"
            )
        cap = rules.per_address
        key = _address(facts.address_key)
        had = self.per_address[key] if key else 0
        if cap is not None and key and had >= cap:
            reasons.append(
                f"op dit adres is al {_plural(had, 'compliment', 'complimenten')} toegekend "
                f"dit jaar (maximaal {cap})"
            )
        return reasons


def _amounts(rules: RoundRules, grants: Sequence[Share]) -> tuple[dict[int, int], dict[int, str]]:
    """Every grant's amount and how it was reached, as ``(amounts, notes)`` by application id.

    The unit of money is a compliment: one grant, or with a split one naaste and all its
    caregivers. A fixed budget is divided over the units, then each unit over its caregivers.
    """
    units: dict[int, list[Share]] = {}
    for grant in grants:
        key = grant.care_recipient_id if rules.split_over_caregivers else grant.application_id
        units.setdefault(key, []).append(grant)

    amounts: dict[int, int] = {}
    notes: dict[int, str] = {}
    budget = rules.fixed_budget_cents
    budget_shares = split_cents(budget, len(units)) if budget is not None else []
    for index, members in enumerate(units.values()):
        budget_note = ""
        if budget is not None:
            total = budget_shares[index]
            budget_note = (
                f"budget {euro(budget)} verdeeld over "
                f"{_plural(len(units), 'compliment', 'complimenten')}"
            )
        elif rules.split_over_caregivers:
            total = rules.amount_cents
        else:
            (grant,) = members
            if grant.facts is None:
                amounts[grant.application_id] = grant.earlier_amount or 0
                continue
            amounts[grant.application_id] = amount_for(rules, grant.facts)
            bracket = bracket_for(grant.facts.caregiver_birth_date, age_day(rules, grant.facts))
            if bracket in rules.amounts_by_bracket:
                notes[grant.application_id] = f"bedrag voor leeftijd {bracket.label}"
            continue
        split_note = ""
        if len(members) > 1:
            split_note = (
                f"{euro(total)} verdeeld over "
                f"{_plural(len(members), 'mantelzorger', 'mantelzorgers')} van deze naaste"
            )
        note = ", ".join(part for part in (budget_note, split_note) if part)
        for grant, amount in zip(members, split_cents(total, len(members)), strict=True):
            amounts[grant.application_id] = amount
            if note:
                notes[grant.application_id] = note
    return amounts, notes


def _exhausted_reason(rules: RoundRules) -> str:
    if rules.fixed_budget_cents is not None:
        pool = f"het budget van {euro(rules.fixed_budget_cents)}"
    else:
        pool = f"het compliment van deze naaste ({euro(rules.amount_cents)})"
    return f"{DOES_NOT_FIT}: {pool} is al betaald of staat in een betaalopdracht"


def _explain(head: str, amount: int, *notes: str) -> str:
    note = ", ".join(part for part in notes if part)
    return f"{head}: {euro(amount)} ({note})" if note else f"{head}: {euro(amount)}"


def _paid_note(shares: Payable, application_id: int) -> str:
    fixed = shares.reduced_by.get(application_id)
    return "" if fixed is None else f"{euro(fixed)} al betaald"


def _settle(paid: int, share: int) -> str:
    """``"al betaald: € 50,00; volgens de regels € 33,34: € 16,66 te veel betaald, ..."``."""
    difference = paid - share
    how = "te veel" if difference > 0 else "te weinig"
    return (
        f"al betaald: {euro(paid)}; volgens de regels {euro(share)}: "
        f"{euro(abs(difference))} {how} betaald, te verrekenen"
    )


def allocate(
    rules: RoundRules,
    candidates: Sequence[ApplicationFacts],
    granted_before: Sequence[Grant],
    elsewhere: Sequence[Grant] = (),
) -> list[Allocation]:
    """Decide which candidates fit the round's caps, and every grant's amount.

    - ``candidates`` are applications that passed :func:`~.eligibility.evaluate`; this function
      applies only caps and splits. They are taken first come, first served: by ``received_on``,
      then ``application_id``. ``granted_before`` (in the order they were granted, places held
      by applications waiting for their controlebrief among them) count against every cap
      first; so do ``elsewhere``, the grants of other rounds of the same gemeente and year,
      which take no part in this round's money.
    - Caps: grants per caregiver, per naaste and per address (``address_key``, compared without
      case or spaces; an empty key is not counted), and distinct caregivers per naaste.
      A refusal names every cap the application exceeds.
    - Amount without split or budget: :func:`~.eligibility.amount_for` (age bracket, else the
      round amount). Earlier grants keep theirs.
    - Split: a naaste has one compliment of ``rules.amount_cents`` (age brackets do not apply),
      shared equally by all its granted caregivers, earlier and new; ``per_care_recipient`` then
      caps naasten, not caregivers, and ``max_caregivers_per_recipient`` caps the sharers.
    - Fixed budget: the budget replaces the amount of a compliment and is divided equally over
      all compliments of the round, earlier and new (with a split, per naaste, then over its
      caregivers).
    - Remainder cents go one each to the earliest grants (earlier grants first), so totals are
      exact.
    - A paid grant (``Grant.paid``) keeps its amount: the others of its naaste's split or of
      the budget share what is left, never more than their share; a candidate for whom
      nothing is left does not fit.

    Returns one allocation per candidate in first-come order, then one ``revised`` allocation
    for each earlier grant whose amount changes (split or budget) or, when paid, no longer
    matches its share. Raises ``ValueError`` when a candidate is already granted or listed
    twice.
    """
    earlier_ids = {grant.application_id for grant in granted_before}
    candidate_ids = [facts.application_id for facts in candidates]
    if len(set(candidate_ids)) != len(candidate_ids):
        raise ValueError("an application is listed twice among the candidates")
    if earlier_ids.intersection(candidate_ids):
        raise ValueError("a candidate has already been granted")

    ordered = sorted(candidates, key=lambda facts: (facts.received_on, facts.application_id))
    exhausted: set[int] = set()
    while True:
        refusals, grants = _fit(rules, ordered, granted_before, elsewhere, exhausted)
        targets, notes = _amounts(rules, grants)
        shares = payable(rules, grants, targets)
        if not shares.exhausted:
            break
        exhausted |= shares.exhausted

    allocations: list[Allocation] = []
    for facts in ordered:
        app_id = facts.application_id
        if app_id in exhausted:
            allocations.append(Allocation(app_id, False, 0, _exhausted_reason(rules)))
        elif app_id in refusals:
            reason = "; ".join(refusals[app_id])
            allocations.append(Allocation(app_id, False, 0, f"{DOES_NOT_FIT}: {reason}"))
        else:
            amount = shares.amounts[app_id]
            explanation = _explain(FITS, amount, notes.get(app_id, ""), _paid_note(shares, app_id))
            allocations.append(Allocation(app_id, True, amount, explanation))
    for grant in granted_before:
        app_id = grant.application_id
        amount, share = shares.amounts[app_id], targets[app_id]
        note = notes.get(app_id, "")
        if grant.waiting:
            continue
        if grant.paid and amount != share:
            explanation = f"{_settle(amount, share)} ({note})" if note else _settle(amount, share)
            allocations.append(Allocation(app_id, True, amount, explanation, True, amount - share))
        elif not grant.paid and amount != grant.amount_cents:
            explanation = _explain(REVISED, amount, note, _paid_note(shares, app_id))
            allocations.append(Allocation(app_id, True, amount, explanation, revised=True))
    return allocations


def _fit(
    rules: RoundRules,
    ordered: Sequence[ApplicationFacts],
    granted_before: Sequence[Grant],
    elsewhere: Sequence[Grant],
    left_out: set[int],
) -> tuple[dict[int, list[str]], list[Share]]:
    """The caps applied in order: refusals by application id, and every grant that counts."""
    tally = _Tally(split=rules.split_over_caregivers)
    for grant in elsewhere:
        tally.add(grant.caregiver_id, grant.care_recipient_id, grant.address_key)
    grants: list[Share] = []
    for grant in granted_before:
        tally.add(grant.caregiver_id, grant.care_recipient_id, grant.address_key)
        amount = None if grant.waiting else grant.amount_cents
        grants.append(
            Share(grant.application_id, grant.care_recipient_id, amount, None, grant.paid)
        )
    refusals: dict[int, list[str]] = {}
    for facts in ordered:
        if facts.application_id in left_out:
            continue
        reasons = tally.refusals(rules, facts)
        if reasons:
            refusals[facts.application_id] = reasons
            continue
        tally.add(facts.caregiver_id, facts.care_recipient_id, facts.address_key)
        grants.append(Share(facts.application_id, facts.care_recipient_id, None, facts))
    return refusals, grants
