#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Regenerates po/qingting.pot from POTFILES.in, folds in the translations
# waiting in po/pending/*.po, and merges zh_CN.po with the new template.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
grep -v '^#' po/POTFILES.in | sed '/^$/d' > /tmp/qing-potfiles.$$
xgettext --files-from=/tmp/qing-potfiles.$$ --output=po/qingting.pot --from-code=UTF-8 \
  --add-comments --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dngettext:2,3 --keyword=ngettext:1,2 --package-name=qingting
rm -f /tmp/qing-potfiles.$$
cd po
shopt -s nullglob
pending=(pending/*.po)
if [ "${#pending[@]}" -gt 0 ]; then
  # existing translations win; pending ones fill the gaps
  msgcat --use-first zh_CN.po "${pending[@]}" -o zh_CN.po.new
  mv zh_CN.po.new zh_CN.po
fi
msgmerge --quiet --update --backup=none --no-fuzzy-matching zh_CN.po qingting.pot
msgattrib --no-obsolete -o zh_CN.po zh_CN.po
msgfmt --check --statistics -o /dev/null zh_CN.po
