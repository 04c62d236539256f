"""Burden of care measured with the EDIZ-plus: 15 statements scored 0 or 1, a total, a band.

The bands and the overload threshold are settings; the defaults follow the instrument
(0 geen, 1-3 licht, 4-8 matig, 9-15 zwaar; overbelast from 9).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass, fields
from datetime import date

from steunpunt.domain.choices import LabelledChoice
from steunpunt.domain.errors import InvalidValue, ValidationFailed
from steunpunt.domain.fields import check_not_future, note_text, required_date
from steunpunt.domain.input_policy import (
    LATEST_DATE,
    WORK_DATE_FIRST,
    check_date_range,
    check_work_date,
    refusal,
)

EDIZ_PLUS_ITEMS = 15


class BurdenLevel(LabelledChoice):
    NONE = "geen"
    LIGHT = "licht"
    MODERATE = "matig"
    HEAVY = "zwaar"

    @property
    def label(self) -> str:
        return {
            BurdenLevel.NONE: "Geen",
            BurdenLevel.LIGHT: "Licht",
            BurdenLevel.MODERATE: "Matig",
            BurdenLevel.HEAVY: "Zwaar",
        }[self]


@dataclass(frozen=True)
class BurdenBands:
    """Where each band starts (a total score) and from which total someone is overloaded."""

    light_from: int = 1
    moderate_from: int = 4
    heavy_from: int = 9
    overload_from: int = 9
    items: int = EDIZ_PLUS_ITEMS

    def level(self, total: int) -> BurdenLevel:
        if total >= self.heavy_from:
            return BurdenLevel.HEAVY
        if total >= self.moderate_from:
            return BurdenLevel.MODERATE
        if total >= self.light_from:
            return BurdenLevel.LIGHT
        return BurdenLevel.NONE

    def overloaded(self, total: int) -> bool:
        return total >= self.overload_from

    def check(self) -> BurdenBands:
        """The bands in order within the score range, or every problem in Dutch."""
        errors: dict[str, str] = {}
        if not 1 <= self.items <= 50:
            errors["items"] = "Een vragenlijst heeft 1 tot 50 uitspraken."
        if not 1 <= self.light_from < self.moderate_from < self.heavy_from <= self.items:
            errors["light_from"] = (
                f"De banden moeten oplopen: licht, dan matig, dan zwaar, binnen 1 tot en met "
                f"{self.items}."
            )
        if not 1 <= self.overload_from <= self.items:
            errors["overload_from"] = f"De grens voor overbelasting ligt tussen 1 en {self.items}."
        if errors:
            raise ValidationFailed(errors)
        return self


def bands_to_json(bands: BurdenBands) -> str:
    return json.dumps(asdict(bands))


def bands_from_json(text: str) -> BurdenBands:
    """Stored bands; anything unreadable falls back to the defaults."""
    try:
        data = json.loads(text)
    except ValueError:
        return BurdenBands()
    if not isinstance(data, dict):
        return BurdenBands()
    values = {
        field.name: data[field.name]
        for field in fields(BurdenBands)
        if isinstance(data.get(field.name), int) and not isinstance(data.get(field.name), bool)
    }
    bands = BurdenBands(**values)
    try:
        return bands.check()
    except ValidationFailed:
        return BurdenBands()


@dataclass(frozen=True)
class AssessmentData:
    """One EDIZ-plus as entered from the paper form: every answer, or only the total."""

    assessed_on: date
    total: int
    answers: tuple[bool, ...] | None
    """Each statement: True scores 1 ("ja"/"soms"). None when only the total is known."""
    note: str = ""


def check_assessment(data: AssessmentData, items: int) -> None:
    """Refuse in Dutch a measurement no form could give: a total outside 0 to ``items``, or
    answers that are not all ``items`` statements or do not add up to the total."""
    errors: dict[str, str] = {}
    if not WORK_DATE_FIRST <= data.assessed_on <= LATEST_DATE:
        errors["assessed_on"] = refusal(
            check_date_range,
            data.assessed_on,
            WORK_DATE_FIRST,
            LATEST_DATE,
            "De datum van de meting",
        )
    if message := refusal(note_text, data.note):
        errors["note"] = message
    if not 0 <= data.total <= items:
        errors["total"] = f"De totaalscore is een heel getal van 0 tot en met {items}."
    if data.answers is not None:
        if len(data.answers) != items:
            errors["answers"] = f"Vul alle {items} uitspraken in, of alleen de totaalscore."
        elif sum(data.answers) != data.total:
            errors["total"] = (
                f"De totaalscore {data.total} past niet bij de antwoorden ({sum(data.answers)})."
            )
    if errors:
        raise ValidationFailed(errors)


def assessment_from_form(
    assessed_on: str,
    answers: Sequence[bool | None],
    total: str,
    note: str,
    today: date,
    items: int = EDIZ_PLUS_ITEMS,
) -> AssessmentData:
    """Read the form: all answers (the total is their sum) or none and a total; else Dutch errors."""
    errors: dict[str, str] = {}
    day: date | None = None
    try:
        day = required_date(assessed_on)
        check_work_date(day, today, "De datum van de meting")
    except InvalidValue as error:
        day = None
        errors["assessed_on"] = error.message
    message = check_not_future(day, today, "De datum van de meting")
    if message:
        errors["assessed_on"] = message
    given = [answer for answer in answers if answer is not None]
    score: int | None = None
    kept: tuple[bool, ...] | None = None
    if given:
        missing = [number for number, answer in enumerate(answers, start=1) if answer is None]
        if len(answers) != items or missing:
            shown = ", ".join(map(str, missing[:5])) + (" ..." if len(missing) > 5 else "")
            errors["answers"] = (
                f"Vul alle {items} uitspraken in, of alleen de totaalscore. Nog open: {shown}."
            )
        else:
            kept = tuple(bool(answer) for answer in answers)
            score = sum(kept)
            if total.strip() and total.strip() != str(score):
                errors["total"] = (
                    f"De totaalscore {total.strip()} past niet bij de antwoorden ({score})."
                )
    else:
        score = _total(total, items, errors)
    try:
        text = note_text(note)
    except InvalidValue as error:
        errors["note"] = error.message
        text = ""
    if errors or day is None or score is None:
        raise ValidationFailed(errors or {"total": "Vul de totaalscore in."})
    return AssessmentData(day, score, kept, text)


def _total(text: str, items: int, errors: dict[str, str]) -> int | None:
    """The typed total, 0 to ``items``."""
    if not text.strip():
        errors["total"] = "Vul de antwoorden in, of alleen de totaalscore."
        return None
    digits = text.strip()
    # int() also reads "٣" and "３", and refuses 5,000 digits with a ValueError of its own
    if not (digits.isascii() and digits.isdigit()) or len(digits) > len(str(items)):
        errors["total"] = f"De totaalscore is een heel getal van 0 tot en met {items}."
        return None
    value = int(digits)
    if not 0 <= value <= items:
        errors["total"] = f"De totaalscore is een heel getal van 0 tot en met {items}."
        return None
    return value


def answers_to_text(answers: tuple[bool, ...] | None) -> str:
    """``(True, False, ...)`` -> ``"10..."`` for storage; ``""`` when only the total is known."""
    return "" if answers is None else "".join("1" if answer else "0" for answer in answers)


def answers_from_text(text: str) -> tuple[bool, ...] | None:
    return tuple(ch == "1" for ch in text) if text else None
