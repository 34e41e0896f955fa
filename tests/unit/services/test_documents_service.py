"""Documents prepared through the service: content in both languages, partner kinds, consent,
the lawful override with a reason, the guardian rule, the document log and the audit."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import replace

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from clinic_app.documents.data import Letterhead
from clinic_app.errors import Forbidden, Invalid
from clinic_app.models import AuditEvent, DocumentLog
from clinic_app.rules import render
from clinic_app.security.context import Actor
from clinic_app.services.action_plans import GoalInput, PlanInput, TaskInput
from clinic_app.services.cases import EventInput
from clinic_app.services.consents import ConsentInput, Purpose
from clinic_app.services.contacts import GuardianInput
from clinic_app.services.container import Services
from clinic_app.services.documents import (
    OVERRIDES,
    PARTNER_DOCUMENTS,
    DocumentLogFilter,
    document_types_for,
)
from clinic_app.services.persons import NameInput
from clinic_app.services.visits import VisitInput
from clinic_app.vocabulary import (
    Authority,
    DataCategory,
    DocumentAction,
    DocumentType,
    EventKind,
    ExtensionGround,
    LegalStay,
    Outcome,
    PartnerKind,
    PlanArea,
    Role,
    VisitService,
)
from tests.conftest import TODAY, make_user
from tests.unit.services.test_cases import register

IDENTIFIED_ON = dt.date(2026, 11, 10)
REFLECTION_END_EN = "10 December 2026"  # 30 days from identification, rule set 2013+
REFLECTION_END_DA = "10.12.2026"


def text_of(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def identify(services: Services, actor: Actor, pid: int) -> None:
    services.cases.record_event(
        actor, pid, EventInput(EventKind.FIRST_CONTACT, dt.date(2026, 11, 1))
    )
    services.cases.record_event(
        actor,
        pid,
        EventInput(
            EventKind.IDENTIFICATION,
            IDENTIFIED_ON,
            authority=Authority.IMMIGRATION_SERVICE,
            outcome=Outcome.IDENTIFIED,
            legal_stay=LegalStay.NONE,
        ),
    )


def partner_id(services: Services, kind: PartnerKind) -> int:
    return services.reference.partners(kind)[0].id


@pytest.fixture
def pid(services: Services, admin: Actor, site_ids: dict[str, int]) -> int:
    person = register(
        services, admin, site_ids["shelter"], names=(NameInput("Ioana Țăranu", preferred=True),)
    )
    identify(services, admin, person)
    return person


@pytest.fixture
def child(services: Services, admin: Actor, site_ids: dict[str, int]) -> int:
    person = register(
        services,
        admin,
        site_ids["shelter"],
        names=(NameInput("Ana Lungu", preferred=True),),
        birth_date=dt.date(2010, 5, 1),
    )
    identify(services, admin, person)
    services.contacts.record_guardian(admin, person, GuardianInput("Karen Holm", "Børn og Unge"))
    return person


@pytest.fixture
def lawyer(services: Services, admin: Actor) -> int:
    return services.reference.save_partner(
        admin, None, name="Advokat Test", kind=PartnerKind.LEGAL
    ).id


@pytest.fixture
def doctor(services: Services, admin: Actor) -> int:
    return services.reference.save_partner(
        admin, None, name="Lægehuset Test", kind=PartnerKind.MEDICAL
    ).id


def consent(
    services: Services,
    actor: Actor,
    person: int,
    partner: int,
    purpose: Purpose,
    *cats: DataCategory,
    valid_to: dt.date | None = None,
) -> int:
    return services.consents.record(
        actor,
        person,
        ConsentInput(
            purpose=purpose,
            data_categories=cats,
            valid_from=dt.date(2026, 11, 12),
            valid_to=valid_to,
            partner_id=partner,
        ),
    ).id


def make_plan(services: Services, actor: Actor, person: int) -> int:
    plan = services.plans.create(
        actor,
        person,
        PlanInput("Reflection period plan", dt.date(2026, 11, 12), TODAY.replace(month=12, day=24)),
    )
    plan = services.plans.add_goal(
        actor, plan.id, GoalInput(PlanArea.SAFETY_HOUSING, "Safe housing"), expected=plan.stamp
    )
    goal = plan.shown.goals[0]
    plan = services.plans.add_task(
        actor,
        plan.id,
        goal.id,
        TaskInput("Room at the shelter", responsible_text="Shelter staff", due_date=TODAY),
        expected=plan.stamp,
    )
    plan = services.plans.add_goal(
        actor, plan.id, GoalInput(PlanArea.HEALTH, "Dental treatment"), expected=plan.stamp
    )
    return plan.id


def audit_actions(services: Services, person: int) -> list[tuple[str, str]]:
    with services.db.read() as s:
        return [
            (a, o)
            for a, o in s.execute(
                select(AuditEvent.action, AuditEvent.outcome)
                .where(AuditEvent.person_id == person)
                .order_by(AuditEvent.id)
            )
        ]


def log_rows(services: Services) -> list[DocumentLog]:
    with services.db.read() as s:
        return list(s.scalars(select(DocumentLog).order_by(DocumentLog.id)))


# --- every document, both languages -----------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "da"])
def test_every_document_type_in_both_languages(
    services: Services,
    admin: Actor,
    site_ids: dict[str, int],
    pid: int,
    child: int,
    lawyer: int,
    doctor: int,
    lang: str,
) -> None:
    nurse = make_user(services, admin, "nina", Role.NURSE, site_ids["clinic"])
    case_ref = services.persons.get(admin, pid).case_ref
    plan = make_plan(services, admin, pid)
    consent(services, admin, pid, lawyer, Purpose.LEGAL_STATUS, DataCategory.LEGAL_STATUS)
    consent(
        services,
        admin,
        pid,
        lawyer,
        Purpose.CASE_WORK,
        DataCategory.IDENTITY,
        DataCategory.ACTION_PLAN,
    )
    consent(services, admin, pid, doctor, Purpose.HEALTH_CARE, DataCategory.HEALTH)
    iom = partner_id(services, PartnerKind.IOM)
    consent(
        services,
        admin,
        pid,
        iom,
        Purpose.ASSISTED_RETURN,
        DataCategory.IDENTITY,
        DataCategory.LEGAL_STATUS,
    )
    visit = services.visits.record_visit(
        nurse,
        VisitInput(
            site_ids["clinic"],
            person_id=pid,
            visited_at=dt.datetime(2026, 11, 20, 10, 0),
            services=(VisitService.CONSULTATION,),
            reason="Toothache",
            clinical_notes="Molar abscess; antibiotics given.",
        ),
    )
    docs = services.documents
    prepared = {
        DocumentType.STATUS_CONFIRMATION: docs.prepare(
            admin, DocumentType.STATUS_CONFIRMATION, pid, lawyer, lang
        ),
        DocumentType.ACTION_PLAN: docs.prepare(
            admin, DocumentType.ACTION_PLAN, pid, None, lang, plan_id=plan
        ),
        DocumentType.HEALTH_REFERRAL: docs.prepare(
            nurse, DocumentType.HEALTH_REFERRAL, pid, doctor, lang
        ),
        DocumentType.VISIT_SUMMARY: docs.prepare(
            nurse, DocumentType.VISIT_SUMMARY, pid, doctor, lang, visit_id=visit.id
        ),
        DocumentType.IOM_REFERRAL: docs.prepare(admin, DocumentType.IOM_REFERRAL, pid, iom, lang),
        DocumentType.CONSENT_FORM: docs.prepare(
            admin, DocumentType.CONSENT_FORM, pid, lawyer, lang
        ),
        DocumentType.ACCESS_REPORT: docs.prepare(
            admin, DocumentType.ACCESS_REPORT, pid, None, lang
        ),
        DocumentType.GUARDIAN_SUMMARY: docs.prepare(
            admin, DocumentType.GUARDIAN_SUMMARY, child, None, lang
        ),
    }
    confidential = "CONFIDENTIAL" if lang == "en" else "FORTROLIGT"
    page_word = "Page 1 of" if lang == "en" else "Side 1 af"
    signature = "Signature" if lang == "en" else "Underskrift"
    for doc_type, doc in prepared.items():
        text = text_of(doc.pdf)
        ref = services.persons.get(admin, doc.person_id).case_ref
        assert ref in text, doc_type
        assert confidential in text, doc_type
        assert page_word in text, doc_type
        assert doc.pages >= 1 and len(doc.sha256) == 64
        if doc_type is not DocumentType.ACCESS_REPORT:
            assert signature in text, doc_type
    end = REFLECTION_END_EN if lang == "en" else REFLECTION_END_DA
    status = text_of(prepared[DocumentType.STATUS_CONFIRMATION].pdf)
    assert end in status and "2013+" in status
    assert "Ioana" not in status  # no name unless asked for
    assert end in text_of(prepared[DocumentType.IOM_REFERRAL].pdf)
    plan_text = text_of(prepared[DocumentType.ACTION_PLAN].pdf)
    assert "Safe housing" in plan_text and "Dental treatment" in plan_text  # own copy
    assert "Molar abscess" in text_of(prepared[DocumentType.VISIT_SUMMARY].pdf)
    assert "Karen Holm" in text_of(prepared[DocumentType.GUARDIAN_SUMMARY].pdf)
    assert case_ref in text_of(prepared[DocumentType.ACCESS_REPORT].pdf)
    # Preparing writes no document log row.
    assert log_rows(services) == []


def test_name_printed_only_when_asked(
    services: Services, admin: Actor, pid: int, lawyer: int
) -> None:
    consent(services, admin, pid, lawyer, Purpose.LEGAL_STATUS, DataCategory.LEGAL_STATUS)
    with pytest.raises(Forbidden, match="identity"):
        services.documents.prepare(
            admin, DocumentType.STATUS_CONFIRMATION, pid, lawyer, "en", include_name=True
        )
    consent(
        services,
        admin,
        pid,
        lawyer,
        Purpose.LEGAL_STATUS,
        DataCategory.LEGAL_STATUS,
        DataCategory.IDENTITY,
    )
    doc = services.documents.prepare(
        admin, DocumentType.STATUS_CONFIRMATION, pid, lawyer, "en", include_name=True
    )
    assert "Ioana Țăranu" in text_of(doc.pdf)
    assert DataCategory.IDENTITY in doc.categories


def test_health_goals_go_to_a_partner_only_with_health_consent(
    services: Services, admin: Actor, pid: int, lawyer: int
) -> None:
    plan = make_plan(services, admin, pid)
    consent(
        services,
        admin,
        pid,
        lawyer,
        Purpose.CASE_WORK,
        DataCategory.IDENTITY,
        DataCategory.ACTION_PLAN,
    )
    doc = services.documents.prepare(
        admin, DocumentType.ACTION_PLAN, pid, lawyer, "en", plan_id=plan
    )
    text = text_of(doc.pdf)
    assert "Safe housing" in text and "Dental treatment" not in text
    assert DataCategory.HEALTH not in doc.categories


# --- consent ------------------------------------------------------------------------------


def test_printing_without_consent_is_refused_and_audited(
    services: Services, admin: Actor, pid: int, lawyer: int
) -> None:
    with pytest.raises(Forbidden) as err:
        services.documents.prepare(admin, DocumentType.STATUS_CONFIRMATION, pid, lawyer, "en")
    assert "not consented" in err.value.reason
    assert ("document.refused", "denied") in audit_actions(services, pid)
    assert log_rows(services) == []


def test_withdrawn_expired_and_wrong_purpose_consents_do_not_count(
    services: Services, admin: Actor, pid: int, lawyer: int
) -> None:
    docs = services.documents
    cid = consent(services, admin, pid, lawyer, Purpose.LEGAL_STATUS, DataCategory.LEGAL_STATUS)
    services.consents.withdraw(admin, cid)
    with pytest.raises(Forbidden, match="withdrew"):
        docs.prepare(admin, DocumentType.STATUS_CONFIRMATION, pid, lawyer, "en")
    consent(
        services,
        admin,
        pid,
        lawyer,
        Purpose.LEGAL_STATUS,
        DataCategory.LEGAL_STATUS,
        valid_to=dt.date(2026, 11, 20),
    )
    with pytest.raises(Forbidden, match=r"expired|withdrew"):
        docs.prepare(admin, DocumentType.STATUS_CONFIRMATION, pid, lawyer, "en")
    consent(services, admin, pid, lawyer, Purpose.CASE_WORK, DataCategory.LEGAL_STATUS)
    with pytest.raises(Forbidden):
        docs.prepare(admin, DocumentType.STATUS_CONFIRMATION, pid, lawyer, "en")


def test_consent_to_a_partner_kind_covers_every_partner_of_that_kind(
    services: Services, admin: Actor, pid: int, lawyer: int
) -> None:
    services.consents.record(
        admin,
        pid,
        ConsentInput(
            Purpose.LEGAL_STATUS,
            (DataCategory.LEGAL_STATUS,),
            dt.date(2026, 11, 12),
            partner_kind=PartnerKind.LEGAL,
        ),
    )
    doc = services.documents.prepare(admin, DocumentType.STATUS_CONFIRMATION, pid, lawyer, "en")
    assert doc.consent_id is not None
    police = partner_id(services, PartnerKind.POLICE)
    with pytest.raises(Forbidden):
        services.documents.prepare(admin, DocumentType.STATUS_CONFIRMATION, pid, police, "en")


def test_override_for_a_minor_with_a_reason_is_logged(
    services: Services, admin: Actor, child: int
) -> None:
    police = partner_id(services, PartnerKind.POLICE)
    docs = services.documents
    check = docs.check(admin, DocumentType.STATUS_CONFIRMATION, child, police)
    assert not check.allowed and check.needs_reason and "vital interests" in check.legal_basis
    with pytest.raises(Forbidden, match="stated reason"):
        docs.prepare(admin, DocumentType.STATUS_CONFIRMATION, child, police, "en")
    reason = "Child reported missing; police need confirmation of status tonight"
    doc = docs.prepare(admin, DocumentType.STATUS_CONFIRMATION, child, police, "en", reason=reason)
    assert doc.override_reason == reason and doc.consent_id is None
    entry = docs.record_output(admin, doc, DocumentAction.PRINT)
    assert entry.override_reason == reason and entry.partner_id == police
    [row] = log_rows(services)
    assert row.override_reason == reason and row.person_id == child
    assert ("document.print", "override") in audit_actions(services, child)


def test_override_needs_the_permission_and_a_lawful_case(
    services: Services, admin: Actor, site_ids: dict[str, int], pid: int, child: int
) -> None:
    police = partner_id(services, PartnerKind.POLICE)
    staff = make_user(services, admin, "sofie", Role.SHELTER_STAFF, site_ids["shelter"])
    with pytest.raises(Forbidden, match="team lead or administrator"):
        services.documents.prepare(
            staff, DocumentType.STATUS_CONFIRMATION, child, police, "en", reason="urgent"
        )
    # An adult: no lawful sharing with the police without consent, even for an administrator.
    with pytest.raises(Forbidden, match="cannot be shared"):
        services.documents.prepare(
            admin, DocumentType.STATUS_CONFIRMATION, pid, police, "en", reason="urgent"
        )


def test_consent_withdrawn_after_preview_blocks_the_print(
    services: Services, admin: Actor, pid: int, lawyer: int
) -> None:
    cid = consent(services, admin, pid, lawyer, Purpose.LEGAL_STATUS, DataCategory.LEGAL_STATUS)
    doc = services.documents.prepare(admin, DocumentType.STATUS_CONFIRMATION, pid, lawyer, "en")
    services.consents.withdraw(admin, cid)
    with pytest.raises(Forbidden, match="no longer"):
        services.documents.record_output(admin, doc, "print")
    assert log_rows(services) == []
    with pytest.raises(Invalid):
        services.documents.record_output(admin, replace(doc, pdf=doc.pdf + b" "), "save")


# --- recipients ---------------------------------------------------------------------------


def test_partner_kind_mismatch_is_refused(
    services: Services, admin: Actor, pid: int, doctor: int
) -> None:
    consent(services, admin, pid, doctor, Purpose.LEGAL_STATUS, DataCategory.LEGAL_STATUS)
    with pytest.raises(Forbidden, match="kind 'medical' may not receive"):
        services.documents.prepare(admin, DocumentType.STATUS_CONFIRMATION, pid, doctor, "en")
    with pytest.raises(Forbidden, match="for the person themself"):
        services.documents.prepare(admin, DocumentType.ACCESS_REPORT, pid, doctor, "en")
    with pytest.raises(Forbidden, match="must be addressed to a partner"):
        services.documents.prepare(admin, DocumentType.HEALTH_REFERRAL, pid, None, "en")
    assert sum(a == "document.refused" for a, _ in audit_actions(services, pid)) == 3


def test_guardian_summary_refused_after_the_guardianship_ended(
    services: Services, admin: Actor, child: int, pid: int
) -> None:
    doc = services.documents.prepare(admin, DocumentType.GUARDIAN_SUMMARY, child, None, "da")
    assert doc.recipient == "Karen Holm"
    services.contacts.end_guardian(admin, child, "New age assessment")
    with pytest.raises(Forbidden, match="no current guardianship"):
        services.documents.prepare(admin, DocumentType.GUARDIAN_SUMMARY, child, None, "da")
    with pytest.raises(Forbidden, match="guardian"):
        services.documents.prepare(admin, DocumentType.GUARDIAN_SUMMARY, pid, None, "en")


def test_field_groups_decide_who_may_print(
    services: Services, admin: Actor, site_ids: dict[str, int], pid: int, doctor: int
) -> None:
    nurse = make_user(services, admin, "nina", Role.NURSE, site_ids["clinic"])
    visit = services.visits.record_visit(
        nurse,
        VisitInput(site_ids["clinic"], person_id=pid, services=(VisitService.CONSULTATION,)),
    )
    consent(services, admin, pid, doctor, Purpose.HEALTH_CARE, DataCategory.HEALTH)
    # Clinical notes are for nurses; an administrator may not put them on paper.
    with pytest.raises(Forbidden):
        services.documents.prepare(
            admin, DocumentType.VISIT_SUMMARY, pid, doctor, "en", visit_id=visit.id
        )
    # Nurses never see whole action plans, so they cannot print one.
    with pytest.raises(Forbidden):
        services.documents.prepare(nurse, DocumentType.ACTION_PLAN, pid, None, "en")
    with pytest.raises(Forbidden):
        services.documents.prepare(nurse, DocumentType.ACCESS_REPORT, pid, None, "en")


def test_routing_table_is_consistent() -> None:
    for kind, types in PARTNER_DOCUMENTS.items():
        assert DocumentType.ACCESS_REPORT not in types
        assert set(document_types_for(kind)) == set(types)
    for kind, doc_type in OVERRIDES:
        assert doc_type in PARTNER_DOCUMENTS[kind]
    assert set(document_types_for(None)) == {
        DocumentType.ACTION_PLAN,
        DocumentType.ACCESS_REPORT,
        DocumentType.GUARDIAN_SUMMARY,
    }


# --- output and log -----------------------------------------------------------------------


def test_record_output_writes_log_and_audit_in_one_unit(
    services: Services, admin: Actor, pid: int, lawyer: int
) -> None:
    consent(services, admin, pid, lawyer, Purpose.LEGAL_STATUS, DataCategory.LEGAL_STATUS)
    doc = services.documents.prepare(admin, DocumentType.STATUS_CONFIRMATION, pid, lawyer, "da")
    assert doc.filename.startswith("status_confirmation_") and "Ioana" not in doc.filename
    entry = services.documents.record_output(admin, doc, DocumentAction.SAVE)
    assert (entry.doc_type, entry.action, entry.partner_name) == (
        DocumentType.STATUS_CONFIRMATION,
        DocumentAction.SAVE,
        "Advokat Test",
    )
    assert entry.sha256 == doc.sha256 and entry.pages == doc.pages and entry.language == "da"
    assert ("document.save", "ok") in audit_actions(services, pid)
    page = services.documents.log(admin, DocumentLogFilter(person_id=pid))
    assert page.total == 1 and page.items[0].id == entry.id
    assert services.documents.log(admin, DocumentLogFilter(overrides_only=True)).total == 0
    with pytest.raises(Invalid):
        services.documents.record_output(admin, doc, "fax")


def test_letterhead_setting(services: Services, admin: Actor, site_ids: dict[str, int]) -> None:
    assert services.documents.letterhead().organisation  # a sensible default
    staff = make_user(services, admin, "sofie", Role.SHELTER_STAFF, site_ids["shelter"])
    head = Letterhead("Krisecenter Øst", "Vej 1, 2100 København Ø", "+45 11 22 33 44", "a@b.dk")
    with pytest.raises(Forbidden):
        services.documents.save_letterhead(staff, head)
    assert services.documents.save_letterhead(admin, head) == head
    with pytest.raises(Invalid):
        services.documents.save_letterhead(admin, replace(head, organisation=" "))
    assert services.documents.letterhead() == head


def test_docs_show_the_routing_table() -> None:
    from pathlib import Path

    from clinic_app.services.documents import routing_markdown

    docs = Path(__file__).resolve().parents[3] / "docs" / "documents.md"
    assert routing_markdown() in docs.read_text(encoding="utf-8")


# --- only valid histories count (issue 15, item 6) --------------------------------------------


def _permit_then_void_the_grant(services: Services, actor: Actor, person: int) -> int:
    """A permit and its renewal; voiding the grant leaves a renewal without a grant."""
    cases = services.cases
    police = Authority.POLICE
    cases.record_event(
        actor, person, EventInput(EventKind.PERMIT_APPLICATION, D(11, 12), applicant=police)
    )
    grant = cases.record_event(actor, person, EventInput(EventKind.PERMIT_GRANTED, D(11, 15)))
    cases.record_event(
        actor, person, EventInput(EventKind.PERMIT_APPLICATION, D(11, 18), applicant=police)
    )
    renewal = cases.record_event(
        actor,
        person,
        EventInput(EventKind.PERMIT_RENEWED, D(11, 20), end_date=dt.date(2027, 11, 15)),
    )
    cases.void_event(actor, grant.id, "entered on the wrong person")
    return renewal.id


def D(month: int, day: int) -> dt.date:
    return dt.date(2026, month, day)


@pytest.mark.parametrize("lang", ["en", "da"])
def test_status_documents_are_refused_while_the_history_needs_correction(
    services: Services,
    admin: Actor,
    site_ids: dict[str, int],
    pid: int,
    child: int,
    lawyer: int,
    doctor: int,
    lang: str,
) -> None:
    nurse = make_user(services, admin, "nina", Role.NURSE, site_ids["clinic"])
    iom = partner_id(services, PartnerKind.IOM)
    consent(services, admin, pid, lawyer, Purpose.LEGAL_STATUS, DataCategory.LEGAL_STATUS)
    renewal = _permit_then_void_the_grant(services, admin, pid)
    _permit_then_void_the_grant(services, admin, child)
    view = services.timeline.timeline(admin, pid)
    assert view.status == "history_needs_correction" and not view.valid
    # Without its grant the renewal also runs from its own date: longer than 6 months.
    assert [v.code for v in view.violations] == ["renewal_without_grant", "permit_period_too_long"]
    assert all(d.unreliable for d in view.deadlines if d.kind.value != "history_correction")
    docs = services.documents
    attempts = (
        (admin, DocumentType.STATUS_CONFIRMATION, pid, lawyer),
        (nurse, DocumentType.HEALTH_REFERRAL, pid, doctor),
        (admin, DocumentType.IOM_REFERRAL, pid, iom),
        (admin, DocumentType.GUARDIAN_SUMMARY, child, None),
    )
    for actor, doc_type, person, partner in attempts:
        with pytest.raises(Forbidden) as refused:
            docs.prepare(actor, doc_type, person, partner, lang)
        word = "Refused" if lang == "en" else "Afvist"
        assert refused.value.reason.startswith(word), doc_type
        assert "2026-11-20" in refused.value.reason  # names the renewal without a grant
        assert any(a == "document.refused" for a, _ in audit_actions(services, person))
    # The print dialog's pre-check says the same, with the reason to render in its language.
    check = docs.check(admin, DocumentType.STATUS_CONFIRMATION, pid, lawyer)
    assert not check.allowed and check.code == "history" and check.message is not None
    assert "Historikken" in render(check.message, "da") or "rettes" in render(check.message, "da")
    # A document that states no status is not affected.
    docs.prepare(admin, DocumentType.ACCESS_REPORT, pid, None, lang)
    # Corrected (the renewal voided too): the status confirmation prints again.
    services.cases.void_event(admin, renewal, "no permit was granted")
    assert services.timeline.timeline(admin, pid).valid
    doc = docs.prepare(admin, DocumentType.STATUS_CONFIRMATION, pid, lawyer, lang)
    text = text_of(doc.pdf)
    note = "§722(2)" if lang == "en" else "§ 722, stk. 2"
    assert note in text  # the note beside the status (item 9)


def test_status_confirmation_says_expected_never_granted(
    services: Services, admin: Actor, pid: int, lawyer: int
) -> None:
    consent(services, admin, pid, lawyer, Purpose.LEGAL_STATUS, DataCategory.LEGAL_STATUS)
    services.cases.record_event(
        admin,
        pid,
        EventInput(
            EventKind.REFLECTION_EXTENSION_REQUESTED,
            D(11, 20),
            ground=ExtensionGround.RETURN_COOPERATION,
        ),
    )
    da = text_of(
        services.documents.prepare(admin, DocumentType.STATUS_CONFIRMATION, pid, lawyer, "da").pdf
    )
    en = text_of(
        services.documents.prepare(admin, DocumentType.STATUS_CONFIRMATION, pid, lawyer, "en").pdf
    )
    assert "FORVENTET" in da and "EXPECTED" not in da
    assert "EXPECTED" in en and "2027-03-10" in en  # 120 days from 2026-11-10
