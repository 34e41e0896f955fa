"""``stats`` (yearly tables), ``stats export-htcds``, ``stats summary-pdf``, ``stats settings``
and ``stats ledger``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from clinic_app.cli.context import CommandContext, add_login_options, to_jsonable
from clinic_app.errors import Invalid, NotFound
from clinic_app.services.statistics import (
    BREAKDOWNS,
    CLINIC_ACTIVITY,
    SHELTER_STAYS,
    VICTIMS,
    StatisticsReport,
    StatsQuery,
    StatTable,
)
from clinic_app.services.statistics_labels import category_label, note_text, table_title

# What ``--by`` accepts: the breakdowns of identified victims, and the other tables.
BY_CHOICES: dict[str, str] = {
    "victims": VICTIMS,
    **BREAKDOWNS,
    "shelter": SHELTER_STAYS,
    "activity": CLINIC_ACTIVITY,
}
HIDDEN = ".."  # the statistical offices' sign for "confidential"


def register(sub: Any) -> None:
    stats = sub.add_parser(
        "stats",
        help="yearly statistics (published: small counts suppressed)",
        description="Yearly tables of identified and presumed victims, shelter stays and "
        "clinic activity. Published figures come from the publication ledger (each "
        "calendar year protected once) and hide counts below the administrators' threshold "
        "and any that could be worked out; --internal shows them all (team leads and "
        f"administrators only; audited). '{HIDDEN}' marks a hidden count.",
    )
    _period_options(stats, required=False)
    stats.add_argument(
        "--by",
        choices=sorted(BY_CHOICES),
        action="append",
        help="one table (repeatable; default: all tables)",
    )
    stats.add_argument("--format", choices=("table", "csv", "json"), default="table")
    stats.add_argument("--internal", action="store_true", help="no suppression (audited)")
    stats.add_argument("--out", metavar="FILE", help="write to FILE instead of the screen")
    add_login_options(stats)
    stats.set_defaults(handler=cmd_stats)

    ssub = stats.add_subparsers(dest="stats_command", metavar="ACTION")
    htcds = ssub.add_parser(
        "export-htcds",
        help="de-identified case records in HTCDS columns (CSV)",
        description="One row per person identified or presumed in the period, in the "
        "column names of the Human Trafficking Case Data Standard (see "
        "docs/htcds-mapping.md): no names, no case references, years only, age bands. "
        "Team leads and administrators only; audited as an export.",
    )
    _period_options(htcds)
    htcds.add_argument("--out", metavar="FILE", required=True, help="the CSV file to write")
    htcds.add_argument(
        "--k", type=int, help="smallest group of equal quasi-identifiers (default: the setting)"
    )
    add_login_options(htcds)
    htcds.set_defaults(handler=cmd_export_htcds)

    pdf = ssub.add_parser("summary-pdf", help="the yearly summary for publication, as PDF")
    pdf.add_argument("--year", type=int, required=True)
    pdf.add_argument("--site", metavar="CODE", help="one site (default: all sites)")
    pdf.add_argument("--language", choices=("en", "da"), default="en")
    pdf.add_argument("--out", metavar="FILE", required=True, help="the PDF file to write")
    add_login_options(pdf)
    pdf.set_defaults(handler=cmd_summary_pdf)

    conf = ssub.add_parser(
        "settings",
        help="show or change the disclosure settings (changing: administrators only)",
        description="The smallest count published (never below 3) and the k of the "
        "k-anonymous HTCDS export (never below 11). A changed threshold applies to years "
        "released from then on; released years keep theirs. Changes are audited.",
    )
    conf.add_argument("--threshold", type=int, help="new smallest count published")
    conf.add_argument("--k", type=int, help="new k for the HTCDS export")
    add_login_options(conf)
    conf.set_defaults(handler=cmd_settings)

    ledger = ssub.add_parser("ledger", help="the publication ledger: what was released, when")
    ledger.add_argument("--year", type=int, help="one year (default: all)")
    add_login_options(ledger)
    ledger.set_defaults(handler=cmd_ledger)


def _period_options(parser: Any, required: bool = True) -> None:
    parser.add_argument("--year", type=int, required=required, help="the (first) year")
    parser.add_argument("--to-year", type=int, help="the last year (default: --year)")
    parser.add_argument("--site", metavar="CODE", help="one site (default: all sites)")


def _site_id(ctx: CommandContext, code: str | None) -> int | None:
    if not code:
        return None
    wanted = code.strip().upper()
    for site in ctx.services().reference.sites():
        if site.code == wanted:
            return site.id
    raise NotFound("site", wanted)


def _write(path: str, data: bytes) -> None:
    target = Path(path)
    if target.is_dir():
        raise Invalid("out", "is_a_directory", "Give a file name, not a folder.")
    try:
        target.write_bytes(data)
    except OSError:
        raise Invalid("out", "not_writable", "The file could not be written.") from None


def cmd_stats(ctx: CommandContext) -> int:
    args = ctx.args
    if args.year is None:
        raise Invalid("year", "required", "Give --year (and --to-year for several years).")
    actor = ctx.login()
    query = StatsQuery.for_years(
        args.year,
        args.to_year,
        site_id=_site_id(ctx, args.site),
        internal=bool(args.internal),
    )
    keys = [BY_CHOICES[b] for b in dict.fromkeys(args.by)] if args.by else None
    stats = ctx.services().statistics
    if args.format == "csv":
        data = stats.export_csv(actor, query, keys)
        if args.out:
            _write(args.out, data)
        else:
            ctx.out.write(data.decode("utf-8-sig"))
        return 0
    report = stats.report(actor, query, keys)
    if args.format == "json":
        text = json.dumps(to_jsonable(report), ensure_ascii=False, indent=2)
    else:
        text = format_report(report)
    if args.out:
        _write(args.out, (text + "\n").encode("utf-8"))
    else:
        ctx.print(text)
    return 0


def cmd_export_htcds(ctx: CommandContext) -> int:
    actor = ctx.login()
    args = ctx.args
    query = StatsQuery.for_years(args.year, args.to_year, site_id=_site_id(ctx, args.site))
    export = ctx.services().statistics.export_htcds(actor, query, k=args.k)
    _write(args.out, export.data)
    ctx.print(
        f"{export.rows} records written to {args.out} (export {export.export_id}); "
        f"k = {export.k}, smallest group {export.smallest_class}, "
        f"{export.generalised} generalised, {export.withheld} withheld"
    )
    return 0


def cmd_settings(ctx: CommandContext) -> int:
    actor = ctx.login()
    args = ctx.args
    stats = ctx.services().statistics
    if args.threshold is not None:
        stats.set_threshold(actor, args.threshold)
    if args.k is not None:
        stats.set_htcds_k(actor, args.k)
    current = stats.settings(actor)
    ctx.print(f"threshold {current.threshold}; HTCDS k {current.htcds_k}")
    return 0


def cmd_ledger(ctx: CommandContext) -> int:
    actor = ctx.login()
    for r in ctx.services().statistics.ledger(actor, ctx.args.year):
        ctx.print(
            f"{r.year}  {r.table_key:<28} threshold {r.threshold}  "
            f"released {r.released_at:%Y-%m-%d %H:%M} by {r.released_by}  "
            f"hidden {r.primary_hidden} small + {r.secondary_hidden} more"
        )
    return 0


def cmd_summary_pdf(ctx: CommandContext) -> int:
    actor = ctx.login()
    args = ctx.args
    pdf = ctx.services().statistics.summary_pdf(
        actor, args.year, _site_id(ctx, args.site), language=args.language
    )
    _write(args.out, pdf)
    ctx.print(f"Summary for {args.year} written to {args.out}")
    return 0


def format_report(report: StatisticsReport) -> str:
    """Plain-text tables for the terminal."""
    head = f"{report.date_from} to {report.date_to}"
    head += f", site {report.site_code}" if report.site_code else ", all sites"
    head += (
        f"; published figures, threshold {report.threshold} "
        f"(counts below {report.threshold} hidden: {HIDDEN})"
        if report.published
        else "; INTERNAL figures, not for publication"
    )
    if report.unreleased:
        head += "; not yet released (year not over): " + ", ".join(map(str, report.unreleased))
    return "\n\n".join([head, *(format_table(t, report.threshold) for t in report.tables)])


def format_table(table: StatTable, threshold: int) -> str:
    def cell(value: int | None) -> str:
        return HIDDEN if value is None else str(value)

    header = ["Year", *(category_label(c) for c in table.columns)]
    rows = [[str(y), *(cell(v) for v in table.cells[i])] for i, y in enumerate(table.years)]
    if table.row_totals is not None:
        header.append("Total")
        for row, total in zip(rows, table.row_totals, strict=True):
            row.append(cell(total))
    if table.column_totals is not None:
        last = ["Total", *(cell(v) for v in table.column_totals)]
        if table.row_totals is not None:
            last.append(cell(table.grand_total))
        rows.append(last)
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    lines = [table_title(table.key) + f" ({table.unit})"]
    for r in [header, *rows]:
        lines.append(
            "  ".join(v.ljust(widths[i]) if i == 0 else v.rjust(widths[i]) for i, v in enumerate(r))
        )
    lines += [note_text(key, t=threshold - 1) for key in table.notes]
    return "\n".join(lines)
