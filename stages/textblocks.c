/*
 * textblocks.c - a table a dump printed block after block.
 *
 * Plain pdftotext reads a page by its text blocks, so a table whose
 * label column is one block comes out as the label's heading, then every
 * row's label a line, then the rest of the header, then the numbers
 * alone.  When the numbers share out evenly over the labels, each row
 * gets its share back: row by row as printed, or column by column where
 * only that order makes the total row the sum of the rows above it.
 */
#include <stdlib.h>
#include <string.h>

#include "textrow.h"

/* A line that can be a row's label: words without a digit. */
static int
label_line(const char *s)
{
	int words = 0;

	for (; *s; s++) {
		if (*s >= '0' && *s <= '9')
			return 0;
		words |= *s != ' ' && *s != '\t';
	}
	return words;
}

/* The numbers of rows that print no word, in order; -1 if a row does. */
static int
numbers_only(const struct tb *b, struct token **out)
{
	int r, i, n = 0;

	*out = NULL;
	for (r = 0; r < b->nrows; r++)
		for (i = 0; i < b->rows[r].n; i++) {
			if (b->rows[r].t[i].kind != TK_NUM) {
				free(*out);
				*out = NULL;
				return -1;
			}
			*out = xreallocarray(*out, (size_t)n + 1,
			    sizeof(**out));
			(*out)[n++] = b->rows[r].t[i];
		}
	return n;
}

static int
decimals_of(const struct token *v, int n)
{
	int i, d = 0;

	for (i = 0; i < n; i++)
		if (v[i].num.decimals > d)
			d = v[i].num.decimals;
	return d;
}

/*
 * How many of m columns, the numbers taken in the order given, have
 * their last row (a total) equal to the sum of the rows above it.
 */
static int
columns_adding_up(const struct token *v, int k, int m, int by_column)
{
	long long sum, tot;
	int i, j, d = decimals_of(v, k * m), ok = 0;

	for (j = 0; j < m; j++) {
		sum = 0;
		for (i = 0; i < k - 1; i++)
			sum += num_scale(&v[by_column ? j * k + i : i * m + j].num,
			    d);
		tot = num_scale(&v[by_column ? j * k + k - 1 : (k - 1) * m +
		    j].num, d);
		ok += num_equal_within(sum, tot, k);
	}
	return ok;
}

/* The longest run of label lines after the label's heading (line 0). */
static int
label_run(const struct tinput *in)
{
	int k;

	for (k = 1; k < in->nhead && label_line(in->head[k].text); k++)
		;
	return k - 1;
}

static void
new_rows(struct tb *b, const struct tinput *in, const struct token *v,
    int k, int m, int by_column)
{
	struct lrow *rows = xcalloc((size_t)k, sizeof(*rows));
	struct token *t;
	int i, j, r;

	for (i = 0; i < k; i++) {
		tokenize(&rows[i], in->head[1 + i].text);
		rows[i].page = in->head[1 + i].page;
		for (j = 0; j < m; j++) {
			rows[i].t = xreallocarray(rows[i].t,
			    (size_t)rows[i].n + 1, sizeof(*rows[i].t));
			t = &rows[i].t[rows[i].n++];
			*t = v[by_column ? j * k + i : i * m + j];
			t->text = xstrdup(t->text);
		}
	}
	for (r = 0; r < b->nrows; r++)
		free_row(&b->rows[r]);
	free(b->rows);
	b->rows = rows;
	b->nrows = k;
}

/*
 * When the body prints numbers only and the header's lines begin with
 * the label's heading and k label lines over which the numbers share
 * out evenly, make those k rows; copy is the input without the label
 * lines (its head to be freed by the caller).  Returns whether it did.
 */
int
labels_before_amounts(struct tb *b, const struct tinput *in,
    struct tinput *copy)
{
	struct token *v;
	int n, k, m, by_column = 0, i;

	if (!b->cell_lines || (n = numbers_only(b, &v)) <= 0)
		return 0;
	for (k = label_run(in); k >= 2 && n % k != 0; k--)
		;
	if (k < 2 || (m = n / k) > 32) {
		free(v);
		return 0;
	}
	if (patlist_match(&b->tr->total, in->head[k].text,
	    strlen(in->head[k].text)) != -1)
		by_column = columns_adding_up(v, k, m, 1) >
		    columns_adding_up(v, k, m, 0);
	new_rows(b, in, v, k, m, by_column);
	free(v);
	*copy = *in;
	copy->head = xmalloc(sizeof(*copy->head) * (size_t)(in->nhead - k));
	copy->head[0] = in->head[0];
	for (i = 1 + k; i < in->nhead; i++)
		copy->head[i - k] = in->head[i];
	copy->nhead = in->nhead - k;
	return 1;
}

