"""The scripts (test.sh, start.sh, .ci/run) and the log reading of tests/odoo_suite.py, without Odoo.

odoo_suite.py imports only the standard library at module level; Odoo is imported by the
functions that run it, never here.
"""

import datetime
import re
import shutil
import subprocess
import sys
import textwrap

import pytest
from conftest import REPO_ROOT

sys.path.insert(0, str(REPO_ROOT / "tests"))
import odoo_suite  # noqa: E402

SCRIPTS = REPO_ROOT / "scripts"
DB = "liangze_test_20261206_203000"


def odoo_log(*records):
    """Odoo log lines (odoo/netsvc.py format) from (level, logger, message) records."""
    return [
        f"2026-12-06 20:31:{i:02d},123 4242 {level} {DB} {logger}: {msg}"
        for i, (level, logger, msg) in enumerate(records)
    ]


def result(failed=0, errors=0, tests=5):
    level = "ERROR" if failed or errors else "WARNING" if not tests else "INFO"
    return (
        level,
        "odoo.tests.result",
        f"{failed} failed, {errors} error(s) of {tests} tests when loading database '{DB}'",
    )


CLASSES = {
    ("liangze_supervision", "TestReviewTour"): odoo_suite.ClassInfo(frozenset({"post_install", "-at_install"}), True),
    ("liangze_responsibility", "TestCockpit"): odoo_suite.ClassInfo(frozenset({"liangze_demo"}), False),
    ("liangze_responsibility", "TestTasks"): odoo_suite.ClassInfo(frozenset(), False),
}


def counts(out):
    return out.passed, out.failed, out.skipped


# ------------------------------------------------------------------ test.sh <-> odoo_suite.py
def test_sh_reads_the_summary_line_odoo_suite_prints():
    text = (SCRIPTS / "test.sh").read_text(encoding="utf-8")
    pattern = re.search(r"^ODOO_SUMMARY_RE='([^']+)'$", text, re.MULTILINE)
    assert pattern, "scripts/test.sh defines ODOO_SUMMARY_RE"
    assert 'grep -E "$ODOO_SUMMARY_RE"' in text
    line = odoo_suite.summary_line(odoo_suite.Outcome(passed=12, failed=3, skipped=4))
    assert line == "odoo: 12 passed, 3 failed, 4 skipped"
    # POSIX ERE as used here ([0-9]+, groups, anchors) reads the same in Python.
    assert re.match(pattern[1], line).groups() == ("12", "3", "4")


def test_sh_last_lines_are_the_skipped_then_the_counts():
    text = (SCRIPTS / "test.sh").read_text(encoding="utf-8").rstrip().splitlines()
    assert text[-1] == "[[ $failed -eq 0 ]]"
    assert text[-2] == 'echo "$passed passed, $failed failed"'
    assert text[-3].startswith('echo "skipped: ')


def test_sh_installs_what_the_suite_needs():
    text = (SCRIPTS / "test.sh").read_text(encoding="utf-8")
    requirements = (REPO_ROOT / "requirements-dev.txt").read_text(encoding="utf-8").split()
    for pip_name, module in [("pytest-odoo", "pytest_odoo"), ("freezegun", "freezegun"), ("pytest", "pytest")]:
        assert pip_name in requirements
        assert re.search(rf"^\s+ruff .*\b{module}\b", text, re.MULTILINE), f"test.sh checks {module}"
    assert re.search(r"apt_install_missing .*\bfaketime\b", text)
    # pytest-odoo's plugin imports odoo: the Odoo-free checks run without it.
    assert "-p no:odoo tests/static" in text


