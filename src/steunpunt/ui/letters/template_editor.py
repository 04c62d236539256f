"""The letter-template editor: a list of templates, the fields of one, and a live preview."""

from __future__ import annotations

import logging
from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from steunpunt.domain.choices import LetterKind
from steunpunt.domain.errors import InvalidValue, KnownProblem, ValidationFailed
from steunpunt.services.letters.dto import TemplateData, TemplateView
from steunpunt.services.letters.preview import render_preview
from steunpunt.services.letters.templates import text_problems
from steunpunt.ui.context import ScreenContext
from steunpunt.ui.debounce import debounce
from steunpunt.ui.errors import report_error
from steunpunt.ui.i18n import tr
from steunpunt.ui.layouts import hbox, vbox
from steunpunt.ui.letters.template_form import HINT_STYLE, TemplateForm
from steunpunt.ui.letters.wrapped_names import WrappedNames
from steunpunt.ui.pdf_preview import PdfPreview
from steunpunt.ui.widgets import DONE_STYLE, ERROR_STYLE

log = logging.getLogger(__name__)

ID_ROLE = Qt.ItemDataRole.UserRole
PREVIEW_DELAY_MS = 400
KIND_ORDER = {kind: index for index, kind in enumerate(LetterKind)}
NEW_BODY = "{aanhef},\n\n"


