#!/usr/bin/env python3
"""A national guidance cascade ("1+X" down three levels), against plain batched create().

    python3 bench/bench_guidance.py [--db NAME] [--provinces 31] [--cities 400] [--counties 3000] [--keep]

Builds a unit tree (one national committee, 31 provinces, 400 cities, 3,000
counties, each with an office) and a national guidance list of 30 yearly items,
published. Then, rolled back afterwards:

1. **cascade**: the national list is sent down to the provinces (`_send_guidance`,
   one batch), each province gives its inherited items their owner (its office,
   one write per list) and the provinces' lists are published together; the same
   for the cities, then the counties: 3,431 derived lists, 102,930 items and as
   many tasks, with their derivation links;
2. **baseline**: plain batched `create()` of the same lists with their items (one
   call per level), then `liangze.task.create()` of the same tasks, with the
   context task generation uses.

Prints both times, their ratio and the query count of the cascade.
"""

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import Measure, log, odoo_env, odoo_suite, prepare_db  # noqa: E402

QUIET = {"tracking_disable": True, "mail_create_nolog": True, "mail_notrack": True, "no_reset_password": True}
SYNC_CONTEXT = {"active_test": False, "tracking_disable": True, "mail_create_nolog": True, "mail_notrack": True}


def build_tree(env, provinces, cities, counties):
    Unit = env["liangze.unit"].with_context(QUIET)
    nation = Unit.create({"name": "Nation", "code": "N", "unit_type": "party_committee"})
    levels = [nation]

    def level(parents, count, prefix):
        committees = Unit.create(
            [
                {
                    "name": f"{prefix} {n}",
                    "code": f"{prefix}{n}",
                    "unit_type": "party_committee",
                    "parent_id": parents[n % len(parents)].id,
                }
                for n in range(count)
            ]
        )
        return committees

    p = level(levels, provinces, "P")
    c = level(p, cities, "C")
    k = level(c, counties, "K")
    committees = nation | p | c | k
    offices = Unit.create([{"name": f"{u.name} office", "code": f"{u.code}-O", "parent_id": u.id} for u in committees])
    office_of = {office.parent_id.id: office.id for office in offices}
    return nation, [p, c, k], office_of


def national_list(env, nation, office_of, items):
    category = env.ref("liangze_responsibility.liangze_category_prevention")
    rlist = (
        env["liangze.list"]
        .with_context(QUIET)
        .create(
            {
                "name": "National guidance 2026",
                "year": 2026,
                "unit_ids": [(6, 0, nation.ids)],
                "item_ids": [
                    (
                        0,
                        0,
                        {
                            "name": f"Guidance item {n}",
                            "category_id": category.id,
                            "standard": f"Standard {n}",
                            "frequency": "yearly",
                            "owner_type": "department",
                            "owner_unit_ids": [(6, 0, [office_of[nation.id]])],
                        },
                    )
                    for n in range(items)
                ],
            }
        )
    )
    rlist.action_publish()
    return rlist


def cascade(env, guidance, levels, office_of):
    """Ours: send down, adopt (owners), publish, level by level."""
    superiors = guidance
    for committees in levels:
        derived = env["liangze.list"]
        for superior in superiors:
            below = committees.filtered(lambda c, s=superior: c.parent_id == s.committee_id)
            if below:
                derived |= superior._send_guidance(below, False)
        for rlist in derived:
            rlist.item_ids.write({"owner_unit_ids": [(6, 0, [office_of[rlist.committee_id.id]])]})
        derived.action_publish()
        superiors = derived
    return superiors


def baseline(env, guidance, levels, office_of):
    """Plain batched create() of the same lists and items, then of the same tasks."""
    Lists = env["liangze.list"].with_context(QUIET)
    fields = ["name", "category_id", "standard", "frequency", "owner_type", "deadline_days", "evidence_min"]
    template = guidance.item_ids.read(fields)
    for row in template:
        row["category_id"] = row["category_id"][0]
        row.pop("id")
    lists = Lists.browse()
    for committees in levels:
        lists |= Lists.create(
            [
                {
                    "name": f"{committee.name} 2026",
                    "year": 2026,
                    "unit_ids": [(6, 0, committee.ids)],
                    "item_ids": [
                        (0, 0, dict(row, owner_unit_ids=[(6, 0, [office_of[committee.id]])])) for row in template
                    ],
                }
                for committee in committees
            ]
        )
    lists._guard_sudo().write({"state": "published"})
    items = lists.item_ids
    calendars = items._workday_calendars()
    rows = [vals for item in items for vals in item._task_values(calendars).values()]
    env["liangze.task"].sudo().with_context(SYNC_CONTEXT).create(rows)
    return lists


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default="liangze_bench_guidance")
    parser.add_argument("--provinces", type=int, default=31)
    parser.add_argument("--cities", type=int, default=400)
    parser.add_argument("--counties", type=int, default=3000)
    parser.add_argument("--items", type=int, default=30)
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args()
    path = prepare_db(args.db, args.keep)
    try:
        with odoo_env(args.db, path) as env:
            started = time.perf_counter()
            nation, levels, office_of = build_tree(env, args.provinces, args.cities, args.counties)
            guidance = national_list(env, nation, office_of, args.items)
            env.cr.commit()
            log(f"setup: {sum(len(level) for level in levels) + 1} committees in {time.perf_counter() - started:.0f} s")

            with Measure(env) as ours:
                cascade(env, guidance, levels, office_of)
                env.flush_all()
            Task = env["liangze.task"].with_context(active_test=False)
            tasks = Task.search_count([("list_id", "!=", guidance.id)])
            derived = env["liangze.list"].search_count([("parent_list_id", "!=", False)])
            items = env["liangze.list.item"].search_count([("parent_item_id", "!=", False)])
            env.cr.rollback()
            env.invalidate_all()

            with Measure(env) as base:
                baseline(env, guidance, levels, office_of)
                env.flush_all()
            base_tasks = Task.search_count([("list_id", "!=", guidance.id)])
            env.cr.rollback()
    finally:
        if not args.keep:
            odoo_suite.drop_db(args.db)

    print()
    print(f"derived lists {derived}, inherited items {items}, tasks ours {tasks}, baseline {base_tasks}")
    print(f"cascade (send, adopt, publish)         {ours.seconds:>8.2f} s  {ours.queries} queries")
    print(f"plain batched create()                 {base.seconds:>8.2f} s  {base.queries} queries")
    print(f"guidance cascade: ratio {ours.seconds / base.seconds:.2f}")
    if tasks != base_tasks:
        sys.exit("the cascade made other tasks than the baseline")


if __name__ == "__main__":
    main()
