/*
 * textform.c - a form rebuilt from a text dump.
 *
 * The dump's lines are read in the order it printed them.  A line that
 * begins with the words of one of the form's rows (部门名称, 年度主要任务)
 * begins that row; the words after fill its values.  Other lines are
 * rows of the small grid in use, their words placed from the right end of
 * the row, where the kinds of the values anchor them (an indicator value,
 * a score, an amount): "资金使用合规性 合规" is the 三级指标 and its value,
 * whatever columns lie to the left.  Cells flow left to right: a line
 * whose first cell lies right of the row's last one goes on that row (a
 * section label alone on its line, then the row it heads), otherwise it
 * begins a new row.  A line of labels alone ("投入管理指标") waits for
 * the row below, which says which columns are left for it.  A text that
 * wraps goes on over the lines that continue it.
 *
 * Cells that the form says span down (a section label, a level of
 * indicators printed once for several) cover the rows below that print
 * nothing in their columns.  Rows whose cells run on over several lines
 * under a header (项目绩效目标表) are formrows.c's; the grid being built
 * is formlay.c's.
 */
#include <stdlib.h>
#include <string.h>

#include "formlay.h"
#include "formrows.h"
#include "formwords.h"
#include "textform.h"
#include "utf8.h"

#define MAX_CANDIDATES	16
#define MAX_WORDS	256

static const struct fline *
form_line(const struct lay *y, int i)
{
	return i >= 0 && i < y->f->nlines ? &y->f->lines[i] : NULL;
}

/*
 * The values between two words of a row: one word each from the right,
 * the leftmost taking what is left over ("主管部门 X 实施单位 Y").  With
 * fewer words than values, a value of a kind the word is not stays empty.
 */
static void
place_values(struct lay *y, const struct fline *l, int from, int to,
    const struct fwords *w, int k0, int k1)
{
	int cells[MAX_CANDIDATES], n = 0, c, t, left;
	char *text;

	for (c = from; c < to && n < MAX_CANDIDATES; c++)
		if (fcell_is_value(&l->cells[c]))
			cells[n++] = c;
	if (n == 0 || k1 <= k0)
		return;
	t = k1 - 1;
	for (c = n - 1; c >= 0 && t >= k0; c--) {
		left = t - k0 + 1;
		if (c > 0 && left <= c &&
		    !fcell_matches(&l->cells[cells[c]], w->v[t]))
			continue;
		if (c == 0) {
			text = fwords_join(w, k0, t + 1);
			lay_place(y, l, &l->cells[cells[c]], text);
			free(text);
			t = k0 - 1;
		} else
			lay_place(y, l, &l->cells[cells[c]], w->v[t--]);
	}
	/* Cells placed right to left: the last one placed is leftmost. */
}

/* Whether w->v[k] is a word printed by l from cell c on. */
static int
is_word_from(const struct fline *l, int c, const char *word)
{
	return fline_word_cell(l, word, c) != -1;
}

/*
 * Fill row line l from cell c with words k.. of the dump's line: its
 * words where they match, the values between them.  Returns the cell
 * reached.  Words left when the row has no cells left for them are the
 * next line's ("预算情况 部门预算总额（万元） 3365.29"): *rest is the
 * first, or w->n; words that fit no word of the row go on its last cell.
 */
static int
fill_row(struct lay *y, const struct fline *l, int c, const struct fwords *w,
    int *rest)
{
	int e, stop, wc, k = 0, placed = y->ncells;
	char *text;

	while (c < l->ncells && l->cells[c].kind == FC_NONE)
		c++;
	while (c < l->ncells && k < w->n) {
		if (l->cells[c].kind == FC_NONE) {
			c++;
			continue;
		}
		if (l->cells[c].kind == FC_WORD) {
			if (fcell_matches(&l->cells[c], w->v[k])) {
				lay_place(y, l, &l->cells[c++], w->v[k++]);
				continue;
			}
			if ((wc = fline_word_cell(l, w->v[k], c + 1)) == -1)
				break;
			c = wc;
			continue;
		}
		e = fline_next_word(l, c);
		for (stop = k; stop < w->n && !is_word_from(l, e, w->v[stop]);
		    stop++)
			;
		place_values(y, l, c, e, w, k, stop);
		k = stop;
		c = e;
	}
	while (c < l->ncells && l->cells[c].kind == FC_NONE)
		c++;
	*rest = w->n;
	if (k < w->n && c == l->ncells)
		*rest = k;
	else if (k < w->n && y->ncells > placed) {
		text = fwords_join(w, k, w->n);
		buf_addc(&y->cells[y->ncells - 1].text, ' ');
		buf_adds(&y->cells[y->ncells - 1].text, text);
		free(text);
	}
	return c;
}

