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
#include "solver.h"
#include "textrow.h"
#include "textrows.h"

struct sideparts {
	int	 words[64], nwords;
	int	 ints[64], nints;
	int	 amounts[64], namounts;
};

/*
 * A whole number fitting a code column, in a table printing decimals: a
 * code left at a row's end (its label printed elsewhere), no amount.
 */
static int
code_not_amount(const struct tb *b, const struct token *t)
{
	int i;

	if (!t->plain || b->decimals == 0 || !b->cell_lines)
		return 0;
	for (i = 0; i < b->l.ncols; i++)
		if (b->l.cols[i].type == COL_CODE && b->l.cols[i].rx != NULL &&
		    regex_match(b->l.cols[i].rx, t->text, strlen(t->text)))
			return 1;
	return 0;
}

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
		if (side[i] == s && r->t[i].kind == TK_TEXT &&
		    !looks_like_text_cell(b, &r->t[i], s))
			last_text = i;
	for (i = 0; i < r->n && p->nwords < 64 && p->namounts < 64; i++) {
		if (side[i] != s)
			continue;
		/* A value a text column prints (-8.79%, -) is a word there. */
		if (i <= last_text || looks_like_text_cell(b, &r->t[i], s) ||
		    (last_text < 0 && r->t[i].plain &&
		    !nint_cols && p->namounts == 0 && i + 1 < r->n &&
		    strlen(r->t[i].text) >= 3 && side[i + 1] == s) ||
		    (p->namounts == 0 && code_not_amount(b, &r->t[i])))
			p->words[p->nwords++] = i;
		else if (r->t[i].plain && p->nints < nint_cols &&
		    p->namounts == 0 && strlen(r->t[i].text) <= 2)
			p->ints[p->nints++] = i;
		else
			p->amounts[p->namounts++] = i;
	}
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

int
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

static void
add_parent(struct tb *b, const char *code, size_t n)
{
	int i;

	for (i = 0; i < b->nparents; i++)
		if (strlen(b->parents[i]) == n &&
		    strncmp(b->parents[i], code, n) == 0)
			return;
	b->parents = xreallocarray(b->parents, (size_t)b->nparents + 1,
	    sizeof(char *));
	b->parents[b->nparents++] = xstrndup(code, n);
}

/*
 * The 类 codes that head other rows' codes: the first of a code printed
 * in parts (208 05 05), the first three digits of one printed whole
 * (2080505, 20805).
 */
