"""The log guard: an error logged by the program fails the test, unless the test takes it."""

from __future__ import annotations

import pytest

pytest_plugins = ["pytester"]

# The inner runs log on steunpunt loggers, which this (outer) test's own guard sees too.
pytestmark = pytest.mark.logs_errors

INNER = """
import logging

import pytest

log = logging.getLogger("steunpunt.services.example")


def test_logs_an_error():
    log.error("Backup failed: %s", "disk full")


def test_logs_an_exception():
    try:
        raise ValueError("kapot")
    except ValueError:
        log.exception("Unexpected error")


def test_logs_a_warning_and_another_programs_error():
    log.warning("Slow query")
    logging.getLogger("sqlalchemy").error("not ours")


@pytest.mark.logs_errors
def test_may_log_errors():
    log.error("Expected")


def test_takes_what_it_expects(logged_errors):
    log.error("Backup failed: %s", "disk full")
    assert logged_errors.templates() == ["Backup failed: %s"]


def test_looks_but_does_not_take(logged_errors):
    log.error("Backup failed: %s", "disk full")
    assert len(logged_errors.records) == 1


@pytest.fixture
def breaks_on_the_way_out():
    yield
    log.error("Could not release mailing %s", 7)


def test_error_in_a_fixture_teardown(breaks_on_the_way_out):
    pass
"""


@pytest.fixture
def outcome(pytester: pytest.Pytester) -> pytest.RunResult:
    pytester.makepyfile(test_inner=INNER)
    return pytester.runpytest("-p", "tests.log_guard", "-p", "no:cacheprovider", "-rA")


def test_an_error_from_a_steunpunt_logger_fails_the_test_and_is_shown(
    outcome: pytest.RunResult,
) -> None:
    outcome.assert_outcomes(passed=4, failed=3, errors=1)
    outcome.stdout.fnmatch_lines(
        [
            "*An error was logged during the test (call):*",
            "ERROR steunpunt.services.example: Backup failed: disk full",
        ]
    )
    failed = {line.split("::")[1].split()[0] for line in outcome.outlines if "FAILED" in line}
    assert failed == {
        "test_logs_an_error",
        "test_logs_an_exception",
        "test_looks_but_does_not_take",
    }


def test_the_traceback_of_a_logged_exception_is_shown(outcome: pytest.RunResult) -> None:
    outcome.stdout.fnmatch_lines(
        ["ERROR steunpunt.services.example: Unexpected error", "Traceback*"]
    )
    outcome.stdout.fnmatch_lines(["ValueError: kapot"])


def test_an_error_while_tearing_down_fails_that_phase(outcome: pytest.RunResult) -> None:
    outcome.stdout.fnmatch_lines(
        [
            "*An error was logged during the test (teardown):*",
            "ERROR steunpunt.services.example: Could not release mailing 7",
        ]
    )
    errors = [line for line in outcome.outlines if line.startswith("ERROR test_inner.py")]
    assert [line.split("::")[1].split()[0] for line in errors] == [
        "test_error_in_a_fixture_teardown"
    ]
