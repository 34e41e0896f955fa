"""The yearly statistics summary: a publication, with a chart beside each table.

The service passes released figures only (None: suppressed); the document never sees a
hidden number. The page furniture is the public variant (no case reference, no staff name,
no personal-data line).
"""

from __future__ import annotations

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Table, TableStyle

from clinic_app.documents.base import (
    FRAME_WIDTH,
    PAGE_HEIGHT,
    build,
    clean,
    data_table,
    field_table,
    heading,
    para,
    styles,
)
from clinic_app.documents.data import (
    DocumentMeta,
    Letterhead,
    StatisticsSummaryDoc,
    StatSection,
)
from clinic_app.documents.fonts import FONT
from clinic_app.documents.labels import label

HIDDEN = ".."
TABLE_SHARE = 0.5  # of the frame width; the chart takes the rest
BAR_COLOUR = colors.HexColor("#4a6d8c")
CHART_LABEL_CHARS = 22


# Taller than this, a section's table is laid out above its chart instead of beside it.
SIDE_BY_SIDE_MAX = 400.0


def render(doc: StatisticsSummaryDoc, meta: DocumentMeta, letterhead: Letterhead) -> bytes:
    lang = meta.language
    threshold = doc.suppression_threshold

    def count(value: int | None) -> str:
        # None is a count the service suppressed; the document never sees the real number.
        return str(value) if value is not None else HIDDEN

    story: list[Flowable] = [
        field_table(
            [
                (label(lang, "period"), label(lang, "calendar_year", year=doc.year)),
                (label(lang, "area"), doc.area or label(lang, "all_sites")),
                (label(lang, "total_identified"), count(doc.total_identified)),
                (label(lang, "threshold"), str(threshold)),
            ]
        ),
        para(label(lang, "stats_hidden", hidden=HIDDEN, n_1=threshold - 1), styles().small),
    ]
    for section in doc.sections:
        table = data_table(
            [label(lang, "category"), label(lang, "count")],
            [[row.label, count(row.count)] for row in section.rows],
            [TABLE_SHARE * 0.72, TABLE_SHARE * 0.28],
        )
        chart = _chart(section)
        _w, tall = table.wrap(FRAME_WIDTH * TABLE_SHARE, PAGE_HEIGHT)
        if tall > SIDE_BY_SIDE_MAX:
            # A table longer than a page cannot split inside a side-by-side row: the table
            # flows over pages on its own and the chart follows it.
            story += [heading(section.title), table]
            if chart.height < SIDE_BY_SIDE_MAX:
                story.append(chart)
            continue
        side = Table(
            [[table, chart]],
            colWidths=[FRAME_WIDTH * TABLE_SHARE, FRAME_WIDTH * (1 - TABLE_SHARE)],
            hAlign="LEFT",
        )
        side.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ]
            )
        )
        story.append(KeepTogether([heading(section.title), side]))
    story.append(para(label(lang, "stats_note", n=threshold)))
    if doc.note.strip():
        story.append(para(doc.note, styles().small))
    return build(meta, letterhead, story)


def _chart(section: StatSection) -> Drawing:
    """Horizontal bars in the table's order (first at the top); hidden counts as zero."""
    rows = section.rows
    width = FRAME_WIDTH * (1 - TABLE_SHARE) - 4 * mm
    bar_space = 5.2 * mm
    height = max(18 * mm, bar_space * len(rows) + 12 * mm)
    drawing = Drawing(width, height)
    chart = HorizontalBarChart()
    chart.x = 34 * mm
    chart.y = 8 * mm
    chart.width = width - chart.x - 2 * mm
    chart.height = height - chart.y - 2 * mm
    values = [float(r.count or 0) for r in reversed(rows)]
    chart.data = [values or [0.0]]
    chart.bars[0].fillColor = BAR_COLOUR
    chart.bars[0].strokeColor = None
    chart.categoryAxis.categoryNames = [_short(r.label) for r in reversed(rows)] or [""]
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 6.5
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -2
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = max([*values, 4.0]) * 1.1
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.labels.fontSize = 6.5
    chart.valueAxis.labelTextFormat = "%d"
    drawing.add(chart)
    return drawing


def _short(text: str) -> str:
    text = clean(text)
    return text if len(text) <= CHART_LABEL_CHARS else text[: CHART_LABEL_CHARS - 1] + "…"
