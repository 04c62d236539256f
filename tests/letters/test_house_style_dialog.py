"""The house style dialog: stored values shown, edits saved, wrong input refused, test pages made."""

from __future__ import annotations

from dataclasses import replace
from io import BytesIO
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QColorDialog, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from steunpunt.domain.letters.envelope import WindowPreset
from steunpunt.domain.letters.house_style import HouseStyle
from steunpunt.domain.letters.label_sheet import LabelPreset
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.container import Services
from steunpunt.ui.context import ScreenContext
from steunpunt.ui.letters import house_style_dialog
from steunpunt.ui.letters.house_style_dialog import HouseStyleDialog
from steunpunt.ui.pdf_pages import page_count
from tests.widgets import Answers, choose, click, retype


def png_bytes(width: int = 120, height: int = 60) -> bytes:
    buffer = BytesIO()
    Image.new("RGB", (width, height), "#1b6a8f").save(buffer, format="PNG")
    return buffer.getvalue()


class Offers:
    """Stands in for the open/print question: records each PDF offered."""

    def __init__(self) -> None:
        self.paths: list[Path] = []

    def __call__(
        self, _parent: object, _message: str, files: list[Path], personal: bool = True
    ) -> None:
        assert not personal  # a test page holds no one's data
        self.paths.extend(files)


@pytest.fixture
def offers(monkeypatch: pytest.MonkeyPatch) -> Offers:
    recorded = Offers()
    monkeypatch.setattr(house_style_dialog, "tell_where_saved", recorded)
    return recorded


@pytest.fixture
def output_folder(screen_context: ScreenContext) -> Path:
    """Where the dialog writes its test pages: the letters folder of the context."""
    return screen_context.paths.letters_dir


@pytest.fixture
def open_dialog(qtbot: QtBot, screen_context: ScreenContext, answers: Answers) -> HouseStyleDialog:
    dialog = HouseStyleDialog(screen_context)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_shows_the_stored_house_style(
    qtbot: QtBot, services: Services, actor: Actor, screen_context: ScreenContext
) -> None:
    logo = png_bytes()
    style = HouseStyle(
        organisation="Steunpunt Mantelzorg Eemland",
        street_line="Postbus 12",
        postal_line="3800 AA  AMERSFOORT",
        phone="033 123 45 67",
        footer="KvK 12345678 · IBAN NL91 ABNA 0417 1643 00",
        signatory_name="J. de Boer",
        closing="Hartelijke groet,",
        accent_colour="#aa3300",
        logo=logo,
    ).with_window(WindowPreset.RIGHT.window)
    sheet = replace(LabelPreset.THREE_BY_EIGHT.sheet, offset_x=1.5, offset_y=-2.0)
    style = style.with_label_sheet(sheet)
    services.letters.save_house_style(actor, style, 0)

    dialog = HouseStyleDialog(screen_context)
    qtbot.addWidget(dialog)
    dialog.show()

    assert dialog.windowTitle() == "Huisstijl en briefpapier"
    assert [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())] == [
        "Organisatie",
        "Ondertekening",
        "Envelopvenster",
        "Etiketten",
    ]
    assert dialog.fields["organisation"].text() == "Steunpunt Mantelzorg Eemland"
    assert dialog.fields["postal_line"].text() == "3800 AA  AMERSFOORT"
    assert dialog.fields["footer"].text().startswith("KvK 12345678")
    assert dialog.fields["closing"].text() == "Hartelijke groet,"
    assert dialog.accent.text() == "#aa3300"
    assert not dialog.logo.preview.pixmap().isNull()
    assert dialog.logo.remove_button.isEnabled()
    assert dialog.signature.preview.text() == "(geen afbeelding)"
    assert dialog.envelope.preset.currentText() == "venster rechts"
    assert dialog.envelope.left.value() == 105
    assert dialog.labels.preset.currentText() == "3 x 8 (70 x 37 mm)"
    assert dialog.labels.rows.value() == 8
    assert dialog.labels.boxes["offset_x"].value() == 1.5
    assert dialog.labels.boxes["offset_y"].value() == -2.0
    assert not dialog.is_modified()


def test_a_new_house_style_shows_the_defaults(open_dialog: HouseStyleDialog) -> None:
    assert open_dialog.fields["organisation"].text() == "Steunpunt Mantelzorg"
    assert open_dialog.fields["closing"].text() == "Met vriendelijke groet,"
    assert open_dialog.envelope.preset.currentText() == "venster links"
    assert open_dialog.labels.preset.currentText() == "3 x 7 (70 x 42,3 mm)"
    assert open_dialog.save_button.text() == "Opslaan"
    assert open_dialog.cancel_button.text() == "Annuleren"


