/*
 * tojsonl.c - the last stage: grid records to JSON Lines.
 *
 * row-align describes each table as a table record, its columns, its
 * cells and its body rows; this stage holds one table at a time and writes
 * it out as the product's API (README.md, "The output").  Nothing here
 * decides anything about the table: every fact comes from the stream, so
 * the two output forms always agree.
 *
 * It is the stage with the most output per byte of input, so the table is
 * kept in a few arrays and one arena of strings (no allocation per cell),
 * each row finds its cells through an index built once per table, and
 * what is the same on every record of a table (its opening keys, the keys
 * of "values") is written once and copied.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "number.h"
#include "tojsonl.h"

#define NONE	((size_t)-1)	/* an arena offset for "not given" */

struct jcell {
	int	 row, col, rowspan, colspan;
	int	 header;
	long	 page;
	size_t	 text;		/* arena offsets */
	size_t	 bbox;		/* the JSON array, --cells only; or NONE */
};

struct jrow {
	int	 row;
	long	 page;
	size_t	 kind;
	size_t	 check;		/* "ok", "failed", or NONE */
	size_t	 failures;	/* newline-separated, or NONE */
	long	 ambiguous;
};

struct jcol {
	size_t	 path;
	int	 amount;	/* of type amount: values are numbers */
};

struct jtable {
	int	 open;
	long	 number;
	struct rec attrs;	/* the table record as row-align wrote it */
	struct buf arena;	/* every string of the table, NUL-terminated */
	struct jcol *cols;
	int	 ncols, capcols;
	struct jcell *cells;
	int	 ncells, capcells;
	struct jrow *rows;
	int	 nrows, caprows;
};

/* What emitting a table's rows needs, built once per table. */
struct jrowindex {
	int	*order;		/* body cells by row, column, arrival */
	int	 n;
	struct buf keys;	/* each column's "key": for "values" */
	size_t	*keyoff;
	size_t	*valoff, *vallen; /* a row's rendered values, by column */
};

struct tojsonl {
	struct cli	*cli;
	enum tojsonl_form form;
	char		*source;
	struct buf	 rules;		/* the rules hashes seen, '+'-joined */
	struct jtable	 t;
	struct buf	 line;
	struct buf	 prefix;	/* the keys every record of a table opens with */
	struct jrowindex ix;
};

static void
table_reset(struct jtable *t)
{
	t->open = 0;
	t->number = 0;
	buf_clear(&t->arena);
	t->ncols = t->ncells = t->nrows = 0;
}

static void
table_free(struct jtable *t)
{
	rec_free(&t->attrs);
	buf_free(&t->arena);
	free(t->cols);
	free(t->cells);
	free(t->rows);
	memset(t, 0, sizeof(*t));
}

static size_t
arena_add(struct jtable *t, const char *s)
{
	size_t off = t->arena.len;

	buf_add(&t->arena, s, strlen(s) + 1);
	return off;
}

static const char *
arena_str(const struct jtable *t, size_t off)
{
	return off == NONE ? NULL : t->arena.s + off;
}

/* Room for one more element in an array that doubles. */
static void *
grow(void *v, int n, int *cap, size_t size)
{
	if (n < *cap)
		return v;
	*cap = *cap ? *cap * 2 : 64;
	return xreallocarray(v, (size_t)*cap, size);
}

static void
note_rules(struct tojsonl *j, const char *hash)
{
	const char *p = buf_str(&j->rules);
	size_t n = strlen(hash);

	/* Each stage reports its rules; list each distinct hash once. */
	for (;;) {
		if (strncmp(p, hash, n) == 0 && (p[n] == '\0' || p[n] == '+'))
			return;
		if ((p = strchr(p, '+')) == NULL)
			break;
		p++;
	}
	if (j->rules.len)
		buf_addc(&j->rules, '+');
	buf_adds(&j->rules, hash);
}

