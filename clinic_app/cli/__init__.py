"""The ``clinic-app`` command line: the same use cases as the desktop app, without Qt."""

from clinic_app.cli.main import main

__all__ = ["main"]
