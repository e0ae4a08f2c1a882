/*
 * pdfspans.c - from a page's characters to its text spans.
 *
 * poppler's reading order guesses columns and blocks; a table defeats it.
 * So only poppler's characters are used, each with its box, and the lines
 * are rebuilt here: characters whose boxes share most of their height
 * are on one line, a line reads left to right, and lines top to bottom.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "pdfspans.h"
#include "utf8.h"

/* Characters overlapping a line's band by this much of the smaller
 * height are on that line.  A character's band is its box, at most
 * LINE_BAND times its size tall. */
#define LINE_OVERLAP	0.5
#define LINE_BAND	1.2

struct line {
	double		 sum0, sum1;	/* of the y0 and y1 of its chars */
	size_t		 n;
	double		 key;		/* where it sorts: its mean centre */
};

struct pdf_char *
chars_add(struct char_list *cl)
{
	if (cl->n == cl->cap) {
		cl->cap = cl->cap ? cl->cap * 2 : 256;
		cl->v = xreallocarray(cl->v, cl->cap, sizeof(*cl->v));
	}
	memset(&cl->v[cl->n], 0, sizeof(cl->v[0]));
	return &cl->v[cl->n++];
}

void
chars_free(struct char_list *cl)
{
	free(cl->v);
	memset(cl, 0, sizeof(*cl));
}

/*
 * Which way the text runs: each pair of neighbours inside a poppler word
 * votes for right, down, left or up.  The clockwise turn that makes the
 * majority read left to right is returned (0 when it already does, or
 * when there is too little text to tell).
 */
int
chars_upright_rotation(const struct char_list *cl)
{
	static const int turn[4] = { 0, 270, 180, 90 };
	size_t votes[4] = { 0 }, total = 0, i;
	const struct pdf_char *a, *b;
	double dx, dy;
	int dir, best = 0;

	for (i = 1; i < cl->n; i++) {
		a = &cl->v[i - 1];
		b = &cl->v[i];
		if (b->brk != BREAK_NONE || b->order != a->order + 1)
			continue;
		dx = (b->x0 + b->x1 - a->x0 - a->x1) / 2;
		dy = (b->y0 + b->y1 - a->y0 - a->y1) / 2;
		if (fabs(dx) >= fabs(dy))
			dir = dx >= 0 ? 0 : 2;
		else
			dir = dy > 0 ? 1 : 3;
		votes[dir]++;
		total++;
	}
	for (dir = 1; dir < 4; dir++)
		if (votes[dir] > votes[best])
			best = dir;
	if (total < 4 || votes[best] * 2 <= total)
		return 0;
	return turn[best];
}

void
chars_rotate(struct char_list *cl, int degrees, double width, double height)
{
	size_t i;

	for (i = 0; i < cl->n; i++)
		rotate_box(&cl->v[i].x0, &cl->v[i].y0, &cl->v[i].x1,
		    &cl->v[i].y1, degrees, width, height);
}

static int
by_centre_y(const void *a, const void *b)
{
	const struct pdf_char *p = a, *q = b;
	double yp = p->y0 + p->y1, yq = q->y0 + q->y1;

	if (yp != yq)
		return yp < yq ? -1 : 1;
	if (p->x0 != q->x0)
		return p->x0 < q->x0 ? -1 : 1;
	return p->order < q->order ? -1 : p->order > q->order;
}

static double
overlap(double a0, double a1, double b0, double b1)
{
	return fmin(a1, b1) - fmax(a0, b0);
}

/*
 * The part of a character's box that places it on a line: the box, cut
 * around its centre to the height its size explains.  poppler's box is
 * the font's ascent to descent at the size it read, and that size is
 * twice the true one or more for Type 3 fonts (correct_sizes): such
 * boxes reach into the lines above and below.
 */
static void
band(const struct pdf_char *c, double *y0, double *y1)
{
	double mid = (c->y0 + c->y1) / 2;
	double h = fmin(c->y1 - c->y0, LINE_BAND * fmax(c->size, 0.1));

	*y0 = mid - h / 2;
	*y1 = mid + h / 2;
}

/*
 * Give each character its line.  Characters are taken top to bottom by
 * centre; a character joins the open line it overlaps most, if it
 * overlaps it enough, else starts one.  A line's band is the mean of its
 * characters', so one tall bracket does not swallow the next line.
 */
