/*
 * textheadrows.c - the header rows a text table prints under its header.
 *
 * The 栏次 row, a row numbering the columns 1 to n, and, in a dump that
 * prints a cell a line, the pieces of the first (total) row scattered
 * among the header's lines.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "textrow.h"

static int
line_starts_with_code(const char *text)
{
	struct lrow r;
	int yes;

	memset(&r, 0, sizeof(r));
	tokenize(&r, text);
	yes = starts_with_code(&r);
	free_row(&r);
	return yes;
}

void
prelines_get(struct prelines *p, const struct tinput *in)
{
	int i;

	p->text = xmalloc(sizeof(char *) * ((size_t)(in->nhead +
	    in->nbody) + 1));
	p->n = 0;
	for (i = 0; i < in->nhead; i++)
		p->text[p->n++] = in->head[i].text;
	for (i = 0; i < in->nbody && !line_starts_with_code(in->body[i].text);
	    i++)
		p->text[p->n++] = in->body[i].text;
}

static int
find_marker(const struct prelines *p, const char *marker)
{
	size_t mlen = strlen(marker);
	int i;

	for (i = 0; i < p->n; i++)
		if (strncmp(p->text[i], marker, mlen) == 0)
			return i;
	return -1;
}

/*
 * A marker printed alone after the rows (a text box the page drew last)
 * is still the marker of the numbering row under the header: its line
 * leaves the body for the lines above the codes.
 */
void
marker_after_rows(struct prelines *p, struct moved *m, const char *marker)
{
	int i;

	if (find_marker(p, marker) >= 0)
		return;
	for (i = m->in.nbody - 1; i >= 0; i--)
		if (strcmp(m->in.body[i].text, marker) == 0) {
			p->text[p->n++] = m->in.body[i].text;
			drop_body_line(m, i);
			return;
		}
}

/*
 * A 栏次 marker printed alone takes the lines of small numbers around it
 * that go on counting 1, 2, 3…, as many as there are amount columns.
 */
static void
marker_numbers(struct tb *b, const struct prelines *p, struct lrow *r)
{
	struct lrow line;
	int i, k, want = amount_columns(&b->l);

	for (i = 0; i < p->n && r->n <= want; i++) {
		memset(&line, 0, sizeof(line));
		tokenize(&line, p->text[i]);
		for (k = 0; k < line.n && is_small_int(&line.t[k]) &&
		    atoi(line.t[k].text) == r->n + k; k++)
			;
		if (line.n > 0 && k == line.n) {
			if (b->nnumbering < 16)
				b->numbering[b->nnumbering++] = p->text[i];
			for (k = 0; k < line.n; k++) {
				r->t = xreallocarray(r->t, (size_t)r->n + 1,
				    sizeof(*r->t));
				r->t[r->n++] = line.t[k];
			}
			free(line.t);
		} else
			free_row(&line);
	}
}

/*
 * A marker printed alone, its numbers gathered a line each: they number
 * the amount columns left to right over the sides, the first side's
 * first.  A marker printed once per side labels each side's numbers.
 */
static void
numbers_over_sides(struct tb *b, const struct prelines *p,
    const char *marker, const struct lrow *r, int *side)
{
	int cols[64], s = 0, used = 0, k, markers = 0, i;

	for (i = 0; i < p->n; i++)
		markers += strcmp(p->text[i], marker) == 0;
	side[0] = 0;
	for (k = 1; k < r->n; k++) {
		while (s + 1 < b->l.nsides &&
		    used >= side_cols(b, s, COL_AMOUNT, cols)) {
			s++;
			used = 0;
		}
		side[k] = s;
		used++;
	}
	b->marker_sides = b->l.nsides > 1 && markers >= b->l.nsides;
}

/*
 * The 栏次 row under the header: its label in the label column, its
 * numbers one per amount column, left to right.
 */
