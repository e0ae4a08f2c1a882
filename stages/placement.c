/*
 * placement.c - the ways one row's amounts can sit in its columns.
 *
 * The placements are enumerated value by value, left to right.  Columns
 * only ever fill in increasing order, so once a value sits in column c
 * every column up to c is decided, and so is every identity whose columns
 * all lie there: a branch that already breaks more identities than the
 * best complete placement so far is cut at once.  The preferences that
 * do not depend on the rest of the placement (twin tables, code hints)
 * are worked out once per row, not once per placement.
 */
#include <stdlib.h>
#include <string.h>

#include "checks.h"
#include "placement.h"

#define MAX_EVAL	20000	/* complete placements looked at per row */
#define MAX_KEEP	64	/* placements kept per row */
/*
 * Steps of the search per row.  No row of the seeds or the corpus whose
 * placement adds up needs more than 12,000; a garbled row (eight amounts
 * of which no placement adds up) would take 70,000 and more, then as
 * many again for each value it tries to leave out, which has a budget of
 * its own.
 */
#define MAX_NODES	30000
#define MAX_DROP_NODES	10000
#define PTRACE_MAX	4096	/* placements a trace holds */

struct enumctx {
	const struct grid *g;
	const struct srow *r;
	int		 ncols;
	int		*sorder;	/* identities by their last column */
	int		*smax;
	int		 nsums;
	int		 incremental;	/* columns rise across segments */
	long long	*v;		/* the placement being built */
	unsigned char	*blank;
	int		*slot;		/* column per value */
	long		*vote;		/* per value and column: twins' say */
	unsigned char	*wanted;	/* per column: a code hint wants it */
	int		*wanted_cols, nwanted;	/* those columns */
	int		*whole;		/* per 其中 column: what it is part of */
	int		*parts, nparts;	/* the 其中 columns */
	int		 skip;		/* value left out, or -1 */
	int		 best_viol;
	int		 worst;		/* of a full rowcands, or -1: unknown */
	long		 evals;
	long		 nodes, max_nodes;
	struct ptrace	*trace;		/* where to record what keep() saw */
	int		 phase;
	struct rowcands	*out;
};

int
srow_values(const struct srow *r)
{
	int i, n = 0;

	for (i = 0; i < r->nsegs; i++)
		n += r->segs[i].nvals;
	return n;
}

int
cand_cmp(const void *a, const void *b)
{
	const struct cand *x = a, *y = b;

	if (x->viol != y->viol)
		return x->viol < y->viol ? -1 : 1;
	return x->prior < y->prior ? -1 : x->prior > y->prior;
}

/* A candidate's arrays live in one block, v first. */
static void
cand_free(struct cand *c)
{
	free(c->v);
}

static void
cand_alloc(struct cand *c, int ncols, int nv)
{
	char *p = xmalloc(sizeof(long long) * (size_t)ncols +
	    sizeof(int) * (size_t)(nv + 1) + (size_t)ncols + 1);

	c->v = (long long *)p;
	c->col_of = (int *)(p + sizeof(long long) * (size_t)ncols);
	c->blank = (unsigned char *)(c->col_of + nv + 1);
}

void
rowcands_free(struct rowcands *rc)
{
	int i;

	for (i = 0; i < rc->n; i++)
		cand_free(&rc->c[i]);
	free(rc->c);
	memset(rc, 0, sizeof(*rc));
}

static int
sum_last_col(const struct gsum *s)
{
	int i, m = s->lhs;

	for (i = 0; i < s->nrhs; i++)
		if (s->rhs[i] > m)
			m = s->rhs[i];
	return m;
}

static const int *sort_max;

static int
cmp_by_max(const void *a, const void *b)
{
	return sort_max[*(const int *)a] - sort_max[*(const int *)b];
}

/* Decide the identities whose columns all lie at or before col. */
static int
decide(struct enumctx *e, int *next, int col)
{
	long long diff;
	int broken = 0;

	while (*next < e->nsums && e->smax[e->sorder[*next]] <= col) {
		if (!checks_sum_holds(&e->g->sums[e->sorder[*next]], e->v,
		    e->blank, &diff))
			broken++;
		(*next)++;
	}
	return broken;
}

