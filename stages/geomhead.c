/*
 * geomhead.c - a header printed without rulings, rebuilt.
 *
 * Without rulings a header is words placed in invisible merged cells,
 * each centred in its cell.  Read back:
 *
 *   blocks   the lines of one cell's text: spans on successive lines,
 *            set tight, sharing a centre or a left edge ("对个/人和/家庭/
 *            的补/助" stacked one character pair a line is one block)
 *   rows     the header's row boundaries are those that put every block's
 *            centre at the centre of a run of rows it fits in, each row
 *            being some block's own; a block's rows are that run (合计
 *            centred on all three rows spans them)
 *   columns  bottom up: a bottom block takes the columns it stands over
 *            and widens, while its centre says so, into columns no other
 *            block claims; a block with blocks right under it takes a
 *            run of them, the runs split among its neighbours so each
 *            one's words are centred over its own run's words
 *
 * The header's rows and cells then replace the line-by-line rows the
 * layout had.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "geomhead.h"

/* At most this many header rows are tried. */
#define MAX_HEAD_ROWS	5
/* Boundary candidates beyond this are too many to combine. */
#define MAX_CANDIDATES	40

struct hblock {
	int	*spans;
	int	 n;
	double	 x0, y0, x1, y1, cx, cy, h;
	int	 r0, r1, c0, c1;	/* rows and columns, inclusive */
	int	 oc0, oc1;		/* the columns its words stand over */
	int	 placed;
};

struct head {
	struct glayout	*lay;
	int		 hb;		/* the layout's header rows */
	struct hblock	*b;
	int		 nb;
	double		*bx0, *bx1;	/* each column's body text extent */
	int		*empty;		/* no body words in the column */
	double		*edge;		/* each column's left edge, ncols + 1 */
	double		 bound[MAX_HEAD_ROWS + 1];
	int		 nrows;
};

/* --------------------------------------------------------------- blocks */

struct hspan {
	int	 idx;		/* into lay->v */
	double	 y0, y1, h;
};

static int
find(int *p, int x)
{
	while (p[x] != x) {
		p[x] = p[p[x]];
		x = p[x];
	}
	return x;
}

/* Is a level rule between two spans, over both? */
static int
ruled_between(const struct glayout *lay, const struct hspan *a,
    const struct hspan *b)
{
	const struct tspan *s = &lay->v[a->idx], *t = &lay->v[b->idx];
	double lo = fmax(s->x0, t->x0), hi = fmin(s->x1, t->x1);
	int k;

	for (k = 0; k < lay->hs.n; k++)
		if (lay->hs.v[k].pos > a->y1 - 0.5 && lay->hs.v[k].pos <
		    b->y0 + 0.5 && gsep_covered(&lay->hs.v[k], lo, hi) > 0.5)
			return 1;
	return 0;
}

/* The first word of a row numbering the columns: 栏次, 行次. */
static int
numbering_word(const char *s)
{
	return strcmp(s, "栏次") == 0 || strcmp(s, "行次") == 0 ||
	    strcmp(s, "栏 次") == 0;
}

/* Does span b, on a later line, go on with the text of span a? */
static int
same_block(const struct glayout *lay, const struct hspan *a,
    const struct hspan *b)
{
	const struct tspan *s = &lay->v[a->idx], *t = &lay->v[b->idx];
	double h = fmin(a->h, b->h);

	/* Lines of one cell are set at the font's own leading, a tenth of
	 * a line apart at most; the next row of cells, after the cells'
	 * padding, nearer half a line (final-04: 本年支出 over 基本支出). */
	if (b->y0 < a->y1 - 0.3 * h || b->y0 - a->y1 > 0.3 * h)
		return 0;
	/* Words do not wrap into numbers, nor into the numbering row. */
	if (span_is_number(s) != span_is_number(t) || numbering_word(t->text))
		return 0;
	if (fmin(s->x1, t->x1) <= fmax(s->x0, t->x0))
		return 0;
	if (fabs((s->x0 + s->x1) - (t->x0 + t->x1)) > 5 &&
	    fabs(s->x0 - t->x0) > 2.5)
		return 0;
	return !ruled_between(lay, a, b);
}

