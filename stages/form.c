/*
 * form.c - forms, as rules/forms.rules describes them.
 */
#include <stdlib.h>
#include <string.h>

#include "form.h"

#define MAX_COLUMNS	64

static char *
trimmed(const char *s, size_t n)
{
	while (n > 0 && (*s == ' ' || *s == '\t')) {
		s++;
		n--;
	}
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	return xstrndup(s, n);
}

/*
 * Whether a and b are the same words, spaces aside: the dumps space words
 * as their fonts please.
 */
static int
same_but_spaces(const char *a, const char *b)
{
	for (;;) {
		while (*a == ' ' || *a == '\t')
			a++;
		while (*b == ' ' || *b == '\t')
			b++;
		if (*a != *b)
			return 0;
		if (*a == '\0')
			return 1;
		a++;
		b++;
	}
}

static const struct fkind *
kind_named(const struct forms *fs, const char *name, size_t n)
{
	int i;

	for (i = 0; i < fs->nkinds; i++)
		if (strlen(fs->kinds[i].name) == n &&
		    strncmp(fs->kinds[i].name, name, n) == 0)
			return &fs->kinds[i];
	return NULL;
}

static void
add_alts(struct fcell *c, const char *words)
{
	const char *p = words, *e;

	for (;;) {
		e = strchr(p, '~');
		c->alts = xreallocarray(c->alts, (size_t)c->nalts + 1,
		    sizeof(char *));
		c->alts[c->nalts++] = trimmed(p, e ? (size_t)(e - p) :
		    strlen(p));
		if (e == NULL)
			break;
		p = e + 1;
	}
}

/*
 * "WORD~WORD*2^", "<long>*3", "-": one cell.  The suffixes come in either
 * order; what is left is the cell itself.
 */
static int
parse_cell(const struct forms *fs, struct fcell *c, char *s,
    const struct rule_line *rl, struct buf *err)
{
	char *star, *end = s + strlen(s);
	size_t n;

	memset(c, 0, sizeof(*c));
	c->span = 1;
	for (;;) {
		if (end > s && end[-1] == '^') {
			c->down = 1;
			*--end = '\0';
		} else if (end > s && end[-1] == '+') {
			c->again = 1;
			*--end = '\0';
		} else if ((star = strrchr(s, '*')) != NULL &&
		    strspn(star + 1, "0123456789") == strlen(star + 1) &&
		    star[1] != '\0') {
			c->span = atoi(star + 1);
			*star = '\0';
			end = star;
		} else
			break;
	}
	n = strlen(s);
	if (n == 0 || c->span < 1) {
		buf_printf(err, "%s:%d: an empty cell", rl->file, rl->lineno);
		return -1;
	}
	if (strcmp(s, "-") == 0)
		c->kind = FC_NONE;
	else if (s[0] == '<' && s[n - 1] == '>') {
		if (strcmp(s, "<text>") == 0)
			c->kind = FC_TEXT;
		else if (strncmp(s, "<text:", 6) == 0) {
			/* Text, where words of the kind go first. */
			c->kind = FC_TEXT;
			if ((c->fk = kind_named(fs, s + 6, n - 7)) == NULL) {
				buf_printf(err, "%s:%d: no kind %s in "
				    "[form-kinds]", rl->file, rl->lineno, s);
				return -1;
			}
		} else if (strcmp(s, "<long>") == 0)
			c->kind = FC_LONG;
		else if ((c->fk = kind_named(fs, s + 1, n - 2)) != NULL)
			c->kind = FC_KIND;
		else {
			buf_printf(err, "%s:%d: no kind %s in [form-kinds]",
			    rl->file, rl->lineno, s);
			return -1;
		}
	} else {
		c->kind = FC_WORD;
		add_alts(c, s);
	}
	return 0;
}

/* "CELL | CELL ...", spanning the form's columns exactly. */
static int
parse_line(const struct forms *fs, struct form *f, const struct rule_line *rl,
    enum fline_type type, struct buf *err)
{
	struct fline *l;
	struct fcell *c;
	char *copy, *p, *bar, *cell;
	int col = 0, rc = 0;

