/*
 * geomgroup.h - a group's name set once beside the rows it spans.
 */
#ifndef RETABLE_GEOMGROUP_H
#define RETABLE_GEOMGROUP_H

#include "geomlayout.h"

struct ggroup {
	int	 col, r0, r1;	/* the name's cell: rows r0..r1 of col */
	int	 centred;	/* the name stands below r0 */
};

int	 geomgroup_find(const struct glayout *, const int *owner,
	    struct ggroup **);

#endif
