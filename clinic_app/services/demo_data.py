"""Deterministic, fictional demo data: sites, staff, persons with legal histories, plans,
clinic visits and mobile outings, for demonstrations, manual testing and benchmarks.

Every name is an invented combination of name parts (``demo_names``). The same ``seed`` and
``today`` always give the same database. Rows are written with Core bulk inserts and ids
assigned here, so 50,000 persons take seconds rather than minutes; derived columns (display
name, search text, status, deadlines) are filled exactly as the services would.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, TypeVar, cast

from sqlalchemy import Connection, Table, bindparam, func, insert, select, text, update

from clinic_app.errors import Conflict
from clinic_app.models import (
    ActionPlan,
    ActionPlanVersion,
    AnonymousVisitor,
    CaseEvent,
    Consent,
    ContactPersonAssignment,
    Entitlement,
    GuardianAssignment,
    MobileOuting,
    Partner,
    Person,
    PersonDeadline,
    PersonExploitation,
    PersonLanguage,
    PersonName,
    PersonSafetyFlag,
    PlanGoal,
    PlanTask,
    PlanTemplate,
    Referral,
    Site,
    User,
    Visit,
    VisitServiceGiven,
)
from clinic_app.rules import (
    BirthFact,
    ConsentFact,
    EventFact,
    ManualEntitlement,
    PersonFacts,
    Timeline,
    age_on,
    compute_timeline,
    rule_set_for,
    to_json,
)
from clinic_app.rules.dates import add_months, add_years
from clinic_app.rules.rule_sets import REVIEW_WINDOW_END
from clinic_app.security.passwords import hash_password
from clinic_app.services.audit_trail import DEMO_AUDIT_KEY, ORIGIN_DEMO, AuditTrail
from clinic_app.services.clinic_common import CODE_ALPHABET, CODE_LENGTH, CODE_PREFIX
from clinic_app.services.consents import Purpose
from clinic_app.services.database import Database
from clinic_app.services.demo_names import (
    GUARDIAN_NAMES,
    NAME_SETS,
    NATIONALITY_WEIGHTS,
    SECOND_LANGUAGES,
    STAFF_NAMES,
    NameSet,
    Order,
)
from clinic_app.services.facts_loader import status_code
from clinic_app.services.persons import refresh_names
from clinic_app.vocabulary import (
    AgeBand,
    Authority,
    BirthCertainty,
    ContactChannel,
    DataCategory,
    EventKind,
    ExploitationForm,
    ExtensionGround,
    HealthService,
    InterpreterMode,
    LegalStay,
    Outcome,
    PartnerKind,
    Payer,
    PlanArea,
    PlanState,
    ReferralStatus,
    Role,
    SafetyFlag,
    Sex,
    SiteKind,
    TaskStatus,
    Urgency,
    VisitService,
)

Progress = Callable[[str, int, int], None]
_T = TypeVar("_T")

ADMIN_PASSWORD = "lighthouse keeper demo"  # noqa: S105 - published demo accounts
STAFF_PASSWORD = "violet harbour demo"  # noqa: S105

# (username, password, role, site code): the accounts the demo log-in screen offers.
DEMO_USERS: tuple[tuple[str, str, Role, str | None], ...] = (
    ("admin", ADMIN_PASSWORD, Role.ADMINISTRATOR, None),
    ("teamlead", STAFF_PASSWORD, Role.TEAM_LEAD, "SHC"),
    ("staff", STAFF_PASSWORD, Role.SHELTER_STAFF, "SHC"),
    ("nurse", STAFF_PASSWORD, Role.NURSE, "CVB"),
    ("contact1", STAFF_PASSWORD, Role.CONTACT_PERSON, "SHC"),
    ("contact2", STAFF_PASSWORD, Role.CONTACT_PERSON, "SHJ"),
    ("stats", STAFF_PASSWORD, Role.STATISTICS, None),
)

# Colleagues who carry caseloads and see clients but are not offered on the log-in screen.
_COLLEAGUES: tuple[tuple[str, Role, str], ...] = (
    ("cp.shc.a", Role.CONTACT_PERSON, "SHC"),
    ("cp.shc.b", Role.CONTACT_PERSON, "SHC"),
    ("cp.shj.a", Role.CONTACT_PERSON, "SHJ"),
    ("cp.cvb", Role.CONTACT_PERSON, "CVB"),
    ("cp.caa", Role.CONTACT_PERSON, "CAA"),
    ("cp.cfr", Role.CONTACT_PERSON, "CFR"),
    ("nurse.caa", Role.NURSE, "CAA"),
    ("nurse.cfr", Role.NURSE, "CFR"),
    ("staff.shj", Role.SHELTER_STAFF, "SHJ"),
)

_SITES: tuple[tuple[str, str, SiteKind, str], ...] = (
    ("SHC", "Shelter Copenhagen", SiteKind.SHELTER, "Copenhagen"),
    ("SHJ", "Safe House Jutland", SiteKind.SHELTER, "Aarhus"),
    ("CVB", "Clinic Copenhagen Vesterbro", SiteKind.CLINIC, "Copenhagen"),
    ("CAA", "Clinic Aarhus", SiteKind.CLINIC, "Aarhus"),
    ("CFR", "Clinic Fredericia", SiteKind.CLINIC, "Fredericia"),
    ("MUZ", "Mobile Unit Zealand", SiteKind.MOBILE_UNIT, "Copenhagen"),
    ("MUJ", "Mobile Unit Jutland", SiteKind.MOBILE_UNIT, "Aarhus"),
)
# The clinic a shelter's residents usually visit, and where a mobile unit goes.
_CLINIC_FOR = {"SHC": ("CVB",), "SHJ": ("CAA", "CFR")}
_OUTING_AREAS = {
    "MUZ": ("Vesterbro", "Nørrebro", "Amager", "Roskilde"),
    "MUJ": ("Aarhus C", "Vejle", "Fredericia", "Kolding"),
}

# Fictional partners added beside the seeded directory, so referrals and consents have names.
_DEMO_PARTNERS: tuple[tuple[str, PartnerKind, str], ...] = (
    ("Advokatfirma Nordlys (demo)", PartnerKind.LEGAL, "Lawyer for victims of trafficking"),
    ("Tandklinikken Vesterport (demo)", PartnerKind.MEDICAL, "Dentist"),
    ("Psykologhuset Aros (demo)", PartnerKind.MEDICAL, "Psychologist"),
    ("Lægehuset Istedgade (demo)", PartnerKind.MEDICAL, "General practitioner"),
    ("Regionshospital Øst (demo)", PartnerKind.MEDICAL, "Hospital, gynaecology"),
    ("Kommune Midt (demo)", PartnerKind.MUNICIPALITY, "Municipal children's services"),
)

_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # as persons._REF_ALPHABET
_MINOR_SHARE = 0.08
# Share of all persons with a current contact person at each site (measured on the data), and
# the current caseload one contact person carries at most on average.
_CURRENT_SHARE = {"SHC": 0.034, "SHJ": 0.023, "CVB": 0.14, "CAA": 0.045, "CFR": 0.046}
_CASELOAD_TARGET = 250
_VISITS_PER_YEAR = 1.5
_BATCH_PERSONS = 2000


@dataclass(frozen=True)
class DemoSummary:
    persons: int
    minors: int
    visitors: int
    visits: int
    outings: int
    users: int
    seconds: float


# --- plan templates ---------------------------------------------------------------------------


def _goal(area: PlanArea, title: str, *tasks: str) -> dict[str, Any]:
    return {"area": area.value, "title": title, "tasks": list(tasks)}


PLAN_TEMPLATES: dict[str, tuple[str, bool, list[dict[str, Any]]]] = {
    "reflection_adult": (
        "Adult in the reflection period",
        False,
        [
            _goal(PlanArea.SAFETY_HOUSING, "Safe housing at the shelter",
                  "Agree house rules and a personal safety plan", "Record safety flags"),
            _goal(PlanArea.HEALTH, "Health check and treatment",
                  "Book a health check at the clinic", "Dental examination"),
            _goal(PlanArea.LEGAL, "Legal counselling",
                  "Meet a lawyer about rights as a victim",
                  "Explain the reflection period and the options after it"),
            _goal(PlanArea.PSYCHOSOCIAL, "Psychological support",
                  "Refer to a psychologist", "Weekly talk with the contact person"),
            _goal(PlanArea.EDUCATION, "Up-skilling", "Enrol in an English course",
                  "IT course at the shelter"),
            _goal(PlanArea.RETURN_RESIDENCE, "Decide on the future",
                  "Inform about assisted voluntary return with IOM",
                  "Inform about asylum and residence options"),
        ],
    ),
    "minor": (
        "Child or young person (under 18)",
        True,
        [
            _goal(PlanArea.SAFETY_HOUSING, "Safe residence in a children's centre",
                  "Agree a safety plan with the guardian"),
            _goal(PlanArea.SCHOOLING, "Schooling", "Enrol in school or language school",
                  "Agree homework support"),
            _goal(PlanArea.HEALTH, "Health and dental care", "Health check for children",
                  "Dental examination"),
            _goal(PlanArea.PSYCHOSOCIAL, "Trauma-informed support",
                  "Refer to a child psychologist"),
            _goal(PlanArea.FAMILY_TRACING, "Family tracing, only if in the child's best interest",
                  "Assess with the guardian whether tracing is in the child's best interest",
                  "If so, ask a tracing service to search"),
            _goal(PlanArea.DURABLE_SOLUTION, "Durable solution",
                  "Assess return, reunion or stay together with the guardian",
                  "Plan the transition at 18 with the municipality"),
        ],
    ),
    "return_iom": (
        "Preparing return with IOM",
        False,
        [
            _goal(PlanArea.RETURN_RESIDENCE, "Assisted voluntary return",
                  "Referral to IOM", "Travel documents", "Reception and housing at home"),
            _goal(PlanArea.EDUCATION, "Reintegration plan",
                  "Choose an income-generating activity or vocational training",
                  "Apply for small-business support"),
            _goal(PlanArea.HEALTH, "Health before travel", "Medication for the journey",
                  "Health summary to take home"),
            _goal(PlanArea.PSYCHOSOCIAL, "Support before departure",
                  "Talk about safety on return"),
        ],
    ),
    "residence_permit": (
        "Residence permit holder (Aliens Act §9c(5))",
        False,
        [
            _goal(PlanArea.LEGAL, "Cooperation with the police",
                  "Prepare police interviews with the lawyer", "Track the permit renewal date"),
            _goal(PlanArea.EDUCATION, "Work and training", "Apply for a work permit",
                  "Danish or English course"),
            _goal(PlanArea.SAFETY_HOUSING, "Housing", "Find housing outside the shelter"),
            _goal(PlanArea.HEALTH, "Health follow-up", "Register with a doctor"),
        ],
    ),
}  # fmt: skip


# --- bulk writer ------------------------------------------------------------------------------


def _table(model: type[Any]) -> Table:
    return cast(Table, model.__table__)


# Parents before children, so foreign keys hold at every flush.
_ORDER: tuple[Table, ...] = tuple(
    _table(m)
    for m in (
        Site,
        User,
        Partner,
        PlanTemplate,
        MobileOuting,
        Person,
        PersonName,
        PersonLanguage,
        PersonExploitation,
        PersonSafetyFlag,
        CaseEvent,
        PersonDeadline,
        ContactPersonAssignment,
        GuardianAssignment,
        Entitlement,
        Consent,
        ActionPlan,
        ActionPlanVersion,
        PlanGoal,
        PlanTask,
        AnonymousVisitor,
        Visit,
        VisitServiceGiven,
        Referral,
    )
)


class _Writer:
    """Buffers rows per table, assigns ids, and inserts them in batches in dependency order."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self._rows: dict[Table, list[dict[str, Any]]] = {t: [] for t in _ORDER}
        self._next: dict[Table, int] = {}
        self.counts: dict[Table, int] = dict.fromkeys(_ORDER, 0)

    def new_id(self, model: type[Any]) -> int:
        table = _table(model)
        if table not in self._next:
            top = self.conn.scalar(select(func.max(table.c.id)))
            self._next[table] = (top or 0) + 1
        value = self._next[table]
        self._next[table] = value + 1
        return value

    def add(self, model: type[Any], row: dict[str, Any]) -> None:
        self._rows[_table(model)].append(row)

    def advance_sequences(self) -> None:
        """PostgreSQL hands out ids from sequences, which explicit ids do not move: set each
        to the highest id written so later inserts by the services do not collide."""
        if self.conn.dialect.name != "postgresql":
            return
        for table in self._next:
            self.conn.execute(
                text(
                    "SELECT setval(pg_get_serial_sequence(:t, 'id'), "
                    f'(SELECT COALESCE(MAX(id), 0) + 1 FROM "{table.name}"), false)'
                ),
                {"t": table.name},
            )

    def flush(self) -> None:
        for table in _ORDER:
            rows = self._rows[table]
            if rows:
                self.conn.execute(insert(table), rows)
                self.counts[table] += len(rows)
                rows.clear()


