/*
 * geomseg.c - finding tables on pages that keep their geometry.
 *
 * A page's spans are grouped into lines and each line classified
 * (caption, note, furniture, heading, text).  Tables are found as
 * regions (georegion.c: rulings that hang together, runs of aligned
 * lines); a caption block just above a region is its caption, and a
 * confirmed caption with no region under it still announces a table
 * running to the next caption.  Lines starting a note just under a table
 * are its notes.  Whatever no table claims is prose, passed on.
 *
 * A table stays open at the page's end; the next page's first table
 * continues it when nothing but furniture stands above it, it has no
 * caption of its own (or repeats the open one's), and its columns line up
 * with the open table's or it repeats its header, which is then dropped.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "caption.h"
#include "geomcap.h"
#include "georegion.h"
#include "geomrule.h"
#include "geomseg.h"

/* Lines this close to the top or bottom edge may be running heads. */
#define MARGIN_SHARE	0.1
/* Rulings this far outside a region still go with its table. */
#define RULE_MARGIN	3.0
/* A caption this many line heights above a table is still its own. */
#define CAPTION_REACH	4.0

struct pline {
	char		*text;
	enum linekind	 kind;
	enum lineclass	 cls;
	int		 data;
	int		 owner;		/* table index, or -1 */
};

struct ptable {
	struct gregion	 r;
	int		 cap_from, cap_to;	/* caption lines, or -1 */
	struct caption	 cap;
	int		 note_from, note_to;	/* note lines, or -1 */
	int		 emitted;
};

struct pagework {
	struct geomseg	*g;
	struct gline	*lines;
	struct pline	*pl;
	int		 n;
	enum lineclass	*cls;
	struct ptable	*t;
	int		 nt;
};

void
geomseg_init(struct geomseg *g, struct cli *cli, struct textrules *tr,
    long *number)
{
	memset(g, 0, sizeof(*g));
	g->cli = cli;
	g->tr = tr;
	g->number = number;
}

static void
page_clear(struct gpage *p)
{
	int i;

	for (i = 0; i < p->nspans; i++) {
		free(p->spans[i].text);
		free(p->spans[i].font);
	}
	free(p->spans);
	free(p->rules);
	memset(p, 0, sizeof(*p));
}

void
geomseg_page(struct geomseg *g, const struct rec *r)
{
	if (g->in_page)
		geomseg_end_page(g);
	page_clear(&g->page);
	g->page.number = rec_long(r, 1);
	g->page.width = rec_double(r, 2);
	g->page.height = rec_double(r, 3);
	g->in_page = 1;
}

static struct tspan *
new_span(struct geomseg *g)
{
	struct tspan *s;

	g->page.spans = xreallocarray(g->page.spans, (size_t)g->page.nspans + 1,
	    sizeof(*g->page.spans));
	s = &g->page.spans[g->page.nspans++];
	memset(s, 0, sizeof(*s));
	return s;
}

/*
 * A span holding two cells (an amount against a label, the gap between
 * them too narrow for pdf2text to cut) becomes two spans here, so every
 * later step sees the cells apart.
 */
void
geomseg_span(struct geomseg *g, const struct rec *r)
{
	struct tspan one, left, right, *s;
	size_t cut;

	memset(&one, 0, sizeof(one));
	one.page = rec_long(r, 1);
	one.x0 = rec_double(r, 2);
	one.y0 = rec_double(r, 3);
	one.x1 = rec_double(r, 4);
	one.y1 = rec_double(r, 5);
	one.size = rec_double(r, 6);
	one.font = (char *)rec_field(r, 7);
	one.text = (char *)rec_field(r, 8);
	g->in_page = 1;
	if (span_split_cells(&one, &left, &right, &cut)) {
		s = new_span(g);
		*s = left;
		s->font = xstrdup(one.font);
		s->text = xstrndup(one.text, cut);
		s = new_span(g);
		*s = right;
		s->font = xstrdup(one.font);
		s->text = xstrdup(one.text + cut + 1);
		return;
	}
	s = new_span(g);
	*s = one;
	s->font = xstrdup(one.font);
	s->text = xstrdup(one.text);
}

void
geomseg_rule(struct geomseg *g, const struct rec *r)
{
	struct trule *t;

	g->page.rules = xreallocarray(g->page.rules, (size_t)g->page.nrules + 1,
	    sizeof(*g->page.rules));
	t = &g->page.rules[g->page.nrules++];
	t->page = rec_long(r, 1);
	t->x0 = rec_double(r, 2);
	t->y0 = rec_double(r, 3);
	t->x1 = rec_double(r, 4);
	t->y1 = rec_double(r, 5);
	t->width = rec_double(r, 6);
	g->in_page = 1;
}

/* ------------------------------------------------------------ lines */

/* The text with its digits dropped: a running head with a page number. */
static char *
without_digits(const char *s)
{
	char *d = xstrdup(s), *o = d;

	for (; *s; s++)
		if (!(*s >= '0' && *s <= '9') && *s != ' ')
			*o++ = *s;
	*o = '\0';
	return d;
}

static int
same_furniture(const char *prev, const char *text)
{
	char *t;
	int same;

	if (prev == NULL)
		return 0;
	t = without_digits(text);
	same = *t && strcmp(prev, t) == 0;
	free(t);
	return same;
}

