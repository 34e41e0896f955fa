"""Statistics: yearly tables and charts of identified and presumed victims, shelter stays and
clinic activity, with CSV, chart and yearly summary PDF exports.

Figures are computed by the statistics service on a worker thread. Published figures come
from the publication ledger and hide small counts (shown as ".."); internal figures need the
statistics.internal permission. Administrators set the publication threshold here.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QCoreApplication, QMarginsF, Qt
from PySide6.QtGui import QPageSize, QPainter, QPdfWriter, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from clinic_app.errors import Forbidden, Invalid
from clinic_app.security.permissions import Action, allowed
from clinic_app.services.disclosure import MAX_THRESHOLD, MIN_THRESHOLD
from clinic_app.services.statistics import (
    BY_AGE,
    BY_EXPLOITATION,
    BY_NATIONALITY,
    MAX_YEARS,
    TABLE_KEYS,
    StatisticsReport,
    StatsQuery,
    StatTable,
)
from clinic_app.services.statistics_labels import Language
from clinic_app.ui.common import error_message, make_table, plain_label, prompter
from clinic_app.ui.context import UiContext
from clinic_app.ui.countries import country_name
from clinic_app.ui.tr import QT_TRANSLATE_NOOP

CONTEXT = "StatisticsPage"
HIDDEN = ".."
TOP_NATIONALITIES = 10
NOT_COUNTRIES = ("unknown", "other_nationalities")

TABLE_TITLES: dict[str, str] = {
    "victims": QT_TRANSLATE_NOOP("StatisticsPage", "Identified and presumed victims"),
    "identified_by_exploitation": QT_TRANSLATE_NOOP(
        "StatisticsPage", "Identified victims by form of exploitation"
    ),
    "identified_by_gender": QT_TRANSLATE_NOOP("StatisticsPage", "Identified victims by gender"),
    "identified_by_age": QT_TRANSLATE_NOOP(
        "StatisticsPage", "Identified victims: adults and children"
    ),
    "identified_by_nationality": QT_TRANSLATE_NOOP(
        "StatisticsPage", "Identified victims by nationality"
    ),
    "identified_by_authority": QT_TRANSLATE_NOOP(
        "StatisticsPage", "Identified victims by identifying authority"
    ),
    "identified_by_outcome": QT_TRANSLATE_NOOP("StatisticsPage", "Identified victims by outcome"),
    "shelter_stays": QT_TRANSLATE_NOOP("StatisticsPage", "Shelter stays begun, by shelter"),
    "clinic_activity": QT_TRANSLATE_NOOP("StatisticsPage", "Clinic activity"),
}

CATEGORIES: dict[str, str] = {
    "identified": QT_TRANSLATE_NOOP("StatisticsPage", "Identified"),
    "presumed": QT_TRANSLATE_NOOP("StatisticsPage", "Presumed"),
    "sexual": QT_TRANSLATE_NOOP("StatisticsPage", "Sexual exploitation"),
    "forced_labour": QT_TRANSLATE_NOOP("StatisticsPage", "Forced labour"),
    "forced_criminality": QT_TRANSLATE_NOOP("StatisticsPage", "Forced criminality"),
    "organ_removal": QT_TRANSLATE_NOOP("StatisticsPage", "Removal of organs"),
    "other": QT_TRANSLATE_NOOP("StatisticsPage", "Other"),
    "not_recorded": QT_TRANSLATE_NOOP("StatisticsPage", "Not recorded"),
    "female": QT_TRANSLATE_NOOP("StatisticsPage", "Female"),
    "male": QT_TRANSLATE_NOOP("StatisticsPage", "Male"),
    "unknown": QT_TRANSLATE_NOOP("StatisticsPage", "Unknown"),
    "adult": QT_TRANSLATE_NOOP("StatisticsPage", "Adults"),
    "child": QT_TRANSLATE_NOOP("StatisticsPage", "Children"),
    "immigration_service": QT_TRANSLATE_NOOP("StatisticsPage", "Immigration Service"),
    "siri": QT_TRANSLATE_NOOP("StatisticsPage", "SIRI"),
    "cmm": QT_TRANSLATE_NOOP("StatisticsPage", "Centre against Human Trafficking"),
    "court": QT_TRANSLATE_NOOP("StatisticsPage", "Court"),
    "police": QT_TRANSLATE_NOOP("StatisticsPage", "Police"),
    "prosecution": QT_TRANSLATE_NOOP("StatisticsPage", "Prosecution service"),
    "asylum_granted": QT_TRANSLATE_NOOP("StatisticsPage", "Asylum granted"),
    "return": QT_TRANSLATE_NOOP("StatisticsPage", "Assisted return"),
    "permit": QT_TRANSLATE_NOOP("StatisticsPage", "Residence permit"),
    "visits": QT_TRANSLATE_NOOP("StatisticsPage", "Visits"),
    "anonymous_visitors": QT_TRANSLATE_NOOP("StatisticsPage", "Anonymous visitors"),
    "mobile_outings": QT_TRANSLATE_NOOP("StatisticsPage", "Mobile outings"),
    "services_given": QT_TRANSLATE_NOOP("StatisticsPage", "Services given"),
    "referrals": QT_TRANSLATE_NOOP("StatisticsPage", "Referrals"),
    "other_nationalities": QT_TRANSLATE_NOOP("StatisticsPage", "Other nationalities"),
}

NOTES: dict[str, str] = {
    "overlapping": QT_TRANSLATE_NOOP(
        "StatisticsPage",
        "A person can have several forms of exploitation and is counted under each, so the "
        "columns add up to more than the total, which counts persons.",
    ),
    "suppressed": QT_TRANSLATE_NOOP(
        "StatisticsPage",
        "'..' marks a count that is hidden because it is small, or because it would let a "
        "small count be worked out from the totals.",
    ),
    "internal": QT_TRANSLATE_NOOP(
        "StatisticsPage", "INTERNAL figures: small counts are shown. Not for publication."
    ),
    "presumed": QT_TRANSLATE_NOOP(
        "StatisticsPage",
        "Presumed: first contact in the year and no identification decision recorded.",
    ),
    "outcome": QT_TRANSLATE_NOOP(
        "StatisticsPage",
        "Outcome recorded to date: asylum granted, else assisted return, else a permit.",
    ),
    "age": QT_TRANSLATE_NOOP(
        "StatisticsPage",
        "Age on the day of identification, from the best known birth date.",
    ),
    "not_released": QT_TRANSLATE_NOOP(
        "StatisticsPage",
        "A year that is not over is not published yet: its figures are hidden.",
    ),
}


def _t(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


class StatisticsPage(QWidget):
    """Period and site selectors, one table at a time, three charts and the exports."""

    def __init__(self, ctx: UiContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.report: StatisticsReport | None = None
        self._generation = 0
        self.setAccessibleName(self.tr("Statistics"))
        this_year = ctx.services.clock().year

        # Published figures exist for years that are over: show the last ten of those.
        self.year_from = self._year_box(self.tr("From year"), this_year - 10)
        self.year_to = self._year_box(self.tr("To year"), this_year - 1)
        self.site = QComboBox()
        self.site.setAccessibleName(self.tr("Site"))
        self.site.addItem(self.tr("All sites"), None)
        for site in ctx.services.reference.sites():
            self.site.addItem(f"{site.code} – {site.name}", site.id)
        self.internal = QCheckBox(self.tr("&Internal figures (small counts shown, audited)"))
        self.internal.setAccessibleName(self.tr("Internal figures"))
        self.internal.setVisible(allowed(ctx.actor, Action.STATISTICS_INTERNAL))
        self.show_button = QPushButton(self.tr("&Show figures"))
        self.show_button.setAccessibleName(self.tr("Show figures"))
        self.show_button.clicked.connect(self.refresh)

        controls = QGridLayout()
        for col, (text, widget) in enumerate(
            (
                (self.tr("&From:"), self.year_from),
                (self.tr("&To:"), self.year_to),
                (self.tr("Sit&e:"), self.site),
            )
        ):
            lab = QLabel(text)
            lab.setBuddy(widget)
            controls.addWidget(lab, 0, 2 * col)
            controls.addWidget(widget, 0, 2 * col + 1)
        controls.addWidget(self.internal, 0, 6)
        controls.addWidget(self.show_button, 0, 7)
        controls.setColumnStretch(8, 1)

        self.status = plain_label("", self.tr("Statistics status"), wrap=True)

        self.table_choice = QComboBox()
        self.table_choice.setAccessibleName(self.tr("Table"))
        for key in TABLE_KEYS:
            self.table_choice.addItem(_t(TABLE_TITLES[key]), key)
        self.table_choice.currentIndexChanged.connect(lambda _i: self._show_table())
        table_label = QLabel(self.tr("Ta&ble:"))
        table_label.setBuddy(self.table_choice)
        self.model = QStandardItemModel(self)
        self.table = make_table(self.model, self.tr("Statistics table"))
        self.notes = plain_label("", self.tr("Table notes"), wrap=True)

        self.exploitation_chart = self._chart_view(self.tr("Exploitation chart"))
        self.nationality_chart = self._chart_view(self.tr("Nationality chart"))
        self.age_chart = self._chart_view(self.tr("Adults and children chart"))
        self.charts = QTabWidget()
        self.charts.setAccessibleName(self.tr("Charts"))
        self.charts.addTab(self.exploitation_chart, self.tr("E&xploitation by year"))
        self.charts.addTab(self.nationality_chart, self.tr("&Nationalities"))
        self.charts.addTab(self.age_chart, self.tr("&Adults and children"))
        self.chart_note = plain_label("", self.tr("Chart note"), wrap=True)

        self.export_csv_button = self._button(self.tr("Export tables as &CSV…"), self.export_csv)
        self.export_png_button = self._button(self.tr("Save chart as &PNG…"), self.save_chart_png)
        self.export_pdf_button = self._button(self.tr("Save chart as P&DF…"), self.save_chart_pdf)
        self.summary_button = self._button(self.tr("&Yearly summary (PDF)…"), self.save_summary)
        buttons = QHBoxLayout()
        for b in (
            self.export_csv_button,
            self.export_png_button,
            self.export_pdf_button,
            self.summary_button,
        ):
            buttons.addWidget(b)
        buttons.addStretch(1)
        # Administrators set the publication threshold (never below 3; audited).
        self.threshold = QSpinBox()
        self.threshold.setRange(MIN_THRESHOLD, MAX_THRESHOLD)
        self.threshold.setAccessibleName(self.tr("Publication threshold"))
        self.threshold_button = self._button(self.tr("Set t&hreshold"), self.set_threshold)
        may_set = allowed(ctx.actor, Action.SETTINGS_EDIT)
        if may_set:
            self.threshold.setValue(ctx.services.statistics.settings(ctx.actor).threshold)
            threshold_label = QLabel(self.tr("Smallest count &published:"))
            threshold_label.setBuddy(self.threshold)
            buttons.addWidget(threshold_label)
        self.threshold.setVisible(may_set)
        self.threshold_button.setVisible(may_set)
        buttons.addWidget(self.threshold)
        buttons.addWidget(self.threshold_button)

        chooser = QHBoxLayout()
        chooser.addWidget(table_label)
        chooser.addWidget(self.table_choice, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addWidget(self.status)
        layout.addLayout(chooser)
        layout.addWidget(self.table, 2)
        layout.addWidget(self.notes)
        layout.addWidget(self.charts, 3)
        layout.addWidget(self.chart_note)
        layout.addLayout(buttons)
        self._set_exports_enabled(False)
        self.refresh()

    # --- building blocks -------------------------------------------------------------------

    def _year_box(self, name: str, value: int) -> QSpinBox:
        box = QSpinBox()
        box.setRange(1990, 2199)
        box.setValue(value)
        box.setAccessibleName(name)
        return box

    def _chart_view(self, name: str) -> QChartView:
        view = QChartView(QChart())
        view.setRenderHint(QPainter.RenderHint.Antialiasing)
        view.setAccessibleName(name)
        view.setMinimumHeight(220)
        return view

    def _button(self, text: str, slot: object) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(text.replace("&", "").rstrip("…"))
        button.clicked.connect(slot)
        return button

    def _set_exports_enabled(self, enabled: bool) -> None:
        for b in (self.export_csv_button, self.export_png_button, self.export_pdf_button):
            b.setEnabled(enabled)

    def query(self) -> StatsQuery:
        first, last = self.year_from.value(), self.year_to.value()
        return StatsQuery.for_years(
            min(first, last),
            max(first, last),
            site_id=self.site.currentData(),
            internal=self.internal.isVisible() and self.internal.isChecked(),
        )

    def ask_save_path(self, caption: str, file_filter: str, suggested: str) -> str | None:
        """The file to write (None: cancelled). Tests replace this method."""
        path, _ = QFileDialog.getSaveFileName(self, caption, suggested, file_filter)
        return path or None

    # --- loading ---------------------------------------------------------------------------

    def refresh(self) -> None:
        """Recompute the figures for the chosen period and site on a worker thread."""
        self._generation += 1
        generation = self._generation
        if abs(self.year_to.value() - self.year_from.value()) >= MAX_YEARS:
            self.status.setText(
                self.tr("Choose at most %1 years at a time.").replace("%1", str(MAX_YEARS))
            )
            return
        query = self.query()
        actor = self.ctx.actor
        stats = self.ctx.services.statistics
        self.status.setText(self.tr("Counting…"))
        self.show_button.setEnabled(False)

        def done(report: object) -> None:
            if generation != self._generation or not isinstance(report, StatisticsReport):
                return
            self.show_button.setEnabled(True)
            self._loaded(report)

        def failed(exc: BaseException) -> None:
            if generation != self._generation:
                return
            self.show_button.setEnabled(True)
            self.status.setText(error_message(exc))

        self.ctx.run_in_background(
            lambda: stats.report(actor, query), done, failed, self.tr("Counting statistics…")
        )

    def _loaded(self, report: StatisticsReport) -> None:
        self.report = report
        years = f"{report.date_from.year}–{report.date_to.year}"
        where = report.site_code or self.tr("all sites")
        if report.published:
            kind = self.tr("published figures, threshold %1: counts below %1 hidden").replace(
                "%1", str(report.threshold)
            )
            if report.unreleased:
                kind += " " + self.tr("(%1: the year is not over, nothing published)").replace(
                    "%1", ", ".join(str(y) for y in report.unreleased)
                )
        else:
            kind = self.tr("INTERNAL figures, not for publication")
        self.status.setText(f"{years}, {where}: {kind}")
        self._show_table()
        self._draw_charts()
        self._set_exports_enabled(True)

    def clear_personal_data(self) -> None:
        """Internal figures can point to a person: drop them while the screen is locked."""
        self._generation += 1
        self.report = None
        self.model.clear()
        self.notes.setText("")
        self.status.setText("")
        for view in (self.exploitation_chart, self.nationality_chart, self.age_chart):
            view.setChart(QChart())
        self._set_exports_enabled(False)

    # --- the table -------------------------------------------------------------------------

    def _label(self, table: StatTable, code: str) -> str:
        if table.key == BY_NATIONALITY and code not in NOT_COUNTRIES:
            return country_name(code, self.ctx.settings.language) or code
        return _t(CATEGORIES[code]) if code in CATEGORIES else code

    def _show_table(self) -> None:
        self.model.clear()
        if self.report is None:
            return
        key = self.table_choice.currentData()
        table = self.report.table(key)
        headers = [self.tr("Year"), *(self._label(table, c) for c in table.columns)]
        if table.row_totals is not None:
            headers.append(self.tr("Total"))
        self.model.setHorizontalHeaderLabels(headers)
        rows: list[list[str]] = []
        for i, year in enumerate(table.years):
            row = [str(year), *(_cell(v) for v in table.cells[i])]
            if table.row_totals is not None:
                row.append(_cell(table.row_totals[i]))
            rows.append(row)
        if table.column_totals is not None:
            last = [self.tr("Total"), *(_cell(v) for v in table.column_totals)]
            if table.row_totals is not None:
                last.append(_cell(table.grand_total))
            rows.append(last)
        for row in rows:
            items = []
            for col, text in enumerate(row):
                item = QStandardItem(text)
                item.setEditable(False)
                if col:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                items.append(item)
            self.model.appendRow(items)
        self.notes.setText("\n".join(_t(NOTES[n]) for n in table.notes if n in NOTES))

    # --- charts ----------------------------------------------------------------------------

    def _draw_charts(self) -> None:
        report = self.report
        if report is None:
            return
        hidden = False
        exploitation = report.table(BY_EXPLOITATION)
        hidden |= self._stacked(
            self.exploitation_chart,
            exploitation,
            list(exploitation.columns),
            self.tr("Identified victims per year by form of exploitation (persons)"),
        )
        age = report.table(BY_AGE)
        hidden |= self._stacked(
            self.age_chart,
            age,
            list(age.columns),
            self.tr("Identified victims per year: adults and children (age at identification)"),
        )
        hidden |= self._nationalities(report.table(BY_NATIONALITY))
        self.chart_note.setText(
            self.tr("Hidden counts ('..') are drawn as zero.") if hidden else ""
        )

    def _stacked(self, view: QChartView, table: StatTable, columns: list[str], title: str) -> bool:
        chart = QChart()
        chart.setTitle(title)
        series = QStackedBarSeries()
        hidden = False
        for code in columns:
            values = table.column(code)
            if not any(values):
                continue  # an empty category only clutters the legend
            bar = QBarSet(self._label(table, code))
            for v in values:
                hidden |= v is None
                bar.append(float(v or 0))
            series.append(bar)
        chart.addSeries(series)
        axis_x = QBarCategoryAxis()
        axis_x.append([str(y) for y in table.years])
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(axis_x)
        axis_y = QValueAxis()
        axis_y.setLabelFormat("%d")
        chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(axis_y)
        axis_y.applyNiceNumbers()  # round tick values
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        view.setChart(chart)
        return hidden

    def _nationalities(self, table: StatTable) -> bool:
        chart = QChart()
        chart.setTitle(
            self.tr("The %1 most frequent nationalities of identified victims").replace(
                "%1", str(TOP_NATIONALITIES)
            )
        )
        totals = table.column_totals or ()
        shown = [
            (code, total)
            for code, total in zip(table.columns, totals, strict=False)
            if total and code not in NOT_COUNTRIES
        ]
        shown.sort(key=lambda p: -p[1])
        top = list(reversed(shown[:TOP_NATIONALITIES]))  # largest at the top of the chart
        series = QHorizontalBarSeries()
        bar = QBarSet(self.tr("Persons"))
        for _code, total in top:
            bar.append(float(total))
        series.append(bar)
        chart.addSeries(series)
        axis_y = QBarCategoryAxis()
        axis_y.append([self._label(table, code) for code, _ in top])
        chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(axis_y)
        axis_x = QValueAxis()
        axis_x.setLabelFormat("%d")
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(axis_x)
        axis_x.applyNiceNumbers()  # round tick values
        chart.legend().setVisible(False)
        self.nationality_chart.setChart(chart)
        return any(t is None for t in totals)

    def current_chart_view(self) -> QChartView:
        view = self.charts.currentWidget()
        assert isinstance(view, QChartView)
        return view

    # --- exports ---------------------------------------------------------------------------

    def export_csv(self) -> None:
        """All tables as CSV (UTF-8 with BOM for Excel), through the audited service call."""
        path = self.ask_save_path(
            self.tr("Export statistics as CSV"), self.tr("CSV files (*.csv)"), "statistics.csv"
        )
        if not path:
            return
        query = self.query()
        actor = self.ctx.actor
        stats = self.ctx.services.statistics
        lang = self._language()
        self.ctx.run_in_background(
            lambda: stats.export_csv(actor, query, language=lang),
            lambda data: self._write(path, data),
            self._failed,
            self.tr("Exporting statistics…"),
        )

    def save_chart_png(self) -> None:
        path = self.ask_save_path(
            self.tr("Save chart as PNG"), self.tr("PNG images (*.png)"), "chart.png"
        )
        if not path:
            return
        if self.current_chart_view().grab().save(path, "PNG"):
            self.ctx.notify(self.tr("Chart saved."))
        else:
            self._failed(OSError())

    def save_chart_pdf(self) -> None:
        path = self.ask_save_path(
            self.tr("Save chart as PDF"), self.tr("PDF files (*.pdf)"), "chart.pdf"
        )
        if not path:
            return
        writer = QPdfWriter(path)
        writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        writer.setPageMargins(QMarginsF(15, 15, 15, 15))
        writer.setTitle(self.current_chart_view().chart().title())
        painter = QPainter()
        if not painter.begin(writer):
            self._failed(OSError())
            return
        try:
            view = self.current_chart_view()
            target = painter.viewport()
            scale = min(
                target.width() / max(1, view.width()), target.height() / max(1, view.height())
            )
            painter.scale(scale, scale)
            view.render(painter)
        finally:
            painter.end()
        self.ctx.notify(self.tr("Chart saved."))

    def set_threshold(self) -> None:
        """Administrators: the smallest count published from now on (audited)."""
        try:
            value = self.ctx.services.statistics.set_threshold(
                self.ctx.actor, self.threshold.value()
            ).threshold
        except (Invalid, Forbidden) as exc:
            self._failed(exc)
            return
        self.status.setText(
            self.tr("Threshold %1 applies to years published from now on.").replace(
                "%1", str(value)
            )
        )

    def save_summary(self) -> None:
        """The yearly summary of the 'To' year, or of the last year that is over."""
        last_over = self.ctx.services.clock().year - 1
        year = min(max(self.year_from.value(), self.year_to.value()), last_over)
        path = self.ask_save_path(
            self.tr("Save the yearly summary"), self.tr("PDF files (*.pdf)"), f"summary-{year}.pdf"
        )
        if not path:
            return
        actor = self.ctx.actor
        stats = self.ctx.services.statistics
        site_id = self.site.currentData()
        lang = self._language()
        self.ctx.run_in_background(
            lambda: stats.summary_pdf(actor, year, site_id, language=lang),
            lambda data: self._write(path, data),
            self._failed,
            self.tr("Preparing the yearly summary…"),
        )

    def _language(self) -> Language:
        return "da" if self.ctx.settings.language == "da" else "en"

    def _write(self, path: str, data: object) -> None:
        assert isinstance(data, bytes)
        try:
            Path(path).write_bytes(data)
        except OSError as exc:
            self._failed(exc)
            return
        self.ctx.notify(self.tr("Saved."))
        self.status.setText(self.tr("Saved to %1").replace("%1", Path(path).name))

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, OSError):
            message = self.tr("The file could not be written. Nothing was saved.")
        else:
            message = error_message(exc)
        self.status.setText(message)
        prompter.warn(self, self.tr("Statistics"), message)


def _cell(value: int | None) -> str:
    return HIDDEN if value is None else str(value)
