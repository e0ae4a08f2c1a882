/*
 * georegion.c - where the tables are on a page.
 *
 * Ruled regions: rulings that touch or cross are one figure; level rules
 * of the same length stacked with only table rows between them (the top,
 * middle and bottom rules of a 三线表) are one figure too, and a shorter
 * rule inside a figure's box (a rule under a group of columns) joins it.
 * A figure is a table if its box holds lines of several words: a frame
 * around a paragraph, an underline, a chart's axis are not, nor a
 * chart's legend among grid lines labelled left of the box.  A lattice
 * (two level rules, three uprights or more) needs only one line of
 * three cells: a continued table's last row, alone on its page.
 *
 * Aligned regions: among the lines no ruled region took, a run of lines
 * of several spans each, close together, whose spans stand in at least
 * two shared columns, with numbers among them or many such lines.  A
 * bulleted list is not a table; a prose line ends the run.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "georegion.h"
#include "geomrule.h"
#include "utf8.h"

/* Shorter rulings are tick marks or glyph parts, not table rules. */
#define MIN_RULE	6.0
/* Rulings closer than this (pt) touch. */
#define TOUCH		3.0
/* Level rules whose ends are this close (pt) are the same length. */
#define SAME_ENDS	8.0
/* Lines of a run are at most this many line heights apart. */
#define RUN_LEADING	2.2

struct rr {
	double	 x0, y0, x1, y1;
	int	 vertical;
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

static void
unite(int *p, int a, int b)
{
	a = find(p, a);
	b = find(p, b);
	if (a != b)
		p[a > b ? a : b] = a > b ? b : a;
}

int
region_holds(const struct gregion *r, const struct tspan *s)
{
	double cx = (s->x0 + s->x1) / 2, cy = (s->y0 + s->y1) / 2;

	return cx >= r->x0 - 1 && cx <= r->x1 + 1 && cy >= r->y0 - 1 &&
	    cy <= r->y1 + 1;
}

static int
touches(const struct rr *a, const struct rr *b)
{
	return a->x0 - TOUCH <= b->x1 && b->x0 - TOUCH <= a->x1 &&
	    a->y0 - TOUCH <= b->y1 && b->y0 - TOUCH <= a->y1;
}

static int
line_in_box(const struct gline *l, double x0, double x1)
{
	return l->right > x0 && l->left < x1;
}

/* Width of a line's widest span. */
static double
widest_span(const struct gpageview *pv, const struct gline *l)
{
	double w = 0;
	int k;

	for (k = 0; k < l->n; k++)
		w = fmax(w, pv->spans[l->spans[k]].x1 -
		    pv->spans[l->spans[k]].x0);
	return w;
}

/*
 * Between two level rules of the same length, only table rows: no
 * caption, heading or note, and no line of prose (one span taking most
 * of the width).
 */
static int
rows_between(const struct gpageview *pv, const struct rr *a,
    const struct rr *b)
{
	double top = fmin(a->y0, b->y0), bottom = fmax(a->y0, b->y0);
	double width = a->x1 - a->x0;
	int i;

	for (i = 0; i < pv->nlines; i++) {
		const struct gline *l = &pv->lines[i];

		if (l->cy < top || l->cy > bottom ||
		    !line_in_box(l, a->x0, a->x1))
			continue;
		if (pv->cls[i] == LC_CAPTION || pv->cls[i] == LC_SECTION)
			return 0;
		if (l->n == 1 && widest_span(pv, l) > 0.7 * width &&
		    pv->cls[i] != LC_FURNITURE)
			return 0;
	}
	return 1;
}

static int
collect_rules(const struct gpageview *pv, struct rr **out)
{
	struct rr *v;
	int i, n = 0;

	v = xmalloc(sizeof(*v) * ((size_t)pv->nrules + 1));
	for (i = 0; i < pv->nrules; i++) {
		const struct trule *r = &pv->rules[i];
		double len = fmax(fabs(r->x1 - r->x0), fabs(r->y1 - r->y0));

		if (r->page != pv->page || len < MIN_RULE ||
		    (!rule_is_vertical(r) && !rule_is_horizontal(r)))
			continue;
		v[n].x0 = fmin(r->x0, r->x1);
		v[n].x1 = fmax(r->x0, r->x1);
		v[n].y0 = fmin(r->y0, r->y1);
		v[n].y1 = fmax(r->y0, r->y1);
		v[n++].vertical = rule_is_vertical(r);
	}
	*out = v;
	return n;
}

/* A ruling of a grid (a figure with uprights) between two level rules. */
static int
grid_between(const struct rr *v, int n, int *p, const int *framed,
    const struct rr *a, const struct rr *b)
{
	double top = fmin(a->y0, b->y0), bottom = fmax(a->y0, b->y0);
	int i;

	for (i = 0; i < n; i++)
		if (framed[find(p, i)] && v[i].y0 > top && v[i].y1 < bottom &&
		    v[i].x1 > a->x0 && v[i].x0 < a->x1)
			return 1;
	return 0;
}

struct fig {
	double	 x0, y0, x1, y1;
	int	 nh, nv;	/* rulings of each direction */
	int	 root;
};

/*
 * Group rulings into figures.  Returns the number; *figs the caller's.
 */
static int
figures(const struct gpageview *pv, const struct rr *v, int n,
    struct fig **out)
{
	struct fig *f = NULL;
	int *p, *framed, i, k, nf = 0, changed;

