"""LibreOffice Writer source: a flat ODF text document (.fodt) with the
report's prose and its tables, the way most 部门预算/决算 reports are typed.

Tables repeat their header rows on every page (table:table-header-rows)
unless the office did not ask for it; a landscape table switches the page
style through a paragraph's master page and the next block switches back.
Rows are kept whole across pages, as the reports' tables are.
"""
from xml.sax.saxutils import escape

from docmodel import caption_rows, borders, body_fill, align_of
from render_calc import NS, _Empty


class Auto:
    """Automatic styles made on demand."""

    def __init__(self):
        self.items = []
        self.keys = {}

    def get(self, key, make):
        if key not in self.keys:
            name = "A%d" % (len(self.keys) + 1)
            self.keys[key] = name
            self.items.append(make(name))
        return self.keys[key]


def _text_props(size, bold=False):
    w = (' fo:font-weight="bold" style:font-weight-asian="bold" style:font-weight-complex="bold"'
         if bold else "")
    return ('<style:text-properties fo:font-size="%.1fpt" style:font-size-asian="%.1fpt" '
            'style:font-size-complex="%.1fpt"%s/>' % (size, size, size, w))


def para_style(auto, align, size, bold=False, indent=False, brk=None, master=None,
               keep=False, space=(0, 0), tabs=None, line=None):
    key = ("p", align, size, bold, indent, brk, master, keep, space, tabs, line)

    def make(name):
        props = ['fo:text-align="%s"' % {"left": "start", "right": "end", "center": "center",
                                         "justify": "justify"}[align]]
        if indent:
            props.append('fo:text-indent="%.1fpt"' % (2 * size))
        if brk:
            props.append('fo:break-before="page"')
        if keep:
            props.append('fo:keep-with-next="always"')
        if line:
            props.append('fo:line-height="%d%%"' % line)
        props.append('fo:margin-top="%.1fmm" fo:margin-bottom="%.1fmm"' % space)
        tab_xml = ""
        if tabs:
            tab_xml = "<style:tab-stops>%s</style:tab-stops>" % "".join(
                '<style:tab-stop style:position="%.1fmm" style:type="%s"/>' % (pos, kind)
                for pos, kind in tabs)
        mp = ' style:master-page-name="%s"' % master if master else ""
        return ('<style:style style:name="%s" style:family="paragraph" '
                'style:parent-style-name="Standard"%s><style:paragraph-properties %s>%s'
                '</style:paragraph-properties>%s</style:style>'
                % (name, mp, " ".join(props), tab_xml, _text_props(size, bold)))
    return auto.get(key, make)