/*
 * The lines of one cell's text are set at one leading: span c, after b
 * (after a, when b is not the first line of its block), keeps the gap a
 * and b left.  A word set further down is the next row's (合计 under
 * 机构运行经费/支出, in the row of 科目编码 and 科目名称).
 */
static int
same_leading(const struct hspan *hs, int a, int b, int c)
{
	double h = fmin(hs[b].h, hs[c].h);

	if (a == b)
		return 1;
	return fabs((hs[c].y0 - hs[b].y1) - (hs[b].y0 - hs[a].y1)) <=
	    0.25 * h;
}

static int
cmp_reading(const void *x, const void *y)
{
	const struct hspan *a = x, *b = y;

	if (fabs(a->y0 - b->y0) > 0.5 * fmin(a->h, b->h))
		return a->y0 < b->y0 ? -1 : 1;
	return a->idx < b->idx ? -1 : a->idx > b->idx;
}

static void
make_blocks(struct head *hd)
{
	struct glayout *lay = hd->lay;
	struct hspan *hs = NULL;
	int *p, *up, i, k, r, n = 0, root;

	for (r = 0; r < hd->hb; r++)
		for (i = lay->rows[r].first; i < lay->rows[r].first +
		    lay->rows[r].nlines; i++)
			for (k = 0; k < lay->lines[i].n; k++) {
				hs = xreallocarray(hs, (size_t)n + 1,
				    sizeof(*hs));
				hs[n].idx = lay->lines[i].spans[k];
				span_core(&lay->v[hs[n].idx], &hs[n].y0,
				    &hs[n].y1);
				hs[n].h = hs[n].y1 - hs[n].y0;
				n++;
			}
	if (n > 0)
		qsort(hs, (size_t)n, sizeof(*hs), cmp_reading);
	p = xmalloc(sizeof(int) * ((size_t)n + 1));
	up = xmalloc(sizeof(int) * ((size_t)n + 1));
	for (i = 0; i < n; i++)
		p[i] = up[i] = i;
	for (i = 0; i < n; i++)
		for (k = i + 1; k < n; k++)
			if (same_block(lay, &hs[i], &hs[k]) &&
			    same_leading(hs, up[i], i, k)) {
				p[find(p, k)] = find(p, i);
				if (up[k] == k)
					up[k] = i;
			}
	for (i = 0; i < n; i++) {
		struct hblock *b;

		root = find(p, i);
		for (k = 0; k < hd->nb; k++)
			if (hd->b[k].placed == root)
				break;
		if (k == hd->nb) {
			hd->b = xreallocarray(hd->b, (size_t)hd->nb + 1,
			    sizeof(*hd->b));
			b = &hd->b[hd->nb++];
			memset(b, 0, sizeof(*b));
			b->placed = root;
			b->x0 = b->y0 = 1e18;
			b->x1 = b->y1 = -1e18;
		}
		b = &hd->b[k];
		b->spans = xreallocarray(b->spans, (size_t)b->n + 1,
		    sizeof(int));
		b->spans[b->n++] = hs[i].idx;
		b->x0 = fmin(b->x0, lay->v[hs[i].idx].x0);
		b->x1 = fmax(b->x1, lay->v[hs[i].idx].x1);
		b->y0 = fmin(b->y0, hs[i].y0);
		b->y1 = fmax(b->y1, hs[i].y1);
		b->h = fmax(b->h, hs[i].h);
	}
	for (k = 0; k < hd->nb; k++) {
		hd->b[k].cx = (hd->b[k].x0 + hd->b[k].x1) / 2;
		hd->b[k].cy = (hd->b[k].y0 + hd->b[k].y1) / 2;
		hd->b[k].placed = 0;
	}
	free(up);
	free(p);
	free(hs);
}

