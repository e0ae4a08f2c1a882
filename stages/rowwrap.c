/*
 * rowwrap.c - which lines of an unruled band are one row.
 *
 * Without a ruling between them, two lines are one row when the second
 * is the first one's text wrapped: every piece of it sits in a column
 * where the row already has text, and that text had no room left for
 * the piece's first word (the line was full), or the piece reads as a
 * continuation (a lower-case start, a hyphen or comma before it).
 *
 * A row whose amounts are printed halfway down a two-line label comes
 * out as label line, amounts line, label line: the amounts line lacks
 * the label most rows have, so the text lines around it are its label.
 * A line holding an amount always starts a row otherwise, and an
 * enumerated item (一、 （二） 3.) always starts one.
 *
 * Rows whose cells are centred vertically interleave their lines: a
 * cell of one line sits half a line below the first line of a cell of
 * two.  Such a run of lines is one row, centred on its middle, and
 * settles where the rows around it end.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "geomlayout.h"
#include "rowwrap.h"
#include "utf8.h"

/* Lines further apart than this many line heights are never one row. */
#define WRAP_LEADING	0.9
/* Centres closer than this many line heights: half a line apart. */
#define STRADDLE	0.75
/* Mirrored lines' distances from a row's centre differ by less. */
#define MIRROR		0.3

struct lineinfo {
	int	 anchor;	/* holds a number */
	int	 labelless;	/* an anchor lacking the usual label */
};

static int
line_col_span(const struct glayout *lay, int line, int col)
{
	const struct gline *l = &lay->lines[line];
	int k;

	for (k = 0; k < l->n; k++) {
		const struct tspan *s = &lay->v[l->spans[k]];

		if (glayout_column_of(lay, (s->x0 + s->x1) / 2) == col)
			return l->spans[k];
	}
	return -1;
}

static int
has_number(const struct glayout *lay, int line)
{
	const struct gline *l = &lay->lines[line];
	int k;

	for (k = 0; k < l->n; k++)
		if (span_is_number(&lay->v[l->spans[k]]))
			return 1;
	return 0;
}

static int
is_cjk_numeral(int32_t c)
{
	static const int32_t numerals[] = { 0x4e00, 0x4e8c, 0x4e09, 0x56db,
	    0x4e94, 0x516d, 0x4e03, 0x516b, 0x4e5d, 0x5341, 0x767e, 0 };
	int i;

	for (i = 0; numerals[i]; i++)
		if (c == numerals[i])
			return 1;
	return 0;
}

/* 一、 （二） (3) 4. : the start of an item, never a continuation. */
static int
starts_item(const char *s)
{
	size_t n = strlen(s), k = 0;
	int32_t c;

	if (s[0] == '(' || strncmp(s, "（", 3) == 0)
		return 1;
	if (s[0] >= '0' && s[0] <= '9') {
		while (k < n && s[k] >= '0' && s[k] <= '9')
			k++;
		return k < n && (s[k] == '.' || strncmp(s + k, "、", 3) == 0);
	}
	while (k < n) {
		size_t m = utf8_decode(s + k, n - k, &c);

		if (!is_cjk_numeral(c))
			break;
		k += m;
	}
	return k > 0 && strncmp(s + k, "、", 3) == 0;
}

/* The width of a text's first word (Latin) or first character (CJK). */
static double
first_word_width(const struct tspan *s)
{
	size_t n = strlen(s->text), k, chars = 0, word = 0;
	int32_t c;

	for (k = 0; k < n;) {
		k += utf8_decode(s->text + k, n - k, &c);
		chars++;
	}
	for (k = 0; k < n;) {
		k += utf8_decode(s->text + k, n - k, &c);
		word++;
		if (uc_is_cjk(c) || c == ' ')
			break;
	}
	return chars ? (s->x1 - s->x0) * (double)word / (double)chars : 0;
}

/*
 * Does the text of span a (on one line) go on with span b (on the next)?
 * maxright: the right edge of the widest text in the column.
 */
