"""The budget tables (部门预算, 预算01表 … 预算15表), modelled on the way
county finance offices print them: same headers, same row order, same
merged cells, numbers from one department so the tables agree.

Each builder takes (dept, ctx) and returns a grid.Table.  ctx keys used
here: year, codefmt, yearspace, codes ("split" or "tree"), split_gongyong,
ys12_style, ys15_merge, econ_parents, spaced_totals, zero_cols.
"""
from common import A, Amt, hnode, new_table, split_rows, tree_rows, row_sum, nz
from vocab import (YS_CLASS_ITEMS, ECON, ECON_CLASS, RUNNING_CODES, PERF_INPUT,
                   PERF_OUTPUT, PERF_EFFECT)

P = "预算"


def spaced(ctx, text):
    """本 年 收 入 合 计: some offices space out the total labels."""
    return " ".join(text) if ctx.get("spaced_totals") else text


# -- 预算01表 部门收支预算表 -----------------------------------------------------
def ys01(d, ctx):
    t = new_table(ctx, "ys01", P, ctx["seq"], "{y}年部门收支预算表")
    t.set_header([hnode("收入", ["项目", "金额"]), hnode("支出", ["项目", "金额"])])
    t.col_types = ["label", "amount", "label", "amount"]
    czbk = d.gen_total - ctx.get("advance", 0)
    left = [("一、一般公共预算", d.gen_total, True),
            ("其中：财政拨款", czbk, False),
            ("二、政府性基金预算拨款收入", nz(d.fund_total), True),
            ("三、国有资本经营预算拨款收入", None, True),
            ("四、财政专户管理资金收入", None, True),
            ("五、事业收入", nz(d.own_total), True),
            ("六、事业单位经营收入", None, True),
            ("七、上级补助收入", None, True),
            ("八、附属单位上缴收入", None, True),
            ("九、其他收入", None, True)]
    classes = d.class_totals()
    right = [("%s、%s" % (n, name), classes.get(code)) for n, name, code in YS_CLASS_ITEMS]
    lrows, rrows = [], []
    for i in range(max(len(left), len(right))):
        row = {}
        if i < len(left):
            label, v, summed = left[i]
            row[0] = label
            if v is not None:
                row[1] = A(v)
        if i < len(right):
            row[2] = right[i][0]
            if right[i][1]:
                row[3] = A(right[i][1])
        r = t.add_row(row)
        if i < len(left) and left[i][2]:
            lrows.append(r)
        if i < len(right):
            rrows.append(r)
    tot = t.add_row({0: spaced(ctx, "本年收入合计"), 2: spaced(ctx, "本年支出合计")}, "total")
    t.set_sum(tot, 1, [(r, 1) for r in lrows])
    t.set_sum(tot, 3, [(r, 3) for r in rrows])
    carry = t.add_row({0: "上年结转结余", 2: "年终结转结余"})
    grand = t.add_row({0: spaced(ctx, "收入总计"), 2: spaced(ctx, "支出总计")}, "total")
    t.set_sum(grand, 1, [(tot, 1), (carry, 1)])
    t.set_sum(grand, 3, [(tot, 3), (carry, 3)])
    return t


