"""Refresh what is open when another workstation commits a change (PostgreSQL NOTIFY).

Watches the :class:`~clinic_app.services.changes.ChangeFeed` socket with a QSocketNotifier,
so the event loop wakes only when the server pushes news; changes arriving together are
merged for a moment, then ``changed`` fires once. A lost connection is retried quietly.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QSocketNotifier, QTimer, Signal

from clinic_app.errors import StorageError
from clinic_app.services.changes import Change, ChangeFeed
from clinic_app.services.database import Database

log = logging.getLogger(__name__)

MERGE_MS = 400
RETRY_MS = 5000


class LiveUpdates(QObject):
    """Signals ``changed(Change)`` for other workstations' commits, at most every MERGE_MS."""

    changed = Signal(object)

    def __init__(self, db: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._feed = ChangeFeed(db)
        self._notifier: QSocketNotifier | None = None
        self._pending: list[Change] = []
        self._merge = QTimer(self, singleShot=True, interval=MERGE_MS)
        self._merge.timeout.connect(self._emit)
        self._retry = QTimer(self, singleShot=True, interval=RETRY_MS)
        self._retry.timeout.connect(self.start)

    @staticmethod
    def available(db: Database) -> bool:
        return ChangeFeed.available(db)

    @property
    def listening(self) -> bool:
        return self._feed.is_open

    def start(self) -> None:
        try:
            fd = self._feed.open()
        except StorageError:
            log.warning("Live updates: server not reachable; retrying")
            self._retry.start()
            return
        self._notifier = QSocketNotifier(fd, QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._readable)

    def stop(self) -> None:
        self._retry.stop()
        self._merge.stop()
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier.deleteLater()
            self._notifier = None
        self._feed.close()

    def _readable(self) -> None:
        try:
            news = self._feed.poll()
        except StorageError:
            log.warning("Live updates: connection lost; retrying")
            self.stop()
            self._retry.start()
            return
        if news:
            self._pending.extend(news)
            if not self._merge.isActive():
                self._merge.start()

    def _emit(self) -> None:
        if not self._pending:
            return
        merged = Change(
            frozenset().union(*(c.tables for c in self._pending)),
            frozenset().union(*(c.person_ids for c in self._pending)),
        )
        self._pending = []
        self.changed.emit(merged)