/* Each column's extent from the body's words, for "stands over". */
static void
body_extents(struct head *hd)
{
	struct glayout *lay = hd->lay;
	int c, r, i, k;

	hd->bx0 = xmalloc(sizeof(double) * ((size_t)lay->ncols + 1));
	hd->bx1 = xmalloc(sizeof(double) * ((size_t)lay->ncols + 1));
	for (c = 0; c < lay->ncols; c++) {
		hd->bx0[c] = 1e18;
		hd->bx1[c] = -1e18;
	}
	for (r = hd->hb; r < lay->nrows; r++)
		for (i = lay->rows[r].first; i < lay->rows[r].first +
		    lay->rows[r].nlines; i++)
			for (k = 0; k < lay->lines[i].n; k++) {
				const struct tspan *s =
				    &lay->v[lay->lines[i].spans[k]];

				c = glayout_column_of(lay, (s->x0 + s->x1) / 2);
				hd->bx0[c] = fmin(hd->bx0[c], s->x0);
				hd->bx1[c] = fmax(hd->bx1[c], s->x1);
			}
	hd->empty = xcalloc((size_t)lay->ncols + 1, sizeof(int));
	for (c = 0; c < lay->ncols; c++)
		if (hd->bx0[c] > hd->bx1[c]) {
			double w = lay->xb[c + 1] - lay->xb[c];

			hd->bx0[c] = lay->xb[c] + 0.3 * w;
			hd->bx1[c] = lay->xb[c + 1] - 0.3 * w;
			hd->empty[c] = 1;
		}
}

/*
 * A column no body row fills is as wide as the words of its lowest
 * heading, as far as they tell: a heading wrapped to fit its narrow
 * cell, or the numbering row's figure centred in it.  Better than a
 * share of the gap between its neighbours' words.
 */
static void
empty_extents(struct head *hd)
{
	const struct glayout *lay = hd->lay;
	const struct hblock *low;
	int c, i;

	for (c = 0; c < lay->ncols; c++) {
		if (!hd->empty[c])
			continue;
		low = NULL;
		for (i = 0; i < hd->nb; i++) {
			const struct hblock *b = &hd->b[i];

			if (glayout_column_of(lay, b->cx) == c && (low ==
			    NULL || b->r1 > low->r1 || (b->r1 == low->r1 &&
			    b->y1 > low->y1)))
				low = b;
		}
		if (low == NULL)
			continue;
		hd->bx0[c] = low->x0;
		hd->bx1[c] = low->x1;
	}
}

/*
 * Words all of one width (行次 31 to 55) sit flush left and flush right
 * at once.  The heading standing over them, the lowest if several, is
 * centred in the cell: right of the words, they are set left; left of
 * them, right.
 */
static int
heading_side(const struct head *hd, int c)
{
	const struct hblock *low = NULL;
	double mid = (hd->bx0[c] + hd->bx1[c]) / 2;
	int i;

	for (i = 0; i < hd->nb; i++) {
		const struct hblock *b = &hd->b[i];

		if (b->oc0 == c && b->oc1 == c && b->x0 < hd->bx1[c] &&
		    b->x1 > hd->bx0[c] && (low == NULL || b->y1 > low->y1))
			low = b;
	}
	if (low == NULL || fabs(low->cx - mid) <= 1.0)
		return 0;
	return low->cx > mid ? -1 : 1;
}

/* How the body's words sit in column c: -1 left, 1 right, 0 neither. */
static int
alignment(const struct head *hd, int c)
{
	const struct glayout *lay = hd->lay;
	int r, i, k, n = 0, left = 0, right = 0;

	for (r = hd->hb; r < lay->nrows; r++)
		for (i = lay->rows[r].first; i < lay->rows[r].first +
		    lay->rows[r].nlines; i++)
			for (k = 0; k < lay->lines[i].n; k++) {
				const struct tspan *s =
				    &lay->v[lay->lines[i].spans[k]];

				if (glayout_column_of(lay, (s->x0 + s->x1) / 2)
				    != c)
					continue;
				n++;
				left += fabs(s->x0 - hd->bx0[c]) < 1.5;
				right += fabs(s->x1 - hd->bx1[c]) < 1.5;
			}
	if (n < 2)
		return 0;
	if (right * 10 >= n * 7 && left * 10 >= n * 7)
		return heading_side(hd, c);
	if (right * 10 >= n * 7)
		return 1;
	return left * 10 >= n * 7 ? -1 : 0;
}

/* The centre of the bottom block standing over column c alone, or -1. */
static double
leaf_centre(const struct head *hd, int c)
{
	int i;

	for (i = 0; i < hd->nb; i++)
		if (hd->b[i].r1 == hd->nrows - 1 && hd->b[i].oc0 == c &&
		    hd->b[i].oc1 == c)
			return hd->b[i].cx;
	return -1;
}

