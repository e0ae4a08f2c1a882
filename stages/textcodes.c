/*
 * textcodes.c - codes and text cells a dump printed away from their rows.
 *
 * pdftotext reads the code columns of a table as a block of their own
 * when their cells are short: the rows of a 类 and its 款 come out with
 * their names and amounts but no code, and their codes are printed
 * together before the next row's own ("208 / 05 / 208 / 05 / 01 /
 * 行政单位离退休").  The codes printed ahead of a row's own go, in order,
 * to the rows of a label and amounts just above it still without a code
 * (its parents); codes printed alone, to the first rows above still
 * without one; codes printed after a row's own, when none above waits,
 * to the rows below that print none.  A text column's word printed after
 * its row's amounts goes back to that row.
 */
#include <stdlib.h>
#include <string.h>

#include "textrow.h"

struct cgroup {
	int	 from, n;		/* tokens of one code: 208 05 01 */
};

/* The codes a row begins with, each its 类 and the parts after it. */
static int
code_groups(const struct lrow *r, struct cgroup *g, int max)
{
	int i, n = 0;

	for (i = 0; i < r->n && r->t[i].plain; i++) {
		if (strlen(r->t[i].text) >= 3) {
			if (n == max)
				return -1;
			g[n].from = i;
			g[n++].n = 1;
		} else if (n > 0 && g[n - 1].n < 3 &&
		    strlen(r->t[i].text) == 2)
			g[n - 1].n++;
		else
			return -1;
	}
	return n;
}

static int
waits_for_code(struct tb *b, const struct lrow *r)
{
	return has_kind(r, 1) && has_kind(r, 0) && !has_code(r) &&
	    !row_is_total(b, r);
}

/* Row to gets the n tokens of row from at k, before its own. */
static void
give_code(struct lrow *to, const struct lrow *from, int k, int n)
{
	struct token *t = xmalloc(sizeof(*t) * (size_t)(to->n + n + 1));
	int i;

	for (i = 0; i < n; i++) {
		t[i] = from->t[k + i];
		t[i].text = xstrdup(from->t[k + i].text);
	}
	if (to->n > 0)
		memcpy(t + n, to->t, sizeof(*t) * (size_t)to->n);
	free(to->t);
	to->t = t;
	to->n += n;
}

static void
drop_tokens(struct lrow *r, int n)
{
	int i;

	for (i = 0; i < n; i++)
		free(r->t[i].text);
	memmove(r->t, r->t + n, sizeof(*r->t) * (size_t)(r->n - n));
	r->n -= n;
}

/*
 * Row r's codes but its own (all, when no label follows them) to the
 * rows from *pending on that wait for one.  Returns whether it did.
 */
static int
codes_back(struct tb *b, int r, int *pending)
{
	struct cgroup g[16];
	struct lrow *row = &b->rows[r];
	int n, extra, k, waiting[64], nw = 0, i, at;

	if ((n = code_groups(row, g, 16)) <= 0)
		return 0;
	extra = g[n - 1].from + g[n - 1].n < row->n &&
	    row->t[g[n - 1].from + g[n - 1].n].kind == TK_TEXT ? n - 1 : n;
	if (extra == 0)
		return 0;
	for (k = *pending; k < r && nw < 64; k++)
		if (waits_for_code(b, &b->rows[k]))
			waiting[nw++] = k;
	if (nw < extra)
		return 0;
	/* Parents printed with their child's code are the rows just above. */
	at = extra < n ? nw - extra : 0;
	for (i = 0; i < extra; i++)
		give_code(&b->rows[waiting[at + i]], row, g[i].from, g[i].n);
	drop_tokens(row, g[extra - 1].from + g[extra - 1].n);
	*pending = waiting[at + extra - 1] + 1;
	return 1;
}

/*
 * Row r's codes after its first, followed by its label, when no row
 * above waits for them: the codes of the rows just below that print
 * none or only its 款 ("303 05 310 02 生活补助", then "办公设备购置";
 * "301 13 301 住房公积金", then "99 其他工资福利支出"), in order.
 */
static void
codes_forward(struct tb *b, int r)
{
	struct cgroup g[16];
	struct lrow *row = &b->rows[r];
	int n, i, k, at, from;

	if ((n = code_groups(row, g, 16)) < 2 ||
	    g[n - 1].from + g[n - 1].n >= row->n ||
	    row->t[g[n - 1].from + g[n - 1].n].kind != TK_TEXT ||
	    r + n - 1 >= b->nrows)
		return;
	for (k = 1; k < n; k++)
		if (b->rows[r + k].n == 0 || row_is_total(b, &b->rows[r + k]) ||
		    (b->rows[r + k].t[0].kind != TK_TEXT &&
		    !is_small_int(&b->rows[r + k].t[0])))
			return;		/* a row begun by its label or 款 */
	for (k = n - 1; k >= 1; k--)
		give_code(&b->rows[r + k], row, g[k].from, g[k].n);
	/* Drop the given tokens, keeping the first code and the rest. */
	from = g[1].from;
	at = g[n - 1].from + g[n - 1].n;
	for (i = from; i < at; i++)
		free(row->t[i].text);
	memmove(row->t + from, row->t + at, sizeof(*row->t) *
	    (size_t)(row->n - at));
	row->n -= at - from;
}

