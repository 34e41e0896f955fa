"""Summary of one clinic visit; drop-in visitors are often anonymous, so the name is optional."""

from __future__ import annotations

from reportlab.platypus import Flowable

from clinic_app.documents.base import (
    build,
    data_table,
    field_table,
    heading,
    long_text,
    or_dash,
    para,
    signature_block,
    staff_signer,
)
from clinic_app.documents.data import DocumentMeta, Letterhead, VisitSummaryDoc
from clinic_app.documents.labels import enum_label, format_date, label


def render(doc: VisitSummaryDoc, meta: DocumentMeta, letterhead: Letterhead) -> bytes:
    lang = meta.language
    rows = []
    if doc.include_name and doc.person_name:
        rows.append((label(lang, "name"), doc.person_name))
    rows += [
        (label(lang, "visit_on"), format_date(lang, doc.visit_on)),
        (label(lang, "site"), or_dash(doc.site)),
        (label(lang, "services"), ", ".join(enum_label(lang, s) for s in doc.services) or "—"),
    ]
    if doc.interpreter is not None:
        interp = enum_label(lang, doc.interpreter)
        if doc.interpreter_language:
            interp = f"{interp} ({doc.interpreter_language})"
        rows.append((label(lang, "interpreter"), interp))
    if doc.follow_up_on is not None:
        rows.append((label(lang, "follow_up"), format_date(lang, doc.follow_up_on)))
    story: list[Flowable] = [field_table(rows)]
    story.append(heading(label(lang, "summary")))
    story += long_text(doc.summary) or [para("—")]
    if doc.referrals:
        story.append(heading(label(lang, "referrals")))
        story.append(
            data_table(
                [label(lang, "referred_to"), label(lang, "reason"), label(lang, "urgency")],
                [[r.to, r.reason, enum_label(lang, r.urgency)] for r in doc.referrals],
                [0.3, 0.52, 0.18],
            )
        )
    story.append(
        signature_block(lang, [(label(lang, "sig_staff"), staff_signer(meta, doc.staff_name))])
    )
    return build(meta, letterhead, story)
