"""Use cases of the letter set-up: house style, letter templates and saved recipient filters."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from datetime import date

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from steunpunt.db.letters.models import HouseStyleRecord, LetterTemplate, SavedFilter
from steunpunt.domain.choices import LetterKind
from steunpunt.domain.errors import InvalidValue, ValidationFailed
from steunpunt.domain.input_policy import normalise_text
from steunpunt.domain.letters.house_style import HouseStyle
from steunpunt.domain.letters.merge_fields import KIND_FIELDS, fields_for
from steunpunt.domain.letters.recipient_filter import RecipientFilter, built_in_filters
from steunpunt.domain.text import clean
from steunpunt.letters.default_templates import DEFAULT_TEMPLATES
from steunpunt.letters.merge import compile_template
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.errors import NotAllowed, StaleEdit
from steunpunt.services.kernel.records import STALE_MESSAGE, load, load_for_edit, refuse_stale
from steunpunt.services.kernel.session_scope import SessionScope
from steunpunt.services.kernel.use_case import reads, writes
from steunpunt.services.letters.dto import NamedFilter, TemplateData, TemplateView

log = logging.getLogger(__name__)

TEMPLATE = "Dit sjabloon"
NAME_LENGTH = 100  # the columns of letter_template
SUBJECT_LENGTH = 200
HOUSE_STYLE = "De huisstijl"


class LetterService:
    """Read and change what every letter is made with."""

    def __init__(self, scope: SessionScope, today: Callable[[], date]) -> None:
        self._scope = scope
        self._today = today

    # --- house style --------------------------------------------------------------------------

    @reads
    def house_style(self) -> tuple[HouseStyle, int]:
        """The house style and its version (0 while it was never saved)."""
        with self._scope() as session:
            row = session.scalars(select(HouseStyleRecord).limit(1)).first()
            if row is None:
                return HouseStyle(), 0
            return HouseStyle.from_storage(row.settings_json, row.logo, row.signature), row.version

    @writes
    def save_house_style(self, actor: Actor, style: HouseStyle, expected_version: int) -> int:
        """Store the house style after checking it; returns the new version."""
        style = style.cleaned().check()
        with refuse_stale(HOUSE_STYLE), self._scope() as session:
            row = session.scalars(select(HouseStyleRecord).limit(1)).first()
            if row is None:
                row = HouseStyleRecord()
                session.add(row)
            elif row.version != expected_version:
                raise StaleEdit(STALE_MESSAGE.format(what=HOUSE_STYLE))
            row.settings_json = style.settings_json()
            row.logo = style.logo
            row.signature = style.signature
            session.flush()
            log.info("House style saved by staff %s", actor.staff_id)
            return row.version

    # --- templates ----------------------------------------------------------------------------

    @reads
    def templates(self, kind: LetterKind | None = None) -> list[TemplateView]:
        """Active templates by kind and name; the shipped ones are added the first time."""
        with self._scope() as session:
            _add_defaults_once(session)
            query = select(LetterTemplate).where(LetterTemplate.active.is_(True))
            if kind is not None:
                query = query.where(LetterTemplate.kind == kind)
            rows = session.scalars(query.order_by(LetterTemplate.kind, LetterTemplate.name))
            return [_template_view(row) for row in rows]

    @reads
    def first_template(self, kind: LetterKind) -> int:
        """The template a letter of this kind is made with (the first by name), or a Dutch
        refusal that says where to make one."""
        templates = self.templates(kind)
        if not templates:
            raise NotAllowed(
                f"Er is geen sjabloon voor '{kind.label}'. Maak er een onder Brieven › "
                "Briefsjablonen."
            )
        return templates[0].id

    @reads
    def mailing_templates(self) -> list[TemplateView]:
        """Templates for a mailing or a single letter: kinds whose fields come from the person.

        Letters of the compliment round need an application's values and are made there.
        """
        return [view for view in self.templates() if view.data.kind not in KIND_FIELDS]

    @reads
    def template(self, template_id: int) -> TemplateView:
        with self._scope() as session:
            return _template_view(load(session, LetterTemplate, template_id, TEMPLATE))

    @writes
    def save_template(
        self,
        actor: Actor,
        data: TemplateData,
        template_id: int | None = None,
        expected_version: int = 0,
    ) -> TemplateView:
        """Create or change a template; unknown merge fields are refused by name."""
        data = check_template_data(data)
        with refuse_stale(TEMPLATE), self._scope() as session:
            _add_defaults_once(session)
            if template_id is None:
                row = LetterTemplate()
                session.add(row)
            else:
                row = load_for_edit(
                    session, LetterTemplate, template_id, expected_version, TEMPLATE
                )
            row.name = data.name
            row.kind = data.kind
            row.subject = data.subject
            row.body = data.body
            session.flush()
            log.info("Letter template %s saved by staff %s", row.id, actor.staff_id)
            return _template_view(row)

    @writes
    def remove_template(self, actor: Actor, template_id: int) -> None:
        """Take a template out of use; mailings made with it keep their text."""
        with self._scope() as session:
            row = load(session, LetterTemplate, template_id, TEMPLATE)
            row.active = False
            log.info("Letter template %s removed by staff %s", template_id, actor.staff_id)

    # --- saved recipient filters --------------------------------------------------------------

    @reads
    def filters(self) -> list[NamedFilter]:
        """The built-in filters, then the saved ones by name."""
        built_in = [
            NamedFilter(name, criteria, True)
            for name, criteria in built_in_filters(self._today()).items()
        ]
        with self._scope() as session:
            rows = session.scalars(select(SavedFilter).order_by(SavedFilter.name))
            saved = [
                NamedFilter(row.name, RecipientFilter.from_json(row.criteria_json), False, row.id)
                for row in rows
            ]
        return built_in + saved

    @writes
    def save_filter(self, actor: Actor, name: str, criteria: RecipientFilter) -> NamedFilter:
        """Save a filter under a name; the same name again replaces the saved filter."""
        name = clean(name)
        if not name:
            raise ValidationFailed({"name": "Geef het filter een naam."})
        if len(name) > NAME_LENGTH:
            raise ValidationFailed({"name": f"Een naam heeft hoogstens {NAME_LENGTH} tekens."})
        if name in built_in_filters(self._today()):
            raise NotAllowed(f"'{name}' is een vast filter. Kies een andere naam.")
        criteria.check()
        try:
            with self._scope() as session:
                row = session.scalars(select(SavedFilter).where(SavedFilter.name == name)).first()
                if row is None:
                    row = SavedFilter(name=name)
                    session.add(row)
                row.criteria_json = criteria.to_json()
                session.flush()
                log.info("Saved filter %s stored by staff %s", row.id, actor.staff_id)
                return NamedFilter(name, criteria, False, row.id)
        except IntegrityError as error:
            raise NotAllowed(f"Er bestaat al een filter '{name}'. Kies een andere naam.") from error

    @writes
    def remove_filter(self, actor: Actor, filter_id: int) -> None:
        with self._scope() as session:
            session.delete(load(session, SavedFilter, filter_id, "Dit filter"))
            log.info("Saved filter %s removed by staff %s", filter_id, actor.staff_id)


def check_template_data(data: TemplateData) -> TemplateData:
    """The template with its texts by the input policy, or every problem, per field, in Dutch."""
    data = replace(
        data,
        name=clean(data.name),
        subject=clean(data.subject),
        body=normalise_text(data.body).strip(),
    )
    errors: dict[str, str] = {}
    if not data.name:
        errors["name"] = "Geef het sjabloon een naam."
    if not data.body:
        errors["body"] = "De brief heeft nog geen tekst."
    if len(data.name) > NAME_LENGTH:
        errors["name"] = f"Een naam heeft hoogstens {NAME_LENGTH} tekens."
    if len(data.subject) > SUBJECT_LENGTH:
        errors["subject"] = f"Een onderwerp heeft hoogstens {SUBJECT_LENGTH} tekens."
    for name, message in text_problems(data).items():
        errors.setdefault(name, message)
    if errors:
        raise ValidationFailed(errors)
    return data


def text_problems(data: TemplateData) -> dict[str, str]:
    """Unknown or malformed fields and crossed markup in the subject and body, in Dutch."""
    available = [field.name for field in fields_for(data.kind)]
    problems: dict[str, str] = {}
    for name, text in (("subject", data.subject), ("body", data.body)):
        try:
            compile_template(text, available)
        except InvalidValue as error:
            problems[name] = error.message
    return problems


def _add_defaults_once(session: Session) -> None:
    """The shipped templates of every kind the steunpunt has never had a template of (not even
    a removed one): all of them at first, and a new version's new kinds after an update."""
    known = set(session.scalars(select(LetterTemplate.kind).distinct()))
    missing = [default for default in DEFAULT_TEMPLATES if default.kind.value not in known]
    if not missing:
        return
    session.add_all(
        LetterTemplate(
            name=default.name, kind=default.kind, subject=default.subject, body=default.body
        )
        for default in missing
    )
    session.flush()


def _template_view(row: LetterTemplate) -> TemplateView:
    return TemplateView(
        row.id, row.version, TemplateData(row.name, LetterKind(row.kind), row.subject, row.body)
    )
