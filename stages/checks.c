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
	for (r = 0; r < g->nrows; r++)
		for (c = 0; c < g->ncols; c++)
			if (g->cols[c].type == COL_AMOUNT &&
			    parse_amount(grid_text(g, g->rows[r].row, c), &n)) {
				a->v[r * a->ncols + c] = num_scale(&n, d);
				a->blank[r * a->ncols + c] = 0;
			}
}

void
amounts_free(struct amounts *a)
{
	free(a->v);
	free(a->blank);
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
	memset(h, 0, sizeof(*h));
}

enum failure { NOT_SUM, NOT_CHILDREN, NOT_TOTAL };

static void
fail(struct grow *row, enum failure why, const char *col, long long diff,
    int decimals)
{
	static const char *what[] = {
		"does not add up",
		"is not the sum of its sub-items",
		"is not the sum of the rows above it",
	};
	char d[48];

	num_format_scaled(d, sizeof(d), diff, decimals);
	if (row->failures.len)
		buf_addc(&row->failures, '\n');
	buf_printf(&row->failures, "%s: %s, off by %s", col, what[why], d);
	row->check = 1;
}

static void
check_row_identities(struct grid *g, const struct amounts *a)
{
	long long diff;
	int r, i;

	for (r = 0; r < g->nrows; r++)
		for (i = 0; i < g->nsums; i++) {
			const struct gsum *s = &g->sums[i];

			if (checks_sum_holds(s, a->v + r * a->ncols,
			    a->blank + r * a->ncols, &diff)) {
				if (!a->blank[r * a->ncols + s->lhs]) {
					g->passed++;
					if (g->rows[r].check < 0)
						g->rows[r].check = 0;
				}
				continue;
			}
			g->failed++;
			fail(&g->rows[r], NOT_SUM, g->cols[s->lhs].path, diff,
			    a->decimals);
		}
}

/*
 * Column by column, a row against the rows that should add up to it
 * (its children, or for the total row the top-level rows).
 */
static void
check_against(struct grid *g, const struct amounts *a, int target,
    const int *members, int nmembers, enum failure what)
{
	long long sum, diff;
	int c, i, any;

	for (c = 0; c < g->ncols; c++) {
		if (g->cols[c].type != COL_AMOUNT)
			continue;
		sum = 0;
		any = !a->blank[target * a->ncols + c];
		for (i = 0; i < nmembers; i++)
			if (!a->blank[members[i] * a->ncols + c]) {
				sum += a->v[members[i] * a->ncols + c];
				any = 1;
			}
		if (!any)
			continue;
		diff = a->v[target * a->ncols + c] - sum;
		if ((diff < 0 ? -diff : diff) <= checks_tolerance(nmembers + 1)) {
			g->passed++;
			if (g->rows[target].check < 0)
				g->rows[target].check = 0;
			continue;
		}
		g->failed++;
		fail(&g->rows[target], what, g->cols[c].path, diff,
		    a->decimals);
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
				    NOT_CHILDREN);
		}
		if (h->total < 0)
			continue;
		n = 0;
		for (q = 0; q < g->nrows; q++)
			if (h->is_root[q * ns + s] && q != h->total)
				members[n++] = q;
		if (n > 0)
			check_against(g, a, h->total, members, n, NOT_TOTAL);
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
