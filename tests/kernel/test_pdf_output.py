"""Showing and printing PDFs with pypdfium2: page images, the preview widget, printing at 100 %."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QColor, QImage
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QLabel, QWidget
from pytestqt.qtbot import QtBot
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen.canvas import Canvas

from steunpunt.ui.pdf_output import chosen_pages, physical_target_rect, print_pages, print_pdf
from steunpunt.ui.pdf_pages import page_count, render_page
from steunpunt.ui.pdf_preview import PdfPreview
from tests.log_guard import ErrorRecords

# The red square, in points from the top left corner of the page.
RED_LEFT, RED_TOP, RED_SIZE = 100.0, 150.0, 100.0


def make_pdf(pages: int = 1, landscape_pages: tuple[int, ...] = ()) -> bytes:
    """An A4 PDF with a red square and a line of text on every page."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4)
    for number in range(pages):
        size = landscape(A4) if number in landscape_pages else A4
        canvas.setPageSize(size)
        canvas.setFillColorRGB(1, 0, 0)
        canvas.rect(RED_LEFT, size[1] - RED_TOP - RED_SIZE, RED_SIZE, RED_SIZE, fill=1, stroke=0)
        canvas.setFillColorRGB(0, 0, 0)
        canvas.drawString(100, size[1] - 400, f"Pagina {number + 1}")
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def red_center(dpi: float) -> tuple[int, int]:
    middle = (RED_LEFT + RED_SIZE / 2, RED_TOP + RED_SIZE / 2)
    return round(middle[0] * dpi / 72), round(middle[1] * dpi / 72)


def is_red(color: QColor) -> bool:
    return color.red() > 240 and color.green() < 15 and color.blue() < 15


def is_white(color: QColor) -> bool:
    return min(color.red(), color.green(), color.blue()) > 245


@pytest.fixture
def pdf_file(tmp_path: Path) -> Path:
    file = tmp_path / "brief.pdf"
    file.write_bytes(make_pdf(pages=3))
    return file


def test_page_count_from_bytes_and_file(pdf_file: Path) -> None:
    assert page_count(make_pdf(pages=2)) == 2
    assert page_count(pdf_file) == 3


@pytest.mark.parametrize("dpi", [72, 150])
def test_render_page_has_the_size_for_the_dpi_and_true_colours(dpi: float) -> None:
    image = render_page(make_pdf(), 0, dpi)

    assert abs(image.width() - 595 * dpi / 72) <= 1.5
    assert abs(image.height() - 842 * dpi / 72) <= 1.5
    assert is_red(image.pixelColor(*red_center(dpi)))
    assert is_white(image.pixelColor(round(400 * dpi / 72), round(700 * dpi / 72)))
    assert not image.hasAlphaChannel()


def test_render_page_image_outlives_the_document(pdf_file: Path) -> None:
    images = [render_page(pdf_file, index, 72) for index in range(3)]

    assert all(is_red(image.pixelColor(*red_center(72))) for image in images)
    assert all(isinstance(image, QImage) and not image.isNull() for image in images)


def test_preview_shows_every_page_and_the_count(qtbot: QtBot, pdf_file: Path) -> None:
    preview = PdfPreview()
    qtbot.addWidget(preview)
    preview.resize(500, 700)
    preview.show()

    preview.show_pdf(pdf_file)

    pages = [label for label in preview.findChildren(QLabel, "pdfPage") if label.isVisible()]
    assert len(pages) == 3
    assert preview.count_label.text() == "Pagina's: 3"
    width = pages[0].pixmap().width()
    assert 300 < width <= preview.scroll_area.viewport().width()
    first = pages[0].pixmap().toImage()
    scale = width / 595.28
    assert is_red(first.pixelColor(*red_center(72 * scale)))


def test_preview_renders_again_when_resized(qtbot: QtBot) -> None:
    preview = PdfPreview()
    qtbot.addWidget(preview)
    preview.resize(500, 700)
    preview.show()
    preview.show_pdf(make_pdf(pages=1))
    page = preview.findChildren(QLabel, "pdfPage")[0]
    before = page.pixmap().width()

    preview.resize(800, 700)

    qtbot.waitUntil(lambda: page.pixmap().width() > before + 200)


def test_preview_clear_shows_the_message_instead_of_the_pages(qtbot: QtBot) -> None:
    preview = PdfPreview()
    qtbot.addWidget(preview)
    preview.show()
    preview.show_pdf(make_pdf(pages=2))

    preview.clear("De sjabloon bevat een fout.")

    visible = [label.text() for label in preview.findChildren(QLabel) if label.isVisible()]
    assert "De sjabloon bevat een fout." in visible
    assert not [label for label in preview.findChildren(QLabel, "pdfPage") if label.isVisible()]

    preview.show_pdf(make_pdf(pages=1))

    assert not preview.message.isVisible()
    assert preview.page_count() == 1


