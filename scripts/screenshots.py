"""Screenshots of the main screens on the demo database, for the README.

    .venv/bin/python scripts/screenshots.py [--out docs/screenshots] [--persons 300]

Runs itself under a virtual X server (``xvfb-run -a``, real windows with the xcb platform),
on a fresh demo database of fictional people in a temporary folder, logs in as a demo user
and saves PNGs. Needs Debian's xvfb and the xcb libraries Qt uses; as root it installs them,
otherwise it names the command to run.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = [
    "xvfb",
    "xauth",
    "libxcb-icccm4",
    "libxcb-keysyms1",
    "libxcb-cursor0",
    "libxkbcommon-x11-0",
    "libxcb-shape0",
    "libxcb-render-util0",
    "libxcb-image0",
]
INNER = "CLINIC_APP_SCREENSHOTS_INNER"
USER = "teamlead"


def ensure_xvfb() -> str:
    """The path of xvfb-run, installing the Debian packages first when running as root."""
    found = shutil.which("xvfb-run")
    if found:
        return found
    install = ["apt-get", "install", "-y", "--no-install-recommends", *PACKAGES]
    if os.geteuid() != 0:
        sys.exit("xvfb-run is missing. Install it with:\n  sudo " + " ".join(install))
    subprocess.run(["apt-get", "update"], check=False)
    subprocess.run(install, check=True)
    found = shutil.which("xvfb-run")
    if not found:
        sys.exit("xvfb-run is still missing after installing " + " ".join(PACKAGES))
    return found


def outer(args: argparse.Namespace) -> int:
    xvfb = ensure_xvfb()
    env = dict(os.environ, **{INNER: "1", "QT_QPA_PLATFORM": "xcb"})
    cmd = [
        xvfb,
        "-a",
        "-s",
        "-screen 0 1366x768x24",  # a common laptop screen: everything must fit it
        sys.executable,
        str(Path(__file__).resolve()),
        "--out",
        str(args.out),
        "--persons",
        str(args.persons),
    ]
    return subprocess.run(cmd, env=env, check=False).returncode


def inner(args: argparse.Namespace) -> int:
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication, QWidget

    from clinic_app.cli.main import main as cli
    from clinic_app.i18n import Translations
    from clinic_app.services.container import build_services, open_database
    from clinic_app.ui.context import UiContext, wait_for_background_work
    from clinic_app.ui.login import LoginDialog, demo_accounts_for
    from clinic_app.ui.main_window import MainWindow, ShellOptions
    from clinic_app.ui.pages.dashboard import DashboardPage
    from clinic_app.ui.person.edit import PersonDialog
    from clinic_app.ui.settings import AppSettings

    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="clinic-app-shots-"))
    os.environ["CLINIC_APP_DATA_DIR"] = str(work)
    url = f"sqlite:///{work / 'demo.db'}"
    if cli(["--db", url, "demo", "--no-gui", "--persons", str(args.persons)]) != 0:
        return 1

    app = QApplication([sys.argv[0]])
    app.setApplicationDisplayName("Clinic App")
    translations = Translations(app)
    translations.switch("en")

    def settle(ms: int = 400) -> None:
        wait_for_background_work()
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()
        wait_for_background_work()
        app.processEvents()

    def shot(widget: QWidget, name: str) -> None:
        settle()
        widget.grab().save(str(out / name))
        print("saved", out / name)

    db = open_database(url)
    services = build_services(db)
    accounts = demo_accounts_for(db)
    password = next(a.password for a in accounts if a.username == USER)
    label = "demo.db (fictional people)"
    login = LoginDialog(services, database_label=label, demo_accounts=accounts)
    login.show()
    shot(login, "login.png")
    login.username.setText(USER)
    login.password.setText(password)
    login.try_login()
    while login.actor is None:
        settle(100)
    actor = login.actor
    login.close()

    settings = AppSettings(str(work / "settings.ini"))
    ctx = UiContext(services, actor, settings, database_label=label, demo=True)
    window = MainWindow(ctx, ShellOptions(label, "demo-pc", accounts), translations)
    window.resize(1366, 728)
    window.show()
    dashboard = window.show_area("dashboard")
    assert isinstance(dashboard, DashboardPage)
    dashboard.tabs.setCurrentWidget(dashboard.site)
    shot(window, "dashboard.png")

    window.show_area("persons")
    shot(window, "persons.png")

    item = dashboard.site.model.row(0)
    key = item.key if item is not None else None
    person_id = (
        int(key[0]) if isinstance(key, tuple) else services.persons.search(actor).items[0].id
    )
    window.open_person(person_id, "overview")
    record = window.person_windows[person_id]
    record.resize(1100, 720)
    shot(record, "person-overview.png")
    record.show_tab("timeline")
    shot(record, "person-timeline.png")
    record.show_tab("entitlements")
    shot(record, "person-entitlements.png")
    record.close()

    form = PersonDialog(ctx, None, window)
    form.show()
    form.name.setText("Oksana Kowalenko")
    form.birth_date.setText("2031-02-30")
    form.certainty.setCurrentIndex(form.certainty.findText("Exact birth date"))
    form.resize(640, 760)
    shot(form, "register-person.png")
    form.discard()

    # A minor's record: the Contacts tab with the guardian (scrolls rather than squeezes).
    minors = [p for p in services.persons.search(actor, "", limit=200).items if p.is_minor]
    if minors:
        window.open_person(minors[0].id, "contacts")
        record = window.person_windows[minors[0].id]
        record.resize(1100, 700)
        shot(record, "person-contacts-minor.png")
        record.close()

    window.lock()
    shot(window, "lock-screen.png")
    window._unlocked()  # back without a password: this is a screenshot run

    window.switch_language("da")
    window.show_area("dashboard")
    shot(window, "dashboard-da.png")
    window.switch_language("en")
    settings.language = "en"

    # The nurse's day: the Clinic page at 1366×768, with a half-typed new visitor.
    nurse_password = next(a.password for a in accounts if a.username == "nurse")
    window.become(services.users.authenticate("nurse", nurse_password, "demo-pc"))
    window.resize(1366, 728)
    clinic = window.show_area("clinic")
    form = getattr(clinic, "form", None)
    if form is not None:
        form.who.setText("Mira")
        form.pick_first()
        form.age.setText("23")
    shot(window, "clinic-1366x768.png")
    window.close()
    services.close()
    shutil.rmtree(work, ignore_errors=True)
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--persons", type=int, default=300)
    args = parser.parse_args()
    if os.environ.get(INNER):
        return inner(args)
    return outer(args)


if __name__ == "__main__":
    sys.exit(main())
