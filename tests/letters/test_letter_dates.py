"""A letter date is a work date: from 2000 to a few years ahead, refused in Dutch otherwise."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import Engine

from steunpunt.domain.errors import InvalidValue
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.container import Services
from tests.helpers import add_mailing_people
from tests.letters.test_services_mailings import request
from tests.strategies import row_counts


@pytest.mark.parametrize("day", [date(9999, 12, 31), date(1, 1, 1), date(1999, 12, 31)])
def test_a_mailing_dated_far_away_is_refused_and_makes_nothing(
    services: Services, actor: Actor, engine: Engine, tmp_path: Path, day: date
) -> None:
    add_mailing_people(services, actor)
    out = tmp_path / "uit"
    dated = request(services, out, letter_date=day)
    before = row_counts(engine)
    with pytest.raises(InvalidValue, match="De briefdatum: vul een datum van 01-01-2000"):
        services.mailings.make_mailing(actor, dated)
    assert not out.exists()
    assert row_counts(engine) == before
