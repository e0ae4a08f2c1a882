"""Helpers shared by the family builders: captions, code rows, sums.

A builder receives the department (dept.Dept) and the document context
(ctx: year, how codes and titles are printed, how function codes are laid
out) and returns a grid.Table whose amounts are cents and formulas.
"""
from grid import Table, Amt, hnode
from vocab import XIANG, KUAN, CLASSES


def A(cents):
    """A fixed amount cell; None for blank."""
    return None if cents is None else Amt(cents)


def code_text(ctx, prefix, n):
    """The printed table code: 预算03表, 预算 03 表, 公开01表… or None."""
    fmt = ctx.get("codefmt", "{p}{n:02d}表")
    if fmt is None or n is None:
        return None
    return fmt.format(p=prefix, n=n)


def year_text(ctx, text):
    """Titles carry the year; some offices type a space around it."""
    y = str(ctx["year"])
    return text.replace("{y}", y + " " if ctx.get("yearspace") else y)


def new_table(ctx, family, prefix, n, title, unit="万元"):
    t = Table(family, year_text(ctx, title), code_text(ctx, prefix, n),
              ctx["dept"].name, unit)
    t.seq = n
    if prefix == "公开":
        t.year_line = year_text(ctx, "{y}年度")
    return t


def code_groups(items):
    """Function codes grouped: [(class, [(kuan, [xiang, ...]), ...]), ...]."""
    out = {}
    for code in sorted(items):
        out.setdefault(code[:3], {}).setdefault(code[:5], []).append(code)
    return [(c, sorted(k.items())) for c, k in sorted(out.items())]


def tree_rows(t, items, cols, label_cols=(0, 1), total_label="合计",
              total_span=True, values=None):
    """Rows 合计 / 类 / 款 / 项 with single-column codes (3, 5, 7 digits),
    each parent the sum of its children: the layout of the 公开 tables.

    items: code7 -> list of cents (None = blank) aligned with cols.
    Returns the row index of the 合计 row."""
    code_c, name_c = label_cols
    spans = {code_c: (1, 2)} if total_span else {}
    first = {code_c: total_label} if total_span else {name_c: total_label}
    total = t.add_row(first, "total", spans=spans)
    class_rows = []
    for cls, kuans in code_groups(items):
        cr = t.add_row({code_c: cls, name_c: CLASSES[cls]})
        class_rows.append(cr)
        kuan_rows = []
        for kuan, xiangs in kuans:
            kr = t.add_row({code_c: kuan, name_c: KUAN[kuan]})
            kuan_rows.append(kr)
            xr = []
            for x in xiangs:
                vals = items[x]
                row = {code_c: x, name_c: XIANG[x]}
                for c, v in zip(cols, vals):
                    if v is not None:
                        row[c] = Amt(v)
                xr.append(t.add_row(row))
            t.col_sum(kr, xr, cols)
        t.col_sum(cr, kuan_rows, cols)
    t.col_sum(total, class_rows, cols)
    return total


def split_rows(t, items, cols, code_cols=(0, 1, 2), name_c=4, with_parents=False):
    """Rows of 项 codes printed split over 类 / 款 / 项 columns (预算03表
    layout).  Returns the list of row indexes (leaf rows only unless
    with_parents, where 类 and 款 rows carry their sums)."""
    leaves = []
    for cls, kuans in code_groups(items):
        if with_parents:
            cr = t.add_row({code_cols[0]: cls, name_c: CLASSES[cls]})
        kuan_rows = []
        for kuan, xiangs in kuans:
            if with_parents:
                kr = t.add_row({code_cols[0]: cls, code_cols[1]: kuan[3:], name_c: KUAN[kuan]})
                kuan_rows.append(kr)
            xr = []
            for x in xiangs:
                row = {code_cols[0]: x[:3], code_cols[1]: x[3:5], code_cols[2]: x[5:],
                       name_c: XIANG[x]}
                for c, v in zip(cols, items[x]):
                    if v is not None:
                        row[c] = Amt(v)
                xr.append(t.add_row(row))
            leaves.extend(xr)
            if with_parents:
                t.col_sum(kr, xr, cols)
        if with_parents:
            t.col_sum(cr, kuan_rows, cols)
    return leaves


def row_sum(t, r, target, parts):
    t.set_sum(r, target, [(r, c) for c in parts])


def nz(v):
    """None for zero: a cell the office leaves blank."""
    return v if v else None


__all__ = ["A", "Amt", "hnode", "new_table", "code_text", "year_text",
           "tree_rows", "split_rows", "row_sum", "nz", "code_groups"]
