/*
 * textrows.c - rebuilding a table from text without geometry or tabs.
 *
 * The steps: the family's layout gives the header and the columns; the
 * body lines are gathered into rows (a row starts at a code, an item, a
 * total, or after a row that has its amounts; wrapped labels and amounts
 * on a line of their own join the row before); a two-sided row is cut
 * where its second label begins; in each side the codes and labels are
 * matched to the columns they fit, the 行次 numbers to their column, and
 * the amounts are left to the solver.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checks.h"
#include "headwords.h"
#include "layout.h"
#include "number.h"
#include "solver.h"
#include "textjoin.h"
#include "textrows.h"
#include "utf8.h"

enum tkind { TK_NUM, TK_TEXT };

struct token {
	char		*text;
	enum tkind	 kind;
	struct num	 num;
	int		 plain;		/* digits only: a code, a 行次, or 131 */
};

struct lrow {
	struct token	*t;
	int		 n;
	long		 page;
	int		 lone_amount;	/* its last line was one amount alone */
};

struct tb {
	struct grid	*g;
	struct textrules *tr;
	struct layout	 l;
	struct lrow	*rows;
	int		 nrows;
	int		 decimals;
	int		 totalspan;
	int		 total_col;	/* where a total's label goes, or -1 */
	int		 cell_lines;	/* the dump prints a cell or two a line */
	int		 last_int[2];	/* two sides a cell a line: the 行次
					   each side printed last */
};

static void
add_token(struct lrow *r, const char *s, size_t n)
{
	struct token *t;

	r->t = xreallocarray(r->t, (size_t)r->n + 1, sizeof(*r->t));
	t = &r->t[r->n++];
	memset(t, 0, sizeof(*t));
	t->text = xstrndup(s, n);
	if (num_parse(s, n, &t->num)) {
		t->kind = TK_NUM;
		t->plain = num_is_int_code(s, n);
	} else
		t->kind = TK_TEXT;
}

static void
tokenize(struct lrow *r, const char *s)
{
	const char *p = s, *e;

	for (;;) {
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p == '\0')
			break;
		e = p + strcspn(p, " \t");
		add_token(r, p, (size_t)(e - p));
		p = e;
	}
}

/*
 * An amount: a number with decimals or separators, or a zero printed as
 * "0" (never a code, a 行次 or a 栏次 number).
 */
static int
is_amount(const struct token *t)
{
	return t->kind == TK_NUM && !t->num.percent &&
	    (!t->plain || t->num.decimals > 0 || strcmp(t->text, "0") == 0);
}

static int
has_kind(const struct lrow *r, int text)
{
	int i;

	for (i = 0; i < r->n; i++)
		if (text ? r->t[i].kind == TK_TEXT : is_amount(&r->t[i]))
			return 1;
	return 0;
}

static int
only_amounts(const struct lrow *r)
{
	int i;

	for (i = 0; i < r->n; i++)
		if (!is_amount(&r->t[i]))
			return 0;
	return r->n > 0;
}

static int
is_code_token(const struct token *t)
{
	return t->plain && strlen(t->text) >= 3;
}

static int
starts_with_code(const struct lrow *r)
{
	return r->n > 0 && is_code_token(&r->t[0]);
}

static int
has_code(const struct lrow *r)
{
	int i;

	for (i = 0; i < r->n; i++)
		if (is_code_token(&r->t[i]))
			return 1;
	return 0;
}

/*
 * Whether the family prints a code after a label on one side (预算06: two
 * schemes); a code after the label of another side (the blocks of
 * 基本支出决算明细表) begins that side's row.
 */
static int
code_after_label(const struct layout *l)
{
	int i, label_side = -1;

	for (i = 0; i < l->ncols; i++) {
		if (l->cols[i].type == COL_LABEL)
			label_side = l->cols[i].side;
		else if (l->cols[i].type == COL_CODE && label_side >= 0 &&
		    l->cols[i].side == label_side)
			return 1;
	}
	return 0;
}

static int
count_amounts(const struct lrow *r)
{
	int i, n = 0;

	for (i = 0; i < r->n; i++)
		n += is_amount(&r->t[i]);
	return n;
}

static int
amount_columns(const struct layout *l)
{
	int i, n = 0;

	for (i = 0; i < l->ncols; i++)
		n += l->cols[i].type == COL_AMOUNT;
	return n;
}

/*
 * A dump that prints every cell on a line of its own (pdftotext without
 * -raw, cells one per block) goes on with the row while amounts come one
 * by one and the columns are not all taken.
 */
static int
one_cell_per_line(const struct tb *b, const struct lrow *cur,
    const struct lrow *line)
{
	return line->n == 1 && cur->lone_amount &&
	    count_amounts(cur) < amount_columns(&b->l);
}

/*
 * Whether a body line begins a new row, given the row being gathered.
 * Numbers alone finish a row that has none yet; a code alone waits for
 * its label; an item, a total or a code begins a row; a line of words
 * after a coded row still without amounts is its label, wrapped.
 */
static int sides_by_code(const struct tb *);
static int row_is_total(struct tb *, const struct lrow *);
static int label_side(struct tb *, const char *, int);

static int
has_small_int(const struct lrow *r)
{
	int i;

	for (i = 0; i < r->n; i++)
		if (r->t[i].plain && strlen(r->t[i].text) <= 2)
			return 1;
	return 0;
}

/* The side a code belongs to in a table of blocks known by codes, or -1. */
static int
code_side(const struct tb *b, const struct token *t)
{
	int s;

	if (!is_code_token(t))
		return -1;
	for (s = 0; s < b->l.nsides; s++)
		if (regex_match(b->l.sides[s].rx, t->text, strlen(t->text)))
			return s;
	return -1;
}

/*
 * Blocks side by side, a cell a line: the row goes on through the other
 * blocks' codes, names and amounts, and ends where a code of a block it
 * has already been through begins the next.
 */
static int
starts_row_in_blocks(struct tb *b, const struct lrow *cur,
    const struct lrow *line, const char *text)
{
	size_t n = strlen(text);
	int s, i, seen = -1;

	if (patlist_match(&b->tr->total, text, n) != -1 ||
	    patlist_match(&b->tr->item, text, n) != -1)
		return 1;
	if ((s = code_side(b, &line->t[0])) < 0)
		return 0;
	for (i = 0; i < cur->n; i++)
		if (code_side(b, &cur->t[i]) > seen)
			seen = code_side(b, &cur->t[i]);
	return s <= seen || row_is_total(b, cur);
}

