/*
 * geomgrid.c - rebuilding a table from spans with their boxes.
 *
 * Each page of the table is laid out on its own (geomlayout.c: columns
 * from rulings and alignment, rows from rulings and baselines, merged
 * cells from missing walls); the pages' rows are then put one under the
 * other, a later page's columns matched to the first page's by position.
 * The header is what lies above the first row holding an amount; a
 * column's path joins the header cells above it.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "geomgrid.h"
#include "geomhead.h"
#include "geomlayout.h"
#include "number.h"
#include "tabgrid.h"
#include "utf8.h"

struct gpage_part {
	struct glayout	 lay;
	int		*colmap;	/* this page's column -> grid column */
	int		 rowbase;	/* grid row of its first row */
	int		 skip;		/* leading rows repeating the header */
};

/* The distinct pages of the table's head and body spans, in order. */
static int
table_pages(const struct tinput *in, long **out)
{
	long *pages = NULL;
	int i, k, n = 0;

	for (i = 0; i < in->nspans; i++) {
		if (in->spans[i].part != 1 && in->spans[i].part != 2)
			continue;
		for (k = 0; k < n; k++)
			if (pages[k] == in->spans[i].page)
				break;
		if (k < n)
			continue;
		pages = xreallocarray(pages, (size_t)n + 1, sizeof(*pages));
		pages[n++] = in->spans[i].page;
	}
	*out = pages;
	return n;
}

static int
table_spans(const struct tinput *in, long page, int *idx)
{
	int i, n = 0;

	for (i = 0; i < in->nspans; i++)
		if ((in->spans[i].part == 1 || in->spans[i].part == 2) &&
		    (page < 0 || in->spans[i].page == page))
			idx[n++] = i;
	return n;
}

static void
layout_page(struct gpage_part *pp, const struct tinput *in, long page,
    const struct ival *cols, int ncols)
{
	int *idx, n;

	idx = xmalloc(sizeof(int) * ((size_t)in->nspans + 1));
	n = table_spans(in, page, idx);
	glayout_build(&pp->lay, in->spans, idx, n, in->rules, in->nrules,
	    page, cols, ncols);
	free(idx);
}

/* A table over several pages: its text columns over all of them. */
static int
shared_columns(const struct tinput *in, int np, struct ival **cols)
{
	int *idx, n, nc;

	*cols = NULL;
	if (np < 2)
		return 0;
	idx = xmalloc(sizeof(int) * ((size_t)in->nspans + 1));
	n = table_spans(in, -1, idx);
	nc = glayout_text_columns(in->spans, idx, n, cols);
	free(idx);
	return nc;
}

/* ------------------------------------------------------------ header */

static int
cell_has_amount(const struct glayout *lay, const struct lcell *cl)
{
	int k;

	for (k = 0; k < cl->n; k++)
		if (span_is_amount(&lay->v[cl->spans[k]]))
			return 1;
	return 0;
}

/* A code (3+ digits) followed by words: a body row of a budget table. */
static int
cell_is_code(const struct glayout *lay, const struct lcell *cl)
{
	const char *t;

	if (cl->n != 1)
		return 0;
	t = lay->v[cl->spans[0]].text;
	return strlen(t) >= 3 && num_is_int_code(t, strlen(t));
}

/*
 * May row r be a header's?  Its numbers only as the numbering row does
 * (栏次 1 2 3: integers rising left to right).  A label beside numbers
 * is a body row, though no number of it be an amount (ICDAR eu-020:
 * Sciences, 63 (18.5%)).
 */
static int
row_may_head(const struct glayout *lay, int r)
{
	const struct tspan *s;
	struct num v;
	long long last = -1;
	int i, k, nums = 0, rising = 1;

	for (i = lay->rows[r].first; i < lay->rows[r].first +
	    lay->rows[r].nlines; i++)
		for (k = 0; k < lay->lines[i].n; k++) {
			s = &lay->v[lay->lines[i].spans[k]];
			if (!span_is_number(s))
				continue;
			nums++;
			if (!num_parse(s->text, strlen(s->text), &v) ||
			    v.decimals > 0 || v.grouped || v.percent ||
			    v.mant <= last)
				rising = 0;
			else
				last = v.mant;
		}
	return nums == 0 || (nums >= 2 && rising);
}

/*
 * The first row whose every span table-segment put in the body: for a
 * table printed empty (its header, then 合计 alone), where no amount
 * tells where the header ends.  Rows above it must all read as a
 * header's; otherwise no header is told.
 */
