/*
 * rowalign.c - turn each table's lines (or spans) into a grid.
 *
 * One table is held at a time: its records are read up to endtable, the
 * grid is built by whichever way fits what the table carries, its
 * arithmetic is checked, and it is written out.  The ways, best first:
 *
 *   geometry     spans with boxes and ruling lines (from pdf2text)
 *   tab grid     a dump that kept its cells in tab-separated fields
 *   form         words in order, a form's lines (textform.c)
 *   family       words in order only: the family's layout and the solver
 *   generic      no family known: a label column, numbered amount columns
 */
#include <stdlib.h>
#include <string.h>

#include "checks.h"
#include "family.h"
#include "geomgrid.h"
#include "layout.h"
#include "rowalign.h"
#include "tablecode.h"
#include "tabgrid.h"
#include "textform.h"
#include "textrows.h"
#include "textrules.h"
#include "tinput.h"
#include "twins.h"

enum part { PART_CAPTION, PART_HEAD, PART_BODY, PART_NOTE };

struct ra {
	struct cli	*cli;
	struct textrules tr;
	struct families	 fams;
	struct forms	 forms;
	struct tinput	 in;
	struct twins	 twins;		/* this document's solved tables */
	struct tablecodes codes;	/* its contents and numbering */
	int		 open;
	enum part	 part;
	struct buf	 out;
};

static void
input_clear(struct tinput *in)
{
	int i;

	for (i = 0; i < in->ncaption; i++)
		free(in->caption[i].text);
	for (i = 0; i < in->nhead; i++)
		free(in->head[i].text);
	for (i = 0; i < in->nbody; i++)
		free(in->body[i].text);
	for (i = 0; i < in->nnotes; i++)
		free(in->notes[i].text);
	for (i = 0; i < in->nspans; i++) {
		free(in->spans[i].text);
		free(in->spans[i].font);
	}
	free(in->caption);
	free(in->head);
	free(in->body);
	free(in->notes);
	free(in->spans);
	free(in->rules);
	rec_free(&in->attrs);
	buf_free(&in->other);
	memset(in, 0, sizeof(*in));
}

static void
add_line(struct tinput *in, enum part part, const struct rec *r)
{
	struct tline **v;
	int *n;

	switch (part) {
	case PART_HEAD: v = &in->head; n = &in->nhead; break;
	case PART_BODY: v = &in->body; n = &in->nbody; break;
	case PART_NOTE: v = &in->notes; n = &in->nnotes; break;
	default: v = &in->caption; n = &in->ncaption; break;
	}
	*v = xreallocarray(*v, (size_t)*n + 1, sizeof(**v));
	(*v)[*n].text = xstrdup(rec_field(r, 4));
	(*v)[*n].page = rec_long(r, 1);
	(*v)[*n].lineno = rec_long(r, 2);
	if (strchr((*v)[*n].text, '\t'))
		in->tabbed = 1;
	(*n)++;
}

static void
add_span(struct tinput *in, enum part part, const struct rec *r)
{
	struct tspan *s;

	in->spans = xreallocarray(in->spans, (size_t)in->nspans + 1,
	    sizeof(*in->spans));
	s = &in->spans[in->nspans++];
	s->page = rec_long(r, 1);
	s->x0 = rec_double(r, 2);
	s->y0 = rec_double(r, 3);
	s->x1 = rec_double(r, 4);
	s->y1 = rec_double(r, 5);
	s->size = rec_double(r, 6);
	s->font = xstrdup(rec_field(r, 7));
	s->text = xstrdup(rec_field(r, 8));
	s->part = (int)part;
}

static void
add_rule(struct tinput *in, const struct rec *r)
{
	struct trule *t;

	in->rules = xreallocarray(in->rules, (size_t)in->nrules + 1,
	    sizeof(*in->rules));
	t = &in->rules[in->nrules++];
	t->page = rec_long(r, 1);
	t->x0 = rec_double(r, 2);
	t->y0 = rec_double(r, 3);
	t->x1 = rec_double(r, 4);
	t->y1 = rec_double(r, 5);
	t->width = rec_double(r, 6);
}

static enum part
part_named(const char *name)
{
	if (strcmp(name, "head") == 0)
		return PART_HEAD;
	if (strcmp(name, "body") == 0)
		return PART_BODY;
	if (strcmp(name, "note") == 0)
		return PART_NOTE;
	return PART_CAPTION;
}