/*
 * An empty column's heading is centred in its cell: where one of the
 * cell's edges is known, the other lies as far on the far side (年初结转
 * 和结余, empty, between the labels and a column of right-set numbers:
 * the labels' cell ends where the numbers' cell, less the empty one,
 * begins).  Right to left, then left to right, so that a known edge
 * carries over one empty column to the next.
 */
static void
empty_edges(struct head *hd, int *sure)
{
	int c, n = hd->lay->ncols;
	double hc;

	for (c = n - 1; c > 0; c--)
		if (hd->empty[c] && sure[c + 1] && !sure[c] &&
		    (hc = leaf_centre(hd, c)) > 0) {
			hd->edge[c] = fmin(fmax(2 * hc - hd->edge[c + 1],
			    hd->bx1[c - 1]), hd->bx0[c]);
			sure[c] = 1;
		}
	for (c = 0; c + 1 < n; c++)
		if (hd->empty[c] && sure[c] && !sure[c + 1] &&
		    (hc = leaf_centre(hd, c)) > 0) {
			hd->edge[c + 1] = fmin(fmax(2 * hc - hd->edge[c],
			    hd->bx1[c]), hd->bx0[c + 1]);
			sure[c + 1] = 1;
		}
}

/*
 * Where the invisible cells' edges are.  Numbers set right end near
 * their cell's right edge, labels set left start near its left edge; a
 * heading centred over a column whose other edge is known places the
 * edge between.  Only a gap between two columns set neither way falls
 * back to its middle.  Text gaps alone mislead: a wide column of short
 * right-set numbers leaves most of its width empty on the left.
 */
static void
cell_edges(struct head *hd)
{
	const struct glayout *lay = hd->lay;
	double pad = 2.5, hc, e;
	int c, n = lay->ncols, *al, *sure;

	al = xmalloc(sizeof(int) * ((size_t)n + 1));
	sure = xcalloc((size_t)n + 2, sizeof(int));
	hd->edge = xmalloc(sizeof(double) * ((size_t)n + 2));
	for (c = 0; c < n; c++)
		al[c] = alignment(hd, c);
	hd->edge[0] = hd->bx0[0] - pad;
	hd->edge[n] = hd->bx1[n - 1] + pad;
	sure[0] = sure[n] = 1;
	for (c = 0; c + 1 < n; c++) {
		sure[c + 1] = 1;
		if (al[c] == 1 && al[c + 1] == -1)
			e = (hd->bx1[c] + hd->bx0[c + 1]) / 2;
		else if (al[c] == 1)
			e = hd->bx1[c] + pad;
		else if (al[c + 1] == -1)
			e = hd->bx0[c + 1] - pad;
		else if (al[c + 1] == 1 && (hc = leaf_centre(hd, c + 1)) > 0)
			e = 2 * hc - (hd->bx1[c + 1] + pad);
		else {
			e = (hd->bx1[c] + hd->bx0[c + 1]) / 2;
			sure[c + 1] = 0;
		}
		hd->edge[c + 1] = fmin(fmax(e, hd->bx1[c]), hd->bx0[c + 1]);
	}
	empty_edges(hd, sure);
	free(sure);
	free(al);
}

static void
own_columns(struct head *hd, struct hblock *b)
{
	int c;

	b->oc0 = b->oc1 = -1;
	for (c = 0; c < hd->lay->ncols; c++)
		if (fmin(b->x1, hd->bx1[c]) - fmax(b->x0, hd->bx0[c]) > 0.5) {
			if (b->oc0 < 0)
				b->oc0 = c;
			b->oc1 = c;
		}
	if (b->oc0 < 0)
		b->oc0 = b->oc1 = glayout_column_of(hd->lay, b->cx);
}

/* ----------------------------------------------------------------- rows */

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/*
 * A block's best run of rows under boundaries bd[0..k]: the run whose
 * middle is nearest its centre among those it fits in.  Returns the
 * distance (1e9 if it fits none).
 */
static double
best_run(const struct hblock *b, const double *bd, int k, int *r0, int *r1)
{
	double best = 1e9, slack = 0.3 * b->h, d;
	int i, j;

	for (i = 0; i < k; i++)
		for (j = i; j < k; j++) {
			if (b->y0 < bd[i] - slack || b->y1 > bd[j + 1] + slack)
				continue;
			/* The shortest run that centres it: a block in the
			 * middle row is also centred on all three. */
			d = fabs(b->cy - (bd[i] + bd[j + 1]) / 2) + 1.5 *
			    (j - i);
			if (d < best) {
				best = d;
				*r0 = i;
				*r1 = j;
			}
		}
	return best;
}

