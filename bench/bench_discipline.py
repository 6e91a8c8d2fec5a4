#!/usr/bin/env python3
"""A province's year of discipline enforcement: the statistics screens and the
integrity-opinion check, against hand-written SQL of the same counts.

    python3 bench/bench_discipline.py [--db NAME] [--repeat 3] [--keep]

Installs `liangze_discipline` and writes, in plain SQL (the setup is not measured):
5,000 cadres in 100 units, 20,000 letters and reports (4 channels, 4 kinds),
10,000 clues (12 sources; 8,000 disposed of in the four ways after 1 to 60 days),
4,000 inquiries (a fifth ending in a reminder talk), 2,000 verifications (a tenth
ending in a reminder talk), 2,000 cases and 2,000 decisions (party and government
sanctions of every weight, a tenth transferred to the judicial organs). Then,
best of `--repeat`, each against its baseline in the same run (target: at most 3x):

1. **four forms**: `_read_group` of `liangze.four.forms.report` by year and form
   (the pivot's data) against one hand-written UNION of the same five sources;
2. **clues by source and way** with the average days to disposal: `_read_group`
   of `liangze.discipline.report` against a GROUP BY on the clues;
3. **letters and reports by kind and channel**: `_read_group` on
   `liangze.petition` against a GROUP BY;
4. **integrity-opinion check** of 1,536 persons against open clues and cases:
   `liangze.opinion._opinion_findings` (the discipline addon's part included) — its
   query count must not grow with the batch (96 persons against 1,536).
"""

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import Measure, log, odoo_env, odoo_suite, prepare_db  # noqa: E402

MODULE = "liangze_discipline"
CADRES, UNITS = 5000, 100
PETITIONS, CLUES, INQUIRIES, VERIFICATIONS, CASES = 20000, 10000, 4000, 2000, 2000