static size_t
group_lines(struct char_list *cl, size_t *line_of, struct line **linesp)
{
	struct line *lines = NULL, *l;
	size_t *open = NULL, nopen = 0, nlines = 0, cap = 0, i, k, best;
	double y0, y1, lh, ratio, bestratio;

	open = xreallocarray(NULL, cl->n + 1, sizeof(*open));
	for (i = 0; i < cl->n; i++) {
		band(&cl->v[i], &y0, &y1);
		best = SIZE_MAX;
		bestratio = LINE_OVERLAP;
		for (k = 0; k < nopen; ) {
			l = &lines[open[k]];
			if (l->sum1 / l->n < y0) {
				open[k] = open[--nopen];	/* above: closed */
				continue;
			}
			lh = (l->sum1 - l->sum0) / l->n;
			ratio = overlap(y0, y1, l->sum0 / l->n,
			    l->sum1 / l->n) / fmax(fmin(y1 - y0, lh), 0.01);
			if (ratio >= bestratio) {
				bestratio = ratio;
				best = open[k];
			}
			k++;
		}
		if (best == SIZE_MAX) {
			if (nlines == cap) {
				cap = cap ? cap * 2 : 64;
				lines = xreallocarray(lines, cap, sizeof(*lines));
			}
			memset(&lines[nlines], 0, sizeof(*lines));
			best = nlines++;
			open[nopen++] = best;
		}
		l = &lines[best];
		l->sum0 += y0;
		l->sum1 += y1;
		l->n++;
		line_of[i] = best;
	}
	for (i = 0; i < nlines; i++)
		lines[i].key = (lines[i].sum0 + lines[i].sum1) / (2 * lines[i].n);
	free(open);
	*linesp = lines;
	return nlines;
}

struct placed {
	struct pdf_char	 c;
	double		 line_key;
	size_t		 line;
};

static int
by_line_then_x(const void *a, const void *b)
{
	const struct placed *p = a, *q = b;

	if (p->line != q->line) {
		if (p->line_key != q->line_key)
			return p->line_key < q->line_key ? -1 : 1;
		return p->line < q->line ? -1 : 1;
	}
	if (p->c.x0 != q->c.x0)
		return p->c.x0 < q->c.x0 ? -1 : 1;
	return p->c.order < q->c.order ? -1 : p->c.order > q->c.order;
}

/* The same glyph drawn again a fraction of a point away: fake bold. */
static int
is_duplicate(const struct pdf_char *a, const struct pdf_char *b)
{
	double w = fmin(a->x1 - a->x0, b->x1 - b->x0);
	double h = fmin(a->y1 - a->y0, b->y1 - b->y0);

	if (a->cp != b->cp)
		return 0;
	if (w < 0.01)
		return fabs(a->x0 - b->x0) < 0.1 * fmax(a->size, 1) &&
		    overlap(a->y0, a->y1, b->y0, b->y1) >= SPAN_DUP_OVERLAP * h;
	return overlap(a->x0, a->x1, b->x0, b->x1) >= SPAN_DUP_OVERLAP * w &&
	    overlap(a->y0, a->y1, b->y0, b->y1) >= SPAN_DUP_OVERLAP * h;
}

/* Drop the copies of fake-bold glyphs from a line sorted by x. */
static size_t
drop_duplicates(struct placed *v, size_t n)
{
	size_t i, k, m = 0;
	int dup;

	for (i = 0; i < n; i++) {
		dup = 0;
		for (k = m; k > 0 && m - k < 4 && !dup; k--)
			dup = is_duplicate(&v[k - 1].c, &v[i].c);
		if (!dup)
			v[m++] = v[i];
	}
	return m;
}

static int
is_digit(int32_t c)
{
	return (c >= '0' && c <= '9') || (c >= 0xff10 && c <= 0xff19);
}

/* Does a gap between these two characters read as a column break? */
static int
wide_gap(const struct pdf_char *prev, const struct pdf_char *c, double gap)
{
	double size = fmax(fmax(prev->size, c->size), 1), limit = SPAN_GAP;

	if ((is_digit(prev->cp) || prev->cp == ')' || prev->cp == '%') &&
	    (is_digit(c->cp) || c->cp == '-' || c->cp == '(' || c->cp == '+'))
		limit = SPAN_NUMBER_GAP;
	else if ((is_digit(prev->cp) && uc_is_cjk(c->cp)) ||
	    (uc_is_cjk(prev->cp) && is_digit(c->cp)))
		limit = SPAN_MIXED_GAP;
	else if (uc_is_han(prev->cp) && uc_is_han(c->cp))
		limit = SPAN_HAN_GAP;
	return gap > limit * size;
}

