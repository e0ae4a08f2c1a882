/*
 * textrepair.c - rows a dump broke apart, put together by their arithmetic.
 *
 * pdftotext reads a page by blocks, and a block may cut across rows: the
 * amounts of one row's right-hand cells printed before its code, with a
 * cell of the row below; a cell printed after the table's last row.  The
 * family's row identities (合计 = 基本支出 + 项目支出, 基本支出 = its parts)
 * tell where such amounts belong: a row whose amounts break none of them
 * is whole.  Only a move that leaves every row it touches whole is made.
 */
#include <stdlib.h>
#include <string.h>

#include "placement.h"
#include "textrow.h"

/* A row's amounts, as the solver would take them. */
struct vals {
	const struct token *t[64];
	int		 n;
};

static void
row_vals(const struct lrow *r, struct vals *v)
{
	int i;

	v->n = 0;
	for (i = 0; i < r->n && v->n < 64; i++)
		if (is_amount(&r->t[i]))
			v->t[v->n++] = &r->t[i];
}

/*
 * How many of the family's row identities the amounts break at best, in
 * the amount columns of the table's one side; -1 when they cannot be
 * placed at all, or only by leaving one out.
 */
static int
breaks(struct tb *b, const struct vals *v)
{
	struct srow sr;
	struct segment sg;
	struct rowcands rc;
	long long vals[64];
	char *texts[64];
	int cols[64], i, broken;

	if (v->n == 0)
		return 0;
	memset(&sr, 0, sizeof(sr));
	memset(&sg, 0, sizeof(sg));
	for (i = 0; i < v->n; i++) {
		vals[i] = num_scale(&v->t[i]->num, b->decimals);
		texts[i] = v->t[i]->text;
	}
	sg.vals = vals;
	sg.texts = texts;
	sg.nvals = v->n;
	sg.cols = cols;
	sg.ncols = side_cols(b, 0, COL_AMOUNT, cols);
	sr.segs = &sg;
	sr.nsegs = 1;
	placements(&rc, b->g, &b->l, NULL, &sr, NULL, NULL);
	broken = rc.n == 0 || rc.dropped ? -1 : rc.c[0].viol;
	rowcands_free(&rc);
	return broken;
}

static int
whole(struct tb *b, const struct vals *v)
{
	return breaks(b, v) == 0;
}

/* Whether a row's amounts break none of the family's row identities. */
int
row_whole(struct tb *b, const struct lrow *r)
{
	struct vals v;

	row_vals(r, &v);
	return v.n > 0 && whole(b, &v);
}

/* a's amounts, then n of from's from its value k on. */
static void
joined(const struct vals *a, const struct vals *from, int k, int n,
    struct vals *out)
{
	int i;

	*out = *a;
	for (i = k; i < k + n && out->n < 64; i++)
		out->t[out->n++] = from->t[i];
}

static int
label_less(const struct lrow *r)
{
	return r->n > 0 && only_amounts(r);
}

static int
labelled(const struct lrow *r)
{
	return has_kind(r, 1) || has_code(r);
}

/* Append to row r the tokens of its amounts vals[k .. k+n). */
static void
append_tokens(struct lrow *r, const struct vals *v, int k, int n)
{
	int i;

	r->t = xreallocarray(r->t, (size_t)(r->n + n) + 1, sizeof(*r->t));
	for (i = k; i < k + n; i++) {
		r->t[r->n] = *v->t[i];
		r->t[r->n++].text = xstrdup(v->t[i]->text);
	}
}

static void
remove_row(struct tb *b, int r)
{
	free_row(&b->rows[r]);
	memmove(b->rows + r, b->rows + r + 1, sizeof(*b->rows) *
	    (size_t)(b->nrows - r - 1));
	if (b->whole_rows != NULL)
		memmove(b->whole_rows + r, b->whole_rows + r + 1,
		    (size_t)(b->nrows - r - 1));
	b->nrows--;
}

/* Whether row k is whole, worked out once until the row changes. */
static int
row_ok(struct tb *b, int k)
{
	struct vals v;

	if (b->whole_rows == NULL)
		return (row_vals(&b->rows[k], &v), v.n > 0 && whole(b, &v));
	if (b->whole_rows[k] < 0) {
		row_vals(&b->rows[k], &v);
		b->whole_rows[k] = v.n > 0 && whole(b, &v);
	}
	return b->whole_rows[k];
}

static void
row_changed(struct tb *b, int k)
{
	if (b->whole_rows != NULL)
		b->whole_rows[k] = -1;
}

/*
 * A run of amounts without a label between two rows: the right-hand
 * cells of the next row, and maybe of the one after, printed before
 * them.  The first cut that makes both whole is taken.
 */
