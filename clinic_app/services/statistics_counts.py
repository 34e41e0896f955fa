"""Counting for the statistics: every table is a GROUP BY in the database, never a loop over
persons. No disclosure control here (see :mod:`clinic_app.services.publication`).

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

import datetime as dt
from collections.abc import Sequence
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

from clinic_app.models import (
    CaseEvent,
    MobileOuting,
    Person,
    PersonExploitation,
    Referral,
    Site,
    Visit,
    VisitServiceGiven,
)
from clinic_app.services.htcds_export import HtcdsSource
from clinic_app.services.statistics_tables import (
    ACTIVITY,
    AGE_GROUPS,
    BY_AGE,
    BY_AUTHORITY,
    BY_EXPLOITATION,
    BY_GENDER,
    BY_NATIONALITY,
    BY_OUTCOME,
    CLINIC_ACTIVITY,
    OTHER_NATIONALITIES,
    OUTCOMES,
    SHELTER_STAYS,
    VICTIMS,
    StatsQuery,
)
from clinic_app.vocabulary import (
    Authority,
    BirthCertainty,
    EventKind,
    ExploitationForm,
    Outcome,
    Sex,
    SiteKind,
)


@dataclass(frozen=True)
class RawTable:
    """Counts before disclosure control: (year, column) -> n, with margins."""

    key: str
    unit: str
    columns: tuple[str, ...]
    counts: dict[tuple[int, str], int]
    row_totals: dict[int, int] | None  # None: the table has no row totals
    with_column_totals: bool
    overlapping: bool = False
    notes: tuple[str, ...] = ()


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


class TableBuild:
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


def _victims(b: TableBuild) -> RawTable:
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
    return RawTable(
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


def _by_gender(b: TableBuild) -> RawTable:
    counts = b.by("gender")
    columns = _with_vocabulary(counts, [x.value for x in Sex])
    return RawTable(BY_GENDER, "persons", columns, counts, _row_sums(counts, b.query), True)


def _by_nationality(b: TableBuild) -> RawTable:
    """Countries by frequency, then "other_nationalities" and "unknown" (before any merging
    of rare countries, which the publication does per year)."""
    counts = b.by("nationality")
    totals: dict[str, int] = {}
    for (_, code), n in counts.items():
        totals[code] = totals.get(code, 0) + n
    ordered = sorted(
        (c for c in totals if c not in ("unknown", OTHER_NATIONALITIES)),
        key=lambda c: (-totals[c], c),
    )
    ordered += [c for c in (OTHER_NATIONALITIES, "unknown") if any(k[1] == c for k in counts)]
    return RawTable(
        BY_NATIONALITY, "persons", tuple(ordered), counts, _row_sums(counts, b.query), True
    )


def _by_age(b: TableBuild) -> RawTable:
    counts = b.by("age")
    return RawTable(
        BY_AGE, "persons", AGE_GROUPS, counts, _row_sums(counts, b.query), True, notes=("age",)
    )


def _by_authority(b: TableBuild) -> RawTable:
    counts = b.by("authority")
    columns = _with_vocabulary(counts, [a.value for a in Authority], last="unknown")
    return RawTable(BY_AUTHORITY, "persons", columns, counts, _row_sums(counts, b.query), True)


def _by_outcome(b: TableBuild) -> RawTable:
    counts = b.by("outcome")
    return RawTable(
        BY_OUTCOME,
        "persons",
        OUTCOMES,
        counts,
        _row_sums(counts, b.query),
        True,
        notes=("outcome",),
    )


def _by_exploitation(b: TableBuild) -> RawTable:
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
    return RawTable(
        BY_EXPLOITATION,
        "persons",
        columns,
        counts,
        b.identified_per_year(),
        True,
        overlapping=True,
        notes=("overlapping",),
    )


def _shelter_stays(b: TableBuild) -> RawTable:
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
    return RawTable(SHELTER_STAYS, "stays", columns, counts, _row_sums(counts, query), True)


def _clinic_activity(b: TableBuild) -> RawTable:
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
    return RawTable(CLINIC_ACTIVITY, "events", ACTIVITY, counts, None, False)


BUILDERS = {
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


def htcds_sources(s: Session, query: StatsQuery) -> list[HtcdsSource]:
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