static int
first_row_of_body(const struct glayout *lay)
{
	int r, i, k, head;

	for (r = 0; r < lay->nrows; r++) {
		head = lay->rows[r].nlines == 0;
		for (i = lay->rows[r].first; i < lay->rows[r].first +
		    lay->rows[r].nlines; i++)
			for (k = 0; k < lay->lines[i].n; k++)
				if (lay->v[lay->lines[i].spans[k]].part != 2)
					head = 1;
		if (!head)
			return r;
		if (!row_may_head(lay, r))
			return lay->nrows;
	}
	return lay->nrows;
}

/* The first row holding an amount, or a code before a label. */
static int
first_body_row(const struct glayout *lay)
{
	int r, c, id, code;

	for (r = 0; r < lay->nrows; r++) {
		code = 0;
		for (c = 0; c < lay->ncols; c++) {
			id = glayout_cell_at(lay, r, c);
			if (id < 0 || lay->cells[id].r0 != r ||
			    lay->cells[id].c0 != c)
				continue;
			if (cell_has_amount(lay, &lay->cells[id]))
				return r;
			if (code && lay->cells[id].n > 0 &&
			    !cell_is_code(lay, &lay->cells[id]))
				return r;
			if (lay->cells[id].n > 0)
				code = cell_is_code(lay, &lay->cells[id]);
		}
	}
	return first_row_of_body(lay);
}

/* ---------------------------------------------------------- stitching */

/* A later page's columns: the first page's column under each centre. */
static void
map_columns(struct gpage_part *pp, const struct glayout *first)
{
	const struct glayout *lay = &pp->lay;
	int c;

	pp->colmap = xmalloc(sizeof(int) * ((size_t)lay->ncols + 1));
	for (c = 0; c < lay->ncols; c++) {
		pp->colmap[c] = glayout_column_of(first,
		    (lay->xb[c] + lay->xb[c + 1]) / 2);
		if (pp->colmap[c] >= first->ncols)
			pp->colmap[c] = first->ncols - 1;
	}
}

/*
 * The grid's columns: the first page's, less those no page puts a span
 * in.  keep[c] is the grid column of first-page column c, or -1.
 */
static int
keep_columns(struct gpage_part *pp, int np, int **keep)
{
	int nc = pp[0].lay.ncols, *used, p, c, n = 0;

	used = xcalloc((size_t)nc + 1, sizeof(int));
	for (p = 0; p < np; p++)
		for (c = 0; c < pp[p].lay.ncols; c++)
			if (pp[p].lay.colused[c])
				used[pp[p].colmap[c]] = 1;
	*keep = xmalloc(sizeof(int) * ((size_t)nc + 1));
	for (c = 0; c < nc; c++)
		(*keep)[c] = used[c] ? n++ : -1;
	free(used);
	return n;
}

/* The kept grid columns a first-page range [c0, c1] comes to. */
static int
kept_range(const int *keep, int c0, int c1, int *last)
{
	int c, first = -1;

	*last = -1;
	for (c = c0; c <= c1; c++)
		if (keep[c] >= 0) {
			if (first < 0)
				first = keep[c];
			*last = keep[c];
		}
	return first;
}

/*
 * Is the text (a span of a later page) part of one of the first page's
 * header cells?  A header printed again may break its lines elsewhere,
 * or lose to clipping what overflowed its cell.
 */
static int
header_word(const struct glayout *first, int header_rows, const char *text,
    struct buf *scratch)
{
	int k;

	if (*text == '\0')
		return 1;
	for (k = 0; k < first->ncells; k++) {
		if (first->cells[k].n == 0 || first->cells[k].r0 >= header_rows)
			continue;
		glayout_cell_text(first, &first->cells[k], scratch);
		if (strstr(buf_str(scratch), text) != NULL)
			return 1;
	}
	return 0;
}

/*
 * A later page that prints the header again: its leading rows hold only
 * pieces of the first page's header cells and no amount.  Returns how
 * many rows to drop.
 */
static int
repeated_header(const struct gpage_part *pp, const struct glayout *first,
    int header_rows)
{
	const struct glayout *lay = &pp->lay;
	struct buf b = BUF_INIT;
	int r, i, k, ok = 1;

	if (header_rows == 0)
		return 0;
	for (r = 0; r < lay->nrows && ok; r++)
		for (i = lay->rows[r].first; i < lay->rows[r].first +
		    lay->rows[r].nlines && ok; i++)
			for (k = 0; k < lay->lines[i].n && ok; k++) {
				const struct tspan *s =
				    &lay->v[lay->lines[i].spans[k]];

				ok = !span_is_amount(s) && header_word(first,
				    header_rows, s->text, &b);
			}
	buf_free(&b);
	return ok ? r : r - 1;
}