static enum lineclass
class_of(enum linekind k)
{
	switch (k) {
	case LINE_CAPTION: return LC_CAPTION;
	case LINE_NOTE: return LC_NOTE;
	case LINE_FURNITURE: return LC_FURNITURE;
	case LINE_SECTION: return LC_SECTION;
	default: return LC_TEXT;
	}
}

/* Longest run of lines read down one caption's cells. */
#define MAXCHAIN	16

/*
 * The lines going on down the cells of line i: each under the last,
 * a line of other cells set between two of them passed over (final-02:
 * 部门：白 / 鹭市河口 / [2022年度  金额单位：万元] / 区农业农 / 村局).
 * Returns how many; their indices in idx.
 */
static int
caption_chain(const struct pagework *w, int i, const char *done, int *idx)
{
	const struct tspan *v = w->g->page.spans;
	const struct gline *l, *last;
	int n = 1, j, at = i;

	idx[0] = i;
	for (j = i + 1; j < w->n && n < MAXCHAIN && !done[j]; j++) {
		l = &w->lines[j];
		last = &w->lines[at];
		if (gcap_continues(v, last, l)) {
			idx[n++] = at = j;
			continue;
		}
		if (j > at + 1 || (l->left < last->right && l->right >
		    last->left))
			break;
	}
	return n;
}

/*
 * Caption text wrapped in narrow cells (geomcap.c): a run of lines, each
 * going on with the one above, that reads as a caption whole is one
 * caption line, its first; the others are its and say nothing more.
 */
static void
wrapped_captions(struct pagework *w)
{
	const struct tspan *v = w->g->page.spans;
	struct gline chain[MAXCHAIN];
	struct buf b = BUF_INIT;
	char *done;
	int i, k, n, idx[MAXCHAIN];

	done = xcalloc((size_t)w->n + 1, 1);
	for (i = 0; i < w->n; i++) {
		if (done[i])
			continue;
		n = caption_chain(w, i, done, idx);
		for (k = 0; k < n; k++) {
			chain[k] = w->lines[idx[k]];
			done[idx[k]] = 1;
		}
		if (n == 1 || w->pl[i].data)
			continue;
		gcap_text(v, chain, 0, n, &b);
		if (caption_classify(w->g->tr, buf_str(&b), b.len) !=
		    LINE_CAPTION)
			continue;
		for (k = 0; k < n; k++) {
			struct pline *pl = &w->pl[idx[k]];

			free(pl->text);
			pl->text = xstrdup(k == 0 ? buf_str(&b) : "");
			pl->kind = LINE_CAPTION;
			pl->cls = w->cls[idx[k]] = LC_CAPTION;
		}
	}
	free(done);
	buf_free(&b);
}

static void
page_lines(struct pagework *w)
{
	struct geomseg *g = w->g;
	const struct gpage *p = &g->page;
	struct buf text = BUF_INIT;
	int *idx, i;

	idx = xmalloc(sizeof(int) * ((size_t)p->nspans + 1));
	for (i = 0; i < p->nspans; i++)
		idx[i] = i;
	w->n = glines_build(p->spans, idx, p->nspans, &w->lines);
	free(idx);
	w->pl = xcalloc((size_t)w->n + 1, sizeof(*w->pl));
	w->cls = xcalloc((size_t)w->n + 1, sizeof(*w->cls));
	for (i = 0; i < w->n; i++) {
		struct pline *l = &w->pl[i];

		gline_text(p->spans, &w->lines[i], &text);
		l->text = xstrdup(buf_str(&text));
		l->kind = caption_classify(g->tr, l->text, text.len);
		l->data = line_is_data(g->tr, l->text, text.len);
		l->cls = class_of(l->kind);
		l->owner = -1;
		w->cls[i] = l->cls;
	}
	wrapped_captions(w);
	/* The first or last line repeated from the last page: a running
	 * head or foot. */
	for (i = 0; i < w->n; i++) {
		struct pline *l = &w->pl[i];
		int top = i == 0 || (p->height > 0 && w->lines[i].bottom <
		    p->height * MARGIN_SHARE);
		int bottom = i == w->n - 1 || (p->height > 0 &&
		    w->lines[i].top > p->height * (1 - MARGIN_SHARE));

		if (l->cls == LC_TEXT && ((top && same_furniture(g->prev_top,
		    l->text)) || (bottom && same_furniture(g->prev_bottom,
		    l->text))))
			l->cls = w->cls[i] = LC_FURNITURE;
	}
	buf_free(&text);
}

static void
remember_margins(struct pagework *w)
{
	struct geomseg *g = w->g;

	free(g->prev_top);
	free(g->prev_bottom);
	g->prev_top = g->prev_bottom = NULL;
	if (w->n > 0) {
		g->prev_top = without_digits(w->pl[0].text);
		g->prev_bottom = without_digits(w->pl[w->n - 1].text);
	}
}

/* ---------------------------------------------------------- captions */

static int
line_in_region(const struct pagework *w, int i, const struct gregion *r)
{
	int k;

	for (k = 0; k < w->lines[i].n; k++)
		if (region_holds(r, &w->g->page.spans[w->lines[i].spans[k]]))
			return 1;
	return 0;
}

static int
line_overlaps_x(const struct pagework *w, int i, const struct gregion *r)
{
	return w->lines[i].right > r->x0 && w->lines[i].left < r->x1;
}

