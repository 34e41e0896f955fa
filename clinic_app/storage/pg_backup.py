"""Backups of a shared PostgreSQL database with ``pg_dump`` (custom format), verified.

A backup is ``clinic-backup-YYYYMMDD-HHMMSS.dump`` plus the same manifest as a local backup
(``.dump.json``: time, row counts per table, schema revision, SHA-256; no personal data).

The dump is taken from an exported snapshot: the row counts in the manifest are counted in
the very transaction ``pg_dump`` reads, while the workstations keep writing. Before the dump
counts, it is restored into a scratch database on the same server, whose row counts must
equal the snapshot's and whose audit chain must verify (the caller's check); the scratch
database is then dropped. The role running the backup needs CREATEDB for that check.
"""

from __future__ import annotations

import datetime as dt
import os
import secrets
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import psycopg
from psycopg import sql
from sqlalchemy import URL, Engine, create_engine
from sqlalchemy.pool import NullPool

from clinic_app.errors import StorageError
from clinic_app.storage.backup import (
    BackupManifest,
    _fsync,
    _sha256,
    backup_name,
    read_manifest,
    write_manifest,
)

CLIENT_PACKAGE = "postgresql-client"
# A check of the restored scratch copy (e.g. the audit chain); True when it passes.
ScratchCheck = Callable[[Engine], bool]


def tool(name: str) -> str:
    """The path of a PostgreSQL client program, or a message naming the package."""
    found = shutil.which(name)
    if found is None:
        raise StorageError(
            "pg_tools_missing",
            f"{name} is not installed: install the Debian package {CLIENT_PACKAGE} "
            f"(`apt-get install {CLIENT_PACKAGE}`), the server's major version or newer.",
        )
    return found


def _connect_kwargs(url: URL, engine: Engine) -> dict[str, Any]:
    """libpq's connection options for ``url`` (host, dbname, sslmode, ...), as the app uses."""
    _args, kwargs = engine.dialect.create_connect_args(url)
    # Only libpq's own options (the dialect adds Python objects such as adapters).
    return {k: v for k, v in kwargs.items() if isinstance(v, str | int) and k != "context"}


def _libpq(kwargs: dict[str, Any]) -> tuple[str, dict[str, str]]:
    """A conninfo string without the password, and the environment that carries it."""
    kw = dict(kwargs)
    password = kw.pop("password", None)
    kw.pop("connect_timeout", None)
    env = dict(os.environ)
    if password:
        env["PGPASSWORD"] = str(password)
    return psycopg.conninfo.make_conninfo(**{k: str(v) for k, v in kw.items()}), env


def _run(args: list[str], env: dict[str, str], what: str) -> None:
    done = subprocess.run(args, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        # pg_dump/pg_restore messages name objects, never row contents.
        detail = (done.stderr or "").strip().splitlines()[-1:] or [""]
        raise StorageError("backup_failed", f"{what} failed: {detail[0][:300]}")


def table_counts(conn: psycopg.Connection[Any]) -> dict[str, int]:
    """Rows per table of the public schema, in the connection's current transaction."""
    names = [
        r[0]
        for r in conn.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
        )
    ]
    counts: dict[str, int] = {}
    for name in names:
        row = conn.execute(sql.SQL("SELECT count(*) FROM {}").format(sql.Identifier(name)))
        counts[name] = int(row.fetchone()[0])  # type: ignore[index]
    return counts