static void
add_col(struct jtable *t, const struct rec *r)
{
	long i = rec_long(r, 1);
	const char *type = rec_attr(r, "type");

	if (i < 0 || i > 100000)
		return;
	while (t->ncols <= i) {
		t->cols = grow(t->cols, t->ncols, &t->capcols,
		    sizeof(*t->cols));
		t->cols[t->ncols].path = arena_add(t, "");
		t->cols[t->ncols].amount = 0;
		t->ncols++;
	}
	t->cols[i].path = arena_add(t, rec_field(r, 2));
	t->cols[i].amount = type != NULL && strcmp(type, "amount") == 0;
}

/*
 * A coordinate as printf's "%.2f" writes what strtod reads from it.  The
 * stream's own "-123.45" (up to twelve integer digits, so a hundredth is
 * far above a double's precision) comes back unchanged and is copied.
 */
static void
add_coord(struct buf *b, const char *s)
{
	const char *p = s + (*s == '-');
	size_t k = strspn(p, "0123456789");

	if (k >= 1 && k <= 12 && (p[0] != '0' || k == 1) && p[k] == '.' &&
	    p[k + 1] >= '0' && p[k + 1] <= '9' && p[k + 2] >= '0' &&
	    p[k + 2] <= '9' && p[k + 3] == '\0')
		buf_add(b, s, (size_t)(p + k + 3 - s));
	else
		buf_printf(b, "%.2f", stream_double(s));
}

static size_t
add_bbox(struct jtable *t, const struct rec *r)
{
	size_t off = t->arena.len;
	int k;

	if (strcmp(rec_field(r, 7), "-") == 0 || r->nf <= 11)
		return NONE;
	buf_addc(&t->arena, '[');
	for (k = 0; k < 4; k++) {
		if (k)
			buf_addc(&t->arena, ',');
		add_coord(&t->arena, r->f[7 + k]);
	}
	buf_add(&t->arena, "]", 2);
	return off;
}

/* cell  row col rowspan colspan h|b page x0 y0 x1 y1 text */
static void
add_cell(struct tojsonl *j, const struct rec *r)
{
	struct jtable *t = &j->t;
	struct jcell *c;

	t->cells = grow(t->cells, t->ncells, &t->capcells, sizeof(*t->cells));
	c = &t->cells[t->ncells++];
	c->row = (int)rec_long(r, 1);
	c->col = (int)rec_long(r, 2);
	c->rowspan = (int)rec_long(r, 3);
	c->colspan = (int)rec_long(r, 4);
	if (c->rowspan < 1)
		c->rowspan = 1;
	if (c->colspan < 1)
		c->colspan = 1;
	c->header = strcmp(rec_field(r, 5), "h") == 0;
	c->page = rec_long(r, 6);
	c->text = arena_add(t, rec_field(r, 11));
	c->bbox = j->form == TOJSONL_CELLS ? add_bbox(t, r) : NONE;
}

/* row  row page kind [check=] [ambiguous=] [failures=] */
static void
add_row(struct jtable *t, const struct rec *r)
{
	struct jrow *w;
	const char *v;

	t->rows = grow(t->rows, t->nrows, &t->caprows, sizeof(*t->rows));
	w = &t->rows[t->nrows++];
	w->row = (int)rec_long(r, 1);
	w->page = rec_long(r, 2);
	w->kind = arena_add(t, r->nf > 3 ? r->f[3] : "data");
	w->check = w->failures = NONE;
	w->ambiguous = 0;
	if ((v = rec_attr(r, "check")) != NULL && *v)
		w->check = arena_add(t, v);
	if ((v = rec_attr(r, "failures")) != NULL && *v)
		w->failures = arena_add(t, v);
	if ((v = rec_attr(r, "ambiguous")) != NULL)
		w->ambiguous = strtol(v, NULL, 10);
}

static void
emit_line(struct tojsonl *j)
{
	buf_addc(&j->line, '\n');
	out_put(&j->cli->out, &j->line);
	buf_clear(&j->line);
}

static void
key_str(struct buf *b, int *first, const char *key, const char *value)
{
	json_key(b, key, first);
	json_str(b, value && *value ? value : NULL);
}