/* Total distance; every row must be some block's only row. */
static double
rows_cost(struct head *hd, const double *bd, int k)
{
	int used[MAX_HEAD_ROWS], i, r0 = 0, r1 = 0;
	double sum = 0;

	memset(used, 0, sizeof(used));
	for (i = 0; i < hd->nb; i++) {
		sum += best_run(&hd->b[i], bd, k, &r0, &r1);
		if (r0 == r1)
			used[r0] = 1;
	}
	for (i = 0; i < k; i++)
		if (!used[i])
			return 1e12;
	return sum;
}

/* Boundary candidates: midway between a block and one right below it. */
static int
candidates(struct head *hd, double top, double bottom, double *cand)
{
	const struct glayout *lay = hd->lay;
	double h = hd->b[0].h;
	int i, k, n = 0, m;

	for (i = 0; i < hd->nb; i++)
		for (k = 0; k < hd->nb && n < MAX_CANDIDATES * 4; k++) {
			const struct hblock *a = &hd->b[i], *b = &hd->b[k];
			double y = (a->y1 + b->y0) / 2;

			if (b->y0 < a->y1 - 0.5 || b->y0 - a->y1 > 3 * a->h)
				continue;
			if (y > top + 0.4 * h && y < bottom - 0.4 * h)
				cand[n++] = y;
		}
	for (k = 0; k < lay->hs.n && n < MAX_CANDIDATES * 4; k++)
		if (lay->hs.v[k].pos > top + 0.4 * h &&
		    lay->hs.v[k].pos < bottom - 0.4 * h)
			cand[n++] = lay->hs.v[k].pos;
	if (n > 0)
		qsort(cand, (size_t)n, sizeof(double), cmp_double);
	for (i = m = 0; i < n; i++)
		if (m == 0 || cand[i] - cand[m - 1] > 1.0)
			cand[m++] = cand[i];
	return m > MAX_CANDIDATES ? MAX_CANDIDATES : m;
}

/* Try every choice of k - 1 inner boundaries among the candidates. */
static double
search(struct head *hd, const double *cand, int nc, int k, double *bd,
    int at, int from, double *best, double *bestbd)
{
	double c;
	int i;

	if (at == k) {
		c = rows_cost(hd, bd, k);
		if (c < *best) {
			*best = c;
			memcpy(bestbd, bd, sizeof(double) * (size_t)(k + 1));
		}
		return *best;
	}
	for (i = from; i < nc; i++) {
		bd[at] = cand[i];
		search(hd, cand, nc, k, bd, at + 1, i + 1, best, bestbd);
	}
	return *best;
}

/* The header's row boundaries: the fewest rows that centre all blocks. */
static void
find_rows(struct head *hd)
{
	struct glayout *lay = hd->lay;
	double cand[MAX_CANDIDATES * 4 + 8], bd[MAX_HEAD_ROWS + 1];
	double kbd[MAX_HEAD_ROWS + 1];
	double best, cost, bestbd[MAX_HEAD_ROWS + 1], top, bottom, pad;
	double ytop = 1e18, ybot = -1e18;
	int nc, k, i, r0 = 0, r1 = 0, bestk = 1;

	for (i = 0; i < hd->nb; i++) {
		ytop = fmin(ytop, hd->b[i].y0);
		ybot = fmax(ybot, hd->b[i].y1);
	}
	pad = 0.25 * hd->b[0].h;
	top = lay->rows[0].ruled_top ? lay->rows[0].top : ytop - pad;
	bottom = lay->rows[hd->hb].ruled_top ? lay->rows[hd->hb].top :
	    ybot + pad;
	nc = candidates(hd, top, bottom, cand);
	bestbd[0] = top;
	bestbd[1] = bottom;
	best = 1e13;
	for (k = 1; k <= MAX_HEAD_ROWS && k <= nc + 1; k++) {
		if (k > 3 && nc > 16)
			break;
		bd[0] = kbd[0] = top;
		bd[k] = kbd[k] = bottom;
		cost = 1e13;
		search(hd, cand, nc, k, bd, 1, 0, &cost, kbd);
		/* A row more must buy more than a point of centring. */
		if (cost + 1.0 * k < best) {
			best = cost + 1.0 * k;
			bestk = k;
			memcpy(bestbd, kbd, sizeof(double) * (size_t)(k + 1));
		}
	}
	hd->nrows = bestk;
	memcpy(hd->bound, bestbd, sizeof(double) * (size_t)(bestk + 1));
	for (i = 0; i < hd->nb; i++) {
		best_run(&hd->b[i], hd->bound, bestk, &r0, &r1);
		hd->b[i].r0 = r0;
		hd->b[i].r1 = r1;
	}
}