def render(doc):
    st = doc.style
    auto = Auto()
    body = []
    size = st["size"]
    prev_landscape = False
    first_block = True
    after_heading = False
    m = st.get("margins", (20, 20, 20, 22))
    for b in doc.blocks:
        if b.kind == "table":
            pt = b.table
            land = pt.lay.orientation == "landscape"
            newpage = (st.get("table_newpage", True) and not after_heading) or land or prev_landscape
            master = "Landscape" if land else ("Standard" if prev_landscape else None)
            if first_block:
                master = master or "Standard"
            body.extend(_table(pt, auto, newpage and not first_block, master, m))
            prev_landscape = land
            after_heading = False
        else:
            master = "Standard" if prev_landscape else None
            if b.kind == "break":
                # the next paragraph starts a page
                st["_pending_break"] = True
                continue
            brk = st.pop("_pending_break", False) and not master
            if b.kind == "cover":
                name = para_style(auto, "center", 22, True, brk=brk, master=master,
                                  space=(60, 10))
            elif b.kind == "cover2":
                name = para_style(auto, "center", 16, False, space=(4, 4))
            elif b.kind == "h1":
                name = para_style(auto, "center", size + 5, True, brk=brk, master=master,
                                  keep=True, space=(4, 3))
            elif b.kind == "h2":
                name = para_style(auto, "left", size + 1, True, brk=brk, master=master,
                                  keep=True, space=(2, 1), indent=True)
            else:
                name = para_style(auto, "justify", size, False, indent=True, brk=brk,
                                  master=master, space=(0, 0.8), line=st.get("line_height"))
            body.append('<text:p text:style-name="%s">%s</text:p>' % (name, escape(b.text)))
            prev_landscape = False
            after_heading = b.kind == "h1"
        first_block = False
    head, foot = _page_parts(st)
    layouts = []
    for nm, (w, h), orient in (("Port", (210, 297), "portrait"), ("Land", (297, 210), "landscape")):
        mm = m
        layouts.append(
            '<style:page-layout style:name="%s"><style:page-layout-properties fo:page-width="%dmm" '
            'fo:page-height="%dmm" style:print-orientation="%s" fo:margin-top="%dmm" '
            'fo:margin-right="%dmm" fo:margin-bottom="%dmm" fo:margin-left="%dmm"/>'
            '<style:header-style><style:header-footer-properties fo:min-height="0mm" '
            'fo:margin-bottom="3mm"/></style:header-style><style:footer-style>'
            '<style:header-footer-properties fo:min-height="0mm" fo:margin-top="3mm"/>'
            '</style:footer-style></style:page-layout>' % (nm, w, h, orient, mm[0], mm[1],
                                                              mm[2], mm[3]))
    font = st["font"]
    lang, country = ("en", "US") if st.get("lang") == "en" else ("zh", "CN")
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<office:document %s office:version="1.2" '
        'office:mimetype="application/vnd.oasis.opendocument.text">\n'
        '<office:font-face-decls><style:font-face style:name="F1" svg:font-family="\'%s\'"/>'
        '</office:font-face-decls>\n'
        '<office:styles><style:default-style style:family="paragraph">'
        '<style:paragraph-properties style:writing-mode="lr-tb"/>'
        '<style:text-properties style:font-name="F1" style:font-name-asian="F1" '
        'style:font-name-complex="F1" fo:font-size="%.1fpt" style:font-size-asian="%.1fpt" '
        'fo:language="%s" fo:country="%s" style:language-asian="zh" style:country-asian="CN"/>'
        '</style:default-style><style:style style:name="Standard" style:family="paragraph"/>'
        '<style:style style:name="HF" style:family="paragraph"><style:paragraph-properties '
        'fo:text-align="center"/>%s</style:style>'
        '<style:style style:name="HR" style:family="paragraph"><style:paragraph-properties '
        'fo:text-align="end"/>%s</style:style></office:styles>\n'
        '<office:automatic-styles>%s\n%s</office:automatic-styles>\n'
        '<office:master-styles>'
        '<style:master-page style:name="Standard" style:page-layout-name="Port">%s%s</style:master-page>'
        '<style:master-page style:name="Landscape" style:page-layout-name="Land">%s%s</style:master-page>'
        '</office:master-styles>\n'
        '<office:body><office:text>\n%s\n</office:text></office:body></office:document>\n'
        % (NS, font, size, size, lang, country, _text_props(max(size - 1.5, 7.5)),
           _text_props(max(size - 1.5, 7.5)), "".join(layouts), "\n".join(auto.items),
           head, foot, head, foot, "\n".join(body)))


def _page_parts(st):
    head = st.get("running_head")
    fmt = st.get("pageno")
    num = '<text:page-number text:select-page="current">1</text:page-number>'
    count = '<text:page-count>1</text:page-count>'
    foot = {"n/N": num + " / " + count, "dash": "- " + num + " -", "di": "第 " + num + " 页",
            "di/N": "第 " + num + " 页，共 " + count + " 页"}.get(fmt)
    h = ('<style:header><text:p text:style-name="HR">%s</text:p></style:header>' % escape(head)
         if head else "")
    f = '<style:footer><text:p text:style-name="HF">%s</text:p></style:footer>' % foot if foot else ""
    return h, f


