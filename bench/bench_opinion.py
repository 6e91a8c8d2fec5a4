#!/usr/bin/env python3
"""Drafting the integrity opinions of a batch of 1,536 persons.

    python3 bench/bench_opinion.py [--db NAME] [--persons 1536] [--small 96] [--repeat 2] [--keep]

Installs `liangze_integrity` and builds one bureau: a party committee, 48
departments, its discipline body (an officer and a head), a personnel department
(an organisation officer) and 32 cadres per department. Findings are spread over
the cadres: a recorded sanction running (every 16th), an issued admonishment
decision within its effect period (every 24th), a file entry barring promotion
(every 20th), an open clue (every 12th), an accountability case under inquiry
(every 32nd); and what must not count: sanctions whose period ended (every 10th),
a bar that ended (every 28th). The organisation officer submits one request with
every person and one with the first `--small` persons; the setup is committed.
Then, each run in a savepoint rolled back afterwards:

1. **drafting**: `request.action_draft_opinions()` as the officer (the hook
   `_opinion_findings`, one batched `create` of the reasons, one `write` per kind
   of opinion);
2. **baseline**: the same checks in one hand-written SQL statement (the findings
   as a UNION of joins, inserted as reasons, the opinions updated from them);
3. **small batch**: drafting the small request: its query count must equal the
   big one's (up to the ORM's batches of 100 inserted rows).

The script exits 1 if the two write different opinions or reasons.
"""

import argparse
import sys
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import Measure, log, odoo_env, odoo_suite, prepare_db  # noqa: E402

MODULE = "liangze_integrity"
QUIET = {"tracking_disable": True, "mail_create_nolog": True, "no_reset_password": True}
DEPARTMENTS = 48
TITLE = "Benchmark batch"

# The checks of `_opinion_findings`, written by hand: one statement finds, inserts and updates.
BASELINE = """
WITH lines AS (
    SELECT o.id, o.cadre_id FROM liangze_opinion o WHERE o.request_id = %(request)s
), found AS (
    SELECT l.id AS opinion_id, l.cadre_id, 'veto' AS kind, 'liangze.sanction' AS source_model, s.id AS source_id,
           'sanction' AS source_kind,
           (t.name->>'en_US') || ' of ' || to_char(s.decision_date, 'FMMM/FMDD/YYYY')
           || CASE WHEN s.permanent THEN ', with no end'
                   ELSE ', effect period until ' || to_char(s.effect_until, 'FMMM/FMDD/YYYY') END
           || COALESCE(' (' || s.decision_number || ')', '') AS description
      FROM lines l
      JOIN liangze_sanction s ON s.cadre_id = l.cadre_id
      JOIN liangze_sanction_type t ON t.id = s.type_id
     WHERE s.state = 'recorded' AND s.active AND COALESCE(s.effective_date, s.decision_date) <= %(day)s
       AND (s.permanent OR s.effect_until >= %(day)s)
    UNION ALL
    SELECT l.id, l.cadre_id, 'veto', 'liangze.accountability.decision', d.id, 'accountability_decision',
           'Accountability decision ' || COALESCE(d.document_number, '') || ' ('
           || COALESCE((SELECT string_agg(m.name->>'en_US', '、' ORDER BY m.sequence, m.id)
                          FROM liangze_accountability_decision_measure_rel r
                          JOIN liangze_accountability_measure m ON m.id = r.measure_id
                         WHERE r.decision_id = d.id), '')
           || '), effect period until ' || to_char(d.effect_until, 'FMMM/FMDD/YYYY')
      FROM lines l
      JOIN liangze_accountability_decision d ON d.cadre_id = l.cadre_id
     WHERE d.state IN ('issued', 'done') AND d.decision_date <= %(day)s AND d.effect_until >= %(day)s
    UNION ALL
    SELECT l.id, l.cadre_id, 'veto', 'liangze.integrity.entry', e.id, 'file_entry',
           'Integrity file: ' || e.name || CASE WHEN e.bars_until IS NULL THEN ', bars promotion'
                ELSE ', bars promotion until ' || to_char(e.bars_until, 'FMMM/FMDD/YYYY') END
      FROM lines l
      JOIN liangze_integrity_entry e ON e.cadre_id = l.cadre_id
     WHERE e.bars_promotion AND (e.bars_until IS NULL OR e.bars_until >= %(day)s)
    UNION ALL
    SELECT l.id, l.cadre_id, 'defer', 'liangze.integrity.entry', e.id, 'file_entry',
           'Integrity file: ' || e.name || ', still open'
      FROM lines l
      JOIN liangze_integrity_entry e ON e.cadre_id = l.cadre_id
     WHERE e.open_matter
    UNION ALL
    SELECT DISTINCT l.id, l.cadre_id, 'defer', 'liangze.accountability.case', c.id, 'accountability_case',
           'Accountability case ' || c.name || ' under way: ' || c.title
      FROM lines l
      JOIN liangze_accountability_decision d ON d.cadre_id = l.cadre_id AND d.state = 'draft'
      JOIN liangze_accountability_case c ON c.id = d.case_id AND c.state IN ('draft', 'to_approve', 'inquiry')
), inserted AS (
    INSERT INTO liangze_opinion_reason
           (opinion_id, cadre_id, request_id, company_id, kind, description, source_model, source_id, source_kind,
            create_uid, write_uid, create_date, write_date)
    SELECT f.opinion_id, f.cadre_id, %(request)s, %(company)s, f.kind, f.description, f.source_model, f.source_id,
           f.source_kind, %(uid)s, %(uid)s, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
      FROM found f
    RETURNING opinion_id, kind
)
UPDATE liangze_opinion o
   SET opinion = v.kind, proposed_opinion = v.kind,
       opinion_text = CASE v.kind WHEN 'veto' THEN %(veto)s WHEN 'defer' THEN %(defer)s ELSE %(clear)s END,
       write_uid = %(uid)s, write_date = now() AT TIME ZONE 'UTC'
  FROM (SELECT l.id, CASE WHEN bool_or(i.kind = 'veto') THEN 'veto'
                          WHEN bool_or(i.kind = 'defer') THEN 'defer' ELSE 'clear' END AS kind
          FROM lines l LEFT JOIN inserted i ON i.opinion_id = l.id
         GROUP BY l.id) v
 WHERE o.id = v.id;
UPDATE liangze_opinion_request SET state = 'drafted', drafted_on = %(day)s WHERE id = %(request)s;
"""


