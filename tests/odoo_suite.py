#!/usr/bin/env python3
"""Run the Odoo test suite of the liangze addons on throw-away databases.

1. make sure PostgreSQL runs and knows the current OS user;
2. the main run: install the addons (with demo data and zh_CN) with --test-enable
   and count the results Odoo logs (browser tours included);
3. uninstall them again in a second run (counted as one more test);
4. the shifted clocks: install the demo bureau twice more, side by side, each on a
   database of its own, under faketime at 03:30 UTC and at 20:30 UTC of the run's own date
   (11:30 and, the next day, 04:30 in China), running the tests tagged
   liangze_demo (no browser tour). LIANGZE_SHIFTED_CLOCKS=0 leaves them out, for a
   developer's quick loop; CI never sets it;
5. drop every database, whatever happened.

Counted as a failure besides failed tests: any ERROR, any WARNING about liangze,
any module whose demo data failed to load (Odoo installs it without its demo and
skips the demo of the addons above it, with a mere WARNING), a skipped browser
tour (no Chrome, or Chrome did not connect), a skipped demo suite (TestDemo*
classes, tests tagged liangze_demo, or a skip whose reason names the demo), and a
run in which no test ran. Other skips are counted apart, as skipped.

Prints "odoo: N passed, N failed, N skipped" and exits 0 only if nothing failed.
Called by scripts/test.sh; needs an importable Odoo 19.
Also: `odoo_suite.py --addons-path` prints the addons path (for pytest-odoo), and
`odoo_suite.py --demo-failures DB [LOG]` prints the modules of DB (and of Odoo's log
LOG) whose demo data failed to load (used by scripts/start.sh).
"""

import ast
import concurrent.futures
import contextlib
import datetime
import getpass
import importlib.util
import os
import re
import shlex
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TEST_ADDONS = REPO / "tests" / "addons"
# Install order matters only for readability; Odoo resolves dependencies.
ADDONS = [
    "liangze_base",
    "liangze_responsibility",
    "liangze_supervision",
    "liangze_accountability",
    "liangze_integrity",
    # Optional: a body that handles its cases in another system does not install it.
    "liangze_discipline",
    # The optional SMS bridge: installing it brings Odoo's sms app into the test database.
    "liangze_responsibility_sms",
    "liangze_integration_tests",
]

# The shifted clocks: (label, UTC time of the run's own date). 03:30 UTC is 11:30 in China, the
# same day; 20:30 UTC is 04:30 in China, the next day (the hours when the demo once failed).
SHIFTED_CLOCKS = [("03:30 UTC", "03:30:00"), ("20:30 UTC", "20:30:00")]
# The tests run under the shifted clocks: the demo suites.
DEMO_TAG = "liangze_demo"