# -- 预算02表 部门收入预算表 -----------------------------------------------------
def ys02(d, ctx):
    t = new_table(ctx, "ys02", P, ctx["seq"], "{y}年部门收入预算表")
    t.set_header([
        ctx.get("ys02_code", "部门（单位）代码"), "部门（单位）名称", "总计",
        hnode("本年收入", ["合计", hnode("一般公共预算", ["小计", "其中：财政拨款"]),
                          "政府性基金预算", "国有资本经营预算", "财政专户管理资金收入",
                          "事业收入", "事业单位经营收入", "上级补助收入",
                          "附属单位上缴收入", "其他收入"]),
        hnode("上年结转结余", ["合计", "一般公共预算", "政府性基金预算",
                               "国有资本经营预算", "财政专户管理资金", "单位资金"])])
    t.col_types = ["code", "label"] + ["amount"] * 18
    unit_rows = []
    tot = t.add_row({1: "合计"}, "total")
    dep = t.add_row({0: d.code, 1: d.name})
    for u, (ucode, uname) in enumerate(d.units):
        gen = sum(ln.total - ln.own for ln in d.lines if ln.unit == u and ln.source == "gen")
        fund = sum(ln.total for ln in d.lines if ln.unit == u and ln.source == "fund")
        own = sum(ln.own for ln in d.lines if ln.unit == u)
        adv = ctx.get("advance", 0) if u == 0 else 0
        r = t.add_row({0: ucode, 1: uname, 4: A(gen), 5: A(gen - adv),
                       6: A(nz(fund)), 9: A(nz(own))})
        unit_rows.append(r)
    for r in [tot, dep] + unit_rows:
        row_sum(t, r, 3, [4, 6, 7, 8, 9, 10, 11, 12, 13])
        row_sum(t, r, 14, [15, 16, 17, 18, 19])
        row_sum(t, r, 2, [3, 14])
    t.col_sum(dep, unit_rows, [4, 5, 6, 9])
    t.col_sum(tot, [dep], [4, 5, 6, 9])
    return t


# -- 预算03/05/10/11表 支出预算表 ---------------------------------------------------
def _expend_header(t, ctx):
    split = ctx.get("split_gongyong", True)
    gongyong = hnode("公用经费", ["商品和服务支出", "资本性支出"]) if split else "公用经费"
    basic = hnode("基本支出", ["小计", hnode("人员经费", ["工资福利支出", "对个人和家庭的补助"]),
                              gongyong])
    proj = hnode("项目支出", ["小计", "其他运转类", "特定目标类"])
    if ctx.get("codes", "split") == "split":
        t.set_header([hnode("科目编码", ["类", "款", "项"], rs=2), "单位代码",
                      "单位（科目名称）", "合计", basic, proj])
        t.col_types = ["code", "code", "code", "code", "label"]
    else:
        t.set_header([hnode("项目", ["科目编码", "科目名称"], rs=2), "合计", basic, proj])
        t.col_types = ["code", "label"]
    t.col_types += ["amount"] * (t.ncols - len(t.col_types))
    return split


def _expend(d, ctx, fam, title, pred, gen_only, empty_note):
    t = new_table(ctx, fam, P, ctx["seq"], title)
    split = _expend_header(t, ctx)
    tree = ctx.get("codes", "split") != "split"
    first = 2 if tree else 5
    c_tot, c_bas = first, first + 1
    c_w, c_f = first + 2, first + 3
    c_gy = [first + 4, first + 5] if split else [first + 4]
    c_prj = first + 4 + len(c_gy)
    c_po, c_pt = c_prj + 1, c_prj + 2
    leaf_cols = [c_w, c_f] + c_gy + [c_po, c_pt]
    items = {}
    for code, a in d.by_code(pred).items():
        w = a["w"] - (a["own"] if gen_only else 0)
        vals = [w, a["f"]] + ([a["g"], a["k"]] if split else [a["g"] + a["k"]]) + [a["po"], a["pt"]]
        items[code] = [nz(v) for v in vals]
    if not items:
        t.add_row({(first - 1 if not tree else 0): "合计"}, "total")
        if empty_note:
            t.notes.append(empty_note.replace("{y}", str(ctx["year"])))
        return t
    if tree:
        tree_rows(t, items, leaf_cols, total_span=True)
        rows = range(len(t.rows))
    else:
        tot = t.add_row({4: "合计"}, "total")
        dep = t.add_row({3: d.code, 4: d.name})
        leaves = split_rows(t, items, leaf_cols, with_parents=ctx.get("split_parents", False))
        t.col_sum(dep, [r for r in leaves], leaf_cols)
        t.col_sum(tot, [dep], leaf_cols)
        rows = range(len(t.rows))
    for r in rows:
        row_sum(t, r, c_bas, [c_w, c_f] + c_gy)
        row_sum(t, r, c_prj, [c_po, c_pt])
        row_sum(t, r, c_tot, [c_bas, c_prj])
    return t


def ys03(d, ctx):
    return _expend(d, ctx, "ys03", "{y}年部门支出预算表", lambda ln: True, False, None)


