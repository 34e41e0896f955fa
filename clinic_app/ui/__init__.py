"""The desktop user interface (PySide6): the only package that imports Qt widgets."""

from clinic_app.ui import qtfix as _qtfix  # noqa: F401  (must run before Qt is used)
