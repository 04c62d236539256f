"""The relation to the naaste from the words people use."""

from __future__ import annotations

import pytest

from steunpunt.domain.choices import RelationType
from steunpunt.domain.imports.relation_reader import read_relation


@pytest.mark.parametrize(
    ("cell", "relation"),
    [
        ("moeder", RelationType.PARENT),
        ("Vader", RelationType.PARENT),
        ("mijn moeder", RelationType.PARENT),
        ("stiefvader", RelationType.PARENT),
        ("schoonmoeder", RelationType.PARENT_IN_LAW),
        ("Partner", RelationType.PARTNER),
        ("echtgenoot", RelationType.PARTNER),
        ("echtgenote", RelationType.PARTNER),
        ("zoon", RelationType.CHILD),
        ("dochter", RelationType.CHILD),
        ("zus", RelationType.SIBLING),
        ("Broer/zus", RelationType.SIBLING),
        ("oma", RelationType.GRANDPARENT),
        ("tante", RelationType.OTHER_FAMILY),
        ("buurvrouw", RelationType.NEIGHBOUR),
        ("vriendin", RelationType.FRIEND),
        ("ouder", RelationType.PARENT),
        ("schoonouder", RelationType.PARENT_IN_LAW),
        ("broer_zus", RelationType.SIBLING),
    ],
)
def test_relation_words_are_read_as_the_register_s_choices(
    cell: str, relation: RelationType
) -> None:
    reading = read_relation(cell)
    assert dict(reading.values) == {"relation_type": relation.value}
    assert not reading.interpreted
    assert reading.notes == ()


def test_an_unknown_word_is_other_shown_as_interpreted_and_kept() -> None:
    reading = read_relation("collega")
    assert dict(reading.values) == {"relation_type": RelationType.OTHER.value}
    assert reading.interpreted
    assert reading.notes == ("collega",)


def test_a_word_with_more_said_keeps_what_was_said() -> None:
    reading = read_relation("moeder (dementie)")
    assert dict(reading.values) == {"relation_type": RelationType.PARENT.value}
    assert reading.interpreted
    assert reading.notes == ("moeder (dementie)",)
