"""From a document entry (documents.DOCS) to a Doc ready to render: draw
the department, build every table, fix its numbers (sums, a rounding tail
now and then), print the cells, plan the layout, and put prose around.
"""
import budget
import english
import final
import prose
from dept import Dept
from docmodel import Block, Doc, PlacedTable, caption_rows
from layout import plan
from prng import Rng
from vocab import EN_TOWNS

FAMILIES = {}
FAMILIES.update(budget.FAMILIES)
FAMILIES.update(final.FAMILIES)
FAMILIES.update(english.FAMILIES)

DEFAULT_MARGINS = {"calc": (14, 12, 14, 12), "writer": (20, 18, 20, 20),
                   "chrome": (18, 15, 18, 15)}


def make_doc(entry):
    """Build one document: (Doc, the department or None)."""
    rng = Rng("retable-corpus/" + entry["name"])
    style = dict(entry["style"])
    style.setdefault("margins", DEFAULT_MARGINS[entry["renderer"]])
    style.setdefault("title_size", 15 if entry["renderer"] != "calc" else 16)
    year = entry["year"]
    # when the office published it: budgets in spring, final accounts a year on
    pub = {"budget": (year, 3, 20), "final": (year + 1, 8, 28), "english": (year + 1, 3, 31)}
    style["date"] = "%04d%02d%02d090000+08'00'" % pub[entry["kind"]]
    ctx = dict(style)
    ctx.update(year=year, rng=rng.child("tables"))
    d = None
    if entry["kind"] == "english":
        town = rng.child("town").choice(EN_TOWNS)
        ctx["entity"] = "City of %s" % town
        if style.get("running_head"):
            style["running_head"] = "City of %s - Fiscal Year %d" % (town, year)
    else:
        d = Dept(rng.child("dept"), year, "final" if entry["kind"] == "final" else "budget",
                 entry.get("dtype"), entry.get("units"), entry.get("fund"),
                 entry.get("own_income"), many=entry.get("many_projects", False))
        ctx["dept"] = d
        if style.get("advance"):
            ctx["advance"] = d.gen_total * rng.child("adv").randint(4, 12) // 100
        if style.get("running_head") is True:
            style["running_head"] = "%s%d年%s" % (d.name, year, "部门预算" if entry["kind"] == "budget"
                                                  else "度部门决算")
    tables = [_place(t, style, entry) for t in _tables(entry, entry["tables"], ctx, d)]
    annex = [_place(t, style, entry) for t in _tables(entry, entry.get("annex", []), ctx, d)]
    blocks = _blocks(entry, d, ctx, tables, annex)
    return Doc(entry["name"], entry["renderer"], style, blocks), d


def _tables(entry, items, ctx, d):
    tail_p = entry["style"].get("tails", 0.35)
    trng = ctx["rng"].child("tails")
    projs = sorted(d.projects, key=lambda p: -p.cents) if d else []
    out = []
    for i, item in enumerate(items):
        fam, seq = item if isinstance(item, tuple) else (item, i + 1)
        ctx["seq"] = seq
        if fam == "zp-proj":
            t = final.zp_proj(d, ctx, projs.pop(0))
        elif fam.startswith("en-"):
            t = FAMILIES[fam](ctx)
        else:
            t = FAMILIES[fam](d, ctx)
        breaks = entry["style"].get("header_breaks", {})
        for c in t.header:
            # line breaks typed into a header cell (Alt+Enter in a spreadsheet)
            c.text = breaks.get(c.text, c.text)
        if entry["renderer"] == "calc":
            # a spreadsheet cuts a merged cell at a page break and prints it on
            # both pages; these offices leave the rows below blank instead
            t.spans = {k: (1, cs) for k, (rs, cs) in t.spans.items()}
        t.evaluate()
        if not t.extra and tail_p and trng.chance(tail_p):
            t.add_tail(trng)
        for fn in getattr(t, "post", []):
            fn(t)
        out.append(t)
    return out


def _place(t, style, entry):
    st = dict(style)
    cells = list(t.header) + t.materialize(st)
    lay = plan(t, cells, st, st["margins"])
    return PlacedTable(t, cells, lay, caption_rows(t, st), list(t.notes), st)


def _blocks(entry, d, ctx, tables, annex):
    lay = entry["layout"]
    y = entry["year"]
    tb = [Block("table", table=t) for t in tables]
    ab = [Block("table", table=t) for t in annex]
    if entry["renderer"] == "calc" or lay == "tables" and entry["renderer"] == "calc":
        return tb + ab
    if lay == "basic":
        return [Block("h2", "%s%d年度部门%s表" % (d.name, y, "决算" if entry["kind"] == "final"
                                                 else "预算")),
                Block("p", "下表为本部门%d年度的相关情况，金额单位为万元。" % y)] + tb
    if lay == "basic-long":
        return prose.overview(d, ctx)[:6] + tb
    if lay == "basic-en":
        return [Block("h1", ctx["entity"]),
                Block("p", "The table below compares the budget and the actual operating "
                      "expenses of each program for fiscal year %d, in thousands of dollars." % y)] + tb
    if lay == "english":
        return prose.english_intro(ctx) + tb
    if lay == "tables":
        return [Block("h1", "%s%d年部门%s表" % (d.name, y, "预算" if entry["kind"] == "budget"
                                               else "决算"))] + tb + ab
    if lay == "budget":
        return (prose.cover(d, ctx, "预算") + prose.overview(d, ctx) + prose.budget_notes(d, ctx) +
                prose.glossary("第三部分") +
                [Block("break"), Block("h1", "附件：%s%d年部门预算表" % (d.name, y))] + tb)
    if lay == "final":
        return (prose.overview(d, ctx) +
                [Block("break"), Block("h1", "第二部分 %d年度部门决算表" % y)] + tb +
                [Block("break")] + prose.final_notes(d, ctx) + prose.glossary("第四部分") +
                ([Block("break"), Block("h1", "第五部分 附件")] + ab if ab else []))
    if lay == "interleaved":
        # each table introduced by its own heading and a sentence quoting it
        out = prose.overview(d, ctx)
        out.append(Block("h1", "第二部分 %d年%s表及说明" % (y, "部门预算" if entry["kind"] == "budget"
                                                       else "度部门决算")))
        for i, (pt, blk) in enumerate(zip(tables, tb)):
            out.append(Block("h2", "%s、%s" % (prose.CN_NUM[i], pt.t.title)))
            out.append(Block("p", prose.table_sentence(d, pt.t)))
            out.append(blk)
        return out
    if lay == "perf":
        return ([Block("h1", "%s%d年度预算绩效目标" % (d.name, y)),
                 Block("p", "按照预算绩效管理的要求，本部门编制了部门整体绩效目标和项目支出绩效目标，"
                       "并对上年度部门整体支出和项目支出开展了绩效自评，结果如下。")] + tb + ab)
    raise ValueError("unknown layout " + lay)
