"""Log hygiene: no personal data, no keys, no statement parameters in the log file."""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.exc import IntegrityError

from clinic_app.logs import configure_logging, install_crash_logging, scrub_text
from clinic_app.services.persons import NameInput, PersonInput
from clinic_app.storage.open import engine_key
from tests.unit.storage.helpers import admin_of, new_encrypted, open_services

SENTINEL = "Vrokkelund Ysmeraldine"


@pytest.fixture
def log_file(tmp_path: Path) -> Iterator[Path]:
    handler = configure_logging(tmp_path / "logs", level=logging.DEBUG)
    yield Path(handler.baseFilename)  # type: ignore[attr-defined]
    logging.getLogger().removeHandler(handler)
    handler.close()
    logging.getLogger("sqlalchemy.engine").setLevel(logging.WARNING)


def _read(path: Path) -> str:
    for h in logging.getLogger().handlers:
        h.flush()
    return path.read_text(encoding="utf-8")


def test_arguments_and_exception_messages_are_not_written(log_file: Path) -> None:
    log = logging.getLogger("clinic_app.test")
    log.info("registered %s with id %d", SENTINEL, 42)
    try:
        raise ValueError(f"bad name {SENTINEL}")
    except ValueError:
        log.exception("saving failed for %s", SENTINEL)
    log.warning("key was x'%s'", "ab" * 32)
    log.warning("inline key x'" + "cd" * 32 + "' and mail someone@example.org, tel +45 12 34 56 78")
    text = _read(log_file)
    assert SENTINEL not in text
    assert "ab" * 32 not in text and "cd" * 32 not in text
    assert "someone@example.org" not in text and "12 34 56 78" not in text
    assert "with id 42" in text  # ids stay: they are what support needs
    assert "ValueError" in text and "test_logging.py" in text  # type and place stay


def test_crash_report_has_no_personal_data(log_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.__excepthook__)
    install_crash_logging()
    try:
        raise RuntimeError(f"crashed while showing {SENTINEL}")
    except RuntimeError:
        kind, exc, tb = sys.exc_info()
        assert kind is not None and exc is not None
        sys.excepthook(kind, exc, tb)
    text = _read(log_file)
    assert "RuntimeError" in text and "Unhandled exception" in text
    assert SENTINEL not in text


def test_database_errors_and_sql_logging_show_no_values(tmp_path: Path, log_file: Path) -> None:
    url, keys = new_encrypted(tmp_path)
    svc = open_services(url)
    admin = admin_of(svc)
    key = engine_key(svc.db.engine)
    assert key is not None
    logging.getLogger("sqlalchemy.engine").setLevel(logging.INFO)  # as if someone turned it on
    svc.persons.register(admin, PersonInput(names=(NameInput(SENTINEL),), notes=SENTINEL))
    with pytest.raises(IntegrityError) as err, svc.db.engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO app_setting (key, value) VALUES (?, ?)", ("database_id", SENTINEL)
        )
    assert SENTINEL not in str(err.value)
    logging.getLogger("clinic_app.test").exception("failed", exc_info=err.value)
    svc.close()
    text = _read(log_file)
    assert SENTINEL not in text
    assert key.hex() not in text and keys.recovery_key not in text
    assert "sqlalchemy" in text.lower() or "INSERT" in text or "IntegrityError" in text


def test_engine_url_never_shows_the_key(tmp_path: Path) -> None:
    url, _ = new_encrypted(tmp_path)
    svc = open_services(url)
    key = engine_key(svc.db.engine)
    assert key is not None
    shown = (str(svc.db.engine.url), repr(svc.db.engine), svc.db.url_for_display)
    svc.close()
    assert all(key.hex() not in s for s in shown)


def test_scrub_text_masks_recovery_keys() -> None:
    assert "ABCD" not in scrub_text("key ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567-ABCD here")
