/*
 * geomgrid.h - rebuilding a table from spans with their boxes.
 */
#ifndef RETABLE_GEOMGRID_H
#define RETABLE_GEOMGRID_H

#include "family.h"
#include "grid.h"
#include "tinput.h"

void	 geomgrid_build(struct grid *, const struct family *,
	    const struct tinput *);

#endif
