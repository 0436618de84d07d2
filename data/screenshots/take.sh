#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Takes a screenshot of Qingting from a build tree, headless.
#
#   data/screenshots/take.sh BUILDDIR OUT.png [LANG] [WIDTHxHEIGHT] [light|dark] [ROLES] [INPUT] [AREA]
#
#   LANG   zh_CN (default) or en
#   ROLES  comma-separated roles held, e.g. parent,mentor; empty shows the welcome page
#   INPUT  xdotool commands run on the window first, e.g. "key ctrl+comma" or
#          "mousemove --window %w 740 422 click 1" (%w is the window)
#   AREA   window (default) or screen, to include windows the input opened
#
# Settings live in a throw-away keyfile backend, so the window opens at the
# size asked for and with the roles given; ADW_DEBUG_COLOR_SCHEME=prefer-dark
# stands for a desktop set to dark.
set -euo pipefail

builddir="$(cd "$1" && pwd)"
out="$2"
lang="${3:-zh_CN}"
size="${4:-1280x800}"
scheme="${5:-light}"
roles="${6:-}"
input="${7:-}"
area="${8:-window}"
width="${size%x*}"
height="${size#*x}"

if [ "${QING_IN_SCREENSHOT_SESSION:-}" != "1" ]; then
  tmp="$(mktemp -d "${TMPDIR:-/tmp}/qingting-shot.XXXXXX")"
  trap 'rm -rf "$tmp"' EXIT
  mkdir -p "$tmp/home" "$tmp/data" "$tmp/config" "$tmp/cache"
  export HOME="$tmp/home" XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config"
  export XDG_CACHE_HOME="$tmp/cache" QING_IN_SCREENSHOT_SESSION=1
  exec xvfb-run -a -s "-screen 0 $((width + 100))x$((height + 100))x24" \
    dbus-run-session -- "$0" "$@"
fi

export GSETTINGS_BACKEND=keyfile GSETTINGS_SCHEMA_DIR="$builddir/data"
export QING_LOCALEDIR="$builddir/po" GDK_DEBUG=gl-disable NO_AT_BRIDGE=1 GTK_A11Y=none
case "$lang" in
  zh_CN) export LANG=zh_CN.UTF-8 LANGUAGE=zh_CN ;;
  *)     export LANG=en_US.UTF-8 LANGUAGE=en ;;
esac
[ "$scheme" = dark ] && export ADW_DEBUG_COLOR_SCHEME=prefer-dark

schema=io.github.qingting.Qingting
gsettings set $schema window-width "$width"
gsettings set $schema window-height "$height"
if [ -n "$roles" ]; then
  gsettings set $schema roles "['${roles//,/\',\'}']"
fi

"$builddir/src/qingting" --database "$XDG_DATA_HOME/qingting.db" >/dev/null 2>&1 &
app=$!
win=""
for _ in $(seq 1 100); do
  win="$(xdotool search --onlyvisible --class qingting 2>/dev/null | head -1 || true)"
  [ -n "$win" ] && break
  sleep 0.1
done
[ -n "$win" ] || { echo "The window did not appear"; kill "$app"; exit 1; }
sleep 1.5 # let the first frames and fonts settle
if [ -n "$input" ]; then
  xdotool windowfocus --sync "$win"
  # shellcheck disable=SC2086 # the commands are words on purpose
  xdotool ${input//%w/$win}
  sleep 1.5
fi
if [ "$area" = screen ]; then
  import -window root "$out"
else
  import -window "$win" "$out"
fi
kill "$app"
wait "$app" 2>/dev/null || true
echo "$out"
