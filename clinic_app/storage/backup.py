"""Online backups through the SQLite/SQLCipher backup API, verified before they count.

A backup is three files in the backup folder:

- ``clinic-backup-YYYYMMDD-HHMMSS.db``: the copy, encrypted with the same key as the
  database (SQLCipher copies pages as they are; a plain database gives a plain copy);
- ``....db.json``: the manifest (format, time, table row counts at snapshot time, schema
  revision, key id, SHA-256 of the file), no personal data;
- ``....db.keywrap``: a copy of the database's key file, so the recovery key opens the backup
  on any computer.

The copy is taken inside one read transaction on the source: what is copied and what is
counted are the same snapshot, while other connections keep writing (WAL).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import shutil
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError

from clinic_app.errors import StorageError
from clinic_app.storage.open import engine_key, keyfile_path, read_keyfile

MANIFEST_FORMAT = "clinic-app-backup-1"
# .db: a SQLite/SQLCipher copy; .dump: a PostgreSQL custom-format dump (storage.pg_backup).
NAME_RE = re.compile(r"^clinic-backup-(\d{8}-\d{6})(?:-[a-z-]+)?\.(?:db|dump)$")
PAGES_PER_STEP = 1024

# (pages done, pages in total); called from the thread doing the work.
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class BackupManifest:
    path: Path
    created_at: dt.datetime
    encrypted: bool
    key_id: str
    counts: dict[str, int]
    schema_revision: str
    sha256: str
    size: int

    @property
    def rows(self) -> int:
        return sum(self.counts.values())


@dataclass(frozen=True)
class Snapshot:
    counts: dict[str, int]
    hashes: dict[str, str] | None


def _driver(engine: Engine) -> Any:
    return engine.dialect.dbapi


def _connect(dbapi: Any, path: Path, key: bytes | None) -> Any:
    conn = dbapi.connect(str(path), isolation_level=None)
    if key is not None:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    conn.execute("PRAGMA busy_timeout = 10000")
    return conn


def tables(conn: Any) -> list[str]:
    rows = conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "ORDER BY name"
    ).fetchall()
    return [r[0] for r in rows]


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def snapshot(conn: Any, *, deep: bool = False) -> Snapshot:
    """Row counts (and, if ``deep``, content hashes) of every table, in the current transaction."""
    counts: dict[str, int] = {}
    hashes: dict[str, str] | None = {} if deep else None
    for name in tables(conn):
        counts[name] = int(conn.execute(f"SELECT count(*) FROM {_quote(name)}").fetchone()[0])
        if hashes is not None:
            digest = hashlib.sha256()
            for row in conn.execute(f"SELECT * FROM {_quote(name)} ORDER BY rowid"):
                digest.update(repr(tuple(row)).encode("utf-8"))
            hashes[name] = digest.hexdigest()
    return Snapshot(counts, hashes)


def check_integrity(conn: Any) -> None:
    result = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()]
    if result != ["ok"]:
        raise StorageError("corrupt", "The integrity check failed: the copy is damaged.")


def backup_name(at: dt.datetime, tag: str = "", ext: str = "db") -> str:
    return f"clinic-backup-{at:%Y%m%d-%H%M%S}{'-' + tag if tag else ''}.{ext}"


def _fsync(path: Path) -> None:
    with open(path, "rb") as fh:
        os.fsync(fh.fileno())


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _copy_pages(src: Any, dst: Any, progress: Progress | None) -> None:
    def step(_status: int, remaining: int, total: int) -> None:
        if progress is not None:
            progress(total - remaining, total)

    src.backup(dst, pages=PAGES_PER_STEP, progress=step)


def write_backup(
    engine: Engine,
    folder: Path,
    *,
    at: dt.datetime,
    tag: str = "",
    schema_revision: str = "",
    progress: Progress | None = None,
    deep: bool = False,
) -> tuple[BackupManifest, Snapshot]:
    """Back up the database behind ``engine`` into ``folder`` and verify the copy.

    Nothing is left under the final name unless the copy passed the integrity check and
    has, table by table, the row counts of the snapshot it was taken from.
    """
    src_path = Path(engine.url.database) if engine.url.database else None
    if src_path is None or engine.url.get_backend_name() != "sqlite":
        raise StorageError("unsupported", "Only local database files can be backed up here.")
    prepare_folder(folder)
    with folder_lock(folder):
        remove_stale_parts(folder)
        return _write_backup(
            engine, src_path, folder, at, tag, schema_revision, progress, deep=deep
        )


def prepare_folder(folder: Path) -> None:
    """Create the backup folder if needed; a clear error if it is a file or not writable."""
    if folder.exists() and not folder.is_dir():
        raise StorageError("not_a_folder", f"{folder} is a file, not a folder for backups.")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StorageError(
            "backup_failed", f"The backup folder cannot be created: {exc.strerror}."
        ) from exc


LOCK_NAME = ".clinic-backup.lock"


@contextmanager
def folder_lock(folder: Path) -> Iterator[None]:
    """Only one backup at a time writes into ``folder`` (across processes).

    The operating system releases the lock when its holder dies (kill -9 included), so a
    ``.part`` file found while holding it belongs to no running backup.
    """
    path = folder / LOCK_NAME
    try:
        fh = open(path, "a+b")  # noqa: SIM115 - held for the whole block
    except OSError as exc:
        raise StorageError(
            "backup_failed", f"The backup folder is not writable: {exc.strerror}."
        ) from exc
    try:
        if not _try_lock(fh):
            raise StorageError("busy", "Another backup is being written to this folder.")
        yield
    finally:
        fh.close()  # closing releases the lock


def _try_lock(fh: Any) -> bool:
    try:
        if sys.platform == "win32":  # pragma: no cover - Windows
            import msvcrt

            msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def remove_stale_parts(folder: Path) -> list[Path]:
    """Delete the half-written copies (``*.db.part``) of backups that were killed.

    Call only while holding :func:`folder_lock`: then no backup is writing any of them.
    """
    removed = []
    for p in folder.iterdir():
        if p.name.endswith(".part") and NAME_RE.match(p.name[: -len(".part")]):
            p.unlink(missing_ok=True)
            removed.append(p)
    return removed


def _write_backup(
    engine: Engine,
    src_path: Path,
    folder: Path,
    at: dt.datetime,
    tag: str,
    schema_revision: str,
    progress: Progress | None,
    *,
    deep: bool,
) -> tuple[BackupManifest, Snapshot]:
    dest = folder / backup_name(at, tag)
    if dest.exists():
        raise StorageError("exists", f"A backup named {dest.name} already exists.")
    part = dest.with_name(dest.name + ".part")
    part.unlink(missing_ok=True)
    key = engine_key(engine)
    dbapi = _driver(engine)
    raw = engine.raw_connection()
    try:
        src: Any = raw.driver_connection
        src.execute("BEGIN")
        try:
            snap = snapshot(src, deep=deep)
            dst = _connect(dbapi, part, key)
            try:
                _copy_pages(src, dst, progress)
            finally:
                dst.close()
        finally:
            src.execute("ROLLBACK")
    except DBAPIError as exc:
        part.unlink(missing_ok=True)
        raise StorageError("backup_failed", "The backup could not be written.") from exc
    except OSError as exc:
        part.unlink(missing_ok=True)
        raise StorageError(
            "backup_failed", f"The backup could not be written: {exc.strerror}."
        ) from exc
    except Exception as exc:
        part.unlink(missing_ok=True)
        if isinstance(exc, StorageError):
            raise
        if type(exc).__module__.startswith(("sqlite3", "sqlcipher3")):
            raise StorageError("backup_failed", "The backup could not be written.") from exc
        raise
    finally:
        raw.close()
    try:
        verify_file(part, dbapi, key, snap)
        _fsync(part)
        os.replace(part, dest)
    except BaseException:
        part.unlink(missing_ok=True)
        raise
    kf_src = keyfile_path(src_path)
    kf = read_keyfile(kf_src) if key is not None else None
    if kf is not None:
        shutil.copyfile(kf_src, keyfile_path(dest))
    manifest = BackupManifest(
        path=dest,
        created_at=at,
        encrypted=key is not None,
        key_id=kf.key_id if kf is not None else "",
        counts=snap.counts,
        schema_revision=schema_revision,
        sha256=_sha256(dest),
        size=dest.stat().st_size,
    )
    write_manifest(manifest)
    return manifest, snap


def verify_file(path: Path, dbapi: Any, key: bytes | None, expected: Snapshot) -> Snapshot:
    """Integrity check and row counts (and hashes, if expected has them) of a database file."""
    try:
        conn = _connect(dbapi, path, key)
    except Exception as exc:
        raise StorageError("verify_failed", "The backup cannot be opened.") from exc
    try:
        try:
            check_integrity(conn)
            found = snapshot(conn, deep=expected.hashes is not None)
        except StorageError:
            raise
        except Exception as exc:
            raise StorageError("verify_failed", "The backup cannot be read with this key.") from exc
    finally:
        conn.close()
    if found.counts != expected.counts:
        raise StorageError("verify_failed", "The backup's row counts differ from the source.")
    if expected.hashes is not None and found.hashes != expected.hashes:
        raise StorageError("verify_failed", "The backup's contents differ from the source.")
    return found


def manifest_path(backup: Path) -> Path:
    return backup.with_name(backup.name + ".json")


def write_manifest(m: BackupManifest) -> None:
    doc = {
        "format": MANIFEST_FORMAT,
        "created_at": m.created_at.isoformat(),
        "encrypted": m.encrypted,
        "key_id": m.key_id,
        "counts": m.counts,
        "schema_revision": m.schema_revision,
        "sha256": m.sha256,
        "size": m.size,
    }
    tmp = manifest_path(m.path).with_suffix(".tmp")
    tmp.write_text(json.dumps(doc, indent=2, sort_keys=True), encoding="utf-8")
    os.replace(tmp, manifest_path(m.path))


def read_manifest(backup: Path) -> BackupManifest:
    try:
        doc = json.loads(manifest_path(backup).read_text(encoding="utf-8"))
        if doc["format"] != MANIFEST_FORMAT:
            raise ValueError("format")
        return BackupManifest(
            path=backup,
            created_at=dt.datetime.fromisoformat(doc["created_at"]),
            encrypted=bool(doc["encrypted"]),
            key_id=str(doc["key_id"]),
            counts={str(k): int(v) for k, v in doc["counts"].items()},
            schema_revision=str(doc["schema_revision"]),
            sha256=str(doc["sha256"]),
            size=int(doc["size"]),
        )
    except FileNotFoundError as exc:
        raise StorageError(
            "no_manifest", f"{backup.name} has no manifest (.json) beside it."
        ) from exc
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise StorageError("no_manifest", f"The manifest of {backup.name} is damaged.") from exc


def check_backup(backup: Path, dbapi: Any, key: bytes | None) -> BackupManifest:
    """Verify a stored backup against its manifest: checksum, integrity, row counts."""
    m = read_manifest(backup)
    if not backup.exists():
        raise StorageError("no_backup", f"{backup.name} does not exist.")
    if _sha256(backup) != m.sha256:
        raise StorageError("verify_failed", f"{backup.name} was changed or damaged since written.")
    verify_file(backup, dbapi, key, Snapshot(m.counts, None))
    return m


def copy_database(
    src_path: Path,
    dst_path: Path,
    dbapi: Any,
    key: bytes | None,
    progress: Progress | None = None,
) -> None:
    """Copy a (not live) database file into ``dst_path`` with the backup API, then fsync."""
    src = _connect(dbapi, src_path, key)
    try:
        dst = _connect(dbapi, dst_path, key)
        try:
            _copy_pages(src, dst, progress)
        finally:
            dst.close()
    finally:
        src.close()
    _fsync(dst_path)


def list_backups(folder: Path) -> list[Path]:
    """Backups in ``folder`` (by name), oldest first."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if NAME_RE.match(p.name))


