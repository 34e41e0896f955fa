"""The quick-entry visit form: keyboard first, so a repeat visitor takes seconds.

Type a card code, nickname, name or case reference and press Enter: a card code or case
reference is taken at once; names and nicknames offer their matches to choose from (Down moves
into the list); no match opens a new visitor inline, and an unknown card code is asked about.
Tick services with Alt+1…9, add notes, and save with Ctrl+Enter. For a registered person the
entitlement panel shows what is covered, who pays and until when, with warnings.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clinic_app.errors import ClinicError, Conflict, Invalid
from clinic_app.security.permissions import Action, allowed
from clinic_app.services.clinic_common import (
    VisitView,
    has_code_prefix,
    looks_like_code,
    normalise_code,
)
from clinic_app.services.visitors import VisitorInput, VisitorView
from clinic_app.services.visits import (
    HEALTH_SERVICE_FOR,
    REFERRAL_SPECIALTIES,
    EntitlementCheck,
    VisitInput,
    VisitReferral,
)
from clinic_app.ui.clinic.card_code import NewCardCode
from clinic_app.ui.clinic.common import (
    MODES,
    SERVICE_KEYS,
    SERVICES,
    SPECIALTIES,
    URGENCIES,
    WARNING_STYLE,
    age_band_for,
    error_label,
    error_text,
    label,
    parse_day,
    plain_label,
)
from clinic_app.ui.clinic.cover_texts import line_text, warning_text
from clinic_app.ui.common import move_focus, prompter, show_error
from clinic_app.ui.context import UiContext

if TYPE_CHECKING:
    from clinic_app.ui.clinic.visit_kept import KeptVisit
from clinic_app.vocabulary import InterpreterMode, Urgency, VisitService

SEARCH_DEBOUNCE_MS = 150
MATCH_LIMIT = 8


@dataclass(frozen=True)
class Pick:
    """Who the visit is for: a visitor or a registered person."""

    kind: str  # "visitor" or "person"
    id: int
    text: str
    exact: bool = False  # the typed text is this one's card code or case reference


class VisitForm(QWidget):
    """Record one visit at the chosen site and day. Emits ``saved(VisitView)``."""

    saved = Signal(object)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.site_id: int | None = None
        self.day: dt.date = ctx.services.clock()
        self.pick: Pick | None = None
        self.check: EntitlementCheck | None = None
        self.editing: VisitView | None = None  # a saved visit being corrected
        self._kept: KeptVisit | None = None  # typed input held while the screen is locked
        self.setAccessibleName(self.tr("Visit form"))
        layout = QVBoxLayout(self)

        # -- who ---------------------------------------------------------------------------
        who_row = QHBoxLayout()
        who_label = QLabel(self.tr("&Who:"))
        self.who = QLineEdit()
        self.who.setAccessibleName(self.tr("Visitor code, nickname or case reference"))
        self.who.setPlaceholderText(self.tr("Card code, nickname or case reference; Enter picks"))
        self.who.setMaxLength(100)
        self.who.setClearButtonEnabled(True)
        who_label.setBuddy(self.who)
        self.new_visitor_button = QPushButton(self.tr("&New visitor"))
        self.new_visitor_button.setAccessibleName(self.tr("New visitor"))
        self.new_visitor_button.setToolTip(self.tr("Record the visit for a new anonymous visitor"))
        who_row.addWidget(who_label)
        who_row.addWidget(self.who, 1)
        who_row.addWidget(self.new_visitor_button)
        layout.addLayout(who_row)
        self.who_error = error_label(self.tr("Who error"))
        layout.addWidget(self.who_error)
        self.matches = QListWidget()
        self.matches.setAccessibleName(self.tr("Matches"))
        self.matches.setMaximumHeight(120)
        self.matches.setVisible(False)
        layout.addWidget(self.matches)
        self.chosen = plain_label("", self.tr("Chosen visitor or person"), wrap=True)
        self.chosen.setStyleSheet("font-weight: bold;")
        layout.addWidget(self.chosen)

        # -- new visitor, inline -----------------------------------------------------------------
        self.new_box = QGroupBox(self.tr("New visitor (a card code is given on saving)"))
        self.new_box.setAccessibleName(self.tr("New visitor details"))
        new_form = QFormLayout(self.new_box)
        self.nickname = self._line(self.tr("Nickname"), 100)
        self.age = self._line(self.tr("Approximate age"), 5)
        self.age.setPlaceholderText(self.tr("years, e.g. 25"))
        self.nationality = self._line(self.tr("Nationality"), 2)
        self.nationality.setPlaceholderText(self.tr("country code, e.g. RO"))
        self.language = self._line(self.tr("Language"), 16)
        self.language.setPlaceholderText(self.tr("language code, e.g. ro"))
        self.nickname_error = error_label(self.tr("Nickname error"))
        self.age_error = error_label(self.tr("Age error"))
        self.nationality_error = error_label(self.tr("Nationality error"))
        self.language_error = error_label(self.tr("Language error"))
        for text, edit, err in (
            (self.tr("Nic&kname:"), self.nickname, self.nickname_error),
            (self.tr("&Age:"), self.age, self.age_error),
            (self.tr("Na&tionality:"), self.nationality, self.nationality_error),
            (self.tr("Lang&uage:"), self.language, self.language_error),
        ):
            new_form.addRow(self._buddy(text, edit), edit)
            new_form.addRow("", err)
        self.new_box.setVisible(False)
        layout.addWidget(self.new_box)

        # -- services ------------------------------------------------------------------------
        services_box = QGroupBox(self.tr("Services (Alt+1…9)"))
        services_box.setAccessibleName(self.tr("Services given"))
        grid = QGridLayout(services_box)
        self.service_boxes: dict[VisitService, QCheckBox] = {}
        for i, service in enumerate(VisitService):
            box = QCheckBox(f"&{SERVICE_KEYS[service]} {label(SERVICES, service)}")
            box.setAccessibleName(label(SERVICES, service))
            box.toggled.connect(self._services_changed)
            self.service_boxes[service] = box
            grid.addWidget(box, i // 3, i % 3)
        layout.addWidget(services_box)
        self.services_error = error_label(self.tr("Services error"))
        layout.addWidget(self.services_error)

        # -- referral (shown when Referral is ticked) -----------------------------------------
        self.referral_box = QGroupBox(self.tr("Referral"))
        self.referral_box.setAccessibleName(self.tr("Referral details"))
        ref_form = QFormLayout(self.referral_box)
        self.specialty = QComboBox()
        self.specialty.setAccessibleName(self.tr("Referred to"))
        for key in REFERRAL_SPECIALTIES:
            self.specialty.addItem(label(SPECIALTIES, key), key)
        self.specialty.currentIndexChanged.connect(lambda _i: self._services_changed())
        self.urgency = QComboBox()
        self.urgency.setAccessibleName(self.tr("Urgency"))
        for urgency in Urgency:
            self.urgency.addItem(label(URGENCIES, urgency), urgency)
        self.referral_reason = self._line(self.tr("Referral reason"), 5000)
        self.specialty_error = error_label(self.tr("Referred to error"))
        self.referral_reason_error = error_label(self.tr("Referral reason error"))
        ref_form.addRow(self._buddy(self.tr("Referre&d to:"), self.specialty), self.specialty)
        ref_form.addRow("", self.specialty_error)
        ref_form.addRow(self._buddy(self.tr("Urgen&cy:"), self.urgency), self.urgency)
        ref_form.addRow(
            self._buddy(self.tr("Referral r&eason:"), self.referral_reason), self.referral_reason
        )
        ref_form.addRow("", self.referral_reason_error)
        self.referral_box.setVisible(False)
        layout.addWidget(self.referral_box)

        # -- details ---------------------------------------------------------------------------
        form = QFormLayout()
        self.reason = self._line(self.tr("Reason for the visit"), 300)
        self.interpreter_language = self._line(self.tr("Interpreter language"), 16)
        self.interpreter_language.setPlaceholderText(self.tr("language code, or empty"))
        self.interpreter_mode = QComboBox()
        self.interpreter_mode.setAccessibleName(self.tr("Interpreter mode"))
        self.interpreter_mode.addItem(self.tr("No interpreter"), None)
        for mode in InterpreterMode:
            self.interpreter_mode.addItem(label(MODES, mode), mode)
        self.notes = QPlainTextEdit()
        self.notes.setAccessibleName(self.tr("Clinical notes"))
        self.notes.setTabChangesFocus(True)
        self.notes.setPlaceholderText(self.tr("Seen by nurses only"))
        self.notes.setMaximumHeight(90)
        self.notes.setVisible(allowed(ctx.actor, Action.VISIT_CREATE))
        self.follow_up = self._line(self.tr("Follow-up date"), 10)
        self.follow_up.setPlaceholderText(self.tr("YYYY-MM-DD or +days, e.g. +14"))
        self.reason_error = error_label(self.tr("Reason error"))
        self.interpreter_error = error_label(self.tr("Interpreter error"))
        self.notes_error = error_label(self.tr("Clinical notes error"))
        self.follow_up_error = error_label(self.tr("Follow-up error"))
        form.addRow(self._buddy(self.tr("&Reason:"), self.reason), self.reason)
        form.addRow("", self.reason_error)
        interp = QHBoxLayout()
        interp.addWidget(self.interpreter_language, 1)
        interp.addWidget(self.interpreter_mode)
        form.addRow(self._buddy(self.tr("Inter&preter:"), self.interpreter_language), interp)
        form.addRow("", self.interpreter_error)
        form.addRow(self._buddy(self.tr("N&otes:"), self.notes), self.notes)
        form.addRow("", self.notes_error)
        form.addRow(self._buddy(self.tr("Fo&llow-up:"), self.follow_up), self.follow_up)
        form.addRow("", self.follow_up_error)
        layout.addLayout(form)

        # -- entitlement panel -------------------------------------------------------------------
        self.entitlement_box = QGroupBox(self.tr("Health-care cover"))
        self.entitlement_box.setAccessibleName(self.tr("Entitlement panel"))
        ent = QVBoxLayout(self.entitlement_box)
        self.entitlements = plain_label("", self.tr("Entitlements"), wrap=True)
        self.warnings = plain_label("", self.tr("Entitlement warnings"), wrap=True)
        self.warnings.setStyleSheet(WARNING_STYLE)
        ent.addWidget(self.entitlements)
        ent.addWidget(self.warnings)
        self.entitlement_box.setVisible(False)
        layout.addWidget(self.entitlement_box)

        # -- save ----------------------------------------------------------------------------
        self.card = NewCardCode()
        layout.addWidget(self.card)
        bottom = QHBoxLayout()
        self.status = plain_label("", self.tr("Visit form status"), wrap=True)
        self.save_button = QPushButton(self.tr("&Save visit (Ctrl+Enter)"))
        self.save_button.setAccessibleName(self.tr("Save visit"))
        self.save_button.clicked.connect(self.save)
        self.clear_button = QPushButton(self.tr("Clear"))
        self.clear_button.setAccessibleName(self.tr("Clear form"))
        self.clear_button.clicked.connect(self.clear)
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.clear_button)
        bottom.addWidget(self.save_button)
        layout.addLayout(bottom)
        layout.addStretch(1)

        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.save)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(self.search_now)
        self.who.textEdited.connect(self._who_edited)
        self.who.installEventFilter(self)
        self.matches.itemActivated.connect(self._pick_item)
        self.new_visitor_button.clicked.connect(self.start_new_visitor)
        self._field_errors: dict[str, QLabel] = {
            "who": self.who_error,
            "nickname": self.nickname_error,
            "age_band": self.age_error,
            "age": self.age_error,
            "nationality": self.nationality_error,
            "language": self.language_error,
            "services": self.services_error,
            "specialty": self.specialty_error,
            "referral_reason": self.referral_reason_error,
            "partner": self.specialty_error,
            "reason": self.reason_error,
            "interpreter_language": self.interpreter_error,
            "interpreter_mode": self.interpreter_error,
            "clinical_notes": self.notes_error,
            "follow_up_date": self.follow_up_error,
            "visited_at": self.follow_up_error,
        }
        self.setTabOrder(self.who, self.matches)

    # -- building helpers ----------------------------------------------------------------------
    def _line(self, name: str, max_len: int) -> QLineEdit:
        edit = QLineEdit()
        edit.setAccessibleName(name)
        edit.setMaxLength(max_len)
        return edit

    def _buddy(self, text: str, widget: QWidget) -> QLabel:
        lab = QLabel(text)
        lab.setBuddy(widget)
        return lab

    # -- context -------------------------------------------------------------------------------
    def set_place(self, site_id: int | None, day: dt.date) -> None:
        """The site and day new visits are recorded for."""
        self.site_id = site_id
        self.day = day
        if self.pick is not None and self.pick.kind == "person":
            self._refresh_entitlements()

    def has_unsaved_changes(self) -> bool:
        texts = (
            self.who.text(),
            self.nickname.text(),
            self.reason.text(),
            self.notes.toPlainText(),
            self.follow_up.text(),
            self.referral_reason.text(),
        )
        return any(t.strip() for t in texts) or bool(self.selected_services())

    # -- choosing who -----------------------------------------------------------------------------
    def _who_edited(self, _text: str) -> None:
        if self.pick is not None:
            self._set_pick(None)
        self._debounce.start()

    def search_now(self) -> None:
        """Look up visitors (by code or nickname) and persons (by case reference or name)."""
        self._debounce.stop()
        text = self.who.text().strip()
        self.matches.clear()
        if not text:
            self.matches.setVisible(False)
            return
        actor, svc = self.ctx.actor, self.ctx.services
        picks: list[Pick] = []
        try:
            code = normalise_code(text) if looks_like_code(text) else None
            if allowed(actor, Action.VISIT_VIEW):
                for v in svc.visitors.search(actor, text, limit=MATCH_LIMIT):
                    picks.append(Pick("visitor", v.id, self._visitor_text(v), v.code == code))
            # A word that fits the card-code alphabet may still be a name: registered
            # persons are offered too unless the text was typed as a code ('V-…').
            if allowed(actor, Action.PERSON_SEARCH) and not has_code_prefix(text):
                for p in svc.persons.search(actor, text, limit=MATCH_LIMIT).items:
                    exact = p.case_ref.casefold() == text.casefold()
                    picks.append(Pick("person", p.id, f"{p.case_ref}  {p.display_name}", exact))
        except ClinicError as exc:
            show_error(self.who_error, error_text(exc))
            return
        for pick in picks:
            item = QListWidgetItem(pick.text)
            item.setData(Qt.ItemDataRole.UserRole, pick)
            self.matches.addItem(item)
        if picks:
            self.matches.setCurrentRow(0)
        self.matches.setVisible(bool(picks))

    def _visitor_text(self, v: VisitorView) -> str:
        parts = [v.code]
        if v.nickname:
            parts.append(v.nickname)
        if v.last_visit is not None:
            parts.append(
                self.tr("%n visit(s), last %1", "", v.visit_count).replace(
                    "%1", v.last_visit.date().isoformat()
                )
            )
        if v.linked_case_ref:
            parts.append(self.tr("registered as %1").replace("%1", v.linked_case_ref))
        return "  ".join(parts)

    def pick_first(self) -> bool:
        """Enter in the who field. Only the one visitor or person whose card code or case
        reference was typed is taken; any other match is offered as a choice (the list gets
        the focus; New visitor stays one key away). No match: a new visitor, except that a
        card code nobody has is asked about first (a mistyped code is not a new woman)."""
        text = self.who.text().strip()
        if self._debounce.isActive() or (text and self.matches.count() == 0):
            self.search_now()
        picks = [
            self.matches.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.matches.count())
        ]
        exact = [p for p in picks if isinstance(p, Pick) and p.exact]
        if len(exact) == 1:
            self._set_pick(exact[0])
            move_focus(self.service_boxes[VisitService.CONSULTATION])
            return True
        if picks:
            show_error(
                self.who_error,
                self.tr(
                    "%n possible match(es): choose one with the arrow keys and Enter, "
                    "or choose New visitor for someone else.",
                    "",
                    len(picks),
                ),
            )
            self.matches.setCurrentRow(0)
            move_focus(self.matches)
            return False
        if not text:
            return False
        if looks_like_code(text) and not prompter.confirm(
            self,
            self.tr("Unknown card code"),
            self.tr(
                "No visitor has the card code %1. Check the card: a mistyped code would start "
                "a second record for the same woman.\n\nRecord her as a new visitor?"
            ).replace("%1", normalise_code(text)),
        ):
            show_error(self.who_error, self.tr("No visitor has this card code."))
            self.who.setFocus(Qt.FocusReason.OtherFocusReason)
            self.who.selectAll()
            return False
        self.start_new_visitor()
        return False

    def _pick_item(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        pick = item.data(Qt.ItemDataRole.UserRole)
        if isinstance(pick, Pick):
            self._set_pick(pick)
            move_focus(self.service_boxes[VisitService.CONSULTATION])

    def _set_pick(self, pick: Pick | None) -> None:
        self.pick = pick
        show_error(self.who_error, "")
        self.chosen.setText(pick.text if pick else "")
        self.matches.setVisible(False)
        if pick is not None:
            self.new_box.setVisible(False)
        self.check = None
        if pick is not None and pick.kind == "person":
            self._refresh_entitlements()
        else:
            self.entitlement_box.setVisible(False)

    def start_new_visitor(self) -> None:
        """Open the inline new-visitor fields (the typed text becomes the nickname)."""
        text = self.who.text().strip()
        self._set_pick(None)
        self.show_new_visitor()
        if text and not looks_like_code(text) and not self.nickname.text():
            self.nickname.setText(text)
        move_focus(self.nickname)

    def show_new_visitor(self) -> None:
        """Show the inline new-visitor fields (as they are)."""
        self.new_box.setVisible(True)
        self.chosen.setText(self.tr("New visitor: a card code is given on saving"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.who and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            mods = event.modifiers()
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
                mods & Qt.KeyboardModifier.ControlModifier
            ):
                self.pick_first()
                return True
            if event.key() == Qt.Key.Key_Down:
                if self._debounce.isActive():
                    self.search_now()
                if self.matches.count():
                    self.matches.setFocus()
                    return True
        return super().eventFilter(watched, event)

    # -- services and entitlements ---------------------------------------------------------------
    def selected_services(self) -> tuple[VisitService, ...]:
        return tuple(s for s, box in self.service_boxes.items() if box.isChecked())

    def _services_changed(self, _checked: bool = False) -> None:
        # A correction keeps the services; a referral is made or closed in the Referrals tab.
        self.referral_box.setVisible(
            self.service_boxes[VisitService.REFERRAL].isChecked() and self.editing is None
        )
        if self.pick is not None and self.pick.kind == "person":
            self._refresh_entitlements()

    def _refresh_entitlements(self) -> None:
        if self.pick is None or self.pick.kind != "person":
            return
        actor = self.ctx.actor
        specialty = (
            str(self.specialty.currentData())
            if self.service_boxes[VisitService.REFERRAL].isChecked()
            else ""
        )
        try:
            check = self.ctx.services.visits.entitlement_check(
                actor,
                self.pick.id,
                self.selected_services(),
                self.day,
                referral_specialty=specialty,
            )
        except ClinicError as exc:
            self.entitlement_box.setVisible(True)
            self.entitlements.setText(error_text(exc))
            self.warnings.setText("")
            return
        self.check = check
        given = self.selected_services()
        wanted = {HEALTH_SERVICE_FOR[s] for s in given if s in HEALTH_SERVICE_FOR}
        referred = REFERRAL_SPECIALTIES.get(specialty) if specialty else None
        if referred is not None:
            wanted.add(referred)
        lines = [line for line in check.lines if line.service in wanted] or list(check.lines[:2])
        self.entitlements.setText("\n".join(line_text(line) for line in lines))
        self.warnings.setText("\n".join(warning_text(w, self.day) for w in check.warnings))
        self.entitlement_box.setVisible(True)

    # -- saving ------------------------------------------------------------------------------------
    def _clear_errors(self) -> None:
        for err in set(self._field_errors.values()):
            show_error(err, "")

    def show_invalid(self, exc: Invalid) -> None:
        target = self._field_errors.get(exc.field)
        message = error_text(exc)
        if target is None:
            show_error(self.status, message)
        else:
            show_error(target, message)
        self.status.setText(self.tr("Not saved: please check the form."))

    def save(self) -> VisitView | None:
        """Validate and save (a new visit, or the corrected one being edited); on success
        clear the form for the next visitor."""
        self._clear_errors()
        if self.site_id is None and self.editing is None:
            self.status.setText(self.tr("Choose a clinic or mobile unit first."))
            return None
        visits, actor, editing = self.ctx.services.visits, self.ctx.actor, self.editing
        try:
            data, new_visitor, referral = self._collect()
            if editing is not None:
                view = visits.update_visit(actor, editing.id, data, editing.version)
            else:
                view = visits.record_visit(actor, data, new_visitor=new_visitor, referral=referral)
        except Invalid as exc:
            self.show_invalid(exc)
            return None
        except Conflict:
            self.status.setText(
                self.tr(
                    "Not saved: someone else changed this visit meanwhile. "
                    "Clear the form and open the visit again."
                )
            )
            return None
        except ClinicError as exc:
            self.status.setText(error_text(exc))
            return None
        self.clear()
        self.status.setText(
            (self.tr("Corrected: %1 at %2.") if editing else self.tr("Saved: %1 at %2."))
            .replace("%1", view.who)
            .replace("%2", view.visited_at.strftime("%H:%M"))
        )
        if new_visitor is not None and view.visitor_code:
            self.card.show_code(view.visitor_code)
        self.saved.emit(view)
        self.ctx.data_changed.emit("visits")
        return view

    def _collect(self) -> tuple[VisitInput, VisitorInput | None, VisitReferral | None]:
        today = self.ctx.services.clock()
        now = dt.datetime.now().time().replace(microsecond=0)
        visited_at = dt.datetime.combine(self.day, now if self.day == today else dt.time(12))
        day, site_id, outing_id = self.day, self.site_id, None
        if self.editing is not None:  # a correction keeps when, where and on which outing
            visited_at, site_id = self.editing.visited_at, self.editing.site_id
            day, outing_id = visited_at.date(), self.editing.outing_id
        assert site_id is not None
        person_id = visitor_id = None
        new_visitor = None
        if self.pick is not None:
            if self.pick.kind == "person":
                person_id = self.pick.id
            else:
                visitor_id = self.pick.id
        elif self.new_box.isVisible():
            new_visitor = VisitorInput(
                nickname=self.nickname.text(),
                age_band=age_band_for("age", self.age.text()),
                nationality=self.nationality.text() or None,
                language=self.language.text(),
            )
        elif self.who.text().strip():
            raise Invalid("who", "required")
        referral = None
        if self.service_boxes[VisitService.REFERRAL].isChecked() and self.editing is None:
            referral = VisitReferral(
                str(self.specialty.currentData()),
                self.referral_reason.text(),
                Urgency(self.urgency.currentData()),
            )
        mode = self.interpreter_mode.currentData()
        data = VisitInput(
            site_id=site_id,
            person_id=person_id,
            visitor_id=visitor_id,
            outing_id=outing_id,
            visited_at=visited_at,
            services=self.selected_services(),
            reason=self.reason.text(),
            interpreter_language=self.interpreter_language.text(),
            interpreter_mode=InterpreterMode(mode) if mode else None,
            clinical_notes=self.notes.toPlainText(),
            follow_up_date=parse_day("follow_up_date", self.follow_up.text(), day),
        )
        return data, new_visitor, referral

    def edit_visit(self, visit: VisitView) -> None:
        """Load a saved visit (with its notes, for nurses) to correct it; Save stores the
        correction, Clear leaves it unchanged. Who it is for cannot change: void it instead."""
        self.clear()
        self.editing = visit
        kind = "person" if visit.person_id is not None else "visitor"
        who_id = visit.person_id if visit.person_id is not None else visit.visitor_id
        assert who_id is not None
        self.who.setText(visit.who)
        self.who.setReadOnly(True)
        self.new_visitor_button.setEnabled(False)
        self._set_pick(Pick(kind, who_id, visit.who, exact=True))
        self.chosen.setText(
            self.tr("Correcting the visit of %1 on %2 at %3")
            .replace("%1", visit.who)
            .replace("%2", visit.visited_at.date().isoformat())
            .replace("%3", visit.visited_at.strftime("%H:%M"))
        )
        for service, box in self.service_boxes.items():
            box.setChecked(service in (visit.services or ()))
        self.reason.setText(visit.reason or "")
        self.interpreter_language.setText(visit.interpreter_language or "")
        mode = self.interpreter_mode.findData(visit.interpreter_mode)
        self.interpreter_mode.setCurrentIndex(max(mode, 0))
        self.notes.setPlainText(visit.clinical_notes or "")
        self.follow_up.setText(visit.follow_up_date.isoformat() if visit.follow_up_date else "")
        self.save_button.setText(self.tr("&Save correction (Ctrl+Enter)"))
        self.save_button.setAccessibleName(self.tr("Save correction"))
        self.clear_button.setText(self.tr("Cancel correction"))
        move_focus(self.reason)

    def _end_editing(self) -> None:
        self.editing = None
        self.who.setReadOnly(False)
        self.new_visitor_button.setEnabled(True)
        self.save_button.setText(self.tr("&Save visit (Ctrl+Enter)"))
        self.save_button.setAccessibleName(self.tr("Save visit"))
        self.clear_button.setText(self.tr("Clear"))

    # -- the screen lock keeps typed input, out of the widgets ---------------------------------
    def keep_for_lock(self) -> None:
        """The screen locks: take the typed input out of the widgets (so nothing personal
        stays on screen or in accessibility trees) and hold it until :meth:`restore_kept`."""
        if self.has_unsaved_changes() or self.editing is not None:
            from clinic_app.ui.clinic.visit_kept import KeptVisit

            self._kept = KeptVisit.of(self)
        self.clear()

    def restore_kept(self) -> None:
        """After unlocking: put the held input back, as it was."""
        kept, self._kept = self._kept, None
        if kept is not None:
            kept.put_back(self)

    def clear(self) -> None:
        """Empty every field (after saving, on request, and when the screen locks)."""
        self._debounce.stop()
        self._end_editing()
        self._set_pick(None)
        self._clear_errors()
        for edit in (
            self.who,
            self.nickname,
            self.age,
            self.nationality,
            self.language,
            self.reason,
            self.interpreter_language,
            self.follow_up,
            self.referral_reason,
        ):
            edit.clear()
        self.notes.clear()
        for box in self.service_boxes.values():
            box.setChecked(False)
        self.interpreter_mode.setCurrentIndex(0)
        self.urgency.setCurrentIndex(0)
        self.specialty.setCurrentIndex(0)
        self.new_box.setVisible(False)
        self.matches.clear()
        self.matches.setVisible(False)
        self.chosen.setText("")
        self.status.setText("")
        self.who.setFocus()

    def clear_personal_data(self) -> None:
        self.card.clear()
        self.keep_for_lock()
