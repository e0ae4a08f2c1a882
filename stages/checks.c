/*
 * checks.c - the arithmetic a table's numbers must obey, and checking it.
 */
#include <stdlib.h>
#include <string.h>

#include "checks.h"
#include "number.h"

long long
checks_tolerance(int nterms)
{
	return nterms > 2 ? (nterms + 1) / 2 : 1;
}

/*
 * Whether lhs = sum of rhs holds for one row's values (blanks are zero);
 * an identity among blanks only holds trivially.  *diff gets lhs - sum.
 */
int
checks_sum_holds(const struct gsum *s, const long long *v,
    const unsigned char *blank, long long *diff)
{
	long long sum = 0;
	int i, terms = 0;

	for (i = 0; i < s->nrhs; i++)
		if (!blank[s->rhs[i]]) {
			sum += v[s->rhs[i]];
			terms++;
		}
	*diff = (blank[s->lhs] ? 0 : v[s->lhs]) - sum;
	if (blank[s->lhs] && terms == 0)
		return 1;
	return (*diff < 0 ? -*diff : *diff) <= checks_tolerance(terms + 1);
}

static int
parse_amount(const char *text, struct num *n)
{
	return text && num_parse(text, strlen(text), n) && !n->percent;
}

/*
 * Half a unit of a place `coarser` decimals above the table's finest, in
 * half units of the finest: 14.7 in a table of 14.70s may be off by 0.05.
 */
static long long
half_units(int coarser)
{
	long long h = 1;

	while (coarser-- > 0 && h < 1000000000LL)
		h *= 10;
	return h;
}

/* What a sum of terms whose tails add up to `half` may be off by. */
static long long
tolerance_of(long long half)
{
	return half > 2 ? (half + 1) / 2 : 1;
}

void
amounts_build(struct amounts *a, const struct grid *g)
{
	struct num n;
	int r, c, d = 0;

	memset(a, 0, sizeof(*a));
	a->nrows = g->nrows;
	a->ncols = g->ncols;
	for (r = 0; r < g->nrows; r++)
		for (c = 0; c < g->ncols; c++)
			if (g->cols[c].type == COL_AMOUNT &&
			    parse_amount(grid_text(g, g->rows[r].row, c), &n) &&
			    n.decimals > d)
				d = n.decimals;
	a->decimals = d;
	a->v = xcalloc((size_t)a->nrows * (size_t)a->ncols + 1,
	    sizeof(long long));
	a->blank = xmalloc((size_t)a->nrows * (size_t)a->ncols + 1);
	memset(a->blank, 1, (size_t)a->nrows * (size_t)a->ncols + 1);
	a->tail = xcalloc((size_t)a->nrows * (size_t)a->ncols + 1,
	    sizeof(long long));
	for (r = 0; r < g->nrows; r++)
		for (c = 0; c < g->ncols; c++)
			if (g->cols[c].type == COL_AMOUNT &&
			    parse_amount(grid_text(g, g->rows[r].row, c), &n)) {
				a->v[r * a->ncols + c] = num_scale(&n, d);
				a->blank[r * a->ncols + c] = 0;
				a->tail[r * a->ncols + c] =
				    half_units(d - n.decimals);
			}
}

void
amounts_free(struct amounts *a)
{
	free(a->v);
	free(a->blank);
	free(a->tail);
	memset(a, 0, sizeof(*a));
}

/* Code systems: each group of code columns, each ungrouped code column. */
static int
systems(const struct grid *g, int *first_col)
{
	int c, k, n = 0, seen;

	for (c = 0; c < g->ncols; c++) {
		if (g->cols[c].type != COL_CODE)
			continue;
		seen = 0;
		for (k = 0; k < c && g->cols[c].group >= 0; k++)
			if (g->cols[k].group == g->cols[c].group)
				seen = 1;
		if (!seen)
			first_col[n++] = c;
	}
	return n;
}

/* A row's code in the system starting at col: its columns' text joined. */
static int
row_code(const struct grid *g, int row, int col, struct buf *code)
{
	const char *t;
	int c, group = g->cols[col].group;

	buf_clear(code);
	for (c = col; c < g->ncols; c++) {
		if (c != col && (group < 0 || g->cols[c].group != group))
			continue;
		if ((t = grid_text(g, row, c)) == NULL)
			return 0;
		buf_adds(code, t);
	}
	return code->len > 0;
}

/*
 * The amount columns a code system adds up: those up to the next system
 * with amounts of its own, so each block of a side-by-side table (the
 * three of 基本支出决算明细表) is checked apart.  Code systems printed next
 * to each other (科目编码, 单位代码) share the amounts that follow them.
 */
