/*
 * tabgrid.h - rebuilding a table from a tab-separated dump.
 *
 * A dump made from a spreadsheet keeps each cell in its own field, blank
 * cells included: the columns are given, and only the merged header
 * cells must be found again, from the empty fields around them.
 */
#ifndef RETABLE_TABGRID_H
#define RETABLE_TABGRID_H

#include "family.h"
#include "grid.h"
#include "textrules.h"
#include "tinput.h"

void	 tabgrid_build(struct grid *, struct textrules *,
	    const struct family *, const struct tinput *);
void	 grid_map_family(struct grid *, const struct family *);

#endif