static void
pending_add(struct lay *y, const char *label)
{
	y->pending = xreallocarray(y->pending, (size_t)y->npending + 1,
	    sizeof(char *));
	y->pending[y->npending++] = xstrdup(label);
}

static void
pending_clear(struct lay *y)
{
	int i;

	for (i = 0; i < y->npending; i++)
		free(y->pending[i]);
	y->npending = 0;
}

/*
 * More labels than places: a label wrapped over two lines ("重点工作任务完"
 * / "成").  The shortest joins the one before it.
 */
static void
pending_fit(struct lay *y, int places)
{
	int i, shortest;
	char *joined;

	while (y->npending > places && y->npending > 1) {
		shortest = 1;
		for (i = 2; i < y->npending; i++)
			if (ftext_width(y->pending[i]) <
			    ftext_width(y->pending[shortest]))
				shortest = i;
		joined = xmalloc(strlen(y->pending[shortest - 1]) +
		    strlen(y->pending[shortest]) + 1);
		strcpy(joined, y->pending[shortest - 1]);
		strcat(joined, y->pending[shortest]);
		free(y->pending[shortest - 1]);
		free(y->pending[shortest]);
		y->pending[shortest - 1] = joined;
		memmove(&y->pending[shortest], &y->pending[shortest + 1],
		    sizeof(char *) * (size_t)(y->npending - shortest - 1));
		y->npending--;
	}
}

/* The text cells of grid g left of column col, leftmost first. */
static int
label_cells(const struct fline *g, int col, int *out)
{
	int c, n = 0;

	for (c = 0; c < g->ncells && n < MAX_CANDIDATES; c++)
		if (g->cells[c].kind == FC_TEXT && g->cells[c].col < col)
			out[n++] = c;
	return n;
}

/*
 * Where the waiting labels go: right-aligned in the text cells of g left
 * of column col, at[i] for label i.  0 when g has no such cells.
 */
static int
pending_cells(struct lay *y, const struct fline *g, int col, int *at)
{
	int cand[MAX_CANDIDATES], n, i;

	if ((n = label_cells(g, col, cand)) == 0)
		return 0;
	pending_fit(y, n);
	for (i = 0; i < y->npending; i++)
		at[i] = cand[n - y->npending + i];
	return 1;
}

static void
pending_place(struct lay *y, const struct fline *g, const int *at)
{
	int i;

	for (i = 0; i < y->npending; i++)
		lay_place(y, g, &g->cells[at[i]], y->pending[i]);
	pending_clear(y);
}

/*
 * Labels whose row never came: a row of their own.  (Labels wait only in
 * grids that have text cells for them.)
 */
static void
pending_flush(struct lay *y, const struct fline *g)
{
	int at[MAX_CANDIDATES];

	if (y->npending == 0)
		return;
	if (g == NULL || !pending_cells(y, g, y->f->ncols, at)) {
		pending_clear(y);
		return;
	}
	lay_row_for(y, g->cells[at[0]].col);
	pending_place(y, g, at);
}

static const struct fline *
grid_in_use(struct lay *y)
{
	const struct fline *l = form_line(y, y->line);
	int i;

	if (l && l->repeats)
		return l;
	for (i = y->line + 1; i < y->f->nlines; i++)
		if (y->f->lines[i].repeats) {
			y->line = i;
			return &y->f->lines[i];
		}
	return NULL;
}

static int
has_value_word(const struct fline *g, const struct fwords *w)
{
	int k;

	for (k = 0; k < w->n; k++)
		if (fline_fits_kind(g, w->v[k]))
			return 1;
	return 0;
}

/*
 * Where a line's long text begins: at its first word that is long text,
 * or after the value of a kind that the long text follows ("≥90%" before
 * the 指标值说明, however short the explanation's first line).
 */
