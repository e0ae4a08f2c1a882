"""LibreOffice Calc source: a flat ODF spreadsheet (.fods), one table per
sheet, as finance offices keep their 部门预算表 workbooks.

Caption lines are merged cells above the header; the header rows (and, in
some offices, the caption too) repeat on every printed page through
table:table-header-rows; page styles carry the orientation, the running
head and page numbers.  Row heights are set explicitly because Calc's
optimal height ignores merged cells and would clip wrapped headers.
"""
from xml.sax.saxutils import escape

from docmodel import caption_rows, borders, body_fill, align_of
from layout import row_heights, wrap_lines, PT

NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
      'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
      'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
      'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"')


class Styles:
    """Automatic styles, created on demand and named in order of first use."""

    def __init__(self):
        self.cells, self.rows, self.cols = {}, {}, {}

    def cell(self, key):
        return self.cells.setdefault(key, "ce%d" % (len(self.cells) + 1))

    def row(self, h):
        return self.rows.setdefault(h, "ro%d" % (len(self.rows) + 1))

    def col(self, w):
        return self.cols.setdefault(w, "co%d" % (len(self.cols) + 1))

    def xml(self, font):
        out = []
        for w, name in self.cols.items():
            out.append('<style:style style:name="%s" style:family="table-column">'
                       '<style:table-column-properties style:column-width="%.1fmm"/>'
                       '</style:style>' % (name, w))
        for h, name in self.rows.items():
            out.append('<style:style style:name="%s" style:family="table-row">'
                       '<style:table-row-properties style:row-height="%.1fmm" '
                       'style:use-optimal-row-height="false"/></style:style>' % (name, h))
        for key, name in self.cells.items():
            bord, align, valign, bold, size, wrap = key
            props = ['style:vertical-align="%s"' % valign]
            if wrap:
                props.append('fo:wrap-option="wrap"')
            for side, w in zip(("top", "bottom", "left", "right"), bord):
                if w:
                    props.append('fo:border-%s="%.2fpt solid #000000"' % (side, w))
            props.append('fo:padding="0.6mm"')
            weight = ('fo:font-weight="bold" style:font-weight-asian="bold" '
                      'style:font-weight-complex="bold"' if bold else "")
            out.append('<style:style style:name="%s" style:family="table-cell" '
                       'style:parent-style-name="Default">'
                       '<style:table-cell-properties %s/>'
                       '<style:paragraph-properties fo:text-align="%s"/>'
                       '<style:text-properties fo:font-size="%.1fpt" style:font-size-asian="%.1fpt" '
                       'style:font-size-complex="%.1fpt" %s/></style:style>'
                       % (name, " ".join(props), {"left": "start", "right": "end",
                                                   "center": "center"}[align],
                          size, size, size, weight))
        return "\n".join(out)


def _paras(text):
    return "".join("<text:p>%s</text:p>" % escape(line) for line in text.split("\n"))


def _page_parts(style):
    """Header (running head) and footer (page number) of a sheet's pages."""
    head = style.get("running_head")
    fmt = style.get("pageno")
    num = '<text:page-number>1</text:page-number>'
    count = '<text:page-count>1</text:page-count>'
    foot = {"n/N": num + " / " + count, "dash": "- " + num + " -",
            "di": "第 " + num + " 页", "di/N": "第 " + num + " 页，共 " + count + " 页"}.get(fmt)
    h = ('<style:header><style:region-right><text:p>%s</text:p></style:region-right>'
         '</style:header>' % escape(head)) if head else '<style:header style:display="false"/>'
    f = ('<style:footer><style:region-center><text:p>%s</text:p></style:region-center>'
         '</style:footer>' % foot) if foot else '<style:footer style:display="false"/>'
    return h, f


