"""The print dialog, the person's Documents tab and the Documents area, driven by accessible
names: preview, save and print are logged; a partner without consent shows the refusal; the
reason field appears only where sharing without consent is lawful."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TypeVar

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QWidget,
)
from sqlalchemy import select

from clinic_app.models import DocumentLog
from clinic_app.security.context import Actor
from clinic_app.services.cases import EventInput
from clinic_app.services.consents import ConsentInput, Purpose
from clinic_app.services.contacts import GuardianInput
from clinic_app.services.container import Services
from clinic_app.services.persons import NameInput, PersonInput
from clinic_app.services.visitors import VisitorInput
from clinic_app.services.visits import VisitInput
from clinic_app.ui.clinic.visitor_history import VisitorHistoryView
from clinic_app.ui.context import UiContext
from clinic_app.ui.documents.person_tab import ConsentDialog, DocumentsTab
from clinic_app.ui.documents.print_dialog import PrintDialog
from clinic_app.ui.pages.documents import DocumentsPage
from clinic_app.ui.settings import AppSettings
from clinic_app.vocabulary import (
    Authority,
    BirthCertainty,
    DataCategory,
    DocumentType,
    EventKind,
    LegalStay,
    Outcome,
    PartnerKind,
    Role,
    VisitService,
)
from tests.conftest import make_user

W = TypeVar("W", bound=QWidget)


def find(root: QWidget, name: str, kind: type[W]) -> W:
    found = [w for w in root.findChildren(kind) if w.accessibleName() == name]
    assert len(found) == 1, f"{len(found)} widgets named {name!r}"
    return found[0]


def click(qtbot: object, root: QWidget, name: str) -> None:
    button = find(root, name, QPushButton)
    assert button.isEnabled(), f"{name!r} is disabled"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]


def choose(combo: QComboBox, data: object) -> None:
    index = combo.findData(data)
    assert index >= 0, f"{data!r} not offered"
    combo.setCurrentIndex(index)


def person(services: Services, admin: Actor, site_id: int, birth: dt.date) -> int:
    pid = services.persons.register(
        admin,
        PersonInput(
            names=(NameInput("Ioana Țăranu"),),
            birth_certainty=BirthCertainty.EXACT,
            birth_date=birth,
            site_id=site_id,
        ),
    ).id
    services.cases.record_event(
        admin, pid, EventInput(EventKind.FIRST_CONTACT, dt.date(2026, 11, 1))
    )
    services.cases.record_event(
        admin,
        pid,
        EventInput(
            EventKind.IDENTIFICATION,
            dt.date(2026, 11, 10),
            authority=Authority.IMMIGRATION_SERVICE,
            outcome=Outcome.IDENTIFIED,
            legal_stay=LegalStay.NONE,
        ),
    )
    return pid


@pytest.fixture
def ctx(services: Services, admin: Actor, tmp_path: Path) -> UiContext:
    return UiContext(services, admin, AppSettings(str(tmp_path / "settings.ini")))


@pytest.fixture
def lawyer(services: Services, admin: Actor) -> int:
    return services.reference.save_partner(
        admin, None, name="Advokat Test", kind=PartnerKind.LEGAL
    ).id


@pytest.fixture
def pid(services: Services, admin: Actor, site_ids: dict[str, int], lawyer: int) -> int:
    p = person(services, admin, site_ids["shelter"], dt.date(1995, 3, 4))
    services.consents.record(
        admin,
        p,
        ConsentInput(
            Purpose.LEGAL_STATUS, (DataCategory.LEGAL_STATUS,), dt.date(2026, 11, 12), None, lawyer
        ),
    )
    return p


def dialog_for(qtbot: object, ctx: UiContext, pid: int, doc_type: DocumentType) -> PrintDialog:
    dialog = PrintDialog(ctx, pid, doc_type=doc_type)
    qtbot.addWidget(dialog)  # type: ignore[attr-defined]
    dialog.show()
    return dialog


def log_rows(services: Services) -> list[DocumentLog]:
    with services.db.read() as s:
        return list(s.scalars(select(DocumentLog).order_by(DocumentLog.id)))


def test_preview_shows_the_pages(qtbot: object, ctx: UiContext, pid: int, lawyer: int) -> None:
    dialog = dialog_for(qtbot, ctx, pid, DocumentType.STATUS_CONFIRMATION)
    choose(find(dialog, "Recipient", QComboBox), lawyer)
    assert find(dialog, "Sharing status", QLabel).text() == ""
    assert not find(dialog, "Reason for sharing without consent", QPlainTextEdit).isVisible()
    choose(find(dialog, "Document language", QComboBox), "da")
    click(qtbot, dialog, "Preview")
    qtbot.waitUntil(lambda: dialog.prepared is not None, timeout=10_000)  # type: ignore[attr-defined]
    assert dialog.pdf.pageCount() == 1
    assert "1" in find(dialog, "Pages", QLabel).text()
    assert dialog.prepared is not None and dialog.prepared.language == "da"
    assert log_rows(ctx.services) == []  # previewing logs nothing


def test_save_writes_a_pdf_and_a_log_row(
    qtbot: object,
    ctx: UiContext,
    pid: int,
    lawyer: int,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    target = tmp_path / "out" / "status"
    target.parent.mkdir()
    monkeypatch.setattr(PrintDialog, "ask_save_path", staticmethod(lambda _p, _s: str(target)))
    dialog = dialog_for(qtbot, ctx, pid, DocumentType.STATUS_CONFIRMATION)
    choose(find(dialog, "Recipient", QComboBox), lawyer)
    click(qtbot, dialog, "Save as PDF")
    saved = target.with_suffix(".pdf")
    qtbot.waitUntil(saved.exists, timeout=10_000)  # type: ignore[attr-defined]
    text = PdfReader(str(saved)).pages[0].extract_text()
    case_ref = ctx.services.persons.get(ctx.actor, pid).case_ref
    assert case_ref in text
    [row] = log_rows(ctx.services)
    assert row.action.value == "save" and row.partner_id == lawyer and row.person_id == pid
    assert [p.name for p in saved.parent.iterdir()] == ["status.pdf"]  # no temporary left


def test_print_renders_pages_and_logs(
    qtbot: object,
    ctx: UiContext,
    pid: int,
    lawyer: int,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    out = tmp_path / "printed.pdf"

    def fake_dialog(_parent: QWidget, printer: QPrinter) -> bool:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        return True

    monkeypatch.setattr(PrintDialog, "run_print_dialog", staticmethod(fake_dialog))
    dialog = dialog_for(qtbot, ctx, pid, DocumentType.STATUS_CONFIRMATION)
    choose(find(dialog, "Recipient", QComboBox), lawyer)
    click(qtbot, dialog, "Print")
    qtbot.waitUntil(lambda: bool(log_rows(ctx.services)), timeout=10_000)  # type: ignore[attr-defined]
    assert log_rows(ctx.services)[0].action.value == "print"
    qtbot.waitUntil(lambda: out.exists() and out.stat().st_size > 1000, timeout=10_000)  # type: ignore[attr-defined]
    assert len(PdfReader(str(out)).pages) == 1


def test_a_partner_without_consent_shows_the_refusal(
    qtbot: object, ctx: UiContext, pid: int
) -> None:
    police = ctx.services.reference.partners(PartnerKind.POLICE)[0].id
    dialog = dialog_for(qtbot, ctx, pid, DocumentType.STATUS_CONFIRMATION)
    choose(find(dialog, "Recipient", QComboBox), police)
    status = find(dialog, "Sharing status", QLabel)
    assert "not given a valid consent" in status.text()
    assert status.textFormat() == Qt.TextFormat.PlainText
    assert not find(dialog, "Preview", QPushButton).isEnabled()
    assert not find(dialog, "Save as PDF", QPushButton).isEnabled()
    assert not find(dialog, "Reason for sharing without consent", QPlainTextEdit).isVisible()


def test_reason_field_only_where_the_law_allows_it(
    qtbot: object, ctx: UiContext, services: Services, admin: Actor, site_ids: dict[str, int]
) -> None:
    child = person(services, admin, site_ids["shelter"], dt.date(2011, 1, 5))
    services.contacts.record_guardian(admin, child, GuardianInput("Karen Holm"))
    police = services.reference.partners(PartnerKind.POLICE)[0].id
    dialog = dialog_for(qtbot, ctx, child, DocumentType.STATUS_CONFIRMATION)
    choose(find(dialog, "Recipient", QComboBox), police)
    reason = find(dialog, "Reason for sharing without consent", QPlainTextEdit)
    assert reason.isVisible()
    assert "vital interests" in find(dialog, "Legal basis", QLabel).text()
    preview = find(dialog, "Preview", QPushButton)
    assert not preview.isEnabled()
    reason.setPlainText("Child reported missing tonight")
    assert preview.isEnabled()
    click(qtbot, dialog, "Preview")
    qtbot.waitUntil(lambda: dialog.prepared is not None, timeout=10_000)  # type: ignore[attr-defined]
    assert dialog.prepared is not None
    assert dialog.prepared.override_reason == "Child reported missing tonight"
    # The guardian summary is offered to the current guardian, with no partner.
    choose(find(dialog, "Document type", QComboBox), DocumentType.GUARDIAN_SUMMARY.value)
    assert find(dialog, "Recipient", QComboBox).currentText() == "The current guardian"
    assert find(dialog, "Sharing status", QLabel).text() == ""
    assert not find(dialog, "Include name", QCheckBox).isEnabled()


def test_person_tab_records_and_withdraws_consent(
    qtbot: object,
    ctx: UiContext,
    services: Services,
    admin: Actor,
    site_ids: dict[str, int],
    lawyer: int,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from clinic_app.ui import common

    monkeypatch.setattr(common.prompter, "confirm", lambda *_a: True)
    p = person(services, admin, site_ids["shelter"], dt.date(1995, 3, 4))
    tab = DocumentsTab(ctx, p)
    qtbot.addWidget(tab)  # type: ignore[attr-defined]
    tab.show()
    assert find(tab, "Print document", QPushButton).isEnabled()
    dialog = ConsentDialog(ctx, p, tab)
    qtbot.addWidget(dialog)  # type: ignore[attr-defined]
    choose(find(dialog, "Consent recipient", QComboBox), f"partner:{lawyer}")
    choose(find(dialog, "Consent purpose", QComboBox), Purpose.LEGAL_STATUS.value)
    click(qtbot, dialog, "Save consent")
    assert "at least one" in find(dialog, "Consent error", QLabel).text()
    find(dialog, "Data: Legal status", QCheckBox).setChecked(True)
    find(dialog, "What the person agreed to", QLineEdit).setText("For her lawyer")
    click(qtbot, dialog, "Save consent")
    assert dialog.saved is not None
    table = find(tab, "Consents", QTableWidget)
    assert table.rowCount() == 1 and table.item(0, 0).text() == "Advokat Test"
    assert table.item(0, 5).text() == "in force"
    table.selectRow(0)
    click(qtbot, tab, "Withdraw consent")
    assert table.item(0, 5).text() == "withdrawn"


def test_documents_area_log_and_partner_editing(
    qtbot: object, ctx: UiContext, pid: int, lawyer: int
) -> None:
    docs = ctx.services.documents
    prepared = docs.prepare(ctx.actor, DocumentType.STATUS_CONFIRMATION, pid, lawyer, "en")
    docs.record_output(ctx.actor, prepared, "save")
    page = DocumentsPage(ctx)
    qtbot.addWidget(page)  # type: ignore[attr-defined]
    page.show()
    log = find(page, "Document log", QTableWidget)
    assert log.rowCount() == 1 and log.item(0, 3).text() == "Advokat Test"
    find(page, "Only shared without consent", QCheckBox).setChecked(True)
    assert log.rowCount() == 0
    # A new partner through the directory editor.
    page.tabs.setCurrentIndex(1)
    click(qtbot, page, "New partner")
    find(page, "Partner name", QLineEdit).setText("Tandlæge Nord")
    choose(find(page, "Partner kind", QComboBox), PartnerKind.MEDICAL.value)
    find(page, "Partner email", QLineEdit).setText("not-an-address")
    click(qtbot, page, "Save partner")
    assert find(page, "Partner error", QLabel).text() == "Not an e-mail address."
    find(page, "Partner email", QLineEdit).setText("klinik@example.dk")
    click(qtbot, page, "Save partner")
    assert any(p.name == "Tandlæge Nord" for p in ctx.services.reference.partners())
    partners = find(page, "Partners", QTableWidget)
    names = [partners.item(r, 0).text() for r in range(partners.rowCount())]
    assert "Tandlæge Nord" in names


def test_danish_translation(qtbot: object, ctx: UiContext, pid: int) -> None:
    from PySide6.QtCore import QCoreApplication, QTranslator

    from clinic_app.i18n import translations_dir
    from clinic_app.ui.areas import area

    translator = QTranslator()
    assert translator.load(str(translations_dir() / "documents_da.qm"))
    app = QCoreApplication.instance()
    assert app is not None
    app.installTranslator(translator)
    try:
        police = ctx.services.reference.partners(PartnerKind.POLICE)[0].id
        dialog = dialog_for(qtbot, ctx, pid, DocumentType.STATUS_CONFIRMATION)
        assert dialog.windowTitle() == "Udskriv dokument"
        choose(find(dialog, "Modtager", QComboBox), police)
        assert "gyldigt samtykke" in find(dialog, "Status for videregivelse", QLabel).text()
        assert area("documents").display_title() == "Dokumenter"
    finally:
        app.removeTranslator(translator)


def test_a_visitors_visit_summary_from_her_history_by_card_code(
    qtbot: object,
    services: Services,
    admin: Actor,
    site_ids: dict[str, int],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    nurse = make_user(services, admin, "nina", Role.NURSE, site_ids["clinic"])
    visitor = services.visitors.create(nurse, VisitorInput(nickname="Mira"))
    services.visits.record_visit(
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
    nurse_ctx = UiContext(services, nurse, AppSettings(str(tmp_path / "nina.ini")))
    view = VisitorHistoryView(nurse_ctx)
    qtbot.addWidget(view)  # type: ignore[attr-defined]
    view.show()
    view.show_visitor(visitor.id)
    target = tmp_path / "visit"
    monkeypatch.setattr(PrintDialog, "ask_save_path", staticmethod(lambda _p, _s: str(target)))
    click(qtbot, view, "Print for the visitor")
    [dialog] = [d for d in view.findChildren(PrintDialog)]
    types = find(dialog, "Document type", QComboBox)
    assert {types.itemData(i) for i in range(types.count())} == {"visit_summary", "health_referral"}
    recipient = find(dialog, "Recipient", QComboBox)
    assert recipient.itemText(0) == "The visitor (own copy)"
    click(qtbot, dialog, "Save as PDF")
    saved = target.with_suffix(".pdf")
    qtbot.waitUntil(saved.exists, timeout=10_000)  # type: ignore[attr-defined]
    text = PdfReader(str(saved)).pages[0].extract_text()
    assert visitor.code in text and "Chest clear" in text
    [row] = log_rows(services)
    assert row.visitor_id == visitor.id and row.person_id is None and row.action.value == "save"
    dialog.close()


def test_the_document_language_defaults_to_the_users_language(
    qtbot: object, ctx: UiContext, pid: int
) -> None:
    status = DocumentType.STATUS_CONFIRMATION
    english = dialog_for(qtbot, ctx, pid, status)
    assert find(english, "Document language", QComboBox).currentData() == "en"
    ctx.settings.language = "da"
    dialog = dialog_for(qtbot, ctx, pid, status)
    assert find(dialog, "Document language", QComboBox).currentData() == "da"
    screen = dialog.screen().availableGeometry()
    assert dialog.width() <= max(screen.width(), 980) and dialog.height() <= 720
