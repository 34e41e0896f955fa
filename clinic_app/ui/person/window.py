"""The person record window: a header with who this is (safety flags first) and the tabs."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from clinic_app.errors import ClinicError
from clinic_app.security.permissions import Action
from clinic_app.services.persons import PersonDetail
from clinic_app.ui.areas import can_ever
from clinic_app.ui.common import error_message, plain_label, prompter
from clinic_app.ui.context import UiContext
from clinic_app.ui.labels import SAFETY_FLAGS, STATUSES, label
from clinic_app.ui.person.tabs import OVERVIEW, PersonTab, visible_tabs

FLAG_STYLE = (
    "background: #b00020; color: white; font-weight: bold; padding: 2px 6px; border-radius: 3px;"
)


def call_optional(widget: QWidget, method: str, *args: object) -> object:
    """Call ``widget.method(*args)`` if the page or tab implements it."""
    fn = getattr(widget, method, None)
    return fn(*args) if callable(fn) else None


class PersonWindow(QWidget):
    """One person's record. ``show_tab(key)`` selects a tab (built on first view)."""

    closed = Signal(int)

    def __init__(self, ctx: UiContext, person_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.ctx = ctx
        self.person_id = person_id
        self.detail: PersonDetail | None = None
        self.setAccessibleName(self.tr("Person record"))
        self.resize(980, 700)

        layout = QVBoxLayout(self)
        head = QHBoxLayout()
        names = QVBoxLayout()
        self.name_label = plain_label("", self.tr("Person name"))
        font = self.name_label.font()
        font.setPointSize(font.pointSize() + 5)
        font.setBold(True)
        self.name_label.setFont(font)
        self.name_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.facts_label = plain_label("", self.tr("Person summary"))
        names.addWidget(self.name_label)
        names.addWidget(self.facts_label)
        head.addLayout(names, 1)
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.edit_button.setAccessibleName(self.tr("Edit person"))
        self.edit_button.setShortcut(QKeySequence("Ctrl+E"))
        self.edit_button.clicked.connect(self.edit)
        self.edit_button.setVisible(can_ever(ctx.actor, Action.PERSON_EDIT))
        self.archive_button = QPushButton(self.tr("&Archive…"))
        self.archive_button.setAccessibleName(self.tr("Archive person"))
        self.archive_button.clicked.connect(self.archive_or_restore)
        self.archive_button.setVisible(can_ever(ctx.actor, Action.PERSON_ARCHIVE))
        close_button = QPushButton(self.tr("&Close"))
        close_button.setAccessibleName(self.tr("Close person record"))
        close_button.clicked.connect(self.close)
        for b in (self.edit_button, self.archive_button, close_button):
            head.addWidget(b, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(head)

        self.flags_row = QHBoxLayout()
        self.flags_box = QWidget()
        self.flags_box.setLayout(self.flags_row)
        self.flags_box.setAccessibleName(self.tr("Safety flags"))
        self.flags_row.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.flags_box)
        self.archived_label = plain_label("", self.tr("Archived notice"), wrap=True)
        self.archived_label.setStyleSheet("background: #fff3cd; padding: 4px;")
        layout.addWidget(self.archived_label)
        self.error = plain_label("", self.tr("Record error"), wrap=True)
        self.error.setStyleSheet("color: #b00020;")
        layout.addWidget(self.error)

        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Record tabs"))
        layout.addWidget(self.tabs, 1)
        self._tab_defs: list[PersonTab] = list(visible_tabs(ctx.actor))
        self._built: dict[str, QWidget] = {}
        for tab in self._tab_defs:
            # Each tab scrolls: a long tab (a minor's guardian and contact person forms) is
            # never squeezed below its fields' height on a small laptop screen.
            holder = QScrollArea()
            holder.setWidgetResizable(True)
            holder.setFrameShape(QFrame.Shape.NoFrame)
            holder.setAccessibleName(tab.display_title())
            inner = QWidget()
            QVBoxLayout(inner).setContentsMargins(0, 0, 0, 0)
            holder.setWidget(inner)
            self.tabs.addTab(holder, tab.display_title())
        self.tabs.currentChanged.connect(self._ensure_built)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Close), self, self.close)
        QShortcut(QKeySequence("Escape"), self, self.close)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self, self.refresh)
        QShortcut(QKeySequence("Ctrl+PgDown"), self, lambda: self._step_tab(1))
        QShortcut(QKeySequence("Ctrl+PgUp"), self, lambda: self._step_tab(-1))
        self.reload()
        self._ensure_built(self.tabs.currentIndex())

    # -- tabs ------------------------------------------------------------------------------
    def tab_keys(self) -> list[str]:
        return [t.key for t in self._tab_defs]

    def tab_widget(self, key: str) -> QWidget | None:
        """The built widget of tab ``key`` (built now if needed)."""
        keys = self.tab_keys()
        if key not in keys:
            return None
        self._ensure_built(keys.index(key))
        return self._built.get(key)

    def show_tab(self, key: str | None) -> None:
        keys = self.tab_keys()
        index = keys.index(key) if key in keys else keys.index(OVERVIEW) if OVERVIEW in keys else 0
        self.tabs.setCurrentIndex(index)
        self._ensure_built(index)

    def _step_tab(self, step: int) -> None:
        count = self.tabs.count()
        if count:
            self.tabs.setCurrentIndex((self.tabs.currentIndex() + step) % count)

    def _ensure_built(self, index: int) -> None:
        if not 0 <= index < len(self._tab_defs):
            return
        tab = self._tab_defs[index]
        if tab.key in self._built:
            return
        widget = tab.factory(self.ctx, self.person_id)
        self._built[tab.key] = widget
        holder = self.tabs.widget(index)
        inner = holder.widget() if isinstance(holder, QScrollArea) else None
        layout = inner.layout() if inner is not None else None
        assert layout is not None
        layout.addWidget(widget)
        if self.detail is not None:
            call_optional(widget, "set_detail", self.detail)

    # -- data ------------------------------------------------------------------------------
    def reload(self) -> None:
        """Load the person (one audited view) and pass the details to the tabs."""
        try:
            detail = self.ctx.services.persons.get(self.ctx.actor, self.person_id)
        except ClinicError as exc:
            self.detail = None
            self.error.setText(error_message(exc))
            self.error.setVisible(True)
            self.edit_button.setEnabled(False)
            self.archive_button.setEnabled(False)
            return
        self.set_detail(detail)

    def set_detail(self, d: PersonDetail) -> None:
        self.detail = d
        self.error.setVisible(False)
        self.edit_button.setEnabled(not d.archived)
        self.archive_button.setEnabled(True)
        self.setWindowTitle(self.tr("%1 – person record").replace("%1", d.case_ref))
        self.name_label.setText(d.display_name)
        facts = [d.case_ref, label(STATUSES, d.status)]
        if d.age is not None:
            age = self.tr("age %1").replace("%1", str(d.age))
            facts.append(("~" if d.age_uncertain else "") + age)
        if d.is_minor:
            facts.append(self.tr("MINOR"))
        if d.nationality:
            facts.append(d.nationality)
        if d.site_name:
            facts.append(d.site_name)
        self.facts_label.setText(" · ".join(facts))
        while self.flags_row.count():
            item = self.flags_row.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        for flag in d.safety_flags:
            chip = plain_label(label(SAFETY_FLAGS, flag), self.tr("Safety flag"))
            chip.setStyleSheet(FLAG_STYLE)
            self.flags_row.addWidget(chip)
        self.flags_row.addStretch(1)
        self.flags_box.setVisible(bool(d.safety_flags))
        self.archived_label.setText(
            self.tr("Archived: %1").replace("%1", d.archived_reason) if d.archived else ""
        )
        self.archived_label.setVisible(d.archived)
        self.archive_button.setText(self.tr("&Restore") if d.archived else self.tr("&Archive…"))
        self.archive_button.setAccessibleName(
            self.tr("Restore person") if d.archived else self.tr("Archive person")
        )
        for widget in self._built.values():
            call_optional(widget, "set_detail", d)

    def refresh(self) -> None:
        self.reload()
        for widget in self._built.values():
            if not hasattr(widget, "set_detail"):
                call_optional(widget, "refresh")

    def clear_personal_data(self) -> None:
        self.name_label.clear()
        self.facts_label.clear()
        self.archived_label.clear()
        for widget in self._built.values():
            call_optional(widget, "clear_personal_data")

    def has_unsaved_changes(self) -> bool:
        return any(bool(call_optional(w, "has_unsaved_changes")) for w in self._built.values())

    # -- actions ---------------------------------------------------------------------------
    def edit(self) -> None:
        if self.detail is None:
            return
        from clinic_app.ui.person.edit import PersonDialog

        dialog = PersonDialog(self.ctx, self.detail, self)
        dialog.saved.connect(self.set_detail)
        dialog.open()

    def archive_or_restore(self) -> None:
        if self.detail is None:
            return
        persons, actor, pid = self.ctx.services.persons, self.ctx.actor, self.person_id
        if self.detail.archived:
            if not prompter.confirm(
                self, self.tr("Restore"), self.tr("Take this person out of the archive?")
            ):
                return
            work = lambda: persons.restore(actor, pid)  # noqa: E731
        else:
            reason = prompter.ask_text(
                self,
                self.tr("Archive person"),
                self.tr("Why is the case closed and archived? (required)"),
            )
            if reason is None:
                return
            if not reason.strip():
                prompter.warn(self, self.tr("Archive person"), self.tr("Give a reason."))
                return
            work = lambda: persons.archive(actor, pid, reason)  # noqa: E731

        def done(detail: PersonDetail) -> None:
            self.set_detail(detail)
            self.ctx.data_changed.emit("persons")

        self.ctx.run_in_background(
            work,
            done,
            lambda exc: prompter.warn(self, self.windowTitle(), error_message(exc)),
            owner=self,
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.has_unsaved_changes() and not prompter.confirm(
            self,
            self.tr("Discard changes?"),
            self.tr("You have typed changes that are not saved. Discard them?"),
        ):
            event.ignore()
            return
        self.closed.emit(self.person_id)
        super().closeEvent(event)
