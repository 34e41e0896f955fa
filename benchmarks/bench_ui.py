"""Desktop app benchmarks on a 50,000-person demo database.

Run from the repository root (no display needed: Qt draws offscreen):
    .venv/bin/python benchmarks/bench_ui.py [--db FILE] [--persons N] [--rounds R]

Figures, each with its target and the ratio figure / target (below 1.0 meets it):
1. process start → log-in window shown (a fresh ``clinic-app-gui`` process each round);
2. log-in → populated main window (password check, main window, dashboard loaded);
3. search as you type: each keystroke's query until its rows are in the table;
4. opening a person record until its overview shows;
5. resident memory after browsing (many searches, 5,000 rows scrolled, 30 records opened).

Without ``--db`` a demo database is made once in a temporary folder (a few minutes for
50,000 persons); ``--db`` reuses a demo database file made by ``clinic-app demo --no-gui``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import keyring

from tests.fakes import MemoryKeyring

USER = "admin"

# A child process: time from its start until the log-in dialog is on screen.
_CHILD = r"""
import os, sys
from PySide6.QtCore import QTimer
from clinic_app import app
from clinic_app.ui import login

def exec_(self):
    QTimer.singleShot(0, lambda: print("SHOWN", flush=True))
    return login.QDialog.exec(self)

set_services = login.LoginDialog.set_services

def ready(self, *args, **kwargs):
    print("READY", flush=True)
    os._exit(0)

