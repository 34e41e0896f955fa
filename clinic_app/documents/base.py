"""The base document: fonts, text cleaning and escaping, page furniture, building blocks.

Every page carries the letterhead, document title, date, case reference, "Page x of y" and
the confidentiality line. All text that reaches a ``Paragraph`` goes through :func:`escape`
(via :func:`para`), so user text can never be read as reportlab markup.
"""

from __future__ import annotations

import functools
import io
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape as _xml_escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from clinic_app.config import resources_dir
from clinic_app.documents.data import DocumentMeta, Language, Letterhead
from clinic_app.documents.labels import enum_label, format_date, label

FONT_DIR = resources_dir() / "fonts"
FONT = "ClinicSans"
FONT_BOLD = "ClinicSans-Bold"
FONT_OBLIQUE = "ClinicSans-Oblique"

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_X = 18 * mm
MARGIN_TOP = 38 * mm
MARGIN_BOTTOM = 22 * mm
FRAME_WIDTH = PAGE_WIDTH - 2 * MARGIN_X  # usable width for text and tables
_FRAME_PADDING = 6  # reportlab's default Frame padding, in points

GREY = colors.HexColor("#555555")
RULE = colors.HexColor("#999999")
SHADE = colors.HexColor("#EEEEEE")

# Explicit bidi controls (embeddings, overrides, isolates, marks). An override such as
# U+202E can make "4102" print where "2014" was typed, or reverse a name: on a legal document
# the printed order must be the typed order, so they are removed, never interpreted.
_BIDI_CONTROLS = frozenset([0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)])
# Scripts written right to left or needing contextual shaping (Hebrew, Arabic, Syriac ...).
_SHAPED_RE = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
REPLACEMENT = "\ufffd"


@functools.cache
def register_fonts() -> frozenset[int]:
    """Register the bundled DejaVu Sans family once; return the code points it covers.

    Called lazily by the renderers, never at import time. The coverage is the regular
    face's: bold and oblique lack Arabic (and N'Ko, Tifinagh), so text in those scripts is
    always set in the regular face (see :func:`_shaped` and :func:`_draw_text`).
    """
    faces = {
        FONT: "DejaVuSans.ttf",
        FONT_BOLD: "DejaVuSans-Bold.ttf",
        FONT_OBLIQUE: "DejaVuSans-Oblique.ttf",
    }
    for name, filename in faces.items():
        pdfmetrics.registerFont(TTFont(name, str(FONT_DIR / filename)))
    pdfmetrics.registerFontFamily(
        FONT, normal=FONT, bold=FONT_BOLD, italic=FONT_OBLIQUE, boldItalic=FONT_BOLD
    )
    regular = pdfmetrics.getFont(FONT)
    return frozenset(regular.face.charToGlyph)


def clean(text: str) -> str:
    """Make user text safe to draw: the visible characters, as typed, nothing that steers.

    - bidi controls (U+202A-U+202E, U+2066-U+2069, LRM/RLM/ALM) are removed;
    - C0/C1 control characters are removed, tabs become spaces, line breaks are kept as
      ``\\n``; lone surrogates become U+FFFD;
    - characters the bundled font lacks (CJK, most symbols) and every character outside the
      Basic Multilingual Plane (emoji) become U+FFFD, and invisible format or combining
      characters the font lacks are dropped, so the PDF shows a visible replacement mark
      instead of an empty box and its text layer stays valid.
    """
    covered = register_fonts()
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    out: list[str] = []
    append = out.append
    for ch in text:
        cp = ord(ch)
        if cp == 0x0A:
            append("\n")
        elif cp == 0x09:
            append(" ")
        elif cp < 0x20 or 0x7F <= cp < 0xA0 or cp in _BIDI_CONTROLS:
            continue
        elif cp == 0x2028 or cp == 0x2029:
            append("\n")
        elif cp > 0xFFFF:
            # reportlab 5.1 writes astral code points into the ToUnicode map as 5-digit hex,
            # which readers reject; DejaVu has few such glyphs (some emoji) anyway.
            append(REPLACEMENT)
        elif cp in covered:
            append(ch)
        elif unicodedata.category(ch) in ("Cf", "Mn", "Me"):
            continue  # an invisible joiner or selector the font lacks
        else:
            append(REPLACEMENT)  # includes lone surrogates, which could not be encoded
    return "".join(out)


