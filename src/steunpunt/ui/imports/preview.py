"""The preview of the first rows as the import will read them: every interpreted value marked
(its cell coloured, the file's text in its tooltip), every unreadable cell with its problem."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QTableWidget, QTableWidgetItem, QWidget

from steunpunt.domain.imports.plan import problem_label
from steunpunt.domain.imports.read_row import ReadRow
from steunpunt.ui.i18n import tr

FIELD_ORDER = (
    "salutation",
    "initials",
    "first_name",
    "infix",
    "last_name",
    "street",
    "house_number",
    "house_number_suffix",
    "postcode",
    "place",
    "phone",
    "email",
    "birth_date",
    "iban",
    "registered_on",
    "care_recipient.first_name",
    "care_recipient.infix",
    "care_recipient.last_name",
    "relation.relation_type",
    "relation.hours_per_week",
    "notes",
)
"""The form fields in the order the preview shows them (as a read row names them)."""
INTERPRETED = QColor("#fff4ce")
UNREADABLE = QColor("#fde2e1")
SKIPPED = QColor("#777777")


def read_values(row: ReadRow) -> dict[str, str]:
    """Every value of a read row by its qualified field name (``care_recipient.last_name``)."""
    values = dict(row.caregiver)
    values.update({f"care_recipient.{k}": v for k, v in row.care_recipient.items()})
    values.update({f"relation.{k}": v for k, v in row.relation.items()})
    return {name: value for name, value in values.items() if value}


def preview_fields(rows: Sequence[ReadRow]) -> list[str]:
    """The fields any of ``rows`` has a value or a problem for, in the form's order."""
    found = {name for row in rows for name in (*read_values(row), *row.problems)}
    known = [name for name in FIELD_ORDER if name in found]
    return known + sorted(found - set(known))


def preview_table(parent: QWidget) -> QTableWidget:
    table = QTableWidget(parent)
    table.setObjectName("preview")
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.setWordWrap(False)
    return table


def show_preview(table: QTableWidget, rows: Sequence[ReadRow]) -> None:
    """Fill ``table`` with ``rows``: a column for the row number and one per field read."""
    fields = preview_fields(rows)
    table.clear()
    table.setColumnCount(1 + len(fields))
    table.setRowCount(len(rows))
    titles = [problem_label(name) for name in fields]
    table.setHorizontalHeaderLabels(
        [tr("Rij"), *(title[:1].upper() + title[1:] for title in titles)]
    )
    for line, row in enumerate(rows):
        number = QTableWidgetItem(str(row.source_row))
        if row.skip is not None:
            number.setText(f"{row.source_row} ({tr(row.skip.value)})")
            number.setForeground(QBrush(SKIPPED))
        table.setItem(line, 0, number)
        values = read_values(row)
        interpreted: dict[str, list[str]] = {}
        for found in row.interpretations:
            interpreted.setdefault(found.field, []).append(
                tr("In het bestand: {original}\nGelezen als: {read_as}").format(
                    original=found.original, read_as=found.read_as
                )
            )
        for column, name in enumerate(fields, start=1):
            item = QTableWidgetItem(values.get(name, ""))
            problem = row.problems.get(name)
            if problem is not None:
                item.setText(problem)
                item.setBackground(QBrush(UNREADABLE))
                item.setToolTip(tr("Niet te lezen: {problem}").format(problem=problem))
            elif name in interpreted:
                item.setBackground(QBrush(INTERPRETED))
                item.setToolTip("\n\n".join(interpreted[name]))
            table.setItem(line, column, item)
    table.resizeColumnsToContents()
    for column in range(table.columnCount()):
        table.setColumnWidth(column, min(table.columnWidth(column), 260))
