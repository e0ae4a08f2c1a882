"""The final-account tables (部门决算, 公开01表 … 公开09表) and the
performance self-evaluation forms printed with them.

The 公开 tables number their columns in a 栏次 row and their rows in 行次
columns, list function codes as a 类 / 款 / 项 tree in one column, and print
0.00 in some columns where others stay blank; all of that is reproduced.
"""
from common import A, Amt, hnode, new_table, tree_rows, row_sum, nz
from vocab import GK_CLASS_ITEMS, GK06_PERSON, GK06_GOODS, GK06_OTHER, GK06_NAMES, \
    PERF_INPUT, PERF_OUTPUT, NUM_CN

P = "公开"
NOTE_TAIL = "本表金额转换为万元时，因四舍五入可能存在尾差。"


def note(ctx, text):
    return "注：" + text + (NOTE_TAIL if ctx.get("tail_note", True) else "")


def item_col(ctx):
    """The code column's header: 科目编码, 功能分类科目编码 or 科目代码."""
    return ctx.get("gk_code_label", "科目编码")


def _two_sided(t, left, right, right_cols, lnum0, rnum0):
    """Rows of a 收入 | 支出 table with 行次 numbers on both sides."""
    n = max(len(left), len(right))
    lrows, rrows = [], []
    for i in range(n):
        row = {1: str(lnum0 + i), 4: str(rnum0 + i)}
        if i < len(left):
            label, v = left[i]
            if label:
                row[0] = label
            if v is not None:
                row[2] = A(v)
        if i < len(right):
            label, vals = right[i]
            row[3] = label
            for c, v in zip(right_cols, vals):
                if v is not None:
                    row[c] = A(v)
        r = t.add_row(row)
        lrows.append(r)
        rrows.append(r)
    return lrows, rrows


def gk01(d, ctx):
    t = new_table(ctx, "gk01", P, ctx["seq"], "收入支出决算总表")
    t.set_header([hnode("收入", ["项目", "行次", "金额"]), hnode("支出", ["项目", "行次", "金额"])],
                 lanci=["栏次", None, "1", "栏次", None, "2"])
    t.col_types = ["label", "code", "amount", "label", "code", "amount"]
    classes = d.class_totals()
    left = [("一、一般公共预算财政拨款收入", d.gen_total),
            ("二、政府性基金预算财政拨款收入", nz(d.fund_total)),
            ("三、国有资本经营预算财政拨款收入", None), ("四、上级补助收入", None),
            ("五、事业收入", nz(d.own_total)), ("六、经营收入", None),
            ("七、附属单位上缴收入", None), ("八、其他收入", None)]
    right = [("%s、%s" % (NUM_CN[i], name), [classes.get(code)])
             for i, (name, code) in enumerate(GK_CLASS_ITEMS)]
    lr, rr = _two_sided(t, left, right, [5], 1, 31)
    n = len(lr)
    tot = t.add_row({0: "本年收入合计", 1: str(n + 1), 3: "本年支出合计", 4: str(31 + n)}, "total")
    t.set_sum(tot, 2, [(r, 2) for r in lr[:len(left)]])
    t.set_sum(tot, 5, [(r, 5) for r in rr])
    r1 = t.add_row({0: "使用非财政拨款结余（含专用结余）", 1: str(n + 2), 3: "结余分配",
                    4: str(32 + n)})
    r2 = t.add_row({0: "年初结转和结余", 1: str(n + 3), 2: A(nz(d.carry_in)),
                    3: "年末结转和结余", 4: str(33 + n), 5: A(nz(d.carry_out))})
    grand = t.add_row({0: "总计", 1: str(n + 4), 3: "总计", 4: str(34 + n)}, "total")
    t.set_sum(grand, 2, [(tot, 2), (r1, 2), (r2, 2)])
    t.set_sum(grand, 5, [(tot, 5), (r1, 5), (r2, 5)])
    t.zero = {2: ctx.get("gk_zero", "blank"), 5: ctx.get("gk_zero", "blank")}
    t.notes.append(note(ctx, "本表反映部门本年度的总收支和年末结转结余情况。"))
    return t


