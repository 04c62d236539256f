"""The editor's preview letter: check a template's fields and render it for a sample person."""

from __future__ import annotations

import io

from steunpunt.domain.errors import InvalidValue
from steunpunt.letters.calibration import SAMPLE
from steunpunt.letters.fields import example_values, fields_for
from steunpunt.letters.house_style import HouseStyle
from steunpunt.letters.letter import Letter, LetterText, render_letters
from steunpunt.letters.merge import fields_in
from steunpunt.services.letter_dto import TemplateData
from steunpunt.services.letter_values import house_style_values
from steunpunt.ui.i18n import tr


def template_problems(data: TemplateData) -> dict[str, str]:
    """A short Dutch message per text field ("subject", "body") with an unknown or malformed field.

    The service's own message lists every available field; the editor shows that list next to
    the text already, so here the message only names what is wrong and where to look.
    """
    available = {field.name for field in fields_for(data.kind)}
    problems: dict[str, str] = {}
    for name, text in (("subject", data.subject), ("body", data.body)):
        try:
            used = fields_in(text)
        except InvalidValue as error:
            problems[name] = error.message
            continue
        unknown = list(dict.fromkeys(field for field in used if field not in available))
        if len(unknown) == 1:
            problems[name] = tr(
                "Het veld {{{field}}} bestaat niet voor deze brief. "
                "Kies een veld uit de lijst 'Beschikbare velden'."
            ).format(field=unknown[0])
        elif unknown:
            problems[name] = tr(
                "De velden {fields} bestaan niet voor deze brief. "
                "Kies een veld uit de lijst 'Beschikbare velden'."
            ).format(fields=", ".join(f"{{{field}}}" for field in unknown))
    return problems


def preview_values(style: HouseStyle, data: TemplateData) -> dict[str, str]:
    """The kind's example values, with the steunpunt's own details where the house style has them."""
    values = example_values(data.kind)
    own = house_style_values(style)
    values.update({name: value for name, value in own.items() if value.strip()})
    return values


def render_preview(style: HouseStyle, data: TemplateData) -> bytes:
    """One letter to the sample recipient as PDF bytes; raises InvalidValue for a bad field."""
    buffer = io.BytesIO()
    render_letters(
        buffer,
        style,
        LetterText(data.subject, data.body),
        [Letter(SAMPLE, preview_values(style, data))],
        [field.name for field in fields_for(data.kind)],
        title=data.name or "Voorbeeld",
    )
    return buffer.getvalue()
