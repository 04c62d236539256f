"""The envelope window and label sheet tabs: a preset choice filling millimetre fields."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QWidget,
)

from steunpunt.domain.letters.envelope import (
    A4_HEIGHT_MM,
    A4_WIDTH_MM,
    EnvelopeWindow,
    WindowPreset,
)
from steunpunt.domain.letters.label_sheet import LabelPreset, LabelSheet
from steunpunt.ui.i18n import tr

TOLERANCE_MM = 0.01
LABEL_GEOMETRY = (
    "columns",
    "rows",
    "label_width",
    "label_height",
    "top_margin",
    "left_margin",
    "column_gap",
    "row_gap",
)
"""What a label preset sets; the offsets and inner margin belong to the printer and stay."""


def mm_box(name: str, low: float, high: float, decimals: int) -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setObjectName(name)
    box.setRange(low, high)
    box.setDecimals(decimals)
    box.setSingleStep(0.5)
    box.setSuffix(tr(" mm"))
    box.setAlignment(Qt.AlignmentFlag.AlignRight)
    box.setMinimumWidth(110)
    return box


def count_box(name: str, high: int) -> QSpinBox:
    box = QSpinBox()
    box.setObjectName(name)
    box.setRange(1, high)
    box.setAlignment(Qt.AlignmentFlag.AlignRight)
    box.setMinimumWidth(110)
    return box


def explanation(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label


def heading(text: str) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    label.setContentsMargins(0, 8, 0, 0)
    return label


class PresetTab(QWidget):
    """A preset combo above number fields: a preset fills them, a typed value shows the match."""

    edited = Signal()

    def __init__(
        self,
        presets: Sequence[tuple[str, object]],
        preset_label: str,
        apply_preset: Callable[[object], None],
        matching_preset: Callable[[], object],
        parent: QWidget | None,
    ) -> None:
        super().__init__(parent)
        self._apply = apply_preset
        self._matching = matching_preset
        self._filling = False
        self._presets = [value for _label, value in presets]
        self.preset = QComboBox(self)
        self.preset.setObjectName("preset")
        for label, _value in presets:
            self.preset.addItem(label)
        self.preset.addItem(tr("aangepast"))  # the last entry: no preset
        self.preset.activated.connect(self._preset_chosen)
        self.form = QFormLayout(self)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.form.addRow(preset_label, self.preset)

    def _watch(self, boxes: Sequence[QSpinBox | QDoubleSpinBox]) -> None:
        for box in boxes:
            box.valueChanged.connect(self._value_changed)

    def _fill(self, setter: Callable[[], None]) -> None:
        self._filling = True
        try:
            setter()
        finally:
            self._filling = False
        self._show_match()

    def _value_changed(self) -> None:
        if not self._filling:
            self._show_match()
            self.edited.emit()

    def _preset_chosen(self, index: int) -> None:
        if 0 <= index < len(self._presets):
            self._apply(self._presets[index])
            self.edited.emit()

    def _show_match(self) -> None:
        match = self._matching()
        index = self._presets.index(match) if match in self._presets else len(self._presets)
        self.preset.setCurrentIndex(index)


class EnvelopeTab(PresetTab):
    """Where the address window of the envelopes lies, and the calibration page to check it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            [(tr(preset.value), preset) for preset in WindowPreset],
            tr("Envelop"),
            self._apply_preset,
            self._matching_preset,
            parent,
        )
        self.left = mm_box("window_left", 0, A4_WIDTH_MM, 1)
        self.top = mm_box("window_top", 0, A4_HEIGHT_MM / 2, 1)
        self.width_box = mm_box("window_width", 0, A4_WIDTH_MM, 1)
        self.height_box = mm_box("window_height", 0, A4_HEIGHT_MM / 2, 1)
        self.form.addRow(tr("Links"), self.left)
        self.form.addRow(tr("Boven"), self.top)
        self.form.addRow(tr("Breedte"), self.width_box)
        self.form.addRow(tr("Hoogte"), self.height_box)
        self.form.addRow(
            explanation(
                tr(
                    "Gemeten vanaf de linkerbovenhoek van het A4-vel. De kalibratiepagina toont "
                    "het ingestelde venster met linialen en een voorbeeldadres: druk haar af op "
                    "100 %, vouw haar in een vensterenvelop en kijk of het adres binnen het "
                    "venster valt."
                )
            )
        )
        self.calibrate_button = QPushButton(tr("Kalibratiepagina maken…"), self)
        self.form.addRow("", self.calibrate_button)
        self._watch([self.left, self.top, self.width_box, self.height_box])

    def envelope_window(self) -> EnvelopeWindow:
        return EnvelopeWindow(
            self.left.value(), self.top.value(), self.width_box.value(), self.height_box.value()
        )

    def set_envelope_window(self, window: EnvelopeWindow) -> None:
        def setter() -> None:
            self.left.setValue(window.left)
            self.top.setValue(window.top)
            self.width_box.setValue(window.width)
            self.height_box.setValue(window.height)

        self._fill(setter)

    def _apply_preset(self, value: object) -> None:
        assert isinstance(value, WindowPreset)
        self.set_envelope_window(value.window)

    def _matching_preset(self) -> object:
        shown = self.envelope_window()
        for preset in WindowPreset:
            window = preset.window
            pairs = zip(
                (shown.left, shown.top, shown.width, shown.height),
                (window.left, window.top, window.width, window.height),
                strict=True,
            )
            if all(abs(a - b) < TOLERANCE_MM for a, b in pairs):
                return preset
        return None


