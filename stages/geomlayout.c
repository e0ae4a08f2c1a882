/*
 * geomlayout.c - one page of a table: its columns, rows and cells.
 *
 * The steps, each in its own function below:
 *
 *   columns   vertical separators, then the text's own columns between
 *             them (geomcols.c) where the lines support a boundary
 *   rows      horizontal separators cut the page into bands; a band whose
 *             lines hold numbers in the same column on two lines is
 *             several rows, one per line, else one row of wrapped cells
 *             (the ruling decides); without rulings, every line is a row
 *             until rowwrap.c joins the wrapped ones
 *   walls     between two slots: a ruling covering their common edge is a
 *             wall; a ruling missing where the rest of the grid is ruled
 *             (a closed row or column) is a merged cell; elsewhere only a
 *             span reaching across the edge into an empty slot joins them
 *   cells     slots joined without walls, the spans whose centres fall in
 *             them in reading order
 *   used      the columns some span falls in (the others are spacers
 *             between two rulings, dropped once all pages are stitched)
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "geomcols.h"
#include "geomgroup.h"
#include "geomlayout.h"
#include "rowwrap.h"
#include "utf8.h"

/* Rulings this far (pt) outside the text still belong to the table. */
#define FRAME_MARGIN	80.0
/* Share of an edge a ruling must cover to be a wall there. */
#define WALL_COVER	0.5
/* Share of the table's width a horizontal ruling covers to close a band. */
#define CLOSE_COVER	0.6

/* A text column: an x range (struct ival from geomrule.h). */
#define xcomp ival

static double
span_cx(const struct tspan *s)
{
	return (s->x0 + s->x1) / 2;
}

static void
span_box(struct glayout *lay)
{
	int i, k;

	lay->x0 = lay->y0 = 1e18;
	lay->x1 = lay->y1 = -1e18;
	for (i = 0; i < lay->nlines; i++)
		for (k = 0; k < lay->lines[i].n; k++) {
			const struct tspan *s = &lay->v[lay->lines[i].spans[k]];

			lay->x0 = fmin(lay->x0, s->x0);
			lay->y0 = fmin(lay->y0, s->y0);
			lay->x1 = fmax(lay->x1, s->x1);
			lay->y1 = fmax(lay->y1, s->y1);
		}
}

/* Keep the separators that can bound this table's text. */
static void
trim_seps(struct glayout *lay)
{
	struct gseps *h = &lay->hs, *vv = &lay->vs;
	int i, m;

	for (i = m = 0; i < h->n; i++) {
		struct gsep *s = &h->v[i];

		if (s->pos < lay->y0 - FRAME_MARGIN || s->pos > lay->y1 +
		    FRAME_MARGIN || s->hi < lay->x0 - FRAME_MARGIN ||
		    s->lo > lay->x1 + FRAME_MARGIN) {
			free(s->cover);
			continue;
		}
		h->v[m++] = *s;
	}
	h->n = m;
	for (i = m = 0; i < vv->n; i++) {
		struct gsep *s = &vv->v[i];

		if (s->pos < lay->x0 - FRAME_MARGIN || s->pos > lay->x1 +
		    FRAME_MARGIN || s->hi < lay->y0 || s->lo > lay->y1 ||
		    s->hi - s->lo < 4) {
			free(s->cover);
			continue;
		}
		vv->v[m++] = *s;
	}
	vv->n = m;
}

static void
add_boundary(struct glayout *lay, double x, int rule)
{
	lay->xb = xreallocarray(lay->xb, (size_t)lay->ncols + 2,
	    sizeof(*lay->xb));
	lay->xrule = xreallocarray(lay->xrule, (size_t)lay->ncols + 2,
	    sizeof(*lay->xrule));
	lay->xb[lay->ncols] = x;
	lay->xrule[lay->ncols++] = rule;
}

struct xb_sort {
	double	 x;
	int	 rule;
};

static int
cmp_xb(const void *a, const void *b)
{
	const struct xb_sort *x = a, *y = b;

	return x->x < y->x ? -1 : x->x > y->x;
}

/*
 * Is a gap between text columns at x a column boundary?  Lines with
 * words on both sides of it (between the rulings around it) speak for
 * it, lines with a span across it against: the words of a justified
 * line in a ruled cell leave gaps that the cell's other lines cross.
 * Inside a ruled column the text must say so more clearly.
 */
static void
gap_votes(const struct tspan *v, const struct gline *lines, int nlines,
    double x, double lo, double hi, int *support, int *against)
{
	int i, k, side, prev = 0;

	*support = *against = 0;
	for (i = 0; i < nlines; i++) {
		side = 0;		/* 1 left, 2 right, 4 across */
		for (k = 0; k < lines[i].n; k++) {
			const struct tspan *s = &v[lines[i].spans[k]];

			if (span_is_superscript(s, &lines[i]))
				continue;
			if (s->x1 <= x && s->x0 >= lo)
				side |= 1;
			else if (s->x0 >= x && s->x1 <= hi)
				side |= 2;
			else if (s->x0 < x - 1 && s->x1 > x + 1)
				side |= 4;
		}
		*support += (side & 3) == 3;
		*against += (side & 4) != 0;
		/* Two lines that overlap, words on either side: one line
		 * of cells set a little apart (a heading of two lines
		 * centred beside one of one: 功能分类 / 科目编码 beside
		 * 科目名称). */
		if (i > 0 && (prev | side) == 3 && prev != 3 && side != 3 &&
		    prev != 0 && side != 0 && lines[i].page ==
		    lines[i - 1].page && lines[i].top < lines[i - 1].bottom)
			(*support)++;
		prev = side;
	}
}

