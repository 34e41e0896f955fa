"""``visits today``, ``visits summary``, ``visitors show`` and ``referrals open``."""

from __future__ import annotations

import datetime as dt
from typing import Any

from clinic_app.cli.context import CommandContext, add_login_options, to_jsonable
from clinic_app.errors import Invalid, NotFound
from clinic_app.security.context import Actor
from clinic_app.services.clinic_common import VisitView
from clinic_app.services.reference_data import SiteView
from clinic_app.vocabulary import SiteKind


def register(sub: Any) -> None:
    visits = sub.add_parser("visits", help="clinic visits per site and day")
    vsub = visits.add_subparsers(dest="visits_command", metavar="ACTION", required=True)
    today = vsub.add_parser("today", help="the visits of a day at a clinic or mobile unit")
    summary = vsub.add_parser("summary", help="a day's counts: visits, visitors, services")
    for p, handler in ((today, cmd_today), (summary, cmd_summary)):
        p.add_argument("--site", metavar="CODE", help="site code (default: your own clinic)")
        p.add_argument("--date", metavar="YYYY-MM-DD", help="another day (default: today)")
        p.add_argument("--json", action="store_true", help="machine-readable output")
        add_login_options(p)
        p.set_defaults(handler=handler)

    visitors = sub.add_parser("visitors", help="anonymous clinic visitors")
    wsub = visitors.add_subparsers(dest="visitors_command", metavar="ACTION", required=True)
    show = wsub.add_parser("show", help="a visitor and her visits, by card code")
    show.add_argument("code")
    show.add_argument("--json", action="store_true", help="machine-readable output")
    add_login_options(show)
    show.set_defaults(handler=cmd_visitor)

    referrals = sub.add_parser("referrals", help="referrals to doctors, dentists, hospitals")
    rsub = referrals.add_subparsers(dest="referrals_command", metavar="ACTION", required=True)
    open_ = rsub.add_parser("open", help="open referrals, most urgent first")
    open_.add_argument("--site", metavar="CODE", help="only those made at this site")
    open_.add_argument("--json", action="store_true", help="machine-readable output")
    add_login_options(open_)
    open_.set_defaults(handler=cmd_open_referrals)


def _day(ctx: CommandContext) -> dt.date:
    text = getattr(ctx.args, "date", None)
    if not text:
        return ctx.services().clock()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise Invalid("date", "bad_date", "Use the form YYYY-MM-DD.") from None


def _sites(ctx: CommandContext, actor: Actor, code: str | None) -> list[SiteView]:
    """The site named by code; else the actor's own clinic; else every clinic/mobile unit."""
    clinics = [
        s
        for s in ctx.services().reference.sites()
        if s.kind in (SiteKind.CLINIC, SiteKind.MOBILE_UNIT)
    ]
    if code:
        wanted = code.strip().upper()
        found = [s for s in ctx.services().reference.sites() if s.code == wanted]
        if not found:
            raise NotFound("site", wanted)
        return found
    own = [s for s in clinics if s.id == actor.site_id]
    return own or clinics


def cmd_today(ctx: CommandContext) -> int:
    actor = ctx.login()
    day = _day(ctx)
    result = [
        (site, ctx.services().visits.day_view(actor, site.id, day))
        for site in _sites(ctx, actor, ctx.args.site)
    ]
    if ctx.as_json:
        ctx.print_json(
            [{"site": site.code, "day": day, "visits": visits} for site, visits in result]
        )
        return 0
    for site, visits in result:
        ctx.print(f"{site.code} {site.name}, {day.isoformat()}: {len(visits)} visits")
        for v in visits:
            ctx.print("  " + format_visit(v))
    return 0


def format_visit(v: VisitView) -> str:
    services = ", ".join(s.value for s in v.services or ()) or "-"
    follow = f" follow-up {v.follow_up_date.isoformat()}" if v.follow_up_date else ""
    outing = " (outing)" if v.outing_id else ""
    return f"{v.visited_at:%H:%M} {v.who[:40]:40} {services}{follow}{outing}"


def cmd_summary(ctx: CommandContext) -> int:
    actor = ctx.login()
    day = _day(ctx)
    summaries = [
        (site, ctx.services().visits.daily_summary(actor, site.id, day))
        for site in _sites(ctx, actor, ctx.args.site)
    ]
    if ctx.as_json:
        ctx.print_json([{"site": site.code, **_plain(s)} for site, s in summaries])
        return 0
    for site, s in summaries:
        ctx.print(f"{site.code} {site.name}, {day.isoformat()}")
        ctx.print(
            f"  visits {s.visits}: {s.registered_persons} registered persons, "
            f"{s.visitors} visitors ({s.new_visitors} new)"
        )
        ctx.print("  services: " + (", ".join(f"{k.value} {n}" for k, n in s.services) or "-"))
        ctx.print(f"  referrals {s.referrals}; follow-ups due {s.follow_ups_due}")
        if s.outings:
            ctx.print(f"  outings {s.outings}, contacts made {s.outing_contacts}")
    return 0


def _plain(summary: Any) -> dict[str, Any]:
    data: dict[str, Any] = to_jsonable(summary)
    data["services"] = {k: n for k, n in data["services"]}
    return data


def cmd_visitor(ctx: CommandContext) -> int:
    actor = ctx.login()
    svc = ctx.services()
    visitor = svc.visitors.find_by_code(actor, ctx.args.code)
    history = svc.visitors.history(actor, visitor.id)
    if ctx.as_json:
        ctx.print_json({"visitor": visitor, "visits": history})
        return 0
    ctx.print(f"Visitor code:   {visitor.code}")
    ctx.print(f"Nickname:       {visitor.nickname or '-'}")
    ctx.print(f"Age band:       {visitor.age_band.value}")
    ctx.print(f"Nationality:    {visitor.nationality or 'unknown'}")
    ctx.print(f"Language:       {visitor.language or '-'}")
    if visitor.linked_case_ref:
        ctx.print(f"Linked to:      {visitor.linked_case_ref}")
    ctx.print(f"Visits:         {visitor.visit_count}")
    for v in history:
        services = ", ".join(s.value for s in v.services or ()) or "-"
        ctx.print(f"  {v.visited_at:%Y-%m-%d %H:%M} {v.site_name[:30]:30} {services}")
    return 0


def cmd_open_referrals(ctx: CommandContext) -> int:
    actor = ctx.login()
    site_id = None
    if ctx.args.site:
        site_id = _sites(ctx, actor, ctx.args.site)[0].id
    referrals = ctx.services().referrals.open_referrals(actor, site_id)
    if ctx.as_json:
        ctx.print_json(referrals)
        return 0
    for r in referrals:
        who = r.case_ref or r.visitor_code or "-"
        ctx.print(
            f"{r.created_at:%Y-%m-%d} {r.urgency.value:8} {r.specialty:15} {who:10} "
            f"{(r.partner_name or '-')[:40]}"
        )
    ctx.print(f"{len(referrals)} open")
    return 0
