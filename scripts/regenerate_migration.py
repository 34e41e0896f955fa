"""Regenerate the initial Alembic migration from the models (development only).

Until the first release, the schema is one migration, 0001, regenerated whenever a model
changes: ``.venv/bin/python scripts/regenerate_migration.py``. After a release, add new
revisions with Alembic's ``revision --autogenerate`` instead and never rewrite old ones.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from alembic import command

from clinic_app.storage.engine import make_engine
from clinic_app.storage.migrate import MIGRATIONS_DIR, alembic_config


def main() -> int:
    versions = MIGRATIONS_DIR / "versions"
    for old in versions.glob("0001_*.py"):
        old.unlink()
    with tempfile.TemporaryDirectory() as tmp:
        engine = make_engine(f"sqlite:///{Path(tmp) / 'empty.db'}")
        cfg = alembic_config(engine)
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.revision(cfg, message="initial schema", autogenerate=True, rev_id="0001")
        engine.dispose()
    subprocess.run([sys.executable, "-m", "ruff", "format", "-q", str(versions)], check=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
