"""One invented department and its money for one year.

Every table of a report is a view of the same few facts: expenditure lines
by function code and unit, split into wages (w), transfers to persons (f),
goods and services (g), capital (k) and projects (po: 其他运转类, pt:
特定目标类); basic expenditure by economic code; projects with their
performance targets.  Building them once per department keeps the tables of
one report consistent with each other, as the real ones are.
"""
from vocab import (CITIES, COUNTIES, DEPTS, FUND_LINES, UNIT_SUFFIX, TOWNS,
                   XIANG, GOODS_CODES, FIELDS,
                   PROJ_COST, PROJ_OUTPUT, PROJ_EFFECT, PROJ_SATIS)

CATS = ("w", "f", "g", "k", "po", "pt")


class Line:
    """Expenditure of one unit under one function code (项)."""

    def __init__(self, unit, code, source="gen"):
        self.unit = unit
        self.code = code
        self.name = XIANG[code]
        self.source = source          # gen: 一般公共预算, fund: 政府性基金
        self.amt = dict.fromkeys(CATS, 0)
        self.own = 0                  # part of w paid from 事业收入 (not 财政拨款)

    @property
    def basic(self):
        return self.amt["w"] + self.amt["f"] + self.amt["g"] + self.amt["k"]

    @property
    def project(self):
        return self.amt["po"] + self.amt["pt"]

    @property
    def total(self):
        return self.basic + self.project


class Project:
    def __init__(self, name, kind, unit, line, cents, code, econ):
        self.name, self.kind, self.unit, self.line = name, kind, unit, line
        self.cents, self.code, self.econ = cents, code, econ
        self.targets = []             # (category, indicator, value)


def wan(rng, lo, hi):
    """An amount in cents of 万元 between lo and hi 万元, log-uniform-ish."""
    lo_c, hi_c = int(lo * 100), int(hi * 100)
    span = hi_c - lo_c
    # square the uniform draw: small amounts are more common, as in reports
    x = rng.random()
    return lo_c + int(span * x * x)


