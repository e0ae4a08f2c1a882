/*
 * geomlayout.h - one page of a table: its columns, rows and cells.
 *
 * Columns come from vertical rulings and from the spans' alignment;
 * rows from horizontal rulings and baselines.  Between two neighbouring
 * slots of the resulting grid there is a wall or there is not: a ruling
 * decides where there is one, the text where there is none.  Slots
 * joined without a wall are one cell, which is how merged header cells
 * (rowspan, colspan) are found.
 */
#ifndef RETABLE_GEOMLAYOUT_H
#define RETABLE_GEOMLAYOUT_H

#include "geomline.h"
#include "geomrule.h"
#include "tinput.h"

struct lrow {
	double	 top, bottom;	/* boundaries: rulings or between lines */
	int	 ruled_top, ruled_bottom;
	int	 first, nlines;	/* its lines: lay->lines[first...] */
};

struct lcell {
	int	 r0, c0, r1, c1;	/* slots, inclusive */
	int	*spans;			/* reading order */
	int	 n;
	double	 x0, y0, x1, y1;	/* of its spans */
};

struct glayout {
	const struct tspan *v;
	const struct ival *shared;	/* text columns given, or NULL */
	int		 nshared;
	long		 page;
	struct gline	*lines;
	int		 nlines;
	struct gseps	 hs, vs;
	double		 x0, y0, x1, y1;	/* the spans' box */
	double		*xb;		/* column boundaries, ncols + 1 */
	int		*xrule;		/* the vertical separator there, or -1 */
	int		 ncols;
	double		*textmax;	/* right edge of each column's words */
	int		*colused;	/* some span falls in the column */
	struct lrow	*rows;
	int		 nrows;
	struct lcell	*cells;
	int		 ncells;
	int		*slot;		/* nrows x ncols: the cell there, or -1 */
};

void	 glayout_build(struct glayout *, const struct tspan *, const int *idx,
	    int n, const struct trule *, int nrules, long page,
	    const struct ival *, int);
int	 glayout_text_columns(const struct tspan *, const int *idx, int n,
	    struct ival **);
void	 glayout_free(struct glayout *);
int	 glayout_column_of(const struct glayout *, double x);
int	 glayout_cell_at(const struct glayout *, int row, int col);
void	 glayout_cell_text(const struct glayout *, const struct lcell *,
	    struct buf *);

#endif
