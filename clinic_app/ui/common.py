"""Small widget helpers every page uses: plain-text labels, accessible names, messages.

Message boxes go through :data:`prompter` so tests can answer them without a blocking loop.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QInputDialog,
    QLabel,
    QMessageBox,
    QTableView,
    QWidget,
)

from clinic_app.errors import ClinicError, Conflict, Forbidden, Invalid, NotFound, StorageError
from clinic_app.ui.tr import QT_TRANSLATE_NOOP

E = TypeVar("E", bound=StrEnum)

ERROR_STYLE = "color: #b00020;"


def named(widget: QWidget, name: str, description: str = "") -> QWidget:
    """Give ``widget`` an accessible name (and object name, for style sheets and tests)."""
    widget.setAccessibleName(name)
    if description:
        widget.setAccessibleDescription(description)
    return widget


def plain_label(text: str = "", name: str = "", *, wrap: bool = False) -> QLabel:
    """A label that never interprets its text as HTML (user data is shown verbatim)."""
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    label.setWordWrap(wrap)
    if name:
        label.setAccessibleName(name)
    return label


def error_label(name: str) -> QLabel:
    """An inline error label beside a field: red plain text, hidden while empty."""
    label = plain_label("", name, wrap=True)
    label.setStyleSheet(ERROR_STYLE)
    label.setVisible(False)
    return label


def show_error(label: QLabel, message: str) -> None:
    label.setText(message)
    label.setVisible(bool(message))


def _box(
    parent: QWidget | None,
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    buttons: QMessageBox.StandardButton,
    default: QMessageBox.StandardButton,
) -> QMessageBox.StandardButton:
    box = QMessageBox(icon, title, text, buttons, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setDefaultButton(default)
    box.setAccessibleName(title)
    return QMessageBox.StandardButton(box.exec())


class Prompter:
    """Blocking questions and messages; tests replace the callables with scripted answers."""

    def __init__(self) -> None:
        self.inform: Callable[[QWidget | None, str, str], None] = self._inform
        self.warn: Callable[[QWidget | None, str, str], None] = self._warn
        self.confirm: Callable[[QWidget | None, str, str], bool] = self._confirm
        self.ask_text: Callable[[QWidget | None, str, str], str | None] = self._ask_text

    @staticmethod
    def _inform(parent: QWidget | None, title: str, text: str) -> None:
        ok = QMessageBox.StandardButton.Ok
        _box(parent, QMessageBox.Icon.Information, title, text, ok, ok)

    @staticmethod
    def _warn(parent: QWidget | None, title: str, text: str) -> None:
        ok = QMessageBox.StandardButton.Ok
        _box(parent, QMessageBox.Icon.Warning, title, text, ok, ok)

    @staticmethod
    def _ask_text(parent: QWidget | None, title: str, label: str) -> str | None:
        """One line of text (a reason, an alias); None when cancelled."""
        dialog = QInputDialog(parent)
        dialog.setWindowTitle(title)
        dialog.setLabelText(label)
        dialog.setAccessibleName(title)
        dialog.setInputMode(QInputDialog.InputMode.TextInput)
        if dialog.exec() != QInputDialog.DialogCode.Accepted:
            return None
        return dialog.textValue()

    @staticmethod
    def _confirm(parent: QWidget | None, title: str, text: str) -> bool:
        yes, no = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No
        return _box(parent, QMessageBox.Icon.Question, title, text, yes | no, no) == yes


prompter = Prompter()


def _t(text: str) -> str:
    return QCoreApplication.translate("Errors", text)


# Generic messages per validation code; a field-specific message wins when one exists.
_CODE_MESSAGES: dict[str, str] = {
    "required": QT_TRANSLATE_NOOP("Errors", "This field is required."),
    "too_long": QT_TRANSLATE_NOOP("Errors", "The text is too long."),
    "too_short": QT_TRANSLATE_NOOP("Errors", "Too short."),
    "control_characters": QT_TRANSLATE_NOOP("Errors", "Contains invisible control characters."),
    "unknown_country": QT_TRANSLATE_NOOP("Errors", "Unknown country."),
    "in_future": QT_TRANSLATE_NOOP("Errors", "The date is in the future."),
    "too_early": QT_TRANSLATE_NOOP("Errors", "The date is too early to be plausible."),
    "before_birth": QT_TRANSLATE_NOOP("Errors", "The date is before the person's birth."),
    "too_far_ahead": QT_TRANSLATE_NOOP("Errors", "The date is too far ahead to be plausible."),
    "invalid_unicode": QT_TRANSLATE_NOOP("Errors", "Contains characters that are not valid text."),
    "bidi_controls": QT_TRANSLATE_NOOP("Errors", "Contains text-direction control characters."),
    "invisible_only": QT_TRANSLATE_NOOP("Errors", "Contains only invisible characters."),
    "not_text": QT_TRANSLATE_NOOP("Errors", "Must be text."),
    "unknown_code": QT_TRANSLATE_NOOP("Errors", "Unknown value; choose one from the list."),
    "not_a_folder": QT_TRANSLATE_NOOP("Errors", "This is a file; choose a folder."),
    "out_of_range": QT_TRANSLATE_NOOP("Errors", "The value is not plausible."),
    "not_a_number": QT_TRANSLATE_NOOP("Errors", "Enter a whole number."),
    "bad_date": QT_TRANSLATE_NOOP("Errors", "Enter a date as YYYY-MM-DD."),
    "duplicate": QT_TRANSLATE_NOOP("Errors", "This name is already recorded."),
    "several_preferred": QT_TRANSLATE_NOOP("Errors", "Only one name can be preferred."),
    "last_name": QT_TRANSLATE_NOOP("Errors", "A person keeps at least one name."),
    "unknown_site": QT_TRANSLATE_NOOP("Errors", "Unknown site."),
    "end_before_start": QT_TRANSLATE_NOOP("Errors", "The end date is before the start date."),
    "taken": QT_TRANSLATE_NOOP("Errors", "This user name is already in use."),
    "mismatch": QT_TRANSLATE_NOOP("Errors", "The passwords differ."),
    "contains_username": QT_TRANSLATE_NOOP(
        "Errors", "The password must not contain the user name."
    ),
    "repetitive": QT_TRANSLATE_NOOP("Errors", "The password is too repetitive."),
    "too_common": QT_TRANSLATE_NOOP("Errors", "This password is too common; choose another."),
    "bad_language": QT_TRANSLATE_NOOP(
        "Errors", "Use language codes such as en, ro or ar, separated by commas."
    ),
}

_FIELD_MESSAGES: dict[tuple[str, str], str] = {
    ("code", "wrong"): QT_TRANSLATE_NOOP("Errors", "This enrolment code is not correct."),
    ("code", "used"): QT_TRANSLATE_NOOP("Errors", "This enrolment code was already used."),
    ("code", "expired"): QT_TRANSLATE_NOOP(
        "Errors", "This enrolment code has expired; make a new one on a joined workstation."
    ),
    ("code", "malformed"): QT_TRANSLATE_NOOP(
        "Errors", "An enrolment code has 20 letters and digits, in groups of 4."
    ),
    ("recovery_key", "wrong"): QT_TRANSLATE_NOOP(
        "Errors", "The recovery key does not fit this database."
    ),
    ("password", "too_short"): QT_TRANSLATE_NOOP(
        "Errors", "The password needs at least 12 characters."
    ),
    ("password", "too_long"): QT_TRANSLATE_NOOP("Errors", "The password is too long."),
    ("names", "required"): QT_TRANSLATE_NOOP("Errors", "Enter at least one name."),
    ("names", "duplicate"): QT_TRANSLATE_NOOP("Errors", "The same name is entered twice."),
    ("birth_date", "required"): QT_TRANSLATE_NOOP("Errors", "Enter the birth date."),
    ("birth_date", "too_early"): QT_TRANSLATE_NOOP("Errors", "The birth date is before 1900."),
    ("birth_year", "required"): QT_TRANSLATE_NOOP("Errors", "Enter the estimated birth year."),
    ("birth_year", "out_of_range"): QT_TRANSLATE_NOOP("Errors", "The birth year is not plausible."),
    ("assessment_date", "required"): QT_TRANSLATE_NOOP(
        "Errors", "Enter the date of the age assessment."
    ),
    ("assessed_age", "required"): QT_TRANSLATE_NOOP("Errors", "Enter the assessed age."),
    ("assessed_age", "out_of_range"): QT_TRANSLATE_NOOP(
        "Errors", "The assessed age is not plausible."
    ),
    ("reason", "required"): QT_TRANSLATE_NOOP("Errors", "Give a reason."),
}


def invalid_message(exc: Invalid) -> str:
    """A translated message for a validation error (the service's English text as fallback)."""
    text = _FIELD_MESSAGES.get((exc.field, exc.code)) or _CODE_MESSAGES.get(exc.code)
    return _t(text) if text else exc.message


def error_message(exc: BaseException) -> str:
    """What to tell the user about a service error, without personal data."""
    if isinstance(exc, Invalid):
        return invalid_message(exc)
    if isinstance(exc, Forbidden):
        if exc.action == "login":
            return _t(QT_TRANSLATE_NOOP("Errors", "The user name or password is not correct."))
        return _t(QT_TRANSLATE_NOOP("Errors", "Your role does not allow this."))
    if isinstance(exc, Conflict):
        if exc.message == "changed by someone else":
            return _t(
                QT_TRANSLATE_NOOP("Errors", "Someone else changed this record after you opened it.")
            )
        return _t(QT_TRANSLATE_NOOP("Errors", "The change clashes with existing data."))
    if isinstance(exc, NotFound):
        return _t(QT_TRANSLATE_NOOP("Errors", "The record no longer exists or is not visible."))
    if isinstance(exc, StorageError) and exc.code == "connection_lost":
        return _t(
            QT_TRANSLATE_NOOP(
                "Errors",
                "The connection to the database server was lost, so this was not saved. "
                "Try again in a moment: the app reconnects by itself.",
            )
        )
    if isinstance(exc, StorageError) and exc.code in ("tls", "tls_file_missing"):
        return _t(
            QT_TRANSLATE_NOOP(
                "Errors",
                "The secure connection to the database server failed: check the CA file and "
                "the server name.",
            )
        )
    if isinstance(exc, StorageError) and exc.code == "server_login":
        return _t(
            QT_TRANSLATE_NOOP("Errors", "The database server refused the role or its password.")
        )
    if isinstance(exc, StorageError) and exc.code in ("not_joined", "revoked"):
        return _t(
            QT_TRANSLATE_NOOP(
                "Errors",
                "This workstation is not joined to the shared database (or was revoked). "
                "An administrator must join it first.",
            )
        )
    if isinstance(exc, StorageError):
        return _t(
            QT_TRANSLATE_NOOP(
                "Errors", "The database could not be read or written. Nothing was saved."
            )
        )
    if isinstance(exc, ClinicError):
        return _t(QT_TRANSLATE_NOOP("Errors", "The action could not be completed."))
    return _t(
        QT_TRANSLATE_NOOP(
            "Errors",
            "Something went wrong; the action was not completed and nothing was saved.",
        )
    )


def enum_data(combo: QComboBox, enum: type[E]) -> E | None:
    """The combo's current item data as ``enum`` (Qt hands enum members back as plain str)."""
    data = combo.currentData()
    return None if data is None else enum(data)


def make_table(model: object, name: str) -> QTableView:
    """A read-only, row-selecting table view with an accessible name."""
    view = QTableView()
    view.setModel(model)  # type: ignore[arg-type]
    view.setAccessibleName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setHighlightSections(False)
    return view


def fmt_date(day: object) -> str:
    """ISO dates everywhere: unambiguous in both languages."""
    return day.isoformat() if hasattr(day, "isoformat") else ""
