/*
 * solver.c - which column each amount of a row belongs to.
 */
#include <stdlib.h>
#include <string.h>

#include "solver.h"

#define MAX_EVAL	20000	/* placements tried per row */
#define MAX_KEEP	64	/* placements kept per row */
#define VIOLATION	1000000LL
#define MAX_NODES	400000L	/* the exact search gives up after this */
#define MAX_SOLUTIONS	64

struct cand {
	long long	*v;
	unsigned char	*blank;
	int		*col_of;
	int		 viol;
	long		 prior;
};

struct rowcands {
	struct cand	*c;
	int		 n;
	int		 dropped;
};

/* Rows whose amounts must add up to a target row's, column by column. */
struct constraint {
	int	 target;
	int	*members;
	int	 nmembers;
};

struct solver {
	struct grid	 *g;
	const struct layout *l;
	const struct twins *twins;
	struct srow	 *rows;
	int		  nrows, ncols, nvals_max;
	struct rowcands	 *rc;
	int		 *choice;
	struct constraint *cons;
	int		  ncons;
	int		  evals;
	/* scratch for enumeration */
	int		 *slot;
	int		  skip;		/* value index left out, or -1 */
	/* the exact search */
	struct eqterm	**terms;	/* per row: the equations it is in */
	int		 *nterms;
	long long	 *partial;	/* per equation column: sum so far */
	long long	 *lo, *hi;	/* what the unassigned rows may add */
	long long	 *tol;
	int		  neq;		/* constraints x columns */
	int		 *order;
	int		 *cur;
	int		 *best;
	long		  best_prior;
	unsigned long long *seen;	/* per row: candidates in a solution */
	long		  nodes;
	int		  solutions;
};

/* Row r's coefficient in equation e: +1 as the total, -1 as a part. */
struct eqterm {
	int	 eq;
	int	 coeff;
	int	 col;
};

static int
total_values(const struct srow *r)
{
	int i, n = 0;

	for (i = 0; i < r->nsegs; i++)
		n += r->segs[i].nvals;
	return n;
}

static int
violations(struct solver *s, const long long *v, const unsigned char *blank)
{
	long long diff;
	int i, n = 0;

	for (i = 0; i < s->g->nsums; i++)
		if (!checks_sum_holds(&s->g->sums[i], v, blank, &diff))
			n++;
	return n;
}

/* The family's hints: a row whose code matches wants that column. */
static long
hint_penalty(struct solver *s, const struct srow *r,
    const unsigned char *blank)
{
	long p = 0;
	int i;

	if (s->l == NULL || r->code_text == NULL)
		return 0;
	for (i = 0; i < s->l->nprefers; i++)
		if (blank[s->l->prefers[i].amountcol] &&
		    regex_match(s->l->prefers[i].rx, r->code_text,
		    strlen(r->code_text)))
			p += 1000;
	return p;
}

/* Where twin tables put this row's amounts: a strong preference. */
static long
twin_prior(struct solver *s, const struct srow *r, const int *col_of)
{
	const char *canon;
	long p = 0;
	int i, k, vi = 0;

	if (s->twins == NULL || r->twin_key == NULL)
		return 0;
	for (i = 0; i < r->nsegs; i++)
		for (k = 0; k < r->segs[i].nvals; k++, vi++) {
			if (col_of[vi] < 0)
				continue;
			canon = s->g->cols[col_of[vi]].canon;
			p -= 300 * twins_vote(s->twins, r->twin_key,
			    r->segs[i].texts[k], canon);
		}
	return p;
}

