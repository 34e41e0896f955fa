"""The ``clinic-app`` command line: the same use cases as the desktop app, without Qt."""

from clinic_app.cli.main import console_main, main

__all__ = ["console_main", "main"]