/*
 * Of a family's variants (sections of the same title), the one whose
 * words the table's header prints best.
 */
/* Where a column's own header word is printed, or -1. */
static long
word_position(const struct lcol *c, const char *header)
{
	const char *w = strrchr(c->path, '/'), *at;

	w = w ? w + 1 : c->path;
	if (*w == '\0' || (at = strstr(header, w)) == NULL)
		return -1;
	return (long)(at - header);
}

/*
 * How far the order of a layout's code, label and text columns agrees
 * with the order the header prints their words: variants with the same
 * words in another order (名称 before 项目类型, or after) differ here.
 */
static int
order_agreement(const struct layout *l, const char *header)
{
	long pos[64];
	int i, j, n = 0, score = 0;

	for (i = 0; i < l->ncols && n < 64; i++)
		if (l->cols[i].type != COL_AMOUNT &&
		    (pos[n] = word_position(&l->cols[i], header)) >= 0)
			n++;
	for (i = 0; i < n; i++)
		for (j = i + 1; j < n; j++)
			score += pos[i] < pos[j] ? 1 : pos[i] > pos[j] ? -1 : 0;
	return score;
}

static const struct family *
best_variant(struct ra *a, const struct family **cands, int n)
{
	struct buf header = BUF_INIT;
	struct layout l;
	int i, fit, order, best = 0, best_fit = 0, best_order = 0;

	if (n == 1)
		return cands[0];
	for (i = 0; i < a->in.nhead; i++) {
		buf_adds(&header, a->in.head[i].text);
		buf_addc(&header, '\n');
	}
	for (i = 0; i < a->in.nspans; i++)
		if (a->in.spans[i].part == 1) {
			buf_adds(&header, a->in.spans[i].text);
			buf_addc(&header, '\n');
		}
	for (i = 0; i < n; i++) {
		layout_build(&l, cands[i], buf_str(&header));
		fit = layout_fit(&l);
		order = order_agreement(&l, buf_str(&header));
		if (i == 0 || fit > best_fit ||
		    (fit == best_fit && order > best_order)) {
			best = i;
			best_fit = fit;
			best_order = order;
		}
		layout_free(&l);
	}
	buf_free(&header);
	return cands[best];
}

static const struct family *
find_family(struct ra *a)
{
	const struct family *cands[16];
	const char *code = rec_attr(&a->in.attrs, "code");
	int i, n;

	n = families_all_by_title(&a->fams, rec_attr(&a->in.attrs, "title"),
	    cands, 16);
	if (n > 0)
		return best_variant(a, cands, n);
	if (code == NULL)
		return NULL;
	/* No title, or none known: the code, in the scheme most use. */
	for (i = 0; i < a->fams.n; i++)
		if (a->fams.f[i].code && strcmp(a->fams.f[i].code, code) == 0)
			return &a->fams.f[i];
	return NULL;
}

/* Total rows: the first words of the row name a total. */
static void
mark_totals(struct ra *a, struct grid *g)
{
	const char *t;
	int r, c;

	for (r = 0; r < g->nrows; r++) {
		if (g->rows[r].kind == ROW_TOTAL)
			continue;
		for (c = 0; c < g->ncols; c++) {
			if (g->cols[c].type == COL_AMOUNT ||
			    (t = grid_text(g, g->rows[r].row, c)) == NULL)
				continue;
			if (patlist_match(&a->tr.total, t, strlen(t)) != -1)
				g->rows[r].kind = ROW_TOTAL;
			break;
		}
	}
}

static char *
join_notes(const struct tinput *in)
{
	struct buf b = BUF_INIT;
	int i;

	for (i = 0; i < in->nnotes; i++) {
		if (i)
			buf_addc(&b, '\n');
		buf_adds(&b, in->notes[i].text);
	}
	return in->nnotes ? buf_detach(&b) : NULL;
}

