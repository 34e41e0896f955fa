"""Consent to share named categories of information with one partner for one purpose."""

from __future__ import annotations

from reportlab.platypus import Flowable

from clinic_app.documents.base import (
    build,
    clean,
    field_table,
    heading,
    long_text,
    para,
    signature_block,
    styles,
)
from clinic_app.documents.data import ConsentFormDoc, DocumentMeta, Letterhead
from clinic_app.documents.labels import enum_label, format_date, label


def render(doc: ConsentFormDoc, meta: DocumentMeta, letterhead: Letterhead) -> bytes:
    lang = meta.language
    valid_to = (
        format_date(lang, doc.valid_to) if doc.valid_to else label(lang, "until_further_notice")
    )
    rows = [
        (label(lang, "name"), doc.person_name),
        (label(lang, "shared_with"), doc.partner_name),
        (label(lang, "valid"), f"{format_date(lang, doc.valid_from)} – {valid_to}"),
    ]
    if doc.interpreter_language:
        rows.append((label(lang, "interpreted"), doc.interpreter_language))
    # para() escapes the whole sentence, organisation name included.
    intro = label(lang, "consent_intro", organisation=clean(letterhead.organisation))
    story: list[Flowable] = [para(intro, styles().intro), field_table(rows)]
    story.append(heading(label(lang, "purpose")))
    story += long_text(doc.purpose)
    story.append(heading(label(lang, "categories")))
    if doc.data_categories:
        story += [para(f"•  {enum_label(lang, c)}") for c in doc.data_categories]
    else:
        story.append(para(label(lang, "none")))
    story.append(para(label(lang, "consent_withdraw"), styles().intro))
    signers = [(label(lang, "sig_person"), doc.person_name)]
    if doc.guardian_name:
        signers.append((label(lang, "sig_guardian"), doc.guardian_name))
    signers.append((label(lang, "sig_staff"), doc.staff_name))
    story.append(signature_block(lang, signers))
    return build(meta, letterhead, story)
