"""Clinic visits, the entitlement check at the visit, day views and mobile-unit outings."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from sqlalchemy import and_, distinct, exists, func, select
from sqlalchemy.orm import Session, aliased

from clinic_app.errors import Conflict, Invalid, NotFound
from clinic_app.models import (
    AnonymousVisitor,
    MobileOuting,
    Partner,
    Person,
    Referral,
    Site,
    Visit,
    VisitServiceGiven,
    utcnow,
)
from clinic_app.rules import EntitlementLine, compute_entitlements
from clinic_app.security.context import Actor
from clinic_app.security.permissions import Action, needs_break_glass, require
from clinic_app.services.audit_trail import AuditTrail
from clinic_app.services.clinic_common import (
    VisitView,
    clinic_site,
    day_bounds,
    load_person,
    may_read_notes,
    may_see_details,
    normalise_code,
    parse_services,
    relation,
    services_of,
    view_of,
    visit_query,
    visit_views,
)
from clinic_app.services.common import (
    Clock,
    check_date_bounds,
    check_range,
    clean_text,
    system_today,
)
from clinic_app.services.database import Database
from clinic_app.services.facts_loader import load_facts
from clinic_app.services.visitors import VisitorInput, add_visitor, clean_visitor, visitor_fields
from clinic_app.vocabulary import (
    AgeBand,
    HealthService,
    InterpreterMode,
    Payer,
    SiteKind,
    Urgency,
    VisitService,
)

# An entitlement ending within this many days of the visit is flagged at the desk.
ENDS_SOON_DAYS = 14

# The health service each clinic service draws on, for the entitlement check. Rights
# counselling is not health care; a referral depends on where the person is referred.
HEALTH_SERVICE_FOR: dict[VisitService, HealthService] = {
    VisitService.CONSULTATION: HealthService.GENERAL_PRACTICE,
    VisitService.STI_TESTING: HealthService.GENERAL_PRACTICE,
    VisitService.PREGNANCY_TEST: HealthService.GENERAL_PRACTICE,
    VisitService.CONTRACEPTION: HealthService.GENERAL_PRACTICE,
    VisitService.VACCINATION: HealthService.GENERAL_PRACTICE,
    VisitService.WOUND_CARE: HealthService.GENERAL_PRACTICE,
    VisitService.PSYCHOSOCIAL_TALK: HealthService.PSYCHOLOGICAL_THERAPY,
}

# Referral specialties and the health service a referral there uses. "specialist" has no
# single service (a specialist doctor is usually reached through general practice).
REFERRAL_SPECIALTIES: dict[str, HealthService | None] = {
    "doctor": HealthService.GENERAL_PRACTICE,
    "dentist": HealthService.DENTISTRY,
    "psychologist": HealthService.PSYCHOLOGICAL_THERAPY,
    "psychiatrist": HealthService.PSYCHIATRIC_THERAPY,
    "hospital": HealthService.HOSPITALISATION,
    "physiotherapist": HealthService.PHYSICAL_THERAPY,
    "specialist": None,
}

DEFAULT_OUTING_TIME = dt.time(20, 0)


@dataclass(frozen=True)
class VisitInput:
    """One visit: exactly one of ``person_id`` / ``visitor_id``; at a clinic or mobile unit.

    ``visited_at`` is local wall-clock time (None: now). ``services`` may hold enum members
    or their string values.
    """

    site_id: int
    person_id: int | None = None
    visitor_id: int | None = None
    outing_id: int | None = None
    visited_at: dt.datetime | None = None
    services: tuple[VisitService, ...] = ()
    reason: str = ""
    interpreter_language: str = ""
    interpreter_mode: InterpreterMode | None = None
    clinical_notes: str = ""
    follow_up_date: dt.date | None = None


@dataclass(frozen=True)
class VisitReferral:
    """A referral made at a visit. ``specialty``: a key of REFERRAL_SPECIALTIES."""

    specialty: str
    reason: str
    urgency: Urgency = Urgency.ROUTINE
    partner_id: int | None = None


@dataclass(frozen=True)
class DailySummary:
    site_id: int
    day: dt.date
    visits: int
    registered_persons: int
    visitors: int
    new_visitors: int
    services: tuple[tuple[VisitService, int], ...]
    referrals: int
    outings: int
    outing_contacts: int
    follow_ups_due: int


@dataclass(frozen=True)
class CoverageWarning:
    """``code``: not_covered, ends_soon or check_manually (no rule maps the service)."""

    code: str
    service: VisitService
    health_service: HealthService | None
    until: dt.date | None
    message: str


@dataclass(frozen=True)
class EntitlementCheck:
    person_id: int
    day: dt.date
    lines: tuple[EntitlementLine, ...]
    warnings: tuple[CoverageWarning, ...]

    def line(self, service: HealthService) -> EntitlementLine:
        return next(x for x in self.lines if x.service is service)


@dataclass(frozen=True)
class OutingInput:
    site_id: int
    outing_date: dt.date
    area: str = ""
    staff: str = ""
    contacts_made: int | None = None  # None: the number of quick contacts recorded
    materials: str = ""
    notes: str = ""


@dataclass(frozen=True)
class QuickContact:
    """One short contact on an outing: an existing card code, or a new visitor's details."""

    visitor_code: str = ""
    nickname: str = ""
    age_band: AgeBand = AgeBand.UNKNOWN
    nationality: str | None = None
    language: str = ""
    services: tuple[VisitService, ...] = ()
    reason: str = ""
    clinical_notes: str = ""
    follow_up_date: dt.date | None = None
    at: dt.time | None = None


