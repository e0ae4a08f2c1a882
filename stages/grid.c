/*
 * grid.c - a rebuilt table, and how it is written to the stream.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "grid.h"

/*
 * The index behind grid_cell: for each row, the cells added on it, in
 * the order of g->cells.  Rows are hashed: they are small and dense, but
 * a caller may ask for any.  Callers change cells through the pointers
 * they get.  A cell moved to another column is still found, since a row's
 * cells are compared on their column at each look-up; cells reordered in
 * g->cells (geomgrid sorts them) leave some slot holding a cell of
 * another row, which the same look-up notices, and the index is rebuilt.
 */
struct growcells {
	int	 row;
	int	 used;
	int	*cell;		/* indices into g->cells, ascending */
	int	 n, cap;
};

struct gindex {
	struct growcells *slot;
	size_t	 cap;		/* a power of two */
	size_t	 nrows;
	int	 ncells;	/* g->cells[0 .. ncells) are indexed */
};

static size_t
row_hash(int row)
{
	return (size_t)((unsigned)row * 2654435761u);
}

static struct growcells *
index_find(const struct gindex *ix, int row)
{
	size_t h = row_hash(row);
	struct growcells *s;

	for (;; h++) {
		s = &ix->slot[h & (ix->cap - 1)];
		if (!s->used || s->row == row)
			return s;
	}
}

static void
index_free(struct gindex *ix)
{
	size_t i;

	for (i = 0; i < ix->cap; i++)
		free(ix->slot[i].cell);
	free(ix->slot);
	memset(ix, 0, sizeof(*ix));
}

/* Twice the slots, the rows' cell lists moved over as they are. */
static void
index_grow(struct gindex *ix)
{
	struct gindex bigger;
	struct growcells *s;
	size_t i;

	bigger = *ix;
	bigger.cap = ix->cap ? ix->cap * 2 : 64;
	bigger.slot = xcalloc(bigger.cap, sizeof(*bigger.slot));
	for (i = 0; i < ix->cap; i++)
		if (ix->slot[i].used) {
			s = index_find(&bigger, ix->slot[i].row);
			*s = ix->slot[i];
		}
	free(ix->slot);
	*ix = bigger;
}

static void
index_add(struct gindex *ix, int row, int cell)
{
	struct growcells *s;

	if ((ix->nrows + 1) * 2 > ix->cap)
		index_grow(ix);
	s = index_find(ix, row);
	if (!s->used) {
		s->used = 1;
		s->row = row;
		ix->nrows++;
	}
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 8;
		s->cell = xreallocarray(s->cell, (size_t)s->cap, sizeof(int));
	}
	s->cell[s->n++] = cell;
	ix->ncells = cell + 1;
}

static void
index_build(struct gindex *ix, const struct grid *g)
{
	int i;

	index_free(ix);
	for (i = 0; i < g->ncells; i++)
		index_add(ix, g->cells[i].row, i);
}

/*
 * The first cell of row at col, or -1; -2 when the row's list no longer
 * matches g->cells.  The whole list is checked, so a reordering is never
 * taken for an answer.
 */
static int
index_lookup(const struct gindex *ix, const struct grid *g, int row, int col)
{
	const struct growcells *s;
	int k, i, found = -1;

	if (ix->cap == 0 || !(s = index_find(ix, row))->used)
		return -1;
	for (k = 0; k < s->n; k++) {
		i = s->cell[k];
		if (i >= g->ncells || g->cells[i].row != row)
			return -2;
		if (found < 0 && g->cells[i].col == col)
			found = i;
	}
	return found;
}

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
	if (g->index) {
		index_free(g->index);
		free(g->index);
	}
	memset(g, 0, sizeof(*g));
}

/* Room for one more element in an array that doubles. */
static void *
grow(void *v, int n, int *cap, size_t size)
{
	if (n < *cap)
		return v;
	*cap = *cap ? *cap * 2 : 16;
	return xreallocarray(v, (size_t)*cap, size);
}

int
grid_add_col(struct grid *g, const char *path, enum coltype type)
{
	struct gcol *c;

	g->cols = grow(g->cols, g->ncols, &g->capcols, sizeof(*g->cols));
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

	g->cells = grow(g->cells, g->ncells, &g->capcells, sizeof(*g->cells));
	c = &g->cells[g->ncells++];
	memset(c, 0, sizeof(*c));
	c->row = row;
	c->col = col;
	c->rowspan = rowspan > 0 ? rowspan : 1;
	c->colspan = colspan > 0 ? colspan : 1;
	c->header = header;
	c->text = xstrdup(text ? text : "");
	if (g->index && g->index->ncells == g->ncells - 1)
		index_add(g->index, row, g->ncells - 1);
	return c;
}

struct grow *
grid_add_row(struct grid *g, int row, long page)
{
	struct grow *r;

	g->rows = grow(g->rows, g->nrows, &g->caprows, sizeof(*g->rows));
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
	struct gindex *ix = g->index;
	int i;

	if (ix == NULL) {
		ix = g->index = xcalloc(1, sizeof(*ix));
		index_build(ix, g);
	} else if (ix->ncells != g->ncells)
		index_build(ix, g);	/* cells added or dropped by hand */
	if ((i = index_lookup(ix, g, row, col)) == -2) {
		index_build(ix, g);
		i = index_lookup(ix, g, row, col);
	}
	return i >= 0 ? &g->cells[i] : NULL;
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

/* Appends to b: a grid's records are gathered, then written at once. */
static void
emit_cell(struct buf *b, const struct gcell *c)
{
	int k;

	buf_add(b, "cell", 4);
	rec_long_field(b, c->row);
	rec_long_field(b, c->col);
	rec_long_field(b, c->rowspan);
	rec_long_field(b, c->colspan);
	buf_add(b, c->header ? "\th" : "\tb", 2);
	rec_long_field(b, c->page);
	for (k = 0; k < 4; k++) {
		if (c->has_bbox)
			rec_coord(b, c->bbox[k]);
		else
			buf_add(b, "\t-", 2);
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
		if (order[i]->header)
			emit_cell(b, order[i]);
	for (i = 0; i < g->nrows; i++) {
		emit_row(&one, &g->rows[i]);
		buf_add(b, one.s, one.len);
		while (k < g->ncells && order[k]->row < g->rows[i].row)
			k++;
		for (; k < g->ncells && order[k]->row == g->rows[i].row; k++)
			if (!order[k]->header)
				emit_cell(b, order[k]);
	}
	buf_printf(b, "endtable\t%ld\n", number);
	free(order);
	buf_free(&one);
}