static void
add_table(struct pagework *w, const struct gregion *r)
{
	struct ptable *t;

	w->t = xreallocarray(w->t, (size_t)w->nt + 1, sizeof(*w->t));
	t = &w->t[w->nt++];
	memset(t, 0, sizeof(*t));
	t->r = *r;
	t->cap_from = t->cap_to = -1;
	t->note_from = t->note_to = -1;
}

/* The first line at or below y (by centre). */
static int
line_below(const struct pagework *w, double y)
{
	int i;

	for (i = 0; i < w->n; i++)
		if (w->lines[i].cy >= y)
			return i;
	return w->n;
}

/* Does line b start where a span of line a starts, or share its centre? */
static int
aligned_under(const struct pagework *w, int a, int b)
{
	const struct tspan *v = w->g->page.spans;
	const struct tspan *s = &v[w->lines[b].spans[0]];
	int k;

	for (k = 0; k < w->lines[a].n; k++) {
		const struct tspan *t = &v[w->lines[a].spans[k]];

		if (fabs(t->x0 - s->x0) < 2 || fabs(t->x0 + t->x1 - s->x0 -
		    s->x1) < 4)
			return 1;
	}
	return 0;
}

/*
 * The caption block ending just above table t: consecutive caption
 * lines over its columns, with at most a few lines between them and the
 * table, none of them another table's.
 */
static void
find_caption(struct pagework *w, int ti)
{
	struct ptable *t = &w->t[ti];
	int i, top, from, k, between = 0;
	double reach;

	top = line_below(w, t->r.y0);
	for (i = top - 1; i >= 0; i--) {
		if (w->pl[i].cls == LC_FURNITURE)
			continue;
		if (!line_overlaps_x(w, i, &t->r) || line_in_region(w, i,
		    &t->r))
			continue;
		for (k = 0; k < w->nt; k++)
			if (k != ti && line_in_region(w, i, &w->t[k].r))
				return;
		if (w->pl[i].owner >= 0)
			return;
		reach = CAPTION_REACH * fmax(w->lines[i].height, 6);
		if (t->r.y0 - w->lines[i].bottom > reach * (between + 1))
			return;
		if (w->pl[i].cls == LC_CAPTION)
			break;
		if (w->pl[i].cls != LC_TEXT || ++between > 2)
			return;
	}
	if (i < 0)
		return;
	from = i;
	/* Lines of a caption block two lines apart at most, of the larger
	 * type: a title set large stands further off. */
	while (from > 0 && w->pl[from - 1].cls == LC_CAPTION &&
	    w->pl[from - 1].owner < 0 && w->lines[from].top -
	    w->lines[from - 1].bottom < 2 * fmax(w->lines[from].height,
	    w->lines[from - 1].height))
		from--;
	t->cap_from = from;
	t->cap_to = top;
	/* A caption's title wrapped onto lines of its own, close under it. */
	for (k = i + 1; k < top && w->pl[k].cls == LC_TEXT &&
	    w->lines[k].n == 1 && w->lines[k].top - w->lines[k - 1].bottom <
	    0.6 * w->lines[k].height && aligned_under(w, k - 1, k); k++)
		w->pl[k].cls = LC_CAPTION;
	for (k = from; k < top; k++)
		if (w->pl[k].cls == LC_CAPTION)
			caption_read(w->g->tr, &t->cap, w->pl[k].text,
			    strlen(w->pl[k].text));
}

/*
 * A prose line: one span over most of the table's width.  A table's own
 * lines above its first ruling are never that.
 */
static int
prose_line(const struct pagework *w, int i, const struct gregion *r)
{
	const struct gline *l = &w->lines[i];

	return l->n == 1 && l->right - l->left > 0.6 * (r->x1 - r->x0);
}

/*
 * Line i is one span set in another size than line `last`, the
 * table's: smaller, a note under the table (english-02: Future years
 * include …); larger, the next section's heading (budget-10: 六、本级
 * 部门整体绩效目标表).  No row of the table either way.
 */
static int
resized_line(const struct pagework *w, int i, int last)
{
	const struct tspan *v = w->g->page.spans;
	double a, b;

	if (last < 0 || w->lines[i].n != 1)
		return 0;
	a = v[w->lines[i].spans[0]].size;
	b = v[w->lines[last].spans[0]].size;
	return a < 0.97 * b || a > 1.03 * b;
}

/* Are all of line i's spans set in the font of line j's first span? */
static int
same_font(const struct pagework *w, int i, int j)
{
	const struct tspan *v = w->g->page.spans;
	const char *f = v[w->lines[j].spans[0]].font;
	int k;

	for (k = 0; k < w->lines[i].n; k++)
		if (strcmp(v[w->lines[i].spans[k]].font, f) != 0)
			return 0;
	return 1;
}

/*
 * Line i, between caption and table, set in the caption's font, not
 * the table's: the caption's (ICDAR eu-014: an italic (%) under the
 * italic title, over a header in bold and rows in roman).
 */
static int
caption_font(const struct pagework *w, const struct ptable *t, int i,
    int top)
{
	int last;

	for (last = i - 1; last >= t->cap_from &&
	    w->pl[last].cls != LC_CAPTION; last--)
		;
	return last >= t->cap_from && top < w->n && same_font(w, i, last) &&
	    !same_font(w, i, top);
}

/*
 * Lines between a table's caption and its region (an unruled header
 * above a three-line table's top rule) are the table's, unless prose.
 */
