"""Labels, small widgets and error handling shared by the plan editor, the plans tab, the
action plans page and the contacts tab."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from clinic_app.errors import ClinicError, Conflict, Forbidden, Invalid, NotFound, StorageError
from clinic_app.vocabulary import PlanArea, PlanState, TaskStatus

CTX = "Plans"


def tr(text: str) -> str:
    return QCoreApplication.translate(CTX, text)


def area_label(area: PlanArea) -> str:
    labels = {
        PlanArea.SAFETY_HOUSING: QCoreApplication.translate(CTX, "Safety and housing"),
        PlanArea.HEALTH: QCoreApplication.translate(CTX, "Health"),
        PlanArea.LEGAL: QCoreApplication.translate(CTX, "Legal"),
        PlanArea.PSYCHOSOCIAL: QCoreApplication.translate(CTX, "Psychosocial support"),
        PlanArea.EDUCATION: QCoreApplication.translate(CTX, "Education and up-skilling"),
        PlanArea.RETURN_RESIDENCE: QCoreApplication.translate(
            CTX, "Return and reintegration, or residence"
        ),
        PlanArea.SCHOOLING: QCoreApplication.translate(CTX, "Schooling"),
        PlanArea.FAMILY_TRACING: QCoreApplication.translate(
            CTX, "Family tracing (only in the child's best interest)"
        ),
        PlanArea.DURABLE_SOLUTION: QCoreApplication.translate(CTX, "Durable solution"),
    }
    return labels[area]


def state_label(state: PlanState) -> str:
    labels = {
        PlanState.DRAFT: QCoreApplication.translate(CTX, "Draft"),
        PlanState.AGREED: QCoreApplication.translate(CTX, "Agreed"),
        PlanState.SUPERSEDED: QCoreApplication.translate(CTX, "Superseded"),
    }
    return labels[state]


def status_label(status: TaskStatus) -> str:
    labels = {
        TaskStatus.OPEN: QCoreApplication.translate(CTX, "Open"),
        TaskStatus.IN_PROGRESS: QCoreApplication.translate(CTX, "In progress"),
        TaskStatus.DONE: QCoreApplication.translate(CTX, "Done"),
        TaskStatus.CANCELLED: QCoreApplication.translate(CTX, "Cancelled"),
    }
    return labels[status]


def date_text(day: dt.date | None) -> str:
    return day.isoformat() if day is not None else ""


def plain_label(text: str = "", name: str = "") -> QLabel:
    """A label that never interprets user text as HTML."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    if name:
        label.setAccessibleName(name)
    return label


def to_qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(qd: QDate) -> dt.date:
    return dt.date(qd.year(), qd.month(), qd.day())


class OptionalDate(QWidget):
    """A date that may be left empty: a check box ("set") and a date edit."""

    def __init__(self, name: str, day: dt.date | None, default: dt.date) -> None:
        super().__init__()
        self.check = QCheckBox(tr("Set"))
        self.check.setAccessibleName(name + " " + tr("set"))
        self.edit = QDateEdit()
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("yyyy-MM-dd")
        self.edit.setAccessibleName(name)
        self.edit.setDate(to_qdate(day or default))
        self.check.setChecked(day is not None)
        self.edit.setEnabled(day is not None)
        self.check.toggled.connect(self.edit.setEnabled)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.check)
        row.addWidget(self.edit, 1)
        self.setFocusProxy(self.check)

    def value(self) -> dt.date | None:
        return from_qdate(self.edit.date()) if self.check.isChecked() else None

    def set_value(self, day: dt.date | None) -> None:
        self.check.setChecked(day is not None)
        if day is not None:
            self.edit.setDate(to_qdate(day))