int
marker_row(struct tb *b, const struct prelines *p, const char *marker)
{
	struct lrow r;
	int side[256], s, i, k, row = b->l.tree_rows, cols[64], n, label;

	if ((i = find_marker(p, marker)) < 0)
		return 0;
	memset(&r, 0, sizeof(r));
	tokenize(&r, p->text[i]);
	if (r.n == 1) {
		marker_numbers(b, p, &r);
		numbers_over_sides(b, p, marker, &r, side);
	} else
		assign_sides(b, &r, side);
	for (s = 0; s < (b->l.nsides > 1 ? b->l.nsides : 1); s++) {
		label = -1;
		for (k = 0; k < b->l.ncols && label < 0; k++)
			if (b->l.cols[k].side == s &&
			    b->l.cols[k].type == COL_LABEL)
				label = k;
		n = side_cols(b, s, COL_AMOUNT, cols);
		if (s > 0 && b->marker_sides && label >= 0)
			grid_add_cell(b->g, row, label, 1, 1, 1, marker);
		for (k = 0, i = 0; k < r.n; k++) {
			if (side[k] != s)
				continue;
			if (r.t[k].kind == TK_TEXT && label >= 0)
				grid_add_cell(b->g, row, label, 1, 1, 1,
				    r.t[k].text);
			else if (r.t[k].kind == TK_NUM && i < n)
				grid_add_cell(b->g, row, cols[i++], 1, 1, 1,
				    r.t[k].text);
		}
		if (b->totalspan)
			span_label(b, row, s);
	}
	free_row(&r);
	b->g->header_rows++;
	return 1;
}

/* A line "1 2 3 … n": whether it numbers n columns, and n. */
static int
numbering(const char *text)
{
	struct lrow r;
	int i, n;

	memset(&r, 0, sizeof(r));
	tokenize(&r, text);
	for (i = 0; i < r.n && is_small_int(&r.t[i]) &&
	    atoi(r.t[i].text) == i + 1; i++)
		;
	n = i == r.n ? r.n : 0;
	free_row(&r);
	return n;
}

/* Whether a line holds only small numbers going on from count: how many. */
static int
counts_on(const char *text, int count)
{
	struct lrow r;
	int i;

	memset(&r, 0, sizeof(r));
	tokenize(&r, text);
	for (i = 0; i < r.n && is_small_int(&r.t[i]) &&
	    atoi(r.t[i].text) == count + i + 1; i++)
		;
	i = i == r.n ? r.n : 0;
	free_row(&r);
	return i;
}

/*
 * A dump a cell a line prints the numbering a number a line, among the
 * header's words and even the first row's amounts: the lines counting
 * on 1, 2, 3…, from the header's lines through the body's.  Returns how
 * far they count, their body lines in used[].
 */
static int
numbering_in_pieces(const struct moved *m, int *used, int *nused)
{
	int i, k, count = 0;

	*nused = 0;
	for (i = 0; i < m->in.nhead; i++)
		count += counts_on(m->in.head[i].text, count);
	for (i = 0; i < m->in.nbody; i++)
		if ((k = counts_on(m->in.body[i].text, count)) > 0) {
			count += k;
			used[(*nused)++] = i;
		}
	return count;
}

static void
add_numbering(struct tb *b, int n, const int *cols, int namounts)
{
	char num[16];
	int k;

	for (k = 0; k < n; k++) {
		snprintf(num, sizeof(num), "%d", k + 1);
		grid_add_cell(b->g, b->l.tree_rows, n == namounts ? cols[k] :
		    k, 1, 1, 1, num);
	}
	b->g->header_rows++;
}

/*
 * A family printed without a 栏次 label may still number its columns
 * under the header ("1 2 3 … 12"), on one line or a number a line: a
 * header row, one number per amount column, or per column when it
 * numbers them all.  The body's lines that held it are left out.
 */
void
numbering_row(struct tb *b, const struct prelines *p, struct moved *m)
{
	int i, n = 0, cols[64], namounts, *used, nused;

	namounts = side_cols(b, 0, COL_AMOUNT, cols);
	if (b->l.nsides > 1)
		return;
	for (i = 0; i < p->n; i++) {
		n = numbering(p->text[i]);
		if (n >= 3 && (n == namounts || n == b->l.ncols))
			break;
	}
	if (i < p->n) {
		add_numbering(b, n, cols, namounts);
		return;
	}
	if (!b->cell_lines)
		return;
	used = xmalloc(sizeof(int) * ((size_t)m->in.nbody + 1));
	n = numbering_in_pieces(m, used, &nused);
	if (n >= 3 && (n == namounts || n == b->l.ncols)) {
		add_numbering(b, n, cols, namounts);
		while (nused-- > 0)
			drop_body_line(m, used[nused]);
	}
	free(used);
}