/* -------------------------------------------------------------- columns */

static int
rows_meet(const struct hblock *a, const struct hblock *b)
{
	return a->r0 <= b->r1 && b->r0 <= a->r1;
}

/* Does another block of b's rows stand over (or hold) column c? */
static int
claimed(const struct head *hd, const struct hblock *b, int c)
{
	int i;

	for (i = 0; i < hd->nb; i++) {
		const struct hblock *o = &hd->b[i];

		if (o == b || !rows_meet(o, b))
			continue;
		if ((c >= o->oc0 && c <= o->oc1) ||
		    (o->placed && c >= o->c0 && c <= o->c1))
			return 1;
	}
	return 0;
}

/*
 * A block with nothing under it: the columns it stands over, widened
 * into neighbours no other block of its rows stands over while that
 * brings its centre nearer the middle of its columns.
 */
static void
bottom_columns(struct head *hd, struct hblock *b)
{
		int a = b->oc0, z = b->oc1, grew = 1;
	double d;

	while (grew) {
		grew = 0;
		d = fabs(b->cx - (hd->edge[a] + hd->edge[z + 1]) / 2);
		if (a > 0 && !claimed(hd, b, a - 1) &&
		    fabs(b->cx - (hd->edge[a - 1] + hd->edge[z + 1]) / 2) < d) {
			a--;
			grew = 1;
		} else if (z + 1 < hd->lay->ncols && !claimed(hd, b, z + 1) &&
		    fabs(b->cx - (hd->edge[a] + hd->edge[z + 2]) / 2) < d) {
			z++;
			grew = 1;
		}
	}
	b->c0 = a;
	b->c1 = z;
	b->placed = 1;
}

static int
cmp_ptr_cx(const void *x, const void *y)
{
	const struct hblock *a = *(const struct hblock *const *)x;
	const struct hblock *b = *(const struct hblock *const *)y;

	return a->cx < b->cx ? -1 : a->cx > b->cx;
}

/*
 * Parent p over children c[a..z]: how far from centred, over the
 * children's words or over their columns' edges, whichever fits better
 * (words stand centred in their own cells, edges are estimates).
 */
static double
run_cost(const struct head *hd, const struct hblock *p, struct hblock **c,
    int a, int z)
{
	double lo = 1e18, hi = -1e18, cost;
	int i, c0 = c[a]->c0, c1 = c[a]->c1;

	for (i = a; i <= z; i++) {
		lo = fmin(lo, c[i]->x0);
		hi = fmax(hi, c[i]->x1);
		c0 = c[i]->c0 < c0 ? c[i]->c0 : c0;
		c1 = c[i]->c1 > c1 ? c[i]->c1 : c1;
	}
	cost = fmin(fabs(p->cx - (lo + hi) / 2),
	    fabs(p->cx - (hd->edge[c0] + hd->edge[c1 + 1]) / 2));
	if (p->oc0 < c[a]->c0 || p->oc1 > c[z]->c1)
		cost += 100;	/* its words stand outside the run */
	return cost;
}

/*
 * Split children c[0..n) into runs, one per parent p[0..m), in order,
 * minimising the total distance from centred; each parent takes its
 * run's columns.
 */
static void
split_runs(const struct head *hd, struct hblock **p, int m,
    struct hblock **c, int n)
{
	double *cost;
	int *from, i, j, t, w = n + 1;

