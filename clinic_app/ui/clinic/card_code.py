"""The new visitor's card code, shown large after the first visit: she needs it next time.

The code can be selected, copied with one click and printed on a card (a small page with the
code and nothing else: a card found on her must not say where she was seen or why).
"""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFont, QGuiApplication, QPagedPaintDevice, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFrame, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from clinic_app.ui.clinic.common import plain_label


def render_card(device: QPagedPaintDevice, code: str) -> None:
    """Draw the card: the code, large, centred, on one page of ``device``."""
    painter = QPainter(device)
    try:
        font = QFont("monospace")
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setPointSize(28)
        font.setBold(True)
        painter.setFont(font)
        area = QRect(0, 0, device.width(), device.height() // 3)
        painter.drawText(area, int(Qt.AlignmentFlag.AlignCenter), code)
    finally:
        painter.end()


class NewCardCode(QFrame):
    """The card code of the visitor just created, with Copy and Print card buttons."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(self.tr("New card code panel"))
        self.code = ""
        layout = QVBoxLayout(self)
        layout.addWidget(
            plain_label(
                self.tr("Her card code (write it on her card, she gives it next time):"),
                self.tr("New card code explanation"),
                wrap=True,
            )
        )
        self.code_label = plain_label("", self.tr("New card code"))
        font = self.code_label.font()
        font.setFamily("monospace")
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setPointSize(font.pointSize() * 2)
        font.setBold(True)
        self.code_label.setFont(font)
        self.code_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        row = QHBoxLayout()
        row.addWidget(self.code_label, 1)
        self.copy_button = QPushButton(self.tr("Copy"))
        self.copy_button.setAccessibleName(self.tr("Copy card code"))
        self.print_button = QPushButton(self.tr("Print card…"))
        self.print_button.setAccessibleName(self.tr("Print card"))
        self.close_button = QPushButton(self.tr("Done"))
        self.close_button.setAccessibleName(self.tr("Hide card code"))
        for button in (self.copy_button, self.print_button, self.close_button):
            row.addWidget(button)
        layout.addLayout(row)
        self.copy_button.clicked.connect(self.copy)
        self.print_button.clicked.connect(self.print_card)
        self.close_button.clicked.connect(self.clear)
        self.setVisible(False)

    def show_code(self, code: str) -> None:
        self.code = code
        self.code_label.setText(code)
        self.setVisible(True)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.code)

    def print_card(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print card"))
        if dialog.exec() == QDialog.DialogCode.Accepted:
            render_card(printer, self.code)

    def clear(self) -> None:
        self.code = ""
        self.code_label.setText("")
        self.setVisible(False)
