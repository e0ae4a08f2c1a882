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
# Then three streams made up here go through table-segment and row-align:
# a ruled table continued on a second page, its header printed again
# (one table over both pages, the header once), the same caption over a
# different first line on the next page (two tables: a series of forms,
# one per project), an unruled table whose second page prints its
# header again over its last two rows (one table, those rows its own),
# and a ruled table whose rows print their labels wrapped about their
# amounts, the first row's first line the same on both pages (no header
# line: kept on the second page), and a line in smaller type under an
# unruled table (a note, not its last row) or in larger (the next
# section's heading), a line between caption and table in the
# caption's italic (its unit, not a header row), and a department's name
# wrapped in a narrow cell beside a line of other cells (read whole).
#
# Environment: RETABLE_BIN (the programs), RETABLE_TOP (the source tree).
set -eu

top=${RETABLE_TOP:-$(cd "$(dirname "$0")/.." && pwd)}
bin=${RETABLE_BIN:-$top/build/bin}
score=$top/scripts/score
tmp=$(mktemp -d "${TMPDIR:-/tmp}/geometry-t.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

set -- "$top"/corpus/pdf/basic-*.pdf
[ -f "$1" ] || set --
echo "1..$(($# + 8))"

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

# page P CAPTION FIRST SECOND: one page of a ruled two-column table
page() {
	p=$1 y=$((40))
	printf 'page\t%s\t595.00\t842.00\n' "$p"
	if [ -n "$2" ]; then
		printf 'span\t%s\t200.00\t40.00\t360.00\t52.00\t12.00\tF\t%s\n' "$p" "$2"
		printf 'span\t%s\t60.00\t58.00\t200.00\t68.00\t10.00\tF\t部门名称：某局\n' "$p"
		printf 'span\t%s\t420.00\t58.00\t480.00\t68.00\t10.00\tF\t单位：万元\n' "$p"
	fi
	for y in 80 100 120 140; do
		printf 'rule\t%s\t50.00\t%s.00\t500.00\t%s.00\t0.50\n' "$p" $y $y
	done
	for x in 50 300 500; do
		printf 'rule\t%s\t%s.00\t80.00\t%s.00\t140.00\t0.50\n' "$p" $x $x
	done
	printf 'span\t%s\t60.00\t85.00\t100.00\t95.00\t10.00\tF\t%s\n' "$p" "$3"
	printf 'span\t%s\t380.00\t85.00\t420.00\t95.00\t10.00\tF\t金额\n' "$p"
	printf 'span\t%s\t60.00\t105.00\t140.00\t115.00\t10.00\tF\t%s\n' "$p" "$4"
	printf 'span\t%s\t460.00\t105.00\t495.00\t115.00\t10.00\tF\t1.00\n' "$p"
	printf 'span\t%s\t60.00\t125.00\t140.00\t135.00\t10.00\tF\t其他支出\n' "$p"
	printf 'span\t%s\t460.00\t125.00\t495.00\t135.00\t10.00\tF\t2.00\n' "$p"
}

tables() {
	{
		printf 'retable\t1\ndoc\tt.pdf\tpages=2\n'
		page 1 "$1" 项目 行政运行
		page 2 "$2" "$3" 事业运行
	} | "$bin/table-segment" | "$bin/row-align" >"$tmp/out"
}

n=$((n + 1))
tables 2023年部门支出预算表 "" 项目
t=$(grep -c '^table' "$tmp/out" || true)
h=$(grep -c '	h	' "$tmp/out" || true)
if [ "$t" = 1 ] && [ "$h" = 2 ] && grep -q 'pages=1,2' "$tmp/out"; then
	echo "ok $n - a table continued on the next page is one table, its repeated header dropped"
else
	echo "not ok $n - continued table: $t tables, $h header cells"
fi

n=$((n + 1))
tables 项目支出绩效自评表 项目支出绩效自评表 项目名称
t=$(grep -c '^table' "$tmp/out" || true)
if [ "$t" = 2 ]; then
	echo "ok $n - the same caption over another first line starts a new table"
else
	echo "not ok $n - a series of forms: $t tables"
fi

# unruled P: a two-sided unruled 收支表's page: its header, then on page
# 1 four rows of items, on page 2 only the totals
unruled() {
	p=$1
	printf 'page\t%s\t595.00\t842.00\n' "$p"
	if [ "$p" = 1 ]; then
		printf 'span\t1\t200.00\t20.00\t360.00\t32.00\t12.00\tF\t2021年部门收支预算表\n'
	fi
	printf 'span\t%s\t150.00\t43.00\t170.00\t53.00\t10.00\tF\t收入\n' "$p"
	printf 'span\t%s\t370.00\t43.00\t390.00\t53.00\t10.00\tF\t支出\n' "$p"
	printf 'span\t%s\t%s.00\t63.00\t%s.00\t73.00\t10.00\tF\t%s\n' \
	    "$p" 100 120 项目 "$p" 250 270 金额 "$p" 320 340 项目 "$p" 470 490 金额
	if [ "$p" = 1 ]; then
		for i in 0 1 2 3; do
			y=$((83 + 20 * i))
			printf 'span\t1\t80.00\t%s.00\t150.00\t%s.00\t10.00\tF\t收入%s\n' \
			    $y $((y + 10)) $i
			printf 'span\t1\t250.00\t%s.00\t280.00\t%s.00\t10.00\tF\t%s.00\n' \
			    $y $((y + 10)) $((i + 1))
			printf 'span\t1\t300.00\t%s.00\t370.00\t%s.00\t10.00\tF\t支出%s\n' \
			    $y $((y + 10)) $i
			printf 'span\t1\t470.00\t%s.00\t500.00\t%s.00\t10.00\tF\t%s.00\n' \
			    $y $((y + 10)) $((i + 1))
		done
	else
		printf 'span\t2\t80.00\t83.00\t150.00\t93.00\t10.00\tF\t上年结转结余\n'
		printf 'span\t2\t300.00\t83.00\t370.00\t93.00\t10.00\tF\t年终结转结余\n'
		printf 'span\t2\t80.00\t103.00\t150.00\t113.00\t10.00\tF\t收入总计\n'
		printf 'span\t2\t250.00\t103.00\t280.00\t113.00\t10.00\tF\t10.00\n'
		printf 'span\t2\t300.00\t103.00\t370.00\t113.00\t10.00\tF\t支出总计\n'
		printf 'span\t2\t470.00\t103.00\t500.00\t113.00\t10.00\tF\t10.00\n'
	fi
}

n=$((n + 1))
{
	printf 'retable\t1\ndoc\tt.pdf\tpages=2\n'
	unruled 1
	unruled 2
} | "$bin/table-segment" | "$bin/row-align" >"$tmp/out"
t=$(grep -c '^table' "$tmp/out" || true)
if [ "$t" = 1 ] && grep -q 'pages=1,2' "$tmp/out" &&
    grep -q '	收入总计$' "$tmp/out"; then
	echo "ok $n - a continued page of its header again and two rows is the open table's"
else
	echo "not ok $n - header repeated over two rows: $t tables"
	grep '^table' "$tmp/out" | sed 's/^/# /'
fi

# wrapped P SECOND: a ruled page whose first row's label, 石城市南城区 /
# SECOND, is wrapped about its amount
wrapped() {
	p=$1
	printf 'page\t%s\t595.00\t842.00\n' "$p"
	if [ "$p" = 1 ]; then
		printf 'span\t1\t200.00\t40.00\t360.00\t52.00\t12.00\tF\t2024年项目支出预算表\n'
	fi
	for y in 80 100 126 146; do
		printf 'rule\t%s\t50.00\t%s.00\t500.00\t%s.00\t0.50\n' "$p" $y $y
	done
	for x in 50 300 500; do
		printf 'rule\t%s\t%s.00\t80.00\t%s.00\t146.00\t0.50\n' "$p" $x $x
	done
	printf 'span\t%s\t60.00\t85.00\t100.00\t95.00\t10.00\tF\t项目\n' "$p"
	printf 'span\t%s\t380.00\t85.00\t420.00\t95.00\t10.00\tF\t金额\n' "$p"
	printf 'span\t%s\t60.00\t101.00\t130.00\t111.00\t10.00\tF\t石城市南城区\n' "$p"
	printf 'span\t%s\t460.00\t108.00\t495.00\t118.00\t10.00\tF\t1.00\n' "$p"
	printf 'span\t%s\t60.00\t113.00\t130.00\t123.00\t10.00\tF\t%s\n' "$p" "$2"
	printf 'span\t%s\t60.00\t131.00\t140.00\t141.00\t10.00\tF\t其他支出\n' "$p"
	printf 'span\t%s\t460.00\t131.00\t495.00\t141.00\t10.00\tF\t2.00\n' "$p"
}

n=$((n + 1))
{
	printf 'retable\t1\ndoc\tt.pdf\tpages=2\n'
	wrapped 1 农业农村局
	wrapped 2 农业保障中心
} | "$bin/table-segment" | "$bin/row-align" >"$tmp/out"
if grep -q '	石城市南城区农业保障中心$' "$tmp/out"; then
	echo "ok $n - a row's label wrapped about its amounts is the body's, kept on a continued page"
else
	echo "not ok $n - the continued page's first label lost its first line"
	grep '农业保障中心' "$tmp/out" | sed 's/^/# /'
fi

# small_under SIZE TEXT: an unruled captioned table, a line of TEXT under it
small_under() {
	printf 'retable\t1\ndoc\tt.pdf\tpages=1\npage\t1\t595.00\t842.00\n'
	printf 'span\t1\t200.00\t20.00\t360.00\t32.00\t12.00\tF\t2024年部门支出预算表\n'
	printf 'span\t1\t400.00\t40.00\t460.00\t50.00\t10.00\tF\t单位：万元\n'
	printf 'span\t1\t80.00\t60.00\t120.00\t70.00\t10.00\tF\t项目\n'
	printf 'span\t1\t250.00\t60.00\t280.00\t70.00\t10.00\tF\t合计\n'
	printf 'span\t1\t320.00\t60.00\t370.00\t70.00\t10.00\tF\t基本支出\n'
	for i in 0 1 2 3; do
		y=$((80 + 16 * i))
		printf 'span\t1\t80.00\t%s.00\t150.00\t%s.00\t10.00\tF\t支出%s\n' \
		    $y $((y + 10)) $i
		printf 'span\t1\t250.00\t%s.00\t280.00\t%s.00\t10.00\tF\t%s.00\n' \
		    $y $((y + 10)) $((i + 1))
		printf 'span\t1\t340.00\t%s.00\t370.00\t%s.00\t10.00\tF\t%s.00\n' \
		    $y $((y + 10)) $((i + 1))
	done
	printf 'span\t1\t80.00\t146.00\t200.00\t155.00\t%s\tF\t%s\n' "$1" "$2"
}

n=$((n + 1))
small_under 9.00 以后年度为规划数 | "$bin/table-segment" | "$bin/row-align" >"$tmp/out"
if grep -q '^table' "$tmp/out" && ! grep -q '^cell.*以后年度' "$tmp/out"; then
	echo "ok $n - a line in smaller type under an unruled table is no row of it"
else
	echo "not ok $n - the smaller line under the table became a row"
fi

n=$((n + 1))
small_under 11.50 六、整体绩效目标表 | "$bin/table-segment" | "$bin/row-align" >"$tmp/out"
if grep -q '^table' "$tmp/out" && ! grep -q '^cell.*整体绩效目标表' "$tmp/out"; then
	echo "ok $n - a heading in larger type under an unruled table is no row of it"
else
	echo "not ok $n - the next section's heading became a row"
fi

n=$((n + 1))
{
	printf 'retable\t1\ndoc\tt.pdf\tpages=1\npage\t1\t595.00\t842.00\n'
	printf 'span\t1\t70.00\t499.00\t117.00\t512.00\t12.00\tI\tTable 10:\n'
	printf 'span\t1\t136.00\t499.00\t420.00\t512.00\t12.00\tI\tIndicators of performance-based funding\n'
	printf 'span\t1\t509.00\t529.00\t524.00\t540.00\t10.00\tI\t(%%)\n'
	printf 'span\t1\t184.00\t544.00\t233.00\t556.00\t11.00\tB\tIndicators\n'
	printf 'span\t1\t371.00\t544.00\t500.00\t556.00\t11.00\tB\tWeight of indicator in 2006\n'
	y=577
	for row in Employment:40 Studies:15 Dropping:15 Qualifications:13 Training:11; do
		printf 'span\t1\t92.00\t%s.00\t160.00\t%s.00\t11.00\tR\t%s\n' $y $((y + 12)) "${row%%:*}"
		printf 'span\t1\t430.00\t%s.00\t441.00\t%s.00\t11.00\tR\t%s\n' $y $((y + 12)) "${row#*:}"
		y=$((y + 16))
	done
} | "$bin/table-segment" | "$bin/row-align" >"$tmp/out"
if grep -q '^cell.*Indicators$' "$tmp/out" && ! grep -q '^cell.*(%)$' "$tmp/out"; then
	echo "ok $n - a line in the caption's italic over the table is the caption's"
else
	echo "not ok $n - the caption's (%) became a row of the table"
fi

n=$((n + 1))
{
	printf 'retable\t1\ndoc\tt.pdf\tpages=1\npage\t1\t595.00\t842.00\n'
	printf 'span\t1\t161.00\t47.00\t433.00\t68.00\t16.00\tF\t国有资本经营预算财政拨款支出决算表\n'
	printf 'span\t1\t504.00\t77.00\t545.00\t90.00\t10.00\tF\t公开08表\n'
	printf 'span\t1\t49.81\t106.69\t87.79\t119.03\t9.50\tF\t部门：白\n'
	printf 'span\t1\t49.81\t120.38\t87.79\t132.73\t9.50\tF\t鹭市河口\n'
	printf 'span\t1\t255.09\t127.18\t295.28\t139.53\t9.50\tF\t2022年度\n'
	printf 'span\t1\t478.80\t127.18\t545.27\t139.53\t9.50\tF\t金额单位：万元\n'
	printf 'span\t1\t49.81\t134.07\t87.79\t146.42\t9.50\tF\t区农业农\n'
	printf 'span\t1\t49.81\t147.79\t68.80\t160.14\t9.50\tF\t村局\n'
	for y in 170 190 210 230; do
		printf 'rule\t1\t48.00\t%s.00\t546.00\t%s.00\t0.50\n' $y $y
	done
	for x in 48 300 546; do
		printf 'rule\t1\t%s.00\t170.00\t%s.00\t230.00\t0.50\n' $x $x
	done
	printf 'span\t1\t60.00\t175.00\t100.00\t185.00\t10.00\tF\t项目\n'
	printf 'span\t1\t380.00\t175.00\t420.00\t185.00\t10.00\tF\t金额\n'
	printf 'span\t1\t60.00\t195.00\t140.00\t205.00\t10.00\tF\t行政运行\n'
	printf 'span\t1\t460.00\t195.00\t495.00\t205.00\t10.00\tF\t1.00\n'
	printf 'span\t1\t60.00\t215.00\t140.00\t225.00\t10.00\tF\t其他支出\n'
	printf 'span\t1\t460.00\t215.00\t495.00\t225.00\t10.00\tF\t2.00\n'
} | "$bin/table-segment" | "$bin/row-align" >"$tmp/out"
if grep -q '^table.*entity=白鹭市河口区农业农村局' "$tmp/out" &&
    ! grep -q '^cell.*区农业农' "$tmp/out"; then
	echo "ok $n - a name wrapped in a narrow cell is read whole past a line of other cells"
else
	echo "not ok $n - the wrapped name's last lines stayed apart"
	grep '^table' "$tmp/out" | sed 's/^/# /'
fi
