"""Merge fields and markup in letter templates."""

from __future__ import annotations

import pytest

from steunpunt.domain.errors import InvalidValue
from steunpunt.letters.merge import Block, check_template, compile_template, fields_in


def merge(template: str, values: dict[str, str]) -> list[Block]:
    return compile_template(template, values).fill(values)


VALUES = {"aanhef": "Beste Ayşe", "voornaam": "Ayşe", "bedrag": "€ 100,00"}


def test_fields_are_filled_and_markup_becomes_paragraph_markup() -> None:
    template = "{aanhef},\n\nU ontvangt **{bedrag}** van de *gemeente*.\n\n- eerste\n- {voornaam}"
    assert merge(template, VALUES) == [
        Block("paragraph", ("Beste Ayşe,",)),
        Block("paragraph", ("U ontvangt <b>€ 100,00</b> van de <i>gemeente</i>.",)),
        Block("list", ("eerste", "Ayşe")),
    ]


def test_lines_of_one_paragraph_are_joined() -> None:
    assert merge("Regel een\nregel twee", {}) == [Block("paragraph", ("Regel een regel twee",))]


def test_a_paragraph_of_dashes_starts_the_reply_slip_where_lines_stay_lines() -> None:
    template = "Tekst\nloopt door.\n\n---\n\nNaam: ....\nDatum: ....\n\n---"
    assert merge(template, {}) == [
        Block("paragraph", ("Tekst loopt door.",)),
        Block("cut", ()),
        Block("paragraph", ("Naam: ....<br/>Datum: ....",)),
        Block("paragraph", ("---",)),  # only the first one cuts
    ]


def test_values_are_printed_as_they_are() -> None:
    blocks = merge("{voornaam}", {"voornaam": "Jan <b>*de* {Groot}</b> & zn"})
    assert blocks == [Block("paragraph", ("Jan &lt;b&gt;*de* {Groot}&lt;/b&gt; &amp; zn",))]


def test_an_unknown_field_is_refused_by_name_in_dutch() -> None:
    with pytest.raises(InvalidValue, match=r"Het veld \{bedrg\} bestaat niet"):
        check_template("U krijgt {bedrg}.", VALUES)
    with pytest.raises(InvalidValue, match=r"\{bedrg\}"):
        merge("U krijgt {bedrg}.", VALUES)


@pytest.mark.parametrize("template", ["{voornaam", "voornaam}", "{voornaam!r}", "{a.b}", "{x:>5}"])
def test_malformed_fields_get_a_dutch_message(template: str) -> None:
    with pytest.raises(InvalidValue, match="veld"):
        fields_in(template)


def test_fields_in_lists_the_fields_in_order() -> None:
    assert fields_in("{aanhef}, {voornaam} en {aanhef}") == ["aanhef", "voornaam", "aanhef"]


@pytest.mark.parametrize("template", ["**vet *schuin** tekst*", "*schuin **vet* tekst**"])
def test_overlapping_bold_and_italic_is_refused_in_dutch(template: str) -> None:
    with pytest.raises(InvalidValue, match="Vet en schuin lopen door elkaar"):
        compile_template(template, VALUES)


def test_bold_and_italic_side_by_side_and_a_lone_star_are_fine() -> None:
    assert merge("**vet** en *schuin*, 5 * 3", {}) == [
        Block("paragraph", ("<b>vet</b> en <i>schuin</i>, 5 * 3",))
    ]
