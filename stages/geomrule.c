/*
 * geomrule.c - ruling lines gathered into separators.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "geomrule.h"

/* Gaps along a separator shorter than this (pt) are drawing seams. */
#define SEAM	2.5

int
rule_is_vertical(const struct trule *r)
{
	return fabs(r->x1 - r->x0) < 1.0 && fabs(r->y1 - r->y0) >= 1.0;
}

int
rule_is_horizontal(const struct trule *r)
{
	return fabs(r->y1 - r->y0) < 1.0 && fabs(r->x1 - r->x0) >= 1.0;
}

struct piece {
	double	 pos, lo, hi;
};

static int
cmp_piece(const void *a, const void *b)
{
	const struct piece *x = a, *y = b;

	if (x->pos != y->pos)
		return x->pos < y->pos ? -1 : 1;
	return x->lo < y->lo ? -1 : x->lo > y->lo;
}

static int
cmp_ival(const void *a, const void *b)
{
	const struct ival *x = a, *y = b;

	return x->lo < y->lo ? -1 : x->lo > y->lo;
}

/* Sort a separator's stretches and merge those that touch. */
static void
merge_cover(struct gsep *s)
{
	int i, m = 0;

	qsort(s->cover, (size_t)s->ncover, sizeof(*s->cover), cmp_ival);
	for (i = 0; i < s->ncover; i++) {
		if (m > 0 && s->cover[i].lo <= s->cover[m - 1].hi + SEAM) {
			s->cover[m - 1].hi = fmax(s->cover[m - 1].hi,
			    s->cover[i].hi);
			continue;
		}
		s->cover[m++] = s->cover[i];
	}
	s->ncover = m;
	s->lo = m ? s->cover[0].lo : 0;
	s->hi = m ? s->cover[m - 1].hi : 0;
}

/*
 * The separators of one direction among rules[0..n) on the page, sorted
 * by position.  A piece joins the separator being built while its
 * position stays within SEP_SNAP of the separator's first piece.
 */
void
gseps_build(const struct trule *rules, int n, long page, int vertical,
    struct gseps *out)
{
	struct piece *p;
	struct gsep *s = NULL;
	int i, np = 0;
	double first = 0;

	memset(out, 0, sizeof(*out));
	p = xmalloc(sizeof(*p) * ((size_t)n + 1));
	for (i = 0; i < n; i++) {
		const struct trule *r = &rules[i];

		if (r->page != page)
			continue;
		if (vertical && rule_is_vertical(r)) {
			p[np].pos = (r->x0 + r->x1) / 2;
			p[np].lo = fmin(r->y0, r->y1);
			p[np++].hi = fmax(r->y0, r->y1);
		} else if (!vertical && rule_is_horizontal(r)) {
			p[np].pos = (r->y0 + r->y1) / 2;
			p[np].lo = fmin(r->x0, r->x1);
			p[np++].hi = fmax(r->x0, r->x1);
		}
	}
	qsort(p, (size_t)np, sizeof(*p), cmp_piece);
	for (i = 0; i < np; i++) {
		if (s == NULL || p[i].pos - first > SEP_SNAP) {
			out->v = xreallocarray(out->v, (size_t)out->n + 1,
			    sizeof(*out->v));
			s = &out->v[out->n++];
			memset(s, 0, sizeof(*s));
			first = p[i].pos;
		}
		s->cover = xreallocarray(s->cover, (size_t)s->ncover + 1,
		    sizeof(*s->cover));
		s->cover[s->ncover].lo = p[i].lo;
		s->cover[s->ncover++].hi = p[i].hi;
		/* The position is the mean of the pieces' positions. */
		s->pos += (p[i].pos - s->pos) / s->ncover;
	}
	for (i = 0; i < out->n; i++)
		merge_cover(&out->v[i]);
	free(p);
}

void
gseps_free(struct gseps *s)
{
	int i;

	for (i = 0; i < s->n; i++)
		free(s->v[i].cover);
	free(s->v);
	memset(s, 0, sizeof(*s));
}

/* The share of [lo, hi] the separator covers. */
double
gsep_covered(const struct gsep *s, double lo, double hi)
{
	double got = 0;
	int i;

	if (hi <= lo)
		return 0;
	for (i = 0; i < s->ncover; i++)
		got += fmax(0, fmin(hi, s->cover[i].hi) -
		    fmax(lo, s->cover[i].lo));
	return got / (hi - lo);
}

/* The separator within tol of pos, or -1. */
int
gseps_near(const struct gseps *s, double pos, double tol)
{
	int i, best = -1;
	double d, bd = tol;

	for (i = 0; i < s->n; i++) {
		d = fabs(s->v[i].pos - pos);
		if (d <= bd) {
			bd = d;
			best = i;
		}
	}
	return best;
}
