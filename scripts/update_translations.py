"""Refresh the Qt Linguist files and compile them.

For every owner prefix in OWNERS: ``pyside6-lupdate`` collects the strings of its source files
into ``resources/translations/<prefix>_da.ts`` (keeping existing translations, dropping
strings no longer in the code), then ``scripts/build_resources.py`` compiles every ``.ts``
into the ``.qm`` the package loads. Commit the ``.ts`` (the ``.qm`` are built, not
committed). Run: ``.venv/bin/python scripts/update_translations.py``.

Add your area: an entry ``"<prefix>": ["clinic_app/ui/<area>/**/*.py", ...]`` in OWNERS.
"""

from __future__ import annotations

import html
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("da",)

# prefix -> source files (globs relative to the repository root).
OWNERS: dict[str, list[str]] = {
    # Action plans and contacts (listed first: contacts_tab.py sits among the shell's tabs).
    "plans": [
        "clinic_app/ui/plans/*.py",
        "clinic_app/ui/pages/action_plans.py",
        "clinic_app/ui/person/contacts_tab.py",
    ],
    # The shell: log-in, main window, persons registry, person record, dashboard.
    "clinic_app": [
        "clinic_app/app.py",
        "clinic_app/ui/*.py",
        "clinic_app/ui/itemmodels/*.py",
        "clinic_app/ui/pages/dashboard.py",
        "clinic_app/ui/pages/persons.py",
        "clinic_app/ui/person/*.py",
    ],
    "clinic": ["clinic_app/ui/clinic/*.py", "clinic_app/ui/pages/clinic.py"],
    "administration": [
        "clinic_app/ui/pages/administration.py",
        "clinic_app/ui/pages/workstations.py",
    ],
    "statistics": ["clinic_app/ui/pages/statistics.py"],
    "documents": ["clinic_app/ui/documents/*.py", "clinic_app/ui/pages/documents.py"],
}


def _tool(name: str) -> str:
    local = Path(sys.executable).parent / name
    return str(local) if local.exists() else name


def _files(globs: list[str]) -> list[Path]:
    found: list[Path] = []
    for pattern in globs:
        found.extend(sorted(ROOT.glob(pattern)))
    return [p for p in dict.fromkeys(found) if p.is_file()]


def sources() -> dict[str, list[Path]]:
    """Source files per prefix (a file listed twice goes to the first prefix only)."""
    owned: dict[str, list[Path]] = {}
    taken: set[Path] = set()
    for prefix, globs in OWNERS.items():
        owned[prefix] = [p for p in _files(globs) if p not in taken]
        taken.update(owned[prefix])
    return owned


def _english_forms(source: str) -> tuple[str, str]:
    """'%n visit(s)' -> ('%n visit', '%n visits'); 'match(es)' -> 'match', 'matches'."""
    return re.sub(r"\((e?s)\)", "", source), re.sub(r"\((e?s)\)", r"\1", source)


def english_plurals(prefix: str, files: list[Path]) -> None:
    """``<prefix>_en.ts``: the English singular and plural of every '%n …(s)' text.

    English is the source language, so only texts with a count need a translation: Qt then
    shows '1 visit' and '3 visits' instead of '3 visit(s)'. Forms written by hand are kept.
    """
    ts = TRANSLATIONS / f"{prefix}_en.ts"
    subprocess.run(
        [
            _tool("pyside6-lupdate"),
            "-no-obsolete",
            "-pluralonly",
            "-locations",
            "none",
            "-source-language",
            "en_GB",
            "-target-language",
            "en_GB",
            *(str(f.relative_to(ROOT)) for f in files),
            "-ts",
            str(ts.relative_to(ROOT)),
        ],
        cwd=ROOT,
        check=True,
    )
    text = ts.read_text(encoding="utf-8")
    if "<message" not in text:
        ts.unlink()
        return

    def fill(match: re.Match[str]) -> str:
        one, many = _english_forms(html.unescape(match.group("source")))
        forms = "".join(
            f"\n            <numerusform>{html.escape(f, quote=False)}</numerusform>"
            for f in (one, many)
        )
        return f"{match.group('head')}<translation>{forms}\n        </translation>"

    pattern = re.compile(
        r"(?P<head><source>(?P<source>[^<]*)</source>\s*(?:<comment>[^<]*</comment>\s*)?)"
        r'<translation type="unfinished">.*?</translation>',
        re.S,
    )
    ts.write_text(pattern.sub(fill, text), encoding="utf-8")


def main() -> int:
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    for prefix, files in sources().items():
        if not files:
            continue
        for lang in LANGUAGES:
            ts = TRANSLATIONS / f"{prefix}_{lang}.ts"
            subprocess.run(
                [
                    _tool("pyside6-lupdate"),
                    "-no-obsolete",
                    "-locations",
                    "none",
                    "-target-language",
                    f"{lang}_DK",
                    *(str(f.relative_to(ROOT)) for f in files),
                    "-ts",
                    str(ts.relative_to(ROOT)),
                ],
                cwd=ROOT,
                check=True,
            )
        english_plurals(prefix, files)
    subprocess.run([sys.executable, str(ROOT / "scripts" / "build_resources.py")], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
