/*
 * checks.h - the arithmetic a table's numbers must obey, and checking it.
 *
 * Two kinds of identity: a row's own (合计 = 基本支出 + 项目支出, from the
 * family), and between rows (a parent code is the sum of its children,
 * the total row the sum of the top-level rows).  Amounts are compared as
 * scaled integers, within the rounding tail (尾差) the reports allow: half
 * a unit in the last printed place of each term, at least one unit at the
 * table's finest place.
 */
#ifndef RETABLE_CHECKS_H
#define RETABLE_CHECKS_H

#include "grid.h"

/* A table's amounts as integers at one scale; blank cells flagged. */
struct amounts {
	int		 nrows, ncols;
	int		 decimals;	/* common scale */
	long long	*v;		/* v[r * ncols + c] */
	unsigned char	*blank;
	long long	*tail;		/* its rounding tail, in half units */
};

/* Rows related by their codes: parent = sum of children. */
struct hierarchy {
	int	*parent;		/* per row per system, or -1 */
	int	 nsystems;
	int	 total;			/* the table's total row, or -1 */
	int	*is_root;		/* per row per system */
	int	*has_code;		/* per row per system */
	int	*col_lo, *col_hi;	/* per system: its amount columns */
	int	*total_group;		/* per system: the first system whose
					   amounts carry the same headers */
};

long long checks_tolerance(int nterms);
int	 checks_sum_holds(const struct gsum *, const long long *,
	    const unsigned char *, long long *diff);
void	 amounts_build(struct amounts *, const struct grid *);
void	 amounts_free(struct amounts *);
void	 hierarchy_build(struct hierarchy *, const struct grid *);
void	 hierarchy_free(struct hierarchy *);
void	 checks_run(struct grid *);

#endif
