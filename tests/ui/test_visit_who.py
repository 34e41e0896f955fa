"""Choosing who a visit is for: a partial match is offered, never taken; names that fit no card
code find registered persons; an unknown card code is asked about."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QListWidget, QPushButton
from pytestqt.qtbot import QtBot

from clinic_app.security.context import Actor
from clinic_app.services.clinic_common import has_code_prefix, looks_like_code
from clinic_app.services.container import Services
from clinic_app.services.visitors import VisitorInput
from clinic_app.services.visits import VisitInput
from clinic_app.ui.pages.clinic import ClinicPage
from tests.conftest import TODAY
from tests.ui.conftest import Prompts, register
from tests.ui.helpers import find
from tests.ui.test_clinic import page, type_who  # noqa: F401 (the page fixture)

WHO = "Visitor code, nickname or case reference"


def _regular(services: Services, nurse: Actor, site_id: int, nickname: str, visits: int) -> int:
    visitor = services.visitors.create(nurse, VisitorInput(nickname))
    for n in range(visits):
        services.visits.record_visit(
            nurse,
            VisitInput(
                site_id,
                visitor_id=visitor.id,
                visited_at=dt.datetime.combine(TODAY - dt.timedelta(days=n + 1), dt.time(10)),
            ),
        )
    return visitor.id


def test_a_partial_match_is_offered_not_picked(
    qtbot: QtBot,
    page: ClinicPage,  # noqa: F811
    services: Services,
    nurse: Actor,
    site_ids: dict[str, int],
) -> None:
    _regular(services, nurse, site_ids["clinic"], "Maria Cristina", 5)
    type_who(qtbot, page, "Maria")
    assert page.form.pick is None  # not the woman with five visits
    matches = find(page, "Matches", QListWidget)
    assert matches.isVisible() and matches.count() == 1
    assert "Maria Cristina" in matches.item(0).text()
    assert matches.hasFocus()
    assert "choose one" in find(page, "Who error", QLabel).text()
    # She is someone else: New visitor keeps the typed name as the nickname.
    qtbot.mouseClick(find(page, "New visitor", QPushButton), Qt.MouseButton.LeftButton)
    assert find(page, "Nickname", QLineEdit).text() == "Maria"
    assert page.form.pick is None


def test_choosing_from_the_offered_matches_with_the_keyboard(
    qtbot: QtBot,
    page: ClinicPage,  # noqa: F811
    services: Services,
    nurse: Actor,
    site_ids: dict[str, int],
) -> None:
    visitor_id = _regular(services, nurse, site_ids["clinic"], "Maria Cristina", 2)
    type_who(qtbot, page, "Maria")
    matches = find(page, "Matches", QListWidget)
    qtbot.keyClick(matches, Qt.Key.Key_Return)
    assert page.form.pick is not None and page.form.pick.id == visitor_id


def test_registered_persons_whose_names_fit_five_letters_are_offered(
    qtbot: QtBot,
    page: ClinicPage,  # noqa: F811
    services: Services,
    admin: Actor,
    site_ids: dict[str, int],
) -> None:
    assert not looks_like_code("Ngozi") and not looks_like_code("Maria")
    assert looks_like_code("v-7k3q9") and has_code_prefix("V-7K3Q9")
    assert not has_code_prefix("Kathy")
    person = register(services, admin, "Ngozi Okafor", site_id=site_ids["clinic"])
    type_who(qtbot, page, "Ngozi")
    matches = find(page, "Matches", QListWidget)
    assert [person.case_ref in matches.item(i).text() for i in range(matches.count())] == [True]
    assert page.form.pick is None
    # Her case reference is unique: typed in full it is taken at once.
    who = find(page, WHO, QLineEdit)
    who.clear()
    type_who(qtbot, page, person.case_ref)
    assert page.form.pick is not None and page.form.pick.id == person.id


def test_an_unknown_card_code_is_asked_about(
    qtbot: QtBot,
    page: ClinicPage,  # noqa: F811
    prompts: Prompts,
) -> None:
    prompts.answers = [False]
    type_who(qtbot, page, "V-7K3Q8")
    assert prompts.titles() == ["Unknown card code"]
    assert not find(page, "New visitor details").isVisible()
    assert find(page, WHO, QLineEdit).hasFocus()
    assert "No visitor has this card code." in find(page, "Who error", QLabel).text()
    # Answered yes: a new visitor (the code is not taken as her nickname).
    prompts.answers = [True]
    qtbot.keyClick(find(page, WHO, QLineEdit), Qt.Key.Key_Return)
    assert find(page, "New visitor details").isVisible()
    assert find(page, "Nickname", QLineEdit).text() == ""
    assert QApplication.focusWidget() is find(page, "Nickname", QLineEdit)


def test_a_new_card_code_is_shown_large_copyable_and_printable(
    qtbot: QtBot,
    page: ClinicPage,  # noqa: F811
    services: Services,
    nurse: Actor,
    site_ids: dict[str, int],
    tmp_path: object,
) -> None:
    from pathlib import Path

    from pypdf import PdfReader
    from PySide6.QtPrintSupport import QPrinter

    from clinic_app.ui.clinic.card_code import render_card
    from tests.ui.test_clinic import save_with_keyboard

    type_who(qtbot, page, "Mira")
    find(page, "Consultation").click()
    save_with_keyboard(qtbot, page)
    (visit,) = services.visits.day_view(nurse, site_ids["clinic"], TODAY)
    code = find(page, "New card code", QLabel)
    assert code.isVisible() and code.text() == visit.visitor_code
    assert code.font().pointSize() >= 2 * QApplication.font().pointSize() - 1
    assert code.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse
    qtbot.mouseClick(find(page, "Copy card code", QPushButton), Qt.MouseButton.LeftButton)
    assert QApplication.clipboard().text() == visit.visitor_code
    assert find(page, "Print card", QPushButton).isVisible()
    pdf = Path(str(tmp_path)) / "card.pdf"
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(pdf))
    render_card(printer, code.text())
    text = PdfReader(pdf).pages[0].extract_text()
    assert visit.visitor_code in text and "Mira" not in text
    qtbot.mouseClick(find(page, "Hide card code", QPushButton), Qt.MouseButton.LeftButton)
    assert not code.isVisible()
