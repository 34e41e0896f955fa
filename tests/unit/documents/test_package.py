"""Package hygiene: layering, lazy font registration, bundled fonts and licence."""

from __future__ import annotations

import subprocess
import sys

from clinic_app.documents.fonts import FONT_DIR, all_font_files, register_fonts

CHECK_IMPORTS = """
import sys
import clinic_app.documents as d
from clinic_app.documents import (access_report, action_plan, base, consent_form,
    guardian_summary, health_referral, iom_referral, labels, samples, statistics_summary,
    status_confirmation, visit_summary)
from reportlab.pdfbase import pdfmetrics
assert "ClinicSans" not in pdfmetrics.getRegisteredFontNames(), "fonts registered at import"
bad = [n for n in sys.modules if n.split(".")[0] in ("sqlalchemy", "PySide6")
       or n.startswith(("clinic_app.models", "clinic_app.services", "clinic_app.storage"))]
assert not bad, bad
"""


def test_imports_no_database_services_or_qt_and_registers_nothing() -> None:
    result = subprocess.run(
        [sys.executable, "-c", CHECK_IMPORTS], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr


def test_fonts_and_licence_are_bundled() -> None:
    for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf"):
        assert (FONT_DIR / name).stat().st_size > 100_000
    licence = (FONT_DIR / "LICENSE-DejaVu.txt").read_text(encoding="utf-8")
    assert "Bitstream Vera" in licence
    assert "Permission is hereby granted" in licence


def test_fallback_fonts_and_their_licences_are_bundled() -> None:
    files = all_font_files()
    assert all(f.stat().st_size > 20_000 for f in files)
    added = sum(f.stat().st_size for f in files) - sum(
        (FONT_DIR / n).stat().st_size
        for n in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf")
    )
    assert added < 40_000_000
    assert "SIL Open Font License" in (FONT_DIR / "LICENSE-Noto.txt").read_text("utf-8")
    assert "SIL Open Font License" in (FONT_DIR / "LICENSE-Nanum.txt").read_text("utf-8")
    assert "Apache License" in (FONT_DIR / "LICENSE-DroidSansFallback.txt").read_text("utf-8")


def test_fonts_cover_the_scripts_names_are_written_in() -> None:
    covered = register_fonts()
    sample = "æøåÆØÅ ș ț ă Ș Ț Ă ư ơ ệ Ư Ơ Ệ đ Жанна Ёлка ğ ş ı ł ń ż ő ű ß é ñ مريم Ελένη שרה"
    missing = [ch for ch in sample if ord(ch) not in covered]
    assert missing == []
    assert register_fonts() is covered  # registered once
