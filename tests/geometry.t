#!/bin/sh
# geometry.t - the golden set through the PDF path (TAP).
#
# Each corpus/pdf/basic-*.pdf goes through the whole pipeline
# (pdf2text | dehyphenate | table-segment | row-align | to-jsonl --cells)
# and must score F1 = 1.0 on all three measures (adjacency, cells,
# values) against corpus/truth/basic-*.jsonl.  The scorer is the
# project's own scripts/score; on a checkout without it the cell records
# are compared directly: the same (table, row, col, rowspan, colspan,
# header, text) set.
#
# Environment: RETABLE_BIN (the programs), RETABLE_TOP (the source tree).
set -eu

top=${RETABLE_TOP:-$(cd "$(dirname "$0")/.." && pwd)}
bin=${RETABLE_BIN:-$top/build/bin}
score=$top/scripts/score
tmp=$(mktemp -d "${TMPDIR:-/tmp}/geometry-t.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

set -- "$top"/corpus/pdf/basic-*.pdf
[ -f "$1" ] || { echo "1..0 # skip no golden PDFs in corpus/pdf"; exit 0; }
echo "1..$#"

n=0
for pdf in "$@"; do
	n=$((n + 1))
	name=$(basename "$pdf" .pdf)
	truth=$top/corpus/truth/$name.jsonl
	mkdir -p "$tmp/pred-$name" "$tmp/truth-$name"
	pred=$tmp/pred-$name/$name.jsonl
	if ! "$bin/pdf2text" "$pdf" 2>"$tmp/err" | "$bin/dehyphenate" |
	    "$bin/table-segment" | "$bin/row-align" |
	    "$bin/to-jsonl" --cells >"$pred" 2>>"$tmp/err"; then
		echo "not ok $n - $name: the pipeline failed"
		sed 's/^/# /' "$tmp/err" | head -5
		continue
	fi
	cp "$truth" "$tmp/truth-$name/"
	if [ -x "$score" ]; then
		"$score" "$tmp/truth-$name" "$tmp/pred-$name" --json >"$tmp/score"
		verdict=$(python3 -c '
import json, sys
s = json.load(open(sys.argv[1]))["summary"]
bad = ["%s %.4f" % (m, s[m]["f1"]) for m in ("adjacency", "cells", "values")
       if m in s and s[m]["f1"] < 1.0]
print("; ".join(bad))' "$tmp/score")
	else
		verdict=$(python3 -c '
import json, sys
def cells(path):
    out = set()
    for line in open(path, encoding="utf-8"):
        r = json.loads(line)
        if r.get("type") == "cell":
            out.add((r["table"], r["row"], r["col"], r["rowspan"],
                     r["colspan"], bool(r["header"]), r["text"]))
    return out
t, p = cells(sys.argv[1]), cells(sys.argv[2])
if t != p:
    print("%d cells missing, %d extra" % (len(t - p), len(p - t)))' \
		    "$truth" "$pred")
	fi
	if [ -z "$verdict" ]; then
		echo "ok $n - $name: every cell, header path and value as its truth"
	else
		echo "not ok $n - $name: $verdict"
	fi
done