	f->lines = xreallocarray(f->lines, (size_t)f->nlines + 1,
	    sizeof(*f->lines));
	l = &f->lines[f->nlines++];
	memset(l, 0, sizeof(*l));
	l->type = type;
	l->repeats = type == FL_GRID || type == FL_ROWS;
	l->lineno = rl->lineno;
	copy = xstrdup(rl->value);
	for (p = copy; p && rc == 0; p = bar) {
		if ((bar = strchr(p, '|')) != NULL)
			*bar++ = '\0';
		cell = trimmed(p, strlen(p));
		l->cells = xreallocarray(l->cells, (size_t)l->ncells + 1,
		    sizeof(*l->cells));
		c = &l->cells[l->ncells++];
		rc = parse_cell(fs, c, cell, rl, err);
		c->col = col;
		col += c->span;
		free(cell);
	}
	free(copy);
	if (rc == 0 && col != f->ncols) {
		buf_printf(err, "%s:%d: the cells span %d columns, the form "
		    "has %d", rl->file, rl->lineno, col, f->ncols);
		rc = -1;
	}
	return rc;
}

static int
line_type(const char *key, enum fline_type *type)
{
	static const struct {
		const char	*key;
		enum fline_type	 type;
	} types[] = {
		{ "row", FL_ROW }, { "grid", FL_GRID }, { "head", FL_HEAD },
		{ "rows", FL_ROWS },
	};
	size_t i;

	for (i = 0; i < sizeof(types) / sizeof(types[0]); i++)
		if (strcmp(key, types[i].key) == 0) {
			*type = types[i].type;
			return 1;
		}
	return 0;
}

static int
parse_form(const struct forms *fs, struct form *f,
    const struct rule_section *sec, struct buf *err)
{
	const struct rule_line *rl;
	enum fline_type type;
	int k;

	memset(f, 0, sizeof(*f));
	f->fam.name = xstrdup(sec->arg);
	for (k = 0; k < sec->nlines; k++) {
		rl = &sec->lines[k];
		if (rl->key == NULL) {
			buf_printf(err, "%s:%d: expected 'key = value'",
			    rl->file, rl->lineno);
			return -1;
		}
		if (strcmp(rl->key, "title") == 0) {
			if (regex_compile(&f->title, rl->value, rl->file,
			    rl->lineno, err) == -1)
				return -1;
		} else if (strcmp(rl->key, "code") == 0)
			f->fam.code = xstrdup(rl->value);
		else if (strcmp(rl->key, "columns") == 0) {
			f->ncols = atoi(rl->value);
			if (f->ncols < 1 || f->ncols > MAX_COLUMNS) {
				buf_printf(err, "%s:%d: columns must be 1 "
				    "to %d", rl->file, rl->lineno, MAX_COLUMNS);
				return -1;
			}
		} else if (line_type(rl->key, &type)) {
			if (f->ncols == 0) {
				buf_printf(err, "%s:%d: columns must come "
				    "before the lines", rl->file, rl->lineno);
				return -1;
			}
			if (parse_line(fs, f, rl, type, err) == -1)
				return -1;
		} else {
			buf_printf(err, "%s:%d: unknown form key '%s'",
			    rl->file, rl->lineno, rl->key);
			return -1;
		}
	}
	if (f->title.code == NULL || f->nlines == 0) {
		buf_printf(err, "%s:%d: form %s needs a title and lines",
		    sec->file, sec->lineno, sec->arg);
		return -1;
	}
	return 0;
}

/* Lines with the same key are alternatives: "value = A", "value = B". */
static int
parse_kinds(struct forms *fs, const struct rule_section *sec,
    struct buf *err)
{
	struct buf src = BUF_INIT;
	const struct rule_line *rl;
	struct fkind *k;
	int i, j, rc = 0;

