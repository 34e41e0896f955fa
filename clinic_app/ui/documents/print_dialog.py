"""The print dialog: choose a document and its recipient, preview it, print it or save it.

Open it with :func:`open_print_dialog` from any place that knows the person (the person
record, the action plan editor, a visit). Recipients are filtered by the partner kinds that
may receive the chosen document; the consent check runs as the choice changes, and the reason
field appears only where the law allows sharing without consent and the user may do so.
Every print and save is recorded through ``DocumentService.record_output`` (document log and
audit log); nothing is written by previewing.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clinic_app.errors import ClinicError, Forbidden
from clinic_app.rules import render
from clinic_app.services.documents import (
    NAME_ALWAYS,
    NO_PARTNER_DOCUMENTS,
    PreparedDocument,
    SharingCheck,
    partner_kinds_for,
)
from clinic_app.ui.common import ERROR_STYLE, error_message, named, plain_label
from clinic_app.ui.context import UiContext
from clinic_app.ui.documents.labels import doc_type_label, partner_kind_label
from clinic_app.vocabulary import DocumentAction, DocumentType

NO_PARTNER = -1  # the recipient combo's data for "no partner"


def _ask_save_path(parent: QWidget, suggested: str) -> str:
    path, _filter = QFileDialog.getSaveFileName(
        parent,
        parent.tr("Save document as PDF"),
        suggested,
        parent.tr("PDF documents (*.pdf)"),
    )
    return path


def _run_print_dialog(parent: QWidget, printer: QPrinter) -> bool:
    dialog = QPrintDialog(printer, parent)
    return dialog.exec() == QDialog.DialogCode.Accepted


class PrintDialog(QDialog):
    """Prepare, preview, print and save one person's documents.

    Tests replace :attr:`ask_save_path` and :attr:`run_print_dialog` to answer the system
    dialogs.
    """

    ask_save_path: Callable[[QWidget, str], str] = staticmethod(_ask_save_path)
    run_print_dialog: Callable[[QWidget, QPrinter], bool] = staticmethod(_run_print_dialog)

    def __init__(
        self,
        ctx: UiContext,
        person_id: int,
        *,
        doc_type: DocumentType | None = None,
        plan_id: int | None = None,
        visit_id: int | None = None,
        referral_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._person_id = person_id
        self._plan_id = plan_id
        self._visit_id = visit_id
        self._referral_id = referral_id
        self._prepared: PreparedDocument | None = None
        self._check: SharingCheck | None = None
        self._buffer: QBuffer | None = None
        self._busy = False
        self.setWindowTitle(self.tr("Print document"))
        named(self, self.tr("Print document"))
        self.setModal(True)
        self.resize(980, 760)

        self.type_combo = QComboBox()
        named(self.type_combo, self.tr("Document type"))
        for t in DocumentType:
            if t is DocumentType.STATISTICS_SUMMARY:
                continue
            if t is DocumentType.VISIT_SUMMARY and visit_id is None:
                continue
            self.type_combo.addItem(doc_type_label(t), t.value)
        if doc_type is not None:
            index = self.type_combo.findData(DocumentType(doc_type).value)
            if index >= 0:
                self.type_combo.setCurrentIndex(index)
        self.recipient_combo = QComboBox()
        named(self.recipient_combo, self.tr("Recipient"))
        self.language_combo = QComboBox()
        named(self.language_combo, self.tr("Document language"))
        self.language_combo.addItem(self.tr("English"), "en")
        self.language_combo.addItem(self.tr("Danish"), "da")
        self.include_name = QCheckBox(self.tr("&Include the person's name"))
        named(self.include_name, self.tr("Include name"))
        self.status = plain_label("", self.tr("Sharing status"), wrap=True)
        self.basis = plain_label("", self.tr("Legal basis"), wrap=True)
        self.reason_label = QLabel(self.tr("&Reason for sharing without consent:"))
        self.reason = QPlainTextEdit()
        named(self.reason, self.tr("Reason for sharing without consent"))
        self.reason.setTabChangesFocus(True)
        self.reason.setFixedHeight(60)
        self.reason_label.setBuddy(self.reason)

        form = QFormLayout()
        type_label = QLabel(self.tr("&Document:"))
        type_label.setBuddy(self.type_combo)
        form.addRow(type_label, self.type_combo)
        to_label = QLabel(self.tr("&To:"))
        to_label.setBuddy(self.recipient_combo)
        form.addRow(to_label, self.recipient_combo)
        lang_label = QLabel(self.tr("&Language:"))
        lang_label.setBuddy(self.language_combo)
        form.addRow(lang_label, self.language_combo)
        form.addRow("", self.include_name)
        form.addRow(self.status)
        form.addRow(self.basis)
        form.addRow(self.reason_label, self.reason)

        self.preview_button = QPushButton(self.tr("Pre&view"))
        named(self.preview_button, self.tr("Preview"))
        self.print_button = QPushButton(self.tr("&Print…"))
        named(self.print_button, self.tr("Print"))
        self.save_button = QPushButton(self.tr("&Save as PDF…"))
        named(self.save_button, self.tr("Save as PDF"))
        self.close_button = QPushButton(self.tr("Close"))
        named(self.close_button, self.tr("Close"))
        buttons = QHBoxLayout()
        for b in (self.preview_button, self.print_button, self.save_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)

        self.pdf = QPdfDocument(self)
        self.view = QPdfView(self)
        named(self.view, self.tr("Document preview"))
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setDocument(self.pdf)
        self.pages = plain_label("", self.tr("Pages"))
        self.error = plain_label("", self.tr("Print error"), wrap=True)
        self.error.setStyleSheet(ERROR_STYLE)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.error)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.pages)

        self.type_combo.currentIndexChanged.connect(self._type_changed)
        self.recipient_combo.currentIndexChanged.connect(self._recheck)
        self.include_name.toggled.connect(self._recheck)
        self.language_combo.currentIndexChanged.connect(self._invalidate)
        self.reason.textChanged.connect(self._invalidate)
        self.preview_button.clicked.connect(self.preview)
        self.print_button.clicked.connect(self.print_document)
        self.save_button.clicked.connect(self.save_document)
        self.close_button.clicked.connect(self.reject)
        self._unregister = ctx.register_clear_personal_data(self._clear)
        self.finished.connect(lambda _r: self._unregister())
        self._type_changed()

    # --- choices ---------------------------------------------------------------------------

    def doc_type(self) -> DocumentType:
        return DocumentType(self.type_combo.currentData())

    def partner_id(self) -> int | None:
        data = self.recipient_combo.currentData()
        return None if data is None or int(data) == NO_PARTNER else int(data)

    def _type_changed(self) -> None:
        doc_type = self.doc_type()
        kinds = set(partner_kinds_for(doc_type))
        self.recipient_combo.blockSignals(True)
        self.recipient_combo.clear()
        if doc_type in NO_PARTNER_DOCUMENTS:
            label = {
                DocumentType.GUARDIAN_SUMMARY: self.tr("The current guardian"),
                DocumentType.ACTION_PLAN: self.tr("The person (own copy)"),
                DocumentType.ACCESS_REPORT: self.tr("The person (own copy)"),
            }[doc_type]
            self.recipient_combo.addItem(label, NO_PARTNER)
        for p in self._ctx.services.reference.partners():
            if p.kind in kinds:
                self.recipient_combo.addItem(f"{p.name} ({partner_kind_label(p.kind)})", p.id)
        self.recipient_combo.blockSignals(False)
        always = doc_type in NAME_ALWAYS
        self.include_name.setEnabled(not always)
        if always:
            self.include_name.setChecked(True)
        self._recheck()

    def _recheck(self) -> None:
        self._invalidate()
        if self.recipient_combo.count() == 0:
            self._show_check(
                None, self.tr("No partner in the directory may receive this document.")
            )
            return
        try:
            check = self._ctx.services.documents.check(
                self._ctx.actor,
                self.doc_type(),
                self._person_id,
                self.partner_id(),
                include_name=self.include_name.isChecked(),
            )
        except ClinicError as exc:
            self._show_check(None, error_message(exc))
            return
        self._show_check(check, "")

    def _show_check(self, check: SharingCheck | None, message: str) -> None:
        self._check = check
        needs_reason = check is not None and check.needs_reason
        if check is not None and check.message is not None:
            message = render(check.message, self._ctx.settings.language)
        elif check is not None:
            message = "" if check.allowed else self._refusal_text(check.code)
        self.status.setText(message)
        self.status.setStyleSheet("" if needs_reason or not message else ERROR_STYLE)
        self.basis.setText(
            self.tr("Legal basis: %1").replace("%1", check.legal_basis)
            if check is not None and check.legal_basis
            else ""
        )
        self.basis.setVisible(bool(self.basis.text()))
        self.reason_label.setVisible(needs_reason)
        self.reason.setVisible(needs_reason)
        self._update_buttons()

    def _refusal_text(self, code: str) -> str:
        texts = {
            "kind": self.tr("This partner may not receive this kind of document."),
            "recipient": self.tr("This document cannot be addressed to this recipient."),
            "guardian": self.tr(
                "The case summary goes only to the current guardian of a person under 18; "
                "there is no current guardianship."
            ),
            "consent": self.tr(
                "The person has not given a valid consent that covers this partner, the "
                "purpose and the data in this document. Without it the document cannot be "
                "shared with this partner. Record the consent first, or choose another "
                "recipient."
            ),
            "override": self.tr(
                "There is no consent, but the law allows sharing in this case with a stated "
                "reason. Give the reason below: it is kept in the document log."
            ),
            "permission": self.tr(
                "Your role does not allow printing this document for this person."
            ),
        }
        return texts.get(code, self.tr("This document cannot be printed for this recipient."))

    def _update_buttons(self) -> None:
        check = self._check
        may_prepare = check is not None and (
            check.allowed or (check.needs_reason and bool(self.reason.toPlainText().strip()))
        )
        self.preview_button.setEnabled(bool(may_prepare) and not self._busy)
        ready = self._prepared is not None and not self._busy
        self.print_button.setEnabled(ready or (bool(may_prepare) and not self._busy))
        self.save_button.setEnabled(ready or (bool(may_prepare) and not self._busy))

    def _invalidate(self) -> None:
        """A choice changed: the previewed document no longer matches it."""
        if self._prepared is not None:
            self._prepared = None
            self.pdf.close()
            self.pages.setText("")
        self._update_buttons()

    # --- preparing ---------------------------------------------------------------------------

    def preview(self) -> None:
        self._prepare(lambda: None)

    def _prepare(self, then: Callable[[], None]) -> None:
        """Prepare the document off the UI thread, show it, then run ``then``."""
        if self._prepared is not None:
            then()
            return
        services, actor = self._ctx.services, self._ctx.actor
        doc_type, partner = self.doc_type(), self.partner_id()
        language = str(self.language_combo.currentData())
        include = self.include_name.isChecked()
        reason = self.reason.toPlainText().strip() if self.reason.isVisible() else ""
        plan, visit, referral = self._plan_id, self._visit_id, self._referral_id

        def work() -> PreparedDocument:
            return services.documents.prepare(
                actor,
                doc_type,
                self._person_id,
                partner,
                language,
                plan_id=plan if doc_type is DocumentType.ACTION_PLAN else None,
                visit_id=visit if doc_type is DocumentType.VISIT_SUMMARY else None,
                referral_id=referral if doc_type is DocumentType.HEALTH_REFERRAL else None,
                include_name=include,
                reason=reason or None,
            )

        def done(prepared: PreparedDocument) -> None:
            self._busy = False
            self._show_prepared(prepared)
            then()

        self._busy = True
        self.error.setText("")
        self._update_buttons()
        self._ctx.run_in_background(
            work, done, self._failed, progress_label=self.tr("Preparing the document…")
        )

    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        if isinstance(exc, Forbidden):
            self._recheck()  # shows the specific, translated reason
            if not self.status.text():
                self.status.setText(self.tr("The document cannot be printed for this recipient."))
        else:
            self.error.setText(error_message(exc))
        self._update_buttons()

    def _show_prepared(self, prepared: PreparedDocument) -> None:
        self._prepared = prepared
        self.pdf.close()
        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(prepared.pdf))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.pdf.load(self._buffer)
        count = self.pdf.pageCount()
        self.pages.setText(self.tr("%n page(s)", "", count))
        self._update_buttons()

    @property
    def prepared(self) -> PreparedDocument | None:
        return self._prepared

    # --- output ------------------------------------------------------------------------------

    def save_document(self) -> None:
        self._prepare(self._save)

    def _save(self) -> None:
        prepared = self._prepared
        if prepared is None:
            return
        path = type(self).ask_save_path(self, prepared.filename)
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() != ".pdf":
            target = target.with_suffix(".pdf")
        try:
            fd, tmp = tempfile.mkstemp(prefix=".clinic-app-", suffix=".pdf", dir=target.parent)
        except OSError:
            self.error.setText(self.tr("The file could not be written. Nothing was saved."))
            return
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(prepared.pdf)
            self._ctx.services.documents.record_output(
                self._ctx.actor, prepared, DocumentAction.SAVE
            )
            os.replace(tmp, target)
        except ClinicError as exc:
            Path(tmp).unlink(missing_ok=True)
            self._output_refused(exc)
            return
        except OSError:
            Path(tmp).unlink(missing_ok=True)
            self.error.setText(self.tr("The file could not be written. Nothing was saved."))
            return
        self._ctx.notify(self.tr("Document saved and logged."))
        self._ctx.data_changed.emit("documents")
        self.error.setText("")
        self.pages.setText(self.tr("Saved to %1").replace("%1", str(target)))

    def print_document(self) -> None:
        self._prepare(self._print)

    def _print(self) -> None:
        prepared = self._prepared
        if prepared is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(prepared.title)  # the type only: print queues show this
        if not type(self).run_print_dialog(self, printer):
            return
        try:
            # Logged before the pages go out: a consent withdrawn since the preview stops it.
            self._ctx.services.documents.record_output(
                self._ctx.actor, prepared, DocumentAction.PRINT
            )
        except ClinicError as exc:
            self._output_refused(exc)
            return
        if not paint_pdf(self.pdf, printer):
            self.error.setText(
                self.tr("The printer could not be used. The attempt is in the document log.")
            )
            return
        self._ctx.notify(self.tr("Document sent to the printer and logged."))
        self._ctx.data_changed.emit("documents")

    def _output_refused(self, exc: ClinicError) -> None:
        self._prepared = None
        self.pdf.close()
        if isinstance(exc, Forbidden):
            self._recheck()
            self.error.setText(self.tr("Not printed or saved: the sharing is no longer allowed."))
        else:
            self.error.setText(error_message(exc))
        self._update_buttons()

    def _clear(self) -> None:
        """The screen locks: close the dialog with the document on it."""
        self.pdf.close()
        self._prepared = None
        self.reject()


def paint_pdf(document: QPdfDocument, printer: QPrinter) -> bool:
    """Render each page of ``document`` onto ``printer``; False if the printer failed."""
    painter = QPainter()
    if not painter.begin(printer):
        return False
    try:
        for index in range(document.pageCount()):
            if index and not printer.newPage():
                return False
            area = painter.viewport()
            points = document.pagePointSize(index)
            scale = min(area.width() / points.width(), area.height() / points.height())
            size = QSize(round(points.width() * scale), round(points.height() * scale))
            image = document.render(index, size)
            page = QImage(size, QImage.Format.Format_RGB32)
            page.fill(QColor("white"))
            inner = QPainter(page)
            inner.drawImage(0, 0, image)
            inner.end()
            painter.drawImage(0, 0, page)
    finally:
        painter.end()
    return True


def open_print_dialog(
    ctx: UiContext,
    person_id: int,
    *,
    doc_type: DocumentType | None = None,
    plan_id: int | None = None,
    visit_id: int | None = None,
    referral_id: int | None = None,
    parent: QWidget | None = None,
) -> PrintDialog:
    """Show the print dialog (non-blocking) and return it."""
    dialog = PrintDialog(
        ctx,
        person_id,
        doc_type=doc_type,
        plan_id=plan_id,
        visit_id=visit_id,
        referral_id=referral_id,
        parent=parent,
    )
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