/* The vertical separators nearest x on either side: is x between two? */
static int
gap_ruled(const struct glayout *lay, double x, double *lo, double *hi)
{
	int k;

	*lo = -1e18;
	*hi = 1e18;
	for (k = 0; k < lay->vs.n; k++) {
		if (lay->vs.v[k].pos < x && lay->vs.v[k].pos > *lo)
			*lo = lay->vs.v[k].pos;
		if (lay->vs.v[k].pos > x && lay->vs.v[k].pos < *hi)
			*hi = lay->vs.v[k].pos;
	}
	return *lo > -1e18 && *hi < 1e18;
}

static int
gap_supported(const struct glayout *lay, double x)
{
	double lo, hi;
	int support, against, ruled;

	ruled = gap_ruled(lay, x, &lo, &hi);
	gap_votes(lay->v, lay->lines, lay->nlines, x, lo, hi, &support,
	    &against);
	if (ruled)
		return support >= 2 && against * 4 <= support;
	return support >= 1 && against * 2 <= support;
}

/* What a text column holds: header words, body words. */
#define HOLDS_HEAD	1
#define HOLDS_BODY	2

static int *
column_parts(const struct glayout *lay, const struct xcomp *tc, int ntc)
{
	int *parts, i, k, c, lo, hi;

	parts = xcalloc((size_t)ntc + 1, sizeof(int));
	for (i = 0; i < lay->nlines; i++)
		for (k = 0; k < lay->lines[i].n; k++) {
			const struct tspan *s = &lay->v[lay->lines[i].spans[k]];
			double cx = (s->x0 + s->x1) / 2;

			for (lo = 0, hi = ntc - 1, c = -1; lo <= hi && c < 0;) {
				int mid = (lo + hi) / 2;

				if (cx < tc[mid].lo)
					hi = mid - 1;
				else if (cx > tc[mid].hi)
					lo = mid + 1;
				else
					c = mid;
			}
			if (c >= 0)
				parts[c] |= s->part == 1 ? HOLDS_HEAD :
				    s->part == 2 ? HOLDS_BODY : 0;
		}
	return parts;
}

/*
 * A column's heading that stands clear of its words: short numbers set
 * right under a heading centred in a wide cell (小计 over 0.00).  A text
 * column of header words only beside one of body words only is one
 * column; between two such neighbours, the nearer.  Returns, for each
 * gap between text columns, whether it is no boundary.
 */
static int *
lone_headings(const struct glayout *lay, const struct xcomp *tc, int ntc)
{
	int *parts, *join, i, j;

	join = xcalloc((size_t)ntc + 1, sizeof(int));
	parts = column_parts(lay, tc, ntc);
	for (i = 0; i < ntc; i++) {
		if (parts[i] != HOLDS_HEAD)
			continue;
		j = -1;
		if (i > 0 && parts[i - 1] == HOLDS_BODY)
			j = i - 1;
		if (i + 1 < ntc && parts[i + 1] == HOLDS_BODY && (j < 0 ||
		    tc[i + 1].lo - tc[i].hi < tc[i].lo - tc[i - 1].hi))
			j = i + 1;
		if (j >= 0)
			join[j < i ? j : i] = 1;
	}
	free(parts);
	return join;
}

/* A dash, a slash: a mark standing for nothing, no word, no number. */
static int
is_mark(const char *p)
{
	size_t n = strlen(p), k = 0;
	int32_t ch;

	while (k < n) {
		k += utf8_decode(p + k, n - k, &ch);
		if ((ch >= '0' && ch <= '9') || (ch >= 'A' && ch <= 'Z') ||
		    (ch >= 'a' && ch <= 'z') || uc_is_cjk(ch))
			return 0;
	}
	return n > 0;
}

/*
 * Text column c's spans: mark[] gets the lines holding one; returns 1
 * if every span of c is a mark.
 */
static int
marks_only(const struct glayout *lay, const struct xcomp *tc, int c,
    char *mark)
{
	int i, k, any = 0;

	for (i = 0; i < lay->nlines; i++)
		for (k = 0; k < lay->lines[i].n; k++) {
			const struct tspan *s = &lay->v[lay->lines[i].spans[k]];
			double cx = span_cx(s);

			if (cx < tc[c].lo || cx > tc[c].hi)
				continue;
			if (!is_mark(s->text))
				return 0;
			mark[i] = any = 1;
		}
	return any;
}

/* Does text column c hold a span on one of the lines marked? */
static int
column_meets(const struct glayout *lay, const struct xcomp *tc, int c,
    const char *mark)
{
	int i, k;

	for (i = 0; i < lay->nlines; i++) {
		if (!mark[i])
			continue;
		for (k = 0; k < lay->lines[i].n; k++) {
			double cx = span_cx(&lay->v[lay->lines[i].spans[k]]);

			if (cx >= tc[c].lo && cx <= tc[c].hi)
				return 1;
		}
	}
	return 0;
}

