"""The address block lies inside the envelope window, in an embedded font that reads back intact."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from pypdf import PdfReader

from steunpunt.domain.errors import InvalidValue
from steunpunt.domain.letters.envelope import A4_HEIGHT_MM, EnvelopeWindow, WindowPreset
from steunpunt.letters.calibration import SAMPLE, render_calibration_page

MM = 72 / 25.4


def text_pieces(pdf: Path) -> dict[str, tuple[float, float, str]]:
    """Each piece of text on the first page: x and y in mm from the top left, and its font."""
    found: dict[str, tuple[float, float, str]] = {}

    def visit(
        text: str, _cm: object, tm: list[float], font: dict[str, object], _size: object
    ) -> None:
        if text.strip():
            found[text.strip()] = (tm[4] / MM, A4_HEIGHT_MM - tm[5] / MM, str(font["/BaseFont"]))

    PdfReader(pdf).pages[0].extract_text(visitor_text=visit)
    return found


@pytest.mark.parametrize("preset", list(WindowPreset))
def test_address_lines_lie_inside_the_window(tmp_path: Path, preset: WindowPreset) -> None:
    window = preset.window
    pdf = tmp_path / "kalibratie.pdf"
    render_calibration_page(pdf, window)
    pieces = text_pieces(pdf)
    for line in SAMPLE.lines:
        x, y, _font = pieces[line]
        assert window.left < x < window.left + window.width
        assert window.top < y < window.top + window.height


def test_names_beyond_ascii_read_back_and_the_font_is_embedded(tmp_path: Path) -> None:
    pdf = tmp_path / "kalibratie.pdf"
    render_calibration_page(pdf, EnvelopeWindow(18, 48, 95, 40))
    pieces = text_pieces(pdf)
    assert "Mevrouw A. Yılmaz-de Vries" in pieces
    assert "3811 AB  AMERSFOORT" in pieces
    assert all("+DejaVuSans" in font for _x, _y, font in pieces.values())  # embedded subset


@pytest.mark.parametrize(
    "window",
    [
        EnvelopeWindow(150, 45, 90, 45),
        EnvelopeWindow(20, 45, 10, 45),
        EnvelopeWindow(20, 140, 90, 45),
    ],
)
def test_a_window_off_the_page_is_refused_in_dutch(tmp_path: Path, window: EnvelopeWindow) -> None:
    with pytest.raises(InvalidValue, match="venster"):
        render_calibration_page(tmp_path / "x.pdf", window)


@pytest.mark.parametrize("measure", [math.nan, math.inf])
def test_a_window_measured_as_nan_or_infinity_is_refused(measure: float) -> None:
    with pytest.raises(InvalidValue, match="minstens 20 bij 20 mm"):
        EnvelopeWindow(measure, 45.0, 90.0, 40.0).check()