static int
has_int_columns(const struct tb *b)
{
	int i;

	for (i = 0; i < b->l.ncols; i++)
		if (b->l.cols[i].type == COL_INT)
			return 1;
	return 0;
}

/*
 * The side a 行次 belongs to: each side numbers its rows on from its
 * last, so a number goes with the side it follows closest (a first row
 * left in the header has not been counted).
 */
static int
int_side(struct tb *b, int v)
{
	int d0 = abs(v - (b->last_int[0] + 1)), d1;

	if (b->last_int[1] == 0)
		return d0 <= 2 ? 0 : 1;
	d1 = abs(v - (b->last_int[1] + 1));
	return d0 <= d1 ? 0 : 1;
}

/* How far into its sides a row has come: the last side it printed in. */
static int
side_reached(struct tb *b, const struct lrow *cur)
{
	int i, s, reached = -1;

	for (i = 0; i < cur->n; i++) {
		if (cur->t[i].kind != TK_TEXT)
			continue;
		s = label_side(b, cur->t[i].text, i);
		if (s > reached)
			reached = s;
	}
	return reached;
}

/*
 * Two sides (收入 | 支出) a cell a line, each side's row a label, its 行次
 * and an amount: a row ends where a side it has been through begins
 * again, known by the label's words or by the 行次 counting on.
 */
static int
starts_row_two_sides(struct tb *b, const struct lrow *cur,
    const struct lrow *line)
{
	const struct token *t = &line->t[0];
	int s, reached = side_reached(b, cur);

	if (t->kind == TK_TEXT)
		return label_side(b, t->text, 0) <= reached;
	if (!t->plain || strlen(t->text) > 2)
		return 0;		/* an amount: this row's */
	s = int_side(b, atoi(t->text));
	b->last_int[s] = atoi(t->text);
	return s == 0 && (reached >= 1 || has_small_int(cur));
}

static int
starts_row(struct tb *b, const struct lrow *cur, const struct lrow *line,
    const char *text)
{
	size_t n = strlen(text);

	if (cur == NULL)
		return 1;
	if (b->cell_lines && sides_by_code(b))
		return starts_row_in_blocks(b, cur, line, text);
	if (b->cell_lines && b->l.nsides == 2 && has_int_columns(b))
		return starts_row_two_sides(b, cur, line);
	if (only_amounts(line))
		return has_kind(cur, 0) && !one_cell_per_line(b, cur, line);
	if (!has_kind(cur, 1) && !has_kind(cur, 0) && has_code(cur))
		return 0;		/* a code alone waits for its label */
	if (starts_with_code(line) && !has_kind(cur, 0) && has_code(cur) &&
	    code_after_label(&b->l))
		return 0;		/* the second scheme's code */
	if (patlist_match(&b->tr->item, text, n) != -1 ||
	    patlist_match(&b->tr->total, text, n) != -1 ||
	    patlist_match(&b->tr->of_which, text, n) != -1 ||
	    starts_with_code(line))
		return 1;
	if (has_kind(cur, 0))
		return 1;
	if (starts_with_code(cur) && !has_kind(line, 0))
		return 0;
	return 1;
}

static void
free_row(struct lrow *r)
{
	int i;

	for (i = 0; i < r->n; i++)
		free(r->t[i].text);
	free(r->t);
	memset(r, 0, sizeof(*r));
}

/* Most body lines hold a cell or two: a dump without -raw. */
static int
cells_a_line(const struct tinput *in)
{
	int i, short_lines = 0;

	for (i = 0; i < in->nbody; i++)
		short_lines += strchr(in->body[i].text, ' ') == NULL ||
		    strchr(strchr(in->body[i].text, ' ') + 1, ' ') == NULL;
	return in->nbody > 0 && short_lines * 2 >= in->nbody;
}

static void
gather_rows(struct tb *b, const struct tinput *in)
{
	struct lrow line, *cur = NULL;
	int i, k;

	b->cell_lines = cells_a_line(in);
	for (i = 0; i < in->nbody; i++) {
		memset(&line, 0, sizeof(line));
		tokenize(&line, in->body[i].text);
		if (line.n == 0)
			continue;
		if (starts_row(b, cur, &line, in->body[i].text)) {
			b->rows = xreallocarray(b->rows, (size_t)b->nrows + 1,
			    sizeof(*b->rows));
			cur = &b->rows[b->nrows++];
			*cur = line;
			cur->page = in->body[i].page;
			cur->lone_amount = line.n == 1 && only_amounts(&line);
			continue;
		}
		cur->lone_amount = line.n == 1 && only_amounts(&line);
		for (k = 0; k < line.n; k++) {
			cur->t = xreallocarray(cur->t, (size_t)cur->n + 1,
			    sizeof(*cur->t));
			cur->t[cur->n++] = line.t[k];
		}
		free(line.t);
	}
}

/* ------------------------------------------------------------------ */

/* Consecutive words are one label unless the second starts an item. */
static int
new_label(struct tb *b, const struct token *prev, const struct token *t)
{
	size_t n = strlen(t->text);
	int i;

	if (patlist_match(&b->tr->item, t->text, n) != -1)
		return 1;
	for (i = 1; i < b->l.nsides; i++)
		if (regex_match(b->l.sides[i].rx, t->text, n) &&
		    regex_match(b->l.sides[0].rx, prev->text, strlen(prev->text))
		    && !regex_match(b->l.sides[0].rx, t->text, n))
			return 1;
	return 0;
}

/* Which side a lone label belongs to, by the family's side patterns. */
static int
label_side(struct tb *b, const char *label, int tokens_before)
{
	size_t n = strlen(label);
	int s, hits = 0, side = 0;

	for (s = 0; s < b->l.nsides; s++)
		if (regex_match(b->l.sides[s].rx, label, n)) {
			hits++;
			side = s;
		}
	if (hits == 1)
		return side;
	return tokens_before > 0 && b->l.nsides > 1 ? 1 : 0;
}

/*
 * Sides told apart by their codes (公开06表: 301xx, 302xx, 307xx in three
 * blocks): each code opens the first side, from the current one on, whose
 * pattern it fits; the words and amounts after it are that side's.
 */
