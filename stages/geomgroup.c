/*
 * geomgroup.c - a group's name set once beside the rows it spans.
 *
 * An unruled table names groups of its rows (a unit, a kind of
 * spending) once, in a column otherwise empty: at the group's first row
 * or centred on its rows, between two of them when they are even in
 * number.  The name's cell spans the group.  Where the name stands does
 * not say alone which rows are its, so the groups are solved for: those
 * of one column partition each group of the nearest such column to its
 * left (a unit's rows into its kinds), every group holds its name's
 * row, the last ends at the page's last row, and a name at a group's
 * first row is preferred where both readings fit.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "geomgroup.h"

struct label {
	int	 pos2;		/* twice its row; odd between two rows */
	int	 start;		/* its group's first row, once solved */
};

struct solver {
	struct label	*l;
	int		 n;
	int		 ps;		/* the parent group's first row */
	int		 bound;		/* the first child must start at ps */
	int		 rows;
	char		*failed;	/* n x (rows + 1): (i, end) tried */
};

/* The first row holding an amount: where the body begins. */
static int
body_start(const struct glayout *lay)
{
	int r, i, k;

	for (r = 0; r < lay->nrows; r++)
		for (i = lay->rows[r].first; i < lay->rows[r].first +
		    lay->rows[r].nlines; i++)
			for (k = 0; k < lay->lines[i].n; k++)
				if (span_is_amount(&lay->v[lay->lines[i].spans[k]]))
					return r;
	return -1;
}

/* The centre of row r's line of amounts (its first line if none). */
static double
row_cy(const struct glayout *lay, int r)
{
	int i, k;

	for (i = lay->rows[r].first; i < lay->rows[r].first +
	    lay->rows[r].nlines; i++)
		for (k = 0; k < lay->lines[i].n; k++)
			if (span_is_amount(&lay->v[lay->lines[i].spans[k]]))
				return lay->lines[i].cy;
	return lay->lines[lay->rows[r].first].cy;
}

/*
 * Row r's one span in column c, or NULL: a group's name is one short
 * line, words or a code, never an amount.
 */
static const struct tspan *
name_at(const struct glayout *lay, int r, int c, int *line)
{
	const struct tspan *s, *found = NULL;
	int i, k;

	for (i = lay->rows[r].first; i < lay->rows[r].first +
	    lay->rows[r].nlines; i++)
		for (k = 0; k < lay->lines[i].n; k++) {
			s = &lay->v[lay->lines[i].spans[k]];
			if (glayout_column_of(lay, (s->x0 + s->x1) / 2) != c)
				continue;
			if (found || span_is_amount(s))
				return NULL;
			found = s;
			*line = i;
		}
	return found;
}

/* Twice the row the name of row r stands at: odd between two rows. */
static int
name_pos2(const struct glayout *lay, int r, int line, int first)
{
	double y = lay->lines[line].cy, h = lay->lines[line].height;
	double here = row_cy(lay, r);

	if (r + 1 < lay->nrows && fabs(y - (here + row_cy(lay, r + 1)) / 2) <
	    0.25 * h && fabs(y - here) > 0.25 * h)
		return 2 * r + 1;
	if (r > first && fabs(y - (here + row_cy(lay, r - 1)) / 2) <
	    0.25 * h && fabs(y - here) > 0.25 * h)
		return 2 * r - 1;
	return 2 * r;
}

/*
 * The names of column c from row `first` down, or -1 if c is no column
 * of names: every slot one name or empty, fewer names than half the
 * rows, and some row named.
 */
static int
column_names(const struct glayout *lay, const int *owner, int c, int first,
    struct label *l)
{
	const struct tspan *s;
	int r, n = 0, line;

	for (r = first; r < lay->nrows; r++) {
		if (owner[r * lay->ncols + c] == 0)
			continue;
		if ((s = name_at(lay, r, c, &line)) == NULL)
			return -1;
		l[n].pos2 = name_pos2(lay, r, line, first);
		l[n++].start = -1;
	}
	return n > 0 && 2 * n < lay->nrows - first ? n : -1;
}