static int
spread_orphan(struct tb *b, int r)
{
	struct vals o, a, c, ja, jc;
	struct lrow *next = &b->rows[r + 1];
	struct lrow *after = r + 2 < b->nrows ? &b->rows[r + 2] : NULL;
	int k;

	row_vals(&b->rows[r], &o);
	row_vals(next, &a);
	if (after != NULL && labelled(after))
		row_vals(after, &c);
	else
		after = NULL;
	if (a.n > 0 && whole(b, &a) && (after == NULL || whole(b, &c)))
		return 0;
	for (k = o.n; k >= 0; k--) {
		if (k < o.n && after == NULL)
			break;
		joined(&a, &o, 0, k, &ja);
		if (!whole(b, &ja))
			continue;
		if (k < o.n) {
			joined(&c, &o, k, o.n - k, &jc);
			if (!whole(b, &jc))
				continue;
			append_tokens(after, &o, k, o.n - k);
		}
		append_tokens(next, &o, 0, k);
		remove_row(b, r);
		return 1;
	}
	return 0;
}

/*
 * A value a row has too many of, printed at its end, that makes whole
 * the one other row it is missing from: a cell of that row the dump
 * printed after the table, or before the row.
 */
static void
move_stray(struct tb *b, int r)
{
	struct vals v, less, w, more;
	int k, target = -1, n = 0;

	row_vals(&b->rows[r], &v);
	if (v.n < 2 || row_ok(b, r))
		return;
	less = v;
	less.n--;
	if (!whole(b, &less))
		return;
	for (k = 0; k < b->nrows && n < 2; k++) {
		if (k == r || !labelled(&b->rows[k]))
			continue;
		row_vals(&b->rows[k], &w);
		if (w.n == 0 || row_ok(b, k))
			continue;
		joined(&w, &v, v.n - 1, 1, &more);
		if (whole(b, &more)) {
			target = k;
			n++;
		}
	}
	if (n != 1)
		return;
	append_tokens(&b->rows[target], &v, v.n - 1, 1);
	row_changed(b, target);
	row_changed(b, r);
	for (k = b->rows[r].n - 1; k >= 0; k--)
		if (is_amount(&b->rows[r].t[k])) {
			free(b->rows[r].t[k].text);
			memmove(b->rows[r].t + k, b->rows[r].t + k + 1,
			    sizeof(*b->rows[r].t) * (size_t)(b->rows[r].n -
			    k - 1));
			b->rows[r].n--;
			break;
		}
}

/* Drop row r's last n amounts (they went to another row). */
static void
drop_last_amounts(struct lrow *r, int n)
{
	int k;

	for (k = r->n - 1; k >= 0 && n > 0; k--)
		if (is_amount(&r->t[k])) {
			free(r->t[k].text);
			memmove(r->t + k, r->t + k + 1, sizeof(*r->t) *
			    (size_t)(r->n - k - 1));
			r->n--;
			n--;
		}
}

/*
 * A row holding, after its own amounts, the first of the next row's
 * (the dump read the amounts down past that row's code), the rest of
 * them in rows without a label between: the one cut that leaves this
 * row whole and makes the next labelled row whole with them, its own
 * amounts first, moves them there.
 */
static int
spill_down(struct tb *b, int r)
{
	struct vals v, head, own, all;
	int k, t, cut = -1, n = 0, i, q;

	row_vals(&b->rows[r], &v);
	if (v.n < 2 || row_ok(b, r))
		return 0;
	for (t = r + 1; t < b->nrows && label_less(&b->rows[t]); t++)
		;
	if (t == r + 1 || t == b->nrows || !labelled(&b->rows[t]) ||
	    row_ok(b, t))
		return 0;		/* no amounts left without a label */
	row_vals(&b->rows[t], &own);
	for (k = v.n - 1; k >= 1 && n < 2; k--) {
		head = v;
		head.n = k;
		if (!whole(b, &head))
			continue;
		joined(&own, &v, k, v.n - k, &all);
		for (i = r + 1; i < t; i++) {
			row_vals(&b->rows[i], &head);
			for (q = 0; q < head.n && all.n < 64; q++)
				all.t[all.n++] = head.t[q];
		}
		if (whole(b, &all)) {
			cut = k;
			n++;
		}
	}
	if (n != 1)
		return 0;
	append_tokens(&b->rows[t], &v, cut, v.n - cut);
	for (i = r + 1; i < t; i++) {
		row_vals(&b->rows[i], &head);
		append_tokens(&b->rows[t], &head, 0, head.n);
	}
	drop_last_amounts(&b->rows[r], v.n - cut);
	row_changed(b, r);
	row_changed(b, t);
	for (i = t - 1; i > r; i--)
		remove_row(b, i);
	return 1;
}

/*
 * Rows a dump a cell a line broke, in a table of one side whose family
 * has row identities to tell.
 */
void
repair_rows(struct tb *b)
{
	int r;

	if (!b->cell_lines || b->l.nsides > 1 || b->l.nsums == 0)
		return;
	for (r = 1; r + 1 < b->nrows; r++)
		if (label_less(&b->rows[r]) && labelled(&b->rows[r - 1]) &&
		    labelled(&b->rows[r + 1]) && spread_orphan(b, r))
			r--;
	b->whole_rows = xmalloc((size_t)b->nrows + 1);
	memset(b->whole_rows, -1, (size_t)b->nrows + 1);
	for (r = 0; r < b->nrows; r++)
		if (labelled(&b->rows[r]))
			spill_down(b, r);
	for (r = 0; r < b->nrows; r++)
		if (b->nrows > 1 && labelled(&b->rows[r]))
			move_stray(b, r);
	free(b->whole_rows);
	b->whole_rows = NULL;
}
