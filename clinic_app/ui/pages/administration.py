"""Administration: user accounts (create, disable, enable, unlock, change role, each with a
reason), the audit log (filtered viewer and chain verification), backups (settings,
backing up now with progress, the list of existing backups) and retention of closed cases
(policy, preview, run on exactly the previewed cases after a confirmation).

Every change goes through the users service, which checks the permission and audits it with
the reason; this page only hides what the role cannot do.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from clinic_app.errors import ClinicError, Invalid
from clinic_app.security.permissions import Action, allowed
from clinic_app.services.audit import AuditCheck, AuditFilter, AuditRow
from clinic_app.services.backup import BackupEntry, BackupResult, BackupSettings
from clinic_app.services.common import Page
from clinic_app.services.retention import (
    ANONYMISE,
    ERASE,
    MAX_YEARS,
    MIN_YEARS,
    RetentionOutcome,
    RetentionPolicy,
    RetentionPreview,
)
from clinic_app.services.users import UserView
from clinic_app.ui.common import (
    error_label,
    error_message,
    make_table,
    named,
    prompter,
    show_error,
)
from clinic_app.ui.context import UiContext
from clinic_app.ui.pages.workstations import WorkstationsTab
from clinic_app.vocabulary import Role

PAGE_SIZE = 200

_ROLE_NAMES = {
    Role.ADMINISTRATOR: "Administrator",
    Role.TEAM_LEAD: "Team lead",
    Role.SHELTER_STAFF: "Shelter staff",
    Role.NURSE: "Nurse",
    Role.CONTACT_PERSON: "Contact person",
    Role.STATISTICS: "Statistics only",
}


def role_name(role: Role) -> str:
    """The translated name of a role."""
    return QCoreApplication.translate("Roles", _ROLE_NAMES.get(role, str(role)))


def _tr_roles() -> None:
    # Marks the role names for Qt Linguist (never called).
    QCoreApplication.translate("Roles", "Administrator")
    QCoreApplication.translate("Roles", "Team lead")
    QCoreApplication.translate("Roles", "Shelter staff")
    QCoreApplication.translate("Roles", "Nurse")
    QCoreApplication.translate("Roles", "Contact person")
    QCoreApplication.translate("Roles", "Statistics only")


def _item(text: str, data: object = None) -> QStandardItem:
    item = QStandardItem(text)
    item.setEditable(False)
    if data is not None:
        item.setData(data, Qt.ItemDataRole.UserRole)
    return item


# --- dialogs ---------------------------------------------------------------------------------


class ReasonDialog(QDialog):
    """Asks why (required); optionally a role too. OK stays disabled until a reason is typed."""

    def __init__(
        self, title: str, prompt: str, parent: QWidget | None = None, *, role: Role | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        layout = QFormLayout(self)
        self.role_box: QComboBox | None = None
        if role is not None:
            box = QComboBox()
            for r in Role:
                box.addItem(role_name(r), r)
            box.setCurrentIndex(list(Role).index(role))
            named(box, self.tr("New role"))
            label = QLabel(self.tr("New &role:"))
            label.setBuddy(box)
            layout.addRow(label, box)
            self.role_box = box
        self.reason = QPlainTextEdit()
        self.reason.setTabChangesFocus(True)
        named(self.reason, self.tr("Reason"), self.tr("Kept in the audit log."))
        label = QLabel(prompt)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setBuddy(self.reason)
        layout.addRow(label, self.reason)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        named(self.ok_button, self.tr("OK"))
        named(self.buttons.button(QDialogButtonBox.StandardButton.Cancel), self.tr("Cancel"))
        layout.addRow(self.buttons)
        self.reason.textChanged.connect(self._update)
        self._update()

    def _update(self) -> None:
        self.ok_button.setEnabled(bool(self.reason.toPlainText().strip()))

    def chosen_role(self) -> Role | None:
        return Role(self.role_box.currentData()) if self.role_box is not None else None


@dataclass(frozen=True)
class NewUser:
    username: str
    display_name: str
    role: Role
    site_id: int | None
    password: str
    reason: str


class NewUserDialog(QDialog):
    """The form for a new account; the page saves it and shows errors beside the fields."""

    def __init__(self, sites: list[tuple[int, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New user"))
        self.setAccessibleName(self.tr("New user"))
        form = QFormLayout(self)
        self.username = QLineEdit()
        self.display_name = QLineEdit()
        self.role = QComboBox()
        for r in Role:
            self.role.addItem(role_name(r), r)
        self.site = QComboBox()
        self.site.addItem(self.tr("(no site)"), None)
        for site_id, name in sites:
            self.site.addItem(name, site_id)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit()
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.reason = QLineEdit()
        rows: list[tuple[str, str, QWidget]] = [
            (self.tr("&User name:"), self.tr("User name"), self.username),
            (self.tr("&Full name:"), self.tr("Full name"), self.display_name),
            (self.tr("&Role:"), self.tr("Role"), self.role),
            (self.tr("&Site:"), self.tr("Site"), self.site),
            (self.tr("&Password:"), self.tr("Password"), self.password),
            (self.tr("Re&peat password:"), self.tr("Repeat password"), self.repeat),
            (self.tr("R&eason:"), self.tr("Reason"), self.reason),
        ]
        for text, name, widget in rows:
            named(widget, name)
            label = QLabel(text)
            label.setBuddy(widget)
            form.addRow(label, widget)
        self.error = error_label(self.tr("New user error"))
        form.addRow(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        named(buttons.button(QDialogButtonBox.StandardButton.Ok), self.tr("Create user"))
        named(buttons.button(QDialogButtonBox.StandardButton.Cancel), self.tr("Cancel"))
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _check(self) -> None:
        if self.password.text() != self.repeat.text():
            show_error(self.error, self.tr("The passwords differ."))
            self.repeat.setFocus()
            return
        if not self.reason.text().strip():
            show_error(self.error, self.tr("Give a reason."))
            self.reason.setFocus()
            return
        self.accept()

    def value(self) -> NewUser:
        return NewUser(
            self.username.text(),
            self.display_name.text(),
            Role(self.role.currentData()),
            self.site.currentData(),
            self.password.text(),
            self.reason.text(),
        )


# --- the page --------------------------------------------------------------------------------


class AdministrationPage(QWidget):
    """Users, audit log and backups for administrators."""

    # Backup progress (done, total) emitted on the worker thread, delivered queued to the UI.
    backup_progress = Signal(int, int)

    def __init__(self, ctx: UiContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.setAccessibleName(self.tr("Administration"))
        # Dialog hooks: tests replace these with scripted answers.
        self.ask_reason: Callable[[str, str], str | None] = self._ask_reason
        self.ask_role: Callable[[Role], tuple[Role, str] | None] = self._ask_role
        self.ask_new_user: Callable[[], NewUser | None] = self._ask_new_user
        self.ask_folder: Callable[[str], str | None] = self._ask_folder
        self.busy = False
        self._offset = 0
        self._users: list[UserView] = []
        self.tabs = QTabWidget()
        named(self.tabs, self.tr("Administration sections"))
        self.tabs.addTab(self._build_users(), self.tr("&Users"))
        self.tabs.addTab(self._build_audit(), self.tr("&Audit log"))
        self.tabs.addTab(self._build_backup(), self.tr("&Backup"))
        self.tabs.addTab(self._build_retention(), self.tr("Retent&ion"))
        self.workstations: WorkstationsTab | None = None
        if ctx.services.workstations.membership is not None:  # a shared database
            self.workstations = WorkstationsTab(ctx)
            self.tabs.addTab(self.workstations, self.tr("&Workstations"))
        self.backup_progress.connect(self._show_backup_progress)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        self.refresh()

    # --- building --------------------------------------------------------------------------

    def _button(self, text: str, name: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text)
        named(button, name)
        button.clicked.connect(slot)
        return button

    def _build_users(self) -> QWidget:
        box = QWidget()
        self.users_model = QStandardItemModel(0, 5, box)
        self.users_model.setHorizontalHeaderLabels(
            [
                self.tr("User name"),
                self.tr("Name"),
                self.tr("Role"),
                self.tr("Site"),
                self.tr("State"),
            ]
        )
        self.users_table: QTableView = make_table(self.users_model, self.tr("Users table"))
        self.users_table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.new_user_button = self._button(
            self.tr("&New user…"), self.tr("New user"), self.new_user
        )
        self.disable_button = self._button(
            self.tr("&Disable…"), self.tr("Disable user"), self.disable
        )
        self.enable_button = self._button(self.tr("&Enable…"), self.tr("Enable user"), self.enable)
        self.unlock_button = self._button(self.tr("Un&lock…"), self.tr("Unlock user"), self.unlock)
        self.role_button = self._button(
            self.tr("Change &role…"), self.tr("Change role"), self.change_role
        )
        buttons = QHBoxLayout()
        for b in (
            self.new_user_button,
            self.disable_button,
            self.enable_button,
            self.unlock_button,
            self.role_button,
        ):
            buttons.addWidget(b)
        buttons.addStretch(1)
        self.users_error = error_label(self.tr("Users error"))
        layout = QVBoxLayout(box)
        layout.addLayout(buttons)
        layout.addWidget(self.users_error)
        layout.addWidget(self.users_table)
        return box

    def _build_audit(self) -> QWidget:
        box = QWidget()
        self.f_user = QLineEdit()
        self.f_person = QLineEdit()
        self.f_action = QLineEdit()
        self.f_since = QLineEdit()
        self.f_until = QLineEdit()
        for w in (self.f_since, self.f_until):
            w.setPlaceholderText("YYYY-MM-DD")
            w.setInputMask("")
        filters = QFormLayout()
        for text, name, widget in (
            (self.tr("&User:"), self.tr("Audit user filter"), self.f_user),
            (self.tr("&Person (case reference):"), self.tr("Audit person filter"), self.f_person),
            (self.tr("Ac&tion:"), self.tr("Audit action filter"), self.f_action),
            (self.tr("&From (UTC day):"), self.tr("Audit since filter"), self.f_since),
            (self.tr("&To (UTC day):"), self.tr("Audit until filter"), self.f_until),
        ):
            named(widget, name)
            widget.returnPressed.connect(self.apply_filters)
            label = QLabel(text)
            label.setBuddy(widget)
            filters.addRow(label, widget)
        self.apply_button = self._button(
            self.tr("&Show"), self.tr("Apply audit filters"), self.apply_filters
        )
        self.prev_button = self._button(
            self.tr("&Previous"), self.tr("Previous page"), self.prev_page
        )
        self.next_button = self._button(self.tr("&Next"), self.tr("Next page"), self.next_page)
        self.verify_button = self._button(
            self.tr("&Verify audit log"), self.tr("Verify audit log"), self.verify
        )
        row = QHBoxLayout()
        for b in (self.apply_button, self.prev_button, self.next_button, self.verify_button):
            row.addWidget(b)
        row.addStretch(1)
        self.audit_error = error_label(self.tr("Audit error"))
        self.verify_result = QLabel()
        self.verify_result.setTextFormat(Qt.TextFormat.PlainText)
        self.verify_result.setWordWrap(True)
        named(self.verify_result, self.tr("Audit verify result"))
        self.audit_count = QLabel()
        self.audit_count.setTextFormat(Qt.TextFormat.PlainText)
        named(self.audit_count, self.tr("Audit count"))
        self.audit_model = QStandardItemModel(0, 7, box)
        self.audit_model.setHorizontalHeaderLabels(
            [
                self.tr("Id"),
                self.tr("Time (UTC)"),
                self.tr("User"),
                self.tr("Action"),
                self.tr("Case"),
                self.tr("Outcome"),
                self.tr("Workstation"),
            ]
        )
        self.audit_table: QTableView = make_table(self.audit_model, self.tr("Audit table"))
        layout = QVBoxLayout(box)
        layout.addLayout(filters)
        layout.addLayout(row)
        layout.addWidget(self.audit_error)
        layout.addWidget(self.verify_result)
        layout.addWidget(self.audit_count)
        layout.addWidget(self.audit_table)
        return box

    def _build_backup(self) -> QWidget:
        box = QWidget()
        self.backup_running = False
        self.backup_folder = QLineEdit()
        named(self.backup_folder, self.tr("Backup folder"))
        self.choose_folder_button = self._button(
            self.tr("C&hoose folder…"), self.tr("Choose backup folder"), self.choose_folder
        )
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.backup_folder, 1)
        folder_row.addWidget(self.choose_folder_button)
        self.keep_daily = QSpinBox()
        self.keep_weekly = QSpinBox()
        self.keep_monthly = QSpinBox()
        for spin in (self.keep_daily, self.keep_weekly, self.keep_monthly):
            spin.setRange(0, 366)
        self.daily_automatic = QCheckBox(self.tr("Dai&ly automatic backup"))
        named(self.daily_automatic, self.tr("Daily automatic backup"))
        form = QFormLayout()
        folder_label = QLabel(self.tr("&Folder:"))
        folder_label.setTextFormat(Qt.TextFormat.PlainText)
        folder_label.setBuddy(self.backup_folder)
        form.addRow(folder_label, folder_row)
        for text, name, spin in (
            (self.tr("Keep &daily:"), self.tr("Keep daily backups"), self.keep_daily),
            (self.tr("Keep &weekly:"), self.tr("Keep weekly backups"), self.keep_weekly),
            (self.tr("Keep &monthly:"), self.tr("Keep monthly backups"), self.keep_monthly),
        ):
            named(spin, name)
            label = QLabel(text)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setBuddy(spin)
            form.addRow(label, spin)
        form.addRow(self.daily_automatic)
        self.save_backup_button = self._button(
            self.tr("&Save settings"), self.tr("Save backup settings"), self.save_backup_settings
        )
        self.backup_now_button = self._button(
            self.tr("Back up &now"), self.tr("Back up now"), self.backup_now
        )
        row = QHBoxLayout()
        row.addWidget(self.save_backup_button)
        row.addWidget(self.backup_now_button)
        row.addStretch(1)
        self.backup_error = error_label(self.tr("Backup error"))
        self.backup_message = QLabel()
        self.backup_message.setTextFormat(Qt.TextFormat.PlainText)
        self.backup_message.setWordWrap(True)
        named(self.backup_message, self.tr("Backup result"))
        self.backup_bar = QProgressBar()
        self.backup_bar.setRange(0, 1)
        self.backup_bar.setValue(0)
        self.backup_bar.setVisible(False)
        named(self.backup_bar, self.tr("Backup progress"))
        self.backups_model = QStandardItemModel(0, 3, box)
        self.backups_model.setHorizontalHeaderLabels(
            [self.tr("Made (UTC)"), self.tr("Size"), self.tr("Rows")]
        )
        self.backups_table: QTableView = make_table(self.backups_model, self.tr("Backups table"))
        layout = QVBoxLayout(box)
        layout.addLayout(form)
        layout.addLayout(row)
        layout.addWidget(self.backup_bar)
        layout.addWidget(self.backup_error)
        layout.addWidget(self.backup_message)
        layout.addWidget(self.backups_table)
        return box

    def _build_retention(self) -> QWidget:
        box = QWidget()
        self.retention_running = False
        self._preview: RetentionPreview | None = None
        self.retention_years = QSpinBox()
        self.retention_years.setRange(MIN_YEARS, MAX_YEARS)
        self.retention_mode = QComboBox()
        self.retention_mode.addItem(self.tr("Anonymise"), ANONYMISE)
        self.retention_mode.addItem(self.tr("Erase"), ERASE)
        form = QFormLayout()
        for text, name, widget in (
            (self.tr("&Years after closing:"), self.tr("Retention years"), self.retention_years),
            (self.tr("&Then:"), self.tr("Retention action"), self.retention_mode),
        ):
            named(widget, name)
            label = QLabel(text)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setBuddy(widget)
            form.addRow(label, widget)
        self.save_policy_button = self._button(
            self.tr("Save &policy"), self.tr("Save retention policy"), self.save_retention_policy
        )
        self.preview_button = self._button(
            self.tr("Pre&view"), self.tr("Preview retention"), self.preview_retention
        )
        self.run_retention_button = self._button(
            self.tr("&Run on the previewed cases…"), self.tr("Run retention"), self.run_retention
        )
        self.run_retention_button.setEnabled(False)
        row = QHBoxLayout()
        for b in (self.save_policy_button, self.preview_button, self.run_retention_button):
            row.addWidget(b)
        row.addStretch(1)
        self.retention_error = error_label(self.tr("Retention error"))
        self.retention_message = QLabel()
        self.retention_message.setTextFormat(Qt.TextFormat.PlainText)
        self.retention_message.setWordWrap(True)
        named(self.retention_message, self.tr("Retention result"))
        self.retention_model = QStandardItemModel(0, 4, box)
        self.retention_model.setHorizontalHeaderLabels(
            [
                self.tr("Case"),
                self.tr("Archived on"),
                self.tr("Action"),
                self.tr("Rows affected"),
            ]
        )
        self.retention_table: QTableView = make_table(
            self.retention_model, self.tr("Retention preview table")
        )
        layout = QVBoxLayout(box)
        layout.addLayout(form)
        layout.addLayout(row)
        layout.addWidget(self.retention_error)
        layout.addWidget(self.retention_message)
        layout.addWidget(self.retention_table)
        return box

    # --- shell hooks -----------------------------------------------------------------------

    def refresh(self) -> None:
        actor = self.ctx.actor
        can_users = allowed(actor, Action.USER_ADMIN)
        can_audit = allowed(actor, Action.AUDIT_VIEW)
        self.tabs.setTabVisible(0, can_users)
        self.tabs.setTabVisible(1, can_audit)
        self.verify_button.setVisible(allowed(actor, Action.AUDIT_VERIFY))
        can_backup = allowed(actor, Action.BACKUP_RUN)
        self.tabs.setTabVisible(2, can_backup)
        if can_users:
            self.load_users()
        if can_audit:
            self.load_audit()
        can_retention = allowed(actor, Action.RETENTION_RUN)
        self.tabs.setTabVisible(3, can_retention)
        if can_backup and not self.backup_running:
            self.load_backup_settings()
        if can_retention and not self.retention_running:
            self.load_retention_policy()
        if self.workstations is not None:
            self.tabs.setTabVisible(4, can_users)
            if can_users:
                self.workstations.refresh()

    def clear_personal_data(self) -> None:
        self.users_model.removeRows(0, self.users_model.rowCount())
        self.audit_model.removeRows(0, self.audit_model.rowCount())
        self._users = []
        for w in (self.f_user, self.f_person, self.f_action, self.f_since, self.f_until):
            w.clear()
        self.verify_result.clear()
        self.audit_count.clear()
        self._clear_preview()
        self.retention_message.clear()

    def has_unsaved_changes(self) -> bool:
        return False

    # --- users -----------------------------------------------------------------------------

    def load_users(self) -> None:
        try:
            users = self.ctx.services.users.list_users(self.ctx.actor)
        except ClinicError as exc:
            show_error(self.users_error, error_message(exc))
            return
        selected = self.selected_user()
        self._users = list(users)
        self.users_model.removeRows(0, self.users_model.rowCount())
        for u in users:
            if u.locked:
                state = self.tr("locked")
            elif u.active:
                state = self.tr("active")
            else:
                state = self.tr("disabled")
            self.users_model.appendRow(
                [
                    _item(u.username, u.id),
                    _item(u.display_name),
                    _item(role_name(u.role)),
                    _item(u.site_name or ""),
                    _item(state),
                ]
            )
        if selected is not None:
            self.select_user(selected.username)
        self._update_buttons()

    def select_user(self, username: str) -> None:
        for row, u in enumerate(self._users):
            if u.username == username:
                self.users_table.selectRow(row)
                return

    def selected_user(self) -> UserView | None:
        rows = self.users_table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self._users):
            return None
        return self._users[rows[0].row()]

    def _update_buttons(self, *_args: object) -> None:
        u = self.selected_user()
        self.disable_button.setEnabled(bool(u and u.active))
        self.enable_button.setEnabled(bool(u and not u.active))
        self.unlock_button.setEnabled(bool(u and u.locked))
        self.role_button.setEnabled(u is not None)

    def _ask_reason(self, title: str, prompt: str) -> str | None:
        dialog = ReasonDialog(title, prompt, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.reason.toPlainText()

    def _ask_role(self, current: Role) -> tuple[Role, str] | None:
        dialog = ReasonDialog(self.tr("Change role"), self.tr("&Why?"), self, role=current)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        role = dialog.chosen_role()
        return (role, dialog.reason.toPlainText()) if role is not None else None

    def _ask_new_user(self) -> NewUser | None:
        sites = [(s.id, s.name) for s in self.ctx.services.reference.sites()]
        dialog = NewUserDialog(sites, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.value()

    def _change(self, call: Callable[[], UserView], done: str) -> None:
        try:
            view = call()
        except ClinicError as exc:
            show_error(self.users_error, error_message(exc))
            return
        show_error(self.users_error, "")
        self.ctx.notify(done)
        self.load_users()
        self.select_user(view.username)

    def new_user(self) -> None:
        data = self.ask_new_user()
        if data is None:
            return
        users = self.ctx.services.users
        self._change(
            lambda: users.create_user(
                self.ctx.actor,
                data.username,
                data.display_name,
                data.password,
                data.role,
                data.site_id,
                reason=data.reason,
            ),
            self.tr("The user was created."),
        )

    def _with_reason(self, title: str, prompt: str) -> tuple[UserView, str] | None:
        user = self.selected_user()
        if user is None:
            return None
        reason = self.ask_reason(title, prompt)
        if reason is None:
            return None
        if not reason.strip():
            show_error(self.users_error, error_message(Invalid("reason", "required")))
            return None
        return user, reason

    def disable(self) -> None:
        got = self._with_reason(self.tr("Disable user"), self.tr("&Why is the account disabled?"))
        if got:
            user, reason = got
            self._change(
                lambda: self.ctx.services.users.set_active(self.ctx.actor, user.id, False, reason),
                self.tr("The user was disabled."),
            )

    def enable(self) -> None:
        got = self._with_reason(self.tr("Enable user"), self.tr("&Why is the account enabled?"))
        if got:
            user, reason = got
            self._change(
                lambda: self.ctx.services.users.set_active(self.ctx.actor, user.id, True, reason),
                self.tr("The user was enabled."),
            )

    def unlock(self) -> None:
        got = self._with_reason(
            self.tr("Unlock user"), self.tr("&How was the user's identity checked?")
        )
        if got:
            user, reason = got
            self._change(
                lambda: self.ctx.services.users.unlock(self.ctx.actor, user.id, reason),
                self.tr("The user was unlocked."),
            )

    def change_role(self) -> None:
        user = self.selected_user()
        if user is None:
            return
        answer = self.ask_role(user.role)
        if answer is None:
            return
        role, reason = answer
        self._change(
            lambda: self.ctx.services.users.change_role(self.ctx.actor, user.id, role, reason),
            self.tr("The role was changed."),
        )

    # --- audit -----------------------------------------------------------------------------

    def _filter(self) -> AuditFilter | None:
        days: list[dt.date | None] = []
        for widget in (self.f_since, self.f_until):
            text = widget.text().strip()
            if not text:
                days.append(None)
                continue
            try:
                days.append(dt.date.fromisoformat(text))
            except ValueError:
                show_error(self.audit_error, self.tr("Enter a date as YYYY-MM-DD."))
                widget.setFocus()
                return None
        return AuditFilter(
            username=self.f_user.text().strip() or None,
            case_ref=self.f_person.text().strip() or None,
            action=self.f_action.text().strip() or None,
            since=days[0],
            until=days[1],
        )

    def apply_filters(self) -> None:
        self._offset = 0
        self.load_audit()

    def prev_page(self) -> None:
        self._offset = max(0, self._offset - PAGE_SIZE)
        self.load_audit()

    def next_page(self) -> None:
        self._offset += PAGE_SIZE
        self.load_audit()

    def load_audit(self) -> None:
        flt = self._filter()
        if flt is None:
            return
        show_error(self.audit_error, "")
        services, actor, offset = self.ctx.services, self.ctx.actor, self._offset
        self.busy = True
        self.ctx.run_in_background(
            lambda: services.audit_log.list_events(actor, flt, offset=offset, limit=PAGE_SIZE),
            self._show_audit,
            self._audit_failed,
            self.tr("Reading the audit log…"),
        )

    def _audit_failed(self, exc: BaseException) -> None:
        self.busy = False
        show_error(self.audit_error, error_message(exc))

    def _show_audit(self, page: Page[AuditRow]) -> None:
        self.busy = False
        self.audit_model.removeRows(0, self.audit_model.rowCount())
        for e in page.items:
            self.audit_model.appendRow(
                [
                    _item(str(e.id), e.id),
                    _item(f"{e.at:%Y-%m-%d %H:%M:%S}"),
                    _item(e.username),
                    _item(e.action),
                    _item(e.case_ref or ""),
                    _item(e.outcome),
                    _item(e.workstation),
                ]
            )
        first = page.offset + 1 if page.items else 0
        self.audit_count.setText(
            self.tr("Events {first}–{last} of {total}").format(
                first=first, last=page.offset + len(page.items), total=page.total
            )
        )
        self.prev_button.setEnabled(page.offset > 0)
        self.next_button.setEnabled(page.offset + len(page.items) < page.total)

    def verify(self) -> None:
        services, actor = self.ctx.services, self.ctx.actor
        self.busy = True
        self.verify_button.setEnabled(False)
        self.verify_result.setText(self.tr("Checking the audit log…"))
        self.ctx.run_in_background(
            lambda: services.audit_log.verify(actor),
            self._show_verify,
            self._verify_failed,
            self.tr("Checking the audit log…"),
        )

    def _verify_failed(self, exc: BaseException) -> None:
        self.busy = False
        self.verify_button.setEnabled(True)
        self.verify_result.setText(error_message(exc))

    def _show_verify(self, check: AuditCheck) -> None:
        self.busy = False
        self.verify_button.setEnabled(True)
        if check.ok:
            self.verify_result.setText(
                self.tr("The audit log is intact: {n} rows verified.").format(n=check.checked)
            )
        elif check.first_bad_id is not None:
            self.verify_result.setText(
                self.tr("The audit log was tampered with, first at row {id} ({reason}).").format(
                    id=check.first_bad_id, reason=check.reason
                )
            )
        else:
            self.verify_result.setText(
                self.tr("The audit log was tampered with ({reason}).").format(reason=check.reason)
            )
        self.load_audit()

    # --- backup ----------------------------------------------------------------------------

    def _ask_folder(self, current: str) -> str | None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose backup folder"), current)
        return folder or None

    def choose_folder(self) -> None:
        folder = self.ask_folder(self.backup_folder.text())
        if folder:
            self.backup_folder.setText(folder)

    def load_backup_settings(self) -> None:
        try:
            cfg = self.ctx.services.backup.settings(self.ctx.actor)
        except ClinicError as exc:
            show_error(self.backup_error, error_message(exc))
            return
        self._show_backup_settings(cfg)
        self.load_backups()

    def _show_backup_settings(self, cfg: BackupSettings) -> None:
        self.backup_folder.setText(cfg.folder)
        self.keep_daily.setValue(cfg.keep_daily)
        self.keep_weekly.setValue(cfg.keep_weekly)
        self.keep_monthly.setValue(cfg.keep_monthly)
        self.daily_automatic.setChecked(cfg.daily_automatic)

    def save_backup_settings(self) -> None:
        show_error(self.backup_error, "")
        self.backup_message.clear()
        try:
            cfg = self.ctx.services.backup.configure(
                self.ctx.actor,
                folder=self.backup_folder.text(),
                keep=(self.keep_daily.value(), self.keep_weekly.value(), self.keep_monthly.value()),
                daily_automatic=self.daily_automatic.isChecked(),
            )
        except ClinicError as exc:
            show_error(self.backup_error, error_message(exc))
            return
        self._show_backup_settings(cfg)
        self.backup_message.setText(self.tr("The backup settings were saved."))
        self.load_backups()

    def load_backups(self) -> None:
        folder = self.backup_folder.text().strip() or None
        try:
            entries = self.ctx.services.backup.list_backups(self.ctx.actor, folder)
        except (ClinicError, OSError) as exc:
            show_error(self.backup_error, error_message(exc))
            return
        self._show_backups(entries)

    def _show_backups(self, entries: tuple[BackupEntry, ...]) -> None:
        self.backups_model.removeRows(0, self.backups_model.rowCount())
        for e in entries:
            self.backups_model.appendRow(
                [
                    _item(f"{e.created_at:%Y-%m-%d %H:%M:%S}", e.path),
                    _item(_size_text(e.size)),
                    _item(str(e.rows)),
                ]
            )

    def backup_now(self) -> None:
        if self.backup_running:
            return
        show_error(self.backup_error, "")
        self.backup_message.setText(self.tr("Backing up…"))
        services, actor = self.ctx.services, self.ctx.actor
        folder = self.backup_folder.text().strip() or None
        emit = self.backup_progress.emit

        def progress(done: int, total: int) -> None:
            # The page may be rebuilt (language switch) while the backup runs on.
            with contextlib.suppress(RuntimeError):
                emit(done, total)

        self.backup_running = True
        self.busy = True
        self.backup_now_button.setEnabled(False)
        self.backup_bar.setRange(0, 1)
        self.backup_bar.setValue(0)
        self.backup_bar.setVisible(True)
        self.ctx.run_in_background(
            lambda: services.backup.run(actor, folder, progress=progress),
            self._backup_done,
            self._backup_failed,
            self.tr("Backing up…"),
            owner=self,
        )

    def _show_backup_progress(self, done: int, total: int) -> None:
        if total > 0:
            self.backup_bar.setRange(0, total)
            self.backup_bar.setValue(min(done, total))

    def _backup_finished(self) -> None:
        self.backup_running = False
        self.busy = False
        self.backup_now_button.setEnabled(True)
        self.backup_bar.setVisible(False)

    def _backup_failed(self, exc: BaseException) -> None:
        self._backup_finished()
        self.backup_message.clear()
        show_error(
            self.backup_error,
            self.tr("The backup failed: {reason}").format(reason=error_message(exc)),
        )

    def _backup_done(self, result: BackupResult) -> None:
        self._backup_finished()
        if not result.verified:
            self.backup_message.clear()
            show_error(self.backup_error, self.tr("The backup could not be verified."))
            return
        self.backup_message.setText(
            self.tr("The backup was made and verified: {rows} rows, {size}.").format(
                rows=result.rows, size=_size_text(result.size)
            )
        )
        self.load_backups()

    # --- retention -------------------------------------------------------------------------

    def _action_name(self, mode: str) -> str:
        return self.tr("Erase") if mode == ERASE else self.tr("Anonymise")

    def load_retention_policy(self) -> None:
        try:
            policy = self.ctx.services.retention.policy(self.ctx.actor)
        except ClinicError as exc:
            show_error(self.retention_error, error_message(exc))
            return
        self._show_policy(policy)

    def _show_policy(self, policy: RetentionPolicy) -> None:
        self.retention_years.setValue(policy.years)
        self.retention_mode.setCurrentIndex(max(0, self.retention_mode.findData(policy.mode)))

    def _clear_preview(self) -> None:
        self._preview = None
        self.retention_model.removeRows(0, self.retention_model.rowCount())
        self.run_retention_button.setEnabled(False)

    def save_retention_policy(self) -> None:
        show_error(self.retention_error, "")
        self.retention_message.clear()
        try:
            policy = self.ctx.services.retention.set_policy(
                self.ctx.actor,
                self.retention_years.value(),
                str(self.retention_mode.currentData()),
            )
        except ClinicError as exc:
            show_error(self.retention_error, error_message(exc))
            return
        self._show_policy(policy)
        # A preview made under the old policy no longer says what a run would do.
        self._clear_preview()
        self.retention_message.setText(self.tr("The retention policy was saved."))

    def _retention_started(self, text: str) -> None:
        show_error(self.retention_error, "")
        self.retention_message.setText(text)
        self.retention_running = True
        self.busy = True
        for b in (self.save_policy_button, self.preview_button, self.run_retention_button):
            b.setEnabled(False)

    def _retention_finished(self) -> None:
        self.retention_running = False
        self.busy = False
        self.save_policy_button.setEnabled(True)
        self.preview_button.setEnabled(True)
        self.run_retention_button.setEnabled(bool(self._preview and self._preview.candidates))

    def _retention_failed(self, exc: BaseException) -> None:
        self._retention_finished()
        self.retention_message.clear()
        show_error(self.retention_error, error_message(exc))

    def preview_retention(self) -> None:
        if self.retention_running:
            return
        self._clear_preview()
        services, actor = self.ctx.services, self.ctx.actor
        self._retention_started(self.tr("Looking for closed cases past the period…"))
        self.ctx.run_in_background(
            lambda: services.retention.preview(actor),
            self._show_preview,
            self._retention_failed,
            self.tr("Looking for closed cases past the period…"),
            owner=self,
        )

    def _show_preview(self, preview: RetentionPreview) -> None:
        self._preview = preview
        self.retention_model.removeRows(0, self.retention_model.rowCount())
        for c in preview.candidates:
            self.retention_model.appendRow(
                [
                    _item(c.case_ref, c.person_id),
                    _item(c.archived_on.isoformat()),
                    _item(self._action_name(c.action)),
                    _item(str(sum(c.rows.values()))),
                ]
            )
        self._retention_finished()
        self.retention_message.setText(
            self.tr("{n} closed cases were archived before {cutoff}.").format(
                n=len(preview.candidates), cutoff=preview.cutoff.isoformat()
            )
        )

    def run_retention(self) -> None:
        preview = self._preview
        if self.retention_running or preview is None or not preview.candidates:
            return
        ids = [c.person_id for c in preview.candidates]
        question = self.tr(
            "{action}: {n} closed cases. This cannot be undone; make a backup first if in "
            "doubt. Continue?"
        ).format(action=self._action_name(preview.policy.mode), n=len(ids))
        if not prompter.confirm(self, self.tr("Run retention"), question):
            return
        services, actor = self.ctx.services, self.ctx.actor
        self._retention_started(self.tr("Applying the retention policy…"))
        self.ctx.run_in_background(
            lambda: services.retention.run(actor, ids),
            self._retention_done,
            self._retention_failed,
            self.tr("Applying the retention policy…"),
            owner=self,
        )

    def _retention_done(self, outcome: RetentionOutcome) -> None:
        self._clear_preview()
        self._retention_finished()
        text = self.tr("{anonymised} cases anonymised, {erased} erased.").format(
            anonymised=len(outcome.anonymised), erased=len(outcome.erased)
        )
        if not outcome.checkpointed:
            text += " " + self.tr(
                "The final clean-up of the database files was postponed; "
                "it completes on its own shortly."
            )
        self.retention_message.setText(text)
        self.ctx.data_changed.emit("persons")


def _size_text(size: int) -> str:
    if size >= 1024 * 1024:
        return QCoreApplication.translate("Administration", "{n} MB").format(
            n=f"{size / (1024 * 1024):.1f}"
        )
    return QCoreApplication.translate("Administration", "{n} kB").format(
        n=f"{max(1, round(size / 1024))}"
    )