# --- context ----------------------------------------------------------------------------------


@dataclass
class _Context:
    rng: random.Random
    today: dt.date
    w: _Writer
    sites: dict[str, int] = field(default_factory=dict)
    site_kind: dict[int, SiteKind] = field(default_factory=dict)
    users: dict[str, int] = field(default_factory=dict)
    contacts_by_site: dict[str, list[int]] = field(default_factory=dict)
    nurses_by_site: dict[str, list[int]] = field(default_factory=dict)
    partners: dict[str, int] = field(default_factory=dict)
    outings: dict[str, list[tuple[int, dt.date]]] = field(default_factory=dict)
    # Per outing: contacts without a recorded visit (condoms, a leaflet), and recorded visits.
    outing_quick: dict[int, int] = field(default_factory=dict)
    outing_visits: dict[int, int] = field(default_factory=dict)
    # situation -> (template key, name, for minors, goals)
    templates: dict[str, tuple[str, str, bool, list[dict[str, Any]]]] = field(default_factory=dict)
    case_refs: set[str] = field(default_factory=set)
    male_persons: set[int] = field(default_factory=set)
    minors: int = 0
    first_person_id: int = 0

    @property
    def stamp(self) -> dt.datetime:
        """A fixed time for created/computed columns (no wall clock: reproducible files)."""
        return dt.datetime.combine(self.today, dt.time(6, 0))

    def at(self, day: dt.date, hour: int | None = None) -> dt.datetime:
        h = self.rng.randint(8, 17) if hour is None else hour
        return dt.datetime.combine(day, dt.time(h, self.rng.randrange(0, 60, 5)))


def _days(n: int) -> dt.timedelta:
    return dt.timedelta(days=n)


def _stamps(when: dt.datetime) -> dict[str, dt.datetime]:
    return {"created_at": when, "updated_at": when}


def _weighted(rng: random.Random, weights: Mapping[_T, float]) -> _T:
    keys = list(weights)
    return rng.choices(keys, weights=[weights[k] for k in keys])[0]


# --- reference data ---------------------------------------------------------------------------


def _check_empty(conn: Connection) -> None:
    for model in (Person, User, Site):
        if conn.scalar(select(func.count()).select_from(_table(model))):
            raise Conflict("demo", f"the database already holds {_table(model).name} rows")


def _add_sites(ctx: _Context) -> None:
    for code, name, kind, city in _SITES:
        sid = ctx.w.new_id(Site)
        ctx.sites[code] = sid
        ctx.site_kind[sid] = kind
        ctx.w.add(
            Site,
            {"id": sid, "code": code, "name": name, "kind": kind, "city": city, "archived": False},
        )


