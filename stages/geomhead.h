/*
 * geomhead.h - a header printed without rulings, rebuilt.
 */
#ifndef RETABLE_GEOMHEAD_H
#define RETABLE_GEOMHEAD_H

#include "geomlayout.h"

int	 geomhead_rebuild(struct glayout *, int header_rows);
int	 geomhead_is_ruled(const struct glayout *, int header_rows);

#endif
