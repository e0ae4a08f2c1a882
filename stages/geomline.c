/*
 * geomline.c - text lines and the words of their spans.
 *
 * Spans are one line when their boxes overlap by half the smaller one's
 * height.  The overlap is measured against the line's main band (the
 * box of its first full-height span), not the union of everything joined
 * so far: a number printed halfway between the two lines of a wrapped
 * label would otherwise chain both lines into one, and some fonts report
 * boxes taller than the line pitch.  A smaller span raised or lowered
 * within the band (a footnote mark) still overlaps it and joins.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "geomline.h"
#include "number.h"
#include "utf8.h"

/* Overlap, as a share of the smaller height, that makes spans one line. */
#define LINE_OVERLAP	0.5

static const struct tspan *sort_spans;

/*
 * Some fonts report a box two or three times the text's height (a
 * font's whole ascent and descent, not its glyphs').  Such a box is cut
 * to the font size around its centre, or lines a pitch apart would
 * overlap by half and read as one.
 */
void
span_core(const struct tspan *s, double *y0, double *y1)
{
	double h = s->y1 - s->y0, c = (s->y0 + s->y1) / 2;

	if (s->size > 0 && h > 1.6 * s->size) {
		*y0 = c - 0.6 * s->size;
		*y1 = c + 0.6 * s->size;
	} else {
		*y0 = s->y0;
		*y1 = s->y1;
	}
}

double
span_height(const struct tspan *s)
{
	double y0, y1;

	span_core(s, &y0, &y1);
	return fmax(y1 - y0, 0.1);
}

static int
cmp_centre(const void *a, const void *b)
{
	const struct tspan *x = &sort_spans[*(const int *)a];
	const struct tspan *y = &sort_spans[*(const int *)b];
	double cx = (x->y0 + x->y1) / 2, cy = (y->y0 + y->y1) / 2;

	if (x->page != y->page)
		return x->page < y->page ? -1 : 1;
	if (cx != cy)
		return cx < cy ? -1 : 1;
	return x->x0 < y->x0 ? -1 : x->x0 > y->x0;
}

static int
cmp_left(const void *a, const void *b)
{
	const struct tspan *x = &sort_spans[*(const int *)a];
	const struct tspan *y = &sort_spans[*(const int *)b];

	return x->x0 < y->x0 ? -1 : x->x0 > y->x0;
}

static int
joins(const struct gline *l, const struct tspan *s)
{
	double ov, h, y0, y1;

	if (s->page != l->page)
		return 0;
	span_core(s, &y0, &y1);
	h = fmin(y1 - y0, l->bottom - l->top);
	ov = fmin(y1, l->bottom) - fmax(y0, l->top);
	return ov >= LINE_OVERLAP * h;
}

static void
line_add(struct gline *l, const struct tspan *s, int idx)
{
	double y0, y1;

	span_core(s, &y0, &y1);
	if (l->n == 0) {
		l->top = y0;
		l->bottom = y1;
		l->left = s->x0;
		l->right = s->x1;
		l->page = s->page;
		l->height = span_height(s);
	} else if (span_height(s) > l->height * 1.2) {
		/* A taller span is the line's real band. */
		l->top = y0;
		l->bottom = y1;
		l->height = span_height(s);
	}
	l->left = fmin(l->left, s->x0);
	l->right = fmax(l->right, s->x1);
	l->spans = xreallocarray(l->spans, (size_t)l->n + 1, sizeof(int));
	l->spans[l->n++] = idx;
	l->cy = (l->top + l->bottom) / 2;
}

/*
 * The lines of spans idx[0..n) of v, top to bottom (page by page), each
 * left to right.  Returns the number of lines; *out is the caller's to
 * free with glines_free.
 */
int
glines_build(const struct tspan *v, const int *idx, int n, struct gline **out)
{
	struct gline *lines = NULL;
	int *order, i, k, nl = 0, found;

	order = xmalloc(sizeof(int) * ((size_t)n + 1));
	memcpy(order, idx, sizeof(int) * (size_t)n);
	sort_spans = v;
	qsort(order, (size_t)n, sizeof(int), cmp_centre);
	for (i = 0; i < n; i++) {
		const struct tspan *s = &v[order[i]];

		/* The last few lines only: spans come sorted by centre. */
		found = -1;
		for (k = nl - 1; k >= 0 && k >= nl - 3; k--)
			if (joins(&lines[k], s)) {
				found = k;
				break;
			}
		if (found < 0) {
			lines = xreallocarray(lines, (size_t)nl + 1,
			    sizeof(*lines));
			memset(&lines[nl], 0, sizeof(*lines));
			found = nl++;
		}
		line_add(&lines[found], s, order[i]);
	}
	for (i = 0; i < nl; i++)
		qsort(lines[i].spans, (size_t)lines[i].n, sizeof(int),
		    cmp_left);
	free(order);
	*out = lines;
	return nl;
}

void
glines_free(struct gline *lines, int n)
{
	int i;

	for (i = 0; i < n; i++)
		free(lines[i].spans);
	free(lines);
}

static int32_t
first_char(const char *s)
{
	int32_t c = 0;

	if (*s)
		utf8_decode(s, strlen(s), &c);
	return c;
}

static int32_t
last_char(const char *s, size_t n)
{
	int32_t c = 0;

	if (n)
		utf8_last(s, n, &c);
	return c;
}

/*
 * Append a piece of a cell's text: Latin words (and numbers) get a space
 * between them, CJK text none; a word broken after a hyphen is joined.
 */
