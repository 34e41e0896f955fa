"""``backup``, ``restore``, ``retention`` and ``key`` commands (administrators)."""

from __future__ import annotations

import getpass
import os
import sys
from pathlib import Path
from typing import Any

from clinic_app.cli.context import CommandContext, add_login_options
from clinic_app.errors import Invalid, StorageError
from clinic_app.services.backup import restore_dump_to_new, restore_to_new
from clinic_app.services.container import build_services, open_database
from clinic_app.storage.engine import is_encrypted_url
from clinic_app.storage.open import (
    ENV_RECOVERY_KEY,
    encrypted_url,
    keyfile_path,
    store_key_in_keychain,
)
from clinic_app.storage.sharing import is_shared_url, without_password


def register(sub: Any) -> None:
    b = sub.add_parser("backup", help="make a verified backup (rotated: daily, weekly, monthly)")
    b.add_argument("--to", metavar="DIR", help="backup folder (default: the configured one)")
    b.add_argument("--list", action="store_true", help="list the backups instead")
    b.add_argument("--json", action="store_true", help="machine-readable output")
    add_login_options(b)
    b.set_defaults(handler=cmd_backup)

    r = sub.add_parser("restore", help="restore a backup into a new database file")
    r.add_argument("file", help="the backup file (clinic-backup-....db)")
    dest = r.add_mutually_exclusive_group(required=True)
    dest.add_argument(
        "--to",
        metavar="NEW_DB",
        help="a new database file to create, or an empty PostgreSQL database's URL (.dump)",
    )
    dest.add_argument(
        "--over-live",
        action="store_true",
        help="replace the open database (a verified safety copy is made first)",
    )
    r.add_argument("--yes", action="store_true", help="confirm --over-live")
    r.add_argument(
        "--recovery-key", help=f"if the key is not in the keychain (or {ENV_RECOVERY_KEY})"
    )
    add_login_options(r)
    r.set_defaults(handler=cmd_restore)

    ret = sub.add_parser("retention", help="anonymise or erase closed cases past retention")
    rsub = ret.add_subparsers(dest="retention_command", metavar="ACTION", required=True)
    prev = rsub.add_parser("preview", help="list what a run would do")
    prev.add_argument("--json", action="store_true", help="machine-readable output")
    add_login_options(prev)
    prev.set_defaults(handler=cmd_retention_preview)
    run = rsub.add_parser("run", help="apply the retention policy now")
    run.add_argument("--yes", action="store_true", help="confirm")
    add_login_options(run)
    run.set_defaults(handler=cmd_retention_run)
    pol = rsub.add_parser("policy", help="show or set the retention policy")
    pol.add_argument("--years", type=int)
    pol.add_argument("--mode", choices=("anonymise", "erase"))
    add_login_options(pol)
    pol.set_defaults(handler=cmd_retention_policy)

    k = sub.add_parser("key", help="database key: recover into the keychain, new recovery key")
    ksub = k.add_subparsers(dest="key_command", metavar="ACTION", required=True)
    rec = ksub.add_parser("recover", help="unlock with the recovery key; store the key again")
    rec.add_argument("--recovery-key", help=f"(or {ENV_RECOVERY_KEY}, or a prompt)")
    rec.set_defaults(handler=cmd_key_recover)
    new = ksub.add_parser("new-recovery", help="replace the recovery key (shown once)")
    add_login_options(new)
    new.set_defaults(handler=cmd_key_new_recovery)


def _progress(done: int, total: int) -> None:
    if sys.stderr.isatty():
        print(f"\r{done}/{total} pages   ", end="", file=sys.stderr, flush=True)


def _recovery_key(ctx: CommandContext, prompt: bool) -> str | None:
    given = getattr(ctx.args, "recovery_key", None) or os.environ.get(ENV_RECOVERY_KEY)
    if given or not prompt:
        return given
    if not sys.stdin.isatty():
        raise Invalid("recovery_key", "required", f"Give --recovery-key or set {ENV_RECOVERY_KEY}.")
    return getpass.getpass("Recovery key: ")


def cmd_backup(ctx: CommandContext) -> int:
    actor = ctx.login()
    svc = ctx.services().backup
    if ctx.args.list:
        entries = svc.list_backups(actor, ctx.args.to)
        if ctx.as_json:
            ctx.print_json(entries)
        for e in () if ctx.as_json else entries:
            ctx.print(f"{e.created_at:%Y-%m-%d %H:%M}  {e.rows:>9} rows  {e.size:>12} B  {e.path}")
        return 0
    result = svc.run(actor, ctx.args.to, progress=_progress)
    if ctx.as_json:
        ctx.print_json(result)
        return 0
    ctx.print(f"Backup written and verified: {result.path}")
    ctx.print(
        f"{result.tables} tables, {result.rows} rows; "
        f"encrypted: {'yes' if result.encrypted else 'no'}."
    )
    if result.removed:
        ctx.print(f"Rotation removed {len(result.removed)} older backup(s).")
    return 0


