"""Logging to a rotating file in the user log dir, without personal data.

Exception messages and local variables can hold what an officer typed (a victim's name, a passport
number), so unexpected errors are logged as the exception's class and its stack of code locations
only. Nothing else in thbdesk logs user input.
"""

from __future__ import annotations

import logging
import logging.handlers
import traceback
from pathlib import Path
from types import TracebackType

from thbdesk.core.paths import log_dir

LOG_FILE = "thbdesk.log"
_LOGGER_NAME = "thbdesk"


def setup_logging(directory: Path | None = None) -> Path:
    """Attach one rotating file handler (1 MB × 3) to the thbdesk logger; idempotent."""
    path = (directory or log_dir()) / LOG_FILE
    logger = logging.getLogger(_LOGGER_NAME)
    for handler in logger.handlers:
        if isinstance(handler, logging.handlers.RotatingFileHandler):
            if Path(handler.baseFilename) == path:
                return path
            logger.removeHandler(handler)
            handler.close()
    handler = logging.handlers.RotatingFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    return path


def scrubbed_traceback(exc_type: type[BaseException], tb: TracebackType | None) -> str:
    """The stack as file:line:function frames plus the exception class, never its message."""
    frames = traceback.extract_tb(tb)
    lines = [f"  {Path(f.filename).name}:{f.lineno} in {f.name}" for f in frames]
    return "\n".join([f"{exc_type.__module__}.{exc_type.__qualname__}", *lines])


def log_unexpected(
    exc_type: type[BaseException], exc: BaseException | None, tb: TracebackType | None
) -> None:
    """Write the scrubbed report, making sure the log file is attached first."""
    setup_logging()
    logging.getLogger(_LOGGER_NAME).error("unexpected error\n%s", scrubbed_traceback(exc_type, tb))
