#!/usr/bin/env bash
# Start a local Odoo 19 with every liangze addon and the demo bureau, in
# Chinese (zh_CN, Asia/Shanghai), at http://127.0.0.1:8069.
#   ./scripts/start.sh            (LIANGZE_DB=name to pick another database)
# Installs the Debian and PyPI prerequisites that are missing; Odoo 19 itself
# must already be installed (see README.md).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/python_env.sh
source scripts/python_env.sh
DB=${LIANGZE_DB:-liangze}

if ! "$PYTHON" -c 'import odoo.release as r, sys; sys.exit(r.version_info[0] != 19)' 2>/dev/null; then
    echo "liangze: $PYTHON cannot import Odoo 19; install Odoo 19.0 first (README.md, Prerequisites)." >&2
    exit 1
fi

apt_install_missing postgresql wkhtmltopdf fonts-noto-cjk
"$PYTHON" scripts/deps.py >/dev/null || pip_install -r requirements.txt

# PostgreSQL up, with a role for this OS user (shared with the test command).
"$PYTHON" -c 'import sys; sys.path.insert(0, "tests"); import odoo_suite as s; s.ensure_postgres(); s.ensure_role()'

addons_path=$("$PYTHON" -c 'import sys; sys.path.insert(0, "tests"); import odoo_suite as s; print(s.addons_path(with_tests=False))')
odoo=("$PYTHON" -m odoo)
LOG=${TMPDIR:-/tmp}/liangze-$DB-install.log

# The modules of $DB whose demo data failed to load ("a, b"): Odoo only logs a
# WARNING and installs them (and the addons above them) without demo. Read from
# the database (ir_module_module.demo, ir_demo_failure) and, when given, from
# Odoo's log of the install.
demo_failures() {
    "$PYTHON" tests/odoo_suite.py --demo-failures "$DB" "$@"
}

exists=$("$PYTHON" -c 'import sys; sys.path.insert(0, "tests"); import odoo_suite as s
with s.pg_cursor("postgres") as cr:
    cr.execute("SELECT count(*) FROM pg_database WHERE datname = %s", (sys.argv[1],))
    print(cr.fetchone()[0])' "$DB")

if [[ $exists == 0 ]]; then
    echo "liangze: creating database $DB with the demo bureau (zh_CN); log in $LOG"
    if ! {
        "${odoo[@]}" --addons-path="$addons_path" db init "$DB" --with-demo --language zh_CN --country cn \
            && "${odoo[@]}" --addons-path="$addons_path" -d "$DB" \
                -i liangze_responsibility,liangze_supervision,liangze_accountability,liangze_integrity,liangze_discipline \
                --load-language=zh_CN --stop-after-init --no-http
    } 2>&1 | tee "$LOG"; then
        echo "liangze: installing the addons into $DB failed; see $LOG" >&2
        exit 1
    fi
    echo "env.ref('base.user_admin').tz = 'Asia/Shanghai'; env.cr.commit()" \
        | "${odoo[@]}" shell --addons-path="$addons_path" -d "$DB" --no-http >>"$LOG" 2>&1 \
        || { echo "liangze: setting the admin's time zone failed; see $LOG" >&2; exit 1; }
    failed=$(demo_failures "$LOG")
    if [[ -n $failed ]]; then
        echo "liangze: the demo data of $failed failed to load; see $LOG" >&2
        exit 1
    fi
else
    failed=$(demo_failures)
    if [[ -n $failed ]]; then
        echo "liangze: database $DB lacks the demo data of $failed (it failed to load); drop it (dropdb $DB) and run $0 again" >&2
        exit 1
    fi
fi

echo "liangze: open http://127.0.0.1:8069 (admin/admin, or a demo user with password liangze)"
exec "${odoo[@]}" --addons-path="$addons_path" -d "$DB" --db-filter="^$DB\$" \
    --http-interface=127.0.0.1 --http-port=8069
