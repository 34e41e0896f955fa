"""``plans`` (list, show, diff, review, templates) and ``contacts`` (show, assign, caseload,
transitions)."""

from __future__ import annotations

from typing import Any

from clinic_app.cli.context import CommandContext, add_login_options
from clinic_app.errors import Invalid
from clinic_app.services.action_plans import PlanDetail
from clinic_app.services.contacts import ContactsOverview
from clinic_app.services.plan_diff import VersionDiff


def register(sub: Any) -> None:
    plans = sub.add_parser("plans", help="individual action plans")
    psub = plans.add_subparsers(dest="plans_command", metavar="ACTION", required=True)

    lst = psub.add_parser("list", help="a person's plans, by case reference")
    lst.add_argument("case_ref")
    _common(lst, cmd_plans_list)

    show = psub.add_parser("show", help="one plan with its goals and tasks")
    show.add_argument("plan_id", type=int)
    show.add_argument(
        "--version", type=int, metavar="N", help="an earlier version (default: newest)"
    )
    _common(show, cmd_plans_show)

    diff = psub.add_parser("diff", help="what changed between two versions of a plan")
    diff.add_argument("plan_id", type=int)
    diff.add_argument("a", type=int, help="version number")
    diff.add_argument("b", type=int, help="version number")
    _common(diff, cmd_plans_diff)

    review = psub.add_parser("review", help="plans due for review on your caseload")
    review.add_argument("--days", type=int, default=30, help="look ahead this many days")
    review.add_argument("--all", action="store_true", help="every plan you may see")
    _common(review, cmd_plans_review)

    templates = psub.add_parser("templates", help="templates for new plans")
    _common(templates, cmd_plans_templates)

    contacts = sub.add_parser("contacts", help="contact persons and guardians")
    csub = contacts.add_subparsers(dest="contacts_command", metavar="ACTION", required=True)

    cshow = csub.add_parser("show", help="contact person and guardian of a person")
    cshow.add_argument("case_ref")
    _common(cshow, cmd_contacts_show)

    assign = csub.add_parser("assign", help="appoint (or change) a person's contact person")
    assign.add_argument("case_ref")
    assign.add_argument("username")
    assign.add_argument("--reason", default="", help="required when changing contact person")
    _common(assign, cmd_contacts_assign)

    caseload = csub.add_parser("caseload", help="persons you are contact person for")
    _common(caseload, cmd_contacts_caseload)

    transitions = csub.add_parser("transitions", help="minors with a guardian turning 18")
    transitions.add_argument("--days", type=int, default=60, help="look ahead this many days")
    _common(transitions, cmd_contacts_transitions)


def _common(parser: Any, handler: Any) -> None:
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    add_login_options(parser)
    parser.set_defaults(handler=handler)


# --- plans ---------------------------------------------------------------------------------------


def cmd_plans_list(ctx: CommandContext) -> int:
    actor = ctx.login()
    svc = ctx.services()
    person = svc.persons.get_by_case_ref(actor, ctx.args.case_ref)
    plans = svc.plans.list_for_person(actor, person.id)
    if ctx.as_json:
        ctx.print_json(plans)
        return 0
    for p in plans:
        review = (
            f"review {p.review_date}{' (due)' if p.review_due else ''}" if p.review_date else ""
        )
        ctx.print(
            f"{p.id:6} {p.title[:40]:40} {p.period_from} v{p.latest_number} "
            f"{p.latest_state.value:10} {review}"
        )
    ctx.print(f"{len(plans)} plan(s)")
    return 0


def cmd_plans_show(ctx: CommandContext) -> int:
    actor = ctx.login()
    plan = ctx.services().plans.get(actor, ctx.args.plan_id, ctx.args.version)
    if ctx.as_json:
        ctx.print_json(plan)
    else:
        ctx.print(format_plan(plan))
    return 0


def format_plan(p: PlanDetail) -> str:
    v = p.shown
    lines = [
        f"Plan {p.id}: {p.title}  (case {p.case_ref})",
        f"Period:  {p.period_from} – {p.period_to or 'open'}",
        f"Review:  {p.review_date or '-'}{' (due)' if p.review_due else ''}",
        f"Version: {v.number} of {len(p.versions)}, {v.state.value.upper()}",
    ]
    if v.agreed_at is not None:
        lines.append(
            f"Agreed:  {v.agreed_at:%Y-%m-%d %H:%M} UTC with the person"
            f"{', contact person ' + v.agreed_contact_name if v.agreed_contact_name else ''}"
            f"{', guardian ' + v.agreed_guardian_name if v.agreed_guardian_name else ''}"
        )
    if p.goal_scope.value != "all":
        lines.append(f"(showing {p.goal_scope.value.replace('_', ' ')} goals)")
    for g in v.goals:
        lines.append(f"[{g.area.value}] {g.title}")
        for t in g.tasks:
            who = f" — {t.responsible_label}" if t.responsible_label else ""
            due = f" due {t.due_date}" if t.due_date else ""
            mark = "x" if t.status.value == "done" else " "
            lines.append(f"  [{mark}] {t.description}{who}{due} ({t.status.value})")
            if t.note:
                lines.append(f"      note: {t.note}")
    return "\n".join(lines)


