"""Who looks after a person: contact persons (staff) and, for minors, guardians.

A person has at most one current contact person (the schema enforces it); reassigning closes
the current assignment and needs a reason, so the history explains every change. A minor's
guardian (professional personal representative) is recorded and ended here; when the person
turns 18 the guardianship ends, the plan is marked for review and the guardian's access to the
person's documents ends with it (:func:`current_guardian`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from clinic_app.errors import Conflict, Invalid, NotFound
from clinic_app.models import ActionPlan, ContactPersonAssignment, GuardianAssignment, Person, User
from clinic_app.rules.dates import age_on, eighteenth_birthday
from clinic_app.security.context import Actor
from clinic_app.security.permissions import Action, allowed, require
from clinic_app.services.audit_trail import AuditTrail
from clinic_app.services.common import (
    Clock,
    check_date_bounds,
    check_not_future,
    check_range,
    clean_text,
)
from clinic_app.services.database import Database
from clinic_app.services.facts_loader import refresh_person
from clinic_app.services.persons import birth_fact
from clinic_app.services.relations import relation_to, require_on_person
from clinic_app.vocabulary import Role

# Roles whose users can be a person's contact person (statistics users see no person data).
CONTACT_ROLES: frozenset[Role] = frozenset(
    {Role.CONTACT_PERSON, Role.SHELTER_STAFF, Role.TEAM_LEAD, Role.ADMINISTRATOR, Role.NURSE}
)


# --- data in and out ---------------------------------------------------------------------------


@dataclass(frozen=True)
class StaffOption:
    """A user who may be appointed contact person."""

    user_id: int
    username: str
    display_name: str
    role: Role


@dataclass(frozen=True)
class ContactAssignmentView:
    id: int
    person_id: int
    user_id: int
    username: str
    user_name: str
    from_date: dt.date
    to_date: dt.date | None
    reason: str
    current: bool


@dataclass(frozen=True)
class GuardianInput:
    name: str
    organisation: str = ""
    phone: str = ""
    email: str = ""
    appointed_date: dt.date | None = None  # today when not given


@dataclass(frozen=True)
class GuardianView:
    id: int
    person_id: int
    name: str
    organisation: str
    phone: str
    email: str
    appointed_date: dt.date
    ended_date: dt.date | None
    end_reason: str
    current: bool


@dataclass(frozen=True)
class ContactsOverview:
    """Everything the contacts tab of a person's record shows."""

    person_id: int
    case_ref: str
    age: int | None
    age_uncertain: bool
    is_minor: bool
    turns_18_on: dt.date | None
    turns_18_uncertain: bool
    # True when a current guardianship should be ended (18 reached) or soon (within 60 days).
    transition_due: bool
    may_end_at_18: bool  # the person has reached 18 (on the best reading) and has a guardian
    contact: ContactAssignmentView | None
    contact_history: tuple[ContactAssignmentView, ...]
    guardian: GuardianView | None
    guardian_history: tuple[GuardianView, ...]
    guardian_missing: bool
    contact_missing: bool
    may_assign_contact: bool
    may_edit_guardian: bool


@dataclass(frozen=True)
class CaseloadItem:
    person_id: int
    case_ref: str
    display_name: str
    since: dt.date
    is_minor: bool
    guardian_missing: bool


@dataclass(frozen=True)
class TransitionDue:
    """A person with a current guardian who turns (or has turned) 18."""

    person_id: int
    case_ref: str
    display_name: str
    turns_18_on: dt.date
    uncertain: bool  # the birth date is estimated or assessed
    days_left: int  # negative once the 18th birthday has passed
    guardian_id: int
    guardian_name: str


TRANSITION_WINDOW_DAYS = 60


# --- functions other services use inside their own unit of work -----------------------------


