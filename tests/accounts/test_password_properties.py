"""The password policy over any text: a password is accepted only when it keeps every rule, and
is refused otherwise with a Dutch reason; the wait after failures only grows, up to 5 minutes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from steunpunt.domain.accounts.logins import fold_login, parse_login
from steunpunt.domain.accounts.passwords import MIN_LENGTH, check_new_password, password_problem
from steunpunt.domain.accounts.waits import MAX_WAIT_SECONDS, seconds_to_wait, wait_after
from steunpunt.domain.errors import InvalidValue
from tests.strategies import PROPERTY, any_text

DUTCH = ("wachtwoord", "Kies")


@PROPERTY
@given(any_text)
def test_a_password_is_accepted_only_when_long_and_uncommon(password: str) -> None:
    problem = password_problem(password, password)
    if problem is None:
        assert len(password) >= MIN_LENGTH and password.strip()
    else:
        assert any(word in problem for word in DUTCH)
        with pytest.raises(InvalidValue):
            check_new_password(password, password)


@PROPERTY
@given(any_text, any_text)
def test_two_different_passwords_are_always_refused(password: str, repeated: str) -> None:
    if password != repeated:
        assert password_problem(password, repeated) == (
            "De twee wachtwoorden zijn niet gelijk. Typ hetzelfde wachtwoord twee keer."
        )


@PROPERTY
@given(st.text(min_size=0, max_size=MIN_LENGTH - 1))
def test_a_short_password_is_refused(password: str) -> None:
    assert password_problem(password, password) is not None


@pytest.mark.parametrize(
    "password", ["password1234", "Password1234", "qwertyuiop123", "123456789012"]
)
def test_common_passwords_are_refused(password: str) -> None:
    assert "veelgebruikte" in (password_problem(password, password) or "")


def test_a_long_uncommon_password_is_accepted() -> None:
    assert password_problem("paars konijn op de fiets", "paars konijn op de fiets") is None


@PROPERTY
@given(any_text)
def test_a_login_is_folded_or_refused_in_dutch(text: str) -> None:
    try:
        login = parse_login(text)
    except InvalidValue as refused:
        assert "inlognaam" in refused.message
    else:
        assert login == fold_login(login) == login.strip().casefold() and 2 <= len(login) <= 64


@PROPERTY
@given(st.integers(0, 10_000), st.integers(0, 1_000))
def test_the_wait_grows_with_the_failures_and_is_capped(failures: int, seconds: int) -> None:
    assert wait_after(failures) <= wait_after(failures + 1)
    assert wait_after(failures) <= timedelta(seconds=MAX_WAIT_SECONDS)
    assert (wait_after(failures) > timedelta(0)) == (failures >= 5)
    failed = datetime(2026, 1, 1, tzinfo=UTC)
    left = seconds_to_wait(failures, failed, failed + timedelta(seconds=seconds))
    assert 0 <= left <= MAX_WAIT_SECONDS
    assert left == 0 or failures >= 5


@PROPERTY
@given(st.text(max_size=MIN_LENGTH - 1))
def test_a_password_too_short_never_reaches_the_common_password_lists(
    password: str,
) -> None:
    """The frozen program ships only the lists of MIN_LENGTH characters and more
    (installer/steunpunt.spec): a shorter password must be refused before any list is read."""
    from steunpunt.domain.accounts import passwords

    read: list[str] = []
    real = passwords.is_bad_password
    passwords.is_bad_password = lambda typed: bool(read.append(typed))  # type: ignore[assignment]
    try:
        assert password_problem(password, password) is not None
    finally:
        passwords.is_bad_password = real
    assert read == []
