/*
 * geomgrid.c - rebuilding a table from spans with their boxes.
 *
 * Rows are spans whose vertical extents overlap; columns are the x
 * ranges the spans of all rows occupy, merged where they overlap (a
 * projection profile); the header is what lies above the first row that
 * holds an amount.  Header cells that cover several columns are kept as
 * one cell spanning them.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "geomgrid.h"
#include "number.h"
#include "tabgrid.h"

struct gline {
	int	*spans;
	int	 n;
	double	 top, bottom;
	long	 page;
};

struct xrange {
	double	 x0, x1;
};

static const struct tinput *sort_in;

static int
cmp_span(const void *a, const void *b)
{
	const struct tspan *x = &sort_in->spans[*(const int *)a];
	const struct tspan *y = &sort_in->spans[*(const int *)b];
	double cx = (x->y0 + x->y1) / 2, cy = (y->y0 + y->y1) / 2;

	if (x->page != y->page)
		return x->page < y->page ? -1 : 1;
	if (fabs(cx - cy) > 0.5)
		return cx < cy ? -1 : 1;
	return x->x0 < y->x0 ? -1 : x->x0 > y->x0;
}

static int
cmp_line_x(const void *a, const void *b)
{
	const struct tspan *x = &sort_in->spans[*(const int *)a];
	const struct tspan *y = &sort_in->spans[*(const int *)b];

	return x->x0 < y->x0 ? -1 : x->x0 > y->x0;
}

/* Spans on one baseline band: vertical overlap of half the lower one. */
static int
gather_lines(const struct tinput *in, struct gline **out)
{
	struct gline *lines = NULL, *cur = NULL;
	int *order, i, n = 0;
	double h, ov;

	order = xmalloc(sizeof(int) * ((size_t)in->nspans + 1));
	for (i = 0; i < in->nspans; i++)
		order[i] = i;
	sort_in = in;
	qsort(order, (size_t)in->nspans, sizeof(int), cmp_span);
	for (i = 0; i < in->nspans; i++) {
		const struct tspan *s = &in->spans[order[i]];

		if (s->part != 1 && s->part != 2)
			continue;
		if (cur) {
			h = fmin(s->y1 - s->y0, cur->bottom - cur->top);
			ov = fmin(s->y1, cur->bottom) - fmax(s->y0, cur->top);
		}
		if (cur == NULL || s->page != cur->page || ov < h * 0.5) {
			lines = xreallocarray(lines, (size_t)n + 1,
			    sizeof(*lines));
			cur = &lines[n++];
			memset(cur, 0, sizeof(*cur));
			cur->top = s->y0;
			cur->bottom = s->y1;
			cur->page = s->page;
		}
		cur->spans = xreallocarray(cur->spans, (size_t)cur->n + 1,
		    sizeof(int));
		cur->spans[cur->n++] = order[i];
		cur->top = fmin(cur->top, s->y0);
		cur->bottom = fmax(cur->bottom, s->y1);
	}
	for (i = 0; i < n; i++)
		qsort(lines[i].spans, (size_t)lines[i].n, sizeof(int),
		    cmp_line_x);
	free(order);
	*out = lines;
	return n;
}

static int
span_is_amount(const struct tspan *s)
{
	struct num v;

	return num_parse(s->text, strlen(s->text), &v) &&
	    (v.decimals > 0 || v.grouped);
}

static int
first_body_line(const struct tinput *in, const struct gline *lines, int n)
{
	int i, k;

	for (i = 0; i < n; i++)
		for (k = 0; k < lines[i].n; k++)
			if (span_is_amount(&in->spans[lines[i].spans[k]]))
				return i;
	return n;
}

static int
cmp_range(const void *a, const void *b)
{
	const struct xrange *x = a, *y = b;

	return x->x0 < y->x0 ? -1 : x->x0 > y->x0;
}

/* Column x ranges: the body spans' extents, merged where they overlap. */
static int
column_ranges(const struct tinput *in, const struct gline *lines, int from,
    int n, struct xrange **out)
{
	struct xrange *r = NULL, *m = NULL;
	int i, k, nr = 0, nm = 0;

	for (i = from; i < n; i++)
		for (k = 0; k < lines[i].n; k++) {
			const struct tspan *s = &in->spans[lines[i].spans[k]];

			r = xreallocarray(r, (size_t)nr + 1, sizeof(*r));
			r[nr].x0 = s->x0;
			r[nr++].x1 = s->x1;
		}
	qsort(r, (size_t)nr, sizeof(*r), cmp_range);
	for (i = 0; i < nr; i++) {
		if (nm > 0 && r[i].x0 <= m[nm - 1].x1 + 1.0) {
			m[nm - 1].x1 = fmax(m[nm - 1].x1, r[i].x1);
			continue;
		}
		m = xreallocarray(m, (size_t)nm + 1, sizeof(*m));
		m[nm++] = r[i];
	}
	free(r);
	*out = m;
	return nm;
}

