#!/bin/sh
# batch-faults.t - scripts/retable-batch when things go wrong (TAP): kill -9
# of the main process mid-batch, kill -9 of everything (as a power loss
# would), Ctrl-C, a stage crashing, a program hanging, a damaged cache.
# After each: no partial or wrong output, a manifest of whole lines, and a
# rerun that finishes the work without redoing what was done.
#
# Needs $RETABLE_BIN and $RETABLE_TOP; jq, setsid (util-linux), perl.

top=${RETABLE_TOP:?RETABLE_TOP not set}
: "${RETABLE_BIN:?RETABLE_BIN not set}"
export RETABLE_RULES="${RETABLE_RULES:-$top/rules}"
sh=$(command -v dash || echo sh)
retable=$top/scripts/retable
batch=$top/scripts/retable-batch
tmp=$(mktemp -d "${TMPDIR:-/tmp}/batch-faults-t.XXXXXX") || exit 1
bg=
cleanup() {
	# a batch still running in the background (a failed test): its group
	[ -n "$bg" ] && kill -9 "-$bg" 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT
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
check() {
	d=$1
	shift
	if "$@" >"$tmp/check.out" 2>&1; then ok "$d"; else
		not_ok "$d"
		sed 's/^/# /' "$tmp/check.out" | head -20
		sed 's/^/# stderr: /' "$tmp/berr" 2>/dev/null | tail -5
	fi
}
batch() {
	$sh "$batch" "$@" >"$tmp/bout" 2>"$tmp/berr"
	bst=$?
}
mf() {
	jq -r --arg p "$2" "select(.path == \$p) | $3" "$1/manifest.jsonl"
}
redone() {
	jq -s --argjson r "$2" 'map(select(.run == $r)) | length' "$1/manifest.jsonl"
}
# pgid PID: the process group of PID
pgid() {
	sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | cut -d' ' -f3
}
mypg=$(pgid $$)

echo "1..15"

# 20 distinct PDFs: the five basic documents, four copies of each, each
# copy made different by a comment after its end.
in=$tmp/in
mkdir -p "$in/x" "$in/y"
i=0
while [ $i -lt 20 ]; do
	d=$(( i % 5 + 1 ))
	sub=x
	[ $i -ge 10 ] && sub=y
	{ cat "$top/corpus/pdf/basic-0$d.pdf"; printf '\n%% copy %d\n' $i; } >"$in/$sub/doc$i.pdf"
	i=$((i + 1))
done
inputs=$(cd "$in" && find . -name '*.pdf' | sed 's|^\./||' | sort)
mkdir "$tmp/ref"
for p in $inputs; do
	mkdir -p "$tmp/ref/$(dirname "$p")"
	(cd "$in" && $sh "$retable" "$p") >"$tmp/ref/$p.jsonl" 2>/dev/null
done

# Programs that take their time: pdf2text and dehyphenate sleep first.
slow=$tmp/slowbin
mkdir "$slow"
for p in table-segment row-align to-jsonl; do ln -s "$bin/$p" "$slow/$p"; done
for p in pdf2text dehyphenate; do
	printf '#!/bin/sh\nsleep 0.2\nexec "%s/%s" "$@"\n' "$bin" $p >"$slow/$p"
	chmod +x "$slow/$p"
done

# whole OUT: every output there is whole and right (equal to the
# single-file pipeline's), nothing else lies outside .retable, and every
# manifest line is whole JSON naming an output that is there.
whole() {
	# the manifest first: an output is in place before its line is written
	cp "$1/manifest.jsonl" "$tmp/mf" 2>/dev/null || : >"$tmp/mf"
	find "$1" -name .retable -prune -o -type f ! -name manifest.jsonl -print |
	    sed "s|^$1/||" | sort >"$tmp/present"
	while read -r f; do
		case $f in *.pdf.jsonl) ;; *) echo "stray file $f"; return 1 ;; esac
		cmp -s "$1/$f" "$tmp/ref/$f" || { echo "$f: partial or wrong"; return 1; }
	done <"$tmp/present"
	[ ! -s "$tmp/mf" ] || jq -c . "$tmp/mf" >/dev/null ||
	    { echo "manifest: a line is not JSON"; return 1; }
	for p in $(jq -r 'select(.status == "ok") | .output' "$tmp/mf" 2>/dev/null); do
		grep -qx "$p" "$tmp/present" || { echo "manifest names $p, not there"; return 1; }
	done
}
all_done() { # all_done OUT: the 20 outputs, all ok
	whole "$1" || return 1
	[ "$(wc -l <"$tmp/present")" -eq 20 ] || { echo "$(wc -l <"$tmp/present") outputs"; return 1; }
	[ "$(jq -s 'map(select(.status == "ok")) | length' "$1/manifest.jsonl")" -eq 20 ] ||
	    { echo "not 20 ok lines"; return 1; }
	[ ! -e "$1/.retable/tmp" ] || { echo "tmp left"; return 1; }
}
# start OUT [ARGS]: a batch with the slow programs in the background, in a
# process group of its own ($bg); waits until WANT inputs are recorded,
# checking meanwhile that a reader never sees a partial output.
start() {
	o=$1
	shift
	RETABLE_BIN=$slow setsid perl -e '$SIG{INT} = "DEFAULT"; exec @ARGV or die' \
	    $sh "$batch" -j 2 "$@" "$in" "$o" >/dev/null 2>"$tmp/kerr" &
	pid=$!
	# setsid makes the batch a process group of its own: wait for it
	i=0
	while [ "$(pgid $pid)" != $pid ] && [ $i -lt 100 ]; do sleep 0.02; i=$((i + 1)); done
	[ "$(pgid $pid)" = $pid ] && [ $pid != "$mypg" ] && bg=$pid
	waited=0
	while [ $waited -lt 300 ]; do
		c=$(cat "$o/manifest.jsonl" 2>/dev/null | wc -l)
		[ "$c" -ge "$want" ] && break
		whole "$o" >"$tmp/reader" 2>&1 || { cat "$tmp/reader"; reader_failed=1; }
		sleep 0.05
		waited=$((waited + 1))
	done
}
reader_failed=0