static int
sides_by_code(const struct tb *b)
{
	return b->l.nsides > 1 &&
	    b->l.cols[b->l.sides[0].col].type == COL_CODE;
}

/* Whether side s stands under a heading the text names (人员经费合计). */
static int
side_named(const struct tb *b, int s, const char *text)
{
	const char *path = b->l.cols[b->l.sides[s].col].path;
	const char *slash = strchr(path, '/');
	size_t n = slash ? (size_t)(slash - path) : strlen(path);
	char head[128];

	if (n == 0 || n >= sizeof(head))
		return 0;
	memcpy(head, path, n);
	head[n] = '\0';
	return strstr(text, head) != NULL;
}

/*
 * A row of blocks without codes (人员经费合计 566.17 公用经费合计 19.14):
 * each label goes to the first block under the heading it names, its
 * amount to the last, where a label spanning its blocks has it printed.
 */
static int
assign_sides_by_heading(struct tb *b, const struct lrow *r, int *side)
{
	int i, s, first = -1, last = -1, named = 0;

	for (i = 0; i < r->n; i++) {
		if (r->t[i].kind == TK_TEXT) {
			for (first = -1, s = 0; s < b->l.nsides; s++)
				if (side_named(b, s, r->t[i].text)) {
					if (first < 0)
						first = s;
					last = s;
				}
			if (first < 0)
				return 0;
			named++;
		}
		if (first < 0)
			return 0;
		side[i] = r->t[i].kind == TK_TEXT ? first : last;
	}
	return named > 0;
}

static void
assign_sides_by_code(struct tb *b, const struct lrow *r, int *side)
{
	int i, s, cur = 0;

	for (i = 0; i < r->n && !is_code_token(&r->t[i]); i++)
		;
	if (i == r->n && assign_sides_by_heading(b, r, side))
		return;

	for (i = 0; i < r->n; i++) {
		if (is_code_token(&r->t[i]))
			for (s = cur; s < b->l.nsides; s++)
				if (regex_match(b->l.sides[s].rx, r->t[i].text,
				    strlen(r->t[i].text))) {
					cur = s;
					break;
				}
		side[i] = cur;
	}
}

/*
 * Cut a row's tokens into sides: side[i] is the side of token i.  The
 * first label opens side 0 (or a later side its words belong to), the
 * next label the next side.
 */
static void
assign_sides(struct tb *b, const struct lrow *r, int *side)
{
	int i, cur = 0, labels = 0, first_label = -1;

	if (sides_by_code(b)) {
		assign_sides_by_code(b, r, side);
		return;
	}
	for (i = 0; i < r->n; i++)
		if (r->t[i].kind == TK_TEXT && (i == 0 ||
		    r->t[i - 1].kind != TK_TEXT ||
		    new_label(b, &r->t[i - 1], &r->t[i]))) {
			if (first_label < 0)
				first_label = i;
			labels++;
		}
	if (b->l.nsides < 2 || labels == 0) {
		/* No label: each side takes one 行次 ("30 61"). */
		int ints = 0;

		for (i = 0, cur = 0; i < r->n; i++) {
			if (r->t[i].plain && strlen(r->t[i].text) <= 2 &&
			    ints++ > 0 && cur + 1 < b->l.nsides)
				cur++;
			side[i] = b->l.nsides < 2 ? 0 : cur;
		}
		return;
	}
	if (labels == 1)
		cur = label_side(b, r->t[first_label].text, first_label);
	labels = 0;
	for (i = 0; i < r->n; i++) {
		if (r->t[i].kind == TK_TEXT && (i == 0 ||
		    r->t[i - 1].kind != TK_TEXT ||
		    new_label(b, &r->t[i - 1], &r->t[i]))) {
			if (labels > 0 && cur + 1 < b->l.nsides)
				cur++;
			labels++;
		}
		/* Numbers before a side-1 label belong to side 0. */
		side[i] = i < first_label && cur > 0 ? cur - 1 : cur;
	}
}

/* ------------------------------------------------------------------ */

struct fit {
	int	 best_cost;
	int	*best;		/* column per token */
	int	*cur;
};

/* Whether a word is what a text column of the side prints (特定目标类). */
static int
looks_like_text_cell(const struct tb *b, const struct token *t, int side)
{
	int i;

	for (i = 0; i < b->l.ncols; i++)
		if (b->l.cols[i].side == side &&
		    b->l.cols[i].type == COL_TEXT && b->l.cols[i].rx &&
		    regex_match(b->l.cols[i].rx, t->text, strlen(t->text)))
			return 1;
	return 0;
}

static int
token_cost(const struct tb *b, const struct token *t, int col)
{
	const struct lcol *c = &b->l.cols[col];

	switch (c->type) {
	case COL_CODE:
		if (!t->plain)
			return -1;
		if (c->rx && !regex_match(c->rx, t->text, strlen(t->text)))
			return -1;
		return 0;
	case COL_LABEL:
		if (t->kind != TK_TEXT)
			return 5;
		return looks_like_text_cell(b, t, c->side) ? 2 : 0;
	case COL_TEXT:
		if (c->rx)
			return regex_match(c->rx, t->text, strlen(t->text)) ?
			    0 : 3;
		return t->kind == TK_TEXT ? 1 : 5;
	default:
		return -1;
	}
}

/* A group of code columns filled in part is no reading at all. */
static int
group_penalty(const struct tb *b, const int *cols, int ncols,
    const int *filled)
{
	int i, k, g, any, all, pen = 0;

	for (i = 0; i < ncols; i++) {
		g = b->l.cols[cols[i]].group;
		if (g < 0)
			continue;
		any = 0;
		all = 1;
		for (k = 0; k < ncols; k++)
			if (b->l.cols[cols[k]].group == g) {
				any |= filled[k];
				all &= filled[k];
			}
		if (any && !all)
			pen += 10;
	}
	return pen;
}