static int
is_total_text(const struct tb *b, const char *text)
{
	return patlist_match(&b->tr->total, text, strlen(text)) != -1;
}

/*
 * Rows gathered above the first coded row, each only words or only
 * amounts, are the pieces of one: the total row, printed one cell per
 * line among the header's.  Its amounts are kept in order, its words
 * dropped (they are the header's, or the total's label, found below).
 */
void
merge_rows_above_codes(struct tb *b)
{
	struct lrow merged;
	int fc, r, k;

	for (fc = 0; fc < b->nrows && !has_code(&b->rows[fc]); fc++)
		if (has_kind(&b->rows[fc], 0) && has_kind(&b->rows[fc], 1))
			return;		/* a whole row: not pieces */
	if (fc < 2 || fc == b->nrows)
		return;
	memset(&merged, 0, sizeof(merged));
	merged.page = b->rows[0].page;
	for (r = 0; r < fc; r++) {
		for (k = 0; k < b->rows[r].n; k++) {
			if (!is_amount(&b->rows[r].t[k])) {
				free(b->rows[r].t[k].text);
				continue;
			}
			merged.t = xreallocarray(merged.t, (size_t)merged.n + 1,
			    sizeof(*merged.t));
			merged.t[merged.n++] = b->rows[r].t[k];
		}
		free(b->rows[r].t);
	}
	b->rows[0] = merged;
	memmove(b->rows + 1, b->rows + fc, sizeof(*b->rows) *
	    (size_t)(b->nrows - fc));
	b->nrows -= fc - 1;
}

/*
 * The total's label for a first row of amounts alone: the total label
 * printed after the 栏次 marker among the lines above the codes.
 */
void
total_label_above(struct tb *b, const struct prelines *p, const char *marker)
{
	struct lrow *first = b->nrows > 0 ? &b->rows[0] : NULL, label;
	int i;

	if (first == NULL || has_kind(first, 1) || has_code(first) ||
	    !has_kind(first, 0) || (i = find_marker(p, marker)) < 0)
		return;
	for (i++; i < p->n && !is_total_text(b, p->text[i]); i++)
		;
	if (i == p->n)
		return;
	memset(&label, 0, sizeof(label));
	tokenize(&label, p->text[i]);
	label.t = xreallocarray(label.t, (size_t)(label.n + first->n) + 1,
	    sizeof(*label.t));
	memcpy(label.t + label.n, first->t, sizeof(*first->t) *
	    (size_t)first->n);
	free(first->t);
	first->t = label.t;
	first->n += label.n;
}

/* A row with amounts and nothing to say what it is. */
static int
lacks_label(const struct tb *b, const struct lrow *r)
{
	int i;

	if (!has_kind(r, 0) || has_code(r))
		return 0;
	for (i = 0; i < r->n; i++)
		if (r->t[i].kind == TK_TEXT &&
		    !looks_like_text_cell(b, &r->t[i], 0))
			return 0;
	return 1;
}

/* A caption's line (the code, title, unit or entity) or furniture. */
static int
is_caption_line(const struct tb *b, const char *text)
{
	size_t n = strlen(text);

	return patlist_match(&b->tr->code, text, n) != -1 ||
	    patlist_match(&b->tr->title, text, n) != -1 ||
	    patlist_match(&b->tr->unit, text, n) != -1 ||
	    patlist_match(&b->tr->entity, text, n) != -1 ||
	    patlist_match(&b->tr->furniture, text, n) != -1;
}

/* A header line that is no header word: a label drawn out of its row. */
static int
is_orphan(const struct tb *b, const char *text)
{
	struct lrow r;
	int words;

	memset(&r, 0, sizeof(r));
	tokenize(&r, text);
	words = r.n > 0 && !has_kind(&r, 0) && !has_small_int(&r);
	free_row(&r);
	return words && !holds_header_words(b, text) &&
	    !is_caption_line(b, text);
}