/*
 * A family's table printed block after block, a cell a line: every
 * row's code and label first, then, maybe, the first amount column a
 * line each, then the other amounts row by row, a row's amounts wrapped
 * over lines as the block's width allows.  The rows are known from the
 * labels; where the amount lines go is found by the family's row
 * identities: the only way to share them out in order, each row whole,
 * is taken.  Several ways or none: the rows keep their first column, if
 * any, and the rest is read as it comes.
 */
struct stream {
	struct lrow	*line;		/* the amount lines, in order */
	int		 n;
	struct lrow	*rows;		/* the rows as labelled */
	int		 nrows;
	int		 first;		/* rows got a first column */
	int		*at;		/* each line's place in the body */
	int		 after;		/* the body after the first column */
	signed char	*ways;		/* memo: rows i.. from line j, or -1 */
};

static int
holds_amount_row(const struct lrow *r)
{
	return has_kind(r, 0);
}

static void
append_row(struct lrow *to, const struct lrow *from)
{
	int i;

	to->t = xreallocarray(to->t, (size_t)(to->n + from->n) + 1,
	    sizeof(*to->t));
	for (i = 0; i < from->n; i++) {
		to->t[to->n] = from->t[i];
		to->t[to->n++].text = xstrdup(from->t[i].text);
	}
}

/* Row i with the amount lines j .. j+len-1: a copy to be freed. */
static void
row_with(const struct stream *st, int i, int j, int len, struct lrow *out)
{
	int k;

	memset(out, 0, sizeof(*out));
	append_row(out, &st->rows[i]);
	for (k = j; k < j + len; k++)
		append_row(out, &st->line[k]);
}

/* How many ways rows i.. take lines j..: 0, 1, or 2 for several. */
static int
ways(struct tb *b, struct stream *st, int i, int j)
{
	struct lrow r;
	signed char *memo = &st->ways[i * (st->n + 1) + j];
	int len, n = 0, whole;

	if (i == st->nrows)
		return j == st->n;
	if (*memo >= 0)
		return *memo;
	for (len = 1; len <= 6 && j + len <= st->n - (st->nrows - i - 1) &&
	    n < 2; len++) {
		row_with(st, i, j, len, &r);
		whole = row_whole(b, &r);
		free_row(&r);
		if (whole)
			n += ways(b, st, i + 1, j + len);
	}
	*memo = (signed char)(n > 2 ? 2 : n);
	return *memo;
}

/* The one way found: each row takes its lines. */
static void
share_out(struct tb *b, struct stream *st)
{
	int i, j = 0, len;
	struct lrow r;

	for (i = 0; i < st->nrows; i++)
		for (len = 1; len <= 6 && j + len <= st->n; len++) {
			row_with(st, i, j, len, &r);
			if (row_whole(b, &r) &&
			    ways(b, st, i + 1, j + len) == 1) {
				free_row(&st->rows[i]);
				st->rows[i] = r;
				j += len;
				break;
			}
			free_row(&r);
		}
}

/* A page's number (-4-) or a unit line, printed among a table's blocks. */
static int
header_furniture(const char *s)
{
	const char *p = s;

	if (strncmp(s, "单位", strlen("单位")) == 0 &&
	    (strstr(s, "：") != NULL || strchr(s, ':') != NULL))
		return 1;
	while (*p == '-' || *p == ' ')
		p++;
	if (*p < '0' || *p > '9')
		return 0;
	while (*p >= '0' && *p <= '9')
		p++;
	while (*p == '-' || *p == ' ')
		p++;
	return *p == '\0' && *s == '-';
}

/* Whether the n bytes at w stand in one of the header's cells. */
static int
in_header(const struct tb *b, const char *w, size_t n)
{
	int i;
	const char *p;

	for (i = 0; i < b->l.ncells; i++)
		for (p = b->l.cells[i].text; *p != '\0'; p++)
			if (strncmp(p, w, n) == 0)
				return 1;
	return 0;
}

static size_t
utf8_len(const char *s)
{
	size_t n = 1;

	while ((s[n] & 0xc0) == 0x80)
		n++;
	return n;
}

