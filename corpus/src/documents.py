"""The documents of the corpus: who printed them, how, and which tables.

Each entry names a document, its renderer (calc: LibreOffice Calc sheets,
writer: LibreOffice Writer text, chrome: HTML printed by headless
Chromium), its style (font, size, rules, captions, number habits) and its
tables in printed order.  A table is a family key, optionally with the
number printed in its code (预算12表) when the office's numbering differs
from the list position.  Everything else is drawn from the document's own
random stream, so the entries can be reordered or extended freely.
"""

NOTO_SANS = "Noto Sans CJK SC"
NOTO_SERIF = "Noto Serif CJK SC"
WQY_MICRO = "WenQuanYi Micro Hei"
WQY_ZEN = "WenQuanYi Zen Hei"

YS15 = ["ys01", "ys02", "ys03", "ys04", "ys05", "ys06", "ys07", "ys08", "ys09", "ys10",
        "ys11", "ys12", "ys13", "ys14", "ys15"]
# the twelve-table numbering some provinces use (no 07 明细表, 11, 13)
YS12 = ["ys01", "ys02", "ys03", "ys04", "ys05", "ys06", "ys08", "ys09", "ys10", "ys12",
        "ys14", "ys15"]
GK9 = ["gk01", "gk02", "gk03", "gk04", "gk05", "gk06", "gk07", "gk08", "gk09"]

