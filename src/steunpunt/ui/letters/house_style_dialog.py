"""The house style dialog: letterhead, signatory, envelope window and label sheet, with test pages."""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QMessageBox,
    QTabWidget,
    QWidget,
)

from steunpunt.domain.errors import InvalidValue, KnownProblem, ValidationFailed
from steunpunt.domain.letters.house_style import HouseStyle
from steunpunt.services.letters.test_pages import write_calibration_page, write_label_test_sheet
from steunpunt.ui.context import ScreenContext
from steunpunt.ui.errors import report_error
from steunpunt.ui.i18n import tr
from steunpunt.ui.layouts import vbox
from steunpunt.ui.letters.layout_tabs import EnvelopeTab, LabelTab, explanation
from steunpunt.ui.letters.style_widgets import ColourButton, ImageField
from steunpunt.ui.saved_file import tell_where_saved
from steunpunt.ui.widgets import FieldEdit, dialog_buttons, error_line

log = logging.getLogger(__name__)

CALIBRATION_FILE = "kalibratiepagina-envelop.pdf"
TEST_SHEET_FILE = "testvel-etiketten.pdf"

ORGANISATION_TAB, SIGNATURE_TAB, WINDOW_TAB, LABEL_TAB = range(4)
TEXT_FIELDS = {
    # name: (label, tab, maximum length)
    "organisation": ("Naam *", ORGANISATION_TAB, 100),
    "street_line": ("Straat en nummer", ORGANISATION_TAB, 100),
    "postal_line": ("Postcode en plaats", ORGANISATION_TAB, 100),
    "phone": ("Telefoon", ORGANISATION_TAB, 40),
    "email": ("E-mail", ORGANISATION_TAB, 100),
    "website": ("Website", ORGANISATION_TAB, 100),
    "footer": ("Voettekst", ORGANISATION_TAB, 160),
    "signatory_name": ("Naam", SIGNATURE_TAB, 100),
    "signatory_role": ("Functie", SIGNATURE_TAB, 100),
    "closing": ("Slotzin", SIGNATURE_TAB, 100),
}
PROBLEMS = {
    # HouseStyle.check() key: (what it is called on screen, tab)
    "organisation": ("Naam", ORGANISATION_TAB),
    "accent_colour": ("Accentkleur", ORGANISATION_TAB),
    "text_colour": ("Tekstkleur", ORGANISATION_TAB),
    "logo": ("Logo", ORGANISATION_TAB),
    "signature": ("Handtekening", SIGNATURE_TAB),
    "window": ("Envelopvenster", WINDOW_TAB),
    "label_sheet": ("Etiketten", LABEL_TAB),
}


def _strip(text: str) -> str:
    return text.strip()


