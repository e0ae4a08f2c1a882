#!/bin/sh
# seeds.t - the text path over the five real dumps in ../shared/seeds:
# every 预算/公开 table found, with a code, a header and rows; and the
# hand-checked truth matched.  Skipped, saying so, without ../shared.
. "$(dirname "$0")/lib.sh"

seeds="$RETABLE_SHARED/seeds"
if [ ! -d "$seeds" ]; then
	skip "../shared/seeds is not present: the seed tests need it"
	done_testing
	exit
fi

# Per seed: how many 预算/公开 tables its dump holds.  003's contents list
# twelve, but its dump prints no 部门收入预算表 at all and only one
# captionless row of the 支出经济分类汇总表: ten can be found.
expect() {
	case "$1" in
	000_*) echo 15 ;;
	001_*) echo 12 ;;
	002_*) echo 9 ;;
	003_*) echo 10 ;;
	004_*) echo 9 ;;
	esac
}

# Tables outside the numbered set: appendices that print no code (004
# prints one 项目支出绩效自评情况表 per project, three of them).
uncoded() {
	case "$1" in
	002_*) echo "项目单位自评汇总表 部门整体自评表" ;;
	004_*) echo "部门整体支出绩效自评情况表 项目支出绩效自评情况表" \
	    "项目支出绩效自评情况表 项目支出绩效自评情况表" ;;
	*) echo "" ;;
	esac
}

# Tables whose dump prints a header but no body row at all.
no_body() {
	case "$1" in
	000_*) echo "预算09表" ;;
	*) echo "" ;;
	esac
}

mkdir -p "$TMP/pred"
for s in "$seeds"/*.txt; do
	n=$(basename "$s" .txt)
	out="$TMP/$n.jsonl"
	text_pipeline "$s" > "$out"
	ok $? "$n: the text path runs"
	found=$(jq -r 'select(.type=="table" and ((.code // "") | test("^(预算|公开)"))) | .code' "$out" | wc -l)
	is "$found" "$(expect "$n")" "$n: every 预算/公开 table is found"
	missing=$(jq -r 'select(.type=="table" and .code == null) | .title' "$out" | tr '\n' ' ' | sed 's/ $//')
	is "$missing" "$(uncoded "$n")" "$n: every table has a code, printed or inferred (but appendices)"
	# Forms (部门整体绩效目标表, ...) print no header: their columns are numbered.
	noheader=$(jq -r 'select(.type=="table" and ((.code // "") | test("^(预算|公开)")) and .columns[0] != "1" and (.header_rows == 0 or (.columns | length) == 0)) | .code' "$out")
	is "$noheader" "" "$n: every 预算/公开 table has a header"
	norows=$(jq -r 'select(.type=="table" and ((.code // "") | test("^(预算|公开)")) and .rows == 0) | .code' "$out" | tr '\n' ' ' | sed 's/ $//')
	is "$norows" "$(no_body "$n")" "$n: every table has rows (but those printed without any)"
	text_pipeline "$s" > /dev/null 2>&1
	"$RETABLE_BIN/dehyphenate" "$s" | "$RETABLE_BIN/table-segment" |
	    "$RETABLE_BIN/row-align" | "$RETABLE_BIN/to-jsonl" --cells > "$TMP/pred/$n.jsonl"
done

# The hand-checked truth: the targets are 0.97 (values) and 0.95 (cells).
if [ -f "$RETABLE_SHARED/eval/tableval.py" ] && command -v python3 >/dev/null; then
	python3 "$RETABLE_SHARED/eval/tableval.py" "$seeds/expected" "$TMP/pred" \
	    --only-paired --json > "$TMP/score.json"
	ok $? "the seeds are scored"
	v=$(jq '.summary.values.f1' "$TMP/score.json")
	c=$(jq '.summary.cells.f1' "$TMP/score.json")
	[ "$(echo "$v >= 0.97" | bc 2>/dev/null || awk "BEGIN{print ($v >= 0.97)}")" = 1 ]
	ok $? "values F1 on the seeds' truth is at least 0.97 ($v)"
	[ "$(awk "BEGIN{print ($c >= 0.95)}")" = 1 ]
	ok $? "cells F1 on the seeds' truth is at least 0.95 ($c)"
else
	skip "../shared/eval/tableval.py or python3 missing: truth not scored"
fi

done_testing
