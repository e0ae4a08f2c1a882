"""A few English-language financial tables, so that nothing in the pipeline
gets tuned to Chinese alone: budget-to-actual statements with negatives in
parentheses, two-level year headers with percentages, and a capital
programme with long wrapped descriptions.  Amounts are whole thousands.
"""
from grid import Table, Amt, hnode
from vocab import EN_FUNCTIONS, EN_REVENUES, EN_PROJECTS


def _t(ctx, family, title, unit="thousands of dollars"):
    t = Table(family, title, None, ctx["entity"], unit)
    t.english = True
    t.decimals = 0
    return t


def K(rng, lo, hi):
    """Whole thousands, as cents of the printed unit (so no decimals show)."""
    return rng.randint(lo, hi) * 100


def en_rev(ctx):
    """Budgetary comparison schedule: original, final, actual, variance."""
    rng = ctx["rng"]
    t = _t(ctx, "en-rev", "Statement of Revenues and Expenditures - Budget and Actual, General Fund")
    t.set_header(["Account", hnode("Budgeted amounts", ["Original", "Final"]),
                  "Actual amounts", "Variance with final budget positive (negative)"])
    t.col_types = ["label", "amount", "amount", "amount", "amount"]
    t.add_row({0: "Revenues:"})
    rev = []
    for name in rng.sample(EN_REVENUES, rng.randint(5, 7)):
        orig = K(rng, 120, 48000)
        final = orig + rng.randint(-8, 12) * orig // 100 // 100 * 100
        actual = final + rng.randint(-9, 7) * final // 100 // 100 * 100
        rev.append(t.add_row({0: name, 1: Amt(orig), 2: Amt(final), 3: Amt(actual),
                              4: Amt(actual - final)}))
    trev = t.add_row({0: "Total revenues"}, "total")
    t.col_sum(trev, rev, [1, 2, 3, 4])
    t.add_row({0: "Expenditures:"})
    exp = []
    for name in rng.sample(EN_FUNCTIONS, rng.randint(6, 8)):
        orig = K(rng, 300, 30000)
        final = orig + rng.randint(-5, 10) * orig // 100 // 100 * 100
        actual = final - rng.randint(-6, 9) * final // 100 // 100 * 100
        exp.append(t.add_row({0: name, 1: Amt(orig), 2: Amt(final), 3: Amt(actual),
                              4: Amt(final - actual)}))
    texp = t.add_row({0: "Total expenditures"}, "total")
    t.col_sum(texp, exp, [1, 2, 3, 4])
    t.evaluate()
    ex = {}
    for c in (1, 2, 3):
        ex[c] = Amt(t.rows[trev][c].cents - t.rows[texp][c].cents)
    ex[4] = Amt(ex[3].cents - ex[2].cents)
    net = t.add_row({0: "Excess (deficiency) of revenues over expenditures", **ex})
    for c in (1, 2, 3):
        t.extra.append(((trev, c), [(texp, c), (net, c)]))
    for r in rev:
        t.extra.append(((r, 3), [(r, 2), (r, 4)]))
    for r in exp + [texp]:
        t.extra.append(((r, 2), [(r, 3), (r, 4)]))
    t.extra.append(((trev, 3), [(trev, 2), (trev, 4)]))
    t.notes.append("The notes to the financial statements are an integral part of this statement.")
    return t


