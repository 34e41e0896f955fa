"""``timeline``, ``dashboard``, ``rules`` and ``deadlines refresh``."""

from __future__ import annotations

from typing import Any

from clinic_app.cli.context import CommandContext, add_login_options
from clinic_app.errors import NotFound
from clinic_app.rules import render
from clinic_app.services.dashboard import CATEGORIES, DashboardView
from clinic_app.services.timeline import RuleSetView, TimelineView

_CATEGORY_TITLES = {
    "overdue": "Overdue",
    "due_7_days": "Due within 7 days",
    "due_30_days": "Due within 30 days",
}


def register(sub: Any) -> None:
    timeline = sub.add_parser(
        "timeline", help="a person's legal status, deadlines and health entitlements"
    )
    timeline.add_argument("case_ref")
    timeline.add_argument("--json", action="store_true", help="machine-readable output")
    timeline.add_argument(
        "--language", choices=("en", "da"), default="en", help="language of the explanations"
    )
    add_login_options(timeline)
    timeline.set_defaults(handler=cmd_timeline)

    dashboard = sub.add_parser(
        "dashboard", help="what is overdue, due within 7 days and within 30 days"
    )
    which = dashboard.add_mutually_exclusive_group()
    which.add_argument("--site", metavar="CODE", help="a whole site (default: your own site)")
    which.add_argument(
        "--caseload", action="store_true", help="persons you are the contact person for"
    )
    dashboard.add_argument("--json", action="store_true", help="machine-readable output")
    add_login_options(dashboard)
    dashboard.set_defaults(handler=cmd_dashboard)

    rules = sub.add_parser("rules", help="the legal rule sets, their effective dates and sources")
    rules.add_argument("--json", action="store_true", help="machine-readable output")
    add_login_options(rules)
    rules.set_defaults(handler=cmd_rules)

    deadlines = sub.add_parser("deadlines", help="maintain the stored deadlines")
    dsub = deadlines.add_subparsers(dest="deadlines_command", metavar="ACTION", required=True)
    refresh = dsub.add_parser(
        "refresh", help="recompute every person's status and deadlines for today (daily job)"
    )
    refresh.add_argument("--json", action="store_true", help="machine-readable output")
    add_login_options(refresh)
    refresh.set_defaults(handler=cmd_refresh)


def cmd_timeline(ctx: CommandContext) -> int:
    actor = ctx.login()
    view = ctx.services().timeline.timeline_by_case_ref(actor, ctx.args.case_ref)
    if ctx.as_json:
        ctx.print_json(view)
    else:
        ctx.print(format_timeline(view, ctx.args.language))
    return 0


def cmd_dashboard(ctx: CommandContext) -> int:
    actor = ctx.login()
    svc = ctx.services()
    if ctx.args.site:
        code = ctx.args.site.strip().upper()
        site = next((x for x in svc.reference.sites() if x.code.upper() == code), None)
        if site is None:
            raise NotFound("site", code)
        view = svc.dashboard.dashboard(actor, "site", site.id)
        where = f"site {site.code}"
    elif ctx.args.caseload or actor.site_id is None:
        view = svc.dashboard.dashboard(actor, "caseload")
        where = "your caseload"
    else:
        view = svc.dashboard.dashboard(actor, "site", actor.site_id)
        where = "your site"
    if ctx.as_json:
        ctx.print_json(view)
    else:
        ctx.print(format_dashboard(view, where))
    return 0


def cmd_rules(ctx: CommandContext) -> int:
    actor = ctx.login()
    sets = ctx.services().timeline.rule_sets(actor)
    if ctx.as_json:
        ctx.print_json(sets)
    else:
        ctx.print("\n\n".join(format_rule_set(r) for r in sets))
    return 0


def cmd_refresh(ctx: CommandContext) -> int:
    actor = ctx.login()
    report = ctx.services().dashboard.refresh_all(actor)
    if ctx.as_json:
        ctx.print_json(report)
    else:
        ctx.print(f"{report.persons} persons checked, {report.changed} updated")
    return 0


def _d(value: object) -> str:
    return "-" if value is None else str(value)