	if (m == 0 || n < m)
		return;
	cost = xmalloc(sizeof(double) * (size_t)((m + 1) * w));
	from = xmalloc(sizeof(int) * (size_t)((m + 1) * w));
	for (i = 0; i <= m; i++)
		for (j = 0; j <= n; j++)
			cost[i * w + j] = i == 0 && j == 0 ? 0 : 1e18;
	for (i = 1; i <= m; i++)
		for (j = i; j <= n; j++)
			for (t = i - 1; t < j; t++) {
				double v = cost[(i - 1) * w + t];

				if (v >= 1e18)
					continue;
				v += run_cost(hd, p[i - 1], c, t, j - 1);
				if (v < cost[i * w + j]) {
					cost[i * w + j] = v;
					from[i * w + j] = t;
				}
			}
	for (i = m, j = n; i > 0; i--) {
		t = from[i * w + j];
		p[i - 1]->c0 = c[t]->c0;
		p[i - 1]->c1 = c[j - 1]->c1;
		p[i - 1]->placed = 1;
		j = t;
	}
	free(cost);
	free(from);
}

/*
 * The blocks ending at row r over the blocks starting at row r + 1:
 * blocks running through both rows part them into stretches, and in
 * each stretch the children are split among the parents.
 */
static void
parent_columns(struct head *hd, int r)
{
	struct hblock **par, **kid, **bar;
	int np = 0, nk = 0, nbar = 0, i, k, a, z, pm, km;

	par = xmalloc(sizeof(*par) * ((size_t)hd->nb + 1));
	kid = xmalloc(sizeof(*kid) * ((size_t)hd->nb + 1));
	bar = xmalloc(sizeof(*bar) * ((size_t)hd->nb + 1));
	for (i = 0; i < hd->nb; i++) {
		struct hblock *b = &hd->b[i];

		if (b->r1 == r && !b->placed)
			par[np++] = b;
		else if (b->r0 == r + 1)
			kid[nk++] = b;
		else if (b->r0 <= r && b->r1 >= r + 1)
			bar[nbar++] = b;
	}
	if (nk > 0)
		qsort(kid, (size_t)nk, sizeof(*kid), cmp_ptr_cx);
	if (np > 0)
		qsort(par, (size_t)np, sizeof(*par), cmp_ptr_cx);
	/* Stretches of children with no barrier between them. */
	for (a = 0; a < nk; a = z + 1) {
		struct hblock *sp[64], *sk[64];

		for (z = a; z + 1 < nk; z++) {
			for (k = 0; k < nbar; k++)
				if (bar[k]->c0 > kid[z]->c1 &&
				    bar[k]->c1 < kid[z + 1]->c0)
					break;
			if (k < nbar)
				break;
		}
		for (i = pm = 0; i < np && pm < 64; i++)
			if (par[i]->oc1 >= kid[a]->c0 &&
			    par[i]->oc0 <= kid[z]->c1)
				sp[pm++] = par[i];
		for (i = a, km = 0; i <= z && km < 64; i++)
			sk[km++] = kid[i];
		split_runs(hd, sp, pm, sk, km);
	}
	free(par);
	free(kid);
	free(bar);
}

static void
place_columns(struct head *hd)
{
	int r, i;

	empty_extents(hd);
	for (i = 0; i < hd->nb; i++)
		own_columns(hd, &hd->b[i]);
	cell_edges(hd);
	for (r = hd->nrows - 1; r >= 0; r--) {
		if (r < hd->nrows - 1)
			parent_columns(hd, r);
		for (i = 0; i < hd->nb; i++)
			if (hd->b[i].r1 == r && !hd->b[i].placed)
				bottom_columns(hd, &hd->b[i]);
	}
}

/* -------------------------------------------------------------- rewrite */

/*
 * The layout's first hb rows become the header's rows; its cells there
 * become the blocks.
 */
