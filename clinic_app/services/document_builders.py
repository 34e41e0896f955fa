"""Each printed document's plain content, built from the database inside one unit of work.

The builders only read: permission, routing and consent checks happen in
:mod:`clinic_app.services.documents` before any of them runs. Dates come from the rules
engine (reflection period, permits, turning 18, entitlements), each with the rule set that
produced it, so a printed date can be explained later.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import pycountry
from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from clinic_app.documents.data import (
    AccessReportDoc,
    ActionPlanDoc,
    AsylumInfo,
    AuditLine,
    ConsentFormDoc,
    ConsentLine,
    CoveredService,
    EventLine,
    Explanation,
    GuardianSummaryDoc,
    HealthReferralDoc,
    IdentificationInfo,
    IomReferralDoc,
    Language,
    NameEntry,
    PermitInfo,
    PlanGoal,
    PlanLine,
    PlanTask,
    PrintLine,
    RecipientKind,
    ReflectionInfo,
    StatusConfirmationDoc,
    TimelineEntry,
    VisitLine,
    VisitReferral,
    VisitSummaryDoc,
)
from clinic_app.documents.labels import enum_label, format_date
from clinic_app.errors import Invalid, NotFound
from clinic_app.models import (
    ActionPlan,
    ActionPlanVersion,
    AuditEvent,
    CaseEvent,
    Consent,
    DocumentLog,
    Partner,
    Person,
    PersonName,
    Referral,
    Site,
    User,
    Visit,
)
from clinic_app.models import PlanGoal as PlanGoalRow
from clinic_app.rules import (
    DeadlineKind,
    EntitlementLine,
    IdentificationState,
    Timeline,
    compute_entitlements,
    compute_timeline,
    eighteenth_birthday,
    render,
)
from clinic_app.services.consents import categories_of, purpose_text
from clinic_app.services.contacts import current_contact, current_guardian
from clinic_app.services.facts_loader import load_facts
from clinic_app.services.persons import birth_fact
from clinic_app.vocabulary import (
    BirthCertainty,
    DataCategory,
    EventKind,
    Outcome,
    PartnerKind,
    PlanArea,
    Urgency,
)

# Dates staff and partners ask about, in the order a status confirmation explains them.
_EXPLAINED = (
    DeadlineKind.REFLECTION_END,
    DeadlineKind.REFLECTION_MAX_END,
    DeadlineKind.PERMIT_EXPIRY,
    DeadlineKind.AVR_FOLLOW_UP_END,
)

_TEXT: dict[tuple[str, str], str] = {
    ("en", DeadlineKind.REFLECTION_END): "The reflection period ends on {date}",
    ("da", DeadlineKind.REFLECTION_END): "Refleksionsperioden udløber den {date}",
    ("en", DeadlineKind.REFLECTION_MAX_END): "The reflection period can be extended to {date}",
    ("da", DeadlineKind.REFLECTION_MAX_END): "Refleksionsperioden kan højst forlænges til {date}",
    ("en", DeadlineKind.PERMIT_EXPIRY): "The residence permit expires on {date}",
    ("da", DeadlineKind.PERMIT_EXPIRY): "Opholdstilladelsen udløber den {date}",
    ("en", DeadlineKind.AVR_FOLLOW_UP_END): "IOM's follow-up after return ends on {date}",
    ("da", DeadlineKind.AVR_FOLLOW_UP_END): "IOM's opfølgning efter hjemrejse slutter den {date}",
    ("en", "permit"): "Temporary residence permit, Aliens Act §9c(5)",
    ("da", "permit"): "Midlertidig opholdstilladelse, udlændingelovens § 9 c, stk. 5",
    ("en", "identified"): "Identified as a victim of trafficking",
    ("da", "identified"): "Identificeret som offer for menneskehandel",
    ("en", "presumed"): "Presumed victim; no decision yet",
    ("da", "presumed"): "Formodet offer; ingen afgørelse endnu",
    ("en", "not_identified"): "Not identified as a victim",
    ("da", "not_identified"): "Ikke identificeret som offer",
    ("en", "reflection"): "Reflection period {start} – {end}",
    ("da", "reflection"): "Refleksionsperiode {start} – {end}",
    ("en", "permit_until"): "Residence permit valid until {date}",
    ("da", "permit_until"): "Opholdstilladelse gyldig til {date}",
    ("en", "asylum"): "Asylum application pending",
    ("da", "asylum"): "Asylansøgning under behandling",
    ("en", "basis"): "Under the rules in force on {date} (rule set {rules})",
    ("da", "basis"): "Efter reglerne gældende den {date} (regelsæt {rules})",
    ("en", "age"): "{age} years",
    ("da", "age"): "{age} år",
    ("en", "age_estimated"): "about {age} years (estimated)",
    ("da", "age_estimated"): "ca. {age} år (skønnet)",
    ("en", "born"): "born {date}",
    ("da", "born"): "født {date}",
    ("en", "born_about"): "born about {year}",
    ("da", "born_about"): "født ca. {year}",
    ("en", "assessed"): "age {age} assessed on {date}",
    ("da", "assessed"): "alder {age} vurderet den {date}",
    ("en", "unknown"): "unknown",
    ("da", "unknown"): "ukendt",
    ("en", "alias"): "alias",
    ("da", "alias"): "alias",
    ("en", "preferred"): "preferred name",
    ("da", "preferred"): "foretrukket navn",
    ("en", "registered"): "registered name",
    ("da", "registered"): "registreret navn",
    ("en", "to_confirm"): "To be confirmed with IOM",
    ("da", "to_confirm"): "Afklares med IOM",
    ("en", "any_partner"): "any partner of the kind: {kind}",
    ("da", "any_partner"): "enhver samarbejdspartner af typen: {kind}",
    ("en", "consent_ref"): "Consent no. {id} of {date}",
    ("da", "consent_ref"): "Samtykke nr. {id} af {date}",
    ("en", "person"): "The person concerned",
    ("da", "person"): "Den registrerede selv",
}

_KIND_TEXT: dict[tuple[str, PartnerKind], str] = {
    ("en", PartnerKind.POLICE): "police",
    ("da", PartnerKind.POLICE): "politi",
    ("en", PartnerKind.IMMIGRATION): "immigration authority",
    ("da", PartnerKind.IMMIGRATION): "udlændingemyndighed",
    ("en", PartnerKind.LEGAL): "lawyer / legal aid",
    ("da", PartnerKind.LEGAL): "advokat / retshjælp",
    ("en", PartnerKind.MEDICAL): "doctor, dentist, psychologist or hospital",
    ("da", PartnerKind.MEDICAL): "læge, tandlæge, psykolog eller hospital",
    ("en", PartnerKind.IOM): "IOM",
    ("da", PartnerKind.IOM): "IOM",
    ("en", PartnerKind.NGO): "NGO",
    ("da", PartnerKind.NGO): "NGO",
    ("en", PartnerKind.MUNICIPALITY): "municipality",
    ("da", PartnerKind.MUNICIPALITY): "kommune",
    ("en", PartnerKind.AUTHORITY): "public authority",
    ("da", PartnerKind.AUTHORITY): "offentlig myndighed",
}


def text(lang: Language, key: str, **values: object) -> str:
    return _TEXT[(lang, key)].format(**values)


def kind_text(lang: Language, kind: PartnerKind) -> str:
    return _KIND_TEXT[(lang, kind)]


class Facts:
    """What the rules engine says about one person today, computed once per document."""

    def __init__(self, s: Session, person: Person, today: dt.date) -> None:
        facts = load_facts(s, person)
        self.today = today
        self.timeline: Timeline = compute_timeline(facts, today)
        self._facts = facts

    def entitlements(self) -> tuple[EntitlementLine, ...]:
        return compute_entitlements(self._facts, self.today)


def user_name(s: Session, user_id: int | None) -> str:
    if user_id is None:
        return ""
    user = s.get(User, user_id)
    return user.display_name if user else ""


def contact_person_name(s: Session, person_id: int) -> str:
    row = current_contact(s, person_id)
    return user_name(s, row.user_id) if row else ""


def country_name(code: str | None) -> str:
    if not code:
        return ""
    found = pycountry.countries.get(alpha_2=code)
    return str(found.name) if found else code


def birth_text(lang: Language, person: Person) -> str:
    c = person.birth_certainty
    if c is BirthCertainty.EXACT and person.birth_date:
        return text(lang, "born", date=format_date(lang, person.birth_date))
    if c is BirthCertainty.ESTIMATED_YEAR and person.birth_year:
        return text(lang, "born_about", year=person.birth_year)
    if c is BirthCertainty.AGE_ASSESSED and person.assessed_age is not None:
        return text(
            lang,
            "assessed",
            age=person.assessed_age,
            date=format_date(lang, person.assessment_date),
        )
    return text(lang, "unknown")


def _events(s: Session, person_id: int) -> list[CaseEvent]:
    rows = s.scalars(
        select(CaseEvent)
        .where(CaseEvent.person_id == person_id, CaseEvent.voided_at.is_(None))
        .order_by(CaseEvent.event_date, CaseEvent.id)
    ).all()
    return list(rows)


def _explanations(lang: Language, t: Timeline) -> tuple[Explanation, ...]:
    out: list[Explanation] = []
    for kind in _EXPLAINED:
        for d in t.deadlines_of(kind):
            # An expected date (a request not yet decided) says so in full, never as granted.
            line = (
                render(d.message, lang)
                if d.expected
                else text(lang, kind, date=format_date(lang, d.due))
            )
            out.append(Explanation(line, d.rule_set_id or "—"))
    # Notes staff and partners need beside the status (no right to work, §722(2), ...).
    out.extend(Explanation(render(n.message, lang), "—") for n in t.notes)
    return tuple(out)


def _identification(t: Timeline) -> IdentificationInfo:
    state = t.identification.state
    outcome = {
        IdentificationState.IDENTIFIED: Outcome.IDENTIFIED,
        IdentificationState.NOT_IDENTIFIED: Outcome.NOT_IDENTIFIED,
    }.get(state)
    return IdentificationInfo(outcome, t.identification.authority, t.identification.decided_on)


# --- status confirmation ---------------------------------------------------------------------


def status_confirmation(
    s: Session, person: Person, facts: Facts, lang: Language, include_name: bool
) -> StatusConfirmationDoc:
    t = facts.timeline
    reflection = None
    if t.reflection.start and t.reflection.end:
        reflection = ReflectionInfo(
            t.reflection.start,
            t.reflection.end,
            t.reflection.max_end,
            t.reflection.rule_set_id or "—",
        )
    permits: list[PermitInfo] = []
    asylum: AsylumInfo | None = None
    for e in _events(s, person.id):
        if e.kind in (EventKind.PERMIT_GRANTED, EventKind.PERMIT_RENEWED):
            permits.append(
                PermitInfo(
                    text(lang, "permit"), e.event_date, e.end_date, t.permit.rule_set_id or ""
                )
            )
        elif e.kind is EventKind.ASYLUM_APPLIED:
            asylum = AsylumInfo(e.event_date)
        elif e.kind is EventKind.ASYLUM_DECIDED and asylum is not None:
            asylum = AsylumInfo(asylum.applied_on, e.outcome, e.event_date)
    # The permit's last valid day is the rules engine's, which knows renewals and endings.
    if permits and t.permit.valid_until and permits[-1].valid_to != t.permit.valid_until:
        last = permits[-1]
        permits[-1] = PermitInfo(
            last.description, last.valid_from, t.permit.valid_until, last.rule_set_id
        )
    return StatusConfirmationDoc(
        identification=_identification(t),
        reflection=reflection,
        permits=tuple(permits),
        asylum=asylum,
        explanations=_explanations(lang, t),
        person_name=person.display_name if include_name else "",
        include_name=include_name,
    )


# --- health referral -------------------------------------------------------------------------


def recipient_kind(*hints: str) -> RecipientKind:
    """Guess whom a referral letter addresses from a specialty or partner name."""
    words = " ".join(hints).casefold()
    if "tand" in words or "dent" in words:
        return RecipientKind.DENTIST
    if "psyk" in words or "psych" in words:
        return RecipientKind.PSYCHOLOGIST
    if "hospital" in words or "gyn" in words or "sygehus" in words:
        return RecipientKind.HOSPITAL
    return RecipientKind.DOCTOR


def health_referral(
    s: Session,
    person: Person,
    facts: Facts,
    lang: Language,
    include_name: bool,
    partner: Partner | None,
    referral: Referral | None,
) -> HealthReferralDoc:
    lines = [e for e in facts.entitlements() if e.covered]
    rules = sorted({e.rule_set_id for e in lines if e.rule_set_id})
    basis = text(lang, "basis", date=format_date(lang, facts.today), rules=", ".join(rules) or "—")
    hints = [partner.name if partner else "", partner.notes if partner else ""]
    if referral is not None:
        hints.insert(0, referral.specialty)
    return HealthReferralDoc(
        recipient_kind=recipient_kind(*hints),
        reason=referral.reason if referral is not None else "",
        urgency=referral.urgency if referral is not None else Urgency.ROUTINE,
        services=tuple(CoveredService(e.service, e.payer, e.valid_until) for e in lines),
        entitlement_basis=basis,
        person_name=person.display_name if include_name else "",
        include_name=include_name,
        contact_person=contact_person_name(s, person.id),
    )


# --- action plan -----------------------------------------------------------------------------


def latest_plan(s: Session, person_id: int, plan_id: int | None) -> ActionPlan:
    """The plan asked for (it must be the person's), or the person's newest plan."""
    if plan_id is not None:
        plan = s.get(ActionPlan, plan_id)
        if plan is None or plan.person_id != person_id:
            raise NotFound("plan", plan_id)
        return plan
    plan = s.scalar(
        select(ActionPlan)
        .where(ActionPlan.person_id == person_id, ActionPlan.archived_at.is_(None))
        .order_by(ActionPlan.period_from.desc(), ActionPlan.id.desc())
        .limit(1)
    )
    if plan is None:
        raise Invalid("plan_id", "no_plan", "This person has no action plan to print.")
    return plan


def newest_version(s: Session, plan: ActionPlan) -> ActionPlanVersion:
    version = s.scalar(
        select(ActionPlanVersion)
        .where(ActionPlanVersion.plan_id == plan.id)
        .options(selectinload(ActionPlanVersion.goals).selectinload(PlanGoalRow.tasks))
        .order_by(ActionPlanVersion.number.desc())
        .limit(1)
    )
    if version is None:
        raise NotFound("plan version", plan.id)
    return version


def plan_goals(
    s: Session, version: ActionPlanVersion, *, health: bool, areas: Iterable[PlanArea] = ()
) -> tuple[PlanGoal, ...]:
    """The version's goals; the health area only when ``health``; only ``areas`` if given."""
    wanted = set(areas)
    partners: dict[int, str] = {}
    out: list[PlanGoal] = []
    for g in sorted(version.goals, key=lambda g: (g.position, g.id)):
        if g.area is PlanArea.HEALTH and not health:
            continue
        if wanted and g.area not in wanted:
            continue
        tasks: list[PlanTask] = []
        for t in sorted(g.tasks, key=lambda t: (t.position, t.id)):
            if t.responsible_user_id is not None:
                who = user_name(s, t.responsible_user_id)
            elif t.responsible_partner_id is not None:
                pid = t.responsible_partner_id
                if pid not in partners:
                    p = s.get(Partner, pid)
                    partners[pid] = p.name if p else ""
                who = partners[pid]
            else:
                who = t.responsible_text
            tasks.append(PlanTask(t.description, who, t.due_date, t.status))
        title = f"{g.title}\n{g.description}" if g.description else g.title
        out.append(PlanGoal(g.area, title, tuple(tasks)))
    return tuple(out)


def action_plan(
    s: Session, person: Person, facts: Facts, plan: ActionPlan, *, health: bool
) -> ActionPlanDoc:
    version = newest_version(s, plan)
    guardian = current_guardian(s, person.id) if facts.timeline.is_minor else None
    return ActionPlanDoc(
        person_name=person.display_name,
        period_start=plan.period_from,
        period_end=plan.period_to or plan.review_date or plan.period_from,
        state=version.state,
        version=version.number,
        contact_person=contact_person_name(s, person.id),
        goals=plan_goals(s, version, health=health),
        guardian_name=guardian.name if guardian else None,
        notes=version.note,
    )


# --- consent form ----------------------------------------------------------------------------


def consent_form(
    s: Session, person: Person, facts: Facts, lang: Language, consent: Consent, staff_name: str
) -> ConsentFormDoc:
    if consent.partner_id is not None:
        partner = s.get(Partner, consent.partner_id)
        partner_name = partner.name if partner else ""
    else:
        kind = consent.partner_kind or PartnerKind.NGO
        partner_name = text(lang, "any_partner", kind=kind_text(lang, kind))
    guardian = current_guardian(s, person.id) if facts.timeline.is_minor else None
    return ConsentFormDoc(
        person_name=person.display_name,
        partner_name=partner_name,
        purpose=purpose_text(consent.purpose, lang),
        data_categories=categories_of(consent.data_categories),
        valid_from=consent.valid_from,
        valid_to=consent.valid_to,
        staff_name=staff_name,
        guardian_name=guardian.name if guardian else None,
        interpreter_language=person.interpreter_language if person.interpreter_needed else "",
    )


# --- IOM referral ----------------------------------------------------------------------------


def iom_referral(
    s: Session,
    person: Person,
    facts: Facts,
    lang: Language,
    *,
    plan_goals_visible: bool,
    consent: Consent | None,
) -> IomReferralDoc:
    t = facts.timeline
    wishes = ""
    if plan_goals_visible:
        plan = s.scalar(
            select(ActionPlan)
            .where(ActionPlan.person_id == person.id, ActionPlan.archived_at.is_(None))
            .order_by(ActionPlan.period_from.desc(), ActionPlan.id.desc())
            .limit(1)
        )
        if plan is not None:
            goals = plan_goals(
                s, newest_version(s, plan), health=False, areas=[PlanArea.RETURN_RESIDENCE]
            )
            wishes = "\n".join(g.goal for g in goals)
    guardian = current_guardian(s, person.id) if t.is_minor else None
    departure = next(
        (
            e.event_date
            for e in reversed(_events(s, person.id))
            if e.kind is EventKind.AVR_DEPARTURE
        ),
        None,
    )
    return IomReferralDoc(
        person_name=person.display_name,
        nationality=country_name(person.nationality),
        birth_text=birth_text(lang, person),
        destination=country_name(person.nationality) or text(lang, "to_confirm"),
        preferred_departure=departure,
        reflection_end=t.reflection.end,
        travel_documents=text(lang, "to_confirm"),
        health_needs="",
        reintegration_wishes=wishes,
        contact_person=contact_person_name(s, person.id),
        escort=guardian.name if guardian else "",
        consent_reference=(
            text(lang, "consent_ref", id=consent.id, date=format_date(lang, consent.valid_from))
            if consent is not None
            else ""
        ),
    )


# --- guardian summary ------------------------------------------------------------------------


def legal_status_lines(lang: Language, t: Timeline) -> tuple[str, ...]:
    lines: list[str] = []
    state = t.identification.state
    key = {
        IdentificationState.IDENTIFIED: "identified",
        IdentificationState.NOT_IDENTIFIED: "not_identified",
    }.get(state, "presumed")
    line = text(lang, key)
    if t.identification.authority is not None and state is not IdentificationState.PRESUMED:
        line += f" ({enum_label(lang, t.identification.authority)})"
    lines.append(line)
    if t.reflection.start and t.reflection.end:
        lines.append(
            text(
                lang,
                "reflection",
                start=format_date(lang, t.reflection.start),
                end=format_date(lang, t.reflection.end),
            )
        )
    if t.permit.valid_until:
        lines.append(text(lang, "permit_until", date=format_date(lang, t.permit.valid_until)))
    if t.asylum.value == "pending":
        lines.append(text(lang, "asylum"))
    return tuple(lines)


def age_text(lang: Language, t: Timeline, person: Person) -> str:
    if t.age is None:
        return text(lang, "unknown")
    base = text(lang, "age_estimated" if t.age_uncertain else "age", age=t.age)
    return f"{base} — {birth_text(lang, person)}"


def guardian_summary(
    s: Session,
    person: Person,
    facts: Facts,
    lang: Language,
    guardian_name: str,
    *,
    plan_visible: bool,
    health: bool,
) -> GuardianSummaryDoc:
    t = facts.timeline
    events = tuple(
        TimelineEntry(
            e.event_date,
            enum_label(lang, e.kind)
            + (f" — {enum_label(lang, e.outcome)}" if e.outcome else "")
            + (f" ({enum_label(lang, e.authority)})" if e.authority else ""),
        )
        for e in _events(s, person.id)
        if e.kind is not EventKind.NOTE
    )
    goals: tuple[PlanGoal, ...] = ()
    schooling = ""
    if plan_visible:
        plan = s.scalar(
            select(ActionPlan)
            .where(ActionPlan.person_id == person.id, ActionPlan.archived_at.is_(None))
            .order_by(ActionPlan.period_from.desc(), ActionPlan.id.desc())
            .limit(1)
        )
        if plan is not None:
            goals = plan_goals(s, newest_version(s, plan), health=health)
            schooling = "\n".join(g.goal for g in goals if g.area is PlanArea.SCHOOLING)
    return GuardianSummaryDoc(
        child_name=person.display_name,
        guardian_name=guardian_name,
        age_text=age_text(lang, t, person),
        turns_18_on=eighteenth_birthday(birth_fact(person))[0],
        legal_status=legal_status_lines(lang, t),
        events=events,
        goals=goals,
        schooling=schooling,
        contact_person=contact_person_name(s, person.id),
    )


# --- visit summary ---------------------------------------------------------------------------


def visit_summary(s: Session, person: Person, visit: Visit, include_name: bool) -> VisitSummaryDoc:
    site = s.get(Site, visit.site_id)
    referrals = s.scalars(select(Referral).where(Referral.visit_id == visit.id)).all()
    partner_names = {
        p.id: p.name
        for p in s.scalars(
            select(Partner).where(Partner.id.in_({r.partner_id for r in referrals if r.partner_id}))
        )
    }
    summary = visit.clinical_notes or visit.reason
    return VisitSummaryDoc(
        visit_on=visit.visited_at.date(),
        site=site.name if site else "",
        services=tuple(v.service for v in visit.services),
        summary=summary,
        interpreter=visit.interpreter_mode,
        interpreter_language=visit.interpreter_language,
        referrals=tuple(
            VisitReferral(partner_names.get(r.partner_id or 0) or r.specialty, r.reason, r.urgency)
            for r in referrals
        ),
        follow_up_on=visit.follow_up_date,
        person_name=person.display_name if include_name else "",
        include_name=include_name,
        staff_name=user_name(s, visit.created_by_id),
    )


# --- access report ---------------------------------------------------------------------------


def access_report(s: Session, person: Person, facts: Facts, lang: Language) -> AccessReportDoc:
    """Everything held about the person, for their own copy (GDPR art. 15)."""
    names = tuple(
        NameEntry(
            n.name,
            text(lang, "alias" if n.is_alias else "preferred" if n.preferred else "registered"),
        )
        for n in s.scalars(
            select(PersonName).where(PersonName.person_id == person.id).order_by(PersonName.id)
        )
    )
    events = tuple(
        EventLine(e.event_date, e.kind, e.notes, e.end_date) for e in _events(s, person.id)
    )
    ents = tuple(
        CoveredService(e.service, e.payer, e.valid_until) for e in facts.entitlements() if e.covered
    )
    plans: list[PlanLine] = []
    for plan in s.scalars(
        select(ActionPlan).where(ActionPlan.person_id == person.id).order_by(ActionPlan.id)
    ):
        for v in s.scalars(
            select(ActionPlanVersion)
            .where(ActionPlanVersion.plan_id == plan.id)
            .order_by(ActionPlanVersion.number)
        ):
            end = plan.period_to or plan.review_date or plan.period_from
            plans.append(PlanLine(v.number, v.state, plan.period_from, end))
    sites = {x.id: x.name for x in s.scalars(select(Site))}
    visits = tuple(
        VisitLine(
            v.visited_at.date(), sites.get(v.site_id, ""), tuple(x.service for x in v.services)
        )
        for v in s.scalars(
            select(Visit)
            .where(Visit.person_id == person.id)
            .options(selectinload(Visit.services))
            .order_by(Visit.visited_at)
        )
    )
    partners = {p.id: p.name for p in s.scalars(select(Partner))}
    consents = tuple(
        ConsentLine(
            partners.get(c.partner_id or 0)
            or text(lang, "any_partner", kind=kind_text(lang, c.partner_kind or PartnerKind.NGO)),
            purpose_text(c.purpose, lang),
            c.valid_from,
            c.valid_to,
            c.withdrawn_at.date() if c.withdrawn_at else None,
        )
        for c in s.scalars(
            select(Consent).where(Consent.person_id == person.id).order_by(Consent.valid_from)
        )
    )
    users = {u.id: u.display_name for u in s.scalars(select(User))}
    documents = tuple(
        PrintLine(
            d.at.date(),
            d.doc_type,
            partners.get(d.partner_id or 0) or text(lang, "person"),
            users.get(d.user_id or 0, ""),
        )
        for d in s.scalars(
            select(DocumentLog).where(DocumentLog.person_id == person.id).order_by(DocumentLog.at)
        )
    )
    access = tuple(
        AuditLine(a.at, users.get(a.user_id or 0) or a.username, a.action, a.workstation)
        for a in s.scalars(
            select(AuditEvent).where(AuditEvent.person_id == person.id).order_by(AuditEvent.id)
        )
    )
    languages = tuple(lang_row.language for lang_row in person.languages)
    return AccessReportDoc(
        person_name=person.display_name,
        birth_text=birth_text(lang, person),
        sex=person.sex,
        nationalities=(country_name(person.nationality),) if person.nationality else (),
        languages=languages,
        names=names,
        events=events,
        entitlements=ents,
        plans=tuple(plans),
        visits=visits,
        consents=consents,
        documents=documents,
        access=access,
    )


ALL_CATEGORIES: tuple[DataCategory, ...] = tuple(DataCategory)
