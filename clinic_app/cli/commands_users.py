"""``users list|add|disable|enable|unlock|set-role|reset-password`` (administrators only)."""

from __future__ import annotations

import getpass
import os
import sys
from typing import Any

from clinic_app.cli.context import CommandContext, add_login_options
from clinic_app.config import workstation_name
from clinic_app.errors import Invalid, NotFound
from clinic_app.services.users import UserView
from clinic_app.storage.open import ENV_RECOVERY_KEY
from clinic_app.vocabulary import Role

ENV_NEW_PASSWORD = "CLINIC_APP_NEW_PASSWORD"  # noqa: S105 - a variable name, for scripted use


def register(sub: Any) -> None:
    users = sub.add_parser("users", help="user accounts (administrators)")
    usub = users.add_subparsers(dest="users_command", metavar="ACTION", required=True)

    lst = usub.add_parser("list", help="all accounts")
    lst.add_argument("--json", action="store_true", help="machine-readable output")
    add_login_options(lst)
    lst.set_defaults(handler=cmd_list)

    roles = ", ".join(r.value for r in Role)
    add = usub.add_parser(
        "add", help=f"create an account; password from {ENV_NEW_PASSWORD} or a prompt"
    )
    add.add_argument("username")
    add.add_argument("--name", required=True, help="display name")
    add.add_argument("--role", required=True, type=Role, metavar="ROLE", help=roles)
    add.add_argument("--site", metavar="CODE", help="site code (e.g. SH1)")
    _reason(add)
    add_login_options(add)
    add.set_defaults(handler=cmd_add)

    for name, handler, text in (
        ("disable", cmd_disable, "stop an account from logging in"),
        ("enable", cmd_enable, "let a disabled account log in again"),
        ("unlock", cmd_unlock, "unlock an account locked after failed log-ins"),
        ("reset-password", cmd_reset_password, f"set a new password (from {ENV_NEW_PASSWORD})"),
    ):
        p = usub.add_parser(name, help=text)
        p.add_argument("username")
        _reason(p)
        add_login_options(p)
        if name == "unlock":
            p.add_argument(
                "--recovery-key",
                action="store_true",
                help=f"no log-in: prove the database's recovery key instead (prompted, or "
                f"{ENV_RECOVERY_KEY}); the way back when every administrator is locked out",
            )
        p.set_defaults(handler=handler)

    role = usub.add_parser("set-role", help="change an account's role")
    role.add_argument("username")
    role.add_argument("role", type=Role, metavar="ROLE", help=roles)
    _reason(role)
    add_login_options(role)
    role.set_defaults(handler=cmd_set_role)


def _reason(parser: Any) -> None:
    parser.add_argument("--reason", required=True, help="why (kept in the audit log)")


def _new_password() -> str:
    password = os.environ.get(ENV_NEW_PASSWORD)
    if password is not None:
        return password
    if not sys.stdin.isatty():
        raise Invalid("password", "required", f"Set {ENV_NEW_PASSWORD} or run interactively.")
    password = getpass.getpass("New password (12+ characters): ")
    if getpass.getpass("Repeat the password: ") != password:
        raise Invalid("password", "mismatch", "The passwords differ.")
    return password


def _line(u: UserView) -> str:
    state = "locked" if u.locked else ("active" if u.active else "disabled")
    return f"{u.username:20} {u.role.value:15} {u.site_name or '-':24} {state:8} {u.display_name}"


def cmd_list(ctx: CommandContext) -> int:
    actor = ctx.login()
    users = ctx.services().users.list_users(actor)
    if ctx.as_json:
        ctx.print_json(users)
    else:
        for u in users:
            ctx.print(_line(u))
    return 0


def cmd_add(ctx: CommandContext) -> int:
    actor = ctx.login()
    services = ctx.services()
    site_id = None
    if ctx.args.site:
        code = ctx.args.site.strip().upper()
        site = next((s for s in services.reference.sites() if s.code == code), None)
        if site is None:
            raise NotFound("site", code)
        site_id = site.id
    view = services.users.create_user(
        actor,
        ctx.args.username,
        ctx.args.name,
        _new_password(),
        ctx.args.role,
        site_id,
        reason=_required_reason(ctx),
    )
    ctx.print(f"Created {_line(view)}")
    return 0


def _required_reason(ctx: CommandContext) -> str:
    reason = str(ctx.args.reason or "").strip()
    if not reason:
        raise Invalid("reason", "required", "Give a reason with --reason.")
    return reason


def _target(ctx: CommandContext) -> tuple[Any, int]:
    actor = ctx.login()
    return actor, ctx.services().users.find(actor, ctx.args.username).id


def cmd_disable(ctx: CommandContext) -> int:
    actor, uid = _target(ctx)
    ctx.print(_line(ctx.services().users.set_active(actor, uid, False, ctx.args.reason)))
    return 0


def cmd_enable(ctx: CommandContext) -> int:
    actor, uid = _target(ctx)
    ctx.print(_line(ctx.services().users.set_active(actor, uid, True, ctx.args.reason)))
    return 0


def cmd_unlock(ctx: CommandContext) -> int:
    if ctx.args.recovery_key:
        key = os.environ.get(ENV_RECOVERY_KEY)
        if key is None:
            if not sys.stdin.isatty():
                raise Invalid("recovery_key", "required", f"Set {ENV_RECOVERY_KEY}.")
            key = getpass.getpass("Recovery key: ")
        view = ctx.services().users.unlock_with_recovery_key(
            ctx.db_url, ctx.args.username, key, ctx.args.reason, workstation_name() + " (cli)"
        )
        ctx.print(_line(view))
        return 0
    actor, uid = _target(ctx)
    ctx.print(_line(ctx.services().users.unlock(actor, uid, ctx.args.reason)))
    return 0


def cmd_set_role(ctx: CommandContext) -> int:
    actor, uid = _target(ctx)
    ctx.print(_line(ctx.services().users.change_role(actor, uid, ctx.args.role, ctx.args.reason)))
    return 0


def cmd_reset_password(ctx: CommandContext) -> int:
    actor, uid = _target(ctx)
    password = _new_password()
    ctx.print(_line(ctx.services().users.reset_password(actor, uid, password, ctx.args.reason)))
    return 0
