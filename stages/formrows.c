/*
 * formrows.c - a form's rows whose cells run on over the dump's lines,
 * under the header the form describes.
 *
 * A rows line's cells are printed one after another, each wrapped over
 * as many lines as its box needs: a line break may end a cell or not, a
 * space always does.  A word of the first cell's kind (a code) begins a
 * row.  A name is gathered until the value after it arrives: the value's
 * kind and the name's say which pair of cells they are (人均补助标准 |
 * 28.07万元 under 成本指标).  A pair that fits no cell right of the row's
 * last begins a row below printed for the same one (its further
 * indicators), in the cells marked as printed again.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "formrows.h"
#include "formwords.h"
#include "utf8.h"

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
	lay_place(y, g, &g->cells[k], text);
	y->rlast = k;
}

/* A row below, printed for the same row: its cells from the first again. */
static void
rows_again(struct lay *y, const struct fline *g)
{
	lay_new_row(y);
	y->rlast = fline_first_again(g) - 1;
}

static void
name_clear(struct lay *y)
{
	buf_clear(&y->name);
	free(y->lastword);
	y->lastword = NULL;
}

/* A name no value came for: the leftmost text cell free for it. */
void
formrows_flush(struct lay *y, const struct fline *g)
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
		formrows_flush(y, g);
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
		hit = fline_fits_kind(g, head);
		free(head);
		if (hit)
			return k;
	}
	return 0;
}

/*
 * Whether the last cell placed, with the word after a line break, is one
 * ("4504372300000000" / "20035"); a code is never a row of its own.
 */
static int
rows_joins(struct lay *y, const struct fline *g, const char *word)
{
	struct pcell *p;
	char *joined;
	int hit;

	if (y->ncells == 0 || y->rlast < 0 || y->name.len ||
	    (y->rlast > 0 && (fcell_matches(&g->cells[0], word) ||
	    fline_fits_kind(g, word))))
		return 0;	/* a cell of its own */
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
		if (starts_number(word + k) && fline_fits_kind(g, word + k))
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
		if (fline_fits_kind(g, joined)) {
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
		formrows_flush(y, g);
		lay_new_row(y);
		y->rlast = -1;
		y->body = 1;
		rows_cell(y, g, 0, word);
		return;
	}
	if (!y->body)
		return;		/* no row yet: words of the caption */
	if (fline_fits_kind(g, word)) {
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

void
formrows_line(struct lay *y, const struct fline *g, const struct fwords *w)
{
	int k;

	for (k = 0; k < w->n; k++)
		rows_word(y, g, w->v[k], k == 0);
}

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
char *
formhead_text(const struct form *f)
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
int
formhead_is_line(const struct lay *y, const struct fwords *w, int top)
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

/* Whether a line begins a row of the rows line r. */
static int
begins_rows(const struct fline *r, const struct fwords *w)
{
	return r && w->n > 0 && r->cells[0].kind == FC_KIND &&
	    fcell_matches(&r->cells[0], w->v[0]);
}

/*
 * The header rows the form describes, when the dump prints the header's
 * words before its first row: wrapped and run together as they are, the
 * dump says which header, the form says where its words go.
 */
void
formhead_place(struct lay *y, const struct tline *const *lines, int n)
{
	const struct fline *l, *r = form_rows_line(y->f);
	struct buf printed = BUF_INIT;
	struct fwords w;
	struct pcell *p;
	int i, c, seen = 0, stop = 0;

	for (i = 0; i < n && !stop; i++) {
		fwords_split(&w, lines[i]->text);
		if ((stop = begins_rows(r, &w)) == 0 && w.n &&
		    formhead_is_line(y, &w, 0)) {
			seen = 1;
			for (c = 0; c < w.n; c++)
				buf_adds(&printed, w.v[c]);
		}
		fwords_free(&w);
	}
	for (i = 0; seen && i < y->f->nlines; i++) {
		l = &y->f->lines[i];
		if (l->type != FL_HEAD)
			continue;
		lay_new_row(y);
		for (c = 0; c < l->ncells; c++)
			if (l->cells[c].kind == FC_WORD) {
				p = lay_place(y, l, &l->cells[c],
				    spelling(&l->cells[c], printed.s));
				p->header = 1;
			}
		y->header_rows++;
	}
	buf_free(&printed);
}