def test_preview_of_a_broken_file_shows_a_message(
    qtbot: QtBot, logged_errors: ErrorRecords
) -> None:
    preview = PdfPreview()
    qtbot.addWidget(preview)
    preview.show()

    preview.show_pdf(b"dit is geen pdf")

    assert preview.message.isVisible()
    assert preview.message.text() == "Het voorbeeld kan niet worden getoond."
    assert preview.page_count() == 0
    assert logged_errors.templates() == ["PDF preview failed"]


def test_physical_target_rect_is_the_true_page_size() -> None:
    rect = physical_target_rect(300, 300, 595.2756, 841.8898)

    assert (rect.x(), rect.y()) == (0, 0)
    assert abs(rect.width() - 2480) <= 1
    assert abs(rect.height() - 3508) <= 1
    assert physical_target_rect(600, 300, 72, 72).size().toTuple() == (600, 300)


def pdf_printer(output: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(output))
    return printer


def test_print_pages_keeps_page_count_a4_and_true_size(tmp_path: Path, pdf_file: Path) -> None:
    output = tmp_path / "afgedrukt.pdf"
    seen: list[int] = []

    def on_page(done: int) -> bool:
        seen.append(done)
        return True

    assert print_pages(pdf_printer(output), pdf_file, range(3), on_page)

    assert seen == [0, 1, 2]
    reader = PdfReader(output)
    assert len(reader.pages) == 3
    for page in reader.pages:
        assert abs(float(page.mediabox.width) - 595) <= 1
        assert abs(float(page.mediabox.height) - 842) <= 1
    printed = render_page(output, 0, 72)
    # Drawn at 100 %: the red square is where it was, not moved by margins or fit-to-page.
    assert is_red(printed.pixelColor(*red_center(72)))
    assert is_white(printed.pixelColor(round(RED_LEFT - 4), round(RED_TOP - 4)))
    assert is_white(printed.pixelColor(round(RED_LEFT + RED_SIZE + 4), round(RED_TOP + 4)))


def test_print_pages_prints_the_chosen_range_and_turns_landscape_pages(tmp_path: Path) -> None:
    source = tmp_path / "lijst.pdf"
    source.write_bytes(make_pdf(pages=3, landscape_pages=(2,)))
    output = tmp_path / "afgedrukt.pdf"

    assert print_pages(pdf_printer(output), source, range(1, 3), lambda _done: True)

    sizes = [(float(p.mediabox.width), float(p.mediabox.height)) for p in PdfReader(output).pages]
    assert len(sizes) == 2
    assert sizes[0][0] < sizes[0][1]
    assert sizes[1][0] > sizes[1][1]


def test_print_pages_stops_when_on_page_says_so(tmp_path: Path, pdf_file: Path) -> None:
    output = tmp_path / "afgedrukt.pdf"
    seen: list[int] = []

    def on_page(done: int) -> bool:
        seen.append(done)
        return done < 1

    assert not print_pages(pdf_printer(output), pdf_file, range(3), on_page)

    assert seen == [0, 1]
    # A PDF "printer" cannot abort, so it keeps what was printed before the stop.
    assert len(PdfReader(output).pages) == 1


def test_chosen_pages_follows_the_range_from_the_dialog() -> None:
    printer = QPrinter()
    assert chosen_pages(printer, 3) == range(3)

    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(2, 3)
    assert chosen_pages(printer, 3) == range(1, 3)

    printer.setFromTo(2, 9)
    assert chosen_pages(printer, 3) == range(1, 3)


def test_print_pdf_does_nothing_when_the_dialog_is_cancelled(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, pdf_file: Path
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    monkeypatch.setattr(QPrintDialog, "exec", lambda _dialog: QDialog.DialogCode.Rejected)

    assert not print_pdf(parent, pdf_file)


def test_print_pdf_prints_the_pages_chosen_in_the_dialog(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, pdf_file: Path
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    output = tmp_path / "afgedrukt.pdf"

    def choose(dialog: QPrintDialog) -> QDialog.DialogCode:
        """Stands in for the person in the print dialog: pages 2 to 3, to a PDF file."""
        printer = dialog.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(output))
        printer.setPrintRange(QPrinter.PrintRange.PageRange)
        printer.setFromTo(2, 3)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", choose)

    assert print_pdf(parent, pdf_file)

    assert len(PdfReader(output).pages) == 2