static void
rewrite(struct head *hd)
{
	struct glayout *lay = hd->lay;
	struct lrow *rows;
	struct lcell *cells = NULL;
	int nrows, ncells = 0, i, k, shift = hd->nrows - hd->hb, r, c;

	nrows = lay->nrows + shift;
	rows = xcalloc((size_t)nrows + 1, sizeof(*rows));
	for (r = 0; r < hd->nrows; r++) {
		rows[r].top = hd->bound[r];
		rows[r].bottom = hd->bound[r + 1];
		rows[r].first = lay->rows[0].first;
	}
	for (r = hd->hb; r < lay->nrows; r++)
		rows[r + shift] = lay->rows[r];
	rows[0].ruled_top = lay->rows[0].ruled_top;
	for (i = 0; i < hd->nb; i++) {
		struct hblock *b = &hd->b[i];
		struct lcell *cl;

		cells = xreallocarray(cells, (size_t)ncells + 1,
		    sizeof(*cells));
		cl = &cells[ncells++];
		memset(cl, 0, sizeof(*cl));
		cl->r0 = b->r0;
		cl->r1 = b->r1;
		cl->c0 = b->c0;
		cl->c1 = b->c1;
		cl->spans = b->spans;
		cl->n = b->n;
		b->spans = NULL;
		cl->x0 = b->x0;
		cl->x1 = b->x1;
		cl->y0 = b->y0;
		cl->y1 = b->y1;
	}
	for (i = 0; i < lay->ncells; i++) {
		struct lcell *cl = &lay->cells[i];

		if (cl->r0 < hd->hb) {
			free(cl->spans);
			continue;
		}
		cells = xreallocarray(cells, (size_t)ncells + 1,
		    sizeof(*cells));
		cells[ncells] = *cl;
		cells[ncells].r0 += shift;
		cells[ncells++].r1 += shift;
	}
	free(lay->cells);
	free(lay->rows);
	free(lay->slot);
	lay->cells = cells;
	lay->ncells = ncells;
	lay->rows = rows;
	lay->nrows = nrows;
	lay->slot = xmalloc(sizeof(int) * ((size_t)nrows *
	    (size_t)lay->ncols + 1));
	for (k = 0; k < nrows * lay->ncols; k++)
		lay->slot[k] = -1;
	for (i = ncells - 1; i >= 0; i--)
		for (r = cells[i].r0; r <= cells[i].r1; r++)
			for (c = cells[i].c0; c <= cells[i].c1; c++)
				lay->slot[r * lay->ncols + c] = i;
}

/*
 * Is a rule between the header's rows cut short (under a group heading
 * only)?  Then it tells where the heading's cell ends.  Rules across the
 * whole table tell rows, not cells.
 */
static int
partial_rule_inside(const struct glayout *lay, double top, double bottom)
{
	int k;

	for (k = 0; k < lay->hs.n; k++)
		if (lay->hs.v[k].pos > top + 1 && lay->hs.v[k].pos <
		    bottom - 1 && gsep_covered(&lay->hs.v[k], lay->x0,
		    lay->x1) < 0.9)
			return 1;
	return 0;
}

/*
 * Is the header a lattice's?  Uprights through its rows, or its rows
 * closed by level rules some of which stop short: the rulings already
 * told its cells.
 */
int
geomhead_is_ruled(const struct glayout *lay, int hb)
{
	double top, bottom, pad;
	int k, n = 0, r, closed = 1;

	if (hb <= 0 || hb > lay->nrows)
		return 1;
	top = lay->rows[0].top;
	bottom = lay->rows[hb - 1].bottom;
	pad = (bottom - top) * 0.1;
	for (k = 0; k < lay->vs.n; k++)
		if (gsep_covered(&lay->vs.v[k], top + pad, bottom - pad) > 0.5)
			n++;
	if (n >= 2)
		return 1;
	for (r = 0; r < hb; r++)
		closed &= lay->rows[r].ruled_top && lay->rows[r].ruled_bottom;
	return closed && partial_rule_inside(lay, top, bottom);
}

/*
 * Rebuild the layout's first hb rows as an unruled header.  Returns the
 * header's rows now.
 */
int
geomhead_rebuild(struct glayout *lay, int hb)
{
	struct head hd;
	int i;

	if (hb < 2 || hb >= lay->nrows || geomhead_is_ruled(lay, hb))
		return hb;
	memset(&hd, 0, sizeof(hd));
	hd.lay = lay;
	hd.hb = hb;
	make_blocks(&hd);
	if (hd.nb > 0) {
		body_extents(&hd);
		find_rows(&hd);
		place_columns(&hd);
		rewrite(&hd);
		hb = hd.nrows;
	}
	for (i = 0; i < hd.nb; i++)
		free(hd.b[i].spans);
	free(hd.b);
	free(hd.bx0);
	free(hd.bx1);
	free(hd.empty);
	free(hd.edge);
	return hb;
}