static int
long_tail(const struct lay *y, const struct fline *g, const struct fwords *w)
{
	int c, k, shorts = 0, fl = fline_first_long(g);

	if (fl == g->ncells)
		return w->n;
	for (c = 0; c < g->ncells; c++)
		shorts += fcell_is_short(&g->cells[c]);
	if (shorts == 0)
		return 0;
	for (k = 0; k < w->n; k++)
		if (ftext_is_long(y->fs, w->v[k]) ||
		    (fline_has_down_labels(g) &&
		    !ftext_matches(&y->fs->label, w->v[k]) &&
		    !fline_fits_kind(g, w->v[k])))
			return k;
	for (c = fl - 1; c >= 0 && g->cells[c].kind == FC_NONE; c--)
		;
	if (c < 0 || g->cells[c].kind != FC_KIND)
		return w->n;
	for (k = w->n - 1; k >= 0; k--)
		if (fcell_matches(&g->cells[c], w->v[k]))
			return k + 1;
	return w->n;
}

/* The cell the line's last short word goes to. */
static int
anchor_cell(const struct fline *g, const char *last, int before_long)
{
	int c;

	for (c = fline_first_long(g) - 1; c >= 0; c--) {
		if (!fcell_is_short(&g->cells[c]))
			continue;
		if (before_long || fcell_matches(&g->cells[c], last))
			return c;
	}
	return -1;
}

/* The first long cell of g right of the row so far, and whether it is. */
static int
long_cell(const struct lay *y, const struct fline *g, int *same_row)
{
	int c, first = -1;

	for (c = 0; c < g->ncells; c++) {
		if (g->cells[c].kind != FC_LONG)
			continue;
		if (first == -1)
			first = c;
		if (y->nrows > 0 && g->cells[c].col > y->lastcol) {
			*same_row = 1;
			return c;
		}
	}
	*same_row = 0;
	return first;
}

/*
 * Short words from the right: each to the next cell leftwards, a cell
 * of a kind the word is not left empty while there are cells to spare.
 * at[k] gets word k's cell, or -1 for words that go on the next word's.
 */
static void
assign_short(const struct fline *g, const struct fwords *w, int nshort,
    int anchor, int *at)
{
	int c = anchor, t = nshort - 1, spare, k;

	for (k = 0; k < nshort; k++)
		at[k] = -1;
	while (t >= 0 && c >= 0) {
		if (!fcell_is_short(&g->cells[c])) {
			c--;
			continue;
		}
		for (spare = 0, k = c - 1; k >= 0; k--)
			spare += fcell_is_short(&g->cells[k]);
		if (c != anchor && spare >= t + 1 &&
		    !fcell_matches(&g->cells[c], w->v[t])) {
			c--;
			continue;
		}
		at[t--] = c--;
	}
}

/* Whether no word went to a cell of a kind: labels only. */
static int
labels_only(const struct fline *g, const int *at, int nshort, int tail,
    int nwords)
{
	int k;

	if (tail < nwords || !fline_has_down_labels(g))
		return 0;
	for (k = 0; k < nshort; k++)
		if (at[k] >= 0 && g->cells[at[k]].kind != FC_TEXT)
			return 0;
	return 1;
}

/*
 * A line of long text alone: the next long box of the row, or of a new
 * row.  In a grid whose rows are named, a text never makes a row of its
 * own: it goes on the row's text that the dump broke off.
 */
static void
place_long_only(struct lay *y, const struct fline *g, const char *text)
{
	struct pcell *p;
	int same, c = long_cell(y, g, &same);

	if (c < 0)
		return;		/* a grid of no long text: nowhere to go */
	if (!same && fline_names_rows(g) && y->nrows > 0 &&
	    (p = lay_last_row_cell(y, g->cells[c].col)) != NULL) {
		lay_append(p, text);
		return;
	}
	if (!same)
		lay_new_row(y);
	lay_place(y, g, &g->cells[c], text);
}

static void
place_short(struct lay *y, const struct fline *g, const struct fwords *w,
    const int *at, int nshort)
{
	struct pcell *p = NULL;
	int k;

	/* Words left of the first cell go on it: "其中： 财政拨款". */
	for (k = nshort - 1; k >= 0; k--) {
		if (at[k] >= 0) {
			p = lay_place(y, g, &g->cells[at[k]], w->v[k]);
			continue;
		}
		if (p) {
			char *t = xstrdup(p->text.s);

			buf_clear(&p->text);
			buf_adds(&p->text, w->v[k]);
			buf_addc(&p->text, ' ');
			buf_adds(&p->text, t);
			free(t);
		}
	}
}

