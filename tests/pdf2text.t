#!/bin/sh
# pdf2text.t - pdf2text on its fixtures: spans, rulings, pages, rotation,
# fake bold, unmapped fonts, compressed input and output, bad inputs.
# TAP for prove(1); needs $RETABLE_BIN and $RETABLE_TOP (see Makefile).

bin=${RETABLE_BIN:?RETABLE_BIN not set}/pdf2text
top=${RETABLE_TOP:?RETABLE_TOP not set}
data=$top/tests/data/pdf
shared=${RETABLE_SHARED:-$top/../shared}
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
tab=$(printf '\t')
n=0

ok() {
	n=$((n + 1))
	if [ "$1" -eq 0 ]; then
		echo "ok $n - $2"
	else
		echo "not ok $n - $2"
	fi
}

check() {
	desc=$1
	shift
	if "$@"; then ok 0 "$desc"; else ok 1 "$desc"; fi
}

# The span record whose text is $2, from stream file $1.
span() {
	awk -F'\t' -v t="$2" '$1 == "span" && $9 == t' "$1"
}

# Is the span's field $3 (2: page, 3: x0, 4: y0, 5: x1, 6: y1, 7: size)
# within 0.6 of $4?
span_at() {
	span "$1" "$2" | awk -F'\t' -v f="$3" -v want="$4" '
	    { d = $f - want; if (d < 0) d = -d; if (d <= 0.6) found = 1 }
	    END { exit !found }'
}

# Does the baseline y lie inside the span's box?
span_on() {
	span "$1" "$2" | awk -F'\t' -v y="$3" '
	    $4 < y && $6 > y { found = 1 } END { exit !found }'
}

two_spans() {
	test -n "$(span "$1" "$2")" && test -n "$(span "$1" "$3")"
}

# Do the spans of page $2 come top to bottom (a line's own may differ by
# less than a line)?
reads_down() {
	awk -F'\t' -v p="$2" '$1 == "span" && $2 == p { seen++
	    if ($4 + 0 < last - 3) bad = 1; last = $4 }
	    END { exit bad || seen < 2 }' "$1"
}

has_rule() {
	awk -F'\t' -v want="$2" '$1 == "rule" {
	    r = $2 " " $3 " " $4 " " $5 " " $6 " " $7; if (r == want) found = 1 }
	    END { exit !found }' "$1"
}

count() {
	awk -F'\t' -v k="$2" -v p="$3" '$1 == k && (p == "" || $2 == p) { c++ }
	    END { print c + 0 }' "$1"
}

# The records of the pages, without the doc and page headers.
body() {
	grep -E '^(span|rule)' "$1"
}

# The same records, and some.
same() {
	test -s "$1" && cmp -s "$1" "$2"
}

# --- the table -----------------------------------------------------------
"$bin" "$data/table.pdf" > "$tmp/table" 2> "$tmp/err"
ok $? "table.pdf converts with exit status 0"
check "nothing on stderr for a good file" test ! -s "$tmp/err"
check "the stream starts with its header" \
    test "$(head -n 1 "$tmp/table")" = "retable${tab}1"
check "a doc record names the file and its pages" \
    grep -qx "doc${tab}$data/table.pdf${tab}pages=2" "$tmp/table"
check "a page record with the page's size" \
    grep -qx "page${tab}1${tab}595.00${tab}842.00" "$tmp/table"
check "header cell: its box starts where it was drawn" \
    span_at "$tmp/table" "科目编码" 3 76
check "header cell: the baseline inside the box" \
    span_on "$tmp/table" "科目编码" 134
check "header cell: font size 9" span_at "$tmp/table" "科目编码" 7 9
check "a right-aligned number ends at the column's edge" \
    span_at "$tmp/table" "1,234.56" 5 378
check "a number with separators is one span" \
    span_at "$tmp/table" "12,345,678.90" 5 378
check "words of a cell stay one span" \
    span_at "$tmp/table" "Pension fund, staff" 3 164
check "CJK text without spaces stays one span" \
    span_at "$tmp/table" "一般公共预算财政拨款支出" 3 72
check "numbers 0.55 em apart are two spans" \
    span_at "$tmp/table" "7,890.12" 3 205
check "CJK cells 1.5 em apart are two spans" \
    span_at "$tmp/table" "金额" 3 104
check "digits touching a column line from both sides are two spans" \
    two_spans "$tmp/table" 7 8
check "the frame's top edge is a rule" \
    has_rule "$tmp/table" "1 72.00 120.00 523.00 120.00 1.00"
