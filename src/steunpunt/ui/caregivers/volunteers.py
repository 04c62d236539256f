"""The caseload on screen: choose the vrijwilligers a caregiver (or a selection) is assigned to."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QWidget,
)

from steunpunt.ui.context import ScreenContext
from steunpunt.ui.errors import report_error
from steunpunt.ui.i18n import tr
from steunpunt.ui.layouts import vbox
from steunpunt.ui.widgets import dialog_buttons

ASSIGN = ("caregivers", "CaregiverAssignmentService.assign")
"""The use case that decides whether the window offers assigning."""


class VolunteerChooser(QDialog):
    """Tick the vrijwilligers; :meth:`chosen` gives their staff ids."""

    def __init__(
        self, context: ScreenContext, intro: str, ticked: set[int], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Vrijwilligers"))
        self.list = QListWidget(self)
        self.list.setObjectName("volunteers")
        for volunteer in context.services.assignments.volunteers():
            item = QListWidgetItem(volunteer.name, self.list)
            item.setData(Qt.ItemDataRole.UserRole, volunteer.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = volunteer.id in ticked
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        label = QLabel(
            intro
            if self.list.count()
            else tr("Er zijn nog geen vrijwilligers: een beheerder maakt hun accounts aan."),
            self,
        )
        label.setWordWrap(True)
        vbox(
            self,
            label,
            (self.list, 1),
            dialog_buttons(self, self.accept, QDialogButtonBox.StandardButton.Ok),
        )

    def chosen(self) -> set[int]:
        """The staff ids of the ticked vrijwilligers."""
        items = (self.list.item(row) for row in range(self.list.count()))
        return {
            int(item.data(Qt.ItemDataRole.UserRole))
            for item in items
            if item.checkState() == Qt.CheckState.Checked
        }


def assign_in_bulk(context: ScreenContext, caregiver_ids: list[int], parent: QWidget) -> None:
    """Assign the selected caregivers to the vrijwilligers the person ticks."""
    intro = tr("Wijs {n} geselecteerde mantelzorger(s) toe aan:").format(n=len(caregiver_ids))
    chooser = VolunteerChooser(context, intro, set(), parent)
    try:
        if chooser.exec() == QDialog.DialogCode.Accepted and (chosen := chooser.chosen()):
            context.services.assignments.assign(context.actor, caregiver_ids, sorted(chosen))
    except Exception as error:
        report_error(parent, error)
    finally:
        chooser.deleteLater()


class VolunteersBox(QWidget):
    """On the caregiver form: the vrijwilligers the caregiver is assigned to, and a button to
    change them (saved at once: the assignment is no part of the form's data)."""

    def __init__(self, context: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._caregiver_id: int | None = None
        self._current: set[int] = set()
        self.names = QLabel(self)
        self.names.setObjectName("volunteer_names")
        self.button = QPushButton(tr("Vrijwilligers…"), self)
        self.button.setToolTip(tr("Aan welke vrijwilligers deze mantelzorger is toegewezen"))
        self.button.setVisible(context.may(*ASSIGN))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.names, 1)
        layout.addWidget(self.button)
        self.button.clicked.connect(self.choose)

    def show_caregiver(self, caregiver_id: int | None) -> None:
        """The vrijwilligers of a saved caregiver; a new one has none yet."""
        self._caregiver_id = caregiver_id
        volunteers = (
            []
            if caregiver_id is None
            else self.context.services.assignments.volunteers_of(caregiver_id)
        )
        self._current = {volunteer.id for volunteer in volunteers}
        self.names.setText(", ".join(v.name for v in volunteers) or tr("(geen)"))
        self.button.setEnabled(caregiver_id is not None)

    def choose(self) -> None:
        caregiver_id = self._caregiver_id
        if caregiver_id is None:
            return
        intro = tr("Deze mantelzorger is toegewezen aan:")
        chooser = VolunteerChooser(self.context, intro, self._current, self)
        try:
            if chooser.exec() == QDialog.DialogCode.Accepted:
                chosen, actor = chooser.chosen(), self.context.actor
                assignments = self.context.services.assignments
                if added := chosen - self._current:
                    assignments.assign(actor, [caregiver_id], sorted(added))
                if removed := self._current - chosen:
                    assignments.unassign(actor, [caregiver_id], sorted(removed))
                self.show_caregiver(caregiver_id)
        except Exception as error:
            report_error(self, error)
        finally:
            chooser.deleteLater()
