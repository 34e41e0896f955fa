"""The start-up error window: why the database did not open, what to do, and (when the key
is missing or wrong) a field for the recovery key."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clinic_app.errors import StorageError
from clinic_app.services.startup import PASSPHRASE_STATES, RECOVERABLE
from clinic_app.ui.common import error_label, plain_label, show_error
from clinic_app.ui.context import run_task
from clinic_app.ui.tr import QT_TRANSLATE_NOOP


def _t(text: str) -> str:
    return QCoreApplication.translate("Startup", text)


def cause_and_remedy(exc: BaseException) -> tuple[str, str]:
    """What went wrong and the way forward, for each start-up state (translated)."""
    code = exc.code if isinstance(exc, StorageError) else ""
    texts = {
        "key_needed": (
            QT_TRANSLATE_NOOP("Startup", "The database key is not in this computer's keychain."),
            QT_TRANSLATE_NOOP(
                "Startup",
                "Type the recovery key that was printed when the database was set up. "
                "The key is then put back in the keychain.",
            ),
        ),
        "no_keyring": (
            QT_TRANSLATE_NOOP(
                "Startup", "This computer has no usable system keychain for the database key."
            ),
            QT_TRANSLATE_NOOP(
                "Startup",
                "Type the recovery key that was printed when the database was set up; it "
                "opens the database for this session.",
            ),
        ),
        "keyring_error": (
            QT_TRANSLATE_NOOP("Startup", "The system keychain could not be read."),
            QT_TRANSLATE_NOOP(
                "Startup", "Unlock the keychain and start again, or type the recovery key."
            ),
        ),
        "wrong_key": (
            QT_TRANSLATE_NOOP(
                "Startup", "The key in this computer's keychain does not open this database."
            ),
            QT_TRANSLATE_NOOP(
                "Startup",
                "Type the recovery key of this database; the right key is then put back in "
                "the keychain.",
            ),
        ),
        "bad_recovery_key": (
            QT_TRANSLATE_NOOP("Startup", "That is not a recovery key."),
            QT_TRANSLATE_NOOP("Startup", "Check the recovery key and type it again."),
        ),
        "key_file_missing": (
            QT_TRANSLATE_NOOP(
                "Startup", "The key file (.keywrap) next to the database is missing."
            ),
            QT_TRANSLATE_NOOP(
                "Startup",
                "Copy the key file back from a backup folder (each backup has its own) next "
                "to the database, then start again. Nothing was changed.",
            ),
        ),
        "key_file_damaged": (
            QT_TRANSLATE_NOOP(
                "Startup", "The key file (.keywrap) next to the database is damaged."
            ),
            QT_TRANSLATE_NOOP(
                "Startup",
                "Copy the key file back from a backup folder next to the database, then "
                "start again. Nothing was changed.",
            ),
        ),
        "newer_schema": (
            QT_TRANSLATE_NOOP(
                "Startup", "The database was created by a newer version of Clinic App."
            ),
            QT_TRANSLATE_NOOP(
                "Startup", "Install the newer version of Clinic App. Nothing was changed."
            ),
        ),
        "locked": (
            QT_TRANSLATE_NOOP("Startup", "The database is locked by another program."),
            QT_TRANSLATE_NOOP(
                "Startup",
                "Close the other program (or wait until a backup has finished), then start "
                "again. Nothing was changed.",
            ),
        ),
        "read_only": (
            QT_TRANSLATE_NOOP("Startup", "The database is read-only: nothing could be saved."),
            QT_TRANSLATE_NOOP(
                "Startup",
                "Check the permissions of the database file and its folder, or whether the "
                "drive is write-protected, then start again.",
            ),
        ),
        "disk_full": (
            QT_TRANSLATE_NOOP("Startup", "The disk is full: nothing could be saved."),
            QT_TRANSLATE_NOOP(
                "Startup", "Free some space on the drive, then start again. Nothing was lost."
            ),
        ),
        "no_database": (
            QT_TRANSLATE_NOOP("Startup", "The database file is missing."),
            QT_TRANSLATE_NOOP(
                "Startup",
                "Restore a backup (Administration or `clinic-app restore`); no empty database "
                "is put in its place.",
            ),
        ),
        "empty_file": (
            QT_TRANSLATE_NOOP("Startup", "The database file is empty (zero bytes)."),
            QT_TRANSLATE_NOOP("Startup", "Restore a backup; the empty file was not changed."),
        ),
        "not_a_file": (
            QT_TRANSLATE_NOOP("Startup", "The database location is a folder, not a file."),
            QT_TRANSLATE_NOOP("Startup", "Check the database location (--db or CLINIC_APP_DB)."),
        ),
        "not_a_database": (
            QT_TRANSLATE_NOOP("Startup", "The file is damaged or is not a Clinic App database."),
            QT_TRANSLATE_NOOP("Startup", "Restore a backup. Nothing was changed."),
        ),
        "not_encrypted": (
            QT_TRANSLATE_NOOP(
                "Startup", "The file is an unencrypted database, but an encrypted one was expected."
            ),
            QT_TRANSLATE_NOOP("Startup", "Open it with a sqlite:/// location."),
        ),
        "insecure_keyring": (
            QT_TRANSLATE_NOOP(
                "Startup",
                "The keychain would store the database key in plain text, which is refused.",
            ),
            QT_TRANSLATE_NOOP(
                "Startup", "Use the operating system's keychain, or type the recovery key."
            ),
        ),
        "passphrase_needed": (
            QT_TRANSLATE_NOOP(
                "Startup", "This database is protected by a passphrase (no system keychain)."
            ),
            QT_TRANSLATE_NOOP(
                "Startup",
                "Type the passphrase to open it. If it is forgotten, the recovery key opens it.",
            ),
        ),
        "wrong_passphrase": (
            QT_TRANSLATE_NOOP("Startup", "The passphrase does not open this database."),
            QT_TRANSLATE_NOOP("Startup", "Type it again, or use the recovery key."),
        ),
        "weak_passphrase": (
            QT_TRANSLATE_NOOP("Startup", "The passphrase is too short."),
            QT_TRANSLATE_NOOP("Startup", "Choose a passphrase of at least 12 characters."),
        ),
        "cannot_open": (
            QT_TRANSLATE_NOOP("Startup", "The database file cannot be opened."),
            QT_TRANSLATE_NOOP(
                "Startup", "Check the permissions of the database file and its folder."
            ),
        ),
    }
    cause, remedy = texts.get(
        code,
        (
            QT_TRANSLATE_NOOP("Startup", "The database could not be opened."),
            QT_TRANSLATE_NOOP("Startup", "Details are in the log file. Nothing was changed."),
        ),
    )
    return _t(cause), _t(remedy)


class StartupErrorDialog(QDialog):
    """Shown when the database did not open. ``reopen(recovery_key)`` opens it again with a
    recovery key (on a worker thread); on success ``opened`` holds its result."""

    def __init__(
        self,
        exc: BaseException,
        *,
        database_label: str,
        reopen: Callable[[str], Any] | None = None,
        reopen_passphrase: Callable[[str], Any] | None = None,
        first_start: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.opened: Any = None
        self._reopen = reopen
        self._reopen_passphrase = reopen_passphrase
        self.setWindowTitle(self.tr("The database could not be opened"))
        self.setAccessibleName(self.tr("Start-up error window"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        code = exc.code if isinstance(exc, StorageError) else ""
        creating = first_start and code == "no_keyring" and reopen_passphrase is not None
        cause, remedy = cause_and_remedy(exc)
        if creating:
            remedy = self.tr(
                "Choose a passphrase (at least 12 characters): it protects the database key "
                "instead of a keychain and is asked at each start. The recovery key is shown "
                "next; keep both safe."
            )
        self.cause = plain_label(cause, self.tr("Start-up problem"), wrap=True)
        font = self.cause.font()
        font.setBold(True)
        self.cause.setFont(font)
        layout.addWidget(self.cause)
        self.remedy = plain_label(remedy, self.tr("What to do"), wrap=True)
        layout.addWidget(self.remedy)
        self.recovery: QLineEdit | None = None
        self.passphrase: QLineEdit | None = None
        self.repeat: QLineEdit | None = None
        buttons = QDialogButtonBox()
        if reopen_passphrase is not None and (creating or code in PASSPHRASE_STATES):
            form = QFormLayout()
            self.passphrase = self._secret_field(
                form, self.tr("Passphrase"), self.tr("&Passphrase:")
            )
            if creating:
                self.repeat = self._secret_field(
                    form, self.tr("Repeat passphrase"), self.tr("R&epeat passphrase:")
                )
            layout.addLayout(form)
            text = self.tr("&Create with this passphrase") if creating else self.tr("&Open")
            self.passphrase_button = QPushButton(text)
            self.passphrase_button.setAccessibleName(text.replace("&", ""))
            self.passphrase_button.setDefault(True)
            self.passphrase_button.clicked.connect(self.try_passphrase)
            buttons.addButton(self.passphrase_button, QDialogButtonBox.ButtonRole.AcceptRole)
            self.passphrase.setFocus()
        if not creating and reopen is not None and code in RECOVERABLE | PASSPHRASE_STATES:
            form = QFormLayout()
            self.recovery = QLineEdit()
            self.recovery.setAccessibleName(self.tr("Recovery key"))
            self.recovery.setPlaceholderText("XXXX-XXXX-…")
            lab = QLabel(self.tr("&Recovery key:"))
            lab.setBuddy(self.recovery)
            form.addRow(lab, self.recovery)
            layout.addLayout(form)
            self.open_button = QPushButton(self.tr("&Open with the recovery key"))
            self.open_button.setAccessibleName(self.tr("Open with the recovery key"))
            self.open_button.setDefault(self.passphrase is None)
            self.open_button.clicked.connect(self.try_recovery_key)
            buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.AcceptRole)
            if self.passphrase is None:
                self.recovery.setFocus()
        self.error = error_label(self.tr("Recovery key error"))
        layout.addWidget(self.error)
        layout.addWidget(
            plain_label(
                self.tr("Database: %1").replace("%1", database_label),
                self.tr("Database"),
                wrap=True,
            )
        )
        quit_button = QPushButton(self.tr("&Quit"))
        quit_button.setAccessibleName(self.tr("Quit"))
        quit_button.clicked.connect(self.reject)
        buttons.addButton(quit_button, QDialogButtonBox.ButtonRole.RejectRole)
        layout.addWidget(buttons)

    def _secret_field(self, form: QFormLayout, name: str, text: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setEchoMode(QLineEdit.EchoMode.Password)
        edit.setAccessibleName(name)
        lab = QLabel(text)
        lab.setBuddy(edit)
        form.addRow(lab, edit)
        return edit

    def try_passphrase(self) -> None:
        """Open (or, on a first start, create) the database with the typed passphrase."""
        assert self.passphrase is not None and self._reopen_passphrase is not None
        text = self.passphrase.text()
        if self.repeat is not None and self.repeat.text() != text:
            show_error(self.error, self.tr("The passphrases differ."))
            return
        if not text:
            show_error(self.error, self.tr("Type the passphrase."))
            return
        reopen = self._reopen_passphrase
        self.passphrase_button.setEnabled(False)
        show_error(self.error, "")
        run_task(lambda: reopen(text), self._opened, self._failed)

    def try_recovery_key(self) -> None:
        """Open the database with the typed recovery key, off the UI thread (it is slow)."""
        assert self.recovery is not None and self._reopen is not None
        text = self.recovery.text().strip()
        if not text:
            show_error(self.error, self.tr("Type the recovery key."))
            return
        reopen = self._reopen
        self.open_button.setEnabled(False)
        show_error(self.error, "")
        run_task(lambda: reopen(text), self._opened, self._failed)

    def _opened(self, result: Any) -> None:
        self.opened = result
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        for button in ("open_button", "passphrase_button"):
            if hasattr(self, button):
                getattr(self, button).setEnabled(True)
        code = exc.code if isinstance(exc, StorageError) else ""
        if code == "wrong_key":
            message = self.tr("This recovery key does not open the database.")
        elif code == "bad_recovery_key":
            message = self.tr("That is not a recovery key: check it and type it again.")
        else:
            message = " ".join(cause_and_remedy(exc))
        show_error(self.error, message)
        field = self.passphrase if code in PASSPHRASE_STATES | {"weak_passphrase"} else None
        field = field or self.recovery or self.passphrase
        if field is not None:
            field.selectAll()
            field.setFocus()
