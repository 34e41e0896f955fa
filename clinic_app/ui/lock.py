"""Idle lock: watch for input, and the lock screen that hides every piece of personal data."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clinic_app.security.idle import IdlePolicy
from clinic_app.ui.common import error_label, plain_label, show_error

_INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)


class IdleWatcher(QObject):
    """Application-wide event filter: emits ``idle`` once the policy's time passed without
    keyboard, mouse or touch input. ``clock`` is monotonic (wall-clock changes don't matter)."""

    idle = Signal()

    def __init__(
        self,
        policy: IdlePolicy,
        clock: Callable[[], float] = time.monotonic,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.policy = policy
        self.clock = clock
        self.last_input = clock()
        self.enabled = True
        self.timer = QTimer(self)
        self.timer.setInterval(5000)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT_EVENTS:
            self.last_input = self.clock()
        return False

    def touch(self) -> None:
        self.last_input = self.clock()

    def check(self) -> None:
        if self.enabled and self.policy.should_lock(self.last_input, self.clock()):
            self.idle.emit()


class LockScreen(QWidget):
    """Covers the main window: the user's name only, a password field, and switch user."""

    unlock_requested = Signal(str)
    switch_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Lock screen"))
        self.setAutoFillBackground(True)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        box = QWidget()
        box.setMinimumWidth(400)
        box.setMaximumWidth(480)
        v = QVBoxLayout(box)
        title = plain_label(self.tr("Locked"), self.tr("Locked heading"))
        font = title.font()
        font.setPointSize(font.pointSize() + 8)
        font.setBold(True)
        title.setFont(font)
        v.addWidget(title)
        self.who = plain_label("", self.tr("Locked by"), wrap=True)
        v.addWidget(self.who)
        row = QHBoxLayout()
        pw_label = QLabel(self.tr("&Password:"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Unlock password"))
        pw_label.setBuddy(self.password)
        row.addWidget(pw_label)
        row.addWidget(self.password, 1)
        v.addLayout(row)
        self.error = error_label(self.tr("Unlock error"))
        v.addWidget(self.error)
        buttons = QHBoxLayout()
        self.unlock_button = QPushButton(self.tr("&Unlock"))
        self.unlock_button.setAccessibleName(self.tr("Unlock"))
        self.unlock_button.setDefault(True)
        self.switch_button = QPushButton(self.tr("&Switch user…"))
        self.switch_button.setAccessibleName(self.tr("Switch user"))
        buttons.addWidget(self.unlock_button)
        buttons.addWidget(self.switch_button)
        buttons.addStretch(1)
        v.addLayout(buttons)
        h = QHBoxLayout()
        h.addStretch(1)
        h.addWidget(box)
        h.addStretch(1)
        outer.addLayout(h)
        outer.addStretch(2)
        self.unlock_button.clicked.connect(self._unlock)
        self.password.returnPressed.connect(self._unlock)
        self.switch_button.clicked.connect(self.switch_requested.emit)

    def prepare(self, user_text: str) -> None:
        self.who.setText(user_text)
        self.password.clear()
        show_error(self.error, "")
        self.set_busy(False)
        self.password.setFocus(Qt.FocusReason.OtherFocusReason)

    def set_busy(self, busy: bool) -> None:
        self.unlock_button.setEnabled(not busy)
        self.password.setEnabled(not busy)

    def failed(self, message: str) -> None:
        self.set_busy(False)
        self.password.clear()
        show_error(self.error, message)
        self.password.setFocus()

    def _unlock(self) -> None:
        if self.password.text():
            self.set_busy(True)
            self.unlock_requested.emit(self.password.text())
