#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# bench-startup's yardsticks: tests/bench/bare-window as the empty window, with a card
# (--with-card) and with Unknot's frame (--with-frame). Each must draw its first frame
# under --exit-after-first-frame, print the three marks in order, once each, and quit
# by itself; a yardstick that cannot start would leave the benchmark with no ratio.
#
# Usage: test-bare-window.sh BARE-WINDOW
set -u

bare_window=$1
out=$(mktemp)
err=$(mktemp)
trap 'rm -f "$out" "$err"' EXIT

fail() {
  echo "not ok: $*"
  echo "--- standard output:"; cat "$out"
  echo "--- standard error:"; cat "$err"
  exit 1
}

for mode in "" --with-card --with-frame; do
  name=${mode:-"the empty window"}
  # The bound on a start that never quits; a start takes well under a second.
  timeout 60 "$bare_window" $mode --exit-after-first-frame >"$out" 2>"$err"
  status=$?
  [ $status -eq 124 ] && fail "$name did not quit after its first frame (killed after 60 s)"
  [ $status -eq 0 ] || fail "$name exited with status $status"
  grep -q -E 'CRITICAL|WARNING' "$err" && fail "$name warned"

  previous=0
  for mark in activate presented first-frame; do
    line=$(grep -E "^$mark [0-9]+$" "$out" | head -n 1)
    [ -n "$line" ] || fail "$name printed no \"$mark\" mark"
    time=${line#"$mark "}
    [ "$time" -ge "$previous" ] || fail "$name: \"$mark\" ($time) came before the mark before it"
    previous=$time
  done
  [ "$(grep -cE '^(activate|presented|first-frame) ' "$out")" -eq 3 ] ||
    fail "$name printed a mark more than once"
  echo "ok: $name drew its first frame and quit"
done
