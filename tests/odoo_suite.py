#!/usr/bin/env python3
"""Run the Odoo test suite of the liangze addons on a throw-away database.

1. make sure PostgreSQL runs and knows the current OS user;
2. install the addons (with demo data and zh_CN) with --test-enable and count
   the results Odoo logs;
3. uninstall them again in a second run (counted as one more test);
4. drop the database, whatever happened.

Prints "odoo: N passed, N failed" and exits 0 only if nothing failed.
Called by scripts/test.sh; needs an importable Odoo 19.
"""

import ast
import contextlib
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

# Odoo's log format (odoo/netsvc.py): "%(asctime)s %(pid)s %(levelname)s %(dbname)s %(name)s: %(message)s"
LOG_RE = re.compile(
    r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+ \d+ (?P<level>[A-Z]+) (?P<db>\S+) (?P<logger>[\w.\-]+): (?P<msg>.*)$"
)
# odoo/service/server.py logs str(OdooTestResult) (odoo/tests/result.py) once per database:
#   "<F> failed, <E> error(s) of <N> tests when loading database '<db>'"
RESULT_RE = re.compile(r"(\d+) failed, (\d+) error\(s\) of (\d+) tests when loading database")
# ERROR lines already counted by RESULT_RE: one per failing test, logged by the test's module logger
# (odoo/tests/result.py, logError: "FAIL: <test>" / "ERROR: <test>"), and the summaries of
# odoo/modules/loading.py ("Module <m>: 1 failures, 0 errors of 3 tests", "At least one test failed ...").
TEST_OUTCOME_RE = re.compile(r"(FAIL|ERROR): ")
TEST_SUMMARY_RE = re.compile(r"Module \S+: \d+ failures, \d+ errors of \d+ tests|At least one test failed when loading")

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


def create_db():
    """Create the database like Odoo does (odoo/service/db.py: unicode, C collation, pg_trgm)."""
    name = time.strftime("liangze_test_%Y%m%d_%H%M%S")
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


def run_odoo(args, logfile, stdin=None):
    """Run Odoo, streaming its output to stdout and to logfile; return (exit code, lines)."""
    cmd = odoo_cmd() + args
    log("$ " + " ".join(cmd))
    lines = []
    with open(logfile, "w", encoding="utf-8") as fh:
        proc = subprocess.Popen(
            cmd,
            cwd=REPO,
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


def problems(lines, db):
    """Log lines that count as failures: ERROR/CRITICAL, or WARNING about liangze.

    Per-test "FAIL:"/"ERROR:" lines and the per-module / per-database summaries are
    already in the result line's counts: they are returned apart, to be shown only.
    """
    bad, counted_already = [], []
    for line in lines:
        m = LOG_RE.match(line)
        if not m:
            continue
        level, logger, msg = m["level"], m["logger"], m["msg"].replace(db, "<db>")  # db name contains 'liangze'
        if level in ("ERROR", "CRITICAL"):
            if (
                (".tests." in logger and TEST_OUTCOME_RE.match(msg))
                or TEST_SUMMARY_RE.match(msg)
                or RESULT_RE.search(msg)
            ):
                counted_already.append(line)
            else:
                bad.append(line)
        elif level == "WARNING" and (logger.startswith("odoo.addons.liangze") or "liangze" in msg):
            bad.append(line)
    return bad, counted_already


def main():
    addons = addons_to_install()
    if not addons:
        log("no liangze addon found: nothing to test")
        print("odoo: 0 passed, 0 failed")
        return 0

    ensure_postgres()
    ensure_role()
    tmp = Path(tempfile.mkdtemp(prefix="liangze_odoo_"))
    db = create_db()
    log(f"created database {db}; logs in {tmp}")
    common = [
        "-d",
        db,
        f"--addons-path={addons_path()}",
        f"--data-dir={tmp / 'data'}",  # keeps the filestore out of ~/.local and throw-away
        "--log-level=info",
        "--http-interface=127.0.0.1",
    ]
    passed = failed = 0
    try:
        # Run 1: install + tests (at_install and post_install).
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
        )
        results = [RESULT_RE.search(line) for line in lines]
        results = [r for r in results if r]
        if results:
            f, e, n = map(int, results[-1].groups())
            passed, failed = n - f - e, f + e
            log(f"Odoo test results: {n} run, {f} failed, {e} error(s)")
        else:
            log("no test result line found in the Odoo log")
            failed += 1
        bad, tests_failed = problems(lines, db)
        failed += len(bad)
        for line in tests_failed:
            log(f"test failure (counted above): {line}")
        for line in bad:
            log(f"FAIL (log): {line}")
        if rc != 0:
            log(f"FAIL: Odoo exited with code {rc}")
            print("\n".join(lines[-60:]))
            failed = failed or 1  # count the exit code only when nothing above explains it

        # Run 2: uninstall everything we installed, counted as one test.
        script = UNINSTALL_SCRIPT % (addons, addons)
        rc, lines = run_odoo(["shell", *common, "--no-http"], tmp / "uninstall.log", stdin=script)
        bad, tests_failed = problems(lines, db)
        bad += tests_failed  # no tests run here: any such line is a failure
        for line in bad:
            log(f"FAIL (uninstall log): {line}")
        if rc == 0 and not bad:
            passed += 1
            log("uninstall: ok")
        else:
            failed += 1
            log(f"FAIL: uninstall (exit code {rc})")
            print("\n".join(lines[-60:]))
    finally:
        drop_db(db)
        shutil.rmtree(tmp / "data", ignore_errors=True)
        if not failed:
            shutil.rmtree(tmp, ignore_errors=True)
        else:
            log(f"logs kept in {tmp}")

    print(f"odoo: {passed} passed, {failed} failed", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
