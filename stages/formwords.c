/*
 * formwords.c - the words of a form's lines.
 */
#include <stdlib.h>
#include <string.h>

#include "formwords.h"
#include "textjoin.h"
#include "utf8.h"

/* A line's words: what spaces, full-width ones too, separate. */
void
fwords_split(struct fwords *w, const char *s)
{
	const char *p = s, *start = NULL;
	int32_t c;
	size_t k;

	memset(w, 0, sizeof(*w));
	for (;;) {
		k = *p ? utf8_decode(p, strlen(p), &c) : 0;
		if (*p == '\0' || uc_is_space(c)) {
			if (start) {
				w->v = xreallocarray(w->v, (size_t)w->n + 1,
				    sizeof(char *));
				w->v[w->n++] = xstrndup(start,
				    (size_t)(p - start));
				start = NULL;
			}
			if (*p == '\0')
				break;
		} else if (start == NULL)
			start = p;
		p += k;
	}
}

void
fwords_free(struct fwords *w)
{
	int i;

	for (i = 0; i < w->n; i++)
		free(w->v[i]);
	free(w->v);
	memset(w, 0, sizeof(*w));
}

/* Words from..to-1, a space between. */
char *
fwords_join(const struct fwords *w, int from, int to)
{
	struct buf b = BUF_INIT;
	int i;

	for (i = from; i < to; i++) {
		if (b.len)
			buf_addc(&b, ' ');
		buf_adds(&b, w->v[i]);
	}
	return buf_detach(&b);
}

/* The line without the spaces that sit inside one cell ("669.93 万元"). */
char *
fwords_unglue(const struct forms *fs, const char *s)
{
	struct buf b = BUF_INIT;
	size_t n = strlen(s), at = 0, start, end;
	struct regex *rx = (struct regex *)&fs->glue;

	while (at < n && pcre2_match(rx->code, (PCRE2_SPTR)s, n, at, 0,
	    rx->md, NULL) >= 0) {
		regex_span(rx, &start, &end);
		if (end == start)
			break;		/* a pattern that takes out nothing */
		buf_add(&b, s + at, start - at);
		at = end;
	}
	buf_add(&b, s + at, n - at);
	return buf_detach(&b);
}

/* Display columns: a Han character is two. */
int
ftext_width(const char *s)
{
	return tj_width(s, strlen(s));
}

/* Whether a word is long text rather than a label or a value. */
int
ftext_is_long(const struct forms *fs, const char *s)
{
	return regex_match((struct regex *)&fs->longtext, s, strlen(s)) ||
	    (fs->longwidth > 0 && ftext_width(s) >= fs->longwidth);
}

/* Whether a pattern of the rules matches somewhere in s. */
int
ftext_matches(const struct regex *rx, const char *s)
{
	return regex_match((struct regex *)rx, s, strlen(s));
}

/*
 * A word that is several of the form's row words run together, as a
 * dump printing a cell a line may leave them ("年初预算数全年预算数"):
 * whether such words cover it from byte `at` to its end.  next[at] gets
 * the length of the first; known[at] remembers the answer (1 yes, 2 no),
 * so no end is tried twice.
 */
static int
covered_by_row_words(const struct form *f, const char *s, size_t at,
    size_t *next, unsigned char *known)
{
	const struct fcell *c;
	size_t n = strlen(s + at), k;
	int i, j, a;

	if (n == 0)
		return 1;
	if (known[at])
		return known[at] == 1;
	known[at] = 2;
	for (i = 0; i < f->nlines; i++) {
		if (f->lines[i].type != FL_ROW)
			continue;
		for (j = 0; j < f->lines[i].ncells; j++) {
			c = &f->lines[i].cells[j];
			for (a = 0; c->kind == FC_WORD && a < c->nalts; a++) {
				k = strlen(c->alts[a]);
				if (k == 0 || k > n ||
				    strncmp(s + at, c->alts[a], k) != 0 ||
				    !covered_by_row_words(f, s, at + k, next,
				    known))
					continue;
				next[at] = k;
				known[at] = 1;
				return 1;
			}
		}
	}
	return 0;
}

void
fwords_split_row_words(const struct form *f, struct fwords *w)
{
	struct fwords out;
	unsigned char *known;
	size_t *next, at, len;
	int k;

	memset(&out, 0, sizeof(out));
	for (k = 0; k < w->n; k++) {
		len = strlen(w->v[k]);
		next = xcalloc(len + 1, sizeof(*next));
		known = xcalloc(len + 1, 1);
		if (covered_by_row_words(f, w->v[k], 0, next, known) &&
		    next[0] < len) {
			for (at = 0; at < len; at += next[at]) {
				out.v = xreallocarray(out.v, (size_t)out.n + 1,
				    sizeof(char *));
				out.v[out.n++] = xstrndup(w->v[k] + at,
				    next[at]);
			}
			free(w->v[k]);
		} else {
			out.v = xreallocarray(out.v, (size_t)out.n + 1,
			    sizeof(char *));
			out.v[out.n++] = w->v[k];
		}
		free(next);
		free(known);
	}
	free(w->v);
	*w = out;
}