static int
first_col(const struct fline *g, const int *at, int nshort, int tailcell)
{
	int k, col = tailcell >= 0 ? g->cells[tailcell].col : g->ncells ?
	    g->cells[g->ncells - 1].col + 1 : 0;

	for (k = 0; k < nshort; k++)
		if (at[k] >= 0 && g->cells[at[k]].col < col)
			col = g->cells[at[k]].col;
	return col;
}

/*
 * A row that is one label ending in a colon ("1、资金来源：") goes on in
 * the line below when that line begins in its column: the label is the
 * first part of the next one ("（1）政府预算资金").
 */
static void
label_goes_on(struct lay *y, int col)
{
	struct pcell *p;
	int k;

	if (y->ncells == 0)
		return;
	p = &y->cells[y->ncells - 1];
	if (p->row != y->nrows - 1 || p->kind != FC_TEXT || p->col != col ||
	    !ftext_matches(&y->fs->opens, p->text.s))
		return;
	for (k = 0; k < y->ncells - 1; k++)
		if (y->cells[k].row == p->row && y->cells[k].col >= col)
			return;
	y->carry = y->ncells - 1;
	y->lastcol = col - 1;
}

/* The first long cell right of cell c. */
static int
long_after(const struct fline *g, int c)
{
	for (c++; c < g->ncells; c++)
		if (g->cells[c].kind == FC_LONG)
			return c;
	return -1;
}

/*
 * A dump that prints a cell a line ("1214.20" / "1377.92" / ...): words
 * that fit, in order, the cells right of the row so far go on the row.
 * at[k] gets word k's cell.
 */
static int
flows_on(const struct lay *y, const struct fline *g, const struct fwords *w,
    int *at)
{
	int c = 0, k;

	if (y->nrows == 0 || y->npending || w->n > MAX_WORDS)
		return 0;
	for (k = 0; k < w->n; k++) {
		for (; c < g->ncells; c++) {
			if (g->cells[c].col <= y->lastcol ||
			    !fcell_is_short(&g->cells[c]))
				continue;
			if (fcell_matches(&g->cells[c], w->v[k]))
				break;
			if (g->cells[c].kind == FC_TEXT)
				return 0;
		}
		if (c == g->ncells)
			return 0;
		at[k] = c++;
	}
	return 1;
}

static void
grid_line(struct lay *y, const struct fline *g, const struct fwords *w)
{
	int at[MAX_WORDS], pend[MAX_CANDIDATES], tail, anchor, tailcell = -1;
	int i, first, nshort;
	char *text;

	tail = long_tail(y, g, w);
	if (tail == w->n && flows_on(y, g, w, at)) {
		for (i = 0; i < w->n; i++)
			lay_place(y, g, &g->cells[at[i]], w->v[i]);
		return;
	}
	nshort = tail < MAX_WORDS ? tail : MAX_WORDS;
	anchor = nshort ? anchor_cell(g, w->v[nshort - 1], tail < w->n) : -1;
	if (nshort && anchor < 0)
		anchor = anchor_cell(g, w->v[nshort - 1], 1);
	if (anchor < 0) {
		text = fwords_join(w, 0, w->n);
		pending_flush(y, g);
		place_long_only(y, g, text);
		free(text);
		return;
	}
	assign_short(g, w, nshort, anchor, at);
	if (labels_only(g, at, nshort, tail, w->n)) {
		for (i = 0; i < nshort; i++)
			pending_add(y, w->v[i]);
		return;
	}
	if (tail < w->n)
		tailcell = long_after(g, anchor);
	first = first_col(g, at, nshort, tailcell);
	if (y->npending && !pending_cells(y, g, first, pend))
		pending_flush(y, g);
	if (y->npending)
		first = g->cells[pend[0]].col;
	else
		label_goes_on(y, first);
	lay_row_for(y, first);
	pending_place(y, g, pend);
	place_short(y, g, w, at, nshort);
	y->carry = -1;
	if (tailcell >= 0) {
		text = fwords_join(w, tail, w->n);
		lay_place(y, g, &g->cells[tailcell], text);
		free(text);
	}
}

