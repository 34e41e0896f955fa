"""Hostile user text prints literally and never breaks a PDF."""

from __future__ import annotations

import re
from dataclasses import fields, is_dataclass, replace
from enum import Enum
from typing import Any

import pytest

from clinic_app.documents import render_document, samples
from clinic_app.documents.base import clean, escape
from clinic_app.documents.data import Letterhead, PlanGoal, PlanTask
from clinic_app.vocabulary import DocumentType, PlanArea, TaskStatus

MARKUP = '<b>x</b> <font color="red">red</font> &amp; R&D a<b <para> ]]>'
LONG_WORD = "Ж" * 100 + "w" * 200  # 300 characters without a space
CYRILLIC = "Наталья Иванова"
VIETNAMESE = "Nguyễn Thị Hương, ư ơ ệ"
ROMANIAN = "Ștefan Țăranu ă"
DANISH = "Søren Ærø Åse"
RTL_OVERRIDE = "\u202eevil\u202c"
EMOJI = "😀 🧑‍🚀 🇩🇰 ❤️"
CONTROLS = "ctl\x00\x07\x1b\x7f\x85end"
HOSTILE = " ".join(
    [MARKUP, LONG_WORD, CYRILLIC, VIETNAMESE, ROMANIAN, DANISH, RTL_OVERRIDE, EMOJI, CONTROLS]
)


def notes(length: int = 10_000) -> str:
    words = []
    i = 0
    while sum(len(w) + 1 for w in words) < length:
        words.append(f"note{i}")
        i += 1
    return " ".join(words)[:length]


def assert_literal(raw: str, squashed: str) -> None:
    text = " ".join(raw.split())  # line wrapping may fall between any two words
    for piece in ("<b>x</b>", '<font color="red">', "&amp;", "R&D", "a<b", "<para>", "]]>"):
        assert piece in text
    assert LONG_WORD in squashed
    for piece in (CYRILLIC, VIETNAMESE, ROMANIAN, DANISH):
        assert piece in text
    assert "evil" in text
    assert "\u202e" not in text
    assert "ctlend" in text


def poison(value: Any, text: str) -> Any:
    """Replace every string in a content dataclass with ``text``; print names too."""
    if isinstance(value, Enum):
        return value
    if isinstance(value, str):
        return text
    if isinstance(value, tuple):
        return tuple(poison(v, text) for v in value)
    if is_dataclass(value) and not isinstance(value, type):
        changes = {f.name: poison(getattr(value, f.name), text) for f in fields(value)}
        if "include_name" in changes:
            changes["include_name"] = True
        return replace(value, **changes)
    return value


def test_hostile_action_plan_prints_literally(read_pdf) -> None:
    long_notes = notes()
    plan = replace(
        samples.action_plan(guardian=HOSTILE),
        person_name=HOSTILE,
        contact_person=HOSTILE,
        goals=(
            PlanGoal(
                PlanArea.HEALTH,
                HOSTILE,
                (PlanTask(HOSTILE, HOSTILE, None, TaskStatus.OPEN),),
            ),
        ),
        notes=long_notes,
    )
    pdf = read_pdf(
        render_document(plan, samples.meta(DocumentType.ACTION_PLAN), samples.letterhead())
    )
    assert_literal(pdf.text, pdf.squashed)
    assert re.findall(r"note\d+", pdf.text) == re.findall(r"note\d+", long_notes)
    assert len(pdf.pages) >= 4  # the 10,000 characters flow over several pages


@pytest.mark.parametrize("doc_type", list(DocumentType))
def test_hostile_text_in_every_field(read_pdf, doc_type: DocumentType) -> None:
    content = poison(samples.content(doc_type), HOSTILE)
    letterhead = Letterhead(HOSTILE, HOSTILE, HOSTILE, HOSTILE)
    meta = replace(samples.meta(doc_type, "da"), printed_by=HOSTILE)
    pdf = read_pdf(render_document(content, meta, letterhead))
    assert_literal(pdf.text, pdf.squashed)
    assert "Side 1 af" in pdf.text


