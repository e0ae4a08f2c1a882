"""A report as the renderers see it: blocks of prose and tables, with the
document's style, and the per-table pieces every renderer needs (caption
lines, printed cells, borders).
"""


class Block:
    """h1 / h2 / p (text), table (a PlacedTable), or break (new page)."""

    def __init__(self, kind, text=None, table=None):
        self.kind, self.text, self.table = kind, text, table


class PlacedTable:
    """A table with its printed cells, layout and caption."""

    def __init__(self, table, cells, layout, caption, notes, style):
        self.t = table
        self.cells = cells          # header + body Cells, texts final
        self.lay = layout
        self.caption = caption      # list of rows of (text, align, role)
        self.notes = notes
        self.style = style          # the document style plus per-table overrides

    @property
    def nrows(self):
        return self.t.nhead + len(self.t.rows)


class Doc:
    def __init__(self, name, renderer, style, blocks):
        self.name, self.renderer, self.style, self.blocks = name, renderer, style, blocks

    @property
    def tables(self):
        return [b.table for b in self.blocks if b.kind == "table"]


def caption_rows(t, style):
    """The lines printed above a table, by the office's habit:
    ys: code (right) / title / 部门名称 … 单位
    gk: title / 部门 … 年度 … code, unit
    plain: title / 部门名称 … 单位 (no code, like some counties)
    en: entity / title / unit."""
    kind = style.get("caption", "ys")
    unit_label = style.get("unit_label", "单位：")
    rows = []
    if t.english:
        rows.append([(t.entity, "center", "sub")])
        rows.append([(t.title, "center", "title")])
        rows.append([("(in %s)" % t.unit, "center", "sub")])
        return rows
    ent_label = style.get("entity_label", "部门名称：" if kind != "gk" else "部门：")
    ent = ent_label + t.entity if t.entity else ""
    unit = unit_label + t.unit if t.unit else ""
    if kind == "gk":
        rows.append([(t.title, "center", "title")])
        if t.code:
            rows.append([(t.code, "right", "code")])
        third = []
        if ent:
            third.append((ent, "left", "meta"))
        if t.year_line:
            third.append((t.year_line, "center", "meta"))
        if unit:
            third.append((unit, "right", "meta"))
        if third:
            rows.append(third)
        return rows
    if kind == "ys" and t.code:
        rows.append([(t.code, "right" if style.get("code_align") != "left" else "left", "code")])
    rows.append([(t.title, "center", "title")])
    if t.year_line:
        rows.append([(t.year_line, "center", "meta")])
    meta = []
    if ent and t.nhead:
        meta.append((ent, "left", "meta"))
    if unit and t.nhead:
        meta.append((unit, "right", "meta"))
    if meta:
        rows.append(meta)
    return rows


def borders(pt, cell):
    """Border widths (pt) of a cell, by the rule style:
    grid: every cell ruled; hrules: only horizontal rules (top and bottom
    of the table, under the header, under spanning header cells);
    none: no rules at all."""
    rules = pt.style.get("rules", "grid")
    t = pt.t
    last = pt.nrows - 1
    if rules == "grid":
        w = pt.style.get("rule_width", 0.5)
        return {"top": w, "bottom": w, "left": w, "right": w}
    b = {"top": 0, "bottom": 0, "left": 0, "right": 0}
    if rules == "none":
        return b
    if cell.row == 0:
        b["top"] = 1.0
    if t.nhead and cell.row + cell.rowspan == t.nhead:
        b["bottom"] = 0.6
    if cell.header and cell.colspan > 1:
        b["bottom"] = max(b["bottom"], 0.4)
    if cell.row + cell.rowspan - 1 == last:
        b["bottom"] = 1.0
    if not t.nhead and pt.style.get("form_rows", True):
        b["bottom"] = max(b["bottom"], 0.4)
    return b


def body_fill(pt):
    """Every slot of the grid gets a cell (empty where nothing is printed),
    so a renderer can walk rows and columns without holes."""
    grid = {}
    for c in pt.cells:
        for r in range(c.row, c.row + c.rowspan):
            for k in range(c.col, c.col + c.colspan):
                grid[(r, k)] = c
    return grid


def align_of(pt, cell):
    if cell.align:
        return cell.align
    if cell.header:
        return "center"
    kind = pt.t.col_types[cell.col] if cell.col < len(pt.t.col_types) else "amount"
    if kind in ("amount", "pct"):
        return "right" if _numeric(cell.text) else "left"
    if kind == "code" and pt.style.get("code_center"):
        return "center"
    return "left"


def _numeric(text):
    t = text.replace(",", "").replace("(", "").replace(")", "").replace("-", "") \
        .replace("%", "").replace(".", "")
    return t.isdigit()
