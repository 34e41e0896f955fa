"""Test doubles shared by the suites: an in-memory keyring backend."""

from __future__ import annotations

from keyring.backend import KeyringBackend


class MemoryKeyring(KeyringBackend):
    """Keeps secrets in a dict for the life of the process (never on disk)."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.store.pop((service, username), None)


class FileKeyring(KeyringBackend):
    """For CLI tests in a subprocess: secrets in the JSON file named by CLINIC_APP_TEST_KEYRING.

    Test-only; the application itself refuses plaintext backends of this kind by name.
    """

    priority = 1  # type: ignore[assignment]

    def _path(self) -> str:
        import os

        return os.environ["CLINIC_APP_TEST_KEYRING"]

    def _load(self) -> dict[str, str]:
        import json
        import os

        path = self._path()
        if not os.path.exists(path):
            return {}
        with open(path, encoding="utf-8") as fh:
            data: dict[str, str] = json.load(fh)
            return data

    def get_password(self, service: str, username: str) -> str | None:
        return self._load().get(f"{service}\x1f{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        import json

        data = self._load()
        data[f"{service}\x1f{username}"] = password
        with open(self._path(), "w", encoding="utf-8") as fh:
            json.dump(data, fh)

    def delete_password(self, service: str, username: str) -> None:
        data = self._load()
        data.pop(f"{service}\x1f{username}", None)