def cmd_plans_diff(ctx: CommandContext) -> int:
    actor = ctx.login()
    diff = ctx.services().plans.diff_versions(actor, ctx.args.plan_id, ctx.args.a, ctx.args.b)
    if ctx.as_json:
        ctx.print_json(_diff_json(diff))
        return 0
    for e in diff.entries:
        sign = {"added": "+", "removed": "-", "changed": "~"}[e.change]
        fields = f" ({', '.join(e.fields)})" if e.fields else ""
        where = "" if e.kind == "goal" else f" [{e.goal_title}]"
        ctx.print(f"{sign} {e.kind} {e.title}{where}{fields}")
    if diff.empty:
        ctx.print("no differences")
    return 0


def _diff_json(diff: VersionDiff) -> dict[str, object]:
    return {
        "plan_id": diff.plan_id,
        "a": diff.a,
        "b": diff.b,
        "added_goals": diff.added_goals,
        "removed_goals": diff.removed_goals,
        "changed_goals": diff.changed_goals,
        "added_tasks": diff.added_tasks,
        "removed_tasks": diff.removed_tasks,
        "changed_tasks": diff.changed_tasks,
    }


def cmd_plans_review(ctx: CommandContext) -> int:
    actor = ctx.login()
    plans = ctx.services().plans.due_for_review(
        actor, ctx.args.days, caseload_only=not ctx.args.all
    )
    if ctx.as_json:
        ctx.print_json(plans)
        return 0
    for p in plans:
        ctx.print(f"{p.review_date} {p.case_ref:10} {p.id:6} {p.title[:40]}")
    ctx.print(f"{len(plans)} plan(s) due for review")
    return 0


def cmd_plans_templates(ctx: CommandContext) -> int:
    actor = ctx.login()
    templates = ctx.services().plans.templates(actor)
    if ctx.as_json:
        ctx.print_json(templates)
        return 0
    for t in templates:
        ctx.print(f"{t.key:20} {t.name}{' (minors)' if t.for_minors else ''}: {len(t.goals)} goals")
    return 0


# --- contacts ------------------------------------------------------------------------------------


def cmd_contacts_show(ctx: CommandContext) -> int:
    actor = ctx.login()
    svc = ctx.services()
    person = svc.persons.get_by_case_ref(actor, ctx.args.case_ref)
    view = svc.contacts.overview(actor, person.id)
    if ctx.as_json:
        ctx.print_json(view)
    else:
        ctx.print(format_contacts(view))
    return 0


def format_contacts(v: ContactsOverview) -> str:
    lines = [f"Case reference: {v.case_ref}"]
    if v.contact:
        lines.append(f"Contact person: {v.contact.user_name} since {v.contact.from_date}")
    else:
        lines.append("Contact person: - (MISSING)")
    for c in v.contact_history:
        if not c.current:
            reason = f"; {c.reason}" if c.reason else ""
            lines.append(f"  earlier: {c.user_name} {c.from_date} – {c.to_date}{reason}")
    if v.guardian:
        g = v.guardian
        org = f", {g.organisation}" if g.organisation else ""
        lines.append(f"Guardian:       {g.name}{org} since {g.appointed_date}")
    elif v.is_minor:
        lines.append("Guardian:       - (MISSING)")
    if v.turns_18_on and (v.is_minor or v.guardian):
        lines.append(
            f"Turns 18:       {v.turns_18_on}{' (estimated)' if v.turns_18_uncertain else ''}"
        )
    if v.transition_due:
        lines.append("Turning 18: end the guardianship and review the plan.")
    return "\n".join(lines)


def cmd_contacts_assign(ctx: CommandContext) -> int:
    actor = ctx.login()
    svc = ctx.services()
    person = svc.persons.get_by_case_ref(actor, ctx.args.case_ref)
    wanted = ctx.args.username.strip().lower()
    user = next((u for u in svc.contacts.staff_options(actor) if u.username == wanted), None)
    if user is None:
        raise Invalid("username", "unknown_user", "No active staff user with that name.")
    view = svc.contacts.assign(actor, person.id, user.user_id, reason=ctx.args.reason)
    if ctx.as_json:
        ctx.print_json(view)
    else:
        ctx.print(format_contacts(view))
    return 0


def cmd_contacts_caseload(ctx: CommandContext) -> int:
    actor = ctx.login()
    items = ctx.services().contacts.caseload(actor)
    if ctx.as_json:
        ctx.print_json(items)
        return 0
    for i in items:
        flag = " minor" + (", NO GUARDIAN" if i.guardian_missing else "") if i.is_minor else ""
        ctx.print(f"{i.case_ref:10} {i.display_name[:40]:40} since {i.since}{flag}")
    ctx.print(f"{len(items)} person(s)")
    return 0


def cmd_contacts_transitions(ctx: CommandContext) -> int:
    actor = ctx.login()
    items = ctx.services().contacts.transitions_due(actor, ctx.args.days)
    if ctx.as_json:
        ctx.print_json(items)
        return 0
    for t in items:
        when = f"in {t.days_left} days" if t.days_left >= 0 else f"{-t.days_left} days ago"
        est = " (estimated)" if t.uncertain else ""
        ctx.print(
            f"{t.case_ref:10} turns 18 on {t.turns_18_on}{est}, {when}; guardian {t.guardian_name}"
        )
    ctx.print(f"{len(items)} transition(s)")
    return 0
