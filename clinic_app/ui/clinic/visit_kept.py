"""The visit form's typed input, held in memory while the screen is locked (never on screen,
never saved): the lock empties the widgets, unlocking puts everything back."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QComboBox, QLineEdit

from clinic_app.services.clinic_common import VisitView
from clinic_app.vocabulary import VisitService

if TYPE_CHECKING:
    from clinic_app.ui.clinic.visit_form import Pick, VisitForm


@dataclass(frozen=True)
class KeptVisit:
    """A snapshot of the visit form's input (held in memory while the screen is locked)."""

    editing: VisitView | None
    pick: Pick | None
    new_visitor: bool
    texts: tuple[str, ...]
    notes: str
    services: tuple[VisitService, ...]
    combos: tuple[int, ...]

    @staticmethod
    def _edits(form: VisitForm) -> tuple[QLineEdit, ...]:
        return (
            form.who,
            form.nickname,
            form.age,
            form.nationality,
            form.language,
            form.reason,
            form.interpreter_language,
            form.follow_up,
            form.referral_reason,
        )

    @staticmethod
    def _combos(form: VisitForm) -> tuple[QComboBox, ...]:
        return (form.interpreter_mode, form.urgency, form.specialty)

    @classmethod
    def of(cls, form: VisitForm) -> KeptVisit:
        return cls(
            form.editing,
            form.pick,
            form.new_box.isVisibleTo(form),
            tuple(e.text() for e in cls._edits(form)),
            form.notes.toPlainText(),
            form.selected_services(),
            tuple(c.currentIndex() for c in cls._combos(form)),
        )

    def put_back(self, form: VisitForm) -> None:
        if self.editing is not None:
            form.edit_visit(self.editing)
        for edit, text in zip(self._edits(form), self.texts, strict=True):
            edit.setText(text)
        if self.new_visitor:
            form.show_new_visitor()
        elif self.pick is not None and self.editing is None:
            form._set_pick(self.pick)
        for service, box in form.service_boxes.items():
            box.setChecked(service in self.services)
        for combo, index in zip(self._combos(form), self.combos, strict=True):
            combo.setCurrentIndex(index)
        form.notes.setPlainText(self.notes)