def ys05(d, ctx):
    t = _expend(d, ctx, "ys05", "{y}年一般公共预算支出预算表",
                lambda ln: ln.source == "gen", True, None)
    if ctx.get("ys05_note", True):
        t.notes.append("备注：本表仅含当年财政拨款安排的支出")
    return t


def ys10(d, ctx):
    return _expend(d, ctx, "ys10", "{y}年政府性基金支出预算表",
                   lambda ln: ln.source == "fund", False,
                   "注：本部门{y}年没有使用政府性基金预算拨款安排的支出，此表为空表。")


def ys11(d, ctx):
    return _expend(d, ctx, "ys11", "{y}年国有资本经营支出预算表",
                   lambda ln: False, False,
                   "注：本部门{y}年没有使用国有资本经营预算拨款安排的支出，此表为空表。")


# -- 预算04表 财政拨款收支预算表 ---------------------------------------------------
def ys04(d, ctx):
    t = new_table(ctx, "ys04", P, ctx["seq"], ctx.get("ys04_title", "{y}年财政拨款收支预算表"))
    t.set_header([hnode("收入", ["项目", "金额"]),
                  hnode("支出", ["项目", "合计", hnode("一般公共预算", ["小计", "其中：财政拨款"]),
                                 "政府性基金预算", "国有资本经营预算"])])
    t.col_types = ["label", "amount", "label"] + ["amount"] * 5
    gen = {}
    fund = {}
    for ln in d.lines:
        key = ln.code[:3]
        if ln.source == "gen":
            gen[key] = gen.get(key, 0) + ln.total - ln.own
        else:
            fund[key] = fund.get(key, 0) + ln.total
    adv = ctx.get("advance", 0)
    left = [("一、本年收入", "sum"), ("（一）一般公共预算拨款", d.gen_total),
            ("其中：财政拨款", d.gen_total - adv), ("（二）政府性基金预算拨款", nz(d.fund_total)),
            ("（三）国有资本经营预算拨款", None), ("二、上年结转", "sum2"),
            ("（一）一般公共预算拨款", None), ("（二）政府性基金预算拨款", None),
            ("（三）国有资本经营预算拨款", None)]
    right = [("（%s）%s" % (n, name if name.endswith("支出") else name + "支出"), code)
             for n, name, code in YS_CLASS_ITEMS]
    top_total = ctx.get("ys04_total_first", False)
    if top_total:
        tot = t.add_row({0: "收入合计", 2: "支出合计"}, "total")
    head = t.add_row({0: left[0][0], 2: "一、本年支出"})
    lrows = {}
    body = []
    for i in range(max(len(left) - 1, len(right))):
        row = {}
        if i + 1 < len(left):
            label, v = left[i + 1]
            row[0] = label
            if isinstance(v, int):
                row[1] = A(v)
        if i < len(right):
            label, code = right[i]
            row[2] = label
            g, f = gen.get(code, 0), fund.get(code, 0)
            if g or f:
                row[4], row[5] = A(nz(g)), A(nz(g))
                if f:
                    row[6] = A(f)
        r = t.add_row(row)
        lrows[i + 1] = r
        if i < len(right):
            body.append(r)
    t.set_sum(head, 1, [(lrows[1], 1), (lrows[3], 1), (lrows[4], 1)])
    t.set_sum(lrows[5], 1, [(lrows[6], 1), (lrows[7], 1), (lrows[8], 1)])
    t.col_sum(head, body, [4, 5, 6])
    carry = t.add_row({2: "二、年终结转结余"})
    if not top_total:
        tot = t.add_row({0: "收入合计", 2: "支出合计"}, "total")
    t.set_sum(tot, 1, [(head, 1), (lrows[5], 1)])
    t.col_sum(tot, [head, carry], [4, 5, 6])
    for r in [head] + body + [carry, tot]:
        row_sum(t, r, 3, [4, 6, 7])
    return t


# -- 预算06表 一般公共预算基本支出预算表 ---------------------------------------------
def gov_econ(code, institution):
    """Government economic code of a department economic code."""
    if institution:
        if code.startswith("301"):
            return "50501", "工资福利支出"
        if code.startswith("302"):
            return "50502", "商品和服务支出"
        if code.startswith("310"):
            return "50601", "资本性支出（二）"
    return ECON[code][1], ECON[code][2]


