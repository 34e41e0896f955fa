"""``audit verify``, ``audit list``, ``audit access-report``, ``audit retention`` and
``audit purge``."""

from __future__ import annotations

import argparse
import datetime as dt
from typing import Any

from clinic_app.cli.context import CommandContext, add_login_options
from clinic_app.errors import Invalid
from clinic_app.services.audit import AuditFilter

EXIT_TAMPERED = 1


def register(sub: Any) -> None:
    audit = sub.add_parser("audit", help="verify and read the audit log (administrators)")
    asub = audit.add_subparsers(dest="audit_command", metavar="ACTION", required=True)

    verify = asub.add_parser(
        "verify", help="check the hash chain; exit 1 with the first bad row if tampered"
    )
    verify.add_argument("--json", action="store_true", help="machine-readable output")
    add_login_options(verify)
    verify.set_defaults(handler=cmd_verify)

    lst = asub.add_parser("list", help="audit events, newest first, with filters")
    lst.add_argument("--user", dest="filter_user", metavar="USERNAME", help="events of this user")
    lst.add_argument("--person", metavar="CASE_REF", help="events about this person")
    lst.add_argument("--action", help="an action, or a prefix such as 'person' or 'user'")
    lst.add_argument("--since", type=_date, metavar="DATE", help="from this UTC day (YYYY-MM-DD)")
    lst.add_argument("--until", type=_date, metavar="DATE", help="to this UTC day, inclusive")
    lst.add_argument("--limit", type=int, default=100)
    lst.add_argument("--offset", type=int, default=0)
    lst.add_argument("--json", action="store_true", help="machine-readable output")
    lst.add_argument("--as", dest="user", metavar="USERNAME", help="log in as (or CLINIC_APP_USER)")
    lst.set_defaults(handler=cmd_list)

    report = asub.add_parser(
        "access-report", help="who viewed or changed one person's record, and when"
    )
    report.add_argument("case_ref")
    report.add_argument("--json", action="store_true", help="machine-readable output")
    add_login_options(report)
    report.set_defaults(handler=cmd_access_report)

    retention = asub.add_parser("retention", help="show or set how long audit rows are kept")
    retention.add_argument("--days", type=int, help="new retention in days (at least 184)")
    add_login_options(retention)
    retention.set_defaults(handler=cmd_retention)

    purge = asub.add_parser("purge", help="delete audit rows older than the retention period")
    purge.add_argument("--before", type=_date, required=True, metavar="DATE")
    purge.add_argument("--yes", action="store_true", help="confirm the deletion")
    add_login_options(purge)
    purge.set_defaults(handler=cmd_purge)


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError("use a date like 2026-01-31") from exc


def cmd_verify(ctx: CommandContext) -> int:
    ctx.demo_ok = True  # a demo database's log is reported, as proving nothing
    actor = ctx.login()
    result = ctx.services().audit_log.verify(actor)
    if ctx.as_json:
        ctx.print_json(result)
    elif result.ok:
        ctx.print(
            f"OK: {result.checked} audit rows verified (ids {result.first_id}-{result.last_id})."
        )
    else:
        where = f" at row id {result.first_bad_id}" if result.first_bad_id is not None else ""
        ctx.print(f"TAMPERED{where}: {result.reason}: {result.message}")
    return 0 if result.ok else EXIT_TAMPERED


def cmd_list(ctx: CommandContext) -> int:
    actor = ctx.login()
    a = ctx.args
    flt = AuditFilter(
        username=a.filter_user,
        case_ref=a.person,
        action=a.action,
        since=a.since,
        until=a.until,
    )
    page = ctx.services().audit_log.list_events(actor, flt, offset=a.offset, limit=a.limit)
    if ctx.as_json:
        ctx.print_json({"total": page.total, "items": page.items})
        return 0
    for e in page.items:
        ctx.print(
            f"{e.id:>8} {e.at:%Y-%m-%d %H:%M:%S} {e.username or '-':16} {e.action:28} "
            f"{e.case_ref or '':10} {e.outcome:8} {e.workstation}"
        )
    ctx.print(
        f"{page.total} events"
        + (f", {len(page.items)} shown" if page.total > len(page.items) else "")
    )
    return 0


def cmd_access_report(ctx: CommandContext) -> int:
    actor = ctx.login()
    services = ctx.services()
    person_id = services.audit_log.person_id_for(actor, ctx.args.case_ref)
    report = services.audit_log.access_report(actor, person_id)
    if ctx.as_json:
        ctx.print_json(report)
        return 0
    ctx.print(f"Access to case {report.case_ref or person_id}: {len(report.entries)} events")
    for e in report.entries:
        if e.listed:
            who = e.display_name or e.username or "-"
            ctx.print(
                f"{e.at:%Y-%m-%d %H:%M:%S} appeared in {e.listed_in} by {who} "
                f"({e.username or '-'}, {e.role}) {e.workstation}"
            )
            continue
        ctx.print(
            f"{e.at:%Y-%m-%d %H:%M:%S} {e.username or '-':16} {e.role:14} {e.action:28} "
            f"{e.outcome:8} {e.workstation}"
        )
    return 0


def cmd_retention(ctx: CommandContext) -> int:
    actor = ctx.login()
    log = ctx.services().audit_log
    if ctx.args.days is not None:
        log.set_retention_days(actor, ctx.args.days)
    ctx.print(f"Audit rows are kept {log.retention_days()} days.")
    return 0


def cmd_purge(ctx: CommandContext) -> int:
    if not ctx.args.yes:
        raise Invalid("yes", "required", "Purging deletes audit rows for good: add --yes.")
    actor = ctx.login()
    result = ctx.services().audit_log.purge(actor, ctx.args.before)
    ctx.print(
        f"Deleted {result.deleted} audit rows from before {result.before}; "
        f"the log now starts at row id {result.first_remaining_id}."
    )
    return 0
