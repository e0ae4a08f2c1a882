/*
 * geomline.h - text lines and the words of their spans.
 *
 * Both geometry stages start from the same thing: spans that share a
 * baseline, read left to right.  A line here is a set of span indices;
 * the spans themselves stay where the caller keeps them.
 */
#ifndef RETABLE_GEOMLINE_H
#define RETABLE_GEOMLINE_H

#include "buf.h"
#include "tinput.h"

struct gline {
	int	*spans;		/* indices, left to right */
	int	 n;
	double	 top, bottom;	/* of the line's main spans */
	double	 left, right;
	double	 cy;		/* centre of the main spans */
	double	 height;	/* of the tallest main span */
	long	 page;
};

int	 glines_build(const struct tspan *, const int *idx, int n,
	    struct gline **);
void	 glines_free(struct gline *, int);
void	 gline_text(const struct tspan *, const struct gline *, struct buf *);

void	 span_core(const struct tspan *, double *y0, double *y1);
double	 span_height(const struct tspan *);
int	 span_is_amount(const struct tspan *);
int	 span_is_number(const struct tspan *);
int	 span_is_superscript(const struct tspan *, const struct gline *);
void	 text_join(struct buf *, const char *);
int	 span_split_cells(const struct tspan *, struct tspan *,
	    struct tspan *, size_t *);
int	 span_text_is_numeric(const char *);

#endif
