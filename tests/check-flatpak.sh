#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The Flatpak manifest parses (flatpak-builder --show-manifest works offline),
# names the program and the permissions the app needs, and every local path
# it names exists.  Skips (77) where flatpak-builder is not installed.
set -euo pipefail
top="$1"
manifest="$top/flatpak/io.github.qingting.Qingting.json"
command -v flatpak-builder >/dev/null || { echo "flatpak-builder is not installed"; exit 77; }

shown="$(flatpak-builder --show-manifest "$manifest")"
MANIFEST_DIR="$(dirname "$manifest")" python3 - "$shown" <<'PY'
import json, os, sys
m = json.loads(sys.argv[1])
base = os.environ["MANIFEST_DIR"]
errors = []
def need(cond, what):
    if not cond:
        errors.append(what)
need(m.get("id") == "io.github.qingting.Qingting", "id is io.github.qingting.Qingting")
need(m.get("command") == "qingting", "command is qingting")
need(m.get("runtime") == "org.gnome.Platform" and m.get("sdk") == "org.gnome.Sdk",
     "GNOME runtime and SDK")
need(str(m.get("runtime-version", "")).isdigit(), "a numbered GNOME runtime version")
args = set(m.get("finish-args", []))
for a in ("--share=ipc", "--socket=fallback-x11", "--socket=wayland", "--device=dri"):
    need(a in args, "finish-arg " + a)
need(not any(a.startswith("--filesystem=home") or a == "--filesystem=host" for a in args),
     "no access to the whole home folder")
mods = [x for x in m.get("modules", []) if isinstance(x, dict)]
app = [x for x in mods if x.get("name") == "qingting"]
need(len(app) == 1 and app[0].get("buildsystem") == "meson", "one meson module named qingting")
need(app and app[0].get("run-tests") is True, "tests run in the build")
def walk(modules):
    for mod in modules:
        if not isinstance(mod, dict):
            continue
        for src in mod.get("sources", []):
            if isinstance(src, dict) and "path" in src:
                p = os.path.normpath(os.path.join(base, src["path"]))
                need(os.path.exists(p), "path %s exists" % src["path"])
        walk(mod.get("modules", []))
walk(mods)
need(os.path.exists(os.path.join(base, "..", "meson.build")), "the checkout has meson.build")
for e in errors:
    print("not ok:", e)
sys.exit(1 if errors else 0)
PY
echo "manifest ok"