def _tree_table(d, ctx, fam, title, cols_spec, values, lanci_n, notetext, lanci=True):
    t = new_table(ctx, fam, P, ctx["seq"], title)
    t.set_header([hnode("项目", [item_col(ctx), "科目名称"])] + cols_spec,
                 lanci=[("栏次", 2)] + [str(i + 1) for i in range(lanci_n)] if lanci else None)
    t.col_types = ["code", "label"] + ["amount"] * (t.ncols - 2)
    items = {code: vals for code, vals in values.items()}
    if items:
        tree_rows(t, items, list(range(2, t.ncols)), total_span=ctx.get("gk_span_total", True))
    else:
        t.add_row({0: "合计"}, "total", spans={0: (1, 2)} if ctx.get("gk_span_total", True) else None)
    t.notes.append(note(ctx, notetext))
    return t


def gk02(d, ctx):
    vals = {}
    for code, a in d.by_code().items():
        total = sum(a[c] for c in ("w", "f", "g", "k", "po", "pt"))
        vals[code] = [total - a["own"], None, nz(a["own"]), None, None, None]
    t = _tree_table(d, ctx, "gk02", "收入决算表",
                    ["本年收入合计", "财政拨款收入", "上级补助收入", "事业收入", "经营收入",
                     "附属单位上缴收入", "其他收入"], {k: [None] + v for k, v in vals.items()},
                    7, "本表反映部门本年度取得的各项收入情况。")
    for r in range(len(t.rows)):
        row_sum(t, r, 2, list(range(3, 9)))
    _zero_cols(t, ctx, [4, 6, 7, 8])
    return t


def gk03(d, ctx):
    vals = {}
    for code, a in d.by_code().items():
        vals[code] = [None, nz(a["w"] + a["f"] + a["g"] + a["k"]), nz(a["po"] + a["pt"]),
                      None, None, None]
    t = _tree_table(d, ctx, "gk03", "支出决算表",
                    ["本年支出合计", "基本支出", "项目支出", "上缴上级支出", "经营支出",
                     "对附属单位补助支出"], vals, 6, "本表反映部门本年度各项支出情况。")
    for r in range(len(t.rows)):
        row_sum(t, r, 2, [3, 4, 5, 6, 7])
    _zero_cols(t, ctx, [5, 6, 7])
    return t


def _zero_cols(t, ctx, cols):
    """Columns where the office prints 0.00 instead of leaving the cell blank:
    a blank cell sits next to a 0.00 cell, which the extractor must keep apart."""
    if ctx.get("gk_zero") != "zero":
        return
    for r, row in enumerate(t.rows):
        if any(isinstance(v, Amt) for v in row.values()) or t.kinds[r] == "total":
            for c in cols:
                if c not in row:
                    row[c] = Amt(0)
                t.zero[c] = "zero"


def gk04(d, ctx):
    t = new_table(ctx, "gk04", P, ctx["seq"], "财政拨款收入支出决算总表")
    t.set_header([hnode("收入", ["项目", "行次", "金额"]),
                  hnode("支出", ["项目", "行次", "合计", "一般公共预算财政拨款",
                                 "政府性基金预算财政拨款", "国有资本经营预算财政拨款"])],
                 lanci=["栏次", None, "1", "栏次", None, "2", "3", "4", "5"])
    t.col_types = ["label", "code", "amount", "label", "code"] + ["amount"] * 4
    gen, fund = {}, {}
    for ln in d.lines:
        k = ln.code[:3]
        if ln.source == "gen":
            gen[k] = gen.get(k, 0) + ln.total - ln.own
        else:
            fund[k] = fund.get(k, 0) + ln.total
    left = [("一、一般公共预算财政拨款", d.gen_total),
            ("二、政府性基金预算财政拨款", nz(d.fund_total)),
            ("三、国有资本经营预算财政拨款", None)]
    right = []
    for i, (name, code) in enumerate(GK_CLASS_ITEMS):
        g, f = gen.get(code), fund.get(code)
        right.append(("%s、%s" % (NUM_CN[i], name), [None, g, f, None]))
    lr, rr = _two_sided(t, left, right, [5, 6, 7, 8], 1, 33)
    n = len(lr)
    tot = t.add_row({0: "本年收入合计", 1: str(n + 1), 3: "本年支出合计", 4: str(33 + n)}, "total")
    t.set_sum(tot, 2, [(r, 2) for r in lr[:3]])
    t.col_sum(tot, rr, [6, 7, 8])
    c1 = t.add_row({0: "年初财政拨款结转和结余", 1: str(n + 2), 3: "年末财政拨款结转和结余",
                    4: str(34 + n)})
    subs = []
    for i, name in enumerate(["一般公共预算财政拨款", "政府性基金预算财政拨款",
                              "国有资本经营预算财政拨款"]):
        subs.append(t.add_row({0: name, 1: str(n + 3 + i), 4: str(35 + n + i)}))
    t.set_sum(c1, 2, [(r, 2) for r in subs])
    grand = t.add_row({0: "总计", 1: str(n + 6), 3: "总计", 4: str(38 + n)}, "total")
    t.set_sum(grand, 2, [(tot, 2), (c1, 2)])
    t.col_sum(grand, [tot, c1], [6, 7, 8])
    for r in range(len(t.rows)):
        row_sum(t, r, 5, [6, 7, 8])
    t.notes.append(note(ctx, "本表反映部门本年度一般公共预算财政拨款、政府性基金预算财政拨款和"
                             "国有资本经营预算财政拨款的总收支和年末结转结余情况。"))
    return t


