"""``python -m clinic_app``: the desktop app without arguments, the command line with them."""

from __future__ import annotations

import sys


def main(argv: list[str]) -> int:
    if not argv:
        from clinic_app.app import main as gui_main

        return gui_main([])
    from clinic_app.cli import console_main

    return int(console_main(argv))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
