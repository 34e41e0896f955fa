"""Is there a database at this location? Checked before anything opens (and so creates) one.

SQLite creates a missing file on connect and treats a zero-byte file as a new, empty
database: a mistyped path would silently become an empty database whose log-in then fails
("wrong password"). Only the commands that create a database (``init``, ``demo``) and the
desktop app's first start may open a location where no database exists yet.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.engine import make_url

from clinic_app.errors import StorageError
from clinic_app.storage.open import database_path, keyfile_path


def check_database_file(url: str, *, must_exist: bool) -> Path | None:
    """Refuse a location that holds no database: StorageError with code ``no_database``
    (missing, when ``must_exist``), ``not_a_file`` (a folder) or ``empty_file`` (zero bytes).

    Returns the file path (None for non-file databases such as PostgreSQL or memory).
    """
    path = _file_of(url)
    if path is None:
        return None
    if path.is_dir():
        raise StorageError("not_a_file", f"{path} is a folder, not a database file.")
    if not path.exists():
        if keyfile_path(path).exists():
            raise StorageError(
                "no_database",
                f"The database {path.name} is missing (its key file is there): restore a "
                "backup with `clinic-app restore`; no empty database is put in its place.",
            )
        if must_exist:
            raise StorageError(
                "no_database",
                f"There is no database at {path}. Check the path (--db or CLINIC_APP_DB); "
                "`clinic-app init` creates a new database. Nothing was created.",
            )
        return path
    if path.stat().st_size == 0 and not _has_wal(path):
        hint = " (its key file is there: restore a backup)" if keyfile_path(path).exists() else ""
        raise StorageError(
            "empty_file",
            f"{path.name} is an empty file, not a database{hint}; it was not changed. "
            "Check the path, or restore a backup with `clinic-app restore`.",
        )
    return path


def _file_of(url: str) -> Path | None:
    """The file behind ``url``, also for SQLite URI form (``file:/path?mode=ro&uri=true``)."""
    path = database_path(url)
    if path is None:
        return None
    text = str(path)
    if text.startswith("file:") and make_url(url).query.get("uri") in ("true", "1"):
        return Path(text.removeprefix("file:").split("?", 1)[0])
    return path


def _has_wal(path: Path) -> bool:
    wal = path.with_name(path.name + "-wal")
    return wal.exists() and wal.stat().st_size > 0