void
text_join(struct buf *b, const char *piece)
{
	int32_t before, after;

	if (*piece == '\0')
		return;
	if (b->len > 0) {
		before = last_char(b->s, b->len);
		after = first_char(piece);
		if (!uc_is_cjk(before) && !uc_is_cjk(after) &&
		    !uc_is_cjk_punct(before) && !uc_is_cjk_punct(after) &&
		    !(before == '-' && b->len > 1 && after >= 'a' &&
		    after <= 'z'))
			buf_addc(b, ' ');
	}
	buf_adds(b, piece);
}

void
gline_text(const struct tspan *v, const struct gline *l, struct buf *b)
{
	int k;

	buf_clear(b);
	for (k = 0; k < l->n; k++) {
		if (k)
			buf_addc(b, ' ');
		buf_adds(b, v[l->spans[k]].text);
	}
	if (b->s == NULL)
		buf_adds(b, "");
}

/* An amount as budget tables print them: decimals or grouped digits. */
int
span_is_amount(const struct tspan *s)
{
	struct num v;

	return num_parse(s->text, strlen(s->text), &v) &&
	    (v.decimals > 0 || v.grouped) && !v.percent;
}

/*
 * Any number a table cell may hold, as printed in any report: signs,
 * parentheses, thousands grouped by commas, points or spaces (100 000,
 * 1.726), a percent sign, a footnote mark after it, or n.a./-.
 */
int
span_is_number(const struct tspan *s)
{
	const char *p = s->text;
	int digits = 0, other = 0;

	for (; *p; p++) {
		if (*p >= '0' && *p <= '9')
			digits++;
		else if (strchr(" ,.()+-%*", *p) == NULL)
			other++;
	}
	return digits > 0 && other == 0;
}

/*
 * A footnote mark printed small and raised: its box smaller than the
 * line's and its centre above the line's centre.
 */
int
span_is_superscript(const struct tspan *s, const struct gline *l)
{
	double h = span_height(s);

	return h < 0.8 * l->height && (s->y0 + s->y1) / 2 < l->cy - 0.1 *
	    l->height;
}

/* Width of a text in em, roughly: CJK one, Latin and digits a little over half. */
static double
text_em(const char *s, size_t n)
{
	double w = 0;
	size_t k = 0;
	int32_t c;

	while (k < n) {
		k += utf8_decode(s + k, n - k, &c);
		if (uc_is_cjk(c) || uc_is_cjk_punct(c) || c > 0x2000)
			w += 1.0;
		else if (c == ' ' || c == '.' || c == ',' || c == '(' ||
		    c == ')')
			w += 0.3;
		else
			w += 0.55;
	}
	return w;
}

static int
is_amount_text(const char *s, size_t n)
{
	struct num v;

	return num_parse(s, n, &v) && (v.decimals > 0 || v.grouped);
}

/*
 * A classification code: 3, 5, 6 or 7 digits (208, 20805, 2080505,
 * 744001).  Four digits are a year ("2023 年") and stay with their words.
 */
static int
is_code_text(const char *s, size_t n)
{
	size_t k;

	if (n != 3 && n != 5 && n != 6 && n != 7)
		return 0;
	for (k = 0; k < n; k++)
		if (s[k] < '0' || s[k] > '9')
			return 0;
	return 1;
}

/*
 * A table cell's words, not prose: Chinese, short, no number first.
 * (Latin prose ends with numbers often enough: "an average of 12,000".)
 */
static int
cell_words(const char *t, size_t n)
{
	size_t k = 0;
	int32_t c;
	int cjk = 0;

	if (span_text_is_numeric(t) || utf8_count(t, n) < 2 ||
	    utf8_count(t, n) > 30)
		return 0;
	while (k < n) {
		k += utf8_decode(t + k, n - k, &c);
		cjk |= uc_is_han(c);
	}
	return cjk;
}

/*
 * Two cells read as one span: an amount set right against a label (a
 * narrow gap between a right-set number and the next column's left-set
 * words, "1108.35 一、一般公共服务"), or a label against an amount.  A
 * year or a code beside words ("2023 年度", "公开 05 表") is one text,
 * and so is a sentence ending in a number.
 * On a split, *left and *right share s's strings' storage: the caller
 * copies them.  Returns 1 if split.
 */
int
span_split_cells(const struct tspan *s, struct tspan *left,
    struct tspan *right, size_t *cut)
{
	const char *t = s->text, *sp;
	size_t n = strlen(t), a, b;
	double scale, x;

	for (sp = strchr(t, ' '); sp; sp = strchr(sp + 1, ' ')) {
		a = (size_t)(sp - t);
		b = a + 1;
		if (a == 0 || b >= n)
			continue;
		if (!((is_amount_text(t, a) || is_code_text(t, a)) &&
		    cell_words(t + b, n - b)) &&
		    !(is_amount_text(t + b, n - b) && cell_words(t, a)))
			continue;
		scale = (s->x1 - s->x0) / text_em(t, n);
		x = s->x0 + text_em(t, a) * scale;
		*left = *s;
		*right = *s;
		left->x1 = x;
		right->x0 = x + text_em(" ", 1) * scale;
		*cut = a;
		return 1;
	}
	return 0;
}

/* Does the text start like a number (so it is no label to split off)? */
int
span_text_is_numeric(const char *t)
{
	return (*t >= '0' && *t <= '9') || *t == '-' || *t == '(' ||
	    *t == '+';
}
