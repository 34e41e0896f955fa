"""The main window: sidebar areas, menus, status bar, person windows and the idle lock."""

from __future__ import annotations

import logging
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QByteArray, Qt, QTimer
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QGuiApplication,
    QKeySequence,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from clinic_app import __version__
from clinic_app.i18n import Translations
from clinic_app.security.context import Actor
from clinic_app.security.idle import IdlePolicy
from clinic_app.security.permissions import Action
from clinic_app.services.changes import Change
from clinic_app.ui.areas import Area, can_ever, landing_area, visible_areas
from clinic_app.ui.common import error_message, plain_label, prompter, resize_within_screen
from clinic_app.ui.context import UiContext, safe_traceback
from clinic_app.ui.icons import ACTION, AREA, icon
from clinic_app.ui.labels import ROLES, label
from clinic_app.ui.live_updates import LiveUpdates
from clinic_app.ui.lock import IdleWatcher, LockScreen
from clinic_app.ui.login import DemoAccount, LoginDialog
from clinic_app.ui.person.window import PersonWindow, call_optional

log = logging.getLogger(__name__)

GEOMETRY_KEY = "main_window/geometry"
STATE_KEY = "main_window/state"


@dataclass(frozen=True)
class ShellOptions:
    """What the shell needs besides the context: for switch user and the status bar."""

    database_label: str
    workstation: str = ""
    demo_accounts: tuple[DemoAccount, ...] = ()


