"""Legal timeline tab: computed status and deadlines with explanations, and the case events.

Events are added through :class:`EventDialog` (checked by the rules before anything is
written) and voided with a reason; the record's status and deadlines are recomputed by the
service on every change.
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from clinic_app.errors import Invalid
from clinic_app.rules import Severity, render
from clinic_app.rules.validation import RuleInvalid
from clinic_app.security.permissions import Action
from clinic_app.services.cases import EventInput, EventView
from clinic_app.services.timeline import TimelineView
from clinic_app.ui.areas import can_ever
from clinic_app.ui.common import (
    E,
    enum_data,
    error_label,
    error_message,
    fmt_date,
    invalid_message,
    make_table,
    plain_label,
    prompter,
    show_error,
)
from clinic_app.ui.context import UiContext
from clinic_app.ui.itemmodels.rows import MUTED, URGENT, WARNING, Row, RowsModel
from clinic_app.ui.labels import (
    AUTHORITIES,
    CHANNELS,
    DEADLINE_KINDS,
    EVENT_KINDS,
    GROUNDS,
    LEGAL_STAYS,
    OUTCOMES,
    STATES,
    STATUSES,
    label,
)
from clinic_app.ui.person.edit import parse_date
from clinic_app.ui.tr import QT_TRANSLATE_NOOP
from clinic_app.vocabulary import (
    Authority,
    ContactChannel,
    EventKind,
    ExtensionGround,
    LegalStay,
    Outcome,
)

DEADLINE_HEADERS = (
    QT_TRANSLATE_NOOP("TimelineTab", "Due"),
    QT_TRANSLATE_NOOP("TimelineTab", "What"),
    QT_TRANSLATE_NOOP("TimelineTab", "Explanation"),
    QT_TRANSLATE_NOOP("TimelineTab", "Rule set"),
)
EVENT_HEADERS = (
    QT_TRANSLATE_NOOP("TimelineTab", "Date"),
    QT_TRANSLATE_NOOP("TimelineTab", "Event"),
    QT_TRANSLATE_NOOP("TimelineTab", "Details"),
    QT_TRANSLATE_NOOP("TimelineTab", "Notes"),
)

TONE = {Severity.URGENT: URGENT, Severity.WARNING: WARNING, Severity.PAST: MUTED}

# Which optional fields each kind of event uses (see services.cases.EventInput).
FIELDS_FOR: dict[EventKind, tuple[str, ...]] = {
    EventKind.FIRST_CONTACT: ("channel",),
    EventKind.IDENTIFICATION: ("authority", "outcome", "legal_stay"),
    EventKind.LEGAL_STAY: ("legal_stay",),
    EventKind.REFLECTION_EXTENSION_REQUESTED: ("ground", "end_date"),
    EventKind.REFLECTION_EXTENSION_DECIDED: ("outcome", "end_date"),
    EventKind.PERMIT_APPLICATION: ("applicant",),
    EventKind.PERMIT_GRANTED: ("end_date",),
    EventKind.PERMIT_RENEWED: ("end_date",),
    EventKind.ASYLUM_DECIDED: ("outcome",),
}


def event_details(e: EventView) -> str:
    """One line of the event's particulars (translated labels)."""
    parts = []
    if e.end_date:
        parts.append("→ " + fmt_date(e.end_date))
    if e.authority:
        parts.append(label(AUTHORITIES, e.authority))
    if e.outcome:
        parts.append(label(OUTCOMES, e.outcome))
    if e.legal_stay:
        parts.append(label(LEGAL_STAYS, e.legal_stay))
    if e.channel:
        parts.append(label(CHANNELS, e.channel))
    if e.applicant:
        parts.append(label(AUTHORITIES, e.applicant))
    if e.ground:
        parts.append(label(GROUNDS, e.ground))
    return " · ".join(parts)


