"""What a mailing refuses before printing: empty house-style fields, missing kind values, and
addresses that would not stay inside the envelope window."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from steunpunt.domain.errors import ValidationFailed
from steunpunt.domain.letters.addressee import Household
from steunpunt.domain.letters.house_style import HouseStyle
from steunpunt.domain.letters.merge_fields import HOUSE_STYLE_FIELDS, KIND_FIELDS
from steunpunt.letters.address_block import misfit_message, window_misfits
from steunpunt.letters.fonts import register_fonts
from steunpunt.letters.merge import fields_in
from steunpunt.services.kernel.errors import NotAllowed
from steunpunt.services.letters.dto import TemplateData
from steunpunt.services.letters.mailing_files import recipient_of
from steunpunt.services.letters.values import house_style_values

if TYPE_CHECKING:
    from steunpunt.services.letters.templates import LetterService


def refuse_empty_house_style_fields(template: TemplateData, style: HouseStyle) -> None:
    """A letter must not say "bel ons op ." : refuse when a used house-style field is empty."""
    values = house_style_values(style)
    for name in fields_in(template.subject + "\n" + template.body):
        if name in HOUSE_STYLE_FIELDS and not values[name].strip():
            raise NotAllowed(
                f"De brief gebruikt {{{name}}}, maar dat is nog leeg. Vul "
                f"{HOUSE_STYLE_FIELDS[name]} in onder Beheer › Huisstijl en briefpapier. "
                "Er is niets gemaakt."
            )


def refuse_missing_kind_values(
    template: TemplateData,
    letters: list[Household],
    extra_values: Mapping[str, Mapping[str, str]],
) -> None:
    """A letter with ``{bedrag}`` and the like needs those values for every letter: such
    letters are made from where the values live (the compliment round), not as a free mailing."""
    own = {field.name for field in KIND_FIELDS.get(template.kind, ())}
    used = own.intersection(fields_in(template.subject + "\n" + template.body))
    for household in letters:
        values = extra_values.get(household.key, {})
        missing = sorted(name for name in used if name not in values)
        if missing:
            raise NotAllowed(
                f"De brief '{template.name}' gebruikt {{{missing[0]}}}, dat bij een aanvraag "
                "hoort. Maak deze brief vanuit het mantelzorgcompliment. Er is niets gemaakt."
            )


def refuse_addresses_outside_the_window(letters: list[Household], style: HouseStyle) -> None:
    """Name everyone whose address cannot be printed whole inside the envelope window."""
    recipients = (recipient_of(letter) for letter in letters)
    font = register_fonts().regular
    misfits = window_misfits(recipients, style.window, style.return_line, font)
    if misfits:
        raise NotAllowed(misfit_message(misfits))


def checked_house_style(letters: LetterService) -> HouseStyle:
    """The house style, refused in Dutch when it cannot print (e.g. a damaged logo)."""
    style, _version = letters.house_style()
    try:
        return style.check()
    except ValidationFailed as error:
        problem = next(iter(error.errors.values()))
        raise NotAllowed(
            f"De huisstijl is niet in orde: {problem} Pas die aan onder Beheer › Huisstijl "
            "en briefpapier. Er is niets gemaakt."
        ) from error
