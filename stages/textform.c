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
 * nothing in their columns.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "textform.h"
#include "textjoin.h"
#include "utf8.h"

#define MAX_CANDIDATES	16
#define MAX_WORDS	256

struct pcell {
	const struct fline *from;	/* the form line it is a cell of */
	int		 row, col, span, down, header;
	enum fcell_kind	 kind;
	struct buf	 text;
	int		 first_width;	/* of its first fragment */
	int		 last_width;	/* of its last */
};

struct lay {
	const struct forms *fs;
	const struct form *f;
	struct textrules *tr;
	struct pcell	*cells;
	int		 ncells;
	long		*rowpage;
	int		 nrows;
	int		 lastcol;	/* rightmost column of the row so far */
	int		 line;		/* the form line in use, -1 before any */
	int		 next;		/* a row line: its next cell to fill */
	int		 open;		/* a long cell later lines go on, or -1 */
	char		**seen;		/* per form line: the dump line that began it */
	char		**pending;	/* labels waiting for the row below */
	int		 npending;
	int		 carry;		/* a label the next line goes on, or -1 */
	struct buf	 name;		/* rows: a name its value places */
	char		*lastword;	/* rows: the name's last word */
	int		 rlast;		/* rows: the row's last cell filled */
	int		 body;		/* rows: a row has begun */
	int		 top;		/* at a page's top, before its first row */
	char		*headtext;	/* the header's words, run together */
	int		 header_rows;
	long		 page;		/* of the line being read */
	const char	*entity;	/* the department, from the caption */
};

struct words {
	char	**v;
	int	  n;
};

struct tl {
	const struct tline *l;
};

/* ------------------------------------------------------------------ */
/* words */

static void
words_split(struct words *w, const char *s)
{
	const char *p = s, *start = NULL;
	int32_t c;
	size_t k;

	memset(w, 0, sizeof(*w));
	for (;;) {
		k = *p ? utf8_decode(p, strlen(p), &c) : 0;
		if (*p == '\0' || uc_is_space(c)) {
			if (start) {
				w->v = xreallocarray(w->v, (size_t)w->n + 1,
				    sizeof(char *));
				w->v[w->n++] = xstrndup(start,
				    (size_t)(p - start));
				start = NULL;
			}
			if (*p == '\0')
				break;
		} else if (start == NULL)
			start = p;
		p += k;
	}
}

static void
words_free(struct words *w)
{
	int i;

	for (i = 0; i < w->n; i++)
		free(w->v[i]);
	free(w->v);
	memset(w, 0, sizeof(*w));
}

static char *
words_join(const struct words *w, int from, int to)
{
	struct buf b = BUF_INIT;
	int i;

	for (i = from; i < to; i++) {
		if (b.len)
			buf_addc(&b, ' ');
		buf_adds(&b, w->v[i]);
	}
	return buf_detach(&b);
}

/* The line without the spaces that sit inside one cell ("669.93 万元"). */
static char *
unglued(const struct forms *fs, const char *s)
{
	struct buf b = BUF_INIT;
	size_t n = strlen(s), at = 0, start, end;
	struct regex *rx = (struct regex *)&fs->glue;

	while (at < n && pcre2_match(rx->code, (PCRE2_SPTR)s, n, at, 0,
	    rx->md, NULL) >= 0) {
		regex_span(rx, &start, &end);
		if (end == start)
			break;		/* a pattern that takes out nothing */
		buf_add(&b, s + at, start - at);
		at = end;
	}
	buf_add(&b, s + at, n - at);
	return buf_detach(&b);
}

static int
width(const char *s)
{
	return tj_width(s, strlen(s));
}

static int
is_long_text(const struct lay *y, const char *s)
{
	return regex_match((struct regex *)&y->fs->longtext, s, strlen(s)) ||
	    (y->fs->longwidth > 0 && width(s) >= y->fs->longwidth);
}

static int
matches(const struct regex *rx, const char *s)
{
	return regex_match((struct regex *)rx, s, strlen(s));
}

/*
 * A word that is several of the form's row words run together, as a
 * dump printing a cell a line may leave them ("年初预算数全年预算数"):
 * whether such words cover it from byte `at` to its end.  next[at] gets
 * the length of the first; known[at] remembers the answer (1 yes, 2 no),
 * so no end is tried twice.
 */
static int
covered_by_row_words(const struct form *f, const char *s, size_t at,
    size_t *next, unsigned char *known)
{
	const struct fcell *c;
	size_t n = strlen(s + at), k;
	int i, j, a;

	if (n == 0)
		return 1;
	if (known[at])
		return known[at] == 1;
	known[at] = 2;
	for (i = 0; i < f->nlines; i++) {
		if (f->lines[i].type != FL_ROW)
			continue;
		for (j = 0; j < f->lines[i].ncells; j++) {
			c = &f->lines[i].cells[j];
			for (a = 0; c->kind == FC_WORD && a < c->nalts; a++) {
				k = strlen(c->alts[a]);
				if (k == 0 || k > n ||
				    strncmp(s + at, c->alts[a], k) != 0 ||
				    !covered_by_row_words(f, s, at + k, next,
				    known))
					continue;
				next[at] = k;
				known[at] = 1;
				return 1;
			}
		}
	}
	return 0;
}