@dataclass(frozen=True)
class OutingView:
    id: int
    site_id: int
    site_name: str
    outing_date: dt.date
    area: str
    staff: str
    contacts_made: int
    materials: str
    notes: str
    visits: tuple[VisitView, ...]
    new_visitors: int


@dataclass(frozen=True)
class _CleanVisit:
    site_id: int
    person_id: int | None
    visitor_id: int | None
    outing_id: int | None
    visited_at: dt.datetime
    services: tuple[VisitService, ...]
    reason: str
    interpreter_language: str
    interpreter_mode: InterpreterMode | None
    clinical_notes: str
    follow_up_date: dt.date | None


class ClinicService:
    """Visits and outings. Nurses record; nurses, team leads and administrators view (contact
    persons their own caseload); clinical notes are for nurses only (administrators by
    break-glass on one visit). Everyone else who may see a person sees only that a visit
    happened (date and site)."""

    def __init__(self, db: Database, audit: AuditTrail, clock: Clock = system_today) -> None:
        self._db = db
        self._audit = audit
        self._today = clock

    # --- visits --------------------------------------------------------------------------

    def record_visit(
        self,
        actor: Actor,
        data: VisitInput,
        *,
        new_visitor: VisitorInput | None = None,
        referral: VisitReferral | None = None,
    ) -> VisitView:
        """Save one visit in one unit of work. Nothing is written if the input is bad.

        ``new_visitor``: create the anonymous visitor in the same unit of work (then neither
        ``person_id`` nor ``visitor_id`` is given). ``referral``: also refer her on from this
        visit (the referral service is added to the services given).
        """
        require(actor, Action.VISIT_CREATE)
        visitor_data = None
        if new_visitor is not None:
            if data.person_id is not None or data.visitor_id is not None:
                raise Invalid("who", "both_given", "A visit is either a person's or a visitor's.")
            visitor_data = clean_visitor(replace(new_visitor, first_site_id=data.site_id), "")
            data = replace(data, visitor_id=0)  # filled in once the visitor is created
        clean = self._clean_visit(data, "")
        ref = clean_referral(referral) if referral is not None else None
        if ref is not None and VisitService.REFERRAL not in clean.services:
            clean = replace(clean, services=(*clean.services, VisitService.REFERRAL))
        with self._db.write() as s:
            site = clinic_site(s, clean.site_id)
            case_ref = name = code = nick = None
            person = None
            if clean.person_id is not None:
                person = load_person(s, clean.person_id)
                case_ref, name = person.case_ref, person.display_name
            else:
                if visitor_data is not None:
                    visitor = add_visitor(s, visitor_data)
                    clean = replace(clean, visitor_id=visitor.id)
                    self._audit.record(
                        s,
                        actor,
                        "visitor.create",
                        target=f"visitor:{visitor.id}",
                        details={"fields": visitor_fields(visitor_data)},
                    )
                else:
                    found = s.get(AnonymousVisitor, clean.visitor_id)
                    if found is None:
                        raise NotFound("visitor", clean.visitor_id)
                    visitor = found
                code, nick = visitor.code, visitor.nickname
                if visitor.linked_person_id is not None:
                    # A linked visitor's new visits belong to her record too.
                    clean = replace(clean, person_id=visitor.linked_person_id)
                    person = s.get(Person, visitor.linked_person_id)
            if clean.outing_id is not None:
                self._check_outing(s, clean.outing_id, site.id, clean.visited_at.date())
            visit = _insert_visit(s, actor, clean)
            self._audit.record(
                s,
                actor,
                "visit.create",
                person_id=clean.person_id,
                target=f"visit:{visit.id}",
                details={"fields": _visit_fields(clean), "visitor_id": clean.visitor_id},
            )
            if ref is not None:
                rel = relation(s, actor, person)
                require(
                    actor,
                    Action.REFERRAL_CREATE,
                    own_caseload=rel.own_caseload,
                    same_site=rel.same_site,
                )
                insert_referral(
                    s, self._audit, actor, ref, clean.person_id, clean.visitor_id, visit.id
                )
            return view_of(visit, site.name, case_ref, name, code, nick, clean.services, True, True)

    def update_visit(
        self, actor: Actor, visit_id: int, data: VisitInput, expected_version: int
    ) -> VisitView:
        """Correct a visit (same person or visitor); Conflict if saved by someone else since."""
        require(actor, Action.VISIT_CREATE)
        clean = self._clean_visit(data, "")
        with self._db.write() as s:
            visit = s.get(Visit, visit_id)
            if visit is None:
                raise NotFound("visit", visit_id)
            if visit.version != expected_version:
                raise Conflict("visit")
            if (clean.visitor_id or None) != visit.visitor_id or (
                clean.person_id is not None and clean.person_id != visit.person_id
            ):
                raise Invalid("who", "changed", "A visit cannot be moved to someone else.")
            site = clinic_site(s, clean.site_id)
            if clean.outing_id is not None:
                self._check_outing(s, clean.outing_id, site.id, clean.visited_at.date())
            changed = _changed(visit, clean)
            visit.site_id = clean.site_id
            visit.outing_id = clean.outing_id
            visit.visited_at = clean.visited_at
            visit.reason = clean.reason
            visit.interpreter_language = clean.interpreter_language
            visit.interpreter_mode = clean.interpreter_mode
            visit.clinical_notes = clean.clinical_notes
            visit.follow_up_date = clean.follow_up_date
            # Touch the row so a change of services alone still bumps the version.
            visit.updated_at = utcnow()
            current = {g.service: g for g in visit.services}
            visit.services = [
                current.get(sv) or VisitServiceGiven(service=sv) for sv in clean.services
            ]
            s.flush()
            self._audit.record(
                s,
                actor,
                "visit.edit",
                person_id=visit.person_id,
                target=f"visit:{visit.id}",
                details={"fields": changed},
            )
            row = s.execute(visit_query().where(Visit.id == visit.id)).one()
            return visit_views(s, [row], details=True, notes=True)[0]

    def get_visit(self, actor: Actor, visit_id: int, *, break_glass_reason: str = "") -> VisitView:
        """One visit. Notes for nurses; an administrator gets them only with a reason
        (break-glass, audited as its own row)."""
        reason = clean_text("break_glass_reason", break_glass_reason, max_len=1000, multiline=True)
        with self._db.write() as s:
            row = s.execute(visit_query().where(Visit.id == visit_id)).one_or_none()
            if row is None:
                raise NotFound("visit", visit_id)
            visit: Visit = row[0]
            person = s.get(Person, visit.person_id) if visit.person_id is not None else None
            rel = relation(s, actor, person)
            details = may_see_details(actor, rel)
            if not details:
                if person is None:
                    require(actor, Action.VISIT_VIEW)
                require(
                    actor,
                    Action.PERSON_VIEW,
                    own_caseload=rel.own_caseload,
                    same_site=rel.same_site,
                )
            notes = details and may_read_notes(actor)
            if (
                details
                and not notes
                and reason
                and needs_break_glass(actor, Action.VISIT_VIEW_CLINICAL_NOTES)
            ):
                require(actor, Action.VISIT_VIEW_CLINICAL_NOTES, break_glass=True)
                notes = True
                self._audit.record(
                    s,
                    actor,
                    "visit.clinical_notes_break_glass",
                    person_id=visit.person_id,
                    target=f"visit:{visit.id}",
                    details={"reason": reason},
                    outcome="break_glass",
                )
            self._audit.record(
                s,
                actor,
                "visit.view",
                person_id=visit.person_id,
                target=f"visit:{visit.id}",
                details={"details": details, "clinical_notes": notes},
            )
            return visit_views(s, [row], details=details, notes=notes)[0]

    def person_visits(self, actor: Actor, person_id: int) -> tuple[VisitView, ...]:
        """A registered person's visits, newest first (including those she made as an
        anonymous visitor before being linked). Whoever may see the person sees dates and
        sites; services and reasons need ``visit.view``; notes are for nurses."""
        with self._db.write() as s:
            person = load_person(s, person_id)
            rel = relation(s, actor, person)
            details = may_see_details(actor, rel)
            if not details:
                require(
                    actor,
                    Action.PERSON_VIEW,
                    own_caseload=rel.own_caseload,
                    same_site=rel.same_site,
                )
            notes = details and may_read_notes(actor)
            rows = s.execute(
                visit_query()
                .where(Visit.person_id == person.id)
                .order_by(Visit.visited_at.desc(), Visit.id.desc())
            ).all()
            views = visit_views(s, rows, details=details, notes=notes)
            self._audit.record(
                s,
                actor,
                "visit.list",
                person_id=person.id,
                details={"visits": len(views), "details": details, "clinical_notes": notes},
            )
            return views

    def day_view(self, actor: Actor, site_id: int, day: dt.date) -> tuple[VisitView, ...]:
        """The visits at a site on a day, in time order, without clinical notes."""
        require(actor, Action.VISIT_VIEW)
        with self._db.write() as s:
            clinic_site(s, site_id)
            start, end = day_bounds(day)
            rows = s.execute(
                visit_query()
                .where(Visit.site_id == site_id, Visit.visited_at >= start, Visit.visited_at < end)
                .order_by(Visit.visited_at, Visit.id)
            ).all()
            views = visit_views(s, rows, details=True, notes=False)
            self._audit.record(
                s,
                actor,
                "visit.day_view",
                target=f"site:{site_id}",
                details={"day": day.isoformat(), "visits": len(views)},
                listed=[v.person_id for v in views if v.person_id is not None],
            )
            return views

    def daily_summary(self, actor: Actor, site_id: int, day: dt.date) -> DailySummary:
        """Counts for a site's day: visits, who came, new visitors, services, referrals."""
        require(actor, Action.VISIT_VIEW)
        with self._db.write() as s:
            clinic_site(s, site_id)
            start, end = day_bounds(day)
            on_day = and_(
                Visit.site_id == site_id, Visit.visited_at >= start, Visit.visited_at < end
            )
            visits, persons, visitors = s.execute(
                select(
                    func.count(Visit.id),
                    func.count(distinct(Visit.person_id)),
                    func.count(distinct(Visit.visitor_id)),
                ).where(on_day)
            ).one()
            earlier = aliased(Visit)
            new_visitors = s.scalar(
                select(func.count(distinct(Visit.visitor_id))).where(
                    on_day,
                    Visit.visitor_id.is_not(None),
                    ~exists().where(
                        earlier.visitor_id == Visit.visitor_id, earlier.visited_at < start
                    ),
                )
            )
            counts = Counter(
                {
                    service: int(n)
                    for service, n in s.execute(
                        select(VisitServiceGiven.service, func.count())
                        .join(Visit, Visit.id == VisitServiceGiven.visit_id)
                        .where(on_day)
                        .group_by(VisitServiceGiven.service)
                    )
                }
            )
            referrals = s.scalar(
                select(func.count(Referral.id))
                .join(Visit, Visit.id == Referral.visit_id)
                .where(on_day)
            )
            outings, contacts = s.execute(
                select(
                    func.count(MobileOuting.id),
                    func.coalesce(func.sum(MobileOuting.contacts_made), 0),
                ).where(MobileOuting.site_id == site_id, MobileOuting.outing_date == day)
            ).one()
            follow_ups = s.scalar(
                select(func.count(Visit.id)).where(
                    Visit.site_id == site_id, Visit.follow_up_date == day
                )
            )
            self._audit.record(
                s,
                actor,
                "visit.daily_summary",
                target=f"site:{site_id}",
                details={"day": day.isoformat()},
            )
            return DailySummary(
                site_id=site_id,
                day=day,
                visits=int(visits or 0),
                registered_persons=int(persons or 0),
                visitors=int(visitors or 0),
                new_visitors=int(new_visitors or 0),
                services=tuple((sv, counts[sv]) for sv in VisitService if counts.get(sv)),
                referrals=int(referrals or 0),
                outings=int(outings or 0),
                outing_contacts=int(contacts or 0),
                follow_ups_due=int(follow_ups or 0),
            )

    # --- entitlement check -----------------------------------------------------------------

    def entitlement_check(
        self,
        actor: Actor,
        person_id: int,
        services: Iterable[VisitService | str],
        day: dt.date | None = None,
        *,
        referral_specialty: str = "",
    ) -> EntitlementCheck:
        """What is covered on ``day``, who pays and until when, with a warning for each
        service given that is not covered or whose cover ends within 14 days."""
        given = parse_services(services)
        day = day or self._today()
        specialty = referral_specialty.strip().lower()
        if specialty and specialty not in REFERRAL_SPECIALTIES:
            raise Invalid("specialty", "unknown_specialty", "Unknown specialty.")
        with self._db.write() as s:
            person = load_person(s, person_id)
            rel = relation(s, actor, person)
            require(
                actor,
                Action.ENTITLEMENT_VIEW,
                own_caseload=rel.own_caseload,
                same_site=rel.same_site,
            )
            lines = compute_entitlements(load_facts(s, person), day)
            self._audit.record(
                s,
                actor,
                "entitlement.view",
                person_id=person.id,
                details={"context": "visit", "services": [str(v) for v in given]},
            )
        by_service = {line.service: line for line in lines}
        warnings: list[CoverageWarning] = []
        for service in given:
            if service is VisitService.REFERRAL:
                health = REFERRAL_SPECIALTIES.get(specialty) if specialty else None
            else:
                health = HEALTH_SERVICE_FOR.get(service)
            if health is None:
                if service is VisitService.REFERRAL:
                    warnings.append(
                        CoverageWarning(
                            "check_manually",
                            service,
                            None,
                            None,
                            "Check cover for the referral with the receiving partner.",
                        )
                    )
                continue
            warnings.extend(_coverage_warnings(service, by_service[health], day))
        return EntitlementCheck(person.id, day, lines, tuple(warnings))

    # --- mobile outings -------------------------------------------------------------------

    def record_outing(
        self, actor: Actor, data: OutingInput, contacts: Sequence[QuickContact] = ()
    ) -> OutingView:
        """Record an outing of a mobile unit with its short contacts, in one unit of work:
        each contact reuses the visitor with its card code or creates a new visitor, and
        gets a brief visit linked to the outing."""
        require(actor, Action.VISIT_CREATE)
        outing_fields = _clean_outing(data, len(contacts), self._today())
        cleaned: list[tuple[QuickContact, VisitorInput | None, _CleanVisit]] = []
        for i, c in enumerate(contacts):
            prefix = f"contacts[{i}]."
            code = c.visitor_code.strip()
            new = (
                None
                if code
                else clean_visitor(
                    VisitorInput(c.nickname, c.age_band, c.nationality, c.language, data.site_id),
                    prefix,
                )
            )
            visit = self._clean_visit(
                VisitInput(
                    site_id=data.site_id,
                    visitor_id=0,  # filled in once the visitor is found or created
                    visited_at=dt.datetime.combine(data.outing_date, c.at or DEFAULT_OUTING_TIME),
                    services=c.services,
                    reason=c.reason,
                    clinical_notes=c.clinical_notes,
                    follow_up_date=c.follow_up_date,
                ),
                prefix,
            )
            cleaned.append((c, new, visit))
        with self._db.write() as s:
            site = clinic_site(s, data.site_id)
            if site.kind is not SiteKind.MOBILE_UNIT:
                raise Invalid("site", "not_a_mobile_unit", "Outings are made by a mobile unit.")
            outing = MobileOuting(site_id=site.id, created_by_id=actor.user_id, **outing_fields)
            s.add(outing)
            s.flush()
            created = reused = 0
            for i, (c, new, visit) in enumerate(cleaned):
                if new is None:
                    code = normalise_code(c.visitor_code)
                    visitor = s.scalar(
                        select(AnonymousVisitor).where(AnonymousVisitor.code == code)
                    )
                    if visitor is None:
                        raise Invalid(
                            f"contacts[{i}].visitor_code", "unknown_code", "Unknown visitor code."
                        )
                    reused += 1
                else:
                    visitor = add_visitor(s, new)
                    created += 1
                clean = replace(visit, visitor_id=visitor.id, outing_id=outing.id)
                if visitor.linked_person_id is not None:
                    clean = _with_person(clean, visitor.linked_person_id)
                _insert_visit(s, actor, clean)
            self._audit.record(
                s,
                actor,
                "outing.create",
                target=f"outing:{outing.id}",
                details={
                    "contacts": len(cleaned),
                    "new_visitors": created,
                    "known_visitors": reused,
                    "fields": sorted(k for k, v in outing_fields.items() if v not in ("", 0)),
                },
            )
            return self._outing_view(s, actor, outing, site.name)

    def get_outing(self, actor: Actor, outing_id: int) -> OutingView:
        require(actor, Action.VISIT_VIEW)
        with self._db.write() as s:
            outing = s.get(MobileOuting, outing_id)
            if outing is None:
                raise NotFound("outing", outing_id)
            site_name = s.scalar(select(Site.name).where(Site.id == outing.site_id)) or ""
            self._audit.record(s, actor, "outing.view", target=f"outing:{outing.id}")
            return self._outing_view(s, actor, outing, site_name)

    def outings(
        self, actor: Actor, site_id: int | None, start: dt.date, end: dt.date
    ) -> tuple[OutingView, ...]:
        """Outings between two dates (inclusive), newest first, without their visits."""
        require(actor, Action.VISIT_VIEW)
        check_range("start", start, "end", end)
        with self._db.write() as s:
            q = (
                select(MobileOuting, Site.name)
                .join(Site, Site.id == MobileOuting.site_id)
                .where(MobileOuting.outing_date >= start, MobileOuting.outing_date <= end)
                .order_by(MobileOuting.outing_date.desc(), MobileOuting.id.desc())
            )
            if site_id is not None:
                q = q.where(MobileOuting.site_id == site_id)
            rows = s.execute(q).all()
            self._audit.record(
                s, actor, "outing.list", details={"outings": len(rows), "site_id": site_id}
            )
            return tuple(_outing(o, name, (), 0) for o, name in rows)

    # --- internals -------------------------------------------------------------------------

    def _clean_visit(self, data: VisitInput, prefix: str) -> _CleanVisit:
        if data.person_id is None and data.visitor_id is None:
            raise Invalid(
                f"{prefix}who", "required", "Choose a registered person or an anonymous visitor."
            )
        if data.person_id is not None and data.visitor_id is not None:
            raise Invalid(
                f"{prefix}who", "both_given", "A visit is either a person's or a visitor's."
            )
        today = self._today()
        visited_at = data.visited_at or dt.datetime.combine(today, dt.datetime.now().time())
        visited_at = visited_at.replace(microsecond=0, tzinfo=None)
        if visited_at.date() > today:
            raise Invalid(f"{prefix}visited_at", "in_future", "The visit date is in the future.")
        check_date_bounds(f"{prefix}visited_at", visited_at.date(), today)
        check_date_bounds(f"{prefix}follow_up_date", data.follow_up_date, today, days_ahead=None)
        if data.follow_up_date is not None and data.follow_up_date < visited_at.date():
            raise Invalid(
                f"{prefix}follow_up_date",
                "before_visit",
                "The follow-up date is before the visit.",
            )
        language = clean_text(
            f"{prefix}interpreter_language", data.interpreter_language, max_len=16
        )
        if language and not all(part.isalnum() for part in language.split("-")):
            raise Invalid(
                f"{prefix}interpreter_language",
                "bad_language_tag",
                "Use a language code such as 'ro' or 'uk'.",
            )
        mode = None
        if data.interpreter_mode is not None:
            try:
                mode = InterpreterMode(data.interpreter_mode)
            except ValueError:
                raise Invalid(
                    f"{prefix}interpreter_mode", "unknown_mode", "Unknown interpreter mode."
                ) from None
        if mode is not None and not language:
            raise Invalid(
                f"{prefix}interpreter_language", "required", "Which language was interpreted?"
            )
        return _CleanVisit(
            site_id=data.site_id,
            person_id=data.person_id,
            visitor_id=data.visitor_id,
            outing_id=data.outing_id,
            visited_at=visited_at,
            services=parse_services(data.services, f"{prefix}services"),
            reason=clean_text(f"{prefix}reason", data.reason, max_len=300, multiline=True),
            interpreter_language=language.lower(),
            interpreter_mode=mode,
            clinical_notes=clean_text(
                f"{prefix}clinical_notes", data.clinical_notes, max_len=20000, multiline=True
            ),
            follow_up_date=data.follow_up_date,
        )

    def _check_outing(self, s: Session, outing_id: int, site_id: int, day: dt.date) -> None:
        outing = s.get(MobileOuting, outing_id)
        if outing is None:
            raise Invalid("outing", "unknown_outing", "Unknown outing.")
        if outing.site_id != site_id:
            raise Invalid("outing", "other_site", "The outing belongs to another site.")
        if outing.outing_date != day:
            raise Invalid("outing", "other_day", "The outing was on another day.")

    def _outing_view(
        self, s: Session, actor: Actor, outing: MobileOuting, site_name: str
    ) -> OutingView:
        rows = s.execute(
            visit_query().where(Visit.outing_id == outing.id).order_by(Visit.visited_at, Visit.id)
        ).all()
        visits = visit_views(s, rows, details=True, notes=may_read_notes(actor))
        earlier = aliased(Visit)
        new = s.scalar(
            select(func.count(distinct(Visit.visitor_id))).where(
                Visit.outing_id == outing.id,
                Visit.visitor_id.is_not(None),
                ~exists().where(
                    earlier.visitor_id == Visit.visitor_id,
                    earlier.visited_at < dt.datetime.combine(outing.outing_date, dt.time()),
                ),
            )
        )
        return _outing(outing, site_name, visits, int(new or 0))