# Odoo's log format (odoo/netsvc.py): "%(asctime)s %(pid)s %(levelname)s %(dbname)s %(name)s: %(message)s"
LOG_RE = re.compile(
    r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+ \d+ (?P<level>[A-Z]+) (?P<db>\S+) (?P<logger>[\w.\-]+): (?P<msg>.*)$"
)
# odoo/service/server.py logs str(OdooTestResult) (odoo/tests/result.py) once per database:
#   "<F> failed, <E> error(s) of <N> tests when loading database '<db>'" (skips are not in it).
RESULT_RE = re.compile(r"(\d+) failed, (\d+) error\(s\) of (\d+) tests when loading database")
# ERROR lines already counted by RESULT_RE: one per failing test, logged by the test's module logger
# (odoo/tests/result.py, logError: "FAIL: <test>" / "ERROR: <test>"), and the summaries of
# odoo/modules/loading.py ("Module <m>: 1 failures, 0 errors of 3 tests", "At least one test failed ...").
TEST_OUTCOME_RE = re.compile(r"(FAIL|ERROR): ")
TEST_SUMMARY_RE = re.compile(r"Module \S+: \d+ failures, \d+ errors of \d+ tests|At least one test failed when loading")
# OdooTestResult.addSkip (odoo/tests/result.py) logs at INFO, under the test module's logger:
#   "skipped <Class>.<method> : <reason>"; a skip raised by setUpClass (odoo/tests/suite.py) is logged by
#   odoo.tests.suite as "skipped setUpClass (odoo.addons.<addon>.tests.<file>.<Class>) : <reason>" and
#   its tests are neither run nor counted in N.
SKIP_RE = re.compile(r"^skipped (?P<desc>.+?) : (?P<reason>.*)$")
FIXTURE_SKIP_RE = re.compile(r"^(?:setUpClass|setUpModule) \((?P<path>[\w.]+)\)$")
# Reasons of the SkipTest raised by odoo/tests/common.py when the browser is missing or does not connect:
#   "websocket-client module is not installed", "Chrome executable not found", "<chrome> not found",
#   "Failed to detect chrome devtools port after ...", "Error during Chrome headless connection",
#   "Error during Chrome connection: never found 'page' target", "Cannot connect to chrome dev tools".
BROWSER_SKIP_RE = re.compile(r"chrom|websocket|browser|devtools", re.IGNORECASE)
DEMO_SKIP_RE = re.compile(r"\bdemo\b", re.IGNORECASE)
# odoo/modules/loading.py, load_demo(): WARNING, then the module is installed without its demo data and
# the addons that depend on it get none either (ModuleNode.demo_installable), without a word.
DEMO_FAILED_RE = re.compile(r"^Module (?P<module>\S+) demo data failed to install, installed without demo data")
UNINSTALL_SCRIPT = """
mods = env['ir.module.module'].search([('name', 'in', %r)])
mods.button_immediate_uninstall()
env.cr.commit()
env.invalidate_all()
left = env['ir.module.module'].search([('name', 'in', %r), ('state', '!=', 'uninstalled')])
if left:
    raise SystemExit('still installed after uninstall: %%s' %% left.mapped('name'))
print('uninstalled: %%s' %% ', '.join(mods.mapped('name')))
"""

# Run Odoo under libfaketime. FAKETIME_DONT_FAKE_MONOTONIC=1 is needed: with a faked CLOCK_MONOTONIC,
# CPython's lock.acquire(timeout=...) (sem_clockwait, which libfaketime 0.9.10 does not intercept) waits
# forever. But then libfaketime shifts the absolute CLOCK_MONOTONIC deadline of time.sleep
# (clock_nanosleep TIMER_ABSTIME) by the fake offset: EINVAL, or hours of sleep when the clock is set
# ahead. So time.sleep waits with select(), which takes a relative timeout.
FAKETIME_BOOT = """\
import os, runpy, select, sys, time
def _sleep(secs):
    select.select([], [], [], max(secs, 0))
time.sleep = _sleep
# Odoo's own children (Chrome for the tours, wkhtmltopdf) run on the real clock: Chrome
# does not start under libfaketime. FAKETIME stays: libfaketime re-reads it.
os.environ.pop("LD_PRELOAD", None)
sys.argv[0] = {argv0!r}
{run}
"""


def log(msg):
    print(f"[odoo_suite] {msg}", flush=True)


def run(cmd, **kw):
    return subprocess.run(cmd, check=False, text=True, **kw)


# ---------------------------------------------------------------- PostgreSQL
def ensure_postgres():
    """Start PostgreSQL if it is down (installing it as a last resort when root)."""
    if shutil.which("pg_isready") and run(["pg_isready", "-q"]).returncode == 0:
        return
    if not shutil.which("pg_lsclusters") and os.geteuid() == 0 and shutil.which("apt-get"):
        log("PostgreSQL not installed: installing it with apt-get")
        run(["apt-get", "update", "-q"])
        run(["apt-get", "install", "-y", "-q", "postgresql"], env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})
    if shutil.which("pg_lsclusters"):
        # "<version> <cluster> <port> <status> ..." — prefer 15/main, else any cluster.
        clusters = [line.split()[:2] for line in run(["pg_lsclusters", "-h"], capture_output=True).stdout.splitlines()]
        clusters.sort(key=lambda c: c != ["15", "main"])
        for version, name in clusters:
            log(f"starting PostgreSQL cluster {version}/{name}")
            if run(["pg_ctlcluster", version, name, "start"]).returncode == 0:
                break
    for _ in range(30):  # the server needs a moment to accept connections
        if shutil.which("pg_isready") and run(["pg_isready", "-q"]).returncode == 0:
            return
        time.sleep(1)
    log("warning: pg_isready still reports PostgreSQL as not ready")


