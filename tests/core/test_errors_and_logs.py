import logging
import sys

import pytest

from thbdesk.core.errors import SettingsCorruptError, UnsupportedLanguageError
from thbdesk.core.logs import log_unexpected, setup_logging


def test_error_message_follows_the_requested_language() -> None:
    error = UnsupportedLanguageError(lang="de")
    english = error.user_message("en")
    assert english == "Unknown language de. Use ar, fr or en."
    assert error.user_message("fr") != english and "de" in error.user_message("fr")
    assert error.user_message("ar") != english and "de" in error.user_message("ar")


def test_default_message_uses_current_ui_language() -> None:
    error = SettingsCorruptError(backup="/x/settings.json.bak")
    assert str(error) == error.user_message("ar")


def test_crash_log_keeps_the_stack_but_not_the_personal_data(thbdesk_home) -> None:
    path = setup_logging()
    try:
        raise ValueError("Passport AB123456 of Fatima Zahra")
    except ValueError:
        log_unexpected(*sys.exc_info())
    for handler in logging.getLogger("thbdesk").handlers:
        handler.flush()
    text = path.read_text(encoding="utf-8")
    assert "builtins.ValueError" in text
    assert "test_errors_and_logs.py" in text
    assert "Fatima" not in text and "AB123456" not in text
    assert path.is_relative_to(thbdesk_home)


@pytest.fixture(autouse=True)
def _detach_log_handlers():
    yield
    logger = logging.getLogger("thbdesk")
    for handler in list(logger.handlers):
        logger.removeHandler(handler)
        handler.close()
