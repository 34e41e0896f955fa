"""Entry point of the bundled executables, named as the two installed commands are:

- ``clinic-app-gui`` (the desktop entry and the Start-menu shortcut): the desktop app, with its
  options (``--db URL``, ``--lang da``, ...), like the ``clinic-app-gui`` command of a checkout;
- ``clinic-app``: the command line with arguments, the desktop app without (as
  ``python -m clinic_app``).
"""

import sys
from pathlib import Path

if __name__ == "__main__":
    if Path(sys.executable).stem == "clinic-app-gui":
        from clinic_app.app import main as gui_main

        sys.exit(gui_main(sys.argv[1:]))
    from clinic_app.__main__ import main

    sys.exit(main(sys.argv[1:]))
