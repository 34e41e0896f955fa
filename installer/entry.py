"""Entry point of the bundled executables: the desktop app without arguments, the command line
with them (the same rule as ``python -m clinic_app``)."""

import sys

from clinic_app.__main__ import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