login.LoginDialog.exec = exec_
login.LoginDialog.set_services = ready
sys.exit(app.main(["--db", sys.argv[1], "--settings", sys.argv[2], "--demo"]))
"""


def report(name: str, value: float, target: float, unit: str) -> None:
    print(
        f"{name:<52} {value:9.1f} {unit:<3} target < {target:g} {unit}  ratio {value / target:.2f}"
    )


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p * (len(ordered) - 1)))]


def rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def make_db(folder: Path, persons: int) -> Path:
    from clinic_app.cli.main import main as cli

    path = folder / "demo.db"
    started = time.perf_counter()
    code = cli(["--db", f"sqlite:///{path}", "demo", "--no-gui", "--persons", str(persons)])
    if code != 0:
        sys.exit("could not make the demo database")
    print(f"demo database with {persons} persons made in {time.perf_counter() - started:.0f} s")
    return path


def bench_start(url: str, folder: Path, rounds: int) -> tuple[list[float], list[float]]:
    """(ms until the log-in window shows, ms until it can log in) per fresh process."""
    shown, ready = [], []
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", CLINIC_APP_DATA_DIR=str(folder))
    for i in range(rounds):
        started = time.perf_counter()
        proc = subprocess.Popen(
            [sys.executable, "-c", _CHILD, url, str(folder / f"start{i}.ini")],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            env=env,
        )
        assert proc.stdout is not None
        marks: dict[str, float] = {}
        for line in proc.stdout:
            marks[line.strip()] = (time.perf_counter() - started) * 1000
        proc.wait(timeout=120)
        if "SHOWN" not in marks or "READY" not in marks:
            sys.exit("the log-in window did not appear or the database did not open")
        shown.append(marks["SHOWN"])
        ready.append(marks["READY"])
    return shown, ready


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="an existing demo database file")
    parser.add_argument("--persons", type=int, default=50_000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    keyring.set_keyring(MemoryKeyring())
    folder = Path(tempfile.mkdtemp(prefix="clinic-bench-ui-"))
    os.environ["CLINIC_APP_DATA_DIR"] = str(folder)
    path = args.db or make_db(folder, args.persons)
    url = f"sqlite:///{path}"

    # 1. Process start → log-in window.
    start, start_ready = bench_start(url, folder, args.rounds)

    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from clinic_app.i18n import Translations
    from clinic_app.models import Person
    from clinic_app.services.container import build_services, open_database
    from clinic_app.services.demo_data import DEMO_USERS
    from clinic_app.ui.context import UiContext, wait_for_background_work
    from clinic_app.ui.main_window import MainWindow, ShellOptions
    from clinic_app.ui.pages.dashboard import DashboardPage
    from clinic_app.ui.pages.persons import PersonsPage
    from clinic_app.ui.settings import AppSettings

    app = QApplication([sys.argv[0]])
    Translations(app).switch("en")
    db = open_database(url)
    services = build_services(db, demo=True)
    with db.read() as s:
        persons = s.query(Person).count()
    password = next(pw for u, pw, _r, _s in DEMO_USERS if u == USER)

    def until(condition: Callable[[], object], timeout: float = 30.0) -> None:
        """Run the event loop until ``condition()`` holds. The loop sleeps between 1 ms
        checks, as the app's does, instead of spinning (a spinning UI thread would hold the
        interpreter lock and slow the worker thread it waits for)."""
        if condition():
            return
        loop = QEventLoop()
        timer = QTimer()
        timer.setInterval(1)
        deadline = time.perf_counter() + timeout

        def check() -> None:
            if condition() or time.perf_counter() > deadline:
                loop.quit()

        timer.timeout.connect(check)
        timer.start()
        loop.exec()
        timer.stop()
        if not condition():
            raise TimeoutError("the window did not fill in time")

    # 2. Log-in → populated main window.
    login_ms, window_ms = [], []
    window: MainWindow | None = None
    for i in range(args.rounds):
        t0 = time.perf_counter()
        actor = services.users.authenticate(USER, password, "bench")
        t1 = time.perf_counter()
        settings = AppSettings(str(folder / f"main{i}.ini"))
        ctx = UiContext(services, actor, settings, database_label=str(path), demo=True)
        window = MainWindow(ctx, ShellOptions(str(path)))
        window.show()
        page = window.page("dashboard")
        assert isinstance(page, DashboardPage)
        until(lambda p=page: all(s.message.text() or s.model.rowCount() for s in p.sections))
        t2 = time.perf_counter()
        login_ms.append((t1 - t0) * 1000)
        window_ms.append((t2 - t1) * 1000)
        if i < args.rounds - 1:
            window.close()
            wait_for_background_work()
            app.processEvents()
    assert window is not None

    # 3. Search as you type.
    persons_page = window.show_area("persons")
    assert isinstance(persons_page, PersonsPage)
    until(lambda: not persons_page.searching)
    typed = ["ana", "maria pop", "oksana", "1995", "nguyen", "26-", "bianca ciobanu", "achieng"]
    keystroke_ms: list[float] = []
    for word in typed * max(1, args.rounds // 2):
        persons_page.search.clear()
        until(lambda: not persons_page.searching)
        for n in range(1, len(word) + 1):
            persons_page.search.blockSignals(True)
            persons_page.search.setText(word[:n])
            persons_page.search.blockSignals(False)
            t0 = time.perf_counter()
            persons_page.run_search()
            until(lambda: not persons_page.searching)
            keystroke_ms.append((time.perf_counter() - t0) * 1000)

    # The service alone, same queries: what the database costs per keystroke.
    from clinic_app.services.persons import PersonFilter

    service_ms: list[float] = []
    admin = window.ctx.actor
    for word in typed:
        for n in range(1, len(word) + 1):
            t0 = time.perf_counter()
            services.persons.search(admin, word[:n], PersonFilter(), limit=100)
            service_ms.append((time.perf_counter() - t0) * 1000)

    # 4. Opening a person record.
    persons_page.search.clear()
    persons_page.run_search()
    until(lambda: not persons_page.searching)
    ids = [persons_page.model.person(i).id for i in range(30)]  # type: ignore[union-attr]
    open_ms: list[float] = []
    for pid in ids:
        t0 = time.perf_counter()
        window.open_person(pid, "overview")
        record = window.person_windows[pid]
        until(lambda r=record: bool(r.name_label.text()))
        open_ms.append((time.perf_counter() - t0) * 1000)
    timeline_ms: list[float] = []
    for pid in ids[:10]:
        record = window.person_windows[pid]
        t0 = time.perf_counter()
        record.show_tab("timeline")
        tab = record.tab_widget("timeline")
        until(lambda t=tab: t is not None and t.view is not None)  # type: ignore[attr-defined]
        timeline_ms.append((time.perf_counter() - t0) * 1000)

    # 5. Memory after browsing: scroll 5,000 rows in too.
    while persons_page.model.rowCount() < 5000 and persons_page.model.canFetchMore():
        persons_page.model.fetchMore()
    QTimer.singleShot(0, lambda: None)
    app.processEvents()
    memory = rss_mb()

    print(f"\nclinic_app desktop benchmarks: {persons} persons, {args.rounds} rounds")
    report("start → log-in window (median)", statistics.median(start), 2000, "ms")
    print(
        f"    database open and log-in possible (median) {statistics.median(start_ready):.0f} ms"
        " after start; typing works before that"
    )
    report(
        "log-in → populated main window (median)",
        statistics.median([a + b for a, b in zip(login_ms, window_ms, strict=True)]),
        1000,
        "ms",
    )
    print(
        f"    of which password check (argon2id) median {statistics.median(login_ms):.0f} ms,"
        f" main window and dashboard {statistics.median(window_ms):.0f} ms"
    )
    report("search per keystroke, median", statistics.median(keystroke_ms), 50, "ms")
    report("search per keystroke, 95th percentile", pct(keystroke_ms, 0.95), 150, "ms")
    print(
        f"    {len(keystroke_ms)} keystrokes; the 120 ms typing pause before a query is not"
        f" included; PersonService.search alone: median {statistics.median(service_ms):.0f} ms,"
        f" 95th percentile {pct(service_ms, 0.95):.0f} ms"
    )

    report("open a person record (median)", statistics.median(open_ms), 200, "ms")
    report("open a person record (95th percentile)", pct(open_ms, 0.95), 200, "ms")
    print(f"    legal timeline tab loaded: median {statistics.median(timeline_ms):.0f} ms")
    report("resident memory after browsing", memory, 400, "MB")
    window.close()
    wait_for_background_work()
    services.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