def ensure_role():
    """Odoo connects as the OS user by default: make sure that role exists (root only)."""
    user = os.environ.get("PGUSER") or getpass.getuser()
    if os.geteuid() != 0 or user == "postgres" or not shutil.which("psql"):
        return
    # psql must run as postgres, not as whatever PGUSER/PGDATABASE say.
    env = {k: v for k, v in os.environ.items() if k not in ("PGUSER", "PGPASSWORD", "PGDATABASE")}

    def psql(sql):
        return run(["su", "postgres", "-c", f"psql -d postgres -tAc {shlex.quote(sql)}"], capture_output=True, env=env)

    if psql(f"SELECT 1 FROM pg_roles WHERE rolname = '{user}'").stdout.strip() != "1":
        log(f"creating PostgreSQL role {user!r}")
        res = psql(f'CREATE ROLE "{user}" LOGIN SUPERUSER')
        if res.returncode:
            log(f"warning: could not create role {user!r}: {res.stderr.strip()}")


@contextlib.contextmanager
def pg_cursor(dbname):
    """Autocommit cursor (CREATE/DROP DATABASE cannot run in a transaction)."""
    import psycopg2  # an Odoo dependency; honours PGHOST/PGPORT/PGUSER/PGPASSWORD

    cnx = psycopg2.connect(dbname=dbname)
    cnx.autocommit = True
    try:
        with cnx.cursor() as cr:
            yield cr
    finally:
        cnx.close()


def create_db(suffix=""):
    """Create the database like Odoo does (odoo/service/db.py: unicode, C collation, pg_trgm)."""
    name = time.strftime("liangze_test_%Y%m%d_%H%M%S") + suffix
    with pg_cursor("postgres") as cr:
        cr.execute("SELECT count(*) FROM pg_database WHERE datname LIKE %s", (name + "%",))
        if cr.fetchone()[0]:
            name = f"{name}_{os.getpid()}"
        cr.execute(f"CREATE DATABASE \"{name}\" ENCODING 'unicode' LC_COLLATE 'C' TEMPLATE template0")
    with pg_cursor(name) as cr:
        cr.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    return name


def drop_db(name):
    try:
        with pg_cursor("postgres") as cr:
            # Odoo's workers may linger a moment: cut their connections first.
            cr.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s", (name,))
            cr.execute(f'DROP DATABASE IF EXISTS "{name}"')
        log(f"dropped database {name}")
    except Exception as exc:  # noqa: BLE001 - cleanup must never hide the results
        log(f"warning: could not drop database {name}: {exc}")


# ---------------------------------------------------------------- Odoo
def odoo_cmd():
    """`python -m odoo` when this Odoo ships odoo/__main__.py (17+), else the odoo/odoo-bin script."""
    if importlib.util.find_spec("odoo.__main__"):
        return [sys.executable, "-m", "odoo"]
    script = shutil.which("odoo") or shutil.which("odoo-bin")
    if not script:
        sys.exit("neither `python -m odoo` nor an odoo script is available")
    return [script]


def is_addons_dir(path):
    """Same test as odoo.tools.config._is_addons_path: holds at least one module."""
    return path.is_dir() and any(
        (p / "__manifest__.py").is_file() and (p / "__init__.py").is_file() for p in path.iterdir()
    )


def addons_path(with_tests=True):
    """Odoo's own default addons dirs, then the repo root and (for tests) tests/addons."""
    from odoo.tools import config

    import odoo.addons

    dirs = [Path(p) for p in odoo.addons.__path__] + [Path(config.addons_community_dir)]
    dirs += [REPO, TEST_ADDONS] if with_tests else [REPO]
    seen, result = set(), []
    for d in dirs:
        d = d.resolve()
        if d not in seen and is_addons_dir(d):
            seen.add(d)
            result.append(str(d))
    return ",".join(result)


