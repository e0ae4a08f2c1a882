"""The table model every family builder fills and every renderer reads.

A table is a grid: header cells (with row and column spans) above body
rows.  Amounts are kept as integer cents until the very end, with the
arithmetic identities that tie them together (a row is the sum of its parts,
a total the sum of the body, a parent code the sum of its children), so the
numbers are consistent by construction and the identities can be written
out beside the truth and checked again from the printed text.
"""
from decimal import Decimal


class Cell:
    """One grid cell: text as printed ("\n" marks a forced line break)."""

    __slots__ = ("row", "col", "rowspan", "colspan", "text", "header", "align")

    def __init__(self, row, col, text, rowspan=1, colspan=1, header=False, align=None):
        self.row, self.col = row, col
        self.rowspan, self.colspan = rowspan, colspan
        self.text = text
        self.header = header
        self.align = align

    @property
    def flat(self):
        """The text with forced line breaks removed: what the truth holds."""
        return self.text.replace("\n", "")


class Amt:
    """An amount cell: integer cents, or a formula filled in by evaluate()."""

    __slots__ = ("cents", "parts", "fixed")

    def __init__(self, cents=None, parts=None):
        self.cents = cents
        self.parts = parts  # list of (row, col) when computed
        self.fixed = parts is None


def hnode(text, children=(), rs=1):
    """A header tree node: text, sub-headers, rows it occupies."""
    return (text, list(children), rs)


def _leaves(node):
    text, children, _ = node if isinstance(node, tuple) else (node, [], 1)
    return 1 if not children else sum(_leaves(c) for c in children)


def _depth(node):
    text, children, rs = node if isinstance(node, tuple) else (node, [], 1)
    return 1 if not children else rs + max(_depth(c) for c in children)


