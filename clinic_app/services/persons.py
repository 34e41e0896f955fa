"""Use cases on persons: register, update, archive, aliases, view, search, duplicate check."""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session, selectinload

from clinic_app.errors import Conflict, Forbidden, Invalid, NotFound
from clinic_app.models import (
    ContactPersonAssignment,
    GuardianAssignment,
    Person,
    PersonExploitation,
    PersonLanguage,
    PersonName,
    PersonSafetyFlag,
    Site,
    User,
    utcnow,
)
from clinic_app.rules.dates import age_on
from clinic_app.rules.facts import BirthFact
from clinic_app.security.context import Actor
from clinic_app.security.permissions import Action, Scope, require, scope_for
from clinic_app.services.audit_trail import AuditTrail
from clinic_app.services.common import (
    Clock,
    Page,
    check_code,
    check_country,
    check_date_bounds,
    check_not_future,
    check_paging,
    clean_text,
    system_today,
)
from clinic_app.services.database import Database
from clinic_app.services.facts_loader import refresh_person
from clinic_app.services.refusals import record_refusal
from clinic_app.services.relations import Relation, relation_to, require_site_scope, sees_location
from clinic_app.services.text import fold, name_similarity_key, search_keys
from clinic_app.vocabulary import BirthCertainty, ExploitationForm, SafetyFlag, Sex

# Crockford base32 without I, L, O, U: nothing to misread when a reference is read aloud.
_REF_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


@dataclass(frozen=True)
class NameInput:
    name: str
    is_alias: bool = False
    preferred: bool = False
    script: str = ""
    language: str = ""


@dataclass(frozen=True)
class PersonInput:
    """Everything a register/update form sends. Names: at least one; one may be preferred."""

    names: tuple[NameInput, ...]
    sex: Sex = Sex.UNKNOWN
    birth_certainty: BirthCertainty = BirthCertainty.UNKNOWN
    birth_date: dt.date | None = None
    birth_year: int | None = None
    assessment_date: dt.date | None = None
    assessed_age: int | None = None
    nationality: str | None = None
    languages: tuple[str, ...] = ()
    interpreter_needed: bool = False
    interpreter_language: str = ""
    exploitation: tuple[ExploitationForm, ...] = ()
    safety_flags: tuple[SafetyFlag, ...] = ()
    own_insurance: bool = False
    registered_in_denmark: bool = False
    insurer_country: str | None = None  # ISO alpha-2 of the own insurer, when known
    site_id: int | None = None
    notes: str = ""


@dataclass(frozen=True)
class NameView:
    id: int
    name: str
    is_alias: bool
    preferred: bool
    script: str
    language: str


@dataclass(frozen=True)
class PersonDetail:
    id: int
    case_ref: str
    display_name: str
    names: tuple[NameView, ...]
    sex: Sex
    birth_certainty: BirthCertainty
    birth_date: dt.date | None
    birth_year: int | None
    assessment_date: dt.date | None
    assessed_age: int | None
    age: int | None
    age_uncertain: bool
    is_minor: bool
    nationality: str | None
    languages: tuple[str, ...]
    interpreter_needed: bool
    interpreter_language: str
    exploitation: tuple[ExploitationForm, ...]
    safety_flags: tuple[SafetyFlag, ...]
    own_insurance: bool
    registered_in_denmark: bool
    insurer_country: str | None
    # None when the actor may not see where the person stays (safety-sensitive location).
    site_id: int | None
    site_name: str | None
    location_visible: bool
    notes: str
    status: str
    contact_person_id: int | None
    contact_person_name: str | None
    guardian_name: str | None
    archived: bool
    archived_reason: str
    version: int


@dataclass(frozen=True)
class PersonSummary:
    id: int
    case_ref: str
    display_name: str
    birth_year: int | None
    birth_uncertain: bool
    nationality: str | None
    site_name: str | None
    status: str
    is_minor: bool
    contact_person_name: str | None
    archived: bool


