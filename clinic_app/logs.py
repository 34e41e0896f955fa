"""Logging without personal data or keys: a rotating file in the data directory.

Log messages are written by the program, so their fixed text is kept; everything that came
from data is not. The filter on the handler

- replaces every string argument of a record with ``[redacted]`` (numbers, booleans and
  ``None`` stay: ids and counts are what a support person needs);
- reduces an attached exception to its type and code locations (file, line, function):
  ``str(exc)`` of a database error can carry statement parameters, of a validation error
  the value typed;
- masks anything in the remaining text that looks like a key, a recovery key, an e-mail
  address, a phone or CPR number, or a SQLAlchemy parameter list.

SQLAlchemy engines are created with ``hide_parameters=True`` and its loggers are held at
WARNING, so statements and their values never reach the log either.
"""

from __future__ import annotations

import logging
import logging.handlers
import re
import sys
import threading
import traceback
from pathlib import Path
from types import TracebackType

from clinic_app.config import data_dir

LOG_NAME = "clinic-app.log"
MAX_BYTES = 1_000_000
BACKUPS = 5
REDACTED = "[redacted]"

_PATTERNS = (
    re.compile(r"x'[0-9a-fA-F]{16,}'"),  # SQLCipher raw key literal
    re.compile(r"\b[0-9a-fA-F]{32,}\b"),  # hex keys and hashes
    re.compile(r"\b[A-Z2-7]{4}(?:-[A-Z2-7]{4}){5,}\b"),  # recovery keys
    re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+"),  # e-mail addresses
    re.compile(r"\b\d{6}-?\d{4}\b"),  # CPR numbers
    re.compile(r"\+?\d[\d ()-]{6,}\d"),  # phone numbers
    re.compile(r"\[parameters: .*?\]", re.S),  # SQLAlchemy parameter dumps
)


def scrub_text(text: str) -> str:
    """Mask key-like and contact-like substrings."""
    for pattern in _PATTERNS:
        text = pattern.sub(REDACTED, text)
    return text


def safe_exception(exc_type: type[BaseException], tb: TracebackType | None) -> str:
    """An exception as its type and code locations only (no message, no local values)."""
    lines = [f"{exc_type.__module__}.{exc_type.__qualname__}"]
    for frame in traceback.extract_tb(tb):
        lines.append(f'  File "{frame.filename}", line {frame.lineno}, in {frame.name}')
    return "\n".join(lines)


def _safe_arg(value: object) -> object:
    if value is None or isinstance(value, bool | int | float):
        return value
    return REDACTED


class RedactingFilter(logging.Filter):
    """Makes a record safe to write (see the module docstring); never drops the record."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.args:
            if isinstance(record.args, dict):
                record.args = {k: _safe_arg(v) for k, v in record.args.items()}
            else:
                record.args = tuple(_safe_arg(v) for v in record.args)
        record.msg = scrub_text(str(record.msg))
        if record.exc_info and record.exc_info[0] is not None:
            record.exc_text = safe_exception(record.exc_info[0], record.exc_info[2])
            record.exc_info = None
        elif record.exc_text:
            record.exc_text = scrub_text(record.exc_text)
        record.stack_info = None
        return True


def log_dir() -> Path:
    return data_dir() / "logs"


def configure_logging(directory: Path | None = None, level: int = logging.INFO) -> logging.Handler:
    """Send the ``clinic_app`` loggers (and warnings of libraries) to a rotating file.

    Returns the handler (tests and the UI's "open log folder" use its ``baseFilename``).
    """
    folder = directory or log_dir()
    folder.mkdir(parents=True, exist_ok=True)
    handler = logging.handlers.RotatingFileHandler(
        folder / LOG_NAME, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(RedactingFilter())
    root = logging.getLogger()
    for old in [h for h in root.handlers if getattr(h, "_clinic_app", False)]:
        root.removeHandler(old)
        old.close()
    handler._clinic_app = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(min(root.level or logging.WARNING, logging.WARNING))
    logging.getLogger("clinic_app").setLevel(level)
    # Statement logging would show SQL (never values, but it is noise): warnings only.
    for name in ("sqlalchemy", "sqlalchemy.engine", "alembic"):
        logging.getLogger(name).setLevel(logging.WARNING)
    return handler


def install_crash_logging() -> None:
    """Log uncaught exceptions (main and worker threads) as type and code locations only."""
    log = logging.getLogger("clinic_app.crash")
    previous = sys.excepthook

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        # Concatenated, not an argument: the filter would redact a string argument.
        log.critical("Unhandled exception:\n" + safe_exception(kind, tb))
        if previous is not sys.__excepthook__:
            previous(kind, exc, tb)
        else:
            print(f"clinic-app stopped: {kind.__name__} (details in the log)", file=sys.stderr)

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        log.critical(
            "Unhandled exception in a thread:\n" + safe_exception(args.exc_type, args.exc_traceback)
        )

    sys.excepthook = hook
    threading.excepthook = thread_hook