static long long
magnitude(long long v)
{
	return v < 0 ? -v : v;
}

/*
 * An "of which" (其中) amount is part of the column it stands under: it is
 * printed only where that column is, and never exceeds it.
 */
static int
parts_exceeding(const struct enumctx *e)
{
	int i, c, w, broken = 0;

	for (i = 0; i < e->nparts; i++) {
		c = e->parts[i];
		w = e->whole[c];
		if (e->blank[c])
			continue;
		if (e->blank[w] || magnitude(e->v[c]) > magnitude(e->v[w]))
			broken++;
	}
	return broken;
}

/*
 * The column an of-which column belongs to: the nearest amount column on
 * its left under the same heading (一般公共预算/小计 for
 * 一般公共预算/其中：财政拨款) that is no part itself.
 */
static int
whole_of(const struct grid *g, int c)
{
	const char *path = g->cols[c].path, *slash = strrchr(path, '/');
	size_t plen = slash ? (size_t)(slash - path) + 1 : 0;
	int w;

	for (w = c - 1; w >= 0; w--) {
		if (g->cols[w].type != COL_AMOUNT || g->cols[w].of_which)
			continue;
		if (plen == 0 || strncmp(g->cols[w].path, path, plen) == 0)
			return w;
		return -1;
	}
	return -1;
}

static void
blank_between(struct enumctx *e, int from, int to)
{
	int c;

	for (c = from; c <= to; c++) {
		e->blank[c] = 1;
		e->v[c] = 0;
	}
}

static long
prior_of(const struct enumctx *e, int nv)
{
	long p = 0;
	int vi, c;

	for (vi = 0; vi < nv; vi++) {
		if (e->slot[vi] < 0)
			continue;
		p += e->slot[vi] + e->vote[vi * e->ncols + e->slot[vi]];
	}
	for (c = 0; c < e->nwanted; c++)
		if (e->blank[e->wanted_cols[c]])
			p += 1000;
	return p;
}

/* Remember a placement keep() is offered, to offer it to a twin row. */
static void
record(struct enumctx *e, int viol)
{
	struct ptrace *t = e->trace;
	int nv = srow_values(e->r);
	size_t nc = (size_t)e->ncols;

	if (t == NULL || t->n < 0)
		return;
	if (t->n == PTRACE_MAX) {
		t->n = -1;		/* too long to be worth keeping */
		return;
	}
	if (t->n == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 8;
		t->v = xreallocarray(t->v, (size_t)t->cap * nc, sizeof(*t->v));
		t->blank = xreallocarray(t->blank, (size_t)t->cap * nc, 1);
		t->slot = xreallocarray(t->slot, (size_t)t->cap *
		    (size_t)(nv + 1), sizeof(int));
		t->viol = xreallocarray(t->viol, (size_t)t->cap, sizeof(int));
		t->phase = xreallocarray(t->phase, (size_t)t->cap, 1);
	}
	memcpy(t->v + (size_t)t->n * nc, e->v, sizeof(*t->v) * nc);
	memcpy(t->blank + (size_t)t->n * nc, e->blank, nc);
	memcpy(t->slot + (size_t)t->n * (size_t)(nv + 1), e->slot,
	    sizeof(int) * (size_t)nv);
	t->viol[t->n] = viol;
	t->phase[t->n] = (unsigned char)e->phase;
	t->n++;
}

/* The first of the worst kept placements. */
static int
worst_kept(const struct rowcands *rc)
{
	int worst = 0, i;

	for (i = 1; i < rc->n; i++)
		if (cand_cmp(&rc->c[i], &rc->c[worst]) > 0)
			worst = i;
	return worst;
}

/*
 * Keep a placement among the MAX_KEEP best.  Once they are that many,
 * most placements offered are no better than the worst: the worst is
 * found again only when it is replaced, and a placement breaking more
 * identities is turned away before its prior is worked out.
 */
