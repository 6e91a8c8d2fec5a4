#!/usr/bin/env python3
"""A year of the demo bureau, day by day: every daily job, the demo users' work, then invariants.

    python3 bench/year_run.py [--db NAME] [--year 2026] [--days N] [--seed 19] [--keep]
                              [--install-day 01-01] [--province UNITS]

1. Installs every addon with the demo bureau (``--with-demo --load-language=zh_CN``) in a
   separate ``python3 -m odoo`` run under ``faketime``, at 09:00 in China on the install day
   (1 January of ``--year`` unless ``--install-day``), so that the demo is lived in from that
   day; ``--province UNITS`` adds the province of ``bench_generation.py`` (UNITS units, a list
   of 10 monthly and 2 quarterly items owned by each, nobody working on them).
2. Moves the bureau's clock (freezegun) one day at a time to 31 December: at 01:00 in China
   every daily job of every addon, through its ``ir.cron`` record (``method_direct_trigger``:
   the job's own cursor and commit, as the scheduler runs it), in the order of their time of
   day; jobs of a longer interval (weekly, monthly, yearly) when their day comes. Then the
   warning level of every record with a deadline is written down (its changes only). At 10:00
   the demo users do their work on the workdays, on a schedule drawn from ``random.Random``
   per record and ``--seed``: ledgers worked on and submitted (or late, or never), reviews,
   returns, extensions, reminder letters issued and acknowledged, recommendation letters and
   their rectification, spot checks, appeals against deductions, sanctions recorded, letters
   and reports registered and their clues handled, every tier approval pending for them.
   A refused action (UserError, ValidationError, AccessError) is counted per kind, not fatal.
   Each day is committed, as a real cron commits: an interrupted run leaves a consistent
   database, and ``--keep`` resumes it from the day after the last one committed.
3. Checks the invariants (PASS/FAIL with counts) and prints the time per simulated day.
   Exit code 1 when an invariant fails.

The run's own bookkeeping (levels seen, actions, times) is kept in tables ``year_run_*`` of
the same database, committed with each day. The database is dropped at the end unless --keep.
"""

import argparse
import base64
import contextlib
import logging
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from datetime import date, datetime, time, timedelta
from pathlib import Path

import freezegun
import freezegun.api
import pytz

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import log, odoo_env, odoo_suite  # noqa: E402

# Every addon but the cross-addon test suite.
ADDONS = [name for name in odoo_suite.addons_to_install() if name != "liangze_integration_tests"]
CHINA = pytz.timezone("Asia/Shanghai")
NIGHT, OFFICE = time(1, 0), time(10, 0)  # the night jobs, the office's work (China time)
OPEN_TASK_STATES = ("todo", "in_progress", "returned")
SUPERVISOR = "liangze_base.group_liangze_supervisor"
# The demo's users (README, "Demo users"); the units' heads among them act for units without people.
DEMO_LOGINS = ["liming", "wangfang", "zhangwei", "sunli", "zhaomin", "chengang", "liuyang"]
DEMO_LOGINS += ["qianfang", "sunhao", "lina", "zhoujing"]
PDF = base64.b64encode(
    b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
    b"2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
    b"3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj\n"
    b"trailer << /Root 1 0 R >>\n%%EOF\n"
)
# Numbered fields: (model, field) whose values come from an official number series.
NUMBERED = [
    ("liangze.supervision.report", "document_number"),
    ("liangze.reminder.letter", "document_number"),
    ("liangze.rectification", "document_number"),
    ("liangze.assignment.letter", "document_number"),
    ("liangze.accountability.decision", "document_number"),
    ("liangze.accountability.case", "name"),
    ("liangze.opinion.request", "name"),
    ("liangze.opinion.request", "reply_number"),
    ("liangze.petition", "name"),
    ("liangze.clue", "name"),
    ("liangze.talk.inquiry", "name"),
    ("liangze.talk.inquiry", "letter_number"),
    ("liangze.verification", "name"),
    ("liangze.discipline.case", "name"),
    ("liangze.discipline.case", "filing_number"),
    ("liangze.discipline.decision", "decision_number"),
]
# "<prefix><year><separator><number><suffix>": X税纪〔2026〕3号, WZ2026-001.
NUMBER_RE = re.compile(r"^(?P<prefix>.*?)(?P<year>(?:19|20)\d\d)(?P<sep>\D*?)(?P<n>\d+)(?P<suffix>\D*)$")
# Effect periods by the rules (domain-rules.md), by sanction type XML id: months, or None when
# the type is permanent; probation types add their probation; government ones multiply, to the cap.
RULE_MONTHS = {
    "liangze_sanction_type_party_warning": 12,
    "liangze_sanction_type_party_serious_warning": 18,
    "liangze_sanction_type_party_removal": 24,
    "liangze_sanction_type_party_probation": 24,
    "liangze_sanction_type_party_expulsion": 60,
    "liangze_sanction_type_gov_warning": 6,
    "liangze_sanction_type_gov_demerit": 12,
    "liangze_sanction_type_gov_major_demerit": 18,
    "liangze_sanction_type_gov_demotion": 24,
    "liangze_sanction_type_gov_removal": 24,
    "liangze_sanction_type_gov_dismissal": None,
}
GOVERNMENT_CAP_MONTHS = 48
CHANNEL_WORDS = ["信", "电", "访", "网"]
ALLEGATIONS = [
    "违规接受管理服务对象宴请",
    "在办理退税业务中吃拿卡要",
    "利用职务便利为亲属经营的企业谋取利益",
    "违规收受礼品礼金",
    "公车私用",
    "工作日午间饮酒",
    "在税务稽查中选择性执法",
    "违规兼职取酬",
    "借婚丧嫁娶敛财",
    "对纳税人态度恶劣、推诿扯皮",
    "违规发放津贴补贴",
    "插手干预工程项目",
]

TABLES = """
CREATE TABLE IF NOT EXISTS year_run_meta (key varchar PRIMARY KEY, value varchar);
CREATE TABLE IF NOT EXISTS year_run_day (day date PRIMARY KEY, seconds float, cron_seconds float,
    act_seconds float, queries int);
CREATE TABLE IF NOT EXISTS year_run_level (model varchar, res_id int, day date, level varchar, state varchar,
    active boolean, deadline date, yellow date, PRIMARY KEY (model, res_id, day));
CREATE TABLE IF NOT EXISTS year_run_action (day date, kind varchar, outcome varchar, n int, example text);
CREATE TABLE IF NOT EXISTS year_run_cron (cron_id int PRIMARY KEY, next_due date);
CREATE TABLE IF NOT EXISTS year_run_error (day date, job varchar, error text);
"""


def real_seconds():
    # Through the module: freezegun replaces every module's own reference to the real clock.
    return freezegun.api.real_perf_counter()


def utc_of(day, at):
    """Naive UTC datetime of ``at`` o'clock in China on ``day``."""
    return CHINA.localize(datetime.combine(day, at)).astimezone(pytz.utc).replace(tzinfo=None)


class Clock:
    """The process's clock (freezegun, ticking from the moment set), moved by hand."""

    def __init__(self, moment):
        self._freezer = freezegun.freeze_time(moment, tick=True)
        self._factory = self._freezer.start()

    def move_to(self, moment):
        self._factory.time_to_freeze = moment
        self._factory.start = freezegun.api.real_datetime.now()

    def stop(self):
        self._freezer.stop()


# ------------------------------------------------------------------ install
def ensure_faketime():
    if shutil.which("faketime"):
        return
    if os.geteuid() == 0 and shutil.which("apt-get"):
        log("faketime missing: apt-get install -y faketime")
        subprocess.run(["apt-get", "install", "-y", "-q", "faketime"], check=False)
    if not shutil.which("faketime"):
        sys.exit("faketime (Debian package faketime) is needed to install the demo on another day")


def drop(db):
    odoo_suite.drop_db(db)
    with contextlib.suppress(Exception):
        from odoo.tools import config

        shutil.rmtree(config.filestore(db), ignore_errors=True)


def install(db, install_day):
    """Every addon with the demo, zh_CN, installed at 09:00 China time on ``install_day``."""
    ensure_faketime()
    addons = odoo_suite.addons_path(with_tests=False)
    drop(db)  # a leftover of an interrupted run: start clean
    moment = utc_of(install_day, time(9, 0))
    cmd = ["faketime", "-f", f"@{moment:%Y-%m-%d %H:%M:%S}"] + odoo_suite.odoo_cmd()
    cmd += ["-d", db, "-i", ",".join(ADDONS), "--with-demo", "--load-language=zh_CN", "--stop-after-init"]
    cmd += ["--log-level=warn", f"--addons-path={addons}"]
    logfile = Path(tempfile.gettempdir()) / f"{db}_install.log"
    log(f"installing {', '.join(ADDONS)} with the demo on {db}, clock at {install_day} 09:00 China (log: {logfile})")
    started = real_seconds()
    env = dict(os.environ, TZ="UTC", FAKETIME_DONT_FAKE_MONOTONIC="1")
    with open(logfile, "w", encoding="utf-8") as fh:
        rc = subprocess.run(cmd, stdout=fh, stderr=subprocess.STDOUT, env=env, check=False).returncode
    log(f"installed in {real_seconds() - started:.0f} s (exit code {rc})")
    if rc:
        sys.exit(f"installing the addons on {db} failed: see {logfile}")
    return addons, logfile


def demo_failures(db, logfile):
    """Addons installed without their demo data, with the reason Odoo logged."""
    with odoo_suite.pg_cursor(db) as cr:
        cr.execute("SELECT name FROM ir_module_module WHERE name = ANY(%s) AND NOT demo ORDER BY name", [ADDONS])
        failed = [row[0] for row in cr.fetchall()]
    reasons = []
    if failed and logfile and Path(logfile).exists():
        text = Path(logfile).read_text(encoding="utf-8", errors="replace")
        reasons = re.findall(r"^(?:odoo\.\S+|\w+\.\w*Error): .*$|^.*Error: .*$", text, re.M)[:4]
        reasons += re.findall(r"^.*while parsing (.*)$", text, re.M)[:2]
    return failed, reasons