/* ----------------------------------------------------------- output */

/*
 * A merged cell cut by the page break: the later page's top rows hold
 * an empty lattice cell under a cell of the last page that reached its
 * bottom, over the same columns.  The cell grows instead.
 */
static int
continues_cell(struct grid *g, const int *bottom, const struct lcell *cl,
    int c0, int c1)
{
	int i, c, span = cl->r1 - cl->r0 + 1;

	if (cl->n != 0 || (i = bottom[c0]) < 0)
		return 0;
	for (c = c0; c <= c1; c++)
		if (bottom[c] != i)
			return 0;
	if (g->cells[i].col != c0 || g->cells[i].col + g->cells[i].colspan - 1
	    != c1 || (g->cells[i].rowspan < 2 && span < 2) ||
	    g->cells[i].header)
		return 0;
	g->cells[i].rowspan += span;
	return 1;
}

static void
put_cells(struct grid *g, const struct gpage_part *pp, const int *keep,
    int header_rows, int first_page, int *bottom)
{
	const struct glayout *lay = &pp->lay;
	struct buf text = BUF_INIT;
	int i, r, c0, c1, r0, r1, k, *nextbottom, nc = g->ncols;

	nextbottom = xmalloc(sizeof(int) * ((size_t)nc + 1));
	for (i = 0; i < nc; i++)
		nextbottom[i] = -1;
	for (i = 0; i < lay->ncells; i++) {
		const struct lcell *cl = &lay->cells[i];
		struct gcell *gc;

		if (cl->r0 < pp->skip)
			continue;
		c0 = kept_range(keep, pp->colmap[cl->c0], pp->colmap[cl->c1],
		    &c1);
		if (c0 < 0)
			continue;
		if (cl->r0 == pp->skip && !first_page &&
		    continues_cell(g, bottom, cl, c0, c1))
			continue;
		if (cl->n == 0)
			continue;
		glayout_cell_text(lay, cl, &text);
		r0 = pp->rowbase + cl->r0 - pp->skip;
		r1 = pp->rowbase + cl->r1 - pp->skip;
		gc = grid_add_cell(g, r0, c0, r1 - r0 + 1, c1 - c0 + 1,
		    first_page && cl->r0 < header_rows, buf_str(&text));
		gc->page = lay->page;
		gc->has_bbox = 1;
		gc->bbox[0] = cl->x0;
		gc->bbox[1] = cl->y0;
		gc->bbox[2] = cl->x1;
		gc->bbox[3] = cl->y1;
		if (cl->r1 == lay->nrows - 1)
			for (k = c0; k <= c1; k++)
				nextbottom[k] = g->ncells - 1;
	}
	for (r = first_page ? header_rows : pp->skip; r < lay->nrows; r++)
		grid_add_row(g, pp->rowbase + r - pp->skip, lay->page);
	memcpy(bottom, nextbottom, sizeof(int) * (size_t)nc);
	free(nextbottom);
	buf_free(&text);
}

/* Cells indexed by slot, for the column statistics. */
static const struct gcell **
cell_index(const struct grid *g, int nrows)
{
	const struct gcell **idx;
	int i;

	idx = xcalloc((size_t)nrows * (size_t)g->ncols + 1, sizeof(*idx));
	for (i = 0; i < g->ncells; i++) {
		const struct gcell *c = &g->cells[i];

		if (c->row < nrows && c->col < g->ncols)
			idx[c->row * g->ncols + c->col] = c;
	}
	return idx;
}

static void
column_types(struct grid *g, int nrows)
{
	const struct gcell **idx = cell_index(g, nrows);
	struct num v;
	int c, r, amounts, others, label = -1;

	for (c = 0; c < g->ncols; c++) {
		amounts = others = 0;
		for (r = g->header_rows; r < nrows; r++) {
			const struct gcell *cl = idx[r * g->ncols + c];

			if (cl == NULL || cl->text[0] == '\0')
				continue;
			if (num_parse(cl->text, strlen(cl->text), &v))
				amounts++;
			else
				others++;
		}
		if (amounts > others)
			g->cols[c].type = COL_AMOUNT;
		else if (label < 0 && others > 0) {
			g->cols[c].type = COL_LABEL;
			label = c;
		} else
			g->cols[c].type = COL_TEXT;
	}
	free(idx);
}

