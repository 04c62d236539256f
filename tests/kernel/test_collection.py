"""The collector paused for a bulk task comes back as it was, also after an error."""

from __future__ import annotations

import gc

import pytest

from steunpunt.services.kernel.collection import paused_collection


def test_the_collector_is_paused_and_back_after_the_task() -> None:
    assert gc.isenabled()
    with paused_collection():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_the_collector_is_back_after_an_error() -> None:
    with pytest.raises(ValueError), paused_collection():
        raise ValueError
    assert gc.isenabled()


def test_a_paused_collector_stays_paused_after_a_nested_task() -> None:
    gc.disable()
    try:
        with paused_collection():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
