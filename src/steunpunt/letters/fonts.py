"""The embedded TTF fonts every PDF uses (Helvetica prints boxes for names like Yılmaz)."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources

FAMILY = "SteunpuntSans"


@dataclass(frozen=True)
class Fonts:
    """Registered font names: plain, bold, italic and bold italic."""

    regular: str = FAMILY
    bold: str = f"{FAMILY}-Bold"
    italic: str = f"{FAMILY}-Italic"
    bold_italic: str = f"{FAMILY}-BoldItalic"


_FILES = {
    "regular": "DejaVuSans.ttf",
    "bold": "DejaVuSans-Bold.ttf",
    "italic": "DejaVuSans-Oblique.ttf",
    "bold_italic": "DejaVuSans-BoldOblique.ttf",
}


def register_fonts() -> Fonts:
    """Register the shipped fonts with ReportLab once; later calls only return the names."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    fonts = Fonts()
    if fonts.regular in pdfmetrics.getRegisteredFontNames():
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