class TimelineTab(QWidget):
    """Status, deadlines and events of one person; reloads after every change."""

    def __init__(self, ctx: UiContext, person_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.person_id = person_id
        self.view: TimelineView | None = None
        self.events: tuple[EventView, ...] = ()
        self.loading = False
        self._generation = 0
        self.setAccessibleName(self.tr("Legal timeline"))
        layout = QVBoxLayout(self)

        self.status_box = QGroupBox(self.tr("Status today"))
        self.status_box.setAccessibleName(self.tr("Status today"))
        grid = QGridLayout(self.status_box)
        self.status: dict[str, QLabel] = {}
        for i, (key, text) in enumerate(
            (
                ("status", self.tr("Status")),
                ("identification", self.tr("Identification")),
                ("legal_stay", self.tr("Legal stay")),
                ("reflection", self.tr("Reflection period")),
                ("permit", self.tr("Residence permit")),
                ("asylum", self.tr("Asylum")),
                ("return", self.tr("Return")),
                ("age", self.tr("Age")),
            )
        ):
            value = plain_label("", text, wrap=True)
            grid.addWidget(plain_label(text + ":"), i // 2, (i % 2) * 2)
            grid.addWidget(value, i // 2, (i % 2) * 2 + 1)
            self.status[key] = value
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        layout.addWidget(self.status_box)
        self.violations = plain_label("", self.tr("Problems in the history"), wrap=True)
        self.violations.setStyleSheet("color: #b00020;")
        layout.addWidget(self.violations)
        self.review = plain_label("", self.tr("Manual review"), wrap=True)
        self.review.setStyleSheet("color: #8a5a00;")
        layout.addWidget(self.review)
        self.notes = plain_label("", self.tr("Notes beside the status"), wrap=True)
        layout.addWidget(self.notes)

        splitter = QSplitter(Qt.Orientation.Vertical)
        self.deadlines_model = RowsModel("TimelineTab", DEADLINE_HEADERS, self)
        self.deadlines = make_table(self.deadlines_model, self.tr("Deadlines"))
        self.events_model = RowsModel("TimelineTab", EVENT_HEADERS, self)
        self.events_table = make_table(self.events_model, self.tr("Case events"))
        box1 = QWidget()
        v1 = QVBoxLayout(box1)
        v1.setContentsMargins(0, 0, 0, 0)
        v1.addWidget(plain_label(self.tr("Deadlines")))
        v1.addWidget(self.deadlines)
        box2 = QWidget()
        v2 = QVBoxLayout(box2)
        v2.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(plain_label(self.tr("Case events")), 1)
        self.add_button = QPushButton(self.tr("Add &event…"))
        self.add_button.setAccessibleName(self.tr("Add event"))
        self.add_button.clicked.connect(self.add_event)
        self.add_button.setVisible(can_ever(ctx.actor, Action.CASE_EVENT_ADD))
        self.void_button = QPushButton(self.tr("&Void event…"))
        self.void_button.setAccessibleName(self.tr("Void event"))
        self.void_button.clicked.connect(self.void_event)
        self.void_button.setVisible(can_ever(ctx.actor, Action.CASE_EVENT_EDIT))
        row.addWidget(self.add_button)
        row.addWidget(self.void_button)
        v2.addLayout(row)
        v2.addWidget(self.events_table)
        splitter.addWidget(box1)
        splitter.addWidget(box2)
        layout.addWidget(splitter, 1)
        for view, widths in (
            (self.deadlines, (100, 260, 420)),
            (self.events_table, (100, 240, 300)),
        ):
            for col, w in enumerate(widths):
                view.setColumnWidth(col, w)

    # -- loading ---------------------------------------------------------------------------
    def set_detail(self, _detail: object) -> None:
        self.refresh()

    def refresh(self) -> None:
        self._generation += 1
        generation = self._generation
        actor, pid = self.ctx.actor, self.person_id
        services = self.ctx.services

        def work() -> tuple[TimelineView, tuple[EventView, ...]]:
            return (
                services.timeline.timeline(actor, pid),
                services.cases.history(actor, pid, include_voided=False),
            )

        def done(result: tuple[TimelineView, tuple[EventView, ...]]) -> None:
            if generation == self._generation:
                self.loading = False
                self.show_timeline(*result)

        def failed(exc: BaseException) -> None:
            if generation == self._generation:
                self.loading = False
                self.violations.setText(error_message(exc))

        self.loading = True
        self.ctx.run_in_background(work, done, failed, owner=self)

    def show_timeline(self, view: TimelineView, events: tuple[EventView, ...]) -> None:
        self.view = view
        self.events = events
        lang = self.ctx.settings.language
        s = self.status
        s["status"].setText(label(STATUSES, view.status))
        ident = label(STATES, view.identification)
        if view.identified_by:
            ident += " · " + label(AUTHORITIES, view.identified_by)
        if view.identified_on:
            ident += " · " + fmt_date(view.identified_on)
        if view.expected_authority and view.identification in ("presumed", "unknown"):
            ident += " · " + self.tr("decided by: %1").replace(
                "%1", label(AUTHORITIES, view.expected_authority)
            )
        s["identification"].setText(ident)
        s["legal_stay"].setText(label(LEGAL_STAYS, view.legal_stay) or self.tr("not recorded"))
        refl = label(STATES, view.reflection)
        if view.reflection_start:
            refl += f" · {fmt_date(view.reflection_start)} – {fmt_date(view.reflection_end)}"
            if view.reflection_expected_end:
                refl += " · " + self.tr(
                    "EXPECTED (requested %1, not granted); granted until %2"
                ).replace("%1", fmt_date(view.reflection_requested_on)).replace(
                    "%2", fmt_date(view.reflection_granted_end)
                )
            else:
                refl += " · " + self.tr("granted")
            refl += " · " + self.tr("%1 days").replace("%1", str(view.reflection_days))
        if view.reflection_max_end:
            refl += " · " + self.tr("at most until %1").replace(
                "%1", fmt_date(view.reflection_max_end)
            )
        if view.reflection_departed_on:
            refl += " · " + self.tr("departed %1").replace(
                "%1", fmt_date(view.reflection_departed_on)
            )
        s["reflection"].setText(refl)
        permit = label(STATES, view.permit)
        if view.permit_valid_until:
            permit += " · " + self.tr("valid until %1").replace(
                "%1", fmt_date(view.permit_valid_until)
            )
        if view.permit_renewals:
            permit += " · " + self.tr("renewed %1 times").replace("%1", str(view.permit_renewals))
        s["permit"].setText(permit)
        s["asylum"].setText(label(STATES, view.asylum))
        ret = label(STATES, view.return_state)
        if view.avr_cooperating_since:
            ret += " · " + self.tr("cooperates on return since %1").replace(
                "%1", fmt_date(view.avr_cooperating_since)
            )
        if view.departed_on:
            ret += " · " + self.tr("departed %1").replace("%1", fmt_date(view.departed_on))
        if view.follow_up_until:
            ret += " · " + self.tr("follow-up until %1").replace(
                "%1", fmt_date(view.follow_up_until)
            )
        s["return"].setText(ret)
        age = "" if view.age is None else ("~" if view.age_uncertain else "") + str(view.age)
        if view.is_minor:
            age += " " + self.tr("(minor)")
        if view.turns_18_from and view.turns_18_until:
            age += " · " + self.tr("turns 18 between %1 and %2").replace(
                "%1", fmt_date(view.turns_18_from)
            ).replace("%2", fmt_date(view.turns_18_until))
        s["age"].setText(age)
        problems = [render(v.detail, lang) for v in view.violations]
        if problems:
            problems.insert(
                0,
                self.tr(
                    "History needs correction: deadlines below are unreliable and status "
                    "documents cannot be printed until it is corrected."
                ),
            )
        self.violations.setText("\n".join(problems))
        self.violations.setVisible(bool(problems))
        self.review.setText("\n".join(render(f.message, lang) for f in view.review_flags))
        self.review.setVisible(bool(view.review_flags))
        self.notes.setText("\n".join(render(n.message, lang) for n in view.notes))
        self.notes.setVisible(bool(view.notes))
        self.deadlines_model.set_rows(
            [
                Row(
                    (
                        ("~" if d.uncertain else "") + fmt_date(d.due),
                        self._kind_text(d.kind, d.expected, d.unreliable),
                        render(d.message, lang),
                        d.rule_set_id or "",
                    ),
                    key=(d.kind, d.tab),
                    tone=TONE.get(d.severity, ""),
                )
                for d in view.deadlines
            ]
        )
        self.events_model.set_rows(
            [
                Row(
                    (fmt_date(e.date), label(EVENT_KINDS, e.kind), event_details(e), e.notes),
                    key=e.id,
                )
                for e in events
            ]
        )

    def _kind_text(self, kind: str, expected: bool, unreliable: bool) -> str:
        text = label(DEADLINE_KINDS, kind)
        if expected:
            text += " " + self.tr("(expected)")
        if unreliable:
            text += " " + self.tr("(unreliable)")
        return text

    def clear_personal_data(self) -> None:
        self._generation += 1
        self.view = None
        self.events = ()
        for value in self.status.values():
            value.clear()
        self.violations.clear()
        self.review.clear()
        self.notes.clear()
        self.deadlines_model.clear()
        self.events_model.clear()

    # -- actions ---------------------------------------------------------------------------
    def add_event(self) -> None:
        dialog = EventDialog(self.ctx, self.person_id, self)
        dialog.accepted.connect(self._changed)
        dialog.open()

    def _changed(self) -> None:
        self.ctx.data_changed.emit("cases")
        window = self.window()
        reload = getattr(window, "refresh", None)
        if callable(reload) and window is not self:
            reload()  # header status, and every tab
        else:
            self.refresh()

    def void_event(self) -> None:
        index = self.events_table.currentIndex()
        row = self.events_model.row(index.row()) if index.isValid() else None
        if row is None:
            prompter.inform(self, self.tr("Void event"), self.tr("Select an event first."))
            return
        reason = prompter.ask_text(
            self,
            self.tr("Void event"),
            self.tr("Why is this event wrong? It stays in the history, marked void."),
        )
        if reason is None:
            return
        if not reason.strip():
            prompter.warn(self, self.tr("Void event"), self.tr("Give a reason."))
            return
        cases, actor, event_id = self.ctx.services.cases, self.ctx.actor, int(str(row.key))
        self.ctx.run_in_background(
            lambda: cases.void_event(actor, event_id, reason),
            lambda _v: self._changed(),
            lambda exc: prompter.warn(self, self.tr("Void event"), error_message(exc)),
            owner=self,
        )


class EventDialog(QDialog):
    """Add one case event; fields follow the kind of event, errors appear beside them."""

    def __init__(self, ctx: UiContext, person_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.ctx = ctx
        self.person_id = person_id
        self.saved: EventView | None = None
        self.setWindowTitle(self.tr("Add case event"))
        self.setAccessibleName(self.tr("Case event form"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        self.form = QFormLayout()
        layout.addLayout(self.form)
        self.errors: dict[str, QLabel] = {}
        self.rows: dict[str, tuple[QLabel, QWidget]] = {}

        self.kind = QComboBox()
        for kind in EventKind:
            self.kind.addItem(label(EVENT_KINDS, kind), kind)
        self._row("kind", self.tr("&Event:"), self.kind, self.tr("Event kind"))
        self.date = QLineEdit(ctx.services.clock().isoformat())
        self.date.setPlaceholderText(self.tr("YYYY-MM-DD"))
        self._row("date", self.tr("&Date:"), self.date, self.tr("Event date"))
        self.end_date = QLineEdit()
        self.end_date.setPlaceholderText(self.tr("YYYY-MM-DD"))
        self._row("end_date", self.tr("E&nd date:"), self.end_date, self.tr("End date"))
        self.authority = self._enum_combo(Authority, AUTHORITIES)
        self._row("authority", self.tr("&Authority:"), self.authority, self.tr("Authority"))
        self.outcome = self._enum_combo(Outcome, OUTCOMES)
        self._row("outcome", self.tr("&Outcome:"), self.outcome, self.tr("Outcome"))
        self.legal_stay = self._enum_combo(LegalStay, LEGAL_STAYS)
        self._row("legal_stay", self.tr("&Legal stay:"), self.legal_stay, self.tr("Legal stay"))
        self.channel = self._enum_combo(ContactChannel, CHANNELS)
        self._row("channel", self.tr("&Channel:"), self.channel, self.tr("Contact channel"))
        self.applicant = self._enum_combo(Authority, AUTHORITIES)
        self._row("applicant", self.tr("A&pplicant:"), self.applicant, self.tr("Applicant"))
        self.ground = self._enum_combo(ExtensionGround, GROUNDS)
        self._row("ground", self.tr("&Ground:"), self.ground, self.tr("Extension ground"))
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(70)
        self._row("notes", self.tr("No&tes:"), self.notes, self.tr("Event notes"))
        self.general_error = error_label(self.tr("Form error"))
        layout.addWidget(self.general_error)
        buttons = QDialogButtonBox()
        self.save_button = QPushButton(self.tr("&Save"))
        self.save_button.setAccessibleName(self.tr("Save event"))
        self.save_button.setDefault(True)
        cancel = QPushButton(self.tr("Cancel"))
        cancel.setAccessibleName(self.tr("Cancel"))
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(cancel, QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.clicked.connect(self.save)
        cancel.clicked.connect(self.reject)
        layout.addWidget(buttons)
        self.kind.currentIndexChanged.connect(lambda _i: self._kind_changed())
        self.date.textChanged.connect(lambda _t: self.validate())
        self.end_date.textChanged.connect(lambda _t: self.validate())
        self._kind_changed()
        self.kind.setFocus()

    def _enum_combo(self, enum: type[StrEnum], table: dict[str, str]) -> QComboBox:
        combo = QComboBox()
        combo.addItem(self.tr("(not given)"), None)
        for member in enum:
            combo.addItem(label(table, member), member)
        return combo

    def _row(self, key: str, text: str, field: QWidget, name: str) -> None:
        lab = QLabel(text)
        lab.setBuddy(field)
        field.setAccessibleName(name)
        err = error_label(self.tr("%1 error").replace("%1", name))
        box = QWidget()
        v = QVBoxLayout(box)
        v.setContentsMargins(0, 0, 0, 0)
        v.setSpacing(2)
        v.addWidget(field)
        v.addWidget(err)
        self.form.addRow(lab, box)
        self.errors[key] = err
        self.rows[key] = (lab, box)

    def _kind_changed(self) -> None:
        used = FIELDS_FOR.get(EventKind(self.kind.currentData()), ())
        for key in (
            "end_date",
            "authority",
            "outcome",
            "legal_stay",
            "channel",
            "applicant",
            "ground",
        ):
            lab, box = self.rows[key]
            lab.setVisible(key in used)
            box.setVisible(key in used)
        self.validate()

    def local_errors(self) -> dict[str, str]:
        errors: dict[str, str] = {}
        today = self.ctx.services.clock()
        try:
            day = parse_date(self.date.text())
            if day is None:
                errors["date"] = self.tr("Enter the date of the event.")
            elif day > today:
                errors["date"] = self.tr("The date is in the future.")
        except ValueError:
            errors["date"] = self.tr("Enter the date as YYYY-MM-DD.")
        if "end_date" in FIELDS_FOR.get(EventKind(self.kind.currentData()), ()):
            try:
                parse_date(self.end_date.text())
            except ValueError:
                errors["end_date"] = self.tr("Enter the date as YYYY-MM-DD.")
        return errors

    def validate(self) -> bool:
        errors = self.local_errors()
        for key, lab in self.errors.items():
            show_error(lab, errors.get(key, ""))
        show_error(self.general_error, "")
        return not errors

    def input(self) -> EventInput:
        kind = EventKind(self.kind.currentData())
        used = FIELDS_FOR.get(kind, ())

        def pick(key: str, combo: QComboBox, enum: type[E]) -> E | None:
            return enum_data(combo, enum) if key in used else None

        day = parse_date(self.date.text())
        assert day is not None
        return EventInput(
            kind=kind,
            date=day,
            end_date=parse_date(self.end_date.text()) if "end_date" in used else None,
            authority=pick("authority", self.authority, Authority),
            outcome=pick("outcome", self.outcome, Outcome),
            legal_stay=pick("legal_stay", self.legal_stay, LegalStay),
            channel=pick("channel", self.channel, ContactChannel),
            applicant=pick("applicant", self.applicant, Authority),
            ground=pick("ground", self.ground, ExtensionGround),
            notes=self.notes.toPlainText(),
        )

    def save(self) -> None:
        if not self.validate():
            return
        data = self.input()
        cases, actor, pid = self.ctx.services.cases, self.ctx.actor, self.person_id
        self.save_button.setEnabled(False)
        self.ctx.run_in_background(
            lambda: cases.record_event(actor, pid, data), self._saved, self._failed, owner=self
        )

    def _saved(self, view: EventView) -> None:
        self.saved = view
        self.save_button.setEnabled(True)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        if isinstance(exc, Invalid):
            key = {"event_date": "date", "site_id": "notes"}.get(exc.field, exc.field)
            # A broken legal rule carries its structured reason: render it in the UI language.
            text = (
                render(exc.detail, self.ctx.settings.language)
                if isinstance(exc, RuleInvalid)
                else invalid_message(exc)
            )
            if key in self.errors and self.rows[key][1].isVisible():
                show_error(self.errors[key], text)
                return
            show_error(self.general_error, text)
            return
        show_error(self.general_error, error_message(exc))

    def has_unsaved_changes(self) -> bool:
        return bool(self.notes.toPlainText().strip())

    def discard(self) -> None:
        super().reject()
