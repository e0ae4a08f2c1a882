"""Run the real layout engines: LibreOffice (Calc, Writer) and headless
Chromium, then poppler's pdftotext for the two text dumps.

LibreOffice runs with a throw-away user profile, so settings left by an
earlier session cannot change the layout; all its documents go through
one process.  Every PDF then passes through qpdf once: the creation dates
the engines stamp become the document's publication date and the file ID
is derived from the content, so that regenerating gives the same bytes;
Chromium's PDFs also get object streams and flate level 9 (the content is
untouched, the files are three times smaller).
"""
import json
import os
import shutil
import subprocess
import tempfile

import render_calc
import render_html
import render_writer

EXT = {"calc": ".fods", "writer": ".fodt", "chrome": ".html"}
SOURCES = {"calc": render_calc.render, "writer": render_writer.render,
           "chrome": render_html.render}

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update",
                  "--disable-sync", "--no-pdf-header-footer", "--font-render-hinting=none"]


def write_source(doc, srcdir):
    path = os.path.join(srcdir, doc.name + EXT[doc.renderer])
    with open(path, "w", encoding="utf-8") as f:
        f.write(SOURCES[doc.renderer](doc))
    return path


def find_tool(*names):
    for n in names:
        p = shutil.which(n)
        if p:
            return p
    return None


def soffice(paths, outdir):
    """Convert ODF sources to PDF in one LibreOffice process."""
    if not paths:
        return
    exe = find_tool("soffice", "libreoffice")
    if not exe:
        raise SystemExit("mkcorpus: LibreOffice not found (RETABLE_SETUP_CORPUS=1 scripts/setup)")
    profile = tempfile.mkdtemp(prefix="mkcorpus-lo-")
    try:
        cmd = [exe, "-env:UserInstallation=file://" + profile, "--headless", "--norestore",
               "--convert-to", "pdf", "--outdir", outdir] + list(paths)
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                       timeout=1800)
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def chromium(path, pdf):
    exe = find_tool("chromium", "chromium-browser", "google-chrome")
    if not exe:
        raise SystemExit("mkcorpus: Chromium not found (RETABLE_SETUP_CORPUS=1 scripts/setup)")
    profile = tempfile.mkdtemp(prefix="mkcorpus-chr-")
    raw = pdf + ".raw"
    try:
        subprocess.run([exe] + CHROMIUM_FLAGS + ["--user-data-dir=" + profile,
                                                 "--print-to-pdf=" + raw,
                                                 "file://" + os.path.abspath(path)],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                       timeout=600)
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    os.replace(raw, pdf)


def normalize(pdf, date, compress):
    """Rewrite a PDF in place with fixed dates and a content-derived ID."""
    qpdf = find_tool("qpdf")
    if not qpdf:
        raise SystemExit("mkcorpus: qpdf not found (scripts/setup installs it)")
    out = subprocess.run([qpdf, "--json-output", "--json-key=qpdf", pdf], check=True,
                         stdout=subprocess.PIPE).stdout
    head, objs = json.loads(out)["qpdf"]
    trailer = objs["trailer"]["value"]
    patch = {"trailer": {"value": {k: v for k, v in trailer.items()
                                   if k not in ("/ID", "/DocChecksum")}}}
    if "/Info" in trailer:
        key = "obj:" + trailer["/Info"]
        info = dict(objs[key]["value"])
        for k in ("/CreationDate", "/ModDate"):
            if k in info:
                info[k] = "u:D:%s" % date
        patch[key] = {"value": info}
    tmp = pdf + ".json"
    with open(tmp, "w") as f:
        json.dump({"qpdf": [head, patch]}, f)
    opts = (["--object-streams=generate", "--recompress-flate", "--compression-level=9"]
            if compress else ["--object-streams=preserve"])
    try:
        subprocess.run([qpdf, pdf, pdf + ".new", "--update-from-json=" + tmp,
                        "--deterministic-id"] + opts, check=True)
        os.replace(pdf + ".new", pdf)
    finally:
        os.remove(tmp)


def dumps(pdf, raw_txt, plain_txt):
    """The text path's inputs: pdftotext -raw and plain pdftotext."""
    subprocess.run(["pdftotext", "-enc", "UTF-8", "-raw", pdf, raw_txt], check=True)
    subprocess.run(["pdftotext", "-enc", "UTF-8", pdf, plain_txt], check=True)
