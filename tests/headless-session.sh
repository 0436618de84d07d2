#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Runs a command inside a throw-away desktop session: an Xvfb display, a
# private D-Bus session bus, a real notification server (dunst), and HOME and
# the XDG folders in a temporary directory, so tests never touch the real ones.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

if [ "${QING_IN_HEADLESS_SESSION:-}" != "1" ]; then
  tmp="$(mktemp -d "${TMPDIR:-/tmp}/qingting-test.XXXXXX")"
  trap 'rm -rf "$tmp"' EXIT
  mkdir -p "$tmp/home" "$tmp/data" "$tmp/config" "$tmp/cache" "$tmp/runtime" "$tmp/tmp"
  chmod 700 "$tmp/runtime"
  export HOME="$tmp/home" XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config"
  export XDG_CACHE_HOME="$tmp/cache" XDG_RUNTIME_DIR="$tmp/runtime" TMPDIR="$tmp/tmp"
  export QING_IN_HEADLESS_SESSION=1
  # A test that needs a display fails rather than skips inside this session.
  export QING_TEST_REQUIRE_DISPLAY=1
  status=0
  xvfb-run -a -s '-screen 0 1280x800x24' \
    dbus-run-session -- "$here/headless-session.sh" "$@" || status=$?
  exit "$status"
fi

# Inside the session: start dunst and wait until it owns the name, so that
# the first notification of a test does not race a D-Bus activated second one.
dunst -config "$here/dunstrc" >"$TMPDIR/dunst.log" 2>&1 &
dunst_pid=$!
trap 'kill "$dunst_pid" 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  if gdbus call --session --dest org.freedesktop.DBus --object-path /org/freedesktop/DBus \
       --method org.freedesktop.DBus.NameHasOwner org.freedesktop.Notifications 2>/dev/null \
       | grep -q true; then
    break
  fi
  sleep 0.05
done
"$@"