static void
split_row_words(const struct form *f, struct words *w)
{
	struct words out;
	unsigned char *known;
	size_t *next, at, len;
	int k;

	memset(&out, 0, sizeof(out));
	for (k = 0; k < w->n; k++) {
		len = strlen(w->v[k]);
		next = xcalloc(len + 1, sizeof(*next));
		known = xcalloc(len + 1, 1);
		if (covered_by_row_words(f, w->v[k], 0, next, known) &&
		    next[0] < len) {
			for (at = 0; at < len; at += next[at]) {
				out.v = xreallocarray(out.v, (size_t)out.n + 1,
				    sizeof(char *));
				out.v[out.n++] = xstrndup(w->v[k] + at,
				    next[at]);
			}
			free(w->v[k]);
		} else {
			out.v = xreallocarray(out.v, (size_t)out.n + 1,
			    sizeof(char *));
			out.v[out.n++] = w->v[k];
		}
		free(next);
		free(known);
	}
	free(w->v);
	*w = out;
}

/* ------------------------------------------------------------------ */
/* placing cells */

static void
new_row(struct lay *y)
{
	y->rowpage = xreallocarray(y->rowpage, (size_t)y->nrows + 1,
	    sizeof(*y->rowpage));
	y->rowpage[y->nrows++] = y->page;
	y->lastcol = -1;
	y->open = -1;
}

/* A row for cells from column col on: this one if they lie right of it. */
static void
row_for(struct lay *y, int col)
{
	if (y->nrows == 0 || col <= y->lastcol)
		new_row(y);
}

/* A fragment of wrapped text: no space between Han characters. */
static void
append_fragment(struct pcell *p, const char *text)
{
	int32_t a = 0, b = 0;

	if (p->text.len)
		utf8_last(p->text.s, p->text.len, &a);
	utf8_decode(text, strlen(text), &b);
	if (p->text.len && !uc_is_cjk(a) && !uc_is_cjk(b))
		buf_addc(&p->text, ' ');
	buf_adds(&p->text, text);
	p->last_width = width(text);
}

static struct pcell *
place_at(struct lay *y, int row, const struct fline *l, const struct fcell *fc,
    const char *text)
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
	p->first_width = p->last_width = width(text);
	return p;
}

/* A cell on the row being built. */
static struct pcell *
place(struct lay *y, const struct fline *l, const struct fcell *fc,
    const char *text)
{
	struct pcell *p;

	if (y->carry >= 0 && y->cells[y->carry].col == fc->col) {
		p = &y->cells[y->carry];
		append_fragment(p, text);
		y->carry = -1;
	} else
		p = place_at(y, y->nrows - 1, l, fc, text);

	if (fc->col + fc->span - 1 > y->lastcol)
		y->lastcol = fc->col + fc->span - 1;
	y->open = fc->kind == FC_LONG ? y->ncells - 1 : -1;
	return p;
}

/* ------------------------------------------------------------------ */
/* the form's lines */

static const struct fline *
form_line(const struct lay *y, int i)
{
	return i >= 0 && i < y->f->nlines ? &y->f->lines[i] : NULL;
}

/* The first cell from `from` on that prints the word, or -1. */
static int
word_cell(const struct fline *l, const char *word, int from)
{
	int c;

	for (c = from; c < l->ncells; c++)
		if (l->cells[c].kind == FC_WORD &&
		    fcell_matches(&l->cells[c], word))
			return c;
	return -1;
}

static int
first_word_cell(const struct fline *l)
{
	int c;

	for (c = 0; c < l->ncells; c++)
		if (l->cells[c].kind == FC_WORD)
			return c;
	return -1;
}

static int
is_value(const struct fcell *c)
{
	return c->kind == FC_TEXT || c->kind == FC_LONG || c->kind == FC_KIND;
}

static int
has_down_labels(const struct fline *g)
{
	int c;

	for (c = 0; c < g->ncells; c++)
		if (g->cells[c].kind == FC_TEXT && g->cells[c].down)
			return 1;
	return 0;
}

/* Whether grid g names its rows: a text cell before its long text. */
static int
names_rows(const struct fline *g)
{
	int c;

	for (c = 0; c < g->ncells && g->cells[c].kind != FC_LONG; c++)
		if (g->cells[c].kind == FC_TEXT)
			return 1;
	return 0;
}

/*
 * The values between two words of a row: one word each from the right,
 * the leftmost taking what is left over ("主管部门 X 实施单位 Y").  With
 * fewer words than values, a value of a kind the word is not stays empty.
 */
