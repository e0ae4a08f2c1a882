"""Generate the corpus: documents -> sources -> PDFs -> dumps -> truth.

    scripts/mkcorpus                  everything (needs LibreOffice, Chromium)
    scripts/mkcorpus basic-01 ...     only these documents
    scripts/mkcorpus --no-render      keep the PDFs, redo dumps and truth
    scripts/mkcorpus --out DIR        write DIR/pdf and DIR/truth instead
    scripts/mkcorpus --list | --matrix

The truth depends only on the document definitions and on where the rows
landed in the PDF, so regenerating writes it again byte for byte; the PDFs
themselves carry creation dates and may differ in their bytes.
"""
import argparse
import os
import re
import subprocess
import shutil
import sys
from concurrent.futures import ThreadPoolExecutor

from build import make_doc
from documents import DOCS
from locate import locate, LocateError
import render
import truth

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(os.path.dirname(HERE))


def main(argv):
    ap = argparse.ArgumentParser(prog="mkcorpus", description=__doc__.split("\n")[0])
    ap.add_argument("names", nargs="*", help="documents to make (default: all)")
    ap.add_argument("--out", default=os.path.join(TOP, "corpus"))
    ap.add_argument("--no-render", action="store_true", help="reuse the PDFs in OUT/pdf")
    ap.add_argument("--jobs", type=int, default=4)
    ap.add_argument("--list", action="store_true")
    ap.add_argument("--matrix", action="store_true", help="print the style matrix (Markdown)")
    ap.add_argument("--stats", action="store_true", help="print counts from the written truth")
    ap.add_argument("--readme", action="store_true",
                    help="rewrite the statistics and the style matrix in corpus/README.md")
    args = ap.parse_args(argv)
    entries = [e for e in DOCS if not args.names or e["name"] in args.names]
    unknown = set(args.names) - {e["name"] for e in DOCS}
    if unknown:
        sys.exit("mkcorpus: unknown documents: %s" % " ".join(sorted(unknown)))
    if args.list:
        for e in entries:
            print(e["name"])
        return 0
    docs = [make_doc(e)[0] for e in entries]
    if args.matrix:
        print(matrix(entries, docs))
        return 0
    pdfdir = os.path.join(args.out, "pdf")
    truthdir = os.path.join(args.out, "truth")
    if args.stats:
        print(stats(docs, truthdir, pdfdir))
        return 0
    if args.readme:
        path = os.path.join(TOP, "corpus", "README.md")
        text = "\n".join("- " + line for line in stats(docs, truthdir, pdfdir).splitlines())
        replace_block(path, "stats", text)
        replace_block(path, "matrix", matrix(entries, docs))
        return 0
    os.makedirs(pdfdir, exist_ok=True)
    os.makedirs(truthdir, exist_ok=True)
    if not args.no_render:
        render_all(docs, pdfdir, args.jobs)
    total = [0, 0, 0]
    for doc in docs:
        pdf = os.path.join(pdfdir, doc.name + ".pdf")
        if not os.path.exists(pdf):
            sys.exit("mkcorpus: %s: no PDF (render it first)" % pdf)
        render.dumps(pdf, os.path.join(pdfdir, doc.name + ".raw.txt"),
                     os.path.join(pdfdir, doc.name + ".txt"))
        try:
            pages, npages = locate(pdf, doc.tables)
        except LocateError as e:
            sys.exit("mkcorpus: %s" % e)
        ntab, nrows = truth.write(doc.name, doc.tables, pages,
                                  os.path.join(truthdir, doc.name + ".jsonl"),
                                  os.path.join(truthdir, doc.name + ".records.jsonl"),
                                  os.path.join(truthdir, doc.name + ".checks.jsonl"))
        print("%-12s %-6s %2d tables %4d rows %3d pages" % (doc.name, doc.renderer, ntab, nrows,
                                                             npages))
        total[0] += ntab
        total[1] += nrows
        total[2] += npages
    print("%d documents, %d tables, %d body rows, %d pages" % (len(docs), *total))
    return 0


def render_all(docs, pdfdir, jobs):
    cache = os.path.join(TOP, "corpus", ".cache")
    src = os.path.join(cache, "src")
    out = os.path.join(cache, "pdf")
    for d in (src, out):
        os.makedirs(d, exist_ok=True)
    paths = {doc.name: render.write_source(doc, src) for doc in docs}
    office = [paths[d.name] for d in docs if d.renderer in ("calc", "writer")]
    for d in docs:
        stale = os.path.join(out, d.name + ".pdf")
        if os.path.exists(stale):
            os.remove(stale)
    with ThreadPoolExecutor(max_workers=max(1, jobs)) as ex:
        futs = [ex.submit(render.chromium, paths[d.name], os.path.join(out, d.name + ".pdf"))
                for d in docs if d.renderer == "chrome"]
        render.soffice(office, out)
        for f in futs:
            f.result()
    for d in docs:
        made = os.path.join(out, d.name + ".pdf")
        if not os.path.exists(made):
            sys.exit("mkcorpus: %s: the renderer wrote no PDF" % d.name)
        render.normalize(made, d.style["date"], d.renderer == "chrome")
        shutil.copyfile(made, os.path.join(pdfdir, d.name + ".pdf"))