/*
 * Whether a line goes on the long text before it: it cannot begin a text,
 * or the text has not ended and its last line was as wide as its first
 * (a wrapped cell's lines fill its width, all but the last).  Not a line
 * with a value, which is a row of the grid; nor a short line that is a
 * bare label ("产出指标") in a grid of levels printed once for several
 * rows, or the name of the next row when a long text follows it.
 */
static int
continues_long(struct lay *y, const struct fwords *w, const char *line,
    const char *next)
{
	const struct fline *g = form_line(y, y->line);
	struct pcell *p;

	if (y->open < 0)
		return 0;
	p = &y->cells[y->open];
	if (g && g->repeats && has_value_word(g, w))
		return 0;
	if (ftext_matches(&y->fs->begins, line))
		return 1;
	if (ftext_matches(&y->fs->ends, p->text.s) ||
	    p->last_width + 4 < p->first_width)
		return 0;
	if (g && g->repeats && fline_names_rows(g) && w->n > 1 &&
	    !ftext_is_long(y->fs, w->v[0]) &&
	    ftext_is_long(y->fs, w->v[w->n - 1]))
		return 0;	/* a name and its text: the next row */
	if (ftext_width(line) + 4 >= p->first_width || g == NULL || !g->repeats)
		return 1;
	if (fline_has_down_labels(g) && ftext_matches(&y->fs->label, line))
		return 0;
	return !(fline_names_rows(g) && !ftext_is_long(y->fs, line) && next &&
	    ftext_is_long(y->fs, next));
}

/* A line of the grid or rows in use, if there is one. */
static void
grid_or_rows_line(struct lay *y, const struct fwords *w)
{
	const struct fline *g = grid_in_use(y);

	if (g && g->type == FL_ROWS)
		formrows_line(y, g, w);
	else if (g)
		grid_line(y, g, w);
}

/* The words of a line from `from` on, as a line of their own. */
static void
rest_of_line(struct lay *y, const struct fwords *w, int from)
{
	struct fwords rest;

	if (from >= w->n)
		return;
	rest.v = w->v + from;	/* borrowed: not freed */
	rest.n = w->n - from;
	grid_or_rows_line(y, &rest);
}

static void
begin_row_line(struct lay *y, int i, int c, const struct fwords *w,
    const char *line)
{
	const struct fline *l = &y->f->lines[i];
	int rest;

	pending_flush(y, form_line(y, y->line));
	if (i != y->line || y->nrows == 0)
		lay_row_for(y, l->cells[c].col);
	if (y->seen[i] == NULL)
		y->seen[i] = xstrdup(line);
	y->line = i;
	y->next = fill_row(y, l, c, w, &rest);
	rest_of_line(y, w, rest);
}

/*
 * A line that begins a row of the form: a later one, the rest of the row
 * in use, or the form's first row again (the form printed once more).
 * A row printed again word for word is a page's repeated top: dropped.
 */
static int
begins_row(struct lay *y, const struct fwords *w, const char *line)
{
	const struct fline *l;
	int i, c;

	for (i = y->line < 0 ? 0 : y->line; i < y->f->nlines; i++) {
		l = &y->f->lines[i];
		if (l->repeats)
			continue;
		c = fline_word_cell(l, w->v[0], i == y->line ? y->next : 0);
		if (c >= 0) {
			begin_row_line(y, i, c, w, line);
			return 1;
		}
	}
	for (i = 0; i < y->line; i++) {
		l = &y->f->lines[i];
		if (l->repeats ||
		    fline_word_cell(l, w->v[0], 0) != fline_first_word(l))
			continue;
		if (y->seen[i] && strcmp(y->seen[i], line) == 0)
			return 1;
		if (i == 0) {
			begin_row_line(y, i, fline_first_word(l), w, line);
			return 1;
		}
	}
	return 0;
}

/* The values a row line still waits for ("年度履职目标" / its text). */
static int
fills_row(struct lay *y, const struct fwords *w)
{
	const struct fline *l = form_line(y, y->line);
	int rest;

	if (l == NULL || l->repeats || y->next >= l->ncells ||
	    !fcell_is_value(&l->cells[y->next]))
		return 0;
	y->next = fill_row(y, l, y->next, w, &rest);
	rest_of_line(y, w, rest);
	return 1;
}

static int
is_furniture(struct lay *y, const char *line)
{
	size_t n = strlen(line);

	return patlist_match(&y->tr->furniture, line, n) != -1 ||
	    patlist_match(&y->tr->page_number, line, n) != -1;
}