	p = xmalloc(sizeof(int) * ((size_t)n + 1));
	framed = xcalloc((size_t)n + 1, sizeof(int));
	for (i = 0; i < n; i++)
		p[i] = i;
	for (i = 0; i < n; i++)
		for (k = i + 1; k < n; k++)
			if (find(p, i) != find(p, k) && touches(&v[i], &v[k]))
				unite(p, i, k);
	/* Level rules stacked without uprights: a 三线表's; rules of a
	 * figure with uprights are a grid's, closed on their own. */
	for (i = 0; i < n; i++)
		if (v[i].vertical)
			framed[find(p, i)] = 1;
	for (i = 0; i < n; i++)
		for (k = i + 1; k < n; k++) {
			if (v[i].vertical || v[k].vertical ||
			    find(p, i) == find(p, k) || framed[find(p, i)] ||
			    framed[find(p, k)])
				continue;
			if (fabs(v[i].x0 - v[k].x0) <= SAME_ENDS &&
			    fabs(v[i].x1 - v[k].x1) <= SAME_ENDS &&
			    !grid_between(v, n, p, framed, &v[i], &v[k]) &&
			    rows_between(pv, &v[i], &v[k]))
				unite(p, i, k);
		}
	/* Rulings inside a figure's box join it, until nothing changes. */
	do {
		changed = 0;
		free(f);
		f = NULL;
		nf = 0;
		for (i = 0; i < n; i++) {
			int r = find(p, i);

			for (k = 0; k < nf; k++)
				if (f[k].root == r)
					break;
			if (k == nf) {
				f = xreallocarray(f, (size_t)nf + 1,
				    sizeof(*f));
				memset(&f[nf], 0, sizeof(*f));
				f[nf].root = r;
				f[nf].x0 = v[i].x0;
				f[nf].y0 = v[i].y0;
				f[nf].x1 = v[i].x1;
				f[nf].y1 = v[i].y1;
				nf++;
			}
			f[k].x0 = fmin(f[k].x0, v[i].x0);
			f[k].y0 = fmin(f[k].y0, v[i].y0);
			f[k].x1 = fmax(f[k].x1, v[i].x1);
			f[k].y1 = fmax(f[k].y1, v[i].y1);
			if (v[i].vertical)
				f[k].nv++;
			else
				f[k].nh++;
		}
		for (i = 0; i < n; i++)
			for (k = 0; k < nf; k++) {
				if (find(p, i) == f[k].root ||
				    framed[find(p, i)])
					continue;
				if (f[k].nh + f[k].nv < 2)
					continue;
				if (v[i].x0 >= f[k].x0 - TOUCH && v[i].x1 <=
				    f[k].x1 + TOUCH && v[i].y0 >= f[k].y0 -
				    TOUCH && v[i].y1 <= f[k].y1 + TOUCH) {
					unite(p, i, f[k].root);
					changed = 1;
				}
			}
	} while (changed);
	free(framed);
	free(p);
	*out = f;
	return nf;
}

static int is_bullet(const char *);

/*
 * Lines inside a box, those of several spans (not a bulleted item), and
 * those a level rule runs through (a chart's axis labels sit on its
 * grid lines; a table's rules run between its rows).
 */
static void
count_lines(const struct gpageview *pv, const struct gregion *r, int *lines,
    int *multi, int *struck, int *wide)
{
	int i, k, in, words, first;

	*lines = *multi = *struck = *wide = 0;
	for (i = 0; i < pv->nlines; i++) {
		in = words = 0;
		first = -1;
		for (k = 0; k < pv->lines[i].n; k++) {
			const struct tspan *s = &pv->spans[pv->lines[i].spans[k]];

			if (!region_holds(r, s))
				continue;
			if (first < 0)
				first = pv->lines[i].spans[k];
			in++;
			/* Single letters side by side are a rotated label
			 * or tick marks, not cells. */
			words += utf8_count(s->text, strlen(s->text)) >= 2;
		}
		if (in == 0)
			continue;
		(*lines)++;
		*multi += words >= 2 && (in >= 3 ||
		    !is_bullet(pv->spans[first].text));
		*struck += pv->struck[i];
		*wide += in >= 3;
	}
}

/*
 * Does a level rule run through the middle of a span of line i: through
 * its text (struck out), or away from a number printed at its end (a
 * chart's axis label on its grid line)?
 */
static int
line_struck(const struct gpageview *pv, int i)
{
	const struct gline *l = &pv->lines[i];
	int k, m;

	for (k = 0; k < pv->nrules; k++) {
		const struct trule *r = &pv->rules[k];
		double rx0 = fmin(r->x0, r->x1), rx1 = fmax(r->x0, r->x1);

		if (r->page != pv->page || !rule_is_horizontal(r) ||
		    fabs(r->y0 - l->cy) >= 0.25 * l->height)
			continue;
		for (m = 0; m < l->n; m++) {
			const struct tspan *s = &pv->spans[l->spans[m]];
			double w = s->x1 - s->x0;

			/* Some fonts report boxes far taller than the text:
			 * the font size is the surer measure. */
			if (fabs(r->y0 - (s->y0 + s->y1) / 2) >= 0.25 *
			    fmin(span_height(s), fmax(s->size, 1)))
				continue;
			if (fmin(rx1, s->x1) - fmax(rx0, s->x0) >= 0.5 * w)
				return 1;
			if (span_is_number(s) && rx1 - rx0 >= 30 &&
			    ((rx0 >= s->x1 && rx0 - s->x1 < 8) ||
			    (rx1 <= s->x0 && s->x0 - rx1 < 8)))
				return 1;
		}
	}
	return 0;
}

static void
add_region(struct gregion **v, int *n, const struct gregion *r)
{
	*v = xreallocarray(*v, (size_t)*n + 1, sizeof(**v));
	(*v)[(*n)++] = *r;
}

static double aligned_share(const struct gpageview *, int, int,
    const struct gregion *);

/* The aligned share of the lines whose centres fall in the box. */
static double
box_alignment(const struct gpageview *pv, const struct gregion *r)
{
	int i, from = -1, to = -1;

	for (i = 0; i < pv->nlines; i++)
		if (pv->lines[i].cy >= r->y0 && pv->lines[i].cy <= r->y1) {
			if (from < 0)
				from = i;
			to = i + 1;
		}
	return from < 0 ? 0 : aligned_share(pv, from, to, r);
}

/* Numbers among the spans inside the box (a legend has none). */
static int
box_numbers(const struct gpageview *pv, const struct gregion *r)
{
	int i, n = 0;

	for (i = 0; i < pv->nspans; i++)
		n += pv->spans[i].page == pv->page &&
		    region_holds(r, &pv->spans[i]) &&
		    span_is_number(&pv->spans[i]);
	return n;
}

/*
 * Lines just left of a box, beside its height, whose numbers sit on
 * its level rules: a chart's axis labels on its grid lines (ICDAR
 * eu-011: 1200, 1000 … left of the axis; the legend inside is no table).
 */
static int
axis_ticks(const struct gpageview *pv, const struct gregion *r)
{
	const struct gline *l;
	int i, n = 0;

	for (i = 0; i < pv->nlines; i++) {
		l = &pv->lines[i];
		if (pv->struck[i] && l->cy >= r->y0 - 2 && l->cy <= r->y1 + 2 &&
		    l->right <= r->x0 + 1 && l->right >= r->x0 - 30)
			n++;
	}
	return n;
}

/*
 * Does a line in the box hold both words and a number (a row's label
 * and its value)?  A chart's labels print a share under its name, each
 * on a line of its own.
 */
static int
box_labelled_number(const struct gpageview *pv, const struct gregion *r)
{
	const struct tspan *s;
	int i, k, words, nums;

	for (i = 0; i < pv->nlines; i++) {
		words = nums = 0;
		for (k = 0; k < pv->lines[i].n; k++) {
			s = &pv->spans[pv->lines[i].spans[k]];
			if (!region_holds(r, s))
				continue;
			if (span_is_number(s))
				nums++;
			else
				words++;
		}
		if (words > 0 && nums > 0)
			return 1;
	}
	return 0;
}

static void
ruled_regions(const struct gpageview *pv, struct gregion **out, int *nout)
{
	struct rr *v;
	struct fig *f;
	struct gregion r;
	int n, nf, i, lines, multi, struck, wide;

	n = collect_rules(pv, &v);
	nf = figures(pv, v, n, &f);
	for (i = 0; i < nf; i++) {
		if (f[i].x1 - f[i].x0 < 40 || f[i].y1 - f[i].y0 < 8)
			continue;
		if (!(f[i].nh >= 2 && f[i].nv >= 2) && f[i].nh < 2)
			continue;
		memset(&r, 0, sizeof(r));
		r.x0 = f[i].x0;
		r.y0 = f[i].y0;
		r.x1 = f[i].x1;
		r.y1 = f[i].y1;
		r.ruled = 1;
		count_lines(pv, &r, &lines, &multi, &struck, &wide);
		if (struck * 3 > lines || axis_ticks(pv, &r) >= 2 ||
		    ((lines < 2 || multi < 2) &&
		    !(f[i].nh >= 2 && f[i].nv >= 3 && wide >= 1)))
			continue;
		/* A bare frame or a pair of rules says little: what is
		 * inside must read as a table by its alignment, and its
		 * numbers, if any, stand beside labels (a pie chart's
		 * shares under their names do not: ICDAR eu-015). */
		if (f[i].nh <= 2 && f[i].nv <= 2 && (multi < 3 ||
		    box_alignment(pv, &r) < 0.6 || (multi < 5 &&
		    box_numbers(pv, &r) < 3) || (box_numbers(pv, &r) > 0 &&
		    !box_labelled_number(pv, &r))))
			continue;
		add_region(out, nout, &r);
	}
	free(f);
	free(v);
}

/* ---------------------------------------------------------- aligned */

static int
is_bullet(const char *s)
{
	static const char *bullets[] = { "•", "·", "-", "–", "—", "*", "o",
	    "■", "□", "▪", "●", "○", "◦", "", NULL };
	int i;
	size_t n = strlen(s);

	for (i = 0; bullets[i]; i++)
		if (strcmp(s, bullets[i]) == 0)
			return 1;
	/* 1.  a)  (iv)  i. */
	if (n > 0 && n <= 5 && (s[n - 1] == '.' || s[n - 1] == ')'))
		return strspn(s, "0123456789abcdefghijklmnopqrstuvwxyz().") ==
		    n;
	return 0;
}

static int
line_taken(const struct gpageview *pv, const struct gregion *v, int n,
    const struct gline *l)
{
	int i, k;

	for (i = 0; i < n; i++)
		for (k = 0; k < l->n; k++)
			if (region_holds(&v[i], &pv->spans[l->spans[k]]))
				return 1;
	return 0;
}

/* A line of a table's body or header: several spans, not a list item. */
static int
multi_line(const struct gpageview *pv, int i)
{
	const struct gline *l = &pv->lines[i];

	if (pv->cls[i] != LC_TEXT || l->n < 2 || pv->struck[i])
		return 0;
	if (l->n == 2 && is_bullet(pv->spans[l->spans[0]].text))
		return 0;
	return 1;
}

static int
close_below(const struct gpageview *pv, int a, int b)
{
	const struct gline *x = &pv->lines[a], *y = &pv->lines[b];

	return y->page == x->page && y->top - x->bottom <= RUN_LEADING *
	    fmax(fmin(x->height, y->height), 4);
}

struct edge {
	double	 x;
	int	 line;
};

static int
cmp_edge(const void *a, const void *b)
{
	const struct edge *x = a, *y = b;

	return x->x < y->x ? -1 : x->x > y->x;
}

/* Is there an edge within tol of x on a line other than `line`? */
static int
edge_met(const struct edge *e, int n, double x, double tol, int line)
{
	int lo = 0, hi = n, mid;

	while (lo < hi) {
		mid = (lo + hi) / 2;
		if (e[mid].x < x - tol)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < n && e[lo].x <= x + tol; lo++)
		if (e[lo].line != line)
			return 1;
	return 0;
}

/*
 * The share of the multi lines' spans whose left edge, right edge or
 * centre meets the same edge of a span on another line of the run.
 */
static double
aligned_share(const struct gpageview *pv, int from, int to,
    const struct gregion *box)
{
	struct edge *e[3];
	int i, k, d, n = 0, total = 0, hit = 0;

	for (d = 0; d < 3; d++)
		e[d] = NULL;
	for (i = from; i < to; i++)
		n += pv->lines[i].n;
	for (d = 0; d < 3; d++)
		e[d] = xmalloc(sizeof(struct edge) * ((size_t)n + 1));
	n = 0;
	for (i = from; i < to; i++)
		for (k = 0; k < pv->lines[i].n; k++) {
			const struct tspan *s = &pv->spans[pv->lines[i].spans[k]];

			if (box && !region_holds(box, s))
				continue;
			e[0][n].x = s->x0;
			e[1][n].x = s->x1;
			e[2][n].x = (s->x0 + s->x1) / 2;
			e[0][n].line = e[1][n].line = e[2][n].line = i;
			n++;
		}
	for (d = 0; d < 3; d++)
		qsort(e[d], (size_t)n, sizeof(struct edge), cmp_edge);
	for (i = from; i < to; i++) {
		if (pv->lines[i].n < 2)
			continue;
		for (k = 0; k < pv->lines[i].n; k++) {
			const struct tspan *s = &pv->spans[pv->lines[i].spans[k]];

			if (box && !region_holds(box, s))
				continue;
			total++;
			hit += edge_met(e[0], n, s->x0, 2.5, i) ||
			    edge_met(e[1], n, s->x1, 2.5, i) ||
			    edge_met(e[2], n, (s->x0 + s->x1) / 2, 2.5, i);
		}
	}
	for (d = 0; d < 3; d++)
		free(e[d]);
	return total ? (double)hit / total : 0;
}

static int
numbers_in(const struct gpageview *pv, int from, int to)
{
	int i, k, n = 0;

	for (i = from; i < to; i++)
		for (k = 0; k < pv->lines[i].n; k++)
			n += span_is_number(&pv->spans[pv->lines[i].spans[k]]);
	return n;
}

/* Are two lines set in the same font size (a heading of the table's)? */
static int
same_size(const struct gpageview *pv, int a, int b)
{
	return fabs(pv->spans[pv->lines[a].spans[0]].size -
	    pv->spans[pv->lines[b].spans[0]].size) < 0.2;
}

static void
aligned_regions(const struct gpageview *pv, struct gregion **out, int *nout)
{
	int nruled = *nout, i, j, start, first, multi, singles;
	double left, right;
	struct gregion r;

	i = 0;
	while (i < pv->nlines) {
		if (!multi_line(pv, i) || line_taken(pv, *out, nruled,
		    &pv->lines[i])) {
			i++;
			continue;
		}
		start = first = i;
		multi = 1;
		singles = 0;
		left = pv->lines[i].left;
		right = pv->lines[i].right;
		for (j = i + 1; j < pv->nlines; j++) {
			if (!close_below(pv, j - 1, j) ||
			    line_taken(pv, *out, nruled, &pv->lines[j]) ||
			    pv->cls[j] != LC_TEXT || pv->struck[j])
				break;
			if (multi_line(pv, j)) {
				multi++;
				singles = 0;
				left = fmin(left, pv->lines[j].left);
				right = fmax(right, pv->lines[j].right);
				continue;
			}
			/* A wrapped label or a group's name, not prose: narrow
			 * beside the run's width so far. */
			if (singles == 2 || widest_span(pv, &pv->lines[j]) >
			    0.5 * (right - left))
				break;
			singles++;
		}
		j -= singles;
		/* A group's heading over the first multi line. */
		for (singles = 0; start > 0 && singles < 2 &&
		    pv->cls[start - 1] == LC_TEXT && pv->lines[start - 1].n == 1 &&
		    !pv->struck[start - 1] && close_below(pv, start - 1, start) &&
		    !line_taken(pv, *out, nruled, &pv->lines[start - 1]) &&
		    widest_span(pv, &pv->lines[start - 1]) < 0.5 * (right - left) &&
		    same_size(pv, start - 1, start);
		    singles++)
			start--;
		if (multi >= 3 && aligned_share(pv, start, j, NULL) >= 0.6 &&
		    (numbers_in(pv, start, j) >= 3 || multi >= 5)) {
			memset(&r, 0, sizeof(r));
			r.x0 = r.y0 = 1e18;
			r.x1 = r.y1 = -1e18;
			for (i = start; i < j; i++) {
				r.x0 = fmin(r.x0, pv->lines[i].left);
				r.x1 = fmax(r.x1, pv->lines[i].right);
				r.y0 = fmin(r.y0, pv->lines[i].top);
				r.y1 = fmax(r.y1, pv->lines[i].bottom);
			}
			add_region(out, nout, &r);
		}
		i = j > first ? j : first + 1;
	}
}

static int
cmp_region(const void *a, const void *b)
{
	const struct gregion *x = a, *y = b;

	if (fabs(x->y0 - y->y0) > 1 && (x->y1 < y->y0 || y->y1 < x->y0))
		return x->y0 < y->y0 ? -1 : 1;
	return x->x0 < y->x0 ? -1 : x->x0 > y->x0;
}

/* Drop a region inside another (a grid drawn inside a frame). */
static int
drop_nested(struct gregion *v, int n)
{
	int i, k, m = 0, inside;

	for (i = 0; i < n; i++) {
		inside = 0;
		for (k = 0; k < n && !inside; k++)
			inside = k != i && v[i].x0 >= v[k].x0 - 1 &&
			    v[i].x1 <= v[k].x1 + 1 && v[i].y0 >= v[k].y0 - 1 &&
			    v[i].y1 <= v[k].y1 + 1 && (k < i ||
			    v[i].x0 != v[k].x0 || v[i].x1 != v[k].x1 ||
			    v[i].y0 != v[k].y0 || v[i].y1 != v[k].y1);
		if (!inside)
			v[m++] = v[i];
	}
	return m;
}

/*
 * The tables on the page, in reading order: top to bottom, side by side
 * ones left to right.  Returns the number; *out is the caller's to free.
 */
int
regions_find(const struct gpageview *in, struct gregion **out)
{
	struct gpageview view = *in, *pv = &view;
	struct gregion *v = NULL;
	int *struck, i, n = 0;

	struck = xcalloc((size_t)in->nlines + 1, sizeof(int));
	for (i = 0; i < in->nlines; i++)
		struck[i] = line_struck(in, i);
	view.struck = struck;
	ruled_regions(pv, &v, &n);
	n = drop_nested(v, n);
	aligned_regions(pv, &v, &n);
	if (n > 0)
		qsort(v, (size_t)n, sizeof(*v), cmp_region);
	free(struck);
	*out = v;
	return n;
}