static void
keep(struct enumctx *e, int viol)
{
	struct rowcands *rc = e->out;
	int nv = srow_values(e->r), worst;
	struct cand c;

	record(e, viol);
	if (rc->c == NULL)
		rc->c = xmalloc(sizeof(*rc->c) * MAX_KEEP);
	if (rc->n == MAX_KEEP) {
		if (e->worst < 0)
			e->worst = worst_kept(rc);
		worst = e->worst;
		if (viol > rc->c[worst].viol)
			return;
		c.viol = viol;
		c.prior = prior_of(e, nv);
		if (cand_cmp(&c, &rc->c[worst]) >= 0)
			return;
		/* The worst's arrays take the new one's values. */
		c.v = rc->c[worst].v;
		c.col_of = rc->c[worst].col_of;
		c.blank = rc->c[worst].blank;
		rc->c[worst] = rc->c[--rc->n];
	} else {
		c.viol = viol;
		c.prior = prior_of(e, nv);
		cand_alloc(&c, e->ncols, nv);
	}
	e->worst = -1;
	memcpy(c.v, e->v, sizeof(long long) * (size_t)e->ncols);
	memcpy(c.blank, e->blank, (size_t)e->ncols);
	memcpy(c.col_of, e->slot, sizeof(int) * (size_t)nv);
	rc->c[rc->n++] = c;
}

/*
 * Place value k of segment seg (value vi of the row) in a column from
 * index from of the segment's columns on; columns up to last are
 * decided, identities before next judged, viol of them broken.
 */
static void
place(struct enumctx *e, int seg, int k, int from, int vi, int last,
    int next, int viol)
{
	const struct segment *sg;
	int i, c, left, n, b, blanked;

	if (e->evals >= MAX_EVAL || ++e->nodes > e->max_nodes ||
	    viol > e->best_viol)
		return;
	if (seg == e->r->nsegs) {
		if (e->incremental)
			blank_between(e, last + 1, e->ncols - 1);
		n = next;
		viol += decide(e, &n, e->ncols) + parts_exceeding(e);
		e->evals++;
		if (viol > e->best_viol)
			return;
		e->best_viol = viol;
		keep(e, viol);
		return;
	}
	sg = &e->r->segs[seg];
	if (k == sg->nvals) {
		place(e, seg + 1, 0, 0, vi, last, next, viol);
		return;
	}
	if (vi == e->skip) {
		e->slot[vi] = -1;
		place(e, seg, k + 1, from, vi + 1, last, next, viol);
		return;
	}
	left = sg->nvals - k - (e->skip > vi && e->skip < vi + sg->nvals - k);
	/*
	 * Deeper levels change only columns right of c: after one, columns
	 * up to c are as this level left them, and the next column needs
	 * blanking only from c on.
	 */
	blanked = last + 1;
	for (i = from; i + left <= sg->ncols; i++) {
		c = sg->cols[i];
		e->slot[vi] = c;
		if (!e->incremental) {
			e->v[c] = sg->vals[k];
			e->blank[c] = 0;
			place(e, seg, k + 1, i + 1, vi + 1, last, next, viol);
			e->blank[c] = 1;
			continue;
		}
		blank_between(e, blanked, c - 1);
		blanked = c;
		e->v[c] = sg->vals[k];
		e->blank[c] = 0;
		n = next;
		b = decide(e, &n, c);
		place(e, seg, k + 1, i + 1, vi + 1, c, n, viol + b);
	}
}

/* Columns rise from segment to segment: incremental judging is sound. */
static int
columns_rise(const struct srow *r)
{
	int i, k, last = -1;

	for (i = 0; i < r->nsegs; i++)
		for (k = 0; k < r->segs[i].ncols; k++) {
			if (r->segs[i].cols[k] <= last)
				return 0;
			last = r->segs[i].cols[k];
		}
	return 1;
}

