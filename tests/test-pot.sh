#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The translation template is complete: `meson compile unknot-pot` extracts strings from
# every kind of file that holds them (desktop file, metainfo, schema, UI files, C).
set -eu
srcdir=$1
builddir=$2
pot="$srcdir/po/unknot.pot"

meson compile -C "$builddir" unknot-pot >/dev/null

fail=0
expect() {
  if ! grep -qF -- "msgid \"$1\"" "$pot"; then
    echo "not in the template: $1" >&2
    fail=1
  fi
}

expect "Find the muscle that hurts, work it safely and track what helps"   # desktop
expect "Massage your own back safely"                                      # metainfo
expect "Default hold length"                                               # gschema
expect "Welcome to Unknot"                                                 # window .ui
expect "Keyboard Shortcuts"                                                # dialog .ui
expect "Medical Disclaimer"                                                # C
expect "Quadratus lumborum"                                                # catalogue (ITS)
expect "Search regions of the back"                                       # accessible label

# Every file in POTFILES.in exists, and every source file with marked strings is listed.
grep -v '^#' "$srcdir/po/POTFILES.in" | grep . | while read -r f; do
  [ -f "$srcdir/$f" ] || { echo "POTFILES.in names a missing file: $f" >&2; exit 1; }
done
for f in $(cd "$srcdir" && grep -rlE 'translatable="yes"|[^A-Za-z_]N?_ \(' src data --include='*.c' --include='*.ui' --include='*.xml' --include='*.in'); do
  grep -qxF "$f" "$srcdir/po/POTFILES.in" || { echo "not listed in po/POTFILES.in: $f" >&2; fail=1; }
done

exit $fail
