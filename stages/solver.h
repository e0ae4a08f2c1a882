/*
 * solver.h - which column each amount of a row belongs to.
 *
 * A text dump keeps a row's amounts in order but drops its blank cells,
 * so "96.10 96.10 96.10" could sit in any three of nine amount columns.
 * The solver decides, per table, as a small constraint problem:
 *
 *   - each row's placements are the order-keeping ways to put its values
 *     in its side's amount columns; those breaking the fewest of the
 *     family's row identities (合计 = 基本支出 + 项目支出 ...) are kept;
 *   - across rows, a placement is chosen per row so that every parent
 *     code's row is the sum of its children's and the total row the sum
 *     of the top-level rows, column by column;
 *   - among placements that satisfy the same, the likeliest wins: where
 *     a twin table of the report put the same row's same amount; then
 *     where the family says the row's code belongs (301xx is 人员经费,
 *     a 行政运行 item is 基本支出); a printed 0.00 in a column whose total
 *     prints 0.00 too; then the values furthest left.
 *
 * A row left with several placements that fit everything equally well is
 * reported ambiguous, with their number; a row whose values fit no
 * placement keeps the best one and its checks fail.
 */
#ifndef RETABLE_SOLVER_H
#define RETABLE_SOLVER_H

#include "checks.h"
#include "grid.h"
#include "layout.h"
#include "twins.h"

struct segment {
	long long	*vals;		/* scaled to the table's decimals */
	char		**texts;	/* as printed */
	int		  nvals;
	int		 *cols;		/* allowed amount columns, in order */
	int		  ncols;
};

struct srow {
	struct segment	*segs;
	int		 nsegs;
	const char	*code_text;	/* for prefer hints: the row's code */
	char		*twin_key;	/* how twin tables know the row */
	/* results */
	int		*col_of;	/* per value of every segment, or -1 */
	int		 ambiguous;
	int		 dropped;
};

void	 solver_place(struct grid *, const struct layout *,
	    const struct twins *, struct srow *, int nrows);

#endif
