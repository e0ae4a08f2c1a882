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
