/*
 * geomseg.c - finding tables on pages that keep their geometry.
 *
 * A page's spans are grouped into lines; caption lines (code, title,
 * unit, entity) announce a table, which runs over the lines after them up
 * to the next caption, a note, or the page's end.  A page without any
 * caption is one table if it has lines of several aligned spans.  Ruling
 * lines inside a table's box go with it.  A table reaching the page's
 * end stays open: the next page's first table continues it when it
 * repeats the caption or prints none.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "caption.h"
#include "geomseg.h"

struct pline {
	int	*spans;
	int	 n;
	double	 top, bottom, left, right;
	char	*text;
	enum linekind kind;
	int	 data;
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

void
geomseg_span(struct geomseg *g, const struct rec *r)
{
	struct tspan *s;

	g->page.spans = xreallocarray(g->page.spans, (size_t)g->page.nspans + 1,
	    sizeof(*g->page.spans));
	s = &g->page.spans[g->page.nspans++];
	memset(s, 0, sizeof(*s));
	s->page = rec_long(r, 1);
	s->x0 = rec_double(r, 2);
	s->y0 = rec_double(r, 3);
	s->x1 = rec_double(r, 4);
	s->y1 = rec_double(r, 5);
	s->size = rec_double(r, 6);
	s->font = xstrdup(rec_field(r, 7));
	s->text = xstrdup(rec_field(r, 8));
	g->in_page = 1;
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

static const struct gpage *sort_page;

static int
cmp_span_y(const void *a, const void *b)
{
	const struct tspan *x = &sort_page->spans[*(const int *)a];
	const struct tspan *y = &sort_page->spans[*(const int *)b];

	if (fabs(x->y0 - y->y0) > 0.5)
		return x->y0 < y->y0 ? -1 : 1;
	return x->x0 < y->x0 ? -1 : x->x0 > y->x0;
}

static int
cmp_span_x(const void *a, const void *b)
{
	const struct tspan *x = &sort_page->spans[*(const int *)a];
	const struct tspan *y = &sort_page->spans[*(const int *)b];

	return x->x0 < y->x0 ? -1 : x->x0 > y->x0;
}

/* Spans sharing a baseline band, left to right, as one line of text. */
static int
page_lines(struct geomseg *g, struct pline **out)
{
	const struct gpage *p = &g->page;
	struct pline *lines = NULL, *cur = NULL;
	struct buf text = BUF_INIT;
	int *order, i, k, n = 0;
	double h, ov;

	order = xmalloc(sizeof(int) * ((size_t)p->nspans + 1));
	for (i = 0; i < p->nspans; i++)
		order[i] = i;
	sort_page = p;
	qsort(order, (size_t)p->nspans, sizeof(int), cmp_span_y);
	for (i = 0; i < p->nspans; i++) {
		const struct tspan *s = &p->spans[order[i]];

		ov = h = 0;
		if (cur) {
			h = fmin(s->y1 - s->y0, cur->bottom - cur->top);
			ov = fmin(s->y1, cur->bottom) - fmax(s->y0, cur->top);
		}
		if (cur == NULL || ov < h * 0.5) {
			lines = xreallocarray(lines, (size_t)n + 1,
			    sizeof(*lines));
			cur = &lines[n++];
			memset(cur, 0, sizeof(*cur));
			cur->top = s->y0;
			cur->bottom = s->y1;
			cur->left = s->x0;
			cur->right = s->x1;
		}
		cur->spans = xreallocarray(cur->spans, (size_t)cur->n + 1,
		    sizeof(int));
		cur->spans[cur->n++] = order[i];
		cur->top = fmin(cur->top, s->y0);
		cur->bottom = fmax(cur->bottom, s->y1);
		cur->left = fmin(cur->left, s->x0);
		cur->right = fmax(cur->right, s->x1);
	}
	for (i = 0; i < n; i++) {
		qsort(lines[i].spans, (size_t)lines[i].n, sizeof(int),
		    cmp_span_x);
		buf_clear(&text);
		for (k = 0; k < lines[i].n; k++) {
			if (k)
				buf_addc(&text, ' ');
			buf_adds(&text, p->spans[lines[i].spans[k]].text);
		}
		lines[i].text = xstrdup(buf_str(&text));
		lines[i].kind = caption_classify(g->tr, lines[i].text,
		    text.len);
		lines[i].data = line_is_data(g->tr, lines[i].text, text.len);
	}
	buf_free(&text);
	free(order);
	*out = lines;
	return n;
}

static void
free_lines(struct pline *lines, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		free(lines[i].spans);
		free(lines[i].text);
	}
	free(lines);
}

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

