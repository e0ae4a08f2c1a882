/*
 * geomcols.c - the columns a table's words stand in.
 *
 * Spans whose x ranges overlap from line to line are one column.  A span
 * that reaches over two spans of another line (a heading over its
 * sub-columns, a long title) would join their columns, so it is left out
 * of the count and goes, later, to the column under its centre.  The
 * result is a list of disjoint x ranges; geomlayout.c turns the gaps
 * between them into column boundaries where the lines support one.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "geomcols.h"
#include "utf8.h"

/* A text column: an x range. */
#define xcomp ival

/* What the steps read: the lines and their spans. */
struct colctx {
	const struct tspan	*v;
	const struct gline	*lines;
	int			 nlines;
};

enum xkind {
	XK_OTHER,		/* a dash, a mark */
	XK_NUMBER,
	XK_WORD
};

struct xspan {
	double	 lo, hi;
	int	 line;
	int	 out;		/* reaches over two spans of another line */
	enum xkind kind;
};

/* The other lines' words in one x range, while looking for bridges. */
struct bcomp {
	double	 lo, hi;
	int	 line;		/* the line of its first word */
	int	 last;		/* its lowest line */
	int	 solid;		/* a number, or words on two lines */
};

static int
cmp_xspan(const void *a, const void *b)
{
	const struct xspan *x = a, *y = b;

	return x->lo < y->lo ? -1 : x->lo > y->lo;
}

static int
cmp_ival_lo(const void *a, const void *b)
{
	const struct ival *x = a, *y = b;

	return x->lo < y->lo ? -1 : x->lo > y->lo;
}

/*
 * Merge the kept spans' x ranges (xs sorted by left edge) into disjoint
 * components.
 */
static void
component_pass(const struct xspan *xs, int n, struct xcomp **comps,
    int *ncomps)
{
	double hi;
	int i;

	*ncomps = 0;
	hi = -1e18;
	for (i = 0; i < n; i++) {
		if (xs[i].out)
			continue;
		if (*ncomps > 0 && xs[i].lo < hi) {
			hi = fmax(hi, xs[i].hi);
			(*comps)[*ncomps - 1].hi = hi;
			continue;
		}
		*comps = xreallocarray(*comps, (size_t)*ncomps + 1,
		    sizeof(**comps));
		(*comps)[*ncomps].lo = xs[i].lo;
		(*comps)[(*ncomps)++].hi = hi = xs[i].hi;
	}
}

static int
cmp_by_line(const void *a, const void *b)
{
	const struct xspan *x = *(const struct xspan *const *)a;
	const struct xspan *y = *(const struct xspan *const *)b;

	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	return x->lo < y->lo ? -1 : x->lo > y->lo;
}

static int
comp_of(const struct xcomp *c, int n, double x)
{
	int lo = 0, hi = n - 1, mid;

	while (lo <= hi) {
		mid = (lo + hi) / 2;
		if (x < c[mid].lo)
			hi = mid - 1;
		else if (x > c[mid].hi)
			lo = mid + 1;
		else
			return mid;
	}
	return -1;
}

/*
 * Leave out the spans that reach across a witness gap.  Returns how many
 * were newly left out.
 */
static int
drop_spanning(struct xspan *xs, int n, const struct xcomp *comps, int ncomps)
{
	struct xspan **byline;
	struct ival *w = NULL;
	int i, nw = 0, dropped = 0, lo, hi, mid, ca, cb;

	byline = xmalloc(sizeof(*byline) * ((size_t)n + 1));
	for (i = 0; i < n; i++)
		byline[i] = &xs[i];
	qsort(byline, (size_t)n, sizeof(*byline), cmp_by_line);
	for (i = 0; i + 1 < n; i++) {
		const struct xspan *a = byline[i], *b = byline[i + 1];

		if (a->out || b->out || a->line != b->line)
			continue;
		ca = comp_of(comps, ncomps, (a->lo + a->hi) / 2);
		cb = comp_of(comps, ncomps, (b->lo + b->hi) / 2);
		if (ca < 0 || ca != cb || b->lo <= a->hi)
			continue;
		w = xreallocarray(w, (size_t)nw + 1, sizeof(*w));
		w[nw].lo = a->hi;
		w[nw++].hi = b->lo;
	}
	free(byline);
	if (nw > 0)
		qsort(w, (size_t)nw, sizeof(*w), cmp_ival_lo);
	for (i = 0; i < n && nw > 0; i++) {
		if (xs[i].out)
			continue;
		/* The first witness starting at or after the span's left. */
		lo = 0;
		hi = nw;
		while (lo < hi) {
			mid = (lo + hi) / 2;
			if (w[mid].lo < xs[i].lo)
				lo = mid + 1;
			else
				hi = mid;
		}
		for (; lo < nw && w[lo].lo < xs[i].hi; lo++)
			if (w[lo].hi <= xs[i].hi) {
				xs[i].out = 1;
				dropped++;
				break;
			}
	}
	free(w);
	return dropped;
}

