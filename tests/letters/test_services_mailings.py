"""Mailings end to end: recipients, the PDFs read back, labels, CSV, the letter log, cancel."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import Engine, text

from steunpunt.domain.age import AgeBracket
from steunpunt.domain.choices import ConsentScope, Grouping, LeftOutReason, LetterKind
from steunpunt.domain.errors import Cancelled, KnownProblem, ValidationFailed
from steunpunt.domain.letters.envelope import A4_HEIGHT_MM
from steunpunt.domain.letters.label_sheet import LabelPreset
from steunpunt.domain.letters.recipient_filter import RecipientFilter
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.container import Services
from steunpunt.services.kernel.errors import NotAllowed
from steunpunt.services.letters.dto import MailingRequest, RecipientCount, TemplateData
from tests.helpers import TODAY, add_mailing_people, consented, fill_house_style

MM = 72 / 25.4


def page_texts(pdf: Path) -> list[str]:
    return [page.extract_text() for page in PdfReader(pdf).pages]


def text_positions(pdf: Path, page: int = 0) -> dict[str, tuple[float, float]]:
    """Every piece of text on a page with x and y in mm from the top-left corner."""
    found: dict[str, tuple[float, float]] = {}

    def visit(text: str, _cm: object, tm: list[float], _font: object, _size: object) -> None:
        if text.strip():
            found[text.strip()] = (tm[4] / MM, A4_HEIGHT_MM - tm[5] / MM)

    PdfReader(pdf).pages[page].extract_text(visitor_text=visit)
    return found


@pytest.fixture
def out(tmp_path: Path) -> Path:
    """The folder mailings are written to (empty at the start)."""
    folder = tmp_path / "uit"
    folder.mkdir()
    return folder


@pytest.fixture
def people(services: Services, actor: Actor) -> dict[str, int]:
    return add_mailing_people(services, actor)


def template_id(services: Services, kind: LetterKind = LetterKind.DAY_OF_CARE) -> int:
    return services.letters.templates(kind)[0].id


def request(services: Services, folder: Path, **changes: object) -> MailingRequest:
    values: dict[str, object] = {
        "template_id": template_id(services),
        "letter_date": TODAY,
        "folder": folder,
        "criteria": RecipientFilter(),
    }
    values.update(changes)
    return MailingRequest(**values)  # type: ignore[arg-type]


def test_left_out_people_are_named_with_their_reason(
    services: Services, actor: Actor, people: dict[str, int], engine: Engine
) -> None:
    with engine.begin() as connection:  # a postcode typed around the form, long ago
        connection.execute(
            text("UPDATE caregiver SET postcode = '0812 bb' WHERE id = :id"), {"id": people["jan"]}
        )
    people["no_consent"] = services.caregivers.create(
        actor, consented(frozenset({ConsentScope.REGISTRATION}), first_name="Cor", last_name="Geen")
    ).id
    selection = services.mailings.select_recipients(RecipientFilter())
    assert {person.caregiver_id for person in selection.included} == {
        people["ayse"],
        people["lukasz"],
    }
    reasons = {person.caregiver_id: person.reason for person in selection.left_out}
    assert reasons == {
        people["no_mail"]: LeftOutReason.NO_MAIL,
        people["ended"]: LeftOutReason.ENDED,
        people["no_address"]: LeftOutReason.NO_ADDRESS,
        people["jan"]: LeftOutReason.BAD_POSTCODE,
        people["no_consent"]: LeftOutReason.NO_POST_CONSENT,
    }
    expected = {reason: 1 for reason in LeftOutReason}
    assert selection.reasons() == expected
    # the quick count and the list for the dialog say the same
    assert services.mailings.count_recipients(RecipientFilter()) == RecipientCount(2, expected)
    assert services.mailings.left_out(RecipientFilter()) == list(selection.left_out)


def test_filters_narrow_by_age_and_place(services: Services, people: dict[str, int]) -> None:
    young = services.mailings.select_recipients(RecipientFilter(brackets=(AgeBracket.UNDER_18,)))
    assert [p.caregiver_id for p in young.included] == [people["lukasz"]]
    soest = services.mailings.select_recipients(RecipientFilter(places=("Soest",)))
    assert [p.caregiver_id for p in soest.included] == [people["jan"]]


def test_a_mailing_makes_one_pdf_sorted_by_postcode_with_every_field_filled(
    services: Services, actor: Actor, people: dict[str, int], out: Path
) -> None:
    result = services.mailings.make_mailing(actor, request(services, out))
    assert (result.letters, result.people) == (3, 3)
    texts = page_texts(result.letters_pdf)
    assert len(texts) == 3
    assert all("{" not in text and "}" not in text for text in texts)
    assert "1234 AB  SOEST" in texts[0]  # postcode order: 1234 before 3812
    assert "De heer Ł. Wiśniewski" in texts[1] and "Beste meneer Wiśniewski," in texts[1]
    assert "Mevrouw A. Yılmaz" in texts[2] and "Beste mevrouw Yılmaz," in texts[2]
    assert "Nora" not in "".join(texts) and "Zonderadres" not in "".join(texts)
    assert f"{result.reference}/{people['jan']}" in texts[0]
    assert result.reference == "2026-0001"


def test_the_address_block_lies_inside_the_configured_window(
    services: Services, actor: Actor, people: dict[str, int], out: Path
) -> None:
    style, version = services.letters.house_style()
    from steunpunt.domain.letters.envelope import EnvelopeWindow

    window = EnvelopeWindow(left=110, top=50, width=85, height=40)
    services.letters.save_house_style(actor, style.with_window(window), version)
    result = services.mailings.make_mailing(actor, request(services, out))
    positions = text_positions(result.letters_pdf, page=2)
    for line in ("Mevrouw A. Yılmaz", "Kerkstraat 5", "3812 BB  AMERSFOORT"):
        x, y = positions[line]
        assert window.left < x < window.left + window.width - 20, line
        assert window.top < y < window.top + window.height, line


def test_people_at_one_address_share_a_letter_with_both_names(
    services: Services, actor: Actor, people: dict[str, int], out: Path
) -> None:
    result = services.mailings.make_mailing(actor, request(services, out, grouping=Grouping.NAMES))
    assert (result.letters, result.people) == (2, 3)
    shared = page_texts(result.letters_pdf)[1]
    assert "Mevrouw A. Yılmaz" in shared and "De heer Ł. Wiśniewski" in shared
    assert "Beste meneer Wiśniewski en mevrouw Yılmaz," in shared
    residents = services.mailings.make_mailing(
        actor, request(services, out, grouping=Grouping.RESIDENTS)
    )
    text = page_texts(residents.letters_pdf)[1]
    assert "De bewoners van" in text and "Beste bewoners," in text
    # both people got the letter in their log
    assert len(services.mailings.letter_log(people["lukasz"])) == 2


def test_labels_csv_and_per_person_pdfs(
    services: Services, actor: Actor, people: dict[str, int], out: Path
) -> None:
    result = services.mailings.make_mailing(
        actor,
        request(
            services,
            out,
            per_person_pdfs=True,
            labels=LabelPreset.THREE_BY_EIGHT.sheet,
            print_shop_csv=True,
        ),
    )
    assert result.per_person_folder is not None and result.labels_pdf and result.csv_file
    assert len(list(result.per_person_folder.glob("*.pdf"))) == 3
    labels = page_texts(result.labels_pdf)[0]
    assert "Łukasz" not in labels and "De heer Ł. Wiśniewski" in labels
    with result.csv_file.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter=";"))
    assert [row["postcode"] for row in rows] == ["1234 AB", "3812 BB", "3812 BB"]
    assert rows[2]["naam"] == "Mevrouw A. Yılmaz" and rows[2]["woonplaats"] == "AMERSFOORT"
    assert [p.name for p in out.iterdir() if p.name.startswith(".")] == []


def test_a_cancelled_mailing_leaves_no_file_and_no_log(
    services: Services, actor: Actor, people: dict[str, int], out: Path
) -> None:
    calls: list[int] = []

    def stop_after_first(done: int, _total: int) -> bool:
        calls.append(done)
        return done < 1

    with pytest.raises(Cancelled, match="niets gemaakt"):
        services.mailings.make_mailing(
            actor, request(services, out, per_person_pdfs=True), stop_after_first
        )
    assert list(out.iterdir()) == []
    assert services.mailings.letter_log(people["jan"]) == []
    again = services.mailings.make_mailing(actor, request(services, out))
    assert again.reference == "2026-0001"  # nothing was taken by the cancelled one


def test_an_existing_file_is_never_overwritten(
    services: Services, actor: Actor, people: dict[str, int], out: Path
) -> None:
    first = services.mailings.make_mailing(actor, request(services, out))
    before = first.letters_pdf.read_bytes()
    # Pretend another computer used the next number: the file name is taken.
    (out / first.letters_pdf.name.replace("0001", "0002")).write_text("niet van ons")
    with pytest.raises(KnownProblem, match="staat al"):
        services.mailings.make_mailing(actor, request(services, out))
    assert first.letters_pdf.read_bytes() == before
    assert len(services.mailings.letter_log(people["jan"])) == 1


def test_the_letter_log_and_a_reprint_for_one_person(
    services: Services, actor: Actor, people: dict[str, int], out: Path
) -> None:
    result = services.mailings.make_mailing(actor, request(services, out))
    [entry] = services.mailings.letter_log(people["ayse"])
    assert (entry.reference, entry.kind, entry.reprint) == (
        result.reference,
        LetterKind.DAY_OF_CARE,
        False,
    )
    assert entry.addressed_as == "Mevrouw A. Yılmaz"
    reprint = services.mailings.reprint(actor, entry.id, out / "h")
    [text] = page_texts(reprint)
    assert "Mevrouw A. Yılmaz" in text and f"{result.reference}/{people['ayse']}" in text
    log = services.mailings.letter_log(people["ayse"])
    assert [item.reprint for item in log] == [True, False]


def test_no_mail_is_honoured_even_for_a_single_letter(
    services: Services, actor: Actor, people: dict[str, int], out: Path
) -> None:
    with pytest.raises(NotAllowed, match="wil geen post ontvangen"):
        services.mailings.make_mailing(
            actor,
            request(services, out, criteria=None, caregiver_ids=(people["no_mail"],)),
        )
    assert list(out.iterdir()) == []


def test_a_broken_template_is_refused_with_the_field_named(
    services: Services, actor: Actor
) -> None:
    with pytest.raises(ValidationFailed) as refused:
        services.letters.save_template(
            actor, TemplateData("Kapot", LetterKind.FREE, "Over {onderwerp}", "Beste {voornam},")
        )
    assert "{onderwerp}" in refused.value.errors["subject"]
    assert "{voornam}" in refused.value.errors["body"]
    with pytest.raises(ValidationFailed) as malformed:
        services.letters.save_template(
            actor, TemplateData("Kapot", LetterKind.FREE, "", "Beste {voornaam,")
        )
    assert "losse {" in malformed.value.errors["body"]


def test_default_templates_exist_for_every_kind_and_render(
    services: Services, actor: Actor, people: dict[str, int], out: Path
) -> None:
    from steunpunt.domain.letters.merge_fields import KIND_FIELDS

    for kind in LetterKind:
        templates = services.letters.templates(kind)
        if kind in KIND_FIELDS:  # letters of the compliment round: tested there
            assert templates, kind
            continue
        assert templates, kind
        result = services.mailings.make_mailing(
            actor,
            request(
                services,
                out / kind,
                template_id=templates[0].id,
                criteria=None,
                caregiver_ids=(people["ayse"],),
            ),
        )
        [text] = page_texts(result.letters_pdf)
        assert "{" not in text and "Beste mevrouw Yılmaz," in text


def test_saved_filters_come_after_the_built_in_ones(services: Services, actor: Actor) -> None:
    criteria = RecipientFilter(places=("Soest",), brackets=(AgeBracket.FROM_18_TO_24,))
    services.letters.save_filter(actor, "Soest jong", criteria)
    filters = services.letters.filters()
    assert filters[0].name == "Alle actieve mantelzorgers" and filters[0].built_in
    saved = filters[-1]
    assert (saved.name, saved.criteria, saved.built_in) == ("Soest jong", criteria, False)
    with pytest.raises(NotAllowed):
        services.letters.save_filter(actor, "Alle actieve mantelzorgers", criteria)


def test_an_empty_house_style_field_the_letter_uses_is_refused(
    services: Services, actor: Actor, people: dict[str, int], out: Path
) -> None:
    fill_house_style(services, actor, phone="")
    with pytest.raises(NotAllowed, match=r"\{telefoon_organisatie\}, maar dat is nog leeg"):
        services.mailings.make_mailing(actor, request(services, out))
    assert list(out.iterdir()) == []


def test_the_welcome_filter_leaves_out_who_already_got_a_welcome_letter(
    services: Services, actor: Actor, people: dict[str, int], out: Path
) -> None:
    welcome = RecipientFilter(not_yet_sent=LetterKind.WELCOME)
    assert len(services.mailings.select_recipients(welcome).included) == 3
    services.mailings.make_mailing(
        actor,
        request(
            services,
            out,
            template_id=template_id(services, LetterKind.WELCOME),
            criteria=None,
            caregiver_ids=(people["jan"],),
        ),
    )
    # another kind of letter does not count
    services.mailings.make_mailing(
        actor, request(services, out, criteria=None, caregiver_ids=(people["ayse"],))
    )
    remaining = services.mailings.select_recipients(welcome).included
    assert {person.caregiver_id for person in remaining} == {people["ayse"], people["lukasz"]}
    assert RecipientFilter.from_json(welcome.to_json()) == welcome
    assert (
        welcome.describe()
        == "Actieve mantelzorgers; nog geen welkomstbrief bij inschrijving ontvangen"
    )


def test_a_full_disk_midway_leaves_no_file_and_no_log(
    services: Services,
    actor: Actor,
    people: dict[str, int],
    out: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import errno

    from steunpunt.services.letters import mailing_files

    def disk_full(*_args: object) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(mailing_files, "write_print_shop_csv", disk_full)
    with pytest.raises(KnownProblem, match="ruimte op de schijf"):
        services.mailings.make_mailing(
            actor,
            request(services, out, labels=LabelPreset.THREE_BY_SEVEN.sheet, print_shop_csv=True),
        )
    assert list(out.iterdir()) == []
    assert services.mailings.letter_log(people["jan"]) == []


def test_when_the_letter_log_cannot_be_written_the_files_are_taken_back(
    services: Services,
    actor: Actor,
    people: dict[str, int],
    out: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from steunpunt.services.letters import mailing_store

    def locked(**_values: object) -> object:
        raise KnownProblem("De database is bezet.")

    monkeypatch.setattr(mailing_store, "SentLetter", locked)
    with pytest.raises(KnownProblem, match="bezet"):
        services.mailings.make_mailing(actor, request(services, out, per_person_pdfs=True))
    assert list(out.iterdir()) == []
    monkeypatch.undo()
    assert services.mailings.make_mailing(actor, request(services, out)).reference == "2026-0001"


def test_a_template_name_with_characters_windows_refuses_still_gives_files(
    services: Services, actor: Actor, people: dict[str, int], out: Path
) -> None:
    view = services.letters.save_template(
        actor, TemplateData('Uitnodiging 10/11: "feest"?', LetterKind.FREE, "", "{aanhef},")
    )
    result = services.mailings.make_mailing(
        actor, request(services, out, template_id=view.id, per_person_pdfs=True)
    )
    assert result.letters_pdf.name == "Mailing 2026-0001 Uitnodiging 10-11 - 'feest'.pdf"
    assert result.per_person_folder is not None
    assert len(list(result.per_person_folder.iterdir())) == 3


def test_mailing_numbers_count_on_past_9999(
    services: Services, actor: Actor, people: dict[str, int], out: Path, engine: Engine
) -> None:
    first = services.mailings.make_mailing(actor, request(services, out))
    with engine.begin() as connection:
        connection.execute(
            text("UPDATE mailing SET number = 9999, reference = '2026-9999' WHERE id = :id"),
            {"id": first.mailing_id},
        )
    references = [
        services.mailings.make_mailing(actor, request(services, out / str(n))).reference
        for n in range(2)
    ]
    assert references == ["2026-10000", "2026-10001"]


def test_a_letter_can_be_reprinted_more_than_once(
    services: Services, actor: Actor, people: dict[str, int], out: Path
) -> None:
    services.mailings.make_mailing(actor, request(services, out))
    [sent] = services.mailings.letter_log(people["jan"])
    paths = [services.mailings.reprint(actor, sent.id, out) for _ in range(3)]
    assert len(set(paths)) == 3 and paths[1].name.endswith(" (2).pdf")
    assert [entry.reprint for entry in services.mailings.letter_log(people["jan"])].count(True) == 3


def test_place_filters_ignore_case_and_a_future_end_date_still_gets_post(
    services: Services, actor: Actor, people: dict[str, int]
) -> None:
    for typed in ("soest", "SOEST", "Soest"):
        found = services.mailings.select_recipients(RecipientFilter(places=(typed,)))
        assert [p.caregiver_id for p in found.included] == [people["jan"]], typed
    detail = services.caregivers.get(people["jan"])
    from dataclasses import replace

    from steunpunt.domain.choices import EndReason

    ends_next_month = replace(detail.data, ended_on=date(2026, 12, 31), end_reason=EndReason.MOVED)
    services.caregivers.update(actor, detail.id, detail.version, ends_next_month)
    found = services.mailings.select_recipients(RecipientFilter(places=("Soest",)))
    assert [p.caregiver_id for p in found.included] == [people["jan"]]


def test_a_damaged_logo_in_the_house_style_is_refused_in_dutch(
    services: Services, actor: Actor, people: dict[str, int], out: Path, engine: Engine
) -> None:
    with engine.begin() as connection:
        connection.execute(text("UPDATE house_style SET logo = :junk"), {"junk": b"\x89PNG kapot"})
    with pytest.raises(NotAllowed, match="De huisstijl is niet in orde"):
        services.mailings.make_mailing(actor, request(services, out))
    assert list(out.iterdir()) == []
