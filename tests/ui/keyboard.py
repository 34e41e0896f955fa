"""Keyboard and layout checks for whole windows: ambiguous shortcuts, access keys shared by two
controls, and widgets squeezed below their minimum size on a 1366×768 laptop screen.

Each check returns a list of readable problems (empty when all is well), so a test can
``assert problems == []`` and show every offender at once.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QGroupBox,
    QLabel,
    QMainWindow,
    QMenu,
    QScrollArea,
    QSizePolicy,
    QTabBar,
    QTabWidget,
    QWidget,
)

SCREEN_WIDTH, SCREEN_HEIGHT = 1366, 768
# A window manager's title bar and a task bar take about this much of the screen height.
USABLE_HEIGHT = SCREEN_HEIGHT - 40


def mnemonic(text: str) -> str | None:
    """The access key in a Qt text: '&Save' -> 's'; '&&' is a literal ampersand."""
    i = 0
    while i < len(text) - 1:
        if text[i] == "&":
            if text[i + 1] == "&":
                i += 2
                continue
            return text[i + 1].lower()
        i += 1
    return None


def _shown(w: QWidget, root: QWidget) -> bool:
    return w.isVisibleTo(root) and (root.isVisible() is False or w.isVisible())


def _describe(w: QObject) -> str:
    name = w.accessibleName() if isinstance(w, QWidget) else ""
    return f"{type(w).__name__}({name!r})"


def access_keys(root: QWidget) -> dict[str, list[str]]:
    """Access key -> the controls in ``root``'s window that answer to Alt+key right now."""
    keys: dict[str, list[str]] = defaultdict(list)
    tree = [root, *root.findChildren(QWidget)]
    for w in tree:
        if w.window() is not root or not _shown(w, root):
            continue
        text = ""
        if (isinstance(w, QLabel) and w.buddy() is not None) or isinstance(w, QAbstractButton):
            text = w.text()
        elif isinstance(w, QGroupBox):
            text = w.title()
        elif isinstance(w, QTabBar):
            for i in range(w.count()):
                if w.isTabVisible(i) and w.isTabEnabled(i):
                    key = mnemonic(w.tabText(i))
                    if key:
                        keys[key].append(f"tab {w.tabText(i)!r}")
            continue
        key = mnemonic(text)
        if key:
            keys[key].append(f"{_describe(w)} {text!r}")
    if isinstance(root, QMainWindow):
        for action in root.menuBar().actions():
            key = mnemonic(action.text())
            if action.isVisible() and key:
                keys[key].append(f"menu {action.text()!r}")
    for seq, holders in _shortcuts(root).items():
        # An explicit Alt+letter shortcut competes with the access keys.
        if seq.startswith("Alt+") and len(seq) == 5:
            keys[seq[-1].lower()].extend(holders)
    return keys


def shared_access_keys(root: QWidget) -> list[str]:
    """'Alt+X: a, b' for every access key that two controls of the window answer to."""
    return [
        f"Alt+{key.upper()}: " + ", ".join(who)
        for key, who in sorted(access_keys(root).items())
        if len(who) > 1
    ]


def _actions_of(root: QWidget) -> Iterator[QAction]:
    seen: set[int] = set()
    for action in root.findChildren(QAction):
        if id(action) not in seen:
            seen.add(id(action))
            yield action
    if isinstance(root, QMainWindow):
        for menu in root.menuBar().findChildren(QMenu):
            for action in menu.actions():
                if id(action) not in seen:
                    seen.add(id(action))
                    yield action


def _shortcuts(root: QWidget) -> dict[str, list[str]]:
    """Key sequence (portable text) -> the enabled window-wide holders of it in ``root``."""
    found: dict[str, list[tuple[str, QWidget | None]]] = defaultdict(list)
    for action in _actions_of(root):
        if not (action.isEnabled() and action.isVisible()):
            continue
        for seq in action.shortcuts():
            if not seq.isEmpty():
                text = seq.toString(QKeySequence.SequenceFormat.PortableText)
                found[text].append((f"action {action.text()!r}", None))
    for shortcut in root.findChildren(QShortcut):
        parent = shortcut.parent()
        if not (shortcut.isEnabled() and isinstance(parent, QWidget)):
            continue
        if parent.window() is not root or not _shown(parent, root):
            continue
        scope = None if shortcut.context() == Qt.ShortcutContext.WindowShortcut else parent
        for seq in shortcut.keys():  # noqa: SIM118 (a Qt method, not a dict)
            if not seq.isEmpty():
                text = seq.toString(QKeySequence.SequenceFormat.PortableText)
                found[text].append((f"shortcut of {_describe(parent)}", scope))
    result: dict[str, list[str]] = {}
    for text, holders in found.items():
        # Two holders clash when one's scope contains the other's (None = whole window).
        clashing: list[str] = []
        for i, (who, scope) in enumerate(holders):
            for j, (_other, other_scope) in enumerate(holders):
                if i == j:
                    continue
                if (
                    scope is None
                    or other_scope is None
                    or scope is other_scope
                    or scope.isAncestorOf(other_scope)
                    or other_scope.isAncestorOf(scope)
                ):
                    clashing.append(who)
                    break
        result[text] = clashing or [holders[0][0]]
    return result


