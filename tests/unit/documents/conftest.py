"""Helpers for reading rendered PDFs back."""

from __future__ import annotations

import io
import logging
import warnings

import pytest
from pypdf import PdfReader


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


class Pdf:
    """A rendered PDF read back with pypdf; any reader warning fails the test."""

    def __init__(self, data: bytes) -> None:
        assert data.startswith(b"%PDF-")
        assert data.rstrip().endswith(b"%%EOF")
        collect = _Collect()
        logger = logging.getLogger("pypdf")
        logger.addHandler(collect)
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("error")
                self.reader = PdfReader(io.BytesIO(data), strict=True)
                self.pages = [page.extract_text() for page in self.reader.pages]
        finally:
            logger.removeHandler(collect)
        assert collect.messages == [], collect.messages
        self.text = "\n".join(self.pages)

    @property
    def squashed(self) -> str:
        """The text without any whitespace, for words that wrapped across lines."""
        return "".join(self.text.split())


@pytest.fixture
def read_pdf() -> type[Pdf]:
    return Pdf