	for (i = 0; i < sec->nlines && rc == 0; i++) {
		rl = &sec->lines[i];
		if (rl->key == NULL) {
			buf_printf(err, "%s:%d: expected 'kind = pattern'",
			    rl->file, rl->lineno);
			return -1;
		}
		if (kind_named(fs, rl->key, strlen(rl->key)))
			continue;
		buf_clear(&src);
		for (j = i; j < sec->nlines; j++)
			if (sec->lines[j].key &&
			    strcmp(sec->lines[j].key, rl->key) == 0)
				buf_printf(&src, "%s(?:%s)", src.len ? "|" : "",
				    sec->lines[j].value);
		fs->kinds = xreallocarray(fs->kinds, (size_t)fs->nkinds + 1,
		    sizeof(*fs->kinds));
		k = &fs->kinds[fs->nkinds++];
		k->name = xstrdup(rl->key);
		rc = regex_compile(&k->rx, buf_str(&src), rl->file, rl->lineno,
		    err);
	}
	buf_free(&src);
	return rc;
}

static int
compile_setting(struct regex *rx, const struct rule_section *sec,
    const char *key, struct buf *err)
{
	const char *v = rule_get(sec, key);

	if (v == NULL) {
		buf_printf(err, "%s:%d: [form-text] needs %s", sec->file,
		    sec->lineno, key);
		return -1;
	}
	return regex_compile(rx, v, sec->file, sec->lineno, err);
}

static int
parse_text(struct forms *fs, const struct rule_section *sec, struct buf *err)
{
	const char *w = rule_get(sec, "longwidth");

	fs->longwidth = w ? atoi(w) : 0;
	if (compile_setting(&fs->glue, sec, "glue", err) == -1 ||
	    compile_setting(&fs->ends, sec, "ends", err) == -1 ||
	    compile_setting(&fs->begins, sec, "begins", err) == -1 ||
	    compile_setting(&fs->opens, sec, "opens", err) == -1 ||
	    compile_setting(&fs->label, sec, "label", err) == -1 ||
	    compile_setting(&fs->longtext, sec, "long", err) == -1)
		return -1;
	return 0;
}

int
forms_load(struct forms *fs, const struct rules *r, struct buf *err)
{
	int i, n = 0;

	memset(fs, 0, sizeof(*fs));
	if ((i = rules_next_section(r, -1, "form-kinds")) != -1 &&
	    parse_kinds(fs, &r->sections[i], err) == -1)
		return -1;
	i = -1;
	while ((i = rules_next_section(r, i, "form")) != -1)
		n++;
	if (n == 0)
		return 0;
	if ((i = rules_next_section(r, -1, "form-text")) == -1) {
		buf_printf(err, "forms are described but [form-text] is not");
		return -1;
	}
	if (parse_text(fs, &r->sections[i], err) == -1)
		return -1;
	fs->f = xcalloc((size_t)n, sizeof(*fs->f));
	i = -1;
	while ((i = rules_next_section(r, i, "form")) != -1)
		if (parse_form(fs, &fs->f[fs->n++], &r->sections[i], err) == -1)
			return -1;
	return 0;
}

static void
free_regex(struct regex *rx)
{
	if (rx->code)
		regex_free(rx);
}

static void
form_free(struct form *f)
{
	int i, k, a;

	for (i = 0; i < f->nlines; i++) {
		for (k = 0; k < f->lines[i].ncells; k++) {
			for (a = 0; a < f->lines[i].cells[k].nalts; a++)
				free(f->lines[i].cells[k].alts[a]);
			free(f->lines[i].cells[k].alts);
		}
		free(f->lines[i].cells);
	}
	free(f->lines);
	free(f->fam.name);
	free(f->fam.code);
	free_regex(&f->title);
}

void
forms_free(struct forms *fs)
{
	int i;

	for (i = 0; i < fs->n; i++)
		form_free(&fs->f[i]);
	for (i = 0; i < fs->nkinds; i++) {
		free(fs->kinds[i].name);
		free_regex(&fs->kinds[i].rx);
	}
	free(fs->f);
	free(fs->kinds);
	free_regex(&fs->glue);
	free_regex(&fs->ends);
	free_regex(&fs->begins);
	free_regex(&fs->opens);
	free_regex(&fs->label);
	free_regex(&fs->longtext);
	memset(fs, 0, sizeof(*fs));
}

/* ------------------------------------------------------------------ */
/* what a form line holds */

/* The first cell from `from` on that prints the word, or -1. */
int
fline_word_cell(const struct fline *l, const char *word, int from)
{
	int c;

	for (c = from; c < l->ncells; c++)
		if (l->cells[c].kind == FC_WORD &&
		    fcell_matches(&l->cells[c], word))
			return c;
	return -1;
}

