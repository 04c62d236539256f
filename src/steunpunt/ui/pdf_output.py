"""PDF output: open a PDF in the system viewer, or print it on A4 at its true size (100 %)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QRect, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QMessageBox, QProgressDialog, QWidget

from steunpunt.domain.errors import KnownProblem
from steunpunt.ui.i18n import tr
from steunpunt.ui.pdf_pages import POINTS_PER_INCH, OpenPdf, page_count

log = logging.getLogger(__name__)

MAX_PRINT_DPI = 300


class PrintFailed(KnownProblem):
    """The printer could not be started."""


def open_in_viewer(path: Path) -> bool:
    """Open the PDF in the program the system uses for PDFs; False when that failed."""
    opened = QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
    if not opened:
        log.warning("No viewer opened the PDF %s", path.name)
    return opened


def physical_target_rect(
    printer_dpi_x: float, printer_dpi_y: float, page_width_pt: float, page_height_pt: float
) -> QRect:
    """Where a PDF page goes on a full-page printer, in device pixels: its true size at the corner."""
    width = round(page_width_pt * printer_dpi_x / POINTS_PER_INCH)
    height = round(page_height_pt * printer_dpi_y / POINTS_PER_INCH)
    return QRect(0, 0, width, height)


def chosen_pages(printer: QPrinter, count: int) -> range:
    """The 0-based pages the user chose in the print dialog (all pages unless a range was set)."""
    if printer.printRange() != QPrinter.PrintRange.PageRange or printer.fromPage() < 1:
        return range(count)
    last = printer.toPage() if printer.toPage() >= printer.fromPage() else count
    return range(min(printer.fromPage(), count) - 1, min(last, count))


def _orientation(width_pt: float, height_pt: float) -> QPageLayout.Orientation:
    if width_pt > height_pt:
        return QPageLayout.Orientation.Landscape
    return QPageLayout.Orientation.Portrait


def print_pages(
    printer: QPrinter, path: Path, pages: range, on_page: Callable[[int], bool]
) -> bool:
    """Print ``pages`` (0-based) of the PDF on A4 at 100 %, never scaled to fit.

    ``on_page(done)`` is called before each page with the number of pages done so far; when it
    returns False the job is aborted and False returned. Raises :class:`PrintFailed` when the
    printer cannot start.
    """
    printer.setFullPage(True)  # (0, 0) is the corner of the paper, not of the printable area
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    with OpenPdf(path) as document:
        if not pages:
            return True
        sizes = {index: document.page_size(index) for index in pages}
        printer.setPageOrientation(_orientation(sizes[pages[0]].width(), sizes[pages[0]].height()))
        painter = QPainter()
        if not painter.begin(printer):
            raise PrintFailed(tr("De printer kan niet worden gestart."))
        try:
            for done, index in enumerate(pages):
                if not on_page(done):
                    printer.abort()
                    log.info("Printing cancelled after %s of %s pages", done, len(pages))
                    return False
                size = sizes[index]
                if done > 0:
                    printer.setPageOrientation(_orientation(size.width(), size.height()))
                    printer.newPage()
                dpi_x, dpi_y = printer.logicalDpiX(), printer.logicalDpiY()
                image = document.render(index, min(max(dpi_x, dpi_y), MAX_PRINT_DPI))
                target = physical_target_rect(dpi_x, dpi_y, size.width(), size.height())
                painter.drawImage(target, image)
        finally:
            painter.end()
    return True


def print_pdf(parent: QWidget, path: Path) -> bool:
    """Ask for a printer and pages in the system print dialog, then print at 100 %.

    Returns False when the user cancelled (or the printer could not start, which is shown).
    """
    count = page_count(path)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setFullPage(True)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setDocName(path.stem)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(tr("Afdrukken"))
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
    dialog.setMinMax(1, count)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    pages = chosen_pages(printer, count)
    progress: QProgressDialog | None = None
    if len(pages) > 1:
        progress = QProgressDialog(tr("Afdrukken…"), tr("Annuleren"), 0, len(pages), parent)
        progress.setWindowTitle(tr("Afdrukken"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(0)

    def on_page(done: int) -> bool:
        if progress is None:
            return True
        progress.setValue(done)  # a modal progress dialog handles the cancel click here
        return not progress.wasCanceled()

    try:
        return print_pages(printer, path, pages, on_page)
    except PrintFailed as error:
        log.warning("Printer could not start: %s", printer.printerName())
        QMessageBox.warning(parent, tr("Afdrukken"), error.message)
        return False
    finally:
        if progress is not None:
            progress.close()
            progress.deleteLater()
