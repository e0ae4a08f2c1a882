#!/bin/sh
# mkfixtures.sh - regenerate the PDFs that tests/pdf2text.t reads.
#
# The PDFs are committed; this is only needed to change them.  It needs
# cairo (libcairo2-dev), the fonts fonts-wqy-microhei and fonts-dejavu,
# qpdf (with fix-qdf) and python3.
set -eu

cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

# shellcheck disable=SC2046
cc -o "$tmp/mkfixtures" mkfixtures.c $(pkg-config --cflags --libs cairo) -lm
(cd "$tmp" && ./mkfixtures)
cp "$tmp/table.pdf" "$tmp/landscape.pdf" "$tmp/sideways.pdf" \
    "$tmp/fakebold.pdf" .

# The sideways table shown upright by the page's /Rotate, as scanners
# and printer drivers write landscape pages; and the upright table
# turned sideways by a /Rotate it did not need.
qpdf --rotate=+90 sideways.pdf rotated.pdf
qpdf --rotate=+90:1 table.pdf turned.pdf

# Object streams and a cross-reference stream instead of a table.
qpdf --object-streams=generate table.pdf objstm.pdf

# Encrypted: one needs a password; two open without one, as restricted
# reports do (AES-256, and 40-bit RC4 from the old days).
qpdf --encrypt secret owner 256 -- table.pdf encrypted.pdf
qpdf --encrypt "" owner 256 -- table.pdf restricted.pdf
qpdf --allow-weak-crypto --encrypt "" owner 40 -- table.pdf restricted-rc4.pdf

# Cut short: the first half of the file.
head -c $(($(wc -c < table.pdf) / 2)) table.pdf > truncated.pdf

# The CID font loses its /ToUnicode: its glyphs have no Unicode values.
# (DejaVu keeps its WinAnsi encoding, which maps without one.)
qpdf --qdf --object-streams=disable "$tmp/unmapped-src.pdf" "$tmp/u.pdf"
sed 's|/ToUnicode [0-9]* 0 R||' "$tmp/u.pdf" | fix-qdf > "$tmp/u2.pdf"
qpdf "$tmp/u2.pdf" unmapped.pdf

# Page 2's content stream replaced by bytes that do not inflate.
qpdf --qdf --object-streams=disable table.pdf "$tmp/d.pdf"
python3 - "$tmp/d.pdf" "$tmp/d2.pdf" <<'EOF'
import re, sys
data = open(sys.argv[1], 'rb').read()
# qpdf --qdf labels each page's content: "%% Contents for page 2".
at = data.index(b'%% Contents for page 2')
obj = re.compile(rb'(\d+ 0 obj\n<<)(.*?)(>>\nstream\n)(.*?)(\nendstream)', re.S)
m = obj.search(data, at)
garbage = bytes((i * 37 + 11) % 256 for i in range(200))
data = (data[:m.start()] + m.group(1) + m.group(2) + b'  /Filter /FlateDecode\n' +
        m.group(3) + garbage + m.group(5) + data[m.end():])
open(sys.argv[2], 'wb').write(data)
EOF
fix-qdf < "$tmp/d2.pdf" > "$tmp/d3.pdf"
qpdf "$tmp/d3.pdf" damaged.pdf || test $? -eq 3

# Chinese fonts not embedded, without /ToUnicode, encoded by the CMaps
# poppler-data brings: GBK-EUC-H (GBK bytes) and UniGB-UCS2-H (UCS-2).
python3 - cmaps.pdf <<'PY'
import sys
text = (b'BT /F1 12 Tf 72 300 Td <C4E3BAC3D4A4CBE3> Tj ET\n'
        b'BT /F2 12 Tf 72 280 Td <54088BA1> Tj ET')
objs = [
    b'<< /Type /Catalog /Pages 2 0 R >>',
    b'<< /Type /Pages /Kids [3 0 R] /Count 1 /MediaBox [0 0 300 400] >>',
    b'<< /Type /Page /Parent 2 0 R /Contents 4 0 R '
    b'/Resources << /Font << /F1 5 0 R /F2 7 0 R >> >> >>',
    b'<< /Length %d >>\nstream\n' % len(text) + text + b'\nendstream',
    b'<< /Type /Font /Subtype /Type0 /BaseFont /SimSun '
    b'/Encoding /GBK-EUC-H /DescendantFonts [6 0 R] >>',
    b'<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun /CIDSystemInfo '
    b'<< /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /DW 1000 >>',
    b'<< /Type /Font /Subtype /Type0 /BaseFont /SimHei '
    b'/Encoding /UniGB-UCS2-H /DescendantFonts [8 0 R] >>',
    b'<< /Type /Font /Subtype /CIDFontType0 /BaseFont /SimHei /CIDSystemInfo '
    b'<< /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /DW 1000 >>',
]
out, offs = b'%PDF-1.4\n', []
for i, o in enumerate(objs):
    offs.append(len(out))
    out += b'%d 0 obj\n' % (i + 1) + o + b'\nendobj\n'
xref = len(out)
out += b'xref\n0 %d\n0000000000 65535 f \n' % (len(objs) + 1)
out += b''.join(b'%010d 00000 n \n' % o for o in offs)
out += b'trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n' % (
    len(objs) + 1, xref)
open(sys.argv[1], 'wb').write(out)
PY

printf 'This is not a PDF, only text named like one.\n' > notpdf.pdf
: > empty.pdf
