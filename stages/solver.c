/*
 * solver.c - which column each amount of a row belongs to.
 *
 * placement.c lists each row's possible placements; this chooses one per
 * row so that the rows add up: first by an exact search, then, for a
 * table whose printed numbers do not add up, by descent to the choice
 * closest to it.
 */
#include <stdlib.h>
#include <string.h>

#include "placement.h"
#include "solver.h"

#define VIOLATION	1000000LL
#define MAX_NODES	400000L	/* the exact search gives up after this */
#define MAX_SOLUTIONS	64

/* Rows whose amounts must add up to a target row's, column by column. */
struct constraint {
	int	 target;
	int	*members;
	int	 nmembers;
	int	 col_lo, col_hi;	/* the amount columns it adds up */
};

struct solver {
	struct grid	 *g;
	struct srow	 *rows;
	int		  nrows, ncols;
	struct rowcands	 *rc;
	int		 *choice;
	struct constraint *cons;
	int		  ncons;
	int		**row_cons;	/* per row: the constraints it is in */
	int		 *nrow_cons;
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
	long long mn, mx;	/* what the row's placements may add */
};

static void
add_constraint(struct solver *s, int target, const int *members, int n,
    int lo, int hi)
{
	struct constraint *c;

	s->cons = xreallocarray(s->cons, (size_t)s->ncons + 1,
	    sizeof(*s->cons));
	c = &s->cons[s->ncons++];
	c->target = target;
	c->nmembers = n;
	c->col_lo = lo;
	c->col_hi = hi;
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
			    sizeof(*s->rc[r].c), cand_cmp);
	}
}

static int
shares_total(const struct hierarchy *h, int sys)
{
	int t;

	for (t = sys + 1; t < h->nsystems; t++)
		if (h->total_group[t] == sys)
			return 1;
	return 0;
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
				add_constraint(s, r, m, n, h.col_lo[sys],
				    h.col_hi[sys]);
		}
		/* Blocks sharing one total are left to the checks. */
		if (h.total < 0 || h.total_group[sys] != sys ||
		    shares_total(&h, sys))
			continue;
		n = 0;
		for (q = 0; q < s->nrows; q++)
			if (h.is_root[q * ns + sys] && q != h.total)
				m[n++] = q;
		if (n > 0)
			add_constraint(s, h.total, m, n, h.col_lo[sys],
			    h.col_hi[sys]);
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

static void
link_row(struct solver *s, int row, int con)
{
	int i;

	for (i = 0; i < s->nrow_cons[row]; i++)
		if (s->row_cons[row][i] == con)
			return;
	s->row_cons[row] = xreallocarray(s->row_cons[row],
	    (size_t)s->nrow_cons[row] + 1, sizeof(int));
	s->row_cons[row][s->nrow_cons[row]++] = con;
}

static void
link_rows(struct solver *s)
{
	int k, m;

	s->row_cons = xcalloc((size_t)s->nrows + 1, sizeof(int *));
	s->nrow_cons = xcalloc((size_t)s->nrows + 1, sizeof(int));
	for (k = 0; k < s->ncons; k++) {
		link_row(s, s->cons[k].target, k);
		for (m = 0; m < s->cons[k].nmembers; m++)
			link_row(s, s->cons[k].members[m], k);
	}
}

/* How far one constraint is from adding up, beyond its tolerance. */
static long long
deviation(const struct solver *s, int k)
{
	const struct constraint *con = &s->cons[k];
	const struct cand *t = chosen(s, con->target), *m;
	long long total = 0, sum, diff, tol;
	int i, c, any;

	for (c = con->col_lo; c < con->col_hi; c++) {
		if (s->g->cols[c].type != COL_AMOUNT)
			continue;
		sum = 0;
		any = t && !t->blank[c];
		for (i = 0; i < con->nmembers; i++)
			if ((m = chosen(s, con->members[i])) && !m->blank[c]) {
				sum += m->v[c];
				any++;
			}
		if (!any)
			continue;
		tol = checks_tolerance(any);
		diff = (t && !t->blank[c] ? t->v[c] : 0) - sum;
		if (diff < 0)
			diff = -diff;
		if (diff > tol)
			total += diff > VIOLATION ? VIOLATION : diff;
	}
	return total;
}

/* The cost of row r's constraints and its own broken identities. */
static long long
row_cost(const struct solver *s, int r)
{
	const struct cand *c = chosen(s, r);
	long long total = c ? VIOLATION * c->viol : 0;
	int i;

	for (i = 0; i < s->nrow_cons[r]; i++)
		total += deviation(s, s->row_cons[r][i]);
	return total;
}

/*
 * Improve one row at a time until nothing improves; a move only changes
 * the constraints its row takes part in, so only those are measured.
 */