def build(env, persons, small):
    """The bureau, its cadres and findings, and the two submitted requests."""
    from odoo import fields

    today = fields.Date.today()
    Users = env["res.users"].with_context(QUIET)

    def user(login, group):
        return Users.create({"name": login, "login": login, "group_ids": [(6, 0, [env.ref(group).id])]})

    organiser = user("bench_organiser", "liangze_integrity.group_liangze_organisation")
    supervisor = user("bench_supervisor", "liangze_base.group_liangze_supervisor")
    head = user("bench_head", "liangze_base.group_liangze_supervision_head")
    Unit = env["liangze.unit"].with_context(QUIET)
    committee = Unit.create({"name": "Bench Committee", "code": "B", "unit_type": "party_committee"})
    body = Unit.create(
        {
            "name": "Bench Discipline Group",
            "code": "B-JJZ",
            "unit_type": "discipline_body",
            "parent_id": committee.id,
            "head_id": head.id,
            "member_ids": [(6, 0, supervisor.ids)],
        }
    )
    Unit.create(
        {"name": "Bench Personnel", "code": "B-PER", "parent_id": committee.id, "member_ids": [(6, 0, organiser.ids)]}
    )
    departments = Unit.create(
        [{"name": f"Department {d}", "code": f"B-{d}", "parent_id": committee.id} for d in range(DEPARTMENTS)]
    )
    cadres = (
        env["liangze.cadre"]
        .with_context(QUIET)
        .create(
            [
                {"name": f"Cadre {n:04d}", "unit_id": departments[n % DEPARTMENTS].id, "post": "Clerk"}
                for n in range(persons)
            ]
        )
    )
    files = {file.cadre_id.id: file for file in env["liangze.integrity.file"].search([("cadre_id", "in", cadres.ids)])}
    ref = env.ref

    def every(step, offset=0):
        return [c for n, c in enumerate(cadres) if n % step == offset]

    Sanction = env["liangze.sanction"].with_context(QUIET)
    running = Sanction.create(
        [
            {
                "file_id": files[c.id].id,
                "type_id": ref("liangze_integrity.liangze_sanction_type_party_serious_warning").id,
                "decision_date": today - timedelta(days=90),
                "decision_number": f"B纪〔2026〕{n}号",
            }
            for n, c in enumerate(every(16))
        ]
    )
    ended = Sanction.create(
        [
            {
                "file_id": files[c.id].id,
                "type_id": ref("liangze_integrity.liangze_sanction_type_gov_warning").id,
                "decision_date": today - timedelta(days=400),
            }
            for c in every(10, 3)
        ]
    )
    (running | ended).action_record()

    Case = env["liangze.accountability.case"].with_context(QUIET)._guard_sudo()
    Decision = env["liangze.accountability.decision"].with_context(QUIET)._guard_sudo()
    admonishment = ref("liangze_accountability.liangze_accountability_measure_admonishment")
    decided = Case.create(
        [
            {
                "title": f"Decided case {n}",
                "unit_id": c.unit_id.id,
                "body_unit_id": body.id,
                "grounds": "Late",
                "state": "decided",
            }
            for n, c in enumerate(every(24, 5))
        ]
    )
    Decision.create(
        [
            {
                "case_id": case.id,
                "cadre_id": c.id,
                "unit_id": c.unit_id.id,
                "responsibility_kind": "direct",
                "measure_ids": [(6, 0, admonishment.ids)],
                "state": "issued",
                "decision_date": today - timedelta(days=30),
                "effect_until": today + timedelta(days=150),
                "document_number": f"B纪问〔2026〕{n}号",
            }
            for n, (case, c) in enumerate(zip(decided, every(24, 5), strict=True))
        ]
    )
    inquiries = Case.create(
        [
            {
                "title": f"Inquiry {n}",
                "unit_id": c.unit_id.id,
                "body_unit_id": body.id,
                "grounds": "Formalism",
                "state": "inquiry",
            }
            for n, c in enumerate(every(32, 7))
        ]
    )
    Decision.create(
        [
            {"case_id": case.id, "cadre_id": c.id, "unit_id": c.unit_id.id}
            for case, c in zip(inquiries, every(32, 7), strict=True)
        ]
    )
    Entry = env["liangze.integrity.entry"].with_context(QUIET)._guard_sudo()
    Entry.create(
        [
            {
                "file_id": files[c.id].id,
                "section": "other",
                "name": "False personal matters report",
                "summary": "Concealed a house",
                "bars_promotion": True,
                "bars_until": today + timedelta(days=100),
            }
            for c in every(20, 2)
        ]
        + [
            {
                "file_id": files[c.id].id,
                "section": "other",
                "name": "Old bar",
                "summary": "Ended",
                "bars_promotion": True,
                "bars_until": today - timedelta(days=1),
            }
            for c in every(28, 9)
        ]
        + [
            {"file_id": files[c.id].id, "section": "clue", "name": "Clue on procurement", "open_matter": True}
            for c in every(12, 11)
        ]
    )

    Request = env["liangze.opinion.request"].with_user(organiser).with_context(QUIET)
    requests = Request.browse()
    for group in (cadres, cadres[:small]):
        request = Request.create(
            {
                "title": f"{TITLE} of {len(group)}",
                "purpose": "selection",
                "opinion_ids": [(0, 0, {"cadre_id": c.id, "sequence": n}) for n, c in enumerate(group)],
            }
        )
        request.action_submit()
        requests |= request
    return requests, supervisor


