/*
 * textgather.c - a table's body lines gathered into rows.
 *
 * A row starts at a code, an item, a total, or after a row that has its
 * amounts; wrapped labels and amounts on a line of their own join the row
 * before.  A dump that prints a cell a line (pdftotext without -raw)
 * needs more: two sides, or blocks side by side, go on through the row
 * until the first side begins again.
 */
#include <stdlib.h>
#include <string.h>

#include "textrow.h"

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

/* The one side whose pattern a label fits, or -1. */
static int
known_side(const struct tb *b, const char *label)
{
	int s, side = -1;

	for (s = 0; s < b->l.nsides; s++)
		if (regex_match(b->l.sides[s].rx, label, strlen(label))) {
			if (side >= 0)
				return -1;
			side = s;
		}
	return side;
}

/*
 * Whether a row has come to its second side's label and has no amount
 * after it: the amounts a line of their own then are that side's.
 */
static int
amount_wanted(const struct tb *b, const struct lrow *cur)
{
	int i, second = 0;

	for (i = 0; i < cur->n; i++)
		if (cur->t[i].kind == TK_TEXT)
			second = known_side(b, cur->t[i].text) == 1;
		else if (second && is_amount(&cur->t[i]))
			return 0;
	return second;
}

/*
 * Two sides without 行次, a cell a line: a row goes on from its first
 * side's label to the second side's (the amount between is the first
 * side's), and ends where a first side's label begins, or a second
 * side's label the row already has; amounts alone go with a second
 * side that has none yet.  -1 (the rules for any dump) for a line or a
 * row without a label that fits one side alone.
 */
static int
starts_row_by_sides(const struct tb *b, const struct lrow *cur,
    const struct lrow *line)
{
	int i, s, reached;

	for (i = 0; i < line->n && line->t[i].kind != TK_TEXT; i++)
		;
	if (i == line->n)
		return amount_wanted(b, cur) ? 0 : -1;
	if ((s = known_side(b, line->t[i].text)) < 0)
		return -1;
	if (s == 0)
		return 1;
	for (i = 0, reached = -1; i < cur->n; i++)
		if (cur->t[i].kind == TK_TEXT &&
		    known_side(b, cur->t[i].text) > reached)
			reached = known_side(b, cur->t[i].text);
	return reached < 0 ? -1 : reached >= 1;
}

/* A line of numbers only, amounts or percentages. */
static int
only_numbers(const struct lrow *r)
{
	int i;

	for (i = 0; i < r->n; i++)
		if (r->t[i].kind != TK_NUM)
			return 0;
	return r->n > 0;
}

/*
 * A code only the first code column takes (部门预算 3xxxx where 政府预算
 * takes 5xxxx): the next row's, not the second scheme's of this one.
 */
static int
first_scheme_only(const struct tb *b, const struct token *t)
{
	size_t n = strlen(t->text);
	int i, first = 1, fits_first = 0;

	for (i = 0; i < b->l.ncols; i++) {
		if (b->l.cols[i].type != COL_CODE || b->l.cols[i].rx == NULL)
			continue;
		if (regex_match(b->l.cols[i].rx, t->text, n)) {
			if (!first)
				return 0;
			fits_first = 1;
		}
		first = 0;
	}
	return fits_first;
}

/* A code only a code column after the first takes (政府预算 5xxxx). */
static int
later_scheme_only(const struct tb *b, const struct token *t)
{
	size_t n = strlen(t->text);
	int i, first = 1, later = 0;

	for (i = 0; i < b->l.ncols; i++) {
		if (b->l.cols[i].type != COL_CODE || b->l.cols[i].rx == NULL)
			continue;
		if (regex_match(b->l.cols[i].rx, t->text, n)) {
			if (first)
				return 0;
			later = 1;
		}
		first = 0;
	}
	return later;
}

/*
 * A row begun by the word of the text column its words begin with
 * (项目支出预算表: 类型 其他运转类, then the project's name and unit).
 */
static int
begun_by_type(const struct tb *b, const struct lrow *r)
{
	int i;

	if (r->n == 0 || r->t[0].kind != TK_TEXT)
		return 0;
	for (i = 0; i < b->l.ncols && b->l.cols[i].type == COL_CODE; i++)
		;
	return i < b->l.ncols && b->l.cols[i].type == COL_TEXT &&
	    b->l.cols[i].rx != NULL && regex_match(b->l.cols[i].rx,
	    r->t[0].text, strlen(r->t[0].text));
}

