#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The Flatpak manifest parses, and `meson install` with the prefix a Flatpak build uses
# lays out exactly what the manifest expects: the command, the desktop file, the
# metainfo and the icons named after its app ID, and the schema source for
# glib-compile-schemas.
set -eu
srcdir=$1
manifest="$srcdir/flatpak/io.github.unknot.Unknot.json"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

flatpak-builder --show-manifest "$manifest" > "$work/manifest.json"

set -- $(python3 - "$work/manifest.json" <<'PY'
import json, sys
m = json.load(open(sys.argv[1]))
assert m["runtime"] == "org.gnome.Platform" and m["sdk"] == "org.gnome.Sdk", "not the GNOME runtime"
assert str(m["runtime-version"]) == "49", "runtime is not GNOME 49"
allowed = {"--share=ipc", "--socket=wayland", "--socket=fallback-x11", "--device=dri",
           "--socket=pulseaudio"}
extra = set(m.get("finish-args", [])) - allowed
assert not extra, "finish-args wider than needed: %s" % sorted(extra)
app = m["modules"][-1]
assert app["buildsystem"] == "meson" and app.get("run-tests") is True, "app module must be meson with run-tests"
assert "--socket=pulseaudio" in m["finish-args"], "no sound: the chime needs --socket=pulseaudio"
# With builddir: true the test commands already run inside the build directory.
assert app.get("builddir") is True, "app module must build in a build directory"
for cmd in app.get("test-commands", []):
    assert "-C" not in cmd.split(), "test command points at a build dir inside the build dir: %s" % cmd
print(m["id"], m["command"])
PY
)
app_id=$1
command=$2

meson setup "$work/build" "$srcdir" --prefix=/app -Dtests=false >"$work/setup.log" 2>&1 \
  || { cat "$work/setup.log"; exit 1; }
meson compile -C "$work/build" >"$work/compile.log" 2>&1 || { cat "$work/compile.log"; exit 1; }
DESTDIR="$work/dest" meson install -C "$work/build" --no-rebuild >"$work/install.log" 2>&1 \
  || { cat "$work/install.log"; exit 1; }

cat > "$work/expected" <<EOL
/app/bin/$command
/app/share/applications/$app_id.desktop
/app/share/glib-2.0/schemas/io.github.unknot.Unknot.gschema.xml
/app/share/icons/hicolor/scalable/apps/$app_id.svg
/app/share/icons/hicolor/symbolic/apps/$app_id-symbolic.svg
/app/share/metainfo/$app_id.metainfo.xml
/app/share/unknot/sounds/hold-complete.wav
EOL
# Every language of po/LINGUAS is installed where the runtime looks for translations.
# LINGUAS lists none yet, so a copy of the tree with the test translation
# (tests/po/de.po) as its only language is installed too, and must give exactly its .mo.
for lang in $(sed 's/#.*//' "$srcdir/po/LINGUAS"); do
  echo "/app/share/locale/$lang/LC_MESSAGES/unknot.mo" >> "$work/expected"
done
mkdir "$work/src-de"
(cd "$srcdir" && tar --exclude=./_build --exclude=./.git --exclude=./.flatpak-builder \
   --exclude=./flatpak-build -cf - .) | tar -C "$work/src-de" -xf -
echo de > "$work/src-de/po/LINGUAS"
cp "$srcdir/tests/po/de.po" "$work/src-de/po/de.po"
{ meson setup "$work/build-de" "$work/src-de" --prefix=/app -Dtests=false \
  && meson compile -C "$work/build-de" unknot-gmo \
  && DESTDIR="$work/dest-de" meson install -C "$work/build-de" --no-rebuild --tags i18n; } \
  >"$work/de.log" 2>&1 || { cat "$work/de.log"; exit 1; }
installed_de=$(cd "$work/dest-de" && find . -type f | sed 's|^\.||')
if [ "$installed_de" != /app/share/locale/de/LC_MESSAGES/unknot.mo ]; then
  echo "a language in po/LINGUAS installs, instead of its .mo file: $installed_de" >&2
  exit 1
fi
msgunfmt "$work/dest-de$installed_de" | grep -qx 'msgstr "Faszienrolle"' \
  || { echo "the installed .mo file is not the German test translation" >&2; exit 1; }
sort -o "$work/expected" "$work/expected"

# Caches that the install scripts may write are rebuilt by Flatpak anyway.
(cd "$work/dest" && find . -type f | sed 's|^\.||' \
  | grep -vE '/(gschemas\.compiled|icon-theme\.cache|mimeinfo\.cache)$' | sort) > "$work/installed"

if ! diff -u "$work/expected" "$work/installed"; then
  echo "the install layout differs from what the manifest expects" >&2
  exit 1
fi

grep -qx "Exec=$command" "$work/dest/app/share/applications/$app_id.desktop"
grep -qx "Icon=$app_id" "$work/dest/app/share/applications/$app_id.desktop"
grep -q "<id>$app_id</id>" "$work/dest/app/share/metainfo/$app_id.metainfo.xml"
grep -q "<launchable type=\"desktop-id\">$app_id.desktop</launchable>" \
  "$work/dest/app/share/metainfo/$app_id.metainfo.xml"
echo "layout matches the manifest for $app_id"