@dataclass(frozen=True)
class PersonFilter:
    site_id: int | None = None
    status: str | None = None
    minor: bool | None = None
    contact_user_id: int | None = None
    archived: bool | None = False  # False: active only; True: archived only; None: both


@dataclass(frozen=True)
class DuplicateCandidate:
    id: int
    case_ref: str
    display_name: str
    birth_year: int | None
    nationality: str | None
    matched_name: str


SORT_COLUMNS = {
    "case_ref": Person.case_ref,
    "name": Person.display_name,
    "birth_year": Person.birth_year,
    "nationality": Person.nationality,
    "status": Person.status,
}


class PersonService:
    """Registering and finding persons. Every call checks permissions and is audited."""

    def __init__(self, db: Database, audit: AuditTrail, clock: Clock = system_today) -> None:
        self._db = db
        self._audit = audit
        self._today = clock

    # --- writing -------------------------------------------------------------------------

    def register(self, actor: Actor, data: PersonInput) -> PersonDetail:
        """Create a person with a fresh case reference. Nothing is written if input is bad."""
        require(actor, Action.PERSON_CREATE)
        today = self._today()
        clean = self._validate(data, today)
        with self._db.write() as s:
            self._check_site(s, clean.site_id)
            person = Person(case_ref=self._new_case_ref(s, today), created_by_id=actor.user_id)
            self._apply(person, clean)
            s.add(person)
            s.flush()
            refresh_person(s, person.id, today)
            self._audit.record(
                s, actor, "person.create", person_id=person.id, details={"fields": _fields(clean)}
            )
            return self._detail(s, actor, person)

    def update(
        self, actor: Actor, person_id: int, data: PersonInput, expected_version: int
    ) -> PersonDetail:
        """Replace a person's details; Conflict if someone else saved since ``expected_version``."""
        clean = self._validate(data, self._today())
        with self._db.write() as s:
            person = self._load(s, person_id)
            rel = self._relation(s, actor, person)
            require(
                actor, Action.PERSON_EDIT, own_caseload=rel.own_caseload, same_site=rel.same_site
            )
            if person.version != expected_version:
                raise Conflict("person")
            if clean.site_id is None and not self._sees_location(actor, person.current_site_id):
                # The form never showed the hidden site, so "no site" means "unchanged".
                clean = replace(clean, site_id=person.current_site_id)
            if clean.site_id != person.current_site_id:
                require(actor, Action.PERSON_VIEW_LOCATION, same_site=rel.same_site)
                self._check_site(s, clean.site_id)
            changed = _changed_fields(person, clean)
            self._apply(person, clean)
            s.flush()
            refresh_person(s, person.id, self._today())  # birth and insurance facts may change
            self._audit.record(
                s, actor, "person.edit", person_id=person.id, details={"fields": changed}
            )
            return self._detail(s, actor, person)

    def archive(self, actor: Actor, person_id: int, reason: str) -> PersonDetail:
        reason = clean_text("reason", reason, required=True, max_len=1000, multiline=True)
        with self._db.write() as s:
            person = self._load(s, person_id)
            rel = self._relation(s, actor, person)
            require(
                actor, Action.PERSON_ARCHIVE, own_caseload=rel.own_caseload, same_site=rel.same_site
            )
            if person.archived_at is not None:
                raise Conflict("person", "already archived")
            person.archived_at = utcnow()
            person.archived_reason = reason
            s.flush()
            self._audit.record(s, actor, "person.archive", person_id=person.id)
            return self._detail(s, actor, person)

    def restore(self, actor: Actor, person_id: int) -> PersonDetail:
        """Take a person out of the archive."""
        with self._db.write() as s:
            person = self._load(s, person_id)
            rel = self._relation(s, actor, person)
            require(
                actor, Action.PERSON_ARCHIVE, own_caseload=rel.own_caseload, same_site=rel.same_site
            )
            person.archived_at = None
            person.archived_reason = ""
            s.flush()
            refresh_person(s, person.id, self._today())  # the daily refresh skips the archive
            self._audit.record(s, actor, "person.unarchive", person_id=person.id)
            return self._detail(s, actor, person)

    def add_alias(self, actor: Actor, person_id: int, alias: NameInput) -> PersonDetail:
        name = _clean_name(alias)
        with self._db.write() as s:
            person = self._load(s, person_id)
            rel = self._relation(s, actor, person)
            require(
                actor, Action.PERSON_EDIT, own_caseload=rel.own_caseload, same_site=rel.same_site
            )
            if any(n.name == name.name for n in person.names):
                raise Invalid("alias", "duplicate", "This name is already recorded.")
            if name.preferred:
                for n in person.names:
                    n.preferred = False
            person.names.append(_name_row(name, is_alias=True))
            refresh_names(person)
            s.flush()
            self._audit.record(
                s, actor, "person.alias_add", person_id=person.id, details={"fields": ["names"]}
            )
            return self._detail(s, actor, person)

    def remove_alias(self, actor: Actor, person_id: int, name_id: int) -> PersonDetail:
        with self._db.write() as s:
            person = self._load(s, person_id)
            rel = self._relation(s, actor, person)
            require(
                actor, Action.PERSON_EDIT, own_caseload=rel.own_caseload, same_site=rel.same_site
            )
            row = next((n for n in person.names if n.id == name_id), None)
            if row is None:
                raise NotFound("name", name_id)
            if len(person.names) == 1:
                raise Invalid("names", "last_name", "A person keeps at least one name.")
            person.names.remove(row)
            refresh_names(person)
            s.flush()
            self._audit.record(
                s, actor, "person.alias_remove", person_id=person.id, details={"fields": ["names"]}
            )
            return self._detail(s, actor, person)

    # --- reading -------------------------------------------------------------------------

    def get(self, actor: Actor, person_id: int) -> PersonDetail:
        """Open a person's record (audited as a view)."""
        with self._db.write() as s:
            person = self._load(s, person_id)
            rel = self._relation(s, actor, person)
            require(
                actor, Action.PERSON_VIEW, own_caseload=rel.own_caseload, same_site=rel.same_site
            )
            self._audit.record(s, actor, "person.view", person_id=person.id)
            return self._detail(s, actor, person)

    def get_by_case_ref(self, actor: Actor, case_ref: str) -> PersonDetail:
        """Open a record by its case reference. A reference outside the actor's scope gets
        the same NotFound as one that does not exist (the refusal is still audited), so
        typing references tells nobody which cases exist."""
        with self._db.read() as s:
            pid = s.scalar(select(Person.id).where(Person.case_ref == case_ref.strip().upper()))
        if pid is None:
            raise NotFound("person", case_ref)
        try:
            return self.get(actor, pid)
        except Forbidden as exc:
            record_refusal(
                self._db, self._audit, actor, exc, call="persons.get_by_case_ref", person_id=pid
            )
            raise NotFound("person", case_ref) from None

    def search(
        self,
        actor: Actor,
        text: str = "",
        flt: PersonFilter | None = None,
        *,
        offset: int = 0,
        limit: int = 100,
        sort: str = "name",
        descending: bool = False,
    ) -> Page[PersonSummary]:
        """Find persons by name or alias (accent/case-insensitive, any script), case reference
        or birth year. Every word must match. Audited without the search terms."""
        check_paging(offset, limit)
        if sort not in SORT_COLUMNS:
            raise Invalid("sort", "unknown_column")
        text = clean_text("text", text, max_len=500)
        flt = flt or PersonFilter()
        require_site_scope(actor, flt.site_id)
        query = _within_search_scope(actor, self._search_query(text, flt, self._today()))
        order = SORT_COLUMNS[sort]
        with self._db.write() as s:
            total = s.scalar(select(func.count()).select_from(query.subquery())) or 0
            rows = s.execute(
                query.order_by(order.desc() if descending else order.asc(), Person.id)
                .offset(offset)
                .limit(limit)
            ).all()
            names = _contact_names(s, [r.id for r in rows])
            self._audit.record(
                s,
                actor,
                "person.search",
                details={"terms": len(text.split()), "results": total},
                listed=[r.id for r in rows],
            )
            today = self._today()
            items = tuple(
                PersonSummary(
                    id=r.id,
                    case_ref=r.case_ref,
                    display_name=r.display_name,
                    birth_year=_birth_year(r),
                    birth_uncertain=r.birth_certainty is not BirthCertainty.EXACT,
                    nationality=r.nationality,
                    site_name=r.site_name
                    if self._sees_location(actor, r.current_site_id)
                    else None,
                    status=r.status,
                    is_minor=_is_minor(_birth_fact_of(r), today),
                    contact_person_name=names.get(r.id),
                    archived=r.archived_at is not None,
                )
                for r in rows
            )
        return Page(items, total, offset, limit)

    def find_similar(
        self,
        actor: Actor,
        names: Sequence[str],
        birth_year: int | None,
        nationality: str | None,
    ) -> tuple[DuplicateCandidate, ...]:
        """Persons whose names sound alike (accents, transliteration, doubled letters) and
        whose birth year (±1) and nationality match where both are known."""
        require(actor, Action.PERSON_SEARCH, own_caseload=True, same_site=True)
        keys = {name_similarity_key(n) for n in names if n.strip()}
        keys.discard("")
        if not keys:
            return ()
        tokens = {tok for k in keys for tok in k.split() if len(tok) >= 3}
        with self._db.write() as s:
            q = _within_search_scope(
                actor,
                select(Person)
                .options(selectinload(Person.names))
                .where(Person.archived_at.is_(None)),
            )
            if nationality:
                q = q.where(
                    or_(Person.nationality == nationality.upper(), Person.nationality.is_(None))
                )
            if birth_year:
                q = q.where(
                    or_(
                        Person.birth_year.between(birth_year - 1, birth_year + 1),
                        Person.birth_year.is_(None),
                    )
                )
            # Narrow by any folded token first (cheap LIKE), then compare similarity keys.
            if tokens:
                q = q.where(
                    or_(*[Person.search_text.contains(t[:4], autoescape=True) for t in tokens])
                )
            found: list[DuplicateCandidate] = []
            for person in s.scalars(q.limit(500)):
                for n in person.names:
                    key = name_similarity_key(n.name)
                    if _similar(key, keys):
                        found.append(
                            DuplicateCandidate(
                                person.id,
                                person.case_ref,
                                person.display_name,
                                person.birth_year,
                                person.nationality,
                                n.name,
                            )
                        )
                        break
            # Audited like a search: how many names were compared, never the names.
            self._audit.record(
                s,
                actor,
                "person.duplicate_check",
                details={"names": len(keys), "results": min(len(found), 20)},
                listed=[c.id for c in found[:20]],
            )
        return tuple(found[:20])

    # --- internals -----------------------------------------------------------------------

    def _search_query(
        self, text: str, flt: PersonFilter, today: dt.date
    ) -> Select[*tuple[Any, ...]]:
        q: Select[*tuple[Any, ...]] = select(
            Person.id,
            Person.case_ref,
            Person.display_name,
            Person.birth_year,
            Person.birth_date,
            Person.birth_certainty,
            Person.assessment_date,
            Person.assessed_age,
            Person.nationality,
            Person.status,
            Person.current_site_id,
            Person.archived_at,
            Site.name.label("site_name"),
        ).outerjoin(Site, Site.id == Person.current_site_id)
        for word in text.split():
            if word.isdigit() and len(word) == 4:
                q = q.where(Person.birth_year == int(word))
            else:
                q = q.where(Person.search_text.contains(fold(word), autoescape=True))
        if flt.archived is True:
            q = q.where(Person.archived_at.is_not(None))
        elif flt.archived is False:
            q = q.where(Person.archived_at.is_(None))
        if flt.site_id is not None:
            q = q.where(Person.current_site_id == flt.site_id)
        if flt.status:
            q = q.where(Person.status == flt.status)
        if flt.contact_user_id is not None:
            q = q.where(
                Person.id.in_(
                    select(ContactPersonAssignment.person_id).where(
                        ContactPersonAssignment.user_id == flt.contact_user_id,
                        ContactPersonAssignment.to_date.is_(None),
                    )
                )
            )
        if flt.minor is not None:
            # As in the rules engine: with only an estimated year Y the person is a minor until
            # the end of the year they turn 18 (Council of Europe Convention Art. 10(3)).
            cut = _years_before(today, 18)
            first_minor_year = today.year - 18
            exact = Person.birth_date.is_not(None)
            estimated = Person.birth_date.is_(None) & Person.birth_year.is_not(None)
            if flt.minor:
                q = q.where(
                    or_(
                        exact & (Person.birth_date > cut),
                        estimated & (Person.birth_year >= first_minor_year),
                    )
                )
            else:
                q = q.where(
                    or_(
                        exact & (Person.birth_date <= cut),
                        estimated & (Person.birth_year < first_minor_year),
                    )
                )
        return q

    def _sees_location(self, actor: Actor, site_id: int | None) -> bool:
        return sees_location(actor, site_id)

    def _validate(self, data: PersonInput, today: dt.date) -> PersonInput:
        names = tuple(_clean_name(n) for n in data.names if n.name.strip())
        if not names:
            raise Invalid("names", "required", "Enter at least one name.")
        if sum(1 for n in names if n.preferred) > 1:
            raise Invalid("names", "several_preferred", "Only one name can be preferred.")
        if len({n.name for n in names}) != len(names):
            raise Invalid("names", "duplicate", "The same name is entered twice.")
        cert = check_code("birth_certainty", BirthCertainty, data.birth_certainty)
        birth_date = data.birth_date
        birth_year = data.birth_year
        assessment_date = data.assessment_date
        assessed_age = data.assessed_age
        if cert is BirthCertainty.EXACT:
            if birth_date is None:
                raise Invalid("birth_date", "required", "Enter the birth date.")
            check_not_future("birth_date", birth_date, today)
            if birth_date.year < 1900:
                raise Invalid("birth_date", "too_early", "The birth date is before 1900.")
            birth_year, assessment_date, assessed_age = birth_date.year, None, None
        elif cert is BirthCertainty.ESTIMATED_YEAR:
            if birth_year is None:
                raise Invalid("birth_year", "required", "Enter the estimated birth year.")
            if not isinstance(birth_year, int) or not 1900 < birth_year <= today.year:
                raise Invalid("birth_year", "out_of_range", "The birth year is not plausible.")
            birth_date, assessment_date, assessed_age = None, None, None
        elif cert is BirthCertainty.AGE_ASSESSED:
            if assessment_date is None:
                raise Invalid(
                    "assessment_date", "required", "Enter the date of the age assessment."
                )
            check_not_future("assessment_date", assessment_date, today)
            check_date_bounds("assessment_date", assessment_date, today)
            if assessed_age is None:
                raise Invalid("assessed_age", "required", "Enter the assessed age.")
            if not isinstance(assessed_age, int) or not 0 <= assessed_age < 120:
                raise Invalid("assessed_age", "out_of_range", "The assessed age is not plausible.")
            birth_date = None
            birth_year = assessment_date.year - assessed_age
        else:
            birth_date, birth_year, assessment_date, assessed_age = None, None, None, None
        languages = tuple(dict.fromkeys(_clean_lang("languages", lang) for lang in data.languages))
        return PersonInput(
            names=names,
            sex=check_code("sex", Sex, data.sex),
            birth_certainty=cert,
            birth_date=birth_date,
            birth_year=birth_year,
            assessment_date=assessment_date,
            assessed_age=assessed_age,
            nationality=check_country("nationality", data.nationality),
            languages=tuple(lang for lang in languages if lang),
            interpreter_needed=data.interpreter_needed,
            interpreter_language=_clean_lang("interpreter_language", data.interpreter_language),
            exploitation=tuple(
                dict.fromkeys(
                    check_code("exploitation", ExploitationForm, f) for f in data.exploitation
                )
            ),
            safety_flags=tuple(
                dict.fromkeys(check_code("safety_flags", SafetyFlag, f) for f in data.safety_flags)
            ),
            own_insurance=data.own_insurance,
            registered_in_denmark=data.registered_in_denmark,
            insurer_country=(
                check_country("insurer_country", data.insurer_country)
                if data.own_insurance
                else None
            ),
            site_id=data.site_id,
            notes=clean_text("notes", data.notes, max_len=20000, multiline=True),
        )

    def _check_site(self, s: Session, site_id: int | None) -> None:
        if site_id is not None and s.get(Site, site_id) is None:
            raise Invalid("site", "unknown_site", "Unknown site.")

    def _apply(self, person: Person, data: PersonInput) -> None:
        person.sex = data.sex
        person.birth_certainty = data.birth_certainty
        person.birth_date = data.birth_date
        person.birth_year = data.birth_year
        person.assessment_date = data.assessment_date
        person.assessed_age = data.assessed_age
        person.nationality = data.nationality
        person.interpreter_needed = data.interpreter_needed
        person.interpreter_language = data.interpreter_language
        person.own_insurance = data.own_insurance
        person.insurer_country = data.insurer_country
        person.registered_in_denmark = data.registered_in_denmark
        person.current_site_id = data.site_id
        person.notes = data.notes
        _sync_names(person, data.names)
        person.languages = [
            PersonLanguage(language=lang, position=i) for i, lang in enumerate(data.languages)
        ]
        existing_forms = {e.form: e for e in person.exploitation}
        person.exploitation = [
            existing_forms.get(f) or PersonExploitation(form=f) for f in data.exploitation
        ]
        existing_flags = {f.flag: f for f in person.safety_flags}
        person.safety_flags = [
            existing_flags.get(f) or PersonSafetyFlag(flag=f) for f in data.safety_flags
        ]
        refresh_names(person)

    def _new_case_ref(self, s: Session, today: dt.date) -> str:
        for _ in range(20):
            ref = f"{today.year % 100:02d}-" + "".join(
                secrets.choice(_REF_ALPHABET) for _ in range(5)
            )
            if s.scalar(select(Person.id).where(Person.case_ref == ref)) is None:
                return ref
        raise Conflict("case_ref", "could not allocate a unique case reference")

    def _load(self, s: Session, person_id: int) -> Person:
        person = s.get(Person, person_id, options=[selectinload(Person.names)])
        if person is None:
            raise NotFound("person", person_id)
        return person

    def _relation(self, s: Session, actor: Actor, person: Person) -> Relation:
        return relation_to(s, actor, person)

    def _detail(self, s: Session, actor: Actor, person: Person) -> PersonDetail:
        today = self._today()
        birth = _birth_fact_of(person)
        age, uncertain = age_on(birth, today)
        sees_location = self._sees_location(actor, person.current_site_id)
        site = s.get(Site, person.current_site_id) if person.current_site_id else None
        contact = s.execute(
            select(User.id, User.display_name)
            .join(ContactPersonAssignment, ContactPersonAssignment.user_id == User.id)
            .where(
                ContactPersonAssignment.person_id == person.id,
                ContactPersonAssignment.to_date.is_(None),
            )
        ).first()
        guardian = s.scalar(
            select(GuardianAssignment.name).where(
                GuardianAssignment.person_id == person.id, GuardianAssignment.ended_date.is_(None)
            )
        )
        return PersonDetail(
            id=person.id,
            case_ref=person.case_ref,
            display_name=person.display_name,
            names=tuple(
                NameView(n.id, n.name, n.is_alias, n.preferred, n.script, n.language)
                for n in person.names
            ),
            sex=person.sex,
            birth_certainty=person.birth_certainty,
            birth_date=person.birth_date,
            birth_year=person.birth_year,
            assessment_date=person.assessment_date,
            assessed_age=person.assessed_age,
            age=age,
            age_uncertain=uncertain,
            is_minor=age is not None and age < 18,
            nationality=person.nationality,
            languages=tuple(lang.language for lang in person.languages),
            interpreter_needed=person.interpreter_needed,
            interpreter_language=person.interpreter_language,
            exploitation=tuple(e.form for e in person.exploitation),
            safety_flags=tuple(f.flag for f in person.safety_flags),
            own_insurance=person.own_insurance,
            registered_in_denmark=person.registered_in_denmark,
            insurer_country=person.insurer_country,
            site_id=person.current_site_id if sees_location else None,
            site_name=site.name if site and sees_location else None,
            location_visible=sees_location,
            notes=person.notes,
            status=person.status,
            contact_person_id=contact.id if contact else None,
            contact_person_name=contact.display_name if contact else None,
            guardian_name=guardian,
            archived=person.archived_at is not None,
            archived_reason=person.archived_reason,
            version=person.version,
        )


