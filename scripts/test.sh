#!/usr/bin/env bash
# The project's test command: Odoo-free checks (tests/static), then the Odoo
# suite (tests/odoo_suite.py) when Odoo 19 is importable: the main run, and the
# demo installed under shifted clocks (03:30 and 20:30 UTC; LIANGZE_SHIFTED_CLOCKS=0
# leaves them out, for a quick local loop).
# Second last line: "skipped: N (...)". Last line printed: "N passed, N failed".
# Exit code is non-zero on any failure.
set -euo pipefail

cd "$(dirname "$0")/.."
# shellcheck source=scripts/python_env.sh
source scripts/python_env.sh
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

# The summary line of tests/odoo_suite.py (tests/static/test_scripts.py checks both agree).
ODOO_SUMMARY_RE='^odoo: ([0-9]+) passed, ([0-9]+) failed, ([0-9]+) skipped$'

# a. Dev tools: install them only when one is missing. find_spec, not import:
#    pytest_odoo imports odoo, which may be absent.
if ! "$PYTHON" -c 'import importlib.util as u, sys; sys.exit(any(u.find_spec(m) is None for m in sys.argv[1:]))' \
    ruff pylint_odoo pytest polib websocket pytest_odoo freezegun 2>/dev/null; then
    pip_install -r requirements-dev.txt
fi
# The scripts are checked by shellcheck in tests/static (skipped where it is missing).
apt_install_missing shellcheck

# b. Odoo-free checks. Counts come from the JUnit report, so that "no tests
#    collected" (exit 5) or a crash are told apart from real results. -p no:odoo:
#    the pytest-odoo plugin imports odoo, and these checks must run without it.
static_rc=0
"$PYTHON" -m pytest -q -p no:cacheprovider -p no:odoo tests/static --junitxml="$TMP/static.xml" || static_rc=$?
read -r static_passed static_failed static_skipped < <("$PYTHON" - "$TMP/static.xml" <<'EOF'
import sys
import xml.etree.ElementTree as ET
try:
    root = ET.parse(sys.argv[1]).getroot()
except (OSError, ET.ParseError):
    print(0, 1, 0)  # no report: pytest itself crashed
    sys.exit()
suites = [root] if root.tag == "testsuite" else root.iter("testsuite")
tests = failed = skipped = 0
for s in suites:
    tests += int(s.get("tests", 0))
    failed += int(s.get("failures", 0)) + int(s.get("errors", 0))
    skipped += int(s.get("skipped", 0))
print(tests - failed - skipped, failed, skipped)
EOF
)
# Exit 5 = nothing collected; any other non-zero code without a failure counted is a crash.
if [[ $static_rc -ne 0 && $static_rc -ne 5 && $static_failed -eq 0 ]]; then
    static_failed=1
fi
echo "static: $static_passed passed, $static_failed failed, $static_skipped skipped"

# c./d. Odoo suite, only with Odoo 19 (LIANGZE_FORCE_NO_ODOO=1 simulates its absence, for self-tests).
odoo_passed=0 odoo_failed=0 odoo_skipped=0
if [[ -n ${LIANGZE_FORCE_NO_ODOO:-} ]] \
    || ! "$PYTHON" -c 'import odoo.release as r, sys; sys.exit(r.version_info[0] != 19)' 2>/dev/null; then
    echo "Odoo suite skipped: odoo 19 not importable"
else
    # faketime: the demo installed under shifted clocks.
    apt_install_missing postgresql wkhtmltopdf fonts-noto-cjk chromium faketime
    # The addons' own PyPI dependencies (OCA addons, chinese-calendar), when any
    # manifest dependency or Python import of the addons is missing.
    if ! "$PYTHON" scripts/deps.py; then
        pip_install -r requirements.txt
        "$PYTHON" scripts/deps.py || { echo "liangze: still missing after installing requirements.txt" >&2; exit 1; }
    fi
    odoo_rc=0
    "$PYTHON" -u tests/odoo_suite.py | tee "$TMP/odoo.out" || odoo_rc=$?
    if counts=$(grep -E "$ODOO_SUMMARY_RE" "$TMP/odoo.out" | tail -n 1); then
        read -r odoo_passed odoo_failed odoo_skipped < <(sed -E "s/$ODOO_SUMMARY_RE/\\1 \\2 \\3/" <<<"$counts")
    fi
    # The helper crashed, or failed without counting it.
    if [[ $odoo_rc -ne 0 && $odoo_failed -eq 0 ]]; then
        odoo_failed=1
    fi
fi

passed=$((static_passed + odoo_passed))
failed=$((static_failed + odoo_failed))
echo "skipped: $((static_skipped + odoo_skipped)) (static $static_skipped, odoo $odoo_skipped)"
echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
