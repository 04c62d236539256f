"""The verantwoording for the gemeente: counts over a period, small counts suppressed.

The tables are counted as they are, for every gemeente in one pass
(:mod:`steunpunt.services.reports.counts`); :mod:`steunpunt.domain.reports.suppression` then hides
what must be hidden, for one gemeente alone or, for all gemeenten, consistently with each one.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Mapping
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal

from steunpunt.db.reports import queries as q
from steunpunt.domain.choices import ContactKind, RelationType, Source
from steunpunt.domain.compliment.allocation import euro
from steunpunt.domain.dates import long_date
from steunpunt.domain.errors import InvalidValue
from steunpunt.domain.numbers import number_text
from steunpunt.domain.reports.period import GrantTerm, hours_in_period, to_tenths
from steunpunt.domain.reports.report import (
    Cell,
    Headline,
    Report,
    ReportSettings,
    ReportTable,
    report_settings_from_json,
    report_settings_to_json,
)
from steunpunt.domain.reports.suppression import suppress_all_gemeenten, suppress_report
from steunpunt.domain.support.burden import bands_from_json
from steunpunt.domain.support.household_help.settings import HouseholdHelpRules
from steunpunt.domain.support.partner import PartnerKind
from steunpunt.domain.support.referral import ReferralOutcome
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.office_settings import (
    BURDEN_BANDS,
    REPORT,
    read_setting,
    write_setting,
)
from steunpunt.services.kernel.session_scope import SessionScope
from steunpunt.services.kernel.use_case import reads, writes
from steunpunt.services.reports.counts import (
    Counts,
    ReferralKey,
    Term,
    count_per_gemeente,
    shown_years,
    total,
)
from steunpunt.services.support.household_help_records import read_rules

log = logging.getLogger(__name__)

TITLE = "Verantwoording mantelzorgondersteuning"
OUTCOMES = (*ReferralOutcome, None)


class ReportService:
    """Counts for the gemeente, computed by the database; a report holds no personal data."""

    def __init__(self, scope: SessionScope, today: Callable[[], date]) -> None:
        self._scope = scope
        self._today = today

    @reads
    def settings(self) -> ReportSettings:
        with self._scope() as session:
            return read_setting(session, REPORT, report_settings_from_json)

    @writes
    def save_settings(self, actor: Actor, settings: ReportSettings) -> None:
        with self._scope() as session:
            write_setting(session, REPORT, report_settings_to_json(settings.check()))
            log.info("Report settings saved by staff %s", actor.staff_id)

    @reads
    def municipalities(self) -> list[str]:
        """The gemeenten caregivers live in, most caregivers first."""
        with self._scope() as session:
            return [str(name) for name in session.scalars(q.municipalities_query())]

    @reads
    def report(
        self, starts_on: date, ends_on: date, municipality: str = "", organisation: str = ""
    ) -> Report:
        """The whole report for the gemeente ("" for every gemeente) over the period."""
        if ends_on < starts_on:
            raise InvalidValue("Het einde van de periode ligt vóór het begin.")
        with self._scope() as session:
            settings = read_setting(session, REPORT, report_settings_from_json)
            overload_from = read_setting(session, BURDEN_BANDS, bands_from_json).overload_from
            rules = read_rules(session)
            per_gemeente = count_per_gemeente(
                session,
                (starts_on, ends_on),
                municipality,
                settings.age_brackets,
                overload_from,
                period_over(ends_on),
            )

            def counted(where: str, counts: Counts) -> Report:
                maker = _Tables(counts, starts_on, ends_on, settings, overload_from, rules)
                tables, headlines = maker.tables()
                return Report(
                    title=TITLE,
                    organisation=organisation,
                    municipality=where,
                    starts_on=starts_on,
                    ends_on=ends_on,
                    made_on=self._today(),
                    suppress_below=settings.suppress_below,
                    headlines=headlines,
                    tables=tables,
                )

            report = counted(municipality, total(per_gemeente.values()))
            if municipality:
                report = suppress_report(report)
            elif settings.suppress_below:
                names = [str(name) for name in session.scalars(q.municipalities_query())]
                parts = [counted(name, per_gemeente.get(name, Counts())) for name in names]
                report = suppress_all_gemeenten(report, parts)
        log.info("Report made for %s, %s to %s", municipality or "all", starts_on, ends_on)
        return report


class _Tables:
    """The report's tables from its counts, in the order the gemeente reads them."""

    def __init__(
        self,
        counts: Counts,
        starts_on: date,
        ends_on: date,
        settings: ReportSettings,
        overload_from: int,
        rules: HouseholdHelpRules,
    ) -> None:
        self._counts = counts
        self._start, self._end = starts_on, ends_on
        self._settings = settings
        self._overload_from = overload_from
        self._rules = rules

    def _cell(self, count: int) -> Cell:
        """A count as counted: the whole report is suppressed at once afterwards."""
        return int(count)

    def _rows(self, pairs: Iterable[tuple[str, int]]) -> tuple[tuple[Cell, ...], ...]:
        return tuple((label, self._cell(count)) for label, count in pairs)

    def tables(self) -> tuple[tuple[ReportTable, ...], tuple[Headline, ...]]:
        counts, start, end = self._counts, self._start, self._end
        at_start, new, ended, at_end = counts.reach
        overload = counts.overload
        applied, granted, refused, paid, granted_cents, paid_cents = counts.compliment
        tables = (
            ReportTable(
                "bereik",
                "Bereik in de periode",
                ("", "Aantal mantelzorgers"),
                self._rows(
                    [
                        (f"Ingeschreven op {long_date(start)}", at_start),
                        ("Nieuw ingeschreven", new),
                        ("Uitgeschreven", ended),
                        (f"Ingeschreven op {long_date(end)}", at_end),
                    ]
                ),
            ),
            self._years(),
            self._ages(),
            self._grouped(
                "relatie",
                "Relatie tot de naaste",
                counts.relations,
                {choice.value: choice.label for choice in RelationType},
                f"Ingeschreven op {long_date(end)}, per zorgrelatie: wie voor meer naasten "
                "zorgt, telt vaker mee.",
            ),
            self._grouped(
                "herkomst",
                "Hoe de nieuwe mantelzorgers het steunpunt vonden",
                counts.sources,
                {choice.value: choice.label for choice in Source},
                "Nieuw ingeschreven in de periode.",
            ),
            ReportTable(
                "overbelasting",
                "Overbelaste mantelzorgers en hun ondersteuning",
                ("", "Aantal mantelzorgers"),
                self._rows(
                    zip(
                        (
                            f"Overbelast op {long_date(end)} (laatste EDIZ-plus)",
                            "Met een contactmoment in de periode",
                            "Met een verwijzing in de periode",
                            "Met huishoudelijke hulp in de periode",
                            "Met ten minste één van deze",
                        ),
                        overload,
                        strict=True,
                    )
                ),
                note=(
                    f"Ingeschreven op {long_date(end)} en overbelast volgens de laatste "
                    f"EDIZ-plus op of vóór die dag (score {self._overload_from} of hoger); "
                    "steun gedurende de periode."
                ),
            ),
            self._grouped(
                "contacten",
                "Contactmomenten per soort",
                counts.contacts,
                {choice.value: choice.label for choice in ContactKind},
                total=True,
            ),
            ReportTable(
                "compliment",
                "Mantelzorgcompliment",
                ("", "Aantal / bedrag"),
                (
                    *self._rows(
                        [
                            ("Aanvragen", applied),
                            ("Toegekend", granted),
                            ("Afgewezen", refused),
                            ("Uitbetaald", paid),
                        ]
                    ),
                    ("Bedrag toegekend", euro(int(granted_cents))),
                    ("Bedrag uitbetaald", euro(int(paid_cents))),
                ),
                note=(
                    "Aanvragen ontvangen in de periode van mantelzorgers die in de gemeente "
                    f"wonen, uit elke ronde; toegekend, afgewezen en uitbetaald op "
                    f"{long_date(end)}."
                ),
            ),
            self._household_help(),
            self._referrals(counts.referrals),
        )
        headlines = (
            Headline(f"Ingeschreven op {long_date(end)}", self._cell(at_end)),
            Headline("Nieuw in de periode", self._cell(new)),
            Headline("Overbelast", self._cell(overload[0])),
            Headline("Verwijzingen", self._cell(sum(counts.referrals.values()))),
            Headline("Complimenten toegekend", self._cell(granted)),
        )
        return tables, headlines

    def _years(self) -> ReportTable:
        last = self._end.year
        years = shown_years(last)
        row = self._counts.years
        return ReportTable(
            "jaren",
            "Bereik door de jaren",
            ("Jaar", "Ingeschreven op 31 december", "Nieuw in het jaar"),
            tuple(
                (str(year), self._cell(row[2 * i]), self._cell(row[2 * i + 1]))
                for i, year in enumerate(years)
            ),
            note=f"Voor {last}: ingeschreven op {long_date(self._end)}.",
            chart=True,
        )

    def _ages(self) -> ReportTable:
        labels = self._settings.bracket_labels()
        counts = dict.fromkeys(range(-1, len(labels)), 0) | self._counts.ages
        pairs = [(label, counts[i]) for i, label in enumerate(labels)]
        pairs.append(("Leeftijd onbekend", counts[-1]))
        return ReportTable(
            "leeftijd",
            "Mantelzorgers naar leeftijd",
            ("Leeftijd", "Aantal mantelzorgers"),
            self._rows(pairs),
            note=f"Ingeschreven op {long_date(self._end)}, leeftijd op die dag.",
            chart=True,
        )

    def _grouped(
        self,
        key: str,
        title: str,
        counted: Mapping[str, int],
        labels: dict[str, str],
        note: str = "",
        total: bool = False,
    ) -> ReportTable:
        """Counts per code in the order of ``labels`` (codes without a count show 0)."""
        found = dict(counted)
        pairs = [(label, found.pop(code, 0)) for code, label in labels.items()]
        pairs += [(q.UNKNOWN.capitalize(), sum(found.values()))] if found else []
        if total:
            pairs.append(("Totaal", sum(count for _label, count in pairs)))
        return ReportTable(
            key, title, ("", "Aantal"), self._rows(pairs), note=note, chart=not total
        )

    def _household_help(self) -> ReportTable:
        start, end = self._start, self._end
        helped, grants = self._counts.household_help
        terms = sorted(self._counts.grant_terms.items(), key=_term_order)
        granted = sum(
            (
                hours_in_period(self._rules, GrantTerm(yearly, *days), (start, end)) * count
                for (*days, yearly), count in terms
            ),
            Decimal(0),
        )
        used = self._counts.hours_used
        return ReportTable(
            "huishoudelijke_hulp",
            "Huishoudelijke hulp voor de mantelzorger",
            ("", "Aantal / uren"),
            (
                *self._rows(
                    [
                        ("Mantelzorgers geholpen", helped),
                        ("Toekenningen", grants),
                    ]
                ),
                ("Uren toegekend, naar rato van de periode", number_text(to_tenths(granted))),
                ("Uren geleverd in de maanden van de periode", number_text(to_tenths(used))),
            ),
            note=(
                "Hulp die in de periode liep (toegekend, lopend of beëindigd). Uren toegekend: "
                "het budget van elke toekenning, gelijk verdeeld over haar dagen, voor de dagen "
                "in de periode."
            ),
        )

    def _referrals(self, referrals: Mapping[ReferralKey, int]) -> ReportTable:
        per_partner: dict[tuple[str, str], dict[str | None, int]] = {}
        for (name, kind, outcome), count in referrals.items():
            per_partner.setdefault((name, kind), {})[outcome] = count
        table: list[tuple[Cell, ...]] = []
        totals = dict.fromkeys(OUTCOMES, 0)
        for (name, kind), counts in sorted(per_partner.items()):
            label = PartnerKind(kind).label if kind in PartnerKind._value2member_map_ else kind
            for outcome in OUTCOMES:
                totals[outcome] += counts.get(outcome, 0)
            table.append(
                (
                    f"{name} ({label})",
                    self._cell(sum(counts.values())),
                    *(self._cell(counts.get(outcome, 0)) for outcome in OUTCOMES),
                )
            )
        table.append(
            (
                "Totaal",
                self._cell(sum(totals.values())),
                *(self._cell(totals[outcome]) for outcome in OUTCOMES),
            )
        )
        return ReportTable(
            "verwijzingen",
            "Verwijzingen per organisatie en uitkomst",
            ("Organisatie", "Totaal", *(o.label for o in ReferralOutcome), "Nog open"),
            tuple(table),
            note=(
                "Verwijzingen gedaan in de periode terwijl de mantelzorger ingeschreven was; "
                f"uitkomst op {long_date(self._end)} (nog open: toen nog niet afgesloten)."
            ),
        )


def _term_order(item: tuple[Term, int]) -> tuple[tuple[bool, object], ...]:
    """Grant terms in the database's order (an empty stop or extension first), so that their
    hours are added up in the same order for one gemeente and for all."""
    return tuple((value is not None, value) for value in item[0])


def period_over(ends_on: date) -> datetime:
    """The moment the period ends: midnight after ``ends_on`` in local time, in UTC."""
    return datetime.combine(ends_on + timedelta(days=1), time.min).astimezone(UTC)