static void
fit_tokens(const struct tb *b, const struct token *t, int nt, const int *cols,
    int ncols, int ti, int ci, int cost, struct fit *f)
{
	int k, c, filled[64];

	if (cost >= f->best_cost)
		return;
	if (ti == nt) {
		memset(filled, 0, sizeof(filled));
		for (k = 0; k < nt; k++)
			filled[f->cur[k]] = 1;
		cost += group_penalty(b, cols, ncols, filled);
		if (cost < f->best_cost) {
			f->best_cost = cost;
			memcpy(f->best, f->cur, sizeof(int) * (size_t)nt);
		}
		return;
	}
	/*
	 * The same column again: a label printed in two pieces.  A column
	 * whose cells have a fixed form (特定目标类) takes one word.
	 */
	if (ti > 0 && t[ti].kind == TK_TEXT && t[ti - 1].kind == TK_TEXT &&
	    b->l.cols[cols[ci - 1]].type != COL_CODE &&
	    !(b->l.cols[cols[ci - 1]].type == COL_TEXT &&
	    b->l.cols[cols[ci - 1]].rx)) {
		f->cur[ti] = ci - 1;
		fit_tokens(b, t, nt, cols, ncols, ti + 1, ci, cost + 2, f);
	}
	for (k = ci; k < ncols; k++) {
		if ((c = token_cost(b, &t[ti], cols[k])) < 0)
			continue;
		f->cur[ti] = k;
		fit_tokens(b, t, nt, cols, ncols, ti + 1, k + 1, cost + c, f);
	}
}

static void
put_cell(struct tb *b, int row, int col, const char *text, long page)
{
	struct gcell *c = grid_cell(b->g, row, col);

	if (c != NULL) {
		/* A label in two pieces: join them, spaced between Latin. */
		struct buf joined = BUF_INIT;
		int32_t last, first;

		buf_adds(&joined, c->text);
		utf8_last(c->text, strlen(c->text), &last);
		utf8_decode(text, strlen(text), &first);
		if (last < 0x80 && first < 0x80)
			buf_addc(&joined, ' ');
		buf_adds(&joined, text);
		free(c->text);
		c->text = buf_detach(&joined);
		return;
	}
	c = grid_add_cell(b->g, row, col, 1, 1, 0, text);
	c->page = page;
}

/* Codes and labels of one side to their columns. */
static int
fits_code_col(const struct tb *b, int col, const char *s, size_t n)
{
	const struct lcol *c = &b->l.cols[col];

	return c->type == COL_CODE && (c->rx == NULL ||
	    regex_match(c->rx, s, n));
}

/*
 * Cut a code into the pieces a group of code columns prints (30101 into
 * 类 301 and 款 01), when the whole fits no column: a dump that joined
 * the cells of a code printed a cell a line.  Pieces in cut[], count
 * returned, 0 when no cut fits.
 */
static int
cut_code(const struct tb *b, int first, int k, const char *s, size_t *cut)
{
	size_t n = strlen(s), a, c;

	if (k == 2) {
		for (a = 1; a < n; a++)
			if (fits_code_col(b, first, s, a) &&
			    fits_code_col(b, first + 1, s + a, n - a)) {
				cut[0] = a;
				return 2;
			}
	} else if (k == 3) {
		for (a = 1; a + 1 < n; a++)
			for (c = a + 1; c < n; c++)
				if (fits_code_col(b, first, s, a) &&
				    fits_code_col(b, first + 1, s + a, c - a) &&
				    fits_code_col(b, first + 2, s + c, n - c)) {
					cut[0] = a;
					cut[1] = c;
					return 3;
				}
	}
	return 0;
}

static int
fits_any_code_col(const struct tb *b, int side, const char *s)
{
	int i;

	for (i = 0; i < b->l.ncols; i++)
		if (b->l.cols[i].side == side &&
		    fits_code_col(b, i, s, strlen(s)))
			return 1;
	return 0;
}

/* A plain token fitting no code column, cut where a code group fits. */
static int
split_joined_code(const struct tb *b, int side, const struct token *t,
    struct token *out)
{
	size_t cut[2], from = 0;
	int i, k, g, n, p;

	if (!t->plain || strlen(t->text) < 4 || fits_any_code_col(b, side,
	    t->text))
		return 0;
	for (i = 0; i < b->l.ncols; i = k) {
		g = b->l.cols[i].group;
		for (k = i + 1; k < b->l.ncols && g >= 0 &&
		    b->l.cols[k].group == g && b->l.cols[k].type == COL_CODE;
		    k++)
			;
		if (g < 0 || b->l.cols[i].side != side ||
		    (n = cut_code(b, i, k - i, t->text, cut)) == 0)
			continue;
		for (p = 0; p < n; p++) {
			size_t to = p < n - 1 ? cut[p] : strlen(t->text);

			out[p] = *t;
			out[p].text = xstrndup(t->text + from, to - from);
			from = to;
		}
		return n;
	}
	return 0;
}

static void place_pieces(struct tb *, const struct token *, int, int, int,
    long);

static void
place_words(struct tb *b, const struct token *t, int nt, int side, int row,
    long page)
{
	struct token pieces[64 * 3];
	int i, k, n = 0, owned[64 * 3];

	for (i = 0; i < nt && i < 64; i++) {
		k = n + 3 <= 64 ? split_joined_code(b, side, &t[i],
		    pieces + n) : 0;
		if (k == 0) {
			pieces[n] = t[i];
			owned[n++] = 0;
			continue;
		}
		while (k-- > 0)
			owned[n++] = 1;
	}
	place_pieces(b, pieces, n, side, row, page);
	for (i = 0; i < n; i++)
		if (owned[i])
			free(pieces[i].text);
}

static void
place_pieces(struct tb *b, const struct token *t, int nt, int side, int row,
    long page)
{
	int cols[64], ncols = 0, i;
	struct fit f;

	if (nt == 0)
		return;
	for (i = 0; i < b->l.ncols && ncols < 64; i++)
		if (b->l.cols[i].side == side &&
		    b->l.cols[i].type != COL_AMOUNT &&
		    b->l.cols[i].type != COL_INT)
			cols[ncols++] = i;
	f.best_cost = 1 << 30;
	f.best = xmalloc(sizeof(int) * (size_t)nt);
	f.cur = xmalloc(sizeof(int) * (size_t)nt);
	if (ncols > 0)
		fit_tokens(b, t, nt, cols, ncols, 0, 0, 0, &f);
	for (i = 0; i < nt; i++) {
		int col = -1, k;

		if (f.best_cost < (1 << 30))
			col = cols[f.best[i]];
		else		/* nothing fits: keep the words in the label */
			for (k = 0; k < ncols && col < 0; k++)
				if (b->l.cols[cols[k]].type == COL_LABEL)
					col = cols[k];
		if (col < 0 && ncols > 0)
			col = cols[0];
		if (col >= 0)
			put_cell(b, row, col, t[i].text, page);
	}
	free(f.best);
	free(f.cur);
}

