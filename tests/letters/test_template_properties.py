"""Letter templates and saved filters over any input: saved by the input policy or refused in
Dutch without a trace."""

from __future__ import annotations

import unicodedata
from dataclasses import replace
from datetime import date

from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import Engine

from steunpunt.domain.choices import LetterKind
from steunpunt.domain.letters.recipient_filter import RecipientFilter
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.container import Services
from steunpunt.services.letters.dto import TemplateData
from tests.strategies import (
    SERVICE_PROPERTY,
    any_date,
    any_float,
    field_text,
    refused_changes_nothing,
)


def usual_or_float(usual: float) -> st.SearchStrategy[float]:
    """A usual measure in millimetres, or any float at all."""
    return st.one_of(st.just(usual), any_float)


@SERVICE_PROPERTY
@given(
    name=field_text("Welkom"),
    subject=field_text("Welkom bij het steunpunt", "Uw aanmelding {{ voornaam }}"),
    body=field_text("Beste {{ voornaam }},\n\nWelkom.", "{{ onbekend }}", "{% if %}"),
    kind=st.sampled_from(list(LetterKind)),
)
def test_a_template_is_saved_by_the_policy_or_refused_without_a_trace(
    services: Services,
    actor: Actor,
    engine: Engine,
    name: str,
    subject: str,
    body: str,
    kind: LetterKind,
) -> None:
    services.letters.templates()  # the shipped templates first, so counts compare like for like
    data = TemplateData(name, kind, subject, body)
    saved = refused_changes_nothing(engine, lambda: services.letters.save_template(actor, data))
    if saved.value is not None:
        for text in (saved.value.data.name, saved.value.data.subject, saved.value.data.body):
            assert "\x00" not in text and "\u202e" not in text and "\u200b" not in text
            assert unicodedata.is_normalized("NFC", text)


@SERVICE_PROPERTY
@given(
    name=field_text("Nieuwe aanmeldingen"),
    registered_from=st.one_of(st.none(), any_date),
    registered_until=st.one_of(st.none(), any_date),
)
def test_a_saved_filter_is_stored_or_refused_without_a_trace(
    services: Services,
    actor: Actor,
    engine: Engine,
    name: str,
    registered_from: date | None,
    registered_until: date | None,
) -> None:
    criteria = RecipientFilter(registered_from=registered_from, registered_until=registered_until)
    refused_changes_nothing(engine, lambda: services.letters.save_filter(actor, name, criteria))


@SERVICE_PROPERTY
@given(
    organisation=field_text("Steunpunt Mantelzorg Eemland"),
    footer=field_text(""),
    accent=field_text("#1b6a8f"),
    left=usual_or_float(20.0),
    width=usual_or_float(90.0),
)
def test_a_house_style_is_saved_by_the_policy_or_refused_without_a_trace(
    services: Services,
    actor: Actor,
    engine: Engine,
    organisation: str,
    footer: str,
    accent: str,
    left: float,
    width: float,
) -> None:
    current, version = services.letters.house_style()
    style = replace(
        current,
        organisation=organisation,
        footer=footer,
        accent_colour=accent,
        window_left=left,
        window_width=width,
    )
    saved = refused_changes_nothing(
        engine, lambda: services.letters.save_house_style(actor, style, version)
    )
    if not saved.refused:
        stored, _version = services.letters.house_style()
        assert "\x00" not in stored.organisation and "\u202e" not in stored.footer
