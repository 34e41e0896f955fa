"""Log-in and first-run windows."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from clinic_app.errors import Invalid
from clinic_app.security.context import Actor
from clinic_app.security.passwords import check_password_policy
from clinic_app.ui.common import (
    error_label,
    error_message,
    invalid_message,
    plain_label,
    show_error,
)
from clinic_app.ui.context import run_task
from clinic_app.ui.labels import ROLES, label

if TYPE_CHECKING:
    # Services load in the background while the log-in window is already shown.
    from clinic_app.services.container import Services
    from clinic_app.services.database import Database


@dataclass(frozen=True)
class DemoAccount:
    username: str
    password: str
    role: str


def demo_accounts_for(db: Database) -> tuple[DemoAccount, ...]:
    """The demo user accounts, for the log-in screen: only for a database marked as demo."""
    from clinic_app.services.container import is_demo

    if not is_demo(db):
        return ()
    from clinic_app.services.demo_data import DEMO_USERS

    return tuple(DemoAccount(u, pw, str(role)) for u, pw, role, _site in DEMO_USERS)


class LoginDialog(QDialog):
    """User name and password; on a demo database, the demo accounts to click on.

    ``actor`` holds the logged-in user after ``accept()``. ``services`` may be None while the
    database is still opening (start-up): typing is possible, logging in waits for
    :meth:`set_services`.
    """

    FIRST_RUN = 2  # exec() result: the database has no users yet

    def __init__(
        self,
        services: Services | None,
        *,
        database_label: str,
        workstation: str = "",
        demo_accounts: tuple[DemoAccount, ...] = (),
        username: str = "",
        switching: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.workstation = workstation
        self.actor: Actor | None = None
        self._login_waiting = False
        self.setWindowTitle(self.tr("Switch user") if switching else self.tr("Log in"))
        self.setAccessibleName(self.tr("Log-in window"))
        self.setMinimumWidth(420)

        layout = QVBoxLayout(self)
        heading = plain_label(self.tr("Clinic App"), self.tr("Application name"))
        font = heading.font()
        font.setPointSize(font.pointSize() + 6)
        font.setBold(True)
        heading.setFont(font)
        layout.addWidget(heading)
        if switching:
            layout.addWidget(
                plain_label(
                    self.tr("Unsaved input in open forms will be discarded."),
                    self.tr("Switch user warning"),
                    wrap=True,
                )
            )

        form = QFormLayout()
        self.username = QLineEdit(username)
        self.username.setAccessibleName(self.tr("User name"))
        self.username.setMaxLength(100)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Password"))
        user_label = QLabel(self.tr("&User name:"))
        user_label.setBuddy(self.username)
        pw_label = QLabel(self.tr("&Password:"))
        pw_label.setBuddy(self.password)
        form.addRow(user_label, self.username)
        form.addRow(pw_label, self.password)
        layout.addLayout(form)

        self.error = error_label(self.tr("Log-in error"))
        layout.addWidget(self.error)

        buttons = QDialogButtonBox()
        self.login_button = QPushButton(self.tr("Log &in"))
        self.login_button.setAccessibleName(self.tr("Log in"))
        self.login_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("Cancel") if switching else self.tr("&Quit"))
        self.cancel_button.setAccessibleName(self.cancel_button.text().replace("&", ""))
        buttons.addButton(self.login_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.login_button.clicked.connect(self.try_login)
        self.cancel_button.clicked.connect(self.reject)
        layout.addWidget(buttons)

        self.demo_table: QTableWidget | None = None
        self._demo_layout = QVBoxLayout()
        self._demo_layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._demo_layout)
        if demo_accounts:
            self._demo_layout.addWidget(self._demo_box(demo_accounts))

        self.status = plain_label("", self.tr("Start-up status"), wrap=True)
        layout.addWidget(self.status)
        if services is None:
            self.status.setText(self.tr("Opening the database…"))
        self.status.setVisible(services is None)

        self.db_label = plain_label(
            self.tr("Database: %1").replace("%1", database_label), self.tr("Database"), wrap=True
        )
        self.db_label.setStyleSheet("color: palette(mid);")
        layout.addWidget(self.db_label)

        (self.password if username else self.username).setFocus()

    def set_services(
        self, services: Services, demo_accounts: tuple[DemoAccount, ...], *, has_users: bool
    ) -> None:
        """The database is open: enable log-in (or hand over to the first-run window)."""
        self.services = services
        if not has_users:
            self.done(self.FIRST_RUN)
            return
        if demo_accounts and self.demo_table is None:
            self._demo_layout.addWidget(self._demo_box(demo_accounts))
        self.status.setVisible(False)
        self.login_button.setEnabled(True)
        if self._login_waiting:
            self._login_waiting = False
            self.try_login()

    def warn(self, message: str) -> None:
        """Opening succeeded with a warning (e.g. the audit log was rolled back): say it;
        log-in stays possible."""
        self.status.setText(message)
        self.status.setStyleSheet("color: #b00020;")
        self.status.setVisible(True)

    def cannot_open(self, message: str) -> None:
        """Opening the database failed: say why; only Quit remains."""
        self.status.setText(message)
        self.status.setStyleSheet("color: #b00020;")
        self.status.setVisible(True)
        self.login_button.setEnabled(False)

    def _demo_box(self, accounts: tuple[DemoAccount, ...]) -> QWidget:
        box = QWidget()
        v = QVBoxLayout(box)
        v.setContentsMargins(0, 8, 0, 0)
        v.addWidget(
            plain_label(
                self.tr(
                    "Demo database with fictional people. Double-click an account "
                    "(or select it and press Enter) to log in:"
                ),
                self.tr("Demo accounts note"),
                wrap=True,
            )
        )
        table = QTableWidget(len(accounts), 3)
        table.setAccessibleName(self.tr("Demo accounts"))
        table.setHorizontalHeaderLabels(
            [self.tr("User name"), self.tr("Password"), self.tr("Role")]
        )
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        for row, acc in enumerate(accounts):
            for col, text in enumerate((acc.username, acc.password, label(ROLES, acc.role))):
                table.setItem(row, col, QTableWidgetItem(text))
        table.itemSelectionChanged.connect(self._fill_from_demo)
        table.itemDoubleClicked.connect(lambda _item: self.try_login())
        table.setMinimumHeight(table.verticalHeader().length() + 40)
        self.demo_table = table
        self._accounts = accounts
        v.addWidget(table)
        return box

    def _fill_from_demo(self) -> None:
        assert self.demo_table is not None
        rows = self.demo_table.selectionModel().selectedRows()
        if rows:
            acc = self._accounts[rows[0].row()]
            self.username.setText(acc.username)
            self.password.setText(acc.password)

    def try_login(self) -> None:
        """Check the credentials off the UI thread (password hashing is deliberately slow)."""
        username = self.username.text().strip()
        password = self.password.text()
        if not username or not password:
            show_error(self.error, self.tr("Enter your user name and password."))
            (self.username if not username else self.password).setFocus()
            return
        services = self.services
        if services is None:
            self._login_waiting = True  # logs in as soon as the database is open
            return
        self._busy(True)
        run_task(
            lambda: services.users.authenticate(username, password, self.workstation),
            self._logged_in,
            self._failed,
        )

    def _busy(self, busy: bool) -> None:
        self.login_button.setEnabled(not busy)
        self.username.setEnabled(not busy)
        self.password.setEnabled(not busy)
        if busy:
            show_error(self.error, "")
            self.setCursor(Qt.CursorShape.WaitCursor)
        else:
            self.unsetCursor()

    def _logged_in(self, actor: Actor) -> None:
        self._busy(False)
        self.actor = actor
        self.password.clear()
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._busy(False)
        from clinic_app.services.users import LoginFailed

        if isinstance(exc, LoginFailed):
            message = self.tr(
                "The user name or password is not correct, or the account is locked. "
                "After 5 failed attempts an administrator must unlock the account."
            )
        else:
            message = error_message(exc)
        show_error(self.error, message)
        self.password.clear()
        self.password.setFocus()


class FirstRunDialog(QDialog):
    """On an empty database: create the administrator (password policy checked as you type)."""

    def __init__(
        self,
        services: Services,
        *,
        database_label: str,
        workstation: str = "",
        recovery_key: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.workstation = workstation
        self.actor: Actor | None = None
        self.setWindowTitle(self.tr("Create the administrator"))
        self.setAccessibleName(self.tr("First run window"))
        self.setMinimumWidth(480)
        layout = QVBoxLayout(self)
        layout.addWidget(
            plain_label(
                self.tr(
                    "This database has no users yet. Create the administrator account; "
                    "the administrator then creates accounts for the staff."
                ),
                self.tr("First run explanation"),
                wrap=True,
            )
        )
        form = QFormLayout()
        self.username = QLineEdit("admin")
        self.username.setAccessibleName(self.tr("Administrator user name"))
        self.display_name = QLineEdit()
        self.display_name.setAccessibleName(self.tr("Administrator full name"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("New password"))
        self.repeat = QLineEdit()
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat.setAccessibleName(self.tr("Repeat password"))
        self.policy = plain_label(
            self.tr(
                "At least 12 characters; not a common password and not your user name. "
                "A few unrelated words make a good password."
            ),
            self.tr("Password policy"),
            wrap=True,
        )
        self.password_error = error_label(self.tr("Password error"))
        self.repeat_error = error_label(self.tr("Repeat password error"))
        self.name_error = error_label(self.tr("User name error"))
        for text, field in (
            (self.tr("&User name:"), self.username),
            (self.tr("&Full name:"), self.display_name),
            (self.tr("&Password:"), self.password),
            (self.tr("&Repeat password:"), self.repeat),
        ):
            lab = QLabel(text)
            lab.setBuddy(field)
            form.addRow(lab, field)
            if field is self.username:
                form.addRow("", self.name_error)
            if field is self.password:
                form.addRow("", self.policy)
                form.addRow("", self.password_error)
            if field is self.repeat:
                form.addRow("", self.repeat_error)
        layout.addLayout(form)
        self.error = error_label(self.tr("Error"))
        layout.addWidget(self.error)
        self.key_confirm: QLineEdit | None = None
        self._key_check = ""
        if recovery_key:
            layout.addWidget(
                plain_label(
                    self.tr(
                        "The database is encrypted; its key is in this computer's keychain. "
                        "Write down the recovery key below and lock it away: it is shown only "
                        "now, and without it a lost keychain or a new computer means the data "
                        "cannot be opened."
                    ),
                    self.tr("Recovery key explanation"),
                    wrap=True,
                )
            )
            key = plain_label(recovery_key, self.tr("Recovery key"))
            key.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            font = key.font()
            font.setFamily("monospace")
            font.setPointSize(font.pointSize() + 3)
            font.setBold(True)
            key.setFont(font)
            layout.addWidget(key)
            # Confirmed by typing its last group: the administrator cannot be created until
            # the key has been read (and, we ask, written down).
            self._key_check = recovery_key.rsplit("-", 1)[-1].upper()
            self.key_confirm = QLineEdit()
            self.key_confirm.setAccessibleName(self.tr("Recovery key confirmation"))
            self.key_confirm.setMaxLength(16)
            confirm_label = QLabel(
                self.tr("&Type the last group of the recovery key to confirm you wrote it down:")
            )
            confirm_label.setWordWrap(True)
            confirm_label.setBuddy(self.key_confirm)
            layout.addWidget(confirm_label)
            layout.addWidget(self.key_confirm)
            self.key_error = error_label(self.tr("Recovery key confirmation error"))
            layout.addWidget(self.key_error)
        self.db_label = plain_label(
            self.tr("Database: %1").replace("%1", database_label), self.tr("Database"), wrap=True
        )
        layout.addWidget(self.db_label)
        buttons = QDialogButtonBox()
        self.create_button = QPushButton(self.tr("&Create and log in"))
        self.create_button.setAccessibleName(self.tr("Create administrator"))
        self.create_button.setDefault(True)
        quit_button = QPushButton(self.tr("&Quit"))
        quit_button.setAccessibleName(self.tr("Quit"))
        buttons.addButton(self.create_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(quit_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.create_button.clicked.connect(self.create_admin)
        quit_button.clicked.connect(self.reject)
        layout.addWidget(buttons)
        for edit in (self.username, self.password, self.repeat, self.key_confirm):
            if edit is not None:
                edit.textChanged.connect(self.validate)
        self.validate()
        self.display_name.setFocus()

    def validate(self) -> bool:
        """Check as the user types; errors appear beside the fields. True if all is well."""
        ok = True
        username = self.username.text().strip()
        show_error(self.name_error, "" if username else self.tr("Enter a user name."))
        ok &= bool(username)
        password = self.password.text()
        message = ""
        if password:
            try:
                check_password_policy(password, username or None)
            except Invalid as exc:
                message = invalid_message(exc)
        show_error(self.password_error, message)
        ok &= bool(password) and not message
        repeat = self.repeat.text()
        mismatch = bool(repeat) and repeat != password
        show_error(self.repeat_error, self.tr("The passwords differ.") if mismatch else "")
        ok &= bool(repeat) and not mismatch
        if self.key_confirm is not None:
            typed = self.key_confirm.text().strip().upper()
            wrong = bool(typed) and typed != self._key_check
            show_error(
                self.key_error,
                self.tr("That is not the last group of the recovery key above.") if wrong else "",
            )
            ok &= typed == self._key_check
        self.create_button.setEnabled(ok)
        return ok

    def create_admin(self) -> None:
        if not self.validate():
            return
        username = self.username.text().strip()
        display = self.display_name.text().strip() or username
        password = self.password.text()

        def work() -> Actor:
            self.services.users.create_first_admin(username, display, password, self.workstation)
            return self.services.users.authenticate(username, password, self.workstation)

        self.create_button.setEnabled(False)
        run_task(work, self._created, self._failed)

    def _created(self, actor: Actor) -> None:
        self.actor = actor
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.create_button.setEnabled(True)
        if isinstance(exc, Invalid) and exc.field == "password":
            show_error(self.password_error, invalid_message(exc))
        elif isinstance(exc, Invalid) and exc.field in ("username", "display_name"):
            show_error(self.name_error, invalid_message(exc))
        else:
            show_error(self.error, error_message(exc))
