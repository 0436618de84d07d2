#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Count individual test cases in meson's JUnit log and print the CI line.

Exits non-zero when any case failed or when no case ran at all."""
import sys
import xml.etree.ElementTree as ET

root = ET.parse(sys.argv[1]).getroot()
passed = failed = skipped = 0
for case in root.iter("testcase"):
    if case.find("failure") is not None or case.find("error") is not None:
        failed += 1
    elif case.find("skipped") is not None:
        skipped += 1
    else:
        passed += 1
for suite in root.iter("testsuite"):
    # a test program that crashed before printing its plan has no cases
    if int(suite.get("errors", 0)) and not list(suite.iter("testcase")):
        failed += 1
print(f"{passed} passed, {failed} failed, {skipped} skipped")
sys.exit(1 if failed or passed == 0 else 0)
