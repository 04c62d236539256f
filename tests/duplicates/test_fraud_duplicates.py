"""The compliment round flags an applicant who is likely in the register twice, until decided."""

from __future__ import annotations

from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.container import Services
from tests.compliment.test_services_compliment import SOEST, apply, iban_number, pair
from tests.helpers import add_caregiver


def duplicate_warnings(services: Services, application_id: int) -> list[str]:
    warnings = services.applications.detail(application_id).warnings
    return [warning for warning in warnings if "mogelijk dubbel ingeschreven" in warning]


def test_an_applicant_with_a_likely_duplicate_is_flagged_until_decided_not_the_same(
    services: Services, actor: Actor
) -> None:
    round_id = services.rounds.create(actor, SOEST).id
    anna = pair(services, actor, "anna")
    bram = pair(services, actor, "bram")
    # the same person registered again: initials only, another phone, same address and birth
    again = add_caregiver(services, actor, first_name="", initials="A.", phone="0355381234")
    flagged = apply(services, actor, round_id, anna, iban_number(1))
    clean = apply(services, actor, round_id, bram, iban_number(2))

    (message,) = duplicate_warnings(services, flagged)
    assert f"mantelzorger {again.id}" in message and "zelfde adres" in message
    assert duplicate_warnings(services, clean) == []

    services.duplicates.not_same(actor, again.id, anna[0])

    assert duplicate_warnings(services, flagged) == []
