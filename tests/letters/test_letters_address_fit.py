"""Every printed address line measured against its label cell or envelope window.

Widths are measured with ``stringWidth`` in the embedded DejaVu Sans (ascent 0.76, descent
0.24: one line of type is 1.0 x the size; lines are 1.25 x the size apart). The widths the
arithmetic below uses, in mm per pt of type:

    "Mevrouw A.B.C.D. van der Heijden-Vandenbroucke tot Nijenrode"  11.39
    "Burgemeester van Nispen tot Sevenaerstraat 107"                  8.81
    "3812 BB  AMERSFOORT" 4.17   "De heer Ł. Wiśniewski" 3.88   "Mevrouw A. Yılmaz" 3.34
"""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.pdfbase.pdfmetrics import stringWidth

from steunpunt.domain.address import Address
from steunpunt.domain.letters.envelope import A4_HEIGHT_MM, EnvelopeWindow, WindowPreset
from steunpunt.domain.letters.house_style import HouseStyle
from steunpunt.domain.letters.label_sheet import LabelPreset, LabelSheet
from steunpunt.domain.letters.merge_fields import example_values
from steunpunt.letters.address_block import PADDING_MM, Recipient, window_misfits
from steunpunt.letters.fonts import register_fonts
from steunpunt.letters.labels import MIN_SIZE, render_labels
from steunpunt.letters.letter import Letter, LetterText, render_letters
from tests.letters.test_letters_labels import Piece, assert_inside, pages

MM = 72 / 25.4
LONG_NAME = "Mevrouw A.B.C.D. van der Heijden-Vandenbroucke tot Nijenrode"  # 60 characters
LONG_STREET = "Burgemeester van Nispen tot Sevenaerstraat"  # with 107: 46 characters
KERKSTRAAT = Address("Kerkstraat", 5, "", "3812 BB", "Amersfoort")
TWO_NAMES = Recipient(("Mevrouw A. Yılmaz", "De heer Ł. Wiśniewski"), KERKSTRAAT)
# Avery L7651: 5 x 13 labels of 38.1 x 21.2 mm
FIVE_BY_THIRTEEN = LabelSheet(5, 13, 38.1, 21.2, 10.7, 4.75, 2.5, 0, padding=2)


def width_mm(text: str, size: float) -> float:
    return float(stringWidth(text, register_fonts().regular, size)) / MM


def assert_whole_address(pieces: list[Piece], recipient: Recipient) -> None:
    """The names read back word for word; street and postcode lines each whole on one line."""
    texts = [piece.text for piece in pieces]
    address = recipient.address
    assert texts[-2:] == [address.street_line, address.postal_line]
    assert " ".join(texts[:-2]).split() == " ".join(recipient.names).split()


def test_two_names_on_a_five_by_thirteen_label_keep_the_postcode_and_place(
    tmp_path: Path,
) -> None:
    # Text box 38.1 - 2 x 2 = 34.1 mm wide, 21.2 - 2 x 2 = 17.2 mm (48.8 pt) high.
    # Widest line "3812 BB  AMERSFOORT": 34.1 / 4.17 = 8.17 -> 8.0 pt.
    # Four lines at 8 pt: (3 x 1.25 + 1.0) x 8 = 38 pt <= 48.8 pt: all four fit.
    pdf = tmp_path / "etiketten.pdf"
    run = render_labels(pdf, FIVE_BY_THIRTEEN, [TWO_NAMES])
    assert (run.printed, run.by_hand) == (1, ())
    pieces = pages(pdf)[0]
    assert [piece.text for piece in pieces] == list(TWO_NAMES.lines)
    assert {piece.size for piece in pieces} == {8.0}
    for piece in pieces:
        assert_inside(piece, FIVE_BY_THIRTEEN, 0)


def test_two_names_that_cannot_fit_go_whole_to_the_hand_list(tmp_path: Path) -> None:
    # With 5 mm padding the box is 28.1 x 11.2 mm (31.75 pt). Two names + street + postcode
    # need (3 x 1.25 + 1.0) x 7 = 33.25 pt even at the 7 pt minimum: no label. Every name
    # fits the width (3.88 x 7 = 27.2 mm <= 28.1), so wrapping cannot help.
    # One name at Soest: widest "Mevrouw A. Yılmaz" 28.1 / 3.34 = 8.42 -> 8.0 pt, three
    # lines (2 x 1.25 + 1.0) x 8 = 28 pt <= 31.75: one label at 8 pt.
    sheet = LabelSheet(5, 13, 38.1, 21.2, 10.7, 4.75, 2.5, 0, padding=5)
    soest = Address("Kerkstraat", 5, "", "3812 BB", "Soest")
    pair = Recipient(TWO_NAMES.names, soest)
    alone = Recipient(("Mevrouw A. Yılmaz",), soest)
    pdf = tmp_path / "etiketten.pdf"
    run = render_labels(pdf, sheet, [pair, alone])
    assert (run.printed, run.by_hand) == (1, (pair,))
    labels, hand_list = pages(pdf)
    assert [piece.text for piece in labels] == list(alone.lines)
    assert {piece.size for piece in labels} == {8.0}
    for piece in labels:
        assert_inside(piece, sheet, 0)
    listed = [piece.text for piece in hand_list]
    assert listed[0] == "Met de hand adresseren (1)"
    assert listed[-4:] == list(pair.lines)  # both names, street, postcode and place