void
codes_to_rows_above(struct tb *b)
{
	int r, pending = 0;

	if (!b->cell_lines)
		return;
	for (r = 0; r < b->nrows; r++)
		if (!codes_back(b, r, &pending) && has_code(&b->rows[r])) {
			codes_forward(b, r);
			pending = r + 1;
		}
}

/*
 * The text column right of the label whose pattern a word fits, or -1
 * (one left of it begins the next row).
 */
static int
text_col_of(const struct tb *b, const char *w)
{
	int i, label = 0;

	for (i = 0; i < b->l.ncols; i++) {
		label |= b->l.cols[i].type == COL_LABEL;
		if (label && b->l.cols[i].type == COL_TEXT &&
		    b->l.cols[i].rx != NULL &&
		    regex_match(b->l.cols[i].rx, w, strlen(w)))
			return i;
	}
	return -1;
}

static int
holds_text_of(const struct tb *b, const struct lrow *r, int col)
{
	int i;

	for (i = 0; i < r->n; i++)
		if (r->t[i].kind == TK_TEXT && text_col_of(b, r->t[i].text) ==
		    col)
			return 1;
	return 0;
}

/*
 * A word alone fitting a text column right of the label (项目类型: 其他
 * 运转类), printed after its row's amounts: it goes back to the row above
 * when that row lacks it, among the row's words.
 */
void
late_text_cells(struct tb *b)
{
	struct lrow *r, *up;
	int i, k, col;

	if (!b->cell_lines)
		return;
	for (i = 1; i < b->nrows; i++) {
		r = &b->rows[i];
		up = &b->rows[i - 1];
		if (r->n != 1 || r->t[0].kind != TK_TEXT ||
		    (col = text_col_of(b, r->t[0].text)) < 0 ||
		    !has_kind(up, 0) || holds_text_of(b, up, col))
			continue;
		for (k = up->n; k > 0 && up->t[k - 1].kind != TK_TEXT; k--)
			;
		up->t = xreallocarray(up->t, (size_t)up->n + 1,
		    sizeof(*up->t));
		memmove(up->t + k + 1, up->t + k, sizeof(*up->t) *
		    (size_t)(up->n - k));
		up->t[k] = r->t[0];
		up->n++;
		free(r->t);
		memmove(b->rows + i, b->rows + i + 1, sizeof(*b->rows) *
		    (size_t)(b->nrows - i - 1));
		b->nrows--;
		i--;
	}
}

static int
names_a_side(const struct tb *b, const char *w)
{
	int s;

	for (s = 0; s < b->l.nsides; s++)
		if (side_named(b, s, w))
			return 1;
	return 0;
}

/*
 * The one row of names whose last word is a code without its name, or
 * -1 (rows of a code alone are codes printed away from their rows).
 */
static int
nameless_code(const struct tb *b, int before)
{
	const struct lrow *r;
	int i, found = -1;

	for (i = 0; i < before; i++) {
		r = &b->rows[i];
		if (r->n > 1 && is_code_token(&r->t[r->n - 1]) &&
		    has_kind(r, 1)) {
			if (found >= 0)
				return -1;
			found = i;
		}
	}
	return found;
}

/*
 * Blocks side by side (公开06表), a cell a line: a name printed after the
 * table, among the blocks' totals (人员经费合计 … 其他支出), is the name
 * of the one code printed without its own.
 */
void
late_block_names(struct tb *b)
{
	struct lrow *last, *to;
	int i, k;

	if (!b->cell_lines || !sides_by_code(b) || b->nrows < 2)
		return;
	last = &b->rows[b->nrows - 1];
	if (last->n == 0 || last->t[0].kind != TK_TEXT ||
	    !names_a_side(b, last->t[0].text) ||
	    (k = nameless_code(b, b->nrows - 1)) < 0)
		return;			/* the blocks' totals, last */
	for (i = 1; i < last->n; i++)
		if (last->t[i].kind == TK_TEXT &&
		    !names_a_side(b, last->t[i].text))
			break;
	if (i == last->n)
		return;
	to = &b->rows[k];
	to->t = xreallocarray(to->t, (size_t)to->n + 1, sizeof(*to->t));
	to->t[to->n++] = last->t[i];
	memmove(last->t + i, last->t + i + 1, sizeof(*last->t) *
	    (size_t)(last->n - i - 1));
	last->n--;
}