# --- module helpers --------------------------------------------------------------------------


def _insert_visit(s: Session, actor: Actor, clean: _CleanVisit) -> Visit:
    visit = Visit(
        person_id=clean.person_id,
        visitor_id=clean.visitor_id,
        site_id=clean.site_id,
        outing_id=clean.outing_id,
        visited_at=clean.visited_at,
        reason=clean.reason,
        interpreter_language=clean.interpreter_language,
        interpreter_mode=clean.interpreter_mode,
        clinical_notes=clean.clinical_notes,
        follow_up_date=clean.follow_up_date,
        created_by_id=actor.user_id,
        services=[VisitServiceGiven(service=sv) for sv in clean.services],
    )
    s.add(visit)
    s.flush()
    return visit


def _with_person(clean: _CleanVisit, person_id: int) -> _CleanVisit:
    return replace(clean, person_id=person_id)


def clean_referral(data: VisitReferral) -> VisitReferral:
    """Validated copy: a known specialty (lower case), a reason, a known urgency."""
    specialty = (data.specialty or "").strip().lower()
    if specialty not in REFERRAL_SPECIALTIES:
        raise Invalid("specialty", "unknown_specialty", "Choose what kind of care.")
    reason = clean_text("referral_reason", data.reason, required=True, max_len=5000, multiline=True)
    try:
        urgency = Urgency(data.urgency)
    except ValueError:
        raise Invalid("urgency", "unknown_urgency", "Unknown urgency.") from None
    return VisitReferral(specialty, reason, urgency, data.partner_id)