/*
 * A word made of pieces of the header's cells, two characters or more
 * each ("特定目标对个人": two cells' pieces a dump joined), or one piece.
 */
static int
header_word(const struct tb *b, const char *w)
{
	size_t len = strlen(w), n, best, chars;

	if (in_header(b, w, len))
		return 1;
	while (*w != '\0') {
		best = 0;
		for (n = 0, chars = 0; w[n] != '\0'; chars++) {
			n += utf8_len(w + n);
			if (chars >= 1 && in_header(b, w, n))
				best = n;
		}
		if (best == 0)
			return 0;
		w += best;
	}
	return 1;
}

/* A line of header words, pieces of them, or furniture. */
static int
header_line(const struct tb *b, const char *text)
{
	struct lrow r;
	int i, all;

	if (header_furniture(text))
		return 1;
	memset(&r, 0, sizeof(r));
	tokenize(&r, text);
	all = r.n > 0;
	for (i = 0; i < r.n && all; i++)
		all = r.t[i].kind == TK_TEXT && header_word(b, r.t[i].text);
	free_row(&r);
	return all;
}

/* The lines from the first holding an amount: amounts, or header words. */
static int
amount_lines(const struct tb *b, const struct tinput *in, int from,
    struct stream *st)
{
	struct lrow r;
	int i;

	for (i = from; i < in->nbody; i++) {
		memset(&r, 0, sizeof(r));
		tokenize(&r, in->body[i].text);
		if (r.n > 0 && only_amounts(&r)) {
			st->line = xreallocarray(st->line, (size_t)st->n + 1,
			    sizeof(*st->line));
			st->at = xreallocarray(st->at, (size_t)st->n + 1,
			    sizeof(*st->at));
			st->at[st->n] = i;
			st->line[st->n++] = r;
			continue;
		}
		free_row(&r);
		if (!header_line(b, in->body[i].text))
			return 0;
	}
	return st->n > 0;
}

/*
 * The first amount column a line each, as many lines as rows, before
 * the rest (lines of several amounts, or after the header's words): each
 * row's first amount.
 */
static void
first_column(struct stream *st)
{
	int i;

	if (st->n <= st->nrows || (st->line[st->nrows].n == 1 &&
	    st->at[st->nrows] == st->at[st->nrows - 1] + 1))
		return;			/* as many lines as rows, no more */
	for (i = 0; i < st->nrows; i++)
		if (st->line[i].n != 1)
			return;
	for (i = 0; i < st->nrows; i++) {
		append_row(&st->rows[i], &st->line[i]);
		free_row(&st->line[i]);
	}
	st->after = st->at[st->nrows - 1] + 1;
	memmove(st->line, st->line + st->nrows, sizeof(*st->line) *
	    (size_t)(st->n - st->nrows));
	st->n -= st->nrows;
	st->first = 1;
}

static int
table_decimals_of(const struct stream *st)
{
	int i, k, d = 0;

	for (i = 0; i < st->n; i++)
		for (k = 0; k < st->line[i].n; k++)
			if (st->line[i].t[k].num.decimals > d)
				d = st->line[i].t[k].num.decimals;
	return d;
}

static void
stream_free(struct stream *st)
{
	int i;

	for (i = 0; i < st->n; i++)
		free_row(&st->line[i]);
	free(st->line);
	free(st->at);
	free(st->ways);
}

/* The body's first line holding an amount, or -1. */
static int
first_amount_line(const struct tinput *in)
{
	struct lrow r;
	int i, yes;

	for (i = 0; i < in->nbody; i++) {
		memset(&r, 0, sizeof(r));
		tokenize(&r, in->body[i].text);
		yes = holds_amount_row(&r);
		free_row(&r);
		if (yes)
			return i;
	}
	return -1;
}

/*
 * The first column's heading (合计) printed atop its block, after the
 * rows' labels: a second total's word alone ending the labels is that
 * heading, not a row.  A first one there, the total row's label or the
 * heading, leaves the rows unknown.
 */
static int
bare_total(struct tb *b, int r)
{
	return r >= 0 && r < b->nrows && b->rows[r].n == 1 &&
	    b->rows[r].t[0].kind == TK_TEXT && row_is_total(b, &b->rows[r]);
}

static void
drop_column_heading(struct tb *b)
{
	if (b->nrows <= 2 || !bare_total(b, b->nrows - 1) ||
	    !row_is_total(b, &b->rows[0]))
		return;
	free_row(&b->rows[b->nrows - 1]);
	b->nrows--;
}

