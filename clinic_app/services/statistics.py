"""The figures the centre publishes: victims per year by exploitation, gender, age, nationality,
identifying authority and outcome; shelter stays; clinic activity.

Every table is counted in the database (GROUP BY), never by looping over persons. Published
tables go through :mod:`clinic_app.services.disclosure`; the unsuppressed "internal" mode
needs ``statistics.internal`` and is audited as such.

Definitions (also printed with the tables):

* *identified* in a year: the person's first identification event with outcome
  "identified" (not voided) falls in that year;
* *presumed* in a year: the first contact falls in that year and no identification decision
  is recorded (identified or not);
* *age at identification* uses the best known birth date exactly as
  :func:`clinic_app.rules.age_on` does (estimated year: the end of that year, so a minor
  until the end of the year of the 18th birthday; age assessment: the youngest reading;
  29 February: 1 March in common years); no usable birth data is "unknown";
* *outcome* as recorded to date: asylum granted, else assisted voluntary return (departure),
  else a residence permit, else "other";
* the site filter uses the person's current site for person counts, the event's site for
  shelter stays, and the visit's (or outing's) site for clinic activity.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Integer,
    String,
    and_,
    case,
    cast,
    distinct,
    exists,
    extract,
    func,
    literal,
    select,
)
from sqlalchemy.orm import Session
from sqlalchemy.sql.expression import Subquery

from clinic_app.documents import render_document
from clinic_app.documents.data import (
    DocumentMeta,
    Letterhead,
    StatisticsSummaryDoc,
    StatRow,
    StatSection,
)
from clinic_app.errors import Invalid, NotFound
from clinic_app.models import (
    AppSetting,
    CaseEvent,
    DocumentLog,
    MobileOuting,
    Person,
    PersonExploitation,
    Referral,
    Site,
    User,
    Visit,
    VisitServiceGiven,
    utcnow,
)
from clinic_app.security.context import Actor
from clinic_app.security.permissions import Action, require
from clinic_app.services.audit_trail import AuditTrail
from clinic_app.services.common import Clock, system_today
from clinic_app.services.database import Database
from clinic_app.services.disclosure import (
    DEFAULT_THRESHOLD,
    CountTable,
    check_threshold,
    is_small,
    protect,
    protect_list,
)
from clinic_app.services.htcds_export import HtcdsExport, HtcdsSource, build_htcds_csv
from clinic_app.services.relations import require_site_scope
from clinic_app.services.statistics_labels import (
    Language,
    category_label,
    country_label,
    note_text,
    table_title,
)
from clinic_app.vocabulary import (
    Authority,
    BirthCertainty,
    DocumentAction,
    DocumentType,
    EventKind,
    ExploitationForm,
    Outcome,
    Sex,
    SiteKind,
)

VICTIMS = "victims"
BY_EXPLOITATION = "identified_by_exploitation"
BY_GENDER = "identified_by_gender"
BY_AGE = "identified_by_age"
BY_NATIONALITY = "identified_by_nationality"
BY_AUTHORITY = "identified_by_authority"
BY_OUTCOME = "identified_by_outcome"
SHELTER_STAYS = "shelter_stays"
CLINIC_ACTIVITY = "clinic_activity"

TABLE_KEYS: tuple[str, ...] = (
    VICTIMS,
    BY_EXPLOITATION,
    BY_GENDER,
    BY_AGE,
    BY_NATIONALITY,
    BY_AUTHORITY,
    BY_OUTCOME,
    SHELTER_STAYS,
    CLINIC_ACTIVITY,
)
# The short names the command line offers for ``--by``.
BREAKDOWNS: dict[str, str] = {
    "exploitation": BY_EXPLOITATION,
    "gender": BY_GENDER,
    "age": BY_AGE,
    "nationality": BY_NATIONALITY,
    "authority": BY_AUTHORITY,
    "outcome": BY_OUTCOME,
}

AGE_GROUPS: tuple[str, ...] = ("child", "adult", "unknown")
OUTCOMES: tuple[str, ...] = ("return", "permit", "asylum_granted", "other")
ACTIVITY: tuple[str, ...] = (
    "visits",
    "anonymous_visitors",
    "mobile_outings",
    "services_given",
    "referrals",
)
MAX_YEARS = 50
OTHER_NATIONALITIES = "other_nationalities"
SUMMARY_NATIONALITIES = 4  # the printed summary lists these many, then "other"
CSV_BOM = "\ufeff"

_ORG_SETTING = "organisation_name"
_DEFAULT_ORGANISATION = "Shelters and health clinics"


@dataclass(frozen=True)
class StatsQuery:
    """Which period (inclusive dates; rows are calendar years) and which site (None: all)."""

    date_from: dt.date
    date_to: dt.date
    site_id: int | None = None
    internal: bool = False
    threshold: int = DEFAULT_THRESHOLD

    @classmethod
    def for_years(
        cls,
        first: int,
        last: int | None = None,
        *,
        site_id: int | None = None,
        internal: bool = False,
        threshold: int = DEFAULT_THRESHOLD,
    ) -> StatsQuery:
        """Whole calendar years ``first`` .. ``last`` (default: just ``first``)."""
        last = first if last is None else last
        for field_name, year in (("year_from", first), ("year_to", last)):
            if not 1900 < year < 2200:
                raise Invalid(field_name, "out_of_range", "A year between 1901 and 2199.")
        return cls(dt.date(first, 1, 1), dt.date(last, 12, 31), site_id, internal, threshold)

    @property
    def years(self) -> tuple[int, ...]:
        return tuple(range(self.date_from.year, self.date_to.year + 1))


@dataclass(frozen=True)
class StatTable:
    """Rows are years, columns category codes. None marks a count hidden for publication.

    ``overlapping``: one person may count in several columns, so the columns need not add up
    to the row total (which counts persons). ``hidden``: how many entries were suppressed.
    """

    key: str
    title: str
    unit: str  # "persons", "stays" or "events"
    years: tuple[int, ...]
    columns: tuple[str, ...]
    cells: tuple[tuple[int | None, ...], ...]
    row_totals: tuple[int | None, ...] | None
    column_totals: tuple[int | None, ...] | None
    grand_total: int | None
    overlapping: bool
    notes: tuple[str, ...]
    hidden: int

    def column(self, code: str) -> tuple[int | None, ...]:
        """One category's counts, year by year."""
        i = self.columns.index(code)
        return tuple(row[i] for row in self.cells)

    def cell(self, year: int, code: str) -> int | None:
        return self.cells[self.years.index(year)][self.columns.index(code)]


