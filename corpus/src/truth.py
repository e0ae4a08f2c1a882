"""Write the truth of one document in its three files.

NAME.jsonl          cell records, the form ../shared/eval/tableval.py reads
NAME.records.jsonl  table and row records, the keys of to-jsonl's default
                    output that are truth (no family, checks, ambiguous,
                    rules, check, failures)
NAME.checks.jsonl   the arithmetic the numbers were built with: each line
                    says a cell equals the sum of others, within 0.01

Conventions (also in corpus/README.md):
- texts are as printed with forced line breaks removed; empty cells are
  omitted; header cells carry the table's first page, body cells their row's;
- a table's title and entity drop the spaces some offices type around
  digits next to Chinese ("2023 年" -> "2023年"); codes drop all spaces;
- column paths join the header cells above a column with "/", skipping
  栏次 rows (they number columns, they do not name them); a table with no
  header names its columns "1", "2", ...; a path seen twice gets "#2";
- a body cell merged over several rows gives its value to each of them in
  the row records, to the first column it covers only;
- amounts become JSON numbers written from the printed decimal (thousands
  separators dropped, parentheses made a minus sign); everything else,
  codes and percentages included, stays a string; blanks are null.
"""
import json
import re

from grid import Amt

CJK = r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]"


def canon(text):
    """Drop whitespace next to a CJK character; squeeze the rest."""
    if text is None:
        return None
    t = re.sub(r"\s+", " ", text.replace("\n", "")).strip()
    t = re.sub(r"(?<=%s) | (?=%s)" % (CJK, CJK), "", t)
    return t


def jnum(text):
    """The printed amount as a JSON number token."""
    t = text.replace(",", "").strip()
    neg = t.startswith("(") and t.endswith(")")
    t = t.strip("()")
    if neg:
        t = "-" + t
    if not re.fullmatch(r"-?\d+(\.\d+)?", t):
        return None
    return t


def enc(v):
    """JSON with numbers kept exactly as printed (Raw) and keys in order."""
    if isinstance(v, Raw):
        return v.s
    if isinstance(v, dict):
        return "{" + ",".join("%s:%s" % (json.dumps(k, ensure_ascii=False), enc(x))
                              for k, x in v.items()) + "}"
    if isinstance(v, (list, tuple)):
        return "[" + ",".join(enc(x) for x in v) + "]"
    return json.dumps(v, ensure_ascii=False)


class Raw:
    def __init__(self, s):
        self.s = s


def column_paths(t):
    """Header path of every column, 栏次 rows left out."""
    if not t.nhead:
        return [str(i + 1) for i in range(t.ncols)]
    paths = []
    for col in range(t.ncols):
        parts = []
        for c in sorted(t.header, key=lambda c: (c.row, c.col)):
            if c.row in t.lanci_rows:
                continue
            if c.col <= col < c.col + c.colspan:
                txt = canon(c.flat)
                if txt and (not parts or parts[-1] != txt):
                    parts.append(txt)
        paths.append("/".join(parts))
    seen = {}
    out = []
    for p in paths:
        seen[p] = seen.get(p, 0) + 1
        out.append(p if seen[p] == 1 else "%s#%d" % (p, seen[p]))
    return out


def write(name, placed, pages, out_cells, out_records, out_checks):
    source = name + ".pdf"
    cells_lines, rec_lines, check_lines = [], [], []
    for ti, pt in enumerate(placed, 1):
        t = pt.t
        rows_pages = pages[ti]
        first = rows_pages[0] if rows_pages else 1
        code = t.code.replace(" ", "") if t.code else None
        for c in sorted(pt.cells, key=lambda c: (c.row, c.col)):
            text = c.flat
            if not text.strip():
                continue
            page = first if c.header else rows_pages[c.row - t.nhead]
            cells_lines.append(enc({"type": "cell", "source": source, "table": ti, "page": page,
                                    "row": c.row, "col": c.col, "rowspan": c.rowspan,
                                    "colspan": c.colspan, "header": bool(c.header),
                                    "text": text, "bbox": None, "code": code}))
        cols = column_paths(t)
        rec_lines.append(enc({"type": "table", "source": source, "table": ti,
                              "pages": sorted(set(rows_pages)) or [first], "code": code,
                              "title": canon(t.title), "entity": canon(t.entity),
                              "unit": t.unit, "columns": cols, "header_rows": t.nhead,
                              "rows": len(t.rows), "notes": [canon(n) for n in t.notes]}))
        covering = {}
        for c in pt.cells:
            if c.header or not c.flat.strip():
                continue
            for r in range(c.row, c.row + c.rowspan):
                covering[(r, c.col)] = c
        for r in range(len(t.rows)):
            gr = t.nhead + r
            vals = []
            for col in range(t.ncols):
                c = covering.get((gr, col))
                vals.append(None if c is None else value(t, c))
            rec_lines.append(enc({"type": "row", "source": source, "table": ti, "row": gr,
                                  "page": rows_pages[r], "kind": t.kinds[r], "cells": vals,
                                  "values": {k: v for k, v in zip(cols, vals) if v is not None}}))
        for (r, c), parts in t.checks:
            check_lines.append(enc({"table": ti, "cell": [t.nhead + r, c],
                                    "sum": [[t.nhead + pr, pc] for pr, pc in parts],
                                    "tolerance": Raw("0.01")}))
    for path, lines in ((out_cells, cells_lines), (out_records, rec_lines),
                        (out_checks, check_lines)):
        with open(path, "w", encoding="utf-8") as f:
            f.write("".join(line + "\n" for line in lines))
    return len(placed), sum(len(pt.t.rows) for pt in placed)


def value(t, c):
    """A row record's value: a number for an amount cell, else the text."""
    src = t.rows[c.row - t.nhead].get(c.col)
    if isinstance(src, Amt):
        n = jnum(c.flat)
        if n is not None:
            return Raw(n)
    return canon(c.flat) if t.english else c.flat