def econ_pairs(d):
    """Basic expenditure by (department econ code, government econ code)."""
    acc = {}
    for u, code, v in d.econ:
        g, gname = gov_econ(code, u > 0)
        acc[(code, g)] = acc.get((code, g), 0) + v
    return acc


def ys06(d, ctx):
    t = new_table(ctx, "ys06", P, ctx["seq"], ctx.get("ys06_title", "{y}年一般公共预算基本支出预算表"))
    t.set_header([hnode("部门预算支出经济分类科目", ["科目编码", "科目名称"]),
                  hnode("政府预算支出经济分类科目", ["科目编码", "科目名称"]),
                  hnode("本年一般公共预算基本支出", ["合计", "人员经费", "公用经费"])])
    t.col_types = ["code", "label", "code", "label", "amount", "amount", "amount"]
    pairs = econ_pairs(d)
    tot = t.add_row({0: "合计"}, "total", spans={0: (1, 4)} if ctx.get("span_total") else None)
    parents = ctx.get("econ_parents", False)
    order = sorted(pairs)
    if ctx.get("econ_shuffle"):
        ctx["rng"].shuffle(order)
    tops = []
    groups = {}
    for code, g in order:
        groups.setdefault(code[:3], []).append((code, g))
    for cls in (sorted(groups) if parents else [None]):
        items = groups[cls] if parents else order
        if parents:
            pr = t.add_row({0: cls, 1: ECON_CLASS[cls]})
            tops.append(pr)
        rows = []
        for code, g in items:
            col = 5 if code[:3] in ("301", "303") else 6
            rows.append(t.add_row({0: code, 1: ECON[code][0], 2: g,
                                   3: gov_econ(code, False)[1] if g == ECON[code][1] else
                                   {"50501": "工资福利支出", "50502": "商品和服务支出",
                                    "50601": "资本性支出（二）"}[g],
                                   col: A(pairs[(code, g)])}))
        if parents:
            t.col_sum(pr, rows, [5, 6])
        else:
            tops = rows
    t.col_sum(tot, tops, [5, 6])
    for r in range(len(t.rows)):
        row_sum(t, r, 4, [5, 6])
    return t


# -- 预算07表 一般公共预算基本支出明细表 ---------------------------------------------
def ys07(d, ctx):
    t = new_table(ctx, "ys07", P, ctx["seq"], "{y}年一般公共预算基本支出明细表")
    t.set_header(["项目单位", "类型", "项目名称", "合计",
                  hnode("本年拨款", ["一般公共预算", "政府性基金预算", "国有资本经营预算"]),
                  hnode("财政拨款结转结余", ["一般公共预算", "政府性基金预算", "国有资本经营预算"]),
                  "财政专户管理资金", "单位资金"])
    t.col_types = ["label", "label", "label"] + ["amount"] * 9
    tot = t.add_row({2: "合计"}, "total")
    dep = t.add_row({0: d.code, 2: d.name})
    unit_rows = []
    for u, (ucode, uname) in enumerate(d.units):
        suffix = "（行政）" if u == 0 else "（事业）"
        items = [(c, v) for uu, c, v in d.econ if uu == u]
        groups = [("人员类", [(c, v) for c, v in items if c[:3] in ("301", "303")]),
                  ("公用经费", [(c, v) for c, v in items if c[:3] in ("302", "310")])]
        first_of_unit = None
        n_unit = sum(len(g) for _, g in groups if g)
        for kind, group in groups:
            for i, (c, v) in enumerate(group):
                row = {2: ECON[c][0] + suffix, 4: A(v)}
                spans = {}
                if first_of_unit is None:
                    row[0] = uname
                    spans[0] = (n_unit, 1)
                    first_of_unit = True
                if i == 0:
                    row[1] = kind
                    spans[1] = (len(group), 1)
                unit_rows.append(t.add_row(row, spans=spans))
    t.col_sum(dep, unit_rows, [4])
    t.col_sum(tot, [dep], [4])
    for r in range(len(t.rows)):
        row_sum(t, r, 3, list(range(4, 12)))
    return t


