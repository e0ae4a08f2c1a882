/*
 * pdfrules.h - a page's ruling lines: the horizontal and vertical strokes
 * and thin filled rectangles that draw a table's grid.
 *
 * pdfpath.c walks the page's content streams and reports every straight
 * stroked segment and every filled axis-aligned rectangle, in page space
 * (points, origin top-left, y down).  pdfrules.c keeps the ones that are
 * rulings, merges the pieces of one line (a grid drawn cell by cell is
 * hundreds of short strokes) and drops what is too short to matter.
 */
#ifndef RETABLE_PDFRULES_H
#define RETABLE_PDFRULES_H

#include <stddef.h>

#include "buf.h"

/* A filled rectangle thinner than this is a line along its long side. */
#define RULE_THIN	2.0
/* A stroke whose ends differ by less than this across is axis-aligned. */
#define RULE_SKEW	0.5
/* Pieces of one line: this close across, this far apart along. */
#define RULE_ALIGN	0.6
#define RULE_GAP	1.5
/* Merged lines shorter than this are glyph parts and dots, not rules. */
#define RULE_MIN_LENGTH	5.0

struct ruling {
	double	 x0, y0, x1, y1;	/* x0 == x1 or y0 == y1; x0<=x1, y0<=y1 */
	double	 width;
};

struct ruling_set {
	struct ruling	*v;
	size_t		 n;
	size_t		 cap;
};

void	 rulings_add_stroke(struct ruling_set *, double x0, double y0, double x1,
	    double y1, double width);
void	 rulings_add_fill(struct ruling_set *, double x0, double y0, double x1,
	    double y1);
void	 rulings_finish(struct ruling_set *, double page_width,
	    double page_height);
void	 rulings_rotate(struct ruling_set *, int degrees, double width,
	    double height);
void	 rulings_clear(struct ruling_set *);
void	 rotate_box(double *x0, double *y0, double *x1, double *y1,
	    int degrees, double width, double height);
void	 rulings_free(struct ruling_set *);

/* pdfpath.c: the painted segments of one page of a document. */
struct pdf_doc;

enum pdf_path_status {
	PATH_OK,
	PATH_DAMAGED,		/* part of the content could not be read */
	PATH_FAILED		/* none of it could */
};

enum pdf_path_status pdf_page_rulings(struct pdf_doc *, size_t page,
	    struct ruling_set *, struct buf *err);
void	 pdf_page_size(const struct pdf_doc *, size_t page, double *width,
	    double *height);

#endif