def test_a_46_character_street_is_never_cut_on_a_three_by_seven_label(tmp_path: Path) -> None:
    # Text box 70 - 2 x 5 = 60 mm wide. The street line at the 7 pt minimum is
    # 8.81 x 7 = 61.6 mm > 60 mm: it cannot be printed whole, so it gets no label and is
    # listed by hand with its house number; the label after it takes the free cell.
    sheet = LabelPreset.THREE_BY_SEVEN.sheet
    long = Recipient(("Mevrouw A. Yılmaz",), Address(LONG_STREET, 107, "", "3812 BB", "Soest"))
    short = Recipient(("De heer J. de Vries",), KERKSTRAAT)
    assert width_mm(long.address.street_line, MIN_SIZE) > 60
    pdf = tmp_path / "etiketten.pdf"
    run = render_labels(pdf, sheet, [long, short])
    assert (run.printed, run.by_hand) == (1, (long,))
    labels, hand_list = pages(pdf)
    assert [piece.text for piece in labels] == list(short.lines)
    for piece in labels:
        assert_inside(piece, sheet, 0)
    texts = [piece.text for piece in hand_list]
    assert "Burgemeester van Nispen tot Sevenaerstraat 107" in texts
    assert not any("…" in text for page in pages(pdf) for text in (p.text for p in page))


def test_a_60_character_name_is_wrapped_on_the_label_at_full_size(tmp_path: Path) -> None:
    # 3 x 8: box 60 x 27 mm (76.5 pt). On one line the name needs 60 / 11.39 = 5.3 pt,
    # below 7: it is wrapped. At 10 pt "Mevrouw A.B.C.D. van der" (46.2 mm) fits, adding
    # "Heijden-Vandenbroucke" does not (89.8 mm), nor does adding "tot Nijenrode" to it
    # (66.6 mm): three name lines. Five lines: (4 x 1.25 + 1.0) x 10 = 60 pt <= 76.5 pt.
    sheet = LabelPreset.THREE_BY_EIGHT.sheet
    recipient = Recipient((LONG_NAME,), KERKSTRAAT)
    pdf = tmp_path / "etiketten.pdf"
    assert render_labels(pdf, sheet, [recipient]).printed == 1
    pieces = pages(pdf)[0]
    assert [piece.text for piece in pieces] == [
        "Mevrouw A.B.C.D. van der",
        "Heijden-Vandenbroucke tot",
        "Nijenrode",
        "Kerkstraat 5",
        "3812 BB  AMERSFOORT",
    ]
    assert {piece.size for piece in pieces} == {10.0}
    for piece in pieces:
        assert_inside(piece, sheet, 0)


@pytest.mark.parametrize(
    "sheet",
    [LabelPreset.THREE_BY_SEVEN.sheet, LabelPreset.THREE_BY_EIGHT.sheet, FIVE_BY_THIRTEEN],
    ids=["3x7", "3x8", "5x13"],
)
def test_every_printed_label_line_lies_in_its_cell_and_nothing_is_lost(
    tmp_path: Path, sheet: LabelSheet
) -> None:
    people = [
        Recipient((LONG_NAME,), KERKSTRAAT),
        TWO_NAMES,
        Recipient(("Mevrouw A. Yılmaz",), Address(LONG_STREET, 107, "", "3812 BB", "Soest")),
        Recipient(
            ("De heer J. de Vries",),
            Address("Ds. Van Bemmelenlaan", 12, "2", "3811 AB", "Amersfoort"),
        ),
        Recipient(
            ("De bewoners van",), Address("Lange Nieuwstraat", 120, "bis", "3512 PN", "Utrecht")
        ),
    ]
    pdf = tmp_path / "etiketten.pdf"
    run = render_labels(pdf, sheet, people)
    printed = [person for person in people if person not in run.by_hand]
    assert run.printed == len(printed)
    label_pages = pages(pdf)[: -1 if run.by_hand else None]
    pieces = [piece for page in label_pages for piece in page]
    for position, person in enumerate(printed):
        left, top, _width, height = sheet.cell(position)
        own = [piece for piece in pieces if left <= piece.x < left + sheet.label_width]
        own = [piece for piece in own if top <= piece.baseline < top + height]
        assert_whole_address(own, person)
        for piece in own:
            assert_inside(piece, sheet, position)
            assert piece.size >= MIN_SIZE
    if run.by_hand:
        listed = " ".join(piece.text for piece in pages(pdf)[-1])
        for person in run.by_hand:
            for line in person.lines:
                assert line in listed


