/*
 * tojsonl.c - the last stage: grid records to JSON Lines.
 *
 * row-align describes each table as a table record, its columns, its
 * cells and its body rows; this stage holds one table at a time and writes
 * it out as the product's API (README.md, "The output").  Nothing here
 * decides anything about the table: every fact comes from the stream, so
 * the two output forms always agree.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "number.h"
#include "tojsonl.h"

struct jcell {
	int	 row, col, rowspan, colspan;
	int	 header;
	long	 page;
	int	 has_bbox;
	double	 bbox[4];
	char	*text;
};

struct jrow {
	int	 row;
	long	 page;
	char	*kind;
	char	*check;		/* "ok", "failed", or NULL */
	char	*failures;	/* newline-separated, or NULL */
	long	 ambiguous;
};

struct jtable {
	int	 open;
	long	 number;
	struct rec attrs;	/* the table record as row-align wrote it */
	char	**paths, **types;
	int	 ncols;
	struct jcell *cells;
	int	 ncells;
	struct jrow *rows;
	int	 nrows;
};

struct tojsonl {
	struct cli	*cli;
	enum tojsonl_form form;
	char		*source;
	struct buf	 rules;		/* the rules hashes seen, '+'-joined */
	struct jtable	 t;
	struct buf	 line;
};

static void
table_reset(struct jtable *t)
{
	int i;

	for (i = 0; i < t->ncols; i++) {
		free(t->paths[i]);
		free(t->types[i]);
	}
	for (i = 0; i < t->ncells; i++)
		free(t->cells[i].text);
	for (i = 0; i < t->nrows; i++) {
		free(t->rows[i].kind);
		free(t->rows[i].check);
		free(t->rows[i].failures);
	}
	free(t->paths);
	free(t->types);
	free(t->cells);
	free(t->rows);
	rec_free(&t->attrs);
	memset(t, 0, sizeof(*t));
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
		t->paths = xreallocarray(t->paths, (size_t)t->ncols + 1,
		    sizeof(char *));
		t->types = xreallocarray(t->types, (size_t)t->ncols + 1,
		    sizeof(char *));
		t->paths[t->ncols] = xstrdup("");
		t->types[t->ncols] = xstrdup("text");
		t->ncols++;
	}
	free(t->paths[i]);
	free(t->types[i]);
	t->paths[i] = xstrdup(rec_field(r, 2));
	t->types[i] = xstrdup(type ? type : "text");
}

/* cell  row col rowspan colspan h|b page x0 y0 x1 y1 text */
static void
add_cell(struct jtable *t, const struct rec *r)
{
	struct jcell *c;
	int k;

	t->cells = xreallocarray(t->cells, (size_t)t->ncells + 1,
	    sizeof(*t->cells));
	c = &t->cells[t->ncells++];
	memset(c, 0, sizeof(*c));
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
	c->has_bbox = strcmp(rec_field(r, 7), "-") != 0 && r->nf > 11;
	for (k = 0; k < 4 && c->has_bbox; k++)
		c->bbox[k] = rec_double(r, 7 + k);
	c->text = xstrdup(rec_field(r, 11));
}

/* row  row page kind [check=] [ambiguous=] [failures=] */
static void
add_row(struct jtable *t, const struct rec *r)
{
	struct jrow *w;
	const char *v;

	t->rows = xreallocarray(t->rows, (size_t)t->nrows + 1,
	    sizeof(*t->rows));
	w = &t->rows[t->nrows++];
	memset(w, 0, sizeof(*w));
	w->row = (int)rec_long(r, 1);
	w->page = rec_long(r, 2);
	w->kind = xstrdup(r->nf > 3 ? r->f[3] : "data");
	if ((v = rec_attr(r, "check")) != NULL && *v)
		w->check = xstrdup(v);
	if ((v = rec_attr(r, "failures")) != NULL && *v)
		w->failures = xstrdup(v);
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
	buf_printf(b, "%ld", v);
}

static void
key_page(struct buf *b, int *first, long page)
{
	json_key(b, "page", first);
	if (page > 0)
		buf_printf(b, "%ld", page);
	else
		buf_adds(b, "null");
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
json_value(struct buf *b, const char *type, const char *text)
{
	struct num n;

	if (text == NULL || *text == '\0') {
		buf_adds(b, "null");
		return;
	}
	if (strcmp(type, "amount") == 0 &&
	    num_parse(text, strlen(text), &n) && !n.percent)
		json_number_text(b, n.text);
	else
		json_str(b, text);
}

static int
count_body_rows(const struct jtable *t)
{
	return t->nrows;
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
		json_str(b, t->paths[i]);
	}
	buf_addc(b, ']');
	key_long(b, &first, "header_rows", hrows ? strtol(hrows, NULL, 10) : 0);
	key_long(b, &first, "rows", count_body_rows(t));
	json_key(b, "checks", &first);
	buf_printf(b, "{\"passed\":%ld,\"failed\":%ld}", passed, failed);
	key_long(b, &first, "ambiguous", amb ? strtol(amb, NULL, 10) : 0);
	json_key(b, "notes", &first);
	json_list(b, rec_attr(&t->attrs, "notes"), '\n', 0);
	key_str(b, &first, "rules", buf_str(&j->rules));
	buf_addc(b, '}');
	emit_line(j);
}

