"""Every document read as its partner reads it, in English and Danish, through the service.

Each letter must answer its reader's question, carry no empty heading and no raw code, and a
Danish document must contain none of the English words earlier versions printed there.
"""

# The fixtures come from the documents service tests; as parameters they shadow the import.
# ruff: noqa: F811

from __future__ import annotations

import datetime as dt
import re

import pytest
from sqlalchemy import select

from clinic_app.errors import Forbidden, Invalid
from clinic_app.models import AuditEvent, DocumentLog
from clinic_app.security.context import Actor
from clinic_app.services.consents import Purpose
from clinic_app.services.container import Services
from clinic_app.services.persons import NameInput
from clinic_app.services.referrals import ReferralInput
from clinic_app.services.visitors import VisitorInput
from clinic_app.services.visits import VisitInput
from clinic_app.vocabulary import DataCategory, DocumentType, PartnerKind, Role, VisitService
from tests.conftest import make_user
from tests.unit.services.test_cases import register
from tests.unit.services.test_documents_service import (  # noqa: F401  (fixtures)
    child,
    consent,
    doctor,
    identify,
    lawyer,
    make_plan,
    partner_id,
    pid,
    text_of,
)

# English that once reached Danish documents (country and language names, labels, plurals).
ENGLISH_IN_DANISH = (
    "Syrian Arab Republic",
    "Syria",
    "Arabic",
    "Romanian",
    "day(s)",
    "Page ",
    "Signature",
    "Reason for referral",
    "Covered services",
    "None recorded",
    "Until further notice",
    "Not set",
    "Presumed victim",
    "Identified as",
    "Rule set",
    "Shared with",
    "Valid until",
    "Paid by",
    "To be confirmed",
    "Viewed the record",
    "Doctor",
    "Legal stay",
    "What happens",
)
# A code as the software stores it: person.view, legal_status, plan_state ...
RAW_CODE = re.compile(r"\b[a-z]+(?:\.[a-z_]+|_[a-z_]+)\b")
LANGUAGE_CODE = re.compile(r"(?:tolk på|interpreter in|Tolk|Interpreter)[:\s]+(?:ar|ro|th|uk)\b")


def flat(pdf: bytes) -> str:
    return " ".join(text_of(pdf).split())


@pytest.fixture
def syrian(services: Services, admin: Actor, site_ids: dict[str, int]) -> int:
    """A Syrian woman who needs an Arabic interpreter, identified, with a doctor's consent."""
    person = register(
        services,
        admin,
        site_ids["shelter"],
        names=(NameInput("Layla Haddad", preferred=True),),
        nationality="SY",
        interpreter_needed=True,
        interpreter_language="ar",
        languages=("ar",),
    )
    identify(services, admin, person)
    return person


def all_documents(
    services: Services,
    admin: Actor,
    nurse: Actor,
    person: int,
    child_id: int,
    lawyer_id: int,
    doctor_id: int,
    clinic: int,
    lang: str,
) -> dict[DocumentType, str]:
    plan = make_plan(services, admin, person)
    consent(services, admin, person, lawyer_id, Purpose.LEGAL_STATUS, DataCategory.LEGAL_STATUS)
    consent(services, admin, person, doctor_id, Purpose.HEALTH_CARE, DataCategory.HEALTH)
    iom = partner_id(services, PartnerKind.IOM)
    consent(
        services,
        admin,
        person,
        iom,
        Purpose.ASSISTED_RETURN,
        DataCategory.IDENTITY,
        DataCategory.LEGAL_STATUS,
    )
    visit = services.visits.record_visit(
        nurse,
        VisitInput(
            clinic,
            person_id=person,
            visited_at=dt.datetime(2026, 11, 20, 10, 0),
            services=(VisitService.CONSULTATION,),
            reason="Toothache",
            clinical_notes="Molar abscess; antibiotics given.",
            interpreter_language="ar",
        ),
    )
    docs = services.documents
    out = {
        DocumentType.STATUS_CONFIRMATION: docs.prepare(
            admin, DocumentType.STATUS_CONFIRMATION, person, lawyer_id, lang
        ),
        DocumentType.ACTION_PLAN: docs.prepare(
            admin, DocumentType.ACTION_PLAN, person, None, lang, plan_id=plan
        ),
        DocumentType.HEALTH_REFERRAL: docs.prepare(
            nurse, DocumentType.HEALTH_REFERRAL, person, doctor_id, lang
        ),
        DocumentType.VISIT_SUMMARY: docs.prepare(
            nurse, DocumentType.VISIT_SUMMARY, person, doctor_id, lang, visit_id=visit.id
        ),
        DocumentType.IOM_REFERRAL: docs.prepare(
            admin, DocumentType.IOM_REFERRAL, person, iom, lang
        ),
        DocumentType.CONSENT_FORM: docs.prepare(
            admin, DocumentType.CONSENT_FORM, person, lawyer_id, lang
        ),
        DocumentType.ACCESS_REPORT: docs.prepare(
            admin, DocumentType.ACCESS_REPORT, person, None, lang
        ),
        DocumentType.GUARDIAN_SUMMARY: docs.prepare(
            admin, DocumentType.GUARDIAN_SUMMARY, child_id, None, lang
        ),
    }
    return {t: flat(d.pdf) for t, d in out.items()}