def render(doc):
    st = Styles()
    style = doc.style
    font = style["font"]
    m = style.get("margins", (15, 12, 15, 12))
    sheets = []
    for i, pt in enumerate(doc.tables):
        sheets.append(_sheet(pt, st, i + 1))
    head, foot = _page_parts(style)
    layouts, masters = [], []
    for orient, (w, h) in (("portrait", (210, 297)), ("landscape", (297, 210))):
        layouts.append(
            '<style:page-layout style:name="pm_%s"><style:page-layout-properties '
            'fo:page-width="%dmm" fo:page-height="%dmm" style:print-orientation="%s" '
            'fo:margin-top="%dmm" fo:margin-bottom="%dmm" fo:margin-left="%dmm" '
            'fo:margin-right="%dmm" style:print="objects charts drawings" '
            'style:table-centering="horizontal" style:first-page-number="continue"/>'
            '<style:header-style><style:header-footer-properties fo:min-height="4mm" '
            'fo:margin-bottom="2mm"/></style:header-style>'
            '<style:footer-style><style:header-footer-properties fo:min-height="4mm" '
            'fo:margin-top="2mm"/></style:footer-style></style:page-layout>'
            % (orient[0], w, h, orient, m[0], m[2], m[3], m[1]))
        masters.append('<style:master-page style:name="mp_%s" style:page-layout-name="pm_%s">'
                       '%s%s</style:master-page>' % (orient[0], orient[0], head, foot))
    tables_xml = "\n".join(sheets)
    size = style["size"]
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<office:document %s office:version="1.2" '
        'office:mimetype="application/vnd.oasis.opendocument.spreadsheet">\n'
        '<office:font-face-decls><style:font-face style:name="F1" svg:font-family="\'%s\'"/>'
        '</office:font-face-decls>\n'
        '<office:styles><style:default-style style:family="table-cell">'
        '<style:text-properties style:font-name="F1" style:font-name-asian="F1" '
        'style:font-name-complex="F1" fo:font-size="%.1fpt" style:font-size-asian="%.1fpt" '
        'fo:language="%s" fo:country="%s" style:language-asian="zh" style:country-asian="CN"/>'
        '</style:default-style>'
        '<style:style style:name="Default" style:family="table-cell"/></office:styles>\n'
        '<office:automatic-styles>\n%s\n%s\n'
        '<style:style style:name="ta_p" style:family="table" style:master-page-name="mp_p">'
        '<style:table-properties table:display="true"/></style:style>'
        '<style:style style:name="ta_l" style:family="table" style:master-page-name="mp_l">'
        '<style:table-properties table:display="true"/>'
        '</style:style>\n'
        '</office:automatic-styles>\n'
        '<office:master-styles>%s</office:master-styles>\n'
        '<office:body><office:spreadsheet>\n%s\n</office:spreadsheet></office:body>'
        '</office:document>\n'
        % (NS, font, size, size, "en" if style.get("lang") == "en" else "zh",
           "US" if style.get("lang") == "en" else "CN",
           "\n".join(layouts), st.xml(font), "".join(masters), tables_xml))


