"""Helpers shared by the clinic widgets: labels, messages, a read-only table model, parsing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from enum import Enum

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QToolButton,
    QWidget,
)

from clinic_app.errors import ClinicError, Conflict, Forbidden, Invalid, NotFound, StorageError

# The shell's plain-text and inline-error labels, re-exported for the clinic widgets.
from clinic_app.ui.common import error_label as error_label
from clinic_app.ui.common import plain_label as plain_label
from clinic_app.ui.tr import QT_TRANSLATE_NOOP
from clinic_app.vocabulary import (
    AgeBand,
    HealthService,
    InterpreterMode,
    Payer,
    ReferralStatus,
    Urgency,
    VisitService,
)

LABELS = "ClinicLabels"
ERRORS = "ClinicErrors"
WARNING_STYLE = "color: #8a4b00;"

# The digit that ticks each service in the visit form and the outing grid (Alt+digit).
SERVICE_KEYS: dict[VisitService, str] = {
    service: str(i) for i, service in enumerate(VisitService, start=1)
}

SERVICES: dict[str, str] = {
    VisitService.CONSULTATION: QT_TRANSLATE_NOOP("ClinicLabels", "Consultation"),
    VisitService.STI_TESTING: QT_TRANSLATE_NOOP("ClinicLabels", "STI testing"),
    VisitService.PREGNANCY_TEST: QT_TRANSLATE_NOOP("ClinicLabels", "Pregnancy test"),
    VisitService.CONTRACEPTION: QT_TRANSLATE_NOOP("ClinicLabels", "Contraception"),
    VisitService.VACCINATION: QT_TRANSLATE_NOOP("ClinicLabels", "Vaccination"),
    VisitService.WOUND_CARE: QT_TRANSLATE_NOOP("ClinicLabels", "Wound care"),
    VisitService.PSYCHOSOCIAL_TALK: QT_TRANSLATE_NOOP("ClinicLabels", "Psychosocial talk"),
    VisitService.RIGHTS_COUNSELLING: QT_TRANSLATE_NOOP("ClinicLabels", "Counselling on rights"),
    VisitService.REFERRAL: QT_TRANSLATE_NOOP("ClinicLabels", "Referral"),
}

AGE_BANDS: dict[str, str] = {
    AgeBand.UNKNOWN: QT_TRANSLATE_NOOP("ClinicLabels", "Age unknown"),
    AgeBand.UNDER_18: QT_TRANSLATE_NOOP("ClinicLabels", "Under 18"),
    AgeBand.AGE_18_24: QT_TRANSLATE_NOOP("ClinicLabels", "18–24"),
    AgeBand.AGE_25_34: QT_TRANSLATE_NOOP("ClinicLabels", "25–34"),
    AgeBand.AGE_35_44: QT_TRANSLATE_NOOP("ClinicLabels", "35–44"),
    AgeBand.AGE_45_PLUS: QT_TRANSLATE_NOOP("ClinicLabels", "45 or older"),
}

MODES: dict[str, str] = {
    InterpreterMode.IN_PERSON: QT_TRANSLATE_NOOP("ClinicLabels", "In person"),
    InterpreterMode.PHONE: QT_TRANSLATE_NOOP("ClinicLabels", "By phone"),
    InterpreterMode.VIDEO: QT_TRANSLATE_NOOP("ClinicLabels", "By video"),
}

URGENCIES: dict[str, str] = {
    Urgency.ROUTINE: QT_TRANSLATE_NOOP("ClinicLabels", "Routine"),
    Urgency.SOON: QT_TRANSLATE_NOOP("ClinicLabels", "Soon"),
    Urgency.URGENT: QT_TRANSLATE_NOOP("ClinicLabels", "Urgent"),
}

REFERRAL_STATUSES: dict[str, str] = {
    ReferralStatus.OPEN: QT_TRANSLATE_NOOP("ClinicLabels", "Open"),
    ReferralStatus.DONE: QT_TRANSLATE_NOOP("ClinicLabels", "Done"),
    ReferralStatus.CANCELLED: QT_TRANSLATE_NOOP("ClinicLabels", "Cancelled"),
}

SPECIALTIES: dict[str, str] = {
    "doctor": QT_TRANSLATE_NOOP("ClinicLabels", "Doctor"),
    "dentist": QT_TRANSLATE_NOOP("ClinicLabels", "Dentist"),
    "psychologist": QT_TRANSLATE_NOOP("ClinicLabels", "Psychologist"),
    "psychiatrist": QT_TRANSLATE_NOOP("ClinicLabels", "Psychiatrist"),
    "hospital": QT_TRANSLATE_NOOP("ClinicLabels", "Hospital"),
    "physiotherapist": QT_TRANSLATE_NOOP("ClinicLabels", "Physiotherapist"),
    "specialist": QT_TRANSLATE_NOOP("ClinicLabels", "Specialist"),
}

HEALTH_SERVICES: dict[str, str] = {
    HealthService.GENERAL_PRACTICE: QT_TRANSLATE_NOOP("ClinicLabels", "General practice"),
    HealthService.PSYCHOLOGICAL_THERAPY: QT_TRANSLATE_NOOP("ClinicLabels", "Psychological therapy"),
    HealthService.PSYCHIATRIC_THERAPY: QT_TRANSLATE_NOOP("ClinicLabels", "Psychiatric therapy"),
    HealthService.HOSPITALISATION: QT_TRANSLATE_NOOP("ClinicLabels", "Hospitalisation"),
    HealthService.PHYSICAL_THERAPY: QT_TRANSLATE_NOOP("ClinicLabels", "Physical therapy"),
    HealthService.DENTISTRY: QT_TRANSLATE_NOOP("ClinicLabels", "Dentistry"),
    HealthService.SUPPORT_PERSON: QT_TRANSLATE_NOOP("ClinicLabels", "Support person"),
    HealthService.BODY_THERAPY: QT_TRANSLATE_NOOP("ClinicLabels", "Body therapy"),
}

PAYERS: dict[str, str] = {
    Payer.IMMIGRATION_SERVICE: QT_TRANSLATE_NOOP("ClinicLabels", "the Immigration Service"),
    Payer.CMM: QT_TRANSLATE_NOOP("ClinicLabels", "the Centre against Human Trafficking"),
    Payer.OWN_INSURANCE: QT_TRANSLATE_NOOP("ClinicLabels", "her own insurance"),
    Payer.NATIONAL_HEALTH: QT_TRANSLATE_NOOP("ClinicLabels", "national health insurance"),
    Payer.MUNICIPALITY: QT_TRANSLATE_NOOP("ClinicLabels", "the municipality"),
    Payer.UNKNOWN: QT_TRANSLATE_NOOP("ClinicLabels", "no source says who pays"),
    Payer.NONE: QT_TRANSLATE_NOOP("ClinicLabels", "nobody"),
}


def label(table: dict[str, str], value: str | Enum | None) -> str:
    """The translated display text for ``value`` ("" for None; the raw code if unknown)."""
    if value is None:
        return ""
    key = value.value if isinstance(value, Enum) else value
    source = table.get(key)
    if source is None:
        return str(key).replace("_", " ")
    return QCoreApplication.translate(LABELS, source)


def services_text(services: Sequence[VisitService] | None) -> str:
    return ", ".join(label(SERVICES, s) for s in services or ())


def name_internal_parts(root: QWidget) -> None:
    """Give the parts Qt builds inside composite controls (combo lists, spin-box editors,
    clear buttons) the accessible name of their control, for screen readers."""
    for combo in root.findChildren(QComboBox):
        combo.view().setAccessibleName(combo.accessibleName())
    for spin in root.findChildren(QAbstractSpinBox):
        for editor in spin.findChildren(QLineEdit):
            editor.setAccessibleName(spin.accessibleName())
    for edit in root.findChildren(QLineEdit):
        for button in edit.findChildren(QToolButton):
            if not button.accessibleName():
                button.setAccessibleName(QCoreApplication.translate("ClinicLabels", "Clear"))


def named(widget: QWidget, name: str) -> QWidget:
    widget.setAccessibleName(name)
    return widget


def _e(text: str) -> str:
    return QCoreApplication.translate(ERRORS, text)


_CODE_MESSAGES: dict[str, str] = {
    "required": QT_TRANSLATE_NOOP("ClinicErrors", "This field is required."),
    "too_long": QT_TRANSLATE_NOOP("ClinicErrors", "The text is too long."),
    "control_characters": QT_TRANSLATE_NOOP(
        "ClinicErrors", "Contains invisible control characters."
    ),
    "unknown_country": QT_TRANSLATE_NOOP("ClinicErrors", "Unknown country code."),
    "bad_language_tag": QT_TRANSLATE_NOOP("ClinicErrors", "Use a language code such as ro or uk."),
    "in_future": QT_TRANSLATE_NOOP("ClinicErrors", "The date is in the future."),
    "bad_date": QT_TRANSLATE_NOOP("ClinicErrors", "Enter a date as YYYY-MM-DD or +days."),
    "before_visit": QT_TRANSLATE_NOOP("ClinicErrors", "The follow-up is before the visit."),
    "unknown_service": QT_TRANSLATE_NOOP("ClinicErrors", "Unknown service."),
    "unknown_site": QT_TRANSLATE_NOOP("ClinicErrors", "Choose a clinic or mobile unit."),
    "not_a_clinic": QT_TRANSLATE_NOOP(
        "ClinicErrors", "Visits are recorded at a clinic or a mobile unit."
    ),
    "not_a_mobile_unit": QT_TRANSLATE_NOOP("ClinicErrors", "Outings are made by a mobile unit."),
    "unknown_code": QT_TRANSLATE_NOOP("ClinicErrors", "No visitor has this code."),
    "fewer_than_recorded": QT_TRANSLATE_NOOP(
        "ClinicErrors", "Fewer contacts than the rows recorded below."
    ),
    "out_of_range": QT_TRANSLATE_NOOP("ClinicErrors", "The value is not plausible."),
    "unknown_specialty": QT_TRANSLATE_NOOP("ClinicErrors", "Choose what kind of care."),
    "unknown_partner": QT_TRANSLATE_NOOP("ClinicErrors", "Unknown partner."),
    "bad_age": QT_TRANSLATE_NOOP("ClinicErrors", "Enter an age in years, or leave it empty."),
}

_FIELD_MESSAGES: dict[tuple[str, str], str] = {
    ("who", "required"): QT_TRANSLATE_NOOP(
        "ClinicErrors", "Choose a visitor or a registered person, or create a new visitor."
    ),
    ("who", "both_given"): QT_TRANSLATE_NOOP(
        "ClinicErrors", "A visit is either a person's or a visitor's."
    ),
    ("interpreter_language", "required"): QT_TRANSLATE_NOOP(
        "ClinicErrors", "Which language was interpreted?"
    ),
    ("referral_reason", "required"): QT_TRANSLATE_NOOP(
        "ClinicErrors", "Give the reason for the referral."
    ),
}


def invalid_message(exc: Invalid) -> str:
    """A translated message for a validation error (the service's English text otherwise)."""
    field = exc.field.rsplit(".", 1)[-1]
    text = _FIELD_MESSAGES.get((field, exc.code)) or _CODE_MESSAGES.get(exc.code)
    return _e(text) if text else exc.message


def error_text(exc: ClinicError) -> str:
    """A plain, translated sentence for any service error (never personal data)."""
    if isinstance(exc, Invalid):
        return invalid_message(exc)
    if isinstance(exc, Forbidden):
        return QCoreApplication.translate("ClinicErrors", "You are not allowed to do this.")
    if isinstance(exc, NotFound):
        return QCoreApplication.translate("ClinicErrors", "Not found: it may have been removed.")
    if isinstance(exc, Conflict):
        return QCoreApplication.translate(
            "ClinicErrors", "Someone else changed this in the meantime. Reload and try again."
        )
    if isinstance(exc, StorageError):
        return QCoreApplication.translate(
            "ClinicErrors", "The database could not be written: nothing was saved."
        )
    return QCoreApplication.translate("ClinicErrors", "Something went wrong: nothing was saved.")


def parse_day(field: str, text: str, base: dt.date) -> dt.date | None:
    """'' -> None; '+14' -> base + 14 days; 'YYYY-MM-DD' -> that date; else Invalid."""
    text = text.strip()
    if not text:
        return None
    if text.startswith("+") and text[1:].isdigit():
        return base + dt.timedelta(days=int(text[1:]))
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise Invalid(field, "bad_date") from None


def age_band_for(field: str, text: str) -> AgeBand:
    """An approximate age in years as typed at the desk ('23', '~30') -> its age band."""
    digits = text.strip().lstrip("~ca. ").strip()
    if not digits:
        return AgeBand.UNKNOWN
    if not digits.isdigit() or not 10 <= int(digits) < 100:
        raise Invalid(field, "bad_age")
    age = int(digits)
    if age < 18:
        return AgeBand.UNDER_18
    if age < 25:
        return AgeBand.AGE_18_24
    if age < 35:
        return AgeBand.AGE_25_34
    if age < 45:
        return AgeBand.AGE_35_44
    return AgeBand.AGE_45_PLUS


def services_from_keys(field: str, text: str) -> tuple[VisitService, ...]:
    """'13' or '1 3' or '1,3' -> consultation and pregnancy test (the form's digit keys)."""
    by_key = {key: service for service, key in SERVICE_KEYS.items()}
    out: list[VisitService] = []
    for ch in text:
        if ch in " ,;":
            continue
        service = by_key.get(ch)
        if service is None:
            raise Invalid(field, "unknown_service")
        if service not in out:
            out.append(service)
    return tuple(out)


class RowsModel(QAbstractTableModel):
    """A read-only table of display strings with one payload object per row."""

    def __init__(self, headers: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._headers = list(headers)
        self._rows: list[list[str]] = []
        self._payload: list[object] = []

    def set_headers(self, headers: Sequence[str]) -> None:
        self._headers = list(headers)
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(headers) - 1)

    def set_rows(self, rows: Sequence[Sequence[str]], payload: Sequence[object]) -> None:
        self.beginResetModel()
        self._rows = [list(r) for r in rows]
        self._payload = list(payload)
        self.endResetModel()

    def clear(self) -> None:
        self.set_rows([], [])

    def payload(self, row: int) -> object:
        return self._payload[row]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._rows[index.row()][index.column()]
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self._headers)
        ):
            return self._headers[section]
        return None
