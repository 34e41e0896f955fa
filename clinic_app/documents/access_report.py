"""A person's own copy of everything held about them, including who accessed the record."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.platypus import Flowable

from clinic_app.documents.access_actions import grouped_access
from clinic_app.documents.base import (
    build,
    clean,
    field_table,
    heading,
    long_table,
    long_text,
    or_dash,
    para,
    styles,
)
from clinic_app.documents.data import AccessReportDoc, DocumentMeta, Letterhead
from clinic_app.documents.labels import enum_label, format_date, label


def _section(
    title: str,
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    widths: Sequence[float],
    none: str,
) -> list[Flowable]:
    if not rows:
        return [heading(title), para(none)]
    return [heading(title), *long_table(header, rows, widths)]


def render(doc: AccessReportDoc, meta: DocumentMeta, letterhead: Letterhead) -> bytes:
    lang = meta.language

    def t(key: str) -> str:
        return label(lang, key)

    def d(value: object) -> str:
        return format_date(lang, value)  # type: ignore[arg-type]

    none = t("none")
    intro = label(lang, "access_intro", organisation=clean(letterhead.organisation))
    story: list[Flowable] = [para(intro, styles().intro), heading(t("sec_identity"))]
    story.append(
        field_table(
            [
                (t("name"), doc.person_name),
                (t("birth"), or_dash(doc.birth_text)),
                (t("sex"), enum_label(lang, doc.sex)),
                (t("nationality"), ", ".join(doc.nationalities) or "—"),
                (t("languages"), ", ".join(doc.languages) or "—"),
            ]
        )
    )
    story += [heading(t("sec_held")), para(t("held_intro"))]
    if doc.notes.strip():
        story += [heading(t("notes_held")), *long_text(doc.notes)]
    story.append(heading(t("sec_exploitation")))
    story.append(
        para(", ".join(enum_label(lang, f) for f in doc.exploitation) if doc.exploitation else none)
    )
    story += _section(
        t("sec_safety"),
        [t("sec_safety"), t("notes")],
        [[enum_label(lang, flag), note or "—"] for flag, note in doc.safety_flags],
        [0.45, 0.55],
        none,
    )
    story += _section(
        t("sec_contacts"),
        [t("role"), t("name"), t("from"), t("until")],
        [[c.role, c.name, d(c.from_on), d(c.to_on) if c.to_on else ""] for c in doc.contacts],
        [0.3, 0.34, 0.18, 0.18],
        none,
    )
    story += _section(
        t("sec_names"),
        [t("name"), t("name_kind")],
        [[n.name, n.kind] for n in doc.names],
        [0.7, 0.3],
        none,
    )
    story += _section(
        t("sec_events"),
        [t("date"), t("event"), t("detail"), t("until")],
        [
            [d(e.on), enum_label(lang, e.kind), e.detail or "—", d(e.end_on) if e.end_on else ""]
            for e in doc.events
        ],
        [0.18, 0.26, 0.38, 0.18],
        none,
    )
    story += _section(
        t("sec_entitlements"),
        [t("service"), t("payer"), t("valid_until")],
        [
            [
                enum_label(lang, s.service),
                enum_label(lang, s.payer),
                d(s.valid_until) if s.valid_until else t("until_further_notice"),
            ]
            for s in doc.entitlements
        ],
        [0.34, 0.44, 0.22],
        none,
    )
    story += _section(
        t("sec_plans"),
        [t("plan_version"), t("plan_state"), t("period"), t("plan_goals")],
        [
            [
                str(p.version),
                enum_label(lang, p.state),
                f"{d(p.period_start)} – {d(p.period_end) if p.period_end else t('open_ended')}",
                "\n".join(p.goals) or "—",
            ]
            for p in doc.plans
        ],
        [0.1, 0.14, 0.26, 0.5],
        none,
    )
    story += _section(
        t("sec_visits"),
        [t("date"), t("site"), t("services"), t("notes")],
        [
            [
                d(v.on),
                v.site,
                ", ".join(enum_label(lang, s) for s in v.services),
                v.notes or "—",
            ]
            for v in doc.visits
        ],
        [0.15, 0.2, 0.27, 0.38],
        none,
    )
    if doc.clinical_notes_withheld:
        story.append(
            para(label(lang, "clinical_withheld", n=doc.clinical_notes_withheld), styles().small)
        )
    story += _section(
        t("sec_referrals"),
        [t("date"), t("referred_to"), t("reason"), t("referral_status")],
        [
            [d(r.on), r.to or "—", r.reason or "—", enum_label(lang, r.status)]
            for r in doc.referrals
        ],
        [0.16, 0.28, 0.4, 0.16],
        none,
    )
    story += _section(
        t("sec_consents"),
        [t("shared_with"), t("purpose"), t("valid"), t("withdrawn")],
        [
            [
                c.partner,
                c.purpose,
                f"{d(c.valid_from)} – {d(c.valid_to) if c.valid_to else t('until_further_notice')}",
                d(c.withdrawn_on) if c.withdrawn_on else "",
            ]
            for c in doc.consents
        ],
        [0.2, 0.32, 0.3, 0.18],
        none,
    )
    story += _section(
        t("sec_documents"),
        [t("date"), t("document"), t("recipient"), t("printed_by")],
        [[d(p.on), enum_label(lang, p.doc_type), p.recipient, p.printed_by] for p in doc.documents],
        [0.18, 0.34, 0.26, 0.22],
        none,
    )
    story += [
        heading(t("sec_rights")),
        para(label(lang, "rights_text", years=doc.retention_years)),
    ]
    story += _section(
        t("sec_access"),
        [t("date"), t("user"), t("action")],
        [[d(day), user, what] for day, user, what in grouped_access(lang, doc.access)],
        [0.16, 0.26, 0.58],
        none,
    )
    return build(meta, letterhead, story)
