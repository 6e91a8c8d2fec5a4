#!/usr/bin/env python3
"""Task generation at province scale, against a plain create() of the same rows.

    python3 bench/bench_generation.py [--db NAME] [--units 2000] [--keep]

Builds a unit tree (1 province, ~14 cities, ~130 counties, their departments
and discipline bodies, each unit with a head) and a 2026 list of 10 monthly and
2 quarterly items owned by every unit: publishing it generates 128 tasks per
unit, 256,000 for 2,000 units. Then measures, each on the same committed data
and rolled back afterwards:

1. `action_publish()`, i.e. `_sync_tasks()` creating every task;
2. the daily cron on the published list, which must create nothing;
3. the baseline: `liangze.task.create()` of the very rows `_task_values()` gives,
   with the context `_sync_tasks()` uses.

The setup is committed so that VACUUM can clear the rolled-back rows between the
runs (dead index entries would otherwise slow down whichever run comes later).
The database is dropped at the end unless --keep, which keeps it with the unit
tree and the draft list for the next run.
"""

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import Measure, log, odoo_env, odoo_suite, prepare_db  # noqa: E402

LIST_NAME = "Benchmark list 2026"
# What _sync_tasks() gives create(); the baseline must pay for the same context.
SYNC_CONTEXT = {"active_test": False, "tracking_disable": True, "mail_create_nolog": True, "mail_notrack": True}
# Cheap record creation for the setup: no chatter, no invitation mails.
QUIET = {"tracking_disable": True, "mail_create_nolog": True, "no_reset_password": True}


def build_tree(env, total):
    """`total` units: 1 province, ~14 cities and ~130 counties per 2,000 units,
    each with a discipline body, then departments spread over all of them."""
    Unit = env["liangze.unit"].with_context(QUIET)
    heads = iter(
        env["res.users"]
        .with_context(QUIET)
        .create([{"name": f"Bench head {i}", "login": f"bench_head_{i}"} for i in range(total)])
        .ids
    )
    n_cities, n_counties = max(1, round(total * 14 / 2000)), max(1, round(total * 130 / 2000))
    province = Unit.create({"name": "Province", "unit_type": "party_committee", "head_id": next(heads)})
    cities = Unit.create(
        [
            {"name": f"City {c}", "unit_type": "party_committee", "parent_id": province.id, "head_id": next(heads)}
            for c in range(n_cities)
        ]
    )
    counties = Unit.create(
        [
            {
                "name": f"County {k}",
                "unit_type": "party_committee",
                "parent_id": cities[k % n_cities].id,
                "head_id": next(heads),
            }
            for k in range(n_counties)
        ]
    )
    committees = province | cities | counties
    leaves = [
        {"name": "Discipline body", "unit_type": "discipline_body", "parent_id": c.id, "head_id": next(heads)}
        for c in committees
    ]
    n_departments = total - len(committees) - len(leaves)
    leaves += [
        {
            "name": f"Department {d}",
            "unit_type": "department",
            "parent_id": committees[d % len(committees)].id,
            "head_id": next(heads),
        }
        for d in range(n_departments)
    ]
    return committees | Unit.create(leaves)


def build_list(env, units):
    """10 monthly and 2 quarterly items, each owned by every unit: 128 tasks a unit."""
    categories = env["liangze.category"].search([])
    items = [
        {
            "name": f"{frequency} item {i}",
            "category_id": categories[i % len(categories)].id,
            "owner_type": "department",
            "owner_unit_ids": [(6, 0, units.ids)],
            "frequency": frequency,
        }
        for i, frequency in enumerate(["monthly"] * 10 + ["quarterly"] * 2)
    ]
    vals = {"name": LIST_NAME, "year": 2026, "unit_ids": [(6, 0, units.ids)], "item_ids": [(0, 0, v) for v in items]}
    return env["liangze.list"].with_context(QUIET).create(vals)


def task_rows(items):
    """The rows _sync_tasks() creates for `items`, built as it builds them, outside any timed block."""
    # Newer _task_values() take the companies' workday calendars (deadlines skip holidays).
    args = (items._workday_calendars(),) if hasattr(items, "_workday_calendars") else ()
    return [
        vals
        for item in items
        for vals in item.with_context(lang=item.company_id.partner_id.lang or item.env.lang)
        ._task_values(*args)
        .values()
    ]