def error_text(exc: ClinicError) -> str:
    """A plain, translated sentence for a service error (never personal data)."""
    if isinstance(exc, Invalid):
        return _invalid_text(exc)
    if isinstance(exc, Conflict):
        t = QCoreApplication.translate
        conflicts = {
            "changed by someone else": t(
                CTX, "Someone else changed this meanwhile. It was reloaded: check and try again."
            ),
            "this version is already agreed": t(CTX, "This version is already agreed."),
            "an earlier version cannot be changed": t(CTX, "An earlier version cannot be changed."),
            "the case is archived": t(CTX, "The case is archived."),
            "the plan or case is archived": t(CTX, "The plan or the case is archived."),
            "this guardianship has ended": t(CTX, "This guardianship has ended."),
        }
        return conflicts.get(exc.message, t(CTX, "The change clashes with other data."))
    if isinstance(exc, Forbidden):
        return tr("You are not allowed to do this.")
    if isinstance(exc, NotFound):
        return tr("This record no longer exists.")
    if isinstance(exc, StorageError):
        return exc.message
    return tr("The change was not saved.")


def _invalid_text(exc: Invalid) -> str:
    t = QCoreApplication.translate
    by_field = {
        ("reason", "required"): t(CTX, "Give a reason for the change."),
        ("guardian_name", "required"): t(
            CTX, "For a minor, name the guardian who agreed to the plan."
        ),
        ("agreed_by_person", "required"): t(CTX, "Confirm that the person agreed to the plan."),
        ("best_interest", "required"): t(
            CTX, "Confirm that family tracing was assessed to be in the child's best interest."
        ),
        ("goals", "required"): t(CTX, "Add at least one goal before agreeing."),
        ("person", "not_yet_18"): t(
            CTX, "The person has not turned 18 yet: the guardianship continues until then."
        ),
        ("person", "not_minor"): t(CTX, "Guardians are appointed for minors only."),
        ("user", "already_current"): t(CTX, "This is already the contact person."),
        ("user", "unknown_user"): t(CTX, "Choose an active user."),
    }
    by_code = {
        "required": t(CTX, "This field is required."),
        "children_only": t(CTX, "This area is for children's plans only."),
        "several": t(CTX, "Choose one responsible: a staff member, a partner or a name."),
        "end_before_start": t(CTX, "The end date is before the start date."),
        "before_period": t(CTX, "The review date is before the plan period starts."),
        "bad_email": t(CTX, "Enter an e-mail address such as name@example.dk."),
        "bad_phone": t(CTX, "Use digits, spaces and + - ( ) only."),
        "in_future": t(CTX, "The date is in the future."),
        "too_long": t(CTX, "The text is too long."),
        "control_characters": t(CTX, "The text contains invisible control characters."),
        "for_minors": t(CTX, "This template is for persons under 18."),
        "before_current": t(CTX, "The date is before the start of the current assignment."),
    }
    return by_field.get((exc.field, exc.code)) or by_code.get(exc.code) or exc.message


def show_message(parent: QWidget, title: str, text: str) -> QMessageBox:
    """A non-blocking, plain-text message box (kept alive by its parent)."""
    box = QMessageBox(parent)
    box.setWindowTitle(title)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(text)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setAccessibleName(title)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


class FormDialog(QDialog):
    """A dialog with a form, an error line and Save/Cancel; ``submit`` saves or raises.

    ``submit`` is called on Save; a ClinicError keeps the dialog open with the message shown
    beside the form (the typed input stays), success closes it.
    """

    def __init__(self, parent: QWidget, title: str, submit: Callable[[], None]) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self._submit = submit
        self.form = QFormLayout()
        self.error = plain_label("", tr("Error"))
        self.error.setStyleSheet("color: #b00020;")
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setText(tr("&Save"))
        save.setAccessibleName(tr("Save"))
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(tr("Cancel"))
        cancel.setAccessibleName(tr("Cancel"))
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.fields: dict[str, QWidget] = {}

    def add_row(self, label: str, widget: QWidget, field: str = "") -> QWidget:
        widget.setAccessibleName(label.replace("&", ""))
        self.form.addRow(label, widget)
        if field:
            self.fields[field] = widget
        return widget

    def _save(self) -> None:
        try:
            self._submit()
        except ClinicError as exc:
            self.error.setText(error_text(exc))
            self.error.show()
            if isinstance(exc, Invalid) and exc.field in self.fields:
                self.fields[exc.field].setFocus()
            return
        self.accept()