def insert_referral(
    s: Session,
    audit: AuditTrail,
    actor: Actor,
    data: VisitReferral,
    person_id: int | None,
    visitor_id: int | None,
    visit_id: int | None,
) -> Referral:
    """Insert a cleaned referral and audit it (the caller has checked permissions)."""
    if data.partner_id is not None and s.get(Partner, data.partner_id) is None:
        raise Invalid("partner", "unknown_partner", "Unknown partner.")
    referral = Referral(
        person_id=person_id,
        visitor_id=visitor_id,
        visit_id=visit_id,
        partner_id=data.partner_id,
        specialty=data.specialty,
        reason=data.reason,
        urgency=data.urgency,
        created_by_id=actor.user_id,
    )
    s.add(referral)
    s.flush()
    audit.record(
        s,
        actor,
        "referral.create",
        person_id=person_id,
        target=f"referral:{referral.id}",
        details={"visitor_id": visitor_id, "specialty": data.specialty, "urgency": data.urgency},
    )
    return referral


def _visit_fields(clean: _CleanVisit) -> list[str]:
    return sorted(
        k
        for k, v in clean.__dict__.items()
        if v not in (None, "", ()) and k not in ("person_id", "visitor_id")
    )


def _changed(visit: Visit, clean: _CleanVisit) -> list[str]:
    current = {
        "site_id": visit.site_id,
        "outing_id": visit.outing_id,
        "visited_at": visit.visited_at,
        "reason": visit.reason,
        "interpreter_language": visit.interpreter_language,
        "interpreter_mode": visit.interpreter_mode,
        "clinical_notes": visit.clinical_notes,
        "follow_up_date": visit.follow_up_date,
        "services": frozenset(g.service for g in visit.services),
    }
    new = dict(clean.__dict__)
    new["services"] = frozenset(clean.services)
    return sorted(k for k, v in current.items() if new[k] != v)