# ------------------------------------------------------------------ the province (optional)
def build_province(env, units, year):
    """bench_generation.py's unit tree and a list of the year owned by every unit, published."""
    from bench_generation import QUIET, build_tree

    tree = build_tree(env, units)
    categories = env["liangze.category"].search([])
    items = [
        {
            "name": f"{frequency} item {i}",
            "category_id": categories[i % len(categories)].id,
            "owner_type": "department",
            "owner_unit_ids": [(6, 0, tree.ids)],
            "frequency": frequency,
        }
        for i, frequency in enumerate(["monthly"] * 10 + ["quarterly"] * 2)
    ]
    lst = (
        env["liangze.list"]
        .with_context(QUIET)
        .create(
            {
                "name": f"Province list {year}",
                "year": year,
                "unit_ids": [(6, 0, tree.ids)],
                "item_ids": [(0, 0, v) for v in items],
            }
        )
    )
    lst.action_publish()
    return len(tree), env["liangze.task"].search_count([("list_id", "=", lst.id)])


# ------------------------------------------------------------------ the run
class YearRun:
    def __init__(self, env, args, first_day, last_day):
        self.env, self.cr, self.args = env, env.cr, args
        self.first_day, self.last_day = first_day, last_day
        self.seed = args.seed
        self.actions = Counter()  # (kind, outcome) -> n, this process
        self.examples = {}  # (kind, outcome) -> first message
        self.day_actions = Counter()
        self.day_examples = {}
        self.errors = []  # (day, job, message) this process
        self.first_seen = {}  # tier review id -> day first seen pending
        self.refused = set()  # (kind, record) refused once: not tried again
        self.company = env.ref("liangze_responsibility.res_company_demo_county", raise_if_not_found=False)
        logins = [("login", "in", DEMO_LOGINS)]
        self.users = {user.login: user for user in env["res.users"].search(logins)}
        self.demo_user_ids = {u.id for u in self.users.values()}
        self.workers = {}

    # -- bookkeeping ------------------------------------------------------------------
    def rng(self, *key):
        return random.Random(":".join(map(str, (self.seed, *key))))

    def count(self, kind, outcome, example=None):
        self.day_actions[kind, outcome] += 1
        if example and (kind, outcome) not in self.day_examples:
            self.day_examples[kind, outcome] = example[:300]

    def attempt(self, kind, action, key=None):
        """Run one user action in a savepoint; a refusal is counted, never fatal. With a ``key``
        (the record acted on), a refused action is not tried again: the user knows by now."""
        from odoo.exceptions import AccessError, UserError, ValidationError

        if key is not None and (kind, key) in self.refused:
            return False
        try:
            with self.cr.savepoint():
                result = action()
                self.env.flush_all()
        except (UserError, ValidationError, AccessError) as exc:
            self.count(kind, "refused", f"{type(exc).__name__}: {exc}")
            if key is not None:
                self.refused.add((kind, key))
            return False
        except Exception as exc:  # noqa: BLE001 - a product crash on a user action is a finding, not the end
            self.count(kind, "crashed", f"{type(exc).__name__}: {exc}")
            logging.getLogger("year_run").exception("day %s: %s crashed", self.today, kind)
            return False
        self.count(kind, "done")
        return result if result is not None else True

    def workdays(self):
        return (self.company or self.env.company)._liangze_workdays()

    def due(self, start, workdays):
        """The workday ``workdays`` after ``start`` (a date or a UTC datetime): has it come?"""
        if not start:
            return False
        if isinstance(start, datetime):
            start = pytz.utc.localize(start).astimezone(CHINA).date()
        return self.today >= self.workdays().add_workdays(start, workdays) if workdays else self.today >= start

    # -- tables ------------------------------------------------------------------------
    def setup_tables(self):
        self.cr.execute(TABLES)
        self.cr.execute("SELECT value FROM year_run_meta WHERE key = 'last_day'")
        row = self.cr.fetchone()
        return date.fromisoformat(row[0]) if row else None

    def save_day(self, seconds, cron_seconds, act_seconds, queries):
        cr = self.cr
        cr.execute(
            "INSERT INTO year_run_day VALUES (%s, %s, %s, %s, %s) ON CONFLICT (day) DO NOTHING",
            [self.today, seconds, cron_seconds, act_seconds, queries],
        )
        for (kind, outcome), n in self.day_actions.items():
            cr.execute(
                "INSERT INTO year_run_action VALUES (%s, %s, %s, %s, %s)",
                [self.today, kind, outcome, n, self.day_examples.get((kind, outcome))],
            )
        cr.execute(
            "INSERT INTO year_run_meta VALUES ('last_day', %s) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value",
            [self.today.isoformat()],
        )
        self.actions.update(self.day_actions)
        for key, text in self.day_examples.items():
            self.examples.setdefault(key, text)
        self.day_actions, self.day_examples = Counter(), {}

    # -- the night: every daily job ----------------------------------------------------
    def liangze_crons(self):
        crons = self.env["ir.cron"].sudo().search([])
        xmlids = crons.get_external_id()
        mine = crons.filtered(lambda c: xmlids.get(c.id, "").startswith("liangze_"))
        # In the order of their time of day (the day's first run), then by id.
        return mine.sorted(lambda c: (c.nextcall.time(), c.id)), xmlids

    def schedule_crons(self):
        """The day each job is next due, kept by the run (Odoo reschedules from the real clock)."""
        crons, _xmlids = self.liangze_crons()
        for cron in crons:
            first = pytz.utc.localize(cron.nextcall).astimezone(CHINA).date()
            self.cr.execute(
                "INSERT INTO year_run_cron VALUES (%s, %s) ON CONFLICT (cron_id) DO NOTHING", [cron.id, first]
            )

    def run_crons(self):
        from dateutil.relativedelta import relativedelta

        crons, xmlids = self.liangze_crons()
        self.cr.execute("SELECT cron_id, next_due FROM year_run_cron")
        next_due = dict(self.cr.fetchall())
        captured = []
        handler = _Capture(captured)
        logging.getLogger().addHandler(handler)
        ran = 0
        try:
            for cron in crons:
                due = next_due.get(cron.id)
                if due is None or due > self.today:
                    continue
                self.env.flush_all()
                self.cr.commit()  # the job's own cursor must see the day before
                captured.clear()
                result = cron.method_direct_trigger()
                # The job committed in its own cursor; this cursor's snapshot (repeatable read)
                # was taken before: commit to see it (and the job's new schedule).
                self.cr.commit()
                ran += 1
                if result is not True or captured:
                    message = captured[0] if captured else str(result)[:500]
                    self.errors.append((self.today, xmlids[cron.id], message))
                    self.cr.execute(
                        "INSERT INTO year_run_error VALUES (%s, %s, %s)", [self.today, xmlids[cron.id], message]
                    )
                step = {
                    "minutes": relativedelta(minutes=cron.interval_number),
                    "hours": relativedelta(hours=cron.interval_number),
                    "days": relativedelta(days=cron.interval_number),
                    "weeks": relativedelta(weeks=cron.interval_number),
                    "months": relativedelta(months=cron.interval_number),
                }[cron.interval_type]
                while due <= self.today:
                    due = due + step if step.days or step.months or step.weeks else self.today + timedelta(days=1)
                self.cr.execute("UPDATE year_run_cron SET next_due = %s WHERE cron_id = %s", [due, cron.id])
        finally:
            logging.getLogger().removeHandler(handler)
        self.env.invalidate_all()
        self.env["resource.calendar"]._liangze_forget_workdays()
        return ran

    # -- what the warning levels are, day by day --------------------------------------
    def deadline_models(self):
        models = []
        for name in sorted(self.env.registry):
            model = self.env[name]
            if model._abstract or model._transient or not model._auto:
                continue
            if not {"warning_level", "reminded_yellow", "reminded_red"} <= model._fields.keys():
                continue
            if not hasattr(model, "_deadline_field") or model._deadline_field not in model._fields:
                continue
            models.append(model)
        return models

    def observe(self):
        """Write down the level, state and dates of every record with a deadline, when they changed."""
        for model in self.deadline_models():
            columns = model._fields
            yellow = model._deadline_yellow_field
            yellow_sql = f't."{yellow}"' if yellow in columns and columns[yellow].store else "NULL::date"
            active = 't."active"' if "active" in columns else "TRUE"
            state = f't."{model._deadline_state_field}"::varchar'
            deadline = f't."{model._deadline_field}"'
            self.cr.execute(
                f"""INSERT INTO year_run_level (model, res_id, day, level, state, active, deadline, yellow)
                    SELECT %(model)s, t.id, %(day)s, t.warning_level, {state}, {active}, {deadline}, {yellow_sql}
                      FROM "{model._table}" t
                      LEFT JOIN LATERAL (
                           SELECT TRUE AS seen, l.level, l.state, l.active, l.deadline, l.yellow
                             FROM year_run_level l
                            WHERE l.model = %(model)s AND l.res_id = t.id
                            ORDER BY l.day DESC LIMIT 1) last ON TRUE
                     WHERE last.seen IS NULL
                        OR (last.level, last.state, last.active, last.deadline, last.yellow)
                           IS DISTINCT FROM (t.warning_level::varchar, {state}, {active}, {deadline}, {yellow_sql})
                    ON CONFLICT (model, res_id, day) DO UPDATE
                       SET level = EXCLUDED.level, state = EXCLUDED.state, active = EXCLUDED.active,
                           deadline = EXCLUDED.deadline, yellow = EXCLUDED.yellow""",
                {"model": model._name, "day": self.today},
            )

    # -- the office: the demo users' work ---------------------------------------------
    def work(self):
        if self.company and not self.workdays().is_workday(self.today):
            return
        steps = [
            self.new_year,
            self.work_tasks,
            self.review_tasks,
            self.decide_extensions,
            self.reminder_letters,
            self.rectifications,
            self.spot_checks,
            self.appeals,
            self.sanctions,
            self.petitions,
            self.clues,
            self.notices,
            self.tier_approvals,
        ]
        for step in steps:
            step()

    def new_year(self):
        """The year's first workdays: the administrator carries last year's lists over and
        publishes them; the assessor carries the assessment scheme over and publishes it, then
        freezes last year's results and, once approved, publishes them."""
        year = self.today.year
        admin, assessor = self.user("liuyang"), self.user("zhoujing")
        if admin and self.today.month == 1:
            Lists = self.env["liangze.list"].with_user(admin)
            domain = [("year", "=", year - 1), ("state", "=", "published")]
            if self.company:
                domain.append(("company_id", "=", self.company.id))
            for old in Lists.search(domain, order="id"):
                if Lists.sudo().search_count([("year", "=", year), ("name", "=", old._next_year_name())]):
                    continue
                self.attempt(
                    "list: carry over to the new year and publish", lambda o=old: self._carry_over(o), key=old.id
                )
        if not assessor or "liangze.assessment.scheme" not in self.env:
            return
        Scheme = self.env["liangze.assessment.scheme"].with_user(assessor)
        for old in Scheme.search([("year", "=", year - 1)], order="id"):
            if self.today.month == 1 and not Scheme.sudo().search_count(
                [("year", "=", year), ("company_id", "=", old.company_id.id)]
            ):
                copied = self.attempt(
                    "assessment: duplicate the scheme for the new year", lambda o=old: self._new_scheme(o), key=old.id
                )
                if not copied:  # entered again by hand, from last year's
                    self.attempt(
                        "assessment: enter the new year's scheme and publish", lambda o=old: self._enter_scheme(o)
                    )
            rng = self.rng("freeze", old.id)
            pending = (
                self.env["liangze.assessment.appeal"]
                .sudo()
                .search_count([("scheme_id", "=", old.id), ("state", "=", "submitted")])
            )
            if old.state == "published" and not pending and self.due(date(year, 1, 1), rng.randint(5, 12)):
                self.attempt("assessment: freeze last year's results", lambda o=old: o.action_freeze(), key=old.id)
            if old.state == "approved":
                self.attempt(
                    "assessment: publish last year's results", lambda o=old: o.action_publish_results(), key=old.id
                )

    def _carry_over(self, old):
        action = old.action_copy_next_year()
        new = old.browse(action["res_id"]) if isinstance(action, dict) and action.get("res_id") else None
        if not new:
            new = old.search([("year", "=", old.year + 1), ("name", "=", old._next_year_name())], limit=1)
        new.action_publish()

    def _new_scheme(self, old):
        name = old.name.replace(str(old.year), str(old.year + 1))
        new = old.copy({"year": old.year + 1, "name": name})
        new.action_publish()

    def _enter_scheme(self, old):
        fields = ["base_score", "bonus_cap", "threshold_good", "threshold_fairly_good", "threshold_fair"]
        fields += ["grade_method", "quota_good", "quota_fairly_good", "appeal_workdays", "appeal_decision_workdays"]
        values = {name: old[name] for name in fields}
        values.update(
            name=old.name.replace(str(old.year), str(old.year + 1)),
            year=old.year + 1,
            company_id=old.company_id.id,
            issuer_unit_id=old.issuer_unit_id.id,
            group_ids=[
                (0, 0, {"name": g.name, "sequence": g.sequence, "unit_ids": [(6, 0, g.unit_ids.ids)]})
                for g in old.group_ids
            ],
            rule_ids=[
                (
                    0,
                    0,
                    {
                        f: r[f]
                        for f in (
                            "sequence",
                            "kind",
                            "name",
                            "points",
                            "basis",
                            "weight_percent",
                            "cap",
                            "red_workdays",
                        )
                    },
                )
                for r in old.rule_ids
            ],
            indicator_ids=[
                (0, 0, {f: i[f] for f in ("sequence", "kind", "name", "points", "description")})
                for i in old.indicator_ids
            ],
        )
        new = old.create(values)
        new.action_publish()

    def user(self, login):
        return self.users.get(login)

    def task_worker(self, task):
        """Who works on the task's ledger: its responsible person, the owner, or the nearest head
        above who may write it (units of the demo without people of their own)."""
        if task.id not in self.workers:
            candidates = [task.responsible_user_id, task.owner_user_id]
            unit = task.owner_unit_id
            while unit:
                candidates.append(unit.head_id)
                unit = unit.parent_id
            worker = None
            for user in candidates:
                if user and user.id in self.demo_user_ids and task.with_user(user).has_access("write"):
                    worker = user
                    break
            self.workers[task.id] = worker
        return self.workers[task.id]

    def task_plan(self, task):
        rng = self.rng("task", task.id)
        r = rng.random()
        fate = "on_time" if r < 0.72 else "late" if r < 0.86 else "extension" if r < 0.92 else "very_late"
        if r >= 0.97:
            fate = "never"
        return {
            "fate": fate,
            "start_after": rng.randint(0, 12),
            "early": rng.randint(1, 6),
            "late_by": rng.randint(1, 12),
            "very_late_by": rng.randint(20, 60),
            "resubmit_after": rng.randint(1, 4),
        }

    def submit_day(self, task, plan):
        wd = self.workdays()
        deadline = task.deadline
        fate = plan["fate"]
        if fate == "on_time" or (fate == "extension" and task.extension_ids.filtered(lambda e: e.state == "approved")):
            return max(task.period_start, wd.subtract_workdays(deadline, plan["early"]))
        if fate in ("late", "extension"):
            return wd.next_workday(deadline + timedelta(days=plan["late_by"]))
        if fate == "very_late":
            return wd.next_workday(deadline + timedelta(days=plan["very_late_by"]))
        return None

    def work_tasks(self):
        Task = self.env["liangze.task"]
        domain = [("state", "in", OPEN_TASK_STATES), ("period_start", "<=", self.today)]
        if self.company:
            domain.append(("company_id", "=", self.company.id))
        for task in Task.search(domain, order="deadline, id"):
            worker = self.task_worker(task)
            if not worker:
                continue
            plan = self.task_plan(task)
            mine = task.with_user(worker)
            if not task.progress_ids and self.today >= task.period_start + timedelta(days=plan["start_after"]):
                self.attempt("task: plan and progress", lambda t=mine: self._progress(t, 40), key=task.id)
            if (
                plan["fate"] == "extension"
                and not task.extension_ids
                and self.today >= self.workdays().subtract_workdays(task.deadline, 2)
            ):
                self.attempt(
                    "task: ask for an extension", lambda t=task, w=worker: self._ask_extension(t, w), key=task.id
                )
            day = self.submit_day(task, plan)
            if task.state == "returned":
                returned = task.review_ids.filtered(lambda r: r.decision == "returned").sorted("decided_date")[-1:]
                ready = self.due(returned.decided_date, plan["resubmit_after"]) if returned else True
            else:
                ready = day is not None and self.today >= day
            if ready and task.extension_ids.filtered(lambda e: e.state == "requested"):
                ready = False  # waits for the decision
            if ready:
                self.attempt(
                    "task: sign off and submit", lambda t=mine: self._submit(t), key=(task.id, len(task.review_ids))
                )

    def _progress(self, task, percent):
        if not task.plan:
            task.write({"plan": "<p>按照清单要求制定落实方案，明确责任人和完成时限。</p>"})
        self.env["liangze.task.progress"].with_user(task.env.user).create(
            {
                "task_id": task.id,
                "date": self.today,
                "description": "按计划推进本期工作，形成工作记录。",
                "percent": percent,
            }
        )

    def _ask_extension(self, task, worker):
        requested = self.workdays().add_workdays(task.deadline, 10)
        self.env["liangze.deadline.extension"].with_user(worker).create(
            {"task_id": task.id, "requested_deadline": requested, "reason": "上级文件尚未下发，申请延期。"}
        )

    def _submit(self, task):
        missing = max(task.evidence_min, 1) - task.evidence_count
        if missing > 0:
            self.env["liangze.task.evidence"].with_user(task.env.user).create(
                [
                    {
                        "task_id": task.id,
                        "name": f"佐证材料 {task.id}-{n}",
                        "file": PDF,
                        "file_name": f"e{task.id}_{n}.pdf",
                    }
                    for n in range(missing)
                ]
            )
        if not task.progress_ids.filtered(lambda p: p.percent == 100):
            self._progress(task, 100)
        wizard = self.env["liangze.task.submit"].with_user(task.env.user).create({"task_id": task.id, "confirm": True})
        wizard.action_submit()

    def reviewers_of(self, task):
        """Supervisors of the demo who may review the task (its unit in their scope, not their own)."""
        return [
            user
            for login in ("zhaomin", "chengang")
            if (user := self.user(login))
            and user.has_group(SUPERVISOR)
            and task.owner_unit_id in user.liangze_scope_unit_ids
            and task.owner_unit_id not in user.liangze_unit_ids
        ]

    def review_tasks(self):
        domain = [("state", "=", "submitted")]
        if self.company:
            domain.append(("company_id", "=", self.company.id))
        for task in self.env["liangze.task"].search(domain, order="submitted_date, id"):
            reviewers = self.reviewers_of(task)
            if not reviewers:
                continue
            rounds = len(task.review_ids.filtered(lambda r: r.decision == "returned"))
            rng = self.rng("review", task.id, rounds)
            if not self.due(task.submitted_date, rng.randint(0, 3)):
                continue
            mine = task.with_user(reviewers[0])
            if rng.random() < 0.15 and rounds < 2:
                done = self.attempt("review: return a task", lambda t=mine: self._return(t), key=(task.id, rounds))
                if done and rng.random() < 0.3:
                    self.attempt("recommendation letter: issue", lambda t=mine: self._recommend(t))
            else:
                self.attempt("review: accept a task", lambda t=mine: t.action_accept(), key=(task.id, rounds))

    def _return(self, task):
        wizard = (
            self.env["liangze.task.reason"]
            .with_user(task.env.user)
            .create(
                {"task_ids": [(6, 0, task.ids)], "action": "return", "reason": "佐证资料不完整，请补充后重新提交。"}
            )
        )
        wizard.action_confirm()

    def _recommend(self, task):
        user = task.env.user
        letter = (
            self.env["liangze.rectification"]
            .with_user(user)
            .create(
                {
                    "name": f"关于{task.owner_unit_id.name}工作台账问题的监督建议书",
                    "source": "recommendation_letter",
                    "unit_id": task.owner_unit_id.id,
                    "company_id": task.company_id.id,
                    "background": "<p>审核工作台账时发现佐证资料不完整。</p>",
                    "problem_ids": [
                        (
                            0,
                            0,
                            {
                                "description": "工作台账佐证资料不完整。",
                                "recommendation": "补齐佐证资料，建立台账审核制度。",
                                "due_date": self.workdays().add_workdays(self.today, 15),
                            },
                        )
                    ],
                }
            )
        )
        letter.action_issue()

    def decide_extensions(self):
        for extension in self.env["liangze.deadline.extension"].search([("state", "=", "requested")]):
            deciders = [u for u in extension._deciders() if u.id in self.demo_user_ids]
            rng = self.rng("extension", extension.id)
            if not deciders or not self.due(extension.requested_date, rng.randint(0, 2)):
                continue
            mine = extension.with_user(deciders[0])
            if rng.random() < 0.8:
                self.attempt("extension: approve", lambda e=mine: e.action_approve("同意延期。"), key=extension.id)
            else:
                self.attempt(
                    "extension: refuse", lambda e=mine: e.action_refuse("理由不充分，请按期完成。"), key=extension.id
                )

    def issuer_supervisor(self, document):
        for login in ("zhaomin", "chengang"):
            user = self.user(login)
            if user and user.has_group(SUPERVISOR) and document.issuer_unit_id in user.liangze_unit_ids:
                return user
        return None

    def reminder_letters(self):
        Letter = self.env["liangze.reminder.letter"]
        for letter in Letter.search([("state", "=", "draft")], order="id"):
            supervisor = self.issuer_supervisor(letter)
            rng = self.rng("letter", letter.id)
            if not supervisor or not self.due(letter.letter_date, rng.randint(0, 2)):
                continue
            mine = letter.with_user(supervisor)
            if rng.random() < 0.05:
                self.attempt("reminder letter: cancel a draft", lambda x=mine: x.action_cancel(), key=letter.id)
            else:
                self.attempt("reminder letter: issue", lambda x=mine: x.action_issue(), key=letter.id)
        for letter in Letter.search([("state", "=", "issued")], order="id"):
            head = letter._receipt_head()
            rng = self.rng("receipt", letter.id)
            if rng.random() < 0.15 or not head or head.id not in self.demo_user_ids:
                continue  # never acknowledged: the leaders are told
            if self.due(letter.issue_date, rng.randint(0, 5)):
                mine = letter.with_user(head)
                self.attempt("reminder letter: acknowledge", lambda x=mine: self._acknowledge(x), key=letter.id)

    def _acknowledge(self, letter):
        letter.write({"receipt_note": "收悉，已责成相关部门限期完成逾期任务。"})
        letter.action_acknowledge()

    def unit_actor(self, unit):
        """The unit's head, or the nearest head above (who manages the units below)."""
        while unit:
            if unit.head_id and unit.head_id.id in self.demo_user_ids:
                return unit.head_id
            unit = unit.parent_id
        return None

    def rectifications(self):
        Rectification = self.env["liangze.rectification"]
        for letter in Rectification.search([("state", "=", "issued")], order="id"):
            actor = self.unit_actor(letter.unit_id)
            if actor and self.due(letter.issue_date, self.rng("plan", letter.id).randint(1, 3)):
                mine = letter.with_user(actor)
                self.attempt("rectification: submit the plan", lambda x=mine, a=actor: self._plan(x, a), key=letter.id)
        Problem = self.env["liangze.rectification.problem"]
        for problem in Problem.search([("state", "=", "open"), ("rectification_id.state", "=", "rectifying")]):
            actor = self.unit_actor(problem.unit_id)
            rng = self.rng("feedback", problem.id, problem.failed_count)
            start = problem.rectification_id.plan_date
            if actor and self.due(start, rng.randint(3, 20)):
                mine = problem.with_user(actor)
                self.attempt(
                    "rectification: feedback", lambda p=mine: self._feedback(p), key=(problem.id, problem.failed_count)
                )
        for problem in Problem.search([("state", "=", "feedback")]):
            supervisor = self.issuer_supervisor(problem.rectification_id)
            rng = self.rng("verify", problem.id, problem.failed_count)
            if supervisor and self.due(problem.feedback_date, rng.randint(0, 3)):
                mine = problem.with_user(supervisor)
                if rng.random() < 0.1:
                    self.attempt(
                        "rectification: verification failed",
                        lambda p=mine: p._fail_verification("整改不到位。"),
                        key=(problem.id, problem.failed_count),
                    )
                else:
                    self.attempt(
                        "rectification: verify",
                        lambda p=mine: p.action_verify(),
                        key=(problem.id, problem.failed_count),
                    )

    def _plan(self, letter, actor):
        letter.write({"plan": "<p>逐条对照问题制定整改措施，明确责任人和完成时限。</p>"})
        for problem in letter.problem_ids:
            problem.write({"measure": "补齐佐证资料，完善台账审核。", "owner_user_id": actor.id})
        letter.action_submit_plan()

    def _feedback(self, problem):
        attachment = (
            self.env["ir.attachment"]
            .with_user(problem.env.user)
            .create({"name": f"feedback_{problem.id}.pdf", "datas": PDF, "mimetype": "application/pdf"})
        )
        problem.write({"feedback": "<p>已完成整改。</p>", "evidence_attachment_ids": [(4, attachment.id)]})
        problem.action_submit_feedback()

    def spot_checks(self):
        """Each quarter's first workday, a supervisor draws a spot check of accepted ledgers,
        and confirms the drawn ledgers over the next days."""
        zhaomin = self.user("zhaomin")
        if not zhaomin or "liangze.spot.check" not in self.env:
            return
        Check = self.env["liangze.spot.check"]
        quarter_start = date(self.today.year, (self.today.month - 1) // 3 * 3 + 1, 1)
        if self.today == self.workdays().next_workday(quarter_start) and self.today.month > 1:
            committee = self.env.ref("liangze_responsibility.liangze_unit_demo_county_committee")
            self.attempt("spot check: draw", lambda: self._draw(Check, zhaomin, committee))
        for review in self.env["liangze.task.review"].search([("decision", "=", "pending")]):
            if review.reviewer_id == zhaomin and self.rng("confirm", review.id).random() < 0.5:
                task = review.task_id.with_user(zhaomin).with_context(liangze_review_method=review.method)
                self.attempt("spot check: confirm a ledger", lambda t=task: t.action_confirm_check(), key=review.id)

    def _draw(self, Check, user, committee):
        check = Check.with_user(user).create(
            {
                "name": f"{self.today:%Y}年第{(self.today.month - 1) // 3 + 1}季度工作台账抽查",
                "method": "spot_check",
                "unit_id": committee.id,
                "sample_size": 2,
                "reviewer_id": user.id,
                "company_id": committee.company_id.id,
            }
        )
        check.action_draw()

    def appeals(self):
        if "liangze.assessment.appeal" not in self.env:
            return
        zhoujing = self.user("zhoujing")
        Deduction = self.env["liangze.assessment.deduction"]
        recent = Deduction.search(
            [
                ("state", "=", "active"),
                ("manual", "=", False),
                ("appeal_ids", "=", False),
                ("charged_on", ">=", self.today - timedelta(days=10)),
                ("scheme_id.state", "=", "published"),
            ]
        )
        for deduction in recent:
            head = deduction.unit_id.head_id
            rng = self.rng("appeal", deduction.id)
            if not head or head.id not in self.demo_user_ids or rng.random() >= 0.2:
                continue
            if self.due(deduction.charged_on, rng.randint(0, 3)):
                self.attempt(
                    "assessment: appeal a deduction",
                    lambda d=deduction, h=head: (
                        self.env["liangze.assessment.appeal"]
                        .with_user(h)
                        .create(
                            {"deduction_id": d.id, "reason": "该任务已按要求完成，逾期系客观原因所致，申请撤销扣分。"}
                        )
                    ),
                    key=deduction.id,
                )
        if not zhoujing:
            return
        Appeal = self.env["liangze.assessment.appeal"]
        for appeal in Appeal.search([("state", "=", "submitted"), ("scheme_id.state", "=", "published")]):
            rng = self.rng("appeal decision", appeal.id)
            if not self.due(appeal.filed_on, rng.randint(1, 12)):
                continue
            mine = appeal.with_user(zhoujing)
            if rng.random() < 0.3:
                self.attempt(
                    "assessment: withdraw a deduction",
                    lambda a=mine: a.action_withdraw("理由成立，撤销扣分。"),
                    key=appeal.id,
                )
            else:
                self.attempt(
                    "assessment: uphold a deduction",
                    lambda a=mine: a.action_uphold("扣分依据充分，维持扣分。"),
                    key=appeal.id,
                )

    def sanctions(self):
        """About once a month, a supervisor records a sanction decided by the party committee."""
        zhaomin = self.user("zhaomin")
        if not zhaomin or "liangze.sanction" not in self.env:
            return
        rng = self.rng("sanction", self.today)
        if rng.random() >= 1 / 21:
            return
        files = self.env["liangze.integrity.file"].with_user(zhaomin).search([], order="id")
        types = self.env["liangze.sanction.type"].search([], order="id")
        if not files or not types:
            return
        file, kind = rng.choice(files), rng.choice(types)
        decided = self.today - timedelta(days=rng.randint(0, 10))
        values = {
            "file_id": file.id,
            "type_id": kind.id,
            "decided_by": "中共清河县税务局委员会",
            "decision_date": decided,
            "effective_date": min(self.today, decided + timedelta(days=rng.randint(0, 5))),
            "facts": "违反工作纪律。",
        }
        if kind.probation:
            values["probation_months"] = rng.choice(["12", "24"])
        if kind.category == "government":
            values["violation_count"] = rng.choice([1, 1, 2])

        def record():
            sanction = self.env["liangze.sanction"].with_user(zhaomin).create(values)
            sanction.action_record()

        self.attempt("integrity: record a sanction", record)

    def petitions(self):
        """Letters and reports: a few a month registered by intake, then accepted (a clue) or not."""
        intake = self.user("qianfang")
        if not intake or "liangze.petition" not in self.env:
            return
        Petition = self.env["liangze.petition"].with_user(intake)
        rng = self.rng("petition", self.today)
        body = self.env.ref("liangze_responsibility.liangze_unit_demo_county_discipline")
        if rng.random() < 0.25:
            cadres = self.env["liangze.cadre"].search([("unit_id", "child_of", body.parent_id.id)], order="id")
            cadres = cadres.filtered(lambda c: c.user_id != body.head_id)
            named = rng.random() < 0.4
            values = {
                "body_unit_id": body.id,
                "company_id": body.company_id.id,
                "channel": rng.choice(["letter", "visit", "phone", "online"]),
                "kind": "accusation",
                "named": named,
                "concerned_cadre_ids": [(6, 0, [rng.choice(cadres).id])] if cadres else [],
                "content": f"{self.today.year}年{self.today.month}月{self.today.day}日来{rng.choice(CHANNEL_WORDS)}"
                + f"反映（第{rng.randint(10**5, 10**6)}号）："
                + "；".join(rng.sample(ALLEGATIONS, 2))
                + "。",
            }
            if named:
                values["reporter_name"] = "实名举报人"
            self.attempt("petition: register", lambda: Petition.create(values))
        for petition in Petition.search([("state", "=", "registered")], order="id"):
            rng = self.rng("petition decision", petition.id)
            if not self.due(petition.received_on, rng.randint(1, 4)):
                continue
            if petition.repeat_candidate_id and not petition.repeat_dismissed:
                if rng.random() < 0.5:
                    self.attempt(
                        "petition: file as a repeat", lambda p=petition: p.action_mark_repeat(), key=petition.id
                    )
                    continue
                self.attempt(
                    "petition: judge it not a repeat", lambda p=petition: p.action_not_repeat(), key=petition.id
                )
            if rng.random() < 0.85 and petition.concerned_cadre_ids:
                self.attempt("petition: accept (a clue)", lambda p=petition: p.action_accept(), key=petition.id)
            else:
                self.attempt(
                    "petition: not accept", lambda p=petition: p.action_not_accept("no_substance"), key=petition.id
                )

    def notices(self):
        intake = self.user("qianfang")
        if not intake or "liangze.petition.notice" not in self.env:
            return
        for notice in self.env["liangze.petition.notice"].with_user(intake).search([("state", "=", "to_do")]):
            if notice.kind == "acceptance" and notice.petition_id.state == "registered":
                continue
            rng = self.rng("notice", notice.id)
            start = notice.petition_id.decided_on if notice.kind == "acceptance" else notice.petition_id.closed_on
            if start and self.due(start, rng.randint(0, 16)):
                self.attempt("petition: tell the named reporter", lambda n=notice: self._tell(n), key=notice.id)

    def _tell(self, notice):
        notice.write({"method": "phone", "note": "已电话告知。"})
        notice.action_done()

    def clues(self):
        """Case management proposes a handler, the head approves, the handler reviews and submits
        the disposal (now and then after the deadline); the tier approvals follow."""
        if "liangze.clue" not in self.env:
            return
        lina, chengang, sunhao = self.user("lina"), self.user("chengang"), self.user("sunhao")
        Clue = self.env["liangze.clue"]
        for clue in Clue.search([("state", "in", ("registered", "assigned"))], order="id"):
            rng = self.rng("clue", clue.id, clue.back_from_shelf_on or "")
            start = clue.back_from_shelf_on or clue.received_on
            if clue.state == "registered" and not clue.assignment_proposed_on and lina and sunhao:
                if self.due(start, rng.randint(0, 2)):
                    self.attempt(
                        "clue: propose the handler",
                        lambda c=clue: self._propose(c.with_user(lina), sunhao),
                        key=(clue.id, clue.back_from_shelf_on),
                    )
            elif clue.state == "registered" and chengang and self.due(clue.assignment_proposed_on, rng.randint(0, 2)):
                self.attempt(
                    "clue: approve the assignment",
                    lambda c=clue: c.with_user(chengang).action_approve_assignment(),
                    key=(clue.id, clue.back_from_shelf_on),
                )
            elif clue.state == "assigned" and clue.handler_id.id in self.demo_user_ids:
                late = rng.random() < 0.2
                ready = (
                    self.today >= clue.disposal_deadline + timedelta(days=rng.randint(1, 10))
                    if late
                    else self.due(clue.assigned_on or start, rng.randint(2, 12))
                )
                if ready:
                    self.attempt(
                        "clue: review and submit the disposal",
                        lambda c=clue, r=rng: self._dispose(c.with_user(c.handler_id), r),
                        key=(clue.id, clue.back_from_shelf_on),
                    )

    def _propose(self, clue, handler):
        clue.write({"proposed_handler_id": handler.id})
        clue.action_propose_assignment()

    def _dispose(self, clue, rng):
        way = rng.choice(["close", "close", "shelve", "talk_inquiry"])
        values = {
            "review_date": self.today,
            "attendee_ids": [(6, 0, [clue.env.user.id] + [u.id for u in (self.user("lina"),) if u])],
            "proposed_way": way,
            "review_note": "经集体排查，提出处置意见。",
        }
        if way == "shelve":
            values["review_on"] = self.today + timedelta(days=rng.randint(20, 60))
        if way == "talk_inquiry":
            values["inquiry_kind"] = "talk"
        clue.write(values)
        clue.action_submit_disposal()

    def tier_approvals(self):
        """Every tier review pending for a demo user is approved on the next workday."""
        if "tier.review" not in self.env:
            return
        for review in self.env["tier.review"].sudo().search([("status", "=", "pending")], order="id"):
            first = self.first_seen.setdefault(review.id, self.today)
            if not self.due(first, 1):
                continue
            reviewers = review.reviewer_ids.filtered(lambda u: u.id in self.demo_user_ids)
            if not reviewers or review.model not in self.env:
                continue
            record = self.env[review.model].browse(review.res_id).with_user(reviewers[0])
            self.attempt(f"tier approval: {review.model}", lambda r=record: r.validate_tier(), key=review.id)


class _Capture(logging.Handler):
    """The ERROR records logged while a job runs (Odoo logs a failed job and goes on)."""

    def __init__(self, sink):
        super().__init__(logging.ERROR)
        self.sink = sink

    def emit(self, record):
        text = record.getMessage()
        if record.exc_info and record.exc_info[1] is not None:
            exc = record.exc_info[1]
            text += f" | {type(exc).__name__}: {exc}"
        self.sink.append(text[:800])


# ------------------------------------------------------------------ invariants
class Checks:
    def __init__(self, run):
        self.run, self.env, self.cr = run, run.env, run.cr
        self.results = []  # (name, ok, detail)

    def add(self, name, ok, detail, examples=()):
        self.results.append((name, ok, detail, list(examples)[:8]))

    def timelines(self):
        """{(model, id): [(day, level, state, active, deadline, yellow), ...]} in day order."""
        self.cr.execute(
            "SELECT model, res_id, day, level, state, active, deadline, yellow FROM year_run_level ORDER BY 1, 2, 3"
        )
        lines = defaultdict(list)
        for model, res_id, *row in self.cr.fetchall():
            lines[model, res_id].append(tuple(row))
        return lines

    def spans(self, line):
        """Each row of a timeline with the days it held: [start, until)."""
        for index, row in enumerate(line):
            until = line[index + 1][0] if index + 1 < len(line) else self.last_day + timedelta(days=1)
            yield row, row[0], until

    def all(self, demo_failed, last_day):
        self.last_day = last_day
        # The install day's night jobs ran before the install: the jobs first see the records the next day.
        self.first_job_day = self.run.first_day + timedelta(days=1)
        self.lines = self.timelines()
        self.check_demo(demo_failed)
        self.check_jobs()
        self.check_levels()
        self.check_reminders()
        self.check_reminder_letters()
        self.check_numbers()
        self.check_duplicates()
        self.check_assessment()
        self.check_sanctions()
        self.check_deadline_workdays()
        self.check_clue_workdays()
        return self.results

    def check_demo(self, failed):
        self.add(
            "the demo of every addon installs on the install day",
            not failed,
            f"{len(ADDONS) - len(failed)} of {len(ADDONS)} addons with their demo"
            + (f"; without: {', '.join(failed)}" if failed else ""),
        )

    def check_jobs(self):
        self.cr.execute("SELECT day, job, error FROM year_run_error ORDER BY day")
        rows = self.cr.fetchall()
        self.cr.execute("SELECT count(*) FROM year_run_day")
        days = self.cr.fetchone()[0]
        failures = self.env["liangze.job.failure"].sudo().search([]) if "liangze.job.failure" in self.env else []
        self.add(
            "every daily job runs without an error",
            not rows,
            f"{days} days; {len(rows)} job runs logged an error; {len(failures)} records set aside by the jobs",
            [f"{d} {job}: {' '.join(err.split())}" for d, job, err in rows],
        )

    # -- warning levels, day by day -----------------------------------------------------
    def expected_level(self, model, state, deadline, yellow, day):
        if state in model._deadline_done_states:
            return {"done_on_time", "done_late"}
        if state in model._deadline_void_states or not deadline:
            return {"normal"}
        if deadline < day:
            return {"red"}
        yellow_states = model._deadline_yellow_states
        if (yellow_states is None or state in yellow_states) and yellow and yellow <= day:
            return {"yellow"}
        return {"normal"}

    def check_levels(self):
        """Each day of the run, each record's level is what the rule gives for that day."""
        checked, wrong, examples = 0, Counter(), []
        for (name, res_id), line in self.lines.items():
            model = self.env[name]
            for index, (day, level, state, _active, deadline, yellow) in enumerate(line):
                until = line[index + 1][0] if index + 1 < len(line) else self.last_day + timedelta(days=1)
                current = day
                while current < until:
                    checked += 1
                    expected = self.expected_level(model, state, deadline, yellow, current)
                    if level not in expected:
                        wrong[name] += 1
                        if len(examples) < 8:
                            examples.append(
                                f"{name}({res_id}) on {current}: {level}, the rule gives {'/'.join(sorted(expected))}"
                                f" (state {state}, deadline {deadline}, yellow from {yellow})"
                            )
                    current += timedelta(days=1)
        self.add(
            "the warning level of every record with a deadline follows the rule every day",
            not wrong,
            f"{checked} record-days over {len({m for m, _ in self.lines})} models; wrong: "
            + (", ".join(f"{m} {n}" for m, n in wrong.items()) or "none"),
            examples,
        )
        # Tasks: warned yellow before red whenever the jobs saw them open in their yellow window.
        red = yellow_first = no_window = 0
        bad = []
        for (name, res_id), line in self.lines.items():
            if name != "liangze.task":
                continue
            seen = [(row, max(start, self.first_job_day), until) for row, start, until in self.spans(line)]
            seen = [(row, start, until) for row, start, until in seen if start < until]
            first_red = next((start for row, start, _u in seen if row[1] == "red"), None)
            if not first_red:
                continue
            red += 1
            if any(row[1] == "yellow" and start < first_red for row, start, _u in seen):
                yellow_first += 1
                continue
            was_open = any(
                row[2] in OPEN_TASK_STATES
                and row[5]
                and max(start, row[5]) < min(until, first_red, (row[4] or until) + timedelta(days=1))
                for row, start, until in seen
            )
            if was_open:
                bad.append(f"liangze.task({res_id}) red on {first_red} without a yellow warning before")
            else:
                no_window += 1
        self.add(
            "every task that went red was warned yellow first (when open in its yellow window)",
            not bad,
            f"{red} tasks went red: {yellow_first} yellow first, {no_window} not open in a yellow window seen"
            f" by the jobs, {len(bad)} without",
            bad,
        )

    # -- reminders, once per threshold --------------------------------------------------
    def template_patterns(self, xmlid):
        template = self.env.ref(xmlid, raise_if_not_found=False)
        if not template:
            return []
        patterns = []
        for lang in ("en_US", "zh_CN"):
            subject = template.with_context(lang=lang).subject or ""
            if not subject:
                continue
            parts = re.split(r"\{\{.*?\}\}", subject)
            patterns.append(re.compile("^" + ".*".join(re.escape(p) for p in parts) + "$", re.S))
        return patterns

    def check_reminders(self):
        """Per record and template: as many reminder messages as (level, deadline) pairs seen."""
        expected = defaultdict(set)  # (model, id, level) -> {deadline}, as the jobs saw them
        for (name, res_id), line in self.lines.items():
            for (_day, level, _state, _active, deadline, _yellow), _start, until in self.spans(line):
                if level in ("yellow", "red") and until > self.first_job_day:
                    expected[name, res_id, level].add(deadline)
        by_model = defaultdict(dict)
        for (name, res_id, level), deadlines in expected.items():
            by_model[name].setdefault(res_id, {})[level] = deadlines
        checked, wrong, unsure, examples = 0, 0, 0, []
        cache = {}
        for name, records in by_model.items():
            model = self.env[name].sudo().with_context(active_test=False)
            self.cr.execute(
                "SELECT res_id, subject FROM mail_message"
                " WHERE model = %s AND subject IS NOT NULL AND res_id = ANY(%s)",
                [name, list(records)],
            )
            subjects = defaultdict(list)
            for res_id, subject in self.cr.fetchall():
                subjects[res_id].append(subject)
            in_domain = set(model.search(model._deadline_reminder_domain()).ids)
            for res_id, levels in records.items():
                record = model.browse(res_id)
                if not record.exists():
                    continue
                per_template = defaultdict(set)
                for level, deadlines in levels.items():
                    template = record._deadline_reminder(level).get("template")
                    if template:
                        per_template[template] |= {(level, d) for d in deadlines}
                for template, pairs in per_template.items():
                    if template not in cache:
                        cache[template] = self.template_patterns(template)
                    patterns = cache[template]
                    if not patterns:
                        continue
                    checked += 1
                    sent = sum(1 for s in subjects[res_id] if any(p.match(s) for p in patterns))
                    if sent == len(pairs):
                        continue
                    if sent == 0 and res_id not in in_domain:
                        unsure += 1  # not to be reminded now; whether it was then, the run cannot tell
                        continue
                    wrong += 1
                    if len(examples) < 8:
                        examples.append(
                            f"{name}({res_id}) {template.split('.')[-1]}: {sent} messages for "
                            f"{len(pairs)} threshold(s) {sorted((lv, str(d)) for lv, d in pairs)}"
                        )
        self.add(
            "every warned record was reminded exactly once per threshold (and new deadline)",
            not wrong,
            f"{checked} (record, reminder template) pairs; {wrong} wrong; {unsure} outside the reminder domain",
            examples,
        )

    def check_reminder_letters(self):
        if "liangze.reminder.letter" not in self.env:
            return
        tasks = set()
        for (name, res_id), line in self.lines.items():
            if name == "liangze.task" and any(lv == "red" and st in OPEN_TASK_STATES for _d, lv, st, *_ in line):
                tasks.add(res_id)
        Task = self.env["liangze.task"].sudo().with_context(active_test=False)
        supervised = Task.browse(sorted(tasks)).filtered("supervising_unit_id")
        self.cr.execute("SELECT task_id, count(*) FROM liangze_reminder_letter_task_rel GROUP BY task_id")
        letters = dict(self.cr.fetchall())
        none = [t for t in supervised if not letters.get(t.id)]
        many = [t for t, n in letters.items() if n > 1]
        self.add(
            "every red task of a supervised unit is on exactly one reminder letter",
            not none and not many,
            f"{len(supervised)} red open supervised tasks; on no letter: {len(none)}; on several: {len(many)};"
            f" {self.env['liangze.reminder.letter'].search_count([])} letters",
            [f"liangze.task({t.id}) {t.name} on no letter" for t in none[:4]]
            + [f"liangze.task({t}) on {letters[t]} letters" for t in many[:4]],
        )

    def check_numbers(self):
        series = defaultdict(list)  # (prefix, year, sep, suffix) -> [(n, model, id)]
        unparsed = []
        checked = 0
        for name, field in NUMBERED:
            if name not in self.env or field not in self.env[name]._fields:
                continue
            table = self.env[name]._table
            self.cr.execute(f'SELECT id, "{field}" FROM "{table}" WHERE "{field}" IS NOT NULL AND "{field}" != \'/\'')
            for res_id, value in self.cr.fetchall():
                checked += 1
                match = NUMBER_RE.match(value)
                if not match:
                    unparsed.append(f"{name}({res_id}).{field} = {value!r}")
                    continue
                key = (match["prefix"], match["year"], match["sep"], match["suffix"])
                series[key].append((int(match["n"]), f"{name}({res_id}).{field}"))
        problems = []
        for key, numbers in series.items():
            values = sorted(n for n, _ in numbers)
            dupes = [n for n, c in Counter(values).items() if c > 1]
            gaps = sorted(set(range(1, values[-1] + 1)) - set(values))
            label = f"{key[0]}{key[1]}{key[2]}N{key[3]}"
            if dupes:
                problems.append(f"{label}: numbers given twice {dupes[:5]}")
            if gaps:
                problems.append(f"{label}: gaps {gaps[:8]} (1..{values[-1]}, {len(values)} numbers)")
        self.add(
            "every official number series is gapless and unique per year and kind",
            not problems and not unparsed,
            f"{checked} numbers in {len(series)} series (per prefix and year); {len(problems)} series wrong;"
            f" {len(unparsed)} unparsed",
            problems + unparsed,
        )

    def check_duplicates(self):
        queries = {
            "deduction per (rule, source)": """
                SELECT scheme_id, rule_id, source_model, source_id, count(*) FROM liangze_assessment_deduction
                 WHERE source_model IS NOT NULL GROUP BY 1, 2, 3, 4 HAVING count(*) > 1""",
            "reminder letter per (unit, issuer, day)": """
                SELECT unit_id, issuer_unit_id, letter_date, count(*) FROM liangze_reminder_letter
                 GROUP BY 1, 2, 3 HAVING count(*) > 1""",
            "notice to a reporter per (report, kind), not void": """
                SELECT petition_id, kind, count(*) FROM liangze_petition_notice WHERE state != 'void'
                 GROUP BY 1, 2 HAVING count(*) > 1""",
            "integrity file entry per (file, section, source)": """
                SELECT file_id, section, source_model, source_id, count(*) FROM liangze_integrity_entry
                 WHERE source_model IS NOT NULL GROUP BY 1, 2, 3, 4 HAVING count(*) > 1""",
            "problem clue per letter or report": """
                SELECT petition_id, count(*) FROM liangze_clue WHERE petition_id IS NOT NULL
                 GROUP BY 1 HAVING count(*) > 1""",
            "escalation message per reminder letter": None,
        }
        counts, examples = {}, []
        for label, sql in queries.items():
            if sql is None:
                patterns = self.template_patterns("liangze_supervision.mail_template_liangze_reminder_letter_escalated")
                if not patterns:
                    continue
                self.cr.execute(
                    "SELECT res_id, subject FROM mail_message"
                    " WHERE model = 'liangze.reminder.letter' AND subject IS NOT NULL"
                )
                per = Counter(r for r, s in self.cr.fetchall() if any(p.match(s) for p in patterns))
                rows = [(r, n) for r, n in per.items() if n > 1]
            else:
                table = re.search(r"FROM (\w+)", sql)[1]
                self.cr.execute("SELECT to_regclass(%s)", [table])
                if not self.cr.fetchone()[0]:
                    continue
                self.cr.execute(sql)
                rows = self.cr.fetchall()
            counts[label] = len(rows)
            examples += [f"{label}: {row}" for row in rows[:3]]
        self.add(
            "no deduction, letter, notice, clue or integrity file entry was created twice",
            not any(counts.values()),
            "; ".join(f"{label}: {n} twice" for label, n in counts.items()),
            examples,
        )

    def check_assessment(self):
        if "liangze.assessment.scheme" not in self.env:
            return
        Scheme = self.env["liangze.assessment.scheme"].sudo()
        schemes = Scheme.search([("state", "!=", "draft")])
        if not schemes:
            self.add(
                "assessment scores equal a recomputation from scratch", True, "no scheme published: nothing to check"
            )
            return
        Score, Deduction = self.env["liangze.assessment.score"].sudo(), self.env["liangze.assessment.deduction"].sudo()
        before_count = Deduction.search_count([])
        # The job once more: it draws what the last day's work gave (a letter issued after the
        # night's scoring); then once again, which must add nothing and move nothing.
        cron = self.env.ref("liangze_accountability.ir_cron_liangze_assessment_score")

        def score_again():
            self.env.flush_all()
            self.cr.commit()
            cron.method_direct_trigger()
            self.cr.commit()  # see what the job's own cursor committed
            self.env.invalidate_all()
            count = Deduction.search_count([])
            return count, {(s.scheme_id.id, s.unit_id.id): (s.score, s.rank, s.grade) for s in Score.search([])}

        last_day_count, before_scores = score_again()
        drawn_last_day = last_day_count - before_count
        after_count, after_scores = score_again()
        added = after_count - last_day_count
        moved = [k for k in before_scores if before_scores[k] != after_scores.get(k)]
        # The scores, recomputed here from the deductions.
        wrong, checked = [], 0
        for scheme in schemes:
            per_unit = defaultdict(lambda: {"deduction": defaultdict(float), "bonus": defaultdict(float)})
            caps = {}
            for d in Deduction.search([("scheme_id", "=", scheme.id), ("state", "=", "active")]):
                key = (d.rule_id.id, d.indicator_id.id)
                caps[key] = d.indicator_id.points if d.indicator_id else d.rule_id.cap
                per_unit[d.unit_id.id][d.kind][key] += d.points
            rows = []
            for group in scheme.group_ids:
                for unit in group.unit_ids:
                    sums = per_unit[unit.id]
                    deducted = sum(min(v, caps[k]) if caps[k] else v for k, v in sums["deduction"].items())
                    bonus = min(
                        sum(min(v, caps[k]) if caps[k] else v for k, v in sums["bonus"].items()), scheme.bonus_cap
                    )
                    rows.append((group.id, unit.id, round(scheme.base_score - deducted + bonus, 6)))
            for group_id in {r[0] for r in rows}:
                peers = sorted((r for r in rows if r[0] == group_id), key=lambda r: -r[2])
                for _g, unit_id, score in peers:
                    rank = 1 + sum(1 for p in peers if p[2] > score + 1e-9)
                    if scheme.grade_method == "quota":
                        grade = None  # the quota grades depend on ties; the rank and score are checked
                    else:
                        grade = scheme._grade_of(score)
                    stored = after_scores.get((scheme.id, unit_id))
                    checked += 1
                    if (
                        not stored
                        or abs(stored[0] - score) > 1e-6
                        or stored[1] != rank
                        or (grade and stored[2] != grade)
                    ):
                        wrong.append(
                            f"scheme {scheme.id} unit {unit_id}: stored {stored}, recomputed {(score, rank, grade)}"
                        )
        # What the rules draw from scratch today is all among the deductions drawn day by day.
        missing = []
        for scheme in schemes.filtered(lambda s: s.state == "published"):
            assessed = scheme._assessed_units()
            for rule in scheme.rule_ids:
                model, sql = rule._source_query()
                self.cr.execute(sql)
                sources = {row[0]: row[1] for row in self.cr.fetchall()}
                drawn = set(Deduction.search([("rule_id", "=", rule.id)]).mapped("source_id"))
                units = self.env["liangze.unit"].browse(set(sources.values()))
                inside = {
                    u.id for u in units if any((u.parent_path or "").startswith(a.parent_path or "-") for a in assessed)
                }
                for source_id, unit_id in sources.items():
                    if unit_id in inside and source_id not in drawn:
                        missing.append(f"rule {rule.kind}: {model}({source_id}) not drawn")
        self.add(
            "assessment scores equal a recomputation from scratch",
            not (wrong or added or moved or missing),
            f"{len(schemes)} schemes, {checked} unit scores recomputed: {len(wrong)} differ; scoring after the last"
            f" day's work drew {drawn_last_day}, scoring again added {added} and moved {len(moved)} scores;"
            f" {len(missing)} sources the rules give today not drawn",
            wrong + missing + [f"moved: {k}" for k in moved],
        )

    def check_sanctions(self):
        if "liangze.sanction" not in self.env:
            return
        from dateutil.relativedelta import relativedelta

        Sanction = self.env["liangze.sanction"].sudo().with_context(active_test=False)
        xmlids = {t.id: x.split(".")[-1] for t, x in zip(*self._types(), strict=True)}
        wrong, checked = [], 0
        for sanction in Sanction.search([("state", "!=", "revoked")]):
            months = RULE_MONTHS.get(xmlids.get(sanction.type_id.id), "custom")
            if months == "custom":
                months = sanction.type_id.effect_months  # a locally set type (诫勉, organisational measures)
            elif months is not None:
                if sanction.type_id.probation:
                    months += int(sanction.probation_months or 0)
                if sanction.category == "government" and sanction.violation_count > 1:
                    months = min(months * sanction.violation_count, GOVERNMENT_CAP_MONTHS)
            if months is not None and sanction.effect_months < months and (sanction.shorter_reason or "").strip():
                months = sanction.effect_months  # shortened, with its reason
            start = sanction.effective_date or sanction.decision_date
            expected = start + relativedelta(months=months) if (months and start) else False
            checked += 1
            if sanction.effect_until != expected:
                wrong.append(
                    f"liangze.sanction({sanction.id}) {sanction.type_id.name} from {start}:"
                    f" ends {sanction.effect_until},"
                    f" the rules give {expected} ({months} months)"
                )
        self.add(
            "every sanction's effect period ends on the day the rules give",
            not wrong,
            f"{checked} sanctions; {len(wrong)} wrong",
            wrong,
        )

    def _types(self):
        types = self.env["liangze.sanction.type"].sudo().with_context(active_test=False).search([])
        ids = types.get_external_id()
        kept = types.filtered(lambda t: ids.get(t.id))
        return kept, [ids[t.id] for t in kept]

    def check_deadline_workdays(self):
        """Every deadline of every record falls on a statutory workday (chinese_calendar), as the
        product's workday calendar means it to."""
        import chinese_calendar

        wrong, checked, at_install, per_model = [], 0, 0, Counter()
        for model in self.run.deadline_models():
            self.cr.execute("SELECT value FROM year_run_meta WHERE key = %s", [f"install_max_id:{model._name}"])
            row = self.cr.fetchone()
            install_max = int(row[0]) if row else 0
            field = model._deadline_field
            self.cr.execute(f'SELECT id, "{field}" FROM "{model._table}" WHERE "{field}" IS NOT NULL ORDER BY id')
            for res_id, deadline in self.cr.fetchall():
                try:
                    workday = chinese_calendar.is_workday(deadline)
                except NotImplementedError:
                    continue
                checked += 1
                if workday:
                    continue
                line = self.lines.get((model._name, res_id), [])
                made = res_id <= install_max and (not line or line[0][4] == deadline)
                at_install += made
                per_model[model._name] += 1
                wrong.append(
                    f"{model._name}({res_id}) due {deadline} ({deadline:%a}), not a statutory workday"
                    + (" (set on the install day)" if made else "")
                )
        wrong.sort(key=lambda text: "(set on the install day)" in text)
        self.add(
            "every deadline falls on a statutory workday",
            not wrong,
            f"{checked} deadlines; {len(wrong)} on a day off ({at_install} of them set on the install day): "
            + (", ".join(f"{m} {n}" for m, n in per_model.items()) or "none"),
            wrong,
        )

    def check_clue_workdays(self):
        """Clue disposal: due one month after receipt (or the return from the shelf) on a statutory
        workday, yellow 5 workdays before, red the day after; counted with chinese_calendar here."""
        if "liangze.clue" not in self.env:
            return
        import chinese_calendar
        from dateutil.relativedelta import relativedelta

        def workday(day):
            try:
                return chinese_calendar.is_workday(day)
            except NotImplementedError:
                return day.weekday() < 5

        def next_workday(day):
            while not workday(day):
                day += timedelta(days=1)
            return day

        def minus_workdays(day, n):
            while n:
                day -= timedelta(days=1)
                n -= workday(day)
            return day

        Clue = self.env["liangze.clue"].sudo().with_context(active_test=False)
        self.cr.execute("SELECT value FROM year_run_meta WHERE key = 'install_max_id:liangze.clue'")
        row = self.cr.fetchone()
        install_max = int(row[0]) if row else 0
        patterns = self.template_patterns("liangze_discipline.mail_template_liangze_clue_disposal_due")
        self.cr.execute(
            "SELECT res_id, date, subject FROM mail_message WHERE model = 'liangze.clue' AND subject IS NOT NULL"
        )
        reminded = defaultdict(set)  # clue id -> bureau days a reminder was posted
        for res_id, moment, subject in self.cr.fetchall():
            if any(p.match(subject) for p in patterns):
                reminded[res_id].add(pytz.utc.localize(moment).astimezone(CHINA).date())
        wrong, checked, warned, at_install = [], 0, 0, 0
        for clue in Clue.search([("disposal_deadline", "!=", False)], order="id"):
            months = clue.company_id.liangze_clue_disposal_months or 1
            line = self.lines.get(("liangze.clue", clue.id), [])
            # The timeline's stretches under one deadline, in order.
            segments = []
            for row, start, until in self.spans(line):
                if not segments or segments[-1][0] != (row[4], row[5]):
                    segments.append(((row[4], row[5]), []))
                segments[-1][1].append((row, start, until))
            # (a) The deadlines whose start the record still says: the receipt, the return from the shelf.
            derivable = [(clue.received_on, segments[0][0] if segments else None)]
            if clue.back_from_shelf_on:
                derivable.append((clue.back_from_shelf_on, segments[-1][0] if segments else None))
            else:
                derivable = [(clue.received_on, (clue.disposal_deadline, clue.yellow_date))]
            for start, stored in derivable:
                if not stored or not stored[0]:
                    continue
                deadline = next_workday(start + relativedelta(months=months))
                yellow = minus_workdays(deadline, 5)
                checked += 1
                if tuple(stored) != (deadline, yellow):
                    made = clue.id <= install_max and start == clue.received_on
                    at_install += made
                    wrong.append(
                        f"liangze.clue({clue.id}) from {start}: due {stored[0]}, yellow from {stored[1]};"
                        f" the statutory calendar gives {deadline}, {yellow}"
                        + (" (set on the install day)" if made else "")
                    )
            # (b) Each warning the jobs turned on was reminded that very day (the levels themselves
            # follow the deadline every day: checked above for every record).
            for (deadline, _yellow), rows in segments:
                for level in ("yellow", "red"):
                    days = [
                        max(start, self.first_job_day)
                        for row, start, until in rows
                        if row[1] == level and max(start, self.first_job_day) < until
                    ]
                    if not days:
                        continue
                    warned += 1
                    if days[0] not in reminded[clue.id]:
                        wrong.append(
                            f"liangze.clue({clue.id}) {level} from {days[0]} (due {deadline}): no reminder that day"
                        )
        wrong.sort(key=lambda text: "(set on the install day)" in text)  # what the run itself did first
        self.add(
            "clue disposal limits were warned on the right workdays",
            not wrong,
            f"{checked} disposal deadlines recounted on the statutory calendar ({at_install} wrong ones set on the"
            f" install day); {warned} warnings turned on by the jobs, each reminded that day?"
            f" {len(wrong)} wrong in all",
            wrong,
        )


# ------------------------------------------------------------------ main
def main():
    today_china = datetime.now(CHINA).date()
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", default="liangze_year_run")
    parser.add_argument("--year", type=int, default=today_china.year, help="the bureau's year (default: this one)")
    parser.add_argument("--install-day", default="01-01", help="MM-DD of the install (default 01-01)")
    parser.add_argument("--days", type=int, help="stop after this many simulated days")
    parser.add_argument("--seed", type=int, default=19)
    parser.add_argument("--province", type=int, default=0, metavar="UNITS", help="add the province (bench_generation)")
    parser.add_argument("--keep", action="store_true", help="keep the database; a kept one is resumed")
    args = parser.parse_args()
    month, day = map(int, args.install_day.split("-"))
    install_day = date(args.year, month, day)
    last_day = date(args.year, 12, 31)

    odoo_suite.ensure_postgres()
    logfile = None
    if args.keep and odoo_suite_db_ready(args.db):
        addons = odoo_suite.addons_path(with_tests=False)
        log(f"reusing database {args.db}")
    else:
        addons, logfile = install(args.db, install_day)
    failed, reasons = demo_failures(args.db, logfile)
    if failed:
        log(f"installed WITHOUT the demo of: {', '.join(failed)}")
        for reason in reasons:
            log(f"   {reason}")

    clock = Clock(utc_of(install_day, time(9, 30)))
    code = 0
    try:
        with odoo_env(args.db, addons) as env:
            code = simulate(env, args, install_day, last_day, clock, failed)
    finally:
        clock.stop()
        if not args.keep:
            drop(args.db)
    sys.exit(code)


def odoo_suite_db_ready(db):
    from _common import db_has_module

    return all(db_has_module(db, name) for name in ADDONS)


def simulate(env, args, install_day, last_day, clock, demo_failed):
    run = YearRun(env, args, install_day, last_day)
    cr = env.cr
    resumed = run.setup_tables()
    if resumed is None:
        cr.execute("INSERT INTO year_run_meta VALUES ('install_day', %s) ON CONFLICT DO NOTHING", [str(install_day)])
        if args.province:
            started = real_seconds()
            units, tasks = build_province(env, args.province, install_day.year)
            log(f"province: {units} units, {tasks} tasks in {real_seconds() - started:.0f} s")
        run.schedule_crons()
        for model in run.deadline_models():
            cr.execute(f'SELECT COALESCE(max(id), 0) FROM "{model._table}"')
            cr.execute(
                "INSERT INTO year_run_meta VALUES (%s, %s) ON CONFLICT DO NOTHING",
                [f"install_max_id:{model._name}", str(cr.fetchone()[0])],
            )
        cr.commit()
        first = install_day
    else:
        cr.execute("SELECT value FROM year_run_meta WHERE key = 'install_day'")
        install_day = date.fromisoformat(cr.fetchone()[0])
        run.first_day = install_day
        first = resumed + timedelta(days=1)
        log(f"resuming after {resumed}")
    days = (last_day - first).days + 1
    if args.days is not None:
        days = min(days, args.days)
    log(f"simulating {days} days from {first} (seed {args.seed})")
    started = real_seconds()
    for index in range(days):
        run.today = first + timedelta(days=index)
        day_started = real_seconds()
        queries = cr.sql_log_count
        cron_seconds = 0.0
        if run.today > install_day:  # the install day's night jobs ran before the install
            clock.move_to(utc_of(run.today, NIGHT))
            cron_started = real_seconds()
            run.run_crons()
            cron_seconds = real_seconds() - cron_started
        run.observe()
        clock.move_to(utc_of(run.today, OFFICE))
        act_started = real_seconds()
        run.work()
        act_seconds = real_seconds() - act_started
        env.flush_all()
        seconds = real_seconds() - day_started
        run.save_day(seconds, cron_seconds, act_seconds, cr.sql_log_count - queries)
        cr.commit()
        if index % 10 == 0 or index == days - 1:
            done = sum(n for (_k, o), n in run.actions.items() if o == "done")
            log(
                f"{run.today} ({run.today:%a}): {seconds:5.1f} s"
                f" (jobs {cron_seconds:4.1f} s, work {act_seconds:4.1f} s);"
                f" {done} actions so far, {len(run.errors)} job errors"
            )
        env.invalidate_all()
    total = real_seconds() - started
    end_day = run.today if days else first - timedelta(days=1)

    report_actions(cr)
    clock.move_to(utc_of(end_day, time(23, 0)))
    results = Checks(run).all(demo_failed, end_day)
    cr.commit()
    print()
    print("invariants")
    failed = 0
    for name, ok, detail, examples in results:
        failed += not ok
        print(f"  {'PASS' if ok else 'FAIL'}  {name}: {detail}")
        for example in examples:
            print(f"          {example}")
    report_times(cr, total)
    return 1 if failed else 0


def report_actions(cr):
    cr.execute(
        """SELECT kind, outcome, sum(n), (array_agg(example ORDER BY day) FILTER (WHERE example IS NOT NULL))[1]
             FROM year_run_action GROUP BY 1, 2 ORDER BY 1, 2"""
    )
    rows = cr.fetchall()
    per_kind = defaultdict(dict)
    examples = {}
    for kind, outcome, n, example in rows:
        per_kind[kind][outcome] = n
        if outcome != "done" and example:
            examples[kind, outcome] = example
    print()
    print(f"{'action (the demo users)':52} {'done':>6} {'refused':>8} {'crashed':>8}")
    for kind, outcomes in sorted(per_kind.items()):
        print(f"{kind:52} {outcomes.get('done', 0):>6} {outcomes.get('refused', 0):>8} {outcomes.get('crashed', 0):>8}")
    for (kind, outcome), example in sorted(examples.items()):
        print(f"  first {outcome} {kind}: {example[:240]}")


def report_times(cr, total):
    cr.execute("SELECT seconds, cron_seconds, act_seconds, queries FROM year_run_day ORDER BY day")
    rows = cr.fetchall()
    if not rows:
        return
    seconds = sorted(r[0] for r in rows)
    p95 = seconds[min(len(seconds) - 1, int(round(0.95 * (len(seconds) - 1))))]
    print()
    print(
        f"time per simulated day over {len(rows)} days: mean {statistics.mean(seconds):.2f} s, p95 {p95:.2f} s,"
        f" max {seconds[-1]:.2f} s (jobs {statistics.mean(r[1] for r in rows):.2f} s, work"
        f" {statistics.mean(r[2] for r in rows):.2f} s, {statistics.mean(r[3] for r in rows):.0f} queries a day)"
    )
    print(f"total: {sum(r[0] for r in rows):.0f} s simulated in all runs of this database; this run {total:.0f} s")


if __name__ == "__main__":
    main()