/*
 * A total or 栏次 label printed across the empty code columns before it
 * (合计 over 科目代码 and 科目名称), when the family prints it so.
 */
static void
span_label(struct tb *b, int row, int side)
{
	struct gcell *c;
	int first = -1, label = -1, i;

	for (i = 0; i < b->l.ncols; i++) {
		if (b->l.cols[i].side != side)
			continue;
		if (first < 0 && b->l.cols[i].type != COL_AMOUNT)
			first = i;
		if (b->l.cols[i].type == COL_LABEL) {
			label = i;
			break;
		}
	}
	if (first < 0 || label <= first || !(c = grid_cell(b->g, row, label)))
		return;
	for (i = first; i < label; i++)
		if (grid_cell(b->g, row, i))
			return;
	c->col = first;
	c->colspan = label - first + 1;
}

/* A total's label printed in another column than the row names (预算06). */
static int
first_col_of_side(const struct tb *b, int side)
{
	int i;

	for (i = 0; i < b->l.ncols; i++)
		if (b->l.cols[i].side == side)
			return i;
	return 0;
}

static void
move_label(struct tb *b, int row, int side, int to)
{
	struct gcell *c;
	int i;

	if (b->l.cols[to].side != side || grid_cell(b->g, row, to))
		return;
	for (i = 0; i < b->l.ncols; i++)
		if (b->l.cols[i].side == side &&
		    b->l.cols[i].type == COL_LABEL &&
		    (c = grid_cell(b->g, row, i)) != NULL) {
			c->col = to;
			return;
		}
}

struct sideparts {
	int	 words[64], nwords;
	int	 ints[64], nints;
	int	 amounts[64], namounts;
};

/* Within a side: words, then 行次 numbers, then amounts. */
static void
split_side(struct tb *b, const struct lrow *r, const int *side, int s,
    struct sideparts *p)
{
	int i, last_text = -1, nint_cols = 0;

	memset(p, 0, sizeof(*p));
	for (i = 0; i < b->l.ncols; i++)
		if (b->l.cols[i].side == s && b->l.cols[i].type == COL_INT)
			nint_cols++;
	for (i = 0; i < r->n; i++)
		if (side[i] == s && r->t[i].kind == TK_TEXT)
			last_text = i;
	for (i = 0; i < r->n && p->nwords < 64 && p->namounts < 64; i++) {
		if (side[i] != s)
			continue;
		if (i <= last_text || (last_text < 0 && r->t[i].plain &&
		    !nint_cols && p->namounts == 0 && i + 1 < r->n &&
		    strlen(r->t[i].text) >= 3 && side[i + 1] == s))
			p->words[p->nwords++] = i;
		else if (r->t[i].plain && p->nints < nint_cols &&
		    p->namounts == 0 && strlen(r->t[i].text) <= 2)
			p->ints[p->nints++] = i;
		else
			p->amounts[p->namounts++] = i;
	}
}

static int
side_cols(const struct tb *b, int s, enum coltype type, int *cols)
{
	int i, n = 0;

	for (i = 0; i < b->l.ncols && n < 64; i++)
		if (b->l.cols[i].side == s && b->l.cols[i].type == type)
			cols[n++] = i;
	return n;
}

static void
place_ints(struct tb *b, const struct lrow *r, const struct sideparts *p,
    int s, int row)
{
	int cols[64], n = side_cols(b, s, COL_INT, cols), i;

	for (i = 0; i < p->nints && i < n; i++)
		put_cell(b, row, cols[i], r->t[p->ints[i]].text, r->page);
}

static void
add_segment(struct srow *sr, const struct lrow *r, const struct sideparts *p,
    const int *cols, int ncols, int decimals)
{
	struct segment *sg;
	int i;

	sr->segs = xreallocarray(sr->segs, (size_t)sr->nsegs + 1,
	    sizeof(*sr->segs));
	sg = &sr->segs[sr->nsegs++];
	sg->nvals = p->namounts;
	sg->vals = xmalloc(sizeof(long long) * (size_t)(p->namounts + 1));
	sg->texts = xmalloc(sizeof(char *) * (size_t)(p->namounts + 1));
	for (i = 0; i < p->namounts; i++) {
		sg->vals[i] = num_scale(&r->t[p->amounts[i]].num, decimals);
		sg->texts[i] = r->t[p->amounts[i]].text;
	}
	sg->ncols = ncols;
	sg->cols = xmalloc(sizeof(int) * (size_t)(ncols + 1));
	memcpy(sg->cols, cols, sizeof(int) * (size_t)ncols);
}

static int
row_is_total(struct tb *b, const struct lrow *r)
{
	int i;

	for (i = 0; i < r->n; i++)
		if (r->t[i].kind == TK_TEXT)
			return patlist_match(&b->tr->total, r->t[i].text,
			    strlen(r->t[i].text)) != -1;
	return 0;
}

/* The row's first code, its group's columns joined ("208"+"05"+"05"). */
static char *
first_code(struct tb *b, int row)
{
	struct buf code = BUF_INIT;
	const char *t;
	int i, k;

	for (i = 0; i < b->l.ncols; i++)
		if (b->l.cols[i].type == COL_CODE)
			break;
	for (k = i; k < b->l.ncols; k++) {
		if (k != i && (b->l.cols[i].group < 0 ||
		    b->l.cols[k].group != b->l.cols[i].group))
			continue;
		if ((t = grid_text(b->g, row, k)) != NULL)
			buf_adds(&code, t);
	}
	return code.len ? buf_detach(&code) : NULL;
}

