/*
 * pageorder.c - a dumped page's lines in the order a reader sees them.
 */
#include <stdlib.h>
#include <string.h>

#include "pageorder.h"

void
pageorder_classify(struct textrules *tr, struct pageline *l)
{
	struct caption probe;
	size_t n = strlen(l->text);

	l->kind = caption_classify(tr, l->text, n);
	l->data = l->kind != LINE_FURNITURE && line_is_data(tr, l->text, n);
	l->anchor = 0;
	if (l->kind == LINE_CAPTION) {
		memset(&probe, 0, sizeof(probe));
		caption_read(tr, &probe, l->text, n);
		l->has_code = probe.code != NULL;
		l->has_title = probe.title != NULL;
		l->anchor = l->has_code || l->has_title;
		caption_free(&probe);
	}
}

static int
next_anchor(const struct pageline *l, int from, int n)
{
	int i;

	for (i = from; i < n; i++)
		if (l[i].anchor)
			return i;
	return -1;
}

static int
rows_between(const struct pageline *l, int from, int to)
{
	int i, rows = 0;

	for (i = from; i < to; i++)
		rows += l[i].data != 0;
	return rows;
}

/* A sentence of the prose, amounts and all ("合计 981.54 万元，…"). */
static int
is_prose(const char *text)
{
	return strstr(text, "。") != NULL || strstr(text, "，") != NULL;
}

/*
 * Rows that a note or a section heading closes before the caption are
 * the end of a table from the page before, not a table drawn caption
 * last, unless the page opens with the new table's entity or unit line
 * (then one row is enough: a 三公经费 table prints only its total).
 */
static int
rows_own_caption(const struct pageline *l, int from, int a)
{
	int i, rows = rows_between(l, from, a);

	if (rows == 0)
		return 0;
	for (i = from; i < a && !l[i].data; i++)
		if (l[i].kind == LINE_CAPTION)
			return 1;	/* its entity or unit line opens the page */
	if (rows < 2)
		return 0;
	for (i = a - 1; i >= from && (!l[i].data || is_prose(l[i].text)); i--)
		if (l[i].kind == LINE_NOTE || l[i].kind == LINE_SECTION)
			return 0;
	return 1;
}

/*
 * One table drawn caption last: lines [from, a) hold its furniture,
 * entity line, header and rows; [a, b) its caption; [b, t) the header
 * words drawn after.  Reading order: furniture, caption, the lines before
 * the first row, the late header words, the rows and what follows them.
 */
static int
restore_one(const struct pageline *l, int from, int a, int b, int t,
    int *order, int k)
{
	int i, first_row = a;

	for (i = from; i < a; i++)
		if (l[i].kind == LINE_FURNITURE)
			order[k++] = i;
	for (i = a; i < b; i++)
		order[k++] = i;
	for (i = from; i < a && first_row == a; i++)
		if (l[i].data)
			first_row = i;
	for (i = from; i < first_row; i++)
		if (l[i].kind != LINE_FURNITURE)
			order[k++] = i;
	for (i = b; i < t; i++)
		order[k++] = i;
	for (i = first_row; i < a; i++)
		if (l[i].kind != LINE_FURNITURE)
			order[k++] = i;
	return k;
}

/* Move order[from..to) so that it starts at position dest < from. */
static void
move_back(int *order, int from, int to, int dest)
{
	int len = to - from, *tmp = xmalloc(sizeof(int) * (size_t)(len + 1));

	memcpy(tmp, order + from, sizeof(int) * (size_t)len);
	memmove(order + dest + len, order + dest,
	    sizeof(int) * (size_t)(from - dest));
	memcpy(order + dest, tmp, sizeof(int) * (size_t)len);
	free(tmp);
}

/* A caption block at position p of order[]: how far it runs. */
static int
block_end(const struct pageline *l, const int *order, int n, int p)
{
	while (p < n && l[order[p]].kind == LINE_CAPTION)
		p++;
	return p;
}

static int
block_has(const struct pageline *l, const int *order, int from, int to,
    int title)
{
	int i;

	for (i = from; i < to; i++)
		if (title ? l[order[i]].has_title : l[order[i]].has_code)
			return 1;
	return 0;
}

/*
 * A code drawn after the rows of a table whose title came first: the
 * code's block goes back behind the title's, and the header words drawn
 * after the code back before the first row.
 */
static void
late_codes(const struct pageline *l, int n, int *order)
{
	int p, e, prev = -1, prev_end = -1, rows, t, first_row;

	for (p = 0; p < n; p = e) {
		if (!l[order[p]].anchor) {
			e = p + 1;
			continue;
		}
		e = block_end(l, order, n, p);
		rows = 0;
		for (t = prev_end; prev >= 0 && t < p; t++)
			rows += l[order[t]].data != 0;
		if (prev >= 0 && rows >= 1 && block_has(l, order, p, e, 0) &&
		    !block_has(l, order, p, e, 1) &&
		    block_has(l, order, prev, prev_end, 1) &&
		    !block_has(l, order, prev, prev_end, 0)) {
			for (t = e; t < n && !l[order[t]].data &&
			    !l[order[t]].anchor && l[order[t]].kind == LINE_TEXT;
			    t++)
				;
			move_back(order, p, e, prev_end);
			for (first_row = prev_end + (e - p); first_row < n &&
			    !l[order[first_row]].data; first_row++)
				;
			if (t > e && first_row < e)
				move_back(order, e, t, first_row);
			prev = -1;
			continue;
		}
		prev = p;
		prev_end = e;
	}
}

/*
 * order[] gets the lines' indices in reading order.  The page is taken
 * as drawn caption-last only when its first code or title comes after
 * two rows or more that nothing closed; then each caption takes the
 * lines before it.
 */
void
pageorder_restore(const struct pageline *l, int n, int *order)
{
	int i, k = 0, from = 0, a, b, t;

	a = next_anchor(l, 0, n);
	if (a == -1 || !rows_own_caption(l, 0, a)) {
		for (i = 0; i < n; i++)
			order[i] = i;
		late_codes(l, n, order);
		return;
	}
	while (from < n && (a = next_anchor(l, from, n)) != -1 &&
	    rows_own_caption(l, from, a)) {
		for (b = a; b < n && l[b].kind == LINE_CAPTION; b++)
			;
		for (t = b; t < n && !l[t].data && !l[t].anchor &&
		    l[t].kind == LINE_TEXT; t++)
			;
		k = restore_one(l, from, a, b, t, order, k);
		from = t;
	}
	for (i = from; i < n; i++)
		order[k++] = i;
}