static void
keep_candidate(struct solver *s, int row)
{
	struct rowcands *rc = &s->rc[row];
	struct srow *r = &s->rows[row];
	struct cand c;
	int i, k, vi = 0, nv = total_values(r), worst;

	c.v = xcalloc((size_t)s->ncols, sizeof(long long));
	c.blank = xmalloc((size_t)s->ncols);
	memset(c.blank, 1, (size_t)s->ncols);
	c.col_of = xmalloc(sizeof(int) * (size_t)(nv + 1));
	c.prior = 0;
	for (i = 0; i < r->nsegs; i++)
		for (k = 0; k < r->segs[i].nvals; k++, vi++) {
			c.col_of[vi] = s->slot[vi];
			if (s->slot[vi] < 0)
				continue;
			c.v[s->slot[vi]] = r->segs[i].vals[k];
			c.blank[s->slot[vi]] = 0;
			c.prior += s->slot[vi];
		}
	c.viol = violations(s, c.v, c.blank);
	c.prior += hint_penalty(s, r, c.blank);
	c.prior += twin_prior(s, r, c.col_of);
	/* Keep the best MAX_KEEP by (violations, prior). */
	if (rc->n == MAX_KEEP) {
		worst = 0;
		for (i = 1; i < rc->n; i++)
			if (rc->c[i].viol > rc->c[worst].viol ||
			    (rc->c[i].viol == rc->c[worst].viol &&
			    rc->c[i].prior > rc->c[worst].prior))
				worst = i;
		if (c.viol > rc->c[worst].viol || (c.viol == rc->c[worst].viol &&
		    c.prior >= rc->c[worst].prior)) {
			free(c.v);
			free(c.blank);
			free(c.col_of);
			return;
		}
		free(rc->c[worst].v);
		free(rc->c[worst].blank);
		free(rc->c[worst].col_of);
		rc->c[worst] = c;
		return;
	}
	rc->c = xreallocarray(rc->c, (size_t)rc->n + 1, sizeof(*rc->c));
	rc->c[rc->n++] = c;
}

/* Every order-keeping placement of segment seg's values from value k. */
static void
enumerate(struct solver *s, int row, int seg, int k, int from, int vi)
{
	struct srow *r = &s->rows[row];
	struct segment *sg;
	int i, left;

	if (s->evals >= MAX_EVAL)
		return;
	if (seg == r->nsegs) {
		s->evals++;
		keep_candidate(s, row);
		return;
	}
	sg = &r->segs[seg];
	if (k == sg->nvals) {
		enumerate(s, row, seg + 1, 0, 0, vi);
		return;
	}
	if (vi == s->skip) {
		s->slot[vi] = -1;
		enumerate(s, row, seg, k + 1, from, vi + 1);
		return;
	}
	left = sg->nvals - k - (s->skip > vi && s->skip < vi + sg->nvals - k);
	for (i = from; i + left <= sg->ncols; i++) {
		s->slot[vi] = sg->cols[i];
		enumerate(s, row, seg, k + 1, i + 1, vi + 1);
	}
}

static int
min_viol(const struct rowcands *rc)
{
	int i, m = 1 << 30;

	for (i = 0; i < rc->n; i++)
		if (rc->c[i].viol < m)
			m = rc->c[i].viol;
	return m;
}

static void
free_cands(struct rowcands *rc)
{
	int i;

	for (i = 0; i < rc->n; i++) {
		free(rc->c[i].v);
		free(rc->c[i].blank);
		free(rc->c[i].col_of);
	}
	free(rc->c);
	rc->c = NULL;
	rc->n = 0;
}

static int
cmp_cand(const void *a, const void *b)
{
	const struct cand *x = a, *y = b;

	if (x->viol != y->viol)
		return x->viol < y->viol ? -1 : 1;
	return x->prior < y->prior ? -1 : x->prior > y->prior;
}

/*
 * A row's placements.  If none satisfies its identities and it has values
 * to spare, a value the dump misplaced (a stray from another row) may be
 * left out; the row then says so.
 */
