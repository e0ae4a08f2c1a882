"""Column widths, font size, orientation and (for spreadsheets) row heights.

A finance office sizes columns to their numbers and lets the headers wrap:
an amount column that stays empty is narrow, so its header comes out one
character per line; long item names wrap inside a capped label column.
The same widths go to every renderer, so a table looks alike whichever
engine prints it.  Text widths are estimated from character classes (a CJK
character is one em, a digit a little over half); the estimate errs wide,
and the page-location step checks afterwards that no text was clipped.
"""
import math
import unicodedata

PT = 0.3528  # mm per point
PAGE = {"portrait": (210.0, 297.0), "landscape": (297.0, 210.0)}


def char_em(ch):
    """Width of one character in em, generous."""
    if ch in "\n":
        return 0.0
    ea = unicodedata.east_asian_width(ch)
    if ea in ("W", "F", "A"):  # ambiguous ones (≥ ≤ ×) are full width in CJK fonts
        return 1.0
    if ch in "il.,:;'|!()[] ":
        return 0.36
    if ch.isupper() or ch in "mwMW%@":
        return 0.75
    return 0.6


def text_em(text):
    return sum(char_em(c) for c in text)


def longest_line_em(text):
    return max(text_em(line) for line in text.split("\n"))


def wrap_lines(text, width_em):
    """How many lines a text takes in a box width_em wide (char wrapping for
    CJK, word wrapping for Latin)."""
    if width_em <= 0.5:
        return len(text)
    lines = 0
    for para in text.split("\n"):
        if not para:
            lines += 1
            continue
        n, cur = 1, 0.0
        tokens = _tokens(para)
        for tok in tokens:
            w = text_em(tok)
            if cur + w <= width_em + 1e-6:
                cur += w
                continue
            if tok == " ":
                continue
            if w > width_em:  # a token longer than the box breaks anywhere
                for ch in tok:
                    cw = char_em(ch)
                    if cur + cw > width_em + 1e-6:
                        n += 1
                        cur = 0.0
                    cur += cw
                continue
            n += 1
            cur = w
        lines += n
    return lines


def _tokens(text):
    """Latin words stay whole; every CJK character is its own token."""
    out, word = [], ""
    for ch in text:
        if ch == " ":
            if word:
                out.append(word)
                word = ""
            out.append(" ")
        elif unicodedata.east_asian_width(ch) in ("W", "F"):
            if word:
                out.append(word)
                word = ""
            out.append(ch)
        else:
            word += ch
    if word:
        out.append(word)
    return out


class Layout:
    """Widths (mm) of a table's columns, its font size and orientation."""

    def __init__(self, widths, size, orientation, pad):
        self.widths = widths
        self.size = size
        self.orientation = orientation
        self.pad = pad

    @property
    def width(self):
        return sum(self.widths)

    def inner_em(self, c, span=1):
        w = sum(self.widths[c:c + span]) - 2 * self.pad
        return w / (self.size * PT)


def plan(table, cells, style, margins):
    """Choose font size, orientation and column widths for one table."""
    size = style["size"]
    orient = style.get("orientation", "portrait")
    for _ in range(12):
        widths = _natural(table, cells, size, style)
        # keep a margin of safety: engines round widths and add grid lines
        avail = (PAGE[orient][0] - margins[1] - margins[3]) * 0.96 - 2
        if sum(widths) <= avail:
            break
        if orient == "portrait" and style.get("allow_landscape", True):
            orient = "landscape"
            continue
        widths = _squeeze(table, widths, avail, size)
        if sum(widths) <= avail:
            break
        size = round(size - 0.5, 1)
        if size < 6.5:
            break
    if style.get("fill", True):
        widths = _fill(table, widths, avail)
    return Layout(widths, size, orient, style.get("pad", 1.0))


def _natural(table, cells, size, style):
    """Widths from the body content, label columns capped so they wrap."""
    em = size * PT
    pad = style.get("pad", 1.0)
    need = [0.0] * table.ncols
    for c in cells:
        if c.header or c.colspan > 1:
            continue
        need[c.col] = max(need[c.col], longest_line_em(c.text))
    widths = []
    caps = style.get("caps", {})
    for col in range(table.ncols):
        kind = table.col_types[col] if col < len(table.col_types) else "amount"
        n = need[col]
        cap = caps.get(kind, {"label": 16, "text": 14, "code": 22}.get(kind))
        if cap and n > cap:
            n = cap
        if col in table.col_width:
            widths.append(table.col_width[col])
            continue
        n = max(n, style.get("min_em", 1.3))
        widths.append(round(n * em * 1.1 + 2 * pad + 1.0, 1))
    return widths


def _squeeze(table, widths, avail, size):
    """Narrow the columns that may wrap - labels, texts, long codes - widest
    first, down to a floor each (texts wrap harder than labels)."""
    em = size * PT
    floors = {"label": 5 * em + 2, "text": 3.5 * em + 2, "code": 8 * em + 2}
    over = sum(widths) - avail
    flex = [i for i in range(len(widths)) if table.col_types[i] in floors
            and widths[i] > floors[table.col_types[i]]]
    while over > 0.05 and flex:
        i = max(flex, key=lambda i: widths[i] - floors[table.col_types[i]])
        room = widths[i] - floors[table.col_types[i]]
        if room <= 0.05:
            break
        cut = min(over, room, max(2 * em, room / 2))
        widths[i] = round(widths[i] - cut, 1)
        over -= cut
    return widths


def _fill(table, widths, avail):
    """Spread spare width over label/text columns first, as offices do when
    they stretch a sheet to the page."""
    spare = avail - sum(widths) - 0.5
    if spare <= 0:
        return widths
    flex = [i for i in range(len(widths)) if table.col_types[i] in ("label", "text")]
    if not flex:
        flex = list(range(len(widths)))
    share = spare * 0.7 / len(flex)
    out = list(widths)
    for i in flex:
        out[i] = round(out[i] + share, 1)
    rest = spare * 0.3 / len(out)
    return [round(w + rest, 1) for w in out]


def row_heights(table, cells, lay, nrows, line_factor, min_mm=5.0):
    """Row heights (mm) so that every cell's text fits, merged cells included
    (a spreadsheet's optimal height ignores merged cells)."""
    em = lay.size * PT
    line = em * line_factor
    heights = [min_mm] * nrows
    multi = []
    for c in cells:
        lines = wrap_lines(c.text, lay.inner_em(c.col, c.colspan) - 0.3)
        need = lines * line + 1.6
        if c.rowspan == 1:
            heights[c.row] = max(heights[c.row], need)
        else:
            multi.append((c, need))
    for c, need in sorted(multi, key=lambda x: x[0].rowspan):
        have = sum(heights[c.row:c.row + c.rowspan])
        if have < need:
            extra = (need - have) / c.rowspan
            for r in range(c.row, c.row + c.rowspan):
                heights[r] += extra
    return [math.ceil(h * 10) / 10.0 for h in heights]
