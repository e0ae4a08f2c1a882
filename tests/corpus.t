#!/bin/sh
# corpus.t - the evaluation corpus and its scorer (TAP).
#
# Checks what the committed corpus promises without LibreOffice or
# Chromium: every PDF has its truth and both text dumps, the truth parses
# and is complete, its arithmetic holds within the designed 0.01 tails,
# scripts/score gives 1.0 for the truth against itself and less for a
# damaged copy, and (when ../shared is there) agrees with tableval.py.
set -eu

top=${RETABLE_TOP:-$(cd "$(dirname "$0")/.." && pwd)}
shared=${RETABLE_SHARED:-$top/../shared}
corpus=$top/corpus
score=$top/scripts/score
tmp=$(mktemp -d "${TMPDIR:-/tmp}/corpus-t.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

n=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); echo "not ok $n - $1"; }
skip() { n=$((n + 1)); echo "ok $n # skip $1"; }
check() { # check DESCRIPTION COMMAND...: ok when the command succeeds
	d=$1
	shift
	if "$@" >"$tmp/out" 2>&1; then ok "$d"; else
		not_ok "$d"
		sed 's/^/# /' "$tmp/out" | head -20
	fi
}

echo "1..13"

# 1. every PDF has its truth and its two dumps; the basic set is there
files_ok() {
	found=0
	for pdf in "$corpus"/pdf/*.pdf; do
		name=$(basename "$pdf" .pdf)
		found=$((found + 1))
		for f in "$corpus/pdf/$name.raw.txt" "$corpus/pdf/$name.txt" \
			"$corpus/truth/$name.jsonl" "$corpus/truth/$name.records.jsonl" \
			"$corpus/truth/$name.checks.jsonl"; do
			[ -s "$f" ] || { echo "missing or empty: $f"; return 1; }
		done
	done
	for b in 1 2 3 4 5; do
		[ -f "$corpus/pdf/basic-0$b.pdf" ] || { echo "no basic-0$b.pdf"; return 1; }
	done
	[ "$found" -ge 24 ] || { echo "only $found documents"; return 1; }
}
check "every corpus PDF has its truth and both text dumps" files_ok

# 2-4. the truth parses, is complete, and its sums hold
python3 - "$corpus" >"$tmp/truth.tap" 2>&1 <<'EOF' || true
import glob, json, os, re, sys
from collections import defaultdict
from decimal import Decimal
corpus = sys.argv[1]
problems = {"parse": [], "complete": [], "sums": []}
tables_total = 0
for path in sorted(glob.glob(os.path.join(corpus, "truth", "*.records.jsonl"))):
    name = os.path.basename(path)[:-len(".records.jsonl")]
    cells = defaultdict(dict)
    heads = defaultdict(int)
    try:
        for line in open(os.path.join(corpus, "truth", name + ".jsonl"), encoding="utf-8"):
            r = json.loads(line)
            assert r["type"] == "cell" and r["source"] == name + ".pdf", "bad cell record"
            for k in ("table", "page", "row", "col", "rowspan", "colspan"):
                assert isinstance(r[k], int) and r[k] >= (1 if k in ("table", "page") else 0), k
            assert r["text"].strip(), "empty cell"
            cells[r["table"]][(r["row"], r["col"])] = r
            heads[r["table"]] += r["header"]
        recs = [json.loads(l) for l in open(path, encoding="utf-8")]
        checks = [json.loads(l) for l in open(os.path.join(corpus, "truth", name + ".checks.jsonl"),
                                              encoding="utf-8")]
    except (ValueError, KeyError, AssertionError) as e:
        problems["parse"].append("%s: %s" % (name, e))
        continue
    tabs = [r for r in recs if r["type"] == "table"]
    rows = defaultdict(list)
    for r in recs:
        if r["type"] == "row":
            rows[r["table"]].append(r)
    tables_total += len(tabs)
    for t in tabs:
        k = t["table"]
        if t["rows"] < 1 or len(rows[k]) != t["rows"] or k not in cells:
            problems["complete"].append("%s table %d: %d rows, %d row records"
                                        % (name, k, t["rows"], len(rows[k])))
        if t["header_rows"] and not heads[k]:
            problems["complete"].append("%s table %d: no header cell" % (name, k))
        if len(t["columns"]) != max(c + cs for (_, c), cs in
                                    ((key, v["colspan"]) for key, v in cells[k].items())):
            problems["complete"].append("%s table %d: columns do not span the grid" % (name, k))
        for rr in rows[k]:
            if len(rr["cells"]) != len(t["columns"]) or not t["pages"][0] <= rr["page"] <= t["pages"][-1]:
                problems["complete"].append("%s table %d row %d: cells or page" % (name, k, rr["row"]))
    num = lambda t: Decimal(t.replace(",", "").replace("(", "-").replace(")", ""))
    for c in checks:
        grid = cells[c["table"]]
        def val(rc):
            cell = grid.get(tuple(rc))
            return num(cell["text"]) if cell else Decimal(0)
        try:
            diff = val(c["cell"]) - sum(val(p) for p in c["sum"])
        except Exception as e:
            problems["sums"].append("%s table %d %s: %s" % (name, c["table"], c["cell"], e))
            continue
        if abs(diff) > Decimal(str(c["tolerance"])):
            problems["sums"].append("%s table %d cell %s off by %s" % (name, c["table"], c["cell"], diff))
    if not checks:
        problems["sums"].append("%s: no arithmetic recorded" % name)
if tables_total < 120:
    problems["complete"].append("only %d tables" % tables_total)
for key in ("parse", "complete", "sums"):
    print("%s %d %s" % (key, len(problems[key]), " | ".join(problems[key][:5])))
EOF
truth_result() { # truth_result KEY DESCRIPTION
	line=$(grep "^$1 " "$tmp/truth.tap" || true)
	case $line in
	"$1 0 "*) ok "$2" ;;
	*)
		not_ok "$2"
		sed 's/^/# /' "$tmp/truth.tap" | head -10
		;;
	esac
}
truth_result parse "truth files parse as cell and record JSON Lines"
truth_result complete "every table has header cells, body rows and aligned row records"
truth_result sums "row sums, totals and parent codes hold within the 0.01 tails"

# 5. the records agree with the cells: amounts as numbers, texts as printed
records_ok() {
	python3 - "$corpus" <<'EOF'
import glob, json, os, re, sys
corpus = sys.argv[1]
bad = 0
for path in sorted(glob.glob(os.path.join(corpus, "truth", "*.records.jsonl"))):
    name = os.path.basename(path)[:-len(".records.jsonl")]
    texts = {}
    for line in open(os.path.join(corpus, "truth", name + ".jsonl"), encoding="utf-8"):
        r = json.loads(line)
        if not r["header"]:
            texts[(r["table"], r["row"], r["col"])] = r["text"]
    for line in open(path, encoding="utf-8"):
        r = json.loads(line, parse_float=str, parse_int=str)
        if r["type"] != "row":
            continue
        for col, v in enumerate(r["cells"]):
            t = texts.get((int(r["table"]), int(r["row"]), col))
            if v is None or t is None:
                continue
            printed = t.replace(",", "")
            if printed.startswith("(") and printed.endswith(")"):
                printed = "-" + printed[1:-1]
            if v != printed and re.sub(r"\s+", " ", v) != re.sub(r"\s+", " ", t.strip()):
                bad += 1
                if bad < 5:
                    print("%s table %s row %s col %d: %r vs %r" % (name, r["table"], r["row"], col, v, t))
sys.exit(1 if bad else 0)
EOF
}
check "row records carry the printed values (numbers unchanged, blanks null)" records_ok

# 6. the families the issue names are all there
coverage_ok() {
	python3 - "$corpus" <<'EOF'
import glob, json, os, re, sys
codes, english, continued, forms = set(), 0, 0, 0
for path in glob.glob(os.path.join(sys.argv[1], "truth", "*.records.jsonl")):
    for line in open(path, encoding="utf-8"):
        r = json.loads(line)
        if r["type"] != "table":
            continue
        if r["code"]:
            codes.add(r["code"])
        english += bool(re.match(r"[A-Z]", r["title"]))
        continued += len(r["pages"]) > 1
        forms += r["header_rows"] == 0
want = {"预算%02d表" % i for i in range(1, 16)} | {"公开%02d表" % i for i in range(1, 10)}
missing = sorted(want - codes)
print("missing:", missing, "english:", english, "continued:", continued, "forms:", forms)
sys.exit(1 if missing or english < 3 or continued < 10 or forms < 3 else 0)
EOF
}
check "every 预算01-15 and 公开01-09 family, English tables, continued tables, forms" coverage_ok

# 7. the truth scores 1.0 against itself
self_ok() {
	"$score" "$corpus/truth" "$corpus/truth" --json | python3 -c '
import json, sys
s = json.load(sys.stdin)["summary"]
bad = [m for m in ("adjacency", "cells", "values") if s[m]["f1"] != 1.0]
print(s); sys.exit(1 if bad or s["tables"]["paired"] != s["tables"]["gt"] else 0)'
}
check "scripts/score: the truth against itself gives F1 = 1.0 on all three measures" self_ok

# damaged copies of a truth set, one file per document (or all in one file)
perturb() { # perturb SRC_DIR_OR_ICDAR DEST_DIR [onefile]
	python3 - "$@" <<'EOF'
import glob, json, os, sys
import xml.etree.ElementTree as ET
src, dest = sys.argv[1], sys.argv[2]
onefile = len(sys.argv) > 3
os.makedirs(dest, exist_ok=True)
def cells_of(path):
    if path.endswith("-str.xml"):
        out = []
        for t in ET.parse(path).getroot().iter("table"):
            for reg in t.iter("region"):
                for c in reg.iter("cell"):
                    r0, c0 = int(c.get("start-row")), int(c.get("start-col"))
                    out.append({"type": "cell", "table": int(t.get("id")), "row": r0, "col": c0,
                                "rowspan": int(c.get("end-row", r0)) - r0 + 1,
                                "colspan": int(c.get("end-col", c0)) - c0 + 1,
                                "header": False, "text": c.findtext("content") or ""})
        return out
    return [json.loads(l) for l in open(path, encoding="utf-8")
            if json.loads(l).get("type") == "cell"]
files = sorted(glob.glob(os.path.join(src, "*-str.xml")) or
               [f for f in glob.glob(os.path.join(src, "*.jsonl"))
                if not f.endswith((".records.jsonl", ".checks.jsonl"))])
allout = []
for k, path in enumerate(files):
    name = os.path.basename(path).replace("-str.xml", "").replace(".jsonl", "")
    out = []
    for i, c in enumerate(cells_of(path)):
        c = dict(c, source=name + ".pdf")
        if i % 11 == 3:
            continue                                   # a cell lost
        if i % 13 == 5 and c["text"][-1:].isdigit():
            c["text"] = c["text"][:-1] + str((int(c["text"][-1]) + 1) % 10)  # a digit misread
        if k % 3 == 0 and c["table"] % 2 == 0:
            c["col"] += 1                              # a table shifted one column
        if k % 4 == 1 and i % 17 == 0:
            c["header"] = not c.get("header")          # header and body confused
        if k % 5 == 2 and c["table"] == 1 and c["row"] > 6:
            c["table"] = 99                            # a table split in two
        out.append(c)
    if k % 2 == 0:
        out.append({"type": "cell", "source": name + ".pdf", "table": 77, "row": 0, "col": 0,
                    "rowspan": 1, "colspan": 1, "header": False, "text": "12.50"})
    if onefile:
        allout.extend(out)
    else:
        with open(os.path.join(dest, name + ".jsonl"), "w", encoding="utf-8") as f:
            f.writelines(json.dumps(c, ensure_ascii=False) + "\n" for c in out)
if onefile:
    with open(os.path.join(dest, "all.jsonl"), "w", encoding="utf-8") as f:
        f.writelines(json.dumps(c, ensure_ascii=False) + "\n" for c in allout)
EOF
}

# 8. a damaged prediction scores lower
perturb "$corpus/truth" "$tmp/pred-corpus"
lower_ok() {
	"$score" "$corpus/truth" "$tmp/pred-corpus" --json | python3 -c '
import json, sys
s = json.load(sys.stdin)["summary"]
f = [s[m]["f1"] for m in ("adjacency", "cells", "values")]
print(f); sys.exit(0 if all(0.3 < x < 1.0 for x in f) else 1)'
}
check "scripts/score: a damaged prediction scores lower on every measure" lower_ok

# 9-13. scripts/score agrees with ../shared/eval/tableval.py
agree() { # agree TRUTH PRED [flags]: the summaries match to 4 decimals
	python3 "$shared/eval/tableval.py" "$@" --json --per-doc >"$tmp/a.json"
	"$score" "$@" --json --per-doc >"$tmp/b.json"
	python3 - "$tmp/a.json" "$tmp/b.json" <<'EOF'
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:3])
def strip(d):
    d["summary"].pop("tables", None)
    for r in d.get("documents", []):
        r.pop("paired_tables", None)
    return d
a, b = strip(a), strip(b)
if a != b:
    print("tableval:", json.dumps(a["summary"])[:400])
    print("score:   ", json.dumps(b["summary"])[:400])
    sys.exit(1)
print(json.dumps(a["summary"])[:200])
EOF
}
if [ -f "$shared/eval/tableval.py" ]; then
	mkdir -p "$tmp/sub-truth"
	for d in basic-01 basic-04 basic-05 budget-04 final-02 english-01 project-01; do
		cp "$corpus/truth/$d.jsonl" "$tmp/sub-truth/"
	done
	perturb "$tmp/sub-truth" "$tmp/pred-sub"
	check "agrees with tableval.py: corpus truth vs a damaged copy" agree "$tmp/sub-truth" "$tmp/pred-sub"
	perturb "$tmp/sub-truth" "$tmp/pred-one" onefile
	check "agrees with tableval.py: predictions in one file, paired by source" \
		agree "$tmp/sub-truth" "$tmp/pred-one/all.jsonl"
	if [ -d "$shared/seeds/expected" ]; then
		perturb "$shared/seeds/expected" "$tmp/pred-seeds"
		check "agrees with tableval.py: seed truth vs a damaged copy, --only-paired" \
			agree "$shared/seeds/expected" "$tmp/pred-seeds" --only-paired
		check "agrees with tableval.py: seed truth vs a damaged copy" \
			agree "$shared/seeds/expected" "$tmp/pred-seeds"
	else
		skip "no $shared/seeds/expected"
		skip "no $shared/seeds/expected"
	fi
	if [ -d "$shared/icdar2013-eu" ]; then
		perturb "$shared/icdar2013-eu" "$tmp/pred-icdar"
		check "agrees with tableval.py: ICDAR 2013 structure files vs a damaged copy" \
			agree "$shared/icdar2013-eu" "$tmp/pred-icdar"
	else
		skip "no $shared/icdar2013-eu"
	fi
else
	for _ in 1 2 3 4 5; do skip "no $shared/eval/tableval.py"; done
fi