# 1-4: kill -9 of the main process.  Its workers finish the input they
# are on, see that it is gone and stop; the rerun waits for them.
want=4
start "$tmp/o1"
kill -9 $pid
wait $pid 2>/dev/null
done1=$(cat "$tmp/o1/manifest.jsonl" | wc -l)
check "kill -9 of the main process mid-batch: no partial output, whole manifest lines" \
    eval '[ $reader_failed -eq 0 ] && whole "$tmp/o1" && [ "$done1" -ge 4 ] && [ "$done1" -lt 20 ]'
RETABLE_BIN=$slow batch -j 2 "$in" "$tmp/o1"
bg=
check "the rerun completes every input, exit 0" eval '[ $bst -eq 0 ] && all_done "$tmp/o1"'
n1=$(redone "$tmp/o1" 1)
n2=$(redone "$tmp/o1" 2)
check "the rerun skips what was done before the kill ($n1 done, $n2 redone)" \
    eval '[ "$n1" -ge "$done1" ] && [ "$n2" -ge 1 ] && [ $((n1 + n2)) -eq 20 ] &&
	grep -q "20 inputs: $n2 to do ($n2 new), $n1 unchanged" "$tmp/berr"'
check "every input parsed once: the cache holds 20 entries" \
    eval '[ "$(ls "$tmp/o1/.retable/cache" | wc -l)" -eq 20 ]'

# 5-7: kill -9 of every process of the batch at once, as a power loss
# would stop them.
want=3
start "$tmp/o2"
[ -n "$bg" ] && kill -9 "-$bg"
wait $pid 2>/dev/null
bg=
done2=$(cat "$tmp/o2/manifest.jsonl" | wc -l)
check "kill -9 of the whole batch: no partial output, whole manifest lines" \
    eval '[ $reader_failed -eq 0 ] && whole "$tmp/o2" && [ "$done2" -lt 20 ]'
RETABLE_BIN=$slow batch -j 2 "$in" "$tmp/o2"
check "the rerun clears what was left in progress and completes every input" \
    eval '[ $bst -eq 0 ] && all_done "$tmp/o2" && [ -z "$(ls -A "$tmp/o2/.retable/cache" | grep "^\.tmp")" ]'
check "the rerun redoes only what was not recorded" \
    eval '[ "$(redone "$tmp/o2" 2)" -eq $((20 - done2)) ]'

