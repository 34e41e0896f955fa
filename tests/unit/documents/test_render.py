"""Every document type, in both languages, carries the required page furniture and content."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from clinic_app.documents import render_document, samples
from clinic_app.documents.data import Language, Letterhead, RecipientInfo
from clinic_app.documents.labels import enum_label, format_date, label
from clinic_app.errors import Invalid
from clinic_app.vocabulary import DocumentType

LANGS: tuple[Language, ...] = ("en", "da")

# Dates from the sample content that each document must print.
CONTENT_DATES: dict[DocumentType, tuple[date, ...]] = {
    DocumentType.ACTION_PLAN: (samples.START, samples.END),
    DocumentType.HEALTH_REFERRAL: (samples.END,),
    DocumentType.STATUS_CONFIRMATION: (samples.START, samples.END),
    DocumentType.CONSENT_FORM: (samples.START, samples.END),
    DocumentType.IOM_REFERRAL: (samples.END,),
    DocumentType.GUARDIAN_SUMMARY: (date(2027, 8, 1), samples.START),
    DocumentType.VISIT_SUMMARY: (samples.START,),
    DocumentType.ACCESS_REPORT: (samples.START,),
    DocumentType.STATISTICS_SUMMARY: (),
}

# Signature roles each document must offer.
SIGNERS: dict[DocumentType, tuple[str, ...]] = {
    DocumentType.ACTION_PLAN: ("sig_person", "sig_contact"),
    DocumentType.HEALTH_REFERRAL: ("sig_staff",),
    DocumentType.STATUS_CONFIRMATION: ("sig_staff",),
    DocumentType.CONSENT_FORM: ("sig_person", "sig_staff"),
    DocumentType.IOM_REFERRAL: ("sig_person", "sig_contact"),
    DocumentType.GUARDIAN_SUMMARY: ("sig_contact",),
    DocumentType.VISIT_SUMMARY: ("sig_staff",),
    DocumentType.ACCESS_REPORT: (),
    DocumentType.STATISTICS_SUMMARY: (),
}


def render(doc_type: DocumentType, lang: Language, content: object = None, **meta_kw: object):
    return render_document(
        content if content is not None else samples.content(doc_type),  # type: ignore[arg-type]
        samples.meta(doc_type, lang, **meta_kw),  # type: ignore[arg-type]
        samples.letterhead(),
    )


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("doc_type", list(DocumentType))
def test_every_page_has_the_furniture(read_pdf, doc_type: DocumentType, lang: Language) -> None:
    pdf = read_pdf(render(doc_type, lang))
    total = len(pdf.pages)
    public = doc_type is DocumentType.STATISTICS_SUMMARY  # a publication
    for number, page in enumerate(pdf.pages, start=1):
        assert label(lang, "page", page=number, pages=total) in page
        assert (label(lang, "public") in page) is public
        assert (label(lang, "confidential") in page) is not public
        assert (samples.CASE_REF in page) is not public
        assert format_date(lang, samples.ISSUED) in page
        assert enum_label(lang, doc_type) in page
        assert "Krisecenter Øresund" in page
        assert (f"{label(lang, 'printed_by')}: Mette Sørensen" in page) is not public
    assert label(lang, "page", page=1, pages=total) in pdf.text


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("doc_type", list(DocumentType))
def test_content_dates_and_signatures(read_pdf, doc_type: DocumentType, lang: Language) -> None:
    pdf = read_pdf(render(doc_type, lang))
    for value in CONTENT_DATES[doc_type]:
        assert format_date(lang, value) in pdf.text
    for role in SIGNERS[doc_type]:
        assert f"{label(lang, 'signature')} — {label(lang, role)}" in pdf.text


def test_page_labels_per_language(read_pdf) -> None:
    en = read_pdf(render(DocumentType.CONSENT_FORM, "en"))
    da = read_pdf(render(DocumentType.CONSENT_FORM, "da"))
    assert "Page 1 of 1" in en.text
    assert "Side 1 af 1" in da.text
    assert "CONFIDENTIAL" in en.text
    assert "FORTROLIGT" in da.text


@pytest.mark.parametrize("lang", LANGS)
def test_minor_action_plan_has_guardian_signature(read_pdf, lang: Language) -> None:
    content = samples.action_plan(guardian="Jens Ærø")
    pdf = read_pdf(render(DocumentType.ACTION_PLAN, lang, content))
    assert f"{label(lang, 'signature')} — {label(lang, 'sig_guardian')}" in pdf.text
    assert "Jens Ærø" in pdf.text


def test_adult_action_plan_has_no_guardian_signature(read_pdf) -> None:
    pdf = read_pdf(render(DocumentType.ACTION_PLAN, "en"))
    assert label("en", "sig_guardian") not in pdf.text


def test_three_page_action_plan_is_numbered(read_pdf) -> None:
    pdf = read_pdf(render(DocumentType.ACTION_PLAN, "en", samples.action_plan(goal_count=12)))
    total = len(pdf.pages)
    assert total >= 3
    assert f"Page 1 of {total}" in pdf.pages[0]
    assert f"Page {total} of {total}" in pdf.pages[-1]


@pytest.mark.parametrize(
    "doc_type", [DocumentType.ACTION_PLAN, DocumentType.CONSENT_FORM, DocumentType.ACCESS_REPORT]
)
def test_name_printed_where_needed(read_pdf, doc_type: DocumentType) -> None:
    assert samples.PERSON in read_pdf(render(doc_type, "en")).text


@pytest.mark.parametrize(
    "doc_type",
    [
        DocumentType.HEALTH_REFERRAL,
        DocumentType.STATUS_CONFIRMATION,
        DocumentType.VISIT_SUMMARY,
    ],
)
def test_name_only_with_include_name(read_pdf, doc_type: DocumentType) -> None:
    content = samples.content(doc_type)
    without = read_pdf(render(doc_type, "en", replace(content, include_name=False)))  # type: ignore[type-var]
    assert content.person_name  # type: ignore[union-attr]
    assert content.person_name not in without.text  # type: ignore[union-attr]
    with_name = read_pdf(render(doc_type, "en", replace(content, include_name=True)))  # type: ignore[type-var]
    assert content.person_name in with_name.text  # type: ignore[union-attr]


def test_recipient_block(read_pdf) -> None:
    recipient = RecipientInfo("Dr. Hansen", "Tandklinikken Vesterbro", "Istedgade 1, København")
    pdf = read_pdf(render(DocumentType.HEALTH_REFERRAL, "da", recipient=recipient))
    assert "Til:" in pdf.text
    assert "Tandklinikken Vesterbro" in pdf.text


def test_statistics_suppressed_counts(read_pdf) -> None:
    pdf = read_pdf(render(DocumentType.STATISTICS_SUMMARY, "da"))
    # A hidden cell may be small, or hidden only so a small one cannot be worked out.
    assert "betegner et tal fra 1 til 4 eller et tal, der er skjult" in pdf.text
    assert "færre end" not in pdf.text and "Sagsreference" not in pdf.text
    assert "1. januar – 31. december 2025" in pdf.text and "Mindste viste tal" in pdf.text
    assert len(pdf.pages) == 1


def test_access_report_lists_every_row(read_pdf) -> None:
    content = samples.access_report(events=200)
    pdf = read_pdf(render(DocumentType.ACCESS_REPORT, "en", content))
    assert "entry 200" in pdf.text
    assert len(pdf.pages) > 3
    # the header rows repeat on continuation pages
    events_header = "\n".join(label("en", k) for k in ("event", "detail", "until"))
    access_header = "\n".join(label("en", k) for k in ("user", "action", "workstation"))
    assert sum(events_header in page for page in pdf.pages) >= 3
    assert sum(access_header in page for page in pdf.pages) >= 3


@pytest.mark.parametrize("case_ref", ["", "   ", "\u202e\u200f"])
def test_blank_case_reference_is_refused(case_ref: str) -> None:
    with pytest.raises(Invalid) as info:
        render(DocumentType.CONSENT_FORM, "en", case_ref=case_ref)
    assert info.value.field == "case_ref"


def test_blank_organisation_is_refused() -> None:
    with pytest.raises(Invalid):
        render_document(
            samples.content(DocumentType.CONSENT_FORM),
            samples.meta(DocumentType.CONSENT_FORM),
            Letterhead(" "),
        )


def test_mismatched_content_is_refused() -> None:
    with pytest.raises(TypeError):
        render_document(
            samples.content(DocumentType.CONSENT_FORM),
            samples.meta(DocumentType.ACTION_PLAN),
            samples.letterhead(),
        )
