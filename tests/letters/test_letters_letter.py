"""The letter engine: letterhead, page numbers, closing kept with the text, images, refusals."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from steunpunt.domain.address import Address
from steunpunt.domain.errors import Cancelled, InvalidValue, ValidationFailed
from steunpunt.domain.letters.house_style import HouseStyle
from steunpunt.domain.letters.merge_fields import example_values
from steunpunt.letters.address_block import Recipient
from steunpunt.letters.letter import Letter, LetterText, render_letters
from tests.pdf_fonts import unembedded_fonts

RECIPIENT = Recipient(
    ("Mevrouw A. Yılmaz",), Address("Dorpsstraat", 12, "A", "3811 AB", "Amersfoort")
)
VALUES = example_values("vrij")
STYLE = HouseStyle(
    organisation="Steunpunt Mantelzorg Eemland",
    street_line="Stationsplein 10",
    postal_line="3811 AB  AMERSFOORT",
    signatory_name="Marieke Jansen",
    signatory_role="Consulent mantelzorg",
    footer="KvK 12345678",
)


def png(width: int = 300, height: int = 100) -> bytes:
    buffer = BytesIO()
    Image.new("RGB", (width, height), (20, 100, 140)).save(buffer, "PNG")
    return buffer.getvalue()


def render(tmp_path: Path, body: str, count: int = 1, style: HouseStyle = STYLE) -> list[str]:
    target = tmp_path / "brieven.pdf"
    letters = [Letter(RECIPIENT, VALUES)] * count
    made = render_letters(target, style, LetterText("Over {voornaam}", body), letters, VALUES)
    assert made == count
    return [page.extract_text() for page in PdfReader(target).pages]


def test_a_short_letter_is_one_page_without_a_page_number(tmp_path: Path) -> None:
    [page] = render(tmp_path, "{aanhef},\n\nEen korte brief.")
    assert "Steunpunt Mantelzorg Eemland" in page and "KvK 12345678" in page
    assert "Over Ayşe" in page and "Beste mevrouw Yılmaz," in page
    assert "22 november 2026" in page and "2026-0001/123" in page
    assert "Pagina" not in page


def test_each_letter_of_several_pages_is_numbered_on_its_own(tmp_path: Path) -> None:
    long_body = "\n\n".join(["Een lange alinea met veel woorden. " * 30] * 8)
    pages = render(tmp_path, long_body, count=2)
    numbers = [next(line for line in page.splitlines() if "Pagina" in line) for page in pages]
    per_letter = len(pages) // 2
    assert per_letter >= 2
    expected = [f"Pagina {n} van {per_letter}" for n in range(1, per_letter + 1)]
    assert numbers == expected * 2
    # the second letter starts on a new first page with its own address block
    assert "Mevrouw A. Yılmaz" in pages[per_letter]


def test_letters_of_different_lengths_each_count_their_own_pages(tmp_path: Path) -> None:
    long_values = {**VALUES, "voornaam": "Ayşe " + "heel lang " * 800}
    short, long = Letter(RECIPIENT, VALUES), Letter(RECIPIENT, long_values)
    target = tmp_path / "brieven.pdf"
    render_letters(target, STYLE, LetterText("", "{voornaam}"), [short, long, short], VALUES)
    pages = [page.extract_text() for page in PdfReader(target).pages]
    numbers = [line for page in pages for line in page.splitlines() if "Pagina" in line]
    long_pages = len(pages) - 2
    assert long_pages >= 2
    assert numbers == [f"Pagina {n} van {long_pages}" for n in range(1, long_pages + 1)]
    assert "Pagina" not in pages[0] and "Pagina" not in pages[-1]


def test_the_closing_never_stands_alone_on_a_page(tmp_path: Path) -> None:
    for paragraphs in range(14, 26):  # one line more each time: some end at a page break
        body = "\n\n".join(f"Regel {n}." for n in range(paragraphs))
        body += "\n\nDe laatste alinea."
        pages = render(tmp_path, body)
        closing_page = next(page for page in pages if "Met vriendelijke groet," in page)
        assert "De laatste alinea." in closing_page
        assert "Marieke Jansen" in closing_page


def test_the_reply_slip_comes_after_the_signature_and_stays_whole(tmp_path: Path) -> None:
    slip = "\n\n---\n\n**Antwoordstrook** {voornaam}\nNaam: ....\nHandtekening: ...."
    [page] = render(tmp_path, "{aanhef},\n\nStuur de strook terug." + slip)
    lines = page.splitlines()
    signatory = lines.index("Marieke Jansen")
    assert lines.index("Antwoordstrook Ayşe") > signatory
    assert lines[lines.index("Antwoordstrook Ayşe") + 1 :][:2] == [
        "Naam: ....",
        "Handtekening: ....",
    ]
    for paragraphs in range(30, 46, 3):  # pushed to the next page whole, never split
        body = "\n\n".join(f"Regel {n}." for n in range(paragraphs)) + slip
        pages = render(tmp_path, body)
        on = [page for page in pages if "Antwoordstrook" in page]
        assert len(on) == 1 and "Handtekening" in on[0]


def test_markup_and_lists_read_back(tmp_path: Path) -> None:
    [page] = render(tmp_path, "**Let op:** dit is *belangrijk*.\n\n- eerste punt\n- tweede punt")
    assert "Let op: dit is belangrijk." in page
    assert "• eerste punt" in page or "eerste punt" in page
    assert "{" not in page


def test_logo_and_signature_are_stored_once_for_many_letters(tmp_path: Path) -> None:
    style = HouseStyle(organisation="Steunpunt", logo=png(), signature=png(200, 80))
    target = tmp_path / "brieven.pdf"
    letters = [Letter(RECIPIENT, VALUES)] * 20
    render_letters(target, style, LetterText("", "Tekst."), letters, VALUES)
    reader = PdfReader(target)
    images = {obj.idnum for page in reader.pages for obj in _image_refs(page)}
    assert len(images) == 2  # one logo, one signature, shared by all 20 pages


def _image_refs(page: object) -> list[object]:
    """References of image XObjects, also those inside forms."""
    found: list[object] = []

    def walk(resources: object) -> None:
        xobjects = resources.get("/XObject", {}) if resources else {}  # type: ignore[attr-defined]
        for ref in xobjects.values():
            obj = ref.get_object()
            if obj.get("/Subtype") == "/Image":
                found.append(ref)
            elif obj.get("/Subtype") == "/Form":
                walk(obj.get("/Resources"))

    walk(page["/Resources"])  # type: ignore[index]
    return found


def test_an_unknown_field_is_refused_before_anything_is_written(tmp_path: Path) -> None:
    target = tmp_path / "brieven.pdf"
    with pytest.raises(InvalidValue, match=r"\{voornam\}"):
        render_letters(
            target, STYLE, LetterText("", "Beste {voornam},"), [Letter(RECIPIENT, VALUES)], VALUES
        )
    assert not target.exists()


def test_a_bad_house_style_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValidationFailed) as refused:
        render(tmp_path, "Tekst", style=HouseStyle(accent_colour="blauw", logo=b"geen plaatje"))
    assert set(refused.value.errors) == {"accent_colour", "logo"}


def test_cancel_stops_the_letters(tmp_path: Path) -> None:
    target = tmp_path / "brieven.pdf"
    with pytest.raises(Cancelled):
        render_letters(
            target,
            STYLE,
            LetterText("", "Tekst"),
            [Letter(RECIPIENT, VALUES)] * 100,
            VALUES,
            progress=lambda done: done < 30,
        )
    # ReportLab writes only when the document is complete: nothing half-written is left
    assert not target.exists()


def test_a_long_name_is_made_smaller_to_stay_inside_the_window(tmp_path: Path) -> None:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from steunpunt.domain.letters.envelope import A4_HEIGHT_MM, WindowPreset
    from steunpunt.letters.fonts import register_fonts

    long_name = "De heer J.P.M. van der Zwaluwenburg-Oosterhuis"
    recipient = Recipient((long_name,), RECIPIENT.address)
    target = tmp_path / "brief.pdf"
    render_letters(target, STYLE, LetterText("", "Tekst."), [Letter(recipient, VALUES)], VALUES)
    font = register_fonts().regular
    window = WindowPreset.LEFT.window
    found: dict[str, tuple[float, float, float]] = {}

    def visit(text: str, _cm: object, tm: list[float], _font: object, size: float) -> None:
        if text.strip():
            found[text.strip()] = (tm[4], tm[5], size * tm[0])

    PdfReader(target).pages[0].extract_text(visitor_text=visit)
    mm = 72 / 25.4
    for line in recipient.lines:
        x, y, size = found[line]
        right = (x + stringWidth(line, font, size)) / mm
        assert window.left < x / mm and right < window.left + window.width, line
        assert window.top < A4_HEIGHT_MM - y / mm < window.top + window.height, line
    # one size for the whole block, smaller than 10 pt only because the name is long
    assert found[long_name][2] < 10 and found["Dorpsstraat 12 A"][2] == found[long_name][2]


def test_letters_labels_and_calibration_ask_viewers_not_to_scale(tmp_path: Path) -> None:
    from steunpunt.domain.letters.envelope import WindowPreset
    from steunpunt.domain.letters.label_sheet import LabelPreset
    from steunpunt.letters.calibration import render_calibration_page
    from steunpunt.letters.labels import render_labels, render_test_sheet

    render(tmp_path, "Tekst")
    render_labels(tmp_path / "etiketten.pdf", LabelPreset.THREE_BY_SEVEN.sheet, [RECIPIENT])
    render_test_sheet(tmp_path / "testvel.pdf", LabelPreset.THREE_BY_EIGHT.sheet)
    render_calibration_page(tmp_path / "kalibratie.pdf", WindowPreset.LEFT.window)
    for name in ("brieven.pdf", "etiketten.pdf", "testvel.pdf", "kalibratie.pdf"):
        catalog = PdfReader(tmp_path / name).trailer["/Root"]
        assert catalog["/ViewerPreferences"]["/PrintScaling"] == "/None", name


def test_a_letter_names_only_embedded_fonts(tmp_path: Path) -> None:
    render(tmp_path, "Tekst met **vet** en *schuin*.\n\n- eerste punt\n- tweede punt")
    assert unembedded_fonts(tmp_path / "brieven.pdf") == set()  # was: Helvetica, the bullets
