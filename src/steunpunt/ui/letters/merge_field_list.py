"""The merge fields a letter kind offers, as a list to insert from."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from steunpunt.domain.choices import LetterKind
from steunpunt.domain.letters.merge_fields import fields_for
from steunpunt.ui.i18n import tr

NAME_ROLE = Qt.ItemDataRole.UserRole


class MergeFieldList(QWidget):
    """Lists ``{aanhef} — Aanhef, zonder komma``; double-click, Enter or the button inserts one."""

    chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list = QListWidget(self)
        self.list.setObjectName("mergeFields")
        label = QLabel(tr("Beschikbare ve&lden"), self)
        label.setBuddy(self.list)
        self.insert_button = QPushButton(tr("Veld &invoegen"), self)
        self.insert_button.setAutoDefault(False)
        self.insert_button.setToolTip(
            tr("Zet het gekozen veld op de plek van de cursor in de tekst of het onderwerp.")
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(label)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.insert_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.list.itemActivated.connect(self._activated)
        self.insert_button.clicked.connect(self._insert_current)

    def set_kind(self, kind: LetterKind) -> None:
        """Show the fields of this letter kind."""
        self.list.clear()
        for field in fields_for(kind):
            item = QListWidgetItem(f"{{{field.name}}} — {field.description}")
            item.setData(NAME_ROLE, field.name)
            item.setToolTip(tr("Voorbeeld: {example}").format(example=field.example))
            self.list.addItem(item)
        self.list.setCurrentRow(0)

    def names(self) -> list[str]:
        """The field names shown, in order."""
        return [self.list.item(row).data(NAME_ROLE) for row in range(self.list.count())]

    def _activated(self, item: QListWidgetItem) -> None:
        self.chosen.emit(item.data(NAME_ROLE))

    def _insert_current(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.chosen.emit(item.data(NAME_ROLE))
