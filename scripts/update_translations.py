"""Refresh the Qt Linguist files and compile them.

For every owner prefix in OWNERS: ``pyside6-lupdate`` collects the strings of its source files
into ``resources/translations/<prefix>_da.ts`` (keeping existing translations, dropping
strings no longer in the code), then ``scripts/build_resources.py`` compiles every ``.ts``
into the ``.qm`` the package loads. Commit the ``.ts`` (the ``.qm`` are built, not
committed). Run: ``.venv/bin/python scripts/update_translations.py``.

Add your area: an entry ``"<prefix>": ["clinic_app/ui/<area>/**/*.py", ...]`` in OWNERS.
"""

from __future__ import annotations

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
    subprocess.run([sys.executable, str(ROOT / "scripts" / "build_resources.py")], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