# --- the envelope window ---------------------------------------------------------------------

STYLE = HouseStyle(
    organisation="Steunpunt Mantelzorg Eemland",
    street_line="Stationsplein 10",
    postal_line="3811 AB  AMERSFOORT",
    signatory_name="Marieke Jansen",
)


def address_pieces(pdf: Path, window: EnvelopeWindow) -> list[list[Piece]]:
    """Per page, the address lines: the pieces starting at the window's inner left edge."""
    found: list[list[Piece]] = []
    for page in pages(pdf):
        block = [
            piece
            for piece in page
            if abs(piece.x - window.left - PADDING_MM) < 0.05
            and not piece.text.startswith("Retour")
            and piece.baseline < A4_HEIGHT_MM / 2
        ]
        found.append(block)
    return found


def assert_in_window(piece: Piece, window: EnvelopeWindow) -> None:
    assert window.left + PADDING_MM - 0.05 <= piece.x, piece
    assert piece.right <= window.left + window.width - PADDING_MM + 0.05, piece
    assert window.top + PADDING_MM - 0.05 <= piece.top, piece
    assert piece.bottom <= window.top + window.height - PADDING_MM + 0.05, piece


def render(tmp_path: Path, recipients: list[Recipient], style: HouseStyle = STYLE) -> Path:
    values = example_values("vrij")
    target = tmp_path / "brieven.pdf"
    letters = [Letter(recipient, values) for recipient in recipients]
    render_letters(target, style, LetterText("", "Tekst."), letters, values)
    return target


def test_a_60_character_name_is_wrapped_inside_the_window(tmp_path: Path) -> None:
    # Window 90 mm wide, 4 mm padding: 82 mm. At the 8 pt minimum the name is 11.39 x 8 =
    # 91.2 mm > 82: it is wrapped. At 10 pt "Mevrouw A.B.C.D. van der" (46.2 mm) fits and
    # "Heijden-Vandenbroucke tot Nijenrode" (66.6 mm) fits: two name lines at 10 pt.
    # Height 45 - 8 = 37 mm (104.9 pt) minus the return line (6.5 x 1.25 pt + 2 mm =
    # 13.8 pt) leaves 91.1 pt; four lines need (3 x 1.25 + 1.0) x 10 = 47.5 pt.
    window = WindowPreset.LEFT.window
    recipient = Recipient((LONG_NAME,), KERKSTRAAT)
    [block] = address_pieces(render(tmp_path, [recipient]), window)
    assert [piece.text for piece in block] == [
        "Mevrouw A.B.C.D. van der",
        "Heijden-Vandenbroucke tot Nijenrode",
        "Kerkstraat 5",
        "3812 BB  AMERSFOORT",
    ]
    assert {piece.size for piece in block} == {10.0}
    for piece in block:
        assert_in_window(piece, window)


def test_a_46_character_street_is_made_smaller_to_stay_whole_in_the_window(
    tmp_path: Path,
) -> None:
    # 8.81 x 10 = 88.1 mm > 82 mm; 82 / 8.81 = 9.31 -> 9.0 pt, the whole block.
    window = WindowPreset.LEFT.window
    recipient = Recipient(("Mevrouw A. Yılmaz",), Address(LONG_STREET, 107, "", "3812 BB", "Soest"))
    [block] = address_pieces(render(tmp_path, [recipient]), window)
    assert [piece.text for piece in block] == list(recipient.lines)
    assert {piece.size for piece in block} == {9.0}
    for piece in block:
        assert_in_window(piece, window)


@pytest.mark.parametrize(
    "window",
    [WindowPreset.LEFT.window, WindowPreset.RIGHT.window, EnvelopeWindow(18, 48, 80, 30)],
    ids=["links", "rechts", "klein"],
)
def test_every_address_block_line_lies_inside_the_window(
    tmp_path: Path, window: EnvelopeWindow
) -> None:
    people = [
        Recipient((LONG_NAME,), KERKSTRAAT),
        TWO_NAMES,
        Recipient(("Mevrouw A. Yılmaz",), Address(LONG_STREET, 107, "", "3812 BB", "Soest")),
        Recipient(
            ("De bewoners van",), Address("Lange Nieuwstraat", 120, "bis", "3512 PN", "Utrecht")
        ),
    ]
    style = STYLE.with_window(window)
    fitting = [
        p
        for p in people
        if p not in window_misfits(people, window, style.return_line, register_fonts().regular)
    ]
    blocks = address_pieces(render(tmp_path, fitting, style), window)
    assert len(blocks) == len(fitting)
    for block, person in zip(blocks, fitting, strict=True):
        assert_whole_address(block, person)
        for piece in block:
            assert_in_window(piece, window)
            assert piece.size >= 8.0
