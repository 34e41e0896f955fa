"""Engine factory for SQLite (default), SQLCipher and PostgreSQL, with safe connection settings."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import URL, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.pool import QueuePool

# Pragmas applied to every SQLite connection: durability first, then safety of erased data.
SQLITE_PRAGMAS = (
    "PRAGMA foreign_keys = ON",
    "PRAGMA journal_mode = WAL",
    "PRAGMA synchronous = FULL",
    "PRAGMA busy_timeout = 10000",
    "PRAGMA secure_delete = ON",
    "PRAGMA temp_store = MEMORY",
)


CIPHER_DRIVER = "pysqlcipher"


def is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def is_encrypted_url(url: str) -> bool:
    """True for ``sqlite+pysqlcipher://`` URLs (SQLCipher, encrypted at rest)."""
    parsed = make_url(url)
    return parsed.get_backend_name() == "sqlite" and parsed.get_driver_name() == CIPHER_DRIVER


def make_engine(url: str, **kwargs: Any) -> Engine:
    """Create an engine; never logs statement parameters (they hold personal data).

    An encrypted URL is opened with its key from the keychain (or the recovery key), and
    verified before it is returned: see :func:`clinic_app.storage.open.open_engine`.
    """
    if is_encrypted_url(url):
        from clinic_app.storage.open import open_engine

        return open_engine(url)
    backend = make_url(url).get_backend_name()
    if backend == "sqlite":
        return _sqlite_engine(url, **kwargs)
    return _server_engine(url, **kwargs)


def _server_engine(url: str, **kwargs: Any) -> Engine:
    """A database server (PostgreSQL): the password from the keychain, dead connections
    replaced before use (a server restart or a network cut costs one failed action at most)."""
    from clinic_app.storage.sharing import check_tls_files, with_stored_password

    check_tls_files(url)
    connect_args = dict(kwargs.pop("connect_args", {}))
    if "connect_timeout" not in make_url(url).query:
        connect_args.setdefault("connect_timeout", 10)
    return create_engine(
        with_stored_password(url),
        hide_parameters=True,
        pool_pre_ping=True,
        connect_args=connect_args,
        **kwargs,
    )


def _sqlite_engine(url: str, **kwargs: Any) -> Engine:
    memory = make_url(url).database in (None, "", ":memory:")
    if memory:
        engine = create_engine(url, hide_parameters=True, **kwargs)
    else:
        engine = create_engine(url, hide_parameters=True, **_file_pool(kwargs))
    install_sqlite_listeners(engine)
    return engine


def _file_pool(kwargs: dict[str, Any]) -> dict[str, Any]:
    """Pooled connections for a database file.

    A connection per unit of work would re-read the schema each time and, as the last one
    closes, checkpoint and delete the WAL: measured, that doubles the cost of a save. Pooled
    connections hold no transaction (and so no lock) while idle; any thread may use one.
    """
    connect_args = {"check_same_thread": False, **kwargs.pop("connect_args", {})}
    return {"poolclass": QueuePool, "pool_use_lifo": True, "connect_args": connect_args, **kwargs}


def make_cipher_engine(path: Path, key: bytes, **kwargs: Any) -> Engine:
    """A SQLCipher engine for the file at ``path`` with the raw 256-bit ``key``.

    The key travels as SQLCipher's raw-key literal (no passphrase derivation on each
    connection); SQLAlchemy masks it in every rendering of the URL.
    """
    url = URL.create("sqlite+" + CIPHER_DRIVER, password=f"x'{key.hex()}'", database=str(path))
    engine = create_engine(url, hide_parameters=True, **_file_pool(kwargs))

    @event.listens_for(engine, "connect", insert=True)
    def _quiet(dbapi_conn: Any, _record: Any) -> None:
        # SQLCipher would otherwise print decryption failures on stderr.
        dbapi_conn.execute("PRAGMA cipher_log_level = NONE")

    install_sqlite_listeners(engine)
    return engine


def install_sqlite_listeners(engine: Engine) -> None:
    """Pragmas on connect, and explicit BEGIN so writes take the lock up front."""

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # Let SQLAlchemy, not the driver, decide when transactions begin.
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        try:
            for pragma in SQLITE_PRAGMAS:
                cur.execute(pragma)
        finally:
            cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        # Writers take the write lock at BEGIN (no deadlock on upgrade); readers do not.
        write = conn.get_execution_options().get("write", True)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def refresh_statistics(engine: Engine) -> None:
    """Update the query planner's statistics after a bulk load (demo data, a restore).

    PostgreSQL's autovacuum would do it eventually; until then, plans made without
    statistics can be a hundred times slower (measured: the dashboard, 50,000 persons).
    """
    with engine.connect() as conn:
        conn.exec_driver_sql("ANALYZE")
        conn.commit()