static void
extend_to_caption(struct pagework *w, struct ptable *t)
{
	int i, top;

	if (t->cap_from < 0)
		return;
	top = line_below(w, t->r.y0);
	for (i = top - 1; i > t->cap_from; i--) {
		if (w->pl[i].cls == LC_CAPTION || w->pl[i].cls != LC_TEXT ||
		    prose_line(w, i, &t->r) || caption_font(w, t, i, top))
			break;
		t->r.y0 = fmin(t->r.y0, w->lines[i].top);
		t->r.x0 = fmin(t->r.x0, w->lines[i].left);
		t->r.x1 = fmax(t->r.x1, w->lines[i].right);
	}
	t->cap_to = line_below(w, t->r.y0);
}

/*
 * A captioned table's rows below what the region took: lines of one
 * cell (a two-sided table whose left side has ended, a wrapped label)
 * go on until prose, a caption, a heading, a note or a wide gap.
 */
static void
extend_down(struct pagework *w, struct ptable *t)
{
	int i, k, last;

	/* Only a report's caption block (its unit, its department) says
	 * that everything down to the next one is the table. */
	if (t->cap_from < 0 || (!t->cap.unit && !t->cap.entity))
		return;
	last = line_below(w, t->r.y1) - 1;
	for (i = last + 1; i < w->n; i++) {
		if (w->pl[i].cls == LC_FURNITURE)
			continue;
		if (w->pl[i].cls != LC_TEXT || w->pl[i].owner >= 0 ||
		    prose_line(w, i, &t->r) || !line_overlaps_x(w, i, &t->r) ||
		    resized_line(w, i, last))
			break;
		if (last >= 0 && w->lines[i].top - w->lines[last].bottom >
		    2.5 * w->lines[i].height)
			break;
		for (k = 0; k < w->nt; k++)
			if (&w->t[k] != t && line_in_region(w, i, &w->t[k].r))
				break;
		if (k < w->nt) {
			/* The rows below found as a table of their own (its
			 * totals, aligned): the same table, swallowed. */
			if (w->t[k].cap_from >= 0)
				break;
			t->r.x0 = fmin(t->r.x0, w->t[k].r.x0);
			t->r.x1 = fmax(t->r.x1, w->t[k].r.x1);
			t->r.y1 = fmax(t->r.y1, w->t[k].r.y1);
			w->t[k].r.x0 = w->t[k].r.y0 = 1e18;
			w->t[k].r.x1 = w->t[k].r.y1 = -1e18;
		}
		t->r.y1 = fmax(t->r.y1, w->lines[i].bottom);
		t->r.x0 = fmin(t->r.x0, w->lines[i].left);
		t->r.x1 = fmax(t->r.x1, w->lines[i].right);
		last = i;
	}
}

/* The notes right under a table: a note line and its paragraph. */
static void
find_notes(struct pagework *w, struct ptable *t)
{
	int i, first;

	first = line_below(w, t->r.y1);
	for (i = first; i < w->n && w->pl[i].cls == LC_FURNITURE; i++)
		;
	if (i >= w->n || w->pl[i].cls != LC_NOTE || w->pl[i].owner >= 0 ||
	    !line_overlaps_x(w, i, &t->r))
		return;
	if (i > 0 && w->lines[i].top - t->r.y1 > 3 * w->lines[i].height)
		return;
	t->note_from = i++;
	while (i < w->n && (w->pl[i].cls == LC_NOTE ||
	    (w->pl[i].cls == LC_TEXT && w->lines[i].top -
	    w->lines[i - 1].bottom < 0.8 * w->lines[i].height)))
		i++;
	t->note_to = i;
}

/*
 * A confirmed caption with no table found under it (an unruled table
 * the alignment test missed, or an empty one) still announces a table:
 * the lines up to the next caption, heading or page end.
 */
static void
caption_tables(struct pagework *w)
{
	struct caption cap;
	struct gregion r;
	int i, from, k, end, next_data;

	i = 0;
	while (i < w->n) {
		if (w->pl[i].cls != LC_CAPTION || w->pl[i].owner >= 0) {
			i++;
			continue;
		}
		memset(&cap, 0, sizeof(cap));
		from = i;
		while (i < w->n && w->pl[i].cls == LC_CAPTION &&
		    w->pl[i].owner < 0)
		{
			caption_read(w->g->tr, &cap, w->pl[i].text,
			    strlen(w->pl[i].text));
			i++;
		}
		next_data = i < w->n && (w->pl[i].data || w->lines[i].n >= 2);
		if (!caption_confirms(&cap, next_data)) {
			caption_free(&cap);
			continue;
		}
		caption_free(&cap);
		for (end = i; end < w->n; end++)
			if (w->pl[end].cls == LC_CAPTION ||
			    w->pl[end].cls == LC_SECTION ||
			    w->pl[end].owner >= 0 || (w->lines[end].n == 1 &&
			    w->lines[end].right - w->lines[end].left >
			    0.6 * w->g->page.width))
				break;
		memset(&r, 0, sizeof(r));
		r.x0 = r.y0 = 1e18;
		r.x1 = r.y1 = -1e18;
		for (k = i; k < end; k++) {
			if (w->pl[k].cls != LC_TEXT)
				continue;
			r.x0 = fmin(r.x0, w->lines[k].left);
			r.x1 = fmax(r.x1, w->lines[k].right);
			r.y0 = fmin(r.y0, w->lines[k].top);
			r.y1 = fmax(r.y1, w->lines[k].bottom);
		}
		if (r.x1 < r.x0)
			continue;
		add_table(w, &r);
		w->t[w->nt - 1].cap_from = from;
		w->t[w->nt - 1].cap_to = i;
		for (k = from; k < end; k++)
			if (w->pl[k].cls != LC_FURNITURE)
				w->pl[k].owner = w->nt - 1;
		i = end;
	}
}

