/*
 * geomcols.h - the columns a table's words stand in.
 */
#ifndef RETABLE_GEOMCOLS_H
#define RETABLE_GEOMCOLS_H

#include "geomline.h"
#include "geomrule.h"

int	 gcols_find(const struct tspan *, const struct gline *, int,
	    struct ival **);

#endif