def addons_to_install():
    """Addons whose folder exists, skipping any whose liangze dependencies are absent."""
    found = {}
    for name in ADDONS:
        for base in (REPO, TEST_ADDONS):
            manifest = base / name / "__manifest__.py"
            if manifest.is_file():
                found[name] = ast.literal_eval(manifest.read_text(encoding="utf-8")).get("depends", [])
                break
    return [n for n, deps in found.items() if all(d in found for d in deps if d.startswith("liangze_"))]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def faketime_cmd(spec, run, argv0):
    """`faketime -f spec python -c <FAKETIME_BOOT>` running `run`; None without faketime."""
    faketime = shutil.which("faketime")
    if not faketime:
        return None
    return [faketime, "-f", spec, sys.executable, "-c", FAKETIME_BOOT.format(argv0=argv0, run=run)]


def odoo_under_faketime(spec):
    """The Odoo command run under `faketime -f spec`; None without faketime."""
    cmd = odoo_cmd()
    if cmd[1:] == ["-m", "odoo"]:
        return faketime_cmd(spec, "runpy.run_module('odoo', run_name='__main__', alter_sys=True)", "odoo")
    return faketime_cmd(spec, f"runpy.run_path({cmd[0]!r}, run_name='__main__')", cmd[0])


def faketime_env():
    env = {k: v for k, v in os.environ.items() if not k.startswith("FAKETIME")}
    env["FAKETIME_DONT_FAKE_MONOTONIC"] = "1"
    return env


def run_odoo(args, logfile, stdin=None, cmd=None, env=None):
    """Run Odoo (cmd, default odoo_cmd()), streaming its output to stdout and to logfile.

    Returns (exit code, lines).
    """
    cmd = (cmd or odoo_cmd()) + args
    shown = [("<faketime boot>" if "\n" in part else part) for part in cmd]
    log("$ " + shlex.join(shown))
    lines = []
    with open(logfile, "w", encoding="utf-8") as fh:
        proc = subprocess.Popen(
            cmd,
            cwd=REPO,
            env=env,
            text=True,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
            errors="replace",
            bufsize=1,
        )
        if stdin is not None:
            proc.stdin.write(stdin)
            proc.stdin.close()
        for line in proc.stdout:
            sys.stdout.write(line)
            fh.write(line)
            lines.append(line.rstrip("\n"))
        return proc.wait(), lines


# ---------------------------------------------------------------- what the tests are
@dataclass(frozen=True)
class ClassInfo:
    tags: frozenset
    tour: bool  # calls start_tour or browser_js


def scan_test_classes(bases=(REPO, TEST_ADDONS)):
    """{(addon, class name): ClassInfo} for the test classes of the addons, read with ast (no import)."""
    found = {}
    for base in bases:
        for path in sorted(base.glob("*/tests/**/*.py")):
            addon = path.relative_to(base).parts[0]
            if not (base / addon / "__manifest__.py").is_file():
                continue
            try:
                tree = ast.parse(path.read_text(encoding="utf-8"))
            except (OSError, SyntaxError, ValueError):
                continue  # Odoo reports it when it imports the tests
            for node in ast.walk(tree):
                if not isinstance(node, ast.ClassDef):
                    continue
                tags = set()
                for deco in node.decorator_list:
                    func = deco.func if isinstance(deco, ast.Call) else None
                    if getattr(func, "id", None) == "tagged" or getattr(func, "attr", None) == "tagged":
                        tags |= {a.value for a in deco.args if isinstance(a, ast.Constant) and isinstance(a.value, str)}
                tour = any(
                    isinstance(n, ast.Call)
                    and isinstance(n.func, ast.Attribute)
                    and n.func.attr in ("start_tour", "browser_js")
                    for n in ast.walk(node)
                )
                found[(addon, node.name)] = ClassInfo(frozenset(tags), tour)
    return found


# ---------------------------------------------------------------- reading Odoo's log
@dataclass
class Skip:
    addon: str | None
    cls: str | None
    desc: str
    reason: str
    in_run: bool  # counted in Odoo's "of N tests" (a skipped test, not a skipped class or a subtest)


