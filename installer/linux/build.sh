#!/usr/bin/env bash
# Build the Linux package: dist/clinic-app_<version>_<arch>.deb
#   bash installer/linux/build.sh
# Steps: the project's environment from requirements.lock and the built resources
# (scripts/bootstrap.sh env), the PyInstaller one-folder bundle (installer/clinic-app.spec),
# then a .deb made with dpkg-deb:
#   /opt/clinic-app/                the bundle
#   /usr/bin/clinic-app             the command line (no arguments: the desktop app)
#   /usr/bin/clinic-app-gui         the desktop app (what the desktop entry starts)
#   /usr/share/applications/        desktop entry        /usr/share/metainfo/  AppStream
#   /usr/share/icons/hicolor/       the icon, every size
# The package depends on the Debian packages of the system libraries the bundle links to
# (worked out here from the bundle itself); it never touches the users' data folders
# (~/.local/share/clinic-app), so removing or purging it leaves every database in place.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
say() { printf '[build-deb] %s\n' "$*" >&2; }

source_id() {
    # What the package is built from: the commit and any uncommitted change to tracked files.
    { git rev-parse HEAD; git diff HEAD; } 2>/dev/null | sha256sum | cut -d' ' -f1
}
if [ "${1:-}" = --source-id ]; then source_id; exit 0; fi

# Qt's X11 and Wayland libraries must be on the build machine, so their packages can be named.
GUI_LIBS="libxcb-cursor0 libxkbcommon-x11-0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0
libxcb-render-util0 libxcb-image0 libxcb-randr0 libxcb-xfixes0 libxcb-sync1 libxcb-xkb1
libx11-xcb1 libwayland-client0 libwayland-cursor0 libwayland-egl1 libcups2 libdbus-1-3"
missing=""
for pkg in $GUI_LIBS; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing="$missing $pkg"
done
if [ -n "$missing" ]; then
    if [ "$(id -u)" = 0 ]; then
        say "installing build-time libraries:$missing"
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
    else
        say "missing Debian packages (install them first):$missing"; exit 1
    fi
fi