/*
 * A text column of dashes only is no column: a dash printed at a cell's
 * left edge where the column's numbers stand right (增减率: - under
 * -92.51%).  It joins the neighbour that has nothing on its lines,
 * the nearer if both.  Sets join[] for the gap that is no boundary.
 */
static void
mark_columns(const struct glayout *lay, const struct xcomp *tc, int ntc,
    int *join)
{
	char *mark;
	int i, left, right;

	mark = xmalloc((size_t)lay->nlines + 1);
	for (i = 0; i < ntc; i++) {
		memset(mark, 0, (size_t)lay->nlines + 1);
		if (ntc < 2 || !marks_only(lay, tc, i, mark))
			continue;
		left = i > 0 && !column_meets(lay, tc, i - 1, mark);
		right = i + 1 < ntc && !column_meets(lay, tc, i + 1, mark);
		if (left && right)
			left = tc[i].lo - tc[i - 1].hi < tc[i + 1].lo - tc[i].hi;
		if (left)
			join[i - 1] = 1;
		else if (right)
			join[i] = 1;
	}
	free(mark);
}

/*
 * Column boundaries: every vertical separator, and between two text
 * columns with no separator between them, the middle of their gap.
 * lay->ncols counts boundaries while this runs, columns after.
 */
static void
find_columns(struct glayout *lay)
{
	struct xcomp *tc;
	struct xb_sort *b;
	double x, lo, hi;
	int ntc, i, k, nb = 0, m, between, *join;

	if (lay->shared) {
		/* The columns all pages of the table share. */
		ntc = lay->nshared;
		tc = xmalloc(sizeof(*tc) * ((size_t)ntc + 1));
		memcpy(tc, lay->shared, sizeof(*tc) * (size_t)ntc);
	} else
		ntc = gcols_find(lay->v, lay->lines, lay->nlines, &tc);
	join = lone_headings(lay, tc, ntc);
	mark_columns(lay, tc, ntc, join);
	b = xmalloc(sizeof(*b) * ((size_t)lay->vs.n + (size_t)ntc + 3));
	for (i = 0; i < lay->vs.n; i++) {
		b[nb].x = lay->vs.v[i].pos;
		b[nb++].rule = i;
	}
	for (i = 0; i + 1 < ntc; i++) {
		between = 0;
		for (k = 0; k < lay->vs.n; k++)
			if (lay->vs.v[k].pos > tc[i].hi - 1 &&
			    lay->vs.v[k].pos < tc[i + 1].lo + 1)
				between = 1;
		x = (tc[i].hi + tc[i + 1].lo) / 2;
		/* Columns shared by the pages of a table had their gaps
		 * judged over all pages (glayout_text_columns). */
		if (between || join[i] || (!(lay->shared && !gap_ruled(lay,
		    x, &lo, &hi)) && !gap_supported(lay, x)))
			continue;
		b[nb].x = (tc[i].hi + tc[i + 1].lo) / 2;
		b[nb++].rule = -1;
	}
	b[nb].x = lay->x0 - 1;
	b[nb++].rule = -1;
	b[nb].x = lay->x1 + 1;
	b[nb++].rule = -1;
	qsort(b, (size_t)nb, sizeof(*b), cmp_xb);
	/* Boundaries closer than a separator's snap are one; a ruled one
	 * wins, and the text's outer edges give way to a frame. */
	for (i = m = 0; i < nb; i++) {
		if (m > 0 && b[i].x - b[m - 1].x < SEP_SNAP * 2) {
			if (b[i].rule >= 0 && b[m - 1].rule < 0)
				b[m - 1] = b[i];
			continue;
		}
		b[m++] = b[i];
	}
	/* Outer edges inside a frame are no boundaries. */
	lay->ncols = 0;
	for (i = 0; i < m; i++) {
		if (b[i].rule < 0 && (b[i].x == lay->x0 - 1 || b[i].x ==
		    lay->x1 + 1)) {
			int outside = 0;

			for (k = 0; k < m; k++)
				if (b[k].rule >= 0 && ((b[i].x < lay->x0 &&
				    b[k].x < b[i].x) || (b[i].x > lay->x1 &&
				    b[k].x > b[i].x)))
					outside = 1;
			if (outside)
				continue;
		}
		add_boundary(lay, b[i].x, b[i].rule);
	}
	lay->ncols--;
	free(join);
	free(b);
	free(tc);
}

/* The column a point falls in, by binary search on the boundaries. */
int
glayout_column_of(const struct glayout *lay, double x)
{
	int lo = 0, hi = lay->ncols - 1, mid;

	if (lay->ncols <= 0)
		return -1;
	if (x < lay->xb[0])
		return 0;
	while (lo < hi) {
		mid = (lo + hi + 1) / 2;
		if (lay->xb[mid] <= x)
			lo = mid;
		else
			hi = mid - 1;
	}
	return lo;
}

/* How far right each column's words reach: where its text wraps. */
static void
text_extents(struct glayout *lay)
{
	int i, k, c;

	lay->textmax = xmalloc(sizeof(double) * ((size_t)lay->ncols + 1));
	for (c = 0; c < lay->ncols; c++)
		lay->textmax[c] = -1e18;
	for (i = 0; i < lay->nlines; i++)
		for (k = 0; k < lay->lines[i].n; k++) {
			const struct tspan *s = &lay->v[lay->lines[i].spans[k]];

			if (span_is_number(s))
				continue;
			c = glayout_column_of(lay, span_cx(s));
			lay->textmax[c] = fmax(lay->textmax[c], s->x1);
		}
}

