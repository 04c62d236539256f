"""PDF pages as images: count, measure and render pages with pypdfium2 into QImage (no QtPdf)."""

from __future__ import annotations

from pathlib import Path
from types import TracebackType
from typing import Any

from PySide6.QtCore import QSizeF
from PySide6.QtGui import QImage

POINTS_PER_INCH = 72.0
WHITE = (255, 255, 255, 255)


class PdfError(Exception):
    """The file is not a PDF pdfium can read, or one of its pages cannot be loaded."""


class OpenPdf:
    """A PDF opened by pdfium; use it in a ``with`` block so the document is closed.

    pdfium is not thread-safe: use one document on one thread (here: the main thread).
    """

    def __init__(self, pdf: Path | bytes) -> None:
        # Imported here: loading pdfium takes ~0.1 s, which start-up should not pay.
        import pypdfium2 as pdfium  # type: ignore[import-untyped]

        self._error: type[Exception] = pdfium.PdfiumError
        try:
            self._document = pdfium.PdfDocument(pdf if isinstance(pdf, bytes) else Path(pdf))
        except pdfium.PdfiumError as error:
            raise PdfError(str(error)) from error

    def __enter__(self) -> OpenPdf:
        return self

    def __exit__(
        self,
        _type: type[BaseException] | None,
        _error: BaseException | None,
        _traceback: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        self._document.close()

    def __len__(self) -> int:
        return len(self._document)

    def _page(self, index: int) -> Any:
        try:
            return self._document[index]
        except self._error as error:
            raise PdfError(str(error)) from error

    def page_size(self, index: int) -> QSizeF:
        """The size of page ``index`` (0-based) in points (1/72 inch), as it is shown."""
        page = self._page(index)
        try:
            width, height = page.get_size()
        finally:
            page.close()
        return QSizeF(width, height)

    def render(self, index: int, dpi: float) -> QImage:
        """Page ``index`` (0-based) on white at ``dpi``; the image owns its memory."""
        page = self._page(index)
        try:
            # rev_byteorder gives packed R, G, B bytes: the same on every platform, no alpha.
            bitmap = page.render(scale=dpi / POINTS_PER_INCH, fill_color=WHITE, rev_byteorder=True)
            try:
                if bitmap.mode != "RGB":
                    raise ValueError(f"unexpected pdfium bitmap mode {bitmap.mode}")
                # A view on pdfium's ctypes buffer, copied before the bitmap goes away.
                view = QImage(
                    bitmap.buffer,
                    bitmap.width,
                    bitmap.height,
                    bitmap.stride,
                    QImage.Format.Format_RGB888,
                )
                image = view.copy()
                del view
            finally:
                bitmap.close()
        finally:
            page.close()
        image.setDotsPerMeterX(round(dpi / 0.0254))
        image.setDotsPerMeterY(round(dpi / 0.0254))
        return image


def page_count(pdf: Path | bytes) -> int:
    """How many pages the PDF has."""
    with OpenPdf(pdf) as document:
        return len(document)


def render_page(pdf: Path | bytes, index: int, dpi: float) -> QImage:
    """Page ``index`` (0-based) of the PDF as an image at ``dpi`` on a white background."""
    with OpenPdf(pdf) as document:
        return document.render(index, dpi)
