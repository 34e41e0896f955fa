"""What every page gets: services, the current actor, settings and a few shell services.

The main window creates one :class:`UiContext` after log-in and passes it to every page
factory. Pages never reach for globals; anything shell-wide goes through this object.
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from clinic_app.security.context import Actor
from clinic_app.ui.settings import AppSettings

if TYPE_CHECKING:
    # Only for types: importing every service is the slow part of start-up.
    from clinic_app.services.container import Services

log = logging.getLogger(__name__)

PersonOpener = Callable[[int, str | None], None]
Notifier = Callable[[str], None]


class _TaskSignals(QObject):
    """Lives in the UI thread; its own slots receive the worker's signals (queued), so the
    callbacks always run in the UI thread.

    It stays referenced (``_running``) until the answer was delivered *and* the worker has
    returned from ``emit`` (``ran``), so the worker never emits from a deleted object.
    """

    done = Signal(object)
    failed = Signal(object)

    def __init__(
        self, on_done: Callable[[Any], None], on_error: Callable[[BaseException], None]
    ) -> None:
        super().__init__()
        self._on_done = on_done
        self._on_error = on_error
        self.ran = threading.Event()
        self.delivered = False
        self.done.connect(self._deliver_done)
        self.failed.connect(self._deliver_failed)

    @Slot(object)
    def _deliver_done(self, result: object) -> None:
        self.delivered = True
        self._on_done(result)

    @Slot(object)
    def _deliver_failed(self, exc: BaseException) -> None:
        self.delivered = True
        self._on_error(exc)


class _Task(QRunnable):
    """Runs ``fn`` on a pool thread; the result or exception goes back through ``signals``.

    The pool deletes the runnable itself when ``run`` returns (auto-delete): nothing on the
    Python side may free it while the pool still holds it.
    """

    def __init__(self, fn: Callable[[], Any], signals: _TaskSignals) -> None:
        super().__init__()
        self.fn = fn
        self.signals = signals

    def run(self) -> None:
        try:
            result = self.fn()
        except Exception as exc:  # handed to on_error in the UI thread
            self.signals.failed.emit(exc)
        else:
            self.signals.done.emit(result)
        finally:
            self.signals.ran.set()


class UiContext(QObject):
    """Shared state and shell services for pages.

    Signals:
        actor_changed(Actor): another user logged in (switch user).
        busy_changed(str): a background task started ("label") or all finished ("").
        data_changed(str): something was saved; ``area`` names what (e.g. "persons",
            "cases") so open pages can refresh.
    """

    actor_changed = Signal(object)
    busy_changed = Signal(str)
    data_changed = Signal(str)

    def __init__(
        self,
        services: Services,
        actor: Actor,
        settings: AppSettings,
        *,
        database_label: str = "",
        demo: bool = False,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self._actor = actor
        self.settings = settings
        self.database_label = database_label
        self.demo = demo
        self._person_opener: PersonOpener | None = None
        self._notifier: Notifier | None = None
        self._clearers: list[Callable[[], None]] = []
        self._labels: dict[object, str] = {}

    # -- who is acting -------------------------------------------------------------------
    @property
    def actor(self) -> Actor:
        return self._actor

    def set_actor(self, actor: Actor) -> None:
        """Called by the shell after switch user; pages listening to actor_changed rebuild."""
        self._actor = actor
        self.actor_changed.emit(actor)

    # -- shell services, wired by the main window -----------------------------------------
    def set_person_opener(self, opener: PersonOpener) -> None:
        self._person_opener = opener

    def set_notifier(self, notifier: Notifier) -> None:
        self._notifier = notifier

    def open_person(self, person_id: int, tab: str | None = None) -> None:
        """Open (or raise) the person's record, at ``tab`` (a key from ui.person.tabs)."""
        if self._person_opener is not None:
            self._person_opener(person_id, tab)

    def notify(self, message: str) -> None:
        """Show a short, non-blocking message (the status bar)."""
        if self._notifier is not None:
            self._notifier(message)

    # -- idle lock --------------------------------------------------------------------------
    def register_clear_personal_data(self, callback: Callable[[], None]) -> Callable[[], None]:
        """Call ``callback`` when the screen locks; returns a function that unregisters it.

        The callback must remove every piece of personal data from its widgets (it may
        reload it after unlock through ``refresh``).
        """
        self._clearers.append(callback)

        def unregister() -> None:
            if callback in self._clearers:
                self._clearers.remove(callback)

        return unregister

    def clear_personal_data(self) -> None:
        """Run every registered clear callback (the shell also clears its pages directly)."""
        for callback in list(self._clearers):
            try:
                callback()
            except Exception:  # one faulty page must not keep data on screen elsewhere
                log.error("clear_personal_data callback failed:\n%s", safe_traceback())

    # -- background work --------------------------------------------------------------------
    def run_in_background(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None] | None = None,
        progress_label: str = "",
        *,
        owner: QObject | None = None,
    ) -> None:
        """Run ``fn`` on a worker thread; ``on_done(result)`` / ``on_error(exc)`` run in the
        UI thread. ``progress_label`` is shown in the status bar while the task runs.

        ``fn`` must not touch widgets; call services only (each opens its own unit of work).
        Without ``on_error`` the error goes to the application's exception hook. Pass the
        widget that asked as ``owner``: if it is deleted meanwhile (a page rebuilt after a
        language switch, a closed record), the answer is dropped instead of reaching it.
        """
        key = object()
        self._labels[key] = progress_label

        def finish() -> None:
            self._labels.pop(key, None)
            labels = [label for label in self._labels.values() if label]
            self.busy_changed.emit(labels[0] if labels else "")

        def gone() -> bool:
            return owner is not None and not shiboken6.isValid(owner)

        def done(result: object) -> None:
            finish()
            if not gone():
                on_done(result)

        def failed(exc: BaseException) -> None:
            finish()
            if gone():
                return
            if on_error is not None:
                on_error(exc)
            else:
                raise exc

        if progress_label:
            self.busy_changed.emit(progress_label)
        run_task(fn, done, failed)

    @property
    def busy(self) -> bool:
        return bool(self._labels)


_running: set[_TaskSignals] = set()


def _sweep() -> None:
    for signals in [x for x in _running if x.delivered and x.ran.is_set()]:
        _running.discard(signals)


def run_task(
    fn: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None],
) -> None:
    """Run ``fn`` on the global thread pool; the callbacks run in the UI thread (queued
    signals). Used before a :class:`UiContext` exists (log-in) and by it."""

    def done(result: object) -> None:
        _sweep()
        on_done(result)

    def failed(exc: BaseException) -> None:
        _sweep()
        on_error(exc)

    signals = _TaskSignals(done, failed)
    _sweep()
    _running.add(signals)
    QThreadPool.globalInstance().start(_Task(fn, signals))


def wait_for_background_work(timeout_ms: int = 10_000) -> bool:
    """Block until every background task has finished (tests, benchmarks, shutdown)."""
    return QThreadPool.globalInstance().waitForDone(timeout_ms)


def safe_traceback(exc: BaseException | None = None) -> str:
    """A traceback of code locations only: exception type names, files, lines, functions.

    Never the exception message or local values: database errors carry statement
    parameters, which hold personal data.
    """
    if exc is None:
        exc = sys.exc_info()[1]
    if exc is None:
        return ""
    lines: list[str] = []
    for frame in traceback.extract_tb(exc.__traceback__):
        lines.append(f'  File "{frame.filename}", line {frame.lineno}, in {frame.name}')
    lines.append(type(exc).__module__ + "." + type(exc).__qualname__)
    return "\n".join(lines)
