#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The translation template is complete. Every translatable string in src/ and data/ is
# extracted here again, file by file and whatever po/POTFILES.in says, and each one must
# be in the template that `meson compile unknot-pot` makes from POTFILES.in. A file with
# translatable strings that POTFILES.in does not list fails, named with its strings.
set -eu
srcdir=$1
builddir=$2
pot="$srcdir/po/unknot.pot"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

meson compile -C "$builddir" unknot-pot >"$work/compile.log" 2>&1 \
  || { cat "$work/compile.log" >&2; exit 1; }
[ -s "$pot" ] || { echo "meson made no template at po/unknot.pot" >&2; exit 1; }
cp "$pot" "$work/template-1.pot"
cp "$pot" "$work/template-2.pot"

# The catalogue's rules live in po/its/; GLib's, GTK's and AppStream's rules (schemas,
# UI files, metainfo) are installed with them.
GETTEXTDATADIRS="$srcdir/po${GETTEXTDATADIRS:+:$GETTEXTDATADIRS}"
export GETTEXTDATADIRS

# Every gettext call GLib, GTK and plain gettext offer a C program, not only the ones
# po/meson.build's preset knows: a string marked with another one is missed by the
# template, and fails here.
c_keywords='--keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 --keyword=Q_:1g
  --keyword=g_dgettext:2 --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3
  --keyword=g_dpgettext2:2c,3 --keyword=gettext --keyword=dgettext:2 --keyword=dcgettext:2
  --keyword=ngettext:1,2 --keyword=dngettext:2,3 --keyword=pgettext:1c,2
  --keyword=npgettext:1c,2,3'

# Prints the messages of a PO file one a line, as "context|msgid" when there is a context.
messages() {
  awk '
    function unquote(s) { return substr(s, 2, length(s) - 2) }
    function emit() {
      if (id != "") print (ctxt != "" ? "\"" ctxt "\"|" : "") "\"" id "\""
      id = ""; ctxt = ""
    }
    /^msgctxt / { field = "ctxt"; ctxt = unquote(substr($0, 9)); next }
    /^msgid /   { field = "id"; id = unquote(substr($0, 7)); next }
    /^"/        { if (field == "id") id = id unquote($0); else if (field == "ctxt") ctxt = ctxt unquote($0); next }
                { if (field == "id") emit(); field = "" }
    END         { if (field == "id") emit() }
  ' "$1"
}

grep -v '^#' "$srcdir/po/POTFILES.in" | grep . > "$work/potfiles"
fail=0

# Every file in POTFILES.in exists.
while read -r f; do
  [ -f "$srcdir/$f" ] || { echo "po/POTFILES.in names a missing file: $f" >&2; fail=1; }
done < "$work/potfiles"

(cd "$srcdir" && find src data -type f \( -name '*.c' -o -name '*.h' -o -name '*.ui' \
   -o -name '*.xml' -o -name '*.xml.in' -o -name '*.xml.in.in' \
   -o -name '*.desktop' -o -name '*.desktop.in' -o -name '*.desktop.in.in' \) | LC_ALL=C sort) \
  > "$work/candidates"
[ -s "$work/candidates" ] || { echo "no source files found under $srcdir" >&2; exit 1; }

n_files=0
n_strings=0
while read -r f; do
  out="$work/file.pot"
  rm -f "$out"
  case $f in
    *.c|*.h)
      # shellcheck disable=SC2086
      xgettext --language=C --from-code=UTF-8 $c_keywords -o "$out" "$srcdir/$f" ;;
    *.xml|*.xml.in|*.xml.in.in)
      # An XML file no ITS rule describes (the GResource list) holds nothing to translate;
      # xgettext would read it as C.
      xgettext --from-code=UTF-8 -o "$out" "$srcdir/$f" 2>"$work/stderr" || { cat "$work/stderr" >&2; exit 1; }
      if grep -q 'is unknown; will try C' "$work/stderr"; then
        rm -f "$out"
        case $f in
          data/catalog/*)
            echo "$f: no rule in po/its/ says what in it is translatable" >&2; fail=1 ;;
        esac
      else
        cat "$work/stderr" >&2
      fi ;;
    *)
      xgettext --from-code=UTF-8 -o "$out" "$srcdir/$f" ;;
  esac
  [ -f "$out" ] || continue

  n_files=$((n_files + 1))
  n_strings=$((n_strings + $(messages "$out" | wc -l)))
  messages "$out" >> "$work/extracted"
  cp "$out" "$work/file-$n_files.pot"
  echo "$f" >> "$work/with-strings"

  # The messages of this file that the template lacks: counted once here and twice in
  # two copies of the template, they are the ones seen fewer than two times.
  msgcomm --less-than=2 --no-wrap -o "$work/missing.po" "$out" "$work/template-1.pot" \
    "$work/template-2.pot"
  missing=$( [ -f "$work/missing.po" ] && messages "$work/missing.po" || true)
  rm -f "$work/missing.po"

  listed=yes
  grep -qxF "$f" "$work/potfiles" || listed=no
  if [ $listed = no ] || [ -n "$missing" ]; then
    fail=1
    if [ $listed = no ]; then
      echo "$f has translatable strings but is not listed in po/POTFILES.in" >&2
    fi
    if [ -n "$missing" ]; then
      echo "$f: not in the template:" >&2
      printf '%s\n' "$missing" | sed 's/^/    /' >&2
    fi
  fi
done < "$work/candidates"

# And the other way round: the template holds nothing this check did not find, or the
# extraction here has fallen behind the build's.
msgcat --use-first -o "$work/all.pot" "$work"/file-*.pot
cp "$work/all.pot" "$work/all-2.pot"
msgcomm --less-than=2 --no-wrap -o "$work/unknown.po" "$pot" "$work/all.pot" "$work/all-2.pot"
if [ -f "$work/unknown.po" ]; then
  echo "the template has strings this check did not extract from any file:" >&2
  messages "$work/unknown.po" | sed 's/^/    /' >&2
  fail=1
fi

# Listing a file without translatable strings does no harm, but says so.
while read -r f; do
  grep -qxF "$f" "$work/with-strings" || echo "# po/POTFILES.in lists $f, which has nothing to translate"
done < "$work/potfiles"

# The extraction above reached every kind of file: one known string of each.
for s in \
  '"Find the muscle that hurts, work it safely and track what helps"' \
  '"Massage your own back safely"' \
  '"Default hold length"' \
  '"Welcome to Unknot"' \
  '"Keyboard Shortcuts"' \
  '"Medical Disclaimer"' \
  '"Quadratus lumborum"' \
  '"Search regions of the back"'; do
  grep -qxF -- "$s" "$work/extracted" || { echo "the extraction missed $s" >&2; fail=1; }
done

echo "# $n_strings strings in $n_files files checked against the template"
exit $fail