def current_guardian(s: Session, person_id: int) -> GuardianView | None:
    """The person's current guardian, or None (none appointed, or the guardianship ended).

    Documents and sharing check this before giving a guardian anything about the person.
    """
    row = s.scalar(
        select(GuardianAssignment).where(
            GuardianAssignment.person_id == person_id, GuardianAssignment.ended_date.is_(None)
        )
    )
    return _guardian_view(row) if row is not None else None


def current_contact(s: Session, person_id: int) -> ContactPersonAssignment | None:
    """The person's current contact-person assignment, if any."""
    return s.scalar(
        select(ContactPersonAssignment).where(
            ContactPersonAssignment.person_id == person_id,
            ContactPersonAssignment.to_date.is_(None),
        )
    )


def may_on_person(s: Session, actor: Actor, action: Action, person: Person) -> bool:
    """Like :func:`require_on_person` but answering instead of raising."""
    rel = relation_to(s, actor, person)
    return allowed(actor, action, own_caseload=rel.own_caseload, same_site=rel.same_site)


def is_minor_on(person: Person, day: dt.date) -> tuple[bool, bool]:
    """(minor on ``day``, uncertain). An unknown age is not taken as minor."""
    age, uncertain = age_on(birth_fact(person), day)
    return age is not None and age < 18, uncertain


def load_person(s: Session, person_id: int) -> Person:
    person = s.get(Person, person_id)
    if person is None:
        raise NotFound("person", person_id)
    return person


# --- the service -------------------------------------------------------------------------------


