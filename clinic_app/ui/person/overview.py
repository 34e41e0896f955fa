"""Overview tab: identity, birth data with its certainty, languages, exploitation, flags."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clinic_app.security.permissions import Action
from clinic_app.services.persons import DuplicateCandidate, NameInput, PersonDetail
from clinic_app.ui.areas import can_ever
from clinic_app.ui.common import error_message, fmt_date, plain_label, prompter
from clinic_app.ui.context import UiContext
from clinic_app.ui.countries import country_name
from clinic_app.ui.labels import BIRTH_CERTAINTY, EXPLOITATION, SAFETY_FLAGS, SEXES, label
from clinic_app.ui.person.names import official_text, preferred_name, script_labels
from clinic_app.vocabulary import BirthCertainty


class OverviewTab(QWidget):
    """Shows the record's details; the record window passes them in with ``set_detail``."""

    def __init__(self, ctx: UiContext, person_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.person_id = person_id
        self.detail: PersonDetail | None = None
        self.setAccessibleName(self.tr("Overview"))
        outer = QHBoxLayout(self)
        form = QFormLayout()
        self.values: dict[str, QLabel] = {}
        for key, text in (
            ("name", self.tr("Preferred name")),
            ("official", self.tr("Official Latin spelling")),
            ("case_ref", self.tr("Case reference")),
            ("sex", self.tr("Sex")),
            ("birth", self.tr("Birth")),
            ("age", self.tr("Age")),
            ("nationality", self.tr("Nationality")),
            ("languages", self.tr("Languages")),
            ("interpreter", self.tr("Interpreter")),
            ("exploitation", self.tr("Exploitation")),
            ("flags", self.tr("Safety flags")),
            ("insurance", self.tr("Health insurance")),
            ("site", self.tr("Site")),
            ("contact", self.tr("Contact person")),
            ("guardian", self.tr("Guardian")),
            ("notes", self.tr("Notes")),
        ):
            value = plain_label("", text, wrap=True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(plain_label(text + ":"), value)
            self.values[key] = value
        outer.addLayout(form, 2)

        side = QVBoxLayout()
        side.addWidget(plain_label(self.tr("Names and aliases")))
        self.names = QListWidget()
        self.names.setAccessibleName(self.tr("Names and aliases"))
        side.addWidget(self.names, 1)
        buttons = QHBoxLayout()
        self.add_alias_button = QPushButton(self.tr("Add a&lias…"))
        self.add_alias_button.setAccessibleName(self.tr("Add alias"))
        self.remove_alias_button = QPushButton(self.tr("Re&move name"))
        self.remove_alias_button.setAccessibleName(self.tr("Remove name"))
        editable = can_ever(ctx.actor, Action.PERSON_EDIT)
        for b in (self.add_alias_button, self.remove_alias_button):
            b.setVisible(editable)
            buttons.addWidget(b)
        self.add_alias_button.clicked.connect(self.add_alias)
        self.remove_alias_button.clicked.connect(self.remove_alias)
        side.addLayout(buttons)
        outer.addLayout(side, 1)

    def set_detail(self, d: PersonDetail) -> None:
        self.detail = d
        v = self.values
        lang = self.ctx.settings.language
        preferred = preferred_name(d)
        script = script_labels().get(preferred.script, preferred.script) if preferred else ""
        v["name"].setText(f"{d.display_name} ({script})" if script else d.display_name)
        v["official"].setText(official_text(d))
        v["case_ref"].setText(d.case_ref)
        v["sex"].setText(label(SEXES, d.sex))
        birth = label(BIRTH_CERTAINTY, d.birth_certainty)
        if d.birth_certainty is BirthCertainty.EXACT and d.birth_date:
            birth = f"{fmt_date(d.birth_date)} ({birth})"
        elif d.birth_certainty is BirthCertainty.ESTIMATED_YEAR and d.birth_year:
            birth = f"~{d.birth_year} ({birth})"
        elif d.birth_certainty is BirthCertainty.AGE_ASSESSED and d.assessment_date:
            birth = self.tr("assessed as %1 years old on %2 (born about %3)")
            birth = (
                birth.replace("%1", str(d.assessed_age))
                .replace("%2", fmt_date(d.assessment_date))
                .replace("%3", str(d.birth_year or "?"))
            )
        v["birth"].setText(birth)
        age = "" if d.age is None else ("~" if d.age_uncertain else "") + str(d.age)
        if d.is_minor:
            age += " " + self.tr("(minor)")
        v["age"].setText(age)
        v["nationality"].setText(country_name(d.nationality, lang))
        v["languages"].setText(", ".join(d.languages))
        v["interpreter"].setText(
            self.tr("Needed: %1").replace(
                "%1", d.interpreter_language or self.tr("language not set")
            )
            if d.interpreter_needed
            else self.tr("Not needed")
        )
        v["exploitation"].setText(", ".join(label(EXPLOITATION, f) for f in d.exploitation))
        v["flags"].setText(", ".join(label(SAFETY_FLAGS, f) for f in d.safety_flags))
        cover = []
        if d.own_insurance:
            cover.append(self.tr("own insurance"))
        if d.registered_in_denmark:
            cover.append(self.tr("registered in Denmark (yellow card)"))
        v["insurance"].setText(", ".join(cover) or self.tr("none recorded"))
        v["site"].setText(
            d.site_name or "" if d.location_visible else self.tr("(not shown to your role)")
        )
        v["contact"].setText(d.contact_person_name or self.tr("none"))
        v["guardian"].setText(d.guardian_name or ("—" if not d.is_minor else self.tr("MISSING")))
        v["notes"].setText(d.notes)
        self.names.clear()
        for n in d.names:
            text = n.name
            extras = []
            if not n.is_alias:
                extras.append(self.tr("name"))
            else:
                extras.append(self.tr("alias"))
            if n.preferred:
                extras.append(self.tr("preferred"))
            if n.official_latin:
                extras.append(self.tr("official Latin spelling"))
            if n.script:
                extras.append(n.script)
            item = QListWidgetItem(f"{text} ({', '.join(extras)})")
            item.setData(Qt.ItemDataRole.UserRole, n.id)
            self.names.addItem(item)
        self.add_alias_button.setEnabled(not d.archived)
        self.remove_alias_button.setEnabled(not d.archived and len(d.names) > 1)

    def clear_personal_data(self) -> None:
        for value in self.values.values():
            value.clear()
        self.names.clear()

    def _apply(self, detail: PersonDetail) -> None:
        window = self.window()
        setter = getattr(window, "set_detail", None)
        if callable(setter):
            setter(detail)  # updates the header and every tab, this one included
        else:
            self.set_detail(detail)
        self.ctx.data_changed.emit("persons")

    def add_alias(self) -> None:
        name = prompter.ask_text(self, self.tr("Add alias"), self.tr("Other name or alias:"))
        if name is None or not name.strip():
            return
        persons, actor, pid = self.ctx.services.persons, self.ctx.actor, self.person_id
        d = self.detail
        year, country = (d.birth_year, d.nationality) if d else (None, None)

        def checked(found: tuple[DuplicateCandidate, ...]) -> None:
            if found and not prompter.confirm(
                self,
                self.tr("Add alias"),
                self.tr(
                    "Other records have a similar name (in any script): %1. "
                    "Add the alias to this record anyway?"
                ).replace("%1", ", ".join(f"{c.case_ref} {c.display_name}" for c in found[:5])),
            ):
                return
            self.ctx.run_in_background(
                lambda: persons.add_alias(actor, pid, NameInput(name.strip(), is_alias=True)),
                self._apply,
                lambda exc: prompter.warn(self, self.tr("Add alias"), error_message(exc)),
                owner=self,
            )

        self.ctx.run_in_background(
            lambda: persons.find_similar(actor, [name], year, country, exclude_id=pid),
            checked,
            lambda exc: prompter.warn(self, self.tr("Add alias"), error_message(exc)),
            owner=self,
        )

    def remove_alias(self) -> None:
        item = self.names.currentItem()
        if item is None:
            prompter.inform(self, self.tr("Remove name"), self.tr("Select a name first."))
            return
        name_id = int(item.data(Qt.ItemDataRole.UserRole))
        if not prompter.confirm(
            self, self.tr("Remove name"), self.tr("Remove the selected name from this record?")
        ):
            return
        persons, actor, pid = self.ctx.services.persons, self.ctx.actor, self.person_id
        self.ctx.run_in_background(
            lambda: persons.remove_alias(actor, pid, name_id),
            self._apply,
            lambda exc: prompter.warn(self, self.tr("Remove name"), error_message(exc)),
            owner=self,
        )