static void
work_out_preferences(struct enumctx *e, const struct layout *l,
    const struct twins *tw)
{
	const struct srow *r = e->r;
	int i, k, c, vi = 0;

	for (i = 0; i < r->nsegs; i++)
		for (k = 0; k < r->segs[i].nvals; k++, vi++) {
			if (tw == NULL || !twins_printed(tw, r->twin_key,
			    r->segs[i].texts[k]))
				continue;
			for (c = 0; c < r->segs[i].ncols; c++) {
				int col = r->segs[i].cols[c];

				e->vote[vi * e->ncols + col] = -300 *
				    twins_vote(tw, r->twin_key,
				    r->segs[i].texts[k], e->g->cols[col].canon);
			}
		}
	for (i = 0; l && r->code_text && i < l->nprefers; i++)
		if (regex_match(l->prefers[i].rx, r->code_text,
		    strlen(r->code_text)))
			e->wanted[l->prefers[i].amountcol] = 1;
	for (c = 0; c < e->ncols; c++)
		if (e->wanted[c])
			e->wanted_cols[e->nwanted++] = c;
}

static void
enumerate_all(struct enumctx *e, int skip)
{
	if (skip < 0) {
		e->nodes = 0;
		e->max_nodes = MAX_NODES;
	} else if (skip == 0) {
		e->nodes = 0;
		e->max_nodes = MAX_DROP_NODES;
	}

	e->skip = skip;
	e->evals = 0;
	blank_between(e, 0, e->ncols - 1);
	place(e, 0, 0, 0, 0, -1, 0, 0);
}

static int
fewest_broken(const struct rowcands *rc)
{
	int i, m = 1 << 30;

	for (i = 0; i < rc->n; i++)
		if (rc->c[i].viol < m)
			m = rc->c[i].viol;
	return m;
}

/* Only the placements breaking the fewest identities, best first. */
static void
prune(struct rowcands *rc)
{
	int m = fewest_broken(rc), i, k = 0;

	for (i = 0; i < rc->n; i++) {
		if (rc->c[i].viol == m)
			rc->c[k++] = rc->c[i];
		else
			cand_free(&rc->c[i]);
	}
	rc->n = k;
	if (rc->n > 1)
		qsort(rc->c, (size_t)rc->n, sizeof(*rc->c), cand_cmp);
}

/*
 * A row's placements.  If none keeps all its identities and it has
 * values to spare, a value the dump misplaced (a stray from another row)
 * may be left out; the row then says so.
 */
/* Offer keep() again what a row with the same amounts was offered. */
static void
replay_phase(struct enumctx *e, const struct ptrace *t, int phase)
{
	int i, nv = srow_values(e->r);
	size_t nc = (size_t)e->ncols;

	for (i = 0; i < t->n; i++) {
		if (t->phase[i] != phase)
			continue;
		memcpy(e->v, t->v + (size_t)i * nc, sizeof(*e->v) * nc);
		memcpy(e->blank, t->blank + (size_t)i * nc, nc);
		memcpy(e->slot, t->slot + (size_t)i * (size_t)(nv + 1),
		    sizeof(int) * (size_t)nv);
		keep(e, t->viol[i]);
	}
}

/*
 * Whether two rows offer the same amounts to the same columns: then the
 * search goes the same way for both, and only their priors differ.
 */
int
same_amounts(const struct srow *a, const struct srow *b)
{
	int i;

	if (a->nsegs != b->nsegs)
		return 0;
	for (i = 0; i < a->nsegs; i++) {
		const struct segment *x = &a->segs[i], *y = &b->segs[i];

		if (x->nvals != y->nvals || x->ncols != y->ncols ||
		    memcmp(x->vals, y->vals, sizeof(*x->vals) *
		    (size_t)x->nvals) != 0 ||
		    memcmp(x->cols, y->cols, sizeof(*x->cols) *
		    (size_t)x->ncols) != 0)
			return 0;
	}
	return 1;
}

void
ptrace_free(struct ptrace *t)
{
	free(t->v);
	free(t->blank);
	free(t->slot);
	free(t->viol);
	free(t->phase);
	memset(t, 0, sizeof(*t));
}