def gk05(d, ctx):
    vals = {}
    for code, a in d.by_code(lambda ln: ln.source == "gen").items():
        vals[code] = [None, nz(a["w"] - a["own"] + a["f"] + a["g"] + a["k"]),
                      nz(a["po"] + a["pt"])]
    t = _tree_table(d, ctx, "gk05", "一般公共预算财政拨款支出决算表",
                    [hnode("本年支出", ["小计", "基本支出", "项目支出"])], vals, 3,
                    "本表反映部门本年度一般公共预算财政拨款支出情况。")
    for r in range(len(t.rows)):
        row_sum(t, r, 2, [3, 4])
    return t


def gk06(d, ctx):
    """Three blocks side by side: 人员经费 | 公用经费 | 公用经费 (continued)."""
    t = new_table(ctx, "gk06", P, ctx["seq"], "一般公共预算财政拨款基本支出决算明细表")
    block = ["经济分类科目编码", "科目名称", "决算数"] if ctx.get("gk06_long", True) else \
        ["科目编码", "科目名称", "决算数"]
    t.set_header([hnode("人员经费", block), hnode("公用经费", block + block)])
    t.col_types = ["code", "label", "amount"] * 3
    econ = {}
    for _, code, v in d.econ:
        econ[code] = econ.get(code, 0) + v
    n = max(len(GK06_PERSON), len(GK06_GOODS), len(GK06_OTHER))
    pos = {}
    for i in range(n):
        row = {}
        for b, lst in enumerate((GK06_PERSON, GK06_GOODS, GK06_OTHER)):
            if i < len(lst):
                code = lst[i]
                row[3 * b] = code
                row[3 * b + 1] = GK06_NAMES[code]
                if len(code) == 5 and econ.get(code):
                    row[3 * b + 2] = A(econ[code])
                pos[code] = (None, 3 * b + 2)
        r = t.add_row(row)
        for code in list(pos):
            if pos[code][0] is None:
                pos[code] = (r, pos[code][1])
    for lst in (GK06_PERSON, GK06_GOODS, GK06_OTHER):
        for code in lst:
            if len(code) == 3:
                kids = [pos[k] for k in lst if len(k) == 5 and k.startswith(code)]
                r, c = pos[code]
                t.set_sum(r, c, kids)
    tot = t.add_row({0: "人员经费合计", 3: "公用经费合计"}, "total",
                    spans={0: (1, 2), 3: (1, 5)})
    t.set_sum(tot, 2, [pos["301"], pos["303"]])
    t.set_sum(tot, 8, [pos["302"], pos["307"], pos["310"], pos["399"]])
    t.notes.append(note(ctx, "本表反映部门本年度一般公共预算财政拨款基本支出明细情况。"))
    return t


def gk07(d, ctx):
    fund = {}
    for code, a in d.by_code(lambda ln: ln.source == "fund").items():
        fund[code] = [None, None, nz(a["po"] + a["pt"]), None, None, nz(a["po"] + a["pt"]), None]
    t = _tree_table(d, ctx, "gk07", "政府性基金预算财政拨款收入支出决算表",
                    ["年初结转和结余", "本年收入", hnode("本年支出", ["小计", "基本支出", "项目支出"]),
                     "年末结转和结余"],
                    {k: v[1:] for k, v in fund.items()}, 6,
                    "本表反映部门本年度政府性基金预算财政拨款收入、支出及结转和结余情况。")
    for r in range(len(t.rows)):
        if fund:
            row_sum(t, r, 4, [5, 6])
    if not fund:
        t.notes.append("说明：本部门本年度没有政府性基金收入，也没有使用政府性基金安排的支出，"
                       "故本表无数据。")
    return t