def cmd_restore(ctx: CommandContext) -> int:
    backup = Path(ctx.args.file).expanduser()
    if ctx.args.over_live:
        if not ctx.args.yes:
            raise Invalid(
                "yes",
                "required",
                "Restoring over the open database needs --yes (a safety copy is made first).",
            )
        actor = ctx.login()
        result = ctx.services().backup.restore_over_live(actor, str(backup), progress=_progress)
        ctx.print(f"Restored {result.rows} rows over {result.path}.")
        ctx.print(f"Safety copy of the previous state: {result.safety_copy}")
        return 0
    if "://" in ctx.args.to and is_shared_url(ctx.args.to):
        shared = restore_dump_to_new(backup, ctx.args.to)
        db = open_database(ctx.args.to)
        try:
            build_services(db).backup.record_restored(backup.name, shared.rows)
        finally:
            db.dispose()
        ctx.print(f"Restored and verified {shared.rows} rows into {without_password(ctx.args.to)}.")
        ctx.print("Check it: clinic-app --db URL audit verify")
        return 0
    target = Path(ctx.args.to).expanduser().resolve()
    recovery_key = _recovery_key(ctx, prompt=False)
    result = restore_to_new(backup, target, recovery_key=recovery_key, progress=_progress)
    url = encrypted_url(target) if keyfile_path(backup).exists() else f"sqlite:///{target}"
    db = open_database(url, recovery_key=recovery_key)
    try:
        build_services(db).backup.record_restored(backup.name, result.rows)
    finally:
        db.dispose()
    ctx.print(f"Restored and verified {result.rows} rows into {target}.")
    ctx.print(f"Open it with: clinic-app --db '{url}' ...")
    return 0


def cmd_retention_preview(ctx: CommandContext) -> int:
    actor = ctx.login()
    preview = ctx.services().retention.preview(actor)
    if ctx.as_json:
        ctx.print_json(preview)
        return 0
    ctx.print(
        f"Policy: {preview.policy.mode} closed cases archived before {preview.cutoff} "
        f"({preview.policy.years} years)."
    )
    for c in preview.candidates:
        rows = ", ".join(f"{t} {n}" for t, n in sorted(c.rows.items()))
        ctx.print(f"  {c.action:9} {c.case_ref:14} archived {c.archived_on}  ({rows})")
    ctx.print(f"{len(preview.candidates)} case(s) would be changed.")
    return 0


def cmd_retention_run(ctx: CommandContext) -> int:
    if not ctx.args.yes:
        raise Invalid(
            "yes", "required", "Run `retention preview` first, then `retention run --yes`."
        )
    actor = ctx.login()
    outcome = ctx.services().retention.run(actor)
    ctx.print(f"Anonymised {len(outcome.anonymised)}, erased {len(outcome.erased)} case(s).")
    if not outcome.checkpointed:
        ctx.print("Another program has the database open: the WAL will be cleared later.")
    return 0


def cmd_retention_policy(ctx: CommandContext) -> int:
    actor = ctx.login()
    svc = ctx.services().retention
    policy = svc.policy(actor)
    if ctx.args.years is not None or ctx.args.mode is not None:
        policy = svc.set_policy(
            actor,
            ctx.args.years if ctx.args.years is not None else policy.years,
            ctx.args.mode or policy.mode,
        )
    ctx.print(f"{policy.mode} closed cases {policy.years} years after they were archived.")
    return 0


def cmd_key_recover(ctx: CommandContext) -> int:
    if not is_encrypted_url(ctx.db_url):
        raise StorageError("not_encrypted", "This database is not encrypted; it has no key.")
    recovery_key = _recovery_key(ctx, prompt=True)
    assert recovery_key is not None
    store_key_in_keychain(ctx.db_url, recovery_key)
    ctx.print("The database key is in this computer's keychain again.")
    return 0


def cmd_key_new_recovery(ctx: CommandContext) -> int:
    actor = ctx.login()
    recovery_key = ctx.services().backup.new_recovery_key(actor)
    ctx.print("NEW RECOVERY KEY (the old one no longer opens this database file):")
    ctx.print("")
    ctx.print(f"    {recovery_key}")
    ctx.print("")
    ctx.print("Backups made earlier still open with the recovery key of their time.")
    return 0