/* Whether s begins with prefix, spaces aside. */
static int
begins_with(const char *s, const char *prefix)
{
	while (*prefix) {
		if (*s == ' ' || *s == '\t')
			s++;
		else if (*prefix == ' ' || *prefix == '\t')
			prefix++;
		else if (*s++ != *prefix++)
			return 0;
	}
	return 1;
}

/*
 * The running head at the top of a page the form goes on to: the
 * department's name and the report's ("XX局 2023 年部门预算").
 */
static int
is_running_head(const struct lay *y, const char *line, long page)
{
	return y->nrows > 0 && page != y->page && y->entity &&
	    *y->entity && begins_with(line, y->entity);
}

/*
 * The words that begin one of the rows to come, run by the dump onto the
 * end of a text ("…做好资金拨付和绩效评价。预算情况"): where they begin,
 * right after the text's end, or 0.
 */
static size_t
row_words_at_end(const struct lay *y, const char *line)
{
	const struct fline *l;
	size_t n = strlen(line), k;
	char *head;
	int i, c, a, ended;

	for (i = y->line < 0 ? 0 : y->line; i < y->f->nlines; i++) {
		l = &y->f->lines[i];
		if (l->repeats || (c = fline_first_word(l)) < 0)
			continue;
		for (a = 0; a < l->cells[c].nalts; a++) {
			k = strlen(l->cells[c].alts[a]);
			if (k == 0 || k >= n ||
			    strcmp(line + n - k, l->cells[c].alts[a]) != 0)
				continue;
			head = xstrndup(line, n - k);
			ended = ftext_matches(&y->fs->ends, head);
			free(head);
			if (ended)
				return n - k;
		}
	}
	return 0;
}

static void
take_line(struct lay *y, const char *raw, const char *next, long page)
{
	struct fwords w;
	char *line = fwords_unglue(y->fs, raw), *head;
	int skip = is_running_head(y, raw, page);
	size_t cut;

	if (!skip && (cut = row_words_at_end(y, line)) > 0) {
		head = xstrndup(line, cut);
		take_line(y, head, line + cut, page);
		take_line(y, line + cut, next, page);
		free(head);
		free(line);
		return;
	}
	fwords_split(&w, line);
	fwords_split_row_words(y->f, &w);
	if (page != y->page)
		y->top = 1;
	if (y->headtext && (!y->body || y->top) && w.n > 0 &&
	    formhead_is_line(y, &w, y->top))
		skip = 1;	/* the header, or its repeat atop a page */
	else if (w.n > 0 && !skip)
		y->top = 0;
	y->page = page;
	if (w.n == 0 || skip || is_furniture(y, raw))
		;
	else if (begins_row(y, &w, line))
		;
	else if (continues_long(y, &w, line, next))
		lay_append(&y->cells[y->open], line);
	else if (fills_row(y, &w))
		;
	else
		grid_or_rows_line(y, &w);
	fwords_free(&w);
	free(line);
}

static int
cmp_lines(const void *a, const void *b)
{
	const struct tline *x = *(const struct tline *const *)a;
	const struct tline *y = *(const struct tline *const *)b;

	return x->lineno < y->lineno ? -1 : x->lineno > y->lineno;
}

/* Whether a caption line is one of the form's rows ("部门名称 X"). */
static int
caption_row(const struct form *f, const char *text)
{
	struct fwords w;
	int i, hit = 0;

	fwords_split(&w, text);
	for (i = 0; i < f->nlines && w.n > 0 && !hit; i++)
		hit = !f->lines[i].repeats &&
		    fline_word_cell(&f->lines[i], w.v[0], 0) ==
		    fline_first_word(&f->lines[i]) &&
		    fline_first_word(&f->lines[i]) >= 0;
	fwords_free(&w);
	return hit;
}

/*
 * table-segment puts a form's first rows in the caption when they name
 * the department, and orders a dump printed column by column into head
 * and body: the source order is what the form reads.
 */
static const struct tline **
gather(const struct form *f, const struct tinput *in, int *n)
{
	const struct tline **v;
	int i;

	v = xcalloc((size_t)(in->nhead + in->nbody + in->ncaption + 1),
	    sizeof(*v));
	*n = 0;
	for (i = 0; i < in->ncaption; i++)
		if (caption_row(f, in->caption[i].text))
			v[(*n)++] = &in->caption[i];
	for (i = 0; i < in->nhead; i++)
		v[(*n)++] = &in->head[i];
	for (i = 0; i < in->nbody; i++)
		v[(*n)++] = &in->body[i];
	qsort(v, (size_t)*n, sizeof(*v), cmp_lines);
	return v;
}

