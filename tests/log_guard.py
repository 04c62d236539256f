"""Fails a test during which a steunpunt logger recorded an error it did not take for its own."""

from __future__ import annotations

import logging
from collections.abc import Generator

import pytest

WATCHED = "steunpunt"
MARKER = "logs_errors"


class ErrorRecords(logging.Handler):
    """Keeps every record of level ERROR or higher from the ``steunpunt`` loggers."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []
        self.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)

    def take(self) -> list[logging.LogRecord]:
        """The records so far, which the test now answers for; the guard no longer sees them."""
        taken, self.records = self.records, []
        return taken

    def templates(self) -> list[str]:
        """Take the records and return what each logging call wrote, its ``%s`` left unfilled."""
        return [str(record.msg) for record in self.take()]


RECORDS = pytest.StashKey[ErrorRecords]()


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    handler = ErrorRecords()
    item.stash[RECORDS] = handler
    logging.getLogger(WATCHED).addHandler(handler)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, None]:
    """Turn a passing phase with untaken error records into a failure that shows them."""
    outcome = yield
    handler = item.stash.get(RECORDS, None)
    if handler is None:
        return
    if call.when == "teardown":
        logging.getLogger(WATCHED).removeHandler(handler)
    report = outcome.get_result()
    records = handler.take()
    if not records or item.get_closest_marker(MARKER) is not None or not report.passed:
        return
    lines = "\n".join(handler.format(record) for record in records)
    report.outcome = "failed"
    report.longrepr = f"An error was logged during the test ({call.when}):\n{lines}"


@pytest.fixture
def logged_errors(request: pytest.FixtureRequest) -> ErrorRecords:
    """The error records of this test, for a test that expects errors and asserts them."""
    return request.node.stash[RECORDS]