/* ------------------------------------------------------------------ rows */

static int
closes(const struct glayout *lay, const struct gsep *s)
{
	return gsep_covered(s, lay->x0, lay->x1) >= CLOSE_COVER;
}

/*
 * Several rows in one band: numbers on two lines in each of two columns,
 * or on three lines in one.  A long number wrapped in its cell (a
 * 21-digit project code) puts two numbers in one column only.
 */
static int
band_has_rows(const struct glayout *lay, int first, int n)
{
	int *count, *last, i, k, c, twice = 0, most = 0;

	count = xcalloc((size_t)lay->ncols + 1, sizeof(int));
	last = xcalloc((size_t)lay->ncols + 1, sizeof(int));
	for (i = first; i < first + n; i++)
		for (k = 0; k < lay->lines[i].n; k++) {
			const struct tspan *s = &lay->v[lay->lines[i].spans[k]];

			if (!span_is_number(s))
				continue;
			c = glayout_column_of(lay, span_cx(s));
			if (c < 0 || last[c] == i + 1)
				continue;
			last[c] = i + 1;
			if (++count[c] == 2)
				twice++;
			most = count[c] > most ? count[c] : most;
		}
	free(count);
	free(last);
	return twice >= 2 || most >= 3;
}

/* Two vertical rulings run through the whole band: a lattice's row. */
static int
band_boxed(const struct glayout *lay, double top, double bottom)
{
	double pad = (bottom - top) * 0.1;
	int k, n = 0;

	for (k = 0; k < lay->vs.n; k++)
		if (gsep_covered(&lay->vs.v[k], top + pad, bottom - pad) >= 0.9)
			n++;
	return n >= 2;
}

/* Lines (at least `need`) with words in two columns: rows of a table. */
static int
band_is_tabular(const struct glayout *lay, int first, int n, int need)
{
	int i, k, c, c0, multi = 0;

	for (i = first; i < first + n; i++) {
		c0 = -1;
		for (k = 0; k < lay->lines[i].n; k++) {
			c = glayout_column_of(lay,
			    span_cx(&lay->v[lay->lines[i].spans[k]]));
			if (c0 >= 0 && c != c0) {
				multi++;
				break;
			}
			c0 = c;
		}
	}
	return multi >= need;
}

static void
add_row(struct glayout *lay, double top, double bottom, int rtop, int rbot,
    int first, int n)
{
	struct lrow *r;

	lay->rows = xreallocarray(lay->rows, (size_t)lay->nrows + 1,
	    sizeof(*lay->rows));
	r = &lay->rows[lay->nrows++];
	r->top = top;
	r->bottom = bottom;
	r->ruled_top = rtop;
	r->ruled_bottom = rbot;
	r->first = first;
	r->nlines = n;
}

/*
 * One band between separators (or the table's edge): lines [first,
 * first + n).  rtop/rbot: the separator above and below, or -1.
 */
static void
band_rows(struct glayout *lay, int first, int n, double top, double bottom,
    int rtop, int rbot)
{
	int closed, ruled, i, *group, ng, g, start;

	/*
	 * A band boxed by uprights is a lattice's row: its lines are one
	 * row's wrapped cells.  Level rules alone (a three-line table) may
	 * close several header rows or body rows between them: lines of
	 * numbers, of words in several columns, or a list of items (（三十）
	 * 转移性支出 …, a table's last rows, labels without amounts).
	 */
	closed = rtop >= 0 && rbot >= 0 && band_boxed(lay, top, bottom);
	ruled = rtop >= 0 && rbot >= 0 && closes(lay, &lay->hs.v[rtop]) &&
	    closes(lay, &lay->hs.v[rbot]);
	if (n == 1 || (closed && !band_has_rows(lay, first, n)) ||
	    (!closed && !band_has_rows(lay, first, n) &&
	    !band_is_tabular(lay, first, n, ruled ? 2 : 3) &&
	    rowwrap_items(lay, first, n) < 2)) {
		add_row(lay, top, bottom, rtop >= 0, rbot >= 0, first, n);
		return;
	}
	/* Every line a row, wrapped ones joined. */
	group = xmalloc(sizeof(int) * (size_t)n);
	ng = rowwrap_groups(lay, first, n, group);
	start = 0;
	for (g = 0; g < ng; g++) {
		for (i = start; i < n && group[i] == g; i++)
			;
		add_row(lay,
		    start == 0 ? top : (lay->lines[first + start - 1].bottom +
		    lay->lines[first + start].top) / 2,
		    i == n ? bottom : (lay->lines[first + i - 1].bottom +
		    lay->lines[first + i].top) / 2,
		    start == 0 && rtop >= 0, i == n && rbot >= 0,
		    first + start, i - start);
		start = i;
	}
	free(group);
}

/*
 * Text a cell could not hold runs over the ruling under it: a line
 * sitting on the ruling, set as tight under the band's last line as
 * the stacked characters above it, is still the band's.
 */
static int
overflows(const struct glayout *lay, int first, int i, double bottom)
{
	const struct gline *l = &lay->lines[i], *p;
	int k;

	if (l->top >= bottom || l->cy - bottom > 0.4 * l->height)
		return 0;
	for (k = i - 1; k >= first; k--) {
		p = &lay->lines[k];
		if (l->top - p->bottom < 0.3 * l->height && l->left <
		    p->right && l->right > p->left)
			return 1;
	}
	return 0;
}