static int
starts_row(struct tb *b, const struct lrow *cur, const struct lrow *line,
    const char *text)
{
	size_t n = strlen(text);
	int by_sides;

	if (cur == NULL)
		return 1;
	if (b->cell_lines && sides_by_code(b))
		return starts_row_in_blocks(b, cur, line, text);
	if (b->cell_lines && b->l.nsides == 2 && has_int_columns(b))
		return starts_row_two_sides(b, cur, line);
	if (b->cell_lines && b->l.nsides == 2 && !sides_by_code(b) &&
	    (by_sides = starts_row_by_sides(b, cur, line)) >= 0)
		return by_sides;
	if (b->cell_lines && b->l.ncols == 0)
		return !only_numbers(line);	/* no family: words begin rows */
	if (only_amounts(line))
		return has_kind(cur, 0) && !one_cell_per_line(b, cur, line);
	if (!has_kind(cur, 1) && !has_kind(cur, 0) && has_code(cur))
		return 0;		/* a code alone waits for its label */
	if (starts_with_code(line) && !has_kind(cur, 0) && has_code(cur) &&
	    code_after_label(&b->l) && !first_scheme_only(b, &line->t[0]))
		return 0;		/* the second scheme's code */
	if (starts_with_code(line) && !has_kind(cur, 0) && !has_code(cur) &&
	    has_kind(cur, 1) && later_scheme_only(b, &line->t[0]))
		return 0;		/* its first code printed elsewhere */
	if (patlist_match(&b->tr->item, text, n) != -1 ||
	    patlist_match(&b->tr->total, text, n) != -1 ||
	    patlist_match(&b->tr->of_which, text, n) != -1 ||
	    starts_with_code(line))
		return 1;
	if (has_kind(cur, 0))
		return 1;
	if (starts_with_code(cur) && !has_kind(line, 0))
		return 0;
	if (code_after_label(&b->l) && cur->n > 0 && cur->t[cur->n - 1].plain &&
	    !has_kind(line, 0))
		return 0;		/* the second scheme's label */
	if (b->cell_lines && begun_by_type(b, cur) && !begun_by_type(b, line))
		return 0;		/* its name and unit, a line each */
	return 1;
}

/* Most body lines hold a cell or two: a dump without -raw. */
int
cells_a_line(const struct tinput *in)
{
	int i, short_lines = 0;

	for (i = 0; i < in->nbody; i++)
		short_lines += strchr(in->body[i].text, ' ') == NULL ||
		    strchr(strchr(in->body[i].text, ' ') + 1, ' ') == NULL;
	return in->nbody > 0 && short_lines * 2 >= in->nbody;
}

void
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
int
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

/* Whether a word is the whole text of one of the header's cells. */
static int
header_cell(const struct tb *b, const char *w)
{
	int i;

	for (i = 0; i < b->l.ncells; i++)
		if (strcmp(b->l.cells[i].text, w) == 0)
			return 1;
	return 0;
}

/*
 * A line of whole header cells, in a table of blocks known by codes or
 * of one side (two sides' rows may be named like the columns: 一般公共预算
 * 财政拨款 in 公开04表).
 */
static int
header_cells_line(const struct tb *b, const char *text)
{
	struct lrow r;
	int k, all;

	if ((!sides_by_code(b) && b->l.nsides > 1) ||
	    patlist_match(&b->tr->total, text, strlen(text)) != -1)
		return 0;		/* 合计: a header cell and a row's label */
	memset(&r, 0, sizeof(r));
	tokenize(&r, text);
	all = r.n > 0;
	for (k = 0; k < r.n && all; k++)
		all = r.t[k].kind == TK_TEXT && header_cell(b, r.t[k].text);
	free_row(&r);
	return all;
}

/*
 * A dump with a cell a line leaves a first row's code and name ("301",
 * "工资福利支出") among the header lines, its amount being the first line
 * that reads as a row: the body begins at a header line holding a code
 * or an item (一、…).
 */
void
body_from_first_code(const struct tb *b, const struct tinput *in,
    struct moved *m)
{
	int i, k;

