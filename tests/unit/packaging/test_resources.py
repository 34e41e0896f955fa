"""Top-level resources/ and what scripts/build_resources.py makes of them."""

from __future__ import annotations

import configparser
import struct
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from clinic_app import __version__, config
from clinic_app.services.reference_data import DEFAULT_PARTNERS

ROOT = Path(__file__).resolve().parents[3]
RESOURCES = ROOT / "resources"
DESKTOP_ID = "dk.clinicapp.ClinicApp"


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", path.name
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_the_app_icon_has_every_size_desktops_ask_for() -> None:
    assert (RESOURCES / "icons" / "app" / "clinic-app.svg").is_file()
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        png = RESOURCES / "icons" / "app" / "png" / f"clinic-app-{size}.png"
        assert _png_size(png) == (size, size)
    ico = (RESOURCES / "icons" / "app" / "clinic-app.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    assert (reserved, kind) == (0, 1)
    sizes = []
    for i in range(count):
        width, _h, _c, _r, _p, _bpp, length, offset = struct.unpack(
            "<BBBBHHII", ico[6 + 16 * i : 22 + 16 * i]
        )
        assert ico[offset : offset + 8] == b"\x89PNG\r\n\x1a\n"
        assert offset + length <= len(ico)
        sizes.append(width or 256)
    assert sizes == [16, 24, 32, 48, 64, 128, 256]


def test_the_build_puts_what_the_package_loads_behind_one_path() -> None:
    built = config.resources_dir()
    for ts in (RESOURCES / "translations").glob("*.ts"):
        assert config.resource("translations", f"{ts.stem}.qm").stat().st_size > 0
    for font in (RESOURCES / "fonts").iterdir():
        assert config.resource("fonts", font.name).read_bytes() == font.read_bytes()
    for svg in (RESOURCES / "icons" / "areas").glob("*.svg"):
        assert _png_size(built / "icons" / "areas" / f"{svg.stem}-48.png") == (48, 48)
    assert config.resource("partners", "default_partners.toml").is_file()


def test_a_missing_resource_names_the_build_step() -> None:
    with pytest.raises(FileNotFoundError, match=r"scripts/build_resources\.py"):
        config.resource("icons", "no-such-group")


def test_every_font_has_its_licence() -> None:
    folder = RESOURCES / "fonts"
    fonts = sorted(p.name for p in folder.iterdir() if p.suffix.lower() in (".ttf", ".otf"))
    licences = [
        p.name.lower() + " " + p.read_text("utf-8", errors="replace").lower()
        for p in folder.iterdir()
        if p.suffix.lower() not in (".ttf", ".otf")
    ]
    assert fonts and licences
    for font in fonts:
        # DejaVuSans-Bold.ttf -> "dejavu", NotoSansArabic-Regular.ttf -> "noto"
        family = font.split("-")[0].split("Sans")[0].split("Serif")[0].lower()
        assert any(family in text for text in licences), f"no licence names {family} ({font})"


def test_the_default_partner_directory_is_the_one_new_databases_get() -> None:
    data = tomllib.loads((RESOURCES / "partners" / "default_partners.toml").read_text("utf-8"))
    expected = [{k: str(v) for k, v in row.items()} for row in DEFAULT_PARTNERS]
    assert data["partner"] == expected


def test_desktop_entry_and_appstream_agree_with_the_package() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(RESOURCES / "linux" / f"{DESKTOP_ID}.desktop", encoding="utf-8")
    section = entry["Desktop Entry"]
    assert section["Type"] == "Application"
    assert section["Exec"].split()[0] == "clinic-app-gui"
    assert section["Icon"] == "clinic-app"
    assert section["Name[da]"] and section["Comment[da]"]
    tree = ET.parse(RESOURCES / "linux" / f"{DESKTOP_ID}.metainfo.xml")  # noqa: S314
    root = tree.getroot()
    assert root.findtext("id") == DESKTOP_ID
    assert root.findtext("launchable") == f"{DESKTOP_ID}.desktop"
    releases = [r.get("version") for r in root.iter("release")]
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    assert releases[0] == pyproject["project"]["version"] == __version__