def stats(docs, truthdir, pdfdir):
    """Counts for the README: documents, tables, pages, and tables per
    family, renderer, rule style and font (from the truth written)."""
    import json
    from collections import Counter
    by = {k: Counter() for k in ("family", "renderer", "rules", "font", "size")}
    tables = pages = rows = continued = landscape = 0
    docs_by = Counter()
    for doc in docs:
        recs = [json.loads(l) for l in open(os.path.join(truthdir, doc.name + ".records.jsonl"),
                                            encoding="utf-8")]
        tabs = [r for r in recs if r["type"] == "table"]
        for pt, rec in zip(doc.tables, tabs):
            tables += 1
            rows += rec["rows"]
            continued += len(rec["pages"]) > 1
            landscape += pt.lay.orientation == "landscape"
            by["family"][pt.t.family] += 1
            by["renderer"][doc.renderer] += 1
            by["rules"][pt.style.get("rules", "grid")] += 1
            by["font"][pt.style["font"]] += 1
            by["size"]["%gpt" % pt.lay.size] += 1
        info = subprocess.run(["pdfinfo", os.path.join(pdfdir, doc.name + ".pdf")],
                              stdout=subprocess.PIPE, check=True).stdout.decode()
        pages += int(re.search(r"Pages:\s+(\d+)", info).group(1))
        docs_by[doc.renderer] += 1
    out = ["documents %d (%s), pages %d, tables %d (continued over pages: %d, landscape: %d), "
           "body rows %d" % (len(docs), ", ".join("%s %d" % kv for kv in sorted(docs_by.items())),
                             pages, tables, continued, landscape, rows)]
    for k, c in by.items():
        out.append("%s: %s" % (k, ", ".join("%s %d" % kv for kv in sorted(c.items()))))
    return "\n".join(out)


def replace_block(path, name, text):
    """Put text between the README's <!-- name: … --> and <!-- /name -->."""
    with open(path, encoding="utf-8") as f:
        doc = f.read()
    m = re.search(r"(<!-- %s:[^>]*-->\n)(.*?)(\n<!-- /%s -->)" % (name, name), doc, re.S)
    if not m:
        sys.exit("mkcorpus: %s: no <!-- %s --> block" % (path, name))
    doc = doc[:m.start(2)] + text + doc[m.end(2):]
    with open(path, "w", encoding="utf-8") as f:
        f.write(doc)


def table_features(doc, pt):
    """What makes a table hard, as short tags for the style matrix."""
    t, st = pt.t, doc.style
    feats = []
    if pt.lay.orientation == "landscape":
        feats.append("landscape")
    if t.nhead >= 3:
        feats.append("%d-row header" % t.nhead)
    if t.lanci_rows:
        feats.append("栏次")
    if any(c.rowspan > 1 for c in pt.cells if not c.header):
        feats.append("merged body")
    if any(len(c.text) >= 3 and c.text.count("\n") == 0 and c.colspan == 1 and pt.lay.widths[c.col]
           < 2.2 * pt.lay.size * 0.3528 + 2 * pt.lay.pad for c in t.header):
        feats.append("1-char header lines")
    if st.get("thousands") or t.english:
        feats.append("thousands")
    if st.get("general"):
        feats.append("trimmed decimals")
    if any(v == "zero" for v in t.zero.values()):
        feats.append("0.00 beside blank")
    body = [c.text for c in pt.cells if not c.header]
    if any(x.startswith("(") and x[1:2].isdigit() for x in body):
        feats.append("(negatives)")
    if any(x.startswith("-") and x[1:2].isdigit() for x in body):
        feats.append("-negatives")
    if any(x.endswith("%") for x in body):
        feats.append("percent")
    if not t.nhead:
        feats.append("form")
    return feats


def matrix(entries, docs):
    """The style matrix: one row per document, its tables and habits."""
    lines = ["| document | renderer | rules | font | size pt | tables (family: code) | features |",
             "|---|---|---|---|---|---|---|"]
    for e, doc in zip(entries, docs):
        st = doc.style
        feats = set()
        for pt in doc.tables:
            feats.update(table_features(doc, pt))
        if not st.get("repeat_header", True):
            feats.add("header not repeated")
        if st.get("repeat_title"):
            feats.add("title repeated")
        if st.get("running_head"):
            feats.add("running head")
        if st.get("pageno"):
            feats.add("page numbers " + {"n/N": "n / N", "dash": "- n -", "di": "第 n 页",
                                         "di/N": "第 n 页，共 N 页"}[st["pageno"]])
        if e["layout"] not in ("tables",) and doc.renderer != "calc":
            feats.add("prose between tables")
        sizes = sorted({pt.lay.size for pt in doc.tables})
        tabs = ", ".join("%s%s" % (pt.t.family, (": " + pt.t.code.replace(" ", "")) if pt.t.code
                                   else "") for pt in doc.tables)
        lines.append("| %s | %s | %s | %s | %s | %s | %s |" % (
            doc.name, doc.renderer, st.get("rules", "grid"), st["font"],
            "/".join("%g" % x for x in sizes), tabs, ", ".join(sorted(feats))))
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
