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
from reportlab.pdfbase.ttfonts import shapeStr
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

from clinic_app.documents.data import DocumentMeta, Language, Letterhead
from clinic_app.documents.fonts import (
    BOLD,
    REGULAR,
    covers,
    face_of,
    font_runs,
    needs_shaping,
    visual_order,
)

# Re-exported: the documents and benchmarks name the base face through this module.
from clinic_app.documents.fonts import FONT as FONT
from clinic_app.documents.fonts import FONT_BOLD as FONT_BOLD
from clinic_app.documents.fonts import FONT_OBLIQUE as FONT_OBLIQUE
from clinic_app.documents.fonts import register_fonts as register_fonts
from clinic_app.documents.labels import enum_label, format_date, label

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
REPLACEMENT = "\ufffd"


def clean(text: str) -> str:
    """Make user text safe to draw: the visible characters, as typed, nothing that steers.

    - bidi controls (U+202A-U+202E, U+2066-U+2069, LRM/RLM/ALM) are removed;
    - C0/C1 control characters are removed, tabs become spaces, line breaks are kept as
      ``\\n``; lone surrogates become U+FFFD;
    - characters no bundled font has (most symbols) and every character outside the Basic
      Multilingual Plane (emoji) become U+FFFD, and invisible format or combining characters
      no font has are dropped, so the PDF shows a visible replacement mark instead of an
      empty box and its text layer stays valid.
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
        elif cp in covered or covers(ch):
            append(ch)
        elif unicodedata.category(ch) in ("Cf", "Mn", "Me"):
            continue  # an invisible joiner or selector the font lacks
        else:
            append(REPLACEMENT)  # includes lone surrogates, which could not be encoded
    return "".join(out)


def markup(cleaned: str, face: str = REGULAR) -> str:
    """Cleaned text as ``Paragraph`` markup: each line in bidi visual order, escaped, with
    ``<font>`` runs for the scripts the base face lacks; newlines become breaks."""
    lines: list[str] = []
    for line in cleaned.split("\n"):
        parts: list[str] = []
        for font, run in font_runs(visual_order(line), face):
            text = _xml_escape(run)
            base = font in (FONT, FONT_BOLD, FONT_OBLIQUE)
            parts.append(text if base else f'<font name="{font}">{text}</font>')
        lines.append("".join(parts))
    return "<br/>".join(lines)


def escape(text: str, face: str = REGULAR) -> str:
    """Clean ``text`` and make it ``Paragraph`` markup (see :func:`markup`)."""
    return markup(clean(text), face)


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
    """The style for text in scripts HarfBuzz must shape (Arabic joining, Indic conjuncts,
    Thai marks, right-to-left words)."""
    return ParagraphStyle(style.name + "_shaped", parent=style, shaping=1)


def para(text: str, style: ParagraphStyle | None = None) -> Paragraph:
    """A paragraph of plain text (user text or a label), always escaped.

    Each line is set in bidi visual order, each run in a font that has its script, and
    shaped with HarfBuzz where the script needs it.
    """
    st = style or styles().body
    cleaned = clean(text)
    if needs_shaping(cleaned):
        st = _shaped(st)
    return Paragraph(markup(cleaned, face_of(st.fontName)), st)


def labelled(name: str, text: str, style: ParagraphStyle | None = None) -> Paragraph:
    """``name: text`` with the label in bold; both parts are escaped."""
    st = style or styles().body
    cleaned = clean(text)
    cleaned_name = clean(name)
    if needs_shaping(cleaned) or needs_shaping(cleaned_name):
        st = _shaped(st)
    body = markup(cleaned, face_of(st.fontName))
    return Paragraph(f"<b>{markup(cleaned_name, BOLD)}:</b> {body}", st)


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
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    widths: Sequence[float],
    *,
    width: float = FRAME_WIDTH,
) -> Table:
    """A list with a header row repeated on every page; ``widths`` are fractions of
    ``width`` (the frame, or :data:`ANSWER_WIDTH` inside an answer box)."""
    st = styles()
    data: list[list[Any]] = [[para(h, st.cell_bold) for h in header]]
    data.extend([para(c, st.cell) for c in row] for row in rows)
    table = Table(
        data,
        colWidths=[width * w for w in widths],
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


LONG_TABLE_CHUNK = 30


def long_table(
    header: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[float]
) -> list[Flowable]:
    """A list of any length, as tables of :data:`LONG_TABLE_CHUNK` rows each with its
    header. reportlab re-measures the rest of a table at every page break, so one table of
    a thousand rows costs pages × rows; chunks of about a page keep it linear."""
    return [
        data_table(header, rows[i : i + LONG_TABLE_CHUNK], widths)
        for i in range(0, max(1, len(rows)), LONG_TABLE_CHUNK)
    ]


ANSWER_BACKGROUND = colors.HexColor("#F3F3F3")
_ANSWER_PADDING = 6
ANSWER_WIDTH = FRAME_WIDTH - 2 * _ANSWER_PADDING - 2  # what fits inside an answer box


def answer_box(sections: Sequence[tuple[str, Sequence[Flowable]]]) -> Table:
    """The reader's questions answered first: a framed box of (question, answer) sections
    at the top of a letter. Rows may split across pages like any table."""
    st = styles()
    data: list[list[Any]] = [[[para(q, st.cell_bold), *answer]] for q, answer in sections]
    table = Table(data, colWidths=[FRAME_WIDTH], hAlign="LEFT", splitInRow=1, spaceAfter=8)
    table.setStyle(
        TableStyle(
            [
                *_TABLE_BASE,
                ("LEFTPADDING", (0, 0), (-1, -1), _ANSWER_PADDING),
                ("RIGHTPADDING", (0, 0), (-1, -1), _ANSWER_PADDING),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                ("BACKGROUND", (0, 0), (-1, -1), ANSWER_BACKGROUND),
                ("BOX", (0, 0), (-1, -1), 0.8, RULE),
                ("LINEBELOW", (0, 0), (-1, -2), 0.25, RULE),
            ]
        )
    )
    return table


SIGNER_NAME_MAX = 300


def staff_signer(meta: DocumentMeta, name: str = "") -> str:
    """The signing staff member as "name, title": ``name`` or, if blank, whoever printed."""
    who = name.strip() or meta.printed_by
    title = meta.printed_by_title
    return f"{who}, {title}" if title and title.casefold() != who.casefold() else who


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


def _pieces(text: str, face: str, size: float) -> list[tuple[str, str, float, bool]]:
    """A cleaned line as (font, text, width, shaped) pieces in visual order. Words to be
    shaped are separate pieces: HarfBuzz lays out one word at a time in its own direction."""
    out: list[tuple[str, str, float, bool]] = []
    for font, run in font_runs(visual_order(text), face):
        chunks = re.split(r"( +)", run) if needs_shaping(run) else [run]
        for chunk in chunks:
            if not chunk:
                continue
            shaped = needs_shaping(chunk)
            width = pdfmetrics.stringWidth(chunk, font, size)
            if shaped:
                data = getattr(shapeStr(chunk, font, size), "__shapeData__", None)
                if data:
                    width = sum(d.x_advance for d in data) * size / 1000
            out.append((font, chunk, width, shaped))
    return out


def _fit(text: str, font: str, size: float, width: float) -> str:
    """Shorten ``text`` with an ellipsis so a header or footer line never overruns."""
    face = face_of(font)
    text = " ".join(clean(text).split())

    def measure(t: str) -> float:
        return sum(p[2] for p in _pieces(t, face, size))

    if measure(text) <= width:
        return text
    while text and measure(text + "…") > width:
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
    """Draw one header/footer line, shortened to ``width``, in visual order, each run in a
    font that has its script and shaped where the script needs it."""
    pieces = _pieces(_fit(text, font, size, width), face_of(font), size)
    if right:
        x -= sum(p[2] for p in pieces)
    for name, chunk, w, shaped in pieces:
        canv.setFont(name, size)
        canv.drawString(x, y, chunk, shaping=shaped)
        x += w


@dataclass(frozen=True, slots=True)
class _Header:
    """The letterhead laid out for the page width: wrapped, never cut."""

    org_lines: tuple[str, ...]
    org_size: float
    detail_lines: tuple[str, ...]  # address, then phone and e-mail

    @property
    def height(self) -> float:
        """From the top line to the rule under the title, in points."""
        extra_org = (len(self.org_lines) - 1) * (self.org_size + 1.5)
        details = (max(1, len(self.detail_lines)) - 1) * 3.5 * mm
        return float(extra_org + details + 13 * mm)


_ORG_WIDTH = FRAME_WIDTH * 0.58
_ORG_MAX_LINES = 3


def _wrap(text: str, font: str, size: float, width: float) -> list[str]:
    words = " ".join(clean(text).split()).split(" ")
    lines: list[str] = []
    line = ""
    for word in words:
        trial = f"{line} {word}" if line else word
        if line and pdfmetrics.stringWidth(trial, font, size) > width:
            lines.append(line)
            line = word
        else:
            line = trial
    if line:
        lines.append(line)
    return lines


@functools.lru_cache(maxsize=32)
def _header(letterhead: Letterhead, lang: Language) -> _Header:
    """Wrap the organisation's name (shrinking the type down to 8 pt to keep it within three
    lines) and the address; a letterhead is never shortened, the page adapts instead."""
    register_fonts()
    size = 11.5
    org = _wrap(letterhead.organisation, FONT_BOLD, size, _ORG_WIDTH)
    while len(org) > _ORG_MAX_LINES and size > 8:
        size -= 0.5
        org = _wrap(letterhead.organisation, FONT_BOLD, size, _ORG_WIDTH)
    reach = " · ".join(
        part
        for part in (
            f"{label(lang, 'phone')} {letterhead.phone}" if letterhead.phone else "",
            letterhead.email,
        )
        if part
    )
    details = [
        *(_wrap(letterhead.address, FONT, 7.5, _ORG_WIDTH) if letterhead.address.strip() else []),
        *(_wrap(reach, FONT, 7.5, _ORG_WIDTH) if reach else []),
    ]
    return _Header(tuple(org), size, tuple(details))


def _top_margin(letterhead: Letterhead, lang: Language) -> float:
    """The body starts below the header, however many lines the letterhead took."""
    return float(max(MARGIN_TOP, 14 * mm + _header(letterhead, lang).height + 7.5 * mm))


def _draw_furniture(canv: Canvas, meta: DocumentMeta, letterhead: Letterhead) -> None:
    lang = meta.language
    left, right = MARGIN_X, PAGE_WIDTH - MARGIN_X
    top = PAGE_HEIGHT - 14 * mm
    head = _header(letterhead, lang)
    canv.saveState()
    if meta.watermark:
        _draw_watermark(canv, meta.watermark)
    canv.setFillColor(colors.black)
    y = top
    for line in head.org_lines:
        _draw_text(canv, left, y, line, FONT_BOLD, head.org_size, _ORG_WIDTH)
        y -= head.org_size + 1.5
    date_text = f"{label(lang, 'date')}: {format_date(lang, meta.issued_on)}"
    _draw_text(canv, right, top, date_text, FONT, 8.5, FRAME_WIDTH * 0.38, right=True)
    if not meta.public:
        ref_text = f"{label(lang, 'case_ref')}: {meta.case_ref}"
        _draw_text(canv, right, top - 4.5 * mm, ref_text, FONT, 8.5, FRAME_WIDTH * 0.38, right=True)
    canv.setFillColor(GREY)
    y += head.org_size + 1.5 - 4.3 * mm
    for line in head.detail_lines:
        _draw_text(canv, left, y, line, FONT, 7.5, _ORG_WIDTH)
        y -= 3.5 * mm
    canv.setFillColor(colors.black)
    rule_y = top - head.height
    title = enum_label(lang, meta.doc_type)
    _draw_text(canv, left, rule_y + 2.7 * mm, title, FONT_BOLD, 13, FRAME_WIDTH)
    canv.setStrokeColor(RULE)
    canv.setLineWidth(0.6)
    canv.line(left, rule_y, right, rule_y)
    # footer; "Page x of y" is added by the canvas once the total is known
    canv.line(left, 16 * mm, right, 16 * mm)
    if meta.without_consent_basis:
        note = label(lang, "without_consent", basis=meta.without_consent_basis)
        lines = _wrap(note, FONT_BOLD, 7, FRAME_WIDTH)[:2]
        for i, line in enumerate(lines):
            y = 17.5 * mm + (len(lines) - 1 - i) * 3 * mm
            _draw_text(canv, left, y, line, FONT_BOLD, 7, FRAME_WIDTH)
    footer = label(lang, "public" if meta.public else "confidential")
    _draw_text(canv, left, 12 * mm, footer, FONT_BOLD, 7.5, FRAME_WIDTH * 0.8)
    canv.setFillColor(GREY)
    if not meta.public:  # a publication names no staff member
        printed = f"{label(lang, 'printed_by')}: {meta.printed_by}"
        _draw_text(canv, left, 8.5 * mm, printed, FONT, 7, FRAME_WIDTH * 0.8)
    canv.restoreState()


def _draw_watermark(canv: Canvas, text: str) -> None:
    """Large, light, diagonal text behind the page's content."""
    canv.saveState()
    canv.setFillColor(colors.HexColor("#D8D8D8"))
    canv.translate(PAGE_WIDTH / 2, PAGE_HEIGHT / 2)
    canv.rotate(40)
    canv.setFont(FONT_BOLD, 96)
    canv.drawCentredString(0, -30, clean(text))
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
        topMargin=_top_margin(letterhead, lang),
        bottomMargin=MARGIN_BOTTOM + (6 * mm if meta.without_consent_basis else 0),
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
