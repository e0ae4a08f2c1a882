/*
 * pdfrules.c - from painted segments and rectangles to ruling lines.
 *
 * A grid comes out of a PDF writer in many shapes: one stroke per line,
 * one per cell edge, a stroked rectangle per cell, thin filled rectangles
 * (Excel, Word), each border drawn twice by the two cells it separates.
 * Whatever the shape, a ruling is what a reader sees: one horizontal or
 * vertical line.  Pieces that lie on one line and touch are merged into
 * it, so row-align sees the grid, not the way it was drawn.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "pdfrules.h"

static void
add_rule(struct ruling_set *rs, double x0, double y0, double x1, double y1,
    double width)
{
	struct ruling *r;
	double t;

	if (rs->n == rs->cap) {
		rs->cap = rs->cap ? rs->cap * 2 : 64;
		rs->v = xreallocarray(rs->v, rs->cap, sizeof(*rs->v));
	}
	if (x0 > x1) {
		t = x0; x0 = x1; x1 = t;
	}
	if (y0 > y1) {
		t = y0; y0 = y1; y1 = t;
	}
	r = &rs->v[rs->n++];
	r->x0 = x0;
	r->y0 = y0;
	r->x1 = x1;
	r->y1 = y1;
	r->width = width;
}

/* A stroked straight segment: a ruling when it is near enough level or
 * plumb; diagonals (the slash in a corner header cell) are not. */
void
rulings_add_stroke(struct ruling_set *rs, double x0, double y0, double x1,
    double y1, double width)
{
	double dx = fabs(x1 - x0), dy = fabs(y1 - y0), mid;

	if (dy <= RULE_SKEW && dx > dy) {
		mid = (y0 + y1) / 2;
		add_rule(rs, x0, mid, x1, mid, width);
	} else if (dx <= RULE_SKEW && dy > dx) {
		mid = (x0 + x1) / 2;
		add_rule(rs, mid, y0, mid, y1, width);
	}
}

/* A filled rectangle: a ruling along its long side when it is thin. */
void
rulings_add_fill(struct ruling_set *rs, double x0, double y0, double x1,
    double y1)
{
	double w = fabs(x1 - x0), h = fabs(y1 - y0), mid;

	if (h <= RULE_THIN && w > h) {
		mid = (y0 + y1) / 2;
		add_rule(rs, x0, mid, x1, mid, h);
	} else if (w <= RULE_THIN && h > w) {
		mid = (x0 + x1) / 2;
		add_rule(rs, mid, y0, mid, y1, w);
	}
}

static int
is_horizontal(const struct ruling *r)
{
	return r->y0 == r->y1 && r->x1 > r->x0;
}

/* Keep the part on the page; returns 0 when nothing is left. */
static int
clip_rule(struct ruling *r, double w, double h)
{
	if (r->x1 < 0 || r->y1 < 0 || r->x0 > w || r->y0 > h)
		return 0;
	r->x0 = fmax(r->x0, 0);
	r->y0 = fmax(r->y0, 0);
	r->x1 = fmin(r->x1, w);
	r->y1 = fmin(r->y1, h);
	return 1;
}

static void
transpose(struct ruling *r)
{
	double t;

	t = r->x0; r->x0 = r->y0; r->y0 = t;
	t = r->x1; r->x1 = r->y1; r->y1 = t;
}

static int
by_y_then_x(const void *a, const void *b)
{
	const struct ruling *p = a, *q = b;

	if (p->y0 != q->y0)
		return p->y0 < q->y0 ? -1 : 1;
	if (p->x0 != q->x0)
		return p->x0 < q->x0 ? -1 : 1;
	if (p->x1 != q->x1)
		return p->x1 < q->x1 ? -1 : 1;
	return 0;
}

static int
by_x0(const void *a, const void *b)
{
	const struct ruling *p = a, *q = b;

	if (p->x0 != q->x0)
		return p->x0 < q->x0 ? -1 : 1;
	return 0;
}

