"""``python -m clinic_app``: the command line (``python -m clinic_app --help``)."""

from __future__ import annotations

import sys

from clinic_app.cli import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