static int
wraps_into(const struct tspan *a, const struct tspan *b, double maxright)
{
	size_t n = strlen(a->text);
	int32_t first = 0, last = 0;

	if (starts_item(b->text))
		return 0;
	utf8_decode(b->text, strlen(b->text), &first);
	if (n)
		utf8_last(a->text, n, &last);
	if (first >= 'a' && first <= 'z')
		return 1;
	if (last == '-' || last == ',' || last == '(' || last == '/' ||
	    last == '&')
		return 1;
	/* The first word of b would not have fitted after a. */
	return a->x1 + 0.3 * span_height(a) + first_word_width(b) >
	    maxright + 0.5;
}

static double
column_max_right(const struct glayout *lay, int col)
{
	return col >= 0 && col < lay->ncols ? lay->textmax[col] : 1e18;
}

/*
 * Does line `next` continue the row made of lines [from, to)?  Each of
 * its spans must wrap the row's last text in the same column; with
 * must_all clear, spans in columns where the row has nothing are allowed
 * (the row's amounts line lacked its label).
 */
static int
continues_row(const struct glayout *lay, int from, int to, int next,
    int must_all)
{
	const struct gline *l = &lay->lines[next];
	int k, c, i, prev;

	for (k = 0; k < l->n; k++) {
		const struct tspan *s = &lay->v[l->spans[k]];

		c = glayout_column_of(lay, (s->x0 + s->x1) / 2);
		prev = -1;
		for (i = to - 1; i >= from && prev < 0; i--)
			prev = line_col_span(lay, i, c);
		if (prev < 0) {
			if (must_all)
				return 0;
			continue;
		}
		if (!wraps_into(&lay->v[prev], s, column_max_right(lay, c)))
			return 0;
	}
	return 1;
}

/*
 * The columns most anchors have text in: the label columns.  Returns
 * them (label[c] set), the caller's to free.
 */
static int *
mark_labelless(const struct glayout *lay, int first, int n,
    struct lineinfo *info)
{
	int *count, anchors = 0, i, c;

	count = xcalloc((size_t)lay->ncols + 1, sizeof(int));
	for (i = 0; i < n; i++) {
		if (!info[i].anchor)
			continue;
		anchors++;
		for (c = 0; c < lay->ncols; c++)
			if (line_col_span(lay, first + i, c) >= 0)
				count[c]++;
	}
	for (c = 0; c < lay->ncols; c++)
		count[c] = anchors >= 3 && count[c] * 10 >= anchors * 8;
	for (i = 0; i < n; i++) {
		if (!info[i].anchor)
			continue;
		for (c = 0; c < lay->ncols; c++)
			if (count[c] && line_col_span(lay, first + i, c) < 0)
				info[i].labelless = 1;
	}
	return count;
}

/*
 * Lines [from, to) hold words in a label column line `at` leaves empty:
 * they may be its label.  Words only in columns no row fills (a header's
 * last characters, stacked one a line, just above the first row) are
 * not.
 */
static int
supplies_label(const struct glayout *lay, const int *label, int from,
    int to, int at)
{
	int c, i;

	for (c = 0; c < lay->ncols; c++) {
		if (!label[c] || line_col_span(lay, at, c) >= 0)
			continue;
		for (i = from; i < to; i++)
			if (line_col_span(lay, i, c) >= 0)
				return 1;
	}
	return 0;
}

/*
 * Lines [from, to) hold words only in columns where line `next` has words
 * too, and lack some column of it (its label): the start of a cell
 * centred on `next`, not a row of their own.
 */
static int
lacks_label(const struct glayout *lay, int from, int to, int next)
{
	int c, i, here, there, missing = 0;

	for (c = 0; c < lay->ncols; c++) {
		there = line_col_span(lay, next, c) >= 0;
		for (i = from, here = 0; i < to && !here; i++)
			here = line_col_span(lay, i, c) >= 0;
		if (here && !there)
			return 0;
		if (there && !here && !span_is_number(&lay->v[line_col_span(lay,
		    next, c)]))
			missing = 1;
	}
	return missing;
}

/* How many of lines [first, first + n) begin an enumerated item. */
int
rowwrap_items(const struct glayout *lay, int first, int n)
{
	int i, items = 0;

	for (i = first; i < first + n; i++)
		if (lay->lines[i].n > 0 &&
		    starts_item(lay->v[lay->lines[i].spans[0]].text))
			items++;
	return items;
}

