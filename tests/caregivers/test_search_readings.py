"""Search reads a word in every way it can mean (issue 12): places widen, never replace; places
of several words; tussenvoegsels with an apostrophe; phone numbers with dots or slashes; one or
two letters that are also a tussenvoegsel. Expected keys are worked out by hand from the README's
table "How typed text is read"."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine

import steunpunt.services.caregivers.register as caregiver_service
from steunpunt.db.kernel.engine import create_engine_for, make_session_factory, sqlite_url
from steunpunt.domain.caregivers.list_filter import CaregiverFilter
from steunpunt.domain.choices import ActiveFilter
from steunpunt.services.kernel.container import Services, build_services
from tests.helpers import TODAY, caregiver_data

# key: (first name, infix, last name, street, postcode, place, phone)
PEOPLE: dict[str, tuple[str, ...]] = {
    "K": ("Karel", "", "Huisman", "Kerkstraat", "3811 AB", "Amersfoort", "06 12345678"),
    "L": ("Lotte", "", "Bakker", "Heidelaan", "3712 AA", "Huis ter Heide", "030 2345678"),
    "M": ("Trees", "", "Groen", "Molenweg", "3761 AA", "Soest", "035 6123456"),
    "N": ("Nina", "", "Visser", "Dorpsstraat", "3737 AA", "Groenekan", "030 3456789"),
    "O": ("Otto", "", "Smit", "Baarnseweg", "3761 AB", "Soest", "035 6012345"),
    "P": ("Pim", "", "Vos", "Brink", "3741 AA", "Baarn", "035 5412345"),
    "Q": ("Quinten", "", "Jansen", "Dorpsstraat", "3731 AA", "De Bilt", "030 4567890"),
    "R": ("Rob", "de", "Bruin", "Kerklaan", "3811 AC", "Amersfoort", "033 4612345"),
    "S": ("Sara", "", "Dekker", "Dolderseweg", "3734 AA", "Den Dolder", "030 5678901"),
    "T": ("Wendy", "van 't", "Hof", "Duinweg", "3735 AA", "Bosch en Duin", "030 6789012"),
    "U": ("Ulla", "'s", "Gravensande", "Vuursche Dreef", "3749 AA", "Lage Vuursche", ""),
    "V": ("Vera", "", "Terpstra", "Kerkstraat", "3811 AB", "Amersfoort", ""),
    "W": ("Wim", "ter", "Horst", "Kerkstraat", "3811 AB", "Amersfoort", ""),
    "X": ("Xander", "", "Lambers", "Kerkstraat", "3811 AB", "Amersfoort", ""),
    "Y": ("Yara", "op den", "Kamp", "Kerkstraat", "3811 AB", "Amersfoort", ""),
    "Z": ("Zeno", "", "Opdam", "Kerkstraat", "3811 AB", "Amersfoort", ""),
    "B": ("Bas", "", "Meijer", "Biltseweg", "3701 AA", "Zeist", ""),
    "G": ("Gerrit", "", "Visser", "Van Goghlaan", "3831 AA", "Leusden", ""),
    "H": ("Hanna", "van", "Gool", "Kerkstraat", "3831 AB", "Leusden", ""),
}  # fmt: skip


@pytest.fixture(scope="module")
def find(
    migrated_template: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Services, dict[int, str]]]:
    file = tmp_path_factory.mktemp("readings") / "steunpunt.sqlite"
    shutil.copy(migrated_template, file)
    engine = create_engine_for(sqlite_url(file))
    services = build_services(make_session_factory(engine), today=lambda: TODAY)
    actor = services.staff.default_actor("Tester")
    keys = {}
    for key, (first, infix, last, street, postcode, place, phone) in PEOPLE.items():
        data = caregiver_data(
            first_name=first,
            infix=infix,
            last_name=last,
            street=street,
            postcode=postcode,
            place=place,
            municipality=place,
            phone=phone,
            email="",
        )
        keys[services.caregivers.create(actor, data).id] = key
    yield services, keys
    engine.dispose()


def found(find: tuple[Services, dict[int, str]], text: str) -> set[str]:
    services, keys = find
    ids = services.caregivers.search_ids(CaregiverFilter(text=text, active=ActiveFilter.ALL))
    return {keys[i] for i in ids}


@pytest.mark.parametrize(
    ("text", "keys"),
    [
        ("huis", "KL"),  # Huisman, and Lotte living in Huis ter Heide
        ("groen", "MN"),  # Trees Groen, and Nina living in Groenekan
        ("trees groen", "M"),  # "groen" is not only Groenekan: Trees Groen in Soest
        ("baarn", "OP"),  # Otto on the Baarnseweg, Pim living in Baarn
        ("bilt", "QB"),  # Quinten living in De Bilt, Bas on the Biltseweg
        ("amersfoort", "KRVWXYZ"),  # everyone living there; nobody else has the word
    ],
)
def test_a_place_word_widens_the_result(
    find: tuple[Services, dict[int, str]], text: str, keys: str
) -> None:
    assert found(find, text) == set(keys)


@pytest.mark.parametrize(
    ("text", "keys"),
    [
        ("de bilt", "Q"),  # lives in De Bilt; "de" + "bilt" as words finds no one else
        ("De Bilt", "Q"),
        ("den dolder", "S"),
        ("den dol", "S"),  # the start of the place is enough
        ("huis ter heide", "L"),
        ("bosch en duin", "T"),
        ("lage vu", "U"),
        ("quinten de bilt", "Q"),  # the other words still have to match
        ("karel de bilt", ""),
        ("de b", "QR"),  # De Bilt, and Rob de Bruin (tussenvoegsel de, achternaam B...)
        ("den", "S"),  # a tussenvoegsel word that starts a woonplaats: Den Dolder
    ],
)
def test_places_of_several_words(
    find: tuple[Services, dict[int, str]], text: str, keys: str
) -> None:
    assert found(find, text) == set(keys)


@pytest.mark.parametrize(
    ("text", "keys"),
    [
        ("van 't", "T"),
        ("Wendy van 't Hof", "T"),
        ("wendy van \u2019t hof", "T"),  # a typographic apostrophe, as phones type it
        ("van t hof", "T"),  # apostrophes do not matter in a tussenvoegsel
        ("'s gravensande", "U"),
        ("s gravensande", "U"),
        ("'s", "U"),
    ],
)
def test_tussenvoegsels_with_an_apostrophe(
    find: tuple[Services, dict[int, str]], text: str, keys: str
) -> None:
    assert found(find, text) == set(keys)


@pytest.mark.parametrize(
    ("text", "keys"),
    [
        ("06.12.34.56.78", "K"),  # stored as 06 12345678
        ("06.1234", "K"),
        ("035/6012345", "O"),  # stored as 035 601 2345
        ("035/60", "O"),
        ("035.6", "MO"),  # 0356123456 and 0356012345
    ],
)
def test_phone_numbers_with_dots_or_slashes(
    find: tuple[Services, dict[int, str]], text: str, keys: str
) -> None:
    assert found(find, text) == set(keys)


@pytest.mark.parametrize(
    ("text", "keys"),
    [
        ("d", "RS"),  # Rob de Bruin (tussenvoegsel), Sara Dekker (achternaam)
        ("t", "VW"),  # Vera Terpstra, Wim ter Horst (not van 't: that starts with v)
        ("la", "X"),  # Xander Lambers; nobody has a tussenvoegsel starting with la
        ("op", "YZ"),  # Yara op den Kamp, Zeno Opdam
        ("de", "RS"),  # Rob de Bruin, Sara Dekker
        ("de br", "R"),  # tussenvoegsel de with achternaam Br...
        ("op den k", "Y"),
    ],
)
def test_short_tussenvoegsel_words_are_read_both_ways(
    find: tuple[Services, dict[int, str]], text: str, keys: str
) -> None:
    assert found(find, text) == set(keys)


@pytest.mark.parametrize(
    ("text", "keys"),
    [
        ("van go", "H"),  # Hanna van Gool: tussenvoegsel van, achternaam Go...
        ("van gool", "H"),
        ("gogh", "G"),  # Gerrit on the Van Goghlaan
        ("van gogh", ""),  # the README's limit: "van" is read as a tussenvoegsel only
        ("gerrit gogh", "G"),
    ],
)
def test_a_tussenvoegsel_word_is_not_looked_for_anywhere(
    find: tuple[Services, dict[int, str]], text: str, keys: str
) -> None:
    assert found(find, text) == set(keys)


def test_a_new_woonplaats_is_found_after_a_save_here_or_a_minute_for_saves_elsewhere(
    services: Services, engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Places are matched from the list of known places, so that list must not go stale."""
    clock = [1000.0]
    monkeypatch.setattr(caregiver_service.time, "monotonic", lambda: clock[0])
    actor = services.staff.default_actor("Tester")
    here = services.caregivers
    assert here.search_ids(CaregiverFilter(text="eemnes")) == []  # the list is read now
    elsewhere = build_services(make_session_factory(engine), today=lambda: TODAY)
    data = caregiver_data(street="Wakkerendijk", place="Eemnes", municipality="Eemnes")
    other = elsewhere.caregivers.create(actor, data).id
    assert here.search_ids(CaregiverFilter(text="eemnes")) == []  # not yet known here
    clock[0] += caregiver_service.VOCABULARY_SECONDS + 1
    assert here.search_ids(CaregiverFilter(text="eemnes")) == [other]
    mine = here.create(actor, caregiver_data(place="Eemdijk", municipality="Bunschoten")).id
    assert here.search_ids(CaregiverFilter(text="eemdijk")) == [mine]  # at once after a save
