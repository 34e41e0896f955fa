"""The individual action plan, signed by the person, the contact person and (minors) guardian."""

from __future__ import annotations

from dataclasses import replace

from reportlab.platypus import Flowable

from clinic_app.documents.base import (
    build,
    data_table,
    field_table,
    heading,
    labelled,
    long_text,
    or_dash,
    para,
    signature_block,
    styles,
)
from clinic_app.documents.data import ActionPlanDoc, DocumentMeta, Language, Letterhead, PlanGoal
from clinic_app.documents.labels import enum_label, format_date, label
from clinic_app.vocabulary import PlanArea, PlanState


def goals_story(lang: Language, goals: tuple[PlanGoal, ...]) -> list[Flowable]:
    """Goals grouped under their plan area (in the vocabulary's order), each with its tasks."""
    story: list[Flowable] = []
    for area in PlanArea:
        in_area = [g for g in goals if g.area is area]
        if not in_area:
            continue
        story.append(heading(enum_label(lang, area)))
        for goal in in_area:
            story.append(labelled(label(lang, "goal"), goal.goal))
            if not goal.tasks:
                story.append(para(label(lang, "no_tasks"), styles().small))
                continue
            story.append(
                data_table(
                    [
                        label(lang, "task"),
                        label(lang, "responsible"),
                        label(lang, "due"),
                        label(lang, "status"),
                    ],
                    [
                        [
                            t.description,
                            t.responsible,
                            format_date(lang, t.due),
                            enum_label(lang, t.status),
                        ]
                        for t in goal.tasks
                    ],
                    [0.46, 0.2, 0.18, 0.16],
                )
            )
    return story


def render(doc: ActionPlanDoc, meta: DocumentMeta, letterhead: Letterhead) -> bytes:
    lang = meta.language
    draft = doc.state is PlanState.DRAFT
    end = format_date(lang, doc.period_end) if doc.period_end else label(lang, "open_ended")
    rows = [
        (label(lang, "name"), doc.person_name),
        (label(lang, "plan_period"), f"{format_date(lang, doc.period_start)} – {end}"),
    ]
    if doc.review_date:
        rows.append((label(lang, "review_date"), format_date(lang, doc.review_date)))
    rows += [
        (label(lang, "plan_version"), str(doc.version)),
        (label(lang, "plan_state"), enum_label(lang, doc.state)),
        (label(lang, "contact_person"), or_dash(doc.contact_person)),
    ]
    if doc.guardian_name:
        rows.append((label(lang, "guardian"), doc.guardian_name))
    intro = label(lang, "draft_note") if draft else label(lang, "plan_intro")
    story: list[Flowable] = [para(intro, styles().intro), field_table(rows)]
    story += goals_story(lang, doc.goals)
    if doc.health_goals_omitted:
        story.append(para(label(lang, "health_omitted"), styles().intro))
    if doc.notes.strip():
        story.append(heading(label(lang, "notes")))
        story += long_text(doc.notes)
    if not draft:
        # Only the agreed text is signed; a draft carries no signature lines.
        signers = [
            (label(lang, "sig_person"), doc.person_name),
            (label(lang, "sig_contact"), doc.contact_person),
        ]
        if doc.guardian_name:
            signers.append((label(lang, "sig_guardian"), doc.guardian_name))
        story.append(signature_block(lang, signers))
    if draft and not meta.watermark:
        meta = replace(meta, watermark=label(lang, "draft_watermark"))
    return build(meta, letterhead, story)
