"""Retention of closed cases: anonymise or erase after a configurable number of years.

A case is closed when the person is archived. After ``years`` (default 10, see
docs/data-protection.md for the reading of Danish rules behind it) the person is either

- **anonymised**: names and aliases, birth date detail (kept: the year), notes, contact and
  guardian data, consents, plans, languages and safety flags are removed; statistical facts
  stay (sex, nationality, exploitation forms, site, event kinds with dates reduced to the
  month, entitlements, visits without notes); or
- **erased**: every row about the person is deleted; visits and referrals shared with an
  anonymous-visitor record are unlinked and stripped of notes; document log rows keep no
  person id. Audit rows keep only the person id (they never held personal values).

Both are audited without the removed data, and followed by a WAL checkpoint (TRUNCATE)
so that, with ``secure_delete``, no readable trace stays in the database or WAL file.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import ColumnElement, Table, delete, func, select, update
from sqlalchemy.orm import Session

from clinic_app.errors import Conflict, Invalid, NotFound
from clinic_app.models import (
    ActionPlan,
    ActionPlanVersion,
    AnonymousVisitor,
    AppSetting,
    CaseEvent,
    Consent,
    ContactPersonAssignment,
    DocumentLog,
    Entitlement,
    GuardianAssignment,
    Person,
    PersonDeadline,
    PersonExploitation,
    PersonLanguage,
    PersonName,
    PersonSafetyFlag,
    PersonSearchKey,
    PlanGoal,
    PlanTask,
    Referral,
    Visit,
    VisitServiceGiven,
    utcnow,
)
from clinic_app.security.context import Actor
from clinic_app.security.permissions import Action, require
from clinic_app.services.audit_trail import AuditTrail
from clinic_app.services.common import Clock, system_today
from clinic_app.services.database import Database
from clinic_app.vocabulary import BirthCertainty

SETTING_YEARS = "retention_years"
SETTING_MODE = "retention_mode"
DEFAULT_YEARS = 10
MIN_YEARS = 1
MAX_YEARS = 100
ANONYMISE = "anonymise"
ERASE = "erase"
MODES = (ANONYMISE, ERASE)


@dataclass(frozen=True)
class RetentionPolicy:
    years: int
    mode: str  # "anonymise" or "erase"


@dataclass(frozen=True)
class RetentionCandidate:
    person_id: int
    case_ref: str
    archived_on: dt.date
    action: str
    rows: dict[str, int]  # table -> rows removed or changed


@dataclass(frozen=True)
class RetentionPreview:
    policy: RetentionPolicy
    cutoff: dt.date
    candidates: tuple[RetentionCandidate, ...]


@dataclass(frozen=True)
class RetentionOutcome:
    anonymised: tuple[int, ...]
    erased: tuple[int, ...]
    checkpointed: bool


def _t(model: type[object]) -> Table:
    table = model.__table__  # type: ignore[attr-defined]
    assert isinstance(table, Table)
    return table


class RetentionService:
    """Retention policy, preview and run; single-person anonymisation and erasure."""

    def __init__(self, db: Database, audit: AuditTrail, clock: Clock = system_today) -> None:
        self._db = db
        self._audit = audit
        self._clock = clock

    def policy(self, actor: Actor) -> RetentionPolicy:
        require(actor, Action.RETENTION_RUN)
        with self._db.read() as s:
            return _policy(s)

    def set_policy(self, actor: Actor, years: int, mode: str) -> RetentionPolicy:
        require(actor, Action.RETENTION_RUN)
        if not MIN_YEARS <= years <= MAX_YEARS:
            raise Invalid("years", "out_of_range", f"Between {MIN_YEARS} and {MAX_YEARS} years.")
        if mode not in MODES:
            raise Invalid("mode", "unknown", "Choose anonymise or erase.")
        with self._db.write() as s:
            s.merge(AppSetting(key=SETTING_YEARS, value=str(years)))
            s.merge(AppSetting(key=SETTING_MODE, value=mode))
            self._audit.record(
                s, actor, "retention.configure", details={"years": years, "mode": mode}
            )
        return RetentionPolicy(years, mode)

    def preview(self, actor: Actor) -> RetentionPreview:
        """What a run would do now: each closed case past the period, with row counts."""
        require(actor, Action.RETENTION_RUN)
        with self._db.write() as s:
            policy = _policy(s)
            cutoff = _years_before(self._clock(), policy.years)
            candidates = tuple(
                RetentionCandidate(
                    p.id,
                    p.case_ref,
                    p.archived_at.date() if p.archived_at else cutoff,
                    policy.mode,
                    _count_rows(s, p.id, policy.mode),
                )
                for p in _due(s, cutoff, policy.mode)
            )
            self._audit.record(
                s, actor, "retention.preview", details={"candidates": len(candidates)}
            )
        return RetentionPreview(policy, cutoff, candidates)

    def run(self, actor: Actor, person_ids: Sequence[int] | None = None) -> RetentionOutcome:
        """Apply the policy to the cases due now (only ``person_ids``, if given: those that
        were previewed; a listed person no longer due is skipped)."""
        require(actor, Action.RETENTION_RUN)
        done: list[int] = []
        with self._db.write() as s:
            policy = _policy(s)
            cutoff = _years_before(self._clock(), policy.years)
            due = [p.id for p in _due(s, cutoff, policy.mode)]
            chosen = [pid for pid in due if person_ids is None or pid in set(person_ids)]
            for pid in chosen:
                self._apply(s, actor, pid, policy.mode, reason="retention")
                done.append(pid)
            self._audit.record(
                s,
                actor,
                str(Action.RETENTION_RUN),
                details={"mode": policy.mode, "years": policy.years, "persons": len(done)},
            )
        ok = self.scrub()
        if policy.mode == ERASE:
            return RetentionOutcome((), tuple(done), ok)
        return RetentionOutcome(tuple(done), (), ok)

    def anonymise_person(self, actor: Actor, person_id: int) -> RetentionOutcome:
        """Anonymise one archived person now (for example at the end of a legal hold)."""
        return self._one(actor, person_id, ANONYMISE)

    def erase_person(self, actor: Actor, person_id: int) -> RetentionOutcome:
        """Erase one archived person everywhere now (a right-to-erasure request)."""
        return self._one(actor, person_id, ERASE)

    def _one(self, actor: Actor, person_id: int, mode: str) -> RetentionOutcome:
        require(actor, Action.RETENTION_RUN)
        with self._db.write() as s:
            person = s.get(Person, person_id)
            if person is None:
                raise NotFound("person", person_id)
            if person.archived_at is None:
                raise Conflict("person", "archive the case before anonymising or erasing it")
            if mode == ANONYMISE and person.anonymised_at is not None:
                raise Conflict("person", "already anonymised")
            self._apply(s, actor, person_id, mode, reason="request")
        ok = self.scrub()
        if mode == ERASE:
            return RetentionOutcome((), (person_id,), ok)
        return RetentionOutcome((person_id,), (), ok)

    def _apply(self, s: Session, actor: Actor, person_id: int, mode: str, reason: str) -> None:
        rows = _erase(s, person_id) if mode == ERASE else _anonymise(s, person_id)
        self._audit.record(
            s,
            actor,
            f"retention.{mode}",
            person_id=person_id,
            details={"reason": reason, "rows": rows},
        )

    def scrub(self) -> bool:
        """Fold the WAL into the database and truncate it (secure_delete zeroed the rows).

        False when another connection kept the checkpoint from finishing; it completes at
        the next checkpoint.
        """
        engine = self._db.engine
        if engine.url.get_backend_name() != "sqlite":
            return True
        # Outside any transaction: a checkpoint cannot run inside one.
        raw = engine.raw_connection()
        try:
            cursor = raw.cursor()
            cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            busy = cursor.fetchone()
            cursor.close()
        finally:
            raw.close()
        return busy is None or int(busy[0]) == 0


def retention_years(s: Session) -> int:
    """Years a closed case is kept before it is anonymised or erased (the policy in force)."""
    return _policy(s).years


def _policy(s: Session) -> RetentionPolicy:
    values = dict(
        s.execute(
            select(AppSetting.key, AppSetting.value).where(
                AppSetting.key.in_((SETTING_YEARS, SETTING_MODE))
            )
        ).all()
    )
    try:
        years = int(values.get(SETTING_YEARS, DEFAULT_YEARS))
    except ValueError:
        years = DEFAULT_YEARS
    mode = values.get(SETTING_MODE, ANONYMISE)
    return RetentionPolicy(years, mode if mode in MODES else ANONYMISE)


def _years_before(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def _due(s: Session, cutoff: dt.date, mode: str) -> Sequence[Person]:
    q = select(Person).where(
        Person.archived_at.is_not(None),
        Person.archived_at < dt.datetime.combine(cutoff, dt.time()),
    )
    if mode == ANONYMISE:
        q = q.where(Person.anonymised_at.is_(None))
    return s.scalars(q.order_by(Person.id)).all()


def _plan_scopes(person_id: int) -> tuple[ColumnElement[bool], ...]:
    plans = select(ActionPlan.id).where(ActionPlan.person_id == person_id)
    versions = select(ActionPlanVersion.id).where(ActionPlanVersion.plan_id.in_(plans))
    goals = select(PlanGoal.id).where(PlanGoal.plan_version_id.in_(versions))
    return (
        PlanTask.goal_id.in_(goals),
        PlanGoal.plan_version_id.in_(versions),
        ActionPlanVersion.plan_id.in_(plans),
        ActionPlan.person_id == person_id,
    )


# Rows deleted outright under each mode (model, condition).
def _deletions(person_id: int, mode: str) -> list[tuple[type[object], ColumnElement[bool]]]:
    task, goal, version, plan = _plan_scopes(person_id)
    common: list[tuple[type[object], ColumnElement[bool]]] = [
        (PersonName, PersonName.person_id == person_id),
        (PersonSearchKey, PersonSearchKey.person_id == person_id),
        (PersonLanguage, PersonLanguage.person_id == person_id),
        (PersonSafetyFlag, PersonSafetyFlag.person_id == person_id),
        (PersonDeadline, PersonDeadline.person_id == person_id),
        (Consent, Consent.person_id == person_id),
        (ContactPersonAssignment, ContactPersonAssignment.person_id == person_id),
        (GuardianAssignment, GuardianAssignment.person_id == person_id),
        (PlanTask, task),
        (PlanGoal, goal),
        (ActionPlanVersion, version),
        (ActionPlan, plan),
    ]
    if mode == ERASE:
        common += [
            (PersonExploitation, PersonExploitation.person_id == person_id),
            (CaseEvent, CaseEvent.person_id == person_id),
            (Entitlement, Entitlement.person_id == person_id),
        ]
    return common


def _count_rows(s: Session, person_id: int, mode: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    for model, cond in _deletions(person_id, mode):
        n = s.scalar(select(func.count()).select_from(_t(model)).where(cond)) or 0
        if n:
            counts[_t(model).name] = n
    for model, col in ((Visit, Visit.person_id), (Referral, Referral.person_id)):
        n = s.scalar(select(func.count()).select_from(_t(model)).where(col == person_id)) or 0
        if n:
            counts[_t(model).name] = n
    counts["person"] = 1
    return counts


def _run_deletions(s: Session, person_id: int, mode: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    for model, cond in _deletions(person_id, mode):
        n = s.execute(delete(_t(model)).where(cond)).rowcount or 0  # type: ignore[attr-defined]
        if n:
            counts[_t(model).name] = counts.get(_t(model).name, 0) + n
    return counts


def _month(day: dt.date | None) -> dt.date | None:
    return None if day is None else day.replace(day=1)


def _anonymise(s: Session, person_id: int) -> dict[str, int]:
    person = s.get(Person, person_id)
    if person is None:
        raise NotFound("person", person_id)
    counts = _run_deletions(s, person_id, ANONYMISE)
    year = person.birth_year
    if person.birth_date is not None:
        year = person.birth_date.year
    elif person.assessment_date is not None and person.assessed_age is not None:
        year = person.assessment_date.year - person.assessed_age
    s.expire(person)
    values: dict[str, object] = {
        "case_ref": f"ANON-{person_id}",
        "display_name": "Anonymised",
        "birth_date": None,
        "birth_year": year,
        "birth_certainty": BirthCertainty.ESTIMATED_YEAR if year else BirthCertainty.UNKNOWN,
        "assessment_date": None,
        "assessed_age": None,
        "interpreter_language": "",
        "notes": "",
        "search_text": "",
        "archived_reason": "",
        "anonymised_at": utcnow(),
        "version": Person.version + 1,
    }
    s.execute(update(_t(Person)).where(Person.id == person_id).values(values))
    events = s.execute(
        select(CaseEvent.id, CaseEvent.event_date, CaseEvent.end_date).where(
            CaseEvent.person_id == person_id
        )
    ).all()
    for eid, start, end in events:
        s.execute(
            update(_t(CaseEvent))
            .where(CaseEvent.id == eid)
            .values(event_date=_month(start), end_date=_month(end), notes="", voided_reason="")
        )
    if events:
        counts["case_event"] = len(events)
    _strip(s, counts, Entitlement, Entitlement.person_id == person_id, reason="")
    _strip(s, counts, Visit, Visit.person_id == person_id, clinical_notes="", reason="")
    _strip(s, counts, Referral, Referral.person_id == person_id, reason="")
    _strip(s, counts, DocumentLog, DocumentLog.person_id == person_id, override_reason="")
    _strip(s, counts, AnonymousVisitor, AnonymousVisitor.linked_person_id == person_id, nickname="")
    counts["person"] = 1
    return counts


def _strip(
    s: Session,
    counts: dict[str, int],
    model: type[object],
    cond: ColumnElement[bool],
    **values: object,
) -> None:
    n = s.execute(update(_t(model)).where(cond).values(**values)).rowcount or 0  # type: ignore[attr-defined]
    if n:
        counts[_t(model).name] = counts.get(_t(model).name, 0) + n


def _erase(s: Session, person_id: int) -> dict[str, int]:
    person = s.get(Person, person_id)
    if person is None:
        raise NotFound("person", person_id)
    counts = _run_deletions(s, person_id, ERASE)
    # Records shared with an anonymous-visitor record stay for the statistics, unlinked;
    # the rest go. Referrals first: they may point at the visits about to be deleted.
    own_visits = select(Visit.id).where(Visit.person_id == person_id, Visit.visitor_id.is_(None))
    _strip(s, counts, Referral, Referral.visit_id.in_(own_visits), visit_id=None)
    _delete(s, counts, Referral, (Referral.person_id == person_id) & Referral.visitor_id.is_(None))
    _strip(s, counts, Referral, Referral.person_id == person_id, person_id=None, reason="")
    _delete(s, counts, VisitServiceGiven, VisitServiceGiven.visit_id.in_(own_visits))
    _delete(s, counts, Visit, (Visit.person_id == person_id) & Visit.visitor_id.is_(None))
    _strip(
        s, counts, Visit, Visit.person_id == person_id, person_id=None, clinical_notes="", reason=""
    )
    _strip(
        s,
        counts,
        AnonymousVisitor,
        AnonymousVisitor.linked_person_id == person_id,
        linked_person_id=None,
        linked_at=None,
        nickname="",
    )
    _strip(
        s,
        counts,
        DocumentLog,
        DocumentLog.person_id == person_id,
        person_id=None,
        override_reason="",
    )
    s.expunge(person)
    s.execute(delete(_t(Person)).where(Person.id == person_id))
    counts["person"] = 1
    return counts


def _delete(
    s: Session, counts: dict[str, int], model: type[object], cond: ColumnElement[bool]
) -> None:
    n = s.execute(delete(_t(model)).where(cond)).rowcount or 0  # type: ignore[attr-defined]
    if n:
        counts[_t(model).name] = counts.get(_t(model).name, 0) + n
