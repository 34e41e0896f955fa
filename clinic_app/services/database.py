"""The database handle services use: one unit of work (session + transaction) per use case."""

from __future__ import annotations

import itertools
import json
import re
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Engine, event, text
from sqlalchemy.exc import DatabaseError, IntegrityError, OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from clinic_app.errors import Conflict, Invalid, StorageError
from clinic_app.models import Person

CHANGE_CHANNEL = "clinic_app_changes"
_CHANGES = "clinic_app_changes"
# Bookkeeping that every view writes: announcing it would make workstations refresh each
# other's lists for ever (a list view is itself audited).
QUIET_TABLES = frozenset({"audit_event", "audit_anchor", "login_failure", "workstation_enrolment"})
_MAX_PERSONS = 200  # NOTIFY payloads are small; beyond this, "some persons" is as useful


def _note_changes(session: Session, _flush_context: Any) -> None:
    """Collect the tables and persons a flush wrote, for the announcement at commit."""
    tables, persons = session.info.setdefault(_CHANGES, (set(), set()))
    for obj in itertools.chain(session.new, session.dirty, session.deleted):
        table = getattr(type(obj), "__tablename__", None)
        if not isinstance(table, str) or table in QUIET_TABLES:
            continue
        tables.add(table)
        pid = obj.id if isinstance(obj, Person) else getattr(obj, "person_id", None)
        if isinstance(pid, int) and len(persons) < _MAX_PERSONS:
            persons.add(pid)
    if not tables:
        session.info.pop(_CHANGES, None)


def change_payload(origin: str, tables: set[str], persons: set[int]) -> str:
    """The NOTIFY payload: table names and internal ids only, never personal data."""
    return json.dumps({"o": origin, "t": sorted(tables), "p": sorted(persons)})


# What a stale-data error's table is called in a Conflict (as services name it).
_CONFLICT_NAMES = {"app_user": "user", "action_plan": "plan", "action_plan_version": "plan"}
_TABLE_IN_MESSAGE = re.compile(r"on table '([a-z_]+)'")


class Database:
    """Wraps an engine; hands out sessions that commit on success and roll back on error.

    On PostgreSQL every committed change also NOTIFYs the other workstations (in the same
    transaction, so only what was committed is announced): see :mod:`.changes`.
    """

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._writer = sessionmaker(bind=engine, expire_on_commit=False)
        self._reader = sessionmaker(
            bind=engine.execution_options(write=False), expire_on_commit=False
        )
        # Tells this process's own announcements from other workstations'.
        self.origin = secrets.token_hex(8)
        if engine.dialect.name == "postgresql":
            event.listen(self._writer, "after_flush", _note_changes)
            event.listen(self._writer, "before_commit", self._announce)

    def _announce(self, session: Session) -> None:
        session.flush()  # before_commit precedes commit's own flush: collect everything now
        changed = session.info.pop(_CHANGES, None)
        if changed is None:
            return
        tables, persons = changed
        payload = change_payload(self.origin, tables, persons)
        session.execute(
            text("SELECT pg_notify(:channel, :payload)"),
            {
                "channel": CHANGE_CHANNEL,
                "payload": payload,
            },
        )

    @property
    def url_for_display(self) -> str:
        """The database location without any password, for status bars and logs."""
        return self.engine.url.render_as_string(hide_password=True)

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A unit of work that may change data; committed only if the block succeeds."""
        with self._session(self._writer) as session:
            yield session

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only unit of work (still rolled back at the end, never committed)."""
        with self._session(self._reader, commit=False) as session:
            yield session

    @contextmanager
    def _session(self, factory: sessionmaker[Session], commit: bool = True) -> Iterator[Session]:
        session = factory()
        try:
            yield session
            if commit:
                session.commit()
            # A read-only session is simply closed: the connection's transaction is rolled
            # back, while loaded objects stay readable (not expired) for the caller.
        except StaleDataError as exc:
            # Another workstation saved the same row between our read and our write.
            session.rollback()
            raise stale_conflict(exc) from exc
        except (OperationalError, DatabaseError) as exc:
            session.rollback()
            if isinstance(exc, IntegrityError):
                raise
            if is_concurrency_failure(exc):
                raise Conflict("record") from exc
            raise storage_error(exc) from exc
        except OverflowError as exc:
            # An id or number beyond SQLite's 64-bit integers: it matches nothing and is input
            # the caller must refuse, not a crash (the services check the fields they know).
            session.rollback()
            raise Invalid("number", "out_of_range", "The number is too large.") from exc
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def dispose(self) -> None:
        self.engine.dispose()


def stale_conflict(exc: StaleDataError) -> Conflict:
    """The "changed by someone else" Conflict for a versioned row that another saved first."""
    found = _TABLE_IN_MESSAGE.search(str(exc))
    table = found.group(1) if found else "record"
    return Conflict(_CONFLICT_NAMES.get(table, table))


# SQLSTATEs of PostgreSQL's own concurrency refusals: retrying the action succeeds.
_CONCURRENCY_SQLSTATES = ("40001", "40P01")  # serialization failure, deadlock detected


def is_concurrency_failure(exc: DatabaseError | OperationalError) -> bool:
    """A write refused because another transaction touched the same rows at the same moment."""
    return getattr(exc.orig, "sqlstate", None) in _CONCURRENCY_SQLSTATES


# libpq's words when the server went away (restart, network cut, idle connection killed).
_CONNECTION_LOST = (
    "server closed the connection",
    "terminating connection",
    "connection refused",
    "could not connect",
    "connection timed out",
    "no route to host",
    "connection is closed",
    "the connection is lost",
    "consuming input failed",
    "could not receive data",
    "could not send data",
    "ssl syscall error",
    "connection reset",
)


def storage_error(exc: DatabaseError | OperationalError) -> StorageError:
    """Translate driver errors into a plain 'not saved' reason without personal data."""
    text = str(exc.orig).lower() if exc.orig is not None else ""
    if getattr(exc, "connection_invalidated", False) or any(w in text for w in _CONNECTION_LOST):
        return StorageError(
            "connection_lost",
            "The connection to the database server was lost: this action was not saved. "
            "Try again; the app reconnects by itself once the server answers.",
        )
    if "ssl" in text or "certificate" in text:
        return StorageError(
            "tls",
            "The secure (TLS) connection to the database server failed: check the CA file "
            "(sslrootcert) and that the server's certificate names this host.",
        )
    if "password authentication failed" in text or "no password supplied" in text:
        return StorageError("server_login", "The database server refused the role or its password.")
    if "permission denied" in text or "must be owner" in text:
        return StorageError(
            "permission_denied", "The database server refused this for the app's role."
        )
    if "full" in text and "disk" in text:
        return StorageError("disk_full", "The disk is full: nothing was saved.")
    if "readonly" in text or "read-only" in text:
        return StorageError("read_only", "The database is read-only: nothing was saved.")
    if "locked" in text or "busy" in text:
        return StorageError("locked", "The database is locked by another program; try again.")
    if "not a database" in text or "encrypted" in text:
        return StorageError("not_a_database", "The file is not a database or the key is wrong.")
    return StorageError("io", "The database could not be read or written: nothing was saved.")
