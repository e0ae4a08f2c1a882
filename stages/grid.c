/*
 * grid.c - a rebuilt table, and how it is written to the stream.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "grid.h"

void
grid_init(struct grid *g)
{
	memset(g, 0, sizeof(*g));
}

void
grid_free(struct grid *g)
{
	int i;

	for (i = 0; i < g->ncols; i++) {
		free(g->cols[i].path);
		free(g->cols[i].canon);
	}
	for (i = 0; i < g->ncells; i++)
		free(g->cells[i].text);
	for (i = 0; i < g->nrows; i++)
		buf_free(&g->rows[i].failures);
	for (i = 0; i < g->nsums; i++)
		free(g->sums[i].rhs);
	free(g->cols);
	free(g->cells);
	free(g->rows);
	free(g->sums);
	free(g->family);
	free(g->code);
	free(g->notes);
	memset(g, 0, sizeof(*g));
}

int
grid_add_col(struct grid *g, const char *path, enum coltype type)
{
	struct gcol *c;

	g->cols = xreallocarray(g->cols, (size_t)g->ncols + 1,
	    sizeof(*g->cols));
	c = &g->cols[g->ncols];
	memset(c, 0, sizeof(*c));
	c->path = xstrdup(path ? path : "");
	c->type = type;
	c->group = -1;
	return g->ncols++;
}

struct gcell *
grid_add_cell(struct grid *g, int row, int col, int rowspan, int colspan,
    int header, const char *text)
{
	struct gcell *c;

	g->cells = xreallocarray(g->cells, (size_t)g->ncells + 1,
	    sizeof(*g->cells));
	c = &g->cells[g->ncells++];
	memset(c, 0, sizeof(*c));
	c->row = row;
	c->col = col;
	c->rowspan = rowspan > 0 ? rowspan : 1;
	c->colspan = colspan > 0 ? colspan : 1;
	c->header = header;
	c->text = xstrdup(text ? text : "");
	return c;
}

struct grow *
grid_add_row(struct grid *g, int row, long page)
{
	struct grow *r;

	g->rows = xreallocarray(g->rows, (size_t)g->nrows + 1,
	    sizeof(*g->rows));
	r = &g->rows[g->nrows++];
	memset(r, 0, sizeof(*r));
	r->row = row;
	r->page = page;
	r->check = -1;
	return r;
}

void
grid_add_sum(struct grid *g, int lhs, const int *rhs, int nrhs)
{
	struct gsum *s;

	g->sums = xreallocarray(g->sums, (size_t)g->nsums + 1,
	    sizeof(*g->sums));
	s = &g->sums[g->nsums++];
	s->lhs = lhs;
	s->nrhs = nrhs;
	s->rhs = xreallocarray(NULL, (size_t)nrhs, sizeof(int));
	memcpy(s->rhs, rhs, (size_t)nrhs * sizeof(int));
}

/* The cell that starts at (row, col), or NULL. */
struct gcell *
grid_cell(struct grid *g, int row, int col)
{
	int i;

	for (i = 0; i < g->ncells; i++)
		if (g->cells[i].row == row && g->cells[i].col == col)
			return &g->cells[i];
	return NULL;
}

const char *
grid_text(const struct grid *g, int row, int col)
{
	struct gcell *c = grid_cell((struct grid *)g, row, col);

	return c && c->text[0] ? c->text : NULL;
}

static const char *
type_name(enum coltype t)
{
	static const char *names[] = { "code", "label", "text", "int",
	    "amount" };

	return names[t];
}

static void
emit_cell(struct buf *b, const struct gcell *c)
{
	int k;

	rec_begin(b, "cell");
	rec_long_field(b, c->row);
	rec_long_field(b, c->col);
	rec_long_field(b, c->rowspan);
	rec_long_field(b, c->colspan);
	rec_text(b, c->header ? "h" : "b");
	rec_long_field(b, c->page);
	for (k = 0; k < 4; k++) {
		if (c->has_bbox)
			rec_coord(b, c->bbox[k]);
		else
			rec_text(b, "-");
	}
	rec_text(b, c->text);
	rec_end(b);
}