static void
place_values(struct lay *y, const struct fline *l, int from, int to,
    const struct words *w, int k0, int k1)
{
	int cells[MAX_CANDIDATES], n = 0, c, t, left;
	char *text;

	for (c = from; c < to && n < MAX_CANDIDATES; c++)
		if (is_value(&l->cells[c]))
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
			text = words_join(w, k0, t + 1);
			place(y, l, &l->cells[cells[c]], text);
			free(text);
			t = k0 - 1;
		} else
			place(y, l, &l->cells[cells[c]], w->v[t--]);
	}
	/* Cells placed right to left: the last one placed is leftmost. */
}

/* Index of the next word cell of l from c on, or l->ncells. */
static int
next_word(const struct fline *l, int c)
{
	while (c < l->ncells && l->cells[c].kind != FC_WORD)
		c++;
	return c;
}

/* Whether w->v[k] is a word printed by l from cell c on. */
static int
is_word_from(const struct fline *l, int c, const char *word)
{
	return word_cell(l, word, c) != -1;
}

/*
 * Fill row line l from cell c with words k.. of the dump's line: its
 * words where they match, the values between them.  Returns the cell
 * reached.  Words left when the row has no cells left for them are the
 * next line's ("预算情况 部门预算总额（万元） 3365.29"): *rest is the
 * first, or w->n; words that fit no word of the row go on its last cell.
 */
static int
fill_row(struct lay *y, const struct fline *l, int c, const struct words *w,
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
				place(y, l, &l->cells[c++], w->v[k++]);
				continue;
			}
			if ((wc = word_cell(l, w->v[k], c + 1)) == -1)
				break;
			c = wc;
			continue;
		}
		e = next_word(l, c);
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
		text = words_join(w, k, w->n);
		buf_addc(&y->cells[y->ncells - 1].text, ' ');
		buf_adds(&y->cells[y->ncells - 1].text, text);
		free(text);
	}
	return c;
}

/* ------------------------------------------------------------------ */
/* labels that wait for their row */

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
			if (width(y->pending[i]) < width(y->pending[shortest]))
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
		place(y, g, &g->cells[at[i]], y->pending[i]);
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
	row_for(y, g->cells[at[0]].col);
	pending_place(y, g, at);
}

/* ------------------------------------------------------------------ */
/* grid lines */

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
is_short_cell(const struct fcell *c)
{
	return c->kind == FC_TEXT || c->kind == FC_KIND;
}

/* Whether a word is a value of one of grid g's kinds. */
static int
fits_a_kind(const struct fline *g, const char *word)
{
	int c;

	for (c = 0; c < g->ncells; c++)
		if (g->cells[c].kind == FC_KIND &&
		    fcell_matches(&g->cells[c], word))
			return 1;
	return 0;
}

static int
has_value_word(const struct fline *g, const struct words *w)
{
	int k;

	for (k = 0; k < w->n; k++)
		if (fits_a_kind(g, w->v[k]))
			return 1;
	return 0;
}

/* The first long cell of grid g, or g->ncells. */
static int
first_long(const struct fline *g)
{
	int c;

	for (c = 0; c < g->ncells; c++)
		if (g->cells[c].kind == FC_LONG)
			break;
	return c;
}

/*
 * Where a line's long text begins: at its first word that is long text,
 * or after the value of a kind that the long text follows ("≥90%" before
 * the 指标值说明, however short the explanation's first line).
 */
