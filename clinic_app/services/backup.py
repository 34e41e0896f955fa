"""Backups and restores for administrators: verified, rotated, audited.

The Administration screen and ``clinic-app backup/restore`` call this module. Long calls
(``run``, ``restore_over_live``, :func:`restore_to_new`) take a ``progress(done, total)``
callback and belong off the UI thread.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, select

from clinic_app.config import data_dir
from clinic_app.errors import Invalid, StorageError
from clinic_app.models import AppSetting
from clinic_app.security.context import Actor
from clinic_app.security.permissions import Action, require
from clinic_app.services.audit_trail import AuditTrail
from clinic_app.services.chain_head import remember
from clinic_app.services.common import clean_text
from clinic_app.services.database import Database
from clinic_app.storage import backup as store
from clinic_app.storage import pg_backup
from clinic_app.storage.migrate import current_revision
from clinic_app.storage.open import (
    engine_key,
    keyfile_path,
    new_recovery_key_for,
    read_keyfile,
    resolve_key,
)
from clinic_app.storage.sharing import is_shared_url

SETTING_FOLDER = "backup_folder"
SETTING_KEEP = "backup_keep"  # "daily,weekly,monthly", e.g. "7,4,12"
SETTING_AUTO = "backup_daily"  # "1": make a backup at start-up when the last is a day old
DEFAULT_KEEP = (7, 4, 12)
PRE_MIGRATION_TAG = "pre-migration"
BEFORE_RESTORE_TAG = "before-restore"


@dataclass(frozen=True)
class BackupSettings:
    folder: str
    keep_daily: int
    keep_weekly: int
    keep_monthly: int
    daily_automatic: bool


@dataclass(frozen=True)
class BackupEntry:
    """One backup in the folder, as listed on the Administration screen."""

    path: str
    created_at: dt.datetime
    size: int
    rows: int
    encrypted: bool
    tag: str


@dataclass(frozen=True)
class BackupResult:
    path: str
    created_at: dt.datetime
    tables: int
    rows: int
    size: int
    encrypted: bool
    verified: bool
    removed: tuple[str, ...]


@dataclass(frozen=True)
class RestoreResult:
    path: str
    rows: int
    safety_copy: str | None


def default_folder() -> Path:
    return data_dir() / "backups"


def _now() -> dt.datetime:
    # Names and manifests use UTC, seconds precision.
    return dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)


def backup_folder(given: str | None, configured: str) -> Path:
    """The folder a backup goes to: ``given`` (checked) or the configured one."""
    text = clean_text("folder", given, max_len=4000)
    target = Path(text).expanduser() if text else Path(configured)
    if target.exists() and not target.is_dir():
        raise Invalid("folder", "not_a_folder", f"{target} is a file; give a folder for backups.")
    return target


def _unique_time(folder: Path, tag: str) -> dt.datetime:
    at = _now()
    while (folder / store.backup_name(at, tag)).exists():
        at += dt.timedelta(seconds=1)
    return at


def _entry(path: Path) -> BackupEntry:
    m = store.read_manifest(path)
    name = path.name.removesuffix(".db").removesuffix(".dump")
    tag = name[len("clinic-backup-YYYYMMDD-HHMMSS") + 1 :]
    return BackupEntry(str(path), m.created_at, m.size, m.rows, m.encrypted, tag)


class BackupService:
    """Backup settings, making and listing backups, and restoring over the open database."""

    def __init__(self, db: Database, audit: AuditTrail) -> None:
        self._db = db
        self._audit = audit
        self._shared = is_shared_url(db.engine.url)

    def _chain_verifies(self, engine: Engine) -> bool:
        """The audit chain of a restored copy verifies under this database's key."""
        from clinic_app.services.audit import verify_log

        return verify_log(Database(engine), self._audit).ok

    # -- settings ---------------------------------------------------------------------

    def settings(self, actor: Actor) -> BackupSettings:
        require(actor, Action.BACKUP_RUN)
        return self._settings()

    def _settings(self) -> BackupSettings:
        with self._db.read() as s:
            rows = dict(
                s.execute(
                    select(AppSetting.key, AppSetting.value).where(
                        AppSetting.key.in_((SETTING_FOLDER, SETTING_KEEP, SETTING_AUTO))
                    )
                ).all()
            )
        keep = _parse_keep(rows.get(SETTING_KEEP, ""))
        return BackupSettings(
            folder=rows.get(SETTING_FOLDER) or str(default_folder()),
            keep_daily=keep[0],
            keep_weekly=keep[1],
            keep_monthly=keep[2],
            daily_automatic=rows.get(SETTING_AUTO) == "1",
        )

    def configure(
        self,
        actor: Actor,
        *,
        folder: str | None = None,
        keep: tuple[int, int, int] | None = None,
        daily_automatic: bool | None = None,
    ) -> BackupSettings:
        """Change where backups go, how many are kept, and whether one is made daily."""
        require(actor, Action.BACKUP_RUN)
        changes: dict[str, str] = {}
        if folder is not None:
            path = Path(folder.strip()).expanduser()
            if not folder.strip() or not path.is_absolute():
                raise Invalid("folder", "not_absolute", "Choose a full folder path.")
            changes[SETTING_FOLDER] = str(path)
        if keep is not None:
            if any(k < 0 or k > 366 for k in keep) or sum(keep) == 0:
                raise Invalid("keep", "out_of_range", "Keep between 0 and 366 of each kind.")
            changes[SETTING_KEEP] = ",".join(str(k) for k in keep)
        if daily_automatic is not None:
            changes[SETTING_AUTO] = "1" if daily_automatic else "0"
        with self._db.write() as s:
            for key, value in changes.items():
                s.merge(AppSetting(key=key, value=value))
            self._audit.record(s, actor, "backup.configure", details={"fields": sorted(changes)})
        return self._settings()

    # -- backups ----------------------------------------------------------------------

    def run(
        self,
        actor: Actor,
        folder: str | None = None,
        progress: store.Progress | None = None,
        *,
        deep: bool = False,
    ) -> BackupResult:
        """Make a verified backup now, then apply the rotation to the folder."""
        require(actor, Action.BACKUP_RUN)
        cfg = self._settings()
        target = backup_folder(folder, cfg.folder)
        try:
            if self._shared:
                manifest = pg_backup.write_backup(
                    self._db.engine,
                    target,
                    at=_unique_time(target, ""),
                    schema_revision=current_revision(self._db.engine) or "",
                    check=self._chain_verifies,
                )
            else:
                manifest, _snap = store.write_backup(
                    self._db.engine,
                    target,
                    at=_unique_time(target, ""),
                    schema_revision=current_revision(self._db.engine) or "",
                    progress=progress,
                    deep=deep,
                )
        except StorageError as exc:
            with self._db.write() as s:
                self._audit.record(
                    s, actor, str(Action.BACKUP_RUN), outcome="failed", details={"code": exc.code}
                )
            raise
        removed = store.rotate(
            target, daily=cfg.keep_daily, weekly=cfg.keep_weekly, monthly=cfg.keep_monthly
        )
        with self._db.write() as s:
            self._audit.record(
                s,
                actor,
                str(Action.BACKUP_RUN),
                target=manifest.path.name,
                details={
                    "tables": len(manifest.counts),
                    "rows": manifest.rows,
                    "encrypted": manifest.encrypted,
                    "rotated_out": len(removed),
                },
            )
        return BackupResult(
            path=str(manifest.path),
            created_at=manifest.created_at,
            tables=len(manifest.counts),
            rows=manifest.rows,
            size=manifest.size,
            encrypted=manifest.encrypted,
            verified=True,
            removed=tuple(str(p) for p in removed),
        )

    def run_if_due(
        self, actor: Actor, progress: store.Progress | None = None
    ) -> BackupResult | None:
        """The optional daily backup: made when enabled and the newest is a day old."""
        cfg = self.settings(actor)
        if not cfg.daily_automatic:
            return None
        newest = [t for p in store.list_backups(Path(cfg.folder)) if (t := store.backup_time(p))]
        if newest and _now() - max(newest) < dt.timedelta(days=1):
            return None
        return self.run(actor, progress=progress)

    def list_backups(self, actor: Actor, folder: str | None = None) -> tuple[BackupEntry, ...]:
        """Backups in the folder, newest first (those without a readable manifest left out)."""
        require(actor, Action.BACKUP_RUN)
        target = Path(folder).expanduser() if folder else Path(self._settings().folder)
        entries = []
        for path in reversed(store.list_backups(target)):
            try:
                entries.append(_entry(path))
            except StorageError:
                continue
        return tuple(entries)

    def verify(self, actor: Actor, path: str, recovery_key: str | None = None) -> BackupEntry:
        """Check a stored backup: checksum, integrity, row counts; audited."""
        require(actor, Action.BACKUP_RUN)
        backup = Path(path)
        if self._shared:
            pg_backup.check_backup(self._db.engine, backup, self._chain_verifies)
        else:
            key = _backup_key(backup, self._db.engine, recovery_key)
            store.check_backup(backup, self._db.engine.dialect.dbapi, key)
        with self._db.write() as s:
            self._audit.record(s, actor, "backup.verify", target=backup.name)
        return _entry(backup)

    def restore_over_live(
        self,
        actor: Actor,
        path: str,
        progress: store.Progress | None = None,
    ) -> RestoreResult:
        """Replace the open database's contents with a verified backup of the same database.

        A verified safety copy of the current state is made first (in the backup folder).
        """
        require(actor, Action.RESTORE_RUN)
        backup = Path(path)
        engine = self._db.engine
        if self._shared:
            return self._restore_dump_over_live(actor, backup)
        live_key = engine_key(engine)
        manifest = store.read_manifest(backup)
        if manifest.encrypted != (live_key is not None):
            raise StorageError(
                "key_mismatch",
                "The backup and this database differ in encryption; restore "
                "it to a new file instead.",
            )
        if live_key is not None:
            live_path = Path(str(engine.url.database))
            live_kf = read_keyfile(keyfile_path(live_path))
            if live_kf is None or live_kf.key_id != manifest.key_id:
                raise StorageError(
                    "key_mismatch",
                    "The backup has another key than this database; restore it to a new file.",
                )
        dbapi = engine.dialect.dbapi
        store.check_backup(backup, dbapi, live_key)
        folder = Path(self._settings().folder)
        safety, _ = store.write_backup(
            engine,
            folder,
            at=_unique_time(folder, BEFORE_RESTORE_TAG),
            tag=BEFORE_RESTORE_TAG,
            schema_revision=current_revision(engine) or "",
        )
        src = store._connect(dbapi, backup, live_key)
        raw = engine.raw_connection()
        try:
            store._copy_pages(src, raw.driver_connection, progress)
            live = raw.driver_connection
            store.check_integrity(live)
            counts = store.snapshot(live).counts
        finally:
            raw.close()
            src.close()
        if counts != manifest.counts:
            raise StorageError(
                "verify_failed",
                f"The restored database differs from the backup; the safety copy is {safety.path}.",
            )
        with self._db.write() as s:
            self._audit.record(
                s,
                actor,
                str(Action.RESTORE_RUN),
                target=backup.name,
                details={"rows": manifest.rows, "safety_copy": safety.path.name},
            )
        remember(self._db, self._audit, restored=True)  # a restore made here moves it back
        return RestoreResult(str(Path(str(engine.url.database))), manifest.rows, str(safety.path))

    def _restore_dump_over_live(self, actor: Actor, backup: Path) -> RestoreResult:
        """PostgreSQL: check the dump (scratch restore, chain), dump the current state as a
        safety copy, then replace the contents in one transaction (the owner role)."""
        engine = self._db.engine
        if not backup.name.endswith(".dump"):
            raise Invalid("file", "not_a_dump", "A shared database restores a .dump backup.")
        manifest = pg_backup.check_backup(engine, backup, self._chain_verifies)
        folder = Path(self._settings().folder)
        safety = pg_backup.write_backup(
            engine,
            folder,
            at=_unique_time(folder, BEFORE_RESTORE_TAG),
            tag=BEFORE_RESTORE_TAG,
            schema_revision=current_revision(engine) or "",
        )
        engine.dispose()  # our idle pooled connections must not hold the tables
        counts = pg_backup.restore_into(engine, backup, clean=True)
        if counts != manifest.counts:
            raise StorageError(
                "verify_failed",
                f"The restored database differs from the backup; the safety copy is {safety.path}.",
            )
        with self._db.write() as s:
            self._audit.record(
                s,
                actor,
                str(Action.RESTORE_RUN),
                target=backup.name,
                details={"rows": manifest.rows, "safety_copy": safety.path.name},
            )
        return RestoreResult(self._db.url_for_display, manifest.rows, str(safety.path))

    def new_recovery_key(self, actor: Actor) -> str:
        """Replace the recovery key of this encrypted database; the new one is shown once."""
        require(actor, Action.BACKUP_RUN)
        recovery_key = new_recovery_key_for(self._db.engine)
        with self._db.write() as s:
            self._audit.record(s, actor, "key.new_recovery")
        return recovery_key

    def record_restored(self, source_name: str, rows: int) -> None:
        """Audit, in a database just restored from a backup, where it came from."""
        with self._db.write() as s:
            self._audit.record(
                s,
                None,
                str(Action.RESTORE_RUN),
                target=source_name[:100],
                details={"rows": rows, "to": "new file"},
                username="(restore)",
            )
        remember(self._db, self._audit, restored=True)


