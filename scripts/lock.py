"""The lock file: every Python package the app, its tests and the installer build install,
pinned with hashes, for Linux, Windows and macOS alike.

Refresh after changing any dependency in ``pyproject.toml`` (one line, from the checkout):

    python3 scripts/lock.py

``python3 scripts/lock.py --check`` (run by ``scripts/bootstrap.sh`` and so by CI) only
compares the fingerprint of pyproject's dependency lists written in the lock's header with
the current ones, with no network: a changed dependency list without a refreshed lock fails.

The lock is resolved by ``uv pip compile --universal --generate-hashes`` from PyPI; uv itself
is installed on first use into ``.cache/lock-tool/`` (not the project's environment).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import tomllib
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOCK = ROOT / "requirements.lock"
PYPROJECT = ROOT / "pyproject.toml"
TOOL_DIR = ROOT / ".cache" / "lock-tool"
UV_REQUIREMENT = "uv>=0.13,<0.14"
PYTHON_VERSION = "3.11"  # the oldest Python the project supports; the lock holds for newer ones
INDEX = "https://pypi.org/simple"
FINGERPRINT_PREFIX = "# pyproject-dependencies-sha256: "
REFRESH_COMMAND = "python3 scripts/lock.py"


def dependency_lists(pyproject: Path) -> dict[str, object]:
    """What the lock is resolved from: run-time, optional and build dependencies."""
    data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    project = data["project"]
    return {
        "requires-python": project.get("requires-python", ""),
        "dependencies": project.get("dependencies", []),
        "optional-dependencies": project.get("optional-dependencies", {}),
        "build-system": data.get("build-system", {}).get("requires", []),
    }


def fingerprint(pyproject: Path) -> str:
    canonical = json.dumps(dependency_lists(pyproject), sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


def recorded_fingerprint(lock: Path) -> str | None:
    if not lock.is_file():
        return None
    for line in lock.read_text(encoding="utf-8").splitlines():
        if line.startswith(FINGERPRINT_PREFIX):
            return line[len(FINGERPRINT_PREFIX) :].strip()
    return None


def check(pyproject: Path, lock: Path) -> int:
    recorded = recorded_fingerprint(lock)
    if recorded is None:
        print(f"{lock.name} is missing or has no fingerprint; run: {REFRESH_COMMAND}")
        return 1
    if recorded != fingerprint(pyproject):
        print(
            f"{lock.name} does not match the dependencies in {pyproject.name}; "
            f"run: {REFRESH_COMMAND}"
        )
        return 1
    return 0


def _uv() -> Path:
    uv = TOOL_DIR / ("Scripts/uv.exe" if os.name == "nt" else "bin/uv")
    if not uv.exists():
        venv.create(TOOL_DIR, with_pip=True, clear=True)
        python = TOOL_DIR / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
        subprocess.run([str(python), "-m", "pip", "install", "-q", UV_REQUIREMENT], check=True)
    return uv


def refresh(pyproject: Path, lock: Path) -> int:
    deps = dependency_lists(pyproject)
    extras = sorted(deps["optional-dependencies"])  # type: ignore[arg-type]
    with tempfile.TemporaryDirectory() as tmp:
        # The build back-end is locked too, so the editable install needs no unhashed download.
        build_in = Path(tmp) / "build-system.in"
        build_in.write_text("\n".join(deps["build-system"]) + "\n")  # type: ignore[arg-type]
        out = Path(tmp) / "requirements.lock"
        command = [
            str(_uv()),
            "pip",
            "compile",
            "--quiet",
            "--universal",
            "--generate-hashes",
            "--python-version",
            PYTHON_VERSION,
            "--index-url",
            INDEX,
            "--no-config",
            "--custom-compile-command",
            REFRESH_COMMAND,
            *(arg for extra in extras for arg in ("--extra", extra)),
            "--output-file",
            str(out),
            str(pyproject),
            str(build_in),
        ]
        env = {k: v for k, v in os.environ.items() if not k.startswith(("UV_", "PIP_"))}
        subprocess.run(command, check=True, cwd=ROOT, env=env)
        body = out.read_text(encoding="utf-8").replace(tmp + os.sep, "")
    header = (
        f"{FINGERPRINT_PREFIX}{fingerprint(pyproject)}\n"
        "# Install: pip install --require-hashes -r requirements.lock, "
        "then pip install --no-deps --no-build-isolation -e .\n"
    )
    lock.write_text(header + body, encoding="utf-8")
    print(f"wrote {lock.relative_to(ROOT) if lock.is_relative_to(ROOT) else lock}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="compare only; no network")
    parser.add_argument("--pyproject", type=Path, default=PYPROJECT)
    parser.add_argument("--lock", type=Path, default=LOCK)
    args = parser.parse_args(argv)
    if args.check:
        return check(args.pyproject, args.lock)
    return refresh(args.pyproject, args.lock)


if __name__ == "__main__":
    sys.exit(main())
