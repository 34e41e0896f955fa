"""Printed documents: plain frozen dataclasses in, PDF bytes out (reportlab).

This package never imports the database, the services or Qt. The one entry point for
callers is :func:`render_document`; the content dataclasses live in
:mod:`clinic_app.documents.data`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from clinic_app.documents.base import clean
from clinic_app.documents.data import (
    AccessReportDoc,
    ActionPlanDoc,
    ConsentFormDoc,
    DocumentContent,
    DocumentMeta,
    GuardianSummaryDoc,
    HealthReferralDoc,
    IomReferralDoc,
    Letterhead,
    StatisticsSummaryDoc,
    StatusConfirmationDoc,
    VisitSummaryDoc,
)
from clinic_app.errors import Invalid
from clinic_app.vocabulary import DocumentType

_CONTENT_TYPE: dict[DocumentType, type] = {
    DocumentType.ACTION_PLAN: ActionPlanDoc,
    DocumentType.HEALTH_REFERRAL: HealthReferralDoc,
    DocumentType.STATUS_CONFIRMATION: StatusConfirmationDoc,
    DocumentType.CONSENT_FORM: ConsentFormDoc,
    DocumentType.IOM_REFERRAL: IomReferralDoc,
    DocumentType.GUARDIAN_SUMMARY: GuardianSummaryDoc,
    DocumentType.VISIT_SUMMARY: VisitSummaryDoc,
    DocumentType.ACCESS_REPORT: AccessReportDoc,
    DocumentType.STATISTICS_SUMMARY: StatisticsSummaryDoc,
}


def _renderer(doc_type: DocumentType) -> Callable[[Any, DocumentMeta, Letterhead], bytes]:
    # Imported on demand: importing the package must not load fonts or every renderer.
    from clinic_app.documents import (
        access_report,
        action_plan,
        consent_form,
        guardian_summary,
        health_referral,
        iom_referral,
        statistics_summary,
        status_confirmation,
        visit_summary,
    )

    modules = {
        DocumentType.ACTION_PLAN: action_plan,
        DocumentType.HEALTH_REFERRAL: health_referral,
        DocumentType.STATUS_CONFIRMATION: status_confirmation,
        DocumentType.CONSENT_FORM: consent_form,
        DocumentType.IOM_REFERRAL: iom_referral,
        DocumentType.GUARDIAN_SUMMARY: guardian_summary,
        DocumentType.VISIT_SUMMARY: visit_summary,
        DocumentType.ACCESS_REPORT: access_report,
        DocumentType.STATISTICS_SUMMARY: statistics_summary,
    }
    render: Callable[[Any, DocumentMeta, Letterhead], bytes] = modules[doc_type].render
    return render


def render_document(content: DocumentContent, meta: DocumentMeta, letterhead: Letterhead) -> bytes:
    """Render ``content`` as a PDF.

    ``meta.doc_type`` must match the content class (``TypeError``), so a caller cannot print,
    say, a status confirmation's data under an action plan's title (and audit it as one).
    Every document leaving the building carries a case reference (except a publication) and
    the organisation, so blank ones raise ``Invalid``.
    """
    if not meta.public and not clean(meta.case_ref).strip():
        raise Invalid("case_ref", "required")
    if not clean(letterhead.organisation).strip():
        raise Invalid("organisation", "required")
    expected = _CONTENT_TYPE[meta.doc_type]
    if not isinstance(content, expected):
        raise TypeError(
            f"{meta.doc_type.value} needs {expected.__name__}, got {type(content).__name__}"
        )
    return _renderer(meta.doc_type)(content, meta, letterhead)


__all__ = ["DocumentMeta", "Letterhead", "render_document"]