def en_func(ctx):
    """Expenditure by function over two years, with the change in percent."""
    rng = ctx["rng"]
    y = ctx["year"]
    t = _t(ctx, "en-func", "Expenditure by Function, Fiscal Years %d and %d" % (y - 1, y))
    t.set_header(["Function", hnode("FY %d" % (y - 1), ["Budget", "Actual"]),
                  hnode("FY %d" % y, ["Budget", "Actual"]), "Change in actual (%)"])
    t.col_types = ["label", "amount", "amount", "amount", "amount", "pct"]
    rows = []
    for name in rng.sample(EN_FUNCTIONS, rng.randint(7, 10)):
        b1 = K(rng, 400, 25000)
        a1 = b1 - rng.randint(-3, 8) * b1 // 100 // 100 * 100
        b2 = b1 + rng.randint(-10, 15) * b1 // 100 // 100 * 100
        a2 = b2 - rng.randint(-3, 8) * b2 // 100 // 100 * 100
        rows.append(t.add_row({0: name, 1: Amt(b1), 2: Amt(a1),
                               3: Amt(b2), 4: Amt(a2)}))
    tot = t.add_row({0: "Total"}, "total")
    t.col_sum(tot, rows, [1, 2, 3, 4])
    neg = ctx.get("neg", "paren")

    def pct(tab):
        for r in rows + [tot]:
            a1, a2 = tab.rows[r][2].cents, tab.rows[r][4].cents
            v = (a2 - a1) * 1000 // a1 if a1 else 0
            s = "%d.%d%%" % (abs(v) // 10, abs(v) % 10)
            tab.rows[r][5] = ("(%s)" % s if neg == "paren" else "-" + s) if v < 0 else s
    t.post = [pct]
    return t


def en_cap(ctx):
    """Capital improvement programme: long descriptions that wrap."""
    rng = ctx["rng"]
    y = ctx["year"]
    t = _t(ctx, "en-cap", "Capital Improvement Program, %d-%d" % (y, y + 4))
    t.set_header(["Project", "Description", "Total cost", "Prior years",
                  hnode("Planned", ["FY %d" % y, "FY %d" % (y + 1), "Future years"]),
                  "Complete"])
    t.col_types = ["label", "text", "amount", "amount", "amount", "amount", "amount", "pct"]
    rows = []
    for name, desc in rng.sample(EN_PROJECTS, rng.randint(5, 7)):
        prior = K(rng, 0, 3000) if rng.chance(0.6) else 0
        fy1 = K(rng, 100, 5000)
        fy2 = K(rng, 0, 4000) if rng.chance(0.7) else 0
        fut = K(rng, 0, 6000) if rng.chance(0.4) else 0
        r = t.add_row({0: name, 1: desc, 3: Amt(prior) if prior else None, 4: Amt(fy1),
                       5: Amt(fy2) if fy2 else None, 6: Amt(fut) if fut else None,
                       7: "%d%%" % (prior * 100 // (prior + fy1 + fy2 + fut))})
        t.set_sum(r, 2, [(r, 3), (r, 4), (r, 5), (r, 6)])
        rows.append(r)
    tot = t.add_row({0: "Total capital program"}, "total")
    t.col_sum(tot, rows, [2, 3, 4, 5, 6])
    t.notes.append("Future years include amounts programmed beyond FY %d that are not yet "
                   "appropriated." % (y + 1))
    return t


def en_small(ctx):
    """The basic English table: a two-level header over a short body."""
    rng = ctx["rng"]
    y = ctx["year"]
    t = _t(ctx, "en-small", "Operating Expenses by Program")
    t.set_header(["Program", hnode("FY %d" % y, ["Budget", "Actual"]), "Variance"])
    t.col_types = ["label", "amount", "amount", "amount"]
    rows = []
    for name in rng.sample(EN_FUNCTIONS, 6):
        b = K(rng, 200, 9000)
        a = b - rng.randint(-6, 9) * b // 100 // 100 * 100
        rows.append(t.add_row({0: name, 1: Amt(b), 2: Amt(a), 3: Amt(b - a)}))
    tot = t.add_row({0: "Total"}, "total")
    t.col_sum(tot, rows, [1, 2, 3])
    for r in rows:
        t.extra.append(((r, 1), [(r, 2), (r, 3)]))
    return t


FAMILIES = {"en-rev": en_rev, "en-func": en_func, "en-cap": en_cap, "en-small": en_small}