/*
 * Where two long texts ran into one: at the sentence end nearest the
 * middle (the two boxes hold texts of a size), or 0.
 */
static size_t
split_point(const struct forms *fs, const char *s)
{
	size_t n = strlen(s), best = 0, i, k, d, bestd = 0;
	int32_t c;

	for (i = 0; i < n; i += k) {
		k = utf8_decode(s + i, n - i, &c);
		if (i + k >= n)
			break;
		if (!regex_match((struct regex *)&fs->ends, s + i, k))
			continue;
		d = i + k > n / 2 ? i + k - n / 2 : n / 2 - i - k;
		if (best == 0 || d < bestd) {
			best = i + k;
			bestd = d;
		}
	}
	return best;
}

/* The long cell of p's form line right of p, if no cell lies there. */
static const struct fcell *
free_long_right(const struct lay *y, const struct pcell *p)
{
	const struct fcell *next = NULL;
	int c, k;

	for (c = 0; c < p->from->ncells && next == NULL; c++)
		if (p->from->cells[c].kind == FC_LONG &&
		    p->from->cells[c].col > p->col)
			next = &p->from->cells[c];
	for (k = 0; next && k < y->ncells; k++)
		if (y->cells[k].row == p->row && y->cells[k].col > p->col)
			return NULL;
	return next;
}

/*
 * A row of long texts side by side (预期目标 | 实际完成情况) that the dump
 * ran into one line: the first box holds both, the next is empty.
 */
static void
split_glued(struct lay *y)
{
	const struct fcell *fc;
	struct pcell *p;
	size_t at;
	char *second;
	int i, n = y->ncells;

	for (i = 0; i < n; i++) {
		p = &y->cells[i];
		if (p->kind != FC_LONG ||
		    (fc = free_long_right(y, p)) == NULL ||
		    (at = split_point(y->fs, p->text.s)) == 0)
			continue;
		second = xstrdup(p->text.s + at);
		p->text.len = at;
		p->text.s[at] = '\0';
		lay_place_at(y, p->row, p->from, fc, second);
		free(second);
	}
}

void
textform_build(struct grid *g, struct textrules *tr, const struct forms *fs,
    const struct form *f, const struct tinput *in)
{
	const struct tline **lines;
	struct lay y;
	int i, n;

	lay_init(&y, fs, f, tr);
	y.entity = rec_attr(&in->attrs, "entity");
	lines = gather(f, in, &n);
	if ((y.headtext = formhead_text(f)) != NULL)
		formhead_place(&y, lines, n);
	for (i = 0; i < n; i++)
		take_line(&y, lines[i]->text, i + 1 < n ? lines[i + 1]->text :
		    NULL, lines[i]->page);
	pending_flush(&y, grid_in_use(&y));
	if (form_rows_line(f))
		formrows_flush(&y, form_rows_line(f));
	split_glued(&y);
	lay_emit(&y, g);
	free(lines);
	lay_free(&y);
}

/* How many of the table's lines begin with a word of the form's rows. */
static int
words_printed(const struct form *f, const struct tinput *in)
{
	int i, hits = 0;

	for (i = 0; i < in->ncaption; i++)
		hits += caption_row(f, in->caption[i].text);
	for (i = 0; i < in->nhead; i++)
		hits += caption_row(f, in->head[i].text);
	for (i = 0; i < in->nbody; i++)
		hits += caption_row(f, in->body[i].text);
	return hits;
}

/* The form the table's title names; of its variants, the one it prints. */
const struct form *
textform_find(const struct forms *fs, const struct tinput *in)
{
	const struct form *cands[MAX_CANDIDATES];
	int i, n, hits, best = 0, best_hits = -1;

	n = forms_all_by_title(fs, rec_attr(&in->attrs, "title"), cands,
	    MAX_CANDIDATES);
	for (i = 0; i < n && n > 1; i++)
		if ((hits = words_printed(cands[i], in)) > best_hits) {
			best = i;
			best_hits = hits;
		}
	return n ? cands[best] : NULL;
}
