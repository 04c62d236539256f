"""What a mailing promises about addresses and the letter log (issue 12): consent for post,
whole addresses on labels and in the window, the greeting, and reprints as sent."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import Engine, text

from steunpunt.domain.choices import ConsentScope, Grouping, LeftOutReason, LetterKind
from steunpunt.domain.letters.label_sheet import LabelPreset
from steunpunt.domain.letters.recipient_filter import RecipientFilter
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.container import Services
from steunpunt.services.kernel.errors import NotAllowed
from steunpunt.services.letters.dto import MailingRequest
from tests.helpers import TODAY, add_caregiver, add_mailing_people, consented, fill_house_style

POST = frozenset({ConsentScope.REGISTRATION, ConsentScope.MAIL})
NO_POST = frozenset({ConsentScope.REGISTRATION, ConsentScope.NEWSLETTER})


@pytest.fixture
def out(tmp_path: Path) -> Path:
    folder = tmp_path / "uit"
    folder.mkdir()
    return folder


def request(services: Services, folder: Path, **changes: object) -> MailingRequest:
    values: dict[str, object] = {
        "template_id": services.letters.templates(LetterKind.DAY_OF_CARE)[0].id,
        "letter_date": TODAY,
        "folder": folder,
        "criteria": RecipientFilter(),
    }
    values.update(changes)
    return MailingRequest(**values)  # type: ignore[arg-type]


def page_lines(pdf: Path) -> list[list[str]]:
    """The text of every page, line by line, without blank lines."""
    return [
        [line.strip() for line in page.extract_text().splitlines() if line.strip()]
        for page in PdfReader(pdf).pages
    ]


# --- consent for post --------------------------------------------------------------------------


def test_a_mailing_leaves_out_who_gave_no_consent_for_post_or_withdrew_it(
    services: Services, actor: Actor, out: Path
) -> None:
    fill_house_style(services, actor)
    ids = {
        "post": services.caregivers.create(actor, consented(POST, first_name="Piet")).id,
        "no_post": services.caregivers.create(actor, consented(NO_POST, first_name="Nel")).id,
        "withdrew": services.caregivers.create(actor, consented(POST, first_name="Wim")).id,
        "never_asked": add_caregiver(services, actor, first_name="Olga").id,
    }
    detail = services.caregivers.get(ids["withdrew"])
    services.caregivers.update(actor, detail.id, detail.version, replace(detail.data, consent=None))

    selection = services.mailings.select_recipients(RecipientFilter())
    assert {p.caregiver_id for p in selection.included} == {ids["post"], ids["never_asked"]}
    reasons = {p.caregiver_id: p.reason for p in selection.left_out}
    assert reasons == {
        ids["no_post"]: LeftOutReason.NO_POST_CONSENT,
        ids["withdrew"]: LeftOutReason.NO_POST_CONSENT,
    }
    # "Wie vallen af?" and the count say the same, in Dutch
    left_out = services.mailings.left_out(RecipientFilter())
    assert {person.reason.label for person in left_out} == {"Geen toestemming voor post"}
    count = services.mailings.count_recipients(RecipientFilter())
    assert (count.included, count.left_out) == (2, {LeftOutReason.NO_POST_CONSENT: 2})
    result = services.mailings.make_mailing(actor, request(services, out))
    assert result.reached == {str(ids["post"]), str(ids["never_asked"])}
    # a letter answering the person (a single letter, a decision) is not a mailing
    single = services.mailings.select_recipients(None, [ids["no_post"]])
    assert [p.caregiver_id for p in single.included] == [ids["no_post"]]
    # a reminder nobody asked for is: it asks for consent like a filter does
    reminder = services.mailings.select_recipients(None, [ids["no_post"]], post_consent=True)
    assert reminder.included == () and reminder.left_out[0].reason is LeftOutReason.NO_POST_CONSENT


# --- addresses --------------------------------------------------------------------------------


def test_a_street_of_only_spaces_counts_as_missing(
    services: Services, actor: Actor, engine: Engine
) -> None:
    people = add_mailing_people(services, actor)
    with engine.begin() as connection:  # an old import wrote blanks
        connection.execute(
            text("UPDATE caregiver SET street = '   ' WHERE id = :id"), {"id": people["jan"]}
        )
    selection = services.mailings.select_recipients(RecipientFilter())
    reasons = {p.caregiver_id: p.reason for p in selection.left_out}
    assert reasons[people["jan"]] is LeftOutReason.NO_ADDRESS


def test_a_label_that_cannot_hold_the_address_is_listed_by_hand_in_the_mailing(
    services: Services, actor: Actor, out: Path
) -> None:
    fill_house_style(services, actor)
    long = add_caregiver(
        services,
        actor,
        first_name="Anna",
        infix="",
        last_name="Smit",
        salutation="mevrouw",
        street="Burgemeester van Nispen tot Sevenaerstraat",
        house_number="107",
        house_number_suffix="",
        postcode="3812 BB",
        place="Soest",
    )
    add_caregiver(services, actor)
    result = services.mailings.make_mailing(
        actor, request(services, out, labels=LabelPreset.THREE_BY_SEVEN.sheet)
    )
    assert result.letters == 2 and result.by_hand == ("Mevrouw A. Smit",)
    assert result.labels_pdf is not None
    labels, hand_list = page_lines(result.labels_pdf)
    assert "Mevrouw A. Smit" not in labels
    assert "Burgemeester van Nispen tot Sevenaerstraat 107" in hand_list
    # the letter itself has the whole address in its window, in smaller type
    assert long.id in {int(key) for key in result.reached}
    letters_text = "\n".join("\n".join(page) for page in page_lines(result.letters_pdf))
    assert "Burgemeester van Nispen tot Sevenaerstraat 107" in letters_text


def test_an_address_too_long_for_the_window_is_refused_before_printing_with_the_name(
    services: Services, actor: Actor, engine: Engine, out: Path
) -> None:
    people = add_mailing_people(services, actor)
    with engine.begin() as connection:  # 91 characters: wider than 82 mm even at 8 pt
        connection.execute(
            text("UPDATE caregiver SET street = :street WHERE id = :id"),
            {"street": "Burgemeester " * 7, "id": people["jan"]},
        )
    with pytest.raises(NotAllowed, match=r"De heer J\.P\. de Vries past niet in het venster"):
        services.mailings.make_mailing(actor, request(services, out))
    assert list(out.iterdir()) == []
    assert services.mailings.letter_log(people["ayse"]) == []


# --- the greeting --------------------------------------------------------------------------------


def test_initials_only_and_no_salutation_greet_with_the_initials(
    services: Services, actor: Actor, out: Path
) -> None:
    fill_house_style(services, actor)
    person = add_caregiver(
        services, actor, first_name="", initials="L", infix="", last_name="jansen",
        salutation="neutraal",
    )  # fmt: skip
    result = services.mailings.make_mailing(
        actor, request(services, out, criteria=None, caregiver_ids=(person.id,))
    )
    [page] = page_lines(result.letters_pdf)
    assert "Beste L. Jansen," in page
    assert "Beste Jansen," not in page


# --- reprints ------------------------------------------------------------------------------------


FIELDS = re.compile(r"^(Mevrouw|De heer|Kerkstraat|3812 BB|Beste|\d+ \w+ 2026$|2026-\d{4}/)")


def test_a_reprint_of_a_shared_letter_repeats_it_as_it_was_sent(
    services: Services, actor: Actor, out: Path
) -> None:
    people = add_mailing_people(services, actor)  # Ayşe and Łukasz share Kerkstraat 5
    result = services.mailings.make_mailing(actor, request(services, out, grouping=Grouping.NAMES))
    original = page_lines(result.letters_pdf)[1]  # postcode order: 1234 AB first
    assert "033 123 45 67" in original
    # later: a new phone number in the house style, and Ayşe (the second name) moves
    fill_house_style(services, actor, phone="033 999 99 99")
    detail = services.caregivers.get(people["ayse"])
    moved = replace(detail.data, address=replace(detail.data.address, street="Nieuwe Weg"))
    services.caregivers.update(actor, detail.id, detail.version, moved)

    [sent] = services.mailings.letter_log(people["ayse"])
    assert sent.addressed_as == "De heer Ł. Wiśniewski, Mevrouw A. Yılmaz"
    [reprinted] = page_lines(services.mailings.reprint(actor, sent.id, out / "herdruk"))
    # field by field: both names, the address, the aanhef, the date and the kenmerk
    fields = [line for line in original if FIELDS.match(line)]
    assert fields == [
        "De heer Ł. Wiśniewski",
        "Mevrouw A. Yılmaz",
        "Kerkstraat 5",
        "3812 BB  AMERSFOORT",
        "22 november 2026",
        f"{result.reference}/{people['lukasz']}",  # the letter's kenmerk: its first name
        "Beste meneer Wiśniewski en mevrouw Yılmaz,",
    ]
    assert [line for line in reprinted if FIELDS.match(line)] == fields
    assert reprinted == original  # and the rest too: the house style of the day
    assert "033 999 99 99" not in reprinted
    # the reprint is logged with the same letter, so a reprint of it is the same again
    again = services.mailings.letter_log(people["ayse"])[0]
    assert again.reprint and again.addressed_as == sent.addressed_as
    assert page_lines(services.mailings.reprint(actor, again.id, out / "nog")) == [original]


def test_a_letter_logged_before_letters_were_kept_is_reprinted_as_before(
    services: Services, actor: Actor, engine: Engine, out: Path
) -> None:
    people = add_mailing_people(services, actor)
    result = services.mailings.make_mailing(actor, request(services, out))
    with engine.begin() as connection:  # as migration 0012 leaves older rows
        connection.execute(text("UPDATE sent_letter SET printed_json = ''"))
        connection.execute(text("UPDATE mailing SET house_style_id = NULL"))
    fill_house_style(services, actor, phone="033 999 99 99")
    [sent] = services.mailings.letter_log(people["jan"])
    [page] = page_lines(services.mailings.reprint(actor, sent.id, out / "herdruk"))
    assert f"{result.reference}/{people['jan']}" in page
    assert "033 999 99 99" in page  # nothing else was kept: today's house style