static void
finish_table(struct ra *a)
{
	const struct form *fm = textform_find(&a->forms, &a->in);
	const struct family *f = fm ? &fm->fam : find_family(a);
	struct grid g;
	char code[64];

	grid_init(&g);
	if (a->in.nspans > 0)
		geomgrid_build(&g, f, &a->in);
	else if (a->in.tabbed)
		tabgrid_build(&g, &a->tr, f, &a->in);
	else if (fm)
		textform_build(&g, &a->tr, &a->forms, fm, &a->in);
	else if (f)
		textrows_build(&g, &a->tr, f, &a->twins, &a->in);
	else
		textrows_generic(&g, &a->tr, &a->in);
	mark_totals(a, &g);
	if (f)
		g.family = xstrdup(f->name);
	g.code_from = tablecode_infer(&a->codes, rec_attr(&a->in.attrs, "code"),
	    rec_attr(&a->in.attrs, "title"), f, code, sizeof(code));
	if (g.code_from && strcmp(g.code_from, "printed") != 0)
		g.code = xstrdup(code);
	g.notes = join_notes(&a->in);
	checks_run(&g);
	twins_remember(&a->twins, &g);
	buf_clear(&a->out);
	buf_add(&a->out, buf_str(&a->in.other), a->in.other.len);
	grid_emit(&g, &a->out, a->in.number, &a->in.attrs);
	out_put(&a->cli->out, &a->out);
	grid_free(&g);
	input_clear(&a->in);
	a->open = 0;
}

static void
record(struct ra *a, const struct rec *r, const char *raw, size_t len)
{
	if (rec_is(r, "error")) {
		cli_pass_error(a->cli, r);
		return;
	}
	if (rec_is(r, "doc")) {
		twins_clear(&a->twins);
		tablecode_reset(&a->codes);
	}
	if (!a->open) {
		if (rec_is(r, "line") && r->nf >= 5)
			tablecode_prose(&a->codes, &a->tr, r->f[4]);
		if (rec_is(r, "table")) {
			a->open = 1;
			a->part = PART_CAPTION;
			a->in.number = rec_long(r, 1);
			rec_parse(&a->in.attrs, raw, len);
		} else
			out_line(&a->cli->out, raw, len);
		return;
	}
	if (rec_is(r, "endtable"))
		finish_table(a);
	else if (rec_is(r, "part"))
		a->part = part_named(rec_field(r, 1));
	else if (rec_is(r, "line") && r->nf >= 5)
		add_line(&a->in, a->part, r);
	else if (rec_is(r, "span") && r->nf >= 9)
		add_span(&a->in, a->part, r);
	else if (rec_is(r, "rule") && r->nf >= 7)
		add_rule(&a->in, r);
	else {
		buf_add(&a->in.other, raw, len);
		buf_addc(&a->in.other, '\n');
	}
}

static void
run_input(struct ra *a, const char *path)
{
	struct lineio in;
	struct rec r;
	const char *line;
	size_t len;
	int got;

	if (cli_open_stream(a->cli, path, &in) == -1)
		return;
	rec_init(&r);
	while ((got = lineio_read(&in, &line, &len)) > 0) {
		rec_parse(&r, line, len);
		record(a, &r, line, len);
	}
	if (got < 0)
		cli_emit_error(a->cli, path, buf_str(&in.err));
	else if (a->open) {
		cli_emit_error(a->cli, path, "stream ends inside a table");
		input_clear(&a->in);
		a->open = 0;
	}
	rec_free(&r);
	lineio_close(&in);
}

int
rowalign_run(struct cli *cli)
{
	struct ra a;
	struct buf err = BUF_INIT;
	int i;

	memset(&a, 0, sizeof(a));
	a.cli = cli;
	cli_load_rules(cli);
	if (textrules_load(&a.tr, &cli->rules, &err) == -1 ||
	    families_load(&a.fams, &cli->rules, &err) == -1 ||
	    forms_load(&a.forms, &cli->rules, &err) == -1)
		cli_usage_error(cli, "%s", buf_str(&err));
	out_init(&cli->out, 0);
	out_header(&cli->out);
	cli_emit_rules(cli, "row-align");
	rec_init(&a.in.attrs);
	for (i = 0; i < cli->ninputs; i++)
		run_input(&a, cli->inputs[i]);
	input_clear(&a.in);
	twins_clear(&a.twins);
	tablecode_reset(&a.codes);
	textrules_free(&a.tr);
	families_free(&a.fams);
	forms_free(&a.forms);
	buf_free(&a.out);
	buf_free(&err);
	return cli_exit(cli);
}