@dataclass(frozen=True)
class StatisticsReport:
    date_from: dt.date
    date_to: dt.date
    site_id: int | None
    site_code: str | None
    published: bool  # False: internal, unsuppressed
    threshold: int
    tables: tuple[StatTable, ...]

    def table(self, key: str) -> StatTable:
        for t in self.tables:
            if t.key == key:
                return t
        raise NotFound("statistics table", key)


@dataclass(frozen=True)
class _Raw:
    """Counts before disclosure control: (year, column) -> n, with margins."""

    key: str
    unit: str
    columns: tuple[str, ...]
    counts: dict[tuple[int, str], int]
    row_totals: dict[int, int] | None  # None: the table has no row totals
    with_column_totals: bool
    overlapping: bool = False
    notes: tuple[str, ...] = ()


class StatisticsService:
    """Yearly tables, CSV and PDF output, and the de-identified HTCDS export."""

    def __init__(self, db: Database, audit: AuditTrail, clock: Clock = system_today) -> None:
        self._db = db
        self._audit = audit
        self._today = clock

    # --- tables ----------------------------------------------------------------------------

    def report(
        self, actor: Actor, query: StatsQuery, keys: Sequence[str] | None = None
    ) -> StatisticsReport:
        """The tables ``keys`` (default: all) for ``query``; audited as a view."""
        chosen = self._check(actor, query, keys)
        with self._db.write() as s:
            report = self._build(s, query, chosen)
            self._audit.record(
                s,
                actor,
                "statistics.view_internal" if query.internal else "statistics.view",
                details=_audit_details(query, chosen),
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
            report = self._build(s, query, chosen)
            data = tables_csv(report, language).encode("utf-8")
            self._audit.record(
                s,
                actor,
                "statistics.export_csv",
                details={**_audit_details(query, chosen), "bytes": len(data)},
            )
        return data

    # --- printed summary -------------------------------------------------------------------

    def summary_pdf(
        self,
        actor: Actor,
        year: int,
        site_id: int | None = None,
        language: Language = "en",
        threshold: int = DEFAULT_THRESHOLD,
    ) -> bytes:
        """A one-page yearly summary (always published figures); audited and logged.

        Each section is a list of counts under the year's total, protected as a
        one-dimensional table; nationalities are cut to the most frequent ones plus "other".
        """
        published = StatsQuery.for_years(year, site_id=site_id, threshold=threshold)
        keys = self._check(
            actor,
            published,
            (VICTIMS, BY_EXPLOITATION, BY_GENDER, BY_AGE, BY_NATIONALITY, BY_OUTCOME),
        )
        # Counted unsuppressed, then protected here section by section: nothing unprotected
        # leaves this method.
        counting = StatsQuery.for_years(year, site_id=site_id, internal=True, threshold=threshold)
        with self._db.read() as s:
            report = self._build(s, counting, keys)
        total = report.tables[0].cell(year, "identified") or 0
        sections = []
        for table in report.tables[1:]:
            codes = list(table.columns)
            counts = [table.cell(year, c) or 0 for c in codes]
            if table.key == BY_NATIONALITY:
                codes, counts = _top_nationalities(codes, counts, SUMMARY_NATIONALITIES, threshold)
            shown, _ = protect_list(counts, total, threshold)
            labels = country_label if table.key == BY_NATIONALITY else category_label
            # Every category is listed, zeros too: listing only those present would tell
            # that someone is in a category whose count is hidden.
            rows = tuple(
                StatRow(labels(code, language), value)
                for code, value in zip(codes, shown, strict=True)
            )
            sections.append(StatSection(table_title(table.key, language), rows))
        notes = [note_text("summary", language, n=threshold)]
        if report.site_code:
            notes.insert(0, f"{'Sted' if language == 'da' else 'Site'}: {report.site_code}")
        content = StatisticsSummaryDoc(
            year=year,
            total_identified=None if is_small(total, threshold) else total,
            sections=tuple(sections),
            suppression_threshold=threshold,
            note="\n".join(notes),
        )
        with self._db.write() as s:
            user = s.get(User, actor.user_id)
            organisation = (
                s.scalar(select(AppSetting.value).where(AppSetting.key == _ORG_SETTING))
                or _DEFAULT_ORGANISATION
            )
            meta = DocumentMeta(
                doc_type=DocumentType.STATISTICS_SUMMARY,
                language=language,
                case_ref=f"STAT-{year}" + (f"-{report.site_code}" if report.site_code else ""),
                issued_on=self._today(),
                printed_by=user.display_name if user else actor.username,
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
                details=_audit_details(published, keys),
            )
        return pdf

    # --- data sharing ----------------------------------------------------------------------

    def export_htcds(self, actor: Actor, query: StatsQuery) -> HtcdsExport:
        """De-identified case records in HTCDS/CTDC columns, as CSV (UTF-8 with BOM).

        One row per person identified, or first contacted and presumed, in the period. No
        names, case references or dates finer than the year; ages as bands. Record-level
        data, so it needs ``statistics.internal``; audited as an export.
        """
        require(actor, Action.STATISTICS_INTERNAL)
        _check_query(query)
        with self._db.write() as s:
            self._site_code(s, query.site_id)
            sources = _htcds_sources(s, query)
            export = build_htcds_csv(sources)
            self._audit.record(
                s,
                actor,
                "statistics.export_htcds",
                target=f"export:{export.export_id}",
                details={**_audit_details(query, ("htcds",)), "rows": export.rows},
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
        chosen = tuple(keys) if keys is not None else TABLE_KEYS
        if not chosen:
            raise Invalid("tables", "required", "Choose at least one table.")
        for key in chosen:
            if key not in _BUILDERS:
                raise Invalid("tables", "unknown_table", f"Unknown table: {key[:40]}")
        return chosen

    def _build(self, s: Session, query: StatsQuery, keys: Sequence[str]) -> StatisticsReport:
        site_code = self._site_code(s, query.site_id)
        build = _Build(s, query)
        tables = tuple(_finish(_BUILDERS[k](build), query) for k in keys)
        return StatisticsReport(
            query.date_from,
            query.date_to,
            query.site_id,
            site_code,
            not query.internal,
            query.threshold,
            tables,
        )

    def _site_code(self, s: Session, site_id: int | None) -> str | None:
        if site_id is None:
            return None
        code = s.scalar(select(Site.code).where(Site.id == site_id))
        if code is None:
            raise Invalid("site_id", "unknown_site", "No such site.")
        return code


def _top_nationalities(
    codes: list[str], counts: list[int], keep: int, threshold: int
) -> tuple[list[str], list[int]]:
    """At most ``keep`` countries, each with at least ``threshold`` persons (a rarer one,
    named even with its count hidden, would point to someone), then "other nationalities"
    and "unknown"."""
    pairs = sorted(
        (
            (c, n)
            for c, n in zip(codes, counts, strict=True)
            if c not in ("unknown", OTHER_NATIONALITIES) and n
        ),
        key=lambda p: (-p[1], p[0]),
    )
    top = [(c, n) for c, n in pairs[:keep] if n >= threshold]
    out_codes = [c for c, _ in top]
    out_counts = [n for _, n in top]
    by_code = dict(zip(codes, counts, strict=True))
    rest = sum(n for _, n in pairs) - sum(out_counts) + by_code.get(OTHER_NATIONALITIES, 0)
    out_codes.append(OTHER_NATIONALITIES)
    out_counts.append(rest)
    out_codes.append("unknown")
    out_counts.append(by_code.get("unknown", 0))
    return out_codes, out_counts


def _check_query(query: StatsQuery) -> None:
    if query.date_to < query.date_from:
        raise Invalid("date_to", "end_before_start", "The end date is before the start date.")
    if len(query.years) > MAX_YEARS:
        raise Invalid("date_to", "too_long", f"At most {MAX_YEARS} years at a time.")
    try:
        check_threshold(query.threshold)
    except ValueError:
        raise Invalid("threshold", "out_of_range", "A threshold between 2 and 100.") from None


def _audit_details(query: StatsQuery, keys: Iterable[str]) -> dict[str, object]:
    return {
        "tables": list(keys),
        "from": query.date_from.isoformat(),
        "to": query.date_to.isoformat(),
        "site_id": query.site_id,
        "threshold": query.threshold,
        "internal": query.internal,
    }


# --- disclosure control and shaping --------------------------------------------------------


def _finish(raw: _Raw, query: StatsQuery) -> StatTable:
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
    notes = list(raw.notes)
    if query.internal:
        notes.insert(0, "internal")
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
            tuple(notes),
            0,
        )
    protected = protect(CountTable(cells, row_totals, column_totals, grand), query.threshold)
    if protected.hidden:
        notes.append("suppressed")
    return StatTable(
        raw.key,
        table_title(raw.key),
        raw.unit,
        years,
        raw.columns,
        protected.cells,
        protected.row_totals,
        protected.column_totals,
        protected.grand_total,
        raw.overlapping,
        tuple(notes),
        protected.hidden,
    )


def tables_csv(report: StatisticsReport, language: Language = "en") -> str:
    """The report as CSV text with a BOM: per table a title line, a header and year rows.

    Hidden counts are written as the word ``suppressed`` (``skjult``), never as an empty
    cell, so a spreadsheet cannot mistake them for zero.
    """
    hidden_word = "skjult" if language == "da" else "suppressed"
    total_word = "I alt" if language == "da" else "Total"
    year_word = "År" if language == "da" else "Year"
    buf = io.StringIO()
    buf.write(CSV_BOM)
    out = csv.writer(buf, lineterminator="\r\n")

    def fmt(value: int | None) -> str:
        return hidden_word if value is None else str(value)

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


# --- SQL building blocks -------------------------------------------------------------------


def _year(col: Any) -> ColumnElement[int]:
    return cast(extract("year", col), Integer)


def _in_period(col: Any, query: StatsQuery) -> ColumnElement[bool]:
    return and_(col >= query.date_from, col <= query.date_to)


def _in_period_dt(col: Any, query: StatsQuery) -> ColumnElement[bool]:
    start = dt.datetime.combine(query.date_from, dt.time())
    end = dt.datetime.combine(query.date_to + dt.timedelta(days=1), dt.time())
    return and_(col >= start, col < end)


def _live(*criteria: ColumnElement[bool]) -> ColumnElement[bool]:
    return and_(CaseEvent.voided_at.is_(None), *criteria)


def _identified() -> Subquery:
    """person_id, day, authority: each person's first identification as a victim.

    A window function picks the first event (earliest date, then earliest entered), so the
    authority is that of the same event as the date.
    """
    rank = (
        func.row_number()
        .over(partition_by=CaseEvent.person_id, order_by=(CaseEvent.event_date, CaseEvent.id))
        .label("rank")
    )
    ranked = (
        select(
            CaseEvent.person_id.label("person_id"),
            CaseEvent.event_date.label("day"),
            cast(CaseEvent.authority, String).label("authority"),
            rank,
        )
        .where(
            _live(
                CaseEvent.kind == EventKind.IDENTIFICATION,
                CaseEvent.outcome == Outcome.IDENTIFIED,
            )
        )
        .subquery("ranked")
    )
    return (
        select(ranked.c.person_id, ranked.c.day, ranked.c.authority)
        .where(ranked.c.rank == 1)
        .subquery("ident")
    )


def _outcome_flags() -> Subquery:
    """person_id and 0/1 flags: asylum granted, departed with IOM, permit granted."""

    def flag(*criteria: ColumnElement[bool]) -> Any:
        return func.max(case((and_(*criteria), 1), else_=0))

    return (
        select(
            CaseEvent.person_id.label("person_id"),
            flag(
                CaseEvent.kind == EventKind.ASYLUM_DECIDED, CaseEvent.outcome == Outcome.GRANTED
            ).label("asylum"),
            flag(CaseEvent.kind == EventKind.AVR_DEPARTURE).label("returned"),
            flag(CaseEvent.kind.in_((EventKind.PERMIT_GRANTED, EventKind.PERMIT_RENEWED))).label(
                "permit"
            ),
        )
        .where(_live(CaseEvent.kind.in_(_OUTCOME_KINDS)))
        .group_by(CaseEvent.person_id)
        .subquery("outcomes")
    )


_OUTCOME_KINDS = (
    EventKind.ASYLUM_DECIDED,
    EventKind.AVR_DEPARTURE,
    EventKind.PERMIT_GRANTED,
    EventKind.PERMIT_RENEWED,
)


def _identified_persons(query: StatsQuery) -> tuple[Subquery, ColumnElement[bool]]:
    """The identification subquery and the condition that selects the period and site."""
    ident = _identified()
    cond = and_(Person.id == ident.c.person_id, _in_period(ident.c.day, query))
    if query.site_id is not None:
        cond = and_(cond, Person.current_site_id == query.site_id)
    return ident, cond


def _date_key(day: Any) -> ColumnElement[int]:
    """A date as the integer yyyymmdd (portable across SQLite and PostgreSQL)."""
    return cast(
        extract("year", day) * 10000 + extract("month", day) * 100 + extract("day", day),
        Integer,
    )


def _is_leap(year: Any) -> ColumnElement[bool]:
    return and_(year % 4 == 0, (year % 100 != 0) | (year % 400 == 0))


def birth_key(
    certainty: Any,
    birth_date: Any,
    birth_year: Any,
    assessment_date: Any,
    assessed_age: Any,
) -> ColumnElement[int | None]:
    """The assumed birth date as yyyymmdd, or NULL: the SQL twin of
    ``clinic_app.rules.dates.assumed_birth_date`` (kept equal by a property test)."""
    assessed_year = cast(extract("year", assessment_date), Integer) - assessed_age
    assessed_mmdd = cast(
        extract("month", assessment_date) * 100 + extract("day", assessment_date), Integer
    )
    # 29 February assessed N years ago falls on 1 March when that year is a common year.
    assessed = (
        assessed_year * 10000
        + assessed_mmdd
        + case((and_(assessed_mmdd == 229, ~_is_leap(assessed_year)), 72), else_=0)
    )
    return case(
        (and_(birth_date.is_not(None), certainty != BirthCertainty.UNKNOWN), _date_key(birth_date)),
        (
            and_(certainty == BirthCertainty.ESTIMATED_YEAR, birth_year.is_not(None)),
            (birth_year + 1) * 10000 + 101,
        ),
        (and_(assessment_date.is_not(None), assessed_age.is_not(None)), assessed),
        (birth_year.is_not(None), (birth_year + 1) * 10000 + 101),
        else_=None,
    )


def age_group(
    certainty: Any,
    birth_date: Any,
    birth_year: Any,
    assessment_date: Any,
    assessed_age: Any,
    day: Any,
) -> ColumnElement[str]:
    """'child', 'adult' or 'unknown' on ``day``, exactly as ``age_on`` would decide."""
    born = birth_key(certainty, birth_date, birth_year, assessment_date, assessed_age)
    on = _date_key(day)
    # Turning 18: same month and day 18 years on; a 29 February birthday moves to 1 March
    # (18 years after a leap year is never a leap year).
    eighteenth = born + 180000 + case((born % 10000 == 229, 72), else_=0)
    return case(
        (born.is_(None), "unknown"),
        (on < born, "unknown"),
        (on >= eighteenth, "adult"),
        else_="child",
    )


def _counts(s: Session, stmt: Any) -> dict[tuple[int, str], int]:
    return {(int(y), str(c)): int(n) for y, c, n in s.execute(stmt)}


def _per_year(s: Session, stmt: Any) -> dict[int, int]:
    return {int(y): int(n) for y, n in s.execute(stmt)}


# --- the tables ----------------------------------------------------------------------------

# One row of the identified cohort's cube: year, sex, nationality, age group, authority,
# outcome, persons.
_CubeRow = tuple[int, str, str, str, str, str, int]
_CUBE_FIELDS = {"gender": 1, "nationality": 2, "age": 3, "authority": 4, "outcome": 5}


class _Build:
    """What one report needs, computed once: the identified cohort counted in one GROUP BY
    over every person attribute, from which each breakdown is a sum of a few groups."""

    def __init__(self, s: Session, query: StatsQuery) -> None:
        self.s = s
        self.query = query
        self._cube: list[_CubeRow] | None = None

    def cube(self) -> list[_CubeRow]:
        if self._cube is None:
            self._cube = _cube(self.s, self.query)
        return self._cube

    def identified_per_year(self) -> dict[int, int]:
        totals: dict[int, int] = {}
        for row in self.cube():
            totals[row[0]] = totals.get(row[0], 0) + row[6]
        return totals

    def by(self, field: str) -> dict[tuple[int, str], int]:
        i = _CUBE_FIELDS[field]
        counts: dict[tuple[int, str], int] = {}
        for row in self.cube():
            key = (row[0], str(row[i]))
            counts[key] = counts.get(key, 0) + row[6]
        return counts


def _cube(s: Session, query: StatsQuery) -> list[_CubeRow]:
    ident, cond = _identified_persons(query)
    flags = _outcome_flags()
    year = _year(ident.c.day)
    sex = func.coalesce(cast(Person.sex, String), "unknown")
    nationality = func.coalesce(Person.nationality, "unknown")
    age = age_group(
        Person.birth_certainty,
        Person.birth_date,
        Person.birth_year,
        Person.assessment_date,
        Person.assessed_age,
        ident.c.day,
    )
    authority = func.coalesce(ident.c.authority, "unknown")
    outcome = case(
        (flags.c.asylum == 1, "asylum_granted"),
        (flags.c.returned == 1, "return"),
        (flags.c.permit == 1, "permit"),
        else_="other",
    )
    groups = (year, sex, nationality, age, authority, outcome)
    stmt = (
        select(*groups, func.count())
        .select_from(ident)
        .join(Person, cond)
        .outerjoin(flags, flags.c.person_id == ident.c.person_id)
        .group_by(*groups)
    )
    return [
        (int(y), str(g), str(n), str(a), str(au), str(o), int(c))
        for y, g, n, a, au, o, c in s.execute(stmt)
    ]


def _victims(b: _Build) -> _Raw:
    s, query = b.s, b.query
    identified = b.identified_per_year()
    first = _first_contacts()
    decided = exists().where(
        CaseEvent.person_id == first.c.person_id,
        CaseEvent.kind == EventKind.IDENTIFICATION,
        CaseEvent.voided_at.is_(None),
    )
    pcond = and_(Person.id == first.c.person_id, _in_period(first.c.day, query))
    if query.site_id is not None:
        pcond = and_(pcond, Person.current_site_id == query.site_id)
    pyear = _year(first.c.day)
    presumed = _per_year(
        s,
        select(pyear, func.count())
        .select_from(first)
        .join(Person, pcond)
        .where(~decided)
        .group_by(pyear),
    )
    counts = {(y, "identified"): n for y, n in identified.items()}
    counts.update({(y, "presumed"): n for y, n in presumed.items()})
    totals = {y: identified.get(y, 0) + presumed.get(y, 0) for y in query.years}
    return _Raw(
        VICTIMS, "persons", ("identified", "presumed"), counts, totals, True, notes=("presumed",)
    )


def _first_contacts() -> Subquery:
    return (
        select(
            CaseEvent.person_id.label("person_id"),
            func.min(CaseEvent.event_date).label("day"),
        )
        .where(_live(CaseEvent.kind == EventKind.FIRST_CONTACT))
        .group_by(CaseEvent.person_id)
        .subquery("first_contact")
    )


def _row_sums(counts: dict[tuple[int, str], int], query: StatsQuery) -> dict[int, int]:
    return {y: sum(n for (yy, _), n in counts.items() if yy == y) for y in query.years}


def _with_vocabulary(
    counts: dict[tuple[int, str], int], codes: Sequence[str], last: str | None = None
) -> tuple[str, ...]:
    """The vocabulary's codes in order, then any other value found (never dropped)."""
    extra = sorted({c for _, c in counts} - set(codes) - {last})
    columns = (*codes, *extra)
    return (*columns, last) if last is not None and last not in columns else columns


def _by_gender(b: _Build) -> _Raw:
    counts = b.by("gender")
    columns = _with_vocabulary(counts, [x.value for x in Sex])
    return _Raw(BY_GENDER, "persons", columns, counts, _row_sums(counts, b.query), True)


def _by_nationality(b: _Build) -> _Raw:
    """Countries by frequency, then "other_nationalities" and "unknown".

    In published tables a country with fewer than ``threshold`` persons over the whole period
    is counted under "other nationalities": a column of its own, even with every count
    hidden, would tell that someone of that nationality was identified.
    """
    counts = b.by("nationality")
    totals: dict[str, int] = {}
    for (_, code), n in counts.items():
        totals[code] = totals.get(code, 0) + n
    if not b.query.internal:
        rare = {c for c, n in totals.items() if c != "unknown" and n < b.query.threshold}
        if rare:
            merged: dict[tuple[int, str], int] = {}
            for (year, code), n in counts.items():
                key = (year, OTHER_NATIONALITIES if code in rare else code)
                merged[key] = merged.get(key, 0) + n
            counts = merged
            totals = {c: n for c, n in totals.items() if c not in rare}
    ordered = sorted(
        (c for c in totals if c not in ("unknown", OTHER_NATIONALITIES)),
        key=lambda c: (-totals[c], c),
    )
    ordered += [c for c in (OTHER_NATIONALITIES, "unknown") if any(k[1] == c for k in counts)]
    return _Raw(BY_NATIONALITY, "persons", tuple(ordered), counts, _row_sums(counts, b.query), True)


def _by_age(b: _Build) -> _Raw:
    counts = b.by("age")
    return _Raw(
        BY_AGE, "persons", AGE_GROUPS, counts, _row_sums(counts, b.query), True, notes=("age",)
    )


def _by_authority(b: _Build) -> _Raw:
    counts = b.by("authority")
    columns = _with_vocabulary(counts, [a.value for a in Authority], last="unknown")
    return _Raw(BY_AUTHORITY, "persons", columns, counts, _row_sums(counts, b.query), True)


def _by_outcome(b: _Build) -> _Raw:
    counts = b.by("outcome")
    return _Raw(
        BY_OUTCOME,
        "persons",
        OUTCOMES,
        counts,
        _row_sums(counts, b.query),
        True,
        notes=("outcome",),
    )


def _by_exploitation(b: _Build) -> _Raw:
    s, query = b.s, b.query
    ident, cond = _identified_persons(query)
    year = _year(ident.c.day)
    form = func.coalesce(cast(PersonExploitation.form, String), "not_recorded")
    counts = _counts(
        s,
        select(year, form, func.count(distinct(Person.id)))
        .select_from(ident)
        .join(Person, cond)
        .outerjoin(PersonExploitation, PersonExploitation.person_id == Person.id)
        .group_by(year, form),
    )
    columns = (*(f.value for f in ExploitationForm), "not_recorded")
    return _Raw(
        BY_EXPLOITATION,
        "persons",
        columns,
        counts,
        b.identified_per_year(),
        True,
        overlapping=True,
        notes=("overlapping",),
    )


def _shelter_stays(b: _Build) -> _Raw:
    s, query = b.s, b.query
    year = _year(CaseEvent.event_date)
    code = func.coalesce(Site.code, "unknown")
    stmt = (
        select(year, code, func.count())
        .select_from(CaseEvent)
        .outerjoin(Site, Site.id == CaseEvent.site_id)
        .where(
            _live(
                CaseEvent.kind == EventKind.SHELTER_STAY_START,
                _in_period(CaseEvent.event_date, query),
            )
        )
        .group_by(year, code)
    )
    if query.site_id is not None:
        stmt = stmt.where(CaseEvent.site_id == query.site_id)
    counts = _counts(s, stmt)
    # Every shelter is a column, stays or not: a column that appears only when someone
    # stayed there would say so even with its count suppressed.
    shelters = select(Site.code).where(Site.kind == SiteKind.SHELTER)
    if query.site_id is not None:
        shelters = select(Site.code).where(Site.id == query.site_id)
    columns = tuple(sorted(set(s.scalars(shelters)) | {c for _, c in counts}))
    return _Raw(SHELTER_STAYS, "stays", columns, counts, _row_sums(counts, query), True)


def _clinic_activity(b: _Build) -> _Raw:
    s, query = b.s, b.query
    site = query.site_id
    vyear = _year(Visit.visited_at)
    visit_where = [_in_period_dt(Visit.visited_at, query)]
    if site is not None:
        visit_where.append(Visit.site_id == site)
    counts: dict[tuple[int, str], int] = {}

    def put(measure: str, rows: dict[int, int]) -> None:
        counts.update({(y, measure): n for y, n in rows.items()})

    put("visits", _per_year(s, select(vyear, func.count()).where(*visit_where).group_by(vyear)))
    put(
        "anonymous_visitors",
        _per_year(
            s,
            select(vyear, func.count(distinct(Visit.visitor_id)))
            .where(Visit.visitor_id.is_not(None), *visit_where)
            .group_by(vyear),
        ),
    )
    put(
        "services_given",
        _per_year(
            s,
            select(vyear, func.count())
            .select_from(VisitServiceGiven)
            .join(Visit, Visit.id == VisitServiceGiven.visit_id)
            .where(*visit_where)
            .group_by(vyear),
        ),
    )
    oyear = _year(MobileOuting.outing_date)
    outing_stmt = (
        select(oyear, func.count())
        .where(_in_period(MobileOuting.outing_date, query))
        .group_by(oyear)
    )
    if site is not None:
        outing_stmt = outing_stmt.where(MobileOuting.site_id == site)
    put("mobile_outings", _per_year(s, outing_stmt))
    ryear = _year(Referral.created_at)
    referral_stmt = (
        select(ryear, func.count())
        .select_from(Referral)
        .outerjoin(Visit, Visit.id == Referral.visit_id)
        .outerjoin(Person, Person.id == Referral.person_id)
        .where(_in_period_dt(Referral.created_at, query))
        .group_by(ryear)
    )
    if site is not None:
        referral_stmt = referral_stmt.where(
            func.coalesce(Visit.site_id, Person.current_site_id) == site
        )
    put("referrals", _per_year(s, referral_stmt))
    return _Raw(CLINIC_ACTIVITY, "events", ACTIVITY, counts, None, False)


_BUILDERS = {
    VICTIMS: _victims,
    BY_EXPLOITATION: _by_exploitation,
    BY_GENDER: _by_gender,
    BY_AGE: _by_age,
    BY_NATIONALITY: _by_nationality,
    BY_AUTHORITY: _by_authority,
    BY_OUTCOME: _by_outcome,
    SHELTER_STAYS: _shelter_stays,
    CLINIC_ACTIVITY: _clinic_activity,
}


# --- HTCDS source rows ---------------------------------------------------------------------


def _htcds_sources(s: Session, query: StatsQuery) -> list[HtcdsSource]:
    """One source row per person identified or presumed in the period (no identifiers)."""
    ident = _identified()
    first = _first_contacts()
    decided = (
        select(CaseEvent.person_id)
        .where(_live(CaseEvent.kind == EventKind.IDENTIFICATION))
        .distinct()
        .subquery("decided")
    )
    flags = _outcome_flags()
    outcome = case(
        (flags.c.asylum == 1, "asylum_granted"),
        (flags.c.returned == 1, "return"),
        (flags.c.permit == 1, "permit"),
        else_="other",
    )
    forms: dict[int, set[str]] = {}
    for pid, form in s.execute(select(PersonExploitation.person_id, PersonExploitation.form)):
        forms.setdefault(int(pid), set()).add(str(form))
    person_columns = (
        Person.id,
        Person.sex,
        Person.nationality,
        Person.birth_certainty,
        Person.birth_date,
        Person.birth_year,
        Person.assessment_date,
        Person.assessed_age,
        outcome.label("outcome"),
    )
    identified = (
        select(*person_columns, ident.c.day, ident.c.authority)
        .join(ident, ident.c.person_id == Person.id)
        .outerjoin(flags, flags.c.person_id == Person.id)
        .where(_in_period(ident.c.day, query))
    )
    presumed = (
        select(*person_columns, first.c.day, literal(None, String).label("authority"))
        .join(first, first.c.person_id == Person.id)
        .outerjoin(flags, flags.c.person_id == Person.id)
        .outerjoin(decided, decided.c.person_id == Person.id)
        .where(_in_period(first.c.day, query), decided.c.person_id.is_(None))
    )
    rows: list[HtcdsSource] = []
    for status, stmt in (("identified", identified), ("presumed", presumed)):
        if query.site_id is not None:
            stmt = stmt.where(Person.current_site_id == query.site_id)
        for r in s.execute(stmt):
            rows.append(
                HtcdsSource(
                    status=status,
                    day=r.day,
                    sex=Sex(r.sex),
                    nationality=r.nationality,
                    birth_certainty=BirthCertainty(r.birth_certainty),
                    birth_date=r.birth_date,
                    birth_year=r.birth_year,
                    assessment_date=r.assessment_date,
                    assessed_age=r.assessed_age,
                    forms=frozenset(forms.get(int(r.id), ())),
                    authority=r.authority,
                    outcome=str(r.outcome),
                )
            )
    return rows


# Re-exported for tests that check the SQL age rule against the rules engine.
__all__ = [
    "BREAKDOWNS",
    "TABLE_KEYS",
    "StatTable",
    "StatisticsReport",
    "StatisticsService",
    "StatsQuery",
    "age_group",
    "birth_key",
    "tables_csv",
]