static void
claim_lines(struct pagework *w, int ti)
{
	struct ptable *t = &w->t[ti];
	int i;

	for (i = 0; i < w->n; i++) {
		if (w->pl[i].cls == LC_FURNITURE)
			continue;
		if ((i >= t->cap_from && i < t->cap_to) ||
		    (i >= t->note_from && i < t->note_to) ||
		    line_in_region(w, i, &t->r))
			if (w->pl[i].owner < 0)
				w->pl[i].owner = ti;
	}
}

/* Figure 3, Fig. 2a, Chart 1, Graph 4, 图1: a figure's caption. */
static int
figure_caption(const char *s)
{
	static const char *words[] = { "Figure", "FIGURE", "Fig.", "Chart",
	    "CHART", "Graph", "Exhibit", "图", NULL };
	size_t n;
	int i;

	while (*s == ' ')
		s++;
	for (i = 0; words[i]; i++) {
		n = strlen(words[i]);
		if (strncmp(s, words[i], n) != 0)
			continue;
		s += n;
		while (*s == ' ')
			s++;
		return (*s >= '0' && *s <= '9') || (*s >= 'A' && *s <= 'Z' &&
		    s[1] >= '0' && s[1] <= '9');
	}
	return 0;
}

/*
 * A region with a figure's caption right above or below it is a chart
 * or a diagram, whatever its lines look like.
 */
static int
is_figure(const struct pagework *w, const struct gregion *r)
{
	int i, above[2] = { -1, -1 }, below = -1;

	for (i = 0; i < w->n; i++) {
		if (w->pl[i].cls == LC_FURNITURE || !line_overlaps_x(w, i, r) ||
		    line_in_region(w, i, r))
			continue;
		if (w->lines[i].bottom <= r->y0 + 1) {
			above[1] = above[0];
			above[0] = i;
		} else if (w->lines[i].top >= r->y1 - 1 && below < 0)
			below = i;
	}
	/* The caption's last line or the one before (a two-line title). */
	for (i = 0; i < 2; i++)
		if (above[i] >= 0 && r->y0 - w->lines[above[i]].bottom < 5 *
		    w->lines[above[i]].height &&
		    figure_caption(w->pl[above[i]].text))
			return 1;
	return below >= 0 && w->lines[below].top - r->y1 < 3 *
	    w->lines[below].height && figure_caption(w->pl[below].text);
}

static int repeated_head(const struct geomseg *, const char *);

static int
line_in_table(const struct pagework *w, int i)
{
	int ti;

	for (ti = 0; ti < w->nt; ti++)
		if (line_in_region(w, i, &w->t[ti].r))
			return 1;
	return 0;
}

/*
 * A continued page that prints the open table's header again over a
 * row or two is too short to read as a table by its alignment alone
 * (budget-08 预算01表: 收入, 支出 over the last two rows).  The repeated
 * header says it is one: its run of lines, down to a gap or what is no
 * table text, is a region.
 */
static void
repeated_head_region(struct pagework *w)
{
	const struct gline *a, *b;
	struct gregion r;
	int i, j;

	if (!w->g->has_open || w->g->open_ended)
		return;
	for (i = 0; i < w->n && w->pl[i].cls == LC_FURNITURE; i++)
		;
	if (i == w->n || line_in_table(w, i) ||
	    !repeated_head(w->g, w->pl[i].text))
		return;
	for (j = i + 1; j < w->n && w->pl[j].cls == LC_TEXT &&
	    !line_in_table(w, j); j++) {
		a = &w->lines[j - 1];
		b = &w->lines[j];
		if (b->top - a->bottom > 2 * fmin(a->height, b->height))
			break;
	}
	memset(&r, 0, sizeof(r));
	r.x0 = r.y0 = 1e18;
	r.x1 = r.y1 = -1e18;
	for (; i < j; i++) {
		r.x0 = fmin(r.x0, w->lines[i].left);
		r.x1 = fmax(r.x1, w->lines[i].right);
		r.y0 = fmin(r.y0, w->lines[i].top);
		r.y1 = fmax(r.y1, w->lines[i].bottom);
	}
	add_table(w, &r);
}

static void
find_tables(struct pagework *w)
{
	struct gpageview pv;
	struct gregion *regions;
	int nr, i;

	memset(&pv, 0, sizeof(pv));
	pv.spans = w->g->page.spans;
	pv.nspans = w->g->page.nspans;
	pv.lines = w->lines;
	pv.nlines = w->n;
	pv.cls = w->cls;
	pv.rules = w->g->page.rules;
	pv.nrules = w->g->page.nrules;
	pv.page = w->g->page.number;
	pv.width = w->g->page.width;
	pv.height = w->g->page.height;
	nr = regions_find(&pv, &regions);
	for (i = 0; i < nr; i++)
		if (!is_figure(w, &regions[i]))
			add_table(w, &regions[i]);
	free(regions);
	repeated_head_region(w);
	for (i = 0; i < w->nt; i++)
		find_caption(w, i);
	for (i = 0; i < w->nt; i++) {
		extend_to_caption(w, &w->t[i]);
		extend_down(w, &w->t[i]);
		claim_lines(w, i);
	}
	caption_tables(w);
	for (i = 0; i < w->nt; i++) {
		find_notes(w, &w->t[i]);
		claim_lines(w, i);
	}
}