/* The columns a span covers: first and last index, or -1 if none. */
static int
span_columns(const struct tspan *s, const struct xrange *cols, int ncols,
    int *last)
{
	int i, first = -1;

	*last = -1;
	for (i = 0; i < ncols; i++)
		if (s->x1 > cols[i].x0 - 0.5 && s->x0 < cols[i].x1 + 0.5) {
			if (first < 0)
				first = i;
			*last = i;
		}
	if (first < 0) {	/* between columns: the nearest one */
		double best = 1e18, d, mid = (s->x0 + s->x1) / 2;

		for (i = 0; i < ncols; i++) {
			d = fabs((cols[i].x0 + cols[i].x1) / 2 - mid);
			if (d < best) {
				best = d;
				first = i;
			}
		}
		*last = first;
	}
	return first;
}

static void
put(struct grid *g, int row, int col, int colspan, int header,
    const struct tspan *s)
{
	struct gcell *c = grid_cell(g, row, col);

	if (c) {
		struct buf t = BUF_INIT;

		buf_adds(&t, c->text);
		if (s->text[0] && (unsigned char)s->text[0] < 0x80 &&
		    c->text[0] && (unsigned char)c->text[strlen(c->text) - 1]
		    < 0x80)
			buf_addc(&t, ' ');
		buf_adds(&t, s->text);
		free(c->text);
		c->text = buf_detach(&t);
		c->bbox[0] = fmin(c->bbox[0], s->x0);
		c->bbox[1] = fmin(c->bbox[1], s->y0);
		c->bbox[2] = fmax(c->bbox[2], s->x1);
		c->bbox[3] = fmax(c->bbox[3], s->y1);
		return;
	}
	c = grid_add_cell(g, row, col, 1, colspan, header, s->text);
	c->page = s->page;
	c->has_bbox = 1;
	c->bbox[0] = s->x0;
	c->bbox[1] = s->y0;
	c->bbox[2] = s->x1;
	c->bbox[3] = s->y1;
}

static void
column_types(struct grid *g, const struct tinput *in, const struct gline *lines,
    int from, int n, const struct xrange *cols)
{
	int c, i, k, last, amounts, others;

	for (c = 0; c < g->ncols; c++) {
		amounts = others = 0;
		for (i = from; i < n; i++)
			for (k = 0; k < lines[i].n; k++) {
				const struct tspan *s =
				    &in->spans[lines[i].spans[k]];

				if (span_columns(s, cols, g->ncols, &last) != c)
					continue;
				if (span_is_amount(s))
					amounts++;
				else
					others++;
			}
		g->cols[c].type = amounts > others ? COL_AMOUNT :
		    (c == 0 ? COL_LABEL : COL_TEXT);
	}
}

static void
header_paths(struct grid *g)
{
	struct buf p = BUF_INIT;
	int c, i;

	for (c = 0; c < g->ncols; c++) {
		buf_clear(&p);
		for (i = 0; i < g->ncells; i++) {
			const struct gcell *h = &g->cells[i];

			if (!h->header || c < h->col || c >= h->col + h->colspan)
				continue;
			if (p.len)
				buf_addc(&p, '/');
			buf_adds(&p, h->text);
		}
		free(g->cols[c].path);
		g->cols[c].path = buf_detach(&p);
	}
}

void
geomgrid_build(struct grid *g, const struct family *f, const struct tinput *in)
{
	struct gline *lines;
	struct xrange *cols;
	int n, body, ncols, i, k, first, last, header;

	n = gather_lines(in, &lines);
	body = first_body_line(in, lines, n);
	ncols = column_ranges(in, lines, body < n ? body : 0, n, &cols);
	for (i = 0; i < ncols; i++)
		grid_add_col(g, "", COL_TEXT);
	g->header_rows = body < n ? body : 0;
	for (i = 0; i < n; i++) {
		header = i < g->header_rows;
		if (!header)
			grid_add_row(g, i, lines[i].page);
		for (k = 0; k < lines[i].n; k++) {
			const struct tspan *s = &in->spans[lines[i].spans[k]];

			first = span_columns(s, cols, ncols, &last);
			if (first >= 0)
				put(g, i, first, header ? last - first + 1 : 1,
				    header, s);
		}
	}
	column_types(g, in, lines, g->header_rows, n, cols);
	header_paths(g);
	if (f)
		grid_map_family(g, f);
	for (i = 0; i < n; i++)
		free(lines[i].spans);
	free(lines);
	free(cols);
}