@pytest.mark.parametrize("script", ["scripts/test.sh", "scripts/start.sh", "scripts/python_env.sh", ".ci/run"])
def test_shell_syntax(script):
    proc = subprocess.run(["bash", "-n", REPO_ROOT / script], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr


@pytest.mark.skipif(not shutil.which("shellcheck"), reason="shellcheck not installed")
def test_shellcheck():
    scripts = [SCRIPTS / "test.sh", SCRIPTS / "start.sh", SCRIPTS / "python_env.sh", REPO_ROOT / ".ci/run"]
    proc = subprocess.run(["shellcheck", "-x", *scripts], cwd=REPO_ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout


def test_ci_runs_the_test_command():
    assert (REPO_ROOT / ".ci/run").read_text(encoding="utf-8").rstrip().endswith("exec ./scripts/test.sh")


# ------------------------------------------------------------------ start.sh
def test_start_sh_checks_the_demo_before_serving():
    text = (SCRIPTS / "start.sh").read_text(encoding="utf-8")
    create = text.index("creating database")
    check_new = text.index('failed=$(demo_failures "$LOG")')
    message = text.index('echo "liangze: the demo data of $failed failed to load; see $LOG" >&2')
    serve = text.index("liangze: open http://127.0.0.1:8069")
    assert create < check_new < message < serve
    assert "exit 1" in text[message:serve]
    assert "tz = 'Asia/Shanghai'" in text[create:serve]
    assert text.rstrip().splitlines()[-2].startswith('exec "${odoo[@]}"'), "a re-run still serves the database"


def test_demo_failures_in_log(tmp_path):
    log = tmp_path / "install.log"
    lines = odoo_log(
        ("INFO", "odoo.modules.loading", "Module liangze_integrity: loading demo"),
        (
            "WARNING",
            "odoo.modules.loading",
            "Module liangze_integrity demo data failed to install, installed without demo data",
        ),
    )
    log.write_text("\n".join([*lines, "Traceback (most recent call last):", "ValueError: boom"]), encoding="utf-8")
    assert odoo_suite.demo_failures_in_log(log) == ["liangze_integrity"]
    assert odoo_suite.demo_failures_in_log(tmp_path / "missing.log") == []


# ------------------------------------------------------------------ reading Odoo's log
def test_a_clean_run():
    out = odoo_suite.analyse(odoo_log(result(tests=5)), DB, CLASSES)
    assert counts(out) == (5, 0, 0)
    assert not out.failures


def test_failed_tests_are_counted_once():
    lines = odoo_log(
        ("ERROR", "odoo.addons.liangze_responsibility.tests.test_tasks", "FAIL: TestTasks.test_a"),
        ("ERROR", "odoo.modules.loading", "Module liangze_responsibility: 1 failures, 0 errors of 5 tests"),
        result(failed=1, tests=5),
    )
    assert counts(odoo_suite.analyse(lines, DB, CLASSES)) == (4, 1, 0)


def test_a_failing_tour_counts_once_its_steps_and_another_test_s_error_count():
    module = "odoo.addons.liangze_integrity.tests.test_opinion_tour"
    lines = odoo_log(
        ("ERROR", f"{module}.TestOpinionTour.test_files.browser", "FAILED: [6/14] Tour x → Step y"),
        ("ERROR", module, "FAIL: TestOpinionTour.test_files"),
        ("ERROR", f"{module}.TestOpinionTour.test_other", "an error of a test that passed"),
        result(failed=1, tests=5),
    )
    out = odoo_suite.analyse(lines, DB, CLASSES)
    assert counts(out) == (4, 2, 0), out.failures
    assert "an error of a test that passed" in out.failures[0]


def test_an_error_or_a_warning_about_liangze_fails():
    lines = odoo_log(
        ("ERROR", "odoo.addons.liangze_base.models.base", "liangze job x: res.partner(47) failed"),
        ("WARNING", "odoo.models", f"liangze.task: field x has no string in {DB}"),
        ("WARNING", "odoo.models", f"something else in {DB}"),
        result(tests=5),
    )
    assert counts(odoo_suite.analyse(lines, DB, CLASSES)) == (5, 2, 0)


def test_an_ordinary_skip_is_counted_apart():
    lines = odoo_log(
        ("INFO", "odoo.addons.liangze_responsibility.tests.test_tasks", "skipped TestTasks.test_b : needs ffmpeg"),
        result(tests=5),
    )
    out = odoo_suite.analyse(lines, DB, CLASSES)
    assert counts(out) == (4, 0, 1)
    assert any("needs ffmpeg" in note for note in out.notes)


@pytest.mark.parametrize(
    "logger, desc, reason",
    [
        # a TestDemo* class skipping in setUp, for each of its tests
        ("odoo.addons.liangze_integration_tests.tests.test_demo", "TestDemoBureau.test_x", "demo data not loaded"),
        # a test tagged liangze_demo, whatever the reason
        ("odoo.addons.liangze_responsibility.tests.test_cockpit", "TestCockpit.test_x", "no county"),
        # any skip that names the demo
        ("odoo.addons.liangze_responsibility.tests.test_tasks", "TestTasks.test_x", "Demo data not loaded"),
    ],
)
def test_a_skipped_demo_suite_fails(logger, desc, reason):
    lines = odoo_log(("INFO", logger, f"skipped {desc} : {reason}"), result(tests=5))
    out = odoo_suite.analyse(lines, DB, CLASSES)
    assert counts(out) == (4, 1, 1)
    assert out.failures[0].startswith("a demo suite was skipped: ")


def test_a_class_skipped_in_setupclass_fails_without_counting_its_tests():
    path = "odoo.addons.liangze_integration_tests.tests.test_demo_integrity.TestDemoIntegrity"
    lines = odoo_log(
        ("INFO", "odoo.tests.suite", f"skipped setUpClass ({path}) : demo data not loaded"), result(tests=5)
    )
    out = odoo_suite.analyse(lines, DB, CLASSES)
    assert counts(out) == (5, 1, 1)
    assert "TestDemoIntegrity" in out.failures[0]


@pytest.mark.parametrize(
    "reason",
    [
        "Chrome executable not found",
        "websocket-client module is not installed",
        "Failed to detect chrome devtools port after 10.0s.",
        "Error during Chrome headless connection",
        "Cannot connect to chrome dev tools",
        "/usr/bin/chromium not found",
    ],
)
def test_a_tour_skipped_for_lack_of_a_browser_fails_once(reason):
    logger = "odoo.addons.liangze_responsibility.tests.test_tour"
    lines = odoo_log(
        ("WARNING", f"{logger}.TestTour.test_tour", reason.split(" after")[0]),
        ("INFO", logger, f"skipped TestTour.test_tour : {reason}"),
        result(tests=5),
    )
    out = odoo_suite.analyse(lines, DB, CLASSES)
    assert counts(out) == (4, 1, 1), out.failures
    assert out.failures[0].startswith("a browser tour was skipped: ")


def test_the_browser_s_own_error_goes_with_its_skip_but_counts_without_one():
    logger = "odoo.addons.liangze_responsibility.tests.test_tour"
    error = ("ERROR", f"{logger}.TestTour.test_tour", "Error during Chrome headless connection after 3 tries")
    skip = ("INFO", logger, "skipped TestTour.test_tour : Error during Chrome headless connection")
    assert counts(odoo_suite.analyse(odoo_log(error, skip, result(tests=5)), DB, CLASSES)) == (4, 1, 1)
    assert counts(odoo_suite.analyse(odoo_log(error, result(tests=5)), DB, CLASSES)) == (5, 1, 0)


def test_a_tour_skipped_for_any_reason_fails():
    lines = odoo_log(
        (
            "INFO",
            "odoo.addons.liangze_supervision.tests.test_tour",
            "skipped TestReviewTour.test_supervisor : no supervisor",
        ),
        result(tests=5),
    )
    assert counts(odoo_suite.analyse(lines, DB, CLASSES)) == (4, 1, 1)


def test_a_demo_that_failed_to_load_fails_by_name():
    lines = odoo_log(
        (
            "WARNING",
            "odoo.modules.loading",
            "Module liangze_integrity demo data failed to install, installed without demo data",
        ),
        result(tests=5),
    )
    out = odoo_suite.analyse(lines, DB, CLASSES)
    assert counts(out) == (5, 1, 0)
    assert out.demo_failed == ["liangze_integrity"]
    assert out.failures[0].startswith("the demo data of liangze_integrity failed to load")


def test_no_test_run_fails():
    assert counts(odoo_suite.analyse(odoo_log(result(tests=0)), DB, CLASSES)) == (0, 1, 0)
    assert counts(odoo_suite.analyse(odoo_log(("INFO", "odoo", "no result")), DB, CLASSES)) == (0, 1, 0)
    # A run that runs no test (the uninstall): none expected, and no result line either.
    assert counts(odoo_suite.analyse(odoo_log(("INFO", "odoo", "ok")), DB, CLASSES, tests_run=False)) == (0, 0, 0)


def test_scan_finds_tours_and_tags(tmp_path):
    addon = tmp_path / "liangze_x"
    (addon / "tests").mkdir(parents=True)
    (addon / "__manifest__.py").write_text("{}", encoding="utf-8")
    (addon / "tests" / "test_y.py").write_text(
        textwrap.dedent(
            """
            from odoo.tests import HttpCase, TransactionCase, tagged

            @tagged("post_install", "-at_install", "liangze_demo")
            class TestDemoY(TransactionCase):
                def test_a(self):
                    pass

            @tagged("post_install", "-at_install")
            class TestYTour(HttpCase):
                def test_tour(self):
                    self.start_tour("/odoo", "liangze_y_tour", login="admin")
            """
        ),
        encoding="utf-8",
    )
    classes = odoo_suite.scan_test_classes(bases=(tmp_path,))
    assert classes[("liangze_x", "TestDemoY")] == odoo_suite.ClassInfo(
        frozenset({"post_install", "-at_install", "liangze_demo"}), False
    )
    assert classes[("liangze_x", "TestYTour")].tour
    assert odoo_suite.shifted_tags(["liangze_x"], classes) == "liangze_demo,-/liangze_x:TestYTour"


def test_the_repository_tours_are_found():
    classes = odoo_suite.scan_test_classes()
    assert any(info.tour for info in classes.values()), "the addons' tours are recognised"


# ------------------------------------------------------------------ shifted clocks
def test_shifted_clocks_are_on_the_run_own_date():
    specs = odoo_suite.shifted_specs(datetime.date(2026, 12, 6))
    assert specs == [("03:30 UTC", "@2026-12-06 03:30:00"), ("20:30 UTC", "@2026-12-06 20:30:00")]


@pytest.mark.skipif(not shutil.which("faketime"), reason="faketime not installed")
@pytest.mark.parametrize("hhmm", ["03:30", "20:30"])
def test_python_under_faketime_ticks_sleeps_and_waits(hhmm):
    """libfaketime with Python: the clock starts at the spec and ticks; sleep and lock timeouts return."""
    today = datetime.datetime.now(datetime.UTC).date()
    code = textwrap.dedent(
        """
        import datetime, threading, time
        start = datetime.datetime.now(datetime.UTC)
        time.sleep(0.2)
        lock = threading.Lock()
        lock.acquire()
        assert not lock.acquire(timeout=0.2)
        assert not threading.Event().wait(0.2)
        print(start.isoformat(), (datetime.datetime.now(datetime.UTC) - start).total_seconds())
        """
    )
    cmd = odoo_suite.faketime_cmd(f"@{today} {hhmm}:00", f"exec({code!r})", "check")
    proc = subprocess.run(cmd, env=odoo_suite.faketime_env(), capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    start, elapsed = proc.stdout.split()
    start = datetime.datetime.fromisoformat(start)
    assert (start.date(), start.strftime("%H:%M")) == (today, hhmm)
    assert 0.5 <= float(elapsed) < 30


def test_shifted_clocks_can_be_left_out_only_explicitly():
    text = (REPO_ROOT / "tests" / "odoo_suite.py").read_text(encoding="utf-8")
    assert 'os.environ.get("LIANGZE_SHIFTED_CLOCKS") == "0"' in text
    for ci in (REPO_ROOT / ".ci/run", SCRIPTS / "test.sh"):
        assert not re.search(r"^\s*(export\s+)?LIANGZE_SHIFTED_CLOCKS=", ci.read_text(encoding="utf-8"), re.MULTILINE)