def ambiguous_shortcuts(root: QWidget) -> list[str]:
    """'Ctrl+L: a, b' for every key sequence two enabled holders in the window answer to."""
    problems = []
    for text, holders in sorted(_shortcuts(root).items()):
        if len(holders) > 1:
            problems.append(f"{text}: " + ", ".join(holders))
    return problems


def _inside_scroll_area(w: QWidget) -> bool:
    p = w.parentWidget()
    while p is not None:
        if isinstance(p, QScrollArea):
            return True
        if isinstance(p, QAbstractScrollArea) and w.parentWidget() is p.viewport():
            return True
        p = p.parentWidget()
    return False


def clipped_widgets(root: QWidget) -> list[str]:
    """Visible widgets that are smaller than their minimum size hint (squeezed, unreadable).

    Widgets inside a scroll area may be larger than what is on screen: that is the point of
    the scroll area, so only their own size against their own hint counts.
    """
    problems = []
    for w in root.findChildren(QWidget):
        if w.window() is not root or not w.isVisible():
            continue
        if w.parentWidget() is None or w.parentWidget().layout() is None:
            continue  # not laid out (viewport children, popups)
        policy = w.sizePolicy()
        hint = w.minimumSizeHint()
        if not hint.isValid():
            continue
        min_w = w.minimumWidth() or hint.width()
        min_h = w.minimumHeight() or hint.height()
        too_narrow = (
            policy.horizontalPolicy() != QSizePolicy.Policy.Ignored and w.width() < min_w - 1
        )
        too_low = policy.verticalPolicy() != QSizePolicy.Policy.Ignored and w.height() < min_h - 1
        if isinstance(w, QTabBar):
            continue  # scroll buttons appear instead
        if isinstance(w, QLabel):
            too_narrow = False  # word-wrapped labels report a one-word minimum
            too_low = too_low and bool(w.text())
        if too_narrow or too_low:
            problems.append(
                f"{_describe(w)} is {w.width()}×{w.height()}, needs {min_w}×{min_h}"
                + (" (in a scroll area)" if _inside_scroll_area(w) else "")
            )
    return problems


def does_not_fit(root: QWidget) -> list[str]:
    """The window cannot be made as small as a 1366×768 screen (minus title and task bar)."""
    need = root.minimumSizeHint().expandedTo(root.minimumSize())
    if need.width() > SCREEN_WIDTH or need.height() > USABLE_HEIGHT:
        return [f"{_describe(root)} needs at least {need.width()}×{need.height()}"]
    return []


def fit_to_laptop(root: QWidget) -> None:
    """Resize a window to at most 1366×728, as a window manager on a laptop would."""
    # A window manager never makes a window smaller than its minimum size; the test
    # platform's screen is smaller than a laptop's, so the size it gave may be too small.
    size = root.size().expandedTo(root.minimumSizeHint())
    root.resize(min(size.width(), SCREEN_WIDTH), min(size.height(), USABLE_HEIGHT))


def tab_widgets(root: QWidget) -> list[QTabWidget]:
    return [t for t in root.findChildren(QTabWidget) if t.window() is root]


def window_problems(root: QWidget) -> list[str]:
    """Every keyboard and layout problem of one window, with each tab of each tab widget
    shown in turn (controls on a hidden tab do not take keys)."""
    from PySide6.QtWidgets import QApplication

    for _ in range(3):  # layouts settle over a few turns after data arrives
        QApplication.processEvents()
    fit_to_laptop(root)
    for _ in range(3):
        QApplication.processEvents()
    title = root.windowTitle() or type(root).__name__
    problems = [f"{title}: {p}" for p in does_not_fit(root)]
    seen: set[str] = set()
    states = [(None, -1)] + [(t, i) for t in tab_widgets(root) for i in range(t.count())]
    for tabs, index in states:
        if tabs is not None:
            if not tabs.isVisible() or not tabs.isTabEnabled(index):
                continue
            tabs.setCurrentIndex(index)
            for _ in range(3):  # a tab built on first show lays out in the next turns
                QApplication.processEvents()
        where = f"{title}" + (f" [{tabs.tabText(index)}]" if tabs is not None else "")
        for p in [*ambiguous_shortcuts(root), *shared_access_keys(root), *clipped_widgets(root)]:
            if p not in seen:
                seen.add(p)
                problems.append(f"{where}: {p}")
    return problems