static void
find_rows(struct glayout *lay)
{
	int i, h, first;
	double top, bottom;

	i = 0;
	for (h = -1; h < lay->hs.n && i < lay->nlines; h++) {
		top = h < 0 ? lay->y0 - 1 : lay->hs.v[h].pos;
		bottom = h + 1 < lay->hs.n ? lay->hs.v[h + 1].pos :
		    lay->y1 + 1;
		first = i;
		while (i < lay->nlines && (lay->lines[i].cy < bottom ||
		    overflows(lay, first, i, bottom)))
			i++;
		if (i > first)
			band_rows(lay, first, i - first, top, bottom, h,
			    h + 1 < lay->hs.n ? h + 1 : -1);
	}
}

/* ----------------------------------------------------------------- walls */

static int
find(int *parent, int x)
{
	while (parent[x] != x) {
		parent[x] = parent[parent[x]];
		x = parent[x];
	}
	return x;
}

static void
unite(int *parent, int a, int b)
{
	a = find(parent, a);
	b = find(parent, b);
	if (a != b)
		parent[b > a ? b : a] = b > a ? a : b;
}

/* The separator at a row boundary: the row's ruled top, or -1. */
static int
hsep_at(const struct glayout *lay, double y)
{
	return gseps_near(&lay->hs, y, SEP_SNAP);
}

/* Whether vertical separator k covers the rows r0..r1 mostly. */
static int
vsep_covers(const struct glayout *lay, int k, int r0, int r1)
{
	double lo = lay->rows[r0].top, hi = lay->rows[r1].bottom;
	double pad = (hi - lo) * 0.15;

	return k >= 0 && gsep_covered(&lay->vs.v[k], lo + pad, hi - pad) >=
	    WALL_COVER;
}

static int
hsep_covers(const struct glayout *lay, int k, int c)
{
	double lo = lay->xb[c], hi = lay->xb[c + 1];
	double pad = (hi - lo) * 0.15;

	return k >= 0 && gsep_covered(&lay->hs.v[k], lo + pad, hi - pad) >=
	    WALL_COVER;
}

/* Does a span of row r reach across boundary c into an empty slot? */
static int
reaches_across(const struct glayout *lay, const int *owner, int r, int c)
{
	const struct lrow *row = &lay->rows[r];
	double x = lay->xb[c];
	int i, k, side;

	for (i = row->first; i < row->first + row->nlines; i++)
		for (k = 0; k < lay->lines[i].n; k++) {
			const struct tspan *s = &lay->v[lay->lines[i].spans[k]];

			if (s->x0 > x - 1.0 || s->x1 < x + 1.0)
				continue;
			/* The slot on the far side from its centre. */
			side = span_cx(s) < x ? c : c - 1;
			if (owner[r * lay->ncols + side] == 0)
				return 1;
		}
	return 0;
}

/* Spans whose centre falls in each slot: 0 if none. */
static int *
slot_owners(const struct glayout *lay, int *rowof)
{
	int *owner, r, i, k, c;

	owner = xcalloc((size_t)lay->nrows * (size_t)lay->ncols + 1,
	    sizeof(int));
	for (r = 0; r < lay->nrows; r++)
		for (i = lay->rows[r].first; i < lay->rows[r].first +
		    lay->rows[r].nlines; i++) {
			rowof[i] = r;
			for (k = 0; k < lay->lines[i].n; k++) {
				c = glayout_column_of(lay,
				    span_cx(&lay->v[lay->lines[i].spans[k]]));
				owner[r * lay->ncols + c]++;
			}
		}
	return owner;
}

/*
 * A vertical ruling that runs through most rows is the grid's: where
 * it is missing from a closed row, two slots are one cell.  One drawn
 * only between header cells says nothing of the body's rows: there the
 * slots are one only if one of them is empty (words on both sides are
 * two cells), and the row holds no number (a total's label beside its
 * blank neighbours is a cell of its own) or the text stands centred
 * across the two.
 */
static int
row_has_number(const struct glayout *lay, int r)
{
	int i, k;

	for (i = lay->rows[r].first; i < lay->rows[r].first +
	    lay->rows[r].nlines; i++)
		for (k = 0; k < lay->lines[i].n; k++)
			if (span_is_number(&lay->v[lay->lines[i].spans[k]]))
				return 1;
	return 0;
}

/* Is the text next to boundary c in row r centred over both slots? */
static int
centred_across(const struct glayout *lay, int r, int c)
{
	double lo = lay->xb[c - 1], mid = lay->xb[c], hi = lay->xb[c + 1];
	double both = (lo + hi) / 2, cx;
	int i, k, n = 0;

	for (i = lay->rows[r].first; i < lay->rows[r].first +
	    lay->rows[r].nlines; i++)
		for (k = 0; k < lay->lines[i].n; k++) {
			const struct tspan *s = &lay->v[lay->lines[i].spans[k]];

			cx = span_cx(s);
			if (cx < lo || cx > hi)
				continue;
			n++;
			if (fabs(cx - both) >= fabs(cx - (cx < mid ?
			    (lo + mid) / 2 : (mid + hi) / 2)))
				return 0;
		}
	return n > 0;
}