def _parse_keep(text: str) -> tuple[int, int, int]:
    try:
        daily, weekly, monthly = (int(x) for x in text.split(","))
    except ValueError:
        return DEFAULT_KEEP
    return daily, weekly, monthly


def _backup_key(backup: Path, engine: Engine | None, recovery_key: str | None) -> bytes | None:
    """The key that opens ``backup``: the open database's if it is the same key, else the
    keychain's for the backup's key id, else the recovery key."""
    manifest = store.read_manifest(backup)
    if not manifest.encrypted:
        return None
    if engine is not None:
        live = engine_key(engine)
        kf = read_keyfile(keyfile_path(Path(str(engine.url.database))))
        if live is not None and kf is not None and kf.key_id == manifest.key_id:
            return live
    key, _kf = resolve_key(backup, recovery_key)
    return key


def _dbapi(encrypted: bool) -> object:
    if encrypted:
        import sqlcipher3

        return sqlcipher3
    import sqlite3

    return sqlite3


def restore_to_new(
    backup: Path,
    target: Path,
    *,
    recovery_key: str | None = None,
    progress: store.Progress | None = None,
) -> RestoreResult:
    """Restore a verified backup into a new database file (never over an existing one).

    Works without any open database (a new computer): the key comes from the keychain or
    the recovery key, and the backup's key file is placed next to the new database.
    """
    if target.exists() or keyfile_path(target).exists():
        raise StorageError("exists", f"{target} already exists; choose a new file name.")
    manifest = store.read_manifest(backup)
    key = _backup_key(backup, None, recovery_key)
    dbapi = _dbapi(manifest.encrypted)
    store.check_backup(backup, dbapi, key)
    target.parent.mkdir(parents=True, exist_ok=True)
    part = target.with_name(target.name + ".part")
    part.unlink(missing_ok=True)
    try:
        store.copy_database(backup, part, dbapi, key, progress)
        store.verify_file(part, dbapi, key, store.Snapshot(manifest.counts, None))
        if manifest.encrypted:
            shutil.copyfile(keyfile_path(backup), keyfile_path(target))
        os.replace(part, target)
    except BaseException:
        part.unlink(missing_ok=True)
        raise
    return RestoreResult(str(target), manifest.rows, None)


