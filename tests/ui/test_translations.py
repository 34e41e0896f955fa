"""Every Qt Linguist file is fully translated into Danish and compiled."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from clinic_app.i18n import translations_dir

SOURCES = Path(__file__).resolve().parents[2] / "resources" / "translations"
TS_FILES = sorted(SOURCES.glob("*.ts"))


def _lrelease() -> str:
    local = Path(sys.executable).parent / "pyside6-lrelease"
    return str(local) if local.exists() else "pyside6-lrelease"


def test_the_shell_has_a_danish_file() -> None:
    assert SOURCES / "clinic_app_da.ts" in TS_FILES


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda p: p.name)
def test_every_string_has_a_danish_translation(ts: Path) -> None:
    tree = ET.parse(ts)  # noqa: S314 (the project's own files)
    missing: list[str] = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            if translation is None or translation.get("type") in ("unfinished", "vanished"):
                missing.append(f"{name}: {source}")
                continue
            forms = translation.findall("numerusform")
            texts = [f.text for f in forms] if forms else [translation.text]
            if not all(t and t.strip() for t in texts):
                missing.append(f"{name}: {source}")
    assert missing == [], f"{ts.name}: untranslated: {missing[:20]}"


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda p: p.name)
def test_compiled_file_is_current(ts: Path, tmp_path: Path) -> None:
    qm = translations_dir() / f"{ts.stem}.qm"
    assert qm.exists(), f"{qm.name} missing: run scripts/build_resources.py"
    # A checkout may write the two files in any order: allow a little clock slack.
    assert qm.stat().st_mtime >= ts.stat().st_mtime - 2, (
        f"{qm.name} is older than {ts.name}: run scripts/build_resources.py"
    )
    fresh = tmp_path / qm.name
    subprocess.run([_lrelease(), "-silent", str(ts), "-qm", str(fresh)], check=True)
    assert fresh.read_bytes() == qm.read_bytes(), f"{qm.name} does not match {ts.name}"


def test_english_shows_real_plural_forms(qapp: object) -> None:
    from PySide6.QtCore import QCoreApplication

    # The UI tests run with English installed as the app does (tests/ui/conftest.py).
    one = QCoreApplication.translate("ClinicPage", "%n visit(s)", None, 1)
    many = QCoreApplication.translate("ClinicPage", "%n visit(s)", None, 3)
    assert (one, many) == ("1 visit", "3 visits")
    forms = QCoreApplication.translate(
        "VisitForm",
        "%n possible match(es): choose one with the arrow keys and Enter, "
        "or choose New visitor for someone else.",
        None,
        2,
    )
    assert forms.startswith("2 possible matches:")
    assert {p.name for p in translations_dir().glob("*_en.qm")} >= {"clinic_en.qm"}