static int *
structural_vseps(const struct glayout *lay)
{
	int *full, c, r, k, n, top, gap;

	full = xcalloc((size_t)lay->ncols + 1, sizeof(int));
	for (c = 1; c < lay->ncols; c++) {
		if ((k = lay->xrule[c]) < 0)
			continue;
		for (r = n = 0, top = 1, gap = 0; r < lay->nrows; r++) {
			if (vsep_covers(lay, k, r, r)) {
				n++;
				if (gap)
					top = 0;	/* below a row without it */
			} else if (n > 0)
				gap = 1;
		}
		/* Most rows, or rows below rows without it: the grid's.
		 * Only the top rows (a header's uprights): not. */
		full[c] = n * 2 >= lay->nrows || !top;
	}
	return full;
}

/*
 * Join row r to row r - 1 where the ruling between them is missing under
 * a whole cell of row r - 1 that row r repeats (same columns), and the
 * cell's sides are ruled down through both rows: a lattice's rowspan.
 * Cells are compared whole, so a merged cell over three columns whose
 * inner rulings start lower still finds its sides.
 */
static void
join_down(struct glayout *lay, int *parent, int r)
{
	int nc = lay->ncols, k, a, b, c, missing;

	k = hsep_at(lay, lay->rows[r].top);
	if (k < 0)
		return;
	for (a = 0; a < nc; a = b + 1) {
		/* The cell of row r - 1 starting at column a: [a, b]. */
		for (b = a; b + 1 < nc && find(parent, (r - 1) * nc + b + 1) ==
		    find(parent, (r - 1) * nc + a); b++)
			;
		for (c = a, missing = 1; c <= b && missing; c++)
			missing = !hsep_covers(lay, k, c);
		if (!missing)
			continue;
		/* Row r must hold the same span of columns as one cell. */
		for (c = a + 1; c <= b; c++)
			if (find(parent, r * nc + c) != find(parent, r * nc + a))
				break;
		if (c <= b || (b + 1 < nc && find(parent, r * nc + b + 1) ==
		    find(parent, r * nc + b)) || (a > 0 &&
		    find(parent, r * nc + a - 1) == find(parent, r * nc + a)))
			continue;
		if (vsep_covers(lay, lay->xrule[a], r - 1, r) &&
		    vsep_covers(lay, lay->xrule[b + 1], r - 1, r))
			unite(parent, (r - 1) * nc + a, r * nc + a);
	}
}

static int
ruled_above(const struct glayout *lay, int r, int c)
{
	return lay->rows[r].ruled_top &&
	    hsep_covers(lay, hsep_at(lay, lay->rows[r].top), c);
}

static int
ruled_below(const struct glayout *lay, int r, int c)
{
	return lay->rows[r].ruled_bottom &&
	    hsep_covers(lay, hsep_at(lay, lay->rows[r].bottom), c);
}

/* The mean vertical centre of row r's spans in column c. */
static double
slot_centre(const struct glayout *lay, int r, int c, double *height)
{
	double sum = 0;
	int i, k, n = 0;

	*height = 0;
	for (i = lay->rows[r].first; i < lay->rows[r].first +
	    lay->rows[r].nlines; i++)
		for (k = 0; k < lay->lines[i].n; k++) {
			const struct tspan *s = &lay->v[lay->lines[i].spans[k]];

			if (glayout_column_of(lay, span_cx(s)) != c)
				continue;
			sum += (s->y0 + s->y1) / 2;
			*height = fmax(*height, lay->lines[i].height);
			n++;
		}
	return n ? sum / n : 0;
}

/*
 * In column c, rows between two rulings that cover it, with no ruling
 * between them over c, whose only text stands at their middle: one cell
 * spanning them (a year beside its Men, Women and Total rows).
 */
static void
centred_rowspans(struct glayout *lay, const int *owner, int *parent, int c)
{
	int nc = lay->ncols, r, rb, m, k, filled;
	double mid, cy, h;

	for (r = 0; r < lay->nrows; r = rb + 1) {
		rb = r;
		if (!ruled_above(lay, r, c))
			continue;
		while (rb + 1 < lay->nrows && !ruled_above(lay, rb + 1, c))
			rb++;
		if (rb == r || !ruled_below(lay, rb, c))
			continue;
		for (k = r, filled = 0, m = -1; k <= rb; k++)
			if (owner[k * nc + c]) {
				filled++;
				m = k;
			}
		if (filled != 1)
			continue;
		mid = (lay->rows[r].top + lay->rows[rb].bottom) / 2;
		cy = slot_centre(lay, m, c, &h);
		if (fabs(cy - mid) > 0.6 * h)
			continue;
		for (k = r; k < rb; k++)
			unite(parent, k * nc + c, (k + 1) * nc + c);
	}
}

/*
 * The first of row r's spans in column c (with last set, the last),
 * its core in y0, y1; NULL if the slot is empty.
 */
static const struct tspan *
slot_span(const struct glayout *lay, int r, int c, int last, double *y0,
    double *y1)
{
	const struct tspan *s, *found = NULL;
	int i, k;

	for (i = lay->rows[r].first; i < lay->rows[r].first +
	    lay->rows[r].nlines; i++)
		for (k = 0; k < lay->lines[i].n; k++) {
			s = &lay->v[lay->lines[i].spans[k]];
			if (glayout_column_of(lay, span_cx(s)) != c)
				continue;
			if (found == NULL || last)
				found = s;
		}
	if (found)
		span_core(found, y0, y1);
	return found;
}