class MainWindow(QMainWindow):
    """The application window. ``locked`` is True while the lock screen covers it."""

    def __init__(
        self,
        ctx: UiContext,
        options: ShellOptions,
        translations: Translations | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.options = options
        self.translations = translations
        self.locked = False
        self._focus_before_lock: QWidget | None = None
        self._shown_once = False
        self.pages: dict[str, QWidget] = {}
        self.person_windows: dict[int, PersonWindow] = {}
        self._hidden_windows: list[QWidget] = []
        self._areas: list[Area] = []
        resize_within_screen(self, 1280, 720)

        self.stack = QStackedWidget()
        self.content = QSplitter()
        self.sidebar = QListWidget()
        self.sidebar.setMaximumWidth(220)
        self.sidebar.setMinimumWidth(150)
        self.sidebar.setIconSize(self.sidebar.iconSize() * 1.2)
        self.page_stack = QStackedWidget()
        self.content.addWidget(self.sidebar)
        self.content.addWidget(self.page_stack)
        self.content.setStretchFactor(1, 1)
        self.content.setCollapsible(0, False)
        self.content.setCollapsible(1, False)  # else the splitter squeezes the page
        self.lock_screen = LockScreen()
        self.stack.addWidget(self.content)
        self.stack.addWidget(self.lock_screen)
        self.setCentralWidget(self.stack)
        self.sidebar.currentRowChanged.connect(self._area_selected)
        self.lock_screen.unlock_requested.connect(self.unlock)
        self.lock_screen.switch_requested.connect(self.switch_user)

        self.user_label = plain_label()
        self.site_label = plain_label()
        self.db_label = plain_label()
        self.busy_label = plain_label()
        bar = self.statusBar()
        bar.addPermanentWidget(self.busy_label)
        bar.addPermanentWidget(self.user_label)
        bar.addPermanentWidget(self.site_label)
        bar.addPermanentWidget(self.db_label)

        ctx.set_person_opener(self.open_person)
        ctx.set_notifier(lambda message: self.statusBar().showMessage(message, 6000))
        ctx.busy_changed.connect(self.busy_label.setText)

        self.idle = IdleWatcher(IdlePolicy(ctx.settings.idle_minutes), parent=self)
        self.idle.idle.connect(self.lock)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self.idle)

        self._build_menus()
        self._build_sidebar()
        self._name_widgets()
        self._update_status()
        self._restore_geometry()
        self.live: LiveUpdates | None = None
        if LiveUpdates.available(ctx.services.db):
            self.live = LiveUpdates(ctx.services.db, self)
            self.live.changed.connect(self.others_changed)
            self.live.start()

    def others_changed(self, change: Change) -> None:
        """Another workstation committed: refresh the open list and the records it touched
        (never a form with unsaved input: saving it meets the "changed by someone else" check)."""
        if self.locked:
            return  # everything refreshes on unlock
        page = self.page_stack.currentWidget()
        if page is not None and not call_optional(page, "has_unsaved_changes"):
            call_optional(page, "refresh")
        for person_id, window in list(self.person_windows.items()):
            if person_id in change.person_ids and not window.has_unsaved_changes():
                window.refresh()

    def _name_widgets(self) -> None:
        """Accessible names of the shell's own widgets (again after a language switch)."""
        self.setAccessibleName(self.tr("Main window"))
        self.setWindowTitle(self.tr("Clinic App"))
        self.sidebar.setAccessibleName(self.tr("Navigation"))
        self.page_stack.setAccessibleName(self.tr("Page"))
        self.user_label.setAccessibleName(self.tr("Logged-in user"))
        self.site_label.setAccessibleName(self.tr("Site"))
        self.db_label.setAccessibleName(self.tr("Database location"))
        self.busy_label.setAccessibleName(self.tr("Background work"))
        self.statusBar().setAccessibleName(self.tr("Status bar"))

    # -- building --------------------------------------------------------------------------
    def _build_menus(self) -> None:
        bar = self.menuBar()
        bar.clear()
        bar.setAccessibleName(self.tr("Menu bar"))
        file_menu = bar.addMenu(self.tr("&File"))
        self.new_person_action = QAction(self.tr("&New person…"), self)
        self.new_person_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_person_action.triggered.connect(self.new_person)
        self.new_person_action.setVisible(can_ever(self.ctx.actor, Action.PERSON_CREATE))
        file_menu.addAction(self.new_person_action)
        file_menu.addSeparator()
        self.switch_action = QAction(self.tr("&Switch user…"), self)
        self.switch_action.setShortcut(QKeySequence("Ctrl+Shift+U"))
        self.switch_action.triggered.connect(self.switch_user)
        file_menu.addAction(self.switch_action)
        self.lock_action = QAction(self.tr("&Lock now"), self)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.triggered.connect(self.lock)
        file_menu.addAction(self.lock_action)
        file_menu.addSeparator()
        self.quit_action = QAction(self.tr("&Quit"), self)
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.triggered.connect(self.close)
        file_menu.addAction(self.quit_action)

        self.go_menu = bar.addMenu(self.tr("&Go"))
        self.find_action = QAction(self.tr("&Find person"), self)
        self.find_action.setShortcut(QKeySequence.StandardKey.Find)
        self.find_action.triggered.connect(self.find_person)
        self.go_menu.addAction(self.find_action)
        self.go_menu.addSeparator()

        view_menu = bar.addMenu(self.tr("&View"))
        self.refresh_action = QAction(self.tr("&Refresh"), self)
        self.refresh_action.setShortcut(QKeySequence.StandardKey.Refresh)
        self.refresh_action.triggered.connect(self.refresh_current)
        view_menu.addAction(self.refresh_action)
        lang_menu = view_menu.addMenu(self.tr("&Language"))
        group = QActionGroup(self)
        group.setExclusive(True)
        self.language_actions: dict[str, QAction] = {}
        for code, text in (("en", "English"), ("da", "Dansk")):
            action = QAction(text, self)  # each language named in itself
            action.setCheckable(True)
            action.setChecked(self.ctx.settings.language == code)
            action.triggered.connect(lambda _c=False, code=code: self.switch_language(code))
            group.addAction(action)
            lang_menu.addAction(action)
            self.language_actions[code] = action

        for action, name in (
            (self.new_person_action, "new-person"),
            (self.switch_action, "switch-user"),
            (self.lock_action, "lock"),
            (self.quit_action, "quit"),
            (self.find_action, "find"),
            (self.refresh_action, "refresh"),
        ):
            action.setIcon(icon(ACTION, name))

        help_menu = bar.addMenu(self.tr("&Help"))
        about = QAction(self.tr("&About Clinic App"), self)
        about.triggered.connect(self.about)
        help_menu.addAction(about)
        self._menus = (file_menu, self.go_menu, view_menu, help_menu)

    def _build_sidebar(self) -> None:
        """Sidebar entries for the areas this user's role can use (rebuilt on switch user)."""
        current = self.current_area_key()
        self.sidebar.blockSignals(True)
        self.sidebar.clear()
        self._areas = list(visible_areas(self.ctx.actor))
        for action in list(self.go_menu.actions())[2:]:
            self.go_menu.removeAction(action)
        for i, area in enumerate(self._areas):
            item = QListWidgetItem(area.display_title())
            item.setIcon(icon(AREA, area.icon))
            item.setData(Qt.ItemDataRole.AccessibleTextRole, area.display_title())
            self.sidebar.addItem(item)
            if i < 9:
                action = QAction(area.display_title(), self)
                action.setShortcut(QKeySequence(f"Ctrl+{i + 1}"))
                action.triggered.connect(lambda _c=False, key=area.key: self.show_area(key))
                self.go_menu.addAction(action)
        self.sidebar.blockSignals(False)
        keys = [a.key for a in self._areas]
        landing = landing_area(self.ctx.actor)
        if keys:
            self.show_area(current if current in keys else landing if landing in keys else keys[0])

    def _update_status(self) -> None:
        actor = self.ctx.actor
        self.user_label.setText(
            self.tr("User: %1 (%2)")
            .replace("%1", actor.username)
            .replace("%2", label(ROLES, actor.role))
        )
        site = ""
        if actor.site_id is not None:
            site = next(
                (s.name for s in self.ctx.services.reference.sites() if s.id == actor.site_id), ""
            )
        self.site_label.setText(self.tr("Site: %1").replace("%1", site or self.tr("all sites")))
        self.db_label.setText(
            self.tr("Database: %1").replace("%1", self.options.database_label)
            + (" " + self.tr("(demo)") if self.ctx.demo else "")
        )

    # -- areas -----------------------------------------------------------------------------
    def current_area_key(self) -> str | None:
        row = self.sidebar.currentRow()
        return self._areas[row].key if 0 <= row < len(self._areas) else None

    def show_area(self, key: str) -> QWidget | None:
        """Select area ``key`` in the sidebar and return its page (built on first use)."""
        keys = [a.key for a in self._areas]
        if key not in keys:
            return None
        row = keys.index(key)
        if self.sidebar.currentRow() != row:
            self.sidebar.setCurrentRow(row)  # builds/shows through _area_selected
        else:
            self._area_selected(row)
        return self.pages.get(key)

    def _area_selected(self, row: int) -> None:
        if not 0 <= row < len(self._areas):
            return
        area = self._areas[row]
        page = self.pages.get(area.key)
        if page is None:
            page = area.factory(self.ctx)
            self.pages[area.key] = page
            self.page_stack.addWidget(page)
        elif self.page_stack.currentWidget() is not page:
            call_optional(page, "refresh")
        self.page_stack.setCurrentWidget(page)

    def focus_page(self) -> None:
        """Put the keyboard focus where the current page's work starts (the Clinic page's
        Who field), or on its first control."""
        page = self.page_stack.currentWidget()
        if page is None or self.locked:
            return
        if call_optional(page, "focus_first") is None and not page.hasFocus():
            page.setFocus(Qt.FocusReason.OtherFocusReason)
            page.focusNextChild()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            QTimer.singleShot(0, self.focus_page)

    def page(self, key: str) -> QWidget | None:
        return self.pages.get(key)

    def refresh_current(self) -> None:
        page = self.page_stack.currentWidget()
        if page is not None and not self.locked:
            call_optional(page, "refresh")

    def _drop_pages(self, keep_unsaved: bool) -> None:
        for key, page in list(self.pages.items()):
            if keep_unsaved and call_optional(page, "has_unsaved_changes"):
                continue
            if hasattr(page, "retranslate_ui") and keep_unsaved:
                page.retranslate_ui()
                continue
            self.page_stack.removeWidget(page)
            page.hide()
            page.setParent(None)  # out of the window now, not at the next event loop turn
            page.deleteLater()
            del self.pages[key]

    # -- persons ---------------------------------------------------------------------------
    def open_person(self, person_id: int, tab: str | None = None) -> None:
        """Open or raise the person's record window at ``tab``."""
        if self.locked:
            return
        window = self.person_windows.get(person_id)
        if window is None:
            window = PersonWindow(self.ctx, person_id, self)
            window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            window.closed.connect(self._person_closed)
            self.person_windows[person_id] = window
        window.show_tab(tab)
        window.show()
        window.raise_()
        window.activateWindow()

    def _person_closed(self, person_id: int) -> None:
        self.person_windows.pop(person_id, None)

    def new_person(self) -> None:
        if self.locked:
            return
        from clinic_app.ui.person.edit import PersonDialog

        PersonDialog(self.ctx, None, self).open()

    def find_person(self) -> None:
        page = self.show_area("persons")
        search = getattr(page, "search", None)
        if search is not None:
            search.setFocus()
            search.selectAll()

    # -- lock ------------------------------------------------------------------------------
    def _other_windows(self) -> list[QWidget]:
        return [
            w
            for w in QApplication.topLevelWidgets()
            if w is not self and w.isVisible() and w.isWindow() and not w.isHidden()
        ]

    def lock(self) -> None:
        """Hide every piece of personal data behind the lock screen."""
        if self.locked:
            return
        self.locked = True
        self.idle.enabled = False
        focused = QApplication.focusWidget()
        mine = focused is not None and focused.window() is self
        self._focus_before_lock = focused if mine else None
        for page in self.pages.values():
            call_optional(page, "clear_personal_data")
        self.ctx.clear_personal_data()
        self._hidden_windows = self._other_windows()
        for window in self._hidden_windows:
            window.hide()
        clipboard = QGuiApplication.clipboard()
        if clipboard.ownsClipboard() or clipboard.ownsSelection():
            clipboard.clear(clipboard.Mode.Clipboard)
            clipboard.clear(clipboard.Mode.Selection)
        self._menus_locked(True)
        self._show_lock_screen()

    def _menus_locked(self, locked: bool) -> None:
        """While locked only File (switch user, quit), View and Help stay usable."""
        for action in (self.new_person_action, self.find_action, self.refresh_action):
            action.setEnabled(not locked)
        self.go_menu.setEnabled(not locked)

    def _show_lock_screen(self) -> None:
        self.lock_screen.prepare(
            self.tr("Locked by %1. Enter your password to continue, or switch user.").replace(
                "%1", self.ctx.actor.username
            )
        )
        self.stack.setCurrentWidget(self.lock_screen)
        self.lock_screen.password.setFocus()

    def unlock(self, password: str) -> None:
        users, actor = self.ctx.services.users, self.ctx.actor

        def done(ok: bool) -> None:
            if ok:
                self._unlocked()
            else:
                self.lock_screen.failed(self.tr("The password is not correct."))

        self.ctx.run_in_background(
            lambda: users.verify_password(actor, password),
            done,
            lambda exc: self.lock_screen.failed(error_message(exc)),
            owner=self,
        )

    def _unlocked(self) -> None:
        self.locked = False
        self.idle.enabled = True
        self.idle.touch()
        self.stack.setCurrentWidget(self.content)
        self._menus_locked(False)
        for page in self.pages.values():
            call_optional(page, "refresh")
            call_optional(page, "unlocked")
        self._restore_focus()
        for window in self._hidden_windows:
            # A window closed or deleted while locked (its owner went away) stays closed.
            if window is not None and shiboken6.isValid(window):
                call_optional(window, "refresh")
                window.show()
        self._hidden_windows = []

    def _restore_focus(self) -> None:
        """Back where the user was before the lock (the hidden lock screen held the focus)."""
        before, self._focus_before_lock = self._focus_before_lock, None
        self.activateWindow()
        if before is not None and before.isVisible() and before.isEnabled():
            before.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self.focus_page()

    # -- switch user -----------------------------------------------------------------------
    def open_forms(self) -> list[QWidget]:
        """Windows and dialogs (shown or hidden by the lock) that may hold typed input."""
        found: list[QWidget] = []
        for w in [*self._other_windows(), *self._hidden_windows]:
            if w not in found:
                found.append(w)
        found.extend(p for p in self.pages.values() if p not in found)
        return found

    def unsaved_forms(self) -> list[QWidget]:
        return [w for w in self.open_forms() if call_optional(w, "has_unsaved_changes")]

    def switch_user(self) -> None:
        """Log in another user; open forms are discarded (after a warning), never saved."""
        if self.unsaved_forms() and not prompter.confirm(
            self,
            self.tr("Switch user"),
            self.tr(
                "Unsaved input in open forms will be discarded, not saved. Switch user anyway?"
            ),
        ):
            return
        dialog = LoginDialog(
            self.ctx.services,
            database_label=self.options.database_label,
            workstation=self.options.workstation,
            demo_accounts=self.options.demo_accounts,
            switching=True,
            parent=self,
        )
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.actor is None:
            return
        self.become(dialog.actor)

    def become(self, actor: Actor) -> None:
        """Replace the logged-in user: close every record and form, rebuild the pages."""
        old = self.ctx.actor
        for w in self.open_forms():
            if w in self.pages.values():
                continue
            if isinstance(w, PersonWindow):
                w.blockSignals(False)
                self.person_windows.pop(w.person_id, None)
                w.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
                w.hide()
                w.deleteLater()
            elif hasattr(w, "discard"):
                w.discard()
            elif isinstance(w, QDialog):
                w.done(QDialog.DialogCode.Rejected)
            w.hide()
        self._hidden_windows = []
        self.person_windows.clear()
        self._logout(old)
        self._drop_pages(keep_unsaved=False)
        self.ctx.set_actor(actor)
        self.ctx.settings.last_username = actor.username
        self.locked = False
        self.idle.enabled = True
        self.idle.touch()
        self.stack.setCurrentWidget(self.content)
        self._menus_locked(False)
        self.new_person_action.setVisible(can_ever(actor, Action.PERSON_CREATE))
        self._build_sidebar()
        self._update_status()
        self.focus_page()

    # -- language --------------------------------------------------------------------------
    def switch_language(self, lang: str) -> None:
        """Switch the UI language now; pages without typed input are rebuilt in it."""
        if self.translations is not None:
            self.translations.switch(lang)
        self.ctx.settings.language = lang
        current = self.current_area_key()
        self._drop_pages(keep_unsaved=True)
        self._build_menus()
        self._build_sidebar()
        if current:
            self.show_area(current)
        self._update_status()
        self._name_widgets()
        self.lock_screen.deleteLater()
        self.lock_screen = LockScreen()
        self.stack.addWidget(self.lock_screen)
        self.lock_screen.unlock_requested.connect(self.unlock)
        self.lock_screen.switch_requested.connect(self.switch_user)
        if self.locked:
            self._menus_locked(True)
            self._show_lock_screen()
        for person_id, window in list(self.person_windows.items()):
            if self.locked or window.has_unsaved_changes():
                # Hidden by the lock, or holding typed input: keep it as it is.
                continue
            tab = window.tab_keys()[window.tabs.currentIndex()] if window.tab_keys() else None
            geometry = window.saveGeometry()
            self.person_windows.pop(person_id, None)
            window.closed.disconnect(self._person_closed)
            window.close()
            self.open_person(person_id, tab)
            self.person_windows[person_id].restoreGeometry(geometry)

    # -- misc ------------------------------------------------------------------------------
    def about(self) -> None:
        prompter.inform(
            self,
            self.tr("About Clinic App"),
            self.tr(
                "Clinic App %1: case, clinic and document management for shelters and drop-in "
                "clinics for victims of human trafficking."
            ).replace("%1", __version__),
        )

    def _restore_geometry(self) -> None:
        geometry = self.ctx.settings.bytes_value(GEOMETRY_KEY)
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = self.ctx.settings.bytes_value(STATE_KEY)
        if state is not None:
            self.restoreState(state)

    def save_geometry(self) -> None:
        self.ctx.settings.set_value(GEOMETRY_KEY, QByteArray(self.saveGeometry()))
        self.ctx.settings.set_value(STATE_KEY, QByteArray(self.saveState()))
        self.ctx.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.unsaved_forms() and not prompter.confirm(
            self,
            self.tr("Quit"),
            self.tr("Unsaved input in open forms will be discarded, not saved. Quit anyway?"),
        ):
            event.ignore()
            return
        self.save_geometry()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self.idle)
        self.idle.timer.stop()
        if self.live is not None:
            self.live.stop()
        for window in list(self.person_windows.values()):
            window.closed.disconnect(self._person_closed)
            window.hide()
            window.deleteLater()
        self.person_windows.clear()
        self._logout(self.ctx.actor)
        super().closeEvent(event)

    def _logout(self, actor: Actor) -> None:
        """Record the log-out; a failure is logged, never allowed to stop quitting/switching."""
        try:
            self.ctx.services.users.logout(actor)
        except Exception:
            log.warning("Recording the log-out failed:\n%s", safe_traceback())