class ContactService:
    """Contact persons and guardians. Every call checks permissions and is audited."""

    def __init__(self, db: Database, audit: AuditTrail, clock: Clock) -> None:
        self._db = db
        self._audit = audit
        self._today = clock

    # --- contact persons ---------------------------------------------------------------------

    def staff_options(self, actor: Actor) -> tuple[StaffOption, ...]:
        """Active users who can be appointed contact person (for pickers)."""
        require(actor, Action.CONTACT_PERSON_ASSIGN)
        with self._db.read() as s:
            rows = s.scalars(
                select(User)
                .where(User.active.is_(True), User.role.in_(sorted(CONTACT_ROLES)))
                .order_by(User.display_name, User.id)
            ).all()
            return tuple(StaffOption(u.id, u.username, u.display_name, u.role) for u in rows)

    def assign(
        self,
        actor: Actor,
        person_id: int,
        user_id: int,
        *,
        reason: str = "",
        from_date: dt.date | None = None,
    ) -> ContactsOverview:
        """Make ``user_id`` the person's contact person from ``from_date`` (default today).

        A current contact person is closed on that date; replacing one needs a reason.
        """
        require(actor, Action.CONTACT_PERSON_ASSIGN)
        today = self._today()
        start = from_date or today
        check_date_bounds("from_date", start, today)
        reason = clean_text("reason", reason, max_len=1000, multiline=True)
        with self._db.write() as s:
            person = load_person(s, person_id)
            _check_active(person)
            user = s.get(User, user_id)
            if user is None or not user.active:
                raise Invalid("user", "unknown_user", "Choose an active user.")
            if user.role not in CONTACT_ROLES:
                raise Invalid("user", "not_staff", "This user cannot be a contact person.")
            current = current_contact(s, person_id)
            if current is not None:
                if current.user_id == user_id:
                    raise Invalid("user", "already_current", "This is already the contact person.")
                if not reason:
                    raise Invalid(
                        "reason", "required", "Give a reason for changing the contact person."
                    )
                if start < current.from_date:
                    raise Invalid(
                        "from_date",
                        "before_current",
                        "The new assignment cannot start before the current one began.",
                    )
                current.to_date = start
                s.flush()  # close it first: the schema allows one open assignment per person
            s.add(
                ContactPersonAssignment(
                    person_id=person_id,
                    user_id=user_id,
                    from_date=start,
                    reason=reason,
                    created_by_id=actor.user_id,
                )
            )
            s.flush()
            self._audit.record(
                s,
                actor,
                "contact_person.reassign" if current is not None else "contact_person.assign",
                person_id=person_id,
                target=f"user:{user_id}",
                details={"fields": ["user_id", "from_date", *(["reason"] if reason else [])]},
            )
            refresh_person(s, person_id, today)
            return self._overview(s, actor, person)

    def end_contact(
        self, actor: Actor, person_id: int, reason: str, to_date: dt.date | None = None
    ) -> ContactsOverview:
        """End the current assignment without a successor (the person then shows as an alert)."""
        require(actor, Action.CONTACT_PERSON_ASSIGN)
        today = self._today()
        end = to_date or today
        check_not_future("to_date", end, today)
        reason = clean_text("reason", reason, required=True, max_len=1000, multiline=True)
        with self._db.write() as s:
            person = load_person(s, person_id)
            current = current_contact(s, person_id)
            if current is None:
                raise Invalid("contact", "none_current", "The person has no contact person.")
            check_range("from_date", current.from_date, "to_date", end)
            current.to_date = end
            current.reason = (current.reason + "\n" if current.reason else "") + reason
            s.flush()
            self._audit.record(
                s,
                actor,
                "contact_person.end",
                person_id=person_id,
                target=f"user:{current.user_id}",
                details={"fields": ["to_date", "reason"]},
            )
            refresh_person(s, person_id, today)
            return self._overview(s, actor, person)

    def caseload(self, actor: Actor) -> tuple[CaseloadItem, ...]:
        """Persons (not archived) whose current contact person is ``actor``."""
        today = self._today()
        with self._db.write() as s:
            rows = s.execute(
                select(Person, ContactPersonAssignment.from_date)
                .join(ContactPersonAssignment, ContactPersonAssignment.person_id == Person.id)
                .where(
                    ContactPersonAssignment.user_id == actor.user_id,
                    ContactPersonAssignment.to_date.is_(None),
                    Person.archived_at.is_(None),
                )
                .order_by(Person.display_name, Person.id)
            ).all()
            guarded = _guarded_ids(s, [p.id for p, _ in rows])
            items = []
            for person, since in rows:
                # A role that sees only its own site's persons sees only that part of it.
                if not allowed(
                    actor,
                    Action.PERSON_VIEW,
                    own_caseload=True,
                    same_site=actor.at_site(person.current_site_id),
                ):
                    continue
                minor, _ = is_minor_on(person, today)
                items.append(
                    CaseloadItem(
                        person.id,
                        person.case_ref,
                        person.display_name,
                        since,
                        minor,
                        minor and person.id not in guarded,
                    )
                )
            self._audit.record(
                s,
                actor,
                "contact_person.caseload",
                details={"count": len(items)},
                listed=[i.person_id for i in items],
            )
            return tuple(items)

    def overview(self, actor: Actor, person_id: int) -> ContactsOverview:
        """Contact person and guardian, current and past, with the turning-18 facts (audited)."""
        with self._db.write() as s:
            person = load_person(s, person_id)
            require_on_person(s, actor, Action.PERSON_VIEW, person)
            self._audit.record(s, actor, "contacts.view", person_id=person_id)
            return self._overview(s, actor, person)

    # --- guardians ------------------------------------------------------------------------------

    def record_guardian(
        self, actor: Actor, person_id: int, data: GuardianInput, *, reason: str = ""
    ) -> ContactsOverview:
        """Record a minor's guardian; a current one is ended on the new appointment date, which
        needs a reason."""
        today = self._today()
        clean = _clean_guardian(data, today)
        reason = clean_text("reason", reason, max_len=1000, multiline=True)
        with self._db.write() as s:
            person = load_person(s, person_id)
            require_on_person(s, actor, Action.GUARDIAN_EDIT, person)
            _check_active(person)
            age, _ = age_on(birth_fact(person), today)
            if age is not None and age >= 18:
                raise Invalid("person", "not_minor", "Guardians are appointed for minors only.")
            current = s.scalar(
                select(GuardianAssignment).where(
                    GuardianAssignment.person_id == person_id,
                    GuardianAssignment.ended_date.is_(None),
                )
            )
            assert clean.appointed_date is not None
            if current is not None:
                if not reason:
                    raise Invalid(
                        "reason", "required", "Give a reason for replacing the current guardian."
                    )
                if clean.appointed_date < current.appointed_date:
                    raise Invalid(
                        "appointed_date",
                        "before_current",
                        "The new guardian cannot be appointed before the current one.",
                    )
                current.ended_date = clean.appointed_date
                current.end_reason = reason
            row = GuardianAssignment(
                person_id=person_id,
                name=clean.name,
                organisation=clean.organisation,
                phone=clean.phone,
                email=clean.email,
                appointed_date=clean.appointed_date,
            )
            s.add(row)
            s.flush()
            self._audit.record(
                s,
                actor,
                "guardian.replace" if current is not None else "guardian.record",
                person_id=person_id,
                target=f"guardian:{row.id}",
                details={"fields": _guardian_fields(clean)},
            )
            refresh_person(s, person_id, today)
            return self._overview(s, actor, person)

    def update_guardian(
        self, actor: Actor, guardian_id: int, data: GuardianInput
    ) -> ContactsOverview:
        """Correct a current guardian's details (name, organisation, phone, e-mail, date)."""
        today = self._today()
        clean = _clean_guardian(data, today)
        with self._db.write() as s:
            row = s.get(GuardianAssignment, guardian_id)
            if row is None:
                raise NotFound("guardian", guardian_id)
            person = load_person(s, row.person_id)
            require_on_person(s, actor, Action.GUARDIAN_EDIT, person)
            if row.ended_date is not None:
                raise Conflict("guardian", "this guardianship has ended")
            changed = [
                f
                for f in ("name", "organisation", "phone", "email", "appointed_date")
                if getattr(row, f) != getattr(clean, f)
            ]
            row.name, row.organisation = clean.name, clean.organisation
            row.phone, row.email = clean.phone, clean.email
            assert clean.appointed_date is not None
            row.appointed_date = clean.appointed_date
            s.flush()
            self._audit.record(
                s,
                actor,
                "guardian.edit",
                person_id=row.person_id,
                target=f"guardian:{row.id}",
                details={"fields": changed},
            )
            return self._overview(s, actor, person)

    def end_guardian(
        self, actor: Actor, person_id: int, reason: str, ended_date: dt.date | None = None
    ) -> ContactsOverview:
        """End the current guardianship (for example after a new age assessment)."""
        today = self._today()
        end = ended_date or today
        check_not_future("ended_date", end, today)
        reason = clean_text("reason", reason, required=True, max_len=1000, multiline=True)
        with self._db.write() as s:
            person = load_person(s, person_id)
            require_on_person(s, actor, Action.GUARDIAN_EDIT, person)
            row = self._current_guardian_row(s, person_id)
            check_range("appointed_date", row.appointed_date, "ended_date", end)
            row.ended_date, row.end_reason = end, reason
            s.flush()
            self._audit.record(
                s,
                actor,
                "guardian.end",
                person_id=person_id,
                target=f"guardian:{row.id}",
                details={"fields": ["ended_date", "end_reason"]},
            )
            refresh_person(s, person_id, today)
            return self._overview(s, actor, person)

    def current_guardian(self, actor: Actor, person_id: int) -> GuardianView | None:
        """The person's current guardian or None (audited as a view of the person's contacts)."""
        with self._db.write() as s:
            person = load_person(s, person_id)
            require_on_person(s, actor, Action.PERSON_VIEW, person)
            self._audit.record(s, actor, "guardian.view", person_id=person_id)
            return current_guardian(s, person_id)

    def transitions_due(
        self, actor: Actor, within_days: int = TRANSITION_WINDOW_DAYS
    ) -> tuple[TransitionDue, ...]:
        """Persons with a current guardian who turn 18 within ``within_days`` or already have,
        soonest first; only persons the actor may see. Estimated birth dates are flagged."""
        if not 0 <= within_days <= 3660:
            raise Invalid("within_days", "out_of_range", "Between 0 and 3660 days.")
        today = self._today()
        horizon = today + dt.timedelta(days=within_days)
        with self._db.write() as s:
            rows = s.execute(
                select(Person, GuardianAssignment)
                .join(GuardianAssignment, GuardianAssignment.person_id == Person.id)
                .where(GuardianAssignment.ended_date.is_(None), Person.archived_at.is_(None))
            ).all()
            found: list[TransitionDue] = []
            for person, guardian in rows:
                adult_on, uncertain = eighteenth_birthday(birth_fact(person))
                if adult_on is None or adult_on > horizon:
                    continue
                if not may_on_person(s, actor, Action.PERSON_VIEW, person):
                    continue
                found.append(
                    TransitionDue(
                        person.id,
                        person.case_ref,
                        person.display_name,
                        adult_on,
                        uncertain,
                        (adult_on - today).days,
                        guardian.id,
                        guardian.name,
                    )
                )
            found.sort(key=lambda t: (t.turns_18_on, t.case_ref))
            self._audit.record(
                s,
                actor,
                "guardian.transitions",
                details={"within_days": within_days},
                listed=[t.person_id for t in found],
            )
            return tuple(found)

    def end_guardianship_at_18(self, actor: Actor, person_id: int, reason: str) -> ContactsOverview:
        """End the guardianship of a person who has turned 18 and mark their plans for review
        today. The guardian's access to the person's documents ends with it."""
        today = self._today()
        reason = clean_text("reason", reason, required=True, max_len=1000, multiline=True)
        with self._db.write() as s:
            person = load_person(s, person_id)
            require_on_person(s, actor, Action.GUARDIAN_EDIT, person)
            row = self._current_guardian_row(s, person_id)
            adult_on, _ = eighteenth_birthday(birth_fact(person))
            if adult_on is None:
                raise Invalid(
                    "birth", "unknown", "The age is unknown: end the guardianship with a reason."
                )
            if adult_on > today:
                raise Invalid(
                    "person",
                    "not_yet_18",
                    f"The person turns 18 on {adult_on.isoformat()}; end it on or after that day.",
                )
            row.ended_date, row.end_reason = today, reason
            plans = s.scalars(
                select(ActionPlan).where(
                    ActionPlan.person_id == person_id, ActionPlan.archived_at.is_(None)
                )
            ).all()
            for plan in plans:
                if plan.review_date is None or plan.review_date > today:
                    plan.review_date = today
            s.flush()
            self._audit.record(
                s,
                actor,
                "guardian.end_at_18",
                person_id=person_id,
                target=f"guardian:{row.id}",
                details={"fields": ["ended_date", "end_reason"], "plans": [p.id for p in plans]},
            )
            refresh_person(s, person_id, today)
            return self._overview(s, actor, person)

    # --- internals ------------------------------------------------------------------------------

    def _current_guardian_row(self, s: Session, person_id: int) -> GuardianAssignment:
        row = s.scalar(
            select(GuardianAssignment).where(
                GuardianAssignment.person_id == person_id, GuardianAssignment.ended_date.is_(None)
            )
        )
        if row is None:
            raise Invalid("guardian", "none_current", "The person has no current guardian.")
        return row

    def _overview(self, s: Session, actor: Actor, person: Person) -> ContactsOverview:
        today = self._today()
        age, uncertain = age_on(birth_fact(person), today)
        adult_on, adult_uncertain = eighteenth_birthday(birth_fact(person))
        contacts = s.execute(
            select(ContactPersonAssignment, User.username, User.display_name)
            .join(User, User.id == ContactPersonAssignment.user_id)
            .where(ContactPersonAssignment.person_id == person.id)
            .order_by(ContactPersonAssignment.from_date.desc(), ContactPersonAssignment.id.desc())
        ).all()
        contact_views = tuple(
            ContactAssignmentView(
                c.id,
                c.person_id,
                c.user_id,
                username,
                name,
                c.from_date,
                c.to_date,
                c.reason,
                c.to_date is None,
            )
            for c, username, name in contacts
        )
        guardians = tuple(
            _guardian_view(g)
            for g in s.scalars(
                select(GuardianAssignment)
                .where(GuardianAssignment.person_id == person.id)
                .order_by(GuardianAssignment.appointed_date.desc(), GuardianAssignment.id.desc())
            )
        )
        contact = next((c for c in contact_views if c.current), None)
        guardian = next((g for g in guardians if g.current), None)
        is_minor = age is not None and age < 18
        horizon = today + dt.timedelta(days=TRANSITION_WINDOW_DAYS)
        transition = guardian is not None and adult_on is not None and adult_on <= horizon
        same_site = actor.at_site(person.current_site_id)
        mine = actor.is_contact_person_for(contact.user_id if contact else None)
        return ContactsOverview(
            person_id=person.id,
            case_ref=person.case_ref,
            age=age,
            age_uncertain=uncertain,
            is_minor=is_minor,
            turns_18_on=adult_on,
            turns_18_uncertain=adult_uncertain,
            transition_due=transition,
            may_end_at_18=guardian is not None and adult_on is not None and adult_on <= today,
            contact=contact,
            contact_history=contact_views,
            guardian=guardian,
            guardian_history=guardians,
            guardian_missing=is_minor and guardian is None,
            contact_missing=contact is None,
            may_assign_contact=allowed(actor, Action.CONTACT_PERSON_ASSIGN),
            may_edit_guardian=allowed(
                actor, Action.GUARDIAN_EDIT, own_caseload=mine, same_site=same_site
            ),
        )


