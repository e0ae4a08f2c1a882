"""The prose around the tables: cover, overview, explanations, glossary.

Reports interleave these with their tables; the text quotes the tables'
totals, as the real ones do, so a segmenter meets numbers outside tables.
"""
from docmodel import Block
from vocab import DUTY_SENTENCES, TERMS

CN_NUM = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二",
          "十三", "十四", "十五"]
CN_MONTH = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"]
CN_DIGIT = "〇一二三四五六七八九"


def cn_year(y):
    return "".join(CN_DIGIT[int(ch)] for ch in str(y))


def w(cents):
    return "%.2f" % (cents / 100.0)


def pct(a, b):
    return "%.2f%%" % (a * 100.0 / b) if b else "0.00%"


def cover(d, ctx, what):
    month = ctx["rng"].randint(1, 8) if what == "预算" else ctx["rng"].randint(7, 10)
    year = ctx["year"] if what == "预算" else ctx["year"] + 1
    return [Block("cover", d.name), Block("cover2", "%d年度部门%s" % (ctx["year"], what)),
            Block("cover2", "%s年%s月" % (cn_year(year), CN_MONTH[month - 1])),
            Block("break")]


def overview(d, ctx, part="第一部分"):
    rng = ctx["rng"]
    out = [Block("h1", "%s %s概况" % (part, d.name)), Block("h2", "一、主要职能")]
    for i, s in enumerate(rng.sample(DUTY_SENTENCES[:-1], 4) + [DUTY_SENTENCES[-1]]):
        out.append(Block("p", "（%s）%s" % ("一二三四五六"[i], s.format(field=d.field, area=d.area))))
    out.append(Block("h2", "二、部门预算单位构成"))
    if len(d.units) == 1:
        out.append(Block("p", "%s系一级预算单位，无下属预算单位，本部门预算为本级预算。" % d.name))
    else:
        names = "、".join(u[1] for u in d.units[1:])
        out.append(Block("p", "纳入%s%d年部门预算编制范围的单位共%d个，包括：%s本级及%s。"
                         % (d.name, ctx["year"], len(d.units), d.name, names)))
    return out


def budget_notes(d, ctx, part="第二部分"):
    rng = ctx["rng"]
    y = ctx["year"]
    total = d.total()
    basic = sum(ln.basic for ln in d.lines)
    proj = total - basic
    prev = total * rng.randint(80, 125) // 100
    diff = total - prev
    updown = ("增加", "增长") if diff >= 0 else ("减少", "下降")
    out = [Block("h1", "%s %s%d年部门预算情况说明" % (part, d.name, y)),
           Block("h2", "一、收入支出预算总体情况说明"),
           Block("p", "%s%d年收入总计%s万元，支出总计%s万元，与上年相比，收、支总计各%s%s万元，"
                 "%s%s。主要原因：%s。" % (d.name, y, w(total), w(total), updown[0],
                                          w(abs(diff)), updown[1], pct(abs(diff), prev),
                                          rng.choice(["本年新增项目支出", "人员调整及工资调整",
                                                      "上年一次性项目本年不再安排"]))),
           Block("h2", "二、收入预算总体情况说明"),
           Block("p", "%s%d年收入合计%s万元，其中：一般公共预算收入%s万元；政府性基金预算收入%s万元；"
                 "事业收入%s万元；其他收入0万元。" % (d.name, y, w(total), w(d.gen_total),
                                                  w(d.fund_total), w(d.own_total))),
           Block("h2", "三、支出预算总体情况说明"),
           Block("p", "%s%d年支出合计%s万元，其中：基本支出%s万元，占%s；项目支出%s万元，占%s。"
                 % (d.name, y, w(total), w(basic), pct(basic, total), w(proj), pct(proj, total))),
           Block("h2", "四、一般公共预算基本支出预算情况说明"),
           Block("p", "%s%d年一般公共预算基本支出%s万元，其中：人员经费%s万元，主要包括基本工资、"
                 "津贴补贴、奖金、绩效工资、社会保障缴费、住房公积金等；公用经费%s万元，主要包括办公费、"
                 "印刷费、水电费、邮电费、差旅费、维修（护）费等。"
                 % (d.name, y, w(d.econ_total()), w(d.econ_total("301") + d.econ_total("303")),
                    w(d.econ_total("302") + d.econ_total("310"))))]
    s = d.sangong
    sg = sum(s.values())
    out += [Block("h2", "五、“三公”经费支出预算情况说明"),
            Block("p", "%s%d年“三公”经费支出预算为%s万元，其中：因公出国（境）费%s万元，公务用车购置费"
                  "%s万元，公务用车运行维护费%s万元，公务接待费%s万元。"
                  % (d.name, y, w(sg), w(s["abroad"]), w(s["car_buy"]), w(s["car_run"]),
                     w(s["recep"]))),
            Block("h2", "六、其他重要事项的情况说明"),
            Block("p", "（一）政府采购支出情况：%d年政府采购预算安排%s万元。（二）预算绩效管理情况："
                  "%d年，本部门纳入预算绩效管理的项目%d个，涉及资金%s万元。"
                  % (y, w(rng.randint(0, 3000) * 100), y, len(d.projects), w(proj)))]
    return out