def test_edits_and_the_right_window_preset_are_saved(
    qtbot: QtBot, open_dialog: HouseStyleDialog, services: Services
) -> None:
    retype(qtbot, open_dialog.fields["organisation"], "Mantelzorg Oost")
    retype(qtbot, open_dialog.fields["street_line"], "Stationsplein 1")
    retype(qtbot, open_dialog.fields["signatory_role"], "coordinator")
    open_dialog.tabs.setCurrentIndex(2)
    choose(qtbot, open_dialog.envelope.preset, "venster rechts")
    assert open_dialog.envelope.left.value() == 105
    open_dialog.tabs.setCurrentIndex(3)
    choose(qtbot, open_dialog.labels.preset, "3 x 8 (70 x 37 mm)")
    assert open_dialog.labels.rows.value() == 8

    click(qtbot, open_dialog.save_button)

    assert open_dialog.result() == HouseStyleDialog.DialogCode.Accepted
    stored, version = services.letters.house_style()
    assert version == 1
    assert stored.organisation == "Mantelzorg Oost"
    assert stored.street_line == "Stationsplein 1"
    assert stored.signatory_role == "coordinator"
    assert stored.window == WindowPreset.RIGHT.window
    assert stored.label_sheet.rows == 8
    assert stored.closing == "Met vriendelijke groet,"


def test_typing_a_measure_switches_the_preset_to_custom(
    qtbot: QtBot, open_dialog: HouseStyleDialog
) -> None:
    open_dialog.tabs.setCurrentIndex(2)
    retype(qtbot, open_dialog.envelope.top, "50")
    assert open_dialog.envelope.preset.currentText() == "aangepast"
    retype(qtbot, open_dialog.envelope.top, "45")
    assert open_dialog.envelope.preset.currentText() == "venster links"

    open_dialog.tabs.setCurrentIndex(3)
    retype(qtbot, open_dialog.labels.boxes["top_margin"], "10")
    assert open_dialog.labels.preset.currentText() == "aangepast"


def test_label_preset_keeps_the_printer_offsets(
    qtbot: QtBot, open_dialog: HouseStyleDialog
) -> None:
    open_dialog.tabs.setCurrentIndex(3)
    retype(qtbot, open_dialog.labels.boxes["offset_x"], "-2")
    assert open_dialog.labels.preset.currentText() == "3 x 7 (70 x 42,3 mm)"
    choose(qtbot, open_dialog.labels.preset, "3 x 8 (70 x 37 mm)")
    assert open_dialog.labels.boxes["offset_x"].value() == -2
    assert open_dialog.labels.rows.value() == 8


def test_a_window_off_the_page_is_refused(
    qtbot: QtBot, open_dialog: HouseStyleDialog, services: Services
) -> None:
    open_dialog.tabs.setCurrentIndex(2)
    retype(qtbot, open_dialog.envelope.left, "150")
    open_dialog.tabs.setCurrentIndex(0)

    click(qtbot, open_dialog.save_button)

    assert open_dialog.isVisible()
    assert open_dialog.message.isVisible()
    assert "Envelopvenster: Het venster valt buiten de pagina" in open_dialog.message.text()
    assert open_dialog.tabs.tabText(open_dialog.tabs.currentIndex()) == "Envelopvenster"
    assert services.letters.house_style()[1] == 0


def test_an_empty_organisation_is_named_at_its_field(
    qtbot: QtBot, open_dialog: HouseStyleDialog, services: Services
) -> None:
    open_dialog.tabs.setCurrentIndex(3)
    open_dialog.fields["organisation"].line.clear()
    click(qtbot, open_dialog.save_button)
    assert open_dialog.tabs.currentIndex() == 0
    assert open_dialog.fields["organisation"].error.text() == "Vul de naam van de organisatie in."
    assert services.letters.house_style()[1] == 0


def test_a_file_that_is_no_image_is_refused(
    qtbot: QtBot,
    open_dialog: HouseStyleDialog,
    services: Services,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    junk = tmp_path / "logo.png"
    junk.write_bytes(b"this is no picture at all")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args: (str(junk), ""))

    click(qtbot, open_dialog.logo.choose_button)

    assert open_dialog.logo.error.isVisible()
    assert open_dialog.logo.error.text() == "Kies een afbeelding in PNG- of JPG-formaat."
    assert open_dialog.logo.preview.text() == "(geen afbeelding)"
    assert not open_dialog.logo.remove_button.isEnabled()
    assert not open_dialog.is_modified()


def test_a_png_logo_is_shown_and_saved_and_a_bad_one_keeps_it(
    qtbot: QtBot,
    open_dialog: HouseStyleDialog,
    services: Services,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    good = tmp_path / "logo.png"
    good.write_bytes(png_bytes())
    too_big = tmp_path / "groot.png"
    too_big.write_bytes(png_bytes() + b"\0" * 2_100_000)
    chosen = [good]
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args: (str(chosen[-1]), ""))

    click(qtbot, open_dialog.logo.choose_button)
    assert not open_dialog.logo.preview.pixmap().isNull()
    assert not open_dialog.logo.error.isVisible()

    chosen.append(too_big)
    click(qtbot, open_dialog.logo.choose_button)
    assert "groter dan 2 MB" in open_dialog.logo.error.text()
    assert not open_dialog.logo.preview.pixmap().isNull()

    click(qtbot, open_dialog.save_button)
    assert services.letters.house_style()[0].logo == good.read_bytes()