def _addon_of(dotted):
    parts = dotted.split(".")
    return parts[2] if parts[:2] == ["odoo", "addons"] and len(parts) > 2 else None


def parse_skip(logger, desc, reason):
    fixture = FIXTURE_SKIP_RE.match(desc)
    if fixture:
        path = fixture["path"]
        cls = path.rsplit(".", 1)[-1] if desc.startswith("setUpClass") else None
        return Skip(_addon_of(path), cls, desc, reason, in_run=False)
    subtest = desc.startswith("Subtest ")
    name = desc.removeprefix("Subtest ").split(" ", 1)[0]  # <Class>.<method>, the class maybe nested
    cls = name.rsplit(".", 1)[0].rsplit(".", 1)[-1] if "." in name else None
    return Skip(_addon_of(logger), cls, desc, reason, in_run=not subtest)


def skip_verdict(skip, classes):
    """Why this skip fails the run, or None when it is only counted as skipped."""
    info = classes.get((skip.addon, skip.cls))
    if BROWSER_SKIP_RE.search(skip.reason) or (info and info.tour):
        return "a browser tour was skipped"
    if (skip.cls or "").startswith("TestDemo") or (info and DEMO_TAG in info.tags) or DEMO_SKIP_RE.search(skip.reason):
        return "a demo suite was skipped"
    return None


@dataclass
class Outcome:
    passed: int = 0
    failed: int = 0
    skipped: int = 0
    failures: list = field(default_factory=list)  # one line per failure counted
    notes: list = field(default_factory=list)  # shown, not counted (or counted in Odoo's result line)
    demo_failed: list = field(default_factory=list)  # modules whose demo data failed to load

    def fail(self, msg):
        self.failed += 1
        self.failures.append(msg)

    def add(self, other):
        self.passed += other.passed
        self.failed += other.failed
        self.skipped += other.skipped


def analyse(lines, db, classes=None, tests_run=True):
    """Count one Odoo run from its log lines.

    Failures: the failed tests and errors of Odoo's result line, ERROR/CRITICAL lines not about a
    test already counted there, WARNINGs about liangze, each module whose demo data failed to load,
    each skipped browser tour or demo suite, no result line, and no test run. With tests_run=False (a
    run that runs no test), no result line is expected and any test outcome line is a failure.
    """
    classes = scan_test_classes() if classes is None else classes
    out = Outcome()
    result = None
    skips, bad, counted, browser_lines, test_lines = [], [], [], [], []
    failed_tests = set()  # "<test module logger>.<Class>.<method>" of the FAIL/ERROR lines
    for line in lines:
        m = LOG_RE.match(line)
        if not m:
            continue
        level, logger, msg = m["level"], m["logger"], m["msg"].replace(db, "<db>")  # db name contains 'liangze'
        if RESULT_RE.search(msg):
            result = RESULT_RE.search(msg)
        if level == "INFO":
            skip = SKIP_RE.match(msg)
            if skip:
                skips.append(parse_skip(logger, skip["desc"], skip["reason"]))
        elif level == "WARNING" and DEMO_FAILED_RE.match(msg):
            out.demo_failed.append(DEMO_FAILED_RE.match(msg)["module"])
        elif level in ("ERROR", "CRITICAL"):
            outcome = TEST_OUTCOME_RE.match(msg) if ".tests." in logger else None
            if outcome or TEST_SUMMARY_RE.match(msg) or RESULT_RE.search(msg):
                counted.append(line)
                if outcome:  # "FAIL: [Subtest ]<Class>.<method>[ (params)]"
                    name = msg[outcome.end() :].removeprefix("Subtest ").split(" ", 1)[0].split("\n", 1)[0]
                    failed_tests.add(f"{logger}.{name}")
            elif ".tests." in logger:
                test_lines.append((logger, line))  # a failed test's own logger (a tour's steps): see below
            else:
                # The browser helper logs why Chrome failed, then skips: counted with the skip, if any.
                (browser_lines if BROWSER_SKIP_RE.search(msg) else bad).append(line)
        elif level == "WARNING" and (logger.startswith("odoo.addons.liangze") or "liangze" in msg):
            (browser_lines if BROWSER_SKIP_RE.search(msg) else bad).append(line)

    # ERROR lines logged under a failing test's logger (e.g. "<module>.<Class>.<method>.browser: FAILED:
    # [6/14] Tour ... Step ...") explain that failure; under any other test's logger they count.
    for logger, line in test_lines:
        if any(logger == t or logger.startswith(t + ".") for t in failed_tests):
            counted.append(line)
        else:
            m = LOG_RE.match(line)
            (browser_lines if BROWSER_SKIP_RE.search(m["msg"]) else bad).append(line)

    if result:
        f, e, n = map(int, result.groups())
        in_run = sum(s.in_run for s in skips)
        out.passed = max(n - f - e - in_run, 0)
        out.failed += f + e
        out.skipped = len(skips)
        out.notes.append(f"Odoo test results: {n} run, {f} failed, {e} error(s), {len(skips)} skipped")
        if tests_run and n - in_run <= 0:
            out.fail("no test ran")
    elif tests_run:
        out.fail("no test result line found in the Odoo log")
    tour_skipped = False
    for skip in skips:
        why = skip_verdict(skip, classes)
        where = f"{skip.desc} [{skip.addon}]: {skip.reason}"
        if why:
            tour_skipped |= why.startswith("a browser tour")
            out.fail(f"{why}: {where}")
        else:
            out.notes.append(f"skipped (counted as skipped): {where}")
    for module in out.demo_failed:
        out.fail(
            f"the demo data of {module} failed to load: Odoo installed it without its demo data, "
            "and the addons that depend on it without theirs"
        )
    if tour_skipped:
        out.notes += [f"with the skipped tour: {line}" for line in browser_lines]
    else:
        bad += browser_lines
    if tests_run:
        out.notes += [f"test failure (counted above): {line}" for line in counted]
    else:
        bad = counted + bad
    for line in bad:
        out.fail(f"log: {line}")
    return out