/* The body cell starting at (row, col), or NULL. */
static const struct jcell *
cell_at(const struct jtable *t, int row, int col)
{
	int i;

	for (i = 0; i < t->ncells; i++)
		if (t->cells[i].row == row && t->cells[i].col == col &&
		    !t->cells[i].header)
			return &t->cells[i];
	return NULL;
}

/*
 * Keys of "values" must be unique for jq; a header path printed twice
 * (side-by-side blocks) gets "#2", "#3" after its second appearance.
 */
static void
value_key(const struct jtable *t, int col, struct buf *key)
{
	int i, seen = 0;

	buf_clear(key);
	for (i = 0; i < col; i++)
		if (strcmp(t->paths[i], t->paths[col]) == 0)
			seen++;
	buf_adds(key, t->paths[col][0] ? t->paths[col] : "?");
	if (seen)
		buf_printf(key, "#%d", seen + 1);
}

static void
emit_row_record(struct tojsonl *j, const struct jrow *w)
{
	struct jtable *t = &j->t;
	struct buf *b = &j->line, key = BUF_INIT;
	const struct jcell *c;
	int first = 1, i, vfirst = 1;

	buf_addc(b, '{');
	key_str(b, &first, "type", "row");
	key_str(b, &first, "source", j->source);
	key_long(b, &first, "table", t->number);
	key_long(b, &first, "row", w->row);
	key_page(b, &first, w->page);
	key_str(b, &first, "kind", w->kind);
	json_key(b, "cells", &first);
	buf_addc(b, '[');
	for (i = 0; i < t->ncols; i++) {
		if (i)
			buf_addc(b, ',');
		c = cell_at(t, w->row, i);
		json_value(b, t->types[i], c ? c->text : NULL);
	}
	buf_addc(b, ']');
	json_key(b, "values", &first);
	buf_addc(b, '{');
	for (i = 0; i < t->ncols; i++) {
		c = cell_at(t, w->row, i);
		if (c == NULL || c->text[0] == '\0')
			continue;
		value_key(t, i, &key);
		json_key(b, key.s, &vfirst);
		json_value(b, t->types[i], c->text);
	}
	buf_addc(b, '}');
	key_str(b, &first, "check", w->check);
	json_key(b, "failures", &first);
	json_list(b, w->failures, '\n', 0);
	key_long(b, &first, "ambiguous", w->ambiguous);
	buf_addc(b, '}');
	emit_line(j);
	buf_free(&key);
}

static void
emit_cell_record(struct tojsonl *j, const struct jcell *c)
{
	struct buf *b = &j->line;
	int first = 1;

	buf_addc(b, '{');
	key_str(b, &first, "type", "cell");
	key_str(b, &first, "source", j->source);
	key_long(b, &first, "table", j->t.number);
	key_page(b, &first, c->page);
	key_long(b, &first, "row", c->row);
	key_long(b, &first, "col", c->col);
	key_long(b, &first, "rowspan", c->rowspan);
	key_long(b, &first, "colspan", c->colspan);
	json_key(b, "header", &first);
	buf_adds(b, c->header ? "true" : "false");
	json_key(b, "text", &first);
	json_str(b, c->text);
	json_key(b, "bbox", &first);
	if (c->has_bbox)
		buf_printf(b, "[%.2f,%.2f,%.2f,%.2f]", c->bbox[0], c->bbox[1],
		    c->bbox[2], c->bbox[3]);
	else
		buf_adds(b, "null");
	buf_addc(b, '}');
	emit_line(j);
}

static void
emit_table(struct tojsonl *j)
{
	int i;

	if (j->form == TOJSONL_CELLS) {
		for (i = 0; i < j->t.ncells; i++)
			if (j->t.cells[i].text[0] != '\0')
				emit_cell_record(j, &j->t.cells[i]);
	} else {
		emit_table_record(j);
		for (i = 0; i < j->t.nrows; i++)
			emit_row_record(j, &j->t.rows[i]);
	}
	table_reset(&j->t);
}

static void
begin_table(struct tojsonl *j, const struct rec *r, const char *raw,
    size_t len)
{
	table_reset(&j->t);
	j->t.open = 1;
	j->t.number = rec_long(r, 1);
	rec_init(&j->t.attrs);
	rec_parse(&j->t.attrs, raw, len);
}

static void
handle(struct tojsonl *j, const struct rec *r, const char *raw, size_t len)
{
	if (rec_is(r, "doc")) {
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
	} else if (rec_is(r, "cell")) {
		add_cell(&j->t, r);
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

int
tojsonl_run(struct cli *cli, enum tojsonl_form form)
{
	struct tojsonl j;
	int i;

	memset(&j, 0, sizeof(j));
	j.cli = cli;
	j.form = form;
	j.source = xstrdup("-");
	out_init(&cli->out, 0);
	for (i = 0; i < cli->ninputs; i++)
		run_input(&j, cli->inputs[i]);
	free(j.source);
	buf_free(&j.rules);
	buf_free(&j.line);
	return cli_exit(cli);
}
