"""Time document rendering: a 3-page action plan (target < 300 ms), the same with names in
eight scripts (fallback fonts, shaping, bidi; same target) and an access report with 200
events (target < 1 s). Prints the figures; exits non-zero if a target is missed.

Run from the repository root: ``.venv/bin/python benchmarks/bench_documents.py``
"""

from __future__ import annotations

import io
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pypdf import PdfReader

from clinic_app.documents import render_document, samples
from clinic_app.documents.base import register_fonts
from clinic_app.vocabulary import DocumentType

RUNS = 7


def measure(render: Callable[[], bytes]) -> tuple[float, float, float, int]:
    """Median and worst wall time of RUNS renders in ms, median CPU time in ms (a shared
    machine stretches wall time, not CPU time), and the page count."""
    timings = []
    cpu = []
    data = b""
    for _ in range(RUNS):
        start, start_cpu = time.perf_counter(), time.process_time()
        data = render()
        timings.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    pages = len(PdfReader(io.BytesIO(data)).pages)
    return statistics.median(timings), max(timings), statistics.median(cpu), pages


def main() -> int:
    start = time.perf_counter()
    register_fonts()
    print(f"font registration (once per process): {(time.perf_counter() - start) * 1000:.0f} ms")
    letterhead = samples.letterhead()
    plan = samples.action_plan(goal_count=12)
    report = samples.access_report(events=200)
    # The same plan for a person (and guardian) named in every script the fallback fonts
    # cover, so each fallback font is embedded and each shaper runs.
    names = "محمد عبد الله · สมชาย ใจดี · 王小明 · 張偉國 · 김민준 · አበበ በቀለ · राहुल · রহিম"
    scripts_plan = replace(plan, person_name=names, guardian_name=names)
    big_report = samples.access_report(events=1000)
    cases = [
        (
            "action plan",
            lambda: render_document(plan, samples.meta(DocumentType.ACTION_PLAN), letterhead),
            300.0,
        ),
        (
            "action plan, names in eight scripts",
            lambda: render_document(
                scripts_plan, samples.meta(DocumentType.ACTION_PLAN), letterhead
            ),
            300.0,
        ),
        (
            "access report, 200 events + 200 audit lines",
            lambda: render_document(report, samples.meta(DocumentType.ACCESS_REPORT), letterhead),
            1000.0,
        ),
        (
            "access report, 1,000 events + 1,000 audit lines",
            lambda: render_document(
                big_report, samples.meta(DocumentType.ACCESS_REPORT), letterhead
            ),
            1000.0,
        ),
    ]
    failed = False
    for name, render, target in cases:
        median, worst, cpu, pages = measure(render)
        ok = median < target
        failed |= not ok
        print(
            f"{name}: {pages} pages, median {median:.0f} ms (CPU {cpu:.0f} ms), worst "
            f"{worst:.0f} ms (target < {target:.0f} ms, ratio {median / target:.2f}) "
            f"{'OK' if ok else 'SLOW'}"
        )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