def escape(text: str) -> str:
    """Clean ``text`` and escape it for a reportlab ``Paragraph``; newlines become breaks."""
    return _xml_escape(clean(text)).replace("\n", "<br/>")


# --- styles -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Styles:
    body: ParagraphStyle
    small: ParagraphStyle
    heading: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    intro: ParagraphStyle


@functools.cache
def styles() -> Styles:
    register_fonts()
    # splitLongWords lets a 300-letter name without spaces break inside a table cell.
    body = ParagraphStyle(
        "body",
        fontName=FONT,
        fontSize=9.5,
        leading=12.5,
        alignment=TA_LEFT,
        spaceAfter=4,
        splitLongWords=1,
    )
    return Styles(
        body=body,
        small=ParagraphStyle("small", parent=body, fontSize=8, leading=10, textColor=GREY),
        heading=ParagraphStyle(
            "heading",
            parent=body,
            fontName=FONT_BOLD,
            fontSize=11,
            leading=14,
            spaceBefore=8,
            spaceAfter=4,
            keepWithNext=1,
        ),
        cell=ParagraphStyle("cell", parent=body, fontSize=8.5, leading=10.5, spaceAfter=0),
        cell_bold=ParagraphStyle(
            "cell_bold", parent=body, fontName=FONT_BOLD, fontSize=8.5, leading=10.5, spaceAfter=0
        ),
        intro=ParagraphStyle("intro", parent=body, fontName=FONT_OBLIQUE, spaceAfter=8),
    )


@functools.cache
def _shaped(style: ParagraphStyle) -> ParagraphStyle:
    """The style for Arabic/Hebrew text: HarfBuzz shaping, in the regular face, the only one
    with Arabic glyphs (a bold heading containing Arabic prints regular; ``<b>`` labels in
    the same paragraph stay bold)."""
    return ParagraphStyle(style.name + "_shaped", parent=style, shaping=1, fontName=FONT)


def para(text: str, style: ParagraphStyle | None = None) -> Paragraph:
    """A paragraph of plain text (user text or a label), always escaped.

    Text containing Arabic or Hebrew letters is shaped with HarfBuzz so letters join.
    """
    st = style or styles().body
    cleaned = clean(text)
    if _SHAPED_RE.search(cleaned):
        st = _shaped(st)
    return Paragraph(_xml_escape(cleaned).replace("\n", "<br/>"), st)


def labelled(name: str, text: str, style: ParagraphStyle | None = None) -> Paragraph:
    """``name: text`` with the label in bold; both parts are escaped."""
    st = style or styles().body
    cleaned = clean(text)
    if _SHAPED_RE.search(cleaned):
        st = _shaped(st)
    body = _xml_escape(cleaned).replace("\n", "<br/>")
    return Paragraph(f"<b>{escape(name)}:</b> {body}", st)


def heading(text: str) -> Paragraph:
    return para(text, styles().heading)


def long_text(text: str) -> list[Flowable]:
    """Free text that may run to many pages: one paragraph per blank-line separated block.

    Top-level paragraphs split across pages, unlike text inside a table row.
    """
    blocks = [b for b in re.split(r"\n\s*\n", text) if b.strip()]
    return [para(b) for b in blocks]


# --- tables -----------------------------------------------------------------------------

_TABLE_BASE = [
    ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ("LEFTPADDING", (0, 0), (-1, -1), 3),
    ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ("TOPPADDING", (0, 0), (-1, -1), 2),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
]


