"""Registering and editing a person: validation as you type, duplicates, conflicts."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QLineEdit, QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from clinic_app.models import Person
from clinic_app.security.context import Actor
from clinic_app.services.container import Services
from clinic_app.services.persons import PersonFilter
from clinic_app.ui.person.edit import DuplicateDialog, PersonDialog
from clinic_app.vocabulary import BirthCertainty
from tests.ui.conftest import MakeWindow, Prompts, register
from tests.ui.helpers import find


def _open_form(window: object) -> PersonDialog:
    window.new_person()  # type: ignore[attr-defined]
    dialogs = [
        w for w in QApplication.topLevelWidgets() if isinstance(w, PersonDialog) and w.isVisible()
    ]
    assert len(dialogs) == 1
    return dialogs[0]


def _fill(qtbot: QtBot, form: PersonDialog, name: str, year: str, country: str) -> None:
    qtbot.keyClicks(find(form, "Name", QLineEdit), name)
    certainty = find(form, "Birth date certainty", QComboBox)
    certainty.setCurrentIndex(certainty.findData(BirthCertainty.ESTIMATED_YEAR))
    qtbot.keyClicks(find(form, "Estimated birth year", QLineEdit), year)
    nationality = find(form, "Nationality", QComboBox)
    nationality.setCurrentIndex(nationality.findData(country))


def test_register_offers_similar_records_before_creating(
    qtbot: QtBot, services: Services, admin: Actor, make_window: MakeWindow
) -> None:
    existing = register(services, admin, "Oksana Kovalenko", birth_year=1996, nationality="UA")
    window = make_window(admin)
    form = _open_form(window)
    _fill(qtbot, form, "Oksana Kowalenko", "1996", "UA")  # transliterated spelling
    qtbot.mouseClick(find(form, "Save person", QPushButton), Qt.MouseButton.LeftButton)

    def duplicates() -> DuplicateDialog | None:
        found = [w for w in QApplication.topLevelWidgets() if isinstance(w, DuplicateDialog)]
        return found[0] if found and found[0].isVisible() else None

    qtbot.waitUntil(lambda: duplicates() is not None)
    dialog = duplicates()
    assert dialog is not None
    listed = find(dialog, "Similar records")
    assert existing.case_ref in listed.item(0).text()  # type: ignore[attr-defined]
    assert services.persons.search(admin, "", PersonFilter()).total == 1

    qtbot.mouseClick(
        find(dialog, "Create a new record anyway", QPushButton), Qt.MouseButton.LeftButton
    )
    qtbot.waitUntil(lambda: services.persons.search(admin, "").total == 2)
    created = [p for p in services.persons.search(admin, "Kowalenko").items]
    assert len(created) == 1
    qtbot.waitUntil(lambda: created[0].id in window.person_windows)


def test_open_the_existing_record_instead(
    qtbot: QtBot, services: Services, admin: Actor, make_window: MakeWindow
) -> None:
    existing = register(services, admin, "Oksana Kovalenko", birth_year=1996, nationality="UA")
    window = make_window(admin)
    form = _open_form(window)
    _fill(qtbot, form, "Oksana Kovalenko", "1997", "UA")
    qtbot.mouseClick(find(form, "Save person", QPushButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: any(
            isinstance(w, DuplicateDialog) and w.isVisible() for w in QApplication.topLevelWidgets()
        )
    )
    dialog = next(
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, DuplicateDialog) and w.isVisible()
    )
    qtbot.mouseClick(
        find(dialog, "Open the selected record", QPushButton), Qt.MouseButton.LeftButton
    )
    assert existing.id in window.person_windows
    assert not form.isVisible()
    assert services.persons.search(admin, "").total == 1


def test_errors_show_beside_the_field_and_typed_data_stays(
    qtbot: QtBot, services: Services, admin: Actor, make_window: MakeWindow, prompts: Prompts
) -> None:
    window = make_window(admin)
    form = _open_form(window)
    qtbot.keyClicks(find(form, "Name", QLineEdit), "Ana <b>Popescu</b>")
    certainty = find(form, "Birth date certainty", QComboBox)
    certainty.setCurrentIndex(certainty.findData(BirthCertainty.EXACT))
    qtbot.keyClicks(find(form, "Birth date", QLineEdit), "2031-02-30")
    error = find(form, "Birth date error", QLabel)
    assert error.isVisible() and "YYYY-MM-DD" in error.text()
    qtbot.mouseClick(find(form, "Save person", QPushButton), Qt.MouseButton.LeftButton)
    assert form.isVisible()
    assert find(form, "Name", QLineEdit).text() == "Ana <b>Popescu</b>"
    birth = find(form, "Birth date", QLineEdit)
    birth.clear()
    qtbot.keyClicks(birth, "2031-01-01")
    assert "future" in error.text()
    birth.clear()
    qtbot.keyClicks(birth, "2001-01-01")
    assert not error.isVisible()
    qtbot.mouseClick(find(form, "Save person", QPushButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: services.persons.search(admin, "").total == 1)
    person = services.persons.search(admin, "").items[0]
    qtbot.waitUntil(lambda: person.id in window.person_windows)
    record = window.person_windows[person.id]
    name = find(record, "Person name", QLabel)
    assert name.text() == "Ana <b>Popescu</b>"  # shown literally, never as markup
    assert name.textFormat() == Qt.TextFormat.PlainText


def test_conflict_offers_to_reload_and_keeps_input_when_declined(
    qtbot: QtBot, services: Services, admin: Actor, make_window: MakeWindow, prompts: Prompts
) -> None:
    person = register(services, admin, "Ana Popescu")
    window = make_window(admin)
    window.open_person(person.id)
    record = window.person_windows[person.id]
    record.edit()
    form = next(
        w for w in QApplication.topLevelWidgets() if isinstance(w, PersonDialog) and w.isVisible()
    )
    # Someone else saves first.
    services.persons.add_alias(
        admin,
        person.id,
        __import__("clinic_app.services.persons", fromlist=["NameInput"]).NameInput(
            "Anna P", is_alias=True
        ),
    )
    notes = find(form, "Notes")
    qtbot.keyClicks(notes, "Met at the clinic")
    prompts.answers.append(False)  # keep my input
    qtbot.mouseClick(find(form, "Save person", QPushButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(prompts.calls))
    assert prompts.calls[-1][1] == "Changed by someone else"
    assert form.isVisible()
    assert notes.toPlainText() == "Met at the clinic"  # type: ignore[attr-defined]
    assert "changed this record" in find(form, "Form error", QLabel).text()


def test_aliases_and_archiving_from_the_record(
    qtbot: QtBot, services: Services, admin: Actor, make_window: MakeWindow, prompts: Prompts
) -> None:
    person = register(services, admin, "Ana Popescu")
    window = make_window(admin)
    window.open_person(person.id)
    record = window.person_windows[person.id]
    names = find(record, "Names and aliases")
    prompts.texts.append("Anca P.")
    qtbot.mouseClick(find(record, "Add alias", QPushButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: names.count() == 2)  # type: ignore[attr-defined]
    assert [n.name for n in services.persons.get(admin, person.id).names] == [
        "Ana Popescu",
        "Anca P.",
    ]
    names.setCurrentRow(1)  # type: ignore[attr-defined]
    qtbot.mouseClick(find(record, "Remove name", QPushButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: names.count() == 1)  # type: ignore[attr-defined]

    prompts.texts.append("   ")  # a blank reason is refused, nothing archived
    qtbot.mouseClick(find(record, "Archive person", QPushButton), Qt.MouseButton.LeftButton)
    assert prompts.calls[-1][0] == "warn"
    assert not services.persons.get(admin, person.id).archived
    prompts.texts.append("Moved to another country")
    qtbot.mouseClick(find(record, "Archive person", QPushButton), Qt.MouseButton.LeftButton)
    notice = find(record, "Archived notice", QLabel)
    qtbot.waitUntil(lambda: notice.isVisible())
    assert notice.text() == "Archived: Moved to another country"
    assert services.persons.get(admin, person.id).archived


def test_staff_see_and_find_what_they_register(
    qtbot: QtBot,
    services: Services,
    staff: Actor,
    site_ids: dict[str, int],
    make_window: MakeWindow,
    prompts: Prompts,
) -> None:
    window = make_window(staff)
    form = _open_form(window)
    site = find(form, "Site", QComboBox)
    assert site.currentData() == site_ids["shelter"]  # her own site, not "No site"
    assert not form.has_unsaved_changes()
    _fill(qtbot, form, "Ngozi Okafor", "1999", "NG")
    qtbot.mouseClick(find(form, "Save person", QPushButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: services.persons.search(staff, "Ngozi").total == 1, timeout=10_000)
    (saved,) = services.persons.search(staff, "Ngozi").items
    qtbot.waitUntil(lambda: saved.id in window.person_windows)
    assert prompts.calls == []

    # Moving a new record elsewhere is asked about: she would lose sight of it.
    form = _open_form(window)
    _fill(qtbot, form, "Amina Bello", "2000", "NG")
    site = find(form, "Site", QComboBox)
    site.setCurrentIndex(site.findData(None))
    prompts.answers = [False]
    qtbot.mouseClick(find(form, "Save person", QPushButton), Qt.MouseButton.LeftButton)
    assert [kind for kind, _t, _x in prompts.calls] == ["confirm"]
    assert "not be able to see" in prompts.calls[0][2]
    assert form.isVisible() and find(form, "Name", QLineEdit).text() == "Amina Bello"
    with services.db.read() as s:
        assert s.scalar(select(func.count()).select_from(Person)) == 1
    form.discard()
