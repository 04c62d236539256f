"""The caregiver form's subtitle: dossier number, age, address, burden band and the end of
registration."""

from __future__ import annotations

from datetime import date

from steunpunt.domain.age import age_on, bracket_for
from steunpunt.domain.caregivers.caregiver import CaregiverData
from steunpunt.domain.dates import format_date
from steunpunt.services.support.dto import AssessmentView
from steunpunt.ui.i18n import tr


def caregiver_subtitle(
    caregiver_id: int, data: CaregiverData, latest: AssessmentView | None, today: date
) -> str:
    """One line under the name, its parts joined by dots. The number is the one the command
    line (``steunpunt inzage NUMMER``) and the audit log's export name the person by."""
    parts = [tr("nr. {number}").format(number=caregiver_id)]
    if data.birth_date:
        parts.append(
            tr("{age} jaar ({bracket})").format(
                age=age_on(data.birth_date, today),
                bracket=bracket_for(data.birth_date, today).value,
            )
        )
    parts.append(data.address.one_line)
    if latest is not None:
        band = tr("belasting {band}").format(band=tr(latest.level.label).lower())
        parts.append(band + (tr(", overbelast") if latest.overloaded else ""))
    if data.ended_on:
        parts.append(tr("inschrijving beëindigd op {d}").format(d=format_date(data.ended_on)))
    return " · ".join(p for p in parts if p)
