/*
 * tabgrid.c - rebuilding a table from a tab-separated dump.
 */
#include <stdlib.h>
#include <string.h>

#include "number.h"
#include "tabgrid.h"

struct fields {
	char	**f;
	int	  n;
	long	  page;
};

static void
split_fields(struct fields *fl, const char *s, long page)
{
	const char *p = s, *e;

	memset(fl, 0, sizeof(*fl));
	fl->page = page;
	for (;;) {
		e = strchr(p, '\t');
		if (e == NULL)
			e = p + strlen(p);
		fl->f = xreallocarray(fl->f, (size_t)fl->n + 1, sizeof(char *));
		fl->f[fl->n++] = xstrndup(p, (size_t)(e - p));
		if (*e == '\0')
			break;
		p = e + 1;
	}
}

static const char *
field(const struct fields *fl, int c)
{
	return c < fl->n && fl->f[c][0] ? fl->f[c] : NULL;
}

static void
free_fields(struct fields *fl, int n)
{
	int i, k;

	for (i = 0; i < n; i++) {
		for (k = 0; k < fl[i].n; k++)
			free(fl[i].f[k]);
		free(fl[i].f);
	}
	free(fl);
}

static int
is_marker_row(const struct fields *fl, const char *marker)
{
	int c;

	for (c = 0; c < fl->n; c++)
		if (fl->f[c][0])
			return marker && strcmp(fl->f[c], marker) == 0;
	return 0;
}

/* What a column's body cells hold, by majority. */
static enum coltype
classify(const struct fields *body, int nbody, int c)
{
	struct num n;
	const char *t;
	int r, amount = 0, code = 0, small = 0, text = 0;

	for (r = 0; r < nbody; r++) {
		if ((t = field(&body[r], c)) == NULL)
			continue;
		if (num_parse(t, strlen(t), &n) && !n.percent) {
			if (n.decimals > 0 || n.grouped)
				amount++;
			else if (num_is_int_code(t, strlen(t)) && strlen(t) >= 3)
				code++;
			else
				small++;
		} else
			text++;
	}
	if (amount && amount >= code + small)
		return COL_AMOUNT;
	if (code > text && code >= small)
		return COL_CODE;
	if (small > text)
		return COL_INT;
	return COL_LABEL;
}

static int
below_has_content(const struct fields *head, int nhead, int row, int c)
{
	int k;

	for (k = row + 1; k < nhead; k++)
		if (field(&head[k], c))
			return 1;
	return 0;
}

/*
 * Header cells: a cell spans the empty fields to its right that have
 * sub-headings below them, and the empty fields below it.
 */
static void
header_cells(struct grid *g, const struct fields *head, int ntree)
{
	int r, c, k, span, down, empty;

	for (r = 0; r < ntree; r++)
		for (c = 0; c < g->ncols; c++) {
			if (field(&head[r], c) == NULL)
				continue;
			for (span = 1; c + span < g->ncols &&
			    field(&head[r], c + span) == NULL &&
			    below_has_content(head, ntree, r, c + span); span++)
				;
			for (down = 1; r + down < ntree; down++) {
				empty = 1;
				for (k = c; k < c + span; k++)
					empty &= field(&head[r + down], k) == NULL;
				if (!empty)
					break;
			}
			grid_add_cell(g, r, c, down, span, 1, field(&head[r], c));
		}
}

/* In the label columns, a label spans the empty label fields after it. */
static int
label_span(const struct grid *g, const struct fields *fl, int c)
{
	int span = 1;

	if (g->cols[c].type == COL_AMOUNT || g->cols[c].type == COL_INT)
		return 1;
	while (c + span < g->ncols && field(fl, c + span) == NULL &&
	    g->cols[c + span].type != COL_AMOUNT &&
	    g->cols[c + span].type != COL_INT)
		span++;
	return span;
}

static void
row_cells(struct grid *g, const struct fields *fl, int row, int header)
{
	struct gcell *cell;
	int c, span;

	for (c = 0; c < g->ncols; c++) {
		if (field(fl, c) == NULL)
			continue;
		span = label_span(g, fl, c);
		cell = grid_add_cell(g, row, c, 1, span, header, field(fl, c));
		cell->page = fl->page;
		c += span - 1;
	}
}

/* The header path of each column: the tree rows' cells above it. */
static void
column_paths(struct grid *g, int ntree)
{
	struct buf path = BUF_INIT;
	const char *last;
	int c, i;

	for (c = 0; c < g->ncols; c++) {
		buf_clear(&path);
		last = NULL;
		for (i = 0; i < g->ncells; i++) {
			const struct gcell *h = &g->cells[i];

			if (!h->header || h->row >= ntree || c < h->col ||
			    c >= h->col + h->colspan)
				continue;
			if (last && strcmp(last, h->text) == 0)
				continue;
			if (path.len)
				buf_addc(&path, '/');
			buf_adds(&path, h->text);
			last = h->text;
		}
		free(g->cols[c].path);
		g->cols[c].path = xstrdup(buf_str(&path));
	}
	buf_free(&path);
}

/*
 * A line with one text field under a row's field: that cell, wrapped,
 * unless the text begins an item or a total of its own.
 */
