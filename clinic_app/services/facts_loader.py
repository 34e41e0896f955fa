"""Map a person's rows to the rules engine's facts, and keep the stored status and deadlines
(``Person.status``, ``PersonDeadline``) in step with them.

``refresh_person`` must run in the same unit of work as every change to a fact the rules read:
case events, birth data, own insurance, the yellow card, manual entitlements, action-plan
review dates, consents, the current guardian and the current contact person.

Some results also depend on the date itself (a reflection period that ends, a minor who turns
18, an entitlement that starts or stops, obligations dated "today"), so ``refresh_all`` must
run once a day: ``refresh_if_stale`` does it at start-up when the last run was on another day,
and ``clinic-app deadlines refresh`` does it from the command line (e.g. a nightly job).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import cast

from sqlalchemy import Table, delete, insert, select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value

from clinic_app.errors import NotFound
from clinic_app.models import (
    ActionPlan,
    AppSetting,
    CaseEvent,
    Consent,
    ContactPersonAssignment,
    Entitlement,
    GuardianAssignment,
    Partner,
    Person,
    PersonDeadline,
    utcnow,
)
from clinic_app.rules import (
    STATUS_PRECEDENCE,
    BirthFact,
    ConsentFact,
    DeadlineKind,
    EventFact,
    ManualEntitlement,
    PersonFacts,
    Timeline,
    compute_timeline,
    msg,
    render,
    to_json,
)
from clinic_app.services.database import Database
from clinic_app.vocabulary import Payer

LAST_REFRESH_SETTING = "deadlines_refreshed_on"
BATCH_SIZE = 500

_PERSON_TABLE = cast(Table, Person.__table__)

# A stored deadline as compared on refresh: (kind, due, uncertain, rule set, explanation,
# message JSON, expected, unreliable).
_Row = tuple[str, dt.date, bool, str, str, str, bool, bool]

# Person.status codes, most decisive first (rules.STATUS_PRECEDENCE; docs/rules.md).
STATUS_LABELS: dict[str, str] = {
    code: render(msg(f"status.{code}"), "en") for code in STATUS_PRECEDENCE
}


def status_label(code: str, lang: str) -> str:
    """The label of a ``Person.status`` code in ``lang`` ("da" or "en")."""
    if code not in STATUS_LABELS:
        return code
    return render(msg(f"status.{code}"), lang)


# The person-record tab where each kind of deadline is dealt with.
TAB_FOR_KIND: dict[DeadlineKind, str] = {
    DeadlineKind.REFLECTION_END: "timeline",
    DeadlineKind.REFLECTION_MAX_END: "timeline",
    DeadlineKind.PERMIT_EXPIRY: "timeline",
    DeadlineKind.PERMIT_RENEWAL_REMINDER: "timeline",
    DeadlineKind.AVR_FOLLOW_UP_END: "timeline",
    DeadlineKind.TURNS_18: "timeline",
    DeadlineKind.ENTITLEMENT_END: "entitlements",
    DeadlineKind.PLAN_REVIEW: "plans",
    DeadlineKind.CONSENT_EXPIRY: "consents",
    DeadlineKind.GUARDIAN_MISSING: "contacts",
    DeadlineKind.CONTACT_PERSON_MISSING: "contacts",
    DeadlineKind.MANUAL_REVIEW: "timeline",
    DeadlineKind.HISTORY_CORRECTION: "timeline",
}


def tab_for(kind: str) -> str:
    """The person-record tab for a stored deadline kind (``timeline`` for unknown kinds)."""
    try:
        return TAB_FOR_KIND[DeadlineKind(kind)]
    except ValueError:
        return "timeline"


def status_code(timeline: Timeline) -> str:
    """The short status stored in ``Person.status`` (a key of :data:`STATUS_LABELS`)."""
    return timeline.status


def event_fact(row: CaseEvent) -> EventFact:
    """The rules engine's view of one case event row."""
    return EventFact(
        kind=row.kind,
        date=row.event_date,
        end_date=row.end_date,
        authority=row.authority,
        outcome=row.outcome,
        legal_stay=row.legal_stay,
        applicant=row.applicant,
        event_id=row.id,
        ground=row.ground,
    )


