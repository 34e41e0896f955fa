"""A minor's case summary for the professional personal representative (guardian)."""

from __future__ import annotations

from reportlab.platypus import Flowable

from clinic_app.documents.action_plan import goals_story
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
    styles,
)
from clinic_app.documents.data import DocumentMeta, GuardianSummaryDoc, Letterhead
from clinic_app.documents.labels import format_date, label


def render(doc: GuardianSummaryDoc, meta: DocumentMeta, letterhead: Letterhead) -> bytes:
    lang = meta.language
    rows = [
        (label(lang, "child"), doc.child_name),
        (label(lang, "age"), or_dash(doc.age_text)),
        (
            label(lang, "turns_18"),
            label(lang, "estimated_date", date=format_date(lang, doc.turns_18_on))
            if doc.turns_18_estimated and doc.turns_18_on
            else format_date(lang, doc.turns_18_on),
        ),
        (label(lang, "guardian"), doc.guardian_name),
        (label(lang, "contact_person"), or_dash(doc.contact_person)),
    ]
    story: list[Flowable] = [para(label(lang, "guardian_intro"), styles().intro), field_table(rows)]
    story.append(heading(label(lang, "legal_status")))
    story += [para(f"•  {line}") for line in doc.legal_status] or [para(label(lang, "none"))]
    story.append(heading(label(lang, "events")))
    if doc.events:
        story.append(
            data_table(
                [label(lang, "date"), label(lang, "event")],
                [[format_date(lang, e.on), e.text] for e in doc.events],
                [0.18, 0.82],
            )
        )
    else:
        story.append(para(label(lang, "none")))
    if doc.goals:
        story.append(heading(label(lang, "plan_goals")))
        story += goals_story(lang, doc.goals)
    if doc.schooling.strip():
        story.append(heading(label(lang, "schooling")))
        story += long_text(doc.schooling)
    if doc.notes.strip():
        story.append(heading(label(lang, "notes")))
        story += long_text(doc.notes)
    story.append(
        signature_block(
            lang, [(label(lang, "sig_contact"), doc.contact_person or staff_signer(meta))]
        )
    )
    return build(meta, letterhead, story)
