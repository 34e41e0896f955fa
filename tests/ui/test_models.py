"""Every item model of the shell passes Qt's model tester."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester

from clinic_app.security.context import Actor
from clinic_app.services.common import Page
from clinic_app.services.container import Services
from clinic_app.services.persons import PersonSummary
from clinic_app.ui.itemmodels.persons import COLUMNS, PAGE_SIZE, PersonTableModel
from clinic_app.ui.itemmodels.rows import KEY_ROLE, URGENT, Row, RowsModel
from tests.ui.conftest import register


def test_person_table_model(qtmodeltester: ModelTester, services: Services, admin: Actor) -> None:
    for i in range(PAGE_SIZE + 5):
        register(services, admin, f"Person {i:03d}", birth_year=1980 + i % 30)

    def fetch(offset: int, limit: int) -> Page[PersonSummary]:
        return services.persons.search(admin, "", offset=offset, limit=limit)

    model = PersonTableModel()
    model.reset_with(fetch(0, PAGE_SIZE), fetch)
    assert model.rowCount() == PAGE_SIZE and model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == PAGE_SIZE + 5 and not model.canFetchMore()
    assert model.columnCount() == len(COLUMNS)
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Name"
    model.clear()
    assert model.rowCount() == 0 and not model.canFetchMore()

    checked = PersonTableModel()
    checked.reset_with(fetch(0, PAGE_SIZE), fetch)
    qtmodeltester.check(checked, force_py=True)  # fetches the further pages itself


def test_rows_model(qtmodeltester: ModelTester) -> None:
    model = RowsModel("DashboardPage", ("When", "Due", "Case"))
    model.set_rows(
        [
            Row(("today", "2026-11-26", "26-AAAAA"), key=(1, "timeline"), tone=URGENT),
            Row(("in 3 days", "2026-11-29", "26-BBBBB"), key=(2, "contacts"), struck=True),
            Row(("<b>not markup</b>",), key=3),  # short rows are padded
        ]
    )
    qtmodeltester.check(model, force_py=True)
    assert model.index(0, 0).data(KEY_ROLE) == (1, "timeline")
    assert model.index(2, 1).data() == ""
    assert model.index(2, 0).data(Qt.ItemDataRole.ToolTipRole) is None
    empty = RowsModel("DashboardPage", ("When",))
    qtmodeltester.check(empty, force_py=True)