@pytest.mark.parametrize("lang", ["en", "da"])
def test_every_document_answers_its_reader_without_codes(
    services: Services,
    admin: Actor,
    site_ids: dict[str, int],
    syrian: int,
    child: int,
    lawyer: int,
    doctor: int,
    lang: str,
) -> None:
    nurse = make_user(services, admin, "nina", Role.NURSE, site_ids["clinic"])
    texts = all_documents(
        services, admin, nurse, syrian, child, lawyer, doctor, site_ids["clinic"], lang
    )
    da = lang == "da"
    for doc_type, text in texts.items():
        assert not RAW_CODE.search(text), (doc_type, RAW_CODE.search(text))
        assert not LANGUAGE_CODE.search(text), doc_type
        if da:
            found = [w for w in ENGLISH_IN_DANISH if w in text]
            assert not found, (doc_type, found)

    status = texts[DocumentType.STATUS_CONFIRMATION]
    # status, legal stay and the next deadline with what happens then, before the details
    assert ("Status kort fortalt" if da else "Status in brief") in status
    assert ("Intet lovligt ophold i Danmark" if da else "No legal stay in Denmark") in status
    assert ("skal personen udrejse" if da else "the person must leave") in status
    assert ("regnet fra" if da else "counted from") in status

    referral = texts[DocumentType.HEALTH_REFERRAL]
    assert ("Ingen konkret henvisning" if da else "No specific referral") in referral
    assert ("Hvem betaler" if da else "Who pays") in referral
    assert ("arabisk" if da else "Arabic") in referral  # the interpreter's language, by name
    assert referral.count("Til:" if da else "To:") == 1  # the recipient block only

    iom = texts[DocumentType.IOM_REFERRAL]
    assert ("Syriske Arabiske Republik" if da else "Syria") in iom
    assert "—" not in iom.split("Helbredsmæssige" if da else "Health needs")[1][:40]

    consent_form = texts[DocumentType.CONSENT_FORM]
    # the person's own form: no "To: <partner>" block addressed to the lawyer
    assert not consent_form.startswith("Til: Advokat") and "Til: Advokat Test" not in consent_form

    plan = texts[DocumentType.ACTION_PLAN]
    assert ("Opfølgningsdato" if da else "Review date") not in plan or "24" in plan

    report = texts[DocumentType.ACCESS_REPORT]
    for heading in (
        ("Former for udnyttelse", "Forms of exploitation"),
        ("Kontaktperson og personlig repræsentant", "Contact person and guardian"),
        ("Henvisninger", "Referrals"),
        ("Modtagere, opbevaring og dine rettigheder", "Recipients, storage and your rights"),
    ):
        assert heading[0 if da else 1] in report
    assert ("Klargjorde et dokument" if da else "Prepared a document") in report
    assert ("Der er kliniske notater for 1" if da else "Clinical notes are held for 1") in report


