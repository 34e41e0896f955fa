"""The figures the centre publishes: victims per year by exploitation, gender, age, nationality,
identifying authority and outcome; shelter stays; clinic activity.

Published figures come only from the publication ledger (:mod:`clinic_app.services.
publication`): each calendar year is protected once, for every site and nationally, and
every later query, export or printed summary reuses exactly what was released. The
suppression threshold is an administrator's setting (never below 3), recorded with each
release. The unsuppressed "internal" mode needs ``statistics.internal`` and is audited as
such. Counting is in :mod:`clinic_app.services.statistics_counts`.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from clinic_app.documents import render_document
from clinic_app.documents.data import (
    DocumentMeta,
    Letterhead,
    StatisticsSummaryDoc,
    StatRow,
    StatSection,
)
from clinic_app.errors import Invalid
from clinic_app.models import AppSetting, DocumentLog, Site, StatisticsRelease, utcnow
from clinic_app.security.context import Actor
from clinic_app.security.permissions import Action, require
from clinic_app.services.audit_trail import AuditTrail
from clinic_app.services.common import Clock, system_today
from clinic_app.services.database import Database
from clinic_app.services.disclosure import (
    DEFAULT_THRESHOLD,
    MAX_THRESHOLD,
    MIN_THRESHOLD,
)
from clinic_app.services.htcds_export import (
    DEFAULT_K,
    MAX_K,
    MIN_K,
    HtcdsExport,
    build_htcds_csv,
)
from clinic_app.services.publication import (
    NATIONAL,
    NO_SITE,
    TOTAL,
    Release,
    SiteCounts,
    protect_year,
    view,
)
from clinic_app.services.relations import require_site_scope
from clinic_app.services.statistics_counts import (
    BUILDERS,
    RawTable,
    TableBuild,
    age_group,
    birth_key,
    htcds_sources,
)
from clinic_app.services.statistics_labels import (
    Language,
    category_label,
    country_label,
    note_text,
    table_title,
)
from clinic_app.services.statistics_tables import (
    ACTIVITY,
    AGE_GROUPS,
    BREAKDOWNS,
    BY_AGE,
    BY_AUTHORITY,
    BY_EXPLOITATION,
    BY_GENDER,
    BY_NATIONALITY,
    BY_OUTCOME,
    CLINIC_ACTIVITY,
    CSV_BOM,
    MAX_YEARS,
    OTHER_NATIONALITIES,
    OUTCOMES,
    SHELTER_STAYS,
    TABLE_KEYS,
    VICTIMS,
    StatisticsReport,
    StatsQuery,
    StatTable,
)
from clinic_app.vocabulary import DocumentAction, DocumentType

_ORG_SETTING = "organisation_name"
_DEFAULT_ORGANISATION = "Shelters and health clinics"
THRESHOLD_SETTING = "statistics_threshold"
HTCDS_K_SETTING = "statistics_htcds_k"
SUMMARY_TABLES = (BY_EXPLOITATION, BY_GENDER, BY_AGE, BY_NATIONALITY, BY_OUTCOME)


@dataclass(frozen=True)
class _Shape:
    unit: str
    row_totals: bool
    column_totals: bool
    overlapping: bool = False
    notes: tuple[str, ...] = ()


_SHAPES: dict[str, _Shape] = {
    VICTIMS: _Shape("persons", True, True, notes=("presumed",)),
    BY_EXPLOITATION: _Shape("persons", True, True, overlapping=True, notes=("overlapping",)),
    BY_GENDER: _Shape("persons", True, True),
    BY_AGE: _Shape("persons", True, True, notes=("age",)),
    BY_NATIONALITY: _Shape("persons", True, True),
    BY_AUTHORITY: _Shape("persons", True, True),
    BY_OUTCOME: _Shape("persons", True, True, notes=("outcome",)),
    SHELTER_STAYS: _Shape("stays", True, True),
    CLINIC_ACTIVITY: _Shape("events", False, False),
}


@dataclass(frozen=True)
class DisclosureSettings:
    """The administrator's settings: the smallest count published, and the k of the
    k-anonymous HTCDS export."""

    threshold: int
    htcds_k: int


@dataclass(frozen=True)
class ReleaseInfo:
    """One entry of the publication ledger (no counts: those are in the tables)."""

    year: int
    table_key: str
    threshold: int
    released_at: dt.datetime
    released_by: str
    primary_hidden: int
    secondary_hidden: int


@dataclass(frozen=True)
class SummaryData:
    """What the printed yearly summary shows: released entries of one year."""

    year: int
    site_code: str | None
    threshold: int
    total_identified: int | None
    sections: tuple[tuple[str, tuple[tuple[str, int | None], ...]], ...]  # (key, (code, n))


class StatisticsService:
    """Yearly tables, CSV and PDF output, the ledger, and the k-anonymous HTCDS export."""

    def __init__(self, db: Database, audit: AuditTrail, clock: Clock = system_today) -> None:
        self._db = db
        self._audit = audit
        self._today = clock
        self._parsed: dict[int, Release] = {}

    # --- settings --------------------------------------------------------------------------

    def settings(self, actor: Actor) -> DisclosureSettings:
        """The threshold and k in force (readable by anyone who may see statistics)."""
        require(actor, Action.STATISTICS_VIEW)
        with self._db.read() as s:
            return DisclosureSettings(_threshold(s), _htcds_k(s))

    def set_threshold(self, actor: Actor, threshold: int) -> DisclosureSettings:
        """Administrators only; audited. Applies to years released from now on: a year
        already released keeps its protection (a second one could be compared with it)."""
        require(actor, Action.SETTINGS_EDIT)
        if not MIN_THRESHOLD <= threshold <= MAX_THRESHOLD:
            raise Invalid(
                "threshold",
                "out_of_range",
                f"A threshold between {MIN_THRESHOLD} and {MAX_THRESHOLD}.",
            )
        with self._db.write() as s:
            before = _threshold(s)
            s.merge(AppSetting(key=THRESHOLD_SETTING, value=str(threshold)))
            self._audit.record(
                s,
                actor,
                "statistics.configure",
                target="statistics:threshold",
                details={"threshold": threshold, "was": before},
            )
            return DisclosureSettings(threshold, _htcds_k(s))

    def set_htcds_k(self, actor: Actor, k: int) -> DisclosureSettings:
        """Administrators only; audited; never below CTDC's k = 11."""
        require(actor, Action.SETTINGS_EDIT)
        if not MIN_K <= k <= MAX_K:
            raise Invalid("k", "out_of_range", f"A k between {MIN_K} and {MAX_K}.")
        with self._db.write() as s:
            before = _htcds_k(s)
            s.merge(AppSetting(key=HTCDS_K_SETTING, value=str(k)))
            self._audit.record(
                s,
                actor,
                "statistics.configure",
                target="statistics:htcds_k",
                details={"htcds_k": k, "was": before},
            )
            return DisclosureSettings(_threshold(s), k)

    # --- tables ----------------------------------------------------------------------------

    def report(
        self, actor: Actor, query: StatsQuery, keys: Sequence[str] | None = None
    ) -> StatisticsReport:
        """The tables ``keys`` (default: all) for ``query``; audited as a view."""
        chosen = self._check(actor, query, keys)
        with self._db.write() as s:
            report = self._build(s, actor, query, chosen)
            self._audit.record(
                s,
                actor,
                "statistics.view_internal" if query.internal else "statistics.view",
                details=_audit_details(query, chosen, report),
            )
        return report

    def table(self, actor: Actor, query: StatsQuery, key: str) -> StatTable:
        """One table (see :data:`TABLE_KEYS`); audited as a view."""
        return self.report(actor, query, (key,)).tables[0]

    def export_csv(
        self,
        actor: Actor,
        query: StatsQuery,
        keys: Sequence[str] | None = None,
        language: Language = "en",
    ) -> bytes:
        """The tables as one CSV file (UTF-8 with BOM so Excel reads it); audited as an export."""
        chosen = self._check(actor, query, keys)
        with self._db.write() as s:
            report = self._build(s, actor, query, chosen)
            data = tables_csv(report, language).encode("utf-8")
            self._audit.record(
                s,
                actor,
                "statistics.export_csv",
                details={**_audit_details(query, chosen, report), "bytes": len(data)},
            )
        return data

    def ledger(self, actor: Actor, year: int | None = None) -> tuple[ReleaseInfo, ...]:
        """What was released, when and by whom, and how many entries were suppressed."""
        require(actor, Action.STATISTICS_VIEW)
        with self._db.read() as s:
            stmt = select(StatisticsRelease).order_by(
                StatisticsRelease.year, StatisticsRelease.table_key
            )
            if year is not None:
                stmt = stmt.where(StatisticsRelease.year == year)
            return tuple(
                ReleaseInfo(
                    r.year,
                    r.table_key,
                    r.threshold,
                    r.released_at,
                    r.released_by,
                    r.primary_hidden,
                    r.secondary_hidden,
                )
                for r in s.scalars(stmt)
            )

    # --- printed summary -------------------------------------------------------------------

    def summary(self, actor: Actor, year: int, site_id: int | None = None) -> SummaryData:
        """The released figures of one year that the printed summary shows."""
        require(actor, Action.STATISTICS_VIEW)
        with self._db.write() as s:
            return self._summary(s, actor, year, site_id)

    def summary_pdf(
        self,
        actor: Actor,
        year: int,
        site_id: int | None = None,
        language: Language = "en",
    ) -> bytes:
        """A yearly summary for publication: released figures only, with charts; no case
        reference, no staff name, no personal-data banner. Audited and logged."""
        require(actor, Action.STATISTICS_VIEW)
        with self._db.write() as s:
            data = self._summary(s, actor, year, site_id)
            organisation = (
                s.scalar(select(AppSetting.value).where(AppSetting.key == _ORG_SETTING))
                or _DEFAULT_ORGANISATION
            )
            content = _summary_doc(data, language)
            meta = DocumentMeta(
                doc_type=DocumentType.STATISTICS_SUMMARY,
                language=language,
                case_ref="",
                issued_on=self._today(),
                printed_by="",
                public=True,
            )
            pdf = render_document(content, meta, Letterhead(organisation))
            s.add(
                DocumentLog(
                    at=utcnow(),
                    user_id=actor.user_id,
                    doc_type=DocumentType.STATISTICS_SUMMARY,
                    action=DocumentAction.EXPORT,
                    language=language,
                    sha256=hashlib.sha256(pdf).hexdigest(),
                    pages=max(1, pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages")),
                )
            )
            self._audit.record(
                s,
                actor,
                "statistics.print_summary",
                target=f"statistics:{year}",
                details={"year": year, "site_id": site_id, "threshold": data.threshold},
            )
        return pdf

    def _summary(self, s: Session, actor: Actor, year: int, site_id: int | None) -> SummaryData:
        StatsQuery.for_years(year, site_id=site_id)  # checks the year
        site_code = _site_code(s, site_id)
        releases = self._releases(s, actor, (year,))
        if year not in releases:
            raise Invalid("year", "not_released", "The year is not over: nothing is published.")
        rel = releases[year]
        row = site_code or NATIONAL
        sections = []
        for key in SUMMARY_TABLES:
            r = rel[key]
            sections.append((key, tuple((c, r.get(row, c)) for c in r.columns)))
        return SummaryData(
            year,
            site_code,
            rel[VICTIMS].threshold,
            rel[VICTIMS].get(row, "identified"),
            tuple(sections),
        )

    # --- data sharing ----------------------------------------------------------------------

    def export_htcds(self, actor: Actor, query: StatsQuery, k: int | None = None) -> HtcdsExport:
        """Case records in HTCDS/CTDC columns, k-anonymous, as CSV (UTF-8 with BOM).

        One row per person identified, or first contacted and presumed, in the period, with
        quasi-identifiers generalised and rare records withheld until every combination
        occurs at least k times (the setting, default 11; ``k`` may only raise it). Needs
        ``statistics.internal``; audited as an export.
        """
        require(actor, Action.STATISTICS_INTERNAL)
        _check_query(query)
        with self._db.write() as s:
            _site_code(s, query.site_id)
            floor = _htcds_k(s)
            if k is not None and not floor <= k <= MAX_K:
                raise Invalid("k", "out_of_range", f"A k between {floor} and {MAX_K}.")
            sources = htcds_sources(s, query)
            export = build_htcds_csv(sources, k=k or floor)
            self._audit.record(
                s,
                actor,
                "statistics.export_htcds",
                target=f"export:{export.export_id}",
                details={
                    **_audit_details(query, ("htcds",), None),
                    "rows": export.rows,
                    "k": export.k,
                    "withheld": export.withheld,
                    "generalised": export.generalised,
                },
            )
        return export

    # --- helpers ---------------------------------------------------------------------------

    def _check(
        self, actor: Actor, query: StatsQuery, keys: Sequence[str] | None
    ) -> tuple[str, ...]:
        require(actor, Action.STATISTICS_INTERNAL if query.internal else Action.STATISTICS_VIEW)
        if query.internal:
            # Unsuppressed small counts for one site can point to who stays there.
            require_site_scope(actor, query.site_id)
        _check_query(query)
        if not query.internal and (
            (query.date_from.month, query.date_from.day) != (1, 1)
            or (query.date_to.month, query.date_to.day) != (12, 31)
        ):
            raise Invalid(
                "date_from", "whole_years", "Published figures are for whole calendar years."
            )
        chosen = tuple(keys) if keys is not None else TABLE_KEYS
        if not chosen:
            raise Invalid("tables", "required", "Choose at least one table.")
        for key in chosen:
            if key not in BUILDERS:
                raise Invalid("tables", "unknown_table", f"Unknown table: {key[:40]}")
        return chosen

    def _build(
        self, s: Session, actor: Actor, query: StatsQuery, keys: Sequence[str]
    ) -> StatisticsReport:
        site_code = _site_code(s, query.site_id)
        if query.internal:
            build = TableBuild(s, query)
            tables = tuple(_internal_table(BUILDERS[k](build), query) for k in keys)
            return StatisticsReport(
                query.date_from, query.date_to, query.site_id, site_code, False, 0, tables
            )
        releases = self._releases(s, actor, query.years)
        published = tuple(_published_table(k, releases, query.years, site_code) for k in keys)
        thresholds = [r[VICTIMS].threshold for r in releases.values()]
        return StatisticsReport(
            query.date_from,
            query.date_to,
            query.site_id,
            site_code,
            True,
            min(thresholds) if thresholds else _threshold(s),
            published,
            tuple(y for y in query.years if y not in releases),
        )

    def _releases(
        self, s: Session, actor: Actor, years: Sequence[int]
    ) -> dict[int, dict[str, Release]]:
        """The released tables of each year that is over; a year not released yet is
        protected and released now (audited as ``statistics.publish``)."""
        closed = [y for y in years if y < self._today().year]
        if not closed:
            return {}
        out: dict[int, dict[str, Release]] = {}
        stored = s.execute(
            select(StatisticsRelease.id, StatisticsRelease.year, StatisticsRelease.table_key).where(
                StatisticsRelease.year.in_(closed)
            )
        ).all()
        # A release never changes once written: parse each row once per service.
        unparsed = [rid for rid, _, _ in stored if rid not in self._parsed]
        if unparsed:
            for r in s.scalars(select(StatisticsRelease).where(StatisticsRelease.id.in_(unparsed))):
                self._parsed[r.id] = Release.from_json(
                    r.year,
                    r.table_key,
                    r.threshold,
                    r.columns,
                    r.entries,
                    primary=r.primary_hidden,
                    secondary=r.secondary_hidden,
                    released_by=r.released_by,
                    released_at=r.released_at.isoformat(),
                )
        for rid, year, key in stored:
            out.setdefault(year, {})[key] = self._parsed[rid]
        missing = [y for y in closed if y not in out]
        if missing:
            threshold = _threshold(s)
            sites = tuple(s.scalars(select(Site.code).order_by(Site.code)))
            counts = _site_counts(s, missing)
            now = utcnow()
            for y in missing:
                releases = protect_year(y, counts[y], sites, threshold)
                for key, rel in releases.items():
                    columns, entries = rel.to_json()
                    s.add(
                        StatisticsRelease(
                            year=y,
                            table_key=key,
                            threshold=threshold,
                            released_at=now,
                            released_by_id=actor.user_id,
                            released_by=actor.username,
                            columns=columns,
                            entries=entries,
                            primary_hidden=rel.primary,
                            secondary_hidden=rel.secondary,
                        )
                    )
                out[y] = releases
                self._audit.record(
                    s,
                    actor,
                    "statistics.publish",
                    target=f"statistics:{y}",
                    details={
                        "year": y,
                        "threshold": threshold,
                        "primary": sum(r.primary for r in releases.values()),
                        "secondary": sum(r.secondary for r in releases.values()),
                    },
                )
            s.flush()
        for y, tables in out.items():
            for key in TABLE_KEYS:
                if key not in tables:  # a table added after the year was released
                    tables[key] = _withheld(y, key, tables)
        return out


def _setting(s: Session, key: str, default: int, low: int) -> int:
    raw = s.scalar(select(AppSetting.value).where(AppSetting.key == key))
    try:
        value = int(raw) if raw is not None else default
    except ValueError:
        value = default
    return max(low, value)  # a setting edited below the floor by hand still cannot lower it


def _threshold(s: Session) -> int:
    return min(MAX_THRESHOLD, _setting(s, THRESHOLD_SETTING, DEFAULT_THRESHOLD, MIN_THRESHOLD))


def _htcds_k(s: Session) -> int:
    return min(MAX_K, _setting(s, HTCDS_K_SETTING, DEFAULT_K, MIN_K))


def _site_code(s: Session, site_id: int | None) -> str | None:
    if site_id is None:
        return None
    code = s.scalar(select(Site.code).where(Site.id == site_id))
    if code is None:
        raise Invalid("site_id", "unknown_site", "No such site.")
    return code


def _withheld(year: int, key: str, tables: dict[str, Release]) -> Release:
    """A table with nothing released (the year's other tables were protected without it)."""
    threshold = next(iter(tables.values())).threshold if tables else DEFAULT_THRESHOLD
    return Release(year, key, threshold, (), {})


def _site_counts(s: Session, years: Sequence[int]) -> dict[int, dict[str, SiteCounts]]:
    """Unprotected counts of every table for each year, per site, with no-site and national
    rows: the builders run once nationally and once per site over the years' span."""
    span = StatsQuery.for_years(min(years), max(years), internal=True)
    everywhere = TableBuild(s, span)
    national = {k: b(everywhere) for k, b in BUILDERS.items()}
    per_site: dict[str, dict[str, RawTable]] = {}
    for site_id, code in s.execute(select(Site.id, Site.code)):
        q = StatsQuery(span.date_from, span.date_to, site_id, internal=True)
        build = TableBuild(s, q)
        per_site[code] = {k: b(build) for k, b in BUILDERS.items() if k != SHELTER_STAYS}
    out: dict[int, dict[str, SiteCounts]] = {}
    for y in years:
        tables: dict[str, SiteCounts] = {}
        for key, raw in national.items():
            rows: dict[str, dict[str, int]] = {NATIONAL: _row(raw, y)}
            columns = list(raw.columns)
            if key != SHELTER_STAYS:
                for code, raws in per_site.items():
                    rows[code] = _row(raws[key], y)
                    columns += [c for c in raws[key].columns if c not in columns]
                sites = [r for k, r in rows.items() if k != NATIONAL]
                rows[NO_SITE] = {
                    c: max(0, rows[NATIONAL].get(c, 0) - sum(r.get(c, 0) for r in sites))
                    for c in (*columns, TOTAL)
                }
            tables[key] = SiteCounts(key, tuple(columns), rows, raw.row_totals is not None)
        out[y] = tables
    return out


def _row(raw: RawTable, year: int) -> dict[str, int]:
    row = {c: n for (y, c), n in raw.counts.items() if y == year}
    if raw.row_totals is not None:
        row[TOTAL] = raw.row_totals.get(year, 0)
    return row


def _check_query(query: StatsQuery) -> None:
    if query.date_to < query.date_from:
        raise Invalid("date_to", "end_before_start", "The end date is before the start date.")
    if len(query.years) > MAX_YEARS:
        raise Invalid("date_to", "too_long", f"At most {MAX_YEARS} years at a time.")


def _audit_details(
    query: StatsQuery, keys: Iterable[str], report: StatisticsReport | None
) -> dict[str, object]:
    details: dict[str, object] = {
        "tables": list(keys),
        "from": query.date_from.isoformat(),
        "to": query.date_to.isoformat(),
        "site_id": query.site_id,
        "internal": query.internal,
    }
    if report is not None and report.published:
        details["threshold"] = report.threshold
    return details


# --- shaping -------------------------------------------------------------------------------


def _internal_table(raw: RawTable, query: StatsQuery) -> StatTable:
    years = query.years
    cells = tuple(tuple(raw.counts.get((y, c), 0) for c in raw.columns) for y in years)
    row_totals = (
        tuple(raw.row_totals.get(y, 0) for y in years) if raw.row_totals is not None else None
    )
    column_totals: tuple[int, ...] | None = None
    grand: int | None = None
    if raw.with_column_totals:
        column_totals = tuple(sum(row[i] for row in cells) for i in range(len(raw.columns)))
        if row_totals is not None:
            grand = sum(row_totals)
    return StatTable(
        raw.key,
        table_title(raw.key),
        raw.unit,
        years,
        raw.columns,
        cells,
        row_totals,
        column_totals,
        grand,
        raw.overlapping,
        ("internal", *raw.notes),
        0,
    )


def _published_table(
    key: str,
    releases: dict[int, dict[str, Release]],
    years: tuple[int, ...],
    site_code: str | None,
) -> StatTable:
    shape = _SHAPES[key]
    v = view(
        key,
        {y: r[key] for y, r in releases.items()},
        years,
        site_code,
        with_totals=shape.row_totals,
        column_totals=shape.column_totals,
    )
    entries = [x for row in v.cells for x in row]
    entries += list(v.row_totals or ()) + list(v.column_totals or ())
    if shape.row_totals and shape.column_totals:
        entries.append(v.grand_total)
    hidden = sum(1 for x in entries if x is None)
    notes = list(shape.notes)
    if hidden:
        notes.append("suppressed")
    if any(y not in releases for y in years):
        notes.append("not_released")
    return StatTable(
        key,
        table_title(key),
        shape.unit,
        years,
        v.columns,
        v.cells,
        v.row_totals,
        v.column_totals,
        v.grand_total,
        shape.overlapping,
        tuple(notes),
        hidden,
    )


def _summary_doc(data: SummaryData, language: Language) -> StatisticsSummaryDoc:
    sections = []
    for key, rows in data.sections:
        labels = country_label if key == BY_NATIONALITY else category_label
        sections.append(
            StatSection(
                table_title(key, language),
                tuple(StatRow(labels(code, language), n) for code, n in rows),
            )
        )
    notes = [note_text("summary", language, n=data.threshold)]
    return StatisticsSummaryDoc(
        year=data.year,
        total_identified=data.total_identified,
        sections=tuple(sections),
        suppression_threshold=data.threshold,
        note="\n".join(notes),
        area=data.site_code or "",
    )


def tables_csv(report: StatisticsReport, language: Language = "en") -> str:
    """The report as CSV text with a BOM: per table a title line, a header and year rows.

    Hidden counts are written as the word ``suppressed`` (``skjult``), never as an empty
    cell, so a spreadsheet cannot mistake them for zero. Published output states the
    threshold in force.
    """
    hidden_word = "skjult" if language == "da" else "suppressed"
    total_word = "I alt" if language == "da" else "Total"
    year_word = "År" if language == "da" else "Year"
    buf = io.StringIO()
    buf.write(CSV_BOM)
    out = csv.writer(buf, lineterminator="\r\n")

    def fmt(value: int | None) -> str:
        return hidden_word if value is None else str(value)

    if report.published:
        out.writerow(
            [note_text("threshold", language, n=report.threshold, n_1=report.threshold - 1)]
        )
        out.writerow([])
    for n, table in enumerate(report.tables):
        if n:
            out.writerow([])
        out.writerow([table_title(table.key, language)])
        header = [year_word] + [category_label(c, language) for c in table.columns]
        if table.row_totals is not None:
            header.append(total_word)
        out.writerow(header)
        for i, year in enumerate(table.years):
            row = [str(year)] + [fmt(v) for v in table.cells[i]]
            if table.row_totals is not None:
                row.append(fmt(table.row_totals[i]))
            out.writerow(row)
        if table.column_totals is not None:
            row = [total_word] + [fmt(v) for v in table.column_totals]
            if table.row_totals is not None:
                row.append(fmt(table.grand_total))
            out.writerow(row)
        for key in table.notes:
            out.writerow([note_text(key, language, t=report.threshold - 1)])
    return buf.getvalue()


__all__ = [
    "ACTIVITY",
    "AGE_GROUPS",
    "BREAKDOWNS",
    "BY_AGE",
    "BY_AUTHORITY",
    "BY_EXPLOITATION",
    "BY_GENDER",
    "BY_NATIONALITY",
    "BY_OUTCOME",
    "CLINIC_ACTIVITY",
    "MAX_YEARS",
    "OTHER_NATIONALITIES",
    "OUTCOMES",
    "SHELTER_STAYS",
    "TABLE_KEYS",
    "VICTIMS",
    "DisclosureSettings",
    "ReleaseInfo",
    "StatTable",
    "StatisticsReport",
    "StatisticsService",
    "StatsQuery",
    "SummaryData",
    "age_group",
    "birth_key",
    "tables_csv",
]
