"""Build what the package loads at run time from the sources in the top-level ``resources/``.

    .venv/bin/python scripts/build_resources.py             # bootstrap and installer build run it
    .venv/bin/python scripts/build_resources.py --app-icon   # after editing the application icon

``resources/`` (committed) holds the sources: ``translations/*.ts``, ``fonts/`` with their
licences, ``icons/`` (SVG), ``partners/``, and ``linux/`` (desktop entry, AppStream file, used
by the installer only). The build writes ``clinic_app/resources/`` (not committed):

- ``translations/<prefix>_<lang>.qm``: each ``.ts`` compiled with ``pyside6-lrelease``;
- ``fonts/``: the fonts and licences, copied;
- ``icons/<group>/<name>-<size>.png``: every area and action SVG drawn at the sizes Qt asks
  for (so the app and its bundle need no SVG plug-in), plus the application icon's PNGs;
- ``partners/``: the default partner directory, copied.

It only redoes work when an input changed (a fingerprint of the inputs is kept in
``clinic_app/resources/.built``), so running it on every bootstrap costs a few milliseconds.
``--app-icon`` redraws the committed PNG sizes and the Windows ``.ico`` of the application
icon from ``resources/icons/app/clinic-app.svg``.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import struct
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "resources"
TARGET = ROOT / "clinic_app" / "resources"
STAMP = TARGET / ".built"
ICON_SIZES = (16, 24, 32, 48, 64)
APP_ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)  # 256 is the largest an .ico entry can declare
APP_ICON = SOURCE / "icons" / "app" / "clinic-app.svg"
APP_ICON_PNG = SOURCE / "icons" / "app" / "png"
APP_ICON_ICO = SOURCE / "icons" / "app" / "clinic-app.ico"


def _tool(name: str) -> str:
    local = Path(sys.executable).parent / name
    return str(local) if local.exists() else name


def _inputs() -> list[Path]:
    return sorted(
        p for p in SOURCE.rglob("*") if p.is_file() and "linux" not in p.relative_to(SOURCE).parts
    )


def _fingerprint() -> str:
    digest = hashlib.sha256(Path(__file__).read_bytes())
    for path in _inputs():
        digest.update(str(path.relative_to(SOURCE)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def _render(svg: Path, size: int, out: Path) -> None:
    """Draw ``svg`` into a transparent ``size``-pixel square PNG."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg.relative_to(ROOT)}: not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    out.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(out), "PNG"):
        raise SystemExit(f"could not write {out}")


def _gui() -> object:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    return QGuiApplication.instance() or QGuiApplication([])


def write_ico(pngs: list[Path], out: Path) -> None:
    """An .ico whose entries are PNG images (read by Windows Vista and later)."""
    blobs = [p.read_bytes() for p in pngs]
    header = struct.pack("<HHH", 0, 1, len(blobs))
    offset = len(header) + 16 * len(blobs)
    entries = b""
    for blob in blobs:
        width, height = struct.unpack(">II", blob[16:24])  # from the PNG's IHDR chunk
        entries += struct.pack(
            "<BBBBHHII", width % 256, height % 256, 0, 0, 1, 32, len(blob), offset
        )
        offset += len(blob)
    out.write_bytes(header + entries + b"".join(blobs))


def build_app_icon() -> None:
    _gui()
    APP_ICON_PNG.mkdir(parents=True, exist_ok=True)
    for size in APP_ICON_SIZES:
        _render(APP_ICON, size, APP_ICON_PNG / f"clinic-app-{size}.png")
    write_ico([APP_ICON_PNG / f"clinic-app-{s}.png" for s in ICO_SIZES], APP_ICON_ICO)
    print(f"wrote {APP_ICON_PNG.relative_to(ROOT)}/ and {APP_ICON_ICO.relative_to(ROOT)}")


def _copy_tree(source: Path, target: Path, patterns: tuple[str, ...] = ("*",)) -> None:
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    for pattern in patterns:
        for path in sorted(source.glob(pattern)):
            if path.is_file():
                shutil.copy2(path, target / path.name)


def build() -> None:
    """(Re)write ``clinic_app/resources/`` from ``resources/``."""
    tmp = TARGET.with_name("resources.part")
    if tmp.exists():
        shutil.rmtree(tmp)
    tmp.mkdir(parents=True)
    # Translations: one .qm per .ts.
    (tmp / "translations").mkdir()
    for ts in sorted((SOURCE / "translations").glob("*.ts")):
        qm = tmp / "translations" / f"{ts.stem}.qm"
        subprocess.run([_tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)
    _copy_tree(SOURCE / "fonts", tmp / "fonts")
    _copy_tree(SOURCE / "partners", tmp / "partners", ("*.toml",))
    _gui()
    for group in ("areas", "actions"):
        for svg in sorted((SOURCE / "icons" / group).glob("*.svg")):
            for size in ICON_SIZES:
                _render(svg, size, tmp / "icons" / group / f"{svg.stem}-{size}.png")
    _copy_tree(APP_ICON_PNG, tmp / "icons" / "app", ("*.png",))
    (tmp / ".built").write_text(_fingerprint() + "\n")
    # Swap in the finished tree, so an interrupted build never leaves half a folder behind.
    if TARGET.exists():
        shutil.rmtree(TARGET)
    tmp.rename(TARGET)


def is_current() -> bool:
    return STAMP.is_file() and STAMP.read_text().strip() == _fingerprint()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--app-icon", action="store_true", help="redraw the app icon's PNG/ICO")
    parser.add_argument("--force", action="store_true", help="rebuild even if nothing changed")
    args = parser.parse_args(argv)
    if args.app_icon:
        build_app_icon()
    if args.force or not is_current():
        build()
        print(f"built {TARGET.relative_to(ROOT)}/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
