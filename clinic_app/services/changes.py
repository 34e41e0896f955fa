"""Hearing other workstations' changes on a shared (PostgreSQL) database: LISTEN/NOTIFY.

Every committed write NOTIFYs :data:`~clinic_app.services.database.CHANGE_CHANNEL` with the
tables and person ids it touched (see :class:`~clinic_app.services.database.Database`). A
:class:`ChangeFeed` holds one extra connection that LISTENs; the UI watches its socket and
refreshes what is open. Nothing is polled: the server pushes a few bytes per change.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from clinic_app.errors import StorageError
from clinic_app.services.database import CHANGE_CHANNEL, Database


@dataclass(frozen=True)
class Change:
    """What another workstation committed: table names and person ids (no personal data)."""

    tables: frozenset[str]
    person_ids: frozenset[int]

    def touches(self, *tables: str) -> bool:
        return bool(self.tables.intersection(tables))


def parse_change(payload: str) -> tuple[str, Change] | None:
    """The origin and change announced by ``payload`` (None if it is not one of ours)."""
    try:
        doc = json.loads(payload)
        return str(doc["o"]), Change(
            frozenset(str(t) for t in doc["t"]), frozenset(int(p) for p in doc["p"])
        )
    except (KeyError, TypeError, ValueError):
        return None


class ChangeFeed:
    """One listening connection to the shared database; ``poll`` returns others' changes."""

    def __init__(self, db: Database) -> None:
        self._db = db
        self._conn: Any = None

    @staticmethod
    def available(db: Database) -> bool:
        return db.engine.dialect.name == "postgresql"

    def open(self) -> int:
        """Connect and LISTEN; the socket's file descriptor, readable when news arrives."""
        import psycopg

        engine = self._db.engine
        args, kwargs = engine.dialect.create_connect_args(engine.url)
        try:
            self._conn = psycopg.connect(*args, **kwargs, autocommit=True)
            self._conn.execute(f"LISTEN {CHANGE_CHANNEL}")
        except psycopg.Error as exc:
            self.close()
            raise StorageError("connection_lost", "The database server cannot be reached.") from exc
        return int(self._conn.fileno())

    @property
    def is_open(self) -> bool:
        return self._conn is not None and not self._conn.closed

    def poll(self) -> list[Change]:
        """Changes other processes committed since the last poll (never blocks)."""
        import psycopg

        if self._conn is None:
            return []
        found: list[Change] = []
        try:
            for note in self._conn.notifies(timeout=0, stop_after=None):
                parsed = parse_change(note.payload)
                if parsed is not None and parsed[0] != self._db.origin:
                    found.append(parsed[1])
        except psycopg.Error as exc:
            self.close()
            raise StorageError(
                "connection_lost", "The database server connection was lost."
            ) from exc
        return found

    def close(self) -> None:
        if self._conn is not None:
            try:
                self._conn.close()
            finally:
                self._conn = None
