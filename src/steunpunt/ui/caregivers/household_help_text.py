"""Household help in words: a grant's period, budget, verdict and facts, as the panel shows them."""

from __future__ import annotations

from datetime import timedelta
from html import escape

from steunpunt.domain.compliment.allocation import euro
from steunpunt.domain.dates import MONTHS, format_date
from steunpunt.domain.support.household_help.settings import hours_text
from steunpunt.services.support.dto import GrantView
from steunpunt.ui.compliment.decision_panel import FAILED_COLOUR, PASSED_COLOUR
from steunpunt.ui.i18n import tr

Month = tuple[int, int]
"""(year, month)."""


def period_text(grant: GrantView) -> str:
    """``"01-01-2026 t/m 31-12-2026"``, with the extension's end when there is one."""
    data = grant.data
    if data.extended_until is not None and data.extended_until > data.ends_on:
        return tr("{start} t/m {end} (verlengd)").format(
            start=format_date(data.starts_on), end=format_date(data.extended_until)
        )
    return f"{format_date(data.starts_on)} t/m {format_date(data.ends_on)}"


def budget_text(grant: GrantView) -> str:
    """``"Gebruikt 32 van 52 uur, nog 20 uur; eigen bijdrage tot nu toe € 240,00"``."""
    budget = grant.budget
    left = (
        tr("nog {hours} uur").format(hours=hours_text(budget.left_hours))
        if budget.left_hours >= 0
        else tr("{hours} uur te veel").format(hours=hours_text(-budget.left_hours))
    )
    return tr("Gebruikt {used} van {granted} uur, {left}; eigen bijdrage tot nu toe {paid}").format(
        used=hours_text(budget.used_hours),
        granted=hours_text(budget.granted_hours),
        left=left,
        paid=euro(budget.contribution_cents),
    )


def month_name(month: Month) -> str:
    """``(2026, 3)`` -> ``"maart 2026"``."""
    return f"{MONTHS[month[1] - 1]} {month[0]}"


def verdict_html(grant: GrantView) -> str:
    """How many rules fail, then every rule as a ✔ line in green or a ✘ line in red."""
    results, failures = grant.verdict.results, len(grant.verdict.failures)
    summary = (
        tr("Voldoet niet aan {n} van de {total} regels.").format(n=failures, total=len(results))
        if failures
        else tr("Voldoet aan alle regels.")
    )
    lines = [f"<b>{escape(summary)}</b>"]
    for result in results:
        mark, colour = ("✔", PASSED_COLOUR) if result.passed else ("✘", FAILED_COLOUR)
        text = escape(f"{mark} {result.explanation}", quote=False)
        lines.append(f'<span style="color: {colour.name()};">{text}</span>')
    return "<br>".join(lines)


def facts_text(grant: GrantView) -> str:
    """The period, evaluation, own contribution (and its changes), the stop, a kept reason and
    the note, one per line."""
    data = grant.data
    wmo = tr("; het huishouden heeft al Wmo-hulp") if data.household_has_wmo_help else ""
    facts = [
        tr("Periode {period}").format(period=period_text(grant))
        + (
            tr("; evaluatie op {day}").format(day=format_date(data.evaluation_on))
            if data.evaluation_on
            else tr("; geen evaluatiedatum")
        ),
        tr("Eigen bijdrage {amount} per uur").format(amount=euro(data.own_contribution_cents))
        + "".join(
            tr("; vanaf {month} {amount}").format(
                month=month_name((rate.starts_on.year, rate.starts_on.month)),
                amount=euro(rate.cents),
            )
            for rate in grant.rates
        )
        + wmo,
    ]
    if grant.stopped_on is not None:
        facts.append(
            tr("Beëindigd per {day} (laatste dag met hulp {last})").format(
                day=format_date(grant.stopped_on),
                last=format_date(grant.stopped_on - timedelta(days=1)),
            )
        )
    if grant.override_reason:
        facts.append(tr("Reden van het besluit: {reason}").format(reason=grant.override_reason))
    if data.note:
        facts.append(tr("Notitie: {note}").format(note=data.note.replace("\n", " ")))
    return "\n".join(facts)