static int
tight(const struct glayout *lay, int a, int b)
{
	const struct gline *x = &lay->lines[a], *y = &lay->lines[b];

	return y->top - x->bottom <= WRAP_LEADING * fmin(x->height,
	    y->height);
}

/*
 * A cell centred on line `at`, begun on the lines above it, goes on
 * below it too: the line after `at` wraps its words on.  Without that,
 * the lines above are a row of their own (a label with no amounts: the
 * last item of one side of a 收支总表, above the totals of both sides).
 */
static int
centred_on(const struct glayout *lay, int at, int end)
{
	return at + 1 < end && tight(lay, at, at + 1) &&
	    !has_number(lay, at + 1) && continues_row(lay, at, at + 1,
	    at + 1, 1);
}

/*
 * Lines a and b straddle: b is set half a line below a, closer than a
 * cell's own lines ever are, in other columns.  In a row whose cells
 * are centred vertically, a cell of one line between the two lines of
 * its neighbour does that (budget-03 项目绩效目标表: 327.03 halfway
 * down 丰泽市梅岭区卫 / 生健康委员会).
 */
static int
straddles(const struct glayout *lay, int a, int b)
{
	const struct gline *x = &lay->lines[a], *y = &lay->lines[b];
	int c;

	if (x->page != y->page || y->cy - x->cy >= STRADDLE * fmin(x->height,
	    y->height))
		return 0;
	for (c = 0; c < lay->ncols; c++)
		if (line_col_span(lay, a, c) >= 0 &&
		    line_col_span(lay, b, c) >= 0)
			return 0;
	return 1;
}

/*
 * Does line `next` hold an amount in a column where one of [a, b] does?
 * (A long code wrapped in its cell puts digits on two lines of one row.)
 */
static int
numbers_meet(const struct glayout *lay, int a, int b, int next)
{
	int c, i, s;

	for (c = 0; c < lay->ncols; c++) {
		s = line_col_span(lay, next, c);
		if (s < 0 || !span_is_amount(&lay->v[s]))
			continue;
		for (i = a; i <= b; i++) {
			s = line_col_span(lay, i, c);
			if (s >= 0 && span_is_amount(&lay->v[s]))
				return 1;
		}
	}
	return 0;
}

/*
 * Rows fixed by their centring: a run of straddling lines [a, b] is one
 * row, centred on the run's middle; lines above and below it join only
 * in pairs set as far from that centre, a taller cell's lines mirrored
 * about it.  fixed[i] is the first line of line i's row, or -1 where
 * the centring says nothing.  Body rows only: from the first line of
 * numbers down.
 */
static void
centred_rows(const struct glayout *lay, int first, int n, int *fixed)
{
	int a, b, i, j, body = n;
	double c, h;

	for (i = n - 1; i >= 0; i--) {
		fixed[i] = -1;
		if (has_number(lay, first + i))
			body = i;
	}
	for (a = 0; a < n; a = b + 1) {
		/* Amounts twice in one column are two rows' (a group's
		 * name centred between them), not one centred row. */
		for (b = a; b + 1 < n && straddles(lay, first + b,
		    first + b + 1) && !numbers_meet(lay, first + a,
		    first + b, first + b + 1); b++)
			;
		/* Above the first amounts, a header's centred headings
		 * are rows geomhead tells apart. */
		if (b == a || b < body)
			continue;
		c = (lay->lines[first + a].cy + lay->lines[first + b].cy) / 2;
		h = lay->lines[first + a].height;
		for (i = a - 1, j = b + 1; i >= 0 && j < n && fixed[i] < 0 &&
		    (j + 1 >= n || !straddles(lay, first + j, first + j + 1)) &&
		    tight(lay, first + i, first + i + 1) &&
		    tight(lay, first + j - 1, first + j) &&
		    fabs((c - lay->lines[first + i].cy) -
		    (lay->lines[first + j].cy - c)) < MIRROR * h; i--, j++)
			;
		for (a = i + 1; a < j; a++)
			fixed[a] = i + 1;
		b = j - 1;
	}
}

/*
 * The leading of a cell's lines where the centring showed it: the
 * widest pitch between two lines of one centred row that follow each
 * other in one column (0 if no row shows one).
 */
