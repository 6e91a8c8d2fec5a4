# shellcheck shell=bash
# Sourced by scripts/test.sh and scripts/start.sh: sets PYTHON to the
# interpreter to use and defines pip_install.
#   PYTHON=... overrides; default python3.
# Where that interpreter refuses installs (PEP 668, "externally managed", e.g.
# Debian's own python3), a project virtualenv .venv is created with
# --system-site-packages, so an Odoo installed in the system stays importable,
# and used instead. Never --break-system-packages.
PYTHON=${PYTHON:-python3}

_externally_managed() {
    "$1" -c 'import pathlib, sys, sysconfig
managed = (pathlib.Path(sysconfig.get_path("stdlib")) / "EXTERNALLY-MANAGED").exists()
sys.exit(0 if managed and sys.prefix == sys.base_prefix else 1)'
}

if _externally_managed "$PYTHON"; then
    if [[ ! -x .venv/bin/python ]]; then
        echo "liangze: $PYTHON is externally managed (PEP 668): creating the project virtualenv .venv"
        if ! "$PYTHON" -m venv --system-site-packages .venv 2>/dev/null; then
            # Debian ships venv's pip bootstrap separately.
            rm -rf .venv
            sudo=""
            [[ $(id -u) -eq 0 ]] || sudo="sudo"
            $sudo apt-get update -q
            DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q python3-venv
            "$PYTHON" -m venv --system-site-packages .venv
        fi
    fi
    PYTHON=.venv/bin/python
fi

pip_install() {
    "$PYTHON" -m pip install -q --disable-pip-version-check --root-user-action=ignore "$@"
}

# Debian packages the product needs: PostgreSQL, wkhtmltopdf for PDF reports,
# CJK fonts for Chinese PDFs, and Chromium for the browser tours (tests only).
apt_install_missing() {
    local missing=() pkg
    for pkg in "$@"; do
        dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
    done
    ((${#missing[@]})) || return 0
    if ! command -v apt-get >/dev/null; then
        echo "liangze: please install ${missing[*]} (no apt-get here)" >&2
        return 0
    fi
    local sudo=""
    [[ $(id -u) -eq 0 ]] || sudo="sudo"
    $sudo apt-get update -q
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q "${missing[@]}"
}