static void
emit_line_spans(struct geomseg *g, struct buf *b, const struct pline *l)
{
	struct buf one = BUF_INIT;
	int k;

	for (k = 0; k < l->n; k++) {
		emit_span(&one, &g->page.spans[l->spans[k]]);
		buf_add(b, one.s, one.len);
	}
	buf_free(&one);
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
	free(g->open_cols);
	g->open_code = g->open_title = g->open_unit = g->open_entity = NULL;
	g->open_head = NULL;
	g->open_nhead = 0;
	g->open_cols = NULL;
	g->open_ncols = 0;
	g->has_open = 0;
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

/*
 * One table found on this page: lines [from, to) after its caption.  If
 * it continues the open table, its repeated header lines are dropped and
 * its body appended; otherwise the open table is written and this one
 * opens.
 */
static void
add_table(struct geomseg *g, struct caption *cap, const struct pline *lines,
    int capfrom, int from, int to, int continues)
{
	const struct gpage *p = &g->page;
	struct buf *b = &g->open;
	struct buf one = BUF_INIT;
	double top = 1e18, bottom = -1e18, left = 1e18, right = -1e18;
	int i, k, part = -1, repeat = continues;

	if (!continues) {
		close_open(g);
		g->has_open = 1;
		take(&g->open_code, &cap->code);
		take(&g->open_title, &cap->title);
		take(&g->open_unit, &cap->unit);
		take(&g->open_entity, &cap->entity);
		buf_adds(b, "part\tcaption\n");
		for (i = capfrom; i < from; i++)
			emit_line_spans(g, b, &lines[i]);
	}
	if (g->open_pages.len)
		buf_addc(&g->open_pages, ',');
	buf_printf(&g->open_pages, "%ld", p->number);
	for (i = from; i < to; i++) {
		const struct pline *l = &lines[i];
		int want;

		if (l->kind == LINE_FURNITURE)
			continue;
		if (repeat && !l->data && repeated_head(g, l->text))
			continue;
		repeat = 0;
		if (l->kind == LINE_NOTE || part == 3)
			want = 3;
		else if (l->data || part == 2)
			want = 2;
		else
			want = 1;
		if (continues && want == 1)
			want = 2;
		if (want != part) {
			static const char *names[] = { "", "head", "body",
			    "note" };

			buf_printf(b, "part\t%s\n", names[want]);
			part = want;
		}
		if (want == 1) {
			g->open_head = xreallocarray(g->open_head,
			    (size_t)g->open_nhead + 1, sizeof(char *));
			g->open_head[g->open_nhead++] = xstrdup(l->text);
		}
		emit_line_spans(g, b, l);
		top = fmin(top, l->top);
		bottom = fmax(bottom, l->bottom);
		left = fmin(left, l->left);
		right = fmax(right, l->right);
	}
	/* Ruling lines within the table's box, with a little margin. */
	for (k = 0; k < p->nrules; k++) {
		const struct trule *r = &p->rules[k];

		if (fmax(r->y0, r->y1) < top - 20 || fmin(r->y0, r->y1) >
		    bottom + 20 || fmax(r->x0, r->x1) < left - 20 ||
		    fmin(r->x0, r->x1) > right + 20)
			continue;
		rec_begin(&one, "rule");
		rec_long_field(&one, r->page);
		rec_coord(&one, r->x0);
		rec_coord(&one, r->y0);
		rec_coord(&one, r->x1);
		rec_coord(&one, r->y1);
		rec_coord(&one, r->width);
		rec_end(&one);
		buf_add(b, one.s, one.len);
	}
	buf_free(&one);
}

static int
tabular_lines(const struct pline *lines, int n)
{
	int i, count = 0;

	for (i = 0; i < n; i++)
		count += lines[i].n >= 2;
	return count;
}

/* The prose on the page outside tables: passed on as it is. */
static void
emit_prose(struct geomseg *g, const struct pline *l)
{
	struct buf b = BUF_INIT;

	emit_line_spans(g, &b, l);
	out_put(&g->cli->out, &b);
	buf_free(&b);
}

void
geomseg_end_page(struct geomseg *g)
{
	struct pline *lines;
	struct caption cap;
	int n, i, start, capfrom, first = 1;

	if (!g->in_page)
		return;
	g->in_page = 0;
	n = page_lines(g, &lines);
	memset(&cap, 0, sizeof(cap));
	i = 0;
	while (i < n) {
		if (lines[i].kind != LINE_CAPTION) {
			/* Lines before any caption: the open table's, or a
			 * captionless table, or prose. */
			start = i;
			while (i < n && lines[i].kind != LINE_CAPTION)
				i++;
			if (first && g->has_open)
				add_table(g, &cap, lines, start, start, i, 1);
			else if (tabular_lines(lines + start, i - start) >= 3) {
				add_table(g, &cap, lines, start, start, i, 0);
			} else {
				int k;

				for (k = start; k < i; k++)
					if (lines[k].kind != LINE_FURNITURE)
						emit_prose(g, &lines[k]);
			}
			first = 0;
			continue;
		}
		capfrom = i;
		while (i < n && lines[i].kind == LINE_CAPTION) {
			caption_read(g->tr, &cap, lines[i].text,
			    strlen(lines[i].text));
			i++;
		}
		start = i;
		while (i < n && lines[i].kind != LINE_CAPTION)
			i++;
		if (!caption_confirms(&cap, start < n && lines[start].data)) {
			int k;

			for (k = capfrom; k < i; k++)
				emit_prose(g, &lines[k]);
		} else {
			int cont = first && g->has_open &&
			    ((cap.code && g->open_code &&
			    strcmp(cap.code, g->open_code) == 0) ||
			    (!cap.code && cap.title && g->open_title &&
			    strcmp(cap.title, g->open_title) == 0));

			add_table(g, &cap, lines, capfrom, start, i, cont);
		}
		caption_free(&cap);
		first = 0;
	}
	caption_free(&cap);
	free_lines(lines, n);
	page_clear(&g->page);
}

void
geomseg_end_document(struct geomseg *g)
{
	geomseg_end_page(g);
	close_open(g);
}

void
geomseg_free(struct geomseg *g)
{
	page_clear(&g->page);
	open_clear(g);
}