static void
row_candidates(struct solver *s, int row)
{
	struct rowcands *rc = &s->rc[row];
	struct rowcands best;
	int nv = total_values(&s->rows[row]), drop;

	s->skip = -1;
	s->evals = 0;
	enumerate(s, row, 0, 0, 0, 0);
	if (rc->n == 0 || min_viol(rc) == 0 || nv < 2 || s->g->nsums == 0)
		goto done;
	best = *rc;
	memset(rc, 0, sizeof(*rc));
	for (drop = 0; drop < nv; drop++) {
		s->skip = drop;
		s->evals = 0;
		enumerate(s, row, 0, 0, 0, 0);
	}
	s->skip = -1;
	if (rc->n > 0 && min_viol(rc) == 0) {
		free_cands(&best);
		rc->dropped = 1;
	} else {
		free_cands(rc);
		*rc = best;
	}
done:
	/* Only the placements with the fewest broken identities remain. */
	if (rc->n > 0) {
		int m = min_viol(rc), i, k = 0;

		for (i = 0; i < rc->n; i++) {
			if (rc->c[i].viol == m) {
				rc->c[k++] = rc->c[i];
				continue;
			}
			free(rc->c[i].v);
			free(rc->c[i].blank);
			free(rc->c[i].col_of);
		}
		rc->n = k;
		qsort(rc->c, (size_t)rc->n, sizeof(*rc->c), cmp_cand);
	}
}

static void
add_constraint(struct solver *s, int target, const int *members, int n)
{
	struct constraint *c;

	s->cons = xreallocarray(s->cons, (size_t)s->ncons + 1,
	    sizeof(*s->cons));
	c = &s->cons[s->ncons++];
	c->target = target;
	c->nmembers = n;
	c->members = xmalloc(sizeof(int) * (size_t)(n + 1));
	memcpy(c->members, members, sizeof(int) * (size_t)n);
}

/*
 * A printed 0.00 goes where the total prints 0.00 too: columns with real
 * amounts leave a zero blank, columns that print zeros print them in
 * every row (公开03表's 上缴上级支出 and 经营支出).
 */
static void
zero_prior(struct solver *s, int total)
{
	const struct cand *t;
	int r, j, c;

	if (total < 0 || s->rc[total].n == 0)
		return;
	t = &s->rc[total].c[0];
	for (r = 0; r < s->nrows; r++) {
		if (r == total)
			continue;
		for (j = 0; j < s->rc[r].n; j++) {
			struct cand *x = &s->rc[r].c[j];

			for (c = 0; c < s->ncols; c++)
				if (!x->blank[c] && x->v[c] == 0 &&
				    (t->blank[c] || t->v[c] != 0))
					x->prior += 50;
		}
		if (s->rc[r].n > 1)
			qsort(s->rc[r].c, (size_t)s->rc[r].n,
			    sizeof(*s->rc[r].c), cmp_cand);
	}
}

static void
build_constraints(struct solver *s)
{
	struct hierarchy h;
	int *m = xmalloc(sizeof(int) * ((size_t)s->nrows + 1));
	int sys, r, q, n, ns;

	hierarchy_build(&h, s->g);
	ns = h.nsystems;
	for (sys = 0; sys < ns; sys++) {
		for (r = 0; r < s->nrows; r++) {
			n = 0;
			for (q = 0; q < s->nrows; q++)
				if (h.parent[q * ns + sys] == r)
					m[n++] = q;
			if (n > 0)
				add_constraint(s, r, m, n);
		}
		if (h.total < 0)
			continue;
		n = 0;
		for (q = 0; q < s->nrows; q++)
			if (h.is_root[q * ns + sys] && q != h.total)
				m[n++] = q;
		if (n > 0)
			add_constraint(s, h.total, m, n);
	}
	zero_prior(s, h.total);
	free(m);
	hierarchy_free(&h);
}

static const struct cand *
chosen(const struct solver *s, int r)
{
	return s->rc[r].n ? &s->rc[r].c[s->choice[r]] : NULL;
}

