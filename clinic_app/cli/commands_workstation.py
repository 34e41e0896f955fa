"""``workstation join|enrol|list|revoke``: several workstations on one shared database."""

from __future__ import annotations

import getpass
import os
import sys
from typing import Any

from clinic_app.cli.context import ENV_PASSWORD, ENV_USER, CommandContext, add_login_options
from clinic_app.config import workstation_name
from clinic_app.errors import Invalid
from clinic_app.services.container import join, open_database
from clinic_app.storage.open import ENV_RECOVERY_KEY
from clinic_app.storage.sharing import (
    ENV_DB_PASSWORD,
    is_shared_url,
    remember_password,
    without_password,
)

ENV_CODE = "CLINIC_APP_ENROLMENT_CODE"


def register(sub: Any) -> None:
    ws = sub.add_parser("workstation", help="join, list and revoke workstations (shared database)")
    wsub = ws.add_subparsers(dest="workstation_command", metavar="ACTION", required=True)

    j = wsub.add_parser(
        "join",
        help="join this computer to the shared database (an administrator, with an enrolment "
        "code from a joined workstation or the recovery key)",
    )
    how = j.add_mutually_exclusive_group()
    how.add_argument("--code", help=f"the one-time enrolment code (or {ENV_CODE})")
    how.add_argument(
        "--recovery-key",
        action="store_true",
        help=f"use the recovery key (prompted, or {ENV_RECOVERY_KEY})",
    )
    j.add_argument("--name", help="this workstation's name (default: the computer's name)")
    add_login_options(j)
    j.set_defaults(handler=cmd_join)

    e = wsub.add_parser("enrol", help="make a one-time code that joins one more workstation")
    e.add_argument("--hours", type=int, default=2, help="valid for this many hours (default 2)")
    add_login_options(e)
    e.set_defaults(handler=cmd_enrol)

    lst = wsub.add_parser("list", help="the joined workstations, revoked ones included")
    lst.add_argument("--json", action="store_true", help="machine-readable output")
    add_login_options(lst)
    lst.set_defaults(handler=cmd_list)

    rv = wsub.add_parser("revoke", help="stop a workstation from writing (lost or retired)")
    rv.add_argument("workstation_id", metavar="ID", help="the id (or its first 8 characters)")
    rv.add_argument("--reason", required=True, help="why (kept in the audit log)")
    add_login_options(rv)
    rv.set_defaults(handler=cmd_revoke)


def _secret(env: str, prompt: str, field: str) -> str:
    value = os.environ.get(env)
    if value:
        return value
    if not sys.stdin.isatty():
        raise Invalid(field, "required", f"Set {env} or run interactively.")
    return getpass.getpass(prompt)


def cmd_join(ctx: CommandContext) -> int:
    url = ctx.db_url
    if not is_shared_url(url):
        raise Invalid(
            "db", "not_shared", "Give the shared database's URL: --db postgresql+psycopg://..."
        )
    server_password = os.environ.get(ENV_DB_PASSWORD)
    if server_password:
        remember_password(url, server_password)
    username = getattr(ctx.args, "user", None) or os.environ.get(ENV_USER)
    if not username:
        raise Invalid("user", "required", f"Give --user (an administrator) or set {ENV_USER}.")
    password = _secret(ENV_PASSWORD, "Administrator password: ", "password")
    code: str | None = None
    recovery_key: str | None = None
    if ctx.args.recovery_key:
        recovery_key = _secret(ENV_RECOVERY_KEY, "Recovery key: ", "recovery_key")
    else:
        code = ctx.args.code or _secret(ENV_CODE, "Enrolment code: ", "code")
    db = open_database(url, joining=True)
    try:
        joined = join(
            db,
            username=username,
            password=password,
            name=ctx.args.name or workstation_name(),
            code=code,
            recovery_key=recovery_key,
        )
    finally:
        db.dispose()
    ctx.print(f"Joined this workstation as {joined.label}.")
    ctx.print("The shared audit key is now in this computer's keychain.")
    ctx.print(f"Open the database with --db {without_password(url)} (or set CLINIC_APP_DB).")
    return 0


def cmd_enrol(ctx: CommandContext) -> int:
    actor = ctx.login()
    enrolment = ctx.services().workstations.enrol(actor, ctx.args.hours)
    ctx.print("ENROLMENT CODE (one workstation, once; shown only now):")
    ctx.print("")
    ctx.print(f"    {enrolment.code}")
    ctx.print("")
    ctx.print(f"Valid until {enrolment.expires_at:%Y-%m-%d %H:%M} UTC. On the new workstation:")
    ctx.print("    clinic-app --db URL workstation join --user ADMIN --code CODE")
    return 0


def cmd_list(ctx: CommandContext) -> int:
    actor = ctx.login()
    rows = ctx.services().workstations.list(actor)
    if ctx.as_json:
        ctx.print_json(rows)
        return 0
    for w in rows:
        state = f"revoked {w.revoked_at:%Y-%m-%d} by {w.revoked_by}" if w.revoked_at else "active"
        mark = " (this one)" if w.this_one else ""
        ctx.print(
            f"{w.id[:8]}  {w.name}{mark}  joined {w.joined_at:%Y-%m-%d} "
            f"({w.joined_with}{' by ' + w.joined_by if w.joined_by else ''})  {state}"
        )
    return 0


def cmd_revoke(ctx: CommandContext) -> int:
    actor = ctx.login()
    w = ctx.services().workstations.revoke(actor, ctx.args.workstation_id, ctx.args.reason)
    ctx.print(f"Revoked {w.label}: it can no longer write to the database.")
    return 0