def backup_time(path: Path) -> dt.datetime | None:
    match = NAME_RE.match(path.name)
    if match is None:
        return None
    return dt.datetime.strptime(match.group(1), "%Y%m%d-%H%M%S")


def to_keep(
    times: Iterable[dt.datetime], *, daily: int = 7, weekly: int = 4, monthly: int = 12
) -> set[dt.datetime]:
    """Grandfather-father-son: the newest backup of each of the last ``daily`` days with a
    backup, of the last ``weekly`` ISO weeks and of the last ``monthly`` months."""
    ordered = sorted(set(times), reverse=True)
    keep: set[dt.datetime] = set(ordered[:1])
    for count, bucket in (
        (daily, lambda t: t.date()),
        (weekly, lambda t: tuple(t.isocalendar())[:2]),
        (monthly, lambda t: (t.year, t.month)),
    ):
        seen: set[object] = set()
        for t in ordered:
            b = bucket(t)
            if b not in seen and len(seen) < count:
                seen.add(b)
                keep.add(t)
    return keep


def rotate(folder: Path, *, daily: int = 7, weekly: int = 4, monthly: int = 12) -> list[Path]:
    """Delete the regular backups the rotation no longer keeps; returns what was deleted.

    Tagged backups (such as those made before a schema migration) are never rotated away.
    """
    regular = {
        t: p
        for p in list_backups(folder)
        if (t := backup_time(p)) is not None
        and p.name in (backup_name(t), backup_name(t, ext="dump"))
    }
    keep = to_keep(regular, daily=daily, weekly=weekly, monthly=monthly)
    removed = []
    for t, p in sorted(regular.items()):
        if t not in keep:
            for extra in (p, manifest_path(p), keyfile_path(p)):
                extra.unlink(missing_ok=True)
            removed.append(p)
    return removed
