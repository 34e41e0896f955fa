"""Translated names of document types, partner kinds, purposes and data categories."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from clinic_app.ui.tr import QT_TRANSLATE_NOOP

TR_CONTEXT = "DocumentLabels"

_DOC_TYPES: dict[str, str] = {
    "action_plan": QT_TRANSLATE_NOOP("DocumentLabels", "Individual action plan"),
    "health_referral": QT_TRANSLATE_NOOP("DocumentLabels", "Health referral letter"),
    "status_confirmation": QT_TRANSLATE_NOOP("DocumentLabels", "Status confirmation"),
    "consent_form": QT_TRANSLATE_NOOP("DocumentLabels", "Consent form"),
    "iom_referral": QT_TRANSLATE_NOOP("DocumentLabels", "Referral to IOM (assisted return)"),
    "guardian_summary": QT_TRANSLATE_NOOP("DocumentLabels", "Case summary for the guardian"),
    "visit_summary": QT_TRANSLATE_NOOP("DocumentLabels", "Visit summary"),
    "access_report": QT_TRANSLATE_NOOP("DocumentLabels", "Access report (own data)"),
    "statistics_summary": QT_TRANSLATE_NOOP("DocumentLabels", "Statistics summary"),
}

_KINDS: dict[str, str] = {
    "police": QT_TRANSLATE_NOOP("DocumentLabels", "police"),
    "immigration": QT_TRANSLATE_NOOP("DocumentLabels", "immigration"),
    "legal": QT_TRANSLATE_NOOP("DocumentLabels", "lawyer"),
    "medical": QT_TRANSLATE_NOOP("DocumentLabels", "health"),
    "iom": QT_TRANSLATE_NOOP("DocumentLabels", "IOM"),
    "ngo": QT_TRANSLATE_NOOP("DocumentLabels", "NGO"),
    "municipality": QT_TRANSLATE_NOOP("DocumentLabels", "municipality"),
    "authority": QT_TRANSLATE_NOOP("DocumentLabels", "authority"),
}

_PURPOSES: dict[str, str] = {
    "legal_status": QT_TRANSLATE_NOOP("DocumentLabels", "Confirm legal status"),
    "case_work": QT_TRANSLATE_NOOP("DocumentLabels", "Coordinate support (action plan)"),
    "health_care": QT_TRANSLATE_NOOP("DocumentLabels", "Health care"),
    "assisted_return": QT_TRANSLATE_NOOP("DocumentLabels", "Assisted voluntary return"),
}

_CATEGORIES: dict[str, str] = {
    "identity": QT_TRANSLATE_NOOP("DocumentLabels", "Identity (name)"),
    "legal_status": QT_TRANSLATE_NOOP("DocumentLabels", "Legal status"),
    "health": QT_TRANSLATE_NOOP("DocumentLabels", "Health"),
    "action_plan": QT_TRANSLATE_NOOP("DocumentLabels", "Action plan"),
    "contact_details": QT_TRANSLATE_NOOP("DocumentLabels", "Contact details"),
    "location": QT_TRANSLATE_NOOP("DocumentLabels", "Whereabouts"),
}

_ACTIONS: dict[str, str] = {
    "print": QT_TRANSLATE_NOOP("DocumentLabels", "printed"),
    "save": QT_TRANSLATE_NOOP("DocumentLabels", "saved"),
    "export": QT_TRANSLATE_NOOP("DocumentLabels", "exported"),
}


def _tr(table: dict[str, str], key: str) -> str:
    text = table.get(str(key))
    return QCoreApplication.translate(TR_CONTEXT, text) if text else str(key)


def doc_type_label(key: str) -> str:
    return _tr(_DOC_TYPES, key)


def partner_kind_label(key: str) -> str:
    return _tr(_KINDS, key)


def purpose_label(key: str) -> str:
    return _tr(_PURPOSES, key)


def category_label(key: str) -> str:
    return _tr(_CATEGORIES, key)


def action_label(key: str) -> str:
    return _tr(_ACTIONS, key)


# Titles the shell shows for the Documents area and the person record's tab; marked here so
# they are translated with the rest of the documents strings.
AREA_TITLE = QT_TRANSLATE_NOOP("Areas", "Documents")
PERSON_TAB_TITLE = QT_TRANSLATE_NOOP("PersonTabs", "Documents")
