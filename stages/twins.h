/*
 * twins.h - what earlier tables of the same report placed where.
 *
 * Reports print the same numbers twice: 预算05表 repeats 预算03表's rows for
 * one fund, 公开05表 repeats 公开03表's.  Once one table has been solved,
 * its placements tell the solver where the same row's same amount goes in
 * its twin.  Kept per document, forgotten at the next.
 */
#ifndef RETABLE_TWINS_H
#define RETABLE_TWINS_H

#include "grid.h"
#include "textrules.h"

struct twins {
	struct termset	 placed;	/* row key, value, column */
	struct termset	 valued;	/* row key, value */
};

void	 twins_clear(struct twins *);
void	 twins_remember(struct twins *, const struct grid *);
int	 twins_printed(const struct twins *, const char *key,
	    const char *value);
int	 twins_vote(const struct twins *, const char *key, const char *value,
	    const char *canon);
char	*twins_row_key(const struct grid *, int row);

#endif
