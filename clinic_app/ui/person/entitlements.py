"""Entitlements tab: which health services are covered, who pays, until when; overrides."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clinic_app.errors import Invalid
from clinic_app.rules import render
from clinic_app.security.permissions import Action
from clinic_app.services.entitlements import ManualEntitlementInput, ManualEntitlementView
from clinic_app.services.timeline import TimelineView
from clinic_app.ui.areas import can_ever
from clinic_app.ui.common import (
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
from clinic_app.ui.itemmodels.rows import MUTED, Row, RowsModel
from clinic_app.ui.labels import HEALTH_SERVICES, PAYERS, label
from clinic_app.ui.person.edit import parse_date
from clinic_app.ui.tr import QT_TRANSLATE_NOOP
from clinic_app.vocabulary import HealthService, Payer

COVER_HEADERS = (
    QT_TRANSLATE_NOOP("EntitlementsTab", "Service"),
    QT_TRANSLATE_NOOP("EntitlementsTab", "Covered"),
    QT_TRANSLATE_NOOP("EntitlementsTab", "Paid by"),
    QT_TRANSLATE_NOOP("EntitlementsTab", "From"),
    QT_TRANSLATE_NOOP("EntitlementsTab", "Until"),
    QT_TRANSLATE_NOOP("EntitlementsTab", "Why"),
)
MANUAL_HEADERS = (
    QT_TRANSLATE_NOOP("EntitlementsTab", "Service"),
    QT_TRANSLATE_NOOP("EntitlementsTab", "Paid by"),
    QT_TRANSLATE_NOOP("EntitlementsTab", "From"),
    QT_TRANSLATE_NOOP("EntitlementsTab", "Until"),
    QT_TRANSLATE_NOOP("EntitlementsTab", "Reason"),
)


class EntitlementsTab(QWidget):
    """Computed coverage (rules plus manual overrides) and the list of overrides."""

    def __init__(self, ctx: UiContext, person_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.person_id = person_id
        self._generation = 0
        self.setAccessibleName(self.tr("Entitlements"))
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(self.tr("Health care covered today")))
        self.cover_model = RowsModel("EntitlementsTab", COVER_HEADERS, self)
        self.cover = make_table(self.cover_model, self.tr("Covered services"))
        layout.addWidget(self.cover, 2)
        row = QHBoxLayout()
        row.addWidget(plain_label(self.tr("Manual decisions (override the rules)")), 1)
        self.add_button = QPushButton(self.tr("Add &override…"))
        self.add_button.setAccessibleName(self.tr("Add override"))
        self.revoke_button = QPushButton(self.tr("Re&voke override"))
        self.revoke_button.setAccessibleName(self.tr("Revoke override"))
        can_override = can_ever(ctx.actor, Action.ENTITLEMENT_OVERRIDE)
        for b in (self.add_button, self.revoke_button):
            b.setVisible(can_override)
            row.addWidget(b)
        self.add_button.clicked.connect(self.add_override)
        self.revoke_button.clicked.connect(self.revoke)
        layout.addLayout(row)
        self.manual_model = RowsModel("EntitlementsTab", MANUAL_HEADERS, self)
        self.manual = make_table(self.manual_model, self.tr("Manual decisions"))
        layout.addWidget(self.manual, 1)
        self.message = plain_label("", self.tr("Entitlements message"), wrap=True)
        layout.addWidget(self.message)
        for col, w in enumerate((190, 70, 200, 95, 95)):
            self.cover.setColumnWidth(col, w)
        for col, w in enumerate((190, 200, 95, 95)):
            self.manual.setColumnWidth(col, w)

    def set_detail(self, _detail: object) -> None:
        self.refresh()

    def refresh(self) -> None:
        self._generation += 1
        generation = self._generation
        services, actor, pid = self.ctx.services, self.ctx.actor, self.person_id

        def work() -> tuple[TimelineView, tuple[ManualEntitlementView, ...]]:
            view = services.timeline.timeline(actor, pid)
            manual = (
                services.entitlements.list_manual(actor, pid) if view.entitlements_visible else ()
            )
            return view, manual

        def done(result: tuple[TimelineView, tuple[ManualEntitlementView, ...]]) -> None:
            if generation == self._generation:
                self.show_entitlements(*result)

        def failed(exc: BaseException) -> None:
            if generation == self._generation:
                self.message.setText(error_message(exc))

        self.ctx.run_in_background(work, done, failed, owner=self)

    def show_entitlements(
        self, view: TimelineView, manual: tuple[ManualEntitlementView, ...]
    ) -> None:
        if not view.entitlements_visible:
            self.message.setText(self.tr("Your role does not show entitlements for this person."))
        else:
            self.message.setText("")
        yes, no = self.tr("Yes"), self.tr("No")
        lang = self.ctx.settings.language
        self.cover_model.set_rows(
            [
                Row(
                    (
                        label(HEALTH_SERVICES, e.service),
                        yes if e.covered else no,
                        label(PAYERS, e.payer),
                        fmt_date(e.valid_from),
                        (fmt_date(e.valid_until) if e.valid_until else self.tr("no end known"))
                        + (" " + self.tr("(expected)") if e.expected else ""),
                        # The rules' structured explanation, in the user's language (it says
                        # "Manual decision" itself for a manual line).
                        render(e.detail, lang)
                        + (" " + self.tr("(unreliable)") if e.unreliable else ""),
                    ),
                    key=e.service,
                    tone="" if e.covered else MUTED,
                )
                for e in view.entitlements
            ]
        )
        self.manual_model.set_rows(
            [
                Row(
                    (
                        label(HEALTH_SERVICES, m.service),
                        label(PAYERS, m.payer),
                        fmt_date(m.valid_from),
                        fmt_date(m.valid_to) if m.valid_to else self.tr("until revoked"),
                        m.reason,
                    ),
                    key=m.id,
                )
                for m in manual
            ]
        )

    def clear_personal_data(self) -> None:
        self._generation += 1
        self.cover_model.clear()
        self.manual_model.clear()

    def add_override(self) -> None:
        dialog = OverrideDialog(self.ctx, self.person_id, self)
        dialog.accepted.connect(self._changed)
        dialog.open()

    def _changed(self) -> None:
        self.ctx.data_changed.emit("cases")
        self.refresh()

    def revoke(self) -> None:
        index = self.manual.currentIndex()
        row = self.manual_model.row(index.row()) if index.isValid() else None
        if row is None:
            prompter.inform(self, self.tr("Revoke override"), self.tr("Select a decision first."))
            return
        if not prompter.confirm(
            self,
            self.tr("Revoke override"),
            self.tr("Revoke this decision? The rules' own answer applies again."),
        ):
            return
        service, actor, ent_id = self.ctx.services.entitlements, self.ctx.actor, int(str(row.key))
        self.ctx.run_in_background(
            lambda: service.revoke(actor, ent_id),
            lambda _v: self._changed(),
            lambda exc: prompter.warn(self, self.tr("Revoke override"), error_message(exc)),
            owner=self,
        )


class OverrideDialog(QDialog):
    """A manual entitlement decision with its required reason."""

    def __init__(self, ctx: UiContext, person_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.ctx = ctx
        self.person_id = person_id
        self.setWindowTitle(self.tr("Manual entitlement decision"))
        self.setAccessibleName(self.tr("Manual entitlement form"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.service = QComboBox()
        self.service.setAccessibleName(self.tr("Health service"))
        for s in HealthService:
            self.service.addItem(label(HEALTH_SERVICES, s), s)
        self.payer = QComboBox()
        self.payer.setAccessibleName(self.tr("Paid by"))
        for p in Payer:
            if p is not Payer.UNKNOWN:  # a manual decision names who pays, or "not covered"
                self.payer.addItem(label(PAYERS, p), p)
        self.valid_from = QLineEdit()
        self.valid_from.setAccessibleName(self.tr("Valid from"))
        self.valid_from.setPlaceholderText(self.tr("YYYY-MM-DD (empty: today)"))
        self.valid_to = QLineEdit()
        self.valid_to.setAccessibleName(self.tr("Valid until"))
        self.valid_to.setPlaceholderText(self.tr("YYYY-MM-DD (empty: until revoked)"))
        self.reason = QLineEdit()
        self.reason.setAccessibleName(self.tr("Reason"))
        self.errors: dict[str, QLabel] = {}
        for key, text, field in (
            ("service", self.tr("&Service:"), self.service),
            ("payer", self.tr("&Paid by:"), self.payer),
            ("valid_from", self.tr("Valid &from:"), self.valid_from),
            ("valid_to", self.tr("Valid &until:"), self.valid_to),
            ("reason", self.tr("&Reason:"), self.reason),
        ):
            lab = QLabel(text)
            lab.setBuddy(field)
            form.addRow(lab, field)
            err = error_label(self.tr("%1 error").replace("%1", field.accessibleName()))
            form.addRow("", err)
            self.errors[key] = err
        layout.addLayout(form)
        self.general_error = error_label(self.tr("Form error"))
        layout.addWidget(self.general_error)
        buttons = QDialogButtonBox()
        self.save_button = QPushButton(self.tr("&Save"))
        self.save_button.setAccessibleName(self.tr("Save decision"))
        cancel = QPushButton(self.tr("Cancel"))
        cancel.setAccessibleName(self.tr("Cancel"))
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(cancel, QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.clicked.connect(self.save)
        cancel.clicked.connect(self.reject)
        layout.addWidget(buttons)
        for edit in (self.valid_from, self.valid_to, self.reason):
            edit.textChanged.connect(lambda _t: self.validate())

    def validate(self) -> bool:
        errors: dict[str, str] = {}
        for key, edit in (("valid_from", self.valid_from), ("valid_to", self.valid_to)):
            try:
                parse_date(edit.text())
            except ValueError:
                errors[key] = self.tr("Enter the date as YYYY-MM-DD.")
        if not self.reason.text().strip():
            errors["reason"] = self.tr("Give a reason.")
        for key, lab in self.errors.items():
            show_error(lab, errors.get(key, ""))
        return not errors

    def save(self) -> None:
        if not self.validate():
            return
        data = ManualEntitlementInput(
            service=HealthService(self.service.currentData()),
            payer=Payer(self.payer.currentData()),
            reason=self.reason.text(),
            valid_from=parse_date(self.valid_from.text()),
            valid_to=parse_date(self.valid_to.text()),
        )
        service, actor, pid = self.ctx.services.entitlements, self.ctx.actor, self.person_id
        self.save_button.setEnabled(False)
        self.ctx.run_in_background(
            lambda: service.add_manual(actor, pid, data),
            lambda _v: self.accept(),
            self._failed,
            owner=self,
        )

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        if isinstance(exc, Invalid) and exc.field in self.errors:
            show_error(self.errors[exc.field], invalid_message(exc))
        else:
            show_error(self.general_error, error_message(exc))

    def has_unsaved_changes(self) -> bool:
        return bool(self.reason.text().strip())

    def discard(self) -> None:
        super().reject()