/* Can names [0, i] take the rows down to `end`? Sets their starts. */
static int
place(struct solver *sv, int i, int end)
{
	int opt, s, pos2 = sv->l[i].pos2;

	if (sv->failed[i * (sv->rows + 1) + end])
		return 0;
	for (opt = 0; opt < 2; opt++) {
		/* At the group's first row, or centred on its rows. */
		if (opt == 0 && pos2 % 2 != 0)
			continue;
		s = opt == 0 ? pos2 / 2 : pos2 - end;
		if (s < sv->ps || s > end || 2 * s > pos2 || 2 * end < pos2)
			continue;
		if (i == 0 ? (!sv->bound || s == sv->ps) :
		    (s - 1 >= 0 && 2 * (s - 1) >= sv->l[i - 1].pos2 &&
		    place(sv, i - 1, s - 1))) {
			sv->l[i].start = s;
			return 1;
		}
	}
	sv->failed[i * (sv->rows + 1) + end] = 1;
	return 0;
}

/* Append the groups of names [from, to) within parent rows [ps, pe]. */
static int
solve(const struct glayout *lay, struct label *l, int from, int to, int ps,
    int pe, int bound, int c, struct ggroup **out, int *nout)
{
	struct solver sv;
	int i, ok;

	if (from == to)
		return 1;
	sv.l = l + from;
	sv.n = to - from;
	sv.ps = ps;
	sv.bound = bound;
	sv.rows = lay->nrows;
	sv.failed = xcalloc((size_t)sv.n * ((size_t)lay->nrows + 1), 1);
	ok = place(&sv, sv.n - 1, pe);
	free(sv.failed);
	if (!ok)
		return 0;
	for (i = from; i < to; i++) {
		*out = xreallocarray(*out, (size_t)*nout + 1, sizeof(**out));
		(*out)[*nout].col = c;
		(*out)[*nout].r0 = l[i].start;
		(*out)[*nout].r1 = i + 1 < to ? l[i + 1].start - 1 : pe;
		(*out)[*nout].centred = 2 * l[i].start != l[i].pos2;
		(*nout)++;
	}
	return 1;
}

/*
 * The groups of column c, within those of the column of names before it
 * (groups [pfrom, pto) of *out), or within the body when pfrom < 0.
 */
static int
column_groups(const struct glayout *lay, struct label *l, int n, int c,
    int first, int pfrom, int pto, struct ggroup **out, int *nout)
{
	int g, i, j, last = lay->nrows - 1;

	if (pfrom < 0)
		return solve(lay, l, 0, n, first, last, 0, c, out, nout);
	for (g = pfrom, i = 0; g < pto; g++) {
		const struct ggroup pg = (*out)[g];

		for (j = i; j < n && l[j].pos2 <= 2 * pg.r1; j++)
			if (l[j].pos2 < 2 * pg.r0)
				return 0;
		if (!solve(lay, l, i, j, pg.r0, pg.r1, 1, c, out, nout))
			return 0;
		i = j;
	}
	return i == n;
}

/*
 * Only the groups of columns whose names stand centred somewhere: names
 * all at their groups' first rows (codes printed once, at the top of
 * their rows) give no sign that their cells span more, and serve only
 * as the parents of the columns after them.
 */
static int
keep_centred(struct ggroup *g, int n)
{
	int i, k, m = 0, any;

	for (i = 0; i < n; i++) {
		for (k = 0, any = 0; k < n && !any; k++)
			any = g[k].col == g[i].col && g[k].centred;
		if (any)
			g[m++] = g[i];
	}
	return m;
}

/*
 * The cells of group names in an unruled body: each a column's rows
 * r0..r1.  Returns their number; *out is the caller's to free.
 */
int
geomgroup_find(const struct glayout *lay, const int *owner,
    struct ggroup **out)
{
	struct label *l;
	int first, r, c, n, nout = 0, pfrom = -1, pto = -1, before;

	*out = NULL;
	first = body_start(lay);
	if (first < 0 || lay->nrows - first < 4)
		return 0;
	for (r = first + 1; r < lay->nrows; r++)
		if (lay->rows[r].ruled_top)
			return 0;
	l = xmalloc(sizeof(*l) * ((size_t)lay->nrows + 1));
	for (c = 0; c < lay->ncols; c++) {
		if ((n = column_names(lay, owner, c, first, l)) < 0)
			continue;
		before = nout;
		if (!column_groups(lay, l, n, c, first, pfrom, pto, out,
		    &nout)) {
			nout = before;
			continue;
		}
		pfrom = before;
		pto = nout;
	}
	free(l);
	return keep_centred(*out, nout);
}