static int
long_tail(const struct lay *y, const struct fline *g, const struct words *w)
{
	int c, k, shorts = 0, fl = first_long(g);

	if (fl == g->ncells)
		return w->n;
	for (c = 0; c < g->ncells; c++)
		shorts += is_short_cell(&g->cells[c]);
	if (shorts == 0)
		return 0;
	for (k = 0; k < w->n; k++)
		if (is_long_text(y, w->v[k]) || (has_down_labels(g) &&
		    !matches(&y->fs->label, w->v[k]) && !fits_a_kind(g, w->v[k])))
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

	for (c = first_long(g) - 1; c >= 0; c--) {
		if (!is_short_cell(&g->cells[c]))
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
assign_short(const struct fline *g, const struct words *w, int nshort,
    int anchor, int *at)
{
	int c = anchor, t = nshort - 1, spare, k;

	for (k = 0; k < nshort; k++)
		at[k] = -1;
	while (t >= 0 && c >= 0) {
		if (!is_short_cell(&g->cells[c])) {
			c--;
			continue;
		}
		for (spare = 0, k = c - 1; k >= 0; k--)
			spare += is_short_cell(&g->cells[k]);
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

	if (tail < nwords || !has_down_labels(g))
		return 0;
	for (k = 0; k < nshort; k++)
		if (at[k] >= 0 && g->cells[at[k]].kind != FC_TEXT)
			return 0;
	return 1;
}

/* The cell of the last row in column col, or NULL. */
static struct pcell *
last_row_cell(struct lay *y, int col)
{
	int i;

	for (i = y->ncells - 1; i >= 0 && y->cells[i].row == y->nrows - 1;
	    i--)
		if (y->cells[i].col == col)
			return &y->cells[i];
	return NULL;
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
	if (!same && names_rows(g) && y->nrows > 0 &&
	    (p = last_row_cell(y, g->cells[c].col)) != NULL) {
		append_fragment(p, text);
		return;
	}
	if (!same)
		new_row(y);
	place(y, g, &g->cells[c], text);
}

static void
place_short(struct lay *y, const struct fline *g, const struct words *w,
    const int *at, int nshort)
{
	struct pcell *p = NULL;
	int k;

	/* Words left of the first cell go on it: "其中： 财政拨款". */
	for (k = nshort - 1; k >= 0; k--) {
		if (at[k] >= 0) {
			p = place(y, g, &g->cells[at[k]], w->v[k]);
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
	    !matches(&y->fs->opens, p->text.s))
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
flows_on(const struct lay *y, const struct fline *g, const struct words *w,
    int *at)
{
	int c = 0, k;

	if (y->nrows == 0 || y->npending || w->n > MAX_WORDS)
		return 0;
	for (k = 0; k < w->n; k++) {
		for (; c < g->ncells; c++) {
			if (g->cells[c].col <= y->lastcol ||
			    !is_short_cell(&g->cells[c]))
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
grid_line(struct lay *y, const struct fline *g, const struct words *w)
{
	int at[MAX_WORDS], pend[MAX_CANDIDATES], tail, anchor, tailcell = -1;
	int i, first, nshort;
	char *text;

	tail = long_tail(y, g, w);
	if (tail == w->n && flows_on(y, g, w, at)) {
		for (i = 0; i < w->n; i++)
			place(y, g, &g->cells[at[i]], w->v[i]);
		return;
	}
	nshort = tail < MAX_WORDS ? tail : MAX_WORDS;
	anchor = nshort ? anchor_cell(g, w->v[nshort - 1], tail < w->n) : -1;
	if (nshort && anchor < 0)
		anchor = anchor_cell(g, w->v[nshort - 1], 1);
	if (anchor < 0) {
		text = words_join(w, 0, w->n);
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
	row_for(y, first);
	pending_place(y, g, pend);
	place_short(y, g, w, at, nshort);
	y->carry = -1;
	if (tailcell >= 0) {
		text = words_join(w, tail, w->n);
		place(y, g, &g->cells[tailcell], text);
		free(text);
	}
}

/* ------------------------------------------------------------------ */
/* rows whose cells run on over the dump's lines */

/*
 * A rows line's cells are printed one after another, each wrapped over
 * as many lines as its box needs: a line break may end a cell or not, a
 * space always does.  A word of the first cell's kind (a code) begins a
 * row.  A name is gathered until the value after it arrives: the value's
 * kind and the name's say which pair of cells they are (人均补助标准 |
 * 28.07万元 under 成本指标).  A pair that fits no cell right of the row's
 * last begins a row below printed for the same one (its further
 * indicators), in the cells marked as printed again.
 */

static int
first_again(const struct fline *g)
{
	int c;

	for (c = 0; c < g->ncells; c++)
		if (g->cells[c].again)
			return c;
	return g->ncells;
}

/* Whether a word is a value: it fits a cell of a kind. */
static int
is_value_word(const struct fline *g, const char *word)
{
	return fits_a_kind(g, word);
}

/*
 * The name cell of the pair for a name and its value, from cell `from`
 * on: the leftmost, but among cells printed again the leftmost whose
 * kind the name and value are ("参与人员满意度 ≥90%" under 满意度指标,
 * "… 28.07万元" under 成本指标), if any; -1 if none fits.
 */
static int
pair_for(const struct fline *g, const char *name, const char *value,
    int from)
{
	const struct fcell *n, *v;
	char *both;
	int k, text = -1;

	both = xmalloc(strlen(name) + strlen(value) + 2);
	sprintf(both, "%s %s", name, value);
	for (k = from < 0 ? 0 : from; k + 1 < g->ncells; k++) {
		n = &g->cells[k];
		v = &g->cells[k + 1];
		if (n->kind != FC_TEXT || v->kind != FC_KIND ||
		    !fcell_matches(v, value))
			continue;
		if (fcell_prefers(n, both)) {
			text = k;
			break;
		}
		if (!n->again) {
			if (text < 0)
				text = k;
			break;
		}
		if (text < 0 && n->fk == NULL)
			text = k;
	}
	free(both);
	return text;
}

/* The leftmost cell of a kind from `from` on that takes the value, or -1. */
static int
value_cell(const struct fline *g, const char *value, int from)
{
	int k;

	for (k = from < 0 ? 0 : from; k < g->ncells; k++)
		if (g->cells[k].kind == FC_KIND &&
		    fcell_matches(&g->cells[k], value))
			return k;
	return -1;
}

static void
rows_cell(struct lay *y, const struct fline *g, int k, const char *text)
{
	place(y, g, &g->cells[k], text);
	y->rlast = k;
}

/* A row below, printed for the same row: its cells from the first again. */
static void
rows_again(struct lay *y, const struct fline *g)
{
	new_row(y);
	y->rlast = first_again(g) - 1;
}

static void
name_clear(struct lay *y)
{
	buf_clear(&y->name);
	free(y->lastword);
	y->lastword = NULL;
}

/* A name no value came for: the leftmost text cell free for it. */
static void
name_flush(struct lay *y, const struct fline *g)
{
	int k;

	if (y->name.len == 0)
		return;
	for (k = y->rlast + 1; k < g->ncells; k++)
		if (g->cells[k].kind == FC_TEXT)
			break;
	if (k < g->ncells && y->nrows > 0)
		rows_cell(y, g, k, y->name.s);
	name_clear(y);
}

static void
rows_value(struct lay *y, const struct fline *g, const char *value)
{
	int k;

	if (y->name.len == 0) {
		if ((k = value_cell(g, value, y->rlast + 1)) < 0) {
			rows_again(y, g);
			k = value_cell(g, value, y->rlast + 1);
		}
		if (k >= 0)
			rows_cell(y, g, k, value);
		return;
	}
	if ((k = pair_for(g, y->name.s, value, y->rlast + 1)) < 0) {
		rows_again(y, g);
		k = pair_for(g, y->name.s, value, y->rlast + 1);
	}
	if (k < 0) {
		name_flush(y, g);
		return;
	}
	rows_cell(y, g, k, y->name.s);
	rows_cell(y, g, k + 1, value);
	name_clear(y);
}

/* The longest start of a word that is a value ("有效保障参与人员满意度"). */
static size_t
value_prefix(const struct fline *g, const char *word)
{
	size_t n = strlen(word), k;
	char *head;
	int hit;

	for (k = n - 1; k > 0; k--) {
		if ((word[k] & 0xc0) == 0x80)
			continue;	/* inside a character */
		head = xstrndup(word, k);
		hit = is_value_word(g, head);
		free(head);
		if (hit)
			return k;
	}
	return 0;
}

/* Whether the last cell placed, with the word after a line break, is one. */
static int
rows_joins(struct lay *y, const struct fline *g, const char *word)
{
	struct pcell *p;
	char *joined;
	int hit;

	if (y->ncells == 0 || y->rlast < 0 || y->name.len ||
	    (y->rlast > 0 && (fcell_matches(&g->cells[0], word) ||
	    is_value_word(g, word))))
		return 0;	/* a cell of its own; not a row of a code alone */
	p = &y->cells[y->ncells - 1];
	if (p->row != y->nrows - 1 || p->kind != FC_KIND)
		return 0;
	joined = xmalloc(p->text.len + strlen(word) + 1);
	strcpy(joined, p->text.s);
	strcat(joined, word);
	hit = fcell_matches(&g->cells[y->rlast], joined);
	free(joined);
	if (hit)
		buf_adds(&p->text, word);
	return hit;
}

/* Whether s begins a number, or a bound before one ("≥95%"). */
static int
starts_number(const char *s)
{
	static const char *bounds[] = { "≥", "≤", "＞", "＜", "＝", ">", "<",
	    "=" };
	size_t i;

	if (*s >= '0' && *s <= '9')
		return 1;
	for (i = 0; i < sizeof(bounds) / sizeof(bounds[0]); i++)
		if (strncmp(s, bounds[i], strlen(bounds[i])) == 0)
			return 1;
	return 0;
}

/*
 * Where the longest end of a word that is a number's value begins
 * ("…资金335.94万元"), or 0.  Words that are values ("提升") end names
 * too often to be cut off.
 */
static size_t
value_suffix(const struct fline *g, const char *word)
{
	size_t k;

	for (k = 1; word[k]; k++)
		if (starts_number(word + k) && is_value_word(g, word + k))
			return k;
	return 0;
}

/*
 * A value the dump ran onto the end of a name, whole ("就业创业补助资金
 * 335.94万元") or cut by the line break ("…资金124.05万" / "元").
 */
static int
name_ends_in_value(struct lay *y, const struct fline *g, const char *word,
    int nl)
{
	char *joined;
	size_t n = y->lastword ? strlen(y->lastword) : 0, k;

	for (k = 0; nl && k < n; k++) {
		if (!starts_number(y->lastword + k))
			continue;
		joined = xmalloc(n - k + strlen(word) + 1);
		strcpy(joined, y->lastword + k);
		strcat(joined, word);
		if (is_value_word(g, joined)) {
			y->name.len -= n - k;
			y->name.s[y->name.len] = '\0';
			free(y->lastword);
			y->lastword = NULL;
			rows_value(y, g, joined);
			free(joined);
			return 1;
		}
		free(joined);
	}
	if ((k = value_suffix(g, word)) == 0)
		return 0;
	joined = xstrndup(word, k);
	buf_adds(&y->name, joined);
	free(joined);
	rows_value(y, g, word + k);
	return 1;
}

static void
rows_word(struct lay *y, const struct fline *g, const char *word, int nl)
{
	size_t k;
	char *head;

	if (nl && rows_joins(y, g, word))
		return;
	if (g->cells[0].kind == FC_KIND && fcell_matches(&g->cells[0], word)) {
		name_flush(y, g);
		new_row(y);
		y->rlast = -1;
		y->body = 1;
		rows_cell(y, g, 0, word);
		return;
	}
	if (!y->body)
		return;		/* no row yet: words of the caption */
	if (is_value_word(g, word)) {
		rows_value(y, g, word);
		return;
	}
	if (y->name.len && (k = value_prefix(g, word)) > 0) {
		head = xstrndup(word, k);
		rows_value(y, g, head);
		free(head);
		rows_word(y, g, word + k, 0);
		return;
	}
	if (name_ends_in_value(y, g, word, nl))
		return;
	buf_adds(&y->name, word);
	free(y->lastword);
	y->lastword = xstrdup(word);
}

static void
rows_line(struct lay *y, const struct fline *g, const struct words *w)
{
	int k;

	for (k = 0; k < w->n; k++)
		rows_word(y, g, w->v[k], k == 0);
}

/* ------------------------------------------------------------------ */
/* header rows */

static void
add_compact(struct buf *b, const char *s)
{
	for (; *s; s++)
		if (*s != ' ')
			buf_addc(b, *s);
}

/*
 * The header's words as the dump may run them together: the first
 * spellings in reading order, then every spelling on a line of its own.
 */
static char *
head_text(const struct form *f)
{
	struct buf b = BUF_INIT;
	const struct fcell *c;
	int i, k, a, pass;

	for (pass = 0; pass < 2; pass++)
		for (i = 0; i < f->nlines; i++) {
			if (f->lines[i].type != FL_HEAD)
				continue;
			for (k = 0; k < f->lines[i].ncells; k++) {
				c = &f->lines[i].cells[k];
				for (a = 0; a < c->nalts && (pass || a == 0);
				    a++) {
					if (pass)
						buf_addc(&b, '\n');
					add_compact(&b, c->alts[a]);
				}
			}
		}
	return b.len ? buf_detach(&b) : NULL;
}

/* Whether every character of a word is one of the header's. */
static int
of_header_characters(const char *head, const char *word)
{
	char ch[8];
	size_t k;
	int32_t c;

	while (*word) {
		k = utf8_decode(word, strlen(word), &c);
		if (k >= sizeof(ch))
			return 0;
		memcpy(ch, word, k);
		ch[k] = '\0';
		if (strstr(head, ch) == NULL)
			return 0;
		word += k;
	}
	return 1;
}

/*
 * Whether every word of a line is a piece of the header's words; atop a
 * page, where the header is printed again and the dump may run two of
 * its vertical words into one ("财政专单位资"), a word of its characters.
 */
static int
is_header_line(const struct lay *y, const struct words *w, int top)
{
	int k;

	if (y->headtext == NULL)
		return 0;
	for (k = 0; k < w->n; k++)
		if (strstr(y->headtext, w->v[k]) == NULL && !(top &&
		    of_header_characters(y->headtext, w->v[k])))
			return 0;
	return 1;
}

/* Of a header cell's spellings, the first the dump prints. */
static const char *
spelling(const struct fcell *c, const char *printed)
{
	int a;

	for (a = 0; printed && a < c->nalts; a++)
		if (strstr(printed, c->alts[a]))
			return c->alts[a];
	return c->alts[0];
}

/*
 * The header rows the form describes, when the dump prints the header's
 * words before its first row: wrapped and run together as they are, the
 * dump says which header, the form says where its words go.
 */
static const struct fline *
rows_line_of(const struct form *f)
{
	int i;

	for (i = 0; i < f->nlines; i++)
		if (f->lines[i].type == FL_ROWS)
			return &f->lines[i];
	return NULL;
}

/* Whether a line begins a row of the rows line r. */
static int
begins_rows(const struct fline *r, const struct words *w)
{
	return r && w->n > 0 && r->cells[0].kind == FC_KIND &&
	    fcell_matches(&r->cells[0], w->v[0]);
}

static void
place_header(struct lay *y, const struct tl *lines, int n)
{
	const struct fline *l, *r = rows_line_of(y->f);
	struct buf printed = BUF_INIT;
	struct words w;
	struct pcell *p;
	int i, c, seen = 0, stop = 0;

	for (i = 0; i < n && !stop; i++) {
		words_split(&w, lines[i].l->text);
		if ((stop = begins_rows(r, &w)) == 0 && w.n &&
		    is_header_line(y, &w, 0)) {
			seen = 1;
			for (c = 0; c < w.n; c++)
				buf_adds(&printed, w.v[c]);
		}
		words_free(&w);
	}
	for (i = 0; seen && i < y->f->nlines; i++) {
		l = &y->f->lines[i];
		if (l->type != FL_HEAD)
			continue;
		new_row(y);
		for (c = 0; c < l->ncells; c++)
			if (l->cells[c].kind == FC_WORD) {
				p = place(y, l, &l->cells[c],
				    spelling(&l->cells[c], printed.s));
				p->header = 1;
			}
		y->header_rows++;
	}
	buf_free(&printed);
}

/* ------------------------------------------------------------------ */
/* lines of the dump */


/*
 * Whether a line goes on the long text before it: it cannot begin a text,
 * or the text has not ended and its last line was as wide as its first
 * (a wrapped cell's lines fill its width, all but the last).  Not a line
 * with a value, which is a row of the grid; nor a short line that is a
 * bare label ("产出指标") in a grid of levels printed once for several
 * rows, or the name of the next row when a long text follows it.
 */
static int
continues_long(struct lay *y, const struct words *w, const char *line,
    const char *next)
{
	const struct fline *g = form_line(y, y->line);
	struct pcell *p;

	if (y->open < 0)
		return 0;
	p = &y->cells[y->open];
	if (g && g->repeats && has_value_word(g, w))
		return 0;
	if (matches(&y->fs->begins, line))
		return 1;
	if (matches(&y->fs->ends, p->text.s) ||
	    p->last_width + 4 < p->first_width)
		return 0;
	if (g && g->repeats && names_rows(g) && w->n > 1 &&
	    !is_long_text(y, w->v[0]) && is_long_text(y, w->v[w->n - 1]))
		return 0;	/* a name and its text: the next row */
	if (width(line) + 4 >= p->first_width || g == NULL || !g->repeats)
		return 1;
	if (has_down_labels(g) && matches(&y->fs->label, line))
		return 0;
	return !(names_rows(g) && !is_long_text(y, line) && next &&
	    is_long_text(y, next));
}

static void grid_or_rows_line(struct lay *, const struct words *);

/* The words of a line from `from` on, as a line of their own. */
static void
rest_of_line(struct lay *y, const struct words *w, int from)
{
	struct words rest;

	if (from >= w->n)
		return;
	rest.v = w->v + from;	/* borrowed: not freed */
	rest.n = w->n - from;
	grid_or_rows_line(y, &rest);
}

static void
begin_row_line(struct lay *y, int i, int c, const struct words *w,
    const char *line)
{
	const struct fline *l = &y->f->lines[i];
	int rest;

	pending_flush(y, form_line(y, y->line));
	if (i != y->line || y->nrows == 0)
		row_for(y, l->cells[c].col);
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
begins_row(struct lay *y, const struct words *w, const char *line)
{
	const struct fline *l;
	int i, c;

	for (i = y->line < 0 ? 0 : y->line; i < y->f->nlines; i++) {
		l = &y->f->lines[i];
		if (l->repeats)
			continue;
		c = word_cell(l, w->v[0], i == y->line ? y->next : 0);
		if (c >= 0) {
			begin_row_line(y, i, c, w, line);
			return 1;
		}
	}
	for (i = 0; i < y->line; i++) {
		l = &y->f->lines[i];
		if (l->repeats || word_cell(l, w->v[0], 0) != first_word_cell(l))
			continue;
		if (y->seen[i] && strcmp(y->seen[i], line) == 0)
			return 1;
		if (i == 0) {
			begin_row_line(y, i, first_word_cell(l), w, line);
			return 1;
		}
	}
	return 0;
}

/* The values a row line still waits for ("年度履职目标" / its text). */
static int
fills_row(struct lay *y, const struct words *w)
{
	const struct fline *l = form_line(y, y->line);
	int rest;

	if (l == NULL || l->repeats || y->next >= l->ncells ||
	    !is_value(&l->cells[y->next]))
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

/* A line of the grid or rows in use, if there is one. */
static void
grid_or_rows_line(struct lay *y, const struct words *w)
{
	const struct fline *g = grid_in_use(y);

	if (g && g->type == FL_ROWS)
		rows_line(y, g, w);
	else if (g)
		grid_line(y, g, w);
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
		if (l->repeats || (c = first_word_cell(l)) < 0)
			continue;
		for (a = 0; a < l->cells[c].nalts; a++) {
			k = strlen(l->cells[c].alts[a]);
			if (k == 0 || k >= n ||
			    strcmp(line + n - k, l->cells[c].alts[a]) != 0)
				continue;
			head = xstrndup(line, n - k);
			ended = matches(&y->fs->ends, head);
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
	struct words w;
	char *line = unglued(y->fs, raw), *head;
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
	words_split(&w, line);
	split_row_words(y->f, &w);
	if (page != y->page)
		y->top = 1;
	if (y->headtext && (!y->body || y->top) && w.n > 0 &&
	    is_header_line(y, &w, y->top))
		skip = 1;	/* the header, or its repeat atop a page */
	else if (w.n > 0 && !skip)
		y->top = 0;
	y->page = page;
	if (w.n == 0 || skip || is_furniture(y, raw))
		;
	else if (begins_row(y, &w, line))
		;
	else if (continues_long(y, &w, line, next))
		append_fragment(&y->cells[y->open], line);
	else if (fills_row(y, &w))
		;
	else
		grid_or_rows_line(y, &w);
	words_free(&w);
	free(line);
}

/* ------------------------------------------------------------------ */
/* the table's lines, in the order the dump printed them */

static int
cmp_lines(const void *a, const void *b)
{
	const struct tline *x = ((const struct tl *)a)->l;
	const struct tline *y = ((const struct tl *)b)->l;

	return x->lineno < y->lineno ? -1 : x->lineno > y->lineno;
}

/* Whether a caption line is one of the form's rows ("部门名称 X"). */
static int
caption_row(const struct form *f, const char *text)
{
	struct words w;
	int i, hit = 0;

	words_split(&w, text);
	for (i = 0; i < f->nlines && w.n > 0 && !hit; i++)
		hit = !f->lines[i].repeats &&
		    word_cell(&f->lines[i], w.v[0], 0) ==
		    first_word_cell(&f->lines[i]) &&
		    first_word_cell(&f->lines[i]) >= 0;
	words_free(&w);
	return hit;
}

/*
 * table-segment puts a form's first rows in the caption when they name
 * the department, and orders a dump printed column by column into head
 * and body: the source order is what the form reads.
 */
static struct tl *
gather(const struct form *f, const struct tinput *in, int *n)
{
	struct tl *v;
	int i;

	v = xcalloc((size_t)(in->nhead + in->nbody + in->ncaption + 1),
	    sizeof(*v));
	*n = 0;
	for (i = 0; i < in->ncaption; i++)
		if (caption_row(f, in->caption[i].text))
			v[(*n)++].l = &in->caption[i];
	for (i = 0; i < in->nhead; i++)
		v[(*n)++].l = &in->head[i];
	for (i = 0; i < in->nbody; i++)
		v[(*n)++].l = &in->body[i];
	qsort(v, (size_t)*n, sizeof(*v), cmp_lines);
	return v;
}

/* ------------------------------------------------------------------ */
/* finishing the grid */

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
		if (p->kind != FC_LONG || (fc = free_long_right(y, p)) == NULL ||
		    (at = split_point(y->fs, p->text.s)) == 0)
			continue;
		second = xstrdup(p->text.s + at);
		p->text.len = at;
		p->text.s[at] = '\0';
		place_at(y, p->row, p->from, fc, second);
		free(second);
	}
}

/* ------------------------------------------------------------------ */

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

static void
emit(struct lay *y, struct grid *g)
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

static void
lay_free(struct lay *y)
{
	int i;

	for (i = 0; i < y->ncells; i++)
		buf_free(&y->cells[i].text);
	for (i = 0; i < y->f->nlines; i++)
		free(y->seen[i]);
	pending_clear(y);
	free(y->pending);
	free(y->seen);
	free(y->cells);
	free(y->rowpage);
	buf_free(&y->name);
	free(y->lastword);
	free(y->headtext);
}

void
textform_build(struct grid *g, struct textrules *tr, const struct forms *fs,
    const struct form *f, const struct tinput *in)
{
	struct lay y;
	struct tl *lines;
	int i, n;

	memset(&y, 0, sizeof(y));
	y.fs = fs;
	y.f = f;
	y.tr = tr;
	y.line = -1;
	y.open = -1;
	y.carry = -1;
	y.lastcol = -1;
	y.seen = xcalloc((size_t)f->nlines + 1, sizeof(char *));
	y.entity = rec_attr(&in->attrs, "entity");
	lines = gather(f, in, &n);
	if ((y.headtext = head_text(f)) != NULL)
		place_header(&y, lines, n);
	for (i = 0; i < n; i++)
		take_line(&y, lines[i].l->text, i + 1 < n ?
		    lines[i + 1].l->text : NULL, lines[i].l->page);
	pending_flush(&y, grid_in_use(&y));
	if (rows_line_of(f))
		name_flush(&y, rows_line_of(f));
	split_glued(&y);
	emit(&y, g);
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