static void
key_long(struct buf *b, int *first, const char *key, long v)
{
	json_key(b, key, first);
	buf_add_long(b, v);
}

/* ,"key": for a key that needs no escaping, after the record's first */
static void
next_key(struct buf *b, const char *key)
{
	buf_add(b, ",\"", 2);
	buf_adds(b, key);
	buf_add(b, "\":", 2);
}

static void
add_page(struct buf *b, long page)
{
	if (page > 0)
		buf_add_long(b, page);
	else
		buf_add(b, "null", 4);
}

static void
add_str_or_null(struct buf *b, const char *s)
{
	json_str(b, s && *s ? s : NULL);
}

/* A list written in the stream as "a,b,c" (pages) or lines (notes). */
static void
json_list(struct buf *b, const char *s, char sep, int numbers)
{
	const char *p = s, *e;
	int first = 1;

	buf_addc(b, '[');
	while (p && *p) {
		e = strchr(p, sep);
		if (e == NULL)
			e = p + strlen(p);
		if (e > p) {
			if (!first)
				buf_addc(b, ',');
			first = 0;
			if (numbers)
				buf_add(b, p, (size_t)(e - p));
			else
				json_strn(b, p, (size_t)(e - p));
		}
		p = *e ? e + 1 : NULL;
	}
	buf_addc(b, ']');
}

/*
 * A cell's value as the API gives it: amounts as exact JSON numbers,
 * everything else (codes, labels, percentages) as strings, blanks null.
 */
static void
json_value(struct buf *b, int amount, const char *text)
{
	struct num n;
	size_t len;

	if (text == NULL || *text == '\0') {
		buf_add(b, "null", 4);
		return;
	}
	len = strlen(text);
	if (amount && num_parse(text, len, &n) && !n.percent)
		json_number_text(b, n.text);
	else
		json_strn(b, text, len);
}

static void
emit_table_record(struct tojsonl *j)
{
	struct jtable *t = &j->t;
	struct buf *b = &j->line;
	const char *checks = rec_attr(&t->attrs, "checks");
	const char *hrows = rec_attr(&t->attrs, "header_rows");
	const char *amb = rec_attr(&t->attrs, "ambiguous");
	long passed = 0, failed = 0;
	int first = 1, i;

	if (checks)
		sscanf(checks, "%ld/%ld", &passed, &failed);
	buf_addc(b, '{');
	key_str(b, &first, "type", "table");
	key_str(b, &first, "source", j->source);
	key_long(b, &first, "table", t->number);
	json_key(b, "pages", &first);
	json_list(b, rec_attr(&t->attrs, "pages"), ',', 1);
	key_str(b, &first, "code", rec_attr(&t->attrs, "code"));
	key_str(b, &first, "code_from", rec_attr(&t->attrs, "code_from"));
	key_str(b, &first, "title", rec_attr(&t->attrs, "title"));
	key_str(b, &first, "entity", rec_attr(&t->attrs, "entity"));
	key_str(b, &first, "unit", rec_attr(&t->attrs, "unit"));
	key_str(b, &first, "family", rec_attr(&t->attrs, "family"));
	json_key(b, "columns", &first);
	buf_addc(b, '[');
	for (i = 0; i < t->ncols; i++) {
		if (i)
			buf_addc(b, ',');
		json_str(b, arena_str(t, t->cols[i].path));
	}
	buf_addc(b, ']');
	key_long(b, &first, "header_rows", hrows ? strtol(hrows, NULL, 10) : 0);
	key_long(b, &first, "rows", t->nrows);
	json_key(b, "checks", &first);
	buf_printf(b, "{\"passed\":%ld,\"failed\":%ld}", passed, failed);
	key_long(b, &first, "ambiguous", amb ? strtol(amb, NULL, 10) : 0);
	json_key(b, "notes", &first);
	json_list(b, rec_attr(&t->attrs, "notes"), '\n', 0);
	key_str(b, &first, "rules", buf_str(&j->rules));
	buf_addc(b, '}');
	emit_line(j);
}

