"""Referral to IOM for assisted voluntary return and reintegration."""

from __future__ import annotations

from reportlab.platypus import Flowable

from clinic_app.documents.base import (
    build,
    field_table,
    heading,
    long_text,
    or_dash,
    para,
    signature_block,
    styles,
)
from clinic_app.documents.data import DocumentMeta, IomReferralDoc, Letterhead
from clinic_app.documents.labels import format_date, label


def render(doc: IomReferralDoc, meta: DocumentMeta, letterhead: Letterhead) -> bytes:
    lang = meta.language
    rows = [
        (label(lang, "name"), doc.person_name),
        (label(lang, "birth"), or_dash(doc.birth_text)),
        (label(lang, "nationality"), or_dash(doc.nationality)),
        (label(lang, "destination"), or_dash(doc.destination)),
        (
            label(lang, "preferred_departure"),
            format_date(lang, doc.preferred_departure)
            if doc.preferred_departure
            else label(lang, "not_set"),
        ),
        (label(lang, "reflection_end"), format_date(lang, doc.reflection_end)),
        (label(lang, "travel_documents"), or_dash(doc.travel_documents)),
        (label(lang, "contact_person"), or_dash(doc.contact_person)),
    ]
    if doc.escort:
        rows.append((label(lang, "escort"), doc.escort))
    if doc.consent_reference:
        rows.append((label(lang, "consent_ref"), doc.consent_reference))
    story: list[Flowable] = [para(label(lang, "iom_intro"), styles().intro), field_table(rows)]
    story.append(heading(label(lang, "health_needs")))
    if doc.health_needs.strip():
        story += long_text(doc.health_needs)
    else:
        key = "iom_health_withheld" if doc.health_withheld else "iom_health_none"
        story.append(para(label(lang, key)))
    story.append(heading(label(lang, "reintegration")))
    story += long_text(doc.reintegration_wishes) or [para(label(lang, "none"))]
    signers = [
        (label(lang, "sig_person"), doc.person_name),
        (label(lang, "sig_contact"), doc.contact_person),
    ]
    if doc.escort:
        signers.append((label(lang, "escort"), doc.escort))
    story.append(signature_block(lang, signers))
    return build(meta, letterhead, story)
