"""Logging to a rotating file in the log folder (ids only, never personal data)."""

from __future__ import annotations

import logging
import logging.handlers
import sys
from pathlib import Path

LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class _StderrLog(logging.StreamHandler):  # type: ignore[type-arg]
    """The log on stderr, for when the log file cannot be written."""


class _NoLog(logging.NullHandler):
    """No log at all: a command's stderr is kept for its one Dutch line."""


def configure_logging(
    log_dir: Path, level: int = logging.INFO, to_stderr_when_unwritable: bool = True
) -> Path | None:
    """Send log records to ``steunpunt.log`` (rotated at 1 MiB, 5 kept); returns its path.

    Where the file cannot be written (a read-only folder), records go to stderr only (or,
    for a command, nowhere) and None is returned: the program still starts.
    """
    log_file = log_dir / "steunpunt.log"
    root = logging.getLogger()
    root.setLevel(level)
    ours = (logging.handlers.RotatingFileHandler, _StderrLog, _NoLog)
    for old in [h for h in root.handlers if isinstance(h, ours)]:
        root.removeHandler(old)
        old.close()
    handler: logging.Handler
    try:
        handler = logging.handlers.RotatingFileHandler(
            log_file, maxBytes=1_048_576, backupCount=5, encoding="utf-8"
        )
    except OSError as error:
        handler = _StderrLog(sys.stderr) if to_stderr_when_unwritable else _NoLog()
        problem: OSError | None = error
    else:
        problem = None
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    root.addHandler(handler)
    if problem is not None:
        root.warning("Log file %s cannot be written (%s); logging to stderr", log_file, problem)
        return None
    return log_file
