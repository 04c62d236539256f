"""The register over any input: caregiver, naaste, relation and contact forms through their
services, and the search field, give a saved value or a Dutch refusal that changes nothing."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import Engine

from steunpunt.domain.caregivers.care_recipient import care_recipient_from_form, relation_from_form
from steunpunt.domain.caregivers.caregiver import caregiver_from_form
from steunpunt.domain.caregivers.contact import contact_from_form
from steunpunt.domain.caregivers.list_filter import CaregiverFilter
from steunpunt.domain.choices import ConsentScope
from steunpunt.domain.input_policy import EARLIEST_DATE
from steunpunt.services.caregivers.dto import CaregiverDetail
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.container import Services
from tests.helpers import (
    TODAY,
    add_caregiver,
    care_recipient_form,
    caregiver_form,
    contact_form,
    relation_form,
)
from tests.strategies import (
    PROPERTY,
    SERVICE_PROPERTY,
    any_text,
    form,
    outcome,
    refused_changes_nothing,
)

SCOPES = st.frozensets(st.sampled_from(list(ConsentScope)))


@PROPERTY
@given(form(caregiver_form()), SCOPES, st.booleans())
def test_the_caregiver_form_gives_data_or_dutch_messages(
    raw: dict[str, str], scopes: frozenset[ConsentScope], no_mail: bool
) -> None:
    data = outcome(lambda: caregiver_from_form(raw, scopes, no_mail, TODAY)).value
    if data is not None:
        assert data.name.last_name.strip()
        assert data.birth_date is None or EARLIEST_DATE <= data.birth_date <= TODAY


@SERVICE_PROPERTY
@given(raw=form(caregiver_form()), edit=form(caregiver_form()))
def test_caregiver_create_and_update_save_or_refuse_without_a_trace(
    services: Services, actor: Actor, engine: Engine, raw: dict[str, str], edit: dict[str, str]
) -> None:
    def create() -> CaregiverDetail:
        return services.caregivers.create(
            actor, caregiver_from_form(raw, frozenset(), False, TODAY)
        )

    made = refused_changes_nothing(engine, create).value
    if made is None:
        return
    detail = services.caregivers.get(made.id)

    def update() -> object:
        data = caregiver_from_form(edit, frozenset(), False, TODAY)
        return services.caregivers.update(actor, detail.id, detail.version, data)

    refused_changes_nothing(engine, update)


@SERVICE_PROPERTY
@given(raw=form(care_recipient_form()), relation=form(relation_form()))
def test_a_naaste_and_relation_are_saved_or_refused_without_a_trace(
    services: Services,
    actor: Actor,
    engine: Engine,
    raw: dict[str, str],
    relation: dict[str, str],
) -> None:
    caregiver = add_caregiver(services, actor)

    def create() -> object:
        data = care_recipient_from_form(raw, frozenset(), TODAY)
        link = relation_from_form(relation, TODAY)
        return services.care_recipients.create_for_caregiver(actor, caregiver.id, data, link)

    refused_changes_nothing(engine, create)


@SERVICE_PROPERTY
@given(raw=form(contact_form()))
def test_a_contact_is_saved_or_refused_without_a_trace(
    services: Services, actor: Actor, engine: Engine, raw: dict[str, str]
) -> None:
    caregiver = add_caregiver(services, actor)

    def add() -> object:
        data = contact_from_form(raw, actor.staff_id, TODAY)
        return services.contacts.add(actor, caregiver.id, data)

    refused_changes_nothing(engine, add)


@SERVICE_PROPERTY
@given(text=any_text)
def test_any_search_text_finds_or_finds_nothing(
    services: Services, actor: Actor, text: str
) -> None:
    page = outcome(lambda: services.caregivers.search(CaregiverFilter(text=text), 20)).value
    assert page is not None and page.total >= 0
    assert outcome(lambda: services.care_recipients.find(text)).value is not None
