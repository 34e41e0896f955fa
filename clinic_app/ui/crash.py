"""The application-wide exception hook: log without personal data, tell the user plainly.

Exceptions escaping a Qt slot or event handler reach ``sys.excepthook``. Every service call
runs in its own unit of work that has already rolled back by then, so nothing is half-saved;
what remains is to log where it happened (code locations and the exception type only, never
``str(exc)``, which for database errors can carry statement parameters) and to say so.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication

from clinic_app.errors import ClinicError
from clinic_app.ui.common import error_message, prompter
from clinic_app.ui.context import safe_traceback

log = logging.getLogger("clinic_app.ui")

Hook = Callable[[type[BaseException], BaseException, TracebackType | None], None]


class ExceptionHook:
    """Installed as ``sys.excepthook`` while the GUI runs; ``uninstall()`` restores the old."""

    def __init__(self) -> None:
        self._previous: Hook = sys.excepthook
        self._showing = False
        self.count = 0

    def install(self) -> ExceptionHook:
        sys.excepthook = self
        return self

    def uninstall(self) -> None:
        sys.excepthook = self._previous

    def __call__(
        self, kind: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            QCoreApplication.quit()
            return
        self.count += 1
        exc.__traceback__ = tb
        # Concatenated rather than passed as arguments: the log's redacting filter blanks
        # every string argument, and these hold only a type name and code locations.
        where = safe_traceback(exc)
        if isinstance(exc, ClinicError):
            log.warning(kind.__name__ + " in a UI action:\n" + where)
        else:
            log.error("Unhandled " + kind.__name__ + ":\n" + where)
        message = error_message(exc)
        if QApplication.instance() is not None and not self._showing:
            # Shown from the event loop, not from inside the failing slot.
            QTimer.singleShot(0, lambda: self._tell(message))

    def _tell(self, message: str) -> None:
        self._showing = True
        try:
            title = QCoreApplication.translate("Errors", "Something went wrong")
            prompter.warn(QApplication.activeWindow(), title, message)
        finally:
            self._showing = False
