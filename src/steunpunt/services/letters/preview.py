"""The editor's preview letter: a template rendered for a sample person."""

from __future__ import annotations

import io

from steunpunt.domain.letters.house_style import HouseStyle
from steunpunt.domain.letters.merge_fields import example_values, fields_for
from steunpunt.letters.calibration import SAMPLE
from steunpunt.letters.letter import Letter, LetterText, render_letters
from steunpunt.services.kernel.use_case import reads
from steunpunt.services.letters.dto import TemplateData
from steunpunt.services.letters.values import house_style_values


def preview_values(style: HouseStyle, data: TemplateData) -> dict[str, str]:
    """The kind's example values, with the steunpunt's own details where the house style has them."""
    values = example_values(data.kind)
    own = house_style_values(style)
    values.update({name: value for name, value in own.items() if value.strip()})
    return values


@reads
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