class LabelTab(PresetTab):
    """The label sheet with this printer's offsets, and the test sheet to check them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            [(tr(preset.value), preset) for preset in LabelPreset],
            tr("Etiketvel"),
            self._apply_preset,
            self._matching_preset,
            parent,
        )
        self.columns = count_box("columns", 10)
        self.rows = count_box("rows", 30)
        self.boxes: dict[str, QDoubleSpinBox] = {
            "label_width": mm_box("label_width", 0, A4_WIDTH_MM, 2),
            "label_height": mm_box("label_height", 0, A4_HEIGHT_MM, 2),
            "top_margin": mm_box("top_margin", 0, A4_HEIGHT_MM, 2),
            "left_margin": mm_box("left_margin", 0, A4_WIDTH_MM, 2),
            "column_gap": mm_box("column_gap", 0, A4_WIDTH_MM, 2),
            "row_gap": mm_box("row_gap", 0, A4_HEIGHT_MM, 2),
            "offset_x": mm_box("offset_x", -50, 50, 2),
            "offset_y": mm_box("offset_y", -50, 50, 2),
            "padding": mm_box("padding", 0, 50, 2),
        }
        labels = {
            "label_width": tr("Breedte etiket"),
            "label_height": tr("Hoogte etiket"),
            "top_margin": tr("Bovenmarge"),
            "left_margin": tr("Linkermarge"),
            "column_gap": tr("Tussenruimte horizontaal"),
            "row_gap": tr("Tussenruimte verticaal"),
            "offset_x": tr("Verschuiving horizontaal"),
            "offset_y": tr("Verschuiving verticaal"),
            "padding": tr("Binnenmarge"),
        }
        self.form.addRow(tr("Kolommen"), self.columns)
        self.form.addRow(tr("Rijen"), self.rows)
        for name, box in self.boxes.items():
            if name == "offset_x":
                self.form.addRow(heading(tr("Afstelling voor uw printer")))
            self.form.addRow(labels[name], box)
        self.boxes["offset_x"].setToolTip(tr("Positief schuift naar rechts, negatief naar links."))
        self.boxes["offset_y"].setToolTip(tr("Positief schuift omlaag, negatief omhoog."))
        self.form.addRow(
            explanation(
                tr(
                    "Druk het testvel af op 100 % (niet 'aanpassen aan pagina'), leg het op een "
                    "etiketvel tegen het licht en pas de verschuiving aan tot de kaders op de "
                    "etiketten vallen."
                )
            )
        )
        self.test_button = QPushButton(tr("Testvel maken…"), self)
        self.form.addRow("", self.test_button)
        self._watch([self.columns, self.rows, *self.boxes.values()])

    def sheet(self) -> LabelSheet:
        values = {name: box.value() for name, box in self.boxes.items()}
        return LabelSheet(columns=self.columns.value(), rows=self.rows.value(), **values)

    def set_sheet(self, sheet: LabelSheet) -> None:
        def setter() -> None:
            self.columns.setValue(sheet.columns)
            self.rows.setValue(sheet.rows)
            for name, box in self.boxes.items():
                box.setValue(getattr(sheet, name))

        self._fill(setter)

    def _apply_preset(self, value: object) -> None:
        assert isinstance(value, LabelPreset)
        shown = self.sheet()
        geometry = {name: getattr(value.sheet, name) for name in LABEL_GEOMETRY}
        self.set_sheet(replace(shown, **geometry))

    def _matching_preset(self) -> object:
        shown = self.sheet()
        for preset in LabelPreset:
            sheet = preset.sheet
            if all(
                abs(getattr(shown, name) - getattr(sheet, name)) < TOLERANCE_MM
                for name in LABEL_GEOMETRY
            ):
                return preset
        return None
