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
  gcc pkg-config meson ninja-build gettext
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

ensure_packages () {
  local missing
  mapfile -t missing < <(missing_packages "$@")
  [ "${#missing[@]}" -eq 0 ] && return 0
  if [ "$(id -u)" -eq 0 ]; then
    echo "Installing: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}"
  else
    echo "Qingting needs these Debian packages first. Run:"
    echo
    echo "  sudo apt-get install --no-install-recommends ${missing[*]}"
    echo
    echo "then run this command again."
    exit 1
  fi
}

# Chinese collation (names in pinyin order) and the tests need these locales.
ensure_locales () {
  local need=()
  locale -a 2>/dev/null | grep -qix 'zh_CN.utf8' || need+=(zh_CN.UTF-8)
  locale -a 2>/dev/null | grep -qix 'en_US.utf8' || need+=(en_US.UTF-8)
  [ "${#need[@]}" -eq 0 ] && return 0
  if [ "$(id -u)" -eq 0 ]; then
    local l
    for l in "${need[@]}"; do
      if grep -q "^# *$l UTF-8" /etc/locale.gen; then
        sed -i "s/^# *$l UTF-8/$l UTF-8/" /etc/locale.gen
      elif ! grep -q "^$l UTF-8" /etc/locale.gen; then
        echo "$l UTF-8" >> /etc/locale.gen
      fi
    done
    locale-gen >/dev/null
  else
    echo "Qingting needs the locales ${need[*]}. Run:"
    echo
    echo "  sudo sh -c \"sed -i 's/^# *\\(zh_CN.UTF-8\\|en_US.UTF-8\\) UTF-8/\\1 UTF-8/' /etc/locale.gen && locale-gen\""
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
    ensure_packages "${BUILD_PACKAGES[@]}" "${TEST_PACKAGES[@]}"
    ensure_locales
    ;;
  build)
    ensure_packages "${BUILD_PACKAGES[@]}"
    build
    ;;
  run)
    ensure_packages "${BUILD_PACKAGES[@]}"
    build
    shift
    build_tree_env
    exec "$builddir/src/qingting" "$@"
    ;;
  test)
    ensure_packages "${BUILD_PACKAGES[@]}" "${TEST_PACKAGES[@]}"
    ensure_locales
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
