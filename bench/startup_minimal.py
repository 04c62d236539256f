"""Reference for the start-up bench: a bare PySide6 + SQLAlchemy program showing all caregivers.

Prints ``PAINTED <rss_mib>`` once the table has painted its first rows, then exits.
"""

from __future__ import annotations

import sys
from pathlib import Path

from sqlalchemy import create_engine, text  # SQLAlchemy first, as the app does

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, QObject, Qt, QTimer  # isort: skip
from PySide6.QtWidgets import QApplication, QTableView  # isort: skip

COLUMNS = "first_name, infix, last_name, postcode, place, phone, email"


class Model(QAbstractTableModel):
    def __init__(self, rows: list[tuple[object, ...]]) -> None:
        super().__init__()
        self.rows = rows

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 7

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role == Qt.ItemDataRole.DisplayRole:
            return self.rows[index.row()][index.column()]
        return None


class PaintWatch(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, report)
        return False


def peak_rss_mib() -> float:
    """Peak resident memory of this process (ru_maxrss would include the parent's)."""
    status = Path("/proc/self/status").read_text(encoding="ascii")
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def report() -> None:
    print(f"PAINTED {peak_rss_mib():.1f}", flush=True)
    QApplication.quit()


def main() -> None:
    engine = create_engine(f"sqlite:///{sys.argv[1]}")
    with engine.connect() as connection:
        rows = [tuple(r) for r in connection.execute(text(f"SELECT {COLUMNS} FROM caregiver"))]
    app = QApplication(sys.argv[:1])
    view = QTableView()
    view.setModel(Model(rows))
    watch = PaintWatch()
    view.viewport().installEventFilter(watch)
    view.resize(1280, 800)
    view.show()
    app.exec()


if __name__ == "__main__":
    main()
