#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# tests/bench/first-frame-probe.c times a peer application that has no
# --exit-after-first-frame (bench-startup starts GNOME Clocks with it). Here it is
# preloaded into tests/bench/bare-window started without options, which then prints
# nothing of its own and would run until closed: the probe must print the three marks
# in order, and quit the application after its first frame.
#
# Usage: test-first-frame-probe.sh PROBE BARE-WINDOW
set -u

probe=$1
bare_window=$2
out=$(mktemp)
err=$(mktemp)
trap 'rm -f "$out" "$err"' EXIT

fail() {
  echo "not ok: $*"
  echo "--- standard output:"; cat "$out"
  echo "--- standard error:"; cat "$err"
  exit 1
}

[ -f "$probe" ] || fail "no probe library at $probe"

# The bound on a start that never quits; a start takes well under a second.
LD_PRELOAD="${LD_PRELOAD:+$LD_PRELOAD:}$probe" timeout 60 "$bare_window" >"$out" 2>"$err"
status=$?
[ $status -eq 124 ] && fail "the window did not quit after its first frame (killed after 60 s)"
[ $status -eq 0 ] || fail "the window exited with status $status"

previous=0
for mark in activate presented first-frame; do
  line=$(grep -E "^$mark [0-9]+$" "$out" | head -n 1)
  [ -n "$line" ] || fail "no \"$mark\" mark"
  time=${line#"$mark "}
  [ "$time" -ge "$previous" ] || fail "\"$mark\" ($time) came before the mark before it ($previous)"
  previous=$time
done

[ "$(grep -cE '^(activate|presented|first-frame) ' "$out")" -eq 3 ] ||
  fail "a mark was printed more than once"

echo "ok: activate, presented and first-frame printed in order, and the window quit"
