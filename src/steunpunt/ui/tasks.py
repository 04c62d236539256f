"""The one background-task helper: run a function on the thread pool, deliver its result on the
main thread, report progress and honour cancel."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)


class TaskContext:
    """Handed to a running task: report progress, and ask whether to stop."""

    def __init__(self, report: Callable[[int, int], None]) -> None:
        self._report = report
        self._cancel = threading.Event()

    def progress(self, done: int, total: int) -> bool:
        """Report progress; returns False once cancel was asked (the task should stop)."""
        self._report(done, total)
        return not self._cancel.is_set()

    def cancel(self) -> None:
        """Ask the task to stop; it sees this at its next :meth:`progress` call."""
        self._cancel.set()


@dataclass(frozen=True)
class _Task:
    function: Callable[[TaskContext], Any]
    on_done: Callable[[Any], None]
    on_error: Callable[[BaseException], None]
    on_progress: Callable[[int, int], None] | None


class _Signals(QObject):
    finished = Signal(object)
    failed = Signal(object)
    progressed = Signal(int, int)


class _Runnable(QRunnable):
    def __init__(self, function: Callable[[TaskContext], Any], signals: _Signals) -> None:
        super().__init__()
        self._function = function
        self._signals = signals
        self.context = TaskContext(signals.progressed.emit)

    def run(self) -> None:
        try:
            result = self._function(self.context)
        except BaseException as error:  # delivered to the main thread, never lost
            self._signals.failed.emit(error)
        else:
            self._signals.finished.emit(result)


class TaskRunner:
    """Runs work on Qt's thread pool; callbacks arrive on the main thread."""

    def __init__(self) -> None:
        self._pool = QThreadPool()
        self._alive: dict[_Signals, _Runnable] = {}

    def start(
        self,
        function: Callable[[TaskContext], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
        on_progress: Callable[[int, int], None] | None = None,
    ) -> TaskContext:
        """Run ``function``; ``on_done`` gets its result, ``on_error`` what it raised."""
        return self._launch(_Task(function, on_done, on_error, on_progress))

    def _launch(self, task: _Task) -> TaskContext:
        signals = _Signals()

        def finish(result: Any) -> None:
            self._forget(signals)
            task.on_done(result)

        def fail(error: BaseException) -> None:
            self._forget(signals)
            task.on_error(error)

        signals.finished.connect(finish)
        signals.failed.connect(fail)
        if task.on_progress is not None:
            signals.progressed.connect(task.on_progress)
        runnable = _Runnable(task.function, signals)
        # Python owns the runnable until its result is delivered: Qt deleting it on a worker
        # thread while Python still refers to it crashes the interpreter at exit.
        runnable.setAutoDelete(False)
        self._alive[signals] = runnable
        self._pool.start(runnable)
        return runnable.context

    def _forget(self, signals: _Signals) -> None:
        self._alive.pop(signals, None)
        signals.deleteLater()

    def shutdown(self) -> None:
        """Ask running tasks to stop and wait for them (on closing the program)."""
        for runnable in self._alive.values():
            runnable.context.cancel()
        self._pool.waitForDone()


class SynchronousTaskRunner(TaskRunner):
    """Runs the function at once on the calling thread: for tests and tiny jobs."""

    def __init__(self) -> None:
        pass

    def shutdown(self) -> None:
        """Nothing runs in the background."""

    def _launch(self, task: _Task) -> TaskContext:
        context = TaskContext(task.on_progress or (lambda _done, _total: None))
        try:
            result = task.function(context)
        except BaseException as error:
            task.on_error(error)
        else:
            task.on_done(result)
        return context