	m->in = *in;
	m->body = NULL;
	if (!cells_a_line(in)) {
		own_body(m);
		return;
	}
	for (k = 0; k < in->nhead && !is_code_of_layout(b, in->head[k].text) &&
	    patlist_match(&b->tr->item, in->head[k].text,
	    strlen(in->head[k].text)) == -1; k++)
		;
	for (i = k; i < in->nhead; i++)
		if (holds_header_words(b, in->head[i].text) &&
		    !(sides_by_code(b) &&
		    header_cells_line(b, in->head[i].text))) {
			own_body(m);
			return;		/* a code printed in the header */
		}
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

/* The body lines as a copy of the table's own, to leave lines out of. */
void
own_body(struct moved *m)
{
	size_t n = (size_t)m->in.nbody + 1;

	if (m->body != NULL)
		return;
	m->body = xmalloc(sizeof(*m->body) * n);
	if (m->in.nbody > 0)
		memcpy(m->body, m->in.body, sizeof(*m->body) *
		    (size_t)m->in.nbody);
	m->in.body = m->body;
}

/* Leave body line i out: it was header, not a row. */
void
drop_body_line(struct moved *m, int i)
{
	memmove(m->body + i, m->body + i + 1, sizeof(*m->body) *
	    (size_t)(m->in.nbody - i - 1));
	m->in.nbody--;
}

static int
has_word_columns(const struct layout *l)
{
	int i;

	for (i = 0; i < l->ncols; i++)
		if (l->cols[i].type != COL_AMOUNT)
			return 1;
	return 0;
}

/*
 * A table of amounts only (三公经费: one row under a wide header)
 * printed a cell a line has the rest of its header among its amounts:
 * a line of words there is the header's, and the row goes on after it.
 */
void
drop_words_among_amounts(const struct tb *b, struct moved *m)
{
	struct lrow r;
	int i, words;

	if (!b->cell_lines || b->l.ncols == 0 || has_word_columns(&b->l))
		return;
	for (i = m->in.nbody - 1; i >= 0; i--) {
		memset(&r, 0, sizeof(r));
		tokenize(&r, m->in.body[i].text);
		words = r.n > 0 && !has_kind(&r, 0) && !has_small_int(&r);
		free_row(&r);
		if (words)
			drop_body_line(m, i);
	}
}

static int
amounts_line(const char *text)
{
	struct lrow r;
	int yes;

	memset(&r, 0, sizeof(r));
	tokenize(&r, text);
	yes = only_amounts(&r);
	free_row(&r);
	return yes;
}

/*
 * A dump a cell a line may print the total row's amounts first, then
 * the rest of the header's words with the row's label (合计) among them,
 * then the coded rows.  The label goes back before its amounts, and the
 * header's words between them and the rows are left out.
 */
void
total_before_header_words(struct tb *b, struct moved *m)
{
	struct tline total;
	int i, first, end, t = -1;

	if (!b->cell_lines)
		return;
	for (first = 0; first < m->in.nbody &&
	    amounts_line(m->in.body[first].text); first++)
		;
	for (end = first; end < m->in.nbody &&
	    holds_header_words(b, m->in.body[end].text); end++)
		if (t < 0 && patlist_match(&b->tr->total,
		    m->in.body[end].text, strlen(m->in.body[end].text)) != -1)
			t = end;
	if (first == 0 || t < 0)
		return;
	own_body(m);
	total = m->in.body[t];
	for (i = end - 1; i >= first; i--)
		drop_body_line(m, i);	/* the total's line among them */
	memmove(m->body + 1, m->body, sizeof(*m->body) *
	    (size_t)m->in.nbody);
	m->body[0] = total;
	m->in.nbody++;
}

/* A line that goes on with a header printed again: its words or marker. */
static int
header_again(const struct tb *b, const char *text, const char *marker)
{
	return holds_header_words(b, text) ||
	    (marker != NULL && strcmp(text, marker) == 0);
}

/* A lone small number: a numbering row's, when the header goes on. */
static int
lone_small_int(const char *text)
{
	struct lrow r;
	int yes;

	memset(&r, 0, sizeof(r));
	tokenize(&r, text);
	yes = r.n == 1 && is_small_int(&r.t[0]);
	free_row(&r);
	return yes;
}

static int
holds_amount(const char *text)
{
	struct lrow r;
	int yes;

	memset(&r, 0, sizeof(r));
	tokenize(&r, text);
	yes = has_kind(&r, 0);
	free_row(&r);
	return yes;
}

/*
 * A table continued over pages prints its header again on each; a dump
 * a cell a line leaves it among the rows, where its words would make
 * rows of their own or join a row's label.  The lines of header words
 * (and of its numbering, the header going on after them) that begin a
 * page are left out; in a table of one side, those up to the page's
 * first amount too, the first row's code and name printed among them.
 */
static int
header_end(const struct tb *b, const struct moved *m, int i,
    const char *marker)
{
	int end;

	for (end = i; end < m->in.nbody; end++)
		if (!header_again(b, m->in.body[end].text, marker) &&
		    !(lone_small_int(m->in.body[end].text) &&
		    end + 1 < m->in.nbody && header_again(b,
		    m->in.body[end + 1].text, marker)))
			break;
	return end;
}

void
drop_repeated_header(const struct tb *b, struct moved *m, const char *marker)
{
	int i, k, end;

	if (!b->cell_lines)
		return;
	for (i = 1; i < m->in.nbody; i++) {
		if (m->in.body[i].page == m->in.body[i - 1].page)
			continue;
		own_body(m);
		end = header_end(b, m, i, marker);
		while (end-- > i)
			drop_body_line(m, i);
		for (k = i; b->l.nsides <= 1 && k < m->in.nbody &&
		    !holds_amount(m->in.body[k].text); k++)
			if (holds_header_words(b, m->in.body[k].text))
				drop_body_line(m, k--);
	}
}

/*
 * A dump a cell a line prints the header's cells among the rows where
 * the header's blocks stand beside them (公开06表: 决算数, 科目名称 among
 * the first rows; 一般公共预算 between 合计 and its amounts), where they
 * would join a row's label.  A line of whole header cells is no part of
 * a row.
 */
void
drop_header_cells(const struct tb *b, struct moved *m)
{
	int i;

	if (!b->cell_lines)
		return;
	for (i = m->in.nbody - 1; i >= 0; i--)
		if (header_cells_line(b, m->in.body[i].text)) {
			own_body(m);
			drop_body_line(m, i);
		}
}

/* A head line naming a row of the first side: its words fit it alone. */
static int
first_side_label(const struct tb *b, const char *text)
{
	struct lrow r;
	int yes;

	memset(&r, 0, sizeof(r));
	tokenize(&r, text);
	yes = r.n == 1 && r.t[0].kind == TK_TEXT &&
	    known_side(b, r.t[0].text) == 0;
	free_row(&r);
	return yes;
}

static int
has_first_side_label(const struct tb *b, const struct lrow *r)
{
	int i;

	for (i = 0; i < r->n; i++)
		if (r->t[i].kind == TK_TEXT && known_side(b, r->t[i].text) == 0)
			return 1;
	return 0;
}

/* The run of first-side labels among the head's lines, from an item. */
static int
first_side_run(struct tb *b, const struct tinput *in, int *from)
{
	const char *t;
	int i, k;

	for (i = 0; i < in->nhead; i++) {
		t = in->head[i].text;
		if (first_side_label(b, t) &&
		    patlist_match(&b->tr->item, t, strlen(t)) != -1)
			break;
	}
	for (k = i; k < in->nhead && first_side_label(b, in->head[k].text);
	    k++)
		;
	*from = i;
	return k - i;
}

/*
 * Two sides printed one after the other, a cell a line: the first
 * side's labels all before its amounts, left among the header's lines,
 * the rows in the body holding the second side's.  The run of those
 * lines from the first item on goes to the rows in order, when none of
 * them holds a first side's label.
 */
void
first_side_from_head(struct tb *b, const struct tinput *in)
{
	struct lrow label;
	int i, r, k, from;

	if (!b->cell_lines || b->l.nsides != 2 || has_int_columns(b) ||
	    (k = first_side_run(b, in, &from)) < 2 || k > b->nrows)
		return;
	for (i = 0; i < k; i++)
		if (has_first_side_label(b, &b->rows[i]))
			return;
	for (i = from, r = 0; r < k; i++, r++) {
		memset(&label, 0, sizeof(label));
		tokenize(&label, in->head[i].text);
		label.t = xreallocarray(label.t, (size_t)(label.n +
		    b->rows[r].n) + 1, sizeof(*label.t));
		memcpy(label.t + label.n, b->rows[r].t, sizeof(*label.t) *
		    (size_t)b->rows[r].n);
		free(b->rows[r].t);
		b->rows[r].t = label.t;
		b->rows[r].n += label.n;
	}
}