/*
 * {"type":KIND,"source":...,"table":N, - the same on every record of the
 * table, so written once.
 */
static void
make_prefix(struct tojsonl *j, const char *type)
{
	buf_clear(&j->prefix);
	buf_add(&j->prefix, "{\"type\":", 8);
	json_str(&j->prefix, type);
	next_key(&j->prefix, "source");
	add_str_or_null(&j->prefix, j->source);
	next_key(&j->prefix, "table");
	buf_add_long(&j->prefix, j->t.number);
}

static const struct jtable *sort_table;

/* By row, then column, then arrival: the first cell at a place wins. */
static int
cmp_body_cells(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	const struct jcell *p = &sort_table->cells[x];
	const struct jcell *q = &sort_table->cells[y];

	if (p->row != q->row)
		return p->row < q->row ? -1 : 1;
	if (p->col != q->col)
		return p->col < q->col ? -1 : 1;
	return x < y ? -1 : x > y;
}

/* The body cells a row can show, in the order the rows look them up. */
static void
index_cells(struct jrowindex *ix, const struct jtable *t)
{
	const struct jcell *c;
	int i, sorted = 1;

	ix->order = xreallocarray(ix->order, (size_t)t->ncells + 1,
	    sizeof(int));
	ix->n = 0;
	sort_table = t;
	for (i = 0; i < t->ncells; i++) {
		c = &t->cells[i];
		if (c->header || c->col < 0 || c->col >= t->ncols)
			continue;
		if (ix->n > 0 && cmp_body_cells(&ix->order[ix->n - 1], &i) > 0)
			sorted = 0;
		ix->order[ix->n++] = i;
	}
	if (!sorted) {
		sort_table = t;
		qsort(ix->order, (size_t)ix->n, sizeof(int), cmp_body_cells);
	}
}

static int
cmp_col_paths(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	int c = strcmp(arena_str(sort_table, sort_table->cols[x].path),
	    arena_str(sort_table, sort_table->cols[y].path));

	if (c != 0)
		return c;
	return x < y ? -1 : x > y;
}

/*
 * How many columns before each have the same path: sorted by path, a
 * path's columns stand together in their own order.
 */
static int *
count_earlier_twins(const struct jtable *t)
{
	int *byname, *seen, i;

	byname = xreallocarray(NULL, (size_t)t->ncols + 1, sizeof(int));
	seen = xreallocarray(NULL, (size_t)t->ncols + 1, sizeof(int));
	for (i = 0; i < t->ncols; i++)
		byname[i] = i;
	sort_table = t;
	qsort(byname, (size_t)t->ncols, sizeof(int), cmp_col_paths);
	for (i = 0; i < t->ncols; i++)
		seen[byname[i]] = i > 0 &&
		    strcmp(arena_str(t, t->cols[byname[i]].path),
		    arena_str(t, t->cols[byname[i - 1]].path)) == 0 ?
		    seen[byname[i - 1]] + 1 : 0;
	free(byname);
	return seen;
}

/*
 * Keys of "values" must be unique for jq; a header path printed twice
 * (side-by-side blocks) gets "#2", "#3" after its second appearance.
 * Written once per table, copied into every row.
 */
static void
index_keys(struct jrowindex *ix, const struct jtable *t)
{
	struct buf key = BUF_INIT;
	const char *path;
	int i, *seen = count_earlier_twins(t);

	ix->keyoff = xreallocarray(ix->keyoff, (size_t)t->ncols + 1,
	    sizeof(size_t));
	ix->valoff = xreallocarray(ix->valoff, (size_t)t->ncols + 1,
	    sizeof(size_t));
	ix->vallen = xreallocarray(ix->vallen, (size_t)t->ncols + 1,
	    sizeof(size_t));
	buf_clear(&ix->keys);
	for (i = 0; i < t->ncols; i++) {
		path = arena_str(t, t->cols[i].path);
		buf_clear(&key);
		buf_adds(&key, path[0] ? path : "?");
		if (seen[i])
			buf_printf(&key, "#%d", seen[i] + 1);
		ix->keyoff[i] = ix->keys.len;
		json_str(&ix->keys, key.s);
		buf_addc(&ix->keys, ':');
	}
	ix->keyoff[t->ncols] = ix->keys.len;
	free(seen);
	buf_free(&key);
}