static int
needs_space(const struct pdf_char *prev, const struct pdf_char *c,
    double gap)
{
	if (c->order == prev->order + 1 && c->brk == BREAK_NONE)
		return 0;
	if (c->order == prev->order + 2 && c->brk == BREAK_SPACE)
		return 1;
	return gap > SPAN_SPACE * fmax(fmax(prev->size, c->size), 1);
}

/* The x of the vertical rulings that cross a line, sorted. */
static size_t
rulings_across(const struct ruling_set *rs, double y0, double y1, double *xs)
{
	double mid = (y0 + y1) / 2;
	size_t i, n = 0;

	for (i = 0; i < rs->n; i++)
		if (rs->v[i].x0 == rs->v[i].x1 && rs->v[i].y0 <= mid &&
		    rs->v[i].y1 >= mid)
			xs[n++] = rs->v[i].x0;
	return n;
}

static int
by_double(const void *a, const void *b)
{
	double p = *(const double *)a, q = *(const double *)b;

	return p < q ? -1 : p > q;
}

/* Fold runs of spaces into one and trim both ends, in place. */
static size_t
squeeze(char *s, size_t n)
{
	size_t i, o = 0;

	for (i = 0; i < n; i++) {
		if (s[i] == ' ' && (o == 0 || s[o - 1] == ' '))
			continue;
		s[o++] = s[i];
	}
	while (o > 0 && s[o - 1] == ' ')
		o--;
	return o;
}

/* The font most of the characters use, and its size. */
static void
dominant_font(const struct placed *v, size_t n, int *font, double *size)
{
	int fonts[8] = { 0 };
	size_t counts[8] = { 0 }, nfonts = 0, best = 0, i, k;

	for (i = 0; i < n; i++) {
		for (k = 0; k < nfonts && fonts[k] != v[i].c.font; k++)
			continue;
		if (k == nfonts) {
			if (nfonts == 8)
				continue;
			fonts[nfonts] = v[i].c.font;
			counts[nfonts++] = 0;
		}
		counts[k]++;
	}
	for (k = 1; k < nfonts; k++)
		if (counts[k] > counts[best])
			best = k;
	for (i = 0; i < n && v[i].c.font != fonts[best]; i++)
		continue;
	*font = fonts[best];
	*size = v[i].c.size;
}

static void
emit_span(struct span_list *sl, const struct placed *v, size_t n,
    const int *space, struct buf *raw)
{
	struct span *s;
	size_t i, start;

	buf_clear(raw);
	for (i = 0; i < n; i++) {
		if (i > 0 && space[i])
			buf_addc(raw, ' ');
		utf8_encode(raw, v[i].c.cp);
	}
	start = sl->text.len;
	uc_normalize(&sl->text, raw->s, raw->len);
	sl->text.len = start + squeeze(sl->text.s + start,
	    sl->text.len - start);
	if (sl->text.len == start)
		return;
	buf_addc(&sl->text, '\0');
	if (sl->n == sl->cap) {
		sl->cap = sl->cap ? sl->cap * 2 : 64;
		sl->v = xreallocarray(sl->v, sl->cap, sizeof(*sl->v));
	}
	s = &sl->v[sl->n++];
	s->text = start;
	s->len = sl->text.len - 1 - start;
	s->x0 = s->y0 = INFINITY;
	s->x1 = s->y1 = -INFINITY;
	for (i = 0; i < n; i++) {
		s->x0 = fmin(s->x0, v[i].c.x0);
		s->y0 = fmin(s->y0, v[i].c.y0);
		s->x1 = fmax(s->x1, v[i].c.x1);
		s->y1 = fmax(s->y1, v[i].c.y1);
	}
	dominant_font(v, n, &s->font, &s->size);
}

/* Cut one line, sorted by x, into spans. */
static void
split_line(struct span_list *sl, struct placed *v, size_t n,
    const struct ruling_set *rs, double *xs, int *space, struct buf *raw)
{
	size_t i, start = 0, nx, xi = 0;
	double y0 = INFINITY, y1 = -INFINITY, right, gap, cprev, cnext;
	int cut;

	for (i = 0; i < n; i++) {
		y0 = fmin(y0, v[i].c.y0);
		y1 = fmax(y1, v[i].c.y1);
	}
	nx = rulings_across(rs, y0, y1, xs);
	if (nx > 1)
		qsort(xs, nx, sizeof(*xs), by_double);
	right = v[0].c.x1;
	space[0] = 0;
	for (i = 1; i < n; i++) {
		gap = v[i].c.x0 - right;
		cprev = (v[i - 1].c.x0 + v[i - 1].c.x1) / 2;
		cnext = (v[i].c.x0 + v[i].c.x1) / 2;
		while (xi < nx && xs[xi] <= cprev)
			xi++;
		cut = wide_gap(&v[i - 1].c, &v[i].c, gap) ||
		    (xi < nx && xs[xi] < cnext);
		if (cut) {
			emit_span(sl, v + start, i - start, space + start, raw);
			start = i;
			space[i] = 0;
			right = v[i].c.x1;
			continue;
		}
		space[i] = needs_space(&v[i - 1].c, &v[i].c, gap);
		right = fmax(right, v[i].c.x1);
	}
	emit_span(sl, v + start, n - start, space + start, raw);
}