def gk08(d, ctx):
    t = _tree_table(d, ctx, "gk08", "国有资本经营预算财政拨款支出决算表",
                    [hnode("本年支出", ["合计", "基本支出", "项目支出"])], {}, 3,
                    "本表反映部门本年度国有资本经营预算财政拨款支出情况。")
    t.notes.append("说明：本部门本年度没有使用国有资本经营预算安排的支出，故本表无数据。")
    return t


def gk09(d, ctx):
    t = new_table(ctx, "gk09", P, ctx["seq"], "一般公共预算财政拨款“三公”经费支出决算表")
    car = hnode("公务用车购置及运行维护费", ["小计", "公务用车购置费", "公务用车运行维护费"])
    side = ["合计", "因公出国（境）费", car, "公务接待费"]
    t.set_header([hnode("预算数", side), hnode("决算数", side)],
                 lanci=[str(i + 1) for i in range(12)])
    t.col_types = ["amount"] * 12
    b, a = d.sangong, d.sangong_actual
    r = t.add_row({1: Amt(b["abroad"]), 3: Amt(b["car_buy"]), 4: Amt(b["car_run"]),
                   5: Amt(b["recep"]), 7: Amt(a["abroad"]), 9: Amt(a["car_buy"]),
                   10: Amt(a["car_run"]), 11: Amt(a["recep"])})
    for base in (0, 6):
        row_sum(t, r, base + 2, [base + 3, base + 4])
        row_sum(t, r, base, [base + 1, base + 2, base + 5])
    t.zero = {c: "zero" for c in range(12)}
    t.notes.append(note(ctx, "本表反映部门本年度财政拨款“三公”经费支出预决算情况。其中，预算数为"
                             "“三公”经费全年预算数，反映按规定程序调整后的预算数；决算数是包括当年"
                             "财政拨款和以前年度结转资金安排的实际支出。"))
    return t


# -- self-evaluation forms -------------------------------------------------------------
def zp_dept(d, ctx):
    """部门整体支出绩效自评表: a form with long wrapped text."""
    rng = ctx["rng"]
    t = new_table(ctx, "zp-dept", P, None, "部门整体支出绩效自评表")
    t.code = None
    t.year_line = "（%d年度）" % ctx["year"]
    t.ncols, t.nhead = 8, 0
    t.col_types = ["label", "label", "label", "text", "text", "amount", "amount", "text"]
    total = d.total()
    t.add_row({0: "部门（单位）名称", 1: d.name}, spans={1: (1, 7)})
    t.add_row({0: "部门整体支出情况（万元）", 1: "项目", 3: "年初预算数", 4: "全年预算数",
               5: "全年执行数", 6: "执行率", 7: "得分"},
              spans={0: (4, 1), 1: (1, 2)})
    init = total * rng.randint(80, 100) // 100
    exe = total
    full = total * rng.randint(100, 112) // 100
    rate = "%.2f%%" % (exe * 100.0 / full)
    r0 = t.add_row({1: "部门预算总额", 3: Amt(init), 4: Amt(full), 5: Amt(exe), 6: rate, 7: "10"},
                   spans={1: (1, 2)})
    t.add_row({1: "其中：财政拨款", 3: Amt(init), 4: Amt(full), 5: Amt(exe), 6: rate, 7: "—"},
              spans={1: (1, 2)})
    t.add_row({1: "其他资金", 3: Amt(0), 4: Amt(0), 5: Amt(0), 6: "—", 7: "—"}, spans={1: (1, 2)})
    t.zero = {3: "zero", 4: "zero", 5: "zero"}
    goal = ("全面落实%s各项工作任务，加强预算管理和资金监管，提高资金使用效益，"
            "推动%s事业高质量发展。" % (d.field, d.field))
    done = ("%d年度全面完成年初确定的各项工作任务，资金拨付及时，使用规范，"
            "重点项目按期推进，服务对象满意度进一步提高。" % ctx["year"])
    t.add_row({0: "年度总体目标", 1: "预期目标", 4: "实际完成情况"},
              spans={0: (2, 1), 1: (1, 3), 4: (1, 4)})
    t.add_row({1: goal, 4: done}, spans={1: (1, 3), 4: (1, 4)})
    t.add_row({0: "一级指标", 1: "二级指标", 2: "三级指标", 3: "年度指标值", 4: "实际完成值",
               5: "分值", 6: "得分", 7: "偏差原因分析及改进措施"})
    inds = rng.sample(PERF_INPUT, 4) + [("产出", x, "≥95%", "") for x in rng.sample(PERF_OUTPUT, 2)]
    first = True
    for a, b, val, _ in inds:
        row, spans = {1: a if a != "产出" else "重点工作任务完成", 2: b, 3: val,
                      4: val.replace("≥", "").replace("≤", ""), 5: str(rng.randint(2, 10))}, {}
        row[6] = row[5]
        if first:
            row[0] = "绩效指标"
            spans[0] = (len(inds), 1)
            first = False
        t.add_row(row, spans=spans)
    t.add_row({0: "总分", 5: "100", 6: "%d.%02d" % (rng.randint(92, 99), rng.randint(0, 99))},
              spans={0: (1, 5)}, kind="total")
    t.extra.append(((r0, 5), [(r0 + 1, 5), (r0 + 2, 5)]))
    return t