# Columns every record needs; the body is the bench's discipline body (BU0).
DATA = """
WITH body AS (SELECT id, company_id FROM liangze_unit WHERE code = 'BU0'),
     cadres AS (SELECT id, row_number() OVER (ORDER BY id) AS n FROM liangze_cadre WHERE name LIKE 'Bench cadre %%')
INSERT INTO liangze_petition (name, company_id, body_unit_id, channel, kind, state, received_on, content, named)
SELECT 'XF-' || n, body.company_id, body.id,
       (ARRAY['letter', 'visit', 'phone', 'online'])[1 + n %% 4],
       (ARRAY['accusation', 'appeal', 'suggestion', 'other'])[1 + (n / 4) %% 4],
       (ARRAY['accepted', 'not_accepted', 'repeat', 'closed'])[1 + (n / 16) %% 4],
       DATE '2026-01-01' + (n %% 330), 'Bench content ' || n, n %% 3 = 0
  FROM generate_series(1, %(petitions)s) n, body;

WITH body AS (SELECT id, company_id FROM liangze_unit WHERE code = 'BU0')
INSERT INTO liangze_clue (name, company_id, body_unit_id, source, state, received_on, summary,
                          disposed_way, disposed_on)
SELECT 'XS-' || n, body.company_id, body.id,
       (ARRAY['report', 'assigned_from_above', 'found_here', 'inspection', 'audit', 'transferred', 'from_below',
              'confession', 'supervision_finding', 'failed_rectification', 'accountability_case',
              'external_system'])[1 + n %% 12],
       CASE WHEN n %% 5 = 0 THEN 'registered' ELSE 'disposed' END,
       DATE '2026-01-01' + (n %% 300), 'Bench clue ' || n,
       CASE WHEN n %% 5 = 0 THEN NULL
            ELSE (ARRAY['talk_inquiry', 'verification', 'shelve', 'close'])[1 + (n / 5) %% 4] END,
       CASE WHEN n %% 5 = 0 THEN NULL ELSE DATE '2026-01-01' + (n %% 300) + 1 + (n %% 60) END
  FROM generate_series(1, %(clues)s) n, body;

INSERT INTO liangze_cadre_liangze_clue_rel (liangze_clue_id, liangze_cadre_id)
SELECT k.id, c.id
  FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM liangze_clue WHERE name LIKE 'XS-%%') k
  JOIN (SELECT id, row_number() OVER (ORDER BY id) AS n FROM liangze_cadre WHERE name LIKE 'Bench cadre %%') c
    ON c.n = 1 + (k.n * 7) %% %(cadres)s;

INSERT INTO liangze_talk_inquiry (company_id, body_unit_id, clue_id, kind, state, outcome, concluded_on)
SELECT k.company_id, k.body_unit_id, k.id, 'talk', CASE WHEN k.n %% 2 = 0 THEN 'concluded' ELSE 'approved' END,
       CASE WHEN k.n %% 2 = 0 THEN (ARRAY['reminder', 'cleared', 'cleared', 'again', 'verification'])[1 + k.n %% 5] END,
       CASE WHEN k.n %% 2 = 0 THEN k.received_on + 40 END
  FROM (SELECT *, row_number() OVER (ORDER BY id) AS n FROM liangze_clue WHERE name LIKE 'XS-%%') k
 WHERE k.n <= %(inquiries)s;

INSERT INTO liangze_verification (company_id, body_unit_id, clue_id, state, outcome, concluded_on)
SELECT k.company_id, k.body_unit_id, k.id, CASE WHEN k.n %% 2 = 0 THEN 'concluded' ELSE 'approved' END,
       CASE WHEN k.n %% 2 = 0
            THEN (ARRAY['reminder_talk', 'closed', 'propose_case', 'closed', 'hand_over'])[1 + k.n %% 5] END,
       CASE WHEN k.n %% 2 = 0 THEN k.received_on + 50 END
  FROM (SELECT *, row_number() OVER (ORDER BY id) AS n FROM liangze_clue WHERE name LIKE 'XS-%%') k
 WHERE k.n > %(inquiries)s AND k.n <= %(inquiries)s + %(verifications)s;

INSERT INTO liangze_discipline_case (name, company_id, body_unit_id, title, state, clue_id, filed_on, closed_on)
SELECT 'LA-' || k.n, k.company_id, k.body_unit_id, 'Bench case ' || k.n,
       CASE WHEN k.n %% 4 = 0 THEN 'investigation' ELSE 'closed' END, k.id, k.received_on + 60,
       CASE WHEN k.n %% 4 = 0 THEN NULL ELSE k.received_on + 120 END
  FROM (SELECT *, row_number() OVER (ORDER BY id) AS n FROM liangze_clue WHERE name LIKE 'XS-%%') k
 WHERE k.n > 8000 AND k.n <= 8000 + %(cases)s;

INSERT INTO liangze_cadre_liangze_discipline_case_rel (liangze_discipline_case_id, liangze_cadre_id)
SELECT c.id, r.liangze_cadre_id
  FROM liangze_discipline_case c JOIN liangze_cadre_liangze_clue_rel r ON r.liangze_clue_id = c.clue_id
 WHERE c.name LIKE 'LA-%%';

INSERT INTO liangze_discipline_decision (company_id, body_unit_id, case_id, cadre_id, state, decision_date,
                                         party_type_id, government_type_id, transfer_to_judicial, form)
SELECT c.company_id, c.body_unit_id, c.id, r.liangze_cadre_id,
       CASE WHEN c.state = 'closed' THEN 'done' ELSE 'draft' END, c.filed_on + 50,
       t.id, NULL, (c.id %% 10 = 0), CASE WHEN c.id %% 10 = 0 THEN '4' ELSE t.form END
  FROM liangze_discipline_case c
  JOIN liangze_cadre_liangze_clue_rel r ON r.liangze_clue_id = c.clue_id
  JOIN LATERAL (SELECT id, form FROM liangze_sanction_type WHERE category = 'party'
                ORDER BY id OFFSET c.id %% 5 LIMIT 1) t ON TRUE
 WHERE c.name LIKE 'LA-%%';
"""
FOUR_FORMS = """
SELECT EXTRACT(YEAR FROM day)::int, form, count(*) FROM (
    SELECT d.decision_date AS day, d.form FROM liangze_discipline_decision d
      JOIN liangze_discipline_case c ON c.id = d.case_id
     WHERE d.state IN ('issued', 'executed', 'done') AND d.form IS NOT NULL
    UNION ALL
    SELECT i.concluded_on, '1' FROM liangze_talk_inquiry i
      JOIN liangze_cadre_liangze_clue_rel p ON p.liangze_clue_id = i.clue_id
     WHERE i.outcome = 'reminder' AND i.concluded_on IS NOT NULL
    UNION ALL
    SELECT v.concluded_on, '1' FROM liangze_verification v
      JOIN liangze_cadre_liangze_clue_rel p ON p.liangze_clue_id = v.clue_id
     WHERE v.outcome = 'reminder_talk' AND v.concluded_on IS NOT NULL
    UNION ALL
    SELECT a.decision_date, CASE WHEN bool_or(m.organisational) THEN '2' ELSE '1' END
      FROM liangze_accountability_decision a
      JOIN liangze_accountability_decision_measure_rel r ON r.decision_id = a.id
      JOIN liangze_accountability_measure m ON m.id = r.measure_id
     WHERE a.state IN ('issued', 'done') AND a.cadre_id IS NOT NULL GROUP BY a.id
    UNION ALL
    SELECT s.decision_date, t.form FROM liangze_sanction s JOIN liangze_sanction_type t ON t.id = s.type_id
     WHERE s.state = 'recorded' AND t.form IS NOT NULL
       AND s.id NOT IN (SELECT sanction_id FROM liangze_discipline_decision_sanction_rel)
) rows GROUP BY 1, 2
"""
CLUES_BY_SOURCE = """
SELECT source, disposed_way, count(*), avg(disposed_on - received_on)
  FROM liangze_clue GROUP BY source, disposed_way
"""
PETITIONS_BY_KIND = "SELECT kind, channel, count(*) FROM liangze_petition GROUP BY kind, channel"


