"""Shared plumbing of the benchmarks: a throw-away database with the addon
installed, one Odoo environment on it, and a timer that also counts queries.

Each benchmark compares the code under test with a baseline measured in the
same run, so the ratio does not depend on how fast this machine is.
"""

import contextlib
import ctypes
import gc
import os
import resource
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
# tests/odoo_suite.py already knows how to find Odoo and build the addons path.
sys.path.insert(0, str(REPO / "tests"))
import odoo_suite  # noqa: E402

MODULE = "liangze_responsibility"


def log(msg):
    print(msg, flush=True)


def db_has_module(db, module=MODULE):
    """True if database `db` exists and has the addon installed."""
    with odoo_suite.pg_cursor("postgres") as cr:
        cr.execute("SELECT 1 FROM pg_database WHERE datname = %s", [db])
        if not cr.fetchone():
            return False
    with odoo_suite.pg_cursor(db) as cr:
        cr.execute("SELECT to_regclass('ir_module_module') IS NOT NULL")
        if not cr.fetchone()[0]:
            return False
        cr.execute("SELECT 1 FROM ir_module_module WHERE name = %s AND state = 'installed'", [module])
        return bool(cr.fetchone())


def prepare_db(db, keep, module=MODULE):
    """Install the addon (no demo data) on `db`; reuse it as is when --keep finds it ready.

    Returns the addons path, which the in-process Odoo needs as well.
    """
    odoo_suite.ensure_postgres()
    path = odoo_suite.addons_path(with_tests=False)
    if keep and db_has_module(db, module):
        log(f"reusing database {db}")
        return path
    odoo_suite.drop_db(db)  # a leftover of an interrupted run: start clean
    log(f"installing {module} on {db} ...")
    started = time.perf_counter()
    # A separate process, so the benchmark's own process starts from a fresh registry.
    cmd = odoo_suite.odoo_cmd() + [
        "-d", db, "-i", module, "--stop-after-init", "--without-demo", "--log-level=warn", f"--addons-path={path}",
    ]  # fmt: skip
    if subprocess.run(cmd, check=False).returncode:
        sys.exit(f"installing {module} on {db} failed")
    log(f"installed in {time.perf_counter() - started:.0f} s")
    return path


@contextlib.contextmanager
def odoo_env(db, addons):
    """A superuser environment on `db`; what was not committed is rolled back at the end."""
    import odoo
    from odoo import SUPERUSER_ID, api
    from odoo.modules.registry import Registry

    odoo.tools.config.parse_config(["-d", db, f"--addons-path={addons}", "--log-level=warn"], setup_logging=True)
    with Registry(db).cursor() as cr:
        try:
            yield api.Environment(cr, SUPERUSER_ID, {})
        finally:
            cr.rollback()


def backend_cpu_seconds(cr):
    """CPU time used so far by the PostgreSQL backend serving `cr` (a local server)."""
    cr.execute("SELECT pg_backend_pid()")
    try:
        with open(f"/proc/{cr.fetchone()[0]}/stat") as fh:
            utime, stime = fh.read().rsplit(")", 1)[1].split()[11:13]
    except OSError:  # server on another host: CPU time then counts this process only
        return 0.0
    return (int(utime) + int(stime)) / os.sysconf("SC_CLK_TCK")


def rss_mb():
    """Current resident set size of this process."""
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * resource.getpagesize() / 2**20


def reset_peak_rss():
    """Lower the kernel's RSS high-water mark (ru_maxrss) to the current RSS (Linux >= 4.0),
    so a block's peak is not hidden by an earlier, bigger one."""
    with contextlib.suppress(OSError), open("/proc/self/clear_refs", "w") as fh:
        fh.write("5")


class Measure:
    """Wall time, CPU time (this process + its PostgreSQL backend: other jobs on the
    machine disturb it far less than the wall time) and SQL queries of a block; with `rss`, how far the process max RSS
    rose above the RSS at the start; with `python`, the peak of Python allocations
    (tracemalloc slows Python down a lot: do not trust the time of such a run)."""

    def __init__(self, env, rss=False, python=False):
        self.env, self.rss, self.python = env, rss, python
        self.seconds = self.cpu = self.queries = self.py_peak_mb = self.rss_peak_mb = 0

    def __enter__(self):
        # Flush pending writes first, so they are not charged to the block.
        self.env.flush_all()
        gc.collect()
        if self.rss:
            ctypes.CDLL("libc.so.6").malloc_trim(0)  # hand freed memory back, so the start RSS is honest
            reset_peak_rss()
            self.rss_before = rss_mb()
        if self.python:
            tracemalloc.start()
        self.cpu_before = time.process_time() + backend_cpu_seconds(self.env.cr)
        self.queries_before = self.env.cr.sql_log_count
        self.started = time.perf_counter()
        return self

    def __exit__(self, *exc):
        # The rows are not in the database until flushed: that belongs to the block.
        self.env.flush_all()
        self.seconds = time.perf_counter() - self.started
        self.queries = self.env.cr.sql_log_count - self.queries_before
        self.cpu = time.process_time() + backend_cpu_seconds(self.env.cr) - self.cpu_before
        if self.python:
            self.py_peak_mb = tracemalloc.get_traced_memory()[1] / 2**20
            tracemalloc.stop()
        if self.rss:
            # ru_maxrss is in KiB on Linux.
            self.rss_peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 - self.rss_before
