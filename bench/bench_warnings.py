#!/usr/bin/env python3
"""Warning refresh and leaders' cockpit at province scale.

    python3 bench/bench_warnings.py [--db NAME] [--units 2000] [--keep]

Builds the same province as bench_generation.py (2,000 units, 256,000 tasks of
2026), publishes it and commits. Then, against today's date:

1. the daily warning refresh (`_refresh_warning_levels`, one UPDATE of the rows
   whose level changed) after every level was reset, against one hand-written SQL
   UPDATE of the same rows with the same CASE; its query count must not grow
   with the number of tasks (it is also measured on a tenth of the tasks);
2. the call that feeds the cockpit screen (reading the figures of the top units
   of a province leader's scope, then of the next level down), as the leader,
   repeated: its median time (target <= 300 ms).
"""

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import Measure, log, odoo_env, odoo_suite, prepare_db  # noqa: E402
from bench_generation import QUIET, build_list, build_tree, vacuum  # noqa: E402

COCKPIT_FIELDS = [
    "complete_name",
    "cockpit_task_count",
    "cockpit_done_rate",
    "cockpit_on_time_rate",
    "cockpit_yellow_count",
    "cockpit_red_count",
    "child_count",
]


def reset_levels(env, where="TRUE"):
    env.cr.execute(f"UPDATE liangze_task SET warning_level = NULL WHERE {where}")
    env.invalidate_all()


# The tasks' warning rule written by hand, as the task model had it before the
# shared deadline mechanism generated it from its declarations.
HAND_WRITTEN_CASE = """CASE
    WHEN state = 'accepted' THEN CASE WHEN accepted_on <= deadline THEN 'done_on_time' ELSE 'done_late' END
    WHEN state = 'cancelled' OR deadline IS NULL THEN 'normal'
    WHEN deadline < %(today)s THEN 'red'
    WHEN state IN ('todo', 'in_progress', 'returned') AND yellow_date <= %(today)s THEN 'yellow'
    ELSE 'normal' END"""


def hand_written_update(env, where="TRUE"):
    """The baseline: the same CASE in one UPDATE, written by hand."""
    from odoo import fields

    case = HAND_WRITTEN_CASE
    env.cr.execute(
        f"UPDATE liangze_task SET warning_level = {case} WHERE ({where}) AND warning_level IS DISTINCT FROM {case}",
        {"today": fields.Date.today()},
    )
    return env.cr.rowcount


def refresh(env, Task, label, where="TRUE"):
    """Time the refresh and the hand-written UPDATE on the same rows; returns their measures."""
    reset_levels(env, where)
    with Measure(env) as ours:
        Task._refresh_warning_levels()
    reset_levels(env, where)
    with Measure(env) as base:
        rows = hand_written_update(env, where)
    log(
        f"{label}: {rows} rows; refresh {ours.seconds:.2f} s, {ours.queries} queries; "
        f"hand-written UPDATE {base.seconds:.2f} s"
    )
    return ours, base, rows


def median_ms(call, runs=11):
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        call()
        times.append(1000 * (time.perf_counter() - started))
    return statistics.median(times)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", default="liangze_bench_warn")
    parser.add_argument("--units", type=int, default=2000)
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args()

    addons = prepare_db(args.db, args.keep)
    try:
        with odoo_env(args.db, addons) as env:
            Task = env["liangze.task"]
            if not Task.search_count([], limit=1):
                started = time.perf_counter()
                units = build_tree(env, args.units)
                build_list(env, units).action_publish()
                env.flush_all()
                env.cr.commit()
                log(
                    f"setup: {args.units} units, {Task.search_count([])} tasks in {time.perf_counter() - started:.0f} s"
                )
            vacuum(args.db)
            total = Task.search_count([])

            ours, base, rows = refresh(env, Task, "all tasks")
            small, _small_base, small_rows = refresh(env, Task, "a tenth", "mod(id, 10) = 0")
            env.cr.rollback()

            # The cockpit as a province leader: member of the root committee.
            province = env["liangze.unit"].search([("parent_id", "=", False)], limit=1)
            leader = (
                env["res.users"]
                .with_context(QUIET)
                .create(
                    {
                        "name": "Bench leader",
                        "login": "bench_leader",
                        "group_ids": [(6, 0, [env.ref("liangze_base.group_liangze_leader").id])],
                    }
                )
            )
            province.member_ids = [(4, leader.id)]
            env.flush_all()
            Unit = (
                env["liangze.unit"]
                .with_user(leader)
                .with_context(cockpit_date_from="2026-01-01", cockpit_date_to="2026-12-31")
            )
            roots = Unit._cockpit_roots()

            def top_level():
                Unit.invalidate_model()
                return Unit.search_read([("id", "in", roots.ids)], COCKPIT_FIELDS)

            def next_level():
                Unit.invalidate_model()
                return Unit.search_read([("parent_id", "in", roots.ids)], COCKPIT_FIELDS)

            figures = top_level()
            log(f"cockpit top: {figures[0]['complete_name']} with {figures[0]['cockpit_task_count']} tasks")
            top_ms, next_ms = median_ms(top_level), median_ms(next_level)
            env.cr.rollback()
    finally:
        if not args.keep:
            odoo_suite.drop_db(args.db)

    print()
    print(f"tasks                              {total:>10}")
    print(f"refresh, all {rows} changed rows    {ours.seconds:>8.2f} s  {ours.queries} queries")
    print(f"hand-written UPDATE, same rows     {base.seconds:>8.2f} s")
    print(f"refresh, a tenth ({small_rows} rows)      {small.seconds:>8.2f} s  {small.queries} queries")
    print(f"cockpit, top level (median of 11)  {top_ms:>8.0f} ms")
    print(f"cockpit, next level (median of 11) {next_ms:>8.0f} ms")
    print(
        f"warnings: ratio {ours.seconds / base.seconds:.2f} (target <= 2), queries {ours.queries} "
        f"whatever the rows ({small.queries} on a tenth)"
    )
    print(f"cockpit: median {max(top_ms, next_ms):.0f} ms (target <= 300)")


if __name__ == "__main__":
    main()