check "a row line drawn cell by cell is one rule" \
    has_rule "$tmp/table" "1 72.00 140.00 523.00 140.00 0.50"
check "a thin filled rectangle is a column rule" \
    has_rule "$tmp/table" "1 380.00 120.00 380.00 220.00 0.50"
check "12 rules on page 1: no white line, diagonal or filled box" \
    test "$(count "$tmp/table" rule 1)" -eq 12
check "page 2 has its own records" \
    has_rule "$tmp/table" "2 72.00 100.00 300.00 100.00 2.00"
check "spans read top to bottom" reads_down "$tmp/table" 1

# --- turned pages --------------------------------------------------------
"$bin" "$data/landscape.pdf" > "$tmp/landscape"
"$bin" "$data/sideways.pdf" > "$tmp/sideways"
ok $? "a page drawn sideways converts"
check "sideways text: the page is turned upright, rotate=90" \
    grep -qx "page${tab}1${tab}842.00${tab}595.00${tab}rotate=90" \
    "$tmp/sideways"
body "$tmp/landscape" > "$tmp/l.body"
body "$tmp/sideways" > "$tmp/s.body"
check "sideways text reads as the same table on a landscape page" \
    same "$tmp/l.body" "$tmp/s.body"
"$bin" "$data/rotated.pdf" > "$tmp/rotated"
check "/Rotate 90: rotate=90 and the landscape size" \
    grep -qx "page${tab}1${tab}842.00${tab}595.00${tab}rotate=90" \
    "$tmp/rotated"
body "$tmp/rotated" > "$tmp/r.body"
check "/Rotate 90: the same spans and rules as drawn upright" \
    same "$tmp/l.body" "$tmp/r.body"
"$bin" "$data/turned.pdf" > "$tmp/turned"
body "$tmp/table" > "$tmp/t.body"
body "$tmp/turned" > "$tmp/u.body"
check "an upright page /Rotate'd sideways is read upright again" \
    same "$tmp/t.body" "$tmp/u.body"

# --- fake bold -----------------------------------------------------------
"$bin" "$data/fakebold.pdf" > "$tmp/bold"
check "fake bold CJK: each glyph once" span_at "$tmp/bold" "合计" 3 40
check "fake bold words drawn three times: once" \
    span_at "$tmp/bold" "Total 1,000" 3 40
check "glyphs doubled inside one run: once" span_at "$tmp/bold" "Sum 100" 3 40
check "three spans on the fake bold page" \
    test "$(count "$tmp/bold" span 1)" -eq 3

# --- how the file is stored ----------------------------------------------
for f in objstm restricted restricted-rc4; do
	"$bin" "$data/$f.pdf" > "$tmp/$f"
	body "$tmp/$f" > "$tmp/$f.body"
	case $f in
	objstm) what="object and cross-reference streams" ;;
	restricted) what="AES-256 encrypted, no password needed" ;;
	*) what="RC4 encrypted, no password needed" ;;
	esac
	check "$what: same records" same "$tmp/t.body" "$tmp/$f.body"
done

# --- characters without Unicode ------------------------------------------
"$bin" "$data/unmapped.pdf" > "$tmp/unmapped" 2> "$tmp/err"
ok $? "a font without a Unicode map is a warning: exit 0"
check "the doc record counts the characters left out" \
    grep -qx "doc${tab}$data/unmapped.pdf${tab}pages=1${tab}unmapped=3" \
    "$tmp/unmapped"
check "one warning line on stderr" test "$(cat "$tmp/err")" = \
    "pdf2text: $data/unmapped.pdf: 3 characters without a Unicode mapping"
check "the mapped font's text is kept" span_at "$tmp/unmapped" "Budget 2023" 3 40
check "no control characters, U+FFFD or (cid: in the output" \
    sh -c "! LC_ALL=C grep -q \"\$(printf '[\001-\010\016-\037]')\
\\|$(printf '\357\277\275')\\|(cid:\" '$tmp/unmapped'"

# --- CJK fonts without a map of their own ---------------------------------
if [ -d /usr/share/poppler/cMap ]; then
	"$bin" "$data/cmaps.pdf" > "$tmp/cmaps" 2> "$tmp/err"
	check "GBK-EUC-H: read through poppler-data's CMap" \
	    span_at "$tmp/cmaps" "你好预算" 3 72
	check "UniGB-UCS2-H: read through poppler-data's CMap" \
	    span_at "$tmp/cmaps" "合计" 3 72
	check "nothing left out, no warning" sh -c "! grep -q unmapped \
	    '$tmp/cmaps' && test ! -s '$tmp/err'"