def summary_line(outcome):
    """The line scripts/test.sh reads (ODOO_SUMMARY_RE there)."""
    return f"odoo: {outcome.passed} passed, {outcome.failed} failed, {outcome.skipped} skipped"


# ---------------------------------------------------------------- demo data in a database
DEMO_FAILURES_SQL = """
    SELECT m.name FROM ir_module_module m
     WHERE m.state = 'installed' AND m.demo IS NOT TRUE AND m.name != 'base'
       AND NOT EXISTS (SELECT 1 FROM ir_module_module_dependency d
                         JOIN ir_module_module p ON p.name = d.name
                        WHERE d.module_id = m.id AND p.demo IS NOT TRUE)
    UNION
    SELECT m.name FROM ir_demo_failure f JOIN ir_module_module m ON m.id = f.module_id
"""


def demo_failures(dbname):
    """Modules of dbname whose own demo data failed to load.

    Odoo (odoo/modules/loading.py) sets ir_module_module.demo to false on the module whose demo
    failed and on every module above it, and records the failure in ir.demo_failure (transient): the
    modules without demo whose dependencies all have theirs, plus those recorded. A database made
    without demo data at all (base without demo) has none; so has a database Odoo never initialised.
    """
    with pg_cursor(dbname) as cr:
        cr.execute("SELECT to_regclass('ir_module_module'), to_regclass('ir_demo_failure')")
        modules, failures = cr.fetchone()
        if not modules:
            return []
        cr.execute(DEMO_FAILURES_SQL if failures else DEMO_FAILURES_SQL.split("UNION")[0])
        return sorted(name for (name,) in cr.fetchall())


def demo_failures_in_log(path):
    """Modules named by Odoo's "demo data failed to install" WARNING in a log file."""
    text = Path(path).read_text(encoding="utf-8", errors="replace") if Path(path).is_file() else ""
    found = []
    for line in text.splitlines():
        m = LOG_RE.match(line)
        if m and m["level"] == "WARNING" and DEMO_FAILED_RE.match(m["msg"]):
            found.append(DEMO_FAILED_RE.match(m["msg"])["module"])
    return found


