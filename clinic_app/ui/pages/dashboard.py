"""Dashboard: what is overdue or due within 7 and 30 days, for my caseload and for a site.

Each row opens the person's record at the tab where the deadline is dealt with.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from clinic_app.rules import render
from clinic_app.services.dashboard import CATEGORIES, DashboardView, Scope
from clinic_app.ui.common import error_message, fmt_date, make_table, plain_label
from clinic_app.ui.context import UiContext
from clinic_app.ui.itemmodels.rows import KEY_ROLE, MUTED, URGENT, WARNING, Row, RowsModel
from clinic_app.ui.labels import CATEGORIES as CATEGORY_LABELS
from clinic_app.ui.labels import DEADLINE_KINDS, STATUSES, label
from clinic_app.ui.tr import QT_TRANSLATE_NOOP
from clinic_app.vocabulary import Role

HEADERS = (
    QT_TRANSLATE_NOOP("DashboardPage", "When"),
    QT_TRANSLATE_NOOP("DashboardPage", "Due"),
    QT_TRANSLATE_NOOP("DashboardPage", "Case"),
    QT_TRANSLATE_NOOP("DashboardPage", "Person"),
    QT_TRANSLATE_NOOP("DashboardPage", "What"),
    QT_TRANSLATE_NOOP("DashboardPage", "Explanation"),
    QT_TRANSLATE_NOOP("DashboardPage", "Status"),
)
TONES = {"overdue": URGENT, "due_7_days": WARNING, "due_30_days": ""}


class DashboardSection(QWidget):
    """Counts per category and the list of items for one scope."""

    def __init__(self, ctx: UiContext, scope: Scope, title: str) -> None:
        super().__init__()
        self.ctx = ctx
        self.scope = scope
        self.setAccessibleName(title)
        self._generation = 0
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.counts: dict[str, QLabel] = {}
        for cat in CATEGORIES:
            lab = plain_label("", label(CATEGORY_LABELS, cat) + " " + self.tr("count"))
            lab.setStyleSheet(
                {
                    "overdue": "color: #b00020; font-weight: bold;",
                    "due_7_days": "color: #8a5a00;",
                }.get(cat, "")
            )
            self.counts[cat] = lab
            top.addWidget(lab)
        top.addStretch(1)
        self.kinds = plain_label("", self.tr("Counts by kind"), wrap=True)
        self.kinds.setStyleSheet("color: palette(mid);")
        layout.addLayout(top)
        layout.addWidget(self.kinds)
        self.model = RowsModel("DashboardPage", HEADERS, self)
        self.table = make_table(self.model, title + " " + self.tr("items"))
        for col, w in enumerate((165, 95, 80, 200, 230)):
            self.table.setColumnWidth(col, w)
        self.table.activated.connect(self._open)
        self.table.doubleClicked.connect(self._open)
        layout.addWidget(self.table, 1)
        self.message = plain_label("", title + " " + self.tr("message"), wrap=True)
        layout.addWidget(self.message)

    def site_id(self) -> int | None:
        # A site's list says who stays there: the service shows one's own site only.
        return self.ctx.actor.site_id if self.scope == "site" else None

    def refresh(self) -> None:
        self._generation += 1
        generation = self._generation
        dashboard, actor, scope = self.ctx.services.dashboard, self.ctx.actor, self.scope
        site_id = self.site_id() if scope == "site" else None
        if scope == "site" and site_id is None:
            self.message.setText(
                self.tr("The site list is for a site's own staff; your account has no site.")
            )
            return

        def done(view: DashboardView) -> None:
            if generation == self._generation:
                self.show_view(view)

        def failed(exc: BaseException) -> None:
            if generation == self._generation:
                self.model.clear()
                self.message.setText(error_message(exc))

        self.ctx.run_in_background(
            lambda: dashboard.dashboard(actor, scope, site_id), done, failed, owner=self
        )

    def show_view(self, view: DashboardView) -> None:
        counts: dict[str, int] = {str(k): v for k, v in view.counts.items()}
        for cat, lab in self.counts.items():
            lab.setText(f"{label(CATEGORY_LABELS, cat)}: {counts.get(cat, 0)}")
        self.kinds.setText(
            " · ".join(f"{label(DEADLINE_KINDS, k)}: {n}" for k, n in view.counts_by_kind.items())
        )
        rows = []
        lang = self.ctx.settings.language
        for item in view.items:
            if item.days_left < 0:
                when = self.tr("%n day(s) overdue", "", -item.days_left)
            elif item.days_left == 0:
                when = self.tr("today")
            else:
                when = self.tr("in %n day(s)", "", item.days_left)
            rows.append(
                Row(
                    (
                        when,
                        ("~" if item.uncertain else "") + fmt_date(item.due),
                        item.case_ref,
                        item.display_name,
                        label(DEADLINE_KINDS, item.kind)
                        + (" " + self.tr("(expected)") if item.expected else "")
                        + (" " + self.tr("(unreliable)") if item.unreliable else ""),
                        render(item.message, lang) if item.message else item.explanation,
                        label(STATUSES, item.status),
                    ),
                    key=(item.person_id, item.tab),
                    tone=TONES.get(item.category, MUTED),
                )
            )
        self.model.set_rows(rows)
        self.message.setText("" if rows else self.tr("Nothing due in the next 30 days."))

    def _open(self, index: QModelIndex) -> None:
        key = self.model.data(index, KEY_ROLE)
        if isinstance(key, tuple):
            person_id, tab = key
            self.ctx.open_person(int(person_id), str(tab))

    def clear_personal_data(self) -> None:
        self._generation += 1
        self.model.clear()
        self.kinds.clear()


class DashboardPage(QWidget):
    """My caseload and this site, each with counts per category."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setAccessibleName(self.tr("Dashboard page"))
        layout = QVBoxLayout(self)
        head = QHBoxLayout()
        self.today = plain_label("", self.tr("Today"))
        head.addWidget(self.today, 1)
        refresh = QPushButton(self.tr("&Refresh"))
        refresh.setAccessibleName(self.tr("Refresh dashboard"))
        refresh.clicked.connect(self.refresh)
        head.addWidget(refresh)
        layout.addLayout(head)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Dashboard scopes"))
        self.sections: list[DashboardSection] = []
        if ctx.actor.role is not Role.STATISTICS:
            self.caseload = DashboardSection(ctx, "caseload", self.tr("My caseload"))
            self.site = DashboardSection(ctx, "site", self.tr("This site"))
            self.sections = [self.caseload, self.site]
            self.tabs.addTab(self.caseload, self.tr("My caseload"))
            self.tabs.addTab(self.site, self.tr("This site"))
            if ctx.actor.role is not Role.CONTACT_PERSON and ctx.actor.site_id is not None:
                self.tabs.setCurrentIndex(1)
        layout.addWidget(self.tabs, 1)
        ctx.data_changed.connect(self._on_data_changed)
        self.refresh()

    def _on_data_changed(self, area: str) -> None:
        if area in ("persons", "cases", "plans", "consents"):
            self.refresh()

    def refresh(self) -> None:
        self.today.setText(self.tr("Today: %1").replace("%1", fmt_date(self.ctx.services.clock())))
        for section in self.sections:
            section.refresh()

    def clear_personal_data(self) -> None:
        for section in self.sections:
            section.clear_personal_data()

    def has_unsaved_changes(self) -> bool:
        return False