def zp_proj(d, ctx, p):
    """项目支出绩效自评表 for one project."""
    rng = ctx["rng"]
    t = new_table(ctx, "zp-proj", P, None, "项目支出绩效自评表")
    t.code = None
    t.year_line = "（%d年度）" % ctx["year"]
    t.ncols, t.nhead = 7, 0
    t.col_types = ["label", "label", "label", "text", "text", "text", "text"]
    t.add_row({0: "项目名称", 1: p.name}, spans={1: (1, 6)})
    t.add_row({0: "主管部门", 1: d.name, 4: "实施单位", 5: d.units[p.unit][1]},
              spans={1: (1, 3), 5: (1, 2)})
    t.add_row({0: "项目资金（万元）", 1: "", 2: "年初预算数", 3: "全年预算数", 4: "全年执行数",
               5: "执行率", 6: "得分"}, spans={0: (3, 1)})
    full = p.cents
    exe = full * rng.randint(88, 100) // 100
    init = full * rng.randint(90, 100) // 100
    rate = "%.2f%%" % (exe * 100.0 / full)
    r1 = t.add_row({1: "年度资金总额", 2: Amt(init), 3: Amt(full), 4: Amt(exe), 5: rate,
                    6: "%.2f" % (10.0 * exe / full)})
    t.add_row({1: "其中：财政拨款", 2: Amt(init), 3: Amt(full), 4: Amt(exe), 5: rate, 6: "—"})
    t.add_row({0: "年度总体目标", 1: "预期目标", 4: "实际完成情况"},
              spans={0: (2, 1), 1: (1, 3), 4: (1, 3)})
    t.add_row({1: "按计划完成%s，资金足额及时拨付，项目效益有效发挥。" % p.name,
               4: "已按计划完成%s，资金拨付及时，达到预期目标。" % p.name},
              spans={1: (1, 3), 4: (1, 3)})
    t.add_row({0: "一级指标", 1: "二级指标", 2: "三级指标", 3: "年度指标值", 4: "实际完成值",
               5: "分值", 6: "得分"})
    cats = {"成本指标": "成本指标", "产出指标": "产出指标", "效益指标": "效益指标",
            "满意度指标": "满意度指标"}
    first = True
    n = len(p.targets)
    for cat, ind, val in p.targets:
        score = str(rng.randint(5, 20))
        row, spans = {1: cats[cat], 2: ind, 3: val, 4: val.replace("≥", "").replace("≤", ""),
                      5: score, 6: score}, {}
        if first:
            row[0] = "绩效指标"
            spans[0] = (n, 1)
            first = False
        t.add_row(row, spans=spans)
    t.add_row({0: "总分", 5: "100", 6: "%d.%02d" % (rng.randint(90, 99), rng.randint(0, 99))},
              spans={0: (1, 5)}, kind="total")
    t.extra.append(((r1, 4), [(r1 + 1, 4)]))  # all of it was 财政拨款
    return t


FAMILIES = {"gk01": gk01, "gk02": gk02, "gk03": gk03, "gk04": gk04, "gk05": gk05,
            "gk06": gk06, "gk07": gk07, "gk08": gk08, "gk09": gk09,
            "zp-dept": zp_dept}
TITLES = {"gk01": "收入支出决算总表", "gk02": "收入决算表", "gk03": "支出决算表",
          "gk04": "财政拨款收入支出决算总表", "gk05": "一般公共预算财政拨款支出决算表",
          "gk06": "一般公共预算财政拨款基本支出决算明细表",
          "gk07": "政府性基金预算财政拨款收入支出决算表",
          "gk08": "国有资本经营预算财政拨款支出决算表",
          "gk09": "一般公共预算财政拨款“三公”经费支出决算表",
          "zp-dept": "部门整体支出绩效自评表", "zp-proj": "项目支出绩效自评表"}