else
	for i in 1 2 3; do
		n=$((n + 1))
		echo "ok $n # skip poppler-data not installed"
	done
fi

# --- compressed output and input -----------------------------------------
"$bin" -z "$data/table.pdf" > "$tmp/table.gz"
ok $? "-z converts with exit status 0"
gzip -dc "$tmp/table.gz" > "$tmp/unzipped"
check "-z output decompresses to the same stream" \
    same "$tmp/table" "$tmp/unzipped"
gzip -c "$data/table.pdf" > "$tmp/table.pdf.gz"
"$bin" "$tmp/table.pdf.gz" > "$tmp/fromgz"
ok $? "a gzip-compressed PDF is read"
body "$tmp/fromgz" > "$tmp/g.body"
check "with the same records" same "$tmp/t.body" "$tmp/g.body"
"$bin" < "$tmp/table.pdf.gz" > "$tmp/stdin"
ok $? "a compressed PDF on standard input is read"
check "its doc record names standard input" \
    grep -qx "doc${tab}-${tab}pages=2" "$tmp/stdin"
body "$tmp/stdin" > "$tmp/i.body"
check "with the same records" same "$tmp/t.body" "$tmp/i.body"

# --- bad inputs ----------------------------------------------------------
mkdir "$tmp/dir"
bad() {
	file=$1
	want=$2
	"$bin" "$file" "$data/table.pdf" > "$tmp/bad" 2> "$tmp/err"
	ok $(($? != 1)) "$3: exit status 1"
	check "$3: one line on stderr: $want" test "$(cat "$tmp/err")" = \
	    "pdf2text: $file: $want"
	check "$3: an error record in the stream" \
	    grep -q "^error${tab}$file${tab}pdf2text${tab}" "$tmp/bad"
	check "$3: the good file after it still converts" \
	    grep -qx "doc${tab}$data/table.pdf${tab}pages=2" "$tmp/bad"
}
bad "$data/notpdf.pdf" "not a PDF" "not a PDF"
bad "$data/empty.pdf" "empty file" "an empty file"
bad "$data/encrypted.pdf" "encrypted (needs a password)" "a password"
bad "$tmp/missing.pdf" "No such file or directory" "a missing file"
bad "$tmp/dir" "is a directory" "a directory"
"$bin" "$data/truncated.pdf" > "$tmp/bad" 2> "$tmp/err"
ok $(($? != 1)) "a truncated PDF: exit status 1"
check "a truncated PDF: one line on stderr, truncated or damaged" \
    sh -c "test \$(wc -l < '$tmp/err') -eq 1 && grep -q \
    '^pdf2text: $data/truncated.pdf: truncated or damaged PDF: ' '$tmp/err'"
check "a truncated PDF: no doc record, an error record" \
    sh -c "! grep -q '^doc' '$tmp/bad' && grep -q '^error' '$tmp/bad'"
"$bin" "$data/damaged.pdf" > "$tmp/bad" 2> "$tmp/err"
ok $(($? != 1)) "a page that cannot be read: exit status 1"
check "it is named on the one line on stderr" test "$(cat "$tmp/err")" = \
    "pdf2text: $data/damaged.pdf: truncated or damaged PDF: page 2: corrupt deflate data"
check "the pages before it are in the stream" \
    test "$(count "$tmp/bad" rule 1)" -eq 12
check "an error record follows them" \
    sh -c "tail -n 1 '$tmp/bad' | grep -q '^error${tab}$data/damaged.pdf'"

# --- the command line ----------------------------------------------------
"$bin" --help > "$tmp/help"
ok $? "--help exits 0"
check "--help prints the usage" grep -q '^usage: pdf2text' "$tmp/help"
"$bin" --version > "$tmp/version"
ok $? "--version exits 0"
"$bin" --bogus > /dev/null 2>&1
ok $(($? != 2)) "an unknown option exits 2"

# --- the ICDAR 2013 EU reports, when the shared data is there -------------
if [ -d "$shared/icdar2013-eu" ]; then
	bad=
	for f in "$shared"/icdar2013-eu/*.pdf; do
		"$bin" "$f" > "$tmp/icdar" 2> /dev/null || bad="$bad $f"
		if LC_ALL=C grep -q "$(printf '\357\277\275')\\|(cid:" \
		    "$tmp/icdar"; then
			bad="$bad $f"
		fi
	done
	[ -z "$bad" ] || echo "# failed:$bad"
	check "every ICDAR PDF converts, without U+FFFD or (cid:" test -z "$bad"
else
	n=$((n + 1))
	echo "ok $n # skip ../shared not present"
fi

echo "1..$n"