class Table:
    """A table of one family, with its caption, grid, notes and identities."""

    def __init__(self, family, title, code=None, entity=None, unit=None):
        self.family = family          # our family key, e.g. "ys03", "gk06", "en-rev"
        self.code = code              # printed code, e.g. "预算 03 表"; None if not printed
        self.title = title
        self.entity = entity
        self.unit = unit
        self.year_line = None         # e.g. "2024 年度" printed under the title (决算)
        self.notes = []
        self.header = []              # Cells with header=True
        self.nhead = 0
        self.ncols = 0
        self.lanci_rows = set()       # header rows that number the columns (栏次)
        self.col_types = []           # code | label | amount | text | pct
        self.rows = []                # body rows: dict col -> value (str or Amt)
        self.spans = {}               # (body row, col) -> (rowspan, colspan)
        self.kinds = []               # data | total
        self.checks = []              # (target (r, c), [(r, c), ...]) in body coordinates
        self.extra = []               # identities between fixed cells (本年 = 上年 + 增减)
        self.zero = {}                # col -> "blank" | "zero": how a computed 0 prints
        self.col_width = {}           # col -> preferred width in mm (layout hint)
        self.english = False

    # -- header -------------------------------------------------------
    def set_header(self, nodes, lanci=None):
        """Lay out a header tree; `lanci` is an optional 栏次 row (list of
        texts or (text, colspan) per column position)."""
        depth = max(_depth(n) for n in nodes)
        col = 0
        for n in nodes:
            col = self._place(n, 0, col, depth)
        self.ncols = col
        self.nhead = depth
        if lanci is not None:
            c = 0
            for item in lanci:
                text, span = item if isinstance(item, tuple) else (item, 1)
                if text:
                    self.header.append(Cell(depth, c, text, 1, span, header=True))
                c += span
            self.lanci_rows.add(depth)
            self.nhead += 1
        if not self.col_types:
            self.col_types = ["amount"] * self.ncols

    def _place(self, node, row, col, avail):
        text, children, rs = node if isinstance(node, tuple) else (node, [], 1)
        if not children:
            self.header.append(Cell(row, col, text, avail, 1, header=True))
            return col + 1
        span = _leaves(node)
        if text is not None:
            self.header.append(Cell(row, col, text, rs, span, header=True))
        else:
            rs = 0
        c = col
        for ch in children:
            c = self._place(ch, row + rs, c, avail - rs)
        return c

    # -- body ---------------------------------------------------------
    def add_row(self, values, kind="data", spans=None):
        """Append a body row; values is a list (None = blank) or a dict."""
        if isinstance(values, list):
            values = {c: v for c, v in enumerate(values) if v is not None}
        self.rows.append(values)
        self.kinds.append(kind)
        r = len(self.rows) - 1
        for c, sp in (spans or {}).items():
            self.spans[(r, c)] = sp
        return r

    def set_sum(self, r, c, parts):
        """Make body cell (r, c) the sum of the given body cells."""
        self.rows[r][c] = Amt(None, list(parts))

    def col_sum(self, target_row, rows, cols):
        for c in cols:
            self.set_sum(target_row, c, [(r, c) for r in rows])

    # -- arithmetic ---------------------------------------------------
    def evaluate(self):
        """Fill every formula cell from its parts (blank parts count 0)."""
        for row in self.rows:
            for v in row.values():
                if isinstance(v, Amt) and not v.fixed:
                    v.cents = None
        memo = set()

        def value(r, c, stack=()):
            v = self.rows[r].get(c)
            if not isinstance(v, Amt):
                return None
            if v.fixed or (r, c) in memo:
                return v.cents
            if (r, c) in stack:
                raise ValueError("circular sum in %s at %s" % (self.family, (r, c)))
            total, seen = 0, False
            for pr, pc in v.parts:
                x = value(pr, pc, stack + ((r, c),))
                if x is not None:
                    total += x
                    seen = True
            v.cents = total if seen else None
            memo.add((r, c))
            return v.cents

        self.checks = []
        for r, row in enumerate(self.rows):
            for c, v in sorted(row.items()):
                if isinstance(v, Amt) and not v.fixed:
                    value(r, c)
                    self.checks.append(((r, c), list(v.parts)))
        self.checks.extend(self.extra)

    def add_tail(self, rng):
        """Give one row total a rounding tail of one cent (尾差), as the
        reports do when 元 are converted to 万元; every identity stays within
        0.01 because only one cell of the table is moved."""
        cands = []
        for (r, c), parts in self.checks:
            v = self.rows[r][c]
            if all(pr == r for pr, _ in parts) and v.cents and v.cents > 100 \
                    and len(parts) >= 2:
                cands.append((r, c))
        if not cands:
            return None
        r, c = rng.choice(cands)
        v = self.rows[r][c]
        v.cents += rng.choice((-1, 1))
        v.fixed = True
        checks = self.checks
        self.evaluate()
        self.checks = checks  # the tailed cell keeps its identity
        return (r, c)

    def materialize(self, style):
        """Body cells as printed: amounts formatted by the document's style
        (thousands separators, negatives, zero or blank), texts as given."""
        out = []
        for r, row in enumerate(self.rows):
            for c, v in sorted(row.items()):
                if isinstance(v, Amt):
                    if v.cents is None:
                        continue
                    if v.cents == 0 and self.zero.get(c, style.get("zero", "blank")) == "blank":
                        continue
                    dec = getattr(self, "decimals", 2)
                    text = fmt_amount(v.cents, style.get("thousands", False) or self.english,
                                      style.get("neg", "minus"), style.get("general", False), dec)
                else:
                    text = v
                if text is None or text == "":
                    continue
                rs, cs = self.spans.get((r, c), (1, 1))
                out.append(Cell(self.nhead + r, c, text, rs, cs))
        have = {(c.row - self.nhead, c.col) for c in out}
        for (r, c), (rs, cs) in sorted(self.spans.items()):
            if (r, c) not in have:  # a merged cell left blank still merges
                out.append(Cell(self.nhead + r, c, "", rs, cs))
        return out

    def amount_cells(self):
        for r, row in enumerate(self.rows):
            for c, v in row.items():
                if isinstance(v, Amt):
                    yield r, c, v


def fmt_amount(cents, thousands=False, neg="minus", general=False, decimals=2):
    """Print cents the way a finance office's spreadsheet would."""
    d = Decimal(cents).scaleb(-2)
    if decimals != 2:
        d = d.quantize(Decimal(1).scaleb(-decimals))
    neg_sign = d < 0
    d = abs(d)
    s = "{:,.{p}f}".format(d, p=decimals) if thousands else "{:.{p}f}".format(d, p=decimals)
    if general and "." in s:
        s = s.rstrip("0").rstrip(".")
    if neg_sign:
        s = "(%s)" % s if neg == "paren" else "-" + s
    return s
