"""Start-up bench driver: starts Steunpunt on a data folder and reports its first painted screen.

Plays the person at the sign-in dialog: prints ``DIALOG`` once it painted, types for
``TYPING_S`` seconds, prints ``TYPED`` and signs in (the first start makes the bench's
beheerder without a dialog instead). The start screen is the worklist ("Vandaag"): prints
``PAINTED <rss_mib> <items>`` once it painted the loaded worklist, then opens the caregiver
list, scrolls to its end, searches once and prints ``MEMORY <rss_mib>`` before closing.
The person waits from the start to ``DIALOG`` and from ``TYPED`` to ``PAINTED``.
"""

from __future__ import annotations

import sys
from pathlib import Path

from steunpunt.app import run  # isort: skip

from PySide6.QtCore import QEvent, QObject, QTimer  # isort: skip
from PySide6.QtWidgets import QApplication, QDialogButtonBox  # isort: skip

from typing import TYPE_CHECKING

from steunpunt import app
from steunpunt.entrance import Entered, Entrance
from steunpunt.paths import resolve_paths
from steunpunt.ui.accounts.sign_in_dialogs import SignInDialog, sign_in_at_start

if TYPE_CHECKING:
    from steunpunt.ui.main_window import MainWindow

BENCH_LOGIN, BENCH_PASSWORD = "bench", "bench zonder mensenhand"
TYPING_S = 2.0
"""A quick typist's login and password; the program may use this time, the person does not wait."""


class Typist(QObject):
    """Once the sign-in dialog has painted: types the bench's login and password, then signs in."""

    def __init__(self) -> None:
        super().__init__()
        self.dialog: SignInDialog | None = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        dialog = watched.window() if hasattr(watched, "window") else None
        if (
            self.dialog is None
            and event.type() == QEvent.Type.Paint
            and isinstance(dialog, SignInDialog)
        ):
            self.dialog = dialog
            print("DIALOG", flush=True)
            QTimer.singleShot(round(TYPING_S * 1000), self.sign_in)
        return False

    def sign_in(self) -> None:
        assert self.dialog is not None
        self.dialog.login.setText(BENCH_LOGIN)
        self.dialog.password.setText(BENCH_PASSWORD)
        print("TYPED", flush=True)
        buttons = self.dialog.findChild(QDialogButtonBox)
        buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def signed_in(entrance: Entrance, login: str = "", note: str = "") -> Entered | None:
    """The first start makes the bench's beheerder; later starts sign in through the dialog."""
    if entrance.first_beheerder_needed():
        return entrance.create_first_beheerder("Bench", BENCH_LOGIN, BENCH_PASSWORD, BENCH_PASSWORD)
    typist = Typist()
    QApplication.instance().installEventFilter(typist)
    try:
        return sign_in_at_start(entrance, login, note)
    finally:
        QApplication.instance().removeEventFilter(typist)


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