def _sheet(pt, st, n):
    t, lay, style = pt.t, pt.lay, pt.style
    ncols = t.ncols
    line_factor = style.get("line_factor", 1.45)
    cap = caption_rows(t, style)
    out = ['<table:table table:name="%s" table:style-name="ta_%s">'
           % (escape(style.get("sheet_names", {}).get(n) or (t.code or "表%d" % n).replace(" ", "")),
              lay.orientation[0])]
    for w in lay.widths:
        out.append('<table:table-column table:style-name="%s"/>' % st.col(w))
    cap_xml = [_caption_row(st, row, ncols, lay, style) for row in cap]
    grid = body_fill(pt)
    heights = row_heights(t, pt.cells, lay, pt.nrows, line_factor)
    rows_xml = []
    for r in range(pt.nrows):
        cells = []
        for c in range(ncols):
            cell = grid.get((r, c))
            if cell is None:
                key = (_bord(pt, _Empty(r, c, t)), "left", "middle", False, lay.size, True)
                cells.append('<table:table-cell table:style-name="%s"/>' % st.cell(key))
            elif (cell.row, cell.col) != (r, c):
                cells.append("<table:covered-table-cell/>")
            else:
                key = (_bord(pt, cell), align_of(pt, cell), "middle" if cell.header or
                       style.get("valign", "middle") == "middle" else "bottom",
                       cell.header and style.get("bold_header", False), lay.size, True)
                span = ""
                if cell.rowspan > 1:
                    span += ' table:number-rows-spanned="%d"' % cell.rowspan
                if cell.colspan > 1:
                    span += ' table:number-columns-spanned="%d"' % cell.colspan
                content = _paras(cell.text) if cell.text else ""
                vt = ' office:value-type="string"' if cell.text else ""
                cells.append('<table:table-cell table:style-name="%s"%s%s>%s</table:table-cell>'
                             % (st.cell(key), span, vt, content))
        rows_xml.append('<table:table-row table:style-name="%s">%s</table:table-row>'
                        % (st.row(heights[r]), "".join(cells)))
    head_rows = rows_xml[:t.nhead]
    body_rows = rows_xml[t.nhead:]
    repeat = style.get("repeat_header", True) and t.nhead
    if style.get("repeat_title") and repeat:
        out.append("<table:table-header-rows>" + "".join(cap_xml) + "".join(head_rows) +
                   "</table:table-header-rows>")
    elif repeat:
        out.extend(cap_xml)
        out.append("<table:table-header-rows>" + "".join(head_rows) + "</table:table-header-rows>")
    else:
        out.extend(cap_xml + head_rows)
    out.extend(body_rows)
    for note in pt.notes:
        width_em = (lay.width - 2) / (lay.size * PT)
        h = wrap_lines(note, width_em - 1) * lay.size * PT * line_factor + 2
        key = ((0, 0, 0, 0), "left", "top", False, lay.size, True)
        out.append('<table:table-row table:style-name="%s"><table:table-cell table:style-name="%s" '
                   'table:number-columns-spanned="%d" office:value-type="string">%s'
                   '</table:table-cell>%s</table:table-row>'
                   % (st.row(round(h + 0.5, 1)), st.cell(key), ncols, _paras(note),
                      "<table:covered-table-cell/>" * (ncols - 1)))
    out.append("</table:table>")
    return "\n".join(out)


class _Empty:
    def __init__(self, r, c, t):
        self.row, self.col, self.rowspan, self.colspan = r, c, 1, 1
        self.header = r < t.nhead
        self.text = ""
        self.align = None


def _bord(pt, cell):
    b = borders(pt, cell)
    return (b["top"], b["bottom"], b["left"], b["right"])


def _caption_row(st, row, ncols, lay, style):
    """One caption line as merged cells spread over the table's width."""
    n = len(row)
    if n == 1:
        spans = [ncols]
    elif n == 2:
        left = max(1, min(ncols - 1, (ncols * 2 + 2) // 3))
        spans = [left, ncols - left]
    else:
        a = max(1, ncols // 3)
        b = max(1, (ncols - a) // 2)
        spans = [a, b, ncols - a - b]
        if ncols < 3:
            spans = [1] * ncols
            row = row[:ncols]
    cells = []
    height = 0.0
    start = 0
    for (text, align, role), span in zip(row, spans):
        size = {"title": style.get("title_size", 16), "code": lay.size + 1}.get(role, lay.size + 0.5)
        bold = role == "title"
        key = ((0, 0, 0, 0), align, "middle", bold, size, True)
        width = sum(lay.widths[start:start + span])
        start += span
        lines = wrap_lines(text, width / (size * PT) * (0.9 if bold else 1.0) - 1)
        height = max(height, lines * size * PT * 1.5 + 2.5)
        cells.append('<table:table-cell table:style-name="%s"%s office:value-type="string">'
                     '<text:p>%s</text:p></table:table-cell>%s'
                     % (st.cell(key), ' table:number-columns-spanned="%d"' % span if span > 1 else "",
                        escape(text), "<table:covered-table-cell/>" * (span - 1)))
    return '<table:table-row table:style-name="%s">%s</table:table-row>' % (
        st.row(round(height, 1)), "".join(cells))
