"""House style form widgets: a colour button with its hex code and an image chooser with preview."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QColorDialog,
    QFileDialog,
    QFrame,
    QGridLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from steunpunt.domain.letters.house_style import MAX_IMAGE_BYTES, image_problem
from steunpunt.ui.i18n import tr
from steunpunt.ui.widgets import ERROR_STYLE

log = logging.getLogger(__name__)

PREVIEW_SIZE = QSize(200, 80)
SWATCH_SIZE = QSize(28, 16)


class ColourButton(QPushButton):
    """Shows a colour as a swatch and ``#rrggbb``; a click opens the colour chooser."""

    edited = Signal()

    def __init__(self, name: str, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self._title = title
        self._colour = ""
        self.setIconSize(SWATCH_SIZE)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.clicked.connect(self.choose)

    def colour(self) -> str:
        return self._colour

    def set_colour(self, colour: str) -> None:
        """Show ``colour``; a stored value that is no colour is kept, so that saving names it."""
        self._colour = colour
        swatch = QPixmap(SWATCH_SIZE)
        qcolor = QColor(colour)
        swatch.fill(qcolor if qcolor.isValid() else QColor("white"))
        self.setIcon(QIcon(swatch))
        self.setText(colour)
        self.setMinimumWidth(120)

    def show_error(self, message: str | None) -> None:
        self.setToolTip(message or "")
        self.setStyleSheet("QPushButton { border: 1px solid #b00020; }" if message else "")

    def choose(self) -> None:
        chosen = QColorDialog.getColor(QColor(self._colour), self, self._title)
        if chosen.isValid() and chosen.name() != self._colour:
            self.set_colour(chosen.name())
            self.show_error(None)
            self.edited.emit()


def read_image(path: Path) -> tuple[bytes | None, str | None]:
    """The bytes of an image file, or the Dutch reason it cannot be used."""
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_IMAGE_BYTES + 1)  # enough to know it is too big
    except OSError as error:
        log.info("Image file could not be read: %s", type(error).__name__)
        return None, tr("Dit bestand kan niet worden gelezen. Kies een ander bestand.")
    problem = image_problem(data)
    if problem:
        return None, tr(problem)
    return data, None


class ImageField(QWidget):
    """A PNG or JPG with a small preview, "Kiezen…" and "Verwijderen"; refuses unusable files."""

    edited = Signal()

    def __init__(self, name: str, choose_title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self._data: bytes | None = None
        self._choose_title = choose_title
        self.preview = QLabel(self)
        self.preview.setObjectName(f"{name}_preview")
        self.preview.setFixedSize(PREVIEW_SIZE)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setFrameShape(QFrame.Shape.Box)
        self.preview.setStyleSheet("QLabel { background: white; color: #777; }")
        self.choose_button = QPushButton(tr("Kiezen…"), self)
        self.choose_button.clicked.connect(self.choose)
        self.remove_button = QPushButton(tr("Verwijderen"), self)
        self.remove_button.clicked.connect(self.remove)
        self.error = QLabel(self)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.preview, 0, 0, 2, 1)
        layout.addWidget(self.choose_button, 0, 1)
        layout.addWidget(self.remove_button, 1, 1)
        layout.addWidget(self.error, 2, 0, 1, 3)
        layout.setColumnStretch(2, 1)
        self._show()

    def data(self) -> bytes | None:
        return self._data

    def set_data(self, data: bytes | None) -> None:
        self._data = data
        self.show_error(None)
        self._show()

    def show_error(self, message: str | None) -> None:
        self.error.setText(message or "")
        self.error.setVisible(bool(message))

    def choose(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self, self._choose_title, "", tr("Afbeeldingen (*.png *.jpg *.jpeg)")
        )
        if not name:
            return
        data, problem = read_image(Path(name))
        if data is None:
            self.show_error(problem)  # the image shown before stays
            return
        self.set_data(data)
        self.edited.emit()

    def remove(self) -> None:
        self.set_data(None)
        self.edited.emit()

    def _show(self) -> None:
        self.remove_button.setEnabled(self._data is not None)
        if self._data is None:
            self.preview.setText(tr("(geen afbeelding)"))
            return
        pixmap = QPixmap()
        if not pixmap.loadFromData(self._data):
            self.preview.setText(tr("(geen voorbeeld)"))
            return
        inner = PREVIEW_SIZE - QSize(8, 8)
        if pixmap.width() > inner.width() or pixmap.height() > inner.height():
            pixmap = pixmap.scaled(
                inner,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        self.preview.setPixmap(pixmap)