static void
system_columns(const struct grid *g, const int *first, int ns, int *lo,
    int *hi)
{
	int s, t, c, amounts;

	for (s = 0; s < ns; s++) {
		lo[s] = first[s] + 1;
		hi[s] = g->ncols;
		for (t = s + 1; t < ns; t++) {
			amounts = 0;
			for (c = lo[s]; c < first[t]; c++)
				if (g->cols[c].type == COL_AMOUNT)
					amounts = 1;
			if (amounts) {
				hi[s] = first[t];
				break;
			}
		}
	}
}

/* The k-th amount column in [lo, hi), or -1. */
static int
nth_amount(const struct grid *g, int lo, int hi, int k)
{
	int c;

	for (c = lo; c < hi; c++)
		if (g->cols[c].type == COL_AMOUNT && k-- == 0)
			return c;
	return -1;
}

static int
same_amount_headers(const struct grid *g, const struct hierarchy *h, int s,
    int t)
{
	int k, a, b;

	for (k = 0;; k++) {
		a = nth_amount(g, h->col_lo[s], h->col_hi[s], k);
		b = nth_amount(g, h->col_lo[t], h->col_hi[t], k);
		if (a < 0 || b < 0)
			return a == b;
		if (strcmp(g->cols[a].path, g->cols[b].path) != 0)
			return 0;
	}
}

/*
 * Blocks side by side under one heading are one account for the total
 * row: 公用经费 printed in two blocks of 基本支出决算明细表 has one
 * 公用经费合计.
 */
static void
total_groups(const struct grid *g, struct hierarchy *h)
{
	int s, t;

	for (s = 0; s < h->nsystems; s++) {
		h->total_group[s] = s;
		for (t = 0; t < s; t++)
			if (h->total_group[t] == t &&
			    h->col_hi[t] <= h->col_lo[s] &&
			    same_amount_headers(g, h, s, t)) {
				h->total_group[s] = t;
				break;
			}
	}
}

static int
is_total_row(const struct grid *g, int r)
{
	return g->rows[r].kind == ROW_TOTAL;
}

void
hierarchy_build(struct hierarchy *h, const struct grid *g)
{
	struct buf *codes, tmp = BUF_INIT;
	int first[64], ns, s, r, q, best;
	size_t blen;

	memset(h, 0, sizeof(*h));
	h->total = -1;
	for (r = 0; r < g->nrows && h->total == -1; r++)
		if (is_total_row(g, r))
			h->total = r;
	ns = systems(g, first);
	h->nsystems = ns;
	h->parent = xmalloc(sizeof(int) * ((size_t)g->nrows * (size_t)ns + 1));
	h->is_root = xcalloc((size_t)g->nrows * (size_t)ns + 1, sizeof(int));
	h->has_code = xcalloc((size_t)g->nrows * (size_t)ns + 1, sizeof(int));
	h->col_lo = xcalloc((size_t)ns + 1, sizeof(int));
	h->col_hi = xcalloc((size_t)ns + 1, sizeof(int));
	system_columns(g, first, ns, h->col_lo, h->col_hi);
	h->total_group = xcalloc((size_t)ns + 1, sizeof(int));
	total_groups(g, h);
	codes = xcalloc((size_t)g->nrows + 1, sizeof(struct buf));
	for (s = 0; s < ns; s++) {
		for (r = 0; r < g->nrows; r++) {
			h->has_code[r * ns + s] = row_code(g, g->rows[r].row,
			    first[s], &tmp);
			buf_clear(&codes[r]);
			buf_add(&codes[r], buf_str(&tmp), tmp.len);
		}
		/* The direct parent: the longest code that prefixes it. */
		for (r = 0; r < g->nrows; r++) {
			h->parent[r * ns + s] = -1;
			if (!h->has_code[r * ns + s])
				continue;
			best = -1;
			blen = 0;
			for (q = 0; q < g->nrows; q++)
				if (q != r && h->has_code[q * ns + s] &&
				    codes[q].len < codes[r].len &&
				    codes[q].len > blen &&
				    strncmp(codes[q].s, codes[r].s,
				    codes[q].len) == 0) {
					best = q;
					blen = codes[q].len;
				}
			h->parent[r * ns + s] = best;
			h->is_root[r * ns + s] = best == -1;
		}
	}
	for (r = 0; r < g->nrows; r++)
		buf_free(&codes[r]);
	free(codes);
	buf_free(&tmp);
}

void
hierarchy_free(struct hierarchy *h)
{
	free(h->parent);
	free(h->is_root);
	free(h->has_code);
	free(h->col_lo);
	free(h->col_hi);
	free(h->total_group);
	memset(h, 0, sizeof(*h));
}

enum failure { NOT_SUM, NOT_CHILDREN, NOT_TOTAL };

/*
 * One identity's outcome, counted on the grid and marked on the row: it
 * holds when it is off by no more than its terms' rounding tails.
 */
