"""The recovery key as printed and typed: groups of four, a checksum, typos forgiven."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from steunpunt.domain.errors import InvalidValue
from steunpunt.domain.keys.recovery import (
    SECRET_BYTES,
    format_recovery_key,
    new_recovery_secret,
    parse_recovery_key,
)
from tests.strategies import PROPERTY, outcome

secrets_ = st.binary(min_size=SECRET_BYTES, max_size=SECRET_BYTES)


def test_a_recovery_key_is_ten_groups_of_four_letters() -> None:
    shown = format_recovery_key(bytes(SECRET_BYTES))
    groups = shown.split("-")
    assert [len(group) for group in groups] == [4] * 10
    assert groups[:8] == ["AAAA"] * 8  # 20 zero bytes in base32; the checksum follows
    assert set(shown) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567-")


def test_new_recovery_secrets_differ() -> None:
    assert new_recovery_secret() != new_recovery_secret()


def test_typed_with_spaces_lower_case_and_look_alikes_it_is_the_same_key() -> None:
    secret = bytes(range(SECRET_BYTES))
    shown = format_recovery_key(secret)
    typed = shown.replace("-", " ").lower().replace("o", "0").replace("i", "1").replace("b", "8")
    assert parse_recovery_key(f"  {typed}\n") == secret
    assert parse_recovery_key(shown.replace("-", "")) == secret


@pytest.mark.parametrize(
    ("typed", "words"),
    [
        ("", "Vul de herstelsleutel in"),
        ("ABCD-EFGH", "40 tekens"),
        ("ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567-ABCD-EFG9", "40 tekens"),
    ],
)
def test_a_key_that_is_no_recovery_key_is_refused_in_dutch(typed: str, words: str) -> None:
    with pytest.raises(InvalidValue, match=words):
        parse_recovery_key(typed)


def test_one_wrong_letter_is_a_typo() -> None:
    shown = format_recovery_key(bytes(range(SECRET_BYTES)))
    typo = ("B" if shown[0] != "B" else "C") + shown[1:]
    with pytest.raises(InvalidValue, match="tikfout"):
        parse_recovery_key(typo)


@PROPERTY
@given(secrets_, st.sampled_from([" ", "-", "", "  ", " - "]), st.booleans())
def test_every_secret_comes_back_as_typed(secret: bytes, separator: str, lower: bool) -> None:
    typed = format_recovery_key(secret).replace("-", separator)
    assert parse_recovery_key(typed.lower() if lower else typed) == secret


@PROPERTY
@given(secrets_, st.integers(min_value=0, max_value=48), st.characters())
def test_a_changed_character_gives_the_same_key_or_a_dutch_refusal(
    secret: bytes, position: int, replacement: str
) -> None:
    shown = format_recovery_key(secret)
    changed = shown[:position] + replacement + shown[position + 1 :]
    result = outcome(lambda: parse_recovery_key(changed))
    assert result.refused or result.value == secret
