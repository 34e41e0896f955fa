"""The person form and record: a name's script and the official Latin spelling, and the
duplicate warning across scripts when an alias is added."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QLineEdit, QPushButton
from pytestqt.qtbot import QtBot

from clinic_app.security.context import Actor
from clinic_app.services.container import Services
from clinic_app.ui.person.edit import PersonDialog
from clinic_app.vocabulary import BirthCertainty
from tests.ui.conftest import MakeWindow, Prompts, register
from tests.ui.helpers import find


def _visible_form() -> PersonDialog:
    return next(
        w for w in QApplication.topLevelWidgets() if isinstance(w, PersonDialog) and w.isVisible()
    )


def test_register_with_script_and_official_spelling_and_see_it_on_the_record(
    qtbot: QtBot, services: Services, admin: Actor, make_window: MakeWindow
) -> None:
    window = make_window(admin)
    window.new_person()
    form = _visible_form()
    # QTest cannot type outside Latin-1; setText emits the same textChanged signal.
    find(form, "Name", QLineEdit).setText("Олена Кравчук")  # type: ignore[attr-defined]
    official = find(form, "Official Latin spelling", QLineEdit)
    official.setText("Олена")  # type: ignore[attr-defined]  # not Latin: refused as you type
    assert "Latin letters" in find(form, "Official Latin spelling error", QLabel).text()
    official.clear()  # type: ignore[attr-defined]
    qtbot.keyClicks(official, "Olena Kravchuk")
    script = find(form, "Script of the name", QComboBox)
    assert script.currentData() == ""  # detected unless chosen
    script.setCurrentIndex(script.findData("Cyrl"))
    certainty = find(form, "Birth date certainty", QComboBox)
    certainty.setCurrentIndex(certainty.findData(BirthCertainty.UNKNOWN))
    qtbot.mouseClick(find(form, "Save person", QPushButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: services.persons.search(admin, "").total == 1)
    pid = services.persons.search(admin, "").items[0].id
    detail = services.persons.get(admin, pid)
    names = {n.name: n for n in detail.names}
    assert names["Олена Кравчук"].script == "Cyrl" and not names["Олена Кравчук"].is_alias
    assert names["Olena Kravchuk"].official_latin and names["Olena Kravchuk"].script == "Latn"

    window.open_person(pid)
    record = window.person_windows[pid]
    qtbot.waitUntil(lambda: bool(find(record, "Official Latin spelling", QLabel).text()))
    assert find(record, "Official Latin spelling", QLabel).text() == "Olena Kravchuk"
    assert find(record, "Preferred name", QLabel).text() == "Олена Кравчук (Cyrillic)"

    record.edit()
    again = _visible_form()
    assert find(again, "Official Latin spelling", QLineEdit).text() == "Olena Kravchuk"
    assert find(again, "Aliases").toPlainText() == ""  # type: ignore[attr-defined]


def test_record_shows_the_transliteration_where_no_official_spelling(
    qtbot: QtBot, services: Services, admin: Actor, make_window: MakeWindow
) -> None:
    person = register(services, admin, "สมชาย ใจดี")
    window = make_window(admin)
    window.open_person(person.id)
    label = find(window.person_windows[person.id], "Official Latin spelling", QLabel)
    qtbot.waitUntil(lambda: bool(label.text()))
    assert label.text() == "none recorded (transliteration: smchay aichdi)"


def test_adding_an_alias_warns_of_the_same_name_in_another_script(
    qtbot: QtBot, services: Services, admin: Actor, make_window: MakeWindow, prompts: Prompts
) -> None:
    other = register(services, admin, "王小明", birth_year=1990, nationality="CN")
    person = register(services, admin, "Xiaoming W.", birth_year=1990, nationality="CN")
    window = make_window(admin)
    window.open_person(person.id)
    record = window.person_windows[person.id]
    names = find(record, "Names and aliases")
    prompts.texts.append("Wang Xiaoming")
    prompts.answers.append(False)  # do not add it after the warning
    qtbot.mouseClick(find(record, "Add alias", QPushButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any(c[0] == "confirm" for c in prompts.calls))
    warning = next(c for c in prompts.calls if c[0] == "confirm")
    assert other.case_ref in warning[2]
    assert len(services.persons.get(admin, person.id).names) == 1
    prompts.texts.append("Wang Xiaoming")  # confirmed this time
    qtbot.mouseClick(find(record, "Add alias", QPushButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: names.count() == 2)  # type: ignore[attr-defined]
