"""The idle minutes before the window locks: a beheerder chooses 1 to 240, stored and read back."""

from __future__ import annotations

import pytest

from steunpunt.domain.accounts.lock_setting import AccountSettings, check_lock_minutes
from steunpunt.domain.errors import InvalidValue


@pytest.mark.parametrize("minutes", [1, 10, 240])
def test_every_minute_count_from_one_to_four_hours_is_accepted_and_kept(minutes: int) -> None:
    assert check_lock_minutes(minutes) == minutes
    stored = AccountSettings(minutes).to_json()
    assert AccountSettings.from_json(stored).lock_after_minutes == minutes


@pytest.mark.parametrize("minutes", [0, -5, 241])
def test_a_minute_count_outside_the_range_is_refused_in_dutch(minutes: int) -> None:
    with pytest.raises(InvalidValue, match="Vergrendelen kan na 1 tot 240 minuten"):
        check_lock_minutes(minutes)


@pytest.mark.parametrize(
    "stored",
    [
        "",
        "niet json",
        "[]",
        "{}",
        '{"lock_after_minutes": "5"}',
        '{"lock_after_minutes": 0}',
        '{"lock_after_minutes": 241}',
        '{"lock_after_minutes": 2.5}',
    ],
)
def test_a_missing_or_unreadable_stored_value_is_the_default_of_ten(stored: str) -> None:
    assert AccountSettings.from_json(stored).lock_after_minutes == 10
