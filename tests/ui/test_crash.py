"""The exception hook logs code locations, never messages, and tells the user plainly."""

from __future__ import annotations

import logging
import sys

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy.exc import IntegrityError

from clinic_app.errors import Invalid
from clinic_app.ui.context import safe_traceback
from clinic_app.ui.crash import ExceptionHook
from tests.ui.conftest import Prompts


def _raise_db_error() -> None:
    raise IntegrityError("INSERT INTO person_name (name) VALUES (?)", ("Ana Popescu",), None)


def test_hook_logs_type_and_locations_only(
    qtbot: QtBot, prompts: Prompts, caplog: pytest.LogCaptureFixture
) -> None:
    hook = ExceptionHook().install()
    try:
        try:
            _raise_db_error()
        except IntegrityError:
            kind, exc, tb = sys.exc_info()
            assert kind is not None and exc is not None
            with caplog.at_level(logging.ERROR, logger="clinic_app"):
                sys.excepthook(kind, exc, tb)
    finally:
        hook.uninstall()
    logged = caplog.text
    assert "IntegrityError" in logged
    assert "_raise_db_error" in logged
    assert "Ana Popescu" not in logged and "INSERT" not in logged
    qtbot.waitUntil(lambda: bool(prompts.calls))
    kind_, title, text = prompts.calls[0]
    assert kind_ == "warn" and title == "Something went wrong"
    assert "nothing was saved" in text and "Ana" not in text
    assert hook.count == 1


def test_safe_traceback_never_includes_the_message() -> None:
    try:
        raise Invalid("names", "required", "secret personal words")
    except Invalid as exc:
        text = safe_traceback(exc)
    assert "clinic_app.errors.Invalid" in text
    assert "secret personal words" not in text
