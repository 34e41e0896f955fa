"""Render one sample of every document type from demo data to PNG, for reviewers.

Builds a small demo database (60 fictional persons) in a temporary folder, records the
consents the documents need, prepares each document through ``DocumentService`` (so the
permission, partner-kind and consent checks run as in the app) and renders the first page
of each with QtPdf into ``docs/samples/<type>_<lang>.png``. Headless (offscreen Qt).

    .venv/bin/python scripts/render_samples.py [--out docs/samples] [--dpi 110]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import select  # noqa: E402

from clinic_app.documents.data import Letterhead  # noqa: E402
from clinic_app.models import ActionPlan, GuardianAssignment, Person, Visit  # noqa: E402
from clinic_app.rules import compute_entitlements, compute_timeline  # noqa: E402
from clinic_app.security.context import Actor  # noqa: E402
from clinic_app.services.consents import ConsentInput, Purpose  # noqa: E402
from clinic_app.services.container import (  # noqa: E402
    Services,
    build_services,
    open_database,
)
from clinic_app.services.demo_data import (  # noqa: E402
    ADMIN_PASSWORD,
    STAFF_PASSWORD,
    generate_demo_data,
)
from clinic_app.services.documents import PreparedDocument  # noqa: E402
from clinic_app.services.facts_loader import load_facts  # noqa: E402
from clinic_app.vocabulary import DataCategory, DocumentType, PartnerKind  # noqa: E402

DAY = dt.date(2026, 11, 26)
LANGUAGES = ("en", "da")


def pick_people(svc: Services) -> tuple[int, int, int, int]:
    """(an identified adult in the reflection period with a plan, a minor with a current
    guardian, the person of a visit with clinical notes, a person with covered health care
    today)."""
    with svc.db.read() as s:
        adult = minor = visit_person = covered = None
        guarded = set(
            s.scalars(
                select(GuardianAssignment.person_id).where(GuardianAssignment.ended_date.is_(None))
            )
        )
        planned = set(s.scalars(select(ActionPlan.person_id)))
        for person in s.scalars(select(Person).where(Person.archived_at.is_(None))):
            facts = load_facts(s, person)
            t = compute_timeline(facts, DAY)
            if covered is None and any(e.covered for e in compute_entitlements(facts, DAY)):
                covered = person.id
            if minor is None and t.is_minor and person.id in guarded:
                minor = person.id
            if (
                adult is None
                and person.id in planned
                and t.is_minor is False
                and t.reflection.start is not None
                and t.identification.state.value == "identified"
            ):
                adult = person.id
        visit_person = s.scalar(
            select(Visit.person_id)
            .where(Visit.person_id.is_not(None), Visit.clinical_notes != "")
            .order_by(Visit.id)
            .limit(1)
        )
    if adult is None or minor is None or visit_person is None or covered is None:
        raise SystemExit("the demo data lacks a person for some document; try another seed")
    return adult, minor, visit_person, covered


def consent(svc: Services, actor: Actor, person: int, partner: int, purpose: Purpose) -> None:
    cats = {
        Purpose.LEGAL_STATUS: (DataCategory.LEGAL_STATUS, DataCategory.IDENTITY),
        Purpose.CASE_WORK: (DataCategory.IDENTITY, DataCategory.ACTION_PLAN),
        Purpose.HEALTH_CARE: (DataCategory.HEALTH, DataCategory.IDENTITY),
        Purpose.ASSISTED_RETURN: (DataCategory.IDENTITY, DataCategory.LEGAL_STATUS),
    }[purpose]
    svc.consents.record(
        actor,
        person,
        ConsentInput(
            purpose,
            cats,
            DAY - dt.timedelta(days=3),
            DAY + dt.timedelta(days=180),
            partner_id=partner,
            purpose_note="sample",
        ),
    )


def prepare_all(svc: Services) -> list[PreparedDocument]:
    admin = svc.users.authenticate("admin", ADMIN_PASSWORD, "samples")
    nurse = svc.users.authenticate("nurse", STAFF_PASSWORD, "samples")
    svc.documents.save_letterhead(
        admin,
        Letterhead(
            "Krisecenter Øresund (demo)",
            "Postboks 123, 1620 København V",
            "+45 70 00 00 00",
            "kontakt@example.org",
        ),
    )
    adult, minor, visit_person, covered = pick_people(svc)
    lawyer = svc.reference.partners(PartnerKind.LEGAL)[0].id
    iom = svc.reference.partners(PartnerKind.IOM)[0].id
    doctor = next(p.id for p in svc.reference.partners(PartnerKind.MEDICAL) if "Tand" in p.name)
    police = svc.reference.partners(PartnerKind.POLICE)[0].id
    consent(svc, admin, adult, lawyer, Purpose.LEGAL_STATUS)
    consent(svc, admin, adult, iom, Purpose.ASSISTED_RETURN)
    consent(svc, admin, adult, doctor, Purpose.HEALTH_CARE)
    consent(svc, admin, visit_person, doctor, Purpose.HEALTH_CARE)
    if covered not in (adult, visit_person):
        consent(svc, admin, covered, doctor, Purpose.HEALTH_CARE)
    with svc.db.read() as s:
        visit = s.scalar(
            select(Visit.id)
            .where(Visit.person_id == visit_person, Visit.clinical_notes != "")
            .order_by(Visit.id)
            .limit(1)
        )
    out: list[PreparedDocument] = []
    docs = svc.documents
    for lang in LANGUAGES:
        out.append(docs.prepare(admin, DocumentType.STATUS_CONFIRMATION, adult, lawyer, lang))
        out.append(docs.prepare(admin, DocumentType.IOM_REFERRAL, adult, iom, lang))
        out.append(docs.prepare(admin, DocumentType.CONSENT_FORM, adult, lawyer, lang))
        out.append(
            docs.prepare(
                nurse, DocumentType.HEALTH_REFERRAL, covered, doctor, lang, include_name=True
            )
        )
        out.append(
            docs.prepare(
                nurse, DocumentType.VISIT_SUMMARY, visit_person, doctor, lang, visit_id=visit
            )
        )
        out.append(docs.prepare(admin, DocumentType.ACTION_PLAN, adult, None, lang))
        out.append(docs.prepare(admin, DocumentType.GUARDIAN_SUMMARY, minor, None, lang))
        out.append(docs.prepare(admin, DocumentType.ACCESS_REPORT, adult, None, lang))
    # The lawful override: the police, about a minor, with a stated reason.
    out.append(
        docs.prepare(
            admin,
            DocumentType.STATUS_CONFIRMATION,
            minor,
            police,
            "en",
            reason="Sample: child reported missing",
        )
    )
    for doc in out:
        docs.record_output(admin, doc, "export")
    return out


def render_png(pdf: bytes, path: Path, dpi: int) -> None:
    """The first page of ``pdf`` as a PNG, drawn by QtPdf."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize
    from PySide6.QtGui import QColor, QImage, QPainter
    from PySide6.QtPdf import QPdfDocument

    buffer = QBuffer()
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    if document.status() != QPdfDocument.Status.Ready:
        raise RuntimeError(f"QtPdf could not load the document: {document.error()}")
    points = document.pagePointSize(0)
    size = QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
    page = document.render(0, size)
    # Transparent background → white, so the PNG reads like paper in any viewer.
    image = QImage(size, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.drawImage(0, 0, page)
    painter.end()
    # Documents are black and grey on white: 8-bit grey keeps the files small.
    image = image.convertToFormat(QImage.Format.Format_Grayscale8)
    if not image.save(str(path), "PNG"):
        raise RuntimeError(f"could not write {path}")
    document.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "samples")
    parser.add_argument("--dpi", type=int, default=110)
    args = parser.parse_args(argv)

    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    del app
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="clinic-samples-") as tmp:
        db = open_database(f"sqlite:///{Path(tmp) / 'demo.db'}")
        generate_demo_data(db, persons=60, seed=1, today=DAY)
        svc = build_services(db, clock=lambda: DAY, demo=True)
        try:
            docs = prepare_all(svc)
        finally:
            svc.close()
    args.out.mkdir(parents=True, exist_ok=True)
    written = 0
    for doc in docs:
        name = f"{doc.doc_type.value}_{doc.language}"
        if doc.override_reason:
            name += "_override"
        render_png(doc.pdf, args.out / f"{name}.png", args.dpi)
        written += 1
        print(f"{name}.png  {doc.pages} page(s)  {doc.title}")
    print(f"{written} samples in {args.out} ({time.perf_counter() - started:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
