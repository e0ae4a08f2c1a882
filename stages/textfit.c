/*
 * textfit.c - a row's codes and words in the columns they fit.
 *
 * The words of one side are fitted to its code, label and text columns
 * in order, at the least cost: a code where its pattern fits, a word a
 * text column prints (特定目标类) there, a label in two pieces costing
 * more than a column of its own.
 */
#include <stdlib.h>
#include <string.h>

#include "textrow.h"
#include "utf8.h"

struct fit {
	int	 best_cost;
	int	*best;		/* column per token */
	int	*cur;
};

static int is_parent_code(const struct tb *, const char *);

/* Whether a word is what a text column of the side prints (特定目标类). */
int
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
		/* A parent code (208) is a 类, not a unit's code. */
		return c->group < 0 && is_parent_code(b, t->text) ? 3 : 0;
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
/* Whether a code heads other rows' codes (208 of 208 05 05 or 2080505). */
static int
is_parent_code(const struct tb *b, const char *code)
{
	int i;

	for (i = 0; i < b->nparents; i++)
		if (strcmp(b->parents[i], code) == 0)
			return 1;
	return 0;
}

/*
 * Code columns filled together (类 款 项) may be filled only in part when
 * the row is a parent of others (208 alone, its 款 and 项 empty); any
 * other partial filling costs.
 */
static int
group_penalty(const struct tb *b, const int *cols, int ncols,
    const int *filled, const struct token *const *at)
{
	int i, k, g, any, all, prefix, first, pen = 0;

	for (i = 0; i < ncols; i++) {
		g = b->l.cols[cols[i]].group;
		if (g < 0)
			continue;
		any = 0;
		all = prefix = 1;
		first = -1;
		for (k = 0; k < ncols; k++)
			if (b->l.cols[cols[k]].group == g) {
				if (first < 0)
					first = k;
				if (filled[k] && k > first && !filled[k - 1])
					prefix = 0;
				any |= filled[k];
				all &= filled[k];
			}
		if (any && !all && !(prefix && filled[first] &&
		    is_parent_code(b, at[first]->text)))
			pen += 10;
	}
	return pen;
}

static void
fit_tokens(const struct tb *b, const struct token *t, int nt, const int *cols,
    int ncols, int ti, int ci, int cost, struct fit *f)
{
	int k, c, filled[64];
	const struct token *at[64];

	if (cost >= f->best_cost)
		return;
	if (ti == nt) {
		memset(filled, 0, sizeof(filled));
		for (k = 0; k < nt; k++) {
			filled[f->cur[k]] = 1;
			at[f->cur[k]] = &t[k];
		}
		cost += group_penalty(b, cols, ncols, filled, at);
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

void
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

void
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

/*
 * A total or 栏次 label printed across the empty code columns before it
 * (合计 over 科目代码 and 科目名称), when the family prints it so.
 */
void
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

void
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