/* How far the chosen placements are from adding up, plus broken rows. */
static long long
cost(const struct solver *s)
{
	const struct cand *t, *m;
	long long total = 0, sum, diff, tol;
	int i, k, c, any;

	for (i = 0; i < s->nrows; i++)
		if ((t = chosen(s, i)) != NULL)
			total += VIOLATION * t->viol;
	for (i = 0; i < s->ncons; i++) {
		const struct constraint *con = &s->cons[i];

		t = chosen(s, con->target);
		tol = checks_tolerance(con->nmembers + 1);
		for (c = 0; c < s->ncols; c++) {
			if (s->g->cols[c].type != COL_AMOUNT)
				continue;
			sum = 0;
			any = t && !t->blank[c];
			for (k = 0; k < con->nmembers; k++)
				if ((m = chosen(s, con->members[k])) &&
				    !m->blank[c]) {
					sum += m->v[c];
					any = 1;
				}
			if (!any)
				continue;
			diff = (t && !t->blank[c] ? t->v[c] : 0) - sum;
			if (diff < 0)
				diff = -diff;
			if (diff > tol)
				total += diff > VIOLATION ? VIOLATION : diff;
		}
	}
	return total;
}

/* Improve one row at a time until nothing improves. */
static long long
descend(struct solver *s, int frozen)
{
	long long best, c;
	int pass, r, k, keep, moved;

	best = cost(s);
	for (pass = 0; pass < 20; pass++) {
		moved = 0;
		for (r = 0; r < s->nrows; r++) {
			if (r == frozen || s->rc[r].n < 2)
				continue;
			keep = s->choice[r];
			for (k = 0; k < s->rc[r].n; k++) {
				if (k == keep)
					continue;
				s->choice[r] = k;
				c = cost(s);
				if (c < best) {
					best = c;
					keep = k;
					moved = 1;
				}
			}
			s->choice[r] = keep;
		}
		if (!moved)
			break;
	}
	return best;
}

/*
 * A row is ambiguous when another of its placements, with the other rows
 * free to adjust, fits everything as well as the chosen one.
 */
static void
count_ambiguity(struct solver *s, long long best)
{
	int *saved = xmalloc(sizeof(int) * ((size_t)s->nrows + 1));
	int r, k, alts, budget = 400;

	for (r = 0; r < s->nrows; r++) {
		if (s->rc[r].n < 2)
			continue;
		memcpy(saved, s->choice, sizeof(int) * (size_t)s->nrows);
		alts = 1;
		for (k = 0; k < s->rc[r].n && budget > 0; k++, budget--) {
			if (k == saved[r])
				continue;
			s->choice[r] = k;
			if (descend(s, r) <= best)
				alts++;
			memcpy(s->choice, saved, sizeof(int) * (size_t)s->nrows);
		}
		s->rows[r].ambiguous = alts > 1 ? alts : 0;
	}
	free(saved);
}

/* ------------------------------------------------------------------ */

static long long
value_in(const struct cand *c, int col)
{
	return c == NULL || c->blank[col] ? 0 : c->v[col];
}

static void
add_term(struct solver *s, int row, int eq, int coeff, int col)
{
	struct eqterm *t;

	s->terms[row] = xreallocarray(s->terms[row], (size_t)s->nterms[row] + 1,
	    sizeof(**s->terms));
	t = &s->terms[row][s->nterms[row]++];
	t->eq = eq;
	t->coeff = coeff;
	t->col = col;
}

/* The range a row can add to an equation over its placements. */
static void
term_range(const struct solver *s, int row, const struct eqterm *t,
    long long *mn, long long *mx)
{
	long long x;
	int j;

	*mn = *mx = 0;
	for (j = 0; j < s->rc[row].n; j++) {
		x = t->coeff * value_in(&s->rc[row].c[j], t->col);
		if (j == 0 || x < *mn)
			*mn = x;
		if (j == 0 || x > *mx)
			*mx = x;
	}
}

