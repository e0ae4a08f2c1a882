/*
 * geomcap.h - caption text wrapped in narrow cells, read whole.
 */
#ifndef RETABLE_GEOMCAP_H
#define RETABLE_GEOMCAP_H

#include "buf.h"
#include "geomline.h"

int	 gcap_continues(const struct tspan *, const struct gline *above,
	    const struct gline *line);
void	 gcap_text(const struct tspan *, const struct gline *, int from,
	    int to, struct buf *);

#endif