/* Comps are sorted by lo: the first whose hi passes x, by bisection. */
static int
first_reaching(const struct bcomp *c, int n, double x)
{
	int lo = 0, hi = n, mid;

	while (lo < hi) {
		mid = (lo + hi) / 2;
		if (c[mid].hi <= x)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The columns of every line's kept words but one line's. */
static int
other_lines_columns(const struct xspan *xs, int n, int line, struct bcomp *c)
{
	int i, nc = 0;

	for (i = 0; i < n; i++) {
		if (xs[i].out || xs[i].line == line)
			continue;
		if (nc == 0 || xs[i].lo >= c[nc - 1].hi) {
			c[nc].lo = xs[i].lo;
			c[nc].hi = xs[i].hi;
			c[nc].line = c[nc].last = xs[i].line;
			c[nc++].solid = xs[i].kind == XK_NUMBER;
			continue;
		}
		c[nc - 1].hi = fmax(c[nc - 1].hi, xs[i].hi);
		if (xs[i].line > c[nc - 1].last)
			c[nc - 1].last = xs[i].line;
		if (xs[i].kind == XK_NUMBER || (xs[i].kind == XK_WORD &&
		    xs[i].line != c[nc - 1].line))
			c[nc - 1].solid = 1;
	}
	return nc;
}

/*
 * Leave out the spans that bridge two columns of the other lines' words:
 * a group heading over the gap between its two columns (人员经费 over
 * 工资福利支出 and 对个人和家庭的补助) overlaps the words of both, and
 * joins them, without any one line printing words on both sides of the
 * gap under it, which drop_spanning needs.  A column counts when it
 * holds a number or words on two lines (a dash set apart from a
 * column's numbers is no column to split for), and some of them below
 * the span: a heading stands over its columns, while a long label
 * reaching under the header's words above it bridges nothing.  Returns
 * how many were newly left out.
 */
static int
drop_bridging(struct xspan *xs, int n, int nlines)
{
	struct bcomp *c;
	char *live;
	int line, i, k, nc, hits, dropped = 0;

	c = xmalloc(sizeof(*c) * ((size_t)n + 1));
	live = xcalloc((size_t)nlines + 1, 1);
	for (i = 0; i < n; i++)
		if (!xs[i].out)
			live[xs[i].line] = 1;
	for (line = 0; line < nlines; line++) {
		if (!live[line])
			continue;
		nc = other_lines_columns(xs, n, line, c);
		for (i = 0; i < n; i++) {
			if (xs[i].out || xs[i].line != line)
				continue;
			hits = 0;
			for (k = first_reaching(c, nc, xs[i].lo);
			    k < nc && c[k].lo < xs[i].hi; k++)
				if (c[k].solid && c[k].last > line &&
				    fmin(xs[i].hi, c[k].hi) -
				    fmax(xs[i].lo, c[k].lo) > 0.5)
					hits++;
			if (hits >= 2) {
				xs[i].out = 1;
				dropped++;
			}
		}
	}
	free(live);
	free(c);
	return dropped;
}

/* A number, words (a letter, a Han character), or neither. */
static enum xkind
span_kind(const struct tspan *s)
{
	const char *p = s->text;
	size_t n = strlen(p), k = 0;
	int32_t ch;

	if (span_is_number(s))
		return XK_NUMBER;
	while (k < n) {
		k += utf8_decode(p + k, n - k, &ch);
		if ((ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') ||
		    uc_is_cjk(ch))
			return XK_WORD;
	}
	return XK_OTHER;
}

/*
 * A column whose words are one line's on each page, none of them on a
 * line with a number, is a group's heading standing over the gap
 * between two columns (printed again on a continued page): no column
 * of its own; its words go to the column under their centre.
 */
static int
drop_lone_words(const struct colctx *cx, const struct xspan *xs, int n,
    struct xcomp *comps, int ncomps)
{
	int *first, *keep, i, c, m, k;

	if (cx->nlines < 4 || ncomps < 2)
		return ncomps;
	first = xmalloc(sizeof(int) * (size_t)ncomps);
	keep = xcalloc((size_t)ncomps, sizeof(int));
	for (c = 0; c < ncomps; c++)
		first[c] = -1;
	for (i = 0; i < n; i++) {
		const struct gline *l = &cx->lines[xs[i].line];

		if (xs[i].out)
			continue;
		c = comp_of(comps, ncomps, (xs[i].lo + xs[i].hi) / 2);
		if (c < 0)
			continue;
		for (k = 0; k < l->n; k++)
			if (span_is_number(&cx->v[l->spans[k]]))
				keep[c] = 1;
		if (first[c] >= 0 && cx->lines[first[c]].page == l->page &&
		    first[c] != xs[i].line)
			keep[c] = 1;
		first[c] = xs[i].line;
	}
	/* A lone heading beside the headings of real columns is an empty
	 * column's (国有资本经营预算 over no amounts); only a line of lone
	 * headings (收入, 支出) is a line of group headings. */
	for (i = 0; i < n; i++) {
		const struct gline *l = &cx->lines[xs[i].line];
		int ci, cj;

		if (xs[i].out || (ci = comp_of(comps, ncomps,
		    (xs[i].lo + xs[i].hi) / 2)) < 0 || keep[ci] == 1)
			continue;
		for (k = 0; k < l->n; k++) {
			const struct tspan *t = &cx->v[l->spans[k]];

			cj = comp_of(comps, ncomps, (t->x0 + t->x1) / 2);
			if (cj >= 0 && cj != ci && keep[cj] == 1)
				keep[ci] = 2;
		}
	}
	for (c = m = 0; c < ncomps; c++)
		if (keep[c])
			comps[m++] = comps[c];
	free(first);
	free(keep);
	return m > 0 ? m : ncomps;
}

/*
 * The text's columns: x ranges of the spans that stay after the spanning
 * ones are left out, as disjoint components sorted by x.
 */
int
gcols_find(const struct tspan *v, const struct gline *lines, int nlines,
    struct ival **out)
{
	struct colctx ctx = { v, lines, nlines }, *cx = &ctx;
	struct xspan *xs = NULL;
	struct xcomp *comps = NULL;
	int i, k, n = 0, ncomps = 0, round;

	for (i = 0; i < cx->nlines; i++)
		for (k = 0; k < cx->lines[i].n; k++) {
			const struct tspan *s = &cx->v[cx->lines[i].spans[k]];

			/* A footnote mark is no column of its own. */
			if (span_is_superscript(s, &cx->lines[i]))
				continue;
			xs = xreallocarray(xs, (size_t)n + 1, sizeof(*xs));
			xs[n].lo = s->x0;
			xs[n].hi = s->x1;
			xs[n].line = i;
			xs[n].kind = span_kind(s);
			xs[n++].out = 0;
		}
	qsort(xs, (size_t)n, sizeof(*xs), cmp_xspan);
	for (round = 0; round < 4; round++) {
		component_pass(xs, n, &comps, &ncomps);
		if (drop_spanning(xs, n, comps, ncomps) +
		    drop_bridging(xs, n, nlines) == 0)
			break;
	}
	component_pass(xs, n, &comps, &ncomps);
	ncomps = drop_lone_words(cx, xs, n, comps, ncomps);
	free(xs);
	*out = comps;
	return ncomps;
}
