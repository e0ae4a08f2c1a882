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
	struct cand	*c;
	int		 n;
	int		 dropped;	/* a value had to be left out */
};

void	 placements(struct rowcands *, const struct grid *,
	    const struct layout *, const struct twins *, const struct srow *);
void	 rowcands_free(struct rowcands *);
int	 cand_cmp(const void *, const void *);
int	 srow_values(const struct srow *);

#endif
