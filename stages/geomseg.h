/*
 * geomseg.h - finding tables on pages that keep their geometry.
 *
 * table-segment hands over each page's spans and ruling lines as they
 * arrive; at the page's end this finds the tables on it (their captions,
 * header, body and notes) and writes each as a table block of the
 * stream, holding back a table that may continue on the next page.
 * Memory is one page plus one open table.
 */
#ifndef RETABLE_GEOMSEG_H
#define RETABLE_GEOMSEG_H

#include "buf.h"
#include "cli.h"
#include "stream.h"
#include "textrules.h"
#include "tinput.h"

struct gpage {
	long		 number;
	double		 width, height;
	struct tspan	*spans;
	int		 nspans;
	struct trule	*rules;
	int		 nrules;
};

/* What a table looks like on its last page, to know it again. */
struct gsignature {
	double		*cols;		/* column edges, left to right */
	int		 ncols;
	int		 ruled;		/* edges from rulings */
	double		 x0, x1;
};

struct geomseg {
	struct cli	 *cli;
	struct textrules *tr;
	long		 *number;	/* tables so far in the document */
	struct gpage	  page;
	int		  in_page;
	/* a table that may continue on the next page */
	struct buf	  open;		/* its records, part markers included */
	char		 *open_code, *open_title, *open_unit, *open_entity;
	struct buf	  open_pages;
	char		**open_head;	/* its header lines, to drop repeats */
	int		  open_nhead;
	struct gsignature open_sig;
	int		  has_open;
	int		  open_ended;	/* prose followed it on its page */
	/* the previous page's first and last lines: running heads, feet */
	char		 *prev_top, *prev_bottom;
};

void	 geomseg_init(struct geomseg *, struct cli *, struct textrules *,
	    long *number);
void	 geomseg_page(struct geomseg *, const struct rec *);
void	 geomseg_span(struct geomseg *, const struct rec *);
void	 geomseg_rule(struct geomseg *, const struct rec *);
void	 geomseg_end_page(struct geomseg *);
void	 geomseg_end_document(struct geomseg *);
void	 geomseg_free(struct geomseg *);

#endif
