"""Run the real layout engines: LibreOffice (Calc, Writer) and headless
Chromium, then poppler's pdftotext for the two text dumps.

LibreOffice runs with a throw-away user profile, so settings left by an
earlier session cannot change the layout; all its documents go through
one process.  Chromium's PDFs are rewritten by qpdf (object streams and
flate level 9): the content is untouched, the files are three times
smaller.
"""
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
    qpdf = find_tool("qpdf")
    if qpdf:
        subprocess.run([qpdf, "--object-streams=generate", "--recompress-flate",
                        "--compression-level=9", raw, pdf], check=True)
        os.remove(raw)
    else:
        os.replace(raw, pdf)


def dumps(pdf, raw_txt, plain_txt):
    """The text path's inputs: pdftotext -raw and plain pdftotext."""
    subprocess.run(["pdftotext", "-enc", "UTF-8", "-raw", pdf, raw_txt], check=True)
    subprocess.run(["pdftotext", "-enc", "UTF-8", pdf, plain_txt], check=True)