def check_demo_in_db(out, db):
    """Count the modules installed without demo data that the log did not already name."""
    try:
        missing = [m for m in demo_failures(db) if m not in out.demo_failed]
    except Exception as exc:  # noqa: BLE001 - reported and counted
        out.fail(f"could not read the demo flags of {db}: {exc}")
        return
    for module in missing:
        out.fail(f"the demo data of {module} failed to load (ir_module_module.demo is false)")


# ---------------------------------------------------------------- the runs
def report(out, label, rc, lines, tail=60):
    """Log an outcome; an exit code != 0 counts only when nothing else explains it."""
    if rc != 0:
        if out.failed:
            out.notes.append(f"Odoo exited with code {rc}")
        else:
            out.fail(f"Odoo exited with code {rc}")
    prefix = f"[{label}] " if label else ""
    for note in out.notes:
        log(prefix + note)
    for failure in out.failures:
        log(f"{prefix}FAIL: {failure}")
    if rc != 0:
        print("\n".join(lines[-tail:]))
    log(f"{prefix}{out.passed} passed, {out.failed} failed, {out.skipped} skipped")


def common_args(db, tmp):
    return [
        "-d",
        db,
        f"--addons-path={addons_path()}",
        f"--data-dir={tmp / 'data'}",  # keeps the filestore out of ~/.local and throw-away
        "--log-level=info",
        "--http-interface=127.0.0.1",
    ]


def main_run(addons, tmp, classes, clock=None):
    """Install with demo and run every test (tours included), then uninstall (one more test).

    clock: a faketime spec ("@2026-12-06 20:17:00") to run Odoo as if started then (LIANGZE_CLOCK).
    """
    db = create_db()
    log(f"created database {db}; logs in {tmp}")
    common = common_args(db, tmp)
    cmd = env = None
    if clock:
        cmd, env = odoo_under_faketime(clock), faketime_env()
        if cmd is None:
            raise SystemExit("LIANGZE_CLOCK needs faketime (Debian package faketime)")
        log(f"Odoo's clock: faketime -f {clock!r}")
    total = Outcome()
    try:
        rc, lines = run_odoo(
            [
                *common,
                "-i",
                ",".join(addons),
                "--with-demo",
                "--test-enable",
                "--stop-after-init",
                # Without tags Odoo 19 runs "+standard", i.e. the tests of base, web, mail... too.
                "--test-tags=" + ",".join(f"/{a}" for a in addons),
                "--load-language=zh_CN",
                f"--screenshots={tmp / 'screenshots'}",  # tour screenshots & chrome logs, kept on failure
                f"--http-port={free_port()}",
                f"--gevent-port={free_port()}",
            ],
            tmp / "install.log",
            cmd=cmd,
            env=env,
        )
        out = analyse(lines, db, classes)
        check_demo_in_db(out, db)
        report(out, "", rc, lines)
        total.add(out)

        # Then uninstall everything, counted as one test.
        script = UNINSTALL_SCRIPT % (addons, addons)
        rc, lines = run_odoo(["shell", *common, "--no-http"], tmp / "uninstall.log", stdin=script, cmd=cmd, env=env)
        out = analyse(lines, db, classes, tests_run=False)
        if rc == 0 and not out.failed:
            out.passed = 1
            out.notes.append("uninstall: ok")
        else:
            out.fail(f"uninstall (exit code {rc})")
            out.failed = 1  # the uninstall counts as one test, whatever went wrong
        report(out, "uninstall", rc, lines)
        total.add(out)
    finally:
        drop_db(db)
    return total


# Demo tests that do not depend on the clock and take most of a shifted run's time: the
# main run has them (the attack suite's field-by-field writes, ~10 minutes, and its creates
# through every channel).
CLOCK_FREE = {
    "liangze_integration_tests": [
        "TestIntegrityAttacks.test_write_protected_fields",
        "TestIntegrityAttacks.test_create_through_every_channel",
    ]
}


def shifted_tags(addons, classes, tags=DEMO_TAG):
    """The demo tests, without the browser tours (each excluded as -/<addon>:<Class>) nor
    the clock-free slow ones."""
    tours = sorted(f"-/{addon}:{cls}" for (addon, cls), info in classes.items() if info.tour and addon in addons)
    slow = sorted(f"-/{addon}:{test}" for addon, tests in CLOCK_FREE.items() if addon in addons for test in tests)
    return ",".join([tags, *tours, *slow])


