"""PDF metadata names the document type and organisation only, never personal data."""

from __future__ import annotations

import io
from dataclasses import replace

import pytest
from pypdf import PdfReader

from clinic_app.documents import render_document, samples
from clinic_app.documents.data import Language, RecipientInfo
from clinic_app.documents.labels import enum_label
from clinic_app.vocabulary import DocumentType

RECIPIENT = RecipientInfo("Dr. Birgitte Holm", "Lægehuset Vesterbro", "Istedgade 9")


@pytest.mark.parametrize("lang", ["en", "da"])
@pytest.mark.parametrize("doc_type", list(DocumentType))
def test_metadata_has_no_personal_data(doc_type: DocumentType, lang: Language) -> None:
    content = samples.content(doc_type)
    if hasattr(content, "include_name"):
        content = replace(content, include_name=True)  # type: ignore[call-arg]
    meta = samples.meta(doc_type, lang, recipient=RECIPIENT)
    data = render_document(content, meta, samples.letterhead())
    reader = PdfReader(io.BytesIO(data))
    info = reader.metadata
    assert info is not None
    assert info.title == enum_label(lang, doc_type)
    assert info.author == samples.letterhead().organisation
    assert info.creator == "clinic_app"
    values = " ".join(str(v) for v in info.values())
    for secret in (
        samples.PERSON,
        samples.CASE_REF,
        meta.printed_by,
        RECIPIENT.name,
        RECIPIENT.organisation,
        "Ioana",
        "2026-0042",
    ):
        # a publication (statistics summary) names no staff member: nothing to look for
        assert not secret or secret not in values
    assert reader.xmp_metadata is None
    # The name is in the page content where the document needs it, just not in metadata;
    # a publication carries no case reference at all.
    page = reader.pages[0].extract_text()
    assert (samples.CASE_REF not in page) if meta.public else (samples.CASE_REF in page)
