"""A letter as it will print, before it is made: saved or printed (and then logged), or not."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton, QWidget

from steunpunt.ui.i18n import tr
from steunpunt.ui.layouts import vbox
from steunpunt.ui.pdf_preview import PdfPreview
from steunpunt.ui.widgets import hint_label, notice_label


class LetterPreviewDialog(QDialog):
    """The preview with Opslaan, Afdrukken… and Annuleren; ``printing`` says which was chosen."""

    def __init__(self, pdf: bytes, warning: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Voorbeeld van de brief"))
        self.printing = False
        self.warning = notice_label(self)
        if warning:
            self.warning.setText(warning)
            self.warning.show()
        self.preview = PdfPreview(self)
        self.preview.show_pdf(pdf)
        note = hint_label(
            tr(
                "Zo wordt de brief afgedrukt. Pas bij Opslaan of Afdrukken wordt hij bewaard en "
                "bij de mantelzorger vastgelegd."
            ),
            self,
        )
        buttons = QDialogButtonBox(self)
        self.save_button = QPushButton(tr("Opslaan"), self)
        self.print_button = QPushButton(tr("Afdrukken…"), self)
        self.cancel_button = QPushButton(tr("Annuleren"), self)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.accept)
        self.print_button.clicked.connect(self._print)
        self.cancel_button.clicked.connect(self.reject)
        vbox(self, self.warning, (self.preview, 1), note, buttons)
        self.resize(720, 860)

    def _print(self) -> None:
        self.printing = True
        self.accept()
