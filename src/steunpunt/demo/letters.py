"""A house style for the demo database, so letters and mailings work from the first start."""

from __future__ import annotations

from dataclasses import replace
from io import BytesIO

from steunpunt.domain.letters.house_style import HouseStyle
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.letters.templates import LetterService

DEMO_HOUSE_STYLE = HouseStyle(
    organisation="Steunpunt Mantelzorg Eemland (demo)",
    street_line="Stationsplein 10",
    postal_line="3811 AB  AMERSFOORT",
    phone="033 123 45 67",
    email="info@steunpunt-demo.example",
    website="www.steunpunt-demo.example",
    signatory_name="Marieke Jansen",
    signatory_role="Consulent mantelzorg",
    footer="KvK 12345678 · IBAN NL91 ABNA 0417 1643 00 · Dit is een demonstratie",
)


def demo_logo() -> bytes:
    """A small made-up logo: two overlapping circles, as a PNG."""
    from PIL import Image, ImageDraw

    image = Image.new("RGBA", (360, 160), (255, 255, 255, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((10, 20, 130, 140), fill=(27, 106, 143, 255))
    draw.ellipse((80, 20, 200, 140), fill=(236, 134, 52, 220))
    draw.rectangle((220, 60, 350, 100), fill=(27, 106, 143, 255))
    buffer = BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def set_demo_house_style(letters: LetterService, actor: Actor) -> bool:
    """Store the demo house style unless one was saved before; True when it was stored."""
    _current, version = letters.house_style()
    if version:
        return False
    letters.save_house_style(actor, replace(DEMO_HOUSE_STYLE, logo=demo_logo()), version)
    return True
