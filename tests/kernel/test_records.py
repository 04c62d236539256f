"""The shared steps of every edit: a change by someone else is refused in Dutch."""

from __future__ import annotations

import pytest
from sqlalchemy.orm.exc import StaleDataError

from steunpunt.services.kernel.errors import StaleEdit
from steunpunt.services.kernel.records import refuse_stale


def test_a_change_found_when_writing_is_refused_naming_the_record() -> None:
    refused = pytest.raises(StaleEdit, match="Deze mantelzorger is intussen door iemand anders")
    with refused, refuse_stale("Deze mantelzorger"):
        raise StaleDataError("UPDATE statement on table 'caregiver' expected to update 1 row")


def test_other_errors_pass_unchanged() -> None:
    with pytest.raises(KeyError), refuse_stale("Deze mantelzorger"):
        raise KeyError("x")
