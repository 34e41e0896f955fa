"""The Clinic area: a day's visits per site beside the quick-entry visit form, the daily
summary, open referrals, visitor history and mobile-unit outings."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from clinic_app.errors import ClinicError
from clinic_app.security.permissions import Action, allowed
from clinic_app.services.clinic_common import VisitView
from clinic_app.services.visits import DailySummary
from clinic_app.ui.areas import can_ever
from clinic_app.ui.clinic.common import (
    SERVICES,
    RowsModel,
    error_text,
    label,
    name_internal_parts,
    plain_label,
    services_text,
)
from clinic_app.ui.clinic.outing_form import OutingForm
from clinic_app.ui.clinic.referrals import OpenReferralsView
from clinic_app.ui.clinic.visit_form import VisitForm
from clinic_app.ui.clinic.visitor_history import VisitorHistoryView
from clinic_app.ui.common import move_focus, prompter, set_empty_text
from clinic_app.ui.context import UiContext
from clinic_app.vocabulary import SiteKind

SITE_KEY = "clinic/site_id"


class ClinicPage(QWidget):
    """Today's visits at a clinic or mobile unit, with the visit form beside them."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.visits: tuple[VisitView, ...] = ()
        self.summary: DailySummary | None = None
        self._notice = ""  # a confirmation shown in the message line
        self.setAccessibleName(self.tr("Clinic page"))
        layout = QVBoxLayout(self)

        top = QHBoxLayout()
        site_label = QLabel(self.tr("S&ite:"))
        self.site = QComboBox()
        self.site.setAccessibleName(self.tr("Clinic site"))
        site_label.setBuddy(self.site)
        day_label = QLabel(self.tr("Da&y:"))
        self.day = QDateEdit()
        self.day.setAccessibleName(self.tr("Day shown"))
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        today = ctx.services.clock()
        self.day.setDate(QDate(today.year, today.month, today.day))
        self.day.setMaximumDate(QDate(today.year, today.month, today.day))
        day_label.setBuddy(self.day)
        self.today_button = QPushButton(self.tr("Today"))
        self.today_button.setAccessibleName(self.tr("Show today"))
        self.outing_button = QPushButton(self.tr("&Mobile outing…"))
        self.outing_button.setAccessibleName(self.tr("Record mobile outing"))
        self.outing_button.setVisible(allowed(ctx.actor, Action.VISIT_CREATE))
        for w in (site_label, self.site, day_label, self.day, self.today_button):
            top.addWidget(w)
        top.addStretch(1)
        top.addWidget(self.outing_button)
        layout.addLayout(top)
        self.message = plain_label("", self.tr("Clinic page message"), wrap=True)
        layout.addWidget(self.message)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Clinic views"))

        day_widget = QWidget()
        day_layout = QVBoxLayout(day_widget)
        self.model = RowsModel(self._headers(), self)
        self.table = QTableView()
        self.table.setAccessibleName(self.tr("Visits of the day"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.resizeSection(1, 220)
        day_layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.count = plain_label("", self.tr("Visit count"))
        row.addWidget(self.count, 1)
        self.edit_button = QPushButton(self.tr("Correct visit…"))
        self.edit_button.setAccessibleName(self.tr("Correct visit"))
        self.edit_button.setToolTip(self.tr("Load the selected visit into the form to correct it"))
        self.void_button = QPushButton(self.tr("Void visit…"))
        self.void_button.setAccessibleName(self.tr("Void visit"))
        self.void_button.setToolTip(
            self.tr("Remove a visit recorded in error (the audit log keeps who did it and why)")
        )
        for button in (self.edit_button, self.void_button):
            button.setVisible(allowed(ctx.actor, Action.VISIT_CREATE))
            row.addWidget(button)
        day_layout.addLayout(row)
        self.tabs.addTab(day_widget, self.tr("Visits"))

        self.summary_label = plain_label("", self.tr("Daily summary"), wrap=True)
        self.summary_label.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.tabs.addTab(self.summary_label, self.tr("Summary"))
        self.referrals = OpenReferralsView(ctx)
        self.tabs.addTab(self.referrals, self.tr("Referrals"))
        self.history = VisitorHistoryView(ctx)
        self.tabs.addTab(self.history, self.tr("Visitor history"))
        splitter.addWidget(self.tabs)

        self.form = VisitForm(ctx)
        # The form grows when a new visitor or a referral is added: it scrolls rather than
        # pushing the window past a 1366×768 laptop screen.
        self.form_scroll = QScrollArea()
        self.form_scroll.setAccessibleName(self.tr("Visit form area"))
        self.form_scroll.setWidgetResizable(True)
        self.form_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.form_scroll.setWidget(self.form)
        self.form_scroll.setMinimumWidth(self.form.minimumSizeHint().width() + 20)
        self.form_scroll.setVisible(allowed(ctx.actor, Action.VISIT_CREATE))
        splitter.addWidget(self.form_scroll)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout.addWidget(splitter, 1)

        self._fill_sites()
        self.site.currentIndexChanged.connect(lambda _i: self._place_changed())
        self.day.dateChanged.connect(lambda _d: self._place_changed())
        self.today_button.clicked.connect(self.show_today)
        self.outing_button.clicked.connect(self.open_outing)
        self.form.saved.connect(lambda _v: self.refresh())
        self.edit_button.clicked.connect(self.edit_selected)
        self.void_button.clicked.connect(self.void_selected)
        if allowed(ctx.actor, Action.VISIT_CREATE):
            self.table.activated.connect(lambda _i: self.edit_selected())
        ctx.data_changed.connect(self._on_data_changed)
        self._unregister = ctx.register_clear_personal_data(self.clear_personal_data)
        self.destroyed.connect(lambda _o=None: self._unregister())
        self._place_changed()
        name_internal_parts(self)

    def _headers(self) -> list[str]:
        return [
            self.tr("Time"),
            self.tr("Who"),
            self.tr("Services"),
            self.tr("Reason"),
            self.tr("Follow-up"),
            self.tr("Outing"),
        ]

    def _fill_sites(self) -> None:
        sites = [
            s
            for s in self.ctx.services.reference.sites()
            if s.kind in (SiteKind.CLINIC, SiteKind.MOBILE_UNIT)
        ]
        for s in sites:
            self.site.addItem(s.name, s.id)
        stored = self.ctx.settings.value_str(SITE_KEY)
        preferred = int(stored) if stored.isdigit() else self.ctx.actor.site_id
        index = self.site.findData(preferred) if preferred is not None else -1
        self.site.setCurrentIndex(max(index, 0))

    # -- what is shown ------------------------------------------------------------------------
    def site_id(self) -> int | None:
        data = self.site.currentData()
        return int(data) if data is not None else None

    def shown_day(self) -> dt.date:
        d = self.day.date()
        return dt.date(d.year(), d.month(), d.day())

    def show_today(self) -> None:
        today = self.ctx.services.clock()
        self.day.setDate(QDate(today.year, today.month, today.day))

    def _place_changed(self) -> None:
        self._notice = ""
        site_id = self.site_id()
        if site_id is not None:
            self.ctx.settings.set_value(SITE_KEY, str(site_id))
        self.form.set_place(site_id, self.shown_day())
        self.referrals.set_site(site_id)
        self.refresh()

    def _on_data_changed(self, area: str) -> None:
        if area in ("visits", "persons"):
            self.refresh()

    def refresh(self) -> None:
        """Reload the day's visits and summary for the chosen site and day."""
        site_id = self.site_id()
        self.message.setText(self._notice)
        if site_id is None:
            self.message.setText(self.tr("No clinic or mobile unit is set up yet."))
            return
        day = self.shown_day()
        svc, actor = self.ctx.services.visits, self.ctx.actor
        try:
            self.visits = svc.day_view(actor, site_id, day)
            self.summary = svc.daily_summary(actor, site_id, day)
        except ClinicError as exc:
            self.visits, self.summary = (), None
            self.model.clear()
            self.summary_label.setText("")
            self.count.setText("")
            self.message.setText(error_text(exc))
            return
        self.model.set_rows(
            [
                [
                    v.visited_at.strftime("%H:%M"),
                    v.who,
                    services_text(v.services),
                    v.reason or "",
                    v.follow_up_date.isoformat() if v.follow_up_date else "",
                    self.tr("yes") if v.outing_id else "",
                ]
                for v in self.visits
            ],
            list(self.visits),
        )
        self.count.setText(self.tr("%n visit(s)", "", len(self.visits)))
        set_empty_text(self.table, self.tr("No visits recorded at this site on this day."))
        self.summary_label.setText(self._summary_text(self.summary))
        self.referrals.refresh()

    def _summary_text(self, s: DailySummary) -> str:
        lines = [
            self.tr("Visits: %1").replace("%1", str(s.visits)),
            self.tr("Registered persons: %1").replace("%1", str(s.registered_persons)),
            self.tr("Anonymous visitors: %1 (new: %2)")
            .replace("%1", str(s.visitors))
            .replace("%2", str(s.new_visitors)),
            self.tr("Referrals made: %1").replace("%1", str(s.referrals)),
            self.tr("Follow-ups due: %1").replace("%1", str(s.follow_ups_due)),
        ]
        if s.outings:
            lines.append(
                self.tr("Outings: %1, contacts made: %2")
                .replace("%1", str(s.outings))
                .replace("%2", str(s.outing_contacts))
            )
        lines.append(self.tr("Services:"))
        lines += [f"  {label(SERVICES, service)}: {n}" for service, n in s.services] or [
            "  " + self.tr("none")
        ]
        return "\n".join(lines)

    # -- correcting and voiding ------------------------------------------------------------------
    def selected_visit(self) -> VisitView | None:
        rows = self.table.selectionModel().selectedRows()
        payload = self.model.payload(rows[0].row()) if rows else None
        return payload if isinstance(payload, VisitView) else None

    def edit_selected(self) -> None:
        """Load the selected visit (with its notes) into the form to correct it."""
        visit = self.selected_visit()
        if visit is None:
            self.message.setText(self.tr("Select a visit in the list first."))
            return
        if self.form.has_unsaved_changes() and not prompter.confirm(
            self,
            self.tr("Correct visit"),
            self.tr("The form holds unsaved input, which will be discarded. Continue?"),
        ):
            return
        try:
            full = self.ctx.services.visits.get_visit(self.ctx.actor, visit.id)
        except ClinicError as exc:
            self.message.setText(error_text(exc))
            return
        self.form.edit_visit(full)

    def void_selected(self) -> None:
        """Void the selected visit after a typed reason (an empty reason voids nothing)."""
        visit = self.selected_visit()
        if visit is None:
            self.message.setText(self.tr("Select a visit in the list first."))
            return
        reason = prompter.ask_text(
            self,
            self.tr("Void visit"),
            self.tr(
                "Void the visit of %1 at %2? It is removed from the day, her history and the "
                "statistics; the audit log keeps who voided it and why. Why is it void?"
            )
            .replace("%1", visit.who)
            .replace("%2", visit.visited_at.strftime("%H:%M")),
        )
        if reason is None:
            return
        if not reason.strip():
            self.message.setText(self.tr("Not voided: give the reason."))
            return
        try:
            self.ctx.services.visits.void_visit(self.ctx.actor, visit.id, visit.version, reason)
        except ClinicError as exc:
            self.message.setText(error_text(exc))
            return
        if self.form.editing is not None and self.form.editing.id == visit.id:
            self.form.clear()
        self._notice = self.tr("The visit was voided.")
        self.refresh()
        self.ctx.data_changed.emit("visits")

    # -- outings --------------------------------------------------------------------------------
    def open_outing(self) -> OutingForm:
        """Open the outing form (non-modal, so tests and keyboard users can drive it)."""
        site_id = self.site_id()
        dialog = OutingForm(self.ctx, site_id, self.shown_day(), self)
        dialog.saved.connect(self._outing_saved)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.outing_dialog = dialog
        return dialog

    def _outing_saved(self, view: object) -> None:
        contacts = len(getattr(view, "visits", ()))
        # Kept over the refreshes that follow the save, until the next change of place.
        self._notice = self.tr("Outing saved: %n contact(s) recorded.", "", contacts)
        self.refresh()

    # -- shell hooks ------------------------------------------------------------------------------
    def focus_first(self) -> bool:
        """Where a nurse's work starts: the Who field (or the day's visits for other roles)."""
        target = self.form.who if self.form_scroll.isVisibleTo(self) else self.table
        move_focus(target)
        return True

    def has_unsaved_changes(self) -> bool:
        return self.form.has_unsaved_changes()

    def unlocked(self) -> None:
        """The screen was unlocked: the half-typed visit comes back."""
        self.form.restore_kept()

    def clear_personal_data(self) -> None:
        self.visits = ()
        self.summary = None
        self.model.clear()
        self.summary_label.setText("")
        self.count.setText("")
        self.form.clear_personal_data()
        self.history.clear_personal_data()
        self.referrals.clear_personal_data()

    def retranslate_ui(self) -> None:
        self.model.set_headers(self._headers())
        self.history.retranslate_ui()
        self.referrals.retranslate_ui()
        self.refresh()


def may_open(ctx: UiContext) -> bool:
    """Courtesy check for the sidebar (the services decide)."""
    return can_ever(ctx.actor, Action.VISIT_VIEW)