/* First of the indexed cells on a row at or after row: a binary search. */
static int
first_of_row(const struct jrowindex *ix, const struct jtable *t, int row)
{
	int lo = 0, hi = ix->n, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (t->cells[ix->order[mid]].row < row)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* "cells": each column's value; where each went is kept for "values". */
static void
emit_cells(struct tojsonl *j, const struct jrow *w)
{
	const struct jtable *t = &j->t;
	struct jrowindex *ix = &j->ix;
	struct buf *b = &j->line;
	const struct jcell *c;
	int i, k = first_of_row(ix, t, w->row);

	buf_add(b, ",\"cells\":[", 10);
	for (i = 0; i < t->ncols; i++) {
		if (i)
			buf_addc(b, ',');
		c = NULL;
		while (k < ix->n && t->cells[ix->order[k]].row == w->row &&
		    t->cells[ix->order[k]].col < i)
			k++;
		if (k < ix->n && t->cells[ix->order[k]].row == w->row &&
		    t->cells[ix->order[k]].col == i)
			c = &t->cells[ix->order[k]];
		ix->valoff[i] = b->len;
		json_value(b, t->cols[i].amount,
		    c ? arena_str(t, c->text) : NULL);
		ix->vallen[i] = c && t->arena.s[c->text] ? b->len -
		    ix->valoff[i] : 0;
	}
	buf_addc(b, ']');
}

/* "values": the non-blank cells again, under their columns' keys. */
static void
emit_values(struct tojsonl *j)
{
	const struct jtable *t = &j->t;
	struct jrowindex *ix = &j->ix;
	struct buf *b = &j->line;
	int i, first = 1;

	buf_add(b, ",\"values\":{", 11);
	for (i = 0; i < t->ncols; i++) {
		if (ix->vallen[i] == 0)
			continue;
		if (!first)
			buf_addc(b, ',');
		first = 0;
		buf_add(b, ix->keys.s + ix->keyoff[i],
		    ix->keyoff[i + 1] - ix->keyoff[i]);
		/* Copied from earlier in the same buffer: make room first. */
		buf_grow(b, ix->vallen[i]);
		memcpy(b->s + b->len, b->s + ix->valoff[i], ix->vallen[i]);
		b->len += ix->vallen[i];
		b->s[b->len] = '\0';
	}
	buf_addc(b, '}');
}

static void
emit_row_record(struct tojsonl *j, const struct jrow *w)
{
	struct jtable *t = &j->t;
	struct buf *b = &j->line;

	buf_add(b, j->prefix.s, j->prefix.len);
	next_key(b, "row");
	buf_add_long(b, w->row);
	next_key(b, "page");
	add_page(b, w->page);
	next_key(b, "kind");
	add_str_or_null(b, arena_str(t, w->kind));
	emit_cells(j, w);
	emit_values(j);
	next_key(b, "check");
	add_str_or_null(b, arena_str(t, w->check));
	next_key(b, "failures");
	json_list(b, arena_str(t, w->failures), '\n', 0);
	next_key(b, "ambiguous");
	buf_add_long(b, w->ambiguous);
	buf_addc(b, '}');
	emit_line(j);
}

static void
emit_cell_record(struct tojsonl *j, const struct jcell *c)
{
	struct buf *b = &j->line;

	buf_add(b, j->prefix.s, j->prefix.len);
	next_key(b, "page");
	add_page(b, c->page);
	next_key(b, "row");
	buf_add_long(b, c->row);
	next_key(b, "col");
	buf_add_long(b, c->col);
	next_key(b, "rowspan");
	buf_add_long(b, c->rowspan);
	next_key(b, "colspan");
	buf_add_long(b, c->colspan);
	next_key(b, "header");
	if (c->header)
		buf_add(b, "true", 4);
	else
		buf_add(b, "false", 5);
	next_key(b, "text");
	json_str(b, arena_str(&j->t, c->text));
	next_key(b, "bbox");
	if (c->bbox != NONE)
		buf_adds(b, arena_str(&j->t, c->bbox));
	else
		buf_add(b, "null", 4);
	buf_addc(b, '}');
	emit_line(j);
}

static void
emit_table(struct tojsonl *j)
{
	struct jtable *t = &j->t;
	int i;

	if (j->form == TOJSONL_CELLS) {
		make_prefix(j, "cell");
		for (i = 0; i < t->ncells; i++)
			if (t->arena.s[t->cells[i].text] != '\0')
				emit_cell_record(j, &t->cells[i]);
	} else {
		emit_table_record(j);
		make_prefix(j, "row");
		index_cells(&j->ix, t);
		index_keys(&j->ix, t);
		for (i = 0; i < t->nrows; i++)
			emit_row_record(j, &t->rows[i]);
	}
	table_reset(t);
}

static void
begin_table(struct tojsonl *j, const struct rec *r, const char *raw,
    size_t len)
{
	table_reset(&j->t);
	j->t.open = 1;
	j->t.number = rec_long(r, 1);
	rec_parse(&j->t.attrs, raw, len);
}

static void
handle(struct tojsonl *j, const struct rec *r, const char *raw, size_t len)
{
	if (rec_is(r, "cell")) {
		if (j->t.open)
			add_cell(j, r);
	} else if (rec_is(r, "doc")) {
		free(j->source);
		j->source = xstrdup(rec_field(r, 1));
	} else if (rec_is(r, "rules")) {
		note_rules(j, rec_field(r, 1));
	} else if (rec_is(r, "error")) {
		j->cli->upstream_failed = 1;
	} else if (rec_is(r, "table")) {
		begin_table(j, r, raw, len);
	} else if (!j->t.open) {
		return;		/* prose and geometry: not part of the output */
	} else if (rec_is(r, "col")) {
		add_col(&j->t, r);
	} else if (rec_is(r, "row")) {
		add_row(&j->t, r);
	} else if (rec_is(r, "endtable")) {
		emit_table(j);
	}
}

static void
run_input(struct tojsonl *j, const char *path)
{
	struct lineio in;
	struct rec r;
	const char *line;
	size_t len;
	int got;

	if (cli_open_stream(j->cli, path, &in) == -1)
		return;
	rec_init(&r);
	while ((got = lineio_read(&in, &line, &len)) > 0) {
		rec_parse(&r, line, len);
		handle(j, &r, line, len);
	}
	if (got < 0)
		cli_error(j->cli, path, "%s", buf_str(&in.err));
	else if (j->t.open)
		cli_error(j->cli, path, "stream ends inside table %ld",
		    j->t.number);
	table_reset(&j->t);
	rec_free(&r);
	lineio_close(&in);
}

static void
rowindex_free(struct jrowindex *ix)
{
	free(ix->order);
	free(ix->keyoff);
	free(ix->valoff);
	free(ix->vallen);
	buf_free(&ix->keys);
}

int
tojsonl_run(struct cli *cli, enum tojsonl_form form)
{
	struct tojsonl j;
	int i;

	memset(&j, 0, sizeof(j));
	j.cli = cli;
	j.form = form;
	j.source = xstrdup("-");
	rec_init(&j.t.attrs);
	out_init(&cli->out, 0);
	for (i = 0; i < cli->ninputs; i++)
		run_input(&j, cli->inputs[i]);
	free(j.source);
	table_free(&j.t);
	rowindex_free(&j.ix);
	buf_free(&j.rules);
	buf_free(&j.line);
	buf_free(&j.prefix);
	return cli_exit(cli);
}
