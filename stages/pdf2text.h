/*
 * pdf2text.h - the first stage: PDF files to the record stream.
 *
 * For each input a doc record, then page by page a page record, the
 * page's text spans and its ruling lines (README.md, "The stream between
 * stages").  poppler reads the text; pdf2text reads the rulings itself
 * (pdfpath.c), because poppler-glib offers no way to them short of
 * rendering the page.
 */
#ifndef RETABLE_PDF2TEXT_H
#define RETABLE_PDF2TEXT_H

#include "cli.h"

int	 pdf2text_run(struct cli *, int gzip);

#endif
