"""User preferences kept between runs (QSettings): language, window geometry, columns."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

from clinic_app.security.idle import DEFAULT_MINUTES, MAX_MINUTES, MIN_MINUTES

ORGANISATION = "clinic-app"
APPLICATION = "clinic-app"


class AppSettings:
    """Typed access to QSettings; ``path`` gives an INI file (tests, portable installs)."""

    def __init__(self, path: str | None = None) -> None:
        if path is None:
            self._qs = QSettings(ORGANISATION, APPLICATION)
        else:
            self._qs = QSettings(path, QSettings.Format.IniFormat)

    @property
    def qsettings(self) -> QSettings:
        return self._qs

    def value_str(self, key: str, default: str = "") -> str:
        value = self._qs.value(key, default)
        return value if isinstance(value, str) else default

    def set_value(self, key: str, value: object) -> None:
        self._qs.setValue(key, value)

    def list_str(self, key: str) -> list[str]:
        value = self._qs.value(key, [])
        if isinstance(value, str):
            return [value] if value else []
        if isinstance(value, list):
            return [v for v in value if isinstance(v, str)]
        return []

    def bytes_value(self, key: str) -> QByteArray | None:
        value = self._qs.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    @property
    def language(self) -> str:
        lang = self.value_str("ui/language", "en")
        return lang if lang in ("en", "da") else "en"

    @language.setter
    def language(self, lang: str) -> None:
        self._qs.setValue("ui/language", lang)

    @property
    def idle_minutes(self) -> int:
        """Idle-lock minutes, kept within the security policy's bounds."""
        raw = self._qs.value("security/idle_lock_minutes", DEFAULT_MINUTES)
        try:
            minutes = int(str(raw))
        except ValueError:
            return DEFAULT_MINUTES
        return min(MAX_MINUTES, max(MIN_MINUTES, minutes))

    @property
    def last_username(self) -> str:
        return self.value_str("login/last_username")

    @last_username.setter
    def last_username(self, username: str) -> None:
        self._qs.setValue("login/last_username", username)

    @property
    def shared_db_url(self) -> str:
        """The shared database this workstation joined (a URL without password), or ""."""
        return self.value_str("database/shared_url")

    @shared_db_url.setter
    def shared_db_url(self, url: str) -> None:
        self._qs.setValue("database/shared_url", url)

    def sync(self) -> None:
        self._qs.sync()