@pytest.mark.parametrize("lang", ["en", "da"])
def test_a_referral_with_nothing_covered_says_so_and_whom_to_contact(
    services: Services,
    admin: Actor,
    site_ids: dict[str, int],
    doctor: int,
    lang: str,
) -> None:
    nurse = make_user(services, admin, "nina", Role.NURSE, site_ids["clinic"])
    person = register(services, admin, site_ids["shelter"])  # no case events: nothing covered
    consent(services, admin, person, doctor, Purpose.HEALTH_CARE, DataCategory.HEALTH)
    text = flat(
        services.documents.prepare(nurse, DocumentType.HEALTH_REFERRAL, person, doctor, lang).pdf
    )
    assert (
        "ingen dækkede sundhedsydelser" if lang == "da" else "No health services are covered"
    ) in text
    assert "is entitled" not in text and "har ret til" not in text
    assert ("Henvist af" if lang == "da" else "Referred by") in text  # whom to contact


def test_the_plan_printed_is_the_agreed_one_and_a_draft_only_on_request(
    services: Services,
    admin: Actor,
    pid: int,
) -> None:
    plan = make_plan(services, admin, pid, agree=False)
    with pytest.raises(Invalid, match="not been agreed"):
        services.documents.prepare(admin, DocumentType.ACTION_PLAN, pid, None, "en", plan_id=plan)
    draft = flat(
        services.documents.prepare(
            admin, DocumentType.ACTION_PLAN, pid, None, "en", plan_id=plan, draft=True
        ).pdf
    )
    assert "DRAFT" in draft and "do not sign it" in draft and "Signature" not in draft
    assert "Agreed" not in draft


