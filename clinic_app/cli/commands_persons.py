"""``persons search`` and ``persons show``."""

from __future__ import annotations

from typing import Any

from clinic_app.cli.context import CommandContext, add_login_options
from clinic_app.services.persons import PersonDetail, PersonFilter


def register(sub: Any) -> None:
    persons = sub.add_parser("persons", help="find and show persons")
    psub = persons.add_subparsers(dest="persons_command", metavar="ACTION", required=True)

    search = psub.add_parser("search", help="search by name, alias, case reference or birth year")
    search.add_argument("text", nargs="?", default="")
    search.add_argument("--limit", type=int, default=50)
    search.add_argument("--archived", action="store_true", help="search the archive instead")
    search.add_argument("--json", action="store_true", help="machine-readable output")
    add_login_options(search)
    search.set_defaults(handler=cmd_search)

    show = psub.add_parser("show", help="show one person by case reference")
    show.add_argument("case_ref")
    show.add_argument("--json", action="store_true", help="machine-readable output")
    add_login_options(show)
    show.set_defaults(handler=cmd_show)


def cmd_search(ctx: CommandContext) -> int:
    actor = ctx.login()
    page = ctx.services().persons.search(
        actor, ctx.args.text, PersonFilter(archived=bool(ctx.args.archived)), limit=ctx.args.limit
    )
    if ctx.as_json:
        ctx.print_json({"total": page.total, "items": page.items})
        return 0
    for p in page.items:
        year = f"{p.birth_year}{'?' if p.birth_uncertain else ''}" if p.birth_year else "-"
        ctx.print(
            f"{p.case_ref:10} {p.display_name[:40]:40} {year:6} "
            f"{p.nationality or '--':3} {p.status}"
        )
    ctx.print(
        f"{page.total} found"
        + (f", {len(page.items)} shown" if page.total > len(page.items) else "")
    )
    return 0


def cmd_show(ctx: CommandContext) -> int:
    actor = ctx.login()
    person = ctx.services().persons.get_by_case_ref(actor, ctx.args.case_ref)
    if ctx.as_json:
        ctx.print_json(person)
    else:
        ctx.print(format_person(person))
    return 0


def format_person(p: PersonDetail) -> str:
    birth = {
        "exact": str(p.birth_date),
        "estimated_year": f"about {p.birth_year} (estimated)",
        "age_assessed": f"assessed {p.assessed_age} years on {p.assessment_date}",
        "unknown": "unknown",
    }[p.birth_certainty.value]
    lines = [
        f"Case reference: {p.case_ref}",
        f"Name:           {p.display_name}",
    ]
    lines += [
        f"  alias:        {n.name} [{n.script or '?'}/{n.language or '?'}]"
        for n in p.names
        if n.is_alias
    ]
    lines += [
        f"Sex:            {p.sex.value}",
        f"Birth:          {birth}"
        + (f"; age {p.age}{'?' if p.age_uncertain else ''}" if p.age is not None else ""),
        f"Nationality:    {p.nationality or 'unknown'}",
        f"Languages:      {', '.join(p.languages) or '-'}"
        + (f"; interpreter: {p.interpreter_language or 'yes'}" if p.interpreter_needed else ""),
        f"Exploitation:   {', '.join(f.value for f in p.exploitation) or '-'}",
        f"Safety flags:   {', '.join(f.value for f in p.safety_flags) or '-'}",
        f"Site:           {p.site_name or ('(hidden)' if not p.location_visible else '-')}",
        f"Status:         {p.status}",
        f"Contact person: {p.contact_person_name or '- (none)'}",
    ]
    if p.is_minor:
        lines.append(f"Guardian:       {p.guardian_name or '- (MISSING)'}")
    if p.archived:
        lines.append("ARCHIVED")
    return "\n".join(lines)
