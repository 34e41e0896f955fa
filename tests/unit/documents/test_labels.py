"""Every label exists in English and Danish; dates print per language."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

import pytest

from clinic_app.documents.data import RecipientKind
from clinic_app.documents.labels import LABELS, enum_label, format_date, label
from clinic_app.vocabulary import (
    Authority,
    DataCategory,
    DocumentType,
    EventKind,
    HealthService,
    InterpreterMode,
    Outcome,
    Payer,
    PlanArea,
    PlanState,
    Sex,
    TaskStatus,
    Urgency,
    VisitService,
)

PRINTED_ENUMS: list[type[StrEnum]] = [
    Authority,
    DataCategory,
    DocumentType,
    EventKind,
    HealthService,
    InterpreterMode,
    Outcome,
    Payer,
    PlanArea,
    PlanState,
    RecipientKind,
    Sex,
    TaskStatus,
    Urgency,
    VisitService,
]


def test_same_keys_in_both_languages() -> None:
    en = {k for lang, k in LABELS if lang == "en"}
    da = {k for lang, k in LABELS if lang == "da"}
    assert en == da
    assert all(LABELS[key].strip() for key in LABELS)


@pytest.mark.parametrize("enum", PRINTED_ENUMS)
def test_every_printed_enum_member_is_labelled(enum: type[StrEnum]) -> None:
    for member in enum:
        assert enum_label("en", member)
        assert enum_label("da", member)


def test_danish_is_not_english() -> None:
    keys = {k for _lang, k in LABELS}
    same = [k for k in keys if LABELS[("en", k)] == LABELS[("da", k)]]
    assert len(same) < len(keys) * 0.1, same


def test_placeholders_and_dates() -> None:
    assert label("da", "page", page=2, pages=5) == "Side 2 af 5"
    assert label("en", "page", page=2, pages=5) == "Page 2 of 5"
    assert format_date("da", date(2026, 3, 4)) == "04.03.2026"
    assert format_date("en", date(2026, 3, 4)) == "4 March 2026"
    assert format_date("en", None) == "—"
