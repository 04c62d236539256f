"""The change hub: what the services wrote, told to the screens on the main thread."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from steunpunt.services.kernel.changes import ChangeFeed, Changes


class ChangeHub(QObject):
    """Hears the change feed on any thread and emits :attr:`changed` on the main thread.

    Everything announced during one turn of the event loop (a save that runs several service
    calls, a mailing and its letter log) arrives as one :class:`Changes`, a turn later: a screen
    refreshes once, and never in the middle of the code that saved.
    """

    changed = Signal(object)
    """Carries the merged :class:`Changes`."""
    _heard = Signal(object)

    def __init__(self, feed: ChangeFeed, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pending = Changes()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._deliver)
        self._heard.connect(self._collect, Qt.ConnectionType.QueuedConnection)
        unsubscribe = feed.subscribe(self._heard.emit)
        # A slot without arguments: PySide then does not wrap the hub while it is being
        # destroyed (looking up its Python type then crashed in shiboken, now and then).
        self.destroyed.connect(unsubscribe)

    def _collect(self, changes: Changes) -> None:
        self._pending = self._pending | changes
        self._timer.start()

    def _deliver(self) -> None:
        changes, self._pending = self._pending, Changes()
        if changes:
            self.changed.emit(changes)
