"""The Statistics area: tables and charts computed off the UI thread, and the exports."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCharts import QChartView
from PySide6.QtWidgets import QCheckBox, QComboBox, QPushButton, QSpinBox, QTableView
from pytestqt.qtbot import QtBot

from clinic_app.security.context import Actor
from clinic_app.services.container import Services
from clinic_app.ui.pages.statistics import StatisticsPage
from clinic_app.vocabulary import Role
from tests.conftest import make_user
from tests.ui.conftest import MakeWindow
from tests.ui.helpers import find
from tests.unit.services.test_statistics import build_fixed_data


@pytest.fixture
def data(services: Services, admin: Actor, site_ids: dict[str, int]) -> dict[str, int]:
    return build_fixed_data(services, admin, site_ids)


def _open(qtbot: QtBot, window: object) -> StatisticsPage:
    page = window.show_area("statistics")  # type: ignore[attr-defined]
    assert isinstance(page, StatisticsPage)
    qtbot.waitUntil(lambda: page.report is not None, timeout=20_000)
    return page


def _show(qtbot: QtBot, page: StatisticsPage) -> None:
    before = page.report
    qtbot.mouseClick(find(page, "Show figures", QPushButton), _left())
    qtbot.waitUntil(lambda: page.report is not before, timeout=20_000)


def _left():
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


def _cells(view: QTableView) -> list[list[str]]:
    model = view.model()
    return [
        [str(model.data(model.index(r, c))) for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def test_internal_figures_table_and_charts(
    qtbot: QtBot, admin: Actor, data: dict[str, int], make_window: MakeWindow
) -> None:
    page = _open(qtbot, make_window(admin))
    find(page, "From year", QSpinBox).setValue(2024)
    find(page, "To year", QSpinBox).setValue(2025)
    internal = find(page, "Internal figures", QCheckBox)
    assert internal.isVisible()
    internal.setChecked(True)
    _show(qtbot, page)
    assert "INTERNAL" in find(page, "Statistics status").text()

    choice = find(page, "Table", QComboBox)
    choice.setCurrentIndex(choice.findData("identified_by_age"))
    rows = _cells(find(page, "Statistics table", QTableView))
    # Year, children, adults, unknown, total: the minor identified at 17 counts as a child.
    assert rows[:2] == [["2024", "0", "1", "0", "1"], ["2025", "2", "1", "1", "4"]]

    chart = find(page, "Exploitation chart", QChartView).chart()
    (series,) = chart.series()
    sets = {s.label(): [s.at(i) for i in range(s.count())] for s in series.barSets()}
    assert sets["Sexual exploitation"] == [0.0, 2.0]
    assert sets["Forced labour"] == [1.0, 1.0]
    nationality = find(page, "Nationality chart", QChartView).chart()
    assert nationality.series()[0].barSets()[0].count() == 3  # NG, RO, VN


def test_published_figures_hide_small_counts(
    qtbot: QtBot, services: Services, admin: Actor, data: dict[str, int], make_window: MakeWindow
) -> None:
    analyst = make_user(services, admin, "stella", Role.STATISTICS, None)
    page = _open(qtbot, make_window(analyst))
    assert not find(page, "Internal figures", QCheckBox).isVisible()
    find(page, "From year", QSpinBox).setValue(2025)
    find(page, "To year", QSpinBox).setValue(2025)
    _show(qtbot, page)
    rows = _cells(find(page, "Statistics table", QTableView))
    assert [r[0] for r in rows] == ["2025", "Total"]
    # Identified 4 and presumed 2 are hidden; their total, 6, may be shown.
    assert rows[0][1:] == ["..", "..", "6"]
    assert all(c in ("..", "0") or int(c) >= 5 for r in rows for c in r[1:])
    assert "hidden" in find(page, "Table notes").text()
    assert "zero" in find(page, "Chart note").text()


def test_exports_csv_chart_and_summary(
    qtbot: QtBot, admin: Actor, data: dict[str, int], make_window: MakeWindow, tmp_path: Path
) -> None:
    page = _open(qtbot, make_window(admin))
    targets = iter(
        [tmp_path / "stats.csv", tmp_path / "chart.png", tmp_path / "chart.pdf", tmp_path / "s.pdf"]
    )
    page.ask_save_path = lambda *_args: str(next(targets))  # type: ignore[method-assign]

    qtbot.mouseClick(find(page, "Export tables as CSV", QPushButton), _left())
    csv_file = tmp_path / "stats.csv"
    qtbot.waitUntil(csv_file.exists, timeout=20_000)
    text = csv_file.read_bytes()
    assert text.startswith("\ufeff".encode())
    assert "Identified and presumed victims" in text.decode("utf-8-sig")

    find(page, "Charts").setCurrentIndex(2)  # adults and children
    qtbot.mouseClick(find(page, "Save chart as PNG", QPushButton), _left())
    assert (tmp_path / "chart.png").read_bytes().startswith(b"\x89PNG")
    qtbot.mouseClick(find(page, "Save chart as PDF", QPushButton), _left())
    assert (tmp_path / "chart.pdf").read_bytes().startswith(b"%PDF")

    qtbot.mouseClick(find(page, "Yearly summary (PDF)", QPushButton), _left())
    summary = tmp_path / "s.pdf"
    qtbot.waitUntil(summary.exists, timeout=20_000)
    assert summary.read_bytes().startswith(b"%PDF")


def test_too_long_a_period_is_refused_before_counting(
    qtbot: QtBot, admin: Actor, data: dict[str, int], make_window: MakeWindow
) -> None:
    page = _open(qtbot, make_window(admin))
    before = page.report
    find(page, "From year", QSpinBox).setValue(1990)
    find(page, "To year", QSpinBox).setValue(2100)
    qtbot.mouseClick(find(page, "Show figures", QPushButton), _left())
    assert "at most 50 years" in find(page, "Statistics status").text()
    assert page.report is before


def test_lock_clears_the_figures(
    qtbot: QtBot, admin: Actor, data: dict[str, int], make_window: MakeWindow
) -> None:
    page = _open(qtbot, make_window(admin))
    page.clear_personal_data()
    assert find(page, "Statistics table", QTableView).model().rowCount() == 0
    assert not find(page, "Export tables as CSV", QPushButton).isEnabled()


def test_danish_translation_is_complete_and_loads(qapp: object) -> None:
    from PySide6.QtCore import QCoreApplication, QTranslator

    from clinic_app.i18n import translations_dir

    folder = translations_dir()  # the built .qm; the .ts source is in resources/translations
    sources = Path(__file__).resolve().parents[2] / "resources" / "translations"
    ts = (sources / "statistics_da.ts").read_text(encoding="utf-8")
    assert 'type="unfinished"' not in ts
    translator = QTranslator()
    assert translator.load(str(folder / "statistics_da.qm"))
    QCoreApplication.installTranslator(translator)
    try:
        assert QCoreApplication.translate("StatisticsPage", "&Show figures") == "Vi&s tal"
        assert QCoreApplication.translate("StatisticsPage", "Children") == "Børn"
    finally:
        QCoreApplication.removeTranslator(translator)


def test_administrator_sets_the_threshold_and_others_cannot(
    qtbot: QtBot, services: Services, admin: Actor, data: dict[str, int], make_window: MakeWindow
) -> None:
    page = _open(qtbot, make_window(admin))
    box = find(page, "Publication threshold", QSpinBox)
    assert box.isVisible() and box.value() == 5 and box.minimum() == 3
    box.setValue(7)
    qtbot.mouseClick(find(page, "Set threshold", QPushButton), _left())
    assert services.statistics.settings(admin).threshold == 7
    assert "7" in find(page, "Statistics status").text()
    analyst = make_user(services, admin, "stella", Role.STATISTICS, None)
    other = _open(qtbot, make_window(analyst))
    assert not find(other, "Publication threshold", QSpinBox).isVisible()
    assert not find(other, "Set threshold", QPushButton).isVisible()
    assert "threshold" in find(other, "Statistics status").text()