# -- 预算08表 支出经济分类汇总表 ---------------------------------------------------
def ys08(d, ctx):
    t = new_table(ctx, "ys08", P, ctx["seq"], "{y}年支出经济分类汇总表")
    t.set_header([hnode("部门预算经济分类", ["类", "款", "科目名称"]),
                  hnode("政府预算经济分类", ["类", "款", "科目名称"]),
                  "总计", hnode("一般公共预算", ["小计", "其中：财政拨款"]),
                  "政府性基金", "国有资本经营预算", "上年结转结余", "财政专户管理资金收入",
                  "事业收入", "上级补助收入", "附属单位上缴收入", "事业单位经营收入", "其他收入"])
    t.col_types = ["code", "code", "label", "code", "code", "label"] + ["amount"] * 12
    acc = {}

    def add(code, g, col, v):
        key = (code, g)
        acc.setdefault(key, {})
        acc[key][col] = acc[key].get(col, 0) + v

    for (code, g), v in econ_pairs(d).items():
        add(code, g, 7, v)
    for p in d.projects:
        g, _ = gov_econ(p.econ, False)
        add(p.econ, g, 7 if p.source == "gen" else 9, p.cents)
    own = d.own_total
    if own:
        add("30107", "50501", 13, own)
    gname = {g: n for _, g, n in ECON.values()}
    gname.update({"50501": "工资福利支出", "50502": "商品和服务支出", "50601": "资本性支出（二）"})
    tot = t.add_row({2: "合计"}, "total")
    dep = t.add_row({0: d.code, 2: d.name})
    rows = []
    for (code, g) in sorted(acc):
        vals = acc[(code, g)]
        row = {0: code[:3], 1: code[3:], 2: ECON[code][0], 3: g[:3], 4: g[3:], 5: gname[g]}
        for col, v in vals.items():
            row[col] = A(v)
        if 7 in vals:
            row[8] = A(vals[7])
        rows.append(t.add_row(row))
    t.col_sum(dep, rows, [7, 8, 9, 13])
    t.col_sum(tot, [dep], [7, 8, 9, 13])
    for r in range(len(t.rows)):
        row_sum(t, r, 6, [7, 9, 10, 11, 12, 13, 14, 15, 16, 17])
    return t


# -- 预算09表 "三公"经费预算表 -----------------------------------------------------
def ys09(d, ctx):
    t = new_table(ctx, "ys09", P, ctx["seq"], "{y}年一般公共预算“三公”经费预算表")
    t.set_header(["“三公”经费合计", "因公出国（境）费",
                  hnode("公务用车购置及运行费", ["小计", "公务用车购置费", "公务用车运行费"]),
                  "公务接待费"])
    s = d.sangong
    r = t.add_row({1: Amt(s["abroad"]), 3: Amt(s["car_buy"]), 4: Amt(s["car_run"]),
                   5: Amt(s["recep"])})
    row_sum(t, r, 2, [3, 4])
    row_sum(t, r, 0, [1, 2, 5])
    t.zero = {c: "zero" for c in range(6)}
    t.notes.append("注：按照党中央、国务院有关规定及部门预算管理有关规定，“三公”经费包括因公出国"
                   "（境）费、公务用车购置及运行费和公务接待费。（1）因公出国（境）费，指单位工作人员"
                   "公务出国（境）的住宿费、旅费、伙食补助费、杂费、培训费等支出。（2）公务用车购置及"
                   "运行费，指单位公务用车购置费及租用费、燃料费、维修费、过路过桥费、保险费等支出。"
                   "（3）公务接待费，指单位按规定开支的各类公务接待（含外宾接待）支出。")
    return t


