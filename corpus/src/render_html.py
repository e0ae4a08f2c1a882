"""HTML for headless Chromium's print-to-PDF: reports published as web
pages and printed from the browser.

thead repeats on every printed page (unless the header is put in the body),
a named page gives landscape tables their own page size, and CSS page
margin boxes print the running head and the "n / N" page numbers.
"""
from html import escape

from docmodel import caption_rows, borders, body_fill, align_of
from render_calc import _Empty


def _css(st):
    m = st.get("margins", (18, 15, 18, 15))
    font = st["font"]
    size = st["size"]
    head = st.get("running_head")
    fmt = st.get("pageno")
    num = {"n/N": 'counter(page) " / " counter(pages)', "dash": '"- " counter(page) " -"',
           "di": '"第 " counter(page) " 页"',
           "di/N": '"第 " counter(page) " 页，共 " counter(pages) " 页"'}.get(fmt)
    boxes = ""
    if head:
        boxes += '@top-right { content: "%s"; font: %.1fpt "%s"; }\n' % (head, size - 1.5, font)
    if num:
        boxes += "@bottom-center { content: %s; font: %.1fpt \"%s\"; }\n" % (num, size - 1.5, font)
    return """
@page { size: A4 portrait; margin: %dmm %dmm %dmm %dmm;
%s}
@page wide { size: A4 landscape; margin: %dmm %dmm %dmm %dmm;
%s}
html { -webkit-print-color-adjust: exact; }
body { font-family: "%s"; font-size: %.1fpt; margin: 0; line-height: %s; }
.wide { page: wide; }
.newpage { break-before: page; }
h1 { font-size: %.1fpt; text-align: center; margin: 4mm 0 3mm; }
h2 { font-size: %.1fpt; margin: 2mm 0 1mm; text-indent: 2em; }
p.body { text-indent: 2em; text-align: justify; margin: 0 0 1mm; }
.cover { font-size: 22pt; font-weight: bold; text-align: center; margin-top: 60mm; }
.cover2 { font-size: 16pt; text-align: center; margin: 4mm 0; }
.cap { margin: 0.6mm auto; overflow: hidden; }
.cap .t { font-weight: bold; text-align: center; }
.cap .l { float: left; } .cap .r { float: right; } .cap .c { text-align: center; }
table { border-collapse: collapse; table-layout: fixed; margin: 1mm auto; }
td, th { font-weight: normal; vertical-align: middle; overflow-wrap: anywhere;
         word-break: break-all; }
tr { break-inside: avoid; }
.note { text-align: justify; margin: 1mm auto; }
""" % (m[0], m[1], m[2], m[3], boxes, m[0], m[1], m[2], m[3], boxes, font, size,
       st.get("css_line", "1.35"), size + 5, size + 1)


def render(doc):
    st = doc.style
    out = ['<!DOCTYPE html>\n<html lang="%s"><head><meta charset="utf-8"><title>%s</title>'
           '<style>%s</style></head><body>' % ("en" if st.get("lang") == "en" else "zh-CN",
                                              escape(doc.name), _css(st))]
    pending = False
    first = True
    after_heading = False
    for b in doc.blocks:
        if b.kind == "break":
            pending = True
            continue
        cls = "newpage" if pending and not first else ""
        pending = False
        if b.kind == "table":
            out.append(_table(b.table, st, first or after_heading))
        elif b.kind in ("cover", "cover2"):
            out.append('<div class="%s %s">%s</div>' % (b.kind, cls, escape(b.text)))
        elif b.kind in ("h1", "h2"):
            out.append('<%s class="%s">%s</%s>' % (b.kind, cls, escape(b.text), b.kind))
        else:
            out.append('<p class="body %s">%s</p>' % (cls, escape(b.text)))
        first = False
        after_heading = b.kind == "h1"
    out.append("</body></html>\n")
    return "\n".join(out)


def _border_css(b):
    return ";".join("border-%s:%s" % (side, ("%.2fpt solid #000" % w) if w else "none")
                    for side, w in b.items())


def _table(pt, st, first):
    t, lay = pt.t, pt.lay
    classes = []
    if lay.orientation == "landscape":
        classes.append("wide")
    if not first and (st.get("table_newpage", True) or lay.orientation == "landscape"):
        classes.append("newpage")
    w = lay.width
    out = ['<div class="%s">' % " ".join(classes)]
    for row in caption_rows(t, st):
        if len(row) == 1:
            text, align, role = row[0]
            size = st.get("title_size", 16) if role == "title" else lay.size + (1 if role == "code" else 0.5)
            out.append('<div class="cap" style="width:%.1fmm;text-align:%s;font-size:%.1fpt;%s">%s</div>'
                       % (w, align, size, "font-weight:bold" if role == "title" else "",
                          escape(text)))
        else:
            parts = []
            for text, align, role in row:
                cls = {"left": "l", "right": "r", "center": "c"}[align]
                parts.append('<span class="%s">%s</span>' % (cls, escape(text)))
            if len(row) == 3:
                # float left and right first, then the centred middle
                parts = [parts[0], parts[2], '<div class="c">%s</div>' % escape(row[1][0])]
            out.append('<div class="cap" style="width:%.1fmm;font-size:%.1fpt">%s</div>'
                       % (w, lay.size + 0.5, "".join(parts)))
    out.append('<table style="width:%.1fmm;font-size:%.1fpt">' % (w, lay.size))
    out.append("<colgroup>%s</colgroup>" % "".join('<col style="width:%.1fmm">' % x
                                                   for x in lay.widths))
    grid = body_fill(pt)
    pad = lay.pad
    rows = []
    for r in range(pt.nrows):
        cells = []
        for c in range(t.ncols):
            cell = grid.get((r, c))
            if cell is not None and (cell.row, cell.col) != (r, c):
                continue
            span = ""
            if cell is None:
                cell = _Empty(r, c, t)
            if cell.rowspan > 1:
                span += ' rowspan="%d"' % cell.rowspan
            if cell.colspan > 1:
                span += ' colspan="%d"' % cell.colspan
            tag = "th" if cell.header else "td"
            text = "<br>".join(escape(x) for x in cell.text.split("\n")) if cell.text else ""
            cells.append('<%s%s style="%s;text-align:%s;padding:%.1fmm %.1fmm">%s</%s>'
                         % (tag, span, _border_css(borders(pt, cell)), align_of(pt, cell),
                            pad * 0.4, pad, text, tag))
        rows.append("<tr>%s</tr>" % "".join(cells))
    if st.get("repeat_header", True) and t.nhead:
        out.append("<thead>%s</thead><tbody>%s</tbody>" % ("".join(rows[:t.nhead]),
                                                            "".join(rows[t.nhead:])))
    else:
        out.append("<tbody>%s</tbody>" % "".join(rows))
    out.append("</table>")
    for note in pt.notes:
        out.append('<div class="note" style="width:%.1fmm;font-size:%.1fpt">%s</div>'
                   % (w, max(lay.size - 0.5, 7), escape(note)))
    out.append("</div>")
    return "\n".join(out)