def format_timeline(v: TimelineView, lang: str = "en") -> str:
    """The timeline as text; explanations in ``lang`` ("en" or "da")."""
    age = "unknown" if v.age is None else f"{v.age}{' (uncertain)' if v.age_uncertain else ''}"
    if v.turns_18_from and v.turns_18_until:
        age += f"; turns 18 between {v.turns_18_from} and {v.turns_18_until}"
    label = v.status_label_da if lang == "da" else v.status_label
    lines = [
        f"Case reference: {v.case_ref}  (as of {v.today})",
        f"Status:         {label} [{v.status}]",
        f"Identification: {v.identification.value}"
        + (f" by {v.identified_by.value}" if v.identified_by else "")
        + (f" on {v.identified_on}" if v.identified_on else "")
        + (
            f"; decided by {v.expected_authority.value} for the current legal stay"
            if v.expected_authority
            else ""
        ),
        f"Legal stay:     {v.legal_stay.value if v.legal_stay else 'unknown'}",
        f"Age:            {age}" + ("; MINOR" if v.is_minor else ""),
    ]
    if v.reflection_start:
        granted = (
            f"EXPECTED (requested {v.reflection_requested_on}, not granted; granted until "
            f"{_d(v.reflection_granted_end)})"
            if v.reflection_expected_end
            else "granted"
        )
        lines.append(
            f"Reflection:     {v.reflection.value}, {v.reflection_start} to "
            f"{_d(v.reflection_end)} {granted} ({v.reflection_days} days granted; at most until "
            f"{_d(v.reflection_max_end)}, rule set {_d(v.reflection_max_rule_set_id)})"
            + (f"; departed {v.reflection_departed_on}" if v.reflection_departed_on else "")
        )
    if v.permit_valid_until:
        lines.append(
            f"Permit §9c(5):  {v.permit.value}, until {v.permit_valid_until} "
            f"({v.permit_renewals} renewals)"
        )
    if v.asylum.value != "none":
        lines.append(f"Asylum:         {v.asylum.value}")
    if v.return_state.value != "none" or v.avr_cooperating_since:
        lines.append(
            f"Return:         {v.return_state.value}"
            + (
                f", cooperates on return since {v.avr_cooperating_since}"
                if v.avr_cooperating_since
                else ""
            )
            + (f", departed {v.departed_on}" if v.departed_on else "")
            + (f", IOM follow-up until {v.follow_up_until}" if v.follow_up_until else "")
        )
    if v.notes:
        lines += ["", "Notes:"] + [f"  - {render(n.message, lang)}" for n in v.notes]
    if v.review_flags:
        lines += ["", "For manual review:"]
        lines += [f"  - {render(f.message, lang)}" for f in v.review_flags]
    lines += ["", "Deadlines:"]
    for d in v.deadlines or ():
        flag = "?" if d.uncertain else " "
        marks = ("[EXPECTED] " if d.expected else "") + ("[UNRELIABLE] " if d.unreliable else "")
        text = render(d.message, lang)
        lines.append(
            f"  {d.due}{flag} {d.severity.value:7} {d.kind.value:24} {marks}{text}"
            + (
                f" [rule set {d.rule_set_id}]"
                if d.rule_set_id and d.rule_set_id not in text
                else ""
            )
        )
    if not v.deadlines:
        lines.append("  (none)")
    if v.entitlements_visible:
        lines += ["", "Health entitlements:"]
        for e in v.entitlements:
            until = f"until {e.valid_until}" if e.valid_until else "no end date"
            if e.expected:
                until += " (EXPECTED)"
            covered = f"covered, {e.payer.value}, {until}" if e.covered else "not covered"
            lines.append(
                f"  {e.service.value:22} {covered} ({e.source.value}): {render(e.detail, lang)}"
            )
    if v.violations:
        lines += ["", "History needs correction (deadlines above are unreliable):"]
        lines += [f"  {x.code}: {render(x.detail, lang)}" for x in v.violations]
    return "\n".join(lines)


def format_dashboard(v: DashboardView, where: str = "") -> str:
    where = where or (f"site {v.site_id}" if v.scope == "site" else "your caseload")
    lines = [
        f"Dashboard for {where} on {v.today}: "
        + ", ".join(f"{v.counts[c]} {_CATEGORY_TITLES[c].lower()}" for c in CATEGORIES)
    ]
    for category in CATEGORIES:
        items = v.of(category)
        lines += ["", f"{_CATEGORY_TITLES[category]} ({len(items)}):"]
        for i in items:
            marks = ("[EXPECTED] " if i.expected else "") + (
                "[UNRELIABLE] " if i.unreliable else ""
            )
            lines.append(
                f"  {i.due}{'?' if i.uncertain else ' '} {i.case_ref:10} "
                f"{i.display_name[:30]:30} {i.kind:24} {marks}{i.explanation} [{i.status}]"
            )
    if v.refreshed_on != v.today:
        lines += [
            "",
            f"Note: deadlines were last recomputed for everyone on {v.refreshed_on or 'never'}; "
            "run `clinic-app deadlines refresh` for today's figures.",
        ]
    if v.counts_by_kind:
        lines += ["", "By kind: " + ", ".join(f"{k} {n}" for k, n in v.counts_by_kind.items())]
    return "\n".join(lines)


def format_rule_set(r: RuleSetView) -> str:
    period = f"{r.effective_from or 'earliest'} to {r.effective_until or 'today'}"
    lines = [
        f"Rule set {r.id}: {r.title}" + (" (in force)" if r.in_force_today else ""),
        f"  in force:           {period}",
        f"  reflection period:  {r.reflection_initial_days} days, "
        f"at most {r.reflection_max_total_days} days in total",
        f"  permit §9c(5):      {r.permit_period_months} months at a time; renewal reminder "
        f"{r.permit_renewal_reminder_days} days before expiry",
        f"  IOM follow-up:      {r.avr_follow_up_months} months after return",
        "  sources:",
    ]
    for src in r.sources:
        lines.append(
            f"    - {src.title} ({src.locator}){'' if src.verified else ' [NOT VERIFIED]'}"
        )
        if src.note:
            lines.append(f"      {src.note}")
    if r.notes:
        lines.append(f"  notes: {r.notes}")
    return "\n".join(lines)