def snapshot(env, request):
    """{cadre: (opinion, sorted reasons)} as written in the database."""
    env.flush_all()
    env.cr.execute(
        """SELECT o.cadre_id, o.opinion, o.proposed_opinion,
                  array_agg(ARRAY[r.kind, r.source_model, r.source_id::text]
                            ORDER BY r.source_model, r.source_id, r.kind) FILTER (WHERE r.id IS NOT NULL)
             FROM liangze_opinion o LEFT JOIN liangze_opinion_reason r ON r.opinion_id = o.id
            WHERE o.request_id = %s GROUP BY o.cadre_id, o.opinion, o.proposed_opinion""",
        [request.id],
    )
    return {row[0]: (row[1], row[2], row[3] or []) for row in env.cr.fetchall()}


def in_savepoint(env, call):
    """Run `call` measured in a savepoint, take the snapshot it leaves, then roll it back."""
    env.cr.execute("SAVEPOINT bench_opinion")
    try:
        measure, result = call()
    finally:
        env.cr.execute("ROLLBACK TO SAVEPOINT bench_opinion")
        env.invalidate_all()
    return measure, result


def draft(env, request, supervisor):
    def call():
        officer = request.with_user(supervisor)
        with Measure(env) as measure:
            officer.action_draft_opinions()
        return measure, snapshot(env, request)

    return in_savepoint(env, call)


