#!/usr/bin/env python3
"""Scoring a province's assessment year.

    python3 bench/bench_assessment.py [--db NAME] [--units 2000] [--keep]

Builds the province of bench_generation.py (2,000 units, 256,000 tasks of 2026)
with `liangze_accountability` installed; a fifth of the tasks are accepted
after their deadline, a tenth are still open past it. A scheme assesses the
130 county party committees in one peer group, with a rule for late tasks
and one for red tasks. Then:

1. **scoring**: `scheme._score()` — the deductions of every rule (one
   INSERT … SELECT each), then the scores and ranks (one statement);
2. **baseline**: the same deductions written by one hand-written INSERT … SELECT,
   then the scores and ranks by one hand-written aggregation;
3. **re-run**: scoring again must add no deduction, its query count must not
   grow with the tasks.
"""

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import Measure, log, odoo_env, odoo_suite, prepare_db  # noqa: E402
from bench_generation import build_list, build_tree, vacuum  # noqa: E402

BASELINE = """
INSERT INTO liangze_assessment_deduction
       (scheme_id, rule_id, unit_id, kind, points, source_model, source_id, date, charged_on, state, manual,
        create_uid, write_uid, create_date, write_date)
SELECT %(scheme)s, CASE WHEN t.state = 'accepted' THEN %(late)s ELSE %(red)s END, a.id, 'deduction',
       CASE WHEN t.state = 'accepted' THEN 1.0 ELSE 2.0 END, 'liangze.task', t.id,
       CASE WHEN t.state = 'accepted' THEN t.accepted_on ELSE t.deadline END, %(today)s, 'active', FALSE,
       1, 1, now(), now()
  FROM liangze_task t
  JOIN liangze_unit u ON u.id = t.owner_unit_id
  JOIN liangze_unit a ON a.id = ANY(%(assessed)s) AND u.parent_path LIKE a.parent_path || '%%'
 WHERE t.active AND t.year = 2026
   AND ((t.state = 'accepted' AND t.accepted_on > t.deadline)
        OR (t.state NOT IN ('accepted', 'cancelled') AND t.deadline < %(cutoff)s));
SELECT unit_id, 100 - SUM(points), rank() OVER (ORDER BY 100 - SUM(points) DESC)
  FROM liangze_assessment_deduction WHERE scheme_id = %(scheme)s GROUP BY unit_id;
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", default="liangze_bench_assessment")
    parser.add_argument("--units", type=int, default=2000)
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args()

    addons = prepare_db(args.db, args.keep, module="liangze_accountability")
    try:
        with odoo_env(args.db, addons) as env:
            from odoo import fields

            Task, Scheme = env["liangze.task"], env["liangze.assessment.scheme"]
            if not Task.search_count([], limit=1):
                started = time.perf_counter()
                units = build_tree(env, args.units)
                build_list(env, units).action_publish()
                env.flush_all()
                # A fifth accepted late, a tenth still open past the deadline.
                env.cr.execute(
                    """UPDATE liangze_task SET state = 'accepted', accepted_on = deadline + 3,
                              accepted_date = deadline + 3, warning_level = 'done_late'
                        WHERE mod(id, 5) = 0"""
                )
                env.cr.execute(
                    "UPDATE liangze_task SET deadline = DATE '2026-01-31', state = 'in_progress' WHERE mod(id, 10) = 1"
                )
                env.invalidate_all()
                env.cr.commit()
                log(
                    f"setup: {args.units} units, {Task.search_count([])} tasks in {time.perf_counter() - started:.0f} s"
                )
            vacuum(args.db)
            committees = env["liangze.unit"].search([("unit_type", "=", "party_committee")])
            root = committees.filtered(lambda u: not u.parent_id)
            counties = committees - root - committees.filtered(lambda u: u.parent_id == root)
            scheme = Scheme.create(
                {
                    "name": "2026 province assessment",
                    "year": 2026,
                    "group_ids": [(0, 0, {"name": "Counties", "unit_ids": [(6, 0, counties.ids)]})],
                    "rule_ids": [
                        (0, 0, {"kind": "late_task", "points": 1}),
                        (0, 0, {"kind": "red_task", "points": 2, "red_workdays": 10}),
                    ],
                }
            )
            scheme._guard_sudo().write({"state": "published"})
            env.flush_all()
            env.cr.commit()  # each measurement below is rolled back to this point
            cutoff = scheme.company_id._liangze_workdays().subtract_workdays(fields.Date.today(), 10)

            with Measure(env) as ours:
                scheme._score()
                env.flush_all()
            deductions = env["liangze.assessment.deduction"].search_count([("scheme_id", "=", scheme.id)])
            with Measure(env) as rerun:
                scheme._score()
                env.flush_all()
            again = env["liangze.assessment.deduction"].search_count([("scheme_id", "=", scheme.id)]) - deductions
            env.cr.rollback()
            env.invalidate_all()

            with Measure(env) as base:
                late, red = (scheme.rule_ids.filtered(lambda r, k=k: r.kind == k).id for k in ("late_task", "red_task"))
                env.cr.execute(
                    BASELINE,
                    {
                        "scheme": scheme.id,
                        "late": late,
                        "red": red,
                        "today": fields.Date.today(),
                        "assessed": counties.ids,
                        "cutoff": cutoff,
                    },
                )
                base_rows = env.cr.rowcount
            env.cr.execute("SELECT count(*) FROM liangze_assessment_deduction WHERE scheme_id = %s", [scheme.id])
            base_deductions = env.cr.fetchone()[0]
            env.cr.rollback()
    finally:
        if not args.keep:
            odoo_suite.drop_db(args.db)

    print()
    print(f"assessed units: {base_rows}; deductions: ours {deductions}, baseline {base_deductions}")
    print(f"scoring (deductions, scores, ranks)    {ours.seconds:>8.2f} s  {ours.queries} queries")
    print(f"hand-written INSERT and aggregation    {base.seconds:>8.2f} s")
    print(f"re-run: {again} deductions added       {rerun.seconds:>8.2f} s  {rerun.queries} queries")
    print(f"assessment: ratio {ours.seconds / base.seconds:.2f} (target <= 2)")
    if again or deductions != base_deductions:
        sys.exit("scoring again added deductions, or counted others than the baseline")


if __name__ == "__main__":
    main()
