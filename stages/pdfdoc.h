/*
 * pdfdoc.h - a PDF file as pdf2text reads it for the ruling lines: the
 * cross-reference table, indirect objects, decoded streams, the pages.
 *
 * The file's bytes are borrowed, not copied: a mapped file or a buffer
 * that outlives the document.  Objects are parsed on demand into an arena
 * the caller gives, so reading a page costs that page's objects only.
 */
#ifndef RETABLE_PDFDOC_H
#define RETABLE_PDFDOC_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "pdfcrypt.h"
#include "pdfobj.h"

enum pdf_xref_type {
	XREF_UNSET,
	XREF_FREE,
	XREF_OFFSET,		/* off: byte offset of "num gen obj" */
	XREF_COMPRESSED		/* off: object stream number, index */
};

struct pdf_xent {
	uint64_t	 off;
	uint32_t	 index;
	uint16_t	 gen;
	uint8_t		 type;
};

/* A decoded object stream, kept because its neighbours come next. */
struct pdf_objstm {
	uint32_t	 num;
	struct buf	 data;
	size_t		 first;
	size_t		 n;
	uint32_t	*nums;
	size_t		*offs;
	unsigned long	 used;
};

#define PDF_OBJSTM_CACHE 4

/* A page, with the attributes it inherits resolved. */
struct pdf_page {
	uint32_t	 num;
	uint16_t	 gen;
	uint32_t	 resources_from;	/* the object whose /Resources apply */
	int		 rotate;		/* 0, 90, 180 or 270 */
	double		 media[4];
	double		 crop[4];		/* clipped to the media box */
};

enum pdf_open_status {
	PDF_OPEN_OK,
	PDF_OPEN_EMPTY,
	PDF_OPEN_NOT_PDF,
	PDF_OPEN_TRUNCATED,
	PDF_OPEN_DAMAGED,
	PDF_OPEN_PASSWORD,
	PDF_OPEN_UNSUPPORTED
};

struct pdf_doc {
	const unsigned char *data;
	size_t		 len;
	struct pdf_xent	*xref;
	size_t		 nxref;
	struct pdf_arena arena;		/* the trailer, for the document's life */
	struct pdf_obj	 trailer;
	int		 encrypted;
	struct pdf_crypt crypt;
	struct pdf_objstm cache[PDF_OBJSTM_CACHE];
	unsigned long	 cache_clock;
	struct pdf_page	*pages;
	size_t		 npages;
	int		 repaired;	/* the xref was rebuilt by scanning */
	int		 depth;		/* fetches in progress, against loops */
};

enum pdf_open_status pdf_doc_open(struct pdf_doc *, const unsigned char *,
	    size_t, struct buf *err);
void	 pdf_doc_close(struct pdf_doc *);

int	 pdf_fetch(struct pdf_doc *, uint32_t num, struct pdf_arena *,
	    struct pdf_obj *);
int	 pdf_fetch_at(struct pdf_doc *, uint64_t off, uint32_t num,
	    struct pdf_arena *, struct pdf_obj *);
const struct pdf_obj *pdf_resolve(struct pdf_doc *, const struct pdf_obj *,
	    struct pdf_arena *);
int	 pdf_stream_decode(struct pdf_doc *, const struct pdf_obj *,
	    struct buf *, struct buf *err);

/* pdfxref.c, for pdfpages.c */
int	 pdf_read_xref(struct pdf_doc *);
int	 pdf_rebuild_xref(struct pdf_doc *);

/* pdfpages.c */
int	 pdf_load_pages(struct pdf_doc *, struct buf *err);

#endif