/*
 * How a font's true em compares with the size poppler reports, from its
 * glyphs' advances: a Han ideograph is one em wide, a digit about half
 * one.  1 unless the advances show the size at least a third too big;
 * -1 when too few glyphs tell (font -1: all the page's).
 */
static double
em_scale(const struct char_list *cl, int font)
{
	double *r, scale = -1, w;
	size_t i, n = 0;

	r = xreallocarray(NULL, cl->n + 1, sizeof(*r));
	for (i = 0; i < cl->n; i++) {
		const struct pdf_char *c = &cl->v[i];

		if ((font >= 0 && c->font != font) || c->size <= 0)
			continue;
		w = c->x1 - c->x0;
		if (uc_is_han(c->cp))
			r[n++] = w / c->size;
		else if (is_digit(c->cp))
			r[n++] = 2 * w / c->size;
	}
	if (n >= 3) {
		qsort(r, n, sizeof(*r), by_double);
		scale = r[n / 2] > 0.1 && r[n / 2] < 0.7 ? r[n / 2] : 1;
	}
	free(r);
	return scale;
}

/*
 * poppler misreads the size of Type 3 fonts (Chrome writes them), at
 * twice the true size or more.  The gaps are judged against the size,
 * so where the glyphs tell the true size it replaces poppler's.
 */
static void
correct_sizes(struct char_list *cl)
{
	double page = em_scale(cl, -1), scale[16];
	size_t i;
	int f;

	if (page < 0)
		page = 1;
	for (f = 0; f < 16; f++)
		scale[f] = 0;
	for (i = 0; i < cl->n; i++) {
		f = cl->v[i].font;
		if (f < 0 || f >= 16) {
			cl->v[i].size *= page;
			continue;
		}
		if (scale[f] == 0 && (scale[f] = em_scale(cl, f)) < 0)
			scale[f] = page;
		cl->v[i].size *= scale[f];
	}
}

/*
 * Build the spans of a page from its characters (in poppler's order, in
 * upright page space) and its finished rulings.  Spans come line by line,
 * top to bottom, and left to right in a line.
 */
void
spans_build(struct char_list *cl, const struct ruling_set *rs,
    struct span_list *sl)
{
	struct placed *v;
	struct line *lines = NULL;
	struct buf raw = BUF_INIT;
	size_t *line_of, i, start, n;
	double *xs;
	int *space;

	spans_clear(sl);
	buf_add(&sl->text, "", 0);
	if (cl->n == 0)
		return;
	correct_sizes(cl);
	qsort(cl->v, cl->n, sizeof(*cl->v), by_centre_y);
	line_of = xreallocarray(NULL, cl->n, sizeof(*line_of));
	group_lines(cl, line_of, &lines);
	v = xreallocarray(NULL, cl->n, sizeof(*v));
	for (i = 0; i < cl->n; i++) {
		v[i].c = cl->v[i];
		v[i].line = line_of[i];
		v[i].line_key = lines[line_of[i]].key;
	}
	qsort(v, cl->n, sizeof(*v), by_line_then_x);
	xs = xreallocarray(NULL, rs->n + 1, sizeof(*xs));
	space = xreallocarray(NULL, cl->n, sizeof(*space));
	for (start = 0; start < cl->n; start += n) {
		for (n = 1; start + n < cl->n &&
		    v[start + n].line == v[start].line; n++)
			continue;
		i = drop_duplicates(v + start, n);
		split_line(sl, v + start, i, rs, xs, space + start, &raw);
	}
	buf_free(&raw);
	free(space);
	free(xs);
	free(v);
	free(lines);
	free(line_of);
}

const char *
span_text(const struct span_list *sl, const struct span *s)
{
	return sl->text.s + s->text;
}

void
spans_clear(struct span_list *sl)
{
	sl->n = 0;
	buf_clear(&sl->text);
}

void
spans_free(struct span_list *sl)
{
	free(sl->v);
	buf_free(&sl->text);
	memset(sl, 0, sizeof(*sl));
}