/*
 * A dump that draws long labels after the rest of the page (a table
 * printed caption-last, its labels in a text box) leaves rows of
 * amounts without labels and, among the header lines, the labels
 * without rows.  When there are exactly as many of each, they go
 * together in order.
 */
void
orphan_labels(struct tb *b, const struct tinput *in)
{
	int *orphan, norphans = 0, r, i, k;
	struct lrow label;
	struct lrow *row;

	orphan = xmalloc(sizeof(int) * ((size_t)in->nhead + 1));
	for (i = 0; i < in->nhead; i++)
		if (is_orphan(b, in->head[i].text))
			orphan[norphans++] = i;
	for (r = 0, k = 0; r < b->nrows; r++)
		k += lacks_label(b, &b->rows[r]);
	if (norphans == 0 || k != norphans) {
		free(orphan);
		return;
	}
	for (r = 0, k = 0; r < b->nrows; r++) {
		row = &b->rows[r];
		if (!lacks_label(b, row))
			continue;
		memset(&label, 0, sizeof(label));
		tokenize(&label, in->head[orphan[k++]].text);
		label.t = xreallocarray(label.t, (size_t)(label.n + row->n) +
		    1, sizeof(*label.t));
		memcpy(label.t + label.n, row->t, sizeof(*row->t) *
		    (size_t)row->n);
		free(row->t);
		row->t = label.t;
		row->n += label.n;
	}
	free(orphan);
}

/* How many of the lines, or of the header's cells, are a total's word. */
static int
totals_among(const struct tb *b, const struct tinput *in)
{
	int i, n = 0;

	for (i = 0; i < in->nhead; i++)
		n += is_total_text(b, in->head[i].text);
	for (i = 0; i < b->l.ncells; i++)
		n -= is_total_text(b, b->l.cells[i].text);
	return n;
}

/*
 * A dump a cell a line may print the total row's label among the
 * header's lines and its amounts first in the body: when the header's
 * lines print a total's word (合计) once more than the header's cells
 * do, a first row of amounts alone is the total row.
 */
void
total_label_in_head(struct tb *b, const struct tinput *in)
{
	struct lrow *first = b->nrows > 0 ? &b->rows[0] : NULL, label;
	int i;

	if (!b->cell_lines || first == NULL || !only_amounts(first) ||
	    totals_among(b, in) != 1)
		return;
	for (i = in->nhead - 1; i >= 0 && !is_total_text(b,
	    in->head[i].text); i--)
		;
	memset(&label, 0, sizeof(label));
	tokenize(&label, in->head[i].text);
	label.t = xreallocarray(label.t, (size_t)(label.n + first->n) + 1,
	    sizeof(*label.t));
	memcpy(label.t + label.n, first->t, sizeof(*first->t) *
	    (size_t)first->n);
	free(first->t);
	first->t = label.t;
	first->n += label.n;
}

/*
 * The lines a lone marker's numbers were taken from, among the body's
 * (a dump a cell a line prints them among the first rows, "2 / 3 / 4"):
 * no 行次 of a row, they are left out, where two or more come in a run
 * (a number alone between two labels may be a row's 行次 all the same).
 */
static int
numbering_line(const struct tb *b, const struct moved *m, int i)
{
	int k;

	if (i < 0 || i >= m->in.nbody)
		return 0;
	for (k = 0; k < b->nnumbering; k++)
		if (m->in.body[i].text == b->numbering[k])
			return 1;
	return 0;
}

void
drop_numbering_lines(struct tb *b, struct moved *m)
{
	char *drop;
	int i, n = m->in.nbody;

	if (b->nnumbering == 0)
		return;
	drop = xcalloc((size_t)n + 1, 1);
	for (i = 0; i < n; i++)
		drop[i] = numbering_line(b, m, i) &&
		    (numbering_line(b, m, i - 1) || numbering_line(b, m, i + 1));
	for (i = n - 1; i >= 0; i--)
		if (drop[i]) {
			own_body(m);
			drop_body_line(m, i);
		}
	free(drop);
}