bash scripts/bootstrap.sh env
PY="$ROOT/.venv/bin/python"
VERSION=$("$PY" -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')
ARCH=$(dpkg --print-architecture)
DIST="$ROOT/dist"
WORK="$ROOT/build/installer"
BUNDLE="$DIST/clinic-app"
DESKTOP_ID=dk.clinicapp.ClinicApp

say "PyInstaller bundle (a few minutes)"
"$ROOT/.venv/bin/pyinstaller" --noconfirm --clean --log-level WARN \
    --distpath "$DIST" --workpath "$WORK/pyinstaller" installer/clinic-app.spec
"$BUNDLE/clinic-app" --version >/dev/null

say "system libraries the bundle links to"
INTERNAL="$BUNDLE/_internal"
LIBPATH="$INTERNAL:$INTERNAL/PySide6/Qt/lib:$INTERNAL/PySide6"
needed=$(find "$BUNDLE" -type f \( -name '*.so' -o -name '*.so.*' -o -perm -u+x \) -print0 |
    xargs -0 file -N -F '|' | awk -F'|' '/ELF/ {print $1}' |
    while read -r elf; do LD_LIBRARY_PATH="$LIBPATH" ldd "$elf" 2>/dev/null || true; done |
    awk '/=> not found/ {print "MISSING " $1; next} /=> \// {print $3}' | sort -u)
if echo "$needed" | grep -q '^MISSING'; then
    say "libraries not found on this machine: $(echo "$needed" | awk '/^MISSING/ {print $2}' | tr '\n' ' ')"
    exit 1
fi
packages=""
for lib in $needed; do
    case "$lib" in "$BUNDLE"/*) continue ;; esac
    pkg=$(dpkg -S "$lib" 2>/dev/null || dpkg -S "$(readlink -f "$lib")" 2>/dev/null ||
        dpkg -S "*/$(basename "$lib")" 2>/dev/null || true)
    pkg=$(echo "$pkg" | head -1 | cut -d: -f1)
    [ -n "$pkg" ] || { say "no Debian package provides $lib"; exit 1; }
    packages="$packages $pkg"
done
# Qt finds fonts through fontconfig and needs at least one; X11 keyboard tables too.
packages="$packages fonts-dejavu-core xkb-data"
GLIBC=$(dpkg-query -W -f='${Version}' libc6 | cut -d- -f1)
DEPENDS=$(for p in $packages; do echo "$p"; done | sort -u | grep -v '^libc6$' | paste -sd, | sed 's/,/, /g')
DEPENDS="libc6 (>= $GLIBC), $DEPENDS"

say "package tree"
STAGE="$WORK/deb/clinic-app_${VERSION}_${ARCH}"
rm -rf "$STAGE"
mkdir -p "$STAGE/DEBIAN" "$STAGE/opt" "$STAGE/usr/bin" "$STAGE/usr/share/applications" \
    "$STAGE/usr/share/metainfo" "$STAGE/usr/share/doc/clinic-app" \
    "$STAGE/usr/share/icons/hicolor/scalable/apps"
cp -a "$BUNDLE" "$STAGE/opt/clinic-app"
cat > "$STAGE/usr/bin/clinic-app" <<'EOF'
#!/bin/sh
# Clinic App's command line (without arguments: the desktop app).
exec /opt/clinic-app/clinic-app "$@"
EOF
cat > "$STAGE/usr/bin/clinic-app-gui" <<'EOF'
#!/bin/sh
# Clinic App's desktop app (options: --db URL, --lang en|da, --help).
exec /opt/clinic-app/clinic-app-gui "$@"
EOF
chmod 0755 "$STAGE/usr/bin/clinic-app" "$STAGE/usr/bin/clinic-app-gui"
install -m 0644 "resources/linux/$DESKTOP_ID.desktop" "$STAGE/usr/share/applications/"
install -m 0644 "resources/linux/$DESKTOP_ID.metainfo.xml" "$STAGE/usr/share/metainfo/"
install -m 0644 resources/icons/app/clinic-app.svg "$STAGE/usr/share/icons/hicolor/scalable/apps/"
for png in resources/icons/app/png/clinic-app-*.png; do
    size=${png##*-}; size=${size%.png}
    mkdir -p "$STAGE/usr/share/icons/hicolor/${size}x${size}/apps"
    install -m 0644 "$png" "$STAGE/usr/share/icons/hicolor/${size}x${size}/apps/clinic-app.png"
done
{
    echo "Clinic App $VERSION"
    echo
    echo "Bundled fonts and their licences: /opt/clinic-app/_internal/clinic_app/resources/fonts/"
    echo "Bundled Qt for Python (LGPLv3) and Python packages: /opt/clinic-app/_internal/"
} > "$STAGE/usr/share/doc/clinic-app/copyright"
chmod -R u+rwX,go+rX,go-w "$STAGE"

INSTALLED_SIZE=$(du -sk --exclude=DEBIAN "$STAGE" | cut -f1)
cat > "$STAGE/DEBIAN/control" <<EOF
Package: clinic-app
Version: $VERSION
Architecture: $ARCH
Maintainer: Clinic App maintainers <clinic-app@localhost>
Installed-Size: $INSTALLED_SIZE
Depends: $DEPENDS
Recommends: gnome-keyring | kwalletmanager
Section: misc
Priority: optional
Description: case, clinic and document records for shelters and drop-in clinics
 Clinic App keeps the records of the shelters and drop-in health clinics that
 protect victims of human trafficking: residents and anonymous visitors, legal
 status and deadlines, entitlements, action plans, clinic visits, documents
 for partners and statistics that recognise no one.
 .
 Each user's databases, backups and settings live in their own data folder
 (~/.local/share/clinic-app) and are kept when the package is removed or purged.
EOF
# Menus and icon caches pick the new entry up; nothing here touches user data.
for script in postinst postrm; do
    cat > "$STAGE/DEBIAN/$script" <<'EOF'
#!/bin/sh
set -e
if command -v update-desktop-database >/dev/null 2>&1; then
    update-desktop-database -q /usr/share/applications || true
fi
if command -v gtk-update-icon-cache >/dev/null 2>&1; then
    gtk-update-icon-cache -q -t /usr/share/icons/hicolor || true
fi
# User data (~/.local/share/clinic-app: databases, backups, settings) is never removed here,
# not even on purge: deleting a clinic's records is a decision for its administrator.
exit 0
EOF
    chmod 0755 "$STAGE/DEBIAN/$script"
done

DEB="$DIST/clinic-app_${VERSION}_${ARCH}.deb"
rm -f "$DEB"
# zstd (dpkg 1.21.18+, Debian 12): a tenth of xz's time on a busy build machine;
# DEB_COMPRESSION=xz makes a smaller file.
dpkg-deb --root-owner-group "-Z${DEB_COMPRESSION:-zstd}" --build "$STAGE" "$DEB" >/dev/null
source_id > "$DIST/clinic-app.source-id"
say "bundle $(du -sh "$BUNDLE" | cut -f1), package $(du -h "$DEB" | cut -f1): $DEB"
say "Depends: $DEPENDS"