def write_backup(
    engine: Engine,
    folder: Path,
    *,
    at: dt.datetime,
    tag: str = "",
    schema_revision: str = "",
    check: ScratchCheck | None = None,
) -> BackupManifest:
    """Dump the database behind ``engine`` into ``folder``; verified before it counts."""
    dump_tool, restore_tool = tool("pg_dump"), tool("pg_restore")
    folder.mkdir(parents=True, exist_ok=True)
    while (folder / backup_name(at, tag, ext="dump")).exists():
        at += dt.timedelta(seconds=1)
    dest = folder / backup_name(at, tag, ext="dump")
    part = dest.with_name(dest.name + ".part")
    part.unlink(missing_ok=True)
    kwargs = _connect_kwargs(engine.url, engine)
    conninfo, env = _libpq(kwargs)
    try:
        with psycopg.connect(**kwargs, autocommit=True) as conn:
            conn.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            snapshot_id = conn.execute("SELECT pg_export_snapshot()").fetchone()[0]  # type: ignore[index]
            counts = table_counts(conn)
            _run(
                [
                    dump_tool,
                    "--format=custom",
                    f"--snapshot={snapshot_id}",
                    f"--file={part}",
                    f"--dbname={conninfo}",
                ],
                env,
                "pg_dump",
            )
            conn.execute("ROLLBACK")
        verify_dump(engine, part, counts, check=check, restore_tool=restore_tool)
        _fsync(part)
        os.replace(part, dest)
    except psycopg.Error as exc:
        part.unlink(missing_ok=True)
        raise StorageError("backup_failed", "The database server could not be read.") from exc
    except BaseException:
        part.unlink(missing_ok=True)
        raise
    manifest = BackupManifest(
        path=dest,
        created_at=at,
        encrypted=False,
        key_id="",
        counts=counts,
        schema_revision=schema_revision,
        sha256=_sha256(dest),
        size=dest.stat().st_size,
    )
    write_manifest(manifest)
    return manifest


def verify_dump(
    engine: Engine,
    dump: Path,
    counts: dict[str, int],
    *,
    check: ScratchCheck | None = None,
    restore_tool: str | None = None,
) -> None:
    """Restore ``dump`` into a scratch database: same row counts, and ``check`` passes."""
    restore_tool = restore_tool or tool("pg_restore")
    kwargs = _connect_kwargs(engine.url, engine)
    scratch = f"clinic_verify_{secrets.token_hex(6)}"
    admin_kwargs = {**kwargs, "autocommit": True}
    try:
        with psycopg.connect(**admin_kwargs) as conn:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(scratch)))
    except psycopg.errors.InsufficientPrivilege as exc:
        raise StorageError(
            "backup_failed",
            "Checking a backup restores it into a scratch database: run backups with a role "
            "that may create databases (the owner role, CREATEDB).",
        ) from exc
    try:
        scratch_kwargs = {**kwargs, "dbname": scratch}
        conninfo, env = _libpq(scratch_kwargs)
        _run(
            [
                restore_tool,
                "--exit-on-error",
                "--no-owner",
                "--no-privileges",
                f"--dbname={conninfo}",
                str(dump),
            ],
            env,
            "pg_restore",
        )
        with psycopg.connect(**scratch_kwargs) as conn:
            restored = table_counts(conn)
        if restored != counts:
            raise StorageError(
                "verify_failed", "The restored dump's row counts differ from the database's."
            )
        if check is not None:
            scratch_engine = create_engine(
                engine.url.set(database=scratch), hide_parameters=True, poolclass=NullPool
            )
            try:
                ok = check(scratch_engine)
            finally:
                scratch_engine.dispose()
            if not ok:
                raise StorageError("verify_failed", "The audit chain in the dump does not verify.")
    finally:
        with psycopg.connect(**admin_kwargs) as conn:
            conn.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(scratch))
            )


def check_backup(engine: Engine, dump: Path, check: ScratchCheck | None = None) -> BackupManifest:
    """A stored dump: checksum, then a full restore into a scratch database."""
    m = read_manifest(dump)
    if not dump.exists():
        raise StorageError("no_backup", f"{dump.name} does not exist.")
    if _sha256(dump) != m.sha256:
        raise StorageError("verify_failed", f"{dump.name} was changed or damaged since written.")
    verify_dump(engine, dump, m.counts, check=check)
    return m


def restore_into(engine: Engine, dump: Path, *, clean: bool) -> dict[str, int]:
    """Restore a checked dump into the database behind ``engine`` in one transaction
    (``clean``: replacing what is there; needs the owner role). Returns its row counts."""
    restore_tool = tool("pg_restore")
    kwargs = _connect_kwargs(engine.url, engine)
    conninfo, env = _libpq(kwargs)
    args = [restore_tool, "--exit-on-error", "--single-transaction", "--no-owner"]
    if clean:
        args += ["--clean", "--if-exists"]
    # The grants are in the dump: the application role keeps its rights, and only those.
    _run([*args, f"--dbname={conninfo}", str(dump)], env, "pg_restore")
    with psycopg.connect(**kwargs, autocommit=True) as conn:
        conn.execute("ANALYZE")  # a restored database has no planner statistics yet
        return table_counts(conn)
