"""A person's own copy of everything held about them, including who accessed the record."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.platypus import Flowable

from clinic_app.documents.base import (
    build,
    clean,
    data_table,
    field_table,
    heading,
    or_dash,
    para,
    styles,
)
from clinic_app.documents.data import AccessReportDoc, DocumentMeta, Letterhead
from clinic_app.documents.labels import enum_label, format_date, format_datetime, label


def _section(
    title: str,
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    widths: Sequence[float],
    none: str,
) -> list[Flowable]:
    if not rows:
        return [heading(title), para(none)]
    return [heading(title), data_table(header, rows, widths)]


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
        [t("plan_version"), t("plan_state"), t("period")],
        [
            [
                str(p.version),
                enum_label(lang, p.state),
                f"{d(p.period_start)} – {d(p.period_end) if p.period_end else t('open_ended')}",
            ]
            for p in doc.plans
        ],
        [0.15, 0.25, 0.6],
        none,
    )
    story += _section(
        t("sec_visits"),
        [t("date"), t("site"), t("services")],
        [[d(v.on), v.site, ", ".join(enum_label(lang, s) for s in v.services)] for v in doc.visits],
        [0.18, 0.3, 0.52],
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
    story += _section(
        t("sec_access"),
        [t("when"), t("user"), t("action"), t("workstation")],
        [[format_datetime(lang, a.at), a.user, a.action, a.workstation] for a in doc.access],
        [0.27, 0.27, 0.28, 0.18],
        none,
    )
    return build(meta, letterhead, story)
