#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The data files the app ships are there and agree with each other: icons
# (well-formed SVG, scalable and symbolic), the desktop file's Icon and Exec,
# the metainfo's launchable, and every screenshot it names in data/screenshots.
set -euo pipefail
top="$1"
cd "$top/data"
app_id=io.github.qingting.Qingting
status=0
fail () { echo "not ok: $*"; status=1; }

for svg in "icons/hicolor/scalable/apps/$app_id.svg" \
           "icons/hicolor/symbolic/apps/$app_id-symbolic.svg"; do
  [ -f "$svg" ] || { fail "$svg is missing"; continue; }
  python3 -c 'import sys, xml.dom.minidom as m; d = m.parse(sys.argv[1]); sys.exit(d.documentElement.tagName != "svg")' "$svg" \
    || fail "$svg is not a well-formed SVG"
done

grep -qx "Icon=$app_id" "$app_id.desktop.in" || fail "desktop file: Icon is not $app_id"
grep -qx "Exec=qingting" "$app_id.desktop.in" || fail "desktop file: Exec is not qingting"
grep -q "<launchable type=\"desktop-id\">$app_id.desktop</launchable>" "$app_id.metainfo.xml.in" \
  || fail "metainfo: launchable is not $app_id.desktop"

shots="$(grep -o 'raw.githubusercontent.com/qingting/qingting/main/data/screenshots/[^<]*' \
          "$app_id.metainfo.xml.in" | sed 's|.*/data/||')"
[ -n "$shots" ] || fail "metainfo names no screenshot"
grep -q 'xml:lang="zh-CN"' "$app_id.metainfo.xml.in" || fail "metainfo has no zh_CN screenshot"
for shot in $shots; do
  [ -f "$shot" ] || fail "metainfo names $shot, which is missing"
  head -c 8 "$shot" 2>/dev/null | grep -q PNG || fail "$shot is not a PNG"
done

for key in roles background reminder-time digest-time crisis-steps window-width; do
  grep -q "<key name=\"$key\"" "$app_id.gschema.xml" || fail "gschema lacks the key $key"
done
[ "$status" -eq 0 ] && echo "data files ok"
exit "$status"
