"""The database handle services use: one unit of work (session + transaction) per use case."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine
from sqlalchemy.exc import DatabaseError, IntegrityError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from clinic_app.errors import Invalid, StorageError


class Database:
    """Wraps an engine; hands out sessions that commit on success and roll back on error."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._writer = sessionmaker(bind=engine, expire_on_commit=False)
        self._reader = sessionmaker(
            bind=engine.execution_options(write=False), expire_on_commit=False
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
        except (OperationalError, DatabaseError) as exc:
            session.rollback()
            if isinstance(exc, IntegrityError):
                raise
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


def storage_error(exc: DatabaseError | OperationalError) -> StorageError:
    """Translate driver errors into a plain 'not saved' reason without personal data."""
    text = str(exc.orig).lower() if exc.orig is not None else ""
    if "full" in text and "disk" in text:
        return StorageError("disk_full", "The disk is full: nothing was saved.")
    if "readonly" in text or "read-only" in text:
        return StorageError("read_only", "The database is read-only: nothing was saved.")
    if "locked" in text or "busy" in text:
        return StorageError("locked", "The database is locked by another program; try again.")
    if "not a database" in text or "encrypted" in text:
        return StorageError("not_a_database", "The file is not a database or the key is wrong.")
    return StorageError("io", "The database could not be read or written: nothing was saved.")