/* ------------------------------------------------------------ output */

static void
emit_span(struct buf *b, const struct tspan *s)
{
	rec_begin(b, "span");
	rec_long_field(b, s->page);
	rec_coord(b, s->x0);
	rec_coord(b, s->y0);
	rec_coord(b, s->x1);
	rec_coord(b, s->y1);
	rec_coord(b, s->size);
	rec_text(b, s->font);
	rec_text(b, s->text);
	rec_end(b);
}

/* A line's spans, or only those inside a region when r is given. */
static void
emit_line(struct pagework *w, struct buf *b, int i, const struct gregion *r)
{
	struct buf one = BUF_INIT;
	int k;

	for (k = 0; k < w->lines[i].n; k++) {
		const struct tspan *s = &w->g->page.spans[w->lines[i].spans[k]];

		if (r && !region_holds(r, s))
			continue;
		emit_span(&one, s);
		buf_add(b, one.s, one.len);
	}
	buf_free(&one);
}

static void
emit_prose(struct pagework *w, int i)
{
	struct buf b = BUF_INIT;

	emit_line(w, &b, i, NULL);
	out_put(&w->g->cli->out, &b);
	buf_free(&b);
}

static void
open_clear(struct geomseg *g)
{
	int i;

	buf_free(&g->open);
	buf_free(&g->open_pages);
	free(g->open_code);
	free(g->open_title);
	free(g->open_unit);
	free(g->open_entity);
	for (i = 0; i < g->open_nhead; i++)
		free(g->open_head[i]);
	free(g->open_head);
	free(g->open_sig.cols);
	g->open_code = g->open_title = g->open_unit = g->open_entity = NULL;
	g->open_head = NULL;
	g->open_nhead = 0;
	memset(&g->open_sig, 0, sizeof(g->open_sig));
	g->has_open = 0;
	g->open_ended = 0;
}

/* Write the open table out: it will not continue. */
static void
close_open(struct geomseg *g)
{
	struct buf b = BUF_INIT;

	if (!g->has_open)
		return;
	rec_begin(&b, "table");
	rec_long_field(&b, ++*g->number);
	if (g->open_code)
		rec_kv(&b, "code", g->open_code);
	if (g->open_title)
		rec_kv(&b, "title", g->open_title);
	if (g->open_unit)
		rec_kv(&b, "unit", g->open_unit);
	if (g->open_entity)
		rec_kv(&b, "entity", g->open_entity);
	if (g->open_pages.len)
		rec_kv(&b, "pages", g->open_pages.s);
	rec_end(&b);
	out_put(&g->cli->out, &b);
	out_put(&g->cli->out, &g->open);
	buf_clear(&b);
	buf_printf(&b, "endtable\t%ld\n", *g->number);
	out_put(&g->cli->out, &b);
	buf_free(&b);
	open_clear(g);
}

static void
take(char **dst, char **src)
{
	free(*dst);
	*dst = *src;
	*src = NULL;
}

static int
repeated_head(const struct geomseg *g, const char *text)
{
	int i;

	for (i = 0; i < g->open_nhead; i++)
		if (strcmp(g->open_head[i], text) == 0)
			return 1;
	return 0;
}

/* The table's column edges on this page: rulings, else aligned text. */
static void
signature(struct pagework *w, const struct ptable *t, struct gsignature *sig)
{
	struct gseps vs;
	int i, k, m;
	double *x = NULL;

	memset(sig, 0, sizeof(*sig));
	sig->x0 = t->r.x0;
	sig->x1 = t->r.x1;
	gseps_build(w->g->page.rules, w->g->page.nrules, w->g->page.number, 1,
	    &vs);
	for (i = 0; i < vs.n; i++)
		if (vs.v[i].pos >= t->r.x0 - RULE_MARGIN && vs.v[i].pos <=
		    t->r.x1 + RULE_MARGIN && vs.v[i].hi > t->r.y0 &&
		    vs.v[i].lo < t->r.y1) {
			x = xreallocarray(x, (size_t)sig->ncols + 1,
			    sizeof(*x));
			x[sig->ncols++] = vs.v[i].pos;
		}
	gseps_free(&vs);
	if (sig->ncols >= 3) {
		sig->cols = x;
		sig->ruled = 1;
		return;
	}
	/* Right edges of the numbers: where unruled columns end. */
	sig->ncols = 0;
	for (i = 0; i < w->n; i++)
		for (k = 0; k < w->lines[i].n; k++) {
			const struct tspan *s =
			    &w->g->page.spans[w->lines[i].spans[k]];

			if (!region_holds(&t->r, s) || !span_is_number(s))
				continue;
			for (m = 0; m < sig->ncols; m++)
				if (fabs(x[m] - s->x1) < 2)
					break;
			if (m < sig->ncols)
				continue;
			x = xreallocarray(x, (size_t)sig->ncols + 1,
			    sizeof(*x));
			x[sig->ncols++] = s->x1;
		}
	sig->cols = x;
}

static int
share_found(const struct gsignature *a, const struct gsignature *b)
{
	int i, k, hit = 0;

	for (i = 0; i < a->ncols; i++)
		for (k = 0; k < b->ncols; k++)
			if (fabs(a->cols[i] - b->cols[k]) < 3) {
				hit++;
				break;
			}
	return a->ncols ? hit * 10 / a->ncols : 0;
}