def birth_of(person: Person) -> BirthFact:
    """The rules engine's view of what is known of the person's birth."""
    return _birth(person)


def _birth(person: Person) -> BirthFact:
    return BirthFact(
        certainty=person.birth_certainty,
        birth_date=person.birth_date,
        birth_year=person.birth_year,
        assessment_date=person.assessment_date,
        assessed_age=person.assessed_age,
    )


def load_facts_many(s: Session, persons: Sequence[Person]) -> dict[int, PersonFacts]:
    """Facts for several persons with one query per table (used in batches by refresh_all)."""
    ids = [p.id for p in persons]
    if not ids:
        return {}
    events: dict[int, list[EventFact]] = defaultdict(list)
    for ev in s.scalars(
        select(CaseEvent).where(CaseEvent.person_id.in_(ids), CaseEvent.voided_at.is_(None))
    ):
        events[ev.person_id].append(event_fact(ev))
    manual: dict[int, list[ManualEntitlement]] = defaultdict(list)
    for ent in s.scalars(
        select(Entitlement).where(Entitlement.person_id.in_(ids), Entitlement.revoked_at.is_(None))
    ):
        manual[ent.person_id].append(
            ManualEntitlement(
                service=ent.service,
                payer=ent.payer if ent.covered else Payer.NONE,
                valid_from=ent.valid_from,
                valid_to=ent.valid_to,
                reason=ent.reason,
            )
        )
    reviews: dict[int, list[dt.date]] = defaultdict(list)
    for pid, review in s.execute(
        select(ActionPlan.person_id, ActionPlan.review_date).where(
            ActionPlan.person_id.in_(ids),
            ActionPlan.archived_at.is_(None),
            ActionPlan.review_date.is_not(None),
        )
    ):
        if review is not None:
            reviews[pid].append(review)
    consents: dict[int, list[ConsentFact]] = defaultdict(list)
    for consent, partner_name in s.execute(
        select(Consent, Partner.name)
        .outerjoin(Partner, Partner.id == Consent.partner_id)
        .where(Consent.person_id.in_(ids))
    ):
        kind = consent.partner_kind
        consents[consent.person_id].append(
            ConsentFact(
                consent_id=consent.id,
                partner_name=partner_name or (f"any {kind.value} partner" if kind else "a partner"),
                partner_kind=kind,
                valid_to=consent.valid_to,
                withdrawn=consent.withdrawn_at is not None,
                given_on=consent.valid_from,
            )
        )
    guarded = set(
        s.scalars(
            select(GuardianAssignment.person_id).where(
                GuardianAssignment.person_id.in_(ids), GuardianAssignment.ended_date.is_(None)
            )
        )
    )
    contacted = set(
        s.scalars(
            select(ContactPersonAssignment.person_id).where(
                ContactPersonAssignment.person_id.in_(ids),
                ContactPersonAssignment.to_date.is_(None),
            )
        )
    )
    return {
        p.id: PersonFacts(
            events=tuple(events[p.id]),
            birth=_birth(p),
            own_insurance=p.own_insurance,
            insurer_country=p.insurer_country,
            registered_in_denmark=p.registered_in_denmark,
            manual_entitlements=tuple(manual[p.id]),
            plan_review_dates=tuple(reviews[p.id]),
            consents=tuple(consents[p.id]),
            has_current_guardian=p.id in guarded,
            has_contact_person=p.id in contacted,
        )
        for p in persons
    }


def load_facts(s: Session, person: Person) -> PersonFacts:
    """Everything the rules need about one person, from the current rows."""
    return load_facts_many(s, [person])[person.id]