/* One body row: words and 行次 placed now, amounts queued for the solver. */
static void
build_row(struct tb *b, const struct lrow *r, int row, struct srow *sr)
{
	struct sideparts p;
	int side[256], s, cols[64], ncols;
	struct grow *gr = grid_add_row(b->g, row, r->page);

	gr->kind = row_is_total(b, r) ? ROW_TOTAL : ROW_DATA;
	assign_sides(b, r, side);
	memset(sr, 0, sizeof(*sr));
	for (s = 0; s < (b->l.nsides > 1 ? b->l.nsides : 1); s++) {
		struct token words[64];
		int i;

		split_side(b, r, side, s, &p);
		for (i = 0; i < p.nwords; i++)
			words[i] = r->t[p.words[i]];
		place_words(b, words, p.nwords, s, row, r->page);
		place_ints(b, r, &p, s, row);
		if (gr->kind == ROW_TOTAL && b->total_col >= 0)
			move_label(b, row, s, b->total_col);
		else if (gr->kind == ROW_TOTAL && sides_by_code(b))
			move_label(b, row, s, first_col_of_side(b, s));
		else if (b->totalspan && gr->kind == ROW_TOTAL)
			span_label(b, row, s);
		if (p.namounts == 0)
			continue;
		ncols = side_cols(b, s, COL_AMOUNT, cols);
		add_segment(sr, r, &p, cols, ncols, b->decimals);
	}
	sr->code_text = first_code(b, row);
	sr->twin_key = twins_row_key(b->g, row);
}

/* ------------------------------------------------------------------ */

static void
columns_from_layout(struct tb *b)
{
	int i, c;

	for (i = 0; i < b->l.ncols; i++) {
		c = grid_add_col(b->g, b->l.cols[i].path, b->l.cols[i].type);
		b->g->cols[c].canon = xstrdup(b->l.cols[i].canon);
		b->g->cols[c].group = b->l.cols[i].group;
		b->g->cols[c].of_which = b->l.cols[i].of_which;
	}
	for (i = 0; i < b->l.nsums; i++)
		grid_add_sum(b->g, b->l.sums[i].lhs, b->l.sums[i].rhs,
		    b->l.sums[i].nrhs);
	for (i = 0; i < b->l.ncells; i++)
		grid_add_cell(b->g, b->l.cells[i].row, b->l.cells[i].col,
		    b->l.cells[i].rowspan, b->l.cells[i].colspan, 1,
		    b->l.cells[i].text);
	b->g->header_rows = b->l.tree_rows;
}

static int
is_small_int(const struct token *t)
{
	return t->plain && strlen(t->text) <= 2;
}

/*
 * The lines above the first coded body line.  A dump with one cell per
 * line mixes there, in no fixed order, the header's words, the 栏次 row
 * and the pieces of the total row.
 */
struct prelines {
	const char	**text;
	int		  n;
};

static int
line_starts_with_code(const char *text)
{
	struct lrow r;
	int yes;

	memset(&r, 0, sizeof(r));
	tokenize(&r, text);
	yes = starts_with_code(&r);
	free_row(&r);
	return yes;
}

static void
prelines_get(struct prelines *p, const struct tinput *in)
{
	int i;

	p->text = xmalloc(sizeof(char *) * ((size_t)(in->nhead +
	    in->nbody) + 1));
	p->n = 0;
	for (i = 0; i < in->nhead; i++)
		p->text[p->n++] = in->head[i].text;
	for (i = 0; i < in->nbody && !line_starts_with_code(in->body[i].text);
	    i++)
		p->text[p->n++] = in->body[i].text;
}

static int
find_marker(const struct prelines *p, const char *marker)
{
	size_t mlen = strlen(marker);
	int i;

	for (i = 0; i < p->n; i++)
		if (strncmp(p->text[i], marker, mlen) == 0)
			return i;
	return -1;
}

/*
 * A 栏次 marker printed alone takes the lines of small numbers around it
 * that go on counting 1, 2, 3…, as many as there are amount columns.
 */
static void
marker_numbers(struct tb *b, const struct prelines *p, struct lrow *r)
{
	struct lrow line;
	int i, k, want = amount_columns(&b->l);

	for (i = 0; i < p->n && r->n <= want; i++) {
		memset(&line, 0, sizeof(line));
		tokenize(&line, p->text[i]);
		for (k = 0; k < line.n && is_small_int(&line.t[k]) &&
		    atoi(line.t[k].text) == r->n + k; k++)
			;
		if (line.n > 0 && k == line.n) {
			for (k = 0; k < line.n; k++) {
				r->t = xreallocarray(r->t, (size_t)r->n + 1,
				    sizeof(*r->t));
				r->t[r->n++] = line.t[k];
			}
			free(line.t);
		} else
			free_row(&line);
	}
}

/*
 * The 栏次 row under the header: its label in the label column, its
 * numbers one per amount column, left to right.
 */
static int
marker_row(struct tb *b, const struct prelines *p, const char *marker)
{
	struct lrow r;
	int side[256], s, i, k, row = b->l.tree_rows, cols[64], n, label;

	if ((i = find_marker(p, marker)) < 0)
		return 0;
	memset(&r, 0, sizeof(r));
	tokenize(&r, p->text[i]);
	if (r.n == 1)
		marker_numbers(b, p, &r);
	assign_sides(b, &r, side);
	for (s = 0; s < (b->l.nsides > 1 ? b->l.nsides : 1); s++) {
		label = -1;
		for (k = 0; k < b->l.ncols && label < 0; k++)
			if (b->l.cols[k].side == s &&
			    b->l.cols[k].type == COL_LABEL)
				label = k;
		n = side_cols(b, s, COL_AMOUNT, cols);
		for (k = 0, i = 0; k < r.n; k++) {
			if (side[k] != s)
				continue;
			if (r.t[k].kind == TK_TEXT && label >= 0)
				grid_add_cell(b->g, row, label, 1, 1, 1,
				    r.t[k].text);
			else if (r.t[k].kind == TK_NUM && i < n)
				grid_add_cell(b->g, row, cols[i++], 1, 1, 1,
				    r.t[k].text);
		}
		if (b->totalspan)
			span_label(b, row, s);
	}
	free_row(&r);
	b->g->header_rows++;
	return 1;
}

/* A line "1 2 3 … n": whether it numbers n columns, and n. */
static int
numbering(const char *text)
{
	struct lrow r;
	int i, n;

	memset(&r, 0, sizeof(r));
	tokenize(&r, text);
	for (i = 0; i < r.n && is_small_int(&r.t[i]) &&
	    atoi(r.t[i].text) == i + 1; i++)
		;
	n = i == r.n ? r.n : 0;
	free_row(&r);
	return n;
}

/*
 * A family printed without a 栏次 label may still number its columns
 * under the header ("1 2 3 … 12"): a header row, one number per amount
 * column, or per column when it numbers them all.
 */