# --- module helpers --------------------------------------------------------------------------


def _years_before(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def _clean_name(n: NameInput) -> NameInput:
    name = clean_text("names", n.name, required=True, max_len=200)
    script = clean_text("script", n.script, max_len=4)
    return NameInput(name, n.is_alias, n.preferred, script, _clean_lang("language", n.language))


def _clean_lang(field_name: str, tag: str) -> str:
    tag = clean_text(field_name, tag, max_len=16)
    if tag and not all(part.isalnum() for part in tag.split("-")):
        raise Invalid(field_name, "bad_language_tag", "Use a language code such as 'ro' or 'uk'.")
    return tag.lower()


def _name_row(n: NameInput, *, is_alias: bool) -> PersonName:
    return PersonName(
        name=n.name,
        is_alias=is_alias,
        preferred=n.preferred,
        script=n.script,
        language=n.language,
        search_key=fold(n.name),
    )


def _sync_names(person: Person, names: tuple[NameInput, ...]) -> None:
    """Keep existing rows (ids stay stable) for names that did not change."""
    existing = {n.name: n for n in person.names}
    rows: list[PersonName] = []
    for i, n in enumerate(names):
        row = existing.get(n.name)
        is_alias = n.is_alias if i else False
        if row is None:
            row = _name_row(n, is_alias=is_alias)
        else:
            row.is_alias, row.preferred, row.script, row.language = (
                is_alias,
                n.preferred,
                n.script,
                n.language,
            )
        rows.append(row)
    person.names = rows


def refresh_names(person: Person) -> None:
    """Recompute the display name and the folded search text from the names."""
    names = person.names
    preferred = next((n for n in names if n.preferred), None) or next(
        (n for n in names if not n.is_alias), names[0]
    )
    person.display_name = preferred.name
    keys: set[str] = {fold(person.case_ref or "")}
    for n in names:
        n.search_key = fold(n.name)
        keys |= search_keys(n.name)
    person.search_text = "|".join(sorted(k for k in keys if k))


def _fields(data: PersonInput) -> list[str]:
    given = (k for k, v in data.__dict__.items() if v not in (None, "", (), False) and k != "names")
    return [*sorted(given), "names"]


def _changed_fields(person: Person, data: PersonInput) -> list[str]:
    current = {
        "sex": person.sex,
        "birth_certainty": person.birth_certainty,
        "birth_date": person.birth_date,
        "birth_year": person.birth_year,
        "assessment_date": person.assessment_date,
        "assessed_age": person.assessed_age,
        "nationality": person.nationality,
        "interpreter_needed": person.interpreter_needed,
        "interpreter_language": person.interpreter_language,
        "own_insurance": person.own_insurance,
        "registered_in_denmark": person.registered_in_denmark,
        "site_id": person.current_site_id,
        "notes": person.notes,
        "languages": tuple(lang.language for lang in person.languages),
        "exploitation": tuple(e.form for e in person.exploitation),
        "safety_flags": tuple(f.flag for f in person.safety_flags),
        "names": tuple(
            (n.name, n.is_alias, n.preferred, n.script, n.language) for n in person.names
        ),
    }
    new = dict(data.__dict__)
    new["names"] = tuple(
        (n.name, n.is_alias, n.preferred, n.script, n.language) for n in data.names
    )
    return sorted(k for k, v in current.items() if new.get(k) != v)


def _birth_fact_of(row: object) -> BirthFact:
    return BirthFact(
        certainty=getattr(row, "birth_certainty"),  # noqa: B009 - rows and models alike
        birth_date=getattr(row, "birth_date"),  # noqa: B009
        birth_year=getattr(row, "birth_year"),  # noqa: B009
        assessment_date=getattr(row, "assessment_date"),  # noqa: B009
        assessed_age=getattr(row, "assessed_age"),  # noqa: B009
    )


def birth_fact(person: Person) -> BirthFact:
    """The rules engine's view of a person's birth date."""
    return _birth_fact_of(person)


def _birth_year(row: object) -> int | None:
    year: int | None = getattr(row, "birth_year")  # noqa: B009
    return year


def _is_minor(birth: BirthFact, today: dt.date) -> bool:
    age, _ = age_on(birth, today)
    return age is not None and age < 18


def _similar(key: str, keys: set[str]) -> bool:
    """Same key, or the same words in another order, or one name contained in the other."""
    words = set(key.split())
    for k in keys:
        other = set(k.split())
        if key == k or words == other:
            return True
        if words and other and (words <= other or other <= words):
            return True
    return False


def _within_search_scope(actor: Actor, query: Select[*tuple[Any, ...]]) -> Select[*tuple[Any, ...]]:
    """Narrow a person query to what the actor's search scope reaches (Forbidden if none).

    A scoped role searches only its own site and/or caseload, rather than being refused, so
    the results never include persons the actor may not open.
    """
    scope = scope_for(actor.role, Action.PERSON_SEARCH)
    if scope is Scope.ALL:
        require(actor, Action.PERSON_SEARCH)
        return query
    require(actor, Action.PERSON_SEARCH, own_caseload=True, same_site=True)
    at_site = Person.current_site_id == actor.site_id if actor.site_id is not None else None
    caseload = Person.id.in_(
        select(ContactPersonAssignment.person_id).where(
            ContactPersonAssignment.user_id == actor.user_id,
            ContactPersonAssignment.to_date.is_(None),
        )
    )
    if scope is Scope.SAME_SITE:
        return query.where(at_site if at_site is not None else Person.id.is_(None))
    if scope is Scope.OWN_CASELOAD:
        return query.where(caseload)
    return query.where(or_(at_site, caseload) if at_site is not None else caseload)


def _contact_names(s: Session, person_ids: list[int]) -> dict[int, str]:
    if not person_ids:
        return {}
    rows = s.execute(
        select(ContactPersonAssignment.person_id, User.display_name)
        .join(User, User.id == ContactPersonAssignment.user_id)
        .where(
            ContactPersonAssignment.person_id.in_(person_ids),
            ContactPersonAssignment.to_date.is_(None),
        )
    ).all()
    return {pid: name for pid, name in rows}
