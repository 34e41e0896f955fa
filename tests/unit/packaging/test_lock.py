"""The lock file: hashed pins for every package, and a cheap check that it follows pyproject."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
LOCK_SCRIPT = ROOT / "scripts" / "lock.py"


def _check(pyproject: Path, lock: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            sys.executable,
            str(LOCK_SCRIPT),
            "--check",
            "--pyproject",
            str(pyproject),
            "--lock",
            str(lock),
        ],
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_committed_lock_matches_pyproject() -> None:
    result = _check(ROOT / "pyproject.toml", ROOT / "requirements.lock")
    assert result.returncode == 0, result.stdout


def test_a_new_dependency_without_a_refreshed_lock_fails_the_check(tmp_path: Path) -> None:
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    changed = tmp_path / "pyproject.toml"
    changed.write_text(text.replace('    "pycountry', '    "rich>=13,<15",\n    "pycountry', 1))
    result = _check(changed, ROOT / "requirements.lock")
    assert result.returncode == 1
    assert "python3 scripts/lock.py" in result.stdout
    # A missing lock is reported the same way, not as a traceback.
    assert _check(ROOT / "pyproject.toml", tmp_path / "absent.lock").returncode == 1


def test_every_locked_package_is_pinned_with_a_hash() -> None:
    lock = (ROOT / "requirements.lock").read_text(encoding="utf-8")
    entries = re.split(r"\n(?=[A-Za-z0-9])", lock.split("\n", 4)[-1])
    pins = [e for e in entries if not e.startswith("#")]
    assert len(pins) > 30
    for entry in pins:
        assert re.match(r"^[A-Za-z0-9._-]+(\[[a-z,]+\])?==[^ ]+", entry), entry
        assert "--hash=sha256:" in entry, entry.splitlines()[0]
    names = {re.split(r"[=\[ ]", e, maxsplit=1)[0].lower() for e in pins}
    # The app, its test tools, the installer build and the build back-end.
    assert {"pyside6-essentials", "pytest", "mypy", "pyinstaller", "setuptools"} <= names


def test_every_runtime_dependency_has_an_upper_bound_on_its_major_version() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    deps = list(project["dependencies"])
    for extra in project["optional-dependencies"].values():
        deps.extend(extra)
    for dep in deps:
        assert "<" in dep or re.search(r"==[\d.]+\.\*", dep), f"no upper bound: {dep}"
    assert "mypy==2.*" in deps
