#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Count individual test cases from meson's logs and print the CI line.

Cases come from the JUnit log (one per g_test case for TAP tests, one per
program otherwise).  A test program that failed without a failing case on
record — it crashed, bailed out on a failed assertion, or timed out — adds
one failure, so the line never reads "0 failed" when meson saw a failure.
Exits non-zero when anything failed or when nothing ran."""
import json
import os
import sys
import xml.etree.ElementTree as ET

BAD = {"FAIL", "ERROR", "TIMEOUT", "UNEXPECTEDPASS", "INTERRUPT"}

junit = sys.argv[1]
passed = failed = skipped = 0
failing = set()  # test names with at least one failing case on record
root = ET.parse(junit).getroot()
for case in root.iter("testcase"):
    if case.find("failure") is not None or case.find("error") is not None:
        failed += 1
        # TAP programs: classname "qingting.qingting:core / csv"; others: name
        cls = case.get("classname", "")
        failing.add(cls.split(".", 1)[1] if "." in cls else case.get("name", ""))
    elif case.find("skipped") is not None:
        skipped += 1
    else:
        passed += 1

log = os.path.join(os.path.dirname(junit), "testlog.json")
if os.path.exists(log):
    with open(log) as f:
        for line in f:
            test = json.loads(line)
            if test.get("result") in BAD and test.get("name") not in failing:
                failed += 1
else:
    failed += 1

print(f"{passed} passed, {failed} failed, {skipped} skipped")
sys.exit(1 if failed or passed == 0 else 0)
