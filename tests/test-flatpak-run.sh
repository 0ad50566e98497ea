#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# tests/test-flatpak-run.sh SRCDIR WORKDIR UNKNOT_EXE SCHEMAS_DIR
#
# Builds the Flatpak from flatpak/io.github.unknot.Unknot.json with flatpak-builder, its
# own test step included, installs it into a private installation in WORKDIR, starts it
# with `flatpak run … --screenshot` on the display the suite provides, and checks the
# picture it leaves in the app's data folder (~/.var/app/ID/data): a PNG of the size of
# the window that this build's own UNKNOT_EXE draws, and not blank. Then it checks the
# sandbox's permissions: IPC, Wayland with X11 as a fallback, the GPU and PulseAudio, and
# no network, no files and no other D-Bus names.
#
# The real GNOME 49 runtime cannot be downloaded here, so the build runs against the
# stand-in org.gnome.Platform//49 and org.gnome.Sdk//49 that build-aux/flatpak-standin.sh
# makes from this system's /usr (once, cached beside the build root). There is no network
# either, so the build uses a copy of the manifest (WORKDIR/manifest.json) that differs
# in two ways only:
#   - modules other than the app are dropped, but only where the stand-in SDK already
#     has the library they build (its pkg-config file); a module it lacks fails the test
#     instead of being skipped, since it could not be built here;
#   - the app's `dir` source points at SRCDIR, where the manifest says "..".
# Everything else (finish-args, cleanup, build options, the test step) is the manifest's.

set -euo pipefail

srcdir=$(cd "$1" && pwd)
workdir=$2
exe=$3
schemas=$4
manifest="$srcdir/flatpak/io.github.unknot.Unknot.json"

# Everything below runs with the stand-in runtime installed as FLATPAK_SYSTEM_DIR.
if [ -z "${UNKNOT_FLATPAK_STANDIN_READY:-}" ]; then
  export UNKNOT_FLATPAK_STANDIN_READY=1
  exec "$srcdir/build-aux/flatpak-standin.sh" "$0" "$@"
fi

fail() { echo "not ok: $*" >&2; exit 1; }
step() { echo "# $* ($SECONDS s)"; }

[ -n "${DISPLAY:-}" ] || fail "no DISPLAY: the test draws the window on the suite's X display"
mkdir -p "$workdir"
workdir=$(cd "$workdir" && pwd)
arch=$(flatpak --default-arch)

# A private home, runtime folder and user installation for the app: nothing of the
# machine's own Flatpak setup is used or changed. flatpak-builder's state (its download
# and build cache) stays in WORKDIR between runs.
rm -rf "$workdir/home" "$workdir/run" "$workdir/user" "$workdir/app"
mkdir -p "$workdir/home" "$workdir/run"
chmod 700 "$workdir/run"
export HOME="$workdir/home" XDG_RUNTIME_DIR="$workdir/run" FLATPAK_USER_DIR="$workdir/user"
unset XDG_DATA_HOME XDG_CONFIG_HOME XDG_CACHE_HOME WAYLAND_DISPLAY

step "Deriving the offline manifest"
flatpak-builder --show-manifest "$manifest" > "$workdir/manifest-full.json" \
  2> "$workdir/show-manifest.log" || { cat "$workdir/show-manifest.log" >&2; fail "the manifest does not parse"; }
sdk_files="$FLATPAK_SYSTEM_DIR/runtime/org.gnome.Sdk/$arch/49/active/files"
app_id=$(python3 - "$workdir/manifest-full.json" "$workdir/manifest.json" "$srcdir" \
                   "$sdk_files" <<'PY'
import glob, json, os, sys

full, out, srcdir, sdk = sys.argv[1:]
m = json.load(open(full))
assert m["runtime"] == "org.gnome.Platform" and m["sdk"] == "org.gnome.Sdk"
assert str(m["runtime-version"]) == "49"
*deps, app = m["modules"]

def provided(name):
    return any(glob.glob(os.path.join(sdk, pattern, name + ".pc"))
               for pattern in ("lib/pkgconfig", "lib/*/pkgconfig", "share/pkgconfig"))

for dep in deps:
    name = dep["name"]
    if not provided(name):
        sys.exit("module %s needs the network and the stand-in SDK has no %s.pc"
                 % (name, name))
    print("# module %s: the stand-in SDK has it, not built here" % name, file=sys.stderr)

dirs = [s for s in app["sources"] if s.get("type") == "dir"]
assert len(dirs) == 1 and dirs[0]["path"] == "..", "the app must build from the checkout"
dirs[0]["path"] = srcdir
m["modules"] = [app]
json.dump(m, open(out, "w"), indent=2)
print(m["id"])
PY
)

step "Building $app_id with flatpak-builder"
# rofiles-fuse needs FUSE, which a build root or a container may not have.
if ! flatpak-builder --user --install --force-clean --disable-rofiles-fuse \
       --state-dir="$workdir/state" "$workdir/app" "$workdir/manifest.json" \
       > "$workdir/flatpak-builder.log" 2>&1; then
  tail -n 60 "$workdir/flatpak-builder.log" >&2
  fail "flatpak-builder failed (log: $workdir/flatpak-builder.log)"
