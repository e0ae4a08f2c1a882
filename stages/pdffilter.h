/*
 * pdffilter.h - decoding PDF stream filters.
 *
 * Only the filters that carry content streams, form XObjects, object and
 * cross-reference streams: FlateDecode (with PNG and TIFF predictors),
 * LZWDecode, ASCIIHexDecode, ASCII85Decode, RunLengthDecode.  Image codecs
 * are not needed: an image holds no ruling lines.
 */
#ifndef RETABLE_PDFFILTER_H
#define RETABLE_PDFFILTER_H

#include <stddef.h>

#include "buf.h"
#include "pdfobj.h"

/* Decoded streams larger than this are refused: a zip bomb, not a page. */
#define PDF_MAX_DECODED	((size_t)256 * 1024 * 1024)

enum pdf_filter_status {
	FILTER_OK,
	FILTER_DAMAGED,		/* the data ended badly; out has what was read */
	FILTER_FAILED		/* nothing usable; err says why */
};

enum pdf_filter_status pdf_filter(const char *name, const struct pdf_obj *parms,
	    const unsigned char *in, size_t len, struct buf *out,
	    struct buf *err);

#endif