def shifted_run(addons, label, spec, tmp, classes, tags=DEMO_TAG):
    """Install the demo bureau under `faketime -f spec` on a database of its own and run the demo tests."""
    out = Outcome()
    cmd = odoo_under_faketime(spec)
    if cmd is None:
        out.fail("faketime is not installed (Debian package faketime): the demo was not tried at this hour")
        report(out, label, 0, [])
        return out
    db = create_db("_" + re.sub(r"\W", "", label.split()[0]))
    run_dir = tmp / re.sub(r"\W", "", label.split()[0])
    run_dir.mkdir(parents=True, exist_ok=True)
    log(f"[{label}] created database {db}; Odoo's clock: faketime -f {spec!r}")
    try:
        rc, lines = run_odoo(
            [
                *common_args(db, run_dir),
                "-i",
                ",".join(addons),
                "--with-demo",
                "--test-enable",
                "--stop-after-init",
                "--test-tags=" + shifted_tags(addons, classes, tags),
                "--load-language=zh_CN",
                f"--http-port={free_port()}",
                f"--gevent-port={free_port()}",
            ],
            run_dir / "install.log",
            cmd=cmd,
            env=faketime_env(),
        )
        out = analyse(lines, db, classes)
        check_demo_in_db(out, db)
        report(out, label, rc, lines)
    finally:
        drop_db(db)
        shutil.rmtree(run_dir / "data", ignore_errors=True)
    return out


def shifted_specs(day):
    """[(label, faketime spec)] for the run's own date: a start-at timestamp, the clock ticking on."""
    return [(label, f"@{day.isoformat()} {hhmmss}") for label, hhmmss in SHIFTED_CLOCKS]


def main():
    addons = addons_to_install()
    if not addons:
        log("no liangze addon found: nothing to test")
        print(summary_line(Outcome()))
        return 0

    # LIANGZE_CLOCK="@YYYY-MM-DD HH:MM:SS" (UTC): the whole run as if started then, e.g. to show
    # the suite green at an hour the machine is not at.
    clock = os.environ.get("LIANGZE_CLOCK")
    day = datetime.date.fromisoformat(clock.lstrip("@")[:10]) if clock else datetime.datetime.now(datetime.UTC).date()
    ensure_postgres()
    ensure_role()
    classes = scan_test_classes()
    tmp = Path(tempfile.mkdtemp(prefix="liangze_odoo_"))
    total = Outcome()
    try:
        total.add(main_run(addons, tmp, classes, clock))
        if os.environ.get("LIANGZE_SHIFTED_CLOCKS") == "0":
            log("LIANGZE_SHIFTED_CLOCKS=0: the demo is not tried under shifted clocks")
        else:
            # Side by side (no browser in them, a database each): one core each.
            with concurrent.futures.ThreadPoolExecutor(max_workers=len(SHIFTED_CLOCKS)) as pool:
                runs = [
                    pool.submit(shifted_run, addons, label, spec, tmp, classes) for label, spec in shifted_specs(day)
                ]
                for shifted in runs:
                    total.add(shifted.result())
    finally:
        shutil.rmtree(tmp / "data", ignore_errors=True)
        if not total.failed:
            shutil.rmtree(tmp, ignore_errors=True)
        else:
            log(f"logs kept in {tmp}")

    print(summary_line(total), flush=True)
    return 1 if total.failed else 0


def cli(argv):
    if argv == ["--addons-path"]:
        print(addons_path())
        return 0
    if len(argv) in (2, 3) and argv[0] == "--demo-failures":
        names = set(demo_failures(argv[1])) | set(demo_failures_in_log(argv[2]) if len(argv) == 3 else [])
        print(", ".join(sorted(names)))
        return 0
    if argv:
        print(f"usage: {Path(__file__).name} [--addons-path | --demo-failures DB [LOG]]", file=sys.stderr)
        return 2
    return main()


if __name__ == "__main__":
    sys.exit(cli(sys.argv[1:]))
