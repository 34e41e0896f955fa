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


def translate(context: str, text: str, disambiguation: str = "", n: int = -1) -> str:
    """Translate ``text`` in ``context`` (with the plural form for ``n`` where the text has
    %n); a plain function name Qt Linguist's lupdate reads."""
    return QCoreApplication.translate(context, text, disambiguation or None, n)


def area_label(area: PlanArea) -> str:
    labels = {
        PlanArea.SAFETY_HOUSING: translate("Plans", "Safety and housing"),
        PlanArea.HEALTH: translate("Plans", "Health"),
        PlanArea.LEGAL: translate("Plans", "Legal"),
        PlanArea.PSYCHOSOCIAL: translate("Plans", "Psychosocial support"),
        PlanArea.EDUCATION: translate("Plans", "Education and up-skilling"),
        PlanArea.RETURN_RESIDENCE: translate("Plans", "Return and reintegration, or residence"),
        PlanArea.SCHOOLING: translate("Plans", "Schooling"),
        PlanArea.FAMILY_TRACING: translate(
            "Plans", "Family tracing (only in the child's best interest)"
        ),
        PlanArea.DURABLE_SOLUTION: translate("Plans", "Durable solution"),
    }
    return labels[area]


def state_label(state: PlanState) -> str:
    labels = {
        PlanState.DRAFT: translate("Plans", "Draft"),
        PlanState.AGREED: translate("Plans", "Agreed"),
        PlanState.SUPERSEDED: translate("Plans", "Superseded"),
    }
    return labels[state]


def status_label(status: TaskStatus) -> str:
    labels = {
        TaskStatus.OPEN: translate("Plans", "Open"),
        TaskStatus.IN_PROGRESS: translate("Plans", "In progress"),
        TaskStatus.DONE: translate("Plans", "Done"),
        TaskStatus.CANCELLED: translate("Plans", "Cancelled"),
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
        self.check = QCheckBox(translate("Plans", "Set"))
        self.check.setAccessibleName(name + " " + translate("Plans", "set"))
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
        conflicts = {
            "changed by someone else": translate(
                "Plans",
                "Someone else changed this meanwhile. It was reloaded: check and try again.",
            ),
            "this version is already agreed": translate("Plans", "This version is already agreed."),
            "an earlier version cannot be changed": translate(
                "Plans", "An earlier version cannot be changed."
            ),
            "the case is archived": translate("Plans", "The case is archived."),
            "the plan or case is archived": translate("Plans", "The plan or the case is archived."),
            "this guardianship has ended": translate("Plans", "This guardianship has ended."),
        }
        return conflicts.get(exc.message, translate("Plans", "The change clashes with other data."))
    if isinstance(exc, Forbidden):
        return translate("Plans", "You are not allowed to do this.")
    if isinstance(exc, NotFound):
        return translate("Plans", "This record no longer exists.")
    if isinstance(exc, StorageError):
        return exc.message
    return translate("Plans", "The change was not saved.")


def _invalid_text(exc: Invalid) -> str:
    by_field = {
        ("reason", "required"): translate("Plans", "Give a reason for the change."),
        ("guardian_name", "required"): translate(
            "Plans", "For a minor, name the guardian who agreed to the plan."
        ),
        ("agreed_by_person", "required"): translate(
            "Plans", "Confirm that the person agreed to the plan."
        ),
        ("best_interest", "required"): translate(
            "Plans", "Confirm that family tracing was assessed to be in the child's best interest."
        ),
        ("goals", "required"): translate("Plans", "Add at least one goal before agreeing."),
        ("person", "not_yet_18"): translate(
            "Plans", "The person has not turned 18 yet: the guardianship continues until then."
        ),
        ("person", "not_minor"): translate("Plans", "Guardians are appointed for minors only."),
        ("user", "already_current"): translate("Plans", "This is already the contact person."),
        ("user", "unknown_user"): translate("Plans", "Choose an active user."),
    }
    by_code = {
        "required": translate("Plans", "This field is required."),
        "children_only": translate("Plans", "This area is for children's plans only."),
        "several": translate(
            "Plans", "Choose one responsible: a staff member, a partner or a name."
        ),
        "end_before_start": translate("Plans", "The end date is before the start date."),
        "before_period": translate("Plans", "The review date is before the plan period starts."),
        "bad_email": translate("Plans", "Enter an e-mail address such as name@example.dk."),
        "bad_phone": translate("Plans", "Use digits, spaces and + - ( ) only."),
        "in_future": translate("Plans", "The date is in the future."),
        "too_long": translate("Plans", "The text is too long."),
        "control_characters": translate("Plans", "The text contains invisible control characters."),
        "for_minors": translate("Plans", "This template is for persons under 18."),
        "before_current": translate(
            "Plans", "The date is before the start of the current assignment."
        ),
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
        self.error = plain_label("", translate("Plans", "Error"))
        self.error.setStyleSheet("color: #b00020;")
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setText(translate("Plans", "&Save"))
        save.setAccessibleName(translate("Plans", "Save"))
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(translate("Plans", "Cancel"))
        cancel.setAccessibleName(translate("Plans", "Cancel"))
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
