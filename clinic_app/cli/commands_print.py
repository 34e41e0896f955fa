"""``print`` (a document for a partner, as a PDF file), ``partners`` (list, show, add,
add-contact) and ``consents`` (add, list, withdraw)."""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from pathlib import Path
from typing import Any

from clinic_app.cli.context import CommandContext, add_login_options
from clinic_app.errors import Invalid
from clinic_app.services.consents import ConsentInput, ConsentView, Purpose
from clinic_app.services.documents import document_types_for
from clinic_app.services.reference_data import PartnerView
from clinic_app.vocabulary import DataCategory, DocumentAction, DocumentType, PartnerKind

_PRINTABLE = [t.value for t in DocumentType if t is not DocumentType.STATISTICS_SUMMARY]


def register(sub: Any) -> None:
    pr = sub.add_parser(
        "print",
        help="a document for a partner as a PDF (consent checked, logged)",
        description="Prepare a document and write it to a PDF file. The person's consent for "
        "the partner, purpose and data is checked as in the app; where the law allows "
        "sharing without consent, --reason states why (team leads and administrators). "
        "The document log and the audit log record who printed what for whom.",
    )
    pr.add_argument("doc_type", metavar="TYPE", choices=_PRINTABLE, help=" | ".join(_PRINTABLE))
    pr.add_argument("--case", required=True, metavar="REF", help="the person's case reference")
    pr.add_argument("--partner", metavar="NAME", help="recipient (name or unique prefix)")
    pr.add_argument("--lang", choices=("en", "da"), default="en", help="document language")
    pr.add_argument("--plan", type=int, metavar="ID", help="action plan (default: newest)")
    pr.add_argument("--visit", type=int, metavar="ID", help="visit to summarise")
    pr.add_argument("--referral", type=int, metavar="ID", help="referral for a referral letter")
    pr.add_argument("--consent", type=int, metavar="ID", help="consent a consent form prints")
    pr.add_argument("--include-name", action="store_true", help="print the person's name")
    pr.add_argument("--reason", help="why the document is shared without consent")
    pr.add_argument("--out", required=True, metavar="FILE.pdf", help="where to write the PDF")
    pr.add_argument("--force", action="store_true", help="overwrite an existing file")
    _common(pr, cmd_print)

    partners = sub.add_parser("partners", help="the partner directory")
    psub = partners.add_subparsers(dest="partners_command", metavar="ACTION", required=True)
    lst = psub.add_parser("list", help="partners, with the documents each may receive")
    lst.add_argument("--kind", choices=[k.value for k in PartnerKind])
    _common(lst, cmd_partners_list)
    show = psub.add_parser("show", help="one partner with contacts")
    show.add_argument("name", help="name or unique prefix")
    _common(show, cmd_partners_show)
    add = psub.add_parser("add", help="add a partner (administrators, team leads)")
    add.add_argument("--name", required=True)
    add.add_argument("--kind", required=True, choices=[k.value for k in PartnerKind])
    for opt in ("phone", "email", "address", "website", "notes"):
        add.add_argument(f"--{opt}", default="")
    _common(add, cmd_partners_add)
    contact = psub.add_parser("add-contact", help="add a contact to a partner")
    contact.add_argument("name", help="the partner: name or unique prefix")
    contact.add_argument("--contact-name", required=True)
    contact.add_argument("--role", default="")
    contact.add_argument("--phone", default="")
    contact.add_argument("--email", default="")
    _common(contact, cmd_partners_add_contact)

    consents = sub.add_parser("consents", help="consent to share information with partners")
    csub = consents.add_subparsers(dest="consents_command", metavar="ACTION", required=True)
    cadd = csub.add_parser("add", help="record a consent the person gave")
    cadd.add_argument("case_ref")
    who = cadd.add_mutually_exclusive_group(required=True)
    who.add_argument("--partner", metavar="NAME", help="one partner (name or unique prefix)")
    who.add_argument(
        "--kind", choices=[k.value for k in PartnerKind], help="any partner of this kind"
    )
    cadd.add_argument("--purpose", required=True, choices=[p.value for p in Purpose])
    cadd.add_argument(
        "--data",
        required=True,
        metavar="CATEGORIES",
        help="comma-separated: " + ",".join(c.value for c in DataCategory),
    )
    cadd.add_argument("--from", dest="valid_from", metavar="DATE", help="default: today")
    cadd.add_argument("--to", dest="valid_to", metavar="DATE", help="default: until withdrawn")
    cadd.add_argument("--note", default="", help="the words the person agreed to")
    _common(cadd, cmd_consents_add)
    clist = csub.add_parser("list", help="a person's consents")
    clist.add_argument("case_ref")
    _common(clist, cmd_consents_list)
    cwd = csub.add_parser("withdraw", help="the person withdraws a consent")
    cwd.add_argument("consent_id", type=int)
    _common(cwd, cmd_consents_withdraw)


