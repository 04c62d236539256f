"""What a PDF says about its fonts, for the tests that promise letters print the same anywhere."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader


def unembedded_fonts(pdf: Path) -> set[str]:
    """The fonts a PDF names that it does not carry (a printer would substitute them)."""
    missing: set[str] = set()
    for page in PdfReader(pdf).pages:
        for reference in page["/Resources"]["/Font"].values():
            font = reference.get_object()
            described = (
                font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            )
            descriptor = described.get("/FontDescriptor")
            if descriptor is None or "/FontFile2" not in descriptor.get_object():
                missing.add(str(font["/BaseFont"]))
    return missing
