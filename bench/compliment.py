"""Bench for the compliment round (issue 4): rules and checks, preview, overview, payment files.

    python bench/compliment.py --applications 20000

Builds (or reuses) a database under bench/out/ with generated caregivers and one round of
applications for as many caregiver-naaste relations, then measures: all rules and fraud checks
of the round, the batch preview (rules, checks, caps and splits), the round overview, and the
SEPA file and Excel list for a payment to every applicant.
The last line printed is one JSON object with all figures.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from sqlalchemy import insert, select

from steunpunt.db.caregivers.models import Caregiver, CareRelation
from steunpunt.db.compliment.models import ApplicationStatusChange, ComplimentApplication
from steunpunt.demo.fill import fill_demo_database
from steunpunt.domain.compliment.round_rules import Applicant, RoundRules
from steunpunt.domain.compliment.status import ApplicationStatus
from steunpunt.io.payment_list import write_payment_list
from steunpunt.io.sepa_transfer import Debtor, Payment, write_sepa_credit_transfer
from steunpunt.paths import resolve_paths
from steunpunt.services.compliment.evaluation import evaluate_round
from steunpunt.services.duplicates.register_pairs import RegisterPairs
from steunpunt.startup import OpenDatabase, open_database
from timing import timed

HERE = Path(__file__).resolve().parent
TODAY = date(2026, 11, 22)
IBAN_BANKS = ("ABNA", "RABO", "INGB", "TRIO")


def iban(number: int) -> str:
    """A valid Dutch IBAN for every number (a few repeat on purpose, for the IBAN check)."""
    from stdnum import iban as stdnum_iban

    bban = f"{IBAN_BANKS[number % 4]}{number:010d}"
    return f"NL{stdnum_iban.calc_check_digits('NL00' + bban)}{bban}"


def build(folder: Path, applications: int) -> tuple[OpenDatabase, int]:
    """A database with caregivers and one round with ``applications`` applications."""
    paths = resolve_paths(folder).ensure()
    database = open_database(paths.database_file, paths)
    services, actor = database.services, database.actor
    rounds = services.rounds.rounds()
    if rounds:
        return database, rounds[0].id
    started = time.perf_counter()
    fill_demo_database(database.engine, int(applications * 1.4), today=TODAY)
    municipality = _most_common_municipality(database)
    round_id = services.rounds.create(
        actor,
        RoundRules(
            year=2026,
            municipality=municipality,
            opens_on=date(2026, 1, 1),
            closes_on=date(2026, 12, 1),
            amount_cents=10_000,
            per_address=2,
            max_caregivers_per_recipient=2,
            split_over_caregivers=True,
            applicant=Applicant.CAREGIVER,
        ),
    ).id
    with database.engine.begin() as connection:
        pairs = connection.execute(
            select(CareRelation.caregiver_id, CareRelation.care_recipient_id).limit(applications)
        ).all()
        rows = [
            {
                "round_id": round_id,
                "caregiver_id": caregiver_id,
                "care_recipient_id": recipient_id,
                "received_on": date(2026, 1 + number % 10, 1 + number % 28),
                "channel": "papier",
                "iban": iban(number if number % 97 else number - 1),
                "account_holder": "Rekeninghouder",
                "voucher_code": "",
                "status": ApplicationStatus.RECEIVED.value,
                "override_reason": "",
                "warnings_acknowledged": False,
                "in_sample": False,
            }
            for number, (caregiver_id, recipient_id) in enumerate(pairs, start=1)
        ]
        ids = connection.scalars(
            insert(ComplimentApplication).returning(
                ComplimentApplication.id, sort_by_parameter_order=True
            ),
            rows,
        ).all()
        connection.execute(
            insert(ApplicationStatusChange),
            [{"application_id": i, "to_status": "ontvangen", "reason": ""} for i in ids],
        )
    print(
        f"built {len(rows)} applications in {time.perf_counter() - started:.1f} s", file=sys.stderr
    )
    return database, round_id


def _most_common_municipality(database: OpenDatabase) -> str:
    from sqlalchemy import func

    from steunpunt.db.caregivers.models import CareRecipient

    with database.engine.connect() as connection:
        return str(
            connection.execute(
                select(CareRecipient.municipality)
                .where(CareRecipient.municipality != "")
                .group_by(CareRecipient.municipality)
                .order_by(func.count().desc())
                .limit(1)
            ).scalar_one()
        )


def payments(database: OpenDatabase) -> list[Payment]:
    """A payment to every applicant of the round, as a payment batch makes them."""
    with database.engine.connect() as connection:
        rows = connection.execute(
            select(
                ComplimentApplication.id,
                ComplimentApplication.iban,
                Caregiver.first_name,
                Caregiver.infix,
                Caregiver.last_name,
            ).join(Caregiver, Caregiver.id == ComplimentApplication.caregiver_id)
        ).all()
    return [
        Payment(
            f"MC2026-1-1-{number}",
            " ".join(part for part in (first, infix, last) if part),
            account,
            10_000,
            f"Mantelzorgcompliment 2026 voor {first} {last}",
        )
        for number, account, first, infix, last in rows
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--applications", type=int, default=20_000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    folder = HERE / "out" / f"compliment-{args.applications}"
    database, round_id = build(folder, args.applications)
    services = database.services
    try:
        from steunpunt.db.kernel.engine import make_session_factory
        from steunpunt.services.kernel.session_scope import SessionScope

        session_scope = SessionScope(make_session_factory(database.engine))
        register = RegisterPairs(session_scope.changes)

        def rules_and_checks() -> None:
            with session_scope() as session:
                evaluate_round(session, round_id, register)

        # the register's likely duplicates are found once, then kept as the program keeps them
        started = time.perf_counter()
        rules_and_checks()
        first_evaluation = time.perf_counter() - started

        evaluation_median, evaluation_best = timed(rules_and_checks, args.rounds)
        preview_median, preview_best = timed(
            lambda: services.applications.batch_preview(round_id), args.rounds
        )
        overview_median, overview_best = timed(
            lambda: services.rounds.overview(round_id), args.rounds
        )
        transfers = payments(database)
        payer = Debtor("Gemeente Bench", iban(10**9), "")
        with tempfile.TemporaryDirectory() as folder:
            sepa_median, sepa_best = timed(
                lambda: write_sepa_credit_transfer(
                    Path(folder) / "betaling.xml", payer, transfers, TODAY, "MC2026-1-1"
                ),
                args.rounds,
            )
            list_median, _ = timed(
                lambda: write_payment_list(Path(folder) / "lijst.xlsx", "Bench", transfers), 1
            )
        preview = services.applications.batch_preview(round_id)
        with session_scope() as session:
            evaluation = evaluate_round(session, round_id, register)
        warned = sum(1 for warnings in evaluation.warnings.values() if warnings)
        figures = {
            "applications": len(evaluation.applications),
            "rules_and_checks_s_median": round(evaluation_median, 3),
            "rules_and_checks_s_best": round(evaluation_best, 3),
            "rules_and_checks_target_s": 2.0,
            "rules_and_checks_first_s": round(first_evaluation, 3),
            "batch_preview_s_median": round(preview_median, 3),
            "batch_preview_s_best": round(preview_best, 3),
            "overview_ms_median": round(overview_median * 1000, 1),
            "overview_ms_best": round(overview_best * 1000, 1),
            "overview_target_ms": 300,
            "payments": len(transfers),
            "sepa_file_s_median": round(sepa_median, 3),
            "sepa_file_s_best": round(sepa_best, 3),
            "sepa_file_target_s": 2.0,
            "excel_payment_list_s": round(list_median, 3),
            "eligible": sum(1 for verdict in evaluation.verdicts.values() if verdict.eligible),
            "with_warnings": warned,
            "preview_to_grant": len(preview.to_decide),
            "preview_left": len(preview.left),
        }
        figures["targets_met"] = (
            figures["rules_and_checks_s_median"] <= 2.0
            and figures["overview_ms_median"] <= 300
            and figures["sepa_file_s_median"] <= 2.0
        )
    finally:
        database.close()
    for key, value in figures.items():
        print(f"{key:>28}: {value}", file=sys.stderr)
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