static double
cell_leading(const struct glayout *lay, int first, int n, const int *fixed)
{
	double lead = 0;
	int a, b, c;

	for (a = 0; a < n; a++) {
		if (fixed[a] < 0)
			continue;
		for (c = 0; c < lay->ncols; c++) {
			if (line_col_span(lay, first + a, c) < 0)
				continue;
			for (b = a + 1; b < n && fixed[b] == fixed[a] &&
			    line_col_span(lay, first + b, c) < 0; b++)
				;
			if (b < n && fixed[b] == fixed[a])
				lead = fmax(lead, lay->lines[first + b].cy -
				    lay->lines[first + a].cy);
		}
	}
	return lead;
}

/*
 * Lines a and b are set further apart than the lines of one cell (the
 * leading `lead` the centred rows showed): two rows, though b's words
 * would wrap a's (budget-03 项目绩效目标表: 覆盖人数, 完成数量).
 */
static int
beyond_leading(const struct glayout *lay, int a, int b, double lead)
{
	return lead > 0 && lay->lines[b].cy - lay->lines[a].cy > 1.08 * lead;
}

/* Do lines a and b overlap, in no column both? */
static int
overlaps_apart(const struct glayout *lay, int a, int b)
{
	const struct gline *x = &lay->lines[a], *y = &lay->lines[b];
	int c;

	if (x->page != y->page || y->top >= x->bottom)
		return 0;
	for (c = 0; c < lay->ncols; c++)
		if (line_col_span(lay, a, c) >= 0 &&
		    line_col_span(lay, b, c) >= 0)
			return 0;
	return 1;
}

/*
 * Line i, words only, set between two lines of amounts and overlapping
 * both, in columns they leave empty: a group's name centred on the rows
 * it spans (budget-07 类型: 人员类 between 绩效工资 and 养老保险).  It
 * is no row of its own; it goes with the row above.
 */
static int
between_rows(const struct glayout *lay, int first, int n, int i,
    const struct lineinfo *info)
{
	return i > 0 && i + 1 < n && !info[i].anchor && info[i - 1].anchor &&
	    info[i + 1].anchor && overlaps_apart(lay, first + i - 1,
	    first + i) && overlaps_apart(lay, first + i, first + i + 1);
}

/*
 * Group lines [first, first + n) into rows: group[i] is line i's row,
 * counting from 0.  Returns the number of rows.
 */
int
rowwrap_groups(const struct glayout *lay, int first, int n, int *group)
{
	struct lineinfo *info;
	int i, g = 0, start = 0, has_anchor, *label, *fixed;
	double lead;

	info = xcalloc((size_t)n + 1, sizeof(*info));
	fixed = xmalloc(sizeof(int) * ((size_t)n + 1));
	for (i = 0; i < n; i++)
		info[i].anchor = has_number(lay, first + i);
	label = mark_labelless(lay, first, n, info);
	centred_rows(lay, first, n, fixed);
	lead = cell_leading(lay, first, n, fixed);
	group[0] = 0;
	has_anchor = info[0].anchor;
	for (i = 1; i < n; i++) {
		int join = 0, line = first + i;

		if (fixed[i] >= 0 || fixed[i - 1] >= 0)
			join = fixed[i] == fixed[i - 1];
		else if (!tight(lay, line - 1, line) ||
		    beyond_leading(lay, line - 1, line, lead))
			join = 0;
		else if (between_rows(lay, first, n, i, info))
			join = 1;
		else if (info[i].anchor)
			/* An amounts line without its label takes the label
			 * lines just above it; one with its label takes the
			 * first lines of a long cell centred on it, when
			 * they go on into its words. */
			join = !has_anchor && ((info[i].labelless &&
			    supplies_label(lay, label, first + start, line,
			    line)) ||
			    (lacks_label(lay, first + start, line, line) &&
			    centred_on(lay, line, first + n))) &&
			    continues_row(lay, first + start, line, line, 0);
		else if (has_anchor && info[i - 1].anchor &&
		    info[i - 1].labelless)
			join = continues_row(lay, first + start, line, line, 0);
		else
			join = continues_row(lay, first + start, line, line, 1);
		if (!join) {
			g++;
			start = i;
			has_anchor = 0;
		}
		has_anchor |= info[i].anchor;
		group[i] = g;
	}
	free(fixed);
	free(label);
	free(info);
	return g + 1;
}