def baseline(env, request, supervisor):
    from odoo import fields

    def call():
        sentences = {kind: request._opinion_sentence(kind) for kind in ("clear", "defer", "veto")}
        params = {
            "request": request.id,
            "company": request.company_id.id,
            "uid": supervisor.id,
            "day": fields.Date.today(),
            **sentences,
        }
        with Measure(env) as measure:
            env.cr.execute(BASELINE, params)
        return measure, snapshot(env, request)

    return in_savepoint(env, call)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", default="liangze_bench_opinion")
    parser.add_argument("--persons", type=int, default=1536)
    parser.add_argument("--small", type=int, default=96)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args()

    addons = prepare_db(args.db, args.keep, module=MODULE)
    failed = False
    try:
        with odoo_env(args.db, addons) as env:
            Request = env["liangze.opinion.request"]
            requests = Request.search([("title", "like", TITLE)], order="person_count desc")
            if not requests:
                started = time.perf_counter()
                build(env, args.persons, args.small)
                env.flush_all()
                env.cr.commit()
                requests = Request.search([("title", "like", TITLE)], order="person_count desc")
                log(f"setup: {requests[0].person_count} persons in {time.perf_counter() - started:.0f} s")
            big, small = requests[0], requests[-1]
            supervisor = env["res.users"].search([("login", "=", "bench_supervisor")])
            draft(env, small, supervisor)  # warm-up: registry caches, rules, templates

            ours, base = [], []
            for run in range(args.repeat):
                # ABBA: neither always runs first.
                order = (draft, baseline) if run % 2 == 0 else (baseline, draft)
                for step in order:
                    measure, result = step(env, big, supervisor)
                    (ours if step is draft else base).append((measure, result))
            small_measure, _small_result = draft(env, small, supervisor)
    finally:
        if not args.keep:
            odoo_suite.drop_db(args.db)

    ours_best = min(ours, key=lambda m: m[0].seconds)
    base_best = min(base, key=lambda m: m[0].seconds)
    ours_result, base_result = ours_best[1], base_best[1]
    if ours_result != base_result:
        diff = [c for c in set(ours_result) | set(base_result) if ours_result.get(c) != base_result.get(c)]
        log(f"MISMATCH on {len(diff)} persons, e.g. {diff[:3]}: ours {ours_result.get(diff[0])}, "
            f"baseline {base_result.get(diff[0])}")  # fmt: skip
        failed = True
    counts = {}
    for opinion, _proposed, _reasons in ours_result.values():
        counts[opinion] = counts.get(opinion, 0) + 1
    reasons = sum(len(r) for _o, _p, r in ours_result.values())
    ours_m, base_m = ours_best[0], base_best[0]

    print()
    print(f"persons {len(ours_result)}: {counts.get('clear', 0)} clear, {counts.get('defer', 0)} deferred, "
          f"{counts.get('veto', 0)} vetoed; {reasons} reasons; same as the baseline: {not failed}")  # fmt: skip
    print("                                    wall      CPU  queries")
    print(
        f"drafting ({len(ours_result)} persons)        {ours_m.seconds:>7.2f}s {ours_m.cpu:>7.2f}s {ours_m.queries:>8}"
    )
    print(f"hand-written SQL                {base_m.seconds:>7.2f}s {base_m.cpu:>7.2f}s {base_m.queries:>8}")
    print(f"drafting ({args.small} persons)          {small_measure.seconds:>7.2f}s {small_measure.cpu:>7.2f}s "
          f"{small_measure.queries:>8}")  # fmt: skip
    print(
        f"opinions: ratio {ours_m.seconds / base_m.seconds:.2f} (CPU {ours_m.cpu / max(base_m.cpu, 1e-6):.2f}); "
        f"queries {ours_m.queries} for {len(ours_result)} persons, {small_measure.queries} for {args.small}"
    )
    if failed:
        sys.exit(1)


if __name__ == "__main__":
    main()
