"""A referral / entitlement letter for a doctor, dentist, psychologist or hospital."""

from __future__ import annotations

from reportlab.platypus import Flowable

from clinic_app.documents.base import (
    build,
    data_table,
    field_table,
    heading,
    long_text,
    para,
    signature_block,
    styles,
)
from clinic_app.documents.data import DocumentMeta, HealthReferralDoc, Letterhead
from clinic_app.documents.labels import enum_label, format_date, label


def render(doc: HealthReferralDoc, meta: DocumentMeta, letterhead: Letterhead) -> bytes:
    lang = meta.language
    rows = [(label(lang, "addressed_to"), enum_label(lang, doc.recipient_kind))]
    if doc.include_name and doc.person_name:
        rows.append((label(lang, "person"), doc.person_name))
    rows += [
        (label(lang, "case_ref"), meta.case_ref),
        (label(lang, "urgency"), enum_label(lang, doc.urgency)),
    ]
    story: list[Flowable] = [para(label(lang, "referral_intro"), styles().intro), field_table(rows)]
    story.append(heading(label(lang, "reason")))
    story += long_text(doc.reason)
    story.append(heading(label(lang, "covered")))
    if doc.services:
        story.append(
            data_table(
                [label(lang, "service"), label(lang, "payer"), label(lang, "valid_until")],
                [
                    [
                        enum_label(lang, s.service),
                        enum_label(lang, s.payer),
                        format_date(lang, s.valid_until)
                        if s.valid_until
                        else label(lang, "until_further_notice"),
                    ]
                    for s in doc.services
                ],
                [0.34, 0.44, 0.22],
            )
        )
    else:
        story.append(para(label(lang, "none")))
    story.append(heading(label(lang, "basis")))
    story += long_text(doc.entitlement_basis)
    story.append(signature_block(lang, [(label(lang, "sig_staff"), doc.contact_person)]))
    return build(meta, letterhead, story)