/* The first cell that prints words, or -1. */
int
fline_first_word(const struct fline *l)
{
	int c;

	for (c = 0; c < l->ncells; c++)
		if (l->cells[c].kind == FC_WORD)
			return c;
	return -1;
}

/* A value, not words or nothing. */
int
fcell_is_value(const struct fcell *c)
{
	return c->kind == FC_TEXT || c->kind == FC_LONG || c->kind == FC_KIND;
}

/* Whether a grid has levels of labels printed once for several rows. */
int
fline_has_down_labels(const struct fline *g)
{
	int c;

	for (c = 0; c < g->ncells; c++)
		if (g->cells[c].kind == FC_TEXT && g->cells[c].down)
			return 1;
	return 0;
}

/* Whether grid g names its rows: a text cell before its long text. */
int
fline_names_rows(const struct fline *g)
{
	int c;

	for (c = 0; c < g->ncells && g->cells[c].kind != FC_LONG; c++)
		if (g->cells[c].kind == FC_TEXT)
			return 1;
	return 0;
}

/* A value of one word: text or of a kind, not a long text. */
int
fcell_is_short(const struct fcell *c)
{
	return c->kind == FC_TEXT || c->kind == FC_KIND;
}

/* Whether a word is a value of one of grid g's kinds. */
int
fline_fits_kind(const struct fline *g, const char *word)
{
	int c;

	for (c = 0; c < g->ncells; c++)
		if (g->cells[c].kind == FC_KIND &&
		    fcell_matches(&g->cells[c], word))
			return 1;
	return 0;
}

/* The first long cell of grid g, or g->ncells. */
int
fline_first_long(const struct fline *g)
{
	int c;

	for (c = 0; c < g->ncells; c++)
		if (g->cells[c].kind == FC_LONG)
			break;
	return c;
}

/* The first cell printed again in rows below, or g->ncells. */
int
fline_first_again(const struct fline *g)
{
	int c;

	for (c = 0; c < g->ncells; c++)
		if (g->cells[c].again)
			return c;
	return g->ncells;
}

/* Index of the next word cell of l from c on, or l->ncells. */
int
fline_next_word(const struct fline *l, int c)
{
	while (c < l->ncells && l->cells[c].kind != FC_WORD)
		c++;
	return c;
}

/*
 * The header rows the form describes, when the dump prints the header's
 * words before its first row: wrapped and run together as they are, the
 * dump says which header, the form says where its words go.
 */
const struct fline *
form_rows_line(const struct form *f)
{
	int i;

	for (i = 0; i < f->nlines; i++)
		if (f->lines[i].type == FL_ROWS)
			return &f->lines[i];
	return NULL;
}

/* ------------------------------------------------------------------ */

/* Every form (variants included) whose title pattern the title fits. */
int
forms_all_by_title(const struct forms *fs, const char *title,
    const struct form **out, int max)
{
	char *key;
	int i, n = 0;

	if (title == NULL)
		return 0;
	key = family_title_key(title);
	for (i = 0; i < fs->n && n < max; i++)
		if (regex_match((struct regex *)&fs->f[i].title, key,
		    strlen(key)))
			out[n++] = &fs->f[i];
	free(key);
	return n;
}

/*
 * Whether a token is what the cell prints: its words, or its kind; any
 * word for text.  fcell_prefers: whether it is the kind a text cell
 * takes first.
 */
int
fcell_matches(const struct fcell *c, const char *token)
{
	int i, hit = 0;

	switch (c->kind) {
	case FC_WORD:
		for (i = 0; i < c->nalts && !hit; i++)
			hit = same_but_spaces(c->alts[i], token);
		return hit;
	case FC_KIND:
		return regex_match((struct regex *)&c->fk->rx, token,
		    strlen(token));
	case FC_TEXT:
		return 1;
	case FC_NONE:
		return 0;
	default:
		return 1;
	}
}

int
fcell_prefers(const struct fcell *c, const char *token)
{
	return c->kind == FC_TEXT && c->fk &&
	    regex_match((struct regex *)&c->fk->rx, token, strlen(token));
}