def restore_dump_to_new(backup: Path, url: str) -> RestoreResult:
    """Restore a checked PostgreSQL dump into an *empty* database at ``url`` (never over
    data): the workstations joined to the original open the copy with their keychains."""
    from clinic_app.storage.engine import make_engine

    manifest = store.read_manifest(backup)
    if store._sha256(backup) != manifest.sha256:
        raise StorageError("verify_failed", f"{backup.name} was changed or damaged since written.")
    engine = make_engine(url)
    try:
        if current_revision(engine) is not None:
            raise StorageError("exists", "That database is not empty; give a new, empty one.")
        counts = pg_backup.restore_into(engine, backup, clean=False)
    finally:
        engine.dispose()
    if counts != manifest.counts:
        raise StorageError("verify_failed", "The restored database differs from the backup.")
    return RestoreResult(url, manifest.rows, None)


def backup_before_migration(engine: Engine, folder: Path | None = None) -> Path | None:
    """The automatic, verified backup made before a schema migration (None: new database)."""
    revision = current_revision(engine)
    if revision is None:
        return None
    if folder is None:
        folder = _configured_folder(engine) or default_folder()
    if is_shared_url(engine.url):
        return pg_backup.write_backup(
            engine,
            folder,
            at=_unique_time(folder, PRE_MIGRATION_TAG),
            tag=PRE_MIGRATION_TAG,
            schema_revision=revision,
        ).path
    manifest, _ = store.write_backup(
        engine,
        folder,
        at=_unique_time(folder, PRE_MIGRATION_TAG),
        tag=PRE_MIGRATION_TAG,
        schema_revision=revision,
    )
    return manifest.path


def _configured_folder(engine: Engine) -> Path | None:
    try:
        with engine.connect() as conn:
            value = conn.execute(
                select(AppSetting.value).where(AppSetting.key == SETTING_FOLDER)
            ).scalar()
    except Exception:  # an old schema may lack the table; the default folder will do
        return None
    return Path(value) if value else None
