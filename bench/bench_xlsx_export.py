#!/usr/bin/env python3
"""XLSX ledger export of 25,000 tasks, against plain xlsxwriter fed by one search_read.

    python3 bench/bench_xlsx_export.py [--db NAME] [--tasks 25000] [--keep]

Sets up 20 units and a published 2026 list of monthly items, so about 25,000
tasks; 40% of them get a plan and one progress entry (all created in batch).
Then exports every task:

1. through the report, `ir.actions.report._render(<xlsx report>, ids)`;
2. baseline: the same columns written with xlsxwriter (constant_memory) from one
   `search_read` of the tasks and one of their progress entries.

Each export runs twice: once for the time, CPU time and growth of the process
max RSS, once under tracemalloc for the peak of Python allocations (tracemalloc
slows Python down, so that run's time is not used). The database is dropped at
the end unless --keep, which keeps it with its tasks for the next run.
"""

import argparse
import io
import math
import sys
import time
import zipfile
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import Measure, log, odoo_env, odoo_suite, prepare_db  # noqa: E402

REPORT = "liangze_responsibility.action_report_liangze_ledger_xlsx"
LIST_NAME = "Benchmark ledger list 2026"
UNITS = 20
SHARE_WITH_LEDGER = 0.4  # tasks that have a plan and a progress entry
QUIET = {"tracking_disable": True, "mail_create_nolog": True, "no_reset_password": True}
# The columns of report/liangze_ledger_xlsx.py, so both exports write the same cells.
FIELDS = [
    "name", "category_id", "owner_unit_id", "responsible_user_id", "period_start", "period_end", "deadline",
    "state", "plan", "evidence_count", "signoff_user_id", "signoff_date",
]  # fmt: skip


def setup(env, n_tasks):
    """A published list with about n_tasks tasks; a share of them with a plan and a progress entry."""
    heads = (
        env["res.users"]
        .with_context(QUIET)
        .create([{"name": f"Bench ledger head {i}", "login": f"bench_ledger_head_{i}"} for i in range(UNITS + 1)])
    )
    Unit = env["liangze.unit"].with_context(QUIET)
    committee = Unit.create({"name": "Bench county", "unit_type": "party_committee", "head_id": heads[0].id})
    units = Unit.create(
        [{"name": f"Department {i}", "parent_id": committee.id, "head_id": heads[i + 1].id} for i in range(UNITS)]
    )
    categories = env["liangze.category"].search([])
    items = [
        {
            "name": f"Monthly duty {i}",
            "category_id": categories[i % len(categories)].id,
            "owner_unit_ids": [(6, 0, units.ids)],
            "frequency": "monthly",
            "standard": "Hold the meeting, keep the minutes, report the outcome.",
        }
        for i in range(math.ceil(n_tasks / (12 * UNITS)))
    ]
    lst = (
        env["liangze.list"]
        .with_context(QUIET)
        .create(
            {"name": LIST_NAME, "year": 2026, "unit_ids": [(6, 0, units.ids)], "item_ids": [(0, 0, v) for v in items]}
        )
    )
    lst.action_publish()
    tasks = lst.task_ids
    ledgers = tasks[: int(len(tasks) * SHARE_WITH_LEDGER)]
    # A few plan variants, so the write goes out as a few UPDATEs rather than one per task.
    for variant in range(10):
        ledgers[variant::10].write(
            {"plan": f"<p>Plan {variant}: <b>study</b> the rules, then report.</p><ul><li>step one</li></ul>"}
        )
    env["liangze.task.progress"].create(
        [
            {"task_id": t.id, "date": t.period_start, "percent": 50, "description": f"Halfway through {t.name}"}
            for t in ledgers
        ]
    )
    env.flush_all()
    env.cr.commit()
    return lst


def export_report(env, ids):
    return env["ir.actions.report"]._render(REPORT, ids)[0]