static void
emit_row(struct buf *b, const struct grow *r)
{
	char n[24];

	rec_begin(b, "row");
	rec_long_field(b, r->row);
	rec_long_field(b, r->page);
	rec_text(b, r->kind == ROW_TOTAL ? "total" : "data");
	if (r->check >= 0)
		rec_kv(b, "check", r->check ? "failed" : "ok");
	snprintf(n, sizeof(n), "%d", r->ambiguous);
	if (r->ambiguous)
		rec_kv(b, "ambiguous", n);
	if (r->failures.len)
		rec_kv(b, "failures", buf_str(&r->failures));
	rec_end(b);
}

/*
 * The table record is the one table-segment wrote, with what row-align
 * learnt added: family, header rows, checks, and a code inferred from the
 * family when none was printed.
 */
static void
emit_table(const struct grid *g, struct buf *b, long number,
    const struct rec *table)
{
	char n[48];
	int i, ambiguous = 0;

	rec_begin(b, "table");
	rec_long_field(b, number);
	for (i = 2; i < table->nf; i++)
		if (strncmp(table->f[i], "code=", 5) != 0)
			rec_text(b, table->f[i]);
	if (rec_attr(table, "code"))
		rec_kv(b, "code", rec_attr(table, "code"));
	else if (g->code)
		rec_kv(b, "code", g->code);
	if (g->code_from)
		rec_kv(b, "code_from", g->code_from);
	if (g->family)
		rec_kv(b, "family", g->family);
	if (g->notes)
		rec_kv(b, "notes", g->notes);
	snprintf(n, sizeof(n), "%d", g->header_rows);
	rec_kv(b, "header_rows", n);
	snprintf(n, sizeof(n), "%d/%d", g->passed, g->failed);
	rec_kv(b, "checks", n);
	for (i = 0; i < g->nrows; i++)
		ambiguous += g->rows[i].ambiguous > 0;
	snprintf(n, sizeof(n), "%d", ambiguous);
	rec_kv(b, "ambiguous", n);
	rec_end(b);
}

static int
cmp_cells(const void *a, const void *b)
{
	const struct gcell *x = *(const struct gcell *const *)a;
	const struct gcell *y = *(const struct gcell *const *)b;

	if (x->row != y->row)
		return x->row < y->row ? -1 : 1;
	return x->col < y->col ? -1 : x->col > y->col;
}

/*
 * Write the grid as table, col, cell and row records, then endtable: the
 * header cells first, then each body row followed by its cells, in grid
 * order whatever order the builder added them in.
 */
void
grid_emit(const struct grid *g, struct buf *b, long number,
    const struct rec *table)
{
	struct buf one = BUF_INIT;
	const struct gcell **order;
	int i, k = 0;

	emit_table(g, &one, number, table);
	buf_add(b, one.s, one.len);
	for (i = 0; i < g->ncols; i++) {
		rec_begin(&one, "col");
		rec_long_field(&one, i);
		rec_text(&one, g->cols[i].path);
		rec_kv(&one, "type", type_name(g->cols[i].type));
		rec_end(&one);
		buf_add(b, one.s, one.len);
	}
	order = xmalloc(sizeof(*order) * ((size_t)g->ncells + 1));
	for (i = 0; i < g->ncells; i++)
		order[i] = &g->cells[i];
	qsort(order, (size_t)g->ncells, sizeof(*order), cmp_cells);
	for (i = 0; i < g->ncells; i++)
		if (order[i]->header) {
			emit_cell(&one, order[i]);
			buf_add(b, one.s, one.len);
		}
	for (i = 0; i < g->nrows; i++) {
		emit_row(&one, &g->rows[i]);
		buf_add(b, one.s, one.len);
		while (k < g->ncells && order[k]->row < g->rows[i].row)
			k++;
		for (; k < g->ncells && order[k]->row == g->rows[i].row; k++)
			if (!order[k]->header) {
				emit_cell(&one, order[k]);
				buf_add(b, one.s, one.len);
			}
	}
	buf_printf(b, "endtable\t%ld\n", number);
	free(order);
	buf_free(&one);
}
