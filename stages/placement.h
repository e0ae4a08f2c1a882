/*
 * placement.h - the ways one row's amounts can sit in its columns.
 *
 * Given a row's amounts in printed order and the columns each side offers,
 * list the order-keeping placements that break the fewest of the family's
 * row identities, each with a prior (lower is likelier): the columns'
 * positions (left first), what twin tables and the family's code hints
 * say.  solver.c chooses among them across rows.
 */
#ifndef RETABLE_PLACEMENT_H
#define RETABLE_PLACEMENT_H

#include "grid.h"
#include "layout.h"
#include "solver.h"
#include "twins.h"

struct cand {
	long long	*v;		/* per column, scaled */
	unsigned char	*blank;		/* per column */
	int		*col_of;	/* per value, or -1 if left out */
	int		 viol;		/* row identities broken */
	long		 prior;
};

struct rowcands {
	struct cand	*c;		/* room for MAX_KEEP */
	int		 n;
	int		 dropped;	/* a value had to be left out */
};

/*
 * What a row's search offered keep(), in order: a row of the same table
 * with the same amounts is offered the same, under its own priors.  n is
 * -1 when there was too much to keep.
 */
struct ptrace {
	int		 n, cap;
	long long	*v;
	unsigned char	*blank;
	int		*slot;
	int		*viol;
	unsigned char	*phase;		/* 0 the search, 1 with a value left out */
};

void	 placements(struct rowcands *, const struct grid *,
	    const struct layout *, const struct twins *, const struct srow *,
	    struct ptrace *trace, const struct ptrace *replay);
int	 same_amounts(const struct srow *, const struct srow *);
void	 ptrace_free(struct ptrace *);
void	 rowcands_free(struct rowcands *);
int	 cand_cmp(const void *, const void *);
int	 srow_values(const struct srow *);

#endif