/*
 * A level rule between rows r - 1 and r stops short of column c (it
 * closes a group heading's row only), and the text of c goes on across
 * it: the last line above and the first below set tight, on one centre
 * or one left edge.  One cell over both rows (english-01: Change in
 * actual / (%) beside FY 2022 over Budget, Actual).
 */
static int
text_crosses(const struct glayout *lay, int r, int c)
{
	const struct tspan *a, *b;
	double ay0, ay1, by0, by1, h;

	a = slot_span(lay, r - 1, c, 1, &ay0, &ay1);
	b = slot_span(lay, r, c, 0, &by0, &by1);
	if (a == NULL || b == NULL || span_is_number(a) || span_is_number(b))
		return 0;
	h = fmin(ay1 - ay0, by1 - by0);
	if (by0 < ay1 - 0.3 * h || by0 - ay1 > 0.3 * h)
		return 0;
	return fabs((a->x0 + a->x1) - (b->x0 + b->x1)) < 5 ||
	    fabs(a->x0 - b->x0) < 2.5;
}

static void
join_across_short_rules(struct glayout *lay, int *parent)
{
	int r, c, k, nc = lay->ncols;

	for (r = 1; r < lay->nrows; r++) {
		if (!lay->rows[r].ruled_top ||
		    (k = hsep_at(lay, lay->rows[r].top)) < 0 ||
		    closes(lay, &lay->hs.v[k]))
			continue;
		for (c = 0; c < nc; c++)
			if (!hsep_covers(lay, k, c) && text_crosses(lay, r, c))
				unite(parent, (r - 1) * nc + c, r * nc + c);
	}
}

static void
join_slots(struct glayout *lay, const int *owner, int *parent)
{
	int r, c, k, nc = lay->ncols, wall, *full;

	full = structural_vseps(lay);
	for (r = 0; r < lay->nrows; r++)
		for (c = 1; c < nc; c++) {
			k = lay->xrule[c];
			if (vsep_covers(lay, k, r, r))
				wall = 1;
			else if (k >= 0 && lay->rows[r].ruled_top &&
			    lay->rows[r].ruled_bottom && (full[c] ||
			    ((!owner[r * nc + c - 1] || !owner[r * nc + c]) &&
			    (!row_has_number(lay, r) ||
			    centred_across(lay, r, c)))))
				wall = 0;	/* a lattice's merged cell */
			else
				wall = !reaches_across(lay, owner, r, c);
			if (!wall)
				unite(parent, r * nc + c - 1, r * nc + c);
		}
	free(full);
	for (r = 1; r < lay->nrows; r++)
		if (lay->rows[r].ruled_top)
			join_down(lay, parent, r);
	for (c = 0; c < nc; c++)
		centred_rowspans(lay, owner, parent, c);
	join_across_short_rules(lay, parent);
}

/* Is slot (r, c) a cell of its own, not joined across to c - 1, c + 1? */
static int
slot_alone(const struct glayout *lay, int *parent, int r, int c)
{
	int nc = lay->ncols, me = find(parent, r * nc + c);

	return (c == 0 || find(parent, r * nc + c - 1) != me) &&
	    (c + 1 == nc || find(parent, r * nc + c + 1) != me);
}

/* A group's name spans its rows (geomgroup.c). */
static void
join_groups(struct glayout *lay, const int *owner, int *parent)
{
	struct ggroup *g;
	int n, i, r, ok, nc = lay->ncols;

	n = geomgroup_find(lay, owner, &g);
	for (i = 0; i < n; i++) {
		for (r = g[i].r0, ok = 1; r <= g[i].r1 && ok; r++)
			ok = slot_alone(lay, parent, r, g[i].col);
		for (r = g[i].r0 + 1; ok && r <= g[i].r1; r++)
			unite(parent, (r - 1) * nc + g[i].col,
			    r * nc + g[i].col);
	}
	free(g);
}

static void
make_cells(struct glayout *lay, const int *parent, const int *rowof)
{
	int nslots = lay->nrows * lay->ncols, s, r, c, root, i, k, id;
	int *cellof;

	cellof = xmalloc(sizeof(int) * ((size_t)nslots + 1));
	for (s = 0; s < nslots; s++)
		cellof[s] = -1;
	lay->slot = xmalloc(sizeof(int) * ((size_t)nslots + 1));
	for (s = 0; s < nslots; s++) {
		root = find((int *)parent, s);
		if (cellof[root] < 0) {
			struct lcell *cl;

			lay->cells = xreallocarray(lay->cells,
			    (size_t)lay->ncells + 1, sizeof(*lay->cells));
			cl = &lay->cells[lay->ncells];
			memset(cl, 0, sizeof(*cl));
			cl->r0 = cl->r1 = s / lay->ncols;
			cl->c0 = cl->c1 = s % lay->ncols;
			cl->x0 = cl->y0 = 1e18;
			cl->x1 = cl->y1 = -1e18;
			cellof[root] = lay->ncells++;
		}
		id = cellof[root];
		r = s / lay->ncols;
		c = s % lay->ncols;
		if (r < lay->cells[id].r0) lay->cells[id].r0 = r;
		if (r > lay->cells[id].r1) lay->cells[id].r1 = r;
		if (c < lay->cells[id].c0) lay->cells[id].c0 = c;
		if (c > lay->cells[id].c1) lay->cells[id].c1 = c;
		lay->slot[s] = id;
	}
	/* Spans in reading order: lines top down, each left to right. */
	for (i = 0; i < lay->nlines; i++)
		for (k = 0; k < lay->lines[i].n; k++) {
			const struct tspan *sp = &lay->v[lay->lines[i].spans[k]];
			struct lcell *cl;

			c = glayout_column_of(lay, span_cx(sp));
			cl = &lay->cells[lay->slot[rowof[i] * lay->ncols + c]];
			cl->spans = xreallocarray(cl->spans, (size_t)cl->n + 1,
			    sizeof(int));
			cl->spans[cl->n++] = lay->lines[i].spans[k];
			cl->x0 = fmin(cl->x0, sp->x0);
			cl->y0 = fmin(cl->y0, sp->y0);
			cl->x1 = fmax(cl->x1, sp->x1);
			cl->y1 = fmax(cl->y1, sp->y1);
		}
	free(cellof);
}