def build(env):
    """Units and cadres through the ORM (each cadre gets its integrity file); the year in SQL."""
    cr = env.cr
    quiet = env["liangze.unit"].with_context(tracking_disable=True, mail_create_nolog=True)
    body = quiet.create({"name": "Bench unit 0", "code": "BU0", "unit_type": "discipline_body"})
    units = quiet.create(
        [{"name": f"Bench unit {n}", "code": f"BU{n}", "unit_type": "department"} for n in range(1, UNITS + 1)]
    )
    body.supervised_unit_id = False
    env["liangze.cadre"].with_context(tracking_disable=True, mail_create_nolog=True).create(
        [{"name": f"Bench cadre {n}", "unit_id": units[n % UNITS].id} for n in range(1, CADRES + 1)]
    )
    env.flush_all()
    cr.execute(
        DATA,
        {
            "petitions": PETITIONS,
            "clues": CLUES,
            "inquiries": INQUIRIES,
            "verifications": VERIFICATIONS,
            "cases": CASES,
            "cadres": CADRES,
        },
    )
    env.invalidate_all()


def measured(env, function):
    with Measure(env) as measure:
        result = function()
    return measure, result


def ours_four_forms(env):
    rows = env["liangze.four.forms.report"]._read_group([], ["year", "form"], ["person_count:sum"])
    return sorted((year, form, count) for year, form, count in rows)


def base_four_forms(env):
    env.cr.execute(FOUR_FORMS)
    return sorted(env.cr.fetchall())


def ours_clues(env):
    rows = env["liangze.discipline.report"]._read_group(
        [], ["source", "disposed_way"], ["clue_count:sum", "disposal_days:avg"]
    )
    return sorted(((s, w or None, c, round(d or 0, 6)) for s, w, c, d in rows), key=str)


def base_clues(env):
    env.cr.execute(CLUES_BY_SOURCE)
    return sorted(((s, w, c, round(float(d or 0), 6)) for s, w, c, d in env.cr.fetchall()), key=str)


def ours_petitions(env):
    rows = env["liangze.petition"]._read_group([], ["kind", "channel"], ["__count"])
    return sorted(rows, key=str)


def base_petitions(env):
    env.cr.execute(PETITIONS_BY_KIND)
    return sorted(env.cr.fetchall(), key=str)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", default="liangze_bench_discipline")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args()
    addons = prepare_db(args.db, args.keep, module=MODULE)
    lines, failed = [], False
    try:
        with odoo_env(args.db, addons) as env:
            if not env["liangze.clue"].search_count([("name", "like", "XS-")]):
                started = time.perf_counter()
                build(env)
                env.cr.commit()
                log(f"setup in {time.perf_counter() - started:.0f} s")
            for label, ours, base in (
                ("four forms by year and form", ours_four_forms, base_four_forms),
                ("clues by source and way, days", ours_clues, base_clues),
                ("letters and reports by kind, channel", ours_petitions, base_petitions),
            ):
                runs_ours, runs_base = [], []
                for _run in range(args.repeat):
                    runs_ours.append(measured(env, lambda f=ours: f(env)))
                    runs_base.append(measured(env, lambda f=base: f(env)))
                best_ours = min(runs_ours, key=lambda m: m[0].seconds)
                best_base = min(runs_base, key=lambda m: m[0].seconds)
                same = best_ours[1] == best_base[1]
                failed |= not same
                ratio = best_ours[0].seconds / max(best_base[0].seconds, 1e-6)
                lines.append((label, best_ours[0], best_base[0], ratio, same))
            # The integrity-opinion check: 96 and 1,536 persons with open clues and cases.
            cadres = env["liangze.cadre"].search([("name", "like", "Bench cadre")], order="id", limit=1536)
            Opinion = env["liangze.opinion"]
            Opinion._opinion_findings(cadres[:96], fields_today(env))
            small, _found = measured(env, lambda: Opinion._opinion_findings(cadres[:96], fields_today(env)))
            big, found = measured(env, lambda: Opinion._opinion_findings(cadres, fields_today(env)))
    finally:
        if not args.keep:
            odoo_suite.drop_db(args.db)
    print()
    print("                                          ours (s)   SQL (s)  ratio  queries  same")
    for label, ours_m, base_m, ratio, same in lines:
        print(f"{label:<40} {ours_m.seconds:>8.3f} {base_m.seconds:>9.3f} {ratio:>6.2f} {ours_m.queries:>8}  {same}")
    print(f"opinion check, 96 persons:    {small.seconds:.3f} s, {small.queries} queries")
    print(f"opinion check, 1,536 persons: {big.seconds:.3f} s, {big.queries} queries, {len(found)} with findings")
    if small.queries != big.queries:
        log("the opinion check's query count grows with the batch")
        failed = True
    if any(ratio > 3 for *_x, ratio, _s in lines):
        log("a statistics screen takes more than 3x its hand-written SQL")
        failed = True
    sys.exit(1 if failed else 0)


def fields_today(env):
    from odoo import fields

    return fields.Date.context_today(env["liangze.clue"])


if __name__ == "__main__":
    main()
