#!/bin/sh
# batch.t - scripts/retable and scripts/retable-batch (TAP): outputs equal
# to the single-file pipeline's, the manifest, the cache, reruns that redo
# only what changed (content, programs, rules), the changes report, bad
# inputs, usage errors and the progress output.  Faults (kills, crashes,
# timeouts, Ctrl-C) are in batch-faults.t.
#
# Checks structure, never table contents: the pipeline's quality is not
# what is tested here.  Needs $RETABLE_BIN and $RETABLE_TOP; jq.

top=${RETABLE_TOP:?RETABLE_TOP not set}
: "${RETABLE_BIN:?RETABLE_BIN not set}"
export RETABLE_RULES="${RETABLE_RULES:-$top/rules}"
sh=$(command -v dash || echo sh)
retable=$top/scripts/retable
batch=$top/scripts/retable-batch
tmp=$(mktemp -d "${TMPDIR:-/tmp}/batch-t.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM

# A copy of the programs and the rules: a rebuild or an edit while the
# tests run must not look like a change to the batch.
bin=$tmp/bin
mkdir "$bin" &&
    cp "$RETABLE_BIN/pdf2text" "$RETABLE_BIN/dehyphenate" "$RETABLE_BIN/table-segment" \
    "$RETABLE_BIN/row-align" "$RETABLE_BIN/to-jsonl" "$bin/" || exit 1
export RETABLE_BIN=$bin
cp -r "$RETABLE_RULES" "$tmp/rules" || exit 1
export RETABLE_RULES=$tmp/rules

tn=0
ok() { tn=$((tn + 1)); echo "ok $tn - $1"; }
not_ok() { tn=$((tn + 1)); echo "not ok $tn - $1"; }
skip() { tn=$((tn + 1)); echo "ok $tn # skip $1"; }
check() { # check DESCRIPTION COMMAND...: ok when the command succeeds
	d=$1
	shift
	if "$@" >"$tmp/check.out" 2>&1; then ok "$d"; else
		not_ok "$d"
		sed 's/^/# /' "$tmp/check.out" | head -20
		sed 's/^/# stderr: /' "$tmp/berr" 2>/dev/null | tail -5
	fi
}
# batch ARGS...: run retable-batch; stdout, stderr and status in
# $tmp/bout, $tmp/berr, $bst
batch() {
	$sh "$batch" "$@" >"$tmp/bout" 2>"$tmp/berr"
	bst=$?
}
# mf OUT PATH JQ-FILTER: a field of PATH's manifest line
mf() {
	jq -r --arg p "$2" "select(.path == \$p) | $3" "$1/manifest.jsonl"
}
# manifest_ok OUT N: N lines, each valid JSON with the schema's keys in order
manifest_ok() {
	keys='["path","sha256","kind","status","error","pages","tables","rows","checks_failed","ambiguous_rows","output","bytes","cache","programs","rules","run","reason","stat","changes"]'
	[ "$(wc -l <"$1/manifest.jsonl")" -eq "$2" ] || { echo "$(wc -l <"$1/manifest.jsonl") lines, want $2"; return 1; }
	jq -e -c "keys_unsorted == $keys" "$1/manifest.jsonl" | grep -v true && return 1
	[ "$(jq -r .path "$1/manifest.jsonl" | sort -u | wc -l)" -eq "$2" ] || { echo "paths not unique"; return 1; }
	jq -e -s 'all(.[]; (.status == "ok" and .error == null) or (.status == "failed" and (.error | type) == "string" and (.error | test("\n") | not)))' \
	    "$1/manifest.jsonl" >/dev/null || { echo "status/error"; return 1; }
}
# redone OUT RUN: how many inputs run RUN processed
redone() {
	jq -s --argjson r "$2" 'map(select(.run == $r)) | length' "$1/manifest.jsonl"
}
# snapshot OUT: every file under OUT_DIR but .retable, with inode and mtime
snapshot() {
	find "$1" -name .retable -prune -o -type f ! -name manifest.jsonl -printf '%P %i %T@\n' | sort
}

echo "1..33"

# ---------------------------------------------------------------- retable
# 1-4: the single-file command chains the stages and nothing else.
pdf=$top/corpus/pdf/basic-01.pdf
txt=$top/corpus/pdf/basic-02.txt
"$bin/pdf2text" "$pdf" | "$bin/dehyphenate" | "$bin/table-segment" | "$bin/row-align" |
    "$bin/to-jsonl" >"$tmp/hand-pdf.jsonl"
"$bin/dehyphenate" "$txt" | "$bin/table-segment" | "$bin/row-align" |
    "$bin/to-jsonl" >"$tmp/hand-txt.jsonl"
cat "$tmp/hand-pdf.jsonl" "$tmp/hand-txt.jsonl" >"$tmp/hand-both.jsonl"
$sh "$retable" "$pdf" "$txt" >"$tmp/r.jsonl" 2>"$tmp/r.err"
st=$?
check "retable: a PDF and a text dump give the records of the hand-built pipelines" \
    eval '[ $st -eq 0 ] && cmp -s "$tmp/r.jsonl" "$tmp/hand-both.jsonl" && ! grep -q "^retable:" "$tmp/r.err"'
$sh "$retable" "$top/tests/data/pdf/notpdf.pdf" "$pdf" >"$tmp/r.jsonl" 2>"$tmp/r.err"
st=$?
check "retable: a bad input exits 1 with one line on stderr; the next input still comes out" \
    eval '[ $st -eq 1 ] && [ "$(grep -c "^[a-z2-]*: " "$tmp/r.err")" -eq 1 ] &&
	grep -q "^pdf2text: .*notpdf.pdf: not a PDF" "$tmp/r.err" && cmp -s "$tmp/r.jsonl" "$tmp/hand-pdf.jsonl"'
$sh "$retable" >/dev/null 2>&1
st1=$?
$sh "$retable" --rules "$tmp/no-such-dir" "$pdf" >/dev/null 2>&1
st2=$?
check "retable: no input, or a missing rules directory, is a usage error (2)" \
    eval '[ $st1 -eq 2 ] && [ $st2 -eq 2 ]'
$sh "$retable" --cells "$pdf" | head -1 | grep -q '^{"type":"cell"'
check "retable --cells writes cell records" test $? -eq 0

# ---------------------------------------------------------------- inputs
in=$tmp/in
mkdir -p "$in/sub/deeper" "$in/中文"
cp "$top/corpus/pdf/basic-01.pdf" "$in/a.pdf"
cp "$top/corpus/pdf/basic-02.pdf" "$in/sub/b.pdf"
cp "$top/corpus/pdf/basic-03.pdf" "$in/sub/deeper/c.pdf"
cp "$top/corpus/pdf/basic-05.pdf" "$in/sub/we\"ird name.pdf"
cp "$top/corpus/pdf/english-03.pdf" "$in/中文/报告.pdf"
cp "$top/corpus/pdf/basic-01.pdf" "$in/sub/same-as-a.pdf"
cp "$top/corpus/pdf/basic-04.txt" "$in/sub/d.txt"
cp "$top/tests/data/pdf/notpdf.pdf" "$in/sub/notpdf.pdf"
cp "$top/tests/data/pdf/truncated.pdf" "$in/truncated.pdf"
cp "$top/tests/data/pdf/encrypted.pdf" "$in/encrypted.pdf"
echo "not an input" >"$in/README"
good="a.pdf sub/b.pdf sub/deeper/c.pdf 中文/报告.pdf sub/same-as-a.pdf sub/d.txt"
weird='sub/we"ird name.pdf'
bad="sub/notpdf.pdf truncated.pdf encrypted.pdf"
out=$tmp/out

# ---------------------------------------------------------------- first run
# 5-12
batch -j 2 --text "$in" "$out"
check "first run: exit status 1, since three inputs are bad" test "$bst" -eq 1
outputs_ok() {
	for p in $good; do [ -f "$out/$p.jsonl" ] || { echo "missing $p.jsonl"; return 1; }; done
	[ -f "$out/$weird.jsonl" ] || { echo "missing $weird.jsonl"; return 1; }
	for p in $bad; do [ ! -e "$out/$p.jsonl" ] || { echo "output for bad $p"; return 1; }; done
	n=$(find "$out" -name .retable -prune -o -type f -print | wc -l)
	[ "$n" -eq 8 ] || { echo "$n files in OUT_DIR, want 7 outputs and the manifest"; return 1; }
}
check "an output per good input, mirroring IN_DIR's tree; none for bad inputs or other files" outputs_ok
same_as_retable() { # every output equals `retable PATH` run in IN_DIR
	for p in $good "$weird"; do
		(cd "$in" && $sh "$retable" "$p") >"$tmp/ref" 2>/dev/null
		cmp -s "$tmp/ref" "$out/$p.jsonl" || { echo "$p differs from retable's output"; return 1; }
	done
}
check "every output is byte-identical to scripts/retable's for that input (source = its path)" same_as_retable
check "manifest: one valid JSON line per input, the schema's keys in order" manifest_ok "$out" 10
status_ok() {
	for p in $good "$weird"; do
		[ "$(mf "$out" "$p" .status)" = ok ] || { echo "$p not ok"; return 1; }
		[ "$(mf "$out" "$p" .output)" = "$p.jsonl" ] || { echo "$p: output"; return 1; }
		[ "$(mf "$out" "$p" .bytes)" = "$(wc -c <"$out/$p.jsonl")" ] || { echo "$p: bytes"; return 1; }
		[ "$(mf "$out" "$p" .tables)" = "$(grep -c '^{"type":"table"' "$out/$p.jsonl")" ] ||
		    { echo "$p: tables"; return 1; }
		[ "$(mf "$out" "$p" .rows)" = "$(grep -c '^{"type":"row"' "$out/$p.jsonl")" ] ||
		    { echo "$p: rows"; return 1; }
		[ "$(mf "$out" "$p" .sha256)" = "$(sha256sum <"$in/$p" | cut -c1-64)" ] ||
		    { echo "$p: sha256"; return 1; }
	done
	for p in $bad; do
		[ "$(mf "$out" "$p" .status)" = failed ] || { echo "$p not failed"; return 1; }
		mf "$out" "$p" .error | grep -q "^pdf2text: $p: ." || { echo "$p: error $(mf "$out" "$p" .error)"; return 1; }
		[ "$(mf "$out" "$p" .output)" = null ] || { echo "$p: output"; return 1; }
	done
	[ "$(mf "$out" sub/d.txt .kind)" = text ] && [ "$(mf "$out" a.pdf .kind)" = pdf ] &&
	    [ "$(mf "$out" a.pdf .reason)" = new ] && [ "$(mf "$out" a.pdf .run)" = 1 ]
}
check "manifest: status, output, bytes, tables, rows and sha256 agree with the files; bad inputs have their one-line error" status_ok
cache_ok() {
	n=$(find "$out/.retable/cache" -name '*.gz' | wc -l)
	# 8 distinct PDFs (a.pdf and same-as-a.pdf share one)
	[ "$n" -eq 8 ] || { echo "$n cache entries, want 8"; return 1; }
	for f in "$out"/.retable/cache/*.gz; do gzip -t "$f" || return 1; done
	h=$(mf "$out" a.pdf .sha256)
	ls "$out/.retable/cache/$h".*.gz >/dev/null || return 1
	gzip -dc "$out/.retable/cache/$h".*.gz | head -1 | grep -q "^retable$(printf '\t')1"
}
check "cache: pdf2text's gzip stream per distinct content, named by its sha256" cache_ok
check "nothing left in .retable/tmp after a run" eval '[ ! -e "$out/.retable/tmp" ]'
grep -q "3 failed" "$tmp/berr" && grep -q "10 inputs" "$tmp/berr" &&
    ! grep -q "$(printf '\r')" "$tmp/berr" && [ ! -s "$tmp/bout" ]
check "stderr not a terminal: plain log lines and a summary, nothing on stdout" test $? -eq 0

# ---------------------------------------------------------------- reruns
# 13-16
snapshot "$out" >"$tmp/snap1"
batch -j 2 --text "$in" "$out"
check "rerun, nothing changed: still exit 1 (the bad inputs), nothing redone" \
    eval '[ "$bst" -eq 1 ] && [ "$(redone "$out" 2)" -eq 0 ] && grep -q "0 processed" "$tmp/berr"'
snapshot "$out" >"$tmp/snap2"
check "rerun, nothing changed: no output rewritten (same inodes and times)" cmp -s "$tmp/snap1" "$tmp/snap2"
touch "$in/a.pdf"
cp "$top/corpus/pdf/basic-04.pdf" "$in/sub/b.pdf"
batch -j 2 --text "$in" "$out"
check "a file touched is rehashed but not redone; a file whose content changed is redone (reason content)" \
    eval '[ "$(redone "$out" 3)" -eq 1 ] && [ "$(mf "$out" sub/b.pdf .reason)" = content ] &&
	[ "$(mf "$out" sub/b.pdf .run)" = 3 ] && [ "$(mf "$out" sub/b.pdf .cache)" = miss ] &&
	[ "$(mf "$out" sub/b.pdf .sha256)" = "$(sha256sum <"$in/sub/b.pdf" | cut -c1-64)" ]'
rm -f "$out/sub/deeper/c.pdf.jsonl"
echo '{"truncated":' >>"$out/a.pdf.jsonl"
batch -j 2 --text "$in" "$out"
check "an output deleted or altered behind its back is redone (reason output)" \
    eval '[ "$(redone "$out" 4)" -eq 2 ] && [ "$(mf "$out" a.pdf .reason)" = output ] &&
	[ "$(mf "$out" sub/deeper/c.pdf .reason)" = output ] && same_as_retable'

# 17-18: new programs (one binary differs): everything redone; the PDFs
# still come from the cache since pdf2text did not change.
mkdir "$tmp/bin2"
for p in pdf2text dehyphenate table-segment row-align; do ln -s "$bin/$p" "$tmp/bin2/$p"; done
cp "$bin/to-jsonl" "$tmp/bin2/to-jsonl"
printf '\0' >>"$tmp/bin2/to-jsonl"
RETABLE_BIN=$tmp/bin2 batch -j 2 --text "$in" "$out"
all_redone() { # all_redone RUN REASON CACHE
	for p in $good "$weird" $bad; do
		[ "$(mf "$out" "$p" .run)" = "$1" ] && [ "$(mf "$out" "$p" .reason)" = "$2" ] ||
		    { echo "$p: run $(mf "$out" "$p" .run), reason $(mf "$out" "$p" .reason)"; return 1; }
		case $p in *.txt) continue ;; esac
		[ "$(mf "$out" "$p" .cache)" = "$3" ] || { echo "$p: cache $(mf "$out" "$p" .cache)"; return 1; }
	done
}
check "new programs: every input redone (reason programs), every PDF from the cache" all_redone 5 programs hit
$sh "$batch" --changes "$out" >"$tmp/report" 2>&1
check "without --changes nothing is compared: changes null, and the report says so" \
    eval 'jq -e -s "all(.[]; .changes == null)" "$out/manifest.jsonl" >/dev/null &&
	grep -q "^run 5 redid inputs without comparing" "$tmp/report"'
check "the programs version is recorded and differs" \
    eval '[ "$(jq -r .programs "$out/manifest.jsonl" | sort -u | wc -l)" -eq 1 ] &&
	jq -r .programs "$out/manifest.jsonl" | grep -q "^[0-9.]*+[0-9a-f]\{12\}$"'
batch -j 2 --text "$in" "$out"

# 19-24: new rules.  A comment changes the hash and nothing else; a pattern
# edited changes what the tables say.
rules1=$tmp/rules1
cp -r "$RETABLE_RULES" "$rules1"
echo "# a comment" >>"$rules1/terms.rules"
h0=$(mf "$out" a.pdf .rules)
batch -j 2 --text --rules "$rules1" --changes "$in" "$out"
h1=$(mf "$out" a.pdf .rules)
check "rules changed (a comment): every input redone (reason rules), no PDF parsed again" \
    eval 'all_redone 7 rules hit && [ "$h1" != "$h0" ] && grep -q "(0 PDFs parsed, 9 from the cache)" "$tmp/berr"'
check "the rules hash recorded is the one in every table record" \
    eval '! cat "$out"/*.jsonl "$out"/sub/*.jsonl | grep "^{\"type\":\"table\"" | grep -v "\"rules\":\"$h1\""'
check "--changes after a comment: 10 inputs redone, none changed" \
    eval 'grep -q "^10 inputs redone: 0 changed, 10 unchanged" "$tmp/bout" &&
	grep -q "rules $h0 -> $h1" "$tmp/bout"'
rules2=$tmp/rules2
cp -r "$RETABLE_RULES" "$rules2"
# the code, title, unit, entity and total patterns never match any more
awk '/^\[/ { sec = $0 }
    { if (sec ~ /^\[(code|title|unit|entity|total)\]$/ && !/^\[/ && !/^#/ && $0 != "")
	print "^RETABLE-TEST-NEVER-MATCHES$"; else print }' \
    "$RETABLE_RULES/patterns.rules" >"$rules2/patterns.rules"
tables_before=$(jq -s 'map(.tables // 0) | add' "$out/manifest.jsonl")
cp "$out/manifest.jsonl" "$tmp/manifest-before"
batch -j 2 --text --rules "$rules2" --changes "$in" "$out"
changes_ok() {
	all_redone 8 rules hit || return 1
	jq -e -s --arg h "$h1" 'map(select(.changes == null or .changes.from_rules != $h)) | length == 0' \
	    "$out/manifest.jsonl" >/dev/null || { echo "changes.from_rules"; return 1; }
	changed=$(jq -s 'map(select(.changes.tables.changed + .changes.tables.added + .changes.tables.removed > 0)) | length' "$out/manifest.jsonl")
	if [ "$tables_before" -gt 0 ]; then
		[ "$changed" -gt 0 ] || { echo "no table changed"; return 1; }
	fi
	grep -q "^10 inputs redone: $changed changed, $((10 - changed)) unchanged" "$tmp/bout" ||
	    { cat "$tmp/bout"; return 1; }
	# each input listed in the report is one the manifest says changed
	n=$(grep -c '^  ' "$tmp/bout")
	[ "$n" -eq "$changed" ] || { echo "$n report lines for $changed changed inputs"; return 1; }
}
check "rules changed (patterns): --changes reports per input the tables and rows that changed" changes_ok
check "the manifest has each input's changes against its previous output" \
    jq -e -s 'all(.[]; .changes | has("tables") and has("rows") and (.tables | has("added") and has("removed") and has("changed")))' "$out/manifest.jsonl"
$sh "$batch" --changes "$out" >"$tmp/report" 2>&1
check "--changes OUT_DIR alone prints the report of the last run again" cmp -s "$tmp/report" "$tmp/bout"

# 25-27: a dry run first, then back to the original rules for real: the
# dry run says what the real one does, and changes nothing itself.
cp "$out/manifest.jsonl" "$tmp/manifest-before-dry"
cp "$out/.retable/runs" "$tmp/runs-before-dry"
snapshot "$out" >"$tmp/snap-dry1"
batch -j 2 --text --dry-run "$in" "$out"
cp "$tmp/bout" "$tmp/dry-report"
dry_ok() {
	[ "$bst" -eq 1 ] && cmp -s "$tmp/manifest-before-dry" "$out/manifest.jsonl" &&
	    cmp -s "$tmp/runs-before-dry" "$out/.retable/runs" && [ ! -e "$out/.retable/tmp" ] &&
	    snapshot "$out" | cmp -s - "$tmp/snap-dry1" &&
	    grep -q "^changes these rules and programs would make to the outputs (rules $h2 -> $h0)" "$tmp/dry-report" &&
	    grep -q "^10 inputs tried: " "$tmp/dry-report" && grep -q "a dry run: .* is as it was" "$tmp/berr"
}
h2=$(mf "$out" a.pdf .rules)
check "--dry-run: the changes report, and OUT_DIR (outputs, manifest, runs) left as it was" dry_ok
batch -j 2 --text --changes "$in" "$out"
check "the real run then changes what the dry run said it would" \
    eval 'grep "^  \|^in all" "$tmp/dry-report" >"$tmp/d1"; grep "^  \|^in all" "$tmp/bout" >"$tmp/d2";
	cmp -s "$tmp/d1" "$tmp/d2" && [ "$(redone "$out" 9)" -eq 10 ]'
check "back to the first rules: every output equals retable's again" same_as_retable
batch -j 1 --text --force "$in" "$out"
check "--force redoes every input (reason forced), -j 1 as well" all_redone 10 forced hit

# ---------------------------------------------------------------- more
# 27: inputs that disappear are kept unless --prune
mv "$in/sub/deeper/c.pdf" "$tmp/c.pdf"
batch -j 2 --text "$in" "$out"
kept=$([ -f "$out/sub/deeper/c.pdf.jsonl" ] && mf "$out" sub/deeper/c.pdf .status)
batch -j 2 --text --prune "$in" "$out"
check "a vanished input's output is kept, and removed with --prune (its manifest line too)" \
    eval '[ "$kept" = ok ] && [ ! -e "$out/sub/deeper/c.pdf.jsonl" ] &&
	[ -z "$(mf "$out" sub/deeper/c.pdf .status)" ] && manifest_ok "$out" 9'

# 28: without --text the text dumps are not inputs; all good: exit 0
mkdir "$tmp/in2"
cp "$top/corpus/pdf/basic-02.pdf" "$top/corpus/pdf/basic-02.txt" "$tmp/in2/"
batch "$tmp/in2" "$tmp/out2"
check "without --text only PDFs; every input ok gives exit status 0" \
    eval '[ "$bst" -eq 0 ] && [ -f "$tmp/out2/basic-02.pdf.jsonl" ] && [ ! -e "$tmp/out2/basic-02.txt.jsonl" ] && manifest_ok "$tmp/out2" 1'

# 29: usage errors
usage_ok() {
	for args in "" "$in" "-j 0 $in $tmp/o" "-j x $in $tmp/o" "--bogus $in $tmp/o" \
	    "$tmp/no-such-dir $tmp/o" "--rules $tmp/no-such-dir $in $tmp/o" "--timeout 0 $in $tmp/o"; do
		# shellcheck disable=SC2086
		$sh "$batch" $args >/dev/null 2>"$tmp/uerr"
		st=$?
		[ $st -eq 2 ] || { echo "'$args': exit $st"; return 1; }
		[ "$(wc -l <"$tmp/uerr")" -le 2 ] || { cat "$tmp/uerr"; return 1; }
	done
	[ ! -e "$tmp/o" ]
}
check "usage errors exit 2 with a short message and touch nothing" usage_ok

# 30: on a terminal, a progress line (inputs done of total, pages per
# second, failures, time left) redrawn in place
mkdir "$tmp/slowbin"
for p in dehyphenate table-segment row-align to-jsonl; do ln -s "$bin/$p" "$tmp/slowbin/$p"; done
printf '#!/bin/sh\nsleep 0.4\nexec "%s/pdf2text" "$@"\n' "$bin" >"$tmp/slowbin/pdf2text"
chmod +x "$tmp/slowbin/pdf2text"
if command -v script >/dev/null 2>&1; then
	RETABLE_BIN=$tmp/slowbin script -qec "$sh '$batch' -j 1 '$in' '$tmp/out3'" /dev/null >"$tmp/tty" 2>&1
	tty_ok() {
		cr=$(printf '\r\033')
		grep -q "$cr\\[Kretable-batch: [0-9]*/8 inputs, [0-9.]* pages/s, [0-9]* failed, [0-9?:]* left" "$tmp/tty" &&
		    grep -q "8 inputs: 8 processed" "$tmp/tty"
	}
	check "stderr a terminal: a progress line redrawn in place, then the summary" tty_ok
else
	skip "script(1) is not installed"
fi