def vacuum(db):
    """Clear the rows a rolled-back run left in liangze_task and its indexes."""
    with odoo_suite.pg_cursor(db) as cr:
        cr.execute("VACUUM ANALYZE liangze_task")


def per_k(queries, tasks):
    return 1000 * queries / max(tasks, 1)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", default="liangze_bench_gen")
    parser.add_argument("--units", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=1, help="runs of each, in ABBA order; the fastest counts")
    parser.add_argument("--keep", action="store_true", help="keep the database (with the tree and the draft list)")
    args = parser.parse_args()
    if args.units < 300:
        parser.error("--units must be at least 300 (the committees and their discipline bodies take ~150)")

    addons = prepare_db(args.db, args.keep)
    try:
        with odoo_env(args.db, addons) as env:
            cr = env.cr
            lst = env["liangze.list"].search([("name", "=", LIST_NAME), ("state", "=", "draft")], limit=1)
            if lst and len(lst.unit_ids) == args.units:
                log(f"reusing {len(lst.unit_ids)} units and the draft list")
            else:
                started = time.perf_counter()
                lst = build_list(env, build_tree(env, args.units))
                env.flush_all()
                cr.commit()
                took = time.perf_counter() - started
                log(f"setup: {args.units} units with heads, {len(lst.item_ids)} items in {took:.0f} s")
            Task = env["liangze.task"].sudo().with_context(SYNC_CONTEXT)

            vals_list = task_rows(lst.item_ids)
            env.invalidate_all()  # both runs start from a cold record cache
            log(f"rows to create: {len(vals_list)}")

            gens, bases = [], []
            for run in range(args.repeat):
                # ABBA order over the repeats: whichever run goes second meets a warmer server.
                for kind in ("gen", "base") if run % 2 == 0 else ("base", "gen"):
                    if kind == "base":
                        with Measure(env) as m:
                            Task.create(vals_list)
                        bases.append(m)
                        log(f"baseline create: {len(vals_list)} tasks in {m.seconds:.1f} s, {m.queries} queries")
                    else:
                        with Measure(env) as m:
                            lst.action_publish()
                        gens.append(m)
                        created = Task.search_count([("list_id", "=", lst.id)])
                        log(f"publish: {created} tasks in {m.seconds:.1f} s, {m.queries} queries")
                        if run == 0:
                            env.invalidate_all()  # the cron runs in a fresh transaction
                            with Measure(env) as cron:
                                env["liangze.list"]._cron_generate_tasks()
                            again = Task.search_count([("list_id", "=", lst.id)]) - created
                            log(f"cron re-run: {again} tasks created in {cron.seconds:.1f} s, {cron.queries} queries")
                    cr.rollback()
                    vacuum(args.db)
    finally:
        if not args.keep:
            odoo_suite.drop_db(args.db)

    # The fastest of the repeats is the one least disturbed by other jobs on the machine.
    gen, base = min(gens, key=lambda m: m.seconds), min(bases, key=lambda m: m.seconds)
    gen_cpu, base_cpu = min(m.cpu for m in gens), min(m.cpu for m in bases)
    ratio = gen.seconds / base.seconds
    print()
    rows = len(vals_list)
    print(f"tasks created            {created:>10}   (expected {rows})")
    print(f"{'':24} {'wall':>8} {'CPU':>8}   queries / 1,000 tasks")
    print(f"generation (publish)     {gen.seconds:>7.1f}s {gen_cpu:>7.1f}s   {per_k(gen.queries, created):8.1f}")
    print(f"baseline (plain create)  {base.seconds:>7.1f}s {base_cpu:>7.1f}s   {per_k(base.queries, rows):8.1f}")
    cron_line = f"{cron.seconds:>7.1f}s {cron.cpu:>7.1f}s   {cron.queries} queries in all, {again} tasks created"
    print(f"cron re-run              {cron_line}")
    print(f"CPU ratio (this process + its PostgreSQL backend): {gen_cpu / base_cpu:.2f}")
    print(f"generation: ratio {ratio:.2f} (target <= 1.3)")
    if created != rows or again:
        sys.exit("generation did not create exactly the expected tasks, or the cron re-run created some")


if __name__ == "__main__":
    main()