static void
descend(struct solver *s)
{
	long long here, c;
	int pass, r, k, keep, moved;

	for (pass = 0; pass < 20; pass++) {
		moved = 0;
		for (r = 0; r < s->nrows; r++) {
			if (s->rc[r].n < 2)
				continue;
			keep = s->choice[r];
			here = row_cost(s, r);
			for (k = 0; k < s->rc[r].n; k++) {
				if (k == keep)
					continue;
				s->choice[r] = k;
				c = row_cost(s, r);
				if (c < here) {
					here = c;
					keep = k;
					moved = 1;
				}
			}
			s->choice[r] = keep;
		}
		if (!moved)
			break;
	}
}

/* Where nothing adds up exactly: a row is ambiguous by its equal moves. */
static void
count_ties(struct solver *s)
{
	long long here;
	int r, k, keep, alts;

	for (r = 0; r < s->nrows; r++) {
		if (s->rc[r].n < 2)
			continue;
		keep = s->choice[r];
		here = row_cost(s, r);
		alts = 1;
		for (k = 0; k < s->rc[r].n; k++) {
			if (k == keep)
				continue;
			s->choice[r] = k;
			if (row_cost(s, r) == here)
				alts++;
		}
		s->choice[r] = keep;
		s->rows[r].ambiguous = alts > 1 ? alts : 0;
	}
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
	int n = s->nterms[row];

	/* The array doubles: its size is 4, then each power of two. */
	if (n == 0 || (n >= 4 && (n & (n - 1)) == 0))
		s->terms[row] = xreallocarray(s->terms[row],
		    n == 0 ? 4 : (size_t)n * 2, sizeof(**s->terms));
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

static int
may_print(const struct solver *s, int row, int col)
{
	int j;

	for (j = 0; j < s->rc[row].n; j++)
		if (!s->rc[row].c[j].blank[col])
			return 1;
	return 0;
}

/*
 * The terms of a constraint that can print in a column: their rounding
 * tails are all the tolerance it gets, as in the checks.
 */
static int
printed_terms(const struct solver *s, int k, int col)
{
	const struct constraint *con = &s->cons[k];
	int m, n = may_print(s, con->target, col);

	for (m = 0; m < con->nmembers; m++)
		n += may_print(s, con->members[m], col);
	return n;
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
		for (c = s->cons[k].col_lo; c < s->cons[k].col_hi; c++) {
			if (s->g->cols[c].type != COL_AMOUNT)
				continue;
			e = k * s->ncols + c;
			s->tol[e] = checks_tolerance(printed_terms(s, k, c));
			add_term(s, s->cons[k].target, e, 1, c);
			for (m = 0; m < s->cons[k].nmembers; m++)
				add_term(s, s->cons[k].members[m], e, -1, c);
		}
	/* A row's placements do not change during the search: their
	 * ranges are worked out once. */
	for (r = 0; r < s->nrows; r++)
		for (i = 0; i < s->nterms[r]; i++) {
			term_range(s, r, &s->terms[r][i], &mn, &mx);
			s->terms[r][i].mn = mn;
			s->terms[r][i].mx = mx;
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
	const struct eqterm *t;
	int i;

	for (i = 0; i < s->nterms[r]; i++) {
		t = &s->terms[r][i];
		s->lo[t->eq] -= sign * t->mn;
		s->hi[t->eq] -= sign * t->mx;
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
		n = srow_values(&s->rows[r]);
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
	struct ptrace *traces;
	int r, q;

	memset(&s, 0, sizeof(s));
	s.g = g;
	s.rows = rows;
	s.nrows = nrows;
	s.ncols = g->ncols;
	s.rc = xcalloc((size_t)nrows + 1, sizeof(*s.rc));
	s.choice = xcalloc((size_t)nrows + 1, sizeof(int));
	traces = xcalloc((size_t)nrows + 1, sizeof(*traces));
	for (r = 0; r < nrows; r++) {
		rows[r].col_of = xmalloc(sizeof(int) *
		    (size_t)(srow_values(&rows[r]) + 1));
		for (q = 0; q < r; q++)
			if (traces[q].n >= 0 && same_amounts(&rows[q], &rows[r]))
				break;
		if (q < r)
			placements(&s.rc[r], g, l, tw, &rows[r], NULL,
			    &traces[q]);
		else
			placements(&s.rc[r], g, l, tw, &rows[r], &traces[r],
			    NULL);
	}
	for (r = 0; r < nrows; r++)
		ptrace_free(&traces[r]);
	free(traces);
	build_constraints(&s);
	link_rows(&s);
	if (!solve_exactly(&s)) {
		/* Nothing adds up exactly: the placements closest to it. */
		descend(&s);
		count_ties(&s);
	}
	write_back(&s);
	for (r = 0; r < nrows; r++) {
		rowcands_free(&s.rc[r]);
		free(s.row_cons[r]);
	}
	free(s.row_cons);
	free(s.nrow_cons);
	for (r = 0; r < s.ncons; r++)
		free(s.cons[r].members);
	free(s.cons);
	free(s.rc);
	free(s.choice);
}
