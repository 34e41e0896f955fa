"""Register or edit a person: validation as you type, errors beside fields, duplicate check.

Typed input is never lost: a refused save leaves every field as it was and says why beside
the field; a record changed by someone else is reloaded only when the user says so.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
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
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from clinic_app.errors import ClinicError, Conflict, Invalid
from clinic_app.security.permissions import Action, Scope, scope_for
from clinic_app.services.persons import (
    DuplicateCandidate,
    NameInput,
    PersonDetail,
    PersonInput,
)
from clinic_app.services.text import detect_script
from clinic_app.ui.common import (
    enum_data,
    error_label,
    error_message,
    invalid_message,
    plain_label,
    prompter,
    show_error,
)
from clinic_app.ui.context import UiContext, safe_traceback
from clinic_app.ui.countries import countries
from clinic_app.ui.labels import BIRTH_CERTAINTY, EXPLOITATION, SAFETY_FLAGS, SEXES, label
from clinic_app.ui.person.names import script_combo, set_script
from clinic_app.vocabulary import BirthCertainty, ExploitationForm, SafetyFlag, Sex

log = logging.getLogger(__name__)

_LANG = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")

# Service field names → the form field that shows the error.
_FIELD_FOR = {
    "names": "name",
    "alias": "aliases",
    "script": "script",
    "site": "site",
    "languages": "languages",
}


def parse_date(text: str) -> dt.date | None:
    """An ISO date (YYYY-MM-DD); None for empty text; ValueError when malformed."""
    text = text.strip()
    if not text:
        return None
    return dt.date.fromisoformat(text)


@dataclass(frozen=True)
class FormState:
    """A snapshot of the form, to tell whether the user typed anything."""

    values: tuple[object, ...]


class PersonDialog(QDialog):
    """Create (``detail`` None) or edit a person. Emits ``saved(PersonDetail)``."""

    saved = Signal(object)

    def __init__(
        self, ctx: UiContext, detail: PersonDetail | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.ctx = ctx
        self.detail = detail
        self._busy = False
        self._confirmed_new = False
        self.setWindowModality(Qt.WindowModality.WindowModal)
        if detail is None:
            self.setWindowTitle(self.tr("Register a person"))
        else:
            self.setWindowTitle(self.tr("Edit person %1").replace("%1", detail.case_ref))
        self.setAccessibleName(self.tr("Person form"))
        self.resize(640, 720)

        outer = QVBoxLayout(self)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setAccessibleName(self.tr("Person form fields"))
        body = QWidget()
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)
        self.form = QFormLayout(body)
        self.errors: dict[str, QLabel] = {}
        self.rows: dict[str, tuple[QLabel, QWidget]] = {}

        self.name = QLineEdit()
        self._row("name", self.tr("Na&me:"), self.name, self.tr("Name"))
        self.name.setMaxLength(200)
        self.script = script_combo()
        self._row("script", self.tr("S&cript of the name:"), self.script, "")
        self.aliases = QPlainTextEdit()
        self.aliases.setTabChangesFocus(True)
        self.aliases.setFixedHeight(64)
        self.aliases.setPlaceholderText(self.tr("One name per line"))
        self._row("aliases", self.tr("Other names, &aliases:"), self.aliases, self.tr("Aliases"))
        self.official = QLineEdit()
        self.official.setMaxLength(200)
        self.official.setPlaceholderText(self.tr("As in the passport or papers, in Latin letters"))
        self._row(
            "official",
            self.tr("&Official Latin spelling:"),
            self.official,
            self.tr("Official Latin spelling"),
        )

        self.sex = QComboBox()
        for sex in Sex:
            self.sex.addItem(label(SEXES, sex), sex)
        self.sex.setCurrentIndex(self.sex.findData(Sex.UNKNOWN))
        self._row("sex", self.tr("Se&x:"), self.sex, self.tr("Sex"))

        self.certainty = QComboBox()
        for cert in BirthCertainty:
            self.certainty.addItem(label(BIRTH_CERTAINTY, cert), cert)
        self.certainty.setCurrentIndex(self.certainty.findData(BirthCertainty.UNKNOWN))
        self._row(
            "birth_certainty",
            self.tr("&Birth known as:"),
            self.certainty,
            self.tr("Birth date certainty"),
        )
        self.birth_date = QLineEdit()
        self.birth_date.setPlaceholderText(self.tr("YYYY-MM-DD"))
        self._row("birth_date", self.tr("Birth &date:"), self.birth_date, self.tr("Birth date"))
        self.birth_year = QLineEdit()
        self.birth_year.setPlaceholderText(self.tr("e.g. 2001"))
        self._row(
            "birth_year",
            self.tr("Estimated birth &year:"),
            self.birth_year,
            self.tr("Estimated birth year"),
        )
        self.assessment_date = QLineEdit()
        self.assessment_date.setPlaceholderText(self.tr("YYYY-MM-DD"))
        self._row(
            "assessment_date",
            self.tr("Age assessed &on:"),
            self.assessment_date,
            self.tr("Age assessment date"),
        )
        self.assessed_age = QLineEdit()
        self._row(
            "assessed_age", self.tr("Assessed a&ge:"), self.assessed_age, self.tr("Assessed age")
        )

        self.nationality = QComboBox()
        self.nationality.addItem(self.tr("Unknown"), None)
        for code, name in countries(ctx.settings.language):
            self.nationality.addItem(f"{name} ({code})", code)
        self._row("nationality", self.tr("Na&tionality:"), self.nationality, self.tr("Nationality"))
        self.languages = QLineEdit()
        self.languages.setPlaceholderText(self.tr("Language codes, e.g. ro, en"))
        self._row("languages", self.tr("&Languages:"), self.languages, self.tr("Languages"))
        self.interpreter = QCheckBox(self.tr("&Interpreter needed"))
        self.interpreter.setAccessibleName(self.tr("Interpreter needed"))
        self.interpreter_language = QLineEdit()
        self.interpreter_language.setPlaceholderText(self.tr("Language code"))
        self.interpreter_language.setAccessibleName(self.tr("Interpreter language"))
        interp = QWidget()
        ih = QHBoxLayout(interp)
        ih.setContentsMargins(0, 0, 0, 0)
        ih.addWidget(self.interpreter)
        ih.addWidget(self.interpreter_language, 1)
        self._row("interpreter_language", self.tr("Interpreter:"), interp, "")

        self.exploitation: dict[ExploitationForm, QCheckBox] = {}
        self._checks(
            self.tr("Forms of exploitation"), EXPLOITATION, ExploitationForm, self.exploitation
        )
        self.flags: dict[SafetyFlag, QCheckBox] = {}
        self._checks(self.tr("Safety flags"), SAFETY_FLAGS, SafetyFlag, self.flags)

        self.own_insurance = QCheckBox(self.tr("Has own &health insurance"))
        self.own_insurance.setAccessibleName(self.tr("Own health insurance"))
        self.registered = QCheckBox(self.tr("&Registered in Denmark (yellow health card)"))
        self.registered.setAccessibleName(self.tr("Registered in Denmark"))
        self.form.addRow("", self.own_insurance)
        # Whose insurance pays extended care: printed on the referral letter.
        self.insurer_country = QComboBox()
        self.insurer_country.addItem(self.tr("Unknown"), None)
        for code, name in countries(ctx.settings.language):
            self.insurer_country.addItem(f"{name} ({code})", code)
        self._row(
            "insurer_country",
            self.tr("Ins&urer's country:"),
            self.insurer_country,
            self.tr("Insurer's country"),
        )
        self.insurer_country.setEnabled(False)
        self.own_insurance.toggled.connect(self.insurer_country.setEnabled)
        self.form.addRow("", self.registered)

        self.site = QComboBox()
        self.site.addItem(self.tr("No site"), None)
        for site in ctx.services.reference.sites():
            self.site.addItem(site.name, site.id)
        self._row("site", self.tr("Sit&e:"), self.site, self.tr("Site"))
        if detail is None and ctx.actor.site_id is not None:
            # A new record starts at the user's own site, where she can see and find it.
            self.site.setCurrentIndex(max(0, self.site.findData(ctx.actor.site_id)))
        if detail is not None and not detail.location_visible:
            self.rows["site"][0].setVisible(False)
            self.site.setVisible(False)

        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(90)
        self._row("notes", self.tr("&Notes:"), self.notes, self.tr("Notes"))

        self.general_error = error_label(self.tr("Form error"))
        outer.addWidget(self.general_error)
        buttons = QDialogButtonBox()
        self.save_button = QPushButton(self.tr("&Save"))
        self.save_button.setAccessibleName(self.tr("Save person"))
        self.save_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setAccessibleName(self.tr("Cancel"))
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)
        outer.addWidget(buttons)

        if detail is not None:
            self.load(detail)
        self._initial = self.snapshot()
        self.certainty.currentIndexChanged.connect(lambda _i: self._certainty_changed())
        for edit in (
            self.name,
            self.official,
            self.birth_date,
            self.birth_year,
            self.assessment_date,
            self.assessed_age,
            self.languages,
            self.interpreter_language,
        ):
            edit.textChanged.connect(lambda _t: self.validate())
        self.aliases.textChanged.connect(self.validate)
        self._certainty_changed()
        self.name.setFocus()

    # -- building --------------------------------------------------------------------------
    def _row(self, key: str, text: str, field: QWidget, name: str) -> None:
        lab = QLabel(text)
        lab.setBuddy(field)
        if name:
            field.setAccessibleName(name)
        err = error_label(self.tr("%1 error").replace("%1", name or key))
        box = QWidget()
        v = QVBoxLayout(box)
        v.setContentsMargins(0, 0, 0, 0)
        v.setSpacing(2)
        v.addWidget(field)
        v.addWidget(err)
        self.form.addRow(lab, box)
        self.errors[key] = err
        self.rows[key] = (lab, box)

    def _checks(
        self,
        title: str,
        table: dict[str, str],
        enum: type[ExploitationForm] | type[SafetyFlag],
        into: dict,  # type: ignore[type-arg]
    ) -> None:
        group = QGroupBox(title)
        group.setAccessibleName(title)
        grid = QGridLayout(group)
        for i, member in enumerate(enum):
            box = QCheckBox(label(table, member))
            box.setAccessibleName(label(table, member))
            grid.addWidget(box, i // 2, i % 2)
            into[member] = box
        self.form.addRow(group)

    def _certainty_changed(self) -> None:
        cert = enum_data(self.certainty, BirthCertainty)
        shown = {
            "birth_date": cert is BirthCertainty.EXACT,
            "birth_year": cert is BirthCertainty.ESTIMATED_YEAR,
            "assessment_date": cert is BirthCertainty.AGE_ASSESSED,
            "assessed_age": cert is BirthCertainty.AGE_ASSESSED,
        }
        for key, visible in shown.items():
            lab, box = self.rows[key]
            lab.setVisible(visible)
            box.setVisible(visible)
        self.validate()

    # -- data in and out -------------------------------------------------------------------
    def load(self, d: PersonDetail) -> None:
        """Fill the form from ``d`` (replaces what is typed)."""
        primary = next((n for n in d.names if not n.is_alias), d.names[0] if d.names else None)
        self.name.setText(primary.name if primary else "")
        set_script(self.script, primary.name if primary else "", primary.script if primary else "")
        official = next((n for n in d.names if n.official_latin), None)
        self.official.setText(official.name if official else "")
        self.aliases.setPlainText(
            "\n".join(n.name for n in d.names if n is not primary and n is not official)
        )
        self.sex.setCurrentIndex(max(0, self.sex.findData(d.sex)))
        self.certainty.setCurrentIndex(max(0, self.certainty.findData(d.birth_certainty)))
        self.birth_date.setText(d.birth_date.isoformat() if d.birth_date else "")
        self.birth_year.setText(str(d.birth_year) if d.birth_year else "")
        self.assessment_date.setText(d.assessment_date.isoformat() if d.assessment_date else "")
        self.assessed_age.setText("" if d.assessed_age is None else str(d.assessed_age))
        self.nationality.setCurrentIndex(max(0, self.nationality.findData(d.nationality)))
        self.languages.setText(", ".join(d.languages))
        self.interpreter.setChecked(d.interpreter_needed)
        self.interpreter_language.setText(d.interpreter_language)
        for form, box in self.exploitation.items():
            box.setChecked(form in d.exploitation)
        for flag, box in self.flags.items():
            box.setChecked(flag in d.safety_flags)
        self.own_insurance.setChecked(d.own_insurance)
        self.insurer_country.setCurrentIndex(
            max(0, self.insurer_country.findData(d.insurer_country))
        )
        self.registered.setChecked(d.registered_in_denmark)
        self.site.setCurrentIndex(max(0, self.site.findData(d.site_id)))
        self.notes.setPlainText(d.notes)
        self.detail = d

    def snapshot(self) -> FormState:
        return FormState(
            (
                self.name.text(),
                self.script.currentIndex(),
                self.aliases.toPlainText(),
                self.official.text(),
                self.sex.currentIndex(),
                self.certainty.currentIndex(),
                self.birth_date.text(),
                self.birth_year.text(),
                self.assessment_date.text(),
                self.assessed_age.text(),
                self.nationality.currentIndex(),
                self.languages.text(),
                self.interpreter.isChecked(),
                self.interpreter_language.text(),
                tuple(b.isChecked() for b in self.exploitation.values()),
                tuple(b.isChecked() for b in self.flags.values()),
                self.own_insurance.isChecked(),
                self.insurer_country.currentIndex(),
                self.registered.isChecked(),
                self.site.currentIndex(),
                self.notes.toPlainText(),
            )
        )

    def has_unsaved_changes(self) -> bool:
        return self.snapshot() != self._initial

    def alias_names(self) -> list[str]:
        return [line.strip() for line in self.aliases.toPlainText().splitlines() if line.strip()]

    def _names(self) -> tuple[NameInput, ...]:
        old = {n.name: n for n in self.detail.names} if self.detail else {}
        official = self.official.text().strip()
        texts = [self.name.text().strip(), *self.alias_names()]
        if official and official not in texts:
            texts.append(official)
        out: list[NameInput] = []
        for i, text in enumerate(texts):
            prev = old.get(text)
            script = prev.script if prev else ""
            if i == 0:
                script = self.script.currentData() or ""  # "" = detect from the letters
            out.append(
                NameInput(
                    text,
                    is_alias=i > 0,
                    preferred=prev.preferred if prev else False,
                    script=script,
                    language=prev.language if prev else "",
                    official_latin=bool(official) and text == official,
                )
            )
        return tuple(out)

    def _int(self, edit: QLineEdit) -> int | None:
        text = edit.text().strip()
        return int(text) if text else None

    def input(self) -> PersonInput:
        """The form as service input; raises ``Invalid`` for what the form itself can tell."""
        errors = self.local_errors()
        if errors:
            field, (code, _msg) = next(iter(errors.items()))
            raise Invalid(field, code)
        site_id = self.site.currentData()
        if self.detail is not None and not self.detail.location_visible:
            site_id = self.detail.site_id
        return PersonInput(
            names=self._names(),
            sex=enum_data(self.sex, Sex) or Sex.UNKNOWN,
            birth_certainty=enum_data(self.certainty, BirthCertainty) or BirthCertainty.UNKNOWN,
            birth_date=parse_date(self.birth_date.text()),
            birth_year=self._int(self.birth_year),
            assessment_date=parse_date(self.assessment_date.text()),
            assessed_age=self._int(self.assessed_age),
            nationality=self.nationality.currentData(),
            languages=tuple(p.strip() for p in self.languages.text().split(",") if p.strip()),
            interpreter_needed=self.interpreter.isChecked(),
            interpreter_language=self.interpreter_language.text().strip(),
            exploitation=tuple(f for f, b in self.exploitation.items() if b.isChecked()),
            safety_flags=tuple(f for f, b in self.flags.items() if b.isChecked()),
            own_insurance=self.own_insurance.isChecked(),
            registered_in_denmark=self.registered.isChecked(),
            insurer_country=(
                self.insurer_country.currentData() if self.own_insurance.isChecked() else None
            ),
            site_id=site_id,
            notes=self.notes.toPlainText(),
        )

    # -- validation ------------------------------------------------------------------------
    def local_errors(self) -> dict[str, tuple[str, str]]:
        """Checks the form can make without the database: field → (code, message)."""
        errors: dict[str, tuple[str, str]] = {}
        today = self.ctx.services.clock()
        if not self.name.text().strip():
            errors["name"] = ("required", self.tr("Enter the person's name."))
        names = [self.name.text().strip(), *self.alias_names()]
        if len(set(names)) != len(names):
            errors["aliases"] = ("duplicate", self.tr("The same name is entered twice."))
        official = self.official.text().strip()
        if official and detect_script(official) not in ("Latn", ""):
            errors["official"] = (
                "official_not_latin",
                self.tr("The official spelling must be in Latin letters."),
            )
        cert = enum_data(self.certainty, BirthCertainty)

        def check_date(key: str, edit: QLineEdit, required_msg: str) -> None:
            try:
                day = parse_date(edit.text())
            except ValueError:
                errors[key] = ("bad_date", self.tr("Enter the date as YYYY-MM-DD."))
                return
            if day is None:
                errors[key] = ("required", required_msg)
            elif day > today:
                errors[key] = ("in_future", self.tr("The date is in the future."))
            elif day.year < 1900:
                errors[key] = ("too_early", self.tr("The date is before 1900."))

        def check_int(key: str, edit: QLineEdit, low: int, high: int, msg: str) -> None:
            text = edit.text().strip()
            if not text:
                errors[key] = ("required", msg)
            elif not text.isdigit():
                errors[key] = ("not_a_number", self.tr("Enter a whole number."))
            elif not low <= int(text) <= high:
                errors[key] = ("out_of_range", self.tr("The value is not plausible."))

        if cert is BirthCertainty.EXACT:
            check_date("birth_date", self.birth_date, self.tr("Enter the birth date."))
        elif cert is BirthCertainty.ESTIMATED_YEAR:
            check_int(
                "birth_year",
                self.birth_year,
                1901,
                today.year,
                self.tr("Enter the estimated birth year."),
            )
        elif cert is BirthCertainty.AGE_ASSESSED:
            check_date(
                "assessment_date",
                self.assessment_date,
                self.tr("Enter the date of the age assessment."),
            )
            check_int("assessed_age", self.assessed_age, 0, 119, self.tr("Enter the assessed age."))
        langs = [p.strip() for p in self.languages.text().split(",") if p.strip()]
        if any(not _LANG.match(p) for p in langs):
            errors["languages"] = (
                "bad_language",
                self.tr("Use language codes such as en, ro or ar, separated by commas."),
            )
        interp = self.interpreter_language.text().strip()
        if interp and not _LANG.match(interp):
            errors["interpreter_language"] = (
                "bad_language",
                self.tr("Use a language code such as en, ro or ar."),
            )
        return errors

    def validate(self) -> bool:
        """Show the form's own errors beside the fields; True when there are none."""
        errors = self.local_errors()
        for key, lab in self.errors.items():
            show_error(lab, errors[key][1] if key in errors else "")
        show_error(self.general_error, "")
        return not errors

    def _show_service_error(self, exc: BaseException) -> None:
        if isinstance(exc, Invalid):
            key = _FIELD_FOR.get(exc.field, exc.field)
            if key in self.errors:
                show_error(self.errors[key], invalid_message(exc))
                self.rows[key][1].setFocus()
                return
        show_error(self.general_error, error_message(exc))

    # -- saving ----------------------------------------------------------------------------
    def save(self) -> None:
        """Check, then (on create) look for duplicates, then save off the UI thread."""
        if self._busy:
            return
        if not self.validate():
            first = next(k for k in self.errors if self.errors[k].text())
            field = self.rows[first][1]
            field.setFocus()
            return
        data = self.input()
        if not self._keeps_it_visible(data.site_id):
            return
        if self.detail is None and not self._confirmed_new:
            self._check_duplicates(data)
        else:
            self._write(data)

    def _keeps_it_visible(self, site_id: int | None) -> bool:
        """A user who sees only her own site's records is asked before saving one elsewhere:
        she could neither see nor find it afterwards (nor would her duplicate check)."""
        actor = self.ctx.actor
        if scope_for(actor.role, Action.PERSON_VIEW) is not Scope.SAME_SITE:
            return True
        if site_id == actor.site_id or (self.detail is not None and site_id == self.detail.site_id):
            return True
        return prompter.confirm(
            self,
            self.windowTitle(),
            self.tr(
                "This record will not be at your site. You will then not be able to see or "
                "find it, and it is left out of your duplicate checks. Save it there anyway?"
            ),
        )

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.save_button.setEnabled(not busy)
        if busy:
            self.setCursor(Qt.CursorShape.WaitCursor)
        else:
            self.unsetCursor()

    def _check_duplicates(self, data: PersonInput) -> None:
        actor = self.ctx.actor
        persons = self.ctx.services.persons
        names = [n.name for n in data.names]

        def done(found: tuple[DuplicateCandidate, ...]) -> None:
            self._set_busy(False)
            if not found:
                self._write(data)
                return
            dialog = DuplicateDialog(found, self)
            dialog.finished.connect(lambda _r: self._after_duplicates(dialog, data))
            dialog.open()

        self._set_busy(True)
        self.ctx.run_in_background(
            lambda: persons.find_similar(actor, names, data.birth_year, data.nationality),
            done,
            self._failed,
            owner=self,
        )

    def _after_duplicates(self, dialog: DuplicateDialog, data: PersonInput) -> None:
        if dialog.choice == DuplicateDialog.CREATE:
            self._confirmed_new = True
            self._write(data)
        elif dialog.choice == DuplicateDialog.OPEN and dialog.selected is not None:
            # The typed form is discarded only because the user chose the existing record.
            self._initial = self.snapshot()
            self.ctx.open_person(dialog.selected)
            self.reject()

    def _write(self, data: PersonInput) -> None:
        actor = self.ctx.actor
        persons = self.ctx.services.persons
        detail = self.detail
        if detail is None:
            work = lambda: persons.register(actor, data)  # noqa: E731
        else:
            work = lambda: persons.update(actor, detail.id, data, detail.version)  # noqa: E731
        self._set_busy(True)
        self.ctx.run_in_background(work, self._saved, self._failed, self.tr("Saving…"), owner=self)

    def _saved(self, detail: PersonDetail) -> None:
        self._set_busy(False)
        created = self.detail is None
        self.detail = detail
        self._initial = self.snapshot()
        self.ctx.data_changed.emit("persons")
        self.ctx.notify(
            self.tr("Registered %1.").replace("%1", detail.case_ref)
            if created
            else self.tr("Saved %1.").replace("%1", detail.case_ref)
        )
        self.saved.emit(detail)
        self.accept()
        if created:
            self.ctx.open_person(detail.id)

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if not isinstance(exc, ClinicError):
            log.error("Saving a person failed:\n%s", safe_traceback(exc))
        if isinstance(exc, Conflict) and self.detail is not None:
            reload = prompter.confirm(
                self,
                self.tr("Changed by someone else"),
                self.tr(
                    "Someone else changed this person's record after you opened it. "
                    "Load their version? Your typed changes in this form will be replaced. "
                    "Choose No to keep your input and copy what you need first."
                ),
            )
            if reload:
                self._reload()
            else:
                show_error(self.general_error, error_message(exc))
            return
        self._show_service_error(exc)

    def _reload(self) -> None:
        assert self.detail is not None
        person_id = self.detail.id
        actor = self.ctx.actor
        persons = self.ctx.services.persons

        def done(detail: PersonDetail) -> None:
            self.load(detail)
            self._initial = self.snapshot()
            self.validate()

        self.ctx.run_in_background(
            lambda: persons.get(actor, person_id), done, self._failed, owner=self
        )

    def reject(self) -> None:
        if self.has_unsaved_changes() and not prompter.confirm(
            self,
            self.tr("Discard changes?"),
            self.tr("You have typed changes that are not saved. Discard them?"),
        ):
            return
        super().reject()

    def discard(self) -> None:
        """Close without asking (switch user, after the user was warned)."""
        self._initial = self.snapshot()
        super().reject()