# 8-9: Ctrl-C (SIGINT to the process group): a summary, exit 130, no work
# in progress left; the rerun resumes.
want=3
start "$tmp/o3"
[ -n "$bg" ] && kill -INT "-$bg"
wait $pid
st=$?
bg=
check "Ctrl-C: exit 130, says how to resume, no partial output, nothing left in progress" \
    eval '[ $st -eq 130 ] && grep -q "interrupted; run the same command again to resume" "$tmp/kerr" &&
	whole "$tmp/o3" && [ ! -e "$tmp/o3/.retable/tmp" ]'
done3=$(cat "$tmp/o3/manifest.jsonl" | wc -l)
RETABLE_BIN=$slow batch -j 2 "$in" "$tmp/o3"
check "after Ctrl-C the rerun completes the rest only" \
    eval '[ $bst -eq 0 ] && all_done "$tmp/o3" && [ "$(redone "$tmp/o3" 2)" -eq $((20 - done3)) ]'

# 10: new rules, a run killed half-way and resumed: the changes report
# covers both runs.
cp -r "$RETABLE_RULES" "$tmp/rules-new"
echo "# new" >>"$tmp/rules-new/terms.rules"
RETABLE_BIN=$slow $sh "$batch" -j 2 --chunk 2 --changes --rules "$tmp/rules-new" "$in" "$tmp/o3" >/dev/null 2>&1 &
pid=$!
i=0
while [ "$(grep -c '"run":3,' "$tmp/o3/manifest.jsonl")" -lt 2 ] && [ $i -lt 200 ]; do sleep 0.05; i=$((i + 1)); done
kill -9 $pid
wait $pid 2>/dev/null
part=$(grep -c '"run":3,' "$tmp/o3/manifest.jsonl")
RETABLE_BIN=$slow batch -j 2 --changes --rules "$tmp/rules-new" "$in" "$tmp/o3"
$sh "$batch" --changes "$tmp/o3" >"$tmp/report" 2>&1
check "rules changed, the run killed ($part of 20 done) and resumed: --changes reports both runs" \
    eval '[ "$part" -ge 2 ] && [ "$part" -lt 20 ] && [ "$(redone "$tmp/o3" 3)" -ge "$part" ] &&
	[ $(($(redone "$tmp/o3" 3) + $(redone "$tmp/o3" 4))) -eq 20 ] && [ "$(redone "$tmp/o3" 4)" -gt 0 ] &&
	[ "$(jq -s "map(select(.status == \"ok\" and .reason == \"rules\")) | length" "$tmp/o3/manifest.jsonl")" -eq 20 ] &&
	grep -q "^changes made by run 3-4 against the outputs they replaced (rules [0-9a-f]* -> [0-9a-f]*):" "$tmp/report" &&
	grep -q "^20 inputs redone: 0 changed, 20 unchanged" "$tmp/report"'

# 11-12: a stage crashing on one input of a chunk: the chunk is run again
# one input at a time; only that input fails, with a one-line error.
crash=$tmp/crashbin
mkdir "$crash"
for p in pdf2text dehyphenate table-segment to-jsonl; do ln -s "$bin/$p" "$crash/$p"; done
cat >"$crash/row-align" <<EOF
#!/bin/sh
t=\$(mktemp) || exit 1
cat >"\$t"
if grep -q RETABLE-CRASH "\$t"; then rm -f "\$t"; kill -SEGV \$\$; fi
"$bin/row-align" "\$@" <"\$t"
s=\$?
rm -f "\$t"
exit \$s
EOF
chmod +x "$crash/row-align"
in2=$tmp/in2
mkdir "$in2"
cp "$in/x/doc0.pdf" "$in/x/doc1.pdf" "$in/y/doc12.pdf" "$in2/"
{ cat "$top/corpus/pdf/basic-03.txt"; echo "RETABLE-CRASH"; } >"$in2/crash.txt"
cp "$top/corpus/pdf/basic-03.txt" "$in2/fine.txt"
RETABLE_BIN=$crash batch -j 1 --chunk 8 --text "$in2" "$tmp/o4"
crash_ok() {
	[ $bst -eq 1 ] || { echo "exit $bst"; return 1; }
	[ "$(mf "$tmp/o4" crash.txt .status)" = failed ] || return 1
	mf "$tmp/o4" crash.txt .error | grep -qx "row-align: crash.txt: crashed (signal 11)" ||
	    { mf "$tmp/o4" crash.txt .error; return 1; }
	[ ! -e "$tmp/o4/crash.txt.jsonl" ] || { echo "output for crash.txt"; return 1; }
	for p in doc0.pdf doc1.pdf doc12.pdf fine.txt; do
		[ "$(mf "$tmp/o4" $p .status)" = ok ] || { echo "$p not ok"; return 1; }
		(cd "$in2" && $sh "$retable" $p) | cmp -s - "$tmp/o4/$p.jsonl" || { echo "$p differs"; return 1; }
	done
	grep -q "^retable-batch: row-align: crash.txt: crashed (signal 11)$" "$tmp/berr"
}
check "a stage crashing on one input: that input fails with its one-line error, the others are right" crash_ok
RETABLE_BIN=$crash batch -j 1 --text "$in2" "$tmp/o4"
st1=$bst
n_same=$(redone "$tmp/o4" 2)
RETABLE_BIN=$crash batch -j 1 --text --retry-failed "$in2" "$tmp/o4"
check "a failed input is not retried while nothing changed; --retry-failed retries it" \
    eval '[ $st1 -eq 1 ] && [ "$n_same" -eq 0 ] && [ "$(redone "$tmp/o4" 3)" -eq 1 ] &&
	[ "$(mf "$tmp/o4" crash.txt .reason)" = retry ]'

# 13-14: a program that hangs is stopped after --timeout seconds: over a
# whole chunk, then over the one input.
hang=$tmp/hangbin
mkdir "$hang"
for p in dehyphenate row-align to-jsonl; do ln -s "$bin/$p" "$hang/$p"; done
cat >"$hang/table-segment" <<EOF
#!/bin/sh
t=\$(mktemp "$tmp/ts.XXXXXX") || exit 1
cat >"\$t"
grep -q RETABLE-HANG "\$t" && exec sleep 30
exec "$bin/table-segment" "\$@" <"\$t"
EOF
cat >"$hang/pdf2text" <<EOF
#!/bin/sh
for a; do f=\$a; done
case \$(head -c 40 "\$f") in *RETABLE-HANG*) exec sleep 30 ;; esac
exec "$bin/pdf2text" "\$@"
EOF
chmod +x "$hang/pdf2text" "$hang/table-segment"
in3=$tmp/in3
mkdir "$in3"
cp "$in/x/doc0.pdf" "$in3/"
cp "$top/corpus/pdf/basic-03.txt" "$in3/fine.txt"
printf '%%PDF-1.4 RETABLE-HANG\n' >"$in3/hang.pdf"
{ cat "$top/corpus/pdf/basic-03.txt"; echo "RETABLE-HANG"; } >"$in3/hang.txt"
RETABLE_BIN=$hang batch -j 1 --chunk 4 --text --timeout 1 "$in3" "$tmp/o5"
check "a hanging program is stopped: those inputs fail (timed out), the others are done" \
    eval '[ $bst -eq 1 ] && mf "$tmp/o5" hang.pdf .error | grep -qx "pdf2text: hang.pdf: timed out after 1 s" &&
	mf "$tmp/o5" hang.txt .error | grep -qx "table-segment: hang.txt: timed out after 1 s" &&
	[ "$(mf "$tmp/o5" doc0.pdf .status)" = ok ] && [ "$(mf "$tmp/o5" fine.txt .status)" = ok ] &&
	(cd "$in3" && $sh "$retable" fine.txt) | cmp -s - "$tmp/o5/fine.txt.jsonl"'
check "a timeout is not cached: one cache entry" \
    eval '[ "$(ls "$tmp/o5/.retable/cache" | wc -l)" -eq 1 ]'

# 15: a damaged cache entry is parsed again instead of failing the input.
o=$tmp/o6
batch -j 1 --chunk 4 "$in2" "$o"
h=$(mf "$o" doc1.pdf .sha256)
f=$(ls "$o/.retable/cache/$h".*.gz)
head -c 200 "$f" >"$f.part" && mv "$f.part" "$f"
batch -j 1 --chunk 4 --force "$in2" "$o"
check "a damaged cache entry: the PDF is parsed again, every input ok" \
    eval '[ $bst -eq 0 ] && [ "$(mf "$o" doc1.pdf .cache)" = miss ] && [ "$(mf "$o" doc0.pdf .cache)" = hit ] &&
	(cd "$in2" && $sh "$retable" doc1.pdf) | cmp -s - "$o/doc1.pdf.jsonl" && gzip -t "$f"'