/* Do two pages print the table alike? */
static int
signatures_match(const struct gsignature *a, const struct gsignature *b)
{
	if (a->ruled != b->ruled || a->ncols == 0 || b->ncols == 0)
		return 0;
	if (fabs(a->x0 - b->x0) > 6 && fabs(a->x1 - b->x1) > 6)
		return 0;
	return share_found(a, b) >= 8 && share_found(b, a) >= 8;
}

static void
emit_rules(struct pagework *w, struct buf *b, const struct gregion *r)
{
	struct buf one = BUF_INIT;
	int k;

	for (k = 0; k < w->g->page.nrules; k++) {
		const struct trule *u = &w->g->page.rules[k];

		if (fmax(u->y0, u->y1) < r->y0 - RULE_MARGIN ||
		    fmin(u->y0, u->y1) > r->y1 + RULE_MARGIN ||
		    fmax(u->x0, u->x1) < r->x0 - RULE_MARGIN ||
		    fmin(u->x0, u->x1) > r->x1 + RULE_MARGIN)
			continue;
		rec_begin(&one, "rule");
		rec_long_field(&one, u->page);
		rec_coord(&one, u->x0);
		rec_coord(&one, u->y0);
		rec_coord(&one, u->x1);
		rec_coord(&one, u->y1);
		rec_coord(&one, u->width);
		rec_end(&one);
		buf_add(b, one.s, one.len);
	}
	buf_free(&one);
}

static void
set_part(struct buf *b, int *part, int want)
{
	static const char *names[] = { "caption", "head", "body", "note" };

	if (*part == want)
		return;
	buf_printf(b, "part\t%s\n", names[want]);
	*part = want;
}

/* The words of line i inside region r, or 0 if none is. */
static int
region_text(struct pagework *w, int i, const struct gregion *r,
    struct buf *text)
{
	int k, in = 0;

	buf_clear(text);
	buf_adds(text, "");
	for (k = 0; k < w->lines[i].n; k++) {
		const struct tspan *s = &w->g->page.spans[w->lines[i].spans[k]];

		if (!region_holds(r, s))
			continue;
		if (in++)
			buf_addc(text, ' ');
		buf_adds(text, s->text);
	}
	return in;
}

static int
table_line(const struct pagework *w, const struct ptable *t, int i)
{
	return w->pl[i].cls != LC_FURNITURE &&
	    !(i >= t->cap_from && i < t->cap_to) &&
	    !(i >= t->note_from && i < t->note_to) &&
	    line_in_region(w, i, &t->r);
}

/*
 * Is line i a data line, or set so close above the first one (data, at
 * `data`) that the two overlap: the first line of a label wrapped about
 * the row's amounts (project-01: 石城市南城区 / 235003 727.15 / 农业保障
 * 中心), the body's and no header's, to be dropped on a later page?
 */
static int
body_line(struct pagework *w, int i, const char *text, size_t len, int data)
{
	return line_is_data(w->g->tr, text, len) || (data > i &&
	    w->lines[data].page == w->lines[i].page &&
	    w->lines[data].top < w->lines[i].bottom);
}

/* The table's first data line, or -1. */
static int
first_data(struct pagework *w, const struct ptable *t)
{
	struct buf text = BUF_INIT;
	int i;

	for (i = 0; i < w->n; i++)
		if (table_line(w, t, i) && region_text(w, i, &t->r, &text) &&
		    line_is_data(w->g->tr, buf_str(&text), text.len))
			break;
	buf_free(&text);
	return i < w->n ? i : -1;
}

/*
 * On a continued page: how many leading lines repeat the open table's
 * header.  Only a header repeated whole is dropped here; one whose lines
 * break differently is left to row-align, which compares cells.
 */
static int
repeated_lines(struct pagework *w, const struct ptable *t)
{
	struct buf text = BUF_INIT;
	int i, n = 0, all = 1, data = first_data(w, t);

	for (i = 0; i < w->n; i++) {
		if (!table_line(w, t, i) || !region_text(w, i, &t->r, &text))
			continue;
		if (body_line(w, i, buf_str(&text), text.len, data))
			break;
		if (!repeated_head(w->g, buf_str(&text)))
			all = 0;
		n++;
	}
	buf_free(&text);
	return all ? n : 0;
}

/* The table's own lines: head until the first data line, then body. */
static void
emit_body(struct pagework *w, int ti, int continues, int *part)
{
	struct geomseg *g = w->g;
	struct ptable *t = &w->t[ti];
	struct buf text = BUF_INIT, *b = &g->open;
	int i, drop, want = continues ? 2 : 1, data = first_data(w, t);

	drop = continues ? repeated_lines(w, t) : 0;
	for (i = 0; i < w->n; i++) {
		/* By span, not by line: tables side by side share lines. */
		if (!table_line(w, t, i) || !region_text(w, i, &t->r, &text))
			continue;
		if (drop > 0) {
			drop--;
			continue;
		}
		if (want == 1 && body_line(w, i, buf_str(&text), text.len,
		    data))
			want = 2;
		set_part(b, part, want);
		if (want == 1) {
			g->open_head = xreallocarray(g->open_head,
			    (size_t)g->open_nhead + 1, sizeof(char *));
			g->open_head[g->open_nhead++] = xstrdup(buf_str(&text));
		}
		emit_line(w, b, i, &t->r);
	}
	buf_free(&text);
}

