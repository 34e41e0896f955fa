"""A one-page yearly summary table; small counts are suppressed by the caller."""

from __future__ import annotations

from reportlab.platypus import Flowable

from clinic_app.documents.base import build, data_table, field_table, heading, long_text, para
from clinic_app.documents.data import DocumentMeta, Letterhead, StatisticsSummaryDoc
from clinic_app.documents.labels import label


def render(doc: StatisticsSummaryDoc, meta: DocumentMeta, letterhead: Letterhead) -> bytes:
    lang = meta.language
    threshold = doc.suppression_threshold

    def count(value: int | None) -> str:
        # None is a count the service suppressed; the document never sees the real number.
        return str(value) if value is not None else label(lang, "suppressed", n=threshold)

    story: list[Flowable] = [
        field_table(
            [
                (label(lang, "year"), str(doc.year)),
                (label(lang, "total_identified"), count(doc.total_identified)),
            ]
        )
    ]
    for section in doc.sections:
        story.append(heading(section.title))
        story.append(
            data_table(
                [label(lang, "category"), label(lang, "count")],
                [[row.label, count(row.count)] for row in section.rows],
                [0.7, 0.3],
            )
        )
    story.append(para(label(lang, "stats_note", n=threshold)))
    if doc.note.strip():
        story += long_text(doc.note)
    return build(meta, letterhead, story)
