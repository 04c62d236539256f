"""The fields of one letter template: name, kind, subject, text, and the merge fields to insert."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from steunpunt.domain.choices import LetterKind
from steunpunt.services.letters.dto import TemplateData
from steunpunt.ui.i18n import tr
from steunpunt.ui.letters.merge_field_list import MergeFieldList
from steunpunt.ui.widgets import ERROR_STYLE, ChoiceCombo, FieldEdit

MARKUP_HELP = (
    "Lege regel = nieuwe alinea · **vet** · *schuin* · regel met '- ' = opsomming · "
    "alinea met alleen '---' = antwoordstrook onder de ondertekening"
)
HINT_STYLE = "color: #555555;"
BODY_INVALID_STYLE = "QPlainTextEdit { border: 1px solid #b00020; }"


class TemplateForm(QWidget):
    """Edits one template; ``edited`` fires on every change a person makes."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = FieldEdit("name", tr("Bijvoorbeeld: Welkomstbrief 2027"), parent=self)
        self.name.setFocusProxy(self.name.line)
        self.kind = ChoiceCombo("kind", LetterKind, parent=self)
        self.subject = FieldEdit("subject", tr("Onderwerp van de brief"), parent=self)
        self.subject.setFocusProxy(self.subject.line)
        self.body = QPlainTextEdit(self)
        self.body.setObjectName("body")
        self.body.setTabChangesFocus(True)
        self.body_error = QLabel(self)
        self.body_error.setObjectName("bodyError")
        self.body_error.setStyleSheet(ERROR_STYLE)
        self.body_error.setWordWrap(True)
        self.body_error.hide()
        help_line = QLabel(tr(MARKUP_HELP), self)
        help_line.setStyleSheet(HINT_STYLE)
        help_line.setWordWrap(True)
        self.fields = MergeFieldList(self)

        body_box = QWidget(self)
        body_layout = QVBoxLayout(body_box)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.setSpacing(2)
        body_layout.addWidget(self.body, 1)
        body_layout.addWidget(self.body_error)
        body_layout.addWidget(help_line)

        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(tr("Na&am"), self.name)
        form.addRow(tr("&Soort"), self.kind)
        form.addRow(tr("&Onderwerp"), self.subject)
        form.addRow(tr("&Tekst"), body_box)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form, 3)
        layout.addWidget(self.fields, 1)

        self._target: QWidget = self.body
        self.subject.line.installEventFilter(self)
        self.body.installEventFilter(self)
        self.name.edited.connect(self.edited)
        self.subject.edited.connect(self.edited)
        self.body.textChanged.connect(self.edited)
        self.kind.edited.connect(self._kind_changed)
        self.fields.chosen.connect(self.insert_field)
        self.fields.set_kind(LetterKind.FREE)

    def data(self) -> TemplateData:
        """What is typed now."""
        return TemplateData(
            self.name.text(),
            LetterKind(self.kind.text()),
            self.subject.text(),
            self.body.toPlainText(),
        )

    def fill(self, data: TemplateData) -> None:
        """Show a template; clears every message."""
        self.name.set_text(data.name)
        self.kind.set_text(data.kind)
        self.subject.set_text(data.subject)
        self.body.blockSignals(True)
        self.body.setPlainText(data.body)
        self.body.blockSignals(False)
        self.fields.set_kind(data.kind)
        self.show_errors({})

    def show_errors(self, errors: Mapping[str, str]) -> QWidget | None:
        """Show each message under its field; returns the first field in error, to focus it."""
        self.name.show_error(errors.get("name"))
        self.show_field_problems(errors)
        for name, widget in (("name", self.name), ("subject", self.subject), ("body", self.body)):
            if errors.get(name):
                return widget
        return None

    def show_field_problems(self, problems: Mapping[str, str]) -> None:
        """Show the merge-field messages of the subject and the text (the name is left alone)."""
        self.subject.show_error(problems.get("subject"))
        message = problems.get("body")
        self.body_error.setText(message or "")
        self.body_error.setVisible(bool(message))
        self.body.setStyleSheet(BODY_INVALID_STYLE if message else "")

    def insert_field(self, name: str) -> None:
        """Put ``{name}`` at the cursor of the text, or of the subject when that was used last."""
        text = f"{{{name}}}"
        if self._target is self.subject.line:
            self.subject.line.insert(text)
            self.edited.emit()
        else:
            self.body.insertPlainText(text)
        self._target.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn and isinstance(watched, QWidget):
            self._target = watched
        return super().eventFilter(watched, event)

    def _kind_changed(self) -> None:
        self.fields.set_kind(LetterKind(self.kind.text()))
        self.edited.emit()