class Dept:
    """All the facts one report's tables are drawn from."""

    def __init__(self, rng, year, kind="budget", dtype=None, units=None, fund=None,
                 own_income=None, carry=None, many=False):
        self.rng = rng
        self.year = year
        self.kind = kind
        self.dtype = dtype or rng.choice(sorted(DEPTS))
        spec = DEPTS[self.dtype]
        self.city = rng.choice(CITIES)
        self.county = rng.choice(COUNTIES)
        self.area = self.county[-1]          # 区 or 县
        self.short = spec["name"]
        self.name = self.city + self.county + spec["name"]
        self.field = FIELDS[self.dtype]
        self.code = "%03d" % rng.randint(101, 899)
        self.area_code = "%d%04d" % (rng.choice((34, 36, 41, 43, 45, 52, 61)),
                                     rng.randint(101, 9899))
        nunits = units if units is not None else rng.weighted([(1, 5), (2, 3), (3, 2)])
        self.units = [(self.code + "001", self.name)]
        for i in range(1, nunits):
            suffix = rng.choice(UNIT_SUFFIX)
            self.units.append(("%s%03d" % (self.code, i + 1),
                               self.city + self.county + spec["name"][:2] + suffix))
        self.lines = []
        self.projects = []
        self._staff(spec)
        self._projects(spec, fund if fund is not None else rng.chance(0.4), many)
        if own_income if own_income is not None else (nunits > 1 and rng.chance(0.5)):
            self._own_income()
        self.carry_in = 0
        self.carry_out = 0
        if carry if carry is not None else (kind == "final" and rng.chance(0.3)):
            self.carry_in = wan(rng, 2, 60)
            self.carry_out = self.carry_in  # both sides of 公开01 balance
        self._econ()
        self._sangong()

    # -- lines ----------------------------------------------------------
    def line(self, unit, code, source="gen"):
        for ln in self.lines:
            if ln.unit == unit and ln.code == code and ln.source == source:
                return ln
        ln = Line(unit, code, source)
        self.lines.append(ln)
        return ln

    def _staff(self, spec):
        rng = self.rng
        for u in range(len(self.units)):
            staff = rng.randint(8, 45) if u == 0 else rng.randint(4, 25)
            run = spec["run"][0] if u == 0 or not spec["run"][1] else spec["run"][1]
            base = staff * wan(rng, 9, 15)
            ln = self.line(u, run)
            ln.amt["w"] += base
            ln.amt["g"] += staff * wan(rng, 0.4, 1.2)
            if rng.chance(0.3):
                ln.amt["f"] += wan(rng, 0.1, 3)
            if rng.chance(0.25):
                ln.amt["k"] += wan(rng, 1, 8)
            # social insurance and housing fund, proportional to the wage base
            self.line(u, "2080505").amt["w"] += base * rng.randint(14, 17) // 100
            if rng.chance(0.7):
                self.line(u, "2080506").amt["w"] += base * rng.randint(6, 8) // 100
            med = "2101101" if u == 0 else "2101102"
            self.line(u, med).amt["w"] += base * rng.randint(5, 8) // 100
            self.line(u, "2210201").amt["w"] += base * rng.randint(10, 12) // 100
            if rng.chance(0.5):
                retire = "2080501" if u == 0 else "2080502"
                self.line(u, retire).amt["f"] += wan(rng, 0.5, 40)

    def _project_code(self, serial):
        return "%s%02d0000000%06d" % (self.area_code, self.year % 100, serial)

    def _projects(self, spec, fund, many=False):
        rng = self.rng
        names = rng.sample(spec["projects"], rng.randint(3, len(spec["projects"])))
        if many:
            # the same programme in several townships, as county projects often are
            extra = []
            for name in names[1:]:
                for town in rng.sample(TOWNS, rng.randint(1, 3)):
                    extra.append("%s（%s）" % (name, town))
            names = names + extra
        serial = rng.randint(1000, 60000)
        econ_pool = ["30227", "30226", "30299", "30213", "31002", "30305", "30399"]
        for i, name in enumerate(names):
            other = i == 0 or rng.chance(0.15)
            kind = "其他运转类" if other else "特定目标类"
            if other:
                code = spec["admin"] or spec["run"][0]
            else:
                code = rng.choice(spec["lines"])
            unit = 0 if len(self.units) == 1 or rng.chance(0.6) else rng.randint(1, len(self.units) - 1)
            cents = wan(rng, 2, 60) if other else wan(rng, 5, 900)
            if rng.chance(0.3):
                name = "%d年%s" % (self.year, name)
            serial += rng.randint(1, 4000)
            p = Project(name, kind, unit, code, cents, self._project_code(serial),
                        rng.choice(econ_pool))
            self.projects.append(p)
            self.line(unit, code).amt["po" if other else "pt"] += cents
        if fund and self.dtype in FUND_LINES:
            for code in FUND_LINES[self.dtype]:
                serial += rng.randint(1, 4000)
                name = "%s项目" % XIANG[code].replace("支出", "")
                cents = wan(rng, 10, 400)
                p = Project(name, "特定目标类", 0, code, cents, self._project_code(serial),
                            "31099")
                p.source = "fund"
                self.projects.append(p)
                self.line(0, code, "fund").amt["pt"] += cents
        for p in self.projects:
            p.source = getattr(p, "source", "gen")
            self._targets(p)

    def _targets(self, p):
        rng = self.rng
        short = p.name.split("年", 1)[-1][:6]
        amt = "%s万元" % ("%.2f" % (p.cents / 100.0)).rstrip("0").rstrip(".")
        p.targets.append(("成本指标", rng.choice(PROJ_COST).format(short=short), amt))
        for ind, val in rng.sample(PROJ_OUTPUT, rng.randint(1, 3)):
            p.targets.append(("产出指标", ind, val.format(n=rng.randint(20, 9000),
                                                      k=rng.randint(2, 12))))
        for ind, val in rng.sample(PROJ_EFFECT, rng.randint(1, 2)):
            p.targets.append(("效益指标", ind, val))
        ind, val = rng.choice(PROJ_SATIS)
        p.targets.append(("满意度指标", ind, val))

    def _own_income(self):
        """Part of an institution's wages is paid from its 事业收入."""
        for ln in self.lines:
            if ln.unit > 0 and ln.amt["w"] > 2000 and ln.code in (
                    DEPTS[self.dtype]["run"][1] or DEPTS[self.dtype]["run"][0],):
                ln.own = ln.amt["w"] * self.rng.randint(10, 40) // 100

    # -- economic classification ---------------------------------------
    def _econ(self):
        """Basic expenditure by economic code, per unit (0 = the office)."""
        rng = self.rng
        self.econ = []      # (unit, econ code, cents)
        direct = {"2080505": "30108", "2080506": "30109", "2101101": "30110",
                  "2101102": "30110", "2210201": "30113"}
        acc = {}

        def add(u, code, cents):
            if cents:
                acc[(u, code)] = acc.get((u, code), 0) + cents

        for ln in self.lines:
            if ln.code in direct:
                add(ln.unit, direct[ln.code], ln.amt["w"])
                continue
            if ln.amt["w"] - ln.own:
                codes = ["30101", "30102", "30103", "30107"]
                if rng.chance(0.6):
                    codes.append("30112")
                if rng.chance(0.4):
                    codes.append("30199")
                for code, part in zip(codes, rng.split(ln.amt["w"] - ln.own, len(codes))):
                    add(ln.unit, code, part)
            if ln.amt["f"]:
                if ln.code in ("2080501", "2080502"):
                    add(ln.unit, "30302" if rng.chance(0.8) else "30301", ln.amt["f"])
                else:
                    add(ln.unit, rng.choice(("30305", "30309")), ln.amt["f"])
            if ln.amt["g"]:
                codes = rng.sample(GOODS_CODES, rng.randint(4, 9))
                for code, part in zip(codes, rng.split(ln.amt["g"], len(codes))):
                    add(ln.unit, code, part)
            if ln.amt["k"]:
                add(ln.unit, "31002", ln.amt["k"])
        self.econ = sorted((u, c, v) for (u, c), v in acc.items())

    def econ_total(self, code_prefix=""):
        return sum(v for _, c, v in self.econ if c.startswith(code_prefix))

    def _sangong(self):
        rng = self.rng
        car_buy = wan(rng, 15, 28) if rng.chance(0.2) else 0
        car_run = wan(rng, 0.5, 8) if rng.chance(0.7) else 0
        recep = wan(rng, 0.1, 3) if rng.chance(0.6) else 0
        abroad = wan(rng, 2, 9) if rng.chance(0.1) else 0
        self.sangong = dict(abroad=abroad, car_buy=car_buy, car_run=car_run, recep=recep)
        f = lambda v: v * rng.randint(70, 100) // 100
        self.sangong_actual = {k: f(v) for k, v in self.sangong.items()}
        # last year: more for running the cars (a decrease this year), less for
        # receptions (an increase), so the comparison shows both signs
        self.sangong_prev = {
            "abroad": abroad * rng.randint(80, 125) // 100,
            "car_buy": car_buy * rng.randint(80, 125) // 100 if car_buy else
            (wan(rng, 10, 25) if rng.chance(0.3) else 0),
            "car_run": (car_run or wan(rng, 0.5, 3)) * rng.randint(105, 135) // 100,
            "recep": recep * rng.randint(70, 95) // 100,
        }

    # -- views ------------------------------------------------------------
    def by_code(self, pred=lambda ln: True, cats=CATS):
        """Amounts per function code summed over units: code -> dict."""
        out = {}
        for ln in self.lines:
            if not pred(ln):
                continue
            d = out.setdefault(ln.code, dict.fromkeys(CATS, 0))
            for c in CATS:
                d[c] += ln.amt[c]
            d.setdefault("own", 0)
            d["own"] = d.get("own", 0) + ln.own
        return dict(sorted(out.items()))

    def total(self, pred=lambda ln: True):
        return sum(ln.total for ln in self.lines if pred(ln))

    def class_totals(self, pred=lambda ln: True):
        out = {}
        for ln in self.lines:
            if pred(ln):
                out[ln.code[:3]] = out.get(ln.code[:3], 0) + ln.total
        return out

    def unit_total(self, u, pred=lambda ln: True):
        return sum(ln.total for ln in self.lines if ln.unit == u and pred(ln))

    @property
    def own_total(self):
        return sum(ln.own for ln in self.lines)

    @property
    def fund_total(self):
        return self.total(lambda ln: ln.source == "fund")

    @property
    def gen_total(self):
        return self.total(lambda ln: ln.source == "gen") - self.own_total