/* The search's state for one row; identities ordered by their last column. */
static void
enumctx_init(struct enumctx *e, const struct grid *g, const struct srow *r,
    struct rowcands *rc)
{
	int nv = srow_values(r), i;

	memset(e, 0, sizeof(*e));
	e->g = g;
	e->r = r;
	e->ncols = g->ncols;
	e->nsums = g->nsums;
	e->out = rc;
	e->incremental = columns_rise(r);
	e->sorder = xmalloc(sizeof(int) * ((size_t)g->nsums + 1));
	e->smax = xmalloc(sizeof(int) * ((size_t)g->nsums + 1));
	for (i = 0; i < g->nsums; i++) {
		e->sorder[i] = i;
		e->smax[i] = sum_last_col(&g->sums[i]);
	}
	sort_max = e->smax;
	qsort(e->sorder, (size_t)g->nsums, sizeof(int), cmp_by_max);
	e->v = xcalloc((size_t)e->ncols + 1, sizeof(long long));
	e->blank = xmalloc((size_t)e->ncols + 1);
	e->slot = xmalloc(sizeof(int) * (size_t)(nv + 1));
	e->vote = xcalloc((size_t)(nv + 1) * (size_t)(e->ncols + 1),
	    sizeof(long));
	e->wanted = xcalloc((size_t)e->ncols + 1, 1);
	e->wanted_cols = xmalloc(sizeof(int) * ((size_t)e->ncols + 1));
	e->whole = xmalloc(sizeof(int) * ((size_t)e->ncols + 1));
	e->parts = xmalloc(sizeof(int) * ((size_t)e->ncols + 1));
	for (i = 0; i < e->ncols; i++) {
		e->whole[i] = g->cols[i].of_which &&
		    g->cols[i].type == COL_AMOUNT ? whole_of(g, i) : -1;
		if (e->whole[i] >= 0)
			e->parts[e->nparts++] = i;
	}
	e->best_viol = 1 << 30;
	e->worst = -1;
}

static void
enumctx_free(struct enumctx *e)
{
	free(e->sorder);
	free(e->smax);
	free(e->v);
	free(e->blank);
	free(e->slot);
	free(e->vote);
	free(e->wanted);
	free(e->wanted_cols);
	free(e->whole);
	free(e->parts);
}

/*
 * No placement keeps all the row's identities: leaving one value out (a
 * stray from another row) is tried, and kept only if it fixes them.
 */
static void
try_leaving_one_out(struct enumctx *e, const struct ptrace *replay)
{
	struct rowcands *rc = e->out, first = *rc;
	int nv = srow_values(e->r), drop;

	memset(rc, 0, sizeof(*rc));
	e->best_viol = 0;
	e->phase = 1;
	if (replay)
		replay_phase(e, replay, 1);
	else
		for (drop = 0; drop < nv; drop++)
			enumerate_all(e, drop);
	if (rc->n > 0) {
		rowcands_free(&first);
		rc->dropped = 1;
	} else {
		rowcands_free(rc);
		*rc = first;
	}
}

/*
 * A row's placements, worked out (and recorded into trace, when given),
 * or, given replay, the trace of a row with the same amounts offered
 * again under this row's own priors: the same result as the search, for
 * much less.
 */
void
placements(struct rowcands *rc, const struct grid *g, const struct layout *l,
    const struct twins *tw, const struct srow *r, struct ptrace *trace,
    const struct ptrace *replay)
{
	struct enumctx e;

	memset(rc, 0, sizeof(*rc));
	enumctx_init(&e, g, r, rc);
	work_out_preferences(&e, l, tw);
	e.trace = replay ? NULL : trace;
	if (replay)
		replay_phase(&e, replay, 0);
	else
		enumerate_all(&e, -1);
	if (rc->n > 0 && fewest_broken(rc) > 0 && srow_values(r) >= 2 &&
	    g->nsums > 0)
		try_leaving_one_out(&e, replay);
	if (rc->n > 0)
		prune(rc);
	enumctx_free(&e);
}
