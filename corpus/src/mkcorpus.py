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
        shutil.copyfile(made, os.path.join(pdfdir, d.name + ".pdf"))


def stats(docs, truthdir, pdfdir):
    """Counts for the README: documents, tables, pages, and tables per
    family, renderer, rule style and font (from the truth written)."""
    import json
    from collections import Counter
    by = {k: Counter() for k in ("family", "renderer", "rules", "font", "size")}
    tables = pages = rows = continued = landscape = 0
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
        pages += max(rec["pages"][-1] for rec in tabs) if tabs else 0
    out = ["documents %d, tables %d (continued over pages: %d, landscape: %d), body rows %d, "
           "pages holding tables up to %d" % (len(docs), tables, continued, landscape, rows, pages)]
    for k, c in by.items():
        out.append("%s: %s" % (k, ", ".join("%s %d" % kv for kv in sorted(c.items()))))
    return "\n".join(out)


def matrix(entries, docs):
    """The style matrix: one row per document and family."""
    lines = ["| document | renderer | family (code) | rules | font | size | features |",
             "|---|---|---|---|---|---|---|"]
    for e, doc in zip(entries, docs):
        st = doc.style
        for pt in doc.tables:
            t = pt.t
            feats = []
            if pt.lay.orientation == "landscape":
                feats.append("landscape")
            if any(c.rowspan > 1 or c.colspan > 1 for c in t.header):
                feats.append("merged header")
            if t.nhead >= 3:
                feats.append("%d-level header" % t.nhead)
            if t.lanci_rows:
                feats.append("栏次")
            if any(c.rowspan > 1 for c in pt.cells if not c.header):
                feats.append("merged body")
            if st.get("thousands") or t.english:
                feats.append("thousands")
            if st.get("general"):
                feats.append("trimmed decimals")
            if t.zero and any(v == "zero" for v in t.zero.values()) or st.get("gk_zero") == "zero":
                feats.append("0.00 beside blank")
            if any(c.text.startswith("(") or c.text.startswith("-") for c in pt.cells
                   if not c.header and c.text[:2].strip("(-").replace(",", "")[:1].isdigit()):
                feats.append("negatives")
            if any(c.text.endswith("%") for c in pt.cells if not c.header):
                feats.append("percent")
            if not st.get("repeat_header", True):
                feats.append("header not repeated")
            if st.get("repeat_title"):
                feats.append("title repeated")
            if not t.nhead:
                feats.append("form")
            if t.notes:
                feats.append("notes")
            if any(t.kinds):
                pass
            lines.append("| %s | %s | %s (%s) | %s | %s | %s | %s |" % (
                doc.name, doc.renderer, t.family, t.code or "-", st.get("rules", "grid"),
                st["font"], pt.lay.size, ", ".join(feats)))
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