static void
judge(struct grid *g, const struct amounts *a, int row, int col,
    long long diff, long long half, enum failure why)
{
	static const char *what[] = {
		"does not add up",
		"is not the sum of its sub-items",
		"is not the sum of the rows above it",
	};
	struct grow *gr = &g->rows[row];
	char d[48];

	if ((diff < 0 ? -diff : diff) <= tolerance_of(half)) {
		g->passed++;
		if (gr->check < 0)
			gr->check = 0;
		return;
	}
	g->failed++;
	num_format_scaled(d, sizeof(d), diff, a->decimals);
	if (gr->failures.len)
		buf_addc(&gr->failures, '\n');
	buf_printf(&gr->failures, "%s: %s, off by %s", g->cols[col].path,
	    what[why], d);
	gr->check = 1;
}

/* Adds a cell to a side of an identity; whether it was printed. */
static int
term(const struct amounts *a, int row, int col, long long *sum,
    long long *half)
{
	size_t i = (size_t)row * (size_t)a->ncols + (size_t)col;

	if (a->blank[i])
		return 0;
	*sum += a->v[i];
	*half += a->tail[i];
	return 1;
}

static void
check_row_identities(struct grid *g, const struct amounts *a)
{
	long long lhs, rhs, half;
	int r, i, k, printed;

	for (r = 0; r < g->nrows; r++)
		for (i = 0; i < g->nsums; i++) {
			const struct gsum *s = &g->sums[i];

			lhs = rhs = half = 0;
			printed = term(a, r, s->lhs, &lhs, &half);
			for (k = 0; k < s->nrhs; k++)
				printed |= term(a, r, s->rhs[k], &rhs, &half);
			if (printed)
				judge(g, a, r, s->lhs, lhs - rhs, half,
				    NOT_SUM);
		}
}

/*
 * Column by column, a row against the rows that should add up to it:
 * its children.
 */
static void
check_against(struct grid *g, const struct amounts *a, int target,
    const int *members, int nmembers, int lo, int hi)
{
	long long total, sum, half;
	int c, i, any;

	for (c = lo; c < hi; c++) {
		if (g->cols[c].type != COL_AMOUNT)
			continue;
		total = sum = half = 0;
		any = term(a, target, c, &total, &half);
		for (i = 0; i < nmembers; i++)
			any |= term(a, members[i], c, &sum, &half);
		if (any)
			judge(g, a, target, c, total - sum, half,
			    NOT_CHILDREN);
	}
}

static int
group_has_roots(const struct grid *g, const struct hierarchy *h, int group)
{
	int s, q;

	for (s = group; s < h->nsystems; s++)
		for (q = 0; q < g->nrows; q++)
			if (h->total_group[s] == group && q != h->total &&
			    h->is_root[q * h->nsystems + s])
				return 1;
	return 0;
}

/*
 * The total row against the top-level rows of a group of code systems,
 * amount column by amount column.
 */
static void
check_total(struct grid *g, const struct amounts *a,
    const struct hierarchy *h, int group)
{
	long long sum, total, half;
	int s, k, c, q, any, col, ns = h->nsystems, t = h->total;

	for (k = 0; (col = nth_amount(g, h->col_lo[group], h->col_hi[group],
	    k)) >= 0; k++) {
		sum = total = half = 0;
		any = 0;
		for (s = group; s < ns; s++) {
			if (h->total_group[s] != group)
				continue;
			c = nth_amount(g, h->col_lo[s], h->col_hi[s], k);
			any |= term(a, t, c, &total, &half);
			for (q = 0; q < g->nrows; q++)
				if (q != t && h->is_root[q * ns + s])
					any |= term(a, q, c, &sum, &half);
		}
		if (any)
			judge(g, a, t, col, total - sum, half, NOT_TOTAL);
	}
}

static void
check_hierarchy(struct grid *g, const struct amounts *a,
    const struct hierarchy *h)
{
	int *members = xmalloc(sizeof(int) * ((size_t)g->nrows + 1));
	int s, r, q, n, ns = h->nsystems;

	for (s = 0; s < ns; s++) {
		for (r = 0; r < g->nrows; r++) {
			n = 0;
			for (q = 0; q < g->nrows; q++)
				if (h->parent[q * ns + s] == r)
					members[n++] = q;
			if (n > 0)
				check_against(g, a, r, members, n,
				    h->col_lo[s], h->col_hi[s]);
		}
		if (h->total >= 0 && h->total_group[s] == s &&
		    group_has_roots(g, h, s))
			check_total(g, a, h, s);
	}
	free(members);
}

/* Run every check a grid's family and codes define; mark the rows. */
void
checks_run(struct grid *g)
{
	struct amounts a;
	struct hierarchy h;

	amounts_build(&a, g);
	hierarchy_build(&h, g);
	check_row_identities(g, &a);
	check_hierarchy(g, &a, &h);
	hierarchy_free(&h);
	amounts_free(&a);
}
