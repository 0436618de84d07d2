#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The one place that knows what Qingting needs on a Debian 12 machine.
#
#   build-aux/setup.sh run    install what is missing, build, launch the app
#   build-aux/setup.sh test   install what is missing, build, run every test headless
#   build-aux/setup.sh deps   only install what is missing
#   build-aux/setup.sh build  install what is missing and build
#
# Run as root it installs the missing packages itself; otherwise it prints the
# single `sudo apt-get install …` line to run and stops.
set -euo pipefail

top="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
builddir="${QING_BUILDDIR:-$top/build}"

# Build: compiler, toolkit, storage, notifications, translations, data validators.
BUILD_PACKAGES=(
  gcc pkg-config meson ninja-build gettext locales
  libglib2.0-dev libglib2.0-dev-bin libgtk-4-dev libadwaita-1-dev
  libsqlite3-dev libnotify-dev
  appstream desktop-file-utils
  unicode-data
)
# Headless tests: an X server, a private session bus, a real notification
# server, Chinese fonts and locales, screenshots, manifest parsing.
TEST_PACKAGES=(
  xvfb xauth dbus dbus-x11 dunst libnotify-bin
  fonts-noto-cjk locales xdotool imagemagick
  flatpak-builder python3
)

missing_packages () {
  local p
  for p in "$@"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
      printf '%s\n' "$p"
    fi
  done
}

missing_locales () {
  local l
  for l in zh_CN en_US; do
    locale -a 2>/dev/null | grep -qix "$l.utf8" || printf '%s.UTF-8\n' "$l"
  done
}

# Installs the missing packages and locales (zh_CN for pinyin collation and
# the Chinese UI, en_US for the tests).  Without root, prints the one command
# that does it and stops.
ensure_system () {
  local packages locales
  mapfile -t packages < <(missing_packages "$@")
  mapfile -t locales < <(missing_locales)
  [ "${#packages[@]}" -eq 0 ] && [ "${#locales[@]}" -eq 0 ] && return 0

  local steps=()
  [ "${#packages[@]}" -gt 0 ] && steps+=("apt-get update && apt-get install -y --no-install-recommends ${packages[*]}")
  if [ "${#locales[@]}" -gt 0 ]; then
    local l gen=""
    for l in "${locales[@]}"; do
      gen+="echo '$l UTF-8' >> /etc/locale.gen && "
    done
    steps+=("${gen}locale-gen")
  fi
  local joined
  joined="$(printf ' && %s' "${steps[@]}")"
  joined="${joined# && }"

  if [ "$(id -u)" -eq 0 ]; then
    echo "Installing: ${packages[*]} ${locales[*]}"
    DEBIAN_FRONTEND=noninteractive sh -c "$joined" >/dev/null
  else
    echo "Qingting needs some Debian packages or locales first. Run:"
    echo
    echo "  sudo sh -c \"$joined\""
    echo
    echo "then run this command again."
    exit 1
  fi
}

build () {
  if [ ! -f "$builddir/build.ninja" ]; then
    meson setup "$builddir" "$top" -Dwerror=true
  fi
  meson compile -C "$builddir"
}

# Environment for running straight from the build tree.
build_tree_env () {
  export GSETTINGS_SCHEMA_DIR="$builddir/data"
  export QING_LOCALEDIR="$builddir/po"
}

cmd="${1:-}"
case "$cmd" in
  deps)
    ensure_system "${BUILD_PACKAGES[@]}" "${TEST_PACKAGES[@]}"
    ;;
  build)
    ensure_system "${BUILD_PACKAGES[@]}"
    build
    ;;
  run)
    ensure_system "${BUILD_PACKAGES[@]}"
    build
    shift
    build_tree_env
    exec "$builddir/src/qingting" "$@"
    ;;
  test)
    ensure_system "${BUILD_PACKAGES[@]}" "${TEST_PACKAGES[@]}"
    build
    shift
    exec "$top/tests/headless-session.sh" \
      meson test -C "$builddir" --print-errorlogs --num-processes 2 "$@"
    ;;
  *)
    sed -n '4,12p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
    exit 2
    ;;
esac