def _common(parser: Any, handler: Any) -> None:
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    add_login_options(parser)
    parser.set_defaults(handler=handler)


# --- print -------------------------------------------------------------------------------------


def cmd_print(ctx: CommandContext) -> int:
    a = ctx.args
    out = Path(a.out)
    if out.is_dir():  # os.replace would fail after the export was logged
        raise Invalid("out", "is_a_folder", "--out names a folder; give a file name.")
    if out.exists() and not a.force:
        raise Invalid("out", "exists", "The file exists; give --force to overwrite it.")
    if not out.parent.is_dir():
        raise Invalid("out", "no_folder", "The folder does not exist.")
    actor = ctx.login()
    svc = ctx.services()
    person = svc.persons.get_by_case_ref(actor, a.case)
    partner_id = svc.reference.find_partner(a.partner).id if a.partner else None
    prepared = svc.documents.prepare(
        actor,
        DocumentType(a.doc_type),
        person.id,
        partner_id,
        a.lang,
        plan_id=a.plan,
        visit_id=a.visit,
        referral_id=a.referral,
        consent_id=a.consent,
        include_name=a.include_name,
        reason=a.reason,
    )
    # Written to a temporary file first: the log never records a file that was not written,
    # and a refused log entry leaves no file behind.
    fd, tmp = tempfile.mkstemp(prefix=".clinic-app-", suffix=".pdf", dir=out.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(prepared.pdf)
            fh.flush()
            os.fsync(fh.fileno())
        entry = svc.documents.record_output(actor, prepared, DocumentAction.EXPORT)
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    if ctx.as_json:
        ctx.print_json(
            {
                "file": str(out),
                "doc_type": prepared.doc_type,
                "case_ref": prepared.case_ref,
                "partner": prepared.recipient,
                "language": prepared.language,
                "pages": prepared.pages,
                "sha256": prepared.sha256,
                "consent_id": prepared.consent_id,
                "override": bool(prepared.override_reason),
                "log_id": entry.id,
            }
        )
    else:
        to = f" for {prepared.recipient}" if prepared.recipient else ""
        ctx.print(
            f"Wrote {out} ({prepared.title}, {prepared.pages} page"
            f"{'s' if prepared.pages != 1 else ''}){to}; logged as #{entry.id}."
        )
        if prepared.override_reason:
            ctx.print("Shared without consent; the reason is in the document log.")
    return 0


# --- partners ----------------------------------------------------------------------------------


def _partner_json(p: PartnerView) -> dict[str, object]:
    return {
        "id": p.id,
        "name": p.name,
        "kind": p.kind.value,
        "phone": p.phone,
        "email": p.email,
        "address": p.address,
        "website": p.website,
        "notes": p.notes,
        "contacts": [
            {"name": c.name, "role": c.role, "phone": c.phone, "email": c.email} for c in p.contacts
        ],
        "documents": [t.value for t in document_types_for(p.kind)],
    }


def cmd_partners_list(ctx: CommandContext) -> int:
    ctx.login()
    kind = PartnerKind(ctx.args.kind) if ctx.args.kind else None
    partners = ctx.services().reference.partners(kind)
    if ctx.as_json:
        ctx.print_json([_partner_json(p) for p in partners])
        return 0
    for p in partners:
        ctx.print(f"{p.id:>4}  {p.kind.value:<12}  {p.name}  {p.phone}")
    return 0


def cmd_partners_show(ctx: CommandContext) -> int:
    ctx.login()
    p = ctx.services().reference.find_partner(ctx.args.name)
    if ctx.as_json:
        ctx.print_json(_partner_json(p))
        return 0
    ctx.print(f"{p.name}  ({p.kind.value}, id {p.id})")
    for label, value in (
        ("Phone", p.phone),
        ("Email", p.email),
        ("Address", p.address),
        ("Website", p.website),
        ("Notes", p.notes),
    ):
        if value:
            ctx.print(f"{label + ':':<9}{value}")
    ctx.print("May receive: " + ", ".join(t.value for t in document_types_for(p.kind)))
    for c in p.contacts:
        ctx.print(f"  contact: {c.name}  {c.role}  {c.phone}  {c.email}".rstrip())
    return 0


def cmd_partners_add(ctx: CommandContext) -> int:
    actor = ctx.login()
    a = ctx.args
    p = ctx.services().reference.save_partner(
        actor,
        None,
        name=a.name,
        kind=PartnerKind(a.kind),
        phone=a.phone,
        email=a.email,
        address=a.address,
        website=a.website,
        notes=a.notes,
    )
    if ctx.as_json:
        ctx.print_json(_partner_json(p))
    else:
        ctx.print(f"Added partner {p.id}: {p.name} ({p.kind.value}).")
    return 0


def cmd_partners_add_contact(ctx: CommandContext) -> int:
    actor = ctx.login()
    svc = ctx.services()
    a = ctx.args
    partner = svc.reference.find_partner(a.name)
    p = svc.reference.add_contact(actor, partner.id, a.contact_name, a.role, a.phone, a.email)
    if ctx.as_json:
        ctx.print_json(_partner_json(p))
    else:
        ctx.print(f"Added a contact to {p.name}.")
    return 0


# --- consents ----------------------------------------------------------------------------------


def _date(field: str, text: str | None) -> dt.date | None:
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise Invalid(field, "bad_date", "Use YYYY-MM-DD.") from None


def _format_consent(c: ConsentView) -> str:
    until = c.valid_to.isoformat() if c.valid_to else "until withdrawn"
    state = "active" if c.active else ("withdrawn" if c.withdrawn_at else "not in force")
    cats = ",".join(x.value for x in c.data_categories)
    purpose = c.purpose.value if c.purpose else "(free text)"
    return f"{c.id:>5}  {state:<12} {c.valid_from} – {until}  {c.recipient}  {purpose}  [{cats}]"


def cmd_consents_add(ctx: CommandContext) -> int:
    a = ctx.args
    try:
        cats = tuple(DataCategory(x.strip()) for x in a.data.split(",") if x.strip())
    except ValueError:
        raise Invalid("data", "unknown", "Unknown data category.") from None
    actor = ctx.login()
    svc = ctx.services()
    person = svc.persons.get_by_case_ref(actor, a.case_ref)
    partner_id = svc.reference.find_partner(a.partner).id if a.partner else None
    view = svc.consents.record(
        actor,
        person.id,
        ConsentInput(
            purpose=Purpose(a.purpose),
            data_categories=cats,
            valid_from=_date("from", a.valid_from) or svc.clock(),
            valid_to=_date("to", a.valid_to),
            partner_id=partner_id,
            partner_kind=PartnerKind(a.kind) if a.kind else None,
            purpose_note=a.note,
        ),
    )
    if ctx.as_json:
        ctx.print_json(view)
    else:
        ctx.print(f"Recorded consent {view.id} for {view.recipient}.")
    return 0


def cmd_consents_list(ctx: CommandContext) -> int:
    actor = ctx.login()
    svc = ctx.services()
    person = svc.persons.get_by_case_ref(actor, ctx.args.case_ref)
    views = svc.consents.list_for_person(actor, person.id)
    if ctx.as_json:
        ctx.print_json(views)
        return 0
    if not views:
        ctx.print("No consents recorded.")
    for v in views:
        ctx.print(_format_consent(v))
    return 0


def cmd_consents_withdraw(ctx: CommandContext) -> int:
    actor = ctx.login()
    view = ctx.services().consents.withdraw(actor, ctx.args.consent_id)
    if ctx.as_json:
        ctx.print_json(view)
    else:
        ctx.print(f"Consent {view.id} withdrawn.")
    return 0