/*
 * The first column found but the rest not shared out: the rows keep it,
 * the lines after it are gathered as they come.
 */
static void
rest_as_printed(struct tb *b, const struct tinput *in, int after)
{
	struct tinput rest = *in;
	int cell_lines = b->cell_lines;

	rest.body = in->body + after;
	rest.nbody = in->nbody - after;
	gather_rows(b, &rest);
	b->cell_lines = cell_lines;
}

int
labels_then_amount_rows(struct tb *b, const struct tinput *in)
{
	struct stream st;
	struct tinput labels;
	int a, i, ok = 0;

	if (!b->cell_lines || b->l.nsides > 1 || b->l.nsums == 0 ||
	    (a = first_amount_line(in)) < 3)
		return 0;
	labels = *in;
	labels.nbody = a;
	gather_rows(b, &labels);
	drop_column_heading(b);
	memset(&st, 0, sizeof(st));
	st.rows = b->rows;
	st.nrows = b->nrows;
	for (i = 0; i < b->nrows; i++)
		if (holds_amount_row(&b->rows[i]) || b->rows[i].n == 0)
			st.nrows = 0;
	if (bare_total(b, b->nrows - 1))
		st.nrows = 0;		/* a heading, or the total row? */
	if (st.nrows >= 2 && amount_lines(b, in, a, &st)) {
		first_column(&st);
		b->decimals = table_decimals_of(&st);
		st.ways = xmalloc((size_t)(st.nrows + 1) * (size_t)(st.n + 1));
		memset(st.ways, -1, (size_t)(st.nrows + 1) *
		    (size_t)(st.n + 1));
		if (st.n >= st.nrows && ways(b, &st, 0, 0) == 1) {
			share_out(b, &st);
			ok = 1;
		} else if (st.first) {
			rest_as_printed(b, in, st.after);
			ok = 1;
		}
	}
	stream_free(&st);
	if (!ok) {
		for (i = 0; i < b->nrows; i++)
			free_row(&b->rows[i]);
		free(b->rows);
		b->rows = NULL;
		b->nrows = 0;
	}
	return ok;
}

/* Where a word glues a heading's colon to the next label ("Revenues:Fees"). */
static size_t
glued_heading(const char *w)
{
	const char *p = w;

	while ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z'))
		p++;
	return p > w && p[0] == ':' && p[1] >= 'A' && p[1] <= 'Z' ?
	    (size_t)(p - w) + 1 : 0;
}

/*
 * A section heading of a generic table ("Revenues:") a dump glued to the
 * first label under it is a row of its own, without amounts.
 */
void
split_glued_headings(struct tb *b)
{
	struct lrow head;
	struct token *t;
	size_t n;
	int r;

	for (r = 0; r < b->nrows; r++) {
		if (b->rows[r].n == 0 || b->rows[r].t[0].kind != TK_TEXT ||
		    (n = glued_heading(b->rows[r].t[0].text)) == 0)
			continue;
		memset(&head, 0, sizeof(head));
		head.page = b->rows[r].page;
		t = &b->rows[r].t[0];
		head.t = xmalloc(sizeof(*head.t));
		head.t[0] = *t;
		head.t[0].text = xstrndup(t->text, n);
		head.n = 1;
		memmove(t->text, t->text + n, strlen(t->text + n) + 1);
		b->rows = xreallocarray(b->rows, (size_t)b->nrows + 1,
		    sizeof(*b->rows));
		memmove(b->rows + r + 1, b->rows + r, sizeof(*b->rows) *
		    (size_t)(b->nrows - r));
		b->rows[r] = head;
		b->nrows++;
		r++;
	}
}

/*
 * Pieces of the header's cells printed among the rows, a dump joining
 * them ("一般公共基金预": 一般公共 of one cell, 基金预 of another) where
 * the header's blocks stand beside the rows: no row's words.  A total's
 * or an item's label stays, though the header may print it too.
 */
void
drop_header_pieces(const struct tb *b, struct moved *m)
{
	const char *t;
	int i;

	if (!b->cell_lines || b->l.nsides > 1)
		return;
	for (i = m->in.nbody - 1; i >= 0; i--) {
		t = m->in.body[i].text;
		if (!header_line(b, t) || header_furniture(t) ||
		    patlist_match(&b->tr->total, t, strlen(t)) != -1 ||
		    patlist_match(&b->tr->item, t, strlen(t)) != -1)
			continue;
		own_body(m);
		drop_body_line(m, i);
	}
}