def ys09c(d, ctx):
    """The 三公 table as a comparison with last year: negatives, percents."""
    t = new_table(ctx, "ys09", P, ctx["seq"], "{y}年“三公”经费支出预算增减情况表")
    t.set_header(["项目", "上年预算数", "本年预算数", "增减额", "增减率"])
    t.col_types = ["label", "amount", "amount", "amount", "pct"]
    cur, prev = d.sangong, d.sangong_prev
    items = [("1.因公出国（境）费", "abroad"), ("2.公务用车购置及运行费", None),
             ("其中：公务用车购置费", "car_buy"), ("公务用车运行维护费", "car_run"),
             ("3.公务接待费", "recep")]
    tot = t.add_row({0: "合计"}, "total")
    rows = {}
    for label, key in items:
        row = {0: label}
        if key:
            row[1], row[2], row[3] = Amt(prev[key]), Amt(cur[key]), Amt(cur[key] - prev[key])
        rows[label] = t.add_row(row)
    car = rows["2.公务用车购置及运行费"]
    parts = [rows["其中：公务用车购置费"], rows["公务用车运行维护费"]]
    tops = [rows["1.因公出国（境）费"], car, rows["3.公务接待费"]]
    t.col_sum(car, parts, [1, 2, 3])
    t.col_sum(tot, tops, [1, 2, 3])
    t.zero = {1: "zero", 2: "zero", 3: "zero"}
    t.evaluate()
    for r in range(len(t.rows)):
        if isinstance(t.rows[r].get(2), Amt):
            t.extra.append(((r, 2), [(r, 1), (r, 3)]))

    def rates(tab):
        """增减率 = 增减额 / 上年预算数, or a dash when last year had nothing."""
        for r, row in enumerate(tab.rows):
            if isinstance(row.get(1), Amt) and row[1].cents is not None:
                prev_c, diff = row[1].cents, row[3].cents
                if prev_c:
                    v = diff * 10000 // prev_c if diff >= 0 else -((-diff) * 10000 // prev_c)
                    row[4] = "%s%d.%02d%%" % ("-" if v < 0 else "", abs(v) // 100, abs(v) % 100)
                else:
                    row[4] = "-"
    t.post = [rates]
    return t


# -- 预算12表 项目支出预算表 -------------------------------------------------------
def ys12(d, ctx):
    t = new_table(ctx, "ys12", P, ctx["seq"], ctx.get("ys12_title", "{y}年项目支出预算表"))
    style = ctx.get("ys12_style", "unit")
    money = [hnode("本年拨款", ["一般公共预算", "政府性基金预算", "国有资本经营预算"]),
             hnode(ctx.get("carry_label", "财政拨款结转结余"),
                   ["一般公共预算", "政府性基金预算", "国有资本经营预算"]),
             "财政专户管理资金", "单位资金"]
    if style == "unit":
        t.set_header(["部门（单位）代码", "部门（项目）名称", "项目类型", "合计"] + money)
        t.col_types = ["code", "label", "label"] + ["amount"] * 9
    else:
        t.set_header(["类型", "项目名称", "项目单位", "合计"] + money)
        t.col_types = ["label", "label", "label"] + ["amount"] * 9
    tot = t.add_row({1: "合计"} if style == "unit" else {0: "合计"}, "total")
    dep = t.add_row({0: d.code, 1: d.name})
    unit_rows = []
    for u, (ucode, uname) in enumerate(d.units):
        projs = [p for p in d.projects if p.unit == u]
        if not projs:
            continue
        ur = t.add_row({0: ucode, 1: uname}) if style == "unit" and len(d.units) > 1 else None
        prow = []
        for p in projs:
            col = 4 if p.source == "gen" else 5
            if style == "unit":
                row = {0: ucode, 1: p.name, 2: p.kind, col: A(p.cents)}
            else:
                row = {0: p.kind, 1: p.name, 2: uname, col: A(p.cents)}
            prow.append(t.add_row(row))
        if ur is not None:
            t.col_sum(ur, prow, [4, 5])
            unit_rows.append(ur)
        else:
            unit_rows.extend(prow)
    t.col_sum(dep, unit_rows, [4, 5])
    t.col_sum(tot, [dep], [4, 5])
    for r in range(len(t.rows)):
        row_sum(t, r, 3, list(range(4, 12)))
    return t


# -- 预算13表 机构运行经费 -------------------------------------------------------
def ys13(d, ctx):
    t = new_table(ctx, "ys13", P, ctx["seq"], "{y}年行政（事业）单位机构运行经费预算表")
    t.set_header([hnode("部门预算支出经济分类科目", ["科目编码", "科目名称"]),
                  hnode("机构运行经费支出", ["合计"])])
    t.col_types = ["code", "label", "amount"]
    acc = {}
    for u, code, v in d.econ:
        if code in RUNNING_CODES:
            acc[code] = acc.get(code, 0) + v
    tot = t.add_row({0: "合计"}, "total")
    rows = [t.add_row({0: c, 1: ECON[c][0], 2: A(v)}) for c, v in sorted(acc.items())]
    t.col_sum(tot, rows, [2])
    return t


# -- 预算14表 部门整体绩效目标表 (a form) -----------------------------------------------
def ys14(d, ctx):
    rng = ctx["rng"]
    t = new_table(ctx, "ys14", P, ctx["seq"], "本级部门整体绩效目标表")
    t.year_line = "（%d年度）" % ctx["year"]
    t.ncols, t.nhead = 5, 0
    t.col_types = ["label", "label", "label", "text", "text"]
    t.add_row({0: "部门名称", 1: d.name}, spans={1: (1, 4)})
    goal = ("认真贯彻落实上级关于%s工作的决策部署，围绕%s年度重点任务，健全制度机制，"
            "强化预算和绩效管理，提高资金使用效益，确保各项工作任务按期完成，"
            "不断提升公共服务水平和群众满意度。" % (d.field, d.area))
    t.add_row({0: "年度履职目标", 1: goal}, spans={1: (1, 4)})
    tasks = [(p.name.split("年", 1)[-1], "按计划推进%s，做好资金拨付、过程监管和绩效评价，"
              "确保项目按期完成并发挥效益。" % p.name.split("年", 1)[-1])
             for p in d.projects[:rng.randint(2, 4)]]
    t.add_row({0: "年度主要任务", 1: "任务名称", 2: "主要内容"},
              spans={0: (len(tasks) + 1, 1), 2: (1, 3)})
    for name, content in tasks:
        t.add_row({1: name, 2: content}, spans={2: (1, 3)})
    total = d.total()
    basic = sum(ln.basic for ln in d.lines)
    b0 = t.add_row({0: "预算情况", 1: "部门预算总额（万元）", 3: Amt(None)},
                   spans={0: (6, 1), 1: (1, 2), 3: (1, 2)})
    src = t.add_row({1: "1、资金来源：（1）政府预算资金", 3: Amt(total)}, spans={1: (1, 2), 3: (1, 2)})
    sp = t.add_row({1: "（2）财政专户管理资金"}, spans={1: (1, 2), 3: (1, 2)})
    own = t.add_row({1: "（3）单位资金"}, spans={1: (1, 2), 3: (1, 2)})
    bas = t.add_row({1: "2、资金结构：（1）基本支出", 3: Amt(basic)}, spans={1: (1, 2), 3: (1, 2)})
    prj = t.add_row({1: "（2）项目支出", 3: Amt(total - basic)}, spans={1: (1, 2), 3: (1, 2)})
    t.set_sum(b0, 3, [(src, 3), (sp, 3), (own, 3)])
    t.extra.append(((b0, 3), [(bas, 3), (prj, 3)]))
    t.add_row({0: "一级指标", 1: "二级指标", 2: "三级指标", 3: "指标值", 4: "指标值说明"})
    inputs = rng.sample(PERF_INPUT, rng.randint(4, 7))
    inputs.sort(key=lambda x: [p[0] for p in PERF_INPUT].index(x[0]))
    _indicator_rows(t, "投入管理指标", [(a, b, c, e) for a, b, c, e in inputs])
    outs = [("重点工作任务完成", x, "≥%d%%" % rng.randint(90, 99),
             "反映%s的完成情况。" % x) for x in rng.sample(PERF_OUTPUT, 2)]
    _indicator_rows(t, "产出指标", outs)
    eff = [("履职效益", "社会效益", "有效提升", "反映部门履职对经济社会发展的促进作用。"),
           ("满意度", rng.choice(PERF_EFFECT), "≥%d%%" % rng.randint(85, 98),
            "反映服务对象对部门履职的满意程度。")]
    _indicator_rows(t, "效益指标", eff)
    return t


def _indicator_rows(t, level1, items):
    """Indicator rows with the first two levels merged over their runs."""
    runs = []
    for a, b, c, e in items:
        if runs and runs[-1][0] == a:
            runs[-1][1].append((b, c, e))
        else:
            runs.append((a, [(b, c, e)]))
    first = True
    n = len(items)
    for level2, group in runs:
        for i, (b, c, e) in enumerate(group):
            row, spans = {2: b, 3: c, 4: e}, {}
            if first:
                row[0] = level1
                spans[0] = (n, 1)
                first = False
            if i == 0:
                row[1] = level2
                spans[1] = (len(group), 1)
            t.add_row(row, spans=spans)


# -- 预算15表 项目绩效目标表 -------------------------------------------------------
def ys15(d, ctx):
    t = new_table(ctx, "ys15", P, ctx["seq"], "{y}年部门预算项目绩效目标表")
    pair = ["三级指标", "指标值"]
    t.set_header(["单位编码（项目编码）", "项目单位（项目名称）",
                  hnode("项目金额（万元）", ["资金总额", "政府预算资金", "财政专户管理资金", "单位资金"]),
                  hnode("绩效目标", [hnode("成本指标", pair), hnode("产出指标", pair),
                                     hnode("效益指标", pair), hnode("满意度指标", pair)])])
    t.col_types = ["code", "label", "amount", "amount", "amount", "amount"] + ["text"] * 8
    merge = ctx.get("ys15_merge", True)
    cats = ["成本指标", "产出指标", "效益指标", "满意度指标"]
    dep = t.add_row({0: d.code, 1: d.name})
    unit_rows = []
    for u, (ucode, uname) in enumerate(d.units):
        projs = [p for p in d.projects if p.unit == u]
        if not projs:
            continue
        ur = t.add_row({0: ucode, 1: uname})
        firsts = []
        for p in projs:
            by = {c: [(i, v) for cc, i, v in p.targets if cc == c] for c in cats}
            n = max(len(v) for v in by.values())
            for k in range(n):
                row, spans = {}, {}
                if k == 0:
                    row.update({0: p.code, 1: p.name, 3 if p.source == "gen" else 3: Amt(p.cents)})
                    if merge and n > 1:
                        for c in range(6):
                            spans[c] = (n, 1)
                for j, c in enumerate(cats):
                    if k < len(by[c]):
                        row[6 + 2 * j], row[7 + 2 * j] = by[c][k]
                r = t.add_row(row, spans=spans)
                if k == 0:
                    firsts.append(r)
        t.col_sum(ur, firsts, [3])
        unit_rows.append(ur)
    t.col_sum(dep, unit_rows, [3])
    for r in range(len(t.rows)):
        if 3 in t.rows[r]:
            row_sum(t, r, 2, [3, 4, 5])
    return t


FAMILIES = {"ys01": ys01, "ys02": ys02, "ys03": ys03, "ys04": ys04, "ys05": ys05,
            "ys06": ys06, "ys07": ys07, "ys08": ys08, "ys09": ys09, "ys09c": ys09c,
            "ys10": ys10, "ys11": ys11, "ys12": ys12, "ys13": ys13, "ys14": ys14,
            "ys15": ys15}
TITLES = {"ys01": "部门收支预算表", "ys02": "部门收入预算表", "ys03": "部门支出预算表",
          "ys04": "财政拨款收支预算表", "ys05": "一般公共预算支出预算表",
          "ys06": "一般公共预算基本支出预算表", "ys07": "一般公共预算基本支出明细表",
          "ys08": "支出经济分类汇总表", "ys09": "一般公共预算“三公”经费预算表",
          "ys09c": "“三公”经费支出预算增减情况表", "ys10": "政府性基金支出预算表",
          "ys11": "国有资本经营支出预算表", "ys12": "项目支出预算表",
          "ys13": "机构运行经费预算表", "ys14": "部门整体绩效目标表",
          "ys15": "部门预算项目绩效目标表"}
