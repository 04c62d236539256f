"""A4 label sheets: the grid of labels, its margins and offsets, and the common presets."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from steunpunt.domain.errors import InvalidValue
from steunpunt.domain.letters.envelope import A4_HEIGHT_MM, A4_WIDTH_MM

_EPSILON = 1e-6  # mm: forgive float rounding such as 7 x 42.3


@dataclass(frozen=True)
class LabelSheet:
    """A grid of labels on A4, in mm; the offsets shift everything (x to the right, y down)."""

    columns: int
    rows: int
    label_width: float
    label_height: float
    top_margin: float = 0.0
    left_margin: float = 0.0
    column_gap: float = 0.0
    row_gap: float = 0.0
    offset_x: float = 0.0
    offset_y: float = 0.0
    padding: float = 5.0

    @property
    def per_page(self) -> int:
        """How many labels fit on one sheet."""
        return self.columns * self.rows

    def check(self) -> LabelSheet:
        """Refuse a sheet that cannot be printed, with a Dutch message; return it otherwise."""
        if self.columns < 1 or self.rows < 1:
            raise InvalidValue("Een etiketvel heeft minstens één kolom en één rij.")
        if self.label_width <= 0 or self.label_height <= 0:
            raise InvalidValue("De breedte en hoogte van een etiket moeten groter dan 0 mm zijn.")
        if min(self.top_margin, self.left_margin, self.column_gap, self.row_gap) < 0:
            raise InvalidValue("Marges en tussenruimtes kunnen niet negatief zijn.")
        if self.padding < 0 or 2 * self.padding >= min(self.label_width, self.label_height):
            raise InvalidValue(
                "De binnenmarge is te groot: er blijft geen ruimte over voor het adres."
            )
        width = self.left_margin + self.columns * self.label_width
        width += (self.columns - 1) * self.column_gap
        height = self.top_margin + self.rows * self.label_height + (self.rows - 1) * self.row_gap
        if width > A4_WIDTH_MM + _EPSILON or height > A4_HEIGHT_MM + _EPSILON:
            raise InvalidValue(
                f"De etiketten passen niet op een A4-vel: ze beslaan {mm_text(width)} × "
                f"{mm_text(height)} mm, een A4 is 210 × 297 mm. Controleer het aantal kolommen "
                "en rijen, de maten, de marges en de tussenruimtes."
            )
        # A shifted edge-to-edge sheet may lose a strip of its outer labels, but never text.
        left = self.left_margin + self.offset_x + self.padding
        top = self.top_margin + self.offset_y + self.padding
        right = width + self.offset_x - self.padding
        bottom = height + self.offset_y - self.padding
        if (
            min(left, top) < -_EPSILON
            or right > A4_WIDTH_MM + _EPSILON
            or bottom > A4_HEIGHT_MM + _EPSILON
        ):
            raise InvalidValue(
                "De verschuiving is te groot: de adressen zouden buiten het vel vallen. "
                f"Verschuif hooguit zoveel als de binnenmarge ({mm_text(self.padding)} mm) "
                "plus de ruimte tot de rand van het vel."
            )
        return self

    def cell(self, index: int) -> tuple[float, float, float, float]:
        """(left, top, width, height) in mm from the page's top-left corner for label
        ``index`` (0-based, left to right, then down), offsets included."""
        if not 0 <= index < self.per_page:
            raise IndexError(f"label {index} is not on a sheet of {self.per_page}")
        row, column = divmod(index, self.columns)
        left = self.left_margin + self.offset_x + column * (self.label_width + self.column_gap)
        top = self.top_margin + self.offset_y + row * (self.label_height + self.row_gap)
        return left, top, self.label_width, self.label_height


class LabelPreset(StrEnum):
    """Common Dutch A4 label sheets without margins between the labels."""

    THREE_BY_SEVEN = "3 x 7 (70 x 42,3 mm)"
    THREE_BY_EIGHT = "3 x 8 (70 x 37 mm)"

    @property
    def sheet(self) -> LabelSheet:
        rows, height = {
            LabelPreset.THREE_BY_SEVEN: (7, 42.3),
            LabelPreset.THREE_BY_EIGHT: (8, 37.0),
        }[self]
        return LabelSheet(
            columns=3,
            rows=rows,
            label_width=70.0,
            label_height=height,
            top_margin=(A4_HEIGHT_MM - rows * height) / 2,
        )


def mm_text(value: float) -> str:
    """A length the Dutch way: ``0,45``."""
    return f"{value:g}".replace(".", ",")