def test_health_goals_left_out_of_a_partners_copy_are_replaced_by_a_line(
    services: Services,
    admin: Actor,
    pid: int,
    lawyer: int,
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
    text = flat(
        services.documents.prepare(
            admin, DocumentType.ACTION_PLAN, pid, lawyer, "da", plan_id=plan
        ).pdf
    )
    assert "Dental treatment" not in text
    assert "Planen har også mål for sundhed" in text


def test_withdrawn_or_expired_consents_do_not_print_as_forms(
    services: Services,
    admin: Actor,
    pid: int,
    lawyer: int,
) -> None:
    expired = consent(
        services,
        admin,
        pid,
        lawyer,
        Purpose.LEGAL_STATUS,
        DataCategory.LEGAL_STATUS,
        valid_to=dt.date(2026, 11, 13),
    )
    with pytest.raises(Invalid, match="expired"):
        services.documents.prepare(
            admin, DocumentType.CONSENT_FORM, pid, lawyer, "en", consent_id=expired
        )
    with pytest.raises(Invalid, match="No consent in force"):
        services.documents.prepare(admin, DocumentType.CONSENT_FORM, pid, lawyer, "en")
    current = consent(services, admin, pid, lawyer, Purpose.LEGAL_STATUS, DataCategory.LEGAL_STATUS)
    services.consents.withdraw(admin, current)
    with pytest.raises(Invalid, match="withdrawn"):
        services.documents.prepare(
            admin, DocumentType.CONSENT_FORM, pid, lawyer, "en", consent_id=current
        )


@pytest.mark.parametrize("lang", ["en", "da"])
def test_a_nurse_may_refer_to_a_doctor_without_consent_with_a_reason_marked_on_every_page(
    services: Services,
    admin: Actor,
    site_ids: dict[str, int],
    pid: int,
    doctor: int,
    lang: str,
) -> None:
    nurse = make_user(services, admin, "nina", Role.NURSE, site_ids["clinic"])
    with pytest.raises(Forbidden, match="only with a stated reason"):
        services.documents.prepare(nurse, DocumentType.HEALTH_REFERRAL, pid, doctor, lang)
    doc = services.documents.prepare(
        nurse,
        DocumentType.HEALTH_REFERRAL,
        pid,
        doctor,
        lang,
        reason="Unconscious on arrival; cannot consent",
    )
    text = flat(doc.pdf)
    mark = (
        "Videregivet uden den pågældendes samtykke efter"
        if lang == "da"
        else ("Shared without the person's consent under")
    )
    assert text.count(mark) == doc.pages
    assert ("sundhedsloven § 43" if lang == "da" else "Health Act §43(2)") in text
    entry = services.documents.record_output(nurse, doc, "print")
    assert entry.override_reason == "Unconscious on arrival; cannot consent"
    # ... but a nurse cannot use the bases meant for a child's case work
    police = partner_id(services, PartnerKind.POLICE)
    with pytest.raises(Forbidden):
        services.documents.prepare(
            nurse, DocumentType.STATUS_CONFIRMATION, pid, police, lang, reason="x"
        )


def test_a_referral_to_a_municipality_is_not_addressed_to_a_doctor(
    services: Services, admin: Actor, site_ids: dict[str, int], pid: int
) -> None:
    nurse = make_user(services, admin, "nina", Role.NURSE, site_ids["clinic"])
    town = services.reference.save_partner(
        admin, None, name="Kommune Midt", kind=PartnerKind.MUNICIPALITY
    ).id
    consent(services, admin, pid, town, Purpose.HEALTH_CARE, DataCategory.HEALTH)
    text = flat(
        services.documents.prepare(nurse, DocumentType.HEALTH_REFERRAL, pid, town, "da").pdf
    )
    assert "Til: Kommune Midt" in text and text.count("Til:") == 1 and "Læge" not in text


def test_an_anonymous_visitor_gets_her_documents_by_card_code(
    services: Services, admin: Actor, site_ids: dict[str, int], doctor: int
) -> None:
    nurse = make_user(services, admin, "nina", Role.NURSE, site_ids["clinic"])
    staff = make_user(services, admin, "sofie", Role.SHELTER_STAFF, site_ids["shelter"])
    visitor = services.visitors.create(
        nurse, VisitorInput(nickname="Mira", nationality="NG", language="ar")
    )
    visit = services.visits.record_visit(
        nurse,
        VisitInput(
            site_ids["clinic"],
            visitor_id=visitor.id,
            visited_at=dt.datetime(2026, 11, 20, 10, 0),
            services=(VisitService.CONSULTATION,),
            reason="Cough",
            clinical_notes="Chest clear; rest advised.",
        ),
    )
    referral = services.referrals.create(
        nurse, ReferralInput("doctor", "Persistent cough", visitor_id=visitor.id)
    )
    docs = services.documents
    own = docs.prepare_for_visitor(
        nurse,
        DocumentType.VISIT_SUMMARY,
        visitor.code.lower(),
        None,
        "da",
        visit_id=visit.id,
        include_name=True,
    )
    text = flat(own.pdf)
    assert "Chest clear" in text and f"Mira ({visitor.code})" in text and visitor.code in text
    letter = flat(
        docs.prepare_for_visitor(
            nurse,
            DocumentType.HEALTH_REFERRAL,
            visitor.code,
            None,
            "en",
            referral_id=referral.id,
        ).pdf
    )
    assert "Persistent cough" in letter and "Arabic" in letter
    entry = docs.record_output(nurse, own, "print")
    assert entry.case_ref == visitor.code and entry.person_id is None

    # to a doctor: no consent can be on file, so only with a reason, marked on the page
    with pytest.raises(Forbidden, match="no consent on record"):
        docs.prepare_for_visitor(
            nurse, DocumentType.VISIT_SUMMARY, visitor.code, doctor, "en", visit_id=visit.id
        )
    sent = docs.prepare_for_visitor(
        nurse,
        DocumentType.VISIT_SUMMARY,
        visitor.code,
        doctor,
        "en",
        visit_id=visit.id,
        reason="Collapsed at the clinic",
    )
    assert "Shared without the person's consent under" in flat(sent.pdf)
    assert docs.record_output(nurse, sent, "save").override_reason == "Collapsed at the clinic"
    # shelter staff read no clinical notes: refused, and the refusal is audited
    with pytest.raises(Forbidden):
        docs.prepare_for_visitor(
            staff, DocumentType.VISIT_SUMMARY, visitor.code, None, "en", visit_id=visit.id
        )
    with services.db.read() as s:
        refused = s.scalars(select(AuditEvent).where(AuditEvent.action == "document.refused")).all()
        logged = s.scalars(select(DocumentLog).where(DocumentLog.visitor_id == visitor.id)).all()
    assert refused and len(logged) == 2
    with pytest.raises(Invalid):
        docs.prepare_for_visitor(nurse, DocumentType.ACTION_PLAN, visitor.code, None, "en")
