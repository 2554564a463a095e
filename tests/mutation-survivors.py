#!/usr/bin/env python3
"""Lists the mutants a Stryker run left alive (Survived, NoCoverage; Timeout with --timeouts), one line each:
file:line, mutator, the original code and its replacement. Used to write docs/mutation.md's survivor tables.
Usage: tests/mutation-survivors.py StrykerOutput/<run>/reports/mutation-report.json [--timeouts] [glob...]
(globs as in tests/mutation.sh, e.g. '**/Expire/RecycleBin*.cs'; none = every mutated file)."""
import fnmatch
import json
import sys

args = sys.argv[1:]
if not args:
    sys.exit(__doc__)
path, rest = args[0], args[1:]
statuses = {"Survived", "NoCoverage"} | ({"Timeout"} if "--timeouts" in rest else set())
patterns = ["*/" + g.removeprefix("**/") for g in rest if g != "--timeouts"]
report = json.load(open(path, encoding="utf-8"))
count = 0
for name, f in sorted(report["files"].items()):
    norm = "/" + name.replace("\\", "/")
    if patterns and not any(fnmatch.fnmatch(norm, p) for p in patterns):
        continue
    lines = f["source"].splitlines()
    for m in sorted(f["mutants"], key=lambda m: (m["location"]["start"]["line"], m["location"]["start"]["column"])):
        if m["status"] not in statuses:
            continue
        start, end = m["location"]["start"], m["location"]["end"]
        if start["line"] == end["line"]:
            original = lines[start["line"] - 1][start["column"] - 1:end["column"] - 1]
        else:
            original = lines[start["line"] - 1][start["column"] - 1:] + " …"
        short = lambda s: " ".join(s.split())[:140]
        print(f"{norm.split('/src/')[-1]}:{start['line']} [{m['status']}] {m['mutatorName']}: "
              f"`{short(original)}` -> `{short(m.get('replacement', ''))}`")
        count += 1
print(f"{count} mutants listed", file=sys.stderr)