# --- module helpers ----------------------------------------------------------------------------


def _check_active(person: Person) -> None:
    if person.archived_at is not None:
        raise Conflict("person", "the case is archived")


def _clean_guardian(data: GuardianInput, today: dt.date) -> GuardianInput:
    appointed = data.appointed_date or today
    check_date_bounds("appointed_date", appointed, today)
    email = clean_text("email", data.email, max_len=200)
    if email and ("@" not in email or " " in email):
        raise Invalid("email", "bad_email", "Enter an e-mail address such as name@example.dk.")
    phone = clean_text("phone", data.phone, max_len=60)
    if phone and not all(ch.isdigit() or ch in "+-() ./" for ch in phone):
        raise Invalid("phone", "bad_phone", "Use digits, spaces and + - ( ) only.")
    return GuardianInput(
        name=clean_text("name", data.name, required=True, max_len=200),
        organisation=clean_text("organisation", data.organisation, max_len=200),
        phone=phone,
        email=email,
        appointed_date=appointed,
    )


def _guardian_fields(data: GuardianInput) -> list[str]:
    return [f for f in ("name", "organisation", "phone", "email") if getattr(data, f)] + [
        "appointed_date"
    ]


def _guardian_view(g: GuardianAssignment) -> GuardianView:
    return GuardianView(
        g.id,
        g.person_id,
        g.name,
        g.organisation,
        g.phone,
        g.email,
        g.appointed_date,
        g.ended_date,
        g.end_reason,
        g.ended_date is None,
    )


def _guarded_ids(s: Session, person_ids: list[int]) -> set[int]:
    if not person_ids:
        return set()
    return set(
        s.scalars(
            select(GuardianAssignment.person_id).where(
                GuardianAssignment.person_id.in_(person_ids),
                GuardianAssignment.ended_date.is_(None),
            )
        )
    )
