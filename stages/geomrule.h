/*
 * geomrule.h - ruling lines gathered into separators.
 *
 * A table's rulings come as pieces: a row line drawn cell by cell, the
 * two edges of a thin shaded band, a border stroked twice.  A separator
 * is every piece at one position (within a tolerance), with the stretches
 * it covers along its length merged.
 */
#ifndef RETABLE_GEOMRULE_H
#define RETABLE_GEOMRULE_H

#include "tinput.h"

struct ival {
	double	 lo, hi;
};

struct gsep {
	double		 pos;		/* y of a horizontal, x of a vertical */
	struct ival	*cover;		/* along its length, sorted, disjoint */
	int		 ncover;
	double		 lo, hi;	/* its whole extent */
};

struct gseps {
	struct gsep	*v;
	int		 n;
};

/* Pieces closer than this (pt) are one separator. */
#define SEP_SNAP	2.0

void	 gseps_build(const struct trule *, int n, long page, int vertical,
	    struct gseps *);
void	 gseps_free(struct gseps *);
double	 gsep_covered(const struct gsep *, double lo, double hi);
int	 gseps_near(const struct gseps *, double pos, double tol);
int	 rule_is_vertical(const struct trule *);
int	 rule_is_horizontal(const struct trule *);

#endif