def _store(s: Session, person: Person, timeline: Timeline, existing: Iterable[_Row]) -> bool:
    """Write status and deadlines if they differ from what is stored; True if anything changed."""
    changed = False
    code = status_code(timeline)
    if person.status != code:
        # A computed value, not an edit: a Core UPDATE leaves the optimistic-lock version alone
        # so an open edit form does not meet a false "changed by someone else".
        s.execute(update(_PERSON_TABLE).where(Person.id == person.id).values(status=code))
        set_committed_value(person, "status", code)
        changed = True
    wanted: list[_Row] = sorted(
        (
            d.kind.value,
            d.due,
            d.uncertain,
            d.rule_set_id or "",
            d.explanation,
            to_json(d.message),
            d.expected,
            d.unreliable,
        )
        for d in timeline.deadlines
    )
    if wanted != sorted(existing):
        s.execute(delete(PersonDeadline).where(PersonDeadline.person_id == person.id))
        if wanted:
            now = utcnow()
            s.execute(
                insert(PersonDeadline),
                [
                    {
                        "person_id": person.id,
                        "kind": row[0],
                        "due_date": row[1],
                        "uncertain": row[2],
                        "rule_set": row[3],
                        "explanation": row[4],
                        "message": row[5],
                        "expected": row[6],
                        "unreliable": row[7],
                        "computed_at": now,
                    }
                    for row in wanted
                ],
            )
        changed = True
    return changed


def _stored_deadlines(s: Session, ids: Sequence[int]) -> dict[int, list[_Row]]:
    out: dict[int, list[_Row]] = defaultdict(list)
    for pid, kind, due, uncertain, rule_set, text, message, expected, unreliable in s.execute(
        select(
            PersonDeadline.person_id,
            PersonDeadline.kind,
            PersonDeadline.due_date,
            PersonDeadline.uncertain,
            PersonDeadline.rule_set,
            PersonDeadline.explanation,
            PersonDeadline.message,
            PersonDeadline.expected,
            PersonDeadline.unreliable,
        ).where(PersonDeadline.person_id.in_(ids))
    ):
        out[pid].append((kind, due, uncertain, rule_set, text, message, expected, unreliable))
    return out


def refresh_person(s: Session, person_id: int, today: dt.date) -> Timeline:
    """Recompute the person's timeline; store ``Person.status`` and replace their
    ``PersonDeadline`` rows. Call inside the unit of work that changed a fact, after a flush."""
    s.flush()
    person = s.get(Person, person_id)
    if person is None:
        raise NotFound("person", person_id)
    timeline = compute_timeline(load_facts(s, person), today)
    _store(s, person, timeline, _stored_deadlines(s, [person_id])[person_id])
    return timeline


@dataclass(frozen=True)
class RefreshReport:
    persons: int
    changed: int


def refresh_all(db: Database, today: dt.date, *, batch_size: int = BATCH_SIZE) -> RefreshReport:
    """Recompute every active (not archived) person's status and deadlines for ``today``, in
    batches of one unit of work each, and record the day in the settings."""
    total = changed = 0
    last_id = 0
    while True:
        with db.write() as s:
            persons = list(
                s.scalars(
                    select(Person)
                    .where(Person.id > last_id, Person.archived_at.is_(None))
                    .order_by(Person.id)
                    .limit(batch_size)
                )
            )
            if not persons:
                s.merge(AppSetting(key=LAST_REFRESH_SETTING, value=today.isoformat()))
                break
            ids = [p.id for p in persons]
            facts = load_facts_many(s, persons)
            stored = _stored_deadlines(s, ids)
            for person in persons:
                timeline = compute_timeline(facts[person.id], today)
                changed += _store(s, person, timeline, stored[person.id])
            total += len(persons)
            last_id = ids[-1]
    return RefreshReport(total, changed)


def last_refresh(db: Database) -> dt.date | None:
    """The day ``refresh_all`` last completed, if ever."""
    with db.read() as s:
        value = s.scalar(select(AppSetting.value).where(AppSetting.key == LAST_REFRESH_SETTING))
    return dt.date.fromisoformat(value) if value else None


def refresh_if_stale(db: Database, today: dt.date) -> RefreshReport | None:
    """Run ``refresh_all`` unless it already ran for ``today`` (call at start-up)."""
    if last_refresh(db) == today:
        return None
    return refresh_all(db, today)