def test_a_signature_can_be_chosen_and_removed(
    qtbot: QtBot,
    services: Services,
    actor: Actor,
    screen_context: ScreenContext,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    services.letters.save_house_style(actor, HouseStyle(signature=png_bytes(300, 100)), 0)
    dialog = HouseStyleDialog(screen_context)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.tabs.setCurrentIndex(1)
    assert not dialog.signature.preview.pixmap().isNull()

    click(qtbot, dialog.signature.remove_button)
    assert dialog.signature.preview.text() == "(geen afbeelding)"
    click(qtbot, dialog.save_button)
    assert services.letters.house_style()[0].signature is None


def test_a_chosen_colour_is_shown_and_saved(
    qtbot: QtBot,
    open_dialog: HouseStyleDialog,
    services: Services,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(QColorDialog, "getColor", lambda *args: QColor("#AA0000"))
    click(qtbot, open_dialog.accent)
    assert open_dialog.accent.text() == "#aa0000"
    click(qtbot, open_dialog.save_button)
    assert services.letters.house_style()[0].accent_colour == "#aa0000"


def test_calibration_page_uses_the_unsaved_window(
    qtbot: QtBot,
    open_dialog: HouseStyleDialog,
    services: Services,
    output_folder: Path,
    offers: Offers,
) -> None:
    open_dialog.tabs.setCurrentIndex(2)
    choose(qtbot, open_dialog.envelope.preset, "venster rechts")

    click(qtbot, open_dialog.envelope.calibrate_button)

    path = output_folder / "kalibratiepagina-envelop.pdf"
    assert offers.paths == [path]
    assert page_count(path) == 1
    assert services.letters.house_style()[1] == 0  # making the page saves nothing
    assert open_dialog.isVisible()


def test_no_calibration_page_for_a_window_off_the_page(
    qtbot: QtBot, open_dialog: HouseStyleDialog, output_folder: Path, offers: Offers
) -> None:
    open_dialog.tabs.setCurrentIndex(2)
    retype(qtbot, open_dialog.envelope.width_box, "10")

    click(qtbot, open_dialog.envelope.calibrate_button)

    assert offers.paths == []
    assert not (output_folder / "kalibratiepagina-envelop.pdf").exists()
    assert "minstens 20 bij 20 mm" in open_dialog.message.text()


def test_label_test_sheet_is_written(
    qtbot: QtBot, open_dialog: HouseStyleDialog, output_folder: Path, offers: Offers
) -> None:
    open_dialog.tabs.setCurrentIndex(3)
    retype(qtbot, open_dialog.labels.boxes["offset_y"], "1")

    click(qtbot, open_dialog.labels.test_button)

    path = output_folder / "testvel-etiketten.pdf"
    assert offers.paths == [path]
    assert page_count(path) == 1


def test_cancel_asks_about_changes_and_can_discard_them(
    qtbot: QtBot, open_dialog: HouseStyleDialog, services: Services, answers: Answers
) -> None:
    retype(qtbot, open_dialog.fields["phone"], "033 123 45 67")
    answers.question_answer = QMessageBox.StandardButton.Cancel
    click(qtbot, open_dialog.cancel_button)
    assert open_dialog.isVisible()
    assert answers.texts == ["U heeft de huisstijl gewijzigd. Wilt u de wijzigingen opslaan?"]

    answers.question_answer = QMessageBox.StandardButton.Discard
    open_dialog.close()
    assert not open_dialog.isVisible()
    assert open_dialog.result() == HouseStyleDialog.DialogCode.Rejected
    assert services.letters.house_style()[1] == 0


def test_cancel_without_changes_asks_nothing(
    qtbot: QtBot, open_dialog: HouseStyleDialog, answers: Answers
) -> None:
    click(qtbot, open_dialog.cancel_button)
    assert not open_dialog.isVisible()
    assert answers.texts == []


def test_a_change_made_elsewhere_meanwhile_is_not_overwritten(
    qtbot: QtBot,
    open_dialog: HouseStyleDialog,
    services: Services,
    actor: Actor,
    answers: Answers,
) -> None:
    services.letters.save_house_style(actor, HouseStyle(organisation="Elders"), 0)
    retype(qtbot, open_dialog.fields["organisation"], "Hier")
    click(qtbot, open_dialog.save_button)
    assert open_dialog.isVisible()
    assert len(answers.texts) == 1
    assert services.letters.house_style()[0].organisation == "Elders"
