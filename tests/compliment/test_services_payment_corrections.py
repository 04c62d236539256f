"""Money already in a payment batch corrected: recorded reversals and settled differences.

Every expected amount is worked out by hand from the round's rules in the comment beside it.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine, update
from sqlalchemy.orm import Session

from steunpunt.db.compliment.models import ApplicationStatusChange, PaymentReversal
from steunpunt.domain.compliment.reversal import ReversalKind
from steunpunt.domain.compliment.status import ApplicationStatus
from steunpunt.domain.errors import InvalidValue
from steunpunt.domain.reports.report import ReportSettings
from steunpunt.services.compliment.dto import ApplicationDetail
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.container import Services
from steunpunt.services.kernel.errors import NotAllowed
from tests.compliment.test_services_compliment import SOEST, apply, iban_number, pair
from tests.compliment.test_services_compliment_amounts import (
    BUDGET,
    PAY_DAY,
    PAYER,
    SPLIT,
    also_caring,
    round_with,
    version,
)

GRANTED = ApplicationStatus.GRANTED
BANK = ReversalKind.BANK_RETURNED
TODAY = date(2026, 11, 22)  # the clock of the test services
YEAR = (date(2026, 1, 1), date(2026, 12, 31))


def two_sharing_a_naaste(services: Services, actor: Actor, round_id: int) -> list[int]:
    """Anna and Bram care for one naaste; both granted: € 100 / 2 = € 50 each."""
    anna = pair(services, actor, "anna")
    bram = also_caring(services, actor, anna[1], "bram")
    ids = [
        apply(services, actor, round_id, anna, iban_number(1)),
        apply(services, actor, round_id, bram, iban_number(2)),
    ]
    for app in ids:
        services.applications.change_status(actor, app, version(services, app), GRANTED)
    return ids


def reverse(services: Services, actor: Actor, app: int, on: date = TODAY, note: str = "") -> None:
    services.payment_corrections.reverse(
        actor, app, version(services, app), BANK, note or "rekening opgeheven", on
    )


def state_of(detail: ApplicationDetail) -> tuple[object, ...]:
    return detail.view, detail.history, detail.difference_cents


def state(services: Services, app: int) -> tuple[object, ...]:
    return state_of(services.applications.detail(app))


def compliment_figures(services: Services) -> dict[object, object]:
    report = services.reports.report(*YEAR)
    return {label: value for label, value in report.table("compliment").rows}


# --- a recorded reversal ----------------------------------------------------------------------


def test_a_reversed_paid_grant_no_longer_counts_as_paid_and_every_total_agrees(
    services: Services, actor: Actor, tmp_path: Path
) -> None:
    services.reports.save_settings(actor, ReportSettings(suppress_below=0))
    round_id = round_with(services, actor, SPLIT)
    anna, bram = two_sharing_a_naaste(services, actor, round_id)
    made = services.payments.make_batch(actor, round_id, PAY_DAY, tmp_path)
    services.payments.confirm_paid(actor, made.batch_id)  # € 50 + € 50 = € 100 paid

    reverse(services, actor, bram)  # the bank sent Bram's € 50 back

    detail = services.applications.detail(bram)
    assert (detail.view.status, detail.view.amount_cents) == (ApplicationStatus.IN_REVIEW, None)
    assert not detail.view.in_payment_batch
    last = detail.history[-1]
    assert (last.from_status, last.to_status) == (
        ApplicationStatus.PAID,
        ApplicationStatus.IN_REVIEW,
    )
    assert "teruggeboekt op 22-11-2026" in last.reason and "€ 50,00" in last.reason
    assert "rekening opgeheven" in last.reason and last.changed_by
    [batch] = services.payments.batches(round_id)
    # the batch as made € 100, € 50 reversed out of it, € 50 net
    assert (batch.total_cents, batch.reversed_cents, batch.net_cents) == (10_000, 5_000, 5_000)
    overview = services.rounds.overview(round_id)
    # only Anna's € 50 is paid; the naaste's € 100 is now all Anna's share: € 50 too little
    assert (overview.paid_cents, overview.granted_cents, overview.reversed_cents) == (
        5_000,
        5_000,
        5_000,
    )
    assert overview.paid_cents == batch.net_cents
    assert overview.batched_cents - overview.reversed_cents == batch.net_cents  # € 100 - € 50
    assert overview.underpaid_cents == 5_000
    assert services.applications.detail(anna).difference_cents == -5_000
    figures = compliment_figures(services)
    assert (figures["Uitbetaald"], figures["Bedrag uitbetaald"]) == (1, "€ 50,00")  # Anna only
    assert (figures["Toegekend"], figures["Bedrag toegekend"]) == (1, "€ 50,00")

    # Bram's new IBAN is right: granted again, € 100 / 2 = € 50, paid in a second batch
    again = services.applications.change_status(actor, bram, version(services, bram), GRANTED)
    assert again.view.amount_cents == 5_000
    assert services.applications.detail(anna).difference_cents == 0  # € 50 is her share again
    second = services.payments.make_batch(actor, round_id, PAY_DAY, tmp_path)
    assert second.total_cents == 5_000
    services.payments.confirm_paid(actor, second.batch_id)
    batches = services.payments.batches(round_id)
    overview = services.rounds.overview(round_id)
    assert sum(batch.net_cents for batch in batches) == overview.paid_cents == 10_000  # 50 + 50


def test_a_grant_reversed_before_its_batch_is_confirmed_is_not_marked_paid(
    services: Services, actor: Actor, tmp_path: Path
) -> None:
    round_id = round_with(services, actor, replace(SOEST, **PAYER))  # € 100 per caregiver
    ids = [
        apply(services, actor, round_id, pair(services, actor, name), iban_number(n))
        for n, name in ((1, "anna"), (2, "bram"))
    ]
    for app in ids:
        services.applications.change_status(actor, app, 1, GRANTED)
    made = services.payments.make_batch(actor, round_id, PAY_DAY, tmp_path)  # € 200
    services.payment_corrections.reverse(
        actor, ids[1], version(services, ids[1]), ReversalKind.NOT_CARRIED_OUT, "gestorven", TODAY
    )

    [batch] = services.payments.open_batches(round_id)
    assert (batch.total_cents, batch.reversed_cents, batch.net_cents) == (20_000, 10_000, 10_000)
    assert services.payments.confirm_paid(actor, made.batch_id) == 1  # only Anna's
    overview = services.rounds.overview(round_id)
    assert (overview.paid_cents, overview.granted_cents) == (10_000, 10_000)
    # judged again, and this time refused with a reason
    refused = services.applications.change_status(
        actor, ids[1], version(services, ids[1]), ApplicationStatus.REFUSED, reason="overleden"
    )
    assert refused.view.status is ApplicationStatus.REFUSED
    with pytest.raises(NotAllowed, match="geen toekenningen"):
        services.payments.make_batch(actor, round_id, PAY_DAY, tmp_path)


def test_a_reversal_gives_an_unpaid_share_back_to_the_other_grants(
    services: Services, actor: Actor, tmp_path: Path
) -> None:
    round_id = round_with(services, actor, BUDGET)  # € 1.000 over all grants
    first = apply(services, actor, round_id, pair(services, actor, "anna"), iban_number(1))
    services.applications.change_status(actor, first, 1, GRANTED)  # alone: € 1.000
    services.payments.make_batch(actor, round_id, PAY_DAY, tmp_path)
    late = apply(services, actor, round_id, pair(services, actor, "bram"), iban_number(2))
    with pytest.raises(NotAllowed, match="budget"):  # the € 1.000 is all in the batch
        services.applications.change_status(actor, late, 1, GRANTED, reason="akkoord")

    reverse(services, actor, first, note="teruggevorderd: verhuisd voor de aanvraag")

    # the € 1.000 is free again: Bram alone gets all of it
    bram = services.applications.change_status(actor, late, version(services, late), GRANTED)
    assert bram.view.amount_cents == 100_000
    assert services.rounds.overview(round_id).budget_left_cents == 0


def test_impossible_reversals_are_refused_in_dutch_and_change_nothing(
    services: Services, actor: Actor, tmp_path: Path, engine: Engine
) -> None:
    round_id = round_with(services, actor, replace(SOEST, **PAYER))
    ids = [
        apply(services, actor, round_id, pair(services, actor, name), iban_number(n))
        for n, name in ((1, "anna"), (2, "bram"), (3, "cor"))
    ]
    services.applications.change_status(actor, ids[0], 1, GRANTED)
    services.payments.make_batch(actor, round_id, PAY_DAY, tmp_path)  # Anna in a batch
    services.applications.change_status(actor, ids[1], 1, GRANTED)  # Bram not in a batch
    cases = [
        (ids[2], TODAY, "fout", "niet betaald"),  # Cor was never granted
        (ids[1], TODAY, "fout", "niet in een betaalopdracht"),
        (ids[0], date(2026, 11, 23), "fout", "toekomst"),  # tomorrow
        (ids[0], TODAY, "  ", "waarom"),
    ]
    for app, on, note, message in cases:
        before = services.applications.detail(app)
        with pytest.raises(InvalidValue, match=message):
            services.payment_corrections.reverse(actor, app, before.view.version, BANK, note, on)
        assert state(services, app) == state_of(before)
    reverse(services, actor, ids[0])
    with pytest.raises(InvalidValue, match="'in behandeling' is niet betaald"):
        reverse(services, actor, ids[0])  # twice
    with Session(engine) as session:
        assert session.query(PaymentReversal).count() == 1


def test_a_reversal_after_the_period_leaves_that_periods_figures_as_they_were(
    services: Services, actor: Actor, tmp_path: Path, engine: Engine
) -> None:
    services.reports.save_settings(actor, ReportSettings(suppress_below=0))
    round_id = round_with(services, actor, SPLIT)
    _anna, bram = two_sharing_a_naaste(services, actor, round_id)
    made = services.payments.make_batch(actor, round_id, PAY_DAY, tmp_path)
    services.payments.confirm_paid(actor, made.batch_id)
    reverse(services, actor, bram)
    later = datetime(2027, 1, 5, 10, tzinfo=UTC)  # as if recorded after 31-12-2026
    with Session(engine) as session, session.begin():
        session.execute(update(PaymentReversal).values(recorded_at=later))
        session.execute(
            update(ApplicationStatusChange)
            .where(ApplicationStatusChange.to_status == ApplicationStatus.IN_REVIEW)
            .values(changed_at=later)
        )

    figures = compliment_figures(services)

    # at the end of 2026 both were paid, € 50 each: the reversal of 2027 does not change that
    assert (figures["Uitbetaald"], figures["Bedrag uitbetaald"]) == (2, "€ 100,00")


# --- a difference settled ---------------------------------------------------------------------


def test_a_settled_difference_is_no_longer_open_but_a_new_one_shows_again(
    services: Services, actor: Actor, tmp_path: Path
) -> None:
    round_id = round_with(services, actor, BUDGET)
    ids = [
        apply(services, actor, round_id, pair(services, actor, name), iban_number(n))
        for n, name in ((1, "anna"), (2, "bram"))
    ]
    services.applications.batch_decide(actor, round_id, ids)  # € 1.000 / 2 = € 500 each
    made = services.payments.make_batch(actor, round_id, PAY_DAY, tmp_path)
    services.payments.confirm_paid(actor, made.batch_id)

    def budget(cents: int) -> None:
        view = services.rounds.get(round_id)
        services.rounds.update_rules(
            actor, round_id, view.version, replace(view.rules, fixed_budget_cents=cents)
        )

    budget(90_000)  # € 900 / 2 = € 450: each was paid € 50 too much
    assert services.rounds.overview(round_id).overpaid_cents == 10_000
    anna = services.applications.detail(ids[0])
    assert anna.difference_cents == 5_000

    settled = services.payment_corrections.settle_difference(
        actor, ids[0], anna.view.version, "€ 50 teruggestort door mantelzorger"
    )

    assert settled.difference_cents == 0
    last = settled.history[-1]
    assert (last.from_status, last.to_status) == (ApplicationStatus.PAID, ApplicationStatus.PAID)
    assert "verschil verrekend: € 50,00 te veel betaald" in last.reason
    assert "teruggestort door mantelzorger" in last.reason
    overview = services.rounds.overview(round_id)
    assert overview.overpaid_cents == 5_000  # only Bram's € 50 is still open
    assert overview.paid_cents == 100_000  # the batch paid € 1.000; settling is not a payment
    with pytest.raises(NotAllowed, match="geen verschil"):
        services.payment_corrections.settle_difference(
            actor, ids[0], settled.view.version, "nog eens"
        )

    budget(80_000)  # € 800 / 2 = € 400: Anna € 100 too much, € 50 of it settled: € 50 open
    assert services.applications.detail(ids[0]).difference_cents == 5_000
    overview = services.rounds.overview(round_id)
    assert overview.overpaid_cents == 15_000  # Anna € 50 + Bram € 100
    budget(100_000)  # € 500 each again: Anna got back € 50 she was owed, € 50 too little now
    assert services.applications.detail(ids[0]).difference_cents == -5_000
    assert services.rounds.overview(round_id).underpaid_cents == 5_000


def test_settling_needs_a_note_and_changes_nothing_without_it(
    services: Services, actor: Actor, tmp_path: Path
) -> None:
    round_id = round_with(services, actor, BUDGET)
    app = apply(services, actor, round_id, pair(services, actor, "anna"), iban_number(1))
    services.applications.change_status(actor, app, 1, GRANTED)
    services.payments.make_batch(actor, round_id, PAY_DAY, tmp_path)
    view = services.rounds.get(round_id)
    services.rounds.update_rules(
        actor, round_id, view.version, replace(view.rules, fixed_budget_cents=90_000)
    )
    before = services.applications.detail(app)
    assert before.difference_cents == 10_000  # € 1.000 in the batch, € 900 the share
    with pytest.raises(InvalidValue, match="hoe het verschil"):
        services.payment_corrections.settle_difference(actor, app, before.view.version, " ")
    assert state(services, app) == state_of(before)