def _caseload_colleagues(persons: int) -> list[tuple[str, Role, str]]:
    """Further contact persons per site, so that at ``persons`` persons a contact person's
    current caseload stays near ``_CASELOAD_TARGET`` (none on the log-in screen)."""
    have: dict[str, int] = {}
    for _, role, site in (*((u, r, s) for u, _, r, s in DEMO_USERS), *_COLLEAGUES):
        if role is Role.CONTACT_PERSON and site:
            have[site] = have.get(site, 0) + 1
    extra: list[tuple[str, Role, str]] = []
    for site, share in _CURRENT_SHARE.items():
        needed = -(-int(persons * share) // _CASELOAD_TARGET)  # ceiling
        extra += [
            (f"cp.{site.lower()}.{n:02d}", Role.CONTACT_PERSON, site)
            for n in range(1, needed - have.get(site, 0) + 1)
        ]
    return extra


def _staff_names(rng: random.Random, count: int) -> list[str]:
    """``count`` distinct staff names: the listed ones, then recombined first and last names."""
    names = list(STAFF_NAMES)
    rng.shuffle(names)
    given = [n.split()[0] for n in STAFF_NAMES]
    family = [n.split()[-1] for n in STAFF_NAMES]
    seen = set(names)
    k = 0
    while len(names) < count:
        name = f"{given[k % len(given)]} {family[(k // len(given) + k + 1) % len(family)]}"
        k += 1
        if name not in seen:
            seen.add(name)
            names.append(name)
    return names


def _add_users(ctx: _Context, persons: int) -> None:
    # Production-cost hashes, but each distinct password only once (they are salted anyway,
    # and sharing one hash among demo accounts with the same password changes nothing).
    hashes = {pw: hash_password(pw) for pw in dict.fromkeys(u[1] for u in DEMO_USERS)}
    accounts = [(u, hashes[pw], role, site) for u, pw, role, site in DEMO_USERS]
    colleagues = [*_COLLEAGUES, *_caseload_colleagues(persons)]
    accounts += [(u, hashes[STAFF_PASSWORD], role, site) for u, role, site in colleagues]
    staff_names = _staff_names(ctx.rng, len(accounts))
    for i, (username, pw_hash, role, site) in enumerate(accounts):
        uid = ctx.w.new_id(User)
        ctx.users[username] = uid
        site_id = ctx.sites[site] if site else None
        if role is Role.CONTACT_PERSON and site:
            ctx.contacts_by_site.setdefault(site, []).append(uid)
        if role is Role.NURSE and site:
            ctx.nurses_by_site.setdefault(site, []).append(uid)
        ctx.w.add(
            User,
            {
                "id": uid,
                "username": username,
                "display_name": staff_names[i],
                "password_hash": pw_hash,
                "role": role,
                "site_id": site_id,
                "active": True,
                "locked_at": None,
                "last_login_at": None,
                "failures_reset_at": None,
                "version": 1,
                **_stamps(ctx.stamp),
            },
        )


def _add_partners(ctx: _Context) -> None:
    conn = ctx.w.conn
    for pid, name in conn.execute(select(Partner.id, Partner.name)):
        ctx.partners[name] = pid
    for name, kind, notes in _DEMO_PARTNERS:
        if name in ctx.partners:
            continue
        pid = ctx.w.new_id(Partner)
        ctx.partners[name] = pid
        ctx.w.add(
            Partner,
            {
                "id": pid,
                "name": name,
                "kind": kind,
                "phone": "",
                "email": "",
                "address": "",
                "website": "",
                "notes": f"Fictional demo partner. {notes}.",
                "archived": False,
                "version": 1,
                **_stamps(ctx.stamp),
            },
        )


def _add_templates(ctx: _Context) -> None:
    """Use the templates already in the database (if the set-up seeded some) or add ours;
    then pick one per situation, so plans are built from what the users will see."""
    rows = ctx.w.conn.execute(
        select(
            PlanTemplate.key, PlanTemplate.name, PlanTemplate.for_minors, PlanTemplate.goals_json
        )
    ).all()
    found = {key: (name, bool(minors), _parse_goals(text)) for key, name, minors, text in rows}
    if not found:
        for key, (name, for_minors, goals) in PLAN_TEMPLATES.items():
            ctx.w.add(
                PlanTemplate,
                {
                    "id": ctx.w.new_id(PlanTemplate),
                    "key": key,
                    "name": name,
                    "for_minors": for_minors,
                    "goals_json": json.dumps(goals, ensure_ascii=False),
                    **_stamps(ctx.stamp),
                },
            )
        found = dict(PLAN_TEMPLATES)
    for situation, words in _SITUATION_WORDS.items():
        minors = situation == "minor"
        keys = sorted(found)
        match = next((k for k in keys if k == situation), None)
        match = match or next(
            (k for k in keys if found[k][1] == minors and any(w in k for w in words)), None
        )
        match = match or next((k for k in keys if found[k][1] == minors), keys[0])
        ctx.templates[situation] = (match, *found[match])


# Words in a template key that suggest the situation it is meant for.
_SITUATION_WORDS = {
    "minor": ("minor", "child"),
    "return_iom": ("return", "iom", "avr"),
    "residence_permit": ("permit", "residence"),
    "reflection_adult": ("reflection", "adult"),
}


def _parse_goals(text: str) -> list[dict[str, Any]]:
    """Goals in the documented template format; anything else is skipped."""
    try:
        raw = json.loads(text or "[]")
    except ValueError:
        return []
    out: list[dict[str, Any]] = []
    for g in raw if isinstance(raw, list) else []:
        if isinstance(g, dict) and g.get("area") in set(PlanArea) and g.get("title"):
            tasks = [str(t) for t in g.get("tasks", []) if str(t).strip()]
            out.append({"area": g["area"], "title": str(g["title"]), "tasks": tasks})
    return out


def _add_outings(ctx: _Context) -> None:
    """One outing a week per mobile unit over the past year (Tuesdays and Thursdays)."""
    for code, weekday in (("MUZ", 1), ("MUJ", 3)):
        site_id = ctx.sites[code]
        day = ctx.today - _days(364)
        day += _days((weekday - day.weekday()) % 7)
        ctx.outings[code] = []
        while day <= ctx.today:
            oid = ctx.w.new_id(MobileOuting)
            ctx.outings[code].append((oid, day))
            ctx.outing_quick[oid] = ctx.rng.randint(4, 25)
            ctx.w.add(
                MobileOuting,
                {
                    "id": oid,
                    "site_id": site_id,
                    "outing_date": day,
                    "area": ctx.rng.choice(_OUTING_AREAS[code]),
                    "staff": "Nurse and outreach worker",
                    "contacts_made": ctx.outing_quick[oid],  # visits added in _count_outings
                    "materials": "Condoms, information leaflets in 8 languages",
                    "notes": "",
                    "created_by_id": ctx.users["nurse"],
                    **_stamps(ctx.at(day, 22)),
                },
            )
            day += _days(7)


# --- persons: identity ------------------------------------------------------------------------


@dataclass
class _NameRow:
    """Duck-typed stand-in for PersonName so the services' own name helper fills it."""

    name: str
    is_alias: bool
    preferred: bool
    script: str
    language: str
    search_key: str = ""


@dataclass
class _PersonRow:
    """Duck-typed stand-in for Person (only what ``refresh_names`` touches)."""

    case_ref: str
    names: list[_NameRow]
    display_name: str = ""
    search_text: str = ""


def _split(part: str) -> tuple[str, str]:
    """("first spelling", "second spelling or empty") of a name part."""
    first, _, second = part.partition("|")
    return first, second


def _compose(ns: NameSet, given: str, family: str, sex: Sex, second: bool) -> str:
    g, f = _split(given), _split(family)
    # Parts are "native|latin" or "latin|native": index 1 is the second spelling.
    gi, fi = (g[1], f[1]) if second else (g[0], f[0])
    middle = ns.male_middle if sex is Sex.MALE else ns.female_middle
    if ns.order is Order.FAMILY_FIRST:
        sep = "" if ns.alias_script == "Hans" and second else " "  # 李梅, not 李 梅
        return sep.join(p for p in (fi, middle, gi) if p)
    return " ".join(p for p in (gi, fi) if p)


def _names(ctx: _Context, ns: NameSet, sex: Sex) -> list[_NameRow]:
    rng = ctx.rng
    given = rng.choice(ns.male if sex is Sex.MALE else ns.female)
    family = rng.choice(ns.family)
    rows = [_NameRow(_compose(ns, given, family, sex, False), False, True, ns.script, ns.language)]
    if ns.alias_script:
        # Second spelling: Latin transliteration of a Cyrillic name, or Thai/Han script.
        rows.append(
            _NameRow(
                _compose(ns, given, family, sex, True), True, False, ns.alias_script, ns.language
            )
        )
    if rng.random() < 0.25:
        nick = _split(rng.choice(ns.female if sex is not Sex.MALE else ns.male))
        name = nick[1] if ns.native_preferred else nick[0]
        if all(r.name != name for r in rows):
            script = "Latn" if ns.native_preferred else ns.script
            rows.append(_NameRow(name, True, False, script, ns.language))
    return rows


def _case_ref(ctx: _Context, year: int) -> str:
    while True:
        ref = f"{year % 100:02d}-" + "".join(ctx.rng.choice(_ALPHABET) for _ in range(5))
        if ref not in ctx.case_refs:
            ctx.case_refs.add(ref)
            return ref


def _birth(ctx: _Context, fc: dt.date, age_at_fc: int, child: bool) -> BirthFact:
    rng = ctx.rng
    born = fc - _days(age_at_fc * 365 + rng.randint(0, 364))
    weights = (
        {"exact": 40, "assessed": 40, "year": 20}
        if child
        else {"exact": 55, "year": 30, "assessed": 10, "unknown": 5}
    )
    kind = _weighted(rng, weights)
    if kind == "exact":
        return BirthFact(BirthCertainty.EXACT, birth_date=born, birth_year=born.year)
    if kind == "year":
        return BirthFact(BirthCertainty.ESTIMATED_YEAR, birth_year=born.year)
    if kind == "assessed":
        day = min(fc + _days(rng.randint(3, 30)), ctx.today)
        age, _ = age_on(BirthFact(BirthCertainty.EXACT, birth_date=born), day)
        age = age or 0
        return BirthFact(
            BirthCertainty.AGE_ASSESSED,
            birth_year=day.year - age,
            assessment_date=day,
            assessed_age=age,
        )
    return BirthFact(BirthCertainty.UNKNOWN)


# --- persons: legal history -------------------------------------------------------------------


@dataclass
class _Event:
    fact: EventFact
    channel: ContactChannel | None = None
    site_id: int | None = None
    note: str = ""


@dataclass
class _History:
    """Builds a person's events in date order; anything after ``today`` has not happened."""

    rng: random.Random
    today: dt.date
    shelter_id: int | None
    events: list[_Event] = field(default_factory=list)
    in_shelter: bool = False
    closed_on: dt.date | None = None

    def add(self, kind: EventKind, day: dt.date, **kw: Any) -> bool:
        if day > self.today:
            return False
        channel = kw.pop("channel", None)
        note = kw.pop("note", "")
        site_id = kw.pop("site_id", None)
        self.events.append(_Event(EventFact(kind, day, **kw), channel, site_id, note))
        return True

    def shelter(self, day: dt.date) -> None:
        if self.shelter_id is not None and self.add(
            EventKind.SHELTER_STAY_START, day, site_id=self.shelter_id
        ):
            self.in_shelter = True

    def leave_shelter(self, day: dt.date) -> None:
        if self.in_shelter and self.add(EventKind.SHELTER_STAY_END, day, site_id=self.shelter_id):
            self.in_shelter = False

    def close(self, day: dt.date, note: str) -> None:
        if day > self.today:
            return
        self.leave_shelter(day)
        self.add(EventKind.CASE_CLOSED, day, note=note)
        self.closed_on = day

    def r(self, low: int, high: int) -> dt.timedelta:
        return _days(self.rng.randint(low, high))


def _reflection_and_after(h: _History, start: dt.date, path: str, court: bool) -> None:
    rules = rule_set_for(start)
    if path == "avr":
        _avr(h, start, start + _days(rules.reflection_initial_days), extend_from=start)
    elif path == "permit":
        _permit(h, start, court)
    elif path == "asylum":
        applied = start + h.r(10, 25)
        if h.add(EventKind.ASYLUM_APPLIED, applied):
            _asylum_decision(h, applied + h.r(120, 480), applied)
    else:  # the period runs out; the person leaves
        end = start + _days(rules.reflection_initial_days)
        h.close(end + h.r(1, 45), "Reflection period ended; the person left the shelter")


def _avr(h: _History, after: dt.date, planned_end: dt.date, extend_from: dt.date | None) -> None:
    """Referral to IOM, an extension of the reflection period (cooperating on return), the
    departure before the period ends and the IOM follow-up; or no departure after all."""
    referral = after + h.r(5, 25)
    # Cooperation on a prepared return is a fact of its own, recorded when the person agrees.
    if not h.add(EventKind.AVR_COOPERATION, referral) or not h.add(
        EventKind.AVR_REFERRAL, referral
    ):
        return
    if extend_from is not None and h.rng.random() < 0.8:
        rules = rule_set_for(extend_from)
        initial_end = extend_from + _days(rules.reflection_initial_days)
        extended_on = min(referral + h.r(1, 6), initial_end - _days(1))
        extended_on = max(extended_on, referral)
        rules = rule_set_for(extended_on)  # the request date decides the maximum
        new_end = extend_from + _days(h.rng.randint(60, rules.reflection_max_total_days))
        decided_on = extended_on + _days(3)  # the decision letter a few days later
        if h.add(
            EventKind.REFLECTION_EXTENSION_REQUESTED,
            extended_on,
            ground=ExtensionGround.RETURN_COOPERATION,
        ) and h.add(
            EventKind.REFLECTION_EXTENSION_DECIDED,
            decided_on,
            outcome=Outcome.GRANTED,
            end_date=new_end,
        ):
            planned_end = new_end
    room = max(1, (planned_end - referral).days - 1)
    departed = referral + _days(h.rng.randint(min(14, room), room))
    if h.rng.random() < 0.85 and h.add(EventKind.AVR_DEPARTURE, departed):
        h.leave_shelter(departed)
        months = rule_set_for(departed).avr_follow_up_months
        h.close(add_months(departed, months) + h.r(0, 20), "IOM follow-up completed")
    else:
        h.close(planned_end + h.r(0, 30), "Did not travel; left the shelter")


def _permit(h: _History, start: dt.date, court: bool) -> None:
    """§9c(5) permits: applied for by the police (or prosecution), six months at a time,
    renewed while the investigation lasts; then ended, and perhaps a return."""
    if start + _days(60) <= REVIEW_WINDOW_END:
        # §9c(5) did not exist before bill L 129 (2013): earlier cases took the return path.
        rules = rule_set_for(start)
        _avr(h, start, start + _days(rules.reflection_initial_days), extend_from=start)
        return
    applicant = Authority.PROSECUTION if h.rng.random() < 0.2 else Authority.POLICE
    applied = start + h.r(7, 25)
    if not h.add(EventKind.PERMIT_APPLICATION, applied, applicant=applicant):
        return
    granted = applied + h.r(3, 20)
    months = rule_set_for(granted).permit_period_months
    until = add_months(granted, months)
    if not h.add(EventKind.PERMIT_GRANTED, granted, end_date=until):
        return
    h.leave_shelter(granted + h.r(30, 120))
    if court or h.rng.random() < 0.15:
        h.add(EventKind.CHARGES_WITHDRAWN, applied + h.r(10, 90), note="§722(2)")
    for _ in range(h.rng.choice((0, 1, 1, 2, 3))):
        again = until - h.r(20, 40)
        renewed = until - h.r(1, 10)
        if not h.add(EventKind.PERMIT_APPLICATION, again, applicant=applicant):
            return
        months = rule_set_for(renewed).permit_period_months
        new_until = add_months(renewed, months)
        if not h.add(EventKind.PERMIT_RENEWED, renewed, end_date=new_until):
            return
        until = new_until
    if h.rng.random() < 0.6:
        ended = until - h.r(0, 40)
        if h.add(EventKind.PERMIT_ENDED, ended, note="Investigation closed"):
            if h.rng.random() < 0.5:
                _avr(h, ended, ended + _days(120), extend_from=None)
            else:
                h.close(ended + h.r(5, 60), "Permit ended; moved on")


def _asylum_decision(h: _History, decided: dt.date, applied: dt.date) -> None:
    granted = h.rng.random() < 0.4
    outcome = Outcome.GRANTED if granted else Outcome.REFUSED
    if not h.add(EventKind.ASYLUM_DECIDED, max(decided, applied), outcome=outcome):
        return
    if granted:
        h.close(decided + h.r(10, 60), "Asylum granted; the municipality took over")
    elif h.rng.random() < 0.6:
        _avr(h, decided, decided + _days(120), extend_from=None)
    else:
        h.close(decided + h.r(10, 60), "Asylum refused; contact lost")


def _no_stay(h: _History, fc: dt.date, path: str, channel: ContactChannel) -> None:
    h.add(EventKind.FIRST_CONTACT, fc, channel=channel)
    h.add(EventKind.LEGAL_STAY, fc, legal_stay=LegalStay.NONE)
    if path == "presumed":
        h.close(fc + h.r(60, 150), "Lost contact before identification")
        return
    decided = fc + h.r(3, 40)
    outcome = Outcome.NOT_IDENTIFIED if path == "not_identified" else Outcome.IDENTIFIED
    court = path == "court"
    authority = (
        Authority.COURT
        if court
        else Authority.SIRI
        if h.rng.random() < 0.05
        else Authority.IMMIGRATION_SERVICE
    )
    if not h.add(
        EventKind.IDENTIFICATION,
        decided,
        authority=authority,
        outcome=outcome,
        legal_stay=LegalStay.NONE,
    ):
        return
    if outcome is Outcome.NOT_IDENTIFIED:
        h.close(decided + h.r(5, 40), "Not identified as a victim")
        return
    h.shelter(decided)
    # Without a recorded start the rules derive it from the identification; most staff
    # record it anyway.
    if h.rng.random() < 0.85:
        h.add(EventKind.REFLECTION_START, decided)
    if court:
        h.add(EventKind.CHARGES_WITHDRAWN, decided + h.r(3, 20), note="§722(2)")
        path = "avr" if h.rng.random() < 0.5 else "permit"
    _reflection_and_after(h, decided, path, court)


def _asylum_seeker(h: _History, fc: dt.date, path: str) -> None:
    applied = fc - h.r(20, 300)
    h.add(EventKind.ASYLUM_APPLIED, applied)
    h.add(EventKind.FIRST_CONTACT, fc, channel=ContactChannel.ASYLUM_CENTRE)
    h.add(EventKind.LEGAL_STAY, fc, legal_stay=LegalStay.ASYLUM_SEEKER)
    decided = fc + h.r(10, 60)
    identified = path != "not_identified"
    if not h.add(
        EventKind.IDENTIFICATION,
        decided,
        authority=Authority.IMMIGRATION_SERVICE,
        outcome=Outcome.IDENTIFIED if identified else Outcome.NOT_IDENTIFIED,
        legal_stay=LegalStay.ASYLUM_SEEKER,
    ):
        return
    ruling = max(decided, applied + _days(h.rng.randint(200, 600))) + h.r(1, 30)
    granted = h.rng.random() < 0.4
    if not h.add(
        EventKind.ASYLUM_DECIDED, ruling, outcome=Outcome.GRANTED if granted else Outcome.REFUSED
    ):
        return
    if granted:
        h.close(ruling + h.r(10, 60), "Asylum granted; the municipality took over")
    elif identified:
        # Refused: no legal stay any more, so the reflection period now applies.
        start = ruling + h.r(1, 10)
        h.shelter(start)
        if h.add(EventKind.REFLECTION_START, start):
            _reflection_and_after(h, start, "avr", court=False)
    else:
        h.close(ruling + h.r(5, 40), "Asylum refused; not identified")


def _with_stay(h: _History, fc: dt.date, stay: LegalStay, path: str, ch: ContactChannel) -> None:
    h.add(EventKind.FIRST_CONTACT, fc, channel=ch)
    h.add(EventKind.LEGAL_STAY, fc, legal_stay=stay)
    decided = fc + h.r(10, 60)
    identified = path != "not_identified"
    if not h.add(
        EventKind.IDENTIFICATION,
        decided,
        authority=Authority.CMM,
        outcome=Outcome.IDENTIFIED if identified else Outcome.NOT_IDENTIFIED,
        legal_stay=stay,
        note="After identification interviews with CMM",
    ):
        return
    if not identified:
        h.close(decided + h.r(5, 60), "Not identified as a victim")
    elif path == "avr" and stay is not LegalStay.DANISH_CITIZEN:
        _avr(h, decided, decided + _days(150), extend_from=None)
    else:
        h.close(decided + h.r(90, 700), "Established in Denmark; support ended")


def _stay_for(rng: random.Random, country: str) -> LegalStay:
    if country == "DK":
        return LegalStay.DANISH_CITIZEN
    if country in ("RO", "BG", "HU"):
        return LegalStay.EU_CITIZEN
    if country in ("UA", "PH") and rng.random() < 0.55:
        return LegalStay.RESIDENCE_PERMIT
    if country in ("NG", "UG", "AL", "RU", "CN") and rng.random() < 0.2:
        return LegalStay.ASYLUM_SEEKER
    return LegalStay.NONE


_PATHS = {
    "avr": 40,
    "permit": 18,
    "asylum": 9,
    "lapse": 16,
    "not_identified": 10,
    "presumed": 7,
}


def _channel(rng: random.Random, form: ExploitationForm) -> ContactChannel:
    if form is ExploitationForm.SEXUAL:
        return _weighted(
            rng,
            {
                ContactChannel.STREET_OUTREACH: 30,
                ContactChannel.MASSAGE_PARLOUR: 20,
                ContactChannel.ESCORT: 10,
                ContactChannel.CLINIC: 20,
                ContactChannel.HOTLINE: 8,
                ContactChannel.POLICE_RAID: 8,
                ContactChannel.SELF_REFERRAL: 4,
            },
        )
    if form is ExploitationForm.FORCED_CRIMINALITY:
        return _weighted(rng, {ContactChannel.PRISON: 50, ContactChannel.POLICE_RAID: 50})
    return _weighted(
        rng,
        {ContactChannel.POLICE_RAID: 40, ContactChannel.HOTLINE: 40, ContactChannel.OTHER: 20},
    )


# --- persons: the whole record ----------------------------------------------------------------


@dataclass(frozen=True)
class _Profile:
    """The choices that shape one person's record (forced for the showcase persons)."""

    country: str
    sex: Sex
    forms: tuple[ExploitationForm, ...]
    child: bool
    path: str
    fc: dt.date
    special_minor: bool = False


# Early persons follow fixed profiles so even a small demo shows every stage of the flow.
_SHOWCASE: tuple[tuple[str, Sex, ExploitationForm, str, int], ...] = (
    ("NG", Sex.FEMALE, ExploitationForm.SEXUAL, "avr", 400),
    ("TH", Sex.FEMALE, ExploitationForm.SEXUAL, "permit", 900),
    ("UG", Sex.FEMALE, ExploitationForm.SEXUAL, "asylum", 800),
    ("RO", Sex.FEMALE, ExploitationForm.SEXUAL, "avr", 500),
    ("RO", Sex.MALE, ExploitationForm.FORCED_CRIMINALITY, "court", 700),
    ("VN", Sex.MALE, ExploitationForm.FORCED_LABOUR, "permit", 1000),
    ("UA", Sex.FEMALE, ExploitationForm.SEXUAL, "lapse", 300),
    ("NG", Sex.FEMALE, ExploitationForm.SEXUAL, "not_identified", 200),
    ("AL", Sex.FEMALE, ExploitationForm.SEXUAL, "presumed", 10),
    ("NG", Sex.FEMALE, ExploitationForm.SEXUAL, "avr", 20),
    ("BG", Sex.FEMALE, ExploitationForm.SEXUAL, "avr", 60),
    ("CN", Sex.FEMALE, ExploitationForm.SEXUAL, "avr", 5200),  # under the 2011 rules
    ("RU", Sex.FEMALE, ExploitationForm.SEXUAL, "avr", 45),
)


def _profile(ctx: _Context, index: int) -> _Profile:
    rng, today = ctx.rng, ctx.today
    if index == 0:
        return _Profile(
            "NG", Sex.FEMALE, (ExploitationForm.SEXUAL,), True, "special", today - _days(90), True
        )
    if index <= len(_SHOWCASE):
        country, sex, form, path, ago = _SHOWCASE[index - 1]
        if path == "court":
            country = "NG"  # courts identify persons without legal stay here
        return _Profile(country, sex, (form,), False, path, today - _days(ago))
    child = rng.random() < _MINOR_SHARE
    sex = _weighted(rng, {Sex.FEMALE: 76, Sex.MALE: 23, Sex.OTHER: 1})
    if sex is Sex.MALE:
        form = _weighted(
            rng,
            {
                ExploitationForm.FORCED_LABOUR: 55,
                ExploitationForm.FORCED_CRIMINALITY: 38,
                ExploitationForm.SEXUAL: 6,
                ExploitationForm.ORGAN_REMOVAL: 1,
            },
        )
    else:
        form = _weighted(
            rng,
            {
                ExploitationForm.SEXUAL: 88,
                ExploitationForm.FORCED_LABOUR: 8,
                ExploitationForm.FORCED_CRIMINALITY: 4,
            },
        )
    forms: tuple[ExploitationForm, ...] = (form,)
    if form is not ExploitationForm.SEXUAL and rng.random() < 0.1:
        forms = (form, ExploitationForm.OTHER)
    path = _weighted(rng, _PATHS)
    if form is ExploitationForm.FORCED_CRIMINALITY and rng.random() < 0.35:
        path = "court"
    # Recent years weigh more; a few cases reach back to before the 2013 amendment.
    years_back = 3.0 if child else 12.0
    ago = int(rng.betavariate(1.0, 5.0) * 365 * years_back)
    return _Profile(
        _weighted(rng, NATIONALITY_WEIGHTS), sex, forms, child, path, today - _days(ago)
    )


def _age_at_contact(ctx: _Context, p: _Profile) -> int:
    if p.child:
        return ctx.rng.randint(13, 17)
    return int(ctx.rng.triangular(18, 48, 23))


def _build_history(ctx: _Context, p: _Profile, shelter_id: int) -> _History:
    h = _History(ctx.rng, ctx.today, shelter_id)
    if p.special_minor:
        fc = p.fc
        h.add(EventKind.FIRST_CONTACT, fc, channel=ContactChannel.POLICE_RAID)
        h.add(EventKind.LEGAL_STAY, fc, legal_stay=LegalStay.NONE)
        ident = fc + _days(6)
        h.add(
            EventKind.IDENTIFICATION,
            ident,
            authority=Authority.IMMIGRATION_SERVICE,
            outcome=Outcome.IDENTIFIED,
            legal_stay=LegalStay.NONE,
        )
        h.shelter(ident)
        h.add(EventKind.REFLECTION_START, ident)
        h.add(EventKind.ASYLUM_APPLIED, ident + _days(24), note="Applied with the guardian")
        return h
    stay = _stay_for(ctx.rng, p.country)
    form = p.forms[0]
    path = p.path
    if path == "court" and stay is not LegalStay.NONE:
        path = "avr"
    if stay is LegalStay.ASYLUM_SEEKER:
        _asylum_seeker(h, p.fc, path)
    elif stay is LegalStay.NONE:
        _no_stay(h, p.fc, path, _channel(ctx.rng, form))
    else:
        _with_stay(h, p.fc, stay, path, _channel(ctx.rng, form))
    if ctx.rng.random() < 0.1 and h.events:
        last = h.events[-1].fact.date
        h.add(EventKind.NOTE, last, note="Interview with the contact person")
    return h


def _add_person(ctx: _Context, index: int) -> None:
    rng, w, today = ctx.rng, ctx.w, ctx.today
    p = _profile(ctx, index)
    ns = NAME_SETS[p.country]
    pid = w.new_id(Person)
    if index == 0:
        ctx.first_person_id = pid
    shelter_code = "SHC" if rng.random() < 0.6 else "SHJ"
    h = _build_history(ctx, p, ctx.sites[shelter_code])
    fc = p.fc
    if p.special_minor:
        turns_18 = today + _days(rng.randint(14, 50))
        born = add_years(turns_18, -18)
        birth = BirthFact(BirthCertainty.EXACT, birth_date=born, birth_year=born.year)
    else:
        birth = _birth(ctx, fc, _age_at_contact(ctx, p), p.child)
    age, _ = age_on(birth, today)
    minor_now = age is not None and age < 18
    if minor_now:
        ctx.minors += 1
    closed = h.closed_on is not None
    identified = any(
        e.fact.kind is EventKind.IDENTIFICATION and e.fact.outcome is Outcome.IDENTIFIED
        for e in h.events
    )
    site_code = _current_site(ctx, h, shelter_code)
    site_id = ctx.sites[site_code] if site_code else None

    person = _PersonRow(_case_ref(ctx, fc.year), _names(ctx, ns, p.sex))
    # The services' own helper, so display name and search text match a registered person.
    refresh_names(cast(Person, person))
    created = ctx.at(fc)
    contact_uid = _contact_assignments(ctx, pid, h, fc, identified, site_code or shelter_code)
    guardian = _guardian(ctx, pid, p, birth, h, minor_now) if (p.child or minor_now) else None
    reviews = (
        _action_plan(ctx, pid, p, h, contact_uid, guardian, minor_now)
        if identified and not closed
        else ()
    )
    manual = _entitlements(ctx, pid, h, contact_uid) if identified and rng.random() < 0.04 else ()
    consents = _consents(ctx, pid, h, contact_uid) if identified and rng.random() < 0.12 else ()

    facts = PersonFacts(
        events=tuple(e.fact for e in h.events),
        birth=birth,
        own_insurance=p.country in ("RO", "BG", "HU") and rng.random() < 0.2,
        registered_in_denmark=p.country == "DK",
        manual_entitlements=manual,
        plan_review_dates=reviews,
        consents=consents,
        has_current_guardian=guardian is not None and minor_now,
        has_contact_person=contact_uid is not None,
    )
    tl = compute_timeline(facts, today)
    archived = h.closed_on is not None and h.closed_on < today - _days(730)
    w.add(
        Person,
        {
            "id": pid,
            "case_ref": person.case_ref,
            "display_name": person.display_name,
            "sex": p.sex,
            "birth_certainty": birth.certainty,
            "birth_date": birth.birth_date,
            "birth_year": birth.birth_year,
            "assessment_date": birth.assessment_date,
            "assessed_age": birth.assessed_age,
            "nationality": p.country,
            "interpreter_needed": ns.language not in ("en", "da"),
            "interpreter_language": ns.language if ns.language not in ("en", "da") else "",
            "own_insurance": facts.own_insurance,
            "registered_in_denmark": facts.registered_in_denmark,
            "current_site_id": site_id,
            "notes": "Fictional demo person." if not p.special_minor else _SPECIAL_NOTE,
            "status": status_code(tl),
            "search_text": person.search_text,
            "created_by_id": ctx.users["staff"],
            "archived_at": ctx.at(add_years(h.closed_on, 2)) if archived and h.closed_on else None,
            "archived_reason": "Case closed; kept for the retention period" if archived else "",
            "anonymised_at": None,
            "version": 1,
            **_stamps(created),
        },
    )
    _person_details(ctx, pid, person, ns, p)
    _events_and_deadlines(ctx, pid, h, tl, created)
    _person_visits(ctx, pid, p, h, site_code)
    if p.sex is Sex.MALE:
        ctx.male_persons.add(pid)


_SPECIAL_NOTE = (
    "Fictional demo person: turns 18 within two months. Plan the transition with the guardian "
    "and the municipality."
)


def _current_site(ctx: _Context, h: _History, shelter_code: str) -> str | None:
    if h.closed_on is not None:
        return None
    if h.in_shelter:
        return shelter_code
    return ctx.rng.choice(_CLINIC_FOR[shelter_code])


def _person_details(ctx: _Context, pid: int, person: _PersonRow, ns: NameSet, p: _Profile) -> None:
    rng, w = ctx.rng, ctx.w
    for n in person.names:
        w.add(
            PersonName,
            {
                "id": w.new_id(PersonName),
                "person_id": pid,
                "name": n.name,
                "is_alias": n.is_alias,
                "preferred": n.preferred,
                "script": n.script,
                "language": n.language,
                "search_key": n.search_key,
            },
        )
    languages = [ns.language]
    extra = SECOND_LANGUAGES.get(p.country, ())
    if extra and rng.random() < 0.5:
        languages.append(rng.choice(extra))
    if "en" not in languages and rng.random() < 0.4:
        languages.append("en")
    for i, lang in enumerate(dict.fromkeys(languages)):
        w.add(PersonLanguage, {"person_id": pid, "language": lang, "position": i})
    for form in p.forms:
        w.add(PersonExploitation, {"person_id": pid, "form": form})
    for flag, share in (
        (SafetyFlag.DO_NOT_DISCLOSE_LOCATION, 0.2),
        (SafetyFlag.TRAFFICKER_SEARCHING, 0.08),
        (SafetyFlag.NO_PHOTOS, 0.1),
        (SafetyFlag.HEALTH_RISK, 0.03),
    ):
        if rng.random() < share:
            w.add(PersonSafetyFlag, {"person_id": pid, "flag": flag, "note": ""})


def _events_and_deadlines(
    ctx: _Context, pid: int, h: _History, tl: Timeline, created: dt.datetime
) -> None:
    w = ctx.w
    for e in h.events:
        f = e.fact
        w.add(
            CaseEvent,
            {
                "id": w.new_id(CaseEvent),
                "person_id": pid,
                "kind": f.kind,
                "event_date": f.date,
                "end_date": f.end_date,
                "authority": f.authority,
                "outcome": f.outcome,
                "legal_stay": f.legal_stay,
                "channel": e.channel,
                "applicant": f.applicant,
                "ground": f.ground,
                "site_id": e.site_id,
                "notes": e.note,
                "created_by_id": ctx.users["staff"],
                "voided_at": None,
                "voided_reason": "",
                **_stamps(max(created, ctx.at(f.date, 12))),
            },
        )
    for d in tl.deadlines:
        w.add(
            PersonDeadline,
            {
                "id": w.new_id(PersonDeadline),
                "person_id": pid,
                "kind": d.kind.value,
                "due_date": d.due,
                "uncertain": d.uncertain,
                "rule_set": d.rule_set_id or "",
                "explanation": d.explanation,
                "message": to_json(d.message),
                "expected": d.expected,
                "unreliable": d.unreliable,
                "computed_at": ctx.stamp,
            },
        )


def _first_date(h: _History, kind: EventKind) -> dt.date | None:
    return next((e.fact.date for e in h.events if e.fact.kind is kind), None)


def _contact_assignments(
    ctx: _Context, pid: int, h: _History, fc: dt.date, identified: bool, site: str
) -> int | None:
    """Most victims have a current contact person; some changed once; a few have none."""
    rng, w = ctx.rng, ctx.w
    if not identified or rng.random() < 0.04:
        return None
    pool = ctx.contacts_by_site[site]
    start = _first_date(h, EventKind.IDENTIFICATION) or fc
    end = h.closed_on
    current = rng.choice(pool)
    spans: list[tuple[int, dt.date, dt.date | None, str]] = []
    middle = start + _days(rng.randint(20, 200))
    if rng.random() < 0.15 and middle < (end or ctx.today):
        earlier = rng.choice([u for uid_list in ctx.contacts_by_site.values() for u in uid_list])
        reason = rng.choice(
            (
                "Contact person moved to another site",
                "Contact person on leave",
                "Resident asked for another contact person",
            )
        )
        spans.append((earlier, start, middle, reason))
        start = middle
    spans.append((current, start, end, "Case closed" if end else ""))
    for uid, since, until, reason in spans:
        w.add(
            ContactPersonAssignment,
            {
                "id": w.new_id(ContactPersonAssignment),
                "person_id": pid,
                "user_id": uid,
                "from_date": since,
                "to_date": until,
                "reason": reason,
                "created_by_id": ctx.users["teamlead"],
                **_stamps(ctx.at(since)),
            },
        )
    return None if end else current


def _guardian(
    ctx: _Context, pid: int, p: _Profile, birth: BirthFact, h: _History, minor_now: bool
) -> str:
    rng = ctx.rng
    name = rng.choice(GUARDIAN_NAMES)
    appointed = min(p.fc + _days(rng.randint(1, 10)), ctx.today)
    ended: dt.date | None = None
    reason = ""
    if not minor_now:
        born = birth.birth_date or (
            dt.date(birth.birth_year, 7, 1) if birth.birth_year else appointed
        )
        ended = max(appointed, add_years(born, 18))
        reason = "Turned 18"
    handle = name.lower().split()[0]
    ctx.w.add(
        GuardianAssignment,
        {
            "id": ctx.w.new_id(GuardianAssignment),
            "person_id": pid,
            "name": name,
            "organisation": "Personal representatives for children (demo)",
            "phone": "",
            "email": f"{handle}@example.org",
            "appointed_date": appointed,
            "ended_date": min(ended, ctx.today) if ended else None,
            "end_reason": reason,
            **_stamps(ctx.at(appointed)),
        },
    )
    return name


def _with_child_goals(goals: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The child-specific goals the special minor's plan must show, whatever the template."""
    have = {g["area"] for g in goals}
    extra = [g for g in PLAN_TEMPLATES["minor"][2] if g["area"] not in have]
    return [*goals, *(g for g in extra if g["area"] in _CHILD_AREAS)]


_CHILD_AREAS = (PlanArea.SCHOOLING, PlanArea.FAMILY_TRACING, PlanArea.DURABLE_SOLUTION)


def _situation(h: _History, minor_now: bool) -> str:
    kinds = {e.fact.kind for e in h.events}
    if minor_now:
        return "minor"
    if EventKind.AVR_REFERRAL in kinds and EventKind.AVR_DEPARTURE not in kinds:
        return "return_iom"
    if EventKind.PERMIT_GRANTED in kinds:
        return "residence_permit"
    return "reflection_adult"


def _action_plan(
    ctx: _Context,
    pid: int,
    p: _Profile,
    h: _History,
    contact_uid: int | None,
    guardian: str | None,
    minor_now: bool,
) -> tuple[dt.date, ...]:
    """One plan with an agreed version and sometimes a newer draft; returns review dates."""
    rng, w, today = ctx.rng, ctx.w, ctx.today
    situation = _situation(h, minor_now or p.special_minor)
    key, title, _, goals = ctx.templates[situation]
    if p.special_minor:
        goals = _with_child_goals(goals)
    start = _first_date(h, EventKind.IDENTIFICATION) or p.fc
    review = max(start, today + _days(rng.randint(-30, 75)))
    plan_id = w.new_id(ActionPlan)
    w.add(
        ActionPlan,
        {
            "id": plan_id,
            "person_id": pid,
            "title": title,
            "period_from": start,
            "period_to": None,
            "review_date": review,
            "template_key": key,
            "archived_at": None,
            **_stamps(ctx.at(start)),
        },
    )
    # Drafted soon after identification, agreed some days later (or later that day).
    drafted_on = min(start + _days(rng.randint(0, 3)), today)
    agreed_on = min(drafted_on + _days(rng.randint(0, 12)), today)
    created_at = ctx.at(drafted_on, 9)
    agreed_at = ctx.at(agreed_on, rng.randint(10, 17))
    tasks = _plan_tasks(ctx, goals, contact_uid, agreed_on)
    versions: list[tuple[PlanState, dt.datetime, dt.datetime, list[list[dict[str, Any]]]]] = [
        (PlanState.AGREED, created_at, agreed_at, tasks)
    ]
    if rng.random() < 0.45:
        # The next edit copied the agreed version into a draft and changed a little of it.
        draft_on = min(agreed_on + _days(rng.randint(1, 90)), today)
        draft_at = ctx.at(draft_on, 18) if draft_on == agreed_on else ctx.at(draft_on)
        draft_tasks = _edited_copy(ctx, tasks, contact_uid, draft_on)
        versions.append((PlanState.DRAFT, draft_at, draft_at, draft_tasks))
    for number, (state, created, updated, version_tasks) in enumerate(versions, start=1):
        vid = w.new_id(ActionPlanVersion)
        agreed = state is PlanState.AGREED
        w.add(
            ActionPlanVersion,
            {
                "id": vid,
                "plan_id": plan_id,
                "number": number,
                "state": state,
                "agreed_at": agreed_at if agreed else None,
                "agreed_by_person": agreed,
                "agreed_contact_user_id": contact_uid if agreed else None,
                "agreed_guardian_name": (guardian or "") if agreed and minor_now else "",
                "created_by_id": contact_uid,
                "note": "" if agreed else "Updated after the review talk",
                "version": 1,
                "created_at": created,
                "updated_at": updated,
            },
        )
        _write_goals(ctx, vid, goals, version_tasks)
    return (review,)


def _plan_tasks(
    ctx: _Context, goals: Sequence[dict[str, Any]], contact_uid: int | None, since: dt.date
) -> list[list[dict[str, Any]]]:
    """Task rows (without ids) of an agreed version, per goal, with progress made so far."""
    rng = ctx.rng
    iom = ctx.partners.get("IOM Copenhagen")
    out: list[list[dict[str, Any]]] = []
    for goal in goals:
        area = PlanArea(goal["area"])
        rows: list[dict[str, Any]] = []
        for tpos, task in enumerate(goal["tasks"]):
            by_iom = area is PlanArea.RETURN_RESIDENCE and iom is not None and tpos == 0
            status = _weighted(
                rng, {TaskStatus.DONE: 45, TaskStatus.IN_PROGRESS: 30, TaskStatus.OPEN: 25}
            )
            rows.append(
                {
                    "description": task,
                    "responsible_user_id": None if by_iom else contact_uid,
                    "responsible_partner_id": iom if by_iom else None,
                    "responsible_text": "",
                    "due_date": since + _days(rng.randint(7, 120)),
                    "status": status,
                    "note": "",
                    "position": tpos,
                }
            )
        out.append(rows)
    return out


_FOLLOW_UP_TASKS = (
    "Follow up with the partner",
    "Book an interpreter for the next talk",
    "Review the safety plan",
    "Accompany to the appointment",
)


def _edited_copy(
    ctx: _Context, tasks: list[list[dict[str, Any]]], contact_uid: int | None, on: dt.date
) -> list[list[dict[str, Any]]]:
    """The agreed tasks copied as the plan service copies them, then one to three edits: a
    task moves on, a due date is postponed with a note, or a follow-up task is added."""
    rng = ctx.rng
    copy = [[dict(t) for t in goal] for goal in tasks]
    if not copy:
        return copy
    for _ in range(rng.randint(1, 3)):
        goal = rng.choice(copy)
        unfinished = [t for t in goal if t["status"] is not TaskStatus.DONE]
        edit = rng.random()
        if unfinished and edit < 0.45:
            task = rng.choice(unfinished)
            task["status"] = (
                TaskStatus.DONE
                if task["status"] is TaskStatus.IN_PROGRESS
                else TaskStatus.IN_PROGRESS
            )
        elif unfinished and edit < 0.7:
            task = rng.choice(unfinished)
            task["due_date"] = max(task["due_date"], on) + _days(rng.randint(14, 60))
            task["note"] = "Postponed after the review talk"
        else:
            goal.append(
                {
                    "description": rng.choice(_FOLLOW_UP_TASKS),
                    "responsible_user_id": contact_uid,
                    "responsible_partner_id": None,
                    "responsible_text": "",
                    "due_date": on + _days(rng.randint(7, 45)),
                    "status": TaskStatus.OPEN,
                    "note": "",
                    "position": len(goal),
                }
            )
    return copy


def _write_goals(
    ctx: _Context,
    version_id: int,
    goals: Sequence[dict[str, Any]],
    tasks: Sequence[Sequence[dict[str, Any]]],
) -> None:
    w = ctx.w
    for gpos, (goal, goal_tasks) in enumerate(zip(goals, tasks, strict=True)):
        gid = w.new_id(PlanGoal)
        w.add(
            PlanGoal,
            {
                "id": gid,
                "plan_version_id": version_id,
                "area": PlanArea(goal["area"]),
                "title": goal["title"],
                "description": "",
                "position": gpos,
            },
        )
        for task in goal_tasks:
            w.add(PlanTask, {"id": w.new_id(PlanTask), "goal_id": gid, **task})


def _entitlements(
    ctx: _Context, pid: int, h: _History, contact_uid: int | None
) -> tuple[ManualEntitlement, ...]:
    rng = ctx.rng
    start = _first_date(h, EventKind.IDENTIFICATION) or ctx.today
    service, payer, reason = rng.choice(
        (
            (HealthService.DENTISTRY, Payer.CMM, "Acute dental treatment approved by CMM"),
            (
                HealthService.PSYCHOLOGICAL_THERAPY,
                Payer.IMMIGRATION_SERVICE,
                "Therapy approved by the Immigration Service beyond the reflection period",
            ),
            (HealthService.BODY_THERAPY, Payer.NONE, "Not covered: no approval obtained"),
        )
    )
    valid_from = start + _days(rng.randint(0, 20))
    valid_to = valid_from + _days(rng.randint(60, 180))
    ctx.w.add(
        Entitlement,
        {
            "id": ctx.w.new_id(Entitlement),
            "person_id": pid,
            "service": service,
            "payer": payer,
            "covered": payer is not Payer.NONE,
            "valid_from": valid_from,
            "valid_to": valid_to,
            "reason": reason,
            "created_by_id": contact_uid or ctx.users["teamlead"],
            "revoked_at": None,
            **_stamps(ctx.at(min(valid_from, ctx.today))),
        },
    )
    return (ManualEntitlement(service, payer, valid_from, valid_to, reason),)


_DEMO_LEGAL_PURPOSE = f"{Purpose.LEGAL_STATUS}: confirm status for legal assistance"
_DEMO_CONSENT_PURPOSES = {
    "IOM Copenhagen": f"{Purpose.ASSISTED_RETURN}: prepare return and reintegration",
}


def _consents(
    ctx: _Context, pid: int, h: _History, contact_uid: int | None
) -> tuple[ConsentFact, ...]:
    rng = ctx.rng
    kinds = {e.fact.kind for e in h.events}
    wanted = ["Advokatfirma Nordlys (demo)"]
    if EventKind.AVR_REFERRAL in kinds:
        wanted.append("IOM Copenhagen")
    if EventKind.PERMIT_APPLICATION in kinds:
        wanted.append("National Police, National Investigation Centre (NEC)")
    out: list[ConsentFact] = []
    given = _first_date(h, EventKind.IDENTIFICATION) or ctx.today
    for name in wanted[: rng.randint(1, 2)]:
        partner_id = ctx.partners.get(name)
        if partner_id is None:
            continue
        cid = ctx.w.new_id(Consent)
        valid_to = given + _days(365) if rng.random() < 0.8 else None
        withdrawn = rng.random() < 0.05
        ctx.w.add(
            Consent,
            {
                "id": cid,
                "person_id": pid,
                "partner_id": partner_id,
                "partner_kind": None,
                # Stored as the consent service writes it: "<purpose code>: <agreed words>".
                "purpose": _DEMO_CONSENT_PURPOSES.get(name, _DEMO_LEGAL_PURPOSE),
                "data_categories": ",".join((DataCategory.IDENTITY, DataCategory.LEGAL_STATUS)),
                "valid_from": given,
                "valid_to": valid_to,
                "withdrawn_at": ctx.at(min(given + _days(30), ctx.today)) if withdrawn else None,
                "recorded_by_id": contact_uid or ctx.users["teamlead"],
                **_stamps(ctx.at(given)),
            },
        )
        out.append(ConsentFact(cid, name, None, valid_to, withdrawn, given))
    return tuple(out)


# --- clinic work ------------------------------------------------------------------------------

_REASONS = (
    "Health check",
    "STI test and results",
    "Pain, follow-up",
    "Contraception",
    "Pregnancy question",
    "Dental pain",
    "Sleep problems and anxiety",
    "Wound care",
    "Vaccination",
    "Questions about rights",
)
_SERVICE_WEIGHTS = {
    VisitService.CONSULTATION: 40,
    VisitService.STI_TESTING: 20,
    VisitService.PREGNANCY_TEST: 6,
    VisitService.CONTRACEPTION: 10,
    VisitService.VACCINATION: 5,
    VisitService.WOUND_CARE: 4,
    VisitService.PSYCHOSOCIAL_TALK: 10,
    VisitService.RIGHTS_COUNSELLING: 5,
}
# (partner, specialty) -> weight; specialties are keys of the clinic's REFERRAL_SPECIALTIES.
_REFERRAL_WEIGHTS: dict[tuple[str | None, str], float] = {
    ("Tandklinikken Vesterport (demo)", "dentist"): 25,
    ("Psykologhuset Aros (demo)", "psychologist"): 20,
    ("Lægehuset Istedgade (demo)", "doctor"): 25,
    ("Regionshospital Øst (demo)", "hospital"): 15,
    (None, "psychiatrist"): 5,
    (None, "physiotherapist"): 5,
    (None, "specialist"): 5,
}


def _visit_count(rng: random.Random, rate: float) -> int:
    """A Poisson draw by counting exponential gaps (deterministic with ``rng``)."""
    count, t = 0, rng.expovariate(1.0)
    while t < rate:
        count += 1
        t += rng.expovariate(1.0)
    return count


def _person_visits(ctx: _Context, pid: int, p: _Profile, h: _History, site: str | None) -> None:
    rng, today = ctx.rng, ctx.today
    first = max(p.fc, today - _days(364))
    last = min(h.closed_on or today, today)
    if last < first:
        return
    span = (last - first).days + 1
    n = _visit_count(rng, _VISITS_PER_YEAR * span / 365)
    if site is None or ctx.site_kind[ctx.sites[site]] is not SiteKind.CLINIC:
        options = _CLINIC_FOR.get(site or "", ("CVB", "CAA", "CFR"))
        site = rng.choice(options)
    for _ in range(n):
        day = first + _days(rng.randint(0, span - 1))
        _visit(ctx, site, day, person_id=pid, female=p.sex is not Sex.MALE)


def _visit(
    ctx: _Context,
    site: str,
    day: dt.date,
    *,
    person_id: int | None = None,
    visitor_id: int | None = None,
    outing_id: int | None = None,
    female: bool = True,
) -> None:
    rng, w = ctx.rng, ctx.w
    vid = w.new_id(Visit)
    when = ctx.at(day, 20 if outing_id else None)
    nurse_pool = ctx.nurses_by_site.get(site) or ctx.nurses_by_site["CVB"]
    nurse = rng.choice(nurse_pool)
    interpreted = rng.random() < 0.3
    w.add(
        Visit,
        {
            "id": vid,
            "person_id": person_id,
            "visitor_id": visitor_id,
            "site_id": ctx.sites[site],
            "outing_id": outing_id,
            "visited_at": when,
            "reason": rng.choice(_REASONS),
            "interpreter_language": rng.choice(("ro", "th", "en", "bg", "uk"))
            if interpreted
            else "",
            "interpreter_mode": rng.choice(tuple(InterpreterMode)) if interpreted else None,
            "clinical_notes": "Fictional demo note." if rng.random() < 0.5 else "",
            "follow_up_date": day + _days(rng.randint(7, 30)) if rng.random() < 0.25 else None,
            "created_by_id": nurse,
            "version": 1,
            **_stamps(when),
        },
    )
    services: list[VisitService] = []
    for _ in range(rng.randint(1, 3)):
        s = _weighted(rng, _SERVICE_WEIGHTS)
        if not female and s in (VisitService.PREGNANCY_TEST, VisitService.CONTRACEPTION):
            s = VisitService.CONSULTATION
        if s not in services:
            services.append(s)
    if rng.random() < 0.1:
        services.append(VisitService.REFERRAL)
        _referral(ctx, vid, day, when, person_id, visitor_id, nurse)
    for s in services:
        w.add(VisitServiceGiven, {"visit_id": vid, "service": s})


def _referral(
    ctx: _Context,
    visit_id: int,
    day: dt.date,
    when: dt.datetime,
    person_id: int | None,
    visitor_id: int | None,
    nurse: int,
) -> None:
    rng = ctx.rng
    name, specialty = _weighted(rng, _REFERRAL_WEIGHTS)
    old = (ctx.today - day).days > 30
    status = (
        _weighted(rng, {ReferralStatus.DONE: 85, ReferralStatus.CANCELLED: 15})
        if old
        else _weighted(rng, {ReferralStatus.OPEN: 80, ReferralStatus.DONE: 20})
    )
    done = status is ReferralStatus.DONE
    ctx.w.add(
        Referral,
        {
            "id": ctx.w.new_id(Referral),
            "person_id": person_id,
            "visitor_id": visitor_id,
            "visit_id": visit_id,
            "partner_id": ctx.partners.get(name) if name else None,
            "specialty": specialty,
            "reason": "Fictional demo referral",
            "urgency": _weighted(rng, {Urgency.ROUTINE: 70, Urgency.SOON: 25, Urgency.URGENT: 5}),
            "status": status,
            "done_at": ctx.at(min(day + _days(rng.randint(2, 25)), ctx.today)) if done else None,
            "created_by_id": nurse,
            **_stamps(when),
        },
    )


def _visitor_code(ctx: _Context, used: set[str]) -> str:
    """A card code as the clinic issues it (its alphabet and format), drawn from ``rng``."""
    while True:
        code = CODE_PREFIX + "".join(ctx.rng.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
        if code not in used:
            used.add(code)
            return code


def _add_visitors(ctx: _Context, count: int, person_ids: int, progress: Progress | None) -> int:
    """Anonymous clinic visitors with a year of visits, some met on mobile-unit outings."""
    rng, w, today = ctx.rng, ctx.w, ctx.today
    used: set[str] = set()
    first_person = ctx.first_person_id
    for i in range(count):
        vid = w.new_id(AnonymousVisitor)
        country = _weighted(rng, NATIONALITY_WEIGHTS)
        ns = NAME_SETS[country]
        site = _weighted(rng, {"CVB": 35, "CAA": 20, "CFR": 15, "MUZ": 18, "MUJ": 12})
        first_day = today - _days(rng.randint(0, 364))
        linked = person_ids > 0 and rng.random() < 0.04
        linked_pid = first_person + rng.randrange(person_ids) if linked else None
        nickname = _split(rng.choice(ns.female))[0] if rng.random() < 0.6 else ""
        if ns.native_preferred and nickname:
            nickname = _split(rng.choice(ns.female))[1]
        visits: list[tuple[dt.date, int | None]] = []
        for _ in range(rng.randint(1, 5)):
            if site in ctx.outings:
                on_outing, outing_day = rng.choice(ctx.outings[site])
                visits.append((outing_day, on_outing))
            else:
                visits.append((first_day + _days(rng.randint(0, (today - first_day).days)), None))
        created = ctx.at(min(first_day, *(d for d, _ in visits)))
        w.add(
            AnonymousVisitor,
            {
                "id": vid,
                "code": _visitor_code(ctx, used),
                "nickname": nickname,
                "age_band": _weighted(
                    rng,
                    {
                        AgeBand.AGE_18_24: 30,
                        AgeBand.AGE_25_34: 35,
                        AgeBand.AGE_35_44: 18,
                        AgeBand.AGE_45_PLUS: 7,
                        AgeBand.UNKNOWN: 9,
                        AgeBand.UNDER_18: 1,
                    },
                ),
                "nationality": country if rng.random() < 0.85 else None,
                "language": ns.language,
                "first_site_id": ctx.sites[site],
                "linked_person_id": linked_pid,
                # Linked after her last visit as a visitor, as the visitor service does it.
                "linked_at": ctx.at(max(d for d, _ in visits), 18) if linked else None,
                **_stamps(created),
            },
        )
        for day, outing_id in visits:
            # A linked visitor's visits and referrals are carried over to the person.
            _visit(
                ctx,
                site,
                day,
                person_id=linked_pid,
                visitor_id=vid,
                outing_id=outing_id,
                female=linked_pid not in ctx.male_persons,
            )
            if outing_id is not None:
                ctx.outing_visits[outing_id] = ctx.outing_visits.get(outing_id, 0) + 1
        if i % 2000 == 1999:
            w.flush()  # bounded memory
            if progress:
                progress("visitors", i + 1, count)
    return count


def _count_outings(ctx: _Context) -> None:
    """An outing's contacts include every visit recorded on it (the clinic service refuses
    fewer), so add the visits written since the outing rows were."""
    rows = [
        {"oid": oid, "made": quick + ctx.outing_visits.get(oid, 0)}
        for oid, quick in ctx.outing_quick.items()
        if ctx.outing_visits.get(oid)
    ]
    if rows:
        table = _table(MobileOuting)
        ctx.w.conn.execute(
            update(table)
            .where(table.c.id == bindparam("oid"))
            .values(contacts_made=bindparam("made")),
            rows,
        )


# --- entry point ------------------------------------------------------------------------------


def generate_demo_data(
    db: Database,
    *,
    persons: int = 300,
    seed: int = 1,
    today: dt.date | None = None,
    progress: Progress | None = None,
) -> DemoSummary:
    """Fill an empty, migrated database with fictional data; the same seed and ``today``
    give the same data. Raises Conflict, before writing anything, if persons, users or
    sites already exist or the database's audit log was founded as anything but a demo.

    The log is founded as a demo's (sealed with the published demo key): open the database
    with ``build_services(db, demo=True)``, as ``clinic-app demo`` does."""
    started = time.perf_counter()
    day = today or dt.date.today()
    with db.write() as session:
        conn = session.connection()
        _check_empty(conn)
        trail = AuditTrail(DEMO_AUDIT_KEY, origin=ORIGIN_DEMO)
        anchor = trail.found(session)
        if anchor.origin != ORIGIN_DEMO or not trail.anchor_is_authentic(anchor):
            raise Conflict("demo", "the database was not created as a demo database")
        ctx = _Context(random.Random(seed), day, _Writer(conn))
        if progress:
            progress("staff", 0, 1)
        _add_sites(ctx)
        _add_users(ctx, persons)
        _add_partners(ctx)
        _add_templates(ctx)
        _add_outings(ctx)
        ctx.w.flush()
        for i in range(persons):
            _add_person(ctx, i)
            if (i + 1) % _BATCH_PERSONS == 0:
                ctx.w.flush()
                if progress:
                    progress("persons", i + 1, persons)
        ctx.w.flush()
        if progress:
            progress("persons", persons, persons)
        visitors = max(10, int(persons * 0.35))
        _add_visitors(ctx, visitors, persons, progress)
        ctx.w.flush()
        _count_outings(ctx)
        ctx.w.advance_sequences()
        if progress:
            progress("visitors", visitors, visitors)
        counts = ctx.w.counts
        summary = DemoSummary(
            persons=counts[_table(Person)],
            minors=ctx.minors,
            visitors=counts[_table(AnonymousVisitor)],
            visits=counts[_table(Visit)],
            outings=counts[_table(MobileOuting)],
            users=counts[_table(User)],
            seconds=0.0,
        )
    return replace(summary, seconds=time.perf_counter() - started)
