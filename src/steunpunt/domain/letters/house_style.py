"""The steunpunt's house style: letterhead, signatory, footer, colours and the envelope window."""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, fields, replace
from typing import Any

from steunpunt.domain.errors import InvalidValue, ValidationFailed
from steunpunt.domain.input_policy import normalise_text
from steunpunt.domain.letters.envelope import EnvelopeWindow, WindowPreset
from steunpunt.domain.letters.label_sheet import LabelPreset, LabelSheet

_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
MAX_IMAGE_BYTES = 2_000_000


@dataclass(frozen=True)
class HouseStyle:
    """Set once under Beheer; every letter is made with it. Images are PNG or JPG bytes."""

    organisation: str = "Steunpunt Mantelzorg"
    street_line: str = ""
    postal_line: str = ""
    phone: str = ""
    email: str = ""
    website: str = ""
    signatory_name: str = ""
    signatory_role: str = ""
    closing: str = "Met vriendelijke groet,"
    footer: str = ""
    accent_colour: str = "#1b6a8f"
    text_colour: str = "#222222"
    window_left: float = float(WindowPreset.LEFT.window.left)
    window_top: float = float(WindowPreset.LEFT.window.top)
    window_width: float = float(WindowPreset.LEFT.window.width)
    window_height: float = float(WindowPreset.LEFT.window.height)
    label_sheet_json: str = ""
    """The label sheet (3x7 by default) with this printer's margins and offsets, as JSON."""
    logo: bytes | None = None
    signature: bytes | None = None

    @property
    def label_sheet(self) -> LabelSheet:
        try:
            raw = json.loads(self.label_sheet_json) if self.label_sheet_json else None
            return LabelSheet(**raw) if isinstance(raw, dict) else LabelPreset.THREE_BY_SEVEN.sheet
        except (TypeError, ValueError):
            return LabelPreset.THREE_BY_SEVEN.sheet

    def with_label_sheet(self, sheet: LabelSheet) -> HouseStyle:
        return replace(self, label_sheet_json=json.dumps(asdict(sheet)))

    @property
    def window(self) -> EnvelopeWindow:
        return EnvelopeWindow(
            self.window_left, self.window_top, self.window_width, self.window_height
        )

    def with_window(self, window: EnvelopeWindow) -> HouseStyle:
        return replace(
            self,
            window_left=window.left,
            window_top=window.top,
            window_width=window.width,
            window_height=window.height,
        )

    @property
    def return_line(self) -> str:
        """``Retour: Steunpunt Mantelzorg, Postbus 12, 3800 AA  AMERSFOORT``."""
        parts = [self.organisation, self.street_line, self.postal_line]
        return "Retour: " + ", ".join(part for part in parts if part)

    @property
    def contact_lines(self) -> list[str]:
        """The organisation's details for the letterhead, blank ones left out."""
        lines = [self.street_line, self.postal_line, self.phone, self.email, self.website]
        return [line for line in lines if line]

    def cleaned(self) -> HouseStyle:
        """The texts by the input policy: trimmed, no invisible characters; inner spaces are
        kept (a postal line has two before the place, as PostNL asks)."""
        texts = [
            item.name
            for item in fields(self)
            if isinstance(getattr(self, item.name), str) and item.name != "label_sheet_json"
        ]
        cleaned: dict[str, Any] = {
            name: normalise_text(getattr(self, name)).strip() for name in texts
        }
        return replace(self, **cleaned)

    def check(self) -> HouseStyle:
        """Refuse what would print wrongly, every problem named per field in Dutch."""
        errors: dict[str, str] = {}
        if not self.organisation.strip():
            errors["organisation"] = "Vul de naam van de organisatie in."
        for name in ("accent_colour", "text_colour"):
            if not _COLOUR.match(getattr(self, name)):
                errors[name] = "Geef een kleur als #RRGGBB, bijvoorbeeld #1b6a8f."
        try:
            self.window.check()
        except InvalidValue as error:
            errors["window"] = str(error)
        try:
            self.label_sheet.check()
        except InvalidValue as error:
            errors["label_sheet"] = str(error)
        for name in ("logo", "signature"):
            problem = image_problem(getattr(self, name))
            if problem:
                errors[name] = problem
        if errors:
            raise ValidationFailed(errors)
        return self

    def settings_json(self) -> str:
        """Everything but the images, for storage."""
        data = {k: v for k, v in asdict(self).items() if k not in ("logo", "signature")}
        return json.dumps(data, ensure_ascii=False)

    @classmethod
    def from_storage(
        cls, settings_json: str, logo: bytes | None, signature: bytes | None
    ) -> HouseStyle:
        """Read stored settings; unknown or mistyped keys fall back to the defaults."""
        try:
            raw = json.loads(settings_json)
        except ValueError:
            raw = {}
        defaults = cls()
        known: dict[str, Any] = {}
        for field in fields(cls):
            value = raw.get(field.name) if isinstance(raw, dict) else None
            default = getattr(defaults, field.name)
            if isinstance(default, float) and isinstance(value, int | float):
                known[field.name] = float(value)
            elif isinstance(default, str) and isinstance(value, str):
                known[field.name] = value
        return replace(defaults, **known, logo=logo, signature=signature)


def image_problem(data: bytes | None) -> str | None:
    """Why an image cannot go on a letter, in Dutch; None when it can (PNG or JPG)."""
    if data is None:
        return None
    if len(data) > MAX_IMAGE_BYTES:
        return "Deze afbeelding is groter dan 2 MB. Kies een kleinere PNG of JPG."
    if not (data.startswith(b"\x89PNG\r\n\x1a\n") or data.startswith(b"\xff\xd8")):
        return "Kies een afbeelding in PNG- of JPG-formaat."
    from io import BytesIO

    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(BytesIO(data)) as image:
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        return "Deze afbeelding is beschadigd of onleesbaar. Kies een andere PNG of JPG."
    return None