static void
build_equations(struct solver *s)
{
	long long mn, mx;
	int k, c, m, e, r, i;

	s->neq = s->ncons * s->ncols;
	s->terms = xcalloc((size_t)s->nrows + 1, sizeof(*s->terms));
	s->nterms = xcalloc((size_t)s->nrows + 1, sizeof(int));
	s->partial = xcalloc((size_t)s->neq + 1, sizeof(long long));
	s->lo = xcalloc((size_t)s->neq + 1, sizeof(long long));
	s->hi = xcalloc((size_t)s->neq + 1, sizeof(long long));
	s->tol = xcalloc((size_t)s->neq + 1, sizeof(long long));
	for (k = 0; k < s->ncons; k++)
		for (c = 0; c < s->ncols; c++) {
			if (s->g->cols[c].type != COL_AMOUNT)
				continue;
			e = k * s->ncols + c;
			s->tol[e] = checks_tolerance(s->cons[k].nmembers + 1);
			add_term(s, s->cons[k].target, e, 1, c);
			for (m = 0; m < s->cons[k].nmembers; m++)
				add_term(s, s->cons[k].members[m], e, -1, c);
		}
	for (r = 0; r < s->nrows; r++)
		for (i = 0; i < s->nterms[r]; i++) {
			term_range(s, r, &s->terms[r][i], &mn, &mx);
			s->lo[s->terms[r][i].eq] += mn;
			s->hi[s->terms[r][i].eq] += mx;
		}
}

static long long
max_value(const struct solver *s, int r)
{
	long long m = 0, x;
	int j, c;

	for (j = 0; j < s->rc[r].n; j++)
		for (c = 0; c < s->ncols; c++) {
			x = value_in(&s->rc[r].c[j], c);
			if (x < 0)
				x = -x;
			if (x > m)
				m = x;
		}
	return m;
}

static const struct solver *order_solver;

/* Fixed rows first, then the largest amounts: they constrain the most. */
static int
cmp_order(const void *a, const void *b)
{
	const struct solver *s = order_solver;
	int x = *(const int *)a, y = *(const int *)b;
	int fx = s->rc[x].n <= 1, fy = s->rc[y].n <= 1;
	long long vx, vy;

	if (fx != fy)
		return fx ? -1 : 1;
	vx = max_value(s, x);
	vy = max_value(s, y);
	if (vx != vy)
		return vx > vy ? -1 : 1;
	return x - y;
}

static void
record_solution(struct solver *s)
{
	long prior = 0;
	int r;

	s->solutions++;
	for (r = 0; r < s->nrows; r++) {
		if (s->rc[r].n == 0)
			continue;
		prior += s->rc[r].c[s->cur[r]].prior;
		if (s->cur[r] < 64)
			s->seen[r] |= 1ULL << s->cur[r];
	}
	if (s->solutions == 1 || prior < s->best_prior) {
		s->best_prior = prior;
		memcpy(s->best, s->cur, sizeof(int) * (size_t)s->nrows);
	}
}

static int
feasible(const struct solver *s, int r)
{
	const struct eqterm *t;
	long long p;
	int i;

	for (i = 0; i < s->nterms[r]; i++) {
		t = &s->terms[r][i];
		p = s->partial[t->eq];
		if (p + s->lo[t->eq] > s->tol[t->eq] ||
		    p + s->hi[t->eq] < -s->tol[t->eq])
			return 0;
	}
	return 1;
}

static void
apply(struct solver *s, int r, int j, int sign)
{
	const struct eqterm *t;
	int i;

	for (i = 0; i < s->nterms[r]; i++) {
		t = &s->terms[r][i];
		s->partial[t->eq] += sign * t->coeff *
		    value_in(&s->rc[r].c[j], t->col);
	}
}

static void
release_range(struct solver *s, int r, int sign)
{
	long long mn, mx;
	int i;

	for (i = 0; i < s->nterms[r]; i++) {
		term_range(s, r, &s->terms[r][i], &mn, &mx);
		s->lo[s->terms[r][i].eq] -= sign * mn;
		s->hi[s->terms[r][i].eq] -= sign * mx;
	}
}

/*
 * Depth first over the rows, each row's placements in order of
 * preference; a branch is cut as soon as some equation can no longer
 * come within its tolerance whatever the rows still open choose.
 */
