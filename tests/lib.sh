# lib.sh - TAP helpers for the shell tests (sourced, POSIX sh).
#
# The Makefile runs the tests with RETABLE_BIN (the programs), RETABLE_TOP
# (the source tree), RETABLE_RULES and RETABLE_SHARED (../shared).

: "${RETABLE_TOP:=$(cd "$(dirname "$0")/.." && pwd)}"
: "${RETABLE_BIN:=$RETABLE_TOP/build/bin}"
: "${RETABLE_RULES:=$RETABLE_TOP/rules}"
: "${RETABLE_SHARED:=$RETABLE_TOP/../shared}"
export RETABLE_RULES

tap_n=0
tap_failed=0
TMP=$(mktemp -d "${TMPDIR:-/tmp}/retable-test.XXXXXX")
trap 'rm -rf "$TMP"' EXIT

ok() {
	# ok STATUS DESCRIPTION: pass when STATUS is 0
	tap_n=$((tap_n + 1))
	if [ "$1" -eq 0 ]; then
		echo "ok $tap_n - $2"
	else
		echo "not ok $tap_n - $2"
		tap_failed=$((tap_failed + 1))
	fi
}

is() {
	# is GOT WANT DESCRIPTION
	if [ "$1" = "$2" ]; then
		ok 0 "$3"
	else
		ok 1 "$3"
		printf '#   got:  %s\n#   want: %s\n' "$1" "$2"
	fi
}

skip() {
	tap_n=$((tap_n + 1))
	echo "ok $tap_n # skip $1"
}

done_testing() {
	echo "1..$tap_n"
	[ "$tap_failed" -eq 0 ]
}

# The text path, from a dump to JSON Lines.
text_pipeline() {
	"$RETABLE_BIN/dehyphenate" "$@" | "$RETABLE_BIN/table-segment" |
	    "$RETABLE_BIN/row-align" | "$RETABLE_BIN/to-jsonl"
}
