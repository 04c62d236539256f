"""A PDF preview: the pages of a PDF stacked on grey, scaled to the width of the widget."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from steunpunt.ui.debounce import debounce
from steunpunt.ui.i18n import tr
from steunpunt.ui.pdf_pages import POINTS_PER_INCH, OpenPdf, PdfError

log = logging.getLogger(__name__)

GAP = 8
MINIMUM_PAGE_WIDTH = 50
RESIZE_DELAY_MS = 100
BACKGROUND_STYLE = "#pdfPages { background: #9a9a9a; }"
MESSAGE_STYLE = "background: white; color: #202020; padding: 12px; border-radius: 4px;"


class PdfPreview(QWidget):
    """Shows a PDF from bytes or a file; ``clear`` shows a Dutch message instead of the pages."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._data: bytes | None = None
        self._pages: list[QLabel] = []

        self.count_label = QLabel(self)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setStyleSheet(MESSAGE_STYLE)
        self.message.hide()

        self._pages_widget = QWidget()
        self._pages_widget.setObjectName("pdfPages")
        self._pages_widget.setStyleSheet(BACKGROUND_STYLE)
        self._pages_layout = QVBoxLayout(self._pages_widget)
        self._pages_layout.setContentsMargins(GAP, GAP, GAP, GAP)
        self._pages_layout.setSpacing(GAP)
        self._pages_layout.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
        self._pages_layout.addWidget(self.message)

        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        # A fixed scroll bar keeps the width steady, so showing it never triggers another render.
        self.scroll_area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setWidget(self._pages_widget)
        self.scroll_area.viewport().installEventFilter(self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.count_label)
        layout.addWidget(self.scroll_area, 1)

        self._resize_timer = debounce(self, RESIZE_DELAY_MS, self._render)

    def show_pdf(self, data: bytes | Path) -> None:
        """Show every page of the PDF; an unreadable file shows a message instead."""
        try:
            self._data = data if isinstance(data, bytes) else Path(data).read_bytes()
            with OpenPdf(self._data) as document:
                count = len(document)
        except (OSError, PdfError):
            log.exception("PDF preview failed")
            self.clear(tr("Het voorbeeld kan niet worden getoond."))
            return
        self.message.hide()
        self._set_page_count(count)
        self.count_label.setText(tr("Pagina's: {count}").format(count=count))
        self._render()

    def clear(self, message: str = "") -> None:
        """Remove the pages and show ``message`` (Dutch) in their place."""
        self._resize_timer.stop()
        self._data = None
        self._set_page_count(0)
        self.count_label.setText("")
        self.message.setText(message)
        self.message.setVisible(bool(message))

    def page_count(self) -> int:
        """How many pages are shown."""
        return len(self._pages)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        resized = event.type() == QEvent.Type.Resize and watched is self.scroll_area.viewport()
        if resized and self._data is not None:
            self._resize_timer.start()
        return super().eventFilter(watched, event)

    def _set_page_count(self, count: int) -> None:
        while len(self._pages) > count:
            label = self._pages.pop()
            self._pages_layout.removeWidget(label)
            label.hide()
            label.deleteLater()
        while len(self._pages) < count:
            label = QLabel(self._pages_widget)
            label.setObjectName("pdfPage")
            self._pages_layout.addWidget(label)
            label.show()  # a layout shows new children only later, from the event loop
            self._pages.append(label)

    def _render(self) -> None:
        if self._data is None:
            return
        width = max(self.scroll_area.viewport().width() - 2 * GAP, MINIMUM_PAGE_WIDTH)
        ratio = self.devicePixelRatioF()
        try:
            with OpenPdf(self._data) as document:
                for index, label in enumerate(self._pages):
                    dpi = POINTS_PER_INCH * width / document.page_size(index).width()
                    pixmap = QPixmap.fromImage(document.render(index, dpi * ratio))
                    pixmap.setDevicePixelRatio(ratio)
                    label.setPixmap(pixmap)
        except PdfError:
            log.exception("PDF preview failed")
            self.clear(tr("Het voorbeeld kan niet worden getoond."))