def field_table(rows: Sequence[tuple[str, str]], label_width: float = 0.32) -> Table:
    """Label/value pairs, labels in bold; long values split across pages."""
    st = styles()
    data = [[para(k, st.cell_bold), para(v, st.cell)] for k, v in rows]
    widths = [FRAME_WIDTH * label_width, FRAME_WIDTH * (1 - label_width)]
    table = Table(data, colWidths=widths, hAlign="LEFT", splitInRow=1)
    table.setStyle(TableStyle([*_TABLE_BASE, ("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE)]))
    return table


def data_table(
    header: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[float]
) -> Table:
    """A list with a header row repeated on every page; ``widths`` are fractions of the frame."""
    st = styles()
    data: list[list[Any]] = [[para(h, st.cell_bold) for h in header]]
    data.extend([para(c, st.cell) for c in row] for row in rows)
    table = Table(
        data,
        colWidths=[FRAME_WIDTH * w for w in widths],
        repeatRows=1,
        hAlign="LEFT",
        splitInRow=1,
    )
    table.setStyle(
        TableStyle(
            [
                *_TABLE_BASE,
                ("BACKGROUND", (0, 0), (-1, 0), SHADE),
                ("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE),
            ]
        )
    )
    return table


SIGNER_NAME_MAX = 300


def signature_block(lang: Language, signers: Sequence[tuple[str, str]]) -> Flowable:
    """Signature lines, one per (role label, printed name), each with a date line.

    Kept together so a signature never lands on a page without the lines above it. Names
    are shortened to :data:`SIGNER_NAME_MAX` characters here: a caption under a signature
    line is not where a name is recorded, and the block must fit on one page.
    """
    st = styles()
    rows: list[list[Any]] = []
    for role, full_name in signers:
        name = full_name if len(full_name) <= SIGNER_NAME_MAX else full_name[:SIGNER_NAME_MAX] + "…"
        rows.append(["", ""])
        rows.append(
            [
                para(f"{label(lang, 'signature')} — {role}", st.cell_bold),
                para(label(lang, "date"), st.cell_bold),
            ]
        )
        rows.append([para(name or " ", st.cell), ""])
    table = Table(
        rows, colWidths=[FRAME_WIDTH * 0.62, FRAME_WIDTH * 0.3], hAlign="LEFT", splitInRow=1
    )
    commands: list[tuple[Any, ...]] = list(_TABLE_BASE)
    for i in range(len(signers)):
        top = i * 3
        commands += [
            ("TOPPADDING", (0, top), (-1, top), 14 * mm if i == 0 else 12 * mm),
            ("LINEBELOW", (0, top), (0, top), 0.6, colors.black),
            ("LINEBELOW", (1, top), (1, top), 0.6, colors.black),
        ]
    table.setStyle(TableStyle(commands))
    # The gap between the two underlines is the column padding; a narrow right column keeps
    # the date line visibly separate from the signature line.
    return KeepTogether([Spacer(0, 4 * mm), table])


def recipient_block(meta: DocumentMeta) -> list[Flowable]:
    if meta.recipient is None:
        return []
    r = meta.recipient
    lines = [line for line in (r.name, r.organisation, r.address) if line.strip()]
    return [
        para(f"{label(meta.language, 'to')}:", styles().cell_bold),
        para("\n".join(lines)),
        Spacer(0, 3 * mm),
    ]


# --- page furniture ---------------------------------------------------------------------


def _fit(text: str, font: str, size: float, width: float) -> str:
    """Shorten ``text`` with an ellipsis so a header or footer line never overruns."""
    text = " ".join(clean(text).split())
    if pdfmetrics.stringWidth(text, font, size) <= width:
        return text
    while text and pdfmetrics.stringWidth(text + "…", font, size) > width:
        text = text[: max(0, len(text) - max(1, len(text) // 8))]
    return text + "…"


def _draw_text(
    canv: Canvas,
    x: float,
    y: float,
    text: str,
    font: str,
    size: float,
    width: float,
    *,
    right: bool = False,
) -> None:
    """Draw one header/footer line, shortened to ``width``; Arabic/Hebrew are shaped."""
    shaped = bool(_SHAPED_RE.search(text))
    if shaped:
        font = FONT  # the only face with Arabic glyphs
    fitted = _fit(text, font, size, width)
    canv.setFont(font, size)
    if right:
        canv.drawRightString(x, y, fitted, shaping=shaped)
    else:
        canv.drawString(x, y, fitted, shaping=shaped)


def _draw_furniture(canv: Canvas, meta: DocumentMeta, letterhead: Letterhead) -> None:
    lang = meta.language
    left, right = MARGIN_X, PAGE_WIDTH - MARGIN_X
    top = PAGE_HEIGHT - 14 * mm
    reach = " · ".join(
        part
        for part in (
            f"{label(lang, 'phone')} {letterhead.phone}" if letterhead.phone else "",
            letterhead.email,
        )
        if part
    )
    canv.saveState()
    canv.setFillColor(colors.black)
    _draw_text(canv, left, top, letterhead.organisation, FONT_BOLD, 11.5, FRAME_WIDTH * 0.58)
    date_text = f"{label(lang, 'date')}: {format_date(lang, meta.issued_on)}"
    _draw_text(canv, right, top, date_text, FONT, 8.5, FRAME_WIDTH * 0.38, right=True)
    if not meta.public:
        ref_text = f"{label(lang, 'case_ref')}: {meta.case_ref}"
        _draw_text(canv, right, top - 4.5 * mm, ref_text, FONT, 8.5, FRAME_WIDTH * 0.38, right=True)
    title = enum_label(lang, meta.doc_type)
    _draw_text(canv, left, top - 13.8 * mm, title, FONT_BOLD, 13, FRAME_WIDTH)
    canv.setFillColor(GREY)
    _draw_text(canv, left, top - 4.3 * mm, letterhead.address, FONT, 7.5, FRAME_WIDTH * 0.6)
    _draw_text(canv, left, top - 7.8 * mm, reach, FONT, 7.5, FRAME_WIDTH * 0.6)
    canv.setStrokeColor(RULE)
    canv.setLineWidth(0.6)
    canv.line(left, top - 16.5 * mm, right, top - 16.5 * mm)
    # footer; "Page x of y" is added by the canvas once the total is known
    canv.line(left, 16 * mm, right, 16 * mm)
    canv.setFillColor(colors.black)
    footer = label(lang, "public" if meta.public else "confidential")
    _draw_text(canv, left, 12 * mm, footer, FONT_BOLD, 7.5, FRAME_WIDTH * 0.8)
    canv.setFillColor(GREY)
    if not meta.public:  # a publication names no staff member
        printed = f"{label(lang, 'printed_by')}: {meta.printed_by}"
        _draw_text(canv, left, 8.5 * mm, printed, FONT, 7, FRAME_WIDTH * 0.8)
    canv.restoreState()


def _numbered_canvas(page_label: str) -> type[Canvas]:
    """A canvas that defers each page until the total is known ("Page x of y")."""

    class NumberedCanvas(Canvas):  # type: ignore[misc]  # reportlab ships no type hints
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._page_states: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._page_states.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._page_states)
            for state in self._page_states:
                self.__dict__.update(state)
                self.setFont(FONT, 8)
                self.drawRightString(
                    PAGE_WIDTH - MARGIN_X,
                    12 * mm,
                    page_label.format(page=self._pageNumber, pages=total),
                )
                super().showPage()
            super().save()

    return NumberedCanvas


def build(meta: DocumentMeta, letterhead: Letterhead, story: list[Flowable]) -> bytes:
    """Lay out ``story`` on the standard pages and return the PDF bytes.

    The PDF metadata names only the document type and the organisation: never the case
    reference, a name or a recipient, since file managers and mail clients show metadata.
    """
    register_fonts()
    lang = meta.language
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        # The frame pads its content by 6 pt; start it that much further out so text and
        # tables line up with the header and fill exactly FRAME_WIDTH.
        leftMargin=MARGIN_X - _FRAME_PADDING,
        rightMargin=MARGIN_X - _FRAME_PADDING,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=enum_label(lang, meta.doc_type),
        author=_fit(letterhead.organisation, FONT, 10, 2000),
        subject=f"clinic_app {meta.doc_type.value}",
        keywords=[meta.doc_type.value, lang],
        creator="clinic_app",
        producer="clinic_app (ReportLab)",
        lang="da-DK" if lang == "da" else "en-GB",
        initialFontName=FONT,
    )

    def on_page(canv: Canvas, _doc: Any) -> None:
        _draw_furniture(canv, meta, letterhead)

    full_story = [*recipient_block(meta), *story]
    doc.build(
        full_story,
        onFirstPage=on_page,
        onLaterPages=on_page,
        canvasmaker=_numbered_canvas(label(lang, "page")),
    )
    return buffer.getvalue()


def or_dash(text: str | None) -> str:
    return text if text and text.strip() else "—"