def final_notes(d, ctx, part="第三部分"):
    rng = ctx["rng"]
    y = ctx["year"]
    total = d.total()
    basic = sum(ln.basic for ln in d.lines)
    proj = total - basic
    prev = total * rng.randint(85, 120) // 100
    diff = total - prev
    updown = ("增加", "增长") if diff >= 0 else ("减少", "下降")
    out = [Block("h1", "%s %d年度部门决算情况说明" % (part, y)),
           Block("h2", "一、收入支出决算总体情况说明"),
           Block("p", "%d年度收、支总计均为%s万元。与上年度相比，收、支总计各%s%s万元，%s%s。"
                 "主要原因是%s。" % (y, w(total), updown[0], w(abs(diff)), updown[1],
                                     pct(abs(diff), prev),
                                     rng.choice(["人员调整、工资调整", "项目资金增加",
                                                 "上年一次性项目完成"]))),
           Block("h2", "二、收入决算情况说明"),
           Block("p", "%d年度收入合计%s万元，其中：财政拨款收入%s万元，占%s；事业收入%s万元，占%s。"
                 % (y, w(total), w(total - d.own_total), pct(total - d.own_total, total),
                    w(d.own_total), pct(d.own_total, total))),
           Block("h2", "三、支出决算情况说明"),
           Block("p", "%d年度支出合计%s万元，其中：基本支出%s万元，占%s；项目支出%s万元，占%s。"
                 % (y, w(total), w(basic), pct(basic, total), w(proj), pct(proj, total))),
           Block("h2", "四、一般公共预算财政拨款基本支出决算情况说明"),
           Block("p", "%d年度一般公共预算财政拨款基本支出%s万元。其中：人员经费%s万元；公用经费%s万元。"
                 % (y, w(d.econ_total()), w(d.econ_total("301") + d.econ_total("303")),
                    w(d.econ_total("302") + d.econ_total("310"))))]
    return out


def glossary(part="第三部分", n=6, rng=None):
    out = [Block("h1", "%s 名词解释" % part)]
    terms = TERMS[:n]
    for i, (term, text) in enumerate(terms):
        out.append(Block("p", "%s、%s：%s" % ("一二三四五六七八九十"[i], term, text)))
    return out


def english_intro(ctx):
    y = ctx["year"]
    return [Block("h1", "%s" % ctx["entity"]),
            Block("p", "This section presents the budgetary comparison schedules and supporting "
                  "information for fiscal year %d. Amounts are stated in thousands of dollars and "
                  "may not add to totals because of rounding. The general fund is the chief "
                  "operating fund of the city." % y),
            Block("p", "Actual amounts are presented on the budgetary basis, which differs from "
                  "generally accepted accounting principles mainly in the treatment of "
                  "encumbrances and of capital outlay financed by long-term debt.")]


def table_sentence(d, t):
    """One sentence before a table saying what it shows, with its total."""
    total = None
    for r, kind in enumerate(t.kinds):
        if kind == "total":
            amts = [v.cents for c, v in sorted(t.rows[r].items())
                    if hasattr(v, "cents") and v.cents]
            if amts:
                total = amts[0]
                break
    what = t.title.split("年", 1)[-1] if "年" in t.title[:6] else t.title
    if total is None:
        return "本部门%s如下表所示，本表无数据的栏目为空。" % what
    return "本部门%s如下表所示，合计%s万元，各栏数据之间的关系见表内合计行。" % (what, w(total))