def _coverage_warnings(
    service: VisitService, line: EntitlementLine, day: dt.date
) -> list[CoverageWarning]:
    if not line.covered or line.payer is Payer.NONE:
        return [
            CoverageWarning(
                "not_covered", service, line.service, line.valid_until, line.explanation
            )
        ]
    if line.valid_until is not None and (line.valid_until - day).days <= ENDS_SOON_DAYS:
        days = (line.valid_until - day).days
        return [
            CoverageWarning(
                "ends_soon",
                service,
                line.service,
                line.valid_until,
                f"Cover ends on {line.valid_until} ({days} days).",
            )
        ]
    return []


def _clean_outing(data: OutingInput, recorded: int, today: dt.date) -> dict[str, object]:
    if data.outing_date > today:
        raise Invalid("outing_date", "in_future", "The outing date is in the future.")
    check_date_bounds("outing_date", data.outing_date, today)
    made = recorded if data.contacts_made is None else data.contacts_made
    if made < recorded:
        raise Invalid(
            "contacts_made",
            "fewer_than_recorded",
            f"At least {recorded}: that many contacts are recorded below.",
        )
    if made > 10000:
        raise Invalid("contacts_made", "out_of_range", "Not plausible.")
    return {
        "outing_date": data.outing_date,
        "area": clean_text("area", data.area, max_len=200),
        "staff": clean_text("staff", data.staff, max_len=300),
        "contacts_made": made,
        "materials": clean_text("materials", data.materials, max_len=5000, multiline=True),
        "notes": clean_text("notes", data.notes, max_len=20000, multiline=True),
    }


def _outing(
    o: MobileOuting, site_name: str, visits: tuple[VisitView, ...], new_visitors: int
) -> OutingView:
    return OutingView(
        id=o.id,
        site_id=o.site_id,
        site_name=site_name,
        outing_date=o.outing_date,
        area=o.area,
        staff=o.staff,
        contacts_made=o.contacts_made,
        materials=o.materials,
        notes=o.notes,
        visits=visits,
        new_visitors=new_visitors,
    )


__all__ = [
    "ENDS_SOON_DAYS",
    "HEALTH_SERVICE_FOR",
    "REFERRAL_SPECIALTIES",
    "ClinicService",
    "CoverageWarning",
    "DailySummary",
    "EntitlementCheck",
    "OutingInput",
    "OutingView",
    "QuickContact",
    "VisitInput",
    "VisitReferral",
    "VisitView",
    "services_of",
]