fi
grep -q "^Running: meson test" "$workdir/flatpak-builder.log" \
  || fail "the manifest's own test step did not run"
flatpak info --user "$app_id" > /dev/null || fail "$app_id is not installed"

step "Checking the sandbox's permissions"
perms=$(flatpak info --user --show-permissions "$app_id")
echo "$perms" | sed 's/^/#   /'
python3 - "$perms" <<'PY' || fail "the sandbox's permissions are not the intended ones"
import configparser, sys
p = configparser.ConfigParser(delimiters=("=",))
p.read_string(sys.argv[1])
ctx = p["Context"]
def values(key):
    return {v for v in ctx.get(key, "").split(";") if v}
errors = []
if "network" in values("shared"):
    errors.append("it has the network")
if values("shared") != {"ipc"}:
    errors.append("shared is %s, not just ipc" % sorted(values("shared")))
if values("filesystems"):
    errors.append("it sees files outside its own folder: %s" % sorted(values("filesystems")))
# Flatpak writes --socket=fallback-x11 as x11 too, for versions that do not know it;
# a Flatpak that does uses X11 only where there is no Wayland.
want = {"wayland", "fallback-x11", "x11", "pulseaudio"}
if values("sockets") != want:
    errors.append("sockets are %s, not %s" % (sorted(values("sockets")), sorted(want)))
if values("devices") != {"dri"}:
    errors.append("devices are %s, not just dri" % sorted(values("devices")))
for section in p.sections():
    if "Policy" in section or section in ("Session Bus Policy", "System Bus Policy"):
        errors.append("it talks to D-Bus names beyond its own: [%s]" % section)
if errors:
    sys.exit("\n".join(errors))
PY

step "Starting it with flatpak run"
data="$HOME/.var/app/$app_id/data"
shot="$data/flatpak-screenshot.png"
mkdir -p "$data"
# The same software renderer as the rest of the suite; the settings are the defaults
# (a fresh home), so the window has its default size.
if ! timeout 120 flatpak run --user --env=GSK_RENDERER=cairo --env=GDK_BACKEND=x11 \
       "$app_id" --screenshot "$shot" > "$workdir/run.log" 2>&1; then
  cat "$workdir/run.log" >&2
  fail "flatpak run failed"
fi
[ -f "$shot" ] || { cat "$workdir/run.log" >&2; fail "no screenshot in $data"; }
cp "$shot" "$workdir/flatpak-screenshot.png"

step "Drawing the same window outside the sandbox, with this build's unknot"
native="$workdir/native-screenshot.png"
rm -f "$native"
if ! GSETTINGS_SCHEMA_DIR="$schemas" GSETTINGS_BACKEND=memory GSK_RENDERER=cairo \
     GDK_BACKEND=x11 timeout 60 "$exe" --screenshot "$native" > "$workdir/native.log" 2>&1; then
  cat "$workdir/native.log" >&2
  fail "the build's own unknot could not draw its window"
fi

step "Checking the picture"
python3 - "$shot" "$native" <<'PY' || fail "the screenshot is not the window"
import struct, sys, zlib

path, native = sys.argv[1:]
want = struct.unpack(">II", open(native, "rb").read()[16:24])

data = open(path, "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
pos, idat, ihdr = 8, b"", None
while pos < len(data):
    length, kind = struct.unpack(">I4s", data[pos:pos + 8])
    body = data[pos + 8:pos + 8 + length]
    if kind == b"IHDR":
        ihdr = struct.unpack(">IIBBBBB", body)
    elif kind == b"IDAT":
        idat += body
    pos += 12 + length
width, height, depth, colour, _, _, interlace = ihdr
print("# %s: %d×%d, %d-bit, colour type %d" % (path, width, height, depth, colour))
assert (width, height) == want, "%d×%d, not the %d×%d of the window outside" % (width, height, *want)
assert depth == 8 and colour in (2, 6) and interlace == 0, "unexpected PNG format"

# Undo the PNG row filters and count the colours.
bpp = 3 if colour == 2 else 4
stride = width * bpp
raw = zlib.decompress(idat)
prev = bytearray(stride)
colours = set()
for y in range(height):
    f = raw[y * (stride + 1)]
    row = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
    for i in range(stride):
        a = row[i - bpp] if i >= bpp else 0
        b = prev[i]
        c = prev[i - bpp] if i >= bpp else 0
        if f == 1:
            row[i] = (row[i] + a) & 255
        elif f == 2:
            row[i] = (row[i] + b) & 255
        elif f == 3:
            row[i] = (row[i] + (a + b) // 2) & 255
        elif f == 4:
            p = a + b - c
            pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            row[i] = (row[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
    if y % 4 == 0:
        colours.update(bytes(row[x:x + 3]) for x in range(0, stride, bpp * 2))
    prev = row
print("# %d colours in the sampled pixels" % len(colours))
assert len(colours) >= 16, "the picture is blank (%d colours)" % len(colours)
PY

step "Checking the app's data stayed in its own folder"
[ -d "$HOME/.var/app/$app_id" ] || fail "no ~/.var/app/$app_id"
echo "ok: $app_id built, installed, started and drawn in its sandbox"
