"""A referral / entitlement letter for a doctor, dentist, psychologist or hospital.

It answers the reader's questions first, in a box at the top: why we refer, what we ask,
and who pays until when (or, plainly, that nothing is covered and whom to contact).
"""

from __future__ import annotations

from reportlab.platypus import Flowable

from clinic_app.documents.base import (
    ANSWER_WIDTH,
    answer_box,
    build,
    data_table,
    field_table,
    heading,
    long_text,
    para,
    signature_block,
    staff_signer,
)
from clinic_app.documents.data import DocumentMeta, HealthReferralDoc, Letterhead
from clinic_app.documents.labels import enum_label, format_date, label


def render(doc: HealthReferralDoc, meta: DocumentMeta, letterhead: Letterhead) -> bytes:
    lang = meta.language
    rows: list[tuple[str, str]] = []
    if doc.recipient_kind is not None:
        rows.append((label(lang, "addressed_to"), enum_label(lang, doc.recipient_kind)))
    if doc.include_name and doc.person_name:
        rows.append((label(lang, "person"), doc.person_name))
        if doc.birth_text:
            rows.append((label(lang, "birth"), doc.birth_text))
    rows.append((label(lang, "case_ref"), meta.case_ref))
    if doc.reason.strip():
        rows.append((label(lang, "urgency"), enum_label(lang, doc.urgency)))
    rows.append(
        (
            label(lang, "interpreter_need"),
            doc.interpreter_language or label(lang, "interpreter_none"),
        )
    )
    referrer = ", ".join(x for x in (doc.referrer, doc.referrer_phone) if x)
    if referrer:
        rows.append((label(lang, "referrer"), referrer))

    has_reason = bool(doc.reason.strip())
    reason = long_text(doc.reason) if has_reason else [para(label(lang, "referral_no_reason"))]
    asked = "referral_asked" if has_reason else "referral_asked_entitlement"
    if doc.services:
        payer: list[Flowable] = [
            para(label(lang, "referral_covered_intro")),
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
                width=ANSWER_WIDTH,
            ),
        ]
    else:
        payer = [para(label(lang, "referral_not_covered"))]
    story: list[Flowable] = [
        answer_box(
            [
                (label(lang, "referral_answer_reason"), reason),
                (label(lang, "referral_answer_asked"), [para(label(lang, asked))]),
                (label(lang, "referral_answer_payer"), payer),
            ]
        ),
        field_table(rows),
    ]
    if doc.services:
        story.append(heading(label(lang, "basis")))
        story += long_text(doc.entitlement_basis)
    signer = staff_signer(meta, doc.referrer)
    story.append(signature_block(lang, [(label(lang, "sig_staff"), signer)]))
    return build(meta, letterhead, story)
