/*
 * tinput.h - one table as row-align receives it from table-segment.
 */
#ifndef RETABLE_TINPUT_H
#define RETABLE_TINPUT_H

#include "buf.h"
#include "stream.h"

struct tline {
	char	*text;
	long	 page;
	long	 lineno;
};

struct tspan {
	long	 page;
	double	 x0, y0, x1, y1;
	double	 size;
	char	*font;
	char	*text;
	int	 part;		/* 0 caption, 1 head, 2 body, 3 note */
};

struct trule {
	long	 page;
	double	 x0, y0, x1, y1;
	double	 width;
};

struct tinput {
	struct rec	 attrs;		/* the table record */
	long		 number;
	struct tline	*caption, *head, *body, *notes;
	int		  ncaption, nhead, nbody, nnotes;
	struct tspan	*spans;
	int		  nspans;
	struct trule	*rules;
	int		  nrules;
	struct buf	  other;	/* records row-align passes on */
	int		  tabbed;	/* some line holds tabs */
};

#endif