static int
continues_cell(struct grid *g, struct textrules *tr, const struct fields *fl,
    int prev_row)
{
	struct gcell *above;
	struct buf t = BUF_INIT;
	int c, only = -1, count = 0;

	for (c = 0; c < fl->n; c++)
		if (fl->f[c][0]) {
			only = c;
			count++;
		}
	if (count != 1 || only == 0 || prev_row < 0 ||
	    (above = grid_cell(g, prev_row, only)) == NULL ||
	    g->cols[only].type == COL_AMOUNT ||
	    patlist_match(&tr->item, fl->f[only], strlen(fl->f[only])) != -1 ||
	    patlist_match(&tr->total, fl->f[only], strlen(fl->f[only])) != -1)
		return 0;
	buf_adds(&t, above->text);
	buf_adds(&t, fl->f[only]);
	free(above->text);
	above->text = buf_detach(&t);
	return 1;
}

void
tabgrid_build(struct grid *g, struct textrules *tr, const struct family *f,
    const struct tinput *in)
{
	struct fields *head, *body;
	const char *marker = f ? f->marker : NULL;
	int i, c, ncols = 0, ntree, row, prev = -1;

	head = xcalloc((size_t)in->nhead + 1, sizeof(*head));
	body = xcalloc((size_t)in->nbody + 1, sizeof(*body));
	for (i = 0; i < in->nhead; i++) {
		split_fields(&head[i], in->head[i].text, in->head[i].page);
		if (head[i].n > ncols)
			ncols = head[i].n;
	}
	for (i = 0; i < in->nbody; i++) {
		split_fields(&body[i], in->body[i].text, in->body[i].page);
		if (body[i].n > ncols)
			ncols = body[i].n;
	}
	for (c = 0; c < ncols; c++)
		grid_add_col(g, "", classify(body, in->nbody, c));
	for (ntree = 0; ntree < in->nhead && !is_marker_row(&head[ntree],
	    marker ? marker : "栏次"); ntree++)
		;
	header_cells(g, head, ntree);
	for (i = ntree; i < in->nhead; i++)
		row_cells(g, &head[i], i, 1);
	g->header_rows = in->nhead;
	column_paths(g, ntree);
	for (i = 0, row = g->header_rows; i < in->nbody; i++) {
		if (continues_cell(g, tr, &body[i], prev))
			continue;
		grid_add_row(g, row, body[i].page);
		row_cells(g, &body[i], row, 0);
		prev = row++;
	}
	free_fields(head, in->nhead);
	free_fields(body, in->nbody);
	if (f)
		grid_map_family(g, f);
}

/* ------------------------------------------------------------------ */

static char *
compact(const char *s, size_t n)
{
	struct buf b = BUF_INIT;
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t')
			buf_addc(&b, s[i]);
	return buf_detach(&b);
}

static int
level_matches(const struct fam_level *lv, const char *s, size_t n)
{
	char *want = compact(s, n), *alt;
	int i, hit = 0;

	for (i = 0; i < lv->nalts && !hit; i++) {
		alt = compact(lv->alts[i], strlen(lv->alts[i]));
		hit = strcmp(alt, want) == 0;
		free(alt);
	}
	free(want);
	return hit;
}

/* Whether a printed path ends like the family column's path. */
static int
path_matches(const char *path, const struct fam_col *fc)
{
	const char *end = path + strlen(path), *start;
	int lv = fc->depth - 1;

	if (*path == '\0')
		return 0;
	while (lv >= 0 && end > path) {
		start = end;
		while (start > path && start[-1] != '/')
			start--;
		if (!level_matches(&fc->levels[lv], start, (size_t)(end - start)))
			return 0;
		lv--;
		end = start > path ? start - 1 : path;
		if (start == path)
			break;
	}
	return 1;
}

static int
col_by_canon(const struct grid *g, const char *canon)
{
	int i;

	for (i = 0; i < g->ncols; i++)
		if (g->cols[i].canon && strcmp(g->cols[i].canon, canon) == 0)
			return i;
	return -1;
}

static void
map_sums(struct grid *g, const struct family *f)
{
	int i, k, c, lhs, n, rhs[128];
	size_t len;

	for (i = 0; i < f->nsums; i++) {
		if ((lhs = col_by_canon(g, f->sums[i].lhs)) == -1)
			continue;
		n = 0;
		for (k = 0; k < f->sums[i].nrhs && n < 128; k++) {
			const char *t = f->sums[i].rhs[k];

			len = strlen(t);
			if (len >= 2 && strcmp(t + len - 2, "/*") == 0) {
				for (c = 0; c < g->ncols && n < 128; c++)
					if (c != lhs && g->cols[c].canon &&
					    !g->cols[c].of_which &&
					    strncmp(g->cols[c].canon, t,
					    len - 1) == 0)
						rhs[n++] = c;
			} else if ((c = col_by_canon(g, t)) != -1)
				rhs[n++] = c;
		}
		if (n > 0)
			grid_add_sum(g, lhs, rhs, n);
	}
}

/*
 * Name the printed columns by the family's, so its arithmetic applies and
 * its code columns are known for what they are.
 */
void
grid_map_family(struct grid *g, const struct family *f)
{
	int c, k, used[256];

	memset(used, 0, sizeof(used));
	for (c = 0; c < g->ncols; c++)
		for (k = 0; k < f->ncols && k < 256; k++) {
			if (used[k] || !path_matches(g->cols[c].path,
			    &f->cols[k]))
				continue;
			used[k] = 1;
			free(g->cols[c].canon);
			g->cols[c].canon = xstrdup(f->cols[k].canon);
			g->cols[c].group = f->cols[k].group;
			g->cols[c].of_which = strstr(g->cols[c].path,
			    "其中") != NULL;
			if (f->cols[k].type == COL_CODE ||
			    f->cols[k].type == COL_AMOUNT)
				g->cols[c].type = f->cols[k].type;
			break;
		}
	map_sums(g, f);
}