void
find_parent_codes(struct tb *b)
{
	const struct lrow *r;
	int i;

	for (i = 0; i < b->nrows; i++) {
		r = &b->rows[i];
		if (r->n >= 2 && is_code_token(&r->t[0]) &&
		    strlen(r->t[0].text) == 3 && r->t[1].plain &&
		    strlen(r->t[1].text) == 2)
			add_parent(b, r->t[0].text, 3);
		else if (r->n >= 1 && r->t[0].plain &&
		    (strlen(r->t[0].text) == 5 || strlen(r->t[0].text) == 7))
			add_parent(b, r->t[0].text, 3);
	}
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

void
textrows_build(struct grid *g, struct textrules *tr, const struct family *f,
    const struct twins *tw, const struct tinput *in)
{
	struct tb b;
	struct prelines pre;
	struct moved moved;
	struct srow *sr;
	char *header;
	int r, first;

	memset(&b, 0, sizeof(b));
	b.g = g;
	b.tr = tr;
	b.totalspan = f->marker != NULL || f->spantotal;
	b.cell_lines = cells_a_line(in);
	header = text_header(tr, f, in, b.cell_lines);
	layout_build(&b.l, f, header);
	b.total_col = f->total ? layout_col_by_canon(&b.l, f->total) : -1;
	free(header);
	columns_from_layout(&b);
	body_from_first_code(&b, in, &moved);
	in = &moved.in;
	prelines_get(&pre, in);
	if (f->marker)
		marker_after_rows(&pre, &moved, f->marker);
	if (f->marker == NULL || !marker_row(&b, &pre, f->marker))
		numbering_row(&b, &pre, &moved);
	drop_numbering_lines(&b, &moved);
	drop_words_among_amounts(&b, &moved);
	total_before_header_words(&b, &moved);
	drop_repeated_header(&b, &moved, f->marker);
	drop_header_cells(&b, &moved);
	drop_header_pieces(&b, &moved);
	if (!labels_then_amount_rows(&b, in))
		gather_rows(&b, in);
	if (f->marker) {
		merge_rows_above_codes(&b);
		total_label_above(&b, &pre, f->marker);
	}
	orphan_labels(&b, in);
	first_side_from_head(&b, in);
	total_label_in_head(&b, in);
	codes_to_rows_above(&b);
	late_text_cells(&b);
	late_block_names(&b);
	find_parent_codes(&b);
	free(pre.text);
	b.decimals = table_decimals(&b);
	repair_rows(&b);
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
	for (r = 0; r < b.nparents; r++)
		free(b.parents[r]);
	free(b.parents);
	layout_free(&b.l);
	free(moved.body);
}

/* A row's words joined again as the line they were. */
static char *
row_text(const struct lrow *r)
{
	struct buf t = BUF_INIT;
	int i;

	for (i = 0; i < r->n; i++) {
		if (i)
			buf_addc(&t, ' ');
		buf_adds(&t, r->t[i].text);
	}
	if (t.s == NULL)
		buf_adds(&t, "");
	return buf_detach(&t);
}

/*
 * The lines a table drawn caption-last prints after its rows, as header
 * words: not its sentences (they end in a full stop), nor its title (a
 * line ending in a comma and the line after it).
 */
static int
late_header_lines(const struct tb *b, int from, char **out, int max)
{
	char *t;
	size_t n;
	int r, k = 0, skip_next = 0;

	for (r = from; r < b->nrows && k < max; r++) {
		t = row_text(&b->rows[r]);
		n = strlen(t);
		if (skip_next || n == 0 || t[n - 1] == '.') {
			skip_next = 0;
			free(t);
			continue;
		}
		if (t[n - 1] == ',') {
			skip_next = 1;
			free(t);
			continue;
		}
		out[k++] = t;
	}
	return k;
}

static void
columns_from_words(struct grid *g, const struct headwords *h)
{
	int i;

	grid_add_col(g, h->paths[0] ? h->paths[0] : "项目", COL_LABEL);
	for (i = 1; i < h->ncols; i++)
		grid_add_col(g, h->paths[i], COL_AMOUNT);
	for (i = 0; i < h->ncells; i++)
		grid_add_cell(g, h->cells[i].row, h->cells[i].col,
		    h->cells[i].rowspan, h->cells[i].colspan, 1,
		    h->cells[i].text);
	g->header_rows = h->rows;
}

static void
numbered_columns(struct grid *g, int namounts)
{
	char name[16];
	int i;

	grid_add_col(g, "项目", COL_LABEL);
	for (i = 1; i <= namounts; i++) {
		snprintf(name, sizeof(name), "%d", i);
		grid_add_col(g, name, COL_AMOUNT);
	}
	g->header_rows = 0;
}

/*
 * A generic table's columns: one label column, then the amounts; named
 * by the header's words where they fit, with the words printed after
 * the rows (from row after_rows on) when the header's alone do not, and
 * numbered from 1 where nothing fits.  Returns whether the rows from
 * after_rows on were taken as header words.
 */
static int
generic_columns(struct grid *g, const struct tb *b, const struct tinput *in,
    int namounts, int after_rows)
{
	struct headwords h;
	char **lines;
	int i, n = in->nhead, late = 0;

	lines = xmalloc(sizeof(char *) * ((size_t)(in->nhead + b->nrows) +
	    1));
	for (i = 0; i < in->nhead; i++)
		lines[i] = in->head[i].text;
	if (headwords_build(&h, (const char *const *)lines, n, 1, namounts)) {
		columns_from_words(g, &h);
		headwords_free(&h);
	} else {
		late = late_header_lines(b, after_rows, lines + n, b->nrows);
		if (late > 0 && headwords_build(&h,
		    (const char *const *)lines, n + late, 1, namounts)) {
			columns_from_words(g, &h);
			headwords_free(&h);
		} else {
			numbered_columns(g, namounts);
			for (i = n; i < n + late; i++)
				free(lines[i]);
			late = 0;
		}
		for (i = n; i < n + late; i++)
			free(lines[i]);
	}
	free(lines);
	return late > 0;
}

/*
 * A dump printing a cell a line leaves the first row's label as the last
 * line of the header, its amounts beginning the body: the label goes
 * back to the row (in a copy of the input without that header line).
 */
static const struct tinput *
first_label_from_head(struct tb *b, const struct tinput *in,
    struct tinput *copy)
{
	struct lrow *first = b->nrows > 0 ? &b->rows[0] : NULL, label;

	if (!b->cell_lines || first == NULL || has_kind(first, 1) ||
	    in->nhead == 0)
		return in;
	memset(&label, 0, sizeof(label));
	tokenize(&label, in->head[in->nhead - 1].text);
	label.t = xreallocarray(label.t, (size_t)(label.n + first->n) + 1,
	    sizeof(*label.t));
	memcpy(label.t + label.n, first->t, sizeof(*first->t) *
	    (size_t)first->n);
	free(first->t);
	first->t = label.t;
	first->n += label.n;
	*copy = *in;
	copy->nhead--;
	return copy;
}

/*
 * A table no family describes: the words of each row are its label, its
 * trailing numbers fill the amount columns from the left.
 */
void
textrows_generic(struct grid *g, struct textrules *tr, const struct tinput *in)
{
	struct tb b;
	struct tinput head_less, unlabelled;
	struct gcell *c;
	int r, i, maxnum = 0, n, first, col, last_amounts = -1, nrows;
	int blocks;

	memset(&b, 0, sizeof(b));
	b.g = g;
	b.tr = tr;
	gather_rows(&b, in);
	if ((blocks = labels_before_amounts(&b, in, &unlabelled)))
		in = &unlabelled;
	else
		in = first_label_from_head(&b, in, &head_less);
	split_glued_headings(&b);
	for (r = 0; r < b.nrows; r++)
		if ((n = trailing_numbers(&b.rows[r])) > 0) {
			last_amounts = r;
			if (n > maxnum)
				maxnum = n;
		}
	nrows = b.nrows;
	if (generic_columns(g, &b, in, maxnum, last_amounts + 1))
		nrows = last_amounts + 1;	/* the rest was header */
	first = g->header_rows;
	for (r = 0; r < nrows; r++) {
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
	if (blocks)
		free(unlabelled.head);
}