class HouseStyleDialog(QDialog):
    """Edit the house style every letter is made with; nothing is stored before "Opslaan"."""

    def __init__(self, context: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._output_folder = context.paths.letters_dir
        self.setWindowTitle(tr("Huisstijl en briefpapier"))
        self.tabs = QTabWidget(self)
        self.fields: dict[str, FieldEdit] = {}
        pages = [QWidget(self.tabs), QWidget(self.tabs)]
        forms = [QFormLayout(pages[0]), QFormLayout(pages[1])]
        forms[ORGANISATION_TAB].addRow(
            explanation(tr("Deze gegevens staan in het briefhoofd en de voettekst van elke brief."))
        )
        for name, (label, tab, length) in TEXT_FIELDS.items():
            field = FieldEdit(name, parser=_strip)
            field.line.setMaxLength(length)
            field.edited.connect(self._on_edit)
            self.fields[name] = field
            forms[tab].addRow(tr(label), field)
        self.fields["footer"].line.setPlaceholderText(
            tr("bijvoorbeeld KvK 12345678 · IBAN NL00 BANK 0123 4567 89")
        )
        self.accent = ColourButton("accent_colour", tr("Accentkleur kiezen"))
        self.text_colour = ColourButton("text_colour", tr("Tekstkleur kiezen"))
        self.logo = ImageField("logo", tr("Logo kiezen"))
        self.signature = ImageField("signature", tr("Handtekening kiezen"))
        forms[ORGANISATION_TAB].addRow(tr("Accentkleur"), self.accent)
        forms[ORGANISATION_TAB].addRow(tr("Tekstkleur"), self.text_colour)
        forms[ORGANISATION_TAB].addRow(tr("Logo"), self.logo)
        forms[SIGNATURE_TAB].addRow(tr("Handtekening"), self.signature)
        forms[SIGNATURE_TAB].addRow(
            explanation(
                tr(
                    "Onder de slotzin komt de handtekening (een scan als PNG of JPG), "
                    "met daaronder de naam en de functie."
                )
            )
        )
        for widget in (self.accent, self.text_colour, self.logo, self.signature):
            widget.edited.connect(self._on_edit)
        self.envelope = EnvelopeTab(self.tabs)
        self.labels = LabelTab(self.tabs)
        self.envelope.edited.connect(self._on_edit)
        self.labels.edited.connect(self._on_edit)
        self.envelope.calibrate_button.clicked.connect(self.make_calibration_page)
        self.labels.test_button.clicked.connect(self.make_test_sheet)
        self.tabs.addTab(pages[ORGANISATION_TAB], tr("Organisatie"))
        self.tabs.addTab(pages[SIGNATURE_TAB], tr("Ondertekening"))
        self.tabs.addTab(self.envelope, tr("Envelopvenster"))
        self.tabs.addTab(self.labels, tr("Etiketten"))

        self.message = error_line(self)
        self.message.setObjectName("message")
        self.message.hide()
        buttons = dialog_buttons(self, self.save)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(tr("Opslaan"))
        self.cancel_button = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setText(tr("Annuleren"))
        vbox(self, self.tabs, self.message, buttons)

        stored, self._version = self._context.services.letters.house_style()
        self._show_style(stored)
        self._baseline = self.style_from_form()
        self.resize(640, 600)

    # --- reading and filling the form -----------------------------------------------------------

    def _show_style(self, style: HouseStyle) -> None:
        for name, field in self.fields.items():
            field.set_text(getattr(style, name))
        self.accent.set_colour(style.accent_colour)
        self.text_colour.set_colour(style.text_colour)
        self.logo.set_data(style.logo)
        self.signature.set_data(style.signature)
        self.envelope.set_envelope_window(style.window)
        self.labels.set_sheet(style.label_sheet)

    def style_from_form(self) -> HouseStyle:
        """The house style as shown, saved or not."""
        texts: dict[str, Any] = {name: field.text().strip() for name, field in self.fields.items()}
        style = HouseStyle(
            **texts,
            accent_colour=self.accent.colour(),
            text_colour=self.text_colour.colour(),
            logo=self.logo.data(),
            signature=self.signature.data(),
        )
        return style.with_window(self.envelope.envelope_window()).with_label_sheet(
            self.labels.sheet()
        )

    def is_modified(self) -> bool:
        return self.style_from_form() != self._baseline

    def _on_edit(self) -> None:
        self.message.hide()

    # --- saving and leaving ----------------------------------------------------------------------

    def save(self) -> bool:
        """Store the house style and close; show what is wrong and stay open otherwise."""
        style = self.style_from_form()
        try:
            self._version = self._context.services.letters.save_house_style(
                self._context.actor, style, self._version
            )
        except ValidationFailed as failed:
            self.show_problems(failed.errors)
            return False
        except KnownProblem as problem:
            report_error(self, problem)
            return False
        self._baseline = style
        self.accept()
        return True

    def show_problems(self, errors: Mapping[str, str]) -> None:
        """Each problem in the red line at the bottom and at its field; go to the first tab."""
        self.fields["organisation"].show_error(errors.get("organisation"))
        self.accent.show_error(errors.get("accent_colour"))
        self.text_colour.show_error(errors.get("text_colour"))
        self.logo.show_error(errors.get("logo"))
        self.signature.show_error(errors.get("signature"))
        lines = []
        first_tab: int | None = None
        for key, (what, tab) in PROBLEMS.items():
            if key in errors:
                lines.append(f"{tr(what)}: {tr(errors[key])}")
                first_tab = tab if first_tab is None else min(first_tab, tab)
        lines += [tr(text) for key, text in errors.items() if key not in PROBLEMS]
        self._show_message("\n".join(lines))
        if first_tab is not None:
            self.tabs.setCurrentIndex(first_tab)

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def reject(self) -> None:
        """Cancel, Escape and the close button: ask first when something was changed."""
        if self.is_modified():
            answer = QMessageBox.question(
                self,
                tr("Niet opgeslagen wijzigingen"),
                tr("U heeft de huisstijl gewijzigd. Wilt u de wijzigingen opslaan?"),
                QMessageBox.StandardButton.Save
                | QMessageBox.StandardButton.Discard
                | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Save,
            )
            if answer == QMessageBox.StandardButton.Save:
                self.save()
                return
            if answer != QMessageBox.StandardButton.Discard:
                return
        super().reject()

    # --- test pages ------------------------------------------------------------------------------

    def make_calibration_page(self) -> Path | None:
        """Write the calibration page for the window as shown (not yet saved) and offer it."""
        style = self.style_from_form()
        path = self._write(
            CALIBRATION_FILE,
            "window",
            style.window.check,
            lambda target: write_calibration_page(target, style),
        )
        if path is not None:
            tell_where_saved(
                self,
                tr(
                    "De kalibratiepagina is gemaakt. Druk haar af op 100 % en houd haar "
                    "tegen een vensterenvelop."
                ),
                [path],
                personal=False,
            )
        return path

    def make_test_sheet(self) -> Path | None:
        """Write the label test sheet for the sheet as shown (not yet saved) and offer it."""
        sheet = self.labels.sheet()
        path = self._write(
            TEST_SHEET_FILE,
            "label_sheet",
            sheet.check,
            lambda target: write_label_test_sheet(target, sheet),
        )
        if path is not None:
            tell_where_saved(
                self,
                tr(
                    "Het testvel is gemaakt. Druk het af op 100 % op gewoon papier en leg het "
                    "op een etiketvel."
                ),
                [path],
                personal=False,
            )
        return path

    def _write(
        self,
        file_name: str,
        problem_key: str,
        check: Callable[[], object],
        render: Callable[[Path], None],
    ) -> Path | None:
        """Check, then render into the output folder; show the problem and return None if any."""
        try:
            check()
        except InvalidValue as error:
            self.show_problems({problem_key: error.message})
            return None
        self._show_message("")
        path = self._output_folder / file_name
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self._output_folder.mkdir(parents=True, exist_ok=True)
            render(path)
        except OSError as error:
            failure: OSError | None = error
        else:
            failure = None
        finally:
            QApplication.restoreOverrideCursor()
        if failure is not None:
            log.warning("Test page %s could not be written: %s", file_name, type(failure).__name__)
            QMessageBox.warning(
                self,
                tr("Huisstijl en briefpapier"),
                tr(
                    "Het bestand {path} kan niet worden geschreven. Is het nog geopend in "
                    "een ander programma? Sluit het en probeer het opnieuw."
                ).format(path=path),
            )
            return None
        log.info("Wrote %s", file_name)
        return path
