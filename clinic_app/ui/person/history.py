"""History tab: every case event in date order, voided ones included and marked."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from clinic_app.services.cases import EventView
from clinic_app.ui.common import error_message, fmt_date, make_table, plain_label
from clinic_app.ui.context import UiContext
from clinic_app.ui.itemmodels.rows import MUTED, Row, RowsModel
from clinic_app.ui.labels import EVENT_KINDS, label
from clinic_app.ui.person.timeline import event_details
from clinic_app.ui.tr import QT_TRANSLATE_NOOP

HEADERS = (
    QT_TRANSLATE_NOOP("HistoryTab", "Date"),
    QT_TRANSLATE_NOOP("HistoryTab", "Event"),
    QT_TRANSLATE_NOOP("HistoryTab", "Details"),
    QT_TRANSLATE_NOOP("HistoryTab", "Recorded"),
    QT_TRANSLATE_NOOP("HistoryTab", "Notes"),
)


class HistoryTab(QWidget):
    """The person's event history (not the audit log): what happened, and what was voided."""

    def __init__(self, ctx: UiContext, person_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.person_id = person_id
        self._generation = 0
        self.setAccessibleName(self.tr("History"))
        layout = QVBoxLayout(self)
        self.model = RowsModel("HistoryTab", HEADERS, self)
        self.table = make_table(self.model, self.tr("Event history"))
        for col, w in enumerate((100, 240, 260, 150)):
            self.table.setColumnWidth(col, w)
        layout.addWidget(self.table, 1)
        self.message = plain_label("", self.tr("History message"), wrap=True)
        layout.addWidget(self.message)

    def set_detail(self, _detail: object) -> None:
        self.refresh()

    def refresh(self) -> None:
        self._generation += 1
        generation = self._generation
        cases, actor, pid = self.ctx.services.cases, self.ctx.actor, self.person_id

        def done(events: tuple[EventView, ...]) -> None:
            if generation == self._generation:
                self.show_events(events)

        def failed(exc: BaseException) -> None:
            if generation == self._generation:
                self.message.setText(error_message(exc))

        self.ctx.run_in_background(
            lambda: cases.history(actor, pid, include_voided=True), done, failed, owner=self
        )

    def show_events(self, events: tuple[EventView, ...]) -> None:
        rows = []
        for e in events:
            notes = e.notes
            if e.voided:
                notes = self.tr("VOID: %1").replace("%1", e.voided_reason) + (
                    f" · {notes}" if notes else ""
                )
            rows.append(
                Row(
                    (
                        fmt_date(e.date),
                        label(EVENT_KINDS, e.kind),
                        event_details(e),
                        e.created_at.strftime("%Y-%m-%d %H:%M"),
                        notes,
                    ),
                    key=e.id,
                    tone=MUTED if e.voided else "",
                    struck=e.voided,
                )
            )
        self.model.set_rows(rows)
        self.message.setText(self.tr("%n event(s)", "", len(events)))

    def clear_personal_data(self) -> None:
        self._generation += 1
        self.model.clear()