/* ----------------------------------------------------------------- prune */

/* The columns some span falls in; the others are spacers between rules. */
static void
used_columns(struct glayout *lay)
{
	int i, k;

	lay->colused = xcalloc((size_t)lay->ncols + 1, sizeof(int));
	for (i = 0; i < lay->ncells; i++)
		for (k = 0; k < lay->cells[i].n; k++)
			lay->colused[glayout_column_of(lay,
			    span_cx(&lay->v[lay->cells[i].spans[k]]))] = 1;
}

/*
 * The text columns of spans idx[0..n) of v, however many pages they lie
 * on: a table continued over pages keeps its columns, and a page with few
 * rows (or a long label only there) should not redraw them.  A gap
 * between two is judged over all pages too, as gap_supported does for
 * text without uprights: a last page whose total's label crosses the
 * gap between codes and names ("人员经费合计") still has both columns.
 */
int
glayout_text_columns(const struct tspan *v, const int *idx, int n,
    struct ival **out)
{
	struct gline *lines;
	int nlines, nc, i, m, support, against;
	double x;

	nlines = glines_build(v, idx, n, &lines);
	nc = gcols_find(v, lines, nlines, out);
	for (i = m = 0; i < nc; i++) {
		if (m > 0) {
			x = ((*out)[m - 1].hi + (*out)[i].lo) / 2;
			gap_votes(v, lines, nlines, x, -1e18, 1e18, &support,
			    &against);
			if (support < 1 || against * 2 > support) {
				(*out)[m - 1].hi = (*out)[i].hi;
				continue;
			}
		}
		(*out)[m++] = (*out)[i];
	}
	glines_free(lines, nlines);
	return m;
}

void
glayout_build(struct glayout *lay, const struct tspan *v, const int *idx,
    int n, const struct trule *rules, int nrules, long page,
    const struct ival *shared, int nshared)
{
	int *parent, *owner, *rowof, i, nslots;

	memset(lay, 0, sizeof(*lay));
	lay->v = v;
	lay->page = page;
	lay->shared = shared;
	lay->nshared = nshared;
	lay->nlines = glines_build(v, idx, n, &lay->lines);
	if (lay->nlines == 0)
		return;
	span_box(lay);
	gseps_build(rules, nrules, page, 0, &lay->hs);
	gseps_build(rules, nrules, page, 1, &lay->vs);
	trim_seps(lay);
	find_columns(lay);
	text_extents(lay);
	find_rows(lay);
	nslots = lay->nrows * lay->ncols;
	parent = xmalloc(sizeof(int) * ((size_t)nslots + 1));
	for (i = 0; i < nslots; i++)
		parent[i] = i;
	rowof = xmalloc(sizeof(int) * ((size_t)lay->nlines + 1));
	owner = slot_owners(lay, rowof);
	join_slots(lay, owner, parent);
	join_groups(lay, owner, parent);
	make_cells(lay, parent, rowof);
	used_columns(lay);
	free(owner);
	free(rowof);
	free(parent);
}

void
glayout_free(struct glayout *lay)
{
	int i;

	for (i = 0; i < lay->ncells; i++)
		free(lay->cells[i].spans);
	free(lay->cells);
	free(lay->slot);
	free(lay->rows);
	free(lay->xb);
	free(lay->xrule);
	free(lay->textmax);
	free(lay->colused);
	gseps_free(&lay->hs);
	gseps_free(&lay->vs);
	glines_free(lay->lines, lay->nlines);
	memset(lay, 0, sizeof(*lay));
}

int
glayout_cell_at(const struct glayout *lay, int row, int col)
{
	if (row < 0 || row >= lay->nrows || col < 0 || col >= lay->ncols)
		return -1;
	return lay->slot[row * lay->ncols + col];
}

/*
 * A cell's text: its spans in reading order, Latin words spaced, CJK
 * characters (a narrow header printed one character per line) joined.
 * A raised footnote mark after a number is kept apart by a space, so
 * the number stays a number and the mark stays visible.
 */
void
glayout_cell_text(const struct glayout *lay, const struct lcell *cl,
    struct buf *b)
{
	int k;

	buf_clear(b);
	buf_adds(b, "");
	for (k = 0; k < cl->n; k++)
		text_join(b, lay->v[cl->spans[k]].text);
}