static void
numbering_row(struct tb *b, const struct prelines *p)
{
	struct lrow r;
	int i, k, n, cols[64], row = b->l.tree_rows, namounts;

	namounts = side_cols(b, 0, COL_AMOUNT, cols);
	if (b->l.nsides > 1)
		return;
	for (i = 0; i < p->n; i++) {
		n = numbering(p->text[i]);
		if (n >= 3 && (n == namounts || n == b->l.ncols))
			break;
	}
	if (i == p->n)
		return;
	memset(&r, 0, sizeof(r));
	tokenize(&r, p->text[i]);
	for (k = 0; k < r.n; k++)
		grid_add_cell(b->g, row, r.n == namounts ? cols[k] : k, 1, 1,
		    1, r.t[k].text);
	free_row(&r);
	b->g->header_rows++;
}

static int
is_total_text(const struct tb *b, const char *text)
{
	return patlist_match(&b->tr->total, text, strlen(text)) != -1;
}

/*
 * Rows gathered above the first coded row, each only words or only
 * amounts, are the pieces of one: the total row, printed one cell per
 * line among the header's.  Its amounts are kept in order, its words
 * dropped (they are the header's, or the total's label, found below).
 */
static void
merge_rows_above_codes(struct tb *b)
{
	struct lrow merged;
	int fc, r, k;

	for (fc = 0; fc < b->nrows && !has_code(&b->rows[fc]); fc++)
		if (has_kind(&b->rows[fc], 0) && has_kind(&b->rows[fc], 1))
			return;		/* a whole row: not pieces */
	if (fc < 2 || fc == b->nrows)
		return;
	memset(&merged, 0, sizeof(merged));
	merged.page = b->rows[0].page;
	for (r = 0; r < fc; r++) {
		for (k = 0; k < b->rows[r].n; k++) {
			if (!is_amount(&b->rows[r].t[k])) {
				free(b->rows[r].t[k].text);
				continue;
			}
			merged.t = xreallocarray(merged.t, (size_t)merged.n + 1,
			    sizeof(*merged.t));
			merged.t[merged.n++] = b->rows[r].t[k];
		}
		free(b->rows[r].t);
	}
	b->rows[0] = merged;
	memmove(b->rows + 1, b->rows + fc, sizeof(*b->rows) *
	    (size_t)(b->nrows - fc));
	b->nrows -= fc - 1;
}

/*
 * The total's label for a first row of amounts alone: the total label
 * printed after the 栏次 marker among the lines above the codes.
 */
static void
total_label_above(struct tb *b, const struct prelines *p, const char *marker)
{
	struct lrow *first = b->nrows > 0 ? &b->rows[0] : NULL, label;
	int i;

	if (first == NULL || has_kind(first, 1) || has_code(first) ||
	    !has_kind(first, 0) || (i = find_marker(p, marker)) < 0)
		return;
	for (i++; i < p->n && !is_total_text(b, p->text[i]); i++)
		;
	if (i == p->n)
		return;
	memset(&label, 0, sizeof(label));
	tokenize(&label, p->text[i]);
	label.t = xreallocarray(label.t, (size_t)(label.n + first->n) + 1,
	    sizeof(*label.t));
	memcpy(label.t + label.n, first->t, sizeof(*first->t) *
	    (size_t)first->n);
	free(first->t);
	first->t = label.t;
	first->n += label.n;
}

static int
table_decimals(const struct tb *b)
{
	int r, i, d = 0;

	for (r = 0; r < b->nrows; r++)
		for (i = 0; i < b->rows[r].n; i++)
			if (b->rows[r].t[i].kind == TK_NUM &&
			    b->rows[r].t[i].num.decimals > d)
				d = b->rows[r].t[i].num.decimals;
	return d;
}

static void
fill_amounts(struct tb *b, struct srow *sr, int first_row)
{
	struct gcell *c;
	int r, s, k, vi;

	for (r = 0; r < b->nrows; r++) {
		vi = 0;
		for (s = 0; s < sr[r].nsegs; s++)
			for (k = 0; k < sr[r].segs[s].nvals; k++, vi++) {
				if (sr[r].col_of[vi] < 0)
					continue;
				c = grid_add_cell(b->g, first_row + r,
				    sr[r].col_of[vi], 1, 1, 0,
				    sr[r].segs[s].texts[k]);
				c->page = b->rows[r].page;
			}
		b->g->rows[r].ambiguous = sr[r].ambiguous;
		if (sr[r].dropped) {
			struct grow *gr = &b->g->rows[r];

			if (gr->failures.len)
				buf_addc(&gr->failures, '\n');
			buf_adds(&gr->failures, "a value fitting no column "
			    "was left out");
			gr->check = 1;
		}
	}
}

static void
free_srows(struct srow *sr, int n)
{
	int r, s;

	for (r = 0; r < n; r++) {
		for (s = 0; s < sr[r].nsegs; s++) {
			free(sr[r].segs[s].vals);
			free(sr[r].segs[s].texts);
			free(sr[r].segs[s].cols);
		}
		free(sr[r].segs);
		free(sr[r].col_of);
		free((char *)sr[r].code_text);
		free(sr[r].twin_key);
	}
	free(sr);
}

static char *
header_words(const struct tinput *in)
{
	struct buf h = BUF_INIT;
	int i;

	for (i = 0; i < in->nhead; i++) {
		buf_adds(&h, in->head[i].text);
		buf_addc(&h, ' ');
	}
	return buf_detach(&h);
}

/* The table's lines with the body begun where its first code is. */
struct moved {
	struct tinput	 in;
	struct tline	*body;
};

static int
is_code_of_layout(const struct tb *b, const char *text)
{
	struct lrow r;
	int i, yes = 0;

	memset(&r, 0, sizeof(r));
	tokenize(&r, text);
	for (i = 0; r.n > 0 && is_code_token(&r.t[0]) && i < b->l.ncols; i++)
		if (b->l.cols[i].type == COL_CODE && b->l.cols[i].rx &&
		    regex_match(b->l.cols[i].rx, r.t[0].text,
		    strlen(r.t[0].text)))
			yes = 1;
	free_row(&r);
	return yes;
}

/* Whether a word is a header cell's text, or a piece of one. */
static int
header_piece(const struct tb *b, const char *w)
{
	int i;

	for (i = 0; i < b->l.ncells; i++)
		if (strstr(b->l.cells[i].text, w) != NULL)
			return 1;
	return 0;
}

