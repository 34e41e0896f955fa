#!/usr/bin/env bash
# Set up everything clinic_app needs in this checkout, then run the demo or the test suite.
#   bash scripts/bootstrap.sh demo   # demo database of fictional people, then the app
#   bash scripts/bootstrap.sh test   # ruff, mypy, import contracts and the whole test suite
#   bash scripts/bootstrap.sh env    # only .venv (from requirements.lock) and the built resources
# Installs into .venv inside the checkout; as root (or with password-less sudo) it also
# installs the Debian libraries Qt needs when they are missing.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
VENV="$ROOT/.venv"
PYTHON=${PYTHON:-python3}

say() { printf '[bootstrap] %s\n' "$*" >&2; }

as_root() {
    if [ "$(id -u)" = 0 ]; then "$@"
    elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then sudo "$@"
    else return 1
    fi
}

apt_install() {
    # Install Debian packages if we can; otherwise say what is missing and carry on.
    [ $# -gt 0 ] || return 0
    if command -v apt-get >/dev/null && as_root true 2>/dev/null; then
        say "installing Debian packages: $*"
        as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null || true
        as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
    else
        say "missing system packages (ask an administrator to install): $*"
    fi
}

missing_libs() {
    # $1.. pairs "library-file:debian-package"; print the packages whose library is absent.
    local pair lib pkg
    for pair in "$@"; do
        lib=${pair%%:*}; pkg=${pair#*:}
        ldconfig -p 2>/dev/null | grep -q "$lib" || echo "$pkg"
    done
}

ensure_qt_libs() {
    local mode=$1 pkgs
    # What Qt needs even offscreen (fonts, GL, keyboard tables, GLib).
    pkgs=$(missing_libs libEGL.so.1:libegl1 libGL.so.1:libgl1 libxkbcommon.so.0:libxkbcommon0 \
        libfontconfig.so.1:libfontconfig1 libglib-2.0.so.0:libglib2.0-0 libdbus-1.so.3:libdbus-1-3)
    if [ "$mode" = gui ]; then
        pkgs="$pkgs $(missing_libs libxcb-cursor.so.0:libxcb-cursor0 libxkbcommon-x11.so.0:libxkbcommon-x11-0 \
            libxcb-icccm.so.4:libxcb-icccm4 libxcb-keysyms.so.1:libxcb-keysyms1 \
            libxcb-shape.so.0:libxcb-shape0 libxcb-render-util.so.0:libxcb-render-util0 \
            libxcb-image.so.0:libxcb-image0 libX11-xcb.so.1:libx11-xcb1)"
    fi
    # shellcheck disable=SC2086
    apt_install $pkgs
}

ensure_venv() {
    if [ ! -x "$VENV/bin/python" ]; then
        say "creating virtual environment in .venv"
        if ! "$PYTHON" -m venv "$VENV" 2>/dev/null; then
            rm -rf "$VENV"
            apt_install python3-venv
            "$PYTHON" -m venv "$VENV"
        fi
    fi
    local stamp="$VENV/.setup-stamp" want
    # Every package comes from the lock, checked against its hashes; the project itself
    # goes on top without resolving anything (its build back-end is in the lock too).
    want=$(cat pyproject.toml requirements.lock | sha256sum | cut -d' ' -f1)
    if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
        say "installing Python packages from requirements.lock (first run takes a few minutes)"
        "$VENV/bin/python" -m pip install -q --require-hashes -r requirements.lock
        "$VENV/bin/python" -m pip install -q --no-deps --no-build-isolation -e .
        echo "$want" > "$stamp"
    fi
    # Translations, fonts, icons and partners from resources/ into the package (quick when current).
    QT_QPA_PLATFORM=offscreen "$VENV/bin/python" scripts/build_resources.py >&2
}

ensure_lock() {
    # The lock must have been refreshed after the last change to pyproject's dependencies.
    if ! "$PYTHON" scripts/lock.py --check >&2; then
        say "refresh the lock with: python3 scripts/lock.py"
        exit 1
    fi
}

ensure_postgres() {
    # The multi-workstation tests need the local PostgreSQL server; start it if it is down.
    if command -v pg_isready >/dev/null && ! pg_isready -q -h 127.0.0.1 -p 5432; then
        if command -v pg_ctlcluster >/dev/null; then
            say "starting PostgreSQL"
            as_root pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start || true
        fi
    fi
}

cmd=${1:-}
case "$cmd" in
    demo)
        shift
        ensure_qt_libs gui
        ensure_lock
        ensure_venv
        exec "$VENV/bin/clinic-app" demo "$@"
        ;;
    test)
        shift
        ensure_qt_libs offscreen
        ensure_lock
        ensure_venv
        ensure_postgres
        export QT_QPA_PLATFORM=offscreen
        say "ruff"
        "$VENV/bin/ruff" check .
        "$VENV/bin/ruff" format --check .
        say "mypy"
        "$VENV/bin/mypy"
        say "import contracts"
        "$VENV/bin/lint-imports"
        say "pytest"
        # Two workers: the suite is CPU-bound and CI machines have two cores.
        exec "$VENV/bin/python" -m pytest -n 2 "$@"
        ;;
    env)
        # Only the environment: .venv from the lock and the built resources (installer build).
        ensure_qt_libs offscreen
        ensure_lock
        ensure_venv
        ;;
    *)
        echo "usage: bash scripts/bootstrap.sh demo|test|env" >&2
        exit 2
        ;;
esac