static void
emit_table(struct pagework *w, int ti, int continues)
{
	struct geomseg *g = w->g;
	struct ptable *t = &w->t[ti];
	struct buf *b;
	int i, part = -1;

	if (!continues) {
		close_open(g);
		g->has_open = 1;
		take(&g->open_code, &t->cap.code);
		take(&g->open_title, &t->cap.title);
		take(&g->open_unit, &t->cap.unit);
		take(&g->open_entity, &t->cap.entity);
	}
	b = &g->open;
	if (!continues && t->cap_from >= 0) {
		set_part(b, &part, 0);
		for (i = t->cap_from; i < t->cap_to; i++)
			if (w->pl[i].cls != LC_FURNITURE)
				emit_line(w, b, i, NULL);
	}
	if (g->open_pages.len)
		buf_addc(&g->open_pages, ',');
	buf_printf(&g->open_pages, "%ld", g->page.number);
	emit_body(w, ti, continues, &part);
	if (t->note_from >= 0) {
		set_part(b, &part, 3);
		for (i = t->note_from; i < t->note_to; i++)
			emit_line(w, b, i, NULL);
	}
	set_part(b, &part, 2);
	emit_rules(w, b, &t->r);
	free(g->open_sig.cols);
	signature(w, t, &g->open_sig);
	g->open_ended = 0;
	t->emitted = 1;
}

/* Does the table's first line repeat a header line of the open one? */
static int
first_line_repeats(struct pagework *w, const struct ptable *t)
{
	struct buf text = BUF_INIT;
	int i, yes = 0;

	for (i = 0; i < w->n; i++)
		if (table_line(w, t, i) && region_text(w, i, &t->r, &text)) {
			yes = repeated_head(w->g, buf_str(&text));
			break;
		}
	buf_free(&text);
	return yes;
}

/*
 * Does the page's first table go on with the open one?  Nothing but
 * furniture above it, no caption of its own (or the open one's again),
 * and the same columns or a repeated header.
 */
static int
continues_open(struct pagework *w, int ti)
{
	struct geomseg *g = w->g;
	struct ptable *t = &w->t[ti];
	struct gsignature sig;
	int i, match;

	if (!g->has_open || g->open_ended)
		return 0;
	if (t->cap_from >= 0) {
		struct caption open;

		memset(&open, 0, sizeof(open));
		open.code = g->open_code;
		open.title = g->open_title;
		open.entity = g->open_entity;
		/* Its caption printed again, and its header: the same
		 * table; the same caption over other first lines is the
		 * next form of a series (one per project). */
		return caption_continues(&t->cap, &open) &&
		    first_line_repeats(w, t);
	}
	for (i = 0; i < w->n; i++) {
		if (w->pl[i].owner == ti)
			break;
		if (w->pl[i].cls != LC_FURNITURE)
			return 0;
	}
	signature(w, t, &sig);
	match = signatures_match(&sig, &g->open_sig);
	free(sig.cols);
	if (match)
		return 1;
	for (; i < w->n; i++)
		if (w->pl[i].owner == ti && !(i >= t->cap_from &&
		    i < t->cap_to))
			return repeated_head(g, w->pl[i].text);
	return 0;
}

/* Does line i belong to table ti: its caption, its notes or its box? */
static int
line_of_table(const struct pagework *w, int i, int ti)
{
	const struct ptable *t = &w->t[ti];

	return (i >= t->cap_from && i < t->cap_to) ||
	    (i >= t->note_from && i < t->note_to) ||
	    line_in_region(w, i, &t->r);
}

/*
 * Tables in the order of their first lines (side by side: left to
 * right), prose where no table claims the line.
 */
static void
emit_page(struct pagework *w)
{
	int i, ti, first = 1;

	for (i = 0; i < w->n; i++) {
		if (w->pl[i].owner < 0) {
			if (w->pl[i].cls == LC_FURNITURE)
				continue;
			emit_prose(w, i);
			if (!first)
				w->g->open_ended = 1;
			continue;
		}
		for (ti = 0; ti < w->nt; ti++) {
			if (w->t[ti].emitted || !line_of_table(w, i, ti))
				continue;
			emit_table(w, ti, first && continues_open(w, ti));
			first = 0;
		}
	}
}

void
geomseg_end_page(struct geomseg *g)
{
	struct pagework w;
	int i;

	if (!g->in_page)
		return;
	g->in_page = 0;
	memset(&w, 0, sizeof(w));
	w.g = g;
	page_lines(&w);
	find_tables(&w);
	emit_page(&w);
	remember_margins(&w);
	for (i = 0; i < w.n; i++)
		free(w.pl[i].text);
	for (i = 0; i < w.nt; i++)
		caption_free(&w.t[i].cap);
	free(w.pl);
	free(w.cls);
	free(w.t);
	glines_free(w.lines, w.n);
	page_clear(&g->page);
}

void
geomseg_end_document(struct geomseg *g)
{
	geomseg_end_page(g);
	close_open(g);
	free(g->prev_top);
	free(g->prev_bottom);
	g->prev_top = g->prev_bottom = NULL;
}

void
geomseg_free(struct geomseg *g)
{
	page_clear(&g->page);
	open_clear(g);
	free(g->prev_top);
	free(g->prev_bottom);
}