def ask_save_changes(parent: QWidget, name: str) -> QMessageBox.StandardButton:
    """Ask "Wijzigingen opslaan?" with the buttons Opslaan, Niet opslaan and Annuleren."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        tr("Briefsjablonen"),
        tr("Het sjabloon '{name}' is gewijzigd. Wijzigingen opslaan?").format(
            name=name or tr("Nieuw sjabloon")
        ),
        QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel,
        parent,
    )
    box.button(QMessageBox.StandardButton.Save).setText(tr("Opslaan"))
    box.button(QMessageBox.StandardButton.Discard).setText(tr("Niet opslaan"))
    box.button(QMessageBox.StandardButton.Cancel).setText(tr("Annuleren"))
    box.setDefaultButton(QMessageBox.StandardButton.Save)
    box.setEscapeButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.standardButton(box.clickedButton())


class TemplateEditor(QDialog):
    """Briefsjablonen: write and change letter templates, with the letter shown as it prints."""

    def __init__(self, context: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._style = self._context.services.letters.house_style()[0]
        self._template_id: int | None = None
        self._version = 0
        # What is stored; None for a copy that was never saved (it always counts as changed).
        self._baseline: TemplateData | None = None
        self.setWindowTitle(tr("Briefsjablonen") + "[*]")

        self.list = QListWidget(self)
        self.list.setObjectName("templates")
        self.list.setSpacing(2)
        self.list.setItemDelegate(WrappedNames(self.list))
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        list_label = QLabel(tr("Sja&blonen"), self)
        list_label.setBuddy(self.list)
        self.new_button = self._button(tr("&Nieuw"), self.new_template)
        self.copy_button = self._button(tr("&Kopie maken"), self.copy_template)
        self.remove_button = self._button(tr("&Verwijderen"), self.remove_template)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(list_label)
        left_layout.addWidget(self.list, 1)
        for button in (self.new_button, self.copy_button, self.remove_button):
            left_layout.addWidget(button)

        self.form = TemplateForm(self)

        self.preview = PdfPreview(self)
        preview_label = QLabel(tr("Voorbeeld, met voorbeeldgegevens"), self)
        preview_label.setStyleSheet(HINT_STYLE)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(preview_label)
        right_layout.addWidget(self.preview, 1)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setChildrenCollapsible(False)
        for part in (left, self.form, right):
            self.splitter.addWidget(part)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setStretchFactor(2, 1)
        self.splitter.setSizes([270, 470, 460])

        self.status = QLabel(self)
        self.status.setObjectName("status")
        self.save_button = QPushButton(tr("Opslaan"), self)
        self.save_button.setToolTip(tr("Opslaan (Ctrl+S)"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.close_button = self._button(tr("Sluiten"), self.reject)
        bottom = hbox((self.status, 1), self.save_button, self.close_button)
        vbox(self, (self.splitter, 1), bottom)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)

        self._timer = debounce(self, PREVIEW_DELAY_MS, self.refresh_preview)
        self.form.edited.connect(self._on_edited)
        self.list.currentItemChanged.connect(self._on_current_changed)
        self.resize(1200, 750)
        self._show_list()

    # --- state ----------------------------------------------------------------------------

    def template_id(self) -> int | None:
        """The template being edited; None while a new one is not saved yet."""
        return self._template_id

    def is_dirty(self) -> bool:
        """Whether there are changes that are not saved."""
        return self._baseline is None or self.form.data() != self._baseline

    # --- actions --------------------------------------------------------------------------

    def new_template(self) -> None:
        """Start an empty template of the kind now shown."""
        if not self._confirm_leave():
            return
        kind = LetterKind(self.form.kind.text())
        data = TemplateData("", kind, "", NEW_BODY)
        self._start_unsaved(data, data)

    def copy_template(self) -> None:
        """Start a new template with the stored text of the one shown."""
        if self._template_id is None or not self._confirm_leave():
            return
        source = self._baseline or self.form.data()
        copy = replace(source, name=tr("{name} (kopie)").format(name=source.name))
        self._start_unsaved(copy, None)

    def remove_template(self) -> None:
        """Take the template out of use, after asking."""
        if self._template_id is None or self._baseline is None:
            return
        answer = QMessageBox.question(
            self,
            tr("Sjabloon verwijderen"),
            tr(
                "Het sjabloon '{name}' verwijderen? Brieven die ermee zijn gemaakt blijven bewaard."
            ).format(name=self._baseline.name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self._context.services.letters.remove_template(self._context.actor, self._template_id)
        except KnownProblem as problem:
            report_error(self, problem)
            return
        self._template_id = None
        self._baseline = self.form.data()  # nothing left to ask about
        self._show_list()
        self._set_status(tr("Sjabloon verwijderd."), DONE_STYLE)

    def save(self) -> bool:
        """Store the template; True when saved, False when something must be corrected first."""
        self.refresh_preview()
        data = self.form.data()
        try:
            view = self._context.services.letters.save_template(
                self._context.actor, data, self._template_id, self._version
            )
        except ValidationFailed as failed:
            # The editor's own field messages are shorter; the list of fields is on screen.
            first = self.form.show_errors({**failed.errors, **text_problems(data)})
            if first is not None:
                first.setFocus()
            self._set_status(
                tr("Niet opgeslagen: controleer de rood gemarkeerde velden."), ERROR_STYLE
            )
            return False
        except KnownProblem as problem:
            report_error(self, problem)
            return False
        self._template_id, self._version, self._baseline = view.id, view.version, view.data
        if data != view.data:  # the service trimmed spaces: show what is stored
            self.form.fill(view.data)
        self._select_in_list(view.id, reload=True)
        self._update_buttons()
        self.setWindowModified(False)
        self._set_status(tr("Opgeslagen."), DONE_STYLE)
        return True

    def reject(self) -> None:
        """Close (Sluiten, Esc or the window's cross), asking about unsaved changes first."""
        if not self._confirm_leave():
            return
        self._timer.stop()
        super().reject()

    def refresh_preview(self) -> None:
        """Check the merge fields and show the letter, or the Dutch message of what is wrong."""
        self._timer.stop()
        data = self.form.data()
        problems = text_problems(data)
        self.form.show_field_problems(problems)
        if problems:
            self.preview.clear(next(iter(problems.values())))
            return
        try:
            pdf = render_preview(self._style, data)
        except InvalidValue as error:
            self.preview.clear(error.message)
        except ValidationFailed as failed:  # the house style itself is incomplete
            self.preview.clear("\n".join(failed.errors.values()))
        except Exception:  # a preview must never take the editor down
            log.exception("Template preview failed")
            self.preview.clear(tr("Het voorbeeld kan niet worden getoond."))
        else:
            self.preview.show_pdf(pdf)

    # --- helpers --------------------------------------------------------------------------

    def _button(self, text: str, slot: object) -> QPushButton:
        button = QPushButton(text, self)
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        return button

    def _show_list(self) -> None:
        """Fill the list and open its first template, or a new one when there is none."""
        views = self._fill_list()
        if views:
            self._select_in_list(views[0].id)
            self._load(views[0].id)
        else:
            self._start_unsaved(TemplateData("", LetterKind.FREE, "", NEW_BODY), None)

    def _fill_list(self) -> list[TemplateView]:
        views = sorted(
            self._context.services.letters.templates(),
            key=lambda view: (KIND_ORDER[view.data.kind], view.data.name.casefold()),
        )
        self.list.blockSignals(True)
        self.list.clear()
        for view in views:
            item = QListWidgetItem(view.title)
            item.setData(ID_ROLE, view.id)
            item.setToolTip(view.title)
            self.list.addItem(item)
        self.list.blockSignals(False)
        return views

    def _select_in_list(self, template_id: int | None, reload: bool = False) -> None:
        if reload:
            self._fill_list()
        self.list.blockSignals(True)
        self.list.setCurrentRow(-1)
        for row in range(self.list.count()):
            if self.list.item(row).data(ID_ROLE) == template_id:
                self.list.setCurrentRow(row)
        self.list.blockSignals(False)

    def _on_current_changed(self, current: QListWidgetItem | None, _previous: object) -> None:
        if current is None:
            return
        target = current.data(ID_ROLE)
        if target == self._template_id:
            return
        if not self._confirm_leave():
            self._select_in_list(self._template_id)
            return
        self._select_in_list(target)  # saving may have rebuilt the list
        self._load(target)

    def _load(self, template_id: int) -> None:
        try:
            view = self._context.services.letters.template(template_id)
        except KnownProblem as problem:
            report_error(self, problem)
            self._template_id = None
            self._baseline = self.form.data()
            self._show_list()
            return
        self._template_id, self._version, self._baseline = view.id, view.version, view.data
        self.form.fill(view.data)
        self._after_switch()

    def _start_unsaved(self, data: TemplateData, baseline: TemplateData | None) -> None:
        self._template_id, self._version, self._baseline = None, 0, baseline
        self.form.fill(data)
        self._select_in_list(None)
        self._after_switch()
        self.form.name.setFocus()
        self.form.name.line.selectAll()

    def _after_switch(self) -> None:
        self._update_buttons()
        self._set_status("", "")
        self.setWindowModified(self.is_dirty())
        self._timer.start()

    def _on_edited(self) -> None:
        self.setWindowModified(self.is_dirty())
        self._set_status("", "")
        self._timer.start()

    def _update_buttons(self) -> None:
        saved = self._template_id is not None
        self.copy_button.setEnabled(saved)
        self.remove_button.setEnabled(saved)

    def _set_status(self, text: str, style: str) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(style)

    def _confirm_leave(self) -> bool:
        """Ask about unsaved changes; True when the template shown may be replaced."""
        if not self.is_dirty():
            return True
        answer = ask_save_changes(self, self.form.name.text().strip())
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard
