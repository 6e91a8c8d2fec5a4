#!/usr/bin/env bash
# The project's test command: Odoo-free checks (tests/static), then the Odoo
# suite (tests/odoo_suite.py) when Odoo 19 is importable.
# Last line printed: "N passed, N failed". Exit code is non-zero on any failure.
set -euo pipefail

cd "$(dirname "$0")/.."
# shellcheck source=scripts/python_env.sh
source scripts/python_env.sh
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

# a. Dev tools: install them only when one is missing.
if ! "$PYTHON" -c 'import ruff, pylint_odoo, pytest, polib, websocket' 2>/dev/null; then
    pip_install -r requirements-dev.txt
fi

# b. Odoo-free checks. Counts come from the JUnit report, so that "no tests
#    collected" (exit 5) or a crash are told apart from real results.
static_rc=0
"$PYTHON" -m pytest -q -p no:cacheprovider tests/static --junitxml="$TMP/static.xml" || static_rc=$?
read -r static_passed static_failed < <("$PYTHON" - "$TMP/static.xml" <<'EOF'
import sys
import xml.etree.ElementTree as ET
try:
    root = ET.parse(sys.argv[1]).getroot()
except (OSError, ET.ParseError):
    print(0, 1)  # no report: pytest itself crashed
    sys.exit()
suites = [root] if root.tag == "testsuite" else root.iter("testsuite")
tests = failed = skipped = 0
for s in suites:
    tests += int(s.get("tests", 0))
    failed += int(s.get("failures", 0)) + int(s.get("errors", 0))
    skipped += int(s.get("skipped", 0))
print(tests - failed - skipped, failed)
EOF
)
# Exit 5 = nothing collected; any other non-zero code without a failure counted is a crash.
if [[ $static_rc -ne 0 && $static_rc -ne 5 && $static_failed -eq 0 ]]; then
    static_failed=1
fi
echo "static: $static_passed passed, $static_failed failed"

# c./d. Odoo suite, only with Odoo 19 (LIANGZE_FORCE_NO_ODOO=1 simulates its absence, for self-tests).
odoo_passed=0 odoo_failed=0
if [[ -n ${LIANGZE_FORCE_NO_ODOO:-} ]] \
    || ! "$PYTHON" -c 'import odoo.release as r, sys; sys.exit(r.version_info[0] != 19)' 2>/dev/null; then
    echo "Odoo suite skipped: odoo 19 not importable"
else
    apt_install_missing postgresql wkhtmltopdf fonts-noto-cjk chromium
    # The addons' own PyPI dependencies (OCA addons, chinese-calendar), when any
    # manifest dependency or Python import of the addons is missing.
    if ! "$PYTHON" scripts/deps.py; then
        pip_install -r requirements.txt
        "$PYTHON" scripts/deps.py || { echo "liangze: still missing after installing requirements.txt" >&2; exit 1; }
    fi
    odoo_rc=0
    "$PYTHON" -u tests/odoo_suite.py | tee "$TMP/odoo.out" || odoo_rc=$?
    if counts=$(grep -E '^odoo: [0-9]+ passed, [0-9]+ failed$' "$TMP/odoo.out" | tail -n 1); then
        read -r odoo_passed odoo_failed < <(sed -E 's/^odoo: ([0-9]+) passed, ([0-9]+) failed$/\1 \2/' <<<"$counts")
    fi
    # The helper crashed, or failed without counting it.
    if [[ $odoo_rc -ne 0 && $odoo_failed -eq 0 ]]; then
        odoo_failed=1
    fi
fi

passed=$((static_passed + odoo_passed))
failed=$((static_failed + odoo_failed))
echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
