#!/usr/bin/env python3
"""Drafting reminder letters from red tasks at province scale.

    python3 bench/bench_reminder_letters.py [--db NAME] [--units 2000] [--keep]

Builds the province of bench_generation.py (2,000 units, 256,000 tasks of 2026)
with `liangze_supervision` installed, every task supervised by the province's
discipline body, refreshes the warnings against today's date and commits. Then:

1. **drafting**: `liangze.reminder.letter._cron_draft_from_red_tasks()`, one
   draft letter per unit listing its red tasks;
2. **baseline**: the same letters and task links written by two hand-written
   INSERT … SELECT statements;
3. **re-run**: the job run again the same day must draft nothing; its query
   count must not grow with the number of red tasks.
"""

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import Measure, log, odoo_env, odoo_suite, prepare_db  # noqa: E402
from bench_generation import build_list, build_tree, vacuum  # noqa: E402

OPEN = "('todo', 'in_progress', 'returned')"


def hand_written_drafts(env, today):
    """The baseline: letters and links in two statements, no ORM."""
    cr = env.cr
    cr.execute(
        f"""INSERT INTO liangze_reminder_letter
                (unit_id, issuer_unit_id, company_id, letter_date, name, state, create_uid, write_uid,
                 create_date, write_date)
            SELECT t.owner_unit_id, t.supervising_unit_id, MIN(t.company_id), %(today)s,
                   '{{"en_US": "Supervision Reminder Letter"}}', 'draft', 1, 1, now(), now()
              FROM liangze_task t
             WHERE t.warning_level = 'red' AND t.state IN {OPEN} AND t.supervising_unit_id IS NOT NULL
          GROUP BY t.owner_unit_id, t.supervising_unit_id""",
        {"today": today},
    )
    letters = cr.rowcount
    cr.execute(
        f"""INSERT INTO liangze_reminder_letter_task_rel (letter_id, task_id)
            SELECT l.id, t.id
              FROM liangze_task t
              JOIN liangze_reminder_letter l
                ON l.unit_id = t.owner_unit_id AND l.issuer_unit_id = t.supervising_unit_id
               AND l.letter_date = %(today)s
             WHERE t.warning_level = 'red' AND t.state IN {OPEN}""",
        {"today": today},
    )
    return letters, cr.rowcount


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", default="liangze_bench_letters")
    parser.add_argument("--units", type=int, default=2000)
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args()

    addons = prepare_db(args.db, args.keep, module="liangze_supervision")
    try:
        with odoo_env(args.db, addons) as env:
            from odoo import fields

            Task, Letter = env["liangze.task"], env["liangze.reminder.letter"]
            if not Task.search_count([], limit=1):
                started = time.perf_counter()
                units = build_tree(env, args.units)
                build_list(env, units).action_publish()
                province_body = units.filtered(lambda u: u.unit_type == "discipline_body" and not u.parent_id.parent_id)
                env.flush_all()
                env.cr.execute("UPDATE liangze_task SET supervising_unit_id = %s", [province_body[:1].id])
                env.invalidate_all()
                Task._refresh_warning_levels()
                env.flush_all()
                env.cr.commit()
                log(
                    f"setup: {args.units} units, {Task.search_count([])} tasks in {time.perf_counter() - started:.0f} s"
                )
            vacuum(args.db)
            today = fields.Date.context_today(Letter)
            red = Task.search_count(
                [("warning_level", "=", "red"), ("state", "in", ("todo", "in_progress", "returned"))]
            )

            with Measure(env) as ours:
                drafted = Letter._cron_draft_from_red_tasks()
                env.flush_all()
            links = sum(len(letter.task_ids) for letter in drafted)
            with Measure(env) as rerun:
                again = Letter._cron_draft_from_red_tasks()
            env.cr.rollback()
            env.invalidate_all()

            with Measure(env) as base:
                base_letters, base_links = hand_written_drafts(env, today)
            env.cr.rollback()
    finally:
        if not args.keep:
            odoo_suite.drop_db(args.db)

    print()
    print(f"red tasks                          {red:>10}")
    print(f"drafting: {len(drafted)} letters, {links} links   {ours.seconds:>8.2f} s  {ours.queries} queries")
    print(f"hand-written INSERTs: {base_letters} letters, {base_links} links  {base.seconds:>8.2f} s")
    print(f"re-run the same day: {len(again)} drafted  {rerun.seconds:>8.2f} s  {rerun.queries} queries")
    print(f"drafting: ratio {ours.seconds / base.seconds:.2f} (target <= 5)")
    if links != red or len(again) or base_links != links:
        sys.exit("drafting linked a different number of tasks than are red, or the re-run drafted again")


if __name__ == "__main__":
    main()
