"""The persons registry: search as you type, keyboard use, filters, columns; the record."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QTableView
from pytestqt.qtbot import QtBot

from clinic_app.errors import Forbidden
from clinic_app.security.context import Actor
from clinic_app.services.container import Services
from clinic_app.services.persons import PersonFilter
from clinic_app.ui.pages.persons import PersonsPage
from clinic_app.ui.person.window import PersonWindow
from tests.ui.conftest import MakeWindow, register
from tests.ui.helpers import find


def _persons_page(window: object) -> PersonsPage:
    page = window.show_area("persons")  # type: ignore[attr-defined]
    assert isinstance(page, PersonsPage)
    return page


def test_search_as_you_type_and_open_with_enter(
    qtbot: QtBot, services: Services, admin: Actor, make_window: MakeWindow
) -> None:
    register(services, admin, "Ana Popescu", birth_year=1999)
    target = register(services, admin, "Zeynep Çelik", birth_year=2001, nationality="TR")
    register(services, admin, "Maria Ionescu", birth_year=1990)
    window = make_window(admin)
    page = _persons_page(window)
    table = find(window, "Persons table", QTableView)
    qtbot.waitUntil(lambda: table.model().rowCount() == 3)

    search = find(window, "Search persons", QLineEdit)
    search.setFocus()
    qtbot.keyClicks(search, "celik")  # accent-insensitive
    qtbot.waitUntil(lambda: not page.searching and table.model().rowCount() == 1)
    assert "1 person" in find(window, "Result count", QLabel).text()

    qtbot.keyClick(search, Qt.Key.Key_Down)  # arrows move into the table
    assert window.focusWidget() is table
    qtbot.keyClick(table, Qt.Key.Key_Return)
    record = window.person_windows[target.id]
    assert isinstance(record, PersonWindow)
    assert find(record, "Person name", QLabel).text() == "Zeynep Çelik"


def test_typing_in_the_table_searches(
    qtbot: QtBot, services: Services, admin: Actor, make_window: MakeWindow
) -> None:
    register(services, admin, "Ana Popescu", birth_year=1999)
    register(services, admin, "Maria Ionescu", birth_year=1990)
    window = make_window(admin)
    page = _persons_page(window)
    table = find(window, "Persons table", QTableView)
    qtbot.waitUntil(lambda: table.model().rowCount() == 2)
    table.setFocus()
    qtbot.keyClicks(table, "1990")  # birth year
    search = find(window, "Search persons", QLineEdit)
    assert search.text() == "1990"
    qtbot.waitUntil(lambda: not page.searching and table.model().rowCount() == 1)


def test_filters_and_archived_persons(
    qtbot: QtBot,
    services: Services,
    admin: Actor,
    nurse: Actor,
    site_ids: dict[str, int],
    make_window: MakeWindow,
) -> None:
    register(services, admin, "Ana Popescu", site_id=site_ids["shelter"])
    gone = register(services, admin, "Maria Ionescu", site_id=site_ids["clinic"])
    services.persons.archive(admin, gone.id, "Moved abroad")
    window = make_window(nurse)  # works at the clinic
    page = _persons_page(window)
    table = find(window, "Persons table", QTableView)
    qtbot.waitUntil(lambda: table.model().rowCount() == 1)
    archived = find(window, "Archived filter", QComboBox)
    archived.setCurrentIndex(archived.findText("Active and archived"))
    qtbot.waitUntil(lambda: not page.searching and table.model().rowCount() == 2)
    site = find(window, "Site filter", QComboBox)
    # Only her own site can be chosen: filtering by another would say who stays there.
    assert [site.itemText(i) for i in range(site.count())] == ["Any", "Clinic Vesterbro"]
    site.setCurrentIndex(site.findText("Clinic Vesterbro"))
    qtbot.waitUntil(lambda: not page.searching and table.model().rowCount() == 1)
    assert page.model.person(0) is not None
    assert page.model.person(0).display_name == "Maria Ionescu"  # type: ignore[union-attr]


def test_another_sites_residents_cannot_be_listed_by_site(
    qtbot: QtBot,
    services: Services,
    admin: Actor,
    site_ids: dict[str, int],
    make_window: MakeWindow,
) -> None:
    register(services, admin, "Ana Popescu", site_id=site_ids["shelter"])
    window = make_window(admin)  # no site: sees every person, nobody's whereabouts
    page = _persons_page(window)
    table = find(window, "Persons table", QTableView)
    qtbot.waitUntil(lambda: not page.searching and table.model().rowCount() == 1)
    site = find(window, "Site filter", QComboBox)
    assert [site.itemText(i) for i in range(site.count())] == ["Any"]
    assert page.model.person(0).site_name is None  # type: ignore[union-attr]
    with pytest.raises(Forbidden):
        services.persons.search(admin, "", PersonFilter(site_id=site_ids["shelter"]))


def test_sorting_is_done_by_the_database_and_columns_can_be_hidden(
    qtbot: QtBot, services: Services, admin: Actor, make_window: MakeWindow
) -> None:
    for name, year in (("Bea", 2001), ("Ada", 1990), ("Cleo", 1995)):
        register(services, admin, name, birth_year=year)
    window = make_window(admin)
    page = _persons_page(window)
    table = find(window, "Persons table", QTableView)
    qtbot.waitUntil(lambda: table.model().rowCount() == 3)
    assert [page.model.person(i).display_name for i in range(3)] == ["Ada", "Bea", "Cleo"]  # type: ignore[union-attr]
    table.sortByColumn(2, Qt.SortOrder.DescendingOrder)  # born, newest first
    qtbot.waitUntil(
        lambda: (
            not page.searching
            and page.model.person(0) is not None
            and page.model.person(0).display_name == "Bea"
        )  # type: ignore[union-attr]
    )
    page.set_column_visible("nationality", False)
    assert table.isColumnHidden(3)
    assert "nationality" in page.ctx.settings.list_str("persons/hidden_columns")
    page.set_column_visible("name", False)  # the name always shows
    assert not table.isColumnHidden(1)


def test_more_rows_arrive_as_the_view_scrolls(
    qtbot: QtBot, services: Services, admin: Actor, make_window: MakeWindow
) -> None:
    from clinic_app.ui.itemmodels import persons as persons_model

    for i in range(persons_model.PAGE_SIZE + 15):
        register(services, admin, f"Person {i:03d}", birth_year=1990)
    window = make_window(admin)
    page = _persons_page(window)
    qtbot.waitUntil(lambda: page.model.rowCount() > 0)
    assert page.model.rowCount() == persons_model.PAGE_SIZE
    assert page.model.canFetchMore()
    page.model.fetchMore()
    assert page.model.rowCount() == persons_model.PAGE_SIZE + 15
    assert not page.model.canFetchMore()
