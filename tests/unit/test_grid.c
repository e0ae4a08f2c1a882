/*
 * test_grid.c - the grid's cell look-up, against a scan of every cell.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "grid.h"
#include "tap.h"

/* What grid_cell answered before it had an index: the first match. */
static struct gcell *
scan(struct grid *g, int row, int col)
{
	int i;

	for (i = 0; i < g->ncells; i++)
		if (g->cells[i].row == row && g->cells[i].col == col)
			return &g->cells[i];
	return NULL;
}

/* Every place of a rows x cols area (and around it) gives the scan's answer. */
static int
disagreements(struct grid *g, int rows, int cols)
{
	int r, c, bad = 0;

	for (r = -2; r < rows + 2; r++)
		for (c = -1; c < cols + 1; c++)
			bad += grid_cell(g, r, c) != scan(g, r, c);
	return bad;
}

static void
finds_cells_as_added(void)
{
	struct grid g;
	int r, c;

	grid_init(&g);
	ok(grid_cell(&g, 0, 0) == NULL, "an empty grid has no cells");
	for (r = 0; r < 3000; r++)
		for (c = 0; c < 6; c++)
			if ((r + c) % 3 != 0)
				grid_add_cell(&g, r, c, 1, 1, r < 2, "x");
	is_int(disagreements(&g, 3000, 6), 0, "3000 rows: every place found");
	grid_add_cell(&g, 5, 2, 1, 1, 0, "second");
	is_str(grid_cell(&g, 5, 2)->text, "x",
	    "of two cells at one place, the first added");
	grid_add_cell(&g, 6, 0, 1, 1, 0, "new");
	is_str(grid_text(&g, 6, 0), "new", "a cell added after a look-up");
	grid_add_cell(&g, -1, 2, 1, 1, 1, "");
	ok(grid_cell(&g, -1, 2) != NULL && grid_text(&g, -1, 2) == NULL,
	    "an empty cell is there, without text");
	grid_add_cell(&g, 1 << 30, 3, 1, 1, 0, "far");
	is_str(grid_text(&g, 1 << 30, 3), "far", "any row number");
	grid_free(&g);
}

static void
follows_a_cell_moved_to_another_column(void)
{
	struct grid g;
	struct gcell *c;

	grid_init(&g);
	grid_add_cell(&g, 4, 2, 1, 1, 0, "合计");
	grid_add_cell(&g, 4, 5, 1, 1, 0, "1.00");
	c = grid_cell(&g, 4, 2);
	c->col = 0;	/* as textrows' span_label does */
	ok(grid_cell(&g, 4, 2) == NULL, "gone from its old column");
	is_str(grid_text(&g, 4, 0), "合计", "found in its new column");
	is_int(disagreements(&g, 6, 6), 0, "nothing else changed");
	grid_free(&g);
}

static int
by_col_then_row(const void *a, const void *b)
{
	const struct gcell *x = a, *y = b;

	if (x->col != y->col)
		return x->col < y->col ? -1 : 1;
	return x->row < y->row ? -1 : x->row > y->row;
}

static void
survives_cells_reordered(void)
{
	struct grid g;
	int r, c;

	grid_init(&g);
	for (r = 0; r < 50; r++)
		for (c = 5; c >= 0; c--)
			grid_add_cell(&g, r, c, 1, 1, 0, "v");
	grid_add_cell(&g, 3, 3, 1, 1, 0, "dup");
	is_int(disagreements(&g, 50, 6), 0, "indexed");
	/* geomgrid sorts g->cells in place after building them. */
	qsort(g.cells, (size_t)g.ncells, sizeof(*g.cells), by_col_then_row);
	is_int(disagreements(&g, 50, 6), 0, "still right after a sort");
	grid_free(&g);
}

int
main(void)
{
	finds_cells_as_added();
	follows_a_cell_moved_to_another_column();
	survives_cells_reordered();
	return tap_done();
}