/*
 * Merge horizontal pieces: those within RULE_ALIGN of the first of a run
 * sorted by y lie on one line; along it, pieces overlapping or less than
 * RULE_GAP apart join.  The joined line sits at the length-weighted mean
 * of its pieces and is as wide as the widest.  Writes to out, returns n.
 */
static size_t
merge_level(struct ruling *v, size_t n, struct ruling *out)
{
	size_t i = 0, j, k, m = 0;
	double sumy, sumlen, len;
	struct ruling cur;

	if (n > 1)
		qsort(v, n, sizeof(*v), by_y_then_x);
	while (i < n) {
		for (j = i + 1; j < n && v[j].y0 - v[i].y0 <= RULE_ALIGN; j++)
			continue;
		qsort(v + i, j - i, sizeof(*v), by_x0);
		for (k = i; k < j; ) {
			cur = v[k];
			len = fmax(cur.x1 - cur.x0, 0.01);
			sumy = cur.y0 * len;
			sumlen = len;
			for (k++; k < j && v[k].x0 <= cur.x1 + RULE_GAP; k++) {
				len = fmax(v[k].x1 - v[k].x0, 0.01);
				sumy += v[k].y0 * len;
				sumlen += len;
				cur.x1 = fmax(cur.x1, v[k].x1);
				cur.width = fmax(cur.width, v[k].width);
			}
			cur.y0 = cur.y1 = sumy / sumlen;
			if (cur.x1 - cur.x0 >= RULE_MIN_LENGTH)
				out[m++] = cur;
		}
		i = j;
	}
	return m;
}

/*
 * Turn the collected pieces into the page's rulings: clipped to the page,
 * merged, long enough, sorted by y then x.
 */
void
rulings_finish(struct ruling_set *rs, double page_width, double page_height)
{
	struct ruling *h, *v;
	size_t i, nh = 0, nv = 0, n;

	h = xreallocarray(NULL, rs->n + 1, sizeof(*h));
	v = xreallocarray(NULL, rs->n + 1, sizeof(*v));
	for (i = 0; i < rs->n; i++) {
		if (!clip_rule(&rs->v[i], page_width, page_height))
			continue;
		if (is_horizontal(&rs->v[i])) {
			h[nh++] = rs->v[i];
		} else if (rs->v[i].y1 > rs->v[i].y0) {
			v[nv] = rs->v[i];
			transpose(&v[nv++]);
		}
	}
	n = merge_level(h, nh, rs->v);
	nv = merge_level(v, nv, v);
	for (i = 0; i < nv; i++) {
		transpose(&v[i]);
		rs->v[n++] = v[i];
	}
	rs->n = n;
	if (rs->n > 1)
		qsort(rs->v, rs->n, sizeof(*rs->v), by_y_then_x);
	free(h);
	free(v);
}

/*
 * Turn a box with the page clockwise by degrees (90, 180, 270); width and
 * height are the page's before the turn.
 */
void
rotate_box(double *x0, double *y0, double *x1, double *y1, int degrees,
    double width, double height)
{
	double a = *x0, b = *y0, c = *x1, d = *y1;

	switch (degrees) {
	case 90:
		*x0 = height - d;
		*x1 = height - b;
		*y0 = a;
		*y1 = c;
		break;
	case 180:
		*x0 = width - c;
		*x1 = width - a;
		*y0 = height - d;
		*y1 = height - b;
		break;
	case 270:
		*x0 = b;
		*x1 = d;
		*y0 = width - c;
		*y1 = width - a;
		break;
	}
}

void
rulings_rotate(struct ruling_set *rs, int degrees, double width, double height)
{
	size_t i;

	for (i = 0; i < rs->n; i++)
		rotate_box(&rs->v[i].x0, &rs->v[i].y0, &rs->v[i].x1,
		    &rs->v[i].y1, degrees, width, height);
	if (rs->n > 1)
		qsort(rs->v, rs->n, sizeof(*rs->v), by_y_then_x);
}

void
rulings_clear(struct ruling_set *rs)
{
	rs->n = 0;
}

void
rulings_free(struct ruling_set *rs)
{
	free(rs->v);
	memset(rs, 0, sizeof(*rs));
}