@pytest.mark.parametrize("doc_type", list(DocumentType))
def test_ten_thousand_characters_in_every_field(read_pdf, doc_type: DocumentType) -> None:
    # Even inside table cells a huge value splits across pages instead of failing the layout.
    text = notes()
    content = poison(samples.content(doc_type), text)
    pdf = read_pdf(render_document(content, samples.meta(doc_type), samples.letterhead()))
    assert len(pdf.pages) >= 3


def test_unbroken_ten_thousand_characters_in_a_table_cell(read_pdf) -> None:
    word = "x" * 10_000
    plan = replace(
        samples.action_plan(),
        goals=(PlanGoal(PlanArea.LEGAL, "g", (PlanTask(word, "r", None, TaskStatus.OPEN),)),),
    )
    pdf = read_pdf(
        render_document(plan, samples.meta(DocumentType.ACTION_PLAN), samples.letterhead())
    )
    assert pdf.text.count("x") >= len(word)


def test_huge_case_reference_and_organisation_are_shortened_in_the_header(read_pdf) -> None:
    meta = samples.meta(DocumentType.CONSENT_FORM, case_ref="REF-" + "9" * 500)
    letterhead = Letterhead("Org " * 200, "Street " * 100, "1" * 300, "e" * 300)
    pdf = read_pdf(render_document(samples.content(DocumentType.CONSENT_FORM), meta, letterhead))
    assert "REF-999" in pdf.text
    assert "…" in pdf.text


def test_arabic_is_shaped_and_valid(read_pdf) -> None:
    name = "مريم أحمد 😀 Maryam"
    plan = replace(
        samples.action_plan(guardian=name),
        person_name=name,
        goals=(PlanGoal(PlanArea.HEALTH, name, (PlanTask(name, name, None, TaskStatus.OPEN),)),),
    )
    letterhead = Letterhead("مركز Øresund", "شارع 1", "", "")
    pdf = read_pdf(
        render_document(plan, samples.meta(DocumentType.ACTION_PLAN, case_ref="ق-12"), letterhead)
    )
    assert "Maryam" in pdf.text
    # Shaped Arabic comes back as presentation forms, not as the replacement character.
    assert any("\ufe70" <= ch <= "\ufeff" for ch in pdf.text)
    assert "\ufffd" in pdf.text  # the emoji is replaced, not broken


def test_clean_strips_steering_characters() -> None:
    assert clean("a\u202eb\u202dc\u2066d\u2069e\u200ff\u200eg\u061ch") == "abcdefgh"
    assert clean("a\x00b\x1bc\x7fd\x85e") == "abcde"
    assert clean("a\tb\r\nc\rd\u2028e") == "a b\nc\nd\ne"
    assert clean("\ud800") == "\ufffd"


def test_clean_replaces_characters_the_font_lacks() -> None:
    assert clean("ཀ") == "\ufffd"  # Tibetan: no bundled font has it
    assert clean("ཀ🧑") == "\ufffd\ufffd"
    assert clean("中 ไทย 한 አ") == "中 ไทย 한 አ"  # the fallback fonts have these
    assert clean("Ștefan Nguyễn Жанна Søren") == "Ștefan Nguyễn Жанна Søren"


def test_clean_replaces_astral_characters() -> None:
    # DejaVu has U+1F600, but reportlab cannot map astral characters back to text.
    assert clean("a😀b") == "a\ufffdb"


def test_escape_neutralises_markup() -> None:
    assert escape('<b>x</b> & <font color="red">') == (
        '&lt;b&gt;x&lt;/b&gt; &amp; &lt;font color="red"&gt;'
    )
    assert escape("&amp;") == "&amp;amp;"
    assert escape("line1\nline2") == "line1<br/>line2"
    assert escape("\u202e<br/>") == "&lt;br/&gt;"