static void
header_paths(struct grid *g)
{
	struct buf p = BUF_INIT;
	const char *last;
	int c, i;

	for (c = 0; c < g->ncols; c++) {
		buf_clear(&p);
		buf_adds(&p, "");
		last = NULL;
		for (i = 0; i < g->ncells; i++) {
			const struct gcell *h = &g->cells[i];

			if (!h->header || c < h->col || c >= h->col + h->colspan)
				continue;
			if (last && strcmp(last, h->text) == 0)
				continue;
			if (p.len)
				buf_addc(&p, '/');
			buf_adds(&p, h->text);
			last = h->text;
		}
		free(g->cols[c].path);
		g->cols[c].path = buf_detach(&p);
	}
}

static int
cmp_header_first(const void *a, const void *b)
{
	const struct gcell *x = a, *y = b;

	if (x->row != y->row)
		return x->row < y->row ? -1 : 1;
	return x->col < y->col ? -1 : x->col > y->col;
}

static int
is_total_label(const char *t)
{
	return strstr(t, "合计") != NULL || strstr(t, "总计") != NULL;
}

/*
 * Without rulings, a total's label printed in the first column of the
 * stub under a 栏次 heading spans the stub's empty columns beside it, as
 * the 栏次 heading does (the reports' own convention: 合计 over 科目编码
 * and 科目名称).  Cells are sorted by row, then column.
 */
static void
total_over_stub(struct grid *g, int nrows)
{
	const struct gcell **idx;
	int i, a = -1, b = -1, r, c, empty;

	for (i = 0; i < g->ncells; i++)
		if (g->cells[i].header && g->cells[i].colspan > 1 &&
		    strcmp(g->cells[i].text, "栏次") == 0) {
			a = g->cells[i].col;
			b = a + g->cells[i].colspan - 1;
		}
	if (a < 0)
		return;
	idx = cell_index(g, nrows);
	for (r = g->header_rows; r < nrows; r++) {
		struct gcell *cl = (struct gcell *)idx[r * g->ncols + a];

		if (cl == NULL || cl->colspan != 1 || !is_total_label(cl->text))
			continue;
		for (c = a + 1, empty = 1; c <= b && empty; c++)
			empty = idx[r * g->ncols + c] == NULL;
		if (empty)
			cl->colspan = b - a + 1;
	}
	free(idx);
}

void
geomgrid_build(struct grid *g, const struct family *f, const struct tinput *in)
{
	struct gpage_part *pp;
	long *pages;
	struct ival *shared;
	int np, p, i, rows = 0, header_rows = 0, ncols, *keep, *bottom;
	int nshared;

	np = table_pages(in, &pages);
	if (np == 0) {
		free(pages);
		return;
	}
	pp = xcalloc((size_t)np, sizeof(*pp));
	nshared = shared_columns(in, np, &shared);
	for (p = 0; p < np; p++) {
		layout_page(&pp[p], in, pages[p], shared, nshared);
		if (p == 0)
			geomhead_rebuild(&pp[p].lay,
			    first_body_row(&pp[p].lay));
		map_columns(&pp[p], &pp[0].lay);
	}
	header_rows = first_body_row(&pp[0].lay);
	if (header_rows >= pp[0].lay.nrows)
		header_rows = 0;
	ncols = keep_columns(pp, np, &keep);
	for (i = 0; i < ncols; i++)
		grid_add_col(g, "", COL_TEXT);
	g->header_rows = header_rows;
	bottom = xmalloc(sizeof(int) * ((size_t)ncols + 1));
	for (i = 0; i < ncols; i++)
		bottom[i] = -1;
	for (p = 0; p < np; p++) {
		if (p > 0)
			pp[p].skip = repeated_header(&pp[p], &pp[0].lay,
			    header_rows);
		pp[p].rowbase = rows;
		put_cells(g, &pp[p], keep, header_rows, p == 0, bottom);
		rows += pp[p].lay.nrows - pp[p].skip;
	}
	if (g->ncells > 0)
		qsort(g->cells, (size_t)g->ncells, sizeof(*g->cells),
		    cmp_header_first);
	if (pp[0].lay.vs.n == 0)
		total_over_stub(g, rows);
	column_types(g, rows);
	header_paths(g);
	if (f)
		grid_map_family(g, f);
	for (p = 0; p < np; p++) {
		glayout_free(&pp[p].lay);
		free(pp[p].colmap);
	}
	free(bottom);
	free(keep);
	free(shared);
	free(pp);
	free(pages);
}
