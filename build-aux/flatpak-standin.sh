#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# build-aux/flatpak-standin.sh CMD [ARGS…]
#
# Runs CMD with a stand-in org.gnome.Platform//49 and org.gnome.Sdk//49 at hand, for
# building and running the Flatpak where the real GNOME runtime cannot be downloaded.
# Both are made, once, from this system's own /usr: inside the Debian 13 build root that
# is GTK 4.18, libadwaita 1.7, GSound and the build tools flatpak-builder needs (including
# elfutils' eu-strip and debugedit for its debuginfo step).
#
# They live in a private Flatpak installation under UNKNOT_FLATPAK_CACHE (build-aux/dev
# binds a folder kept beside the build root, keyed on the same hash, there), or else under
# $XDG_CACHE_HOME/unknot/flatpak-native. Nothing is written into the source tree or into
# the machine's own Flatpak installations. CMD gets that installation as FLATPAK_SYSTEM_DIR,
# where flatpak and flatpak-builder find runtimes, and a shared lock on it for as long as
# it runs, so that no other run removes it meanwhile.
#
# The stand-in is made again when the packages of this system change (the key is a hash
# of dpkg's status file) or when this script changes. Making it takes about a minute and
# 1.2 GB in the build root. A /usr of more than 4 GB is not copied: the script then exits
# with 77, which meson counts as a skipped test.

set -euo pipefail

[ $# -gt 0 ] || { echo "usage: $0 CMD [ARGS…]" >&2; exit 2; }

say() { printf '==> %s\n' "$*" >&2; }
die() { printf 'flatpak-standin: %s\n' "$*" >&2; exit 1; }

for tool in flatpak ostree flock sha256sum; do
  command -v "$tool" >/dev/null || die "$tool is needed to make the stand-in runtime"
done

cache=${UNKNOT_FLATPAK_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/unknot/flatpak-native}
arch=$(flatpak --default-arch)
branch=49

packages_fingerprint() {
  if [ -r /var/lib/dpkg/status ]; then
    cat /var/lib/dpkg/status
  elif command -v rpm >/dev/null; then
    rpm -qa --qf '%{NAME}-%{VERSION}-%{RELEASE}.%{ARCH}\n' | sort
  else
    # No package database: the shape of /usr has to do.
    { find /usr/lib /usr/lib64 /usr/share/pkgconfig -maxdepth 2 -printf '%p %s %T@\n' \
        2>/dev/null || true; } | sort
  fi
}
key=$( { packages_fingerprint; cat "${BASH_SOURCE[0]}"; echo "$arch"; } | sha256sum | cut -c1-16)
dir="$cache/standin-$key"
installation="$dir/installation"
stamp="$installation/.unknot-standin-complete"

mkdir -p "$cache"
exec 9>>"$cache/standin-$key.lock"

make_standin() {
  # A build root's /usr is about 1.3 GB; a desktop's can be ten times that, which is no
  # stand-in to copy for a test. Exit status 77 is meson's "skipped".
  local usr_mb
  usr_mb=$(du -sxm /usr | cut -f1)
  if [ "$usr_mb" -gt 4096 ]; then
    say "/usr has $usr_mb MB, too much to copy into a stand-in runtime: skipped." \
      "Run the tests in the Debian 13 build root instead (UNKNOT_BUILDROOT=1 build-aux/dev test)."
    exit 77
  fi

  local tmp="$dir.partial"
  rm -rf "$tmp" "$dir"
  mkdir -p "$tmp"
  say "Making the stand-in org.gnome.Platform//$branch and org.gnome.Sdk//$branch from /usr (once) in $dir"
  local start=$SECONDS

  # flatpak build-export --runtime takes the runtime's files from usr/ and wants files/
  # and a metadata file beside it. /etc goes to usr/etc, which Flatpak shows as the
  # sandbox's /etc (fontconfig, the dynamic linker's search path, …), less what Flatpak
  # provides itself.
  local tree="$tmp/tree"
  mkdir -p "$tree/files"
  cp -a /usr "$tree/usr"
  cp -a /etc "$tree/usr/etc"
  rm -rf "$tree/usr/etc/"{passwd,group,shadow,gshadow,hostname,hosts,resolv.conf} \
    "$tree/usr/etc/"{localtime,machine-id,mtab} \
    "$tree/usr/share/doc" "$tree/usr/share/man" "$tree/usr/share/info"
  say "  copied /usr and /etc: $((SECONDS - start)) s"

  # The export repository is of the installation's own kind (bare-user-only, not the
  # usual compressed archive): installing from it is a local pull that hardlinks every
  # object instead of compressing and unpacking 1 GB, which takes minutes on a small
  # machine. Platform and Sdk are the same tree, so the second export adds no objects.
  local repo="$tmp/repo" name
  ostree init --repo="$repo" --mode=bare-user-only
  for name in org.gnome.Platform org.gnome.Sdk; do
    cat > "$tree/metadata" <<META
[Runtime]
name=$name
runtime=org.gnome.Platform/$arch/$branch
sdk=org.gnome.Sdk/$arch/$branch
META
    flatpak build-export --runtime --arch="$arch" --disable-fsync --no-update-summary \
      --subject="Stand-in $name//$branch, made from /usr" "$repo" "$tree" "$branch" >/dev/null
  done
  flatpak build-update-repo "$repo" >/dev/null
  rm -rf "$tree"
  say "  exported both: $((SECONDS - start)) s"

  local user_dir="$tmp/installation"
  FLATPAK_USER_DIR="$user_dir" flatpak --user remote-add --no-gpg-verify standin "file://$repo"
  FLATPAK_USER_DIR="$user_dir" flatpak --user install --noninteractive -y --no-related \
    standin "runtime/org.gnome.Platform/$arch/$branch" "runtime/org.gnome.Sdk/$arch/$branch" \
    >/dev/null
  # The export repository was only the way in; the installation holds its own links.
  FLATPAK_USER_DIR="$user_dir" flatpak --user remote-delete --force standin
  rm -rf "$repo"

  touch "$user_dir/.unknot-standin-complete"
  mv "$tmp" "$dir"
  say "Stand-in runtime ready after $((SECONDS - start)) s ($(du -sh "$dir" | cut -f1) on disk)"
}

# Made under an exclusive lock; used under a shared one.
while :; do
  flock -s 9
  [ -f "$stamp" ] && break
  flock -u 9
  flock -x 9
  [ -f "$stamp" ] || make_standin
  flock -u 9
done

# Stand-ins made under other keys are removed, unless a run is still using one.
for old in "$cache"/standin-*.lock; do
  [ "$old" = "$cache/standin-$key.lock" ] && continue
  (
    flock -n -x 8 || exit 0
    rm -rf "${old%.lock}" "${old%.lock}.partial" "$old"
  ) 8>>"$old"
done

export FLATPAK_SYSTEM_DIR="$installation"
exec "$@"
