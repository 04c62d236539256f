"""EDIZ-plus: bands and overload per total (defaults and a steunpunt's own), and the form."""

from __future__ import annotations

from datetime import date

import pytest

from steunpunt.domain.errors import ValidationFailed
from steunpunt.domain.support.burden import (
    BurdenBands,
    BurdenLevel,
    assessment_from_form,
    bands_from_json,
    bands_to_json,
)

TODAY = date(2026, 11, 22)
NONE, LIGHT, MODERATE, HEAVY = (
    BurdenLevel.NONE,
    BurdenLevel.LIGHT,
    BurdenLevel.MODERATE,
    BurdenLevel.HEAVY,
)


@pytest.mark.parametrize(
    ("total", "level", "overloaded"),
    [
        (0, NONE, False),
        (1, LIGHT, False),
        (3, LIGHT, False),
        (4, MODERATE, False),
        (8, MODERATE, False),
        (9, HEAVY, True),
        (15, HEAVY, True),
    ],
)
def test_the_default_bands_of_the_instrument(
    total: int, level: BurdenLevel, overloaded: bool
) -> None:
    bands = BurdenBands()
    assert bands.level(total) is level
    assert bands.overloaded(total) is overloaded


@pytest.mark.parametrize(
    ("total", "level", "overloaded"),
    [(1, NONE, False), (2, LIGHT, False), (6, MODERATE, False), (7, MODERATE, True)],
)
def test_a_steunpunts_own_bands_and_threshold(
    total: int, level: BurdenLevel, overloaded: bool
) -> None:
    bands = BurdenBands(light_from=2, moderate_from=5, heavy_from=10, overload_from=7)
    assert bands.level(total) is level
    assert bands.overloaded(total) is overloaded


@pytest.mark.parametrize(
    ("bands", "field"),
    [
        (BurdenBands(light_from=4, moderate_from=4), "light_from"),
        (BurdenBands(heavy_from=16), "light_from"),
        (BurdenBands(overload_from=0), "overload_from"),
        (BurdenBands(items=0), "items"),
    ],
)
def test_impossible_bands_are_refused_at_their_field(bands: BurdenBands, field: str) -> None:
    with pytest.raises(ValidationFailed) as refused:
        bands.check()
    assert field in refused.value.errors


def test_stored_bands_survive_and_broken_ones_fall_back() -> None:
    own = BurdenBands(light_from=2, moderate_from=5, heavy_from=10, overload_from=7)
    assert bands_from_json(bands_to_json(own)) == own
    assert bands_from_json("{kapot") == BurdenBands()
    assert bands_from_json('{"light_from": 9, "moderate_from": 4}') == BurdenBands()


ALL_YES = [True] * 15


@pytest.mark.parametrize(
    ("answers", "total", "expected_total", "kept"),
    [
        (ALL_YES, "", 15, tuple(ALL_YES)),
        ([True] * 10 + [False] * 5, "10", 10, (True,) * 10 + (False,) * 5),
        ([None] * 15, "7", 7, None),  # only the total is known
        ([None] * 15, "0", 0, None),
    ],
)
def test_the_form_takes_every_answer_or_only_the_total(
    answers: list[bool | None], total: str, expected_total: int, kept: tuple[bool, ...] | None
) -> None:
    data = assessment_from_form("1-11-2026", answers, total, "", TODAY)
    assert (data.total, data.answers, data.assessed_on) == (expected_total, kept, date(2026, 11, 1))


@pytest.mark.parametrize(
    ("day", "answers", "total", "field", "words"),
    [
        ("1-11-2026", [True] * 8 + [None] * 7, "", "answers", "Nog open: 9, 10, 11, 12, 13 ..."),
        ("1-11-2026", ALL_YES, "12", "total", "past niet bij de antwoorden (15)"),
        ("1-11-2026", [None] * 15, "16", "total", "0 tot en met 15"),
        ("1-11-2026", [None] * 15, "veel", "total", "heel getal"),
        ("1-11-2026", [None] * 15, "\u0663", "total", "heel getal"),  # int() reads Arabic-Indic 3
        ("1-11-2026", [None] * 15, "\uff13", "total", "heel getal"),  # and a full-width 3
        ("1-11-2026", [None] * 15, "", "total", "alleen de totaalscore"),
        ("1-12-2026", ALL_YES, "", "assessed_on", "toekomst"),
        ("", ALL_YES, "", "assessed_on", "Vul een datum in"),
    ],
)
def test_the_form_refuses_in_dutch_at_the_field(
    day: str, answers: list[bool | None], total: str, field: str, words: str
) -> None:
    with pytest.raises(ValidationFailed) as refused:
        assessment_from_form(day, answers, total, "", TODAY)
    assert words in refused.value.errors[field]
