#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Fails when zh_CN.po has an untranslated, fuzzy or ill-formatted message, when
# a source string is missing from it, or when a file with translatable strings
# is missing from POTFILES.in.
set -euo pipefail
top="$1"
cd "$top"
status=0
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

for po in po/*.po; do
  stats="$(msgfmt --check --statistics -o /dev/null "$po" 2>&1)" || { echo "$po: $stats"; status=1; }
  case "$stats" in
    *untranslated*|*fuzzy*) echo "$po is not complete: $stats"; status=1 ;;
  esac
done

# Any source file from which xgettext extracts a message must be listed.
xgettext_args=(--from-code=UTF-8 --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2
               --keyword=g_dngettext:2,3 --keyword=ngettext:1,2)
missing=""
while read -r f; do
  grep -qxF "$f" po/POTFILES.in && continue
  rm -f "$tmp/one.pot"
  xgettext "${xgettext_args[@]}" --output="$tmp/one.pot" "$f" 2>/dev/null || true
  if [ -s "$tmp/one.pot" ] && grep -q '^msgid "[^"]' "$tmp/one.pot"; then
    missing="$missing$f"$'\n'
  fi
done < <(find src data -type f \( -name '*.c' -o -name '*.h' -o -name '*.ui' \
           -o -name '*.desktop.in' -o -name '*.metainfo.xml.in' \) | sort)
if [ -n "$missing" ]; then
  echo "Files with translatable strings missing from po/POTFILES.in:"
  printf '%s' "$missing"
  status=1
fi

grep -v '^#' po/POTFILES.in | sed '/^$/d' > "$tmp/files"
while read -r f; do
  [ -f "$f" ] || { echo "po/POTFILES.in names $f, which does not exist"; status=1; }
done < "$tmp/files"

xgettext "${xgettext_args[@]}" --files-from="$tmp/files" --output="$tmp/qingting.pot" \
  --add-comments --no-location 2>"$tmp/xgettext.log" \
  || { cat "$tmp/xgettext.log"; status=1; }
for po in po/*.po; do
  if ! msgcmp "$po" "$tmp/qingting.pot" 2>"$tmp/msgcmp.log"; then
    echo "$po lacks translations of these source strings:"
    cat "$tmp/msgcmp.log"
    status=1
  fi
done
exit "$status"