/* A line of header words only ("小计 项目支出 公用经费"). */
static int
holds_header_words(const struct tb *b, const char *text)
{
	struct lrow r;
	int i, all;

	memset(&r, 0, sizeof(r));
	tokenize(&r, text);
	all = r.n > 0;
	for (i = 0; i < r.n && all; i++)
		all = r.t[i].kind == TK_TEXT && header_piece(b, r.t[i].text);
	free_row(&r);
	return all;
}

/*
 * A dump with a cell a line leaves a first row's code and name ("301",
 * "工资福利支出") among the header lines, its amount being the first line
 * that reads as a row: the body begins at a header line holding a code
 * or an item (一、…).
 */
static void
body_from_first_code(const struct tb *b, const struct tinput *in,
    struct moved *m)
{
	int i, k;

	m->in = *in;
	m->body = NULL;
	if (!cells_a_line(in))
		return;
	for (k = 0; k < in->nhead && !is_code_of_layout(b, in->head[k].text) &&
	    patlist_match(&b->tr->item, in->head[k].text,
	    strlen(in->head[k].text)) == -1; k++)
		;
	for (i = k; i < in->nhead; i++)
		if (holds_header_words(b, in->head[i].text))
			return;		/* a code printed in the header */
	m->body = xmalloc(sizeof(*m->body) * ((size_t)(in->nhead - k +
	    in->nbody) + 1));
	for (i = k; i < in->nhead; i++)
		m->body[i - k] = in->head[i];
	for (i = 0; i < in->nbody; i++)
		m->body[in->nhead - k + i] = in->body[i];
	m->in.nhead = k;
	m->in.body = m->body;
	m->in.nbody = in->nhead - k + in->nbody;
}

void
textrows_build(struct grid *g, struct textrules *tr, const struct family *f,
    const struct twins *tw, const struct tinput *in)
{
	struct tb b;
	struct prelines pre;
	struct moved moved;
	struct srow *sr;
	char *header = header_words(in);
	int r, first;

	memset(&b, 0, sizeof(b));
	b.g = g;
	b.tr = tr;
	b.totalspan = f->marker != NULL || f->spantotal;
	layout_build(&b.l, f, header);
	b.total_col = f->total ? layout_col_by_canon(&b.l, f->total) : -1;
	free(header);
	columns_from_layout(&b);
	body_from_first_code(&b, in, &moved);
	in = &moved.in;
	prelines_get(&pre, in);
	if (f->marker == NULL || !marker_row(&b, &pre, f->marker))
		numbering_row(&b, &pre);
	gather_rows(&b, in);
	if (f->marker) {
		merge_rows_above_codes(&b);
		total_label_above(&b, &pre, f->marker);
	}
	free(pre.text);
	b.decimals = table_decimals(&b);
	first = g->header_rows;
	sr = xcalloc((size_t)b.nrows + 1, sizeof(*sr));
	for (r = 0; r < b.nrows; r++)
		build_row(&b, &b.rows[r], first + r, &sr[r]);
	solver_place(g, &b.l, tw, sr, b.nrows);
	fill_amounts(&b, sr, first);
	free_srows(sr, b.nrows);
	for (r = 0; r < b.nrows; r++)
		free_row(&b.rows[r]);
	free(b.rows);
	layout_free(&b.l);
	free(moved.body);
}

/* The numbers ending a row: its amounts. */
static int
trailing_numbers(const struct lrow *r)
{
	int i, n = 0;

	for (i = r->n - 1; i >= 0 && r->t[i].kind == TK_NUM; i--)
		n++;
	return n;
}

/*
 * A generic table's columns: one label column, then the amounts; named
 * by the header's words where they fit, numbered from 1 where not.
 */
static void
generic_columns(struct grid *g, const struct tinput *in, int namounts)
{
	struct headwords h;
	const char **lines;
	char name[16];
	int i;

	lines = xmalloc(sizeof(char *) * ((size_t)in->nhead + 1));
	for (i = 0; i < in->nhead; i++)
		lines[i] = in->head[i].text;
	if (headwords_build(&h, lines, in->nhead, 1, namounts)) {
		grid_add_col(g, h.paths[0] ? h.paths[0] : "项目", COL_LABEL);
		for (i = 1; i < h.ncols; i++)
			grid_add_col(g, h.paths[i], COL_AMOUNT);
		for (i = 0; i < h.ncells; i++)
			grid_add_cell(g, h.cells[i].row, h.cells[i].col,
			    h.cells[i].rowspan, h.cells[i].colspan, 1,
			    h.cells[i].text);
		g->header_rows = h.rows;
		headwords_free(&h);
	} else {
		grid_add_col(g, "项目", COL_LABEL);
		for (i = 1; i <= namounts; i++) {
			snprintf(name, sizeof(name), "%d", i);
			grid_add_col(g, name, COL_AMOUNT);
		}
		g->header_rows = 0;
	}
	free(lines);
}

/*
 * A table no family describes: the words of each row are its label, its
 * trailing numbers fill the amount columns from the left.
 */
void
textrows_generic(struct grid *g, struct textrules *tr, const struct tinput *in)
{
	struct tb b;
	struct gcell *c;
	int r, i, maxnum = 0, n, first, col;

	memset(&b, 0, sizeof(b));
	b.g = g;
	b.tr = tr;
	gather_rows(&b, in);
	for (r = 0; r < b.nrows; r++)
		if ((n = trailing_numbers(&b.rows[r])) > maxnum)
			maxnum = n;
	generic_columns(g, in, maxnum);
	first = g->header_rows;
	for (r = 0; r < b.nrows; r++) {
		struct lrow *row = &b.rows[r];
		struct grow *gr = grid_add_row(g, first + r, row->page);

		n = trailing_numbers(row);
		gr->kind = row_is_total(&b, row) ? ROW_TOTAL : ROW_DATA;
		for (i = 0; i < row->n - n; i++)
			put_cell(&b, first + r, 0, row->t[i].text, row->page);
		for (col = 1, i = row->n - n; i < row->n; i++, col++) {
			c = grid_add_cell(g, first + r, col, 1, 1, 0,
			    row->t[i].text);
			c->page = row->page;
		}
	}
	for (r = 0; r < b.nrows; r++)
		free_row(&b.rows[r]);
	free(b.rows);
}
