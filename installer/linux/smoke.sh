#!/usr/bin/env bash
# Clean-machine test of the Linux package (not part of the test suite; run as root):
#   bash installer/linux/smoke.sh   # builds the .deb first, unless dist/ has this checkout's
#   SKIP_BUILD=1 bash installer/linux/smoke.sh   # uses the newest dist/clinic-app_*.deb
# 1. a clean Debian bookworm root (debootstrap from Debian's mirror, cached under
#    installer/linux/.cache/, copied afresh each run): no Python of ours, no virtualenv;
# 2. only the system packages the .deb declares in Depends, then the .deb itself;
# 3. as an ordinary user: `clinic-app --version`; a demo database; the desktop app offscreen
#    (`clinic-app demo`: it must wait at the log-in window, not exit or crash); the desktop app
#    (`clinic-app-gui`) on a virtual X server run by the host, timed from start to its log-in
#    window, with a screenshot; one printed document (a PDF);
# 4. remove and purge the package: /opt/clinic-app and /usr/bin/clinic-app must be gone and
#    the user's data folder (databases, logs) must still be there.
# Prints the bundle size, package size and cold start time to the log-in window.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
CACHE="$ROOT/installer/linux/.cache"
BASE="$CACHE/bookworm-base"
TARGET="$CACHE/root"
MIRROR=${MIRROR:-http://deb.debian.org/debian}
SCREENSHOT=${SCREENSHOT:-$ROOT/build/installer/login-installed.png}
say() { printf '[smoke] %s\n' "$*" >&2; }
fail() { say "FAILED: $*"; exit 1; }
[ "$(id -u)" = 0 ] || fail "run as root (debootstrap and chroot need it)"

# Build unless dist/ already holds the package of exactly this checkout (build.sh records it).
if [ -z "${SKIP_BUILD:-}" ] && ! cmp -s "$ROOT/dist/clinic-app.source-id" <(bash installer/linux/build.sh --source-id); then
    bash installer/linux/build.sh
fi
DEB=$(ls -t "$ROOT"/dist/clinic-app_*.deb 2>/dev/null | head -1)
[ -n "$DEB" ] || fail "no dist/clinic-app_*.deb: run installer/linux/build.sh"

# Host tools: debootstrap for the root, Xvfb and xdotool for the window check.
host_missing=""
for tool in debootstrap:debootstrap Xvfb:xvfb xdotool:xdotool; do
    command -v "${tool%%:*}" >/dev/null || host_missing="$host_missing ${tool#*:}"
done
if [ -n "$host_missing" ]; then
    say "installing host tools:$host_missing"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $host_missing >/dev/null
fi

if [ ! -d "$BASE" ]; then
    say "debootstrap bookworm (once; cached in installer/linux/.cache/)"
    rm -rf "$BASE.part"
    debootstrap --variant=minbase bookworm "$BASE.part" "$MIRROR" >/dev/null
    mv "$BASE.part" "$BASE"
fi

XVFB_PID=""
cleanup() {
    [ -n "$XVFB_PID" ] && kill "$XVFB_PID" 2>/dev/null || true
    for m in tmp/.X11-unix dev/pts dev/shm dev sys proc; do
        mountpoint -q "$TARGET/$m" 2>/dev/null && umount -l "$TARGET/$m" || true
    done
}
trap cleanup EXIT

say "fresh root from the cached bookworm base"
cleanup
rm -rf "$TARGET"
cp -a "$BASE" "$TARGET"
mount -t proc proc "$TARGET/proc"
mount -t sysfs sys "$TARGET/sys"
mount --bind /dev "$TARGET/dev"
mount --bind /dev/pts "$TARGET/dev/pts"
mount -t tmpfs shm "$TARGET/dev/shm"
cp /etc/resolv.conf "$TARGET/etc/resolv.conf"
in_root() { chroot "$TARGET" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 "$@"; }

if in_root sh -c 'command -v python3 || ls -d /usr/lib/python3*' >/dev/null 2>&1; then
    fail "the clean root already has a Python"
fi

DEPENDS=$(dpkg-deb -f "$DEB" Depends)
PACKAGES=$(echo "$DEPENDS" | tr ',' '\n' | sed -e 's/(.*)//' -e 's/|.*//' | tr -d ' ' | grep -v '^$' | tr '\n' ' ')
say "declared dependencies: $PACKAGES"
in_root sh -c "echo 'deb $MIRROR bookworm main' > /etc/apt/sources.list"
in_root apt-get update -qq >/dev/null
# shellcheck disable=SC2086
in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $PACKAGES >/dev/null
cp "$DEB" "$TARGET/tmp/clinic-app.deb"
say "installing $(basename "$DEB")"
in_root dpkg -i /tmp/clinic-app.deb >/dev/null
in_root sh -c 'command -v python3' >/dev/null && fail "the package's dependencies brought a system Python"

in_root useradd --create-home --shell /bin/sh clinic
as_user() {
    chroot --userspec=clinic:clinic "$TARGET" /usr/bin/env -i HOME=/home/clinic USER=clinic \
        PATH=/usr/bin:/bin LANG=C.UTF-8 XDG_RUNTIME_DIR=/tmp/runtime-clinic "$@"
}
in_root install -d -o clinic -g clinic -m 0700 /tmp/runtime-clinic

VERSION_OUT=$(as_user clinic-app --version)
say "clinic-app --version: $VERSION_OUT"
[ "$VERSION_OUT" = "clinic-app $(dpkg-deb -f "$DEB" Version)" ] || fail "unexpected version output"

say "demo database (fictional people)"
as_user QT_QPA_PLATFORM=offscreen clinic-app demo --no-gui --persons 20 >/dev/null
DATA=/home/clinic/.local/share/clinic-app
[ -f "$TARGET$DATA/demo.db" ] || fail "no demo database in $DATA"
DEMO_DB="sqlite:///$DATA/demo.db"

say "desktop app offscreen (clinic-app demo): must wait at the log-in window"
set +e
as_user QT_QPA_PLATFORM=offscreen timeout 8 clinic-app demo >"$CACHE/offscreen.log" 2>&1
status=$?
set -e
[ "$status" = 124 ] || { cat "$CACHE/offscreen.log" >&2; fail "offscreen GUI exited with $status"; }

say "desktop app on a virtual X server: time to the log-in window"
DISPLAY_NUM=97
Xvfb ":$DISPLAY_NUM" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
XVFB_PID=$!
for _ in $(seq 50); do [ -S "/tmp/.X11-unix/X$DISPLAY_NUM" ] && break; sleep 0.1; done
mkdir -p "$TARGET/tmp/.X11-unix"
mount --bind /tmp/.X11-unix "$TARGET/tmp/.X11-unix"
# The first start after installing. DROP_CACHES=1 also empties the kernel's page cache first
# (the whole machine's: not on a shared machine), so the bundle is read from disk.
if [ -n "${DROP_CACHES:-}" ]; then
    sync; echo 3 > /proc/sys/vm/drop_caches || say "(page cache not dropped: not permitted here)"
fi
start=$(date +%s.%N)
as_user DISPLAY=":$DISPLAY_NUM" clinic-app-gui --db "$DEMO_DB" >"$CACHE/x11.log" 2>&1 &
APP_PID=$!
# The first mapped window of the app's class is the log-in window (it opens the database
# in the background, so this is when a person can start typing).
if ! WID=$(DISPLAY=":$DISPLAY_NUM" timeout 30 xdotool search --sync --onlyvisible --classname clinic-app-gui); then
    cat "$CACHE/x11.log" >&2; fail "no log-in window within 30 s"
fi
shown=$(date +%s.%N)
COLD=$(awk "BEGIN {print $shown - $start}")
WID=$(echo "$WID" | head -1)
LOAD=$(cut -d' ' -f1 /proc/loadavg)
# The window grows when the database is open (the demo accounts are listed): then a person
# can log in. That moment is the second figure, and the moment of the screenshot.
first=$(DISPLAY=":$DISPLAY_NUM" xdotool getwindowgeometry "$WID" | grep Geometry)
READY=""
for _ in $(seq 300); do
    if [ "$(DISPLAY=":$DISPLAY_NUM" xdotool getwindowgeometry "$WID" | grep Geometry)" != "$first" ]; then
        READY=$(awk "BEGIN {print $(date +%s.%N) - $start}"); break
    fi
    sleep 0.1
done
[ -n "$READY" ] || fail "the log-in window never showed the opened demo database"
sleep 0.5
mkdir -p "$(dirname "$SCREENSHOT")"
if [ -x "$ROOT/.venv/bin/python" ]; then
    DISPLAY=":$DISPLAY_NUM" QT_QPA_PLATFORM=xcb "$ROOT/.venv/bin/python" - "$SCREENSHOT" "$WID" <<'EOF' || say "(no screenshot)"
import sys
from PySide6.QtGui import QGuiApplication
app = QGuiApplication(sys.argv[:1])
assert app.primaryScreen().grabWindow(int(sys.argv[2])).save(sys.argv[1])
EOF
fi
kill "$APP_PID" 2>/dev/null || true
wait "$APP_PID" 2>/dev/null || true
kill "$XVFB_PID" 2>/dev/null || true
XVFB_PID=""

say "one printed document"
CASE=$(as_user CLINIC_APP_USER=teamlead CLINIC_APP_PASSWORD="violet harbour demo" \
    clinic-app --db "$DEMO_DB" persons search a --json |
    grep -o '"case_ref": "[^"]*"' | head -1 | cut -d'"' -f4)
[ -n "$CASE" ] || fail "no person found in the demo database"
as_user CLINIC_APP_USER=teamlead CLINIC_APP_PASSWORD="violet harbour demo" \
    clinic-app --db "$DEMO_DB" print access_report --case "$CASE" \
    --out /home/clinic/access-report.pdf >&2
head -c 5 "$TARGET/home/clinic/access-report.pdf" | grep -q '%PDF-' || fail "the document is not a PDF"


say "remove and purge the package"
in_root dpkg --purge clinic-app >/dev/null
[ ! -e "$TARGET/opt/clinic-app" ] || fail "/opt/clinic-app left behind"
[ ! -e "$TARGET/usr/bin/clinic-app" ] || fail "/usr/bin/clinic-app left behind"
[ -f "$TARGET$DATA/demo.db" ] || fail "the user's data folder lost its database"
say "the user's data folder is still there: $(ls "$TARGET$DATA" | tr '\n' ' ')"

BUNDLE_SIZE=$(du -sh "$ROOT/dist/clinic-app" | cut -f1)
DEB_SIZE=$(du -h "$DEB" | cut -f1)
printf 'smoke passed: bundle %s, package %s, cold start to the log-in window %.2f s, to a log-in ready on the opened database %.2f s (load average %s on %s cores)\n' \
    "$BUNDLE_SIZE" "$DEB_SIZE" "$COLD" "$READY" "$LOAD" "$(nproc)"
[ -f "$SCREENSHOT" ] && say "screenshot: $SCREENSHOT"