def _table(pt, auto, newpage, master, margins):
    t, lay, st = pt.t, pt.lay, pt.style
    seq = sum(1 for k in auto.keys if k[0] == "table") + 1
    out = []
    width = lay.width
    cap = caption_rows(t, st)
    first = True
    for row in cap:
        brk = first and newpage and not master
        mp = master if first else None
        first = False
        if len(row) == 1:
            text, align, role = row[0]
            size = st.get("title_size", 16) if role == "title" else lay.size + (1 if role == "code" else 0.5)
            name = para_style(auto, align, size, role == "title", brk=brk, master=mp, keep=True,
                              space=(1.5, 1.5) if role == "title" else (0.5, 0.5))
            out.append('<text:p text:style-name="%s">%s</text:p>' % (name, escape(text)))
        else:
            # left / (centre) / right on one line, through tab stops
            pagew = (297 if lay.orientation == "landscape" else 210) - margins[1] - margins[3]
            off = max(0.0, (pagew - width) / 2)
            tabs = []
            if len(row) == 3:
                tabs.append((off + width / 2, "center"))
            tabs.append((off + width, "right"))
            name = para_style(auto, "left", lay.size + 0.5, brk=brk, master=mp, keep=True,
                              space=(0.5, 0.5), tabs=tuple(tabs))
            parts = []
            for i, (text, align, role) in enumerate(row):
                if i == 0 and align != "left":
                    parts.append("<text:tab/>")
                parts.append(escape(text))
                if i < len(row) - 1:
                    parts.append("<text:tab/>")
            indent = '<text:s text:c="%d"/>' % int(off / (lay.size * 0.3528 * 0.5)) if off > 3 else ""
            out.append('<text:p text:style-name="%s">%s%s</text:p>' % (name, indent, "".join(parts)))
    tname = auto.get(("table", seq), lambda n: (
        '<style:style style:name="%s" style:family="table"><style:table-properties '
        'style:width="%.1fmm" table:align="center"/></style:style>' % (n, width)))
    cols = "".join('<table:table-column table:style-name="%s"/>' % auto.get(
        ("col", w), lambda n, w=w: '<style:style style:name="%s" style:family="table-column">'
        '<style:table-column-properties style:column-width="%.1fmm"/></style:style>' % (n, w))
        for w in lay.widths)
    rowst = auto.get(("row", "keep"), lambda n: (
        '<style:style style:name="%s" style:family="table-row"><style:table-row-properties '
        'fo:keep-together="always"/></style:style>' % n))
    grid = body_fill(pt)
    rows = []
    for r in range(pt.nrows):
        cells = []
        for c in range(t.ncols):
            cell = grid.get((r, c))
            if cell is not None and (cell.row, cell.col) != (r, c):
                cells.append("<table:covered-table-cell/>")
                continue
            if cell is None:
                cell = _Empty(r, c, t)
            b = borders(pt, cell)
            cst = auto.get(("cell", b["top"], b["bottom"], b["left"], b["right"]), lambda n, b=b: (
                '<style:style style:name="%s" style:family="table-cell"><style:table-cell-properties '
                'style:vertical-align="middle" fo:padding="%.1fmm" %s/></style:style>'
                % (n, lay.pad * 0.8, " ".join('fo:border-%s="%s"' % (
                    side, ("%.2fpt solid #000000" % w) if w else "none")
                    for side, w in b.items()))))
            pst = para_style(auto, align_of(pt, cell), lay.size,
                             cell.header and st.get("bold_header", False))
            span = ""
            if cell.rowspan > 1:
                span += ' table:number-rows-spanned="%d"' % cell.rowspan
            if cell.colspan > 1:
                span += ' table:number-columns-spanned="%d"' % cell.colspan
            paras = "".join('<text:p text:style-name="%s">%s</text:p>' % (pst, escape(line))
                            for line in (cell.text.split("\n") if cell.text else [""]))
            cells.append('<table:table-cell table:style-name="%s"%s office:value-type="string">'
                         '%s</table:table-cell>' % (cst, span, paras))
        rows.append('<table:table-row table:style-name="%s">%s</table:table-row>'
                    % (rowst, "".join(cells)))
    head = rows[:t.nhead]
    if st.get("repeat_header", True) and t.nhead:
        head = ["<table:table-header-rows>" + "".join(head) + "</table:table-header-rows>"]
    out.append('<table:table table:name="T%d" table:style-name="%s">%s%s%s</table:table>'
               % (seq, tname, cols, "".join(head), "".join(rows[t.nhead:])))
    for note in pt.notes:
        name = para_style(auto, "justify", max(lay.size - 0.5, 7), space=(0.8, 0.5))
        out.append('<text:p text:style-name="%s">%s</text:p>' % (name, escape(note)))
    return out
