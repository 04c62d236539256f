"""Start-up bench driver: starts Steunpunt on a data folder and reports its first painted screen.

The start screen is the worklist ("Vandaag"). Prints ``PAINTED <rss_mib> <items>`` once it
painted the loaded worklist, then opens the caregiver list, scrolls to its end, searches once
and prints ``MEMORY <rss_mib>`` before closing.
"""

from __future__ import annotations

import sys
from pathlib import Path

from steunpunt.app import run  # isort: skip

from PySide6.QtCore import QEvent, QObject, QTimer  # isort: skip
from PySide6.QtWidgets import QApplication  # isort: skip

from steunpunt import app
from steunpunt.entrance import Entered, Entrance
from steunpunt.paths import resolve_paths
from steunpunt.ui.main_window import MainWindow

BENCH_LOGIN, BENCH_PASSWORD = "bench", "bench zonder mensenhand"


def signed_in(entrance: Entrance, *_hints: str) -> Entered:
    """The bench's own account instead of the sign-in dialog: start-up is timed without a person."""
    if entrance.first_beheerder_needed():
        return entrance.create_first_beheerder("Bench", BENCH_LOGIN, BENCH_PASSWORD, BENCH_PASSWORD)
    return entrance.sign_in(BENCH_LOGIN, BENCH_PASSWORD)


def rss_mib() -> float:
    """Peak resident memory of this process (ru_maxrss would include the parent's)."""
    status = Path("/proc/self/status").read_text(encoding="ascii")
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


class FirstRowsPainted(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__()
        self.window = window
        self.done = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        loaded = self.window.today_view.summary.text() not in ("", "Werklijst laden…")
        if not self.done and event.type() == QEvent.Type.Paint and loaded:
            self.done = True
            QTimer.singleShot(0, self.report)
        return False

    def report(self) -> None:
        print(f"PAINTED {rss_mib():.1f} {self.window.today_view.model.rowCount()}", flush=True)
        self.window.go_to_search()
        while self.window.list_view.model.rowCount() == 0:
            QApplication.processEvents()
        table = self.window.list_view.table
        table.scrollToBottom()
        QApplication.processEvents()
        self.window.list_view.search.setText("jan")
        self.window.list_view.refresh()
        QApplication.processEvents()
        print(f"MEMORY {rss_mib():.1f}", flush=True)
        self.window.close()


def main() -> None:
    watchers: list[FirstRowsPainted] = []

    def shown(window: MainWindow) -> None:
        watcher = FirstRowsPainted(window)
        watchers.append(watcher)
        window.today_view.table.viewport().installEventFilter(watcher)

    app.sign_in_at_start = signed_in
    run(resolve_paths(sys.argv[1]).ensure(), on_shown=shown)


if __name__ == "__main__":
    main()
