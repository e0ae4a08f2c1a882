#!/bin/sh
# cli.t - what every program promises on the command line: --help,
# --version, exit status 2 on bad usage, gzip input, several inputs.
. "$(dirname "$0")/lib.sh"

for p in pdf2text dehyphenate table-segment row-align to-jsonl; do
	"$RETABLE_BIN/$p" --help > "$TMP/help" 2>&1
	ok $? "$p --help exits 0"
	grep -q "^usage: $p" "$TMP/help"
	ok $? "$p --help prints its usage"
	v=$("$RETABLE_BIN/$p" --version)
	case "$v" in
	"$p (retable) "[0-9]*) ok 0 "$p --version names program and version" ;;
	*) ok 1 "$p --version names program and version ($v)" ;;
	esac
	"$RETABLE_BIN/$p" --no-such-option > /dev/null 2> "$TMP/err"
	is "$?" "2" "$p: an unknown option exits 2"
	grep -q "^$p: unknown option" "$TMP/err"
	ok $? "$p: and says which"
	test -f "$RETABLE_TOP/cmd/$p.1"
	ok $? "$p has a man page"
done

for p in dehyphenate table-segment row-align; do
	"$RETABLE_BIN/$p" --rules "$TMP/nowhere" < /dev/null > /dev/null 2> "$TMP/err"
	is "$?" "2" "$p: a missing rules directory is a usage error"
	grep -q "^$p: rules directory" "$TMP/err"
	ok $? "$p: naming the directory"
done

# Input compressed or not, named or on standard input, gives the same.
printf '预算01表\n2023年部门收支预算表\n单位：万元\n收入 支出\n项目 金额 项目 金额\n一、一般公共预算 1.00 一、一般公共服务\n' > "$TMP/t.txt"
gzip -c "$TMP/t.txt" > "$TMP/t.txt.gz"
text_pipeline "$TMP/t.txt" | sed 's/t\.txt\.gz/t.txt/' > "$TMP/plain.jsonl"
text_pipeline "$TMP/t.txt.gz" | sed 's/t\.txt\.gz/t.txt/' > "$TMP/gz.jsonl"
cmp -s "$TMP/plain.jsonl" "$TMP/gz.jsonl"
ok $? "gzip-compressed input reads as the plain"
"$RETABLE_BIN/dehyphenate" "$TMP/t.txt" | gzip -c | "$RETABLE_BIN/table-segment" |
    gzip -c | "$RETABLE_BIN/row-align" | "$RETABLE_BIN/to-jsonl" > "$TMP/gzs.jsonl"
cmp -s "$TMP/plain.jsonl" "$TMP/gzs.jsonl"
ok $? "a gzip-compressed stream between stages is read too"
"$RETABLE_BIN/dehyphenate" < "$TMP/t.txt" | "$RETABLE_BIN/table-segment" |
    "$RETABLE_BIN/row-align" | "$RETABLE_BIN/to-jsonl" | grep -c '"type":"row"' > "$TMP/n"
is "$(cat "$TMP/n")" "1" "standard input works as a named file does"

# Several inputs: one stream, each document's tables numbered from 1.
text_pipeline "$TMP/t.txt" "$TMP/t.txt" > "$TMP/two.jsonl"
is "$(jq -r 'select(.type=="table") | .table' "$TMP/two.jsonl" | tr '\n' ' ')" \
    "1 1 " "two inputs, each numbering its own tables"

# The stream is what README says: a header, tab-separated records.
"$RETABLE_BIN/dehyphenate" "$TMP/t.txt" > "$TMP/s"
is "$(head -1 "$TMP/s")" "$(printf 'retable\t1')" "the stream starts with its version header"
awk -F'\t' 'NR > 1 && $1 !~ /^[a-z]+$/ { bad = 1 } END { exit bad }' "$TMP/s"
ok $? "every record starts with a kind tag"
printf 'retable\t1\nmystery\tkept as it is\n' | "$RETABLE_BIN/table-segment" |
    "$RETABLE_BIN/row-align" | grep -q "^mystery	kept as it is$"
ok $? "a record no stage knows passes through unchanged"

done_testing
