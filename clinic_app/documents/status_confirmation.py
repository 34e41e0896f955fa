"""Status confirmation for a lawyer, the police or DIS: identification, reflection, permits."""

from __future__ import annotations

from reportlab.platypus import Flowable

from clinic_app.documents.base import (
    answer_box,
    build,
    data_table,
    field_table,
    heading,
    para,
    signature_block,
    staff_signer,
    styles,
)
from clinic_app.documents.data import DocumentMeta, Letterhead, StatusConfirmationDoc
from clinic_app.documents.labels import enum_label, format_date, label


def render(doc: StatusConfirmationDoc, meta: DocumentMeta, letterhead: Letterhead) -> bytes:
    lang = meta.language

    def d(value: object) -> str:
        return format_date(lang, value)  # type: ignore[arg-type]

    head = [(label(lang, "case_ref"), meta.case_ref)]
    if doc.include_name and doc.person_name:
        head.insert(0, (label(lang, "name"), doc.person_name))
    ident = doc.identification
    status = enum_label(lang, ident.outcome) if ident.outcome else label(lang, "presumed")
    if ident.authority:
        status += " — " + label(
            lang,
            "decided_by_on",
            authority=enum_label(lang, ident.authority),
            date=d(ident.decided_on),
        )
    if doc.current_deadline:
        deadline: list[Flowable] = [para(d(doc.current_deadline)), para(doc.then_text)]
    else:
        deadline = [para(label(lang, "no_deadline"))]
    story: list[Flowable] = [
        para(label(lang, "status_intro"), styles().intro),
        heading(label(lang, "status_answer")),
        answer_box(
            [
                (label(lang, "status"), [para(status)]),
                (
                    label(lang, "current_stay"),
                    [para(doc.legal_stay or label(lang, "stay_unknown"))],
                ),
                (label(lang, "current_deadline"), deadline),
            ]
        ),
        field_table(head),
    ]

    story.append(heading(label(lang, "reflection")))
    if doc.reflection:
        r = doc.reflection
        story.append(
            field_table(
                [
                    (label(lang, "from"), d(r.start)),
                    (label(lang, "until"), d(r.end)),
                    (label(lang, "max_end"), d(r.max_end)),
                    (label(lang, "rule_set"), r.rule_set_id),
                ]
            )
        )
    else:
        story.append(para(label(lang, "none")))

    story.append(heading(label(lang, "permits")))
    if doc.permits:
        story.append(
            data_table(
                [
                    label(lang, "permit"),
                    label(lang, "from"),
                    label(lang, "until"),
                    label(lang, "rule_set"),
                ],
                [
                    [p.description, d(p.valid_from), d(p.valid_to), p.rule_set_id or "—"]
                    for p in doc.permits
                ],
                [0.36, 0.18, 0.18, 0.28],
            )
        )
    else:
        story.append(para(label(lang, "none")))

    story.append(heading(label(lang, "asylum")))
    if doc.asylum:
        a = doc.asylum
        story.append(
            field_table(
                [
                    (label(lang, "applied_on"), d(a.applied_on)),
                    (
                        label(lang, "outcome"),
                        enum_label(lang, a.outcome) if a.outcome else label(lang, "pending"),
                    ),
                    (label(lang, "decided_on"), d(a.decided_on)),
                ]
            )
        )
    else:
        story.append(para(label(lang, "none")))

    if doc.explanations:
        story.append(heading(label(lang, "explanations")))
        story.append(
            data_table(
                [label(lang, "detail"), label(lang, "rule_set")],
                [[e.text, e.rule_set_id] for e in doc.explanations],
                [0.76, 0.24],
            )
        )
    story.append(signature_block(lang, [(label(lang, "sig_staff"), staff_signer(meta))]))
    return build(meta, letterhead, story)