static void
search(struct solver *s, int pos)
{
	int r, j;

	if (++s->nodes > MAX_NODES || s->solutions >= MAX_SOLUTIONS)
		return;
	if (pos == s->nrows) {
		record_solution(s);
		return;
	}
	r = s->order[pos];
	if (s->rc[r].n == 0) {
		search(s, pos + 1);
		return;
	}
	release_range(s, r, 1);
	for (j = 0; j < s->rc[r].n; j++) {
		apply(s, r, j, 1);
		if (feasible(s, r)) {
			s->cur[r] = j;
			search(s, pos + 1);
		}
		apply(s, r, j, -1);
		if (s->solutions >= MAX_SOLUTIONS || s->nodes > MAX_NODES)
			break;
	}
	release_range(s, r, -1);
}

static int
popcount64(unsigned long long x)
{
	int n = 0;

	for (; x; x &= x - 1)
		n++;
	return n;
}

/*
 * The exact search: every row placed so that every equation holds.
 * Returns 1 if a solution was found; then the rows whose placement
 * differs between solutions are ambiguous, by the number of placements
 * seen.
 */
static int
solve_exactly(struct solver *s)
{
	int r, n;

	build_equations(s);
	s->order = xmalloc(sizeof(int) * ((size_t)s->nrows + 1));
	s->cur = xcalloc((size_t)s->nrows + 1, sizeof(int));
	s->best = xcalloc((size_t)s->nrows + 1, sizeof(int));
	s->seen = xcalloc((size_t)s->nrows + 1, sizeof(unsigned long long));
	for (r = 0; r < s->nrows; r++)
		s->order[r] = r;
	order_solver = s;
	qsort(s->order, (size_t)s->nrows, sizeof(int), cmp_order);
	search(s, 0);
	if (s->solutions > 0) {
		memcpy(s->choice, s->best, sizeof(int) * (size_t)s->nrows);
		for (r = 0; r < s->nrows; r++) {
			n = popcount64(s->seen[r]);
			s->rows[r].ambiguous = n > 1 ? n : 0;
		}
	}
	for (r = 0; r < s->nrows; r++)
		free(s->terms[r]);
	free(s->terms);
	free(s->nterms);
	free(s->partial);
	free(s->lo);
	free(s->hi);
	free(s->tol);
	free(s->order);
	free(s->cur);
	free(s->best);
	free(s->seen);
	return s->solutions > 0;
}

static void
write_back(struct solver *s)
{
	const struct cand *c;
	int r, i, n;

	for (r = 0; r < s->nrows; r++) {
		n = total_values(&s->rows[r]);
		c = chosen(s, r);
		for (i = 0; i < n; i++)
			s->rows[r].col_of[i] = c ? c->col_of[i] : -1;
		s->rows[r].dropped = s->rc[r].dropped;
	}
}

void
solver_place(struct grid *g, const struct layout *l, const struct twins *tw,
    struct srow *rows, int nrows)
{
	struct solver s;
	long long best;
	int r, nv;

	memset(&s, 0, sizeof(s));
	s.g = g;
	s.l = l;
	s.twins = tw;
	s.rows = rows;
	s.nrows = nrows;
	s.ncols = g->ncols;
	s.rc = xcalloc((size_t)nrows + 1, sizeof(*s.rc));
	s.choice = xcalloc((size_t)nrows + 1, sizeof(int));
	for (r = 0; r < nrows; r++) {
		nv = total_values(&rows[r]);
		rows[r].col_of = xmalloc(sizeof(int) * (size_t)(nv + 1));
		s.slot = xmalloc(sizeof(int) * (size_t)(nv + 1));
		row_candidates(&s, r);
		free(s.slot);
		s.slot = NULL;
	}
	build_constraints(&s);
	if (!solve_exactly(&s)) {
		/* Nothing adds up exactly: the placements closest to it. */
		best = descend(&s, -1);
		if (nrows <= 80)
			count_ambiguity(&s, best);
	}
	write_back(&s);
	for (r = 0; r < nrows; r++)
		free_cands(&s.rc[r]);
	for (r = 0; r < s.ncons; r++)
		free(s.cons[r].members);
	free(s.cons);
	free(s.rc);
	free(s.choice);
}