DOCS = [
    # -- basic: short, cleanly ruled, the pipeline's golden tests ----------------
    dict(name="basic-01", renderer="writer", kind="final", year=2023, dtype="justice", units=1,
         layout="basic", tables=[("gk05", 5)],
         style=dict(font=NOTO_SANS, size=10.5, rules="grid", caption="gk",
                    codefmt="{p}{n:02d}表", pageno="n/N", tails=0, table_newpage=False)),
    dict(name="basic-02", renderer="calc", kind="budget", year=2024, dtype="culture", units=1,
         layout="tables", tables=[("ys12", 12)],
         style=dict(font=WQY_ZEN, size=10, rules="grid", caption="ys", codefmt="{p}{n:02d}表",
                    ys12_style="type", pageno="n/N", tails=0, fill=False,
                    caps={"label": 9})),
    dict(name="basic-03", renderer="chrome", kind="final", year=2022, dtype="env", units=1,
         layout="basic", tables=[("gk03", 3)],
         style=dict(font=NOTO_SERIF, size=10, rules="grid", caption="gk",
                    codefmt="{p}{n:02d}表", gk_zero="zero", pageno="n/N", tails=0,
                    table_newpage=False)),
    dict(name="basic-04", renderer="writer", kind="budget", year=2024, dtype="water", units=1,
         layout="basic-long", tables=[("ys01", 1)],
         style=dict(font=WQY_MICRO, size=11, rules="grid", caption="ys", codefmt="{p}{n:02d}表",
                    pageno="n/N", tails=0, table_newpage=False)),
    dict(name="basic-05", renderer="chrome", kind="english", year=2023, layout="basic-en",
         tables=["en-small"],
         style=dict(font=NOTO_SERIF, size=10.5, rules="grid", lang="en", neg="paren",
                    thousands=True, pageno="n/N", tails=0, table_newpage=False)),

    # -- budgets ---------------------------------------------------------------------
    dict(name="budget-01", renderer="writer", kind="budget", year=2023, dtype="agri", units=1,
         layout="budget", tables=YS15,
         style=dict(font=NOTO_SERIF, size=9, rules="grid", caption="ys", codefmt="{p}{n:02d}表",
                    pageno="n/N", running_head=True, ys12_style="type", ys15_merge=False,
                    split_gongyong=True)),
    dict(name="budget-02", renderer="calc", kind="budget", year=2022, dtype="civil", units=2,
         fund=True, layout="tables", tables=YS12,
         style=dict(font=WQY_ZEN, size=9, rules="grid", caption="ys", codefmt="{p} {n:02d} 表",
                    yearspace=True, thousands=True, repeat_title=True, pageno="n/N",
                    split_gongyong=False, ys12_style="unit", econ_parents=True,
                    advance=True)),
    dict(name="budget-03", renderer="chrome", kind="budget", year=2023, dtype="health", units=1,
         layout="budget", tables=["ys01", "ys03", "ys04", "ys05", "ys06", "ys09", "ys10",
                                  "ys12", "ys14", "ys15"],
         style=dict(font=NOTO_SANS, size=9, rules="hrules", caption="plain", codefmt=None,
                    pageno="dash", yearspace=True, ys15_merge=False)),
    dict(name="budget-04", renderer="writer", kind="budget", year=2024, dtype="edu", units=3,
         layout="budget", tables=["ys01", "ys02", "ys03", "ys05", "ys06", ("ys09c", 9), "ys13"],
         style=dict(font=WQY_MICRO, size=10, rules="none", caption="ys", codefmt="{p}{n:02d}表",
                    codes="tree", pageno="dash", neg="minus", table_newpage=False)),
    dict(name="budget-05", renderer="calc", kind="budget", year=2024, dtype="transport", units=2,
         layout="tables", tables=YS15,
         style=dict(font=NOTO_SANS, size=9, rules="grid", caption="ys", codefmt="{p}{n:02d}表",
                    thousands=True, spaced_totals=True, pageno="di/N", running_head=True,
                    ys04_total_first=True, ys15_merge=True, econ_shuffle=True)),
    dict(name="budget-06", renderer="chrome", kind="budget", year=2022, dtype="land", units=1,
         fund=True, layout="budget", tables=YS15[:9],
         style=dict(font=WQY_ZEN, size=9.5, rules="grid", caption="ys", codefmt="{p}{n:02d}表",
                    repeat_header=False, pageno="n/N", split_parents=True)),
    dict(name="budget-07", renderer="writer", kind="budget", year=2025, dtype="market", units=2,
         layout="tables", tables=[("ys02", 2), ("ys03", 3), ("ys05", 5), ("ys07", 7),
                                  ("ys08", 8), ("ys11", 11), ("ys12", 12)],
         style=dict(font=NOTO_SANS, size=8.5, rules="hrules", caption="ys",
                    codefmt="{p}{n:02d}表", code_align="left", pageno="n/N",
                    ys12_style="type")),
    dict(name="budget-08", renderer="calc", kind="budget", year=2021, dtype="culture", units=1,
         layout="tables", tables=["ys01", "ys03", "ys05", "ys06", "ys09", "ys12", "ys13"],
         style=dict(font=WQY_MICRO, size=10, rules="none", caption="ys", codefmt="{p}{n:02d}表",
                    general=True, pageno="di", fill=False)),
    dict(name="budget-09", renderer="chrome", kind="budget", year=2023, dtype="hr", units=2,
         own_income=True, layout="tables",
         tables=[("ys03", 3), ("ys06", 6), ("ys07", 7), ("ys12", 12), ("ys15", 15)],
         style=dict(font=NOTO_SERIF, size=10, rules="grid", caption="ys",
                    codefmt="{p} {n:02d} 表", split_parents=True, pageno="n/N",
                    ys15_merge=True, bold_header=True)),
    dict(name="budget-10", renderer="writer", kind="budget", year=2024, dtype="water", units=1,
         layout="budget", tables=[("ys01", 1), ("ys04", 4), ("ys05", 5), ("ys09", 9),
                                  ("ys13", 13), ("ys14", 14)],
         style=dict(font=WQY_ZEN, size=10.5, rules="grid", caption="ys", codefmt="{p}{n:02d}表",
                    pageno="n/N", tails=0.8, running_head=True)),

    # -- final accounts ---------------------------------------------------------------
    dict(name="final-01", renderer="writer", kind="final", year=2023, dtype="emerg", units=1,
         layout="final", tables=GK9, annex=["zp-dept", "zp-proj", "zp-proj"],
         style=dict(font=NOTO_SERIF, size=10, rules="grid", caption="gk",
                    codefmt="{p} {n:02d} 表", yearspace=True, pageno="n/N")),
    dict(name="final-02", renderer="calc", kind="final", year=2022, dtype="agri", units=2,
         own_income=True, layout="tables", tables=GK9,
         style=dict(font=NOTO_SANS, size=9, rules="grid", caption="gk", codefmt="{p}{n:02d}表",
                    gk_zero="zero", general=True, pageno="n/N", unit_label="金额单位：",
                    gk_code_label="科目代码", tail_note=False)),
    dict(name="final-03", renderer="chrome", kind="final", year=2024, dtype="civil", units=1,
         fund=True, layout="final", tables=GK9,
         style=dict(font=WQY_MICRO, size=9.5, rules="hrules", caption="gk",
                    codefmt="{p}{n:02d}表", pageno="n/N", gk_code_label="功能分类科目编码")),
    dict(name="final-04", renderer="writer", kind="final", year=2023, dtype="env", units=1,
         layout="final", tables=[("gk01", 1), ("gk02", 2), ("gk03", 3), ("gk05", 5),
                                 ("gk06", 6), ("gk09", 9)],
         style=dict(font=WQY_ZEN, size=9, rules="none", caption="gk", codefmt="{p}{n:02d}表",
                    pageno="di", gk06_long=False)),
    dict(name="final-05", renderer="calc", kind="final", year=2023, dtype="edu", units=3,
         layout="tables", tables=GK9,
         style=dict(font=NOTO_SERIF, size=9, rules="grid", caption="gk",
                    codefmt="{p} {n:02d} 表", thousands=True, repeat_title=True,
                    pageno="n/N", gk_span_total=False)),
    dict(name="final-06", renderer="chrome", kind="final", year=2021, dtype="transport", units=2,
         layout="final", tables=[("gk02", 2), ("gk03", 3), ("gk04", 4), ("gk05", 5),
                                 ("gk06", 6)], annex=["zp-proj", "zp-proj"],
         style=dict(font=NOTO_SANS, size=10, rules="grid", caption="gk", codefmt="{p}{n:02d}表",
                    pageno="n/N", running_head=True)),
    dict(name="final-07", renderer="writer", kind="final", year=2022, dtype="land", units=1,
         fund=True, layout="final", tables=GK9,
         style=dict(font=WQY_MICRO, size=9, rules="grid", caption="gk", codefmt="{p}{n:02d}表",
                    repeat_header=False, pageno="n/N", gk_zero="zero")),

    # -- English ------------------------------------------------------------------------
    dict(name="english-01", renderer="chrome", kind="english", year=2023, layout="english",
         tables=["en-rev", "en-func"],
         style=dict(font=NOTO_SERIF, size=10, rules="hrules", lang="en", neg="paren",
                    thousands=True, pageno="n/N")),
    dict(name="english-02", renderer="writer", kind="english", year=2024, layout="english",
         tables=["en-func", "en-cap"],
         style=dict(font=NOTO_SANS, size=9.5, rules="none", lang="en", neg="minus",
                    thousands=True, pageno="n/N")),
    dict(name="english-03", renderer="calc", kind="english", year=2022, layout="tables",
         tables=["en-rev", "en-cap"],
         style=dict(font=WQY_MICRO, size=10, rules="grid", lang="en", neg="paren",
                    thousands=True, pageno="n/N")),

    # -- project and performance tables with long text ----------------------------------
    dict(name="project-01", renderer="calc", kind="budget", year=2024, dtype="agri", units=3,
         many_projects=True, layout="tables", tables=[("ys12", 12), ("ys15", 15)],
         style=dict(font=NOTO_SANS, size=9, rules="grid", caption="ys", codefmt="{p}{n:02d}表",
                    thousands=True, pageno="n/N", ys15_merge=True, repeat_title=True)),
    dict(name="perf-01", renderer="chrome", kind="budget", year=2023, dtype="health", units=2,
         many_projects=True, layout="perf", tables=[("ys14", 14), ("ys15", 15)],
         annex=["zp-dept", "zp-proj", "zp-proj"],
         style=dict(font=WQY_ZEN, size=9.5, rules="grid", caption="ys", codefmt="{p}{n:02d}表",
                    pageno="n/N", ys15_merge=False)),
]
