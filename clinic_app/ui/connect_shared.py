"""First start: use a database on this computer, or connect to a shared one (PostgreSQL).

Connecting joins this workstation: an administrator gives the server's address, the
application role's password (kept in the keychain, never in settings), and either the
one-time enrolment code shown on a joined workstation or the recovery key.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from clinic_app.services.workstations import server_url
from clinic_app.ui.common import error_message, plain_label
from clinic_app.ui.context import run_task


@dataclass(frozen=True)
class JoinRequest:
    """What the dialog collected; ``url`` carries no password."""

    url: str
    server_password: str
    name: str
    username: str
    password: str
    code: str | None
    recovery_key: str | None


Joiner = Callable[[JoinRequest], str]  # returns the workstation's label


class StartChoiceDialog(QDialog):
    """No database yet: make one here, or connect to the centre's shared database."""

    LOCAL, SHARED = 1, 2

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Welcome"))
        self.setAccessibleName(self.tr("Start choice window"))
        layout = QVBoxLayout(self)
        layout.addWidget(
            plain_label(
                self.tr(
                    "There is no database on this computer yet. Create one here (for a single "
                    "workstation), or connect to the shared database of your organisation."
                ),
                self.tr("Start choice explanation"),
                wrap=True,
            )
        )
        local = QPushButton(self.tr("Create a new database on this computer"))
        local.setAccessibleName(self.tr("Create a local database"))
        local.clicked.connect(lambda: self.done(self.LOCAL))
        shared = QPushButton(self.tr("Connect to a shared database…"))
        shared.setAccessibleName(self.tr("Connect to a shared database"))
        shared.clicked.connect(lambda: self.done(self.SHARED))
        layout.addWidget(local)
        layout.addWidget(shared)


class ConnectSharedDialog(QDialog):
    """Join this workstation to a shared database; ``url`` is set once it is joined."""

    def __init__(
        self, joiner: Joiner, *, workstation: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._joiner = joiner
        self.url: str | None = None
        self.joined_as = ""
        self.setWindowTitle(self.tr("Connect to a shared database"))
        self.setAccessibleName(self.tr("Connect to a shared database window"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        layout.addWidget(
            plain_label(
                self.tr(
                    "An administrator joins this workstation: the server's details from your IT "
                    "person, and a one-time enrolment code made on a joined workstation "
                    "(Administration, or `clinic-app workstation enrol`) or the recovery key."
                ),
                self.tr("Connect explanation"),
                wrap=True,
            )
        )
        form = QFormLayout()
        self.host = self._line(form, self.tr("Server"), self.tr("Server host"))
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(5432)
        self.port.setAccessibleName(self.tr("Server port"))
        form.addRow(self.tr("Port"), self.port)
        self.database = self._line(form, self.tr("Database"), self.tr("Database name"), "clinic")
        self.role = self._line(form, self.tr("Role"), self.tr("Database role"), "clinic_app")
        self.server_password = self._line(
            form, self.tr("Role password"), self.tr("Database role password"), secret=True
        )
        self.verify = QCheckBox(self.tr("Encrypted connection, server certificate checked"))
        self.verify.setAccessibleName(self.tr("Verify the server certificate"))
        self.verify.setChecked(True)
        form.addRow("", self.verify)
        ca_row = QHBoxLayout()
        self.ca_file = QLineEdit()
        self.ca_file.setAccessibleName(self.tr("CA certificate file"))
        browse = QPushButton(self.tr("Browse…"))
        browse.setAccessibleName(self.tr("Choose the CA certificate file"))
        browse.clicked.connect(self._choose_ca)
        ca_row.addWidget(self.ca_file)
        ca_row.addWidget(browse)
        form.addRow(self.tr("CA file"), ca_row)
        self.name = self._line(
            form, self.tr("This workstation"), self.tr("Workstation name"), workstation
        )
        self.with_code = QRadioButton(self.tr("Enrolment code"))
        self.with_code.setAccessibleName(self.tr("Join with an enrolment code"))
        self.with_recovery = QRadioButton(self.tr("Recovery key"))
        self.with_recovery.setAccessibleName(self.tr("Join with the recovery key"))
        self.with_code.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.with_code)
        group.addButton(self.with_recovery)
        how = QHBoxLayout()
        how.addWidget(self.with_code)
        how.addWidget(self.with_recovery)
        form.addRow(self.tr("Join with"), how)
        self.secret = self._line(
            form, self.tr("Code or key"), self.tr("Enrolment code or recovery key"), secret=True
        )
        self.username = self._line(
            form, self.tr("Administrator"), self.tr("Administrator user name")
        )
        self.password = self._line(
            form, self.tr("Password"), self.tr("Administrator password"), secret=True
        )
        layout.addLayout(form)
        self.error = plain_label("", self.tr("Connection error"), wrap=True)
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.join_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.join_button.setText(self.tr("Join"))
        self.join_button.setAccessibleName(self.tr("Join this workstation"))
        self.buttons.accepted.connect(self.join)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def _line(
        self, form: QFormLayout, label: str, name: str, text: str = "", *, secret: bool = False
    ) -> QLineEdit:
        edit = QLineEdit(text)
        edit.setAccessibleName(name)
        if secret:
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(label, edit)
        return edit

    def _choose_ca(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("CA certificate"), "", self.tr("Certificates (*.pem *.crt)")
        )
        if path:
            self.ca_file.setText(path)

    def request(self) -> JoinRequest:
        secret = self.secret.text().strip()
        return JoinRequest(
            url=server_url(
                self.host.text().strip(),
                self.port.value(),
                self.database.text().strip(),
                self.role.text().strip(),
                verify=self.verify.isChecked(),
                ca_file=self.ca_file.text().strip(),
            ),
            server_password=self.server_password.text(),
            name=self.name.text().strip(),
            username=self.username.text().strip(),
            password=self.password.text(),
            code=secret if self.with_code.isChecked() else None,
            recovery_key=secret if self.with_recovery.isChecked() else None,
        )

    def join(self) -> None:
        """Join on a worker thread (scrypt and the server take a moment); errors stay here."""
        if not self.host.text().strip() or not self.secret.text().strip():
            self.error.setText(self.tr("Give the server and the enrolment code or recovery key."))
            return
        request = self.request()
        self.join_button.setEnabled(False)
        self.error.setText(self.tr("Joining…"))

        def done(label: object) -> None:
            self.url = request.url
            self.joined_as = str(label)
            self.accept()

        def failed(exc: BaseException) -> None:
            self.join_button.setEnabled(True)
            self.error.setText(error_message(exc))

        run_task(lambda: self._joiner(request), done, failed)
