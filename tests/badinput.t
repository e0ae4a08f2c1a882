#!/bin/sh
# badinput.t - bad input to the text stages: one line on stderr,
# "program: file: what is wrong", exit status 1, the other inputs still
# processed, and the failure carried to the end of the pipeline.
# (PDF inputs: tests/pdf2text.t.)
. "$(dirname "$0")/lib.sh"

printf '预算01表\n2023年部门收支预算表\n单位：万元\n收入 支出\n项目 金额 项目 金额\n一、一般公共预算 1.00 一、一般公共服务\n' > "$TMP/good.txt"
: > "$TMP/empty.txt"
printf 'ok line\nbad \377\376 bytes\n' > "$TMP/invalid.txt"
awk 'BEGIN { for (i = 0; i < 10485760 / 64; i++) printf "%s", \
    "0123456789012345678901234567890123456789012345678901234567890123" }' \
    > "$TMP/huge.txt"

# expect_one_error PROGRAM FILE WHAT: run PROGRAM on FILE and GOOD.
expect_one_error() {
	prog=$1 file=$2 what=$3
	"$RETABLE_BIN/$prog" "$file" "$TMP/good.txt" > "$TMP/out" 2> "$TMP/err"
	is "$?" "1" "$prog, $what: exit status 1"
	is "$(wc -l < "$TMP/err" | tr -d ' ')" "1" "$prog, $what: one line on stderr"
	case "$(cat "$TMP/err")" in
	"$prog: $file: "?*) ok 0 "$prog, $what: says program, file, problem" ;;
	*) ok 1 "$prog, $what: says program, file, problem: $(cat "$TMP/err")" ;;
	esac
	grep -q "good.txt" "$TMP/out"
	ok $? "$prog, $what: the next input is still processed"
}

expect_one_error dehyphenate "$TMP/empty.txt" "an empty file"
grep -q "empty" "$TMP/err"
ok $? "the message says the input is empty"
expect_one_error dehyphenate "$TMP/invalid.txt" "invalid UTF-8"
grep -q "invalid UTF-8 at line 2" "$TMP/err"
ok $? "the message says where the bad byte is"
expect_one_error dehyphenate "$TMP/huge.txt" "a 10 MB line"
grep -q "longer than" "$TMP/err"
ok $? "the message says the line is too long"
expect_one_error dehyphenate "$TMP/missing.txt" "a missing file"

# The stages after dehyphenate read the stream, not plain text.
"$RETABLE_BIN/dehyphenate" "$TMP/good.txt" > "$TMP/good.st"
for p in table-segment row-align to-jsonl; do
	"$RETABLE_BIN/$p" "$TMP/good.txt" "$TMP/good.st" > "$TMP/out" 2> "$TMP/err"
	is "$?" "1" "$p, plain text instead of a stream: exit status 1"
	grep -q "^$p: $TMP/good.txt: not a retable stream" "$TMP/err"
	ok $? "$p, plain text: says it is not a stream"
	"$RETABLE_BIN/$p" "$TMP/empty.txt" > /dev/null 2> "$TMP/err"
	is "$?" "1" "$p, an empty file: exit status 1"
	printf 'retable\t9\n' | "$RETABLE_BIN/$p" > /dev/null 2> "$TMP/err"
	grep -q "newer" "$TMP/err"
	ok $? "$p, a newer stream version: refused"
done

# A truncated gzip stream is an error, not a short result.
gzip -c "$TMP/good.txt" | head -c 40 > "$TMP/trunc.gz"
"$RETABLE_BIN/dehyphenate" "$TMP/trunc.gz" > /dev/null 2> "$TMP/err"
is "$?" "1" "a truncated gzip input: exit status 1"

# Upstream failure reaches the end of the pipe, reported once.
"$RETABLE_BIN/dehyphenate" "$TMP/invalid.txt" 2> "$TMP/err1" |
    "$RETABLE_BIN/table-segment" 2> "$TMP/err2" |
    "$RETABLE_BIN/row-align" 2> "$TMP/err3" |
    "$RETABLE_BIN/to-jsonl" > /dev/null 2> "$TMP/err4"
is "$?" "1" "the last program of the pipeline exits 1 for a bad input upstream"
is "$(cat "$TMP/err1" "$TMP/err2" "$TMP/err3" "$TMP/err4" | wc -l | tr -d ' ')" "1" \
    "and the problem is reported once, by the stage that found it"

# A stream that stops inside a table is not a silent partial result.
"$RETABLE_BIN/dehyphenate" "$TMP/good.txt" | "$RETABLE_BIN/table-segment" |
    "$RETABLE_BIN/row-align" | sed '/^endtable/d' > "$TMP/cut.st"
"$RETABLE_BIN/to-jsonl" "$TMP/cut.st" > /dev/null 2> "$TMP/err"
is "$?" "1" "a stream cut inside a table: exit status 1"

done_testing