class DuplicateDialog(QDialog):
    """Similar existing records, offered before a new one is made."""

    BACK, OPEN, CREATE = 0, 1, 2

    def __init__(self, candidates: tuple[DuplicateCandidate, ...], parent: QWidget) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.choice = self.BACK
        self.selected: int | None = None
        self.setWindowTitle(self.tr("Possible duplicates"))
        self.setAccessibleName(self.tr("Possible duplicates"))
        layout = QVBoxLayout(self)
        layout.addWidget(
            plain_label(
                self.tr(
                    "These records have a similar name and a matching birth year and "
                    "nationality. Is the person already registered?"
                ),
                self.tr("Duplicate explanation"),
                wrap=True,
            )
        )
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Similar records"))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        for c in candidates:
            parts = [c.case_ref, c.display_name]
            if c.matched_name != c.display_name:
                parts.append(self.tr("also known as %1").replace("%1", c.matched_name))
            if c.birth_year:
                parts.append(self.tr("born %1").replace("%1", str(c.birth_year)))
            if c.nationality:
                parts.append(c.nationality)
            item = QListWidgetItem(" · ".join(parts))
            item.setData(Qt.ItemDataRole.UserRole, c.id)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        self.list.itemActivated.connect(lambda _i: self._choose(self.OPEN))
        layout.addWidget(self.list)
        buttons = QDialogButtonBox()
        self.open_button = QPushButton(self.tr("&Open the selected record"))
        self.open_button.setAccessibleName(self.tr("Open the selected record"))
        self.create_button = QPushButton(self.tr("&Create a new record anyway"))
        self.create_button.setAccessibleName(self.tr("Create a new record anyway"))
        self.back_button = QPushButton(self.tr("&Back to the form"))
        self.back_button.setAccessibleName(self.tr("Back to the form"))
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.create_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.back_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.open_button.clicked.connect(lambda: self._choose(self.OPEN))
        self.create_button.clicked.connect(lambda: self._choose(self.CREATE))
        self.back_button.clicked.connect(lambda: self._choose(self.BACK))
        layout.addWidget(buttons)
        self.open_button.setDefault(True)

    def _choose(self, choice: int) -> None:
        self.choice = choice
        item = self.list.currentItem()
        self.selected = item.data(Qt.ItemDataRole.UserRole) if item else None
        if choice == self.BACK:
            self.reject()
        else:
            self.accept()
