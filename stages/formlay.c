/*
 * formlay.c - a form's grid as its lines are laid out on it, and the grid
 * row-align writes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "formlay.h"
#include "formwords.h"
#include "utf8.h"

void
lay_init(struct lay *y, const struct forms *fs, const struct form *f,
    struct textrules *tr)
{
	memset(y, 0, sizeof(*y));
	y->fs = fs;
	y->f = f;
	y->tr = tr;
	y->line = -1;
	y->open = -1;
	y->carry = -1;
	y->lastcol = -1;
	y->seen = xcalloc((size_t)f->nlines + 1, sizeof(char *));
}

/* A new row below the others, nothing in it yet. */
void
lay_new_row(struct lay *y)
{
	y->rowpage = xreallocarray(y->rowpage, (size_t)y->nrows + 1,
	    sizeof(*y->rowpage));
	y->rowpage[y->nrows++] = y->page;
	y->lastcol = -1;
	y->open = -1;
}

/* A row for cells from column col on: this one if they lie right of it. */
void
lay_row_for(struct lay *y, int col)
{
	if (y->nrows == 0 || col <= y->lastcol)
		lay_new_row(y);
}

/* A fragment of wrapped text: no space between Han characters. */
void
lay_append(struct pcell *p, const char *text)
{
	int32_t a = 0, b = 0;

	if (p->text.len)
		utf8_last(p->text.s, p->text.len, &a);
	utf8_decode(text, strlen(text), &b);
	if (p->text.len && !uc_is_cjk(a) && !uc_is_cjk(b))
		buf_addc(&p->text, ' ');
	buf_adds(&p->text, text);
	p->last_width = ftext_width(text);
}

/* A cell of form line l on row `row`. */
struct pcell *
lay_place_at(struct lay *y, int row, const struct fline *l,
    const struct fcell *fc, const char *text)
{
	struct pcell *p;

	y->cells = xreallocarray(y->cells, (size_t)y->ncells + 1,
	    sizeof(*y->cells));
	p = &y->cells[y->ncells++];
	memset(p, 0, sizeof(*p));
	p->from = l;
	p->row = row;
	p->col = fc->col;
	p->span = fc->span;
	p->down = fc->down;
	p->kind = fc->kind;
	buf_adds(&p->text, text);
	p->first_width = p->last_width = ftext_width(text);
	return p;
}

/* A cell on the row being built. */
struct pcell *
lay_place(struct lay *y, const struct fline *l, const struct fcell *fc,
    const char *text)
{
	struct pcell *p;

	if (y->carry >= 0 && y->cells[y->carry].col == fc->col) {
		p = &y->cells[y->carry];
		lay_append(p, text);
		y->carry = -1;
	} else
		p = lay_place_at(y, y->nrows - 1, l, fc, text);

	if (fc->col + fc->span - 1 > y->lastcol)
		y->lastcol = fc->col + fc->span - 1;
	y->open = fc->kind == FC_LONG ? y->ncells - 1 : -1;
	return p;
}

/* The cell of the last row in column col, or NULL. */
struct pcell *
lay_last_row_cell(struct lay *y, int col)
{
	int i;

	for (i = y->ncells - 1; i >= 0 && y->cells[i].row == y->nrows - 1;
	    i--)
		if (y->cells[i].col == col)
			return &y->cells[i];
	return NULL;
}

/* Cells that span down cover the rows below that print nothing there. */
static void
span_down(struct lay *y, int *rowspan)
{
	int i, k, r, covered;

	for (i = 0; i < y->ncells; i++) {
		rowspan[i] = 1;
		if (!y->cells[i].down)
			continue;
		for (r = y->cells[i].row + 1; r < (y->cells[i].header ?
		    y->header_rows : y->nrows); r++) {
			for (covered = 0, k = 0; k < y->ncells && !covered; k++)
				covered = y->cells[k].row == r &&
				    y->cells[k].col < y->cells[i].col +
				    y->cells[i].span &&
				    y->cells[k].col + y->cells[k].span >
				    y->cells[i].col;
			if (covered)
				break;
			rowspan[i]++;
		}
	}
}

/* A column's header path: the header cells over it, top to bottom. */
static char *
column_path(const struct lay *y, int col)
{
	struct buf b = BUF_INIT;
	const char *last = NULL;
	int r, i;

	for (r = 0; r < y->header_rows; r++)
		for (i = 0; i < y->ncells; i++) {
			const struct pcell *p = &y->cells[i];

			if (!p->header || p->row != r || col < p->col ||
			    col >= p->col + p->span || p->text.len == 0 ||
			    (last && strcmp(last, p->text.s) == 0))
				continue;
			if (b.len)
				buf_addc(&b, '/');
			buf_adds(&b, p->text.s);
			last = p->text.s;
		}
	return buf_detach(&b);
}

void
lay_emit(struct lay *y, struct grid *g)
{
	struct gcell *gc;
	char name[16], *path;
	int *rowspan, i;

	rowspan = xcalloc((size_t)y->ncells + 1, sizeof(int));
	span_down(y, rowspan);
	for (i = 0; i < y->f->ncols; i++) {
		snprintf(name, sizeof(name), "%d", i + 1);
		path = y->header_rows ? column_path(y, i) : NULL;
		grid_add_col(g, path && *path ? path : name, COL_TEXT);
		free(path);
	}
	g->header_rows = y->header_rows;
	for (i = y->header_rows; i < y->nrows; i++)
		grid_add_row(g, i, y->rowpage[i]);
	for (i = 0; i < y->ncells; i++) {
		if (y->cells[i].text.len == 0)
			continue;
		gc = grid_add_cell(g, y->cells[i].row, y->cells[i].col,
		    rowspan[i], y->cells[i].span, y->cells[i].header,
		    y->cells[i].text.s);
		gc->page = y->rowpage[y->cells[i].row];
	}
	free(rowspan);
}

void
lay_free(struct lay *y)
{
	int i;

	for (i = 0; i < y->ncells; i++)
		buf_free(&y->cells[i].text);
	for (i = 0; i < y->f->nlines; i++)
		free(y->seen[i]);
	for (i = 0; i < y->npending; i++)
		free(y->pending[i]);
	free(y->pending);
	free(y->seen);
	free(y->cells);
	free(y->rowpage);
	buf_free(&y->name);
	free(y->lastword);
	free(y->headtext);
}
