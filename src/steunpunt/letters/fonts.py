"""The embedded TTF fonts every PDF uses (Helvetica prints boxes for names like Yılmaz)."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from threading import Lock
from typing import Any

FAMILY = "SteunpuntSans"


@dataclass(frozen=True)
class Fonts:
    """Registered font names: plain, bold, italic and bold italic."""

    regular: str = FAMILY
    bold: str = f"{FAMILY}-Bold"
    italic: str = f"{FAMILY}-Italic"
    bold_italic: str = f"{FAMILY}-BoldItalic"
    mono_bold: str = "SteunpuntMono-Bold"
    """For what is typed over character by character (the recovery key)."""


_FILES = {
    "regular": "DejaVuSans.ttf",
    "bold": "DejaVuSans-Bold.ttf",
    "italic": "DejaVuSans-Oblique.ttf",
    "bold_italic": "DejaVuSans-BoldOblique.ttf",
    "mono_bold": "DejaVuSansMono-Bold.ttf",
}


_REGISTERING = Lock()


def register_fonts() -> Fonts:
    """Register the shipped fonts with ReportLab once; later calls only return the names.

    A lock keeps a mailing on a worker thread and a preview on the main thread from seeing a
    half-registered family.
    """
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    fonts = Fonts()
    with _REGISTERING:
        if _all_registered(fonts):
            return fonts
        folder = resources.files("steunpunt.resources") / "fonts"
        for attribute, filename in _FILES.items():
            with resources.as_file(folder / filename) as path:
                pdfmetrics.registerFont(TTFont(getattr(fonts, attribute), str(path)))
        pdfmetrics.registerFontFamily(
            FAMILY,
            normal=fonts.regular,
            bold=fonts.bold,
            italic=fonts.italic,
            boldItalic=fonts.bold_italic,
        )
    return fonts


def _all_registered(fonts: Fonts) -> bool:
    from reportlab.pdfbase import pdfmetrics

    names = set(pdfmetrics.getRegisteredFontNames())
    return {getattr(fonts, attribute) for attribute in _FILES} <= names


def print_at_true_size(canvas: Any) -> None:
    """Ask PDF viewers to print without "fit to page": windows and label cells depend on it."""
    canvas.setViewerPreference("PrintScaling", "None")
