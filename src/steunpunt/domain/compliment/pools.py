"""The money a compliment round shares out: pools (a budget, a naaste's split) and paid grants."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from steunpunt.domain.compliment.facts import ApplicationFacts
from steunpunt.domain.compliment.round_rules import RoundRules


def scale_cents(targets: Sequence[int], total: int) -> list[int]:
    """``targets`` scaled down to add up to ``total``; leftover cents go to the largest rests.

    ``scale_cents([3333, 3333], 5000)`` -> ``[2500, 2500]``; ties go to the first.
    """
    whole = sum(targets)
    if whole <= 0:
        return [0 for _ in targets]
    shares = [target * total // whole for target in targets]
    rests = sorted(
        range(len(targets)), key=lambda index: (-(targets[index] * total % whole), index)
    )
    for index in rests[: total - sum(shares)]:
        shares[index] += 1
    return shares


@dataclass(frozen=True)
class Share:
    """One grant of the round, earlier or new, in the order grants were made."""

    application_id: int
    care_recipient_id: int
    earlier_amount: int | None
    facts: ApplicationFacts | None
    paid: bool = False


def pools(rules: RoundRules, grants: Sequence[Share]) -> list[tuple[int, list[Share]]]:
    """The sums of money the round shares out, each with the grants sharing it.

    A fixed budget is one pool for the whole round; with a split, each naaste's compliment is
    one; otherwise a grant's amount stands alone.
    """
    if rules.fixed_budget_cents is not None:
        return [(rules.fixed_budget_cents, list(grants))]
    if not rules.split_over_caregivers:
        return []
    naasten: dict[int, list[Share]] = {}
    for grant in grants:
        naasten.setdefault(grant.care_recipient_id, []).append(grant)
    return [(rules.amount_cents, members) for members in naasten.values()]


@dataclass
class Payable:
    """What each grant is paid, once paid grants keep their amounts, and what a pool has left."""

    amounts: dict[int, int]
    reduced_by: dict[int, int]
    """Unpaid grants paid less than their share: the cents their pool already paid out."""
    exhausted: set[int]
    """Candidates in a pool with nothing left: paid grants already hold all of it."""


def payable(rules: RoundRules, grants: Sequence[Share], targets: dict[int, int]) -> Payable:
    """Paid grants keep their amounts; the others share what their pool has left.

    The unpaid grants of a pool get their share under the rules (``targets``), scaled down
    when paid grants took more than theirs, so a pool never pays out more than its sum.
    """
    amounts = dict(targets)
    reduced_by: dict[int, int] = {}
    exhausted: set[int] = set()
    for total, members in pools(rules, grants):
        paid = [grant for grant in members if grant.paid]
        if not paid:
            continue
        fixed = sum(grant.earlier_amount or 0 for grant in paid)
        for grant in paid:
            amounts[grant.application_id] = grant.earlier_amount or 0
        free = [grant for grant in members if not grant.paid]
        room = max(total - fixed, 0)
        wanted = [targets[grant.application_id] for grant in free]
        shares = scale_cents(wanted, room) if room < sum(wanted) else wanted
        for grant, share in zip(free, shares, strict=True):
            amounts[grant.application_id] = share
            if share < targets[grant.application_id]:
                reduced_by[grant.application_id] = fixed
            if share == 0 and grant.facts is not None:
                exhausted.add(grant.application_id)
    return Payable(amounts, reduced_by, exhausted)


def shares_money(rules: RoundRules) -> bool:
    """The round shares out sums (a budget or split naasten), so one grant moves the others."""
    return rules.fixed_budget_cents is not None or rules.split_over_caregivers
