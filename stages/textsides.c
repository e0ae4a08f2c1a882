/*
 * textsides.c - which side of a table each word of a row is on.
 *
 * Two-sided tables (收入 | 支出) are cut where the second label begins,
 * or by the words the rules give each side; blocks side by side known by
 * their codes (基本支出决算明细表) by the code each block prints.
 */
#include <stdlib.h>
#include <string.h>

#include "textrow.h"

int
amount_columns(const struct layout *l)
{
	int i, n = 0;

	for (i = 0; i < l->ncols; i++)
		n += l->cols[i].type == COL_AMOUNT;
	return n;
}

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
int
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
int
sides_by_code(const struct tb *b)
{
	return b->l.nsides > 1 &&
	    b->l.cols[b->l.sides[0].col].type == COL_CODE;
}

/* Whether side s stands under a heading the text names (人员经费合计). */
int
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

static int
side_has_int(const struct tb *b, int s)
{
	int i;

	for (i = 0; i < b->l.ncols; i++)
		if (b->l.cols[i].side == s && b->l.cols[i].type == COL_INT)
			return 1;
	return 0;
}

/*
 * One label, of the first side, and two 行次 after it ("一般公共预算财政
 * 拨款 29 61", the second side's label printed once for both): a side
 * prints one 行次, so the second and what follows it are the second
 * side's.
 */
static int
second_int_opens_side(const struct tb *b, const struct lrow *r, int label,
    int *side)
{
	int i, ints = 0, cur = 0;

	if (b->l.nsides != 2 || !side_has_int(b, 0) || !side_has_int(b, 1))
		return 0;
	for (i = label + 1; i < r->n; i++)
		ints += is_small_int(&r->t[i]);
	if (ints != 2)
		return 0;
	for (i = 0, ints = 0; i < r->n; i++) {
		if (i > label && is_small_int(&r->t[i]) && ints++ > 0)
			cur = 1;
		side[i] = cur;
	}
	return 1;
}

/*
 * Cut a row's tokens into sides: side[i] is the side of token i.  The
 * first label opens side 0 (or a later side its words belong to), the
 * next label the next side.
 */
void
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
	if (labels == 1 && cur == 0 && second_int_opens_side(b, r, first_label,
	    side))
		return;
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

/* A total's label printed in another column than the row names (预算06). */
int
first_col_of_side(const struct tb *b, int side)
{
	int i;

	for (i = 0; i < b->l.ncols; i++)
		if (b->l.cols[i].side == side)
			return i;
	return 0;
}

int
side_cols(const struct tb *b, int s, enum coltype type, int *cols)
{
	int i, n = 0;

	for (i = 0; i < b->l.ncols && n < 64; i++)
		if (b->l.cols[i].side == s && b->l.cols[i].type == type)
			cols[n++] = i;
	return n;
}
