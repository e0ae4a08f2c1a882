/*
 * georegion.h - where the tables are on a page.
 *
 * Two kinds of evidence: rulings that hang together (a grid, or the
 * level rules of a 三线表 with table rows between them), and runs of
 * lines whose words stand in the same columns.  Each region is a box;
 * the table's spans are those whose centres fall inside it.
 */
#ifndef RETABLE_GEOREGION_H
#define RETABLE_GEOREGION_H

#include "geomline.h"
#include "tinput.h"

enum lineclass {
	LC_TEXT,		/* prose, or a table's row */
	LC_CAPTION,
	LC_NOTE,
	LC_FURNITURE,
	LC_SECTION
};

struct gregion {
	double	 x0, y0, x1, y1;
	int	 ruled;		/* found from rulings */
};

struct gpageview {
	const struct tspan	*spans;
	int			 nspans;
	const struct gline	*lines;		/* the page's full-width lines */
	int			 nlines;
	const enum lineclass	*cls;		/* each line's class */
	const struct trule	*rules;
	int			 nrules;
	long			 page;
	double			 width, height;
	const int		*struck;	/* set by regions_find */
};

int	 regions_find(const struct gpageview *, struct gregion **);
int	 region_holds(const struct gregion *, const struct tspan *);

#endif
