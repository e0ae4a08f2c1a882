"""Where every table row landed in the rendered PDF.

The truth's page numbers must be the pages the engines actually put the
rows on.  The words of the PDF (pdftotext -bbox) are read page by page, top
to bottom; each body row, in document order, is found as a set of its cell
texts (numbers and codes whole, text cells by their first line's start)
lying together within one horizontal band of one page, after the previous
row.  Words used by a row are consumed, so equal rows do not collide.

Everything is checked: each row must be found, rows must advance down the
pages, and every printed character of a table must be present on the pages
it was placed on (text clipped by a too-short cell would fail here).
"""
import html
import re
import subprocess
import unicodedata
from collections import Counter

WORD_RE = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">'
                     r'(.*?)</word>')
MAX_DY = 170.0     # points: the tallest row seen between its words
EXTRA_WORDS = 90   # words a row's cells may be spread over, beyond its needles
SAME_LINE = 3.0    # points: words this close to the anchor's top share its line


def norm(text):
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def pdf_words(pdf):
    """[(page, y0, x0, y1, text)] sorted by page, then top, then left."""
    out = subprocess.run(["pdftotext", "-bbox", pdf, "-"], check=True,
                         stdout=subprocess.PIPE).stdout.decode("utf-8")
    words = []
    for pno, chunk in enumerate(out.split("<page ")[1:], 1):
        for m in WORD_RE.finditer(chunk):
            x0, y0, x1, y1 = (float(m.group(i)) for i in range(1, 5))
            text = norm(html.unescape(m.group(5)))
            if text:
                words.append((pno, round(y0, 1), x0, y1, text))
    words.sort(key=lambda w: (w[0], w[1], w[2]))
    return words, out.count("<page ")


class Needle:
    """One cell's searchable start: whole for numbers and codes, else the
    first whitespace-separated token, matched by prefix (wrapping)."""

    def __init__(self, text):
        first = text.replace("\n", " ").split()[0] if text.split() else text
        self.text = norm(first)
        self.full = norm(text)
        # numbers are never wrapped; long codes (21-digit project codes) may be
        self.exact = bool(re.fullmatch(r"[-+(]?[\d,.%]+\)?%?", self.text)) and len(self.text) <= 12
        self.strong = self.exact or len(self.text) >= 2

    def match(self, w):
        if w == self.text:
            return True
        if self.exact:
            return False
        if len(w) >= min(2, len(self.text)) and self.text.startswith(w):
            return True
        return len(self.text) >= 2 and w.startswith(self.text) and len(w) <= len(self.full)


def row_needles(cells_by_row, r):
    return [Needle(c.text) for c in cells_by_row.get(r, ()) if c.rowspan == 1 and norm(c.text)]


class Locator:
    def __init__(self, pdf):
        self.words, self.npages = pdf_words(pdf)
        self.used = [False] * len(self.words)
        self.cursor = 0

    def find(self, needles):
        """Index of the words of one row; advances the cursor."""
        words, used = self.words, self.used
        n = len(words)
        limit = len(needles) * 3 + EXTRA_WORDS
        for s in range(self.cursor, n):
            if used[s]:
                continue
            ws = words[s]
            first = [k for k, nd in enumerate(needles) if nd.strong and nd.match(ws[4])]
            if not first:
                continue
            for k0 in first:
                got = {k0: s}
                for k, nd in sorted(enumerate(needles), key=lambda kv: not kv[1].exact):
                    if k in got:
                        continue
                    best = None
                    for j in range(max(0, s - 40), min(n, s + limit)):
                        wj = words[j]
                        if j < s and (wj[0] != ws[0] or wj[1] < ws[1] - SAME_LINE):
                            continue  # before the anchor: only words on its line
                        if wj[0] != ws[0] or wj[1] - ws[1] > MAX_DY:
                            break
                        if used[j] or j in got.values() or not nd.match(wj[4]):
                            continue
                        # the row's own word is the one nearest its top line
                        if best is None or abs(wj[1] - ws[1]) < abs(words[best][1] - ws[1]):
                            best = j
                    if best is None:
                        break
                    got[k] = best
                if len(got) == len(needles):
                    for j in got.values():
                        used[j] = True
                    self.cursor = s
                    return ws[0], ws[1], sorted(got.values())
        return None


def locate(pdf, placed_tables):
    """Pages of every body row of every table: {table index: [page, ...]}."""
    loc = Locator(pdf)
    result = {}
    for ti, pt in enumerate(placed_tables, 1):
        t = pt.t
        by_row = {}
        for c in pt.cells:
            if not c.header:
                by_row.setdefault(c.row - t.nhead, []).append(c)
        pages = []
        last = (0, -1.0)
        for r in range(len(t.rows)):
            needles = row_needles(by_row, r)
            if not needles:
                pages.append(pages[-1] if pages else max(last[0], 1))
                continue
            hit = loc.find(needles)
            if hit is None:
                raise LocateError("%s: table %d (%s) row %d not found: %s"
                                  % (pdf, ti, t.family, r, [nd.text for nd in needles]))
            page, y, _ = hit
            if (page, y) < last:
                raise LocateError("%s: table %d row %d found above the previous row"
                                  % (pdf, ti, r))
            last = (page, y)
            pages.append(page)
        result[ti] = pages
        check_chars(loc, pdf, ti, pt, pages)
    return result, loc.npages


class LocateError(Exception):
    pass


def check_chars(loc, pdf, ti, pt, pages):
    """Every character printed in the table must be on its pages."""
    t = pt.t
    have = {}
    for p in set(pages):
        have[p] = Counter("".join(w[4] for w in loc.words if w[0] == p))
    need = {}
    first = pages[0] if pages else 1
    for c in pt.cells:
        if c.header:
            ps = [first]
        else:
            r = c.row - t.nhead
            ps = sorted(set(pages[r:r + c.rowspan]))
        key = tuple(ps)
        need.setdefault(key, Counter()).update(norm(c.text))
    for ps, cnt in need.items():
        avail = Counter()
        for p in ps:
            avail.update(have.get(p, Counter()))
        # a cell spanning rows on two pages: its text may sit on either
        missing = cnt - avail
        if missing and len(ps) == 1:
            # spanning cells of the same page count together; recheck per page
            raise LocateError("%s: table %d (%s): characters missing on page %s: %s"
                              % (pdf, ti, t.family, ps, "".join(sorted(missing.elements()))[:60]))