def export_baseline(env, ids):
    """The report's cells, written with nothing but xlsxwriter and two search_read."""
    import xlsxwriter

    from odoo import fields
    from odoo.tools import html2plaintext, is_html_empty

    Task = env["liangze.task"]
    tasks = Task.search_read([("id", "in", ids)], FIELDS, order="deadline, id")
    progress = defaultdict(list)
    for e in env["liangze.task.progress"].search_read(
        [("task_id", "in", ids)], ["task_id", "date", "percent", "description"], order="date, id"
    ):
        progress[e["task_id"][0]].append(f"{e['date']} {e['percent']}% {e['description']}")
    states = dict(Task._fields["state"]._description_selection(env))
    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"constant_memory": True, "strings_to_formulas": False, "strings_to_urls": False})
    sheet = book.add_worksheet("Work Ledgers")
    wrap, day = book.add_format({"text_wrap": True}), book.add_format({"num_format": "yyyy-mm-dd"})
    moment = book.add_format({"num_format": "yyyy-mm-dd hh:mm"})
    sheet.write_row(0, 0, FIELDS)
    for row, t in enumerate(tasks, 1):
        signed = t["signoff_date"] and fields.Datetime.context_timestamp(Task, t["signoff_date"]).replace(tzinfo=None)
        cells = [
            t["name"], t["category_id"] and t["category_id"][1], t["owner_unit_id"][1],
            t["responsible_user_id"] and t["responsible_user_id"][1], t["period_start"], t["period_end"],
            t["deadline"], states[t["state"]], "" if is_html_empty(t["plan"]) else html2plaintext(t["plan"]),
            "\n".join(progress[t["id"]]), t["evidence_count"], t["signoff_user_id"] and t["signoff_user_id"][1], signed,
        ]  # fmt: skip
        for col, value in enumerate(cells):
            if value is False or value == "":
                continue
            if col in (4, 5, 6):
                sheet.write_datetime(row, col, value, day)
            elif col == 12:
                sheet.write_datetime(row, col, value, moment)
            elif col == 10:
                sheet.write_number(row, col, value)
            else:
                sheet.write_string(row, col, value, wrap)
    book.close()
    return out.getvalue()


def rows_in(xlsx):
    """Rows of the first sheet: proves both exports wrote every task."""
    with zipfile.ZipFile(io.BytesIO(xlsx)) as z:
        return z.read("xl/worksheets/sheet1.xml").count(b"<row ")


def measure(env, export, ids):
    """(timed run, tracemalloc run, rows written)."""
    env.invalidate_all()  # read from the database, as a fresh request would
    with Measure(env, rss=True) as timed:
        data = export(env, ids)
    env.invalidate_all()
    with Measure(env, python=True) as traced:
        export(env, ids)
    return timed, traced, rows_in(data) - 1


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", default="liangze_bench_xlsx")
    parser.add_argument("--tasks", type=int, default=25000)
    parser.add_argument("--keep", action="store_true", help="keep the database and its tasks")
    args = parser.parse_args()

    addons = prepare_db(args.db, args.keep)
    try:
        with odoo_env(args.db, addons) as env:
            if not env.ref(REPORT, raise_if_not_found=False):
                sys.exit(f"no report {REPORT}: the XLSX ledger export is not installed")
            lst = env["liangze.list"].search([("name", "=", LIST_NAME)], limit=1)
            if lst:
                log(f"reusing the list with {len(lst.task_ids)} tasks")
            else:
                started = time.perf_counter()
                lst = setup(env, args.tasks)
                log(f"setup: {len(lst.task_ids)} tasks in {time.perf_counter() - started:.0f} s")
            ids = env["liangze.task"].search([("list_id", "=", lst.id)]).ids
            # Warm-up on a few tasks: loads the code and templates both exports need.
            export_report(env, ids[:50])
            export_baseline(env, ids[:50])
            base, base_py, base_rows = measure(env, export_baseline, ids)
            log(f"baseline: {base_rows} rows in {base.seconds:.1f} s")
            rep, rep_py, rep_rows = measure(env, export_report, ids)
            log(f"report: {rep_rows} rows in {rep.seconds:.1f} s")
    finally:
        if not args.keep:
            odoo_suite.drop_db(args.db)

    print()
    print(f"tasks exported: {len(ids)}   rows written: report {rep_rows}, baseline {base_rows}")
    print(f"{'':22} {'wall':>8} {'CPU':>8} {'queries':>8} {'Python peak':>12} {'max RSS growth':>15}")
    for label, m, py in (("report", rep, rep_py), ("baseline (xlsxwriter)", base, base_py)):
        print(
            f"{label:22} {m.seconds:>7.1f}s {m.cpu:>7.1f}s {m.queries:>8} "
            f"{py.py_peak_mb:>9.0f} MB {m.rss_peak_mb:>12.0f} MB"
        )
    peak = max(rep_py.py_peak_mb, rep.rss_peak_mb)
    print(f"xlsx: ratio {rep.seconds / base.seconds:.2f}, peak {peak:.0f} MB (target < 300 MB)")
    if rep_rows != len(ids):
        sys.exit(f"the report wrote {rep_rows} rows for {len(ids)} tasks")


if __name__ == "__main__":
    main()
