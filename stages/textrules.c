/*
 * textrules.c - the pattern lists and the lexicon, compiled from rules/.
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "textrules.h"
#include "utf8.h"

/*
 * Most lines match none of a list's patterns; one call to an alternation
 * of them all says so at the cost of one match instead of n.  Named
 * groups repeat across patterns, hence DUPNAMES; the individual patterns
 * still tell which one matched and where its groups are.
 */
static void
compile_any(struct patlist *pl)
{
	struct buf src = BUF_INIT;
	int i;

	if (pl->n < 2)
		return;
	for (i = 0; i < pl->n; i++) {
		if (i)
			buf_addc(&src, '|');
		buf_printf(&src, "(?:%s)", pl->rx[i].source);
	}
	pl->has_any = regex_compile_dupnames(&pl->any, src.s, NULL) == 0;
	buf_free(&src);
}

/*
 * "need = 表 Table": every pattern of the list matches only lines holding
 * one of these strings, so a line without any is turned away before a
 * single pattern runs.  The rules say it because only they know it.
 */
static void
add_needs(struct patlist *pl, const char *list)
{
	const char *p = list, *e;

	while (*p) {
		while (*p == ' ')
			p++;
		if (*p == '\0')
			break;
		e = p + strcspn(p, " ");
		pl->needs = xreallocarray(pl->needs, (size_t)pl->nneeds + 1,
		    sizeof(char *));
		pl->needs[pl->nneeds++] = xstrndup(p, (size_t)(e - p));
		p = e;
	}
}

static int
contains(const char *s, size_t n, const char *needle)
{
	size_t k = strlen(needle), i;
	const char *hit;

	for (i = 0; i + k <= n; i = (size_t)(hit - s) + 1) {
		hit = memchr(s + i, needle[0], n - k + 1 - i);
		if (hit == NULL)
			return 0;
		if (memcmp(hit, needle, k) == 0)
			return 1;
	}
	return 0;
}

static int
possible(const struct patlist *pl, const char *s, size_t n)
{
	int i;

	if (pl->nneeds == 0)
		return 1;
	for (i = 0; i < pl->nneeds; i++)
		if (contains(s, n, pl->needs[i]))
			return 1;
	return 0;
}

static int
compile_list(struct patlist *pl, const struct rules *r, const char *name,
    struct buf *err)
{
	const struct rule_section *sec;
	int i = -1, k;

	memset(pl, 0, sizeof(*pl));
	while ((i = rules_next_section(r, i, name)) != -1) {
		sec = &r->sections[i];
		for (k = 0; k < sec->nlines; k++) {
			if (sec->lines[k].key &&
			    strcmp(sec->lines[k].key, "need") == 0) {
				add_needs(pl, sec->lines[k].value);
				continue;
			}
			if (sec->lines[k].key != NULL)
				continue;
			pl->rx = xreallocarray(pl->rx, (size_t)pl->n + 1,
			    sizeof(*pl->rx));
			if (regex_compile(&pl->rx[pl->n], sec->lines[k].value,
			    sec->lines[k].file, sec->lines[k].lineno, err) == -1)
				return -1;
			pl->n++;
		}
	}
	compile_any(pl);
	return 0;
}

static void
free_list(struct patlist *pl)
{
	int i;

	for (i = 0; i < pl->n; i++)
		regex_free(&pl->rx[i]);
	if (pl->has_any)
		regex_free(&pl->any);
	for (i = 0; i < pl->nneeds; i++)
		free(pl->needs[i]);
	free(pl->needs);
	free(pl->rx);
	memset(pl, 0, sizeof(*pl));
}

static int
compile_joins(struct textrules *tr, const struct rules *r, struct buf *err)
{
	const struct rule_section *sec;
	const struct rule_line *rl;
	char *prev;
	const char *sep;
	int i = -1, k, rc;

	while ((i = rules_next_section(r, i, "join-digits")) != -1) {
		sec = &r->sections[i];
		for (k = 0; k < sec->nlines; k++) {
			rl = &sec->lines[k];
			if ((sep = strstr(rl->value, " ~~ ")) == NULL) {
				buf_printf(err, "%s:%d: a join needs "
				    "'PREV ~~ NEXT'", rl->file, rl->lineno);
				return -1;
			}
			tr->joins = xreallocarray(tr->joins,
			    (size_t)tr->njoins + 1, sizeof(*tr->joins));
			prev = xstrndup(rl->value, (size_t)(sep - rl->value));
			rc = regex_compile(&tr->joins[tr->njoins].prev, prev,
			    rl->file, rl->lineno, err);
			free(prev);
			if (rc == -1 || regex_compile(&tr->joins[tr->njoins].next,
			    sep + 4, rl->file, rl->lineno, err) == -1)
				return -1;
			tr->njoins++;
		}
	}
	return 0;
}

/* Header words from a family column path: "基本支出/人员经费~经费/x". */
static void
add_path_terms(struct termset *ts, const char *path)
{
	const char *p = path, *e;

	while (*p) {
		e = p + strcspn(p, "/~");
		if (e > p)
			termset_add(ts, p, (size_t)(e - p));
		p = *e ? e + 1 : e;
	}
}

static void
collect_terms(struct textrules *tr, const struct rules *r)
{
	const struct rule_section *sec;
	const char *v, *colon;
	int i, k;

	for (i = 0; i < r->nsections; i++) {
		sec = &r->sections[i];
		for (k = 0; k < sec->nlines; k++) {
			v = sec->lines[k].value;
			if (strcmp(sec->name, "term") == 0 &&
			    sec->lines[k].key == NULL)
				termset_add(&tr->terms, v, strlen(v));
			else if (strcmp(sec->name, "family") == 0 &&
			    sec->lines[k].key &&
			    strcmp(sec->lines[k].key, "column") == 0) {
				char *path;

				colon = strstr(v, " : ");
				path = xstrndup(v, colon ? (size_t)(colon - v) :
				    strlen(v));
				add_path_terms(&tr->terms, path);
				free(path);
			}
		}
	}
}

static int
compile_union(struct regex *rx, struct patlist **lists, size_t nlists,
    struct buf *err)
{
	struct buf src = BUF_INIT;
	size_t i;
	int k, rc;

	for (i = 0; i < nlists; i++)
		for (k = 0; k < lists[i]->n; k++) {
			if (src.len)
				buf_addc(&src, '|');
			buf_printf(&src, "(?:%s)", lists[i]->rx[k].source);
		}
	rc = regex_compile_dupnames(rx, buf_str(&src), err);
	buf_free(&src);
	return rc;
}

/* Items, totals and notes are anchored: one alternation asks for all. */
static int
compile_starts(struct textrules *tr, struct buf *err)
{
	struct patlist *starts[] = { &tr->item, &tr->total, &tr->note };

	return compile_union(&tr->anchored_starts, starts,
	    sizeof(starts) / sizeof(starts[0]), err);
}

/*
 * Whether a line begins something of its own: an item, a total, a note,
 * or a caption (code, unit, entity, title).
 */
int
textrules_starts_block(struct textrules *tr, const char *s, size_t n)
{
	return regex_match(&tr->anchored_starts, s, n) ||
	    patlist_match(&tr->code, s, n) != -1 ||
	    patlist_match(&tr->unit, s, n) != -1 ||
	    patlist_match(&tr->entity, s, n) != -1 ||
	    patlist_match(&tr->title, s, n) != -1 ||
	    patlist_match(&tr->caption_extra, s, n) != -1;
}

int
textrules_load(struct textrules *tr, const struct rules *r, struct buf *err)
{
	static const struct {
		const char *name;
		size_t off;
	} lists[] = {
		{ "code", offsetof(struct textrules, code) },
		{ "title", offsetof(struct textrules, title) },
		{ "not-title", offsetof(struct textrules, not_title) },
		{ "unit", offsetof(struct textrules, unit) },
		{ "entity", offsetof(struct textrules, entity) },
		{ "caption-extra", offsetof(struct textrules, caption_extra) },
		{ "note", offsetof(struct textrules, note) },
		{ "furniture", offsetof(struct textrules, furniture) },
		{ "page-number", offsetof(struct textrules, page_number) },
		{ "section", offsetof(struct textrules, section) },
		{ "item", offsetof(struct textrules, item) },
		{ "total", offsetof(struct textrules, total) },
		{ "of-which", offsetof(struct textrules, of_which) },
		{ "contents", offsetof(struct textrules, contents) },
	};
	size_t i;

	memset(tr, 0, sizeof(*tr));
	for (i = 0; i < sizeof(lists) / sizeof(lists[0]); i++)
		if (compile_list((struct patlist *)((char *)tr + lists[i].off),
		    r, lists[i].name, err) == -1)
			return -1;
	if (compile_joins(tr, r, err) == -1 || compile_starts(tr, err) == -1)
		return -1;
	collect_terms(tr, r);
	return 0;
}

void
textrules_free(struct textrules *tr)
{
	struct patlist *lists[] = {
		&tr->code, &tr->title, &tr->not_title, &tr->unit, &tr->entity,
		&tr->caption_extra, &tr->note, &tr->furniture,
		&tr->page_number, &tr->section, &tr->item, &tr->total,
		&tr->of_which, &tr->contents,
	};
	size_t i;
	int k;

	for (i = 0; i < sizeof(lists) / sizeof(lists[0]); i++)
		free_list(lists[i]);
	regex_free(&tr->anchored_starts);
	for (k = 0; k < tr->njoins; k++) {
		regex_free(&tr->joins[k].prev);
		regex_free(&tr->joins[k].next);
	}
	free(tr->joins);
	for (i = 0; i < tr->terms.cap; i++)
		free(tr->terms.slot[i]);
	free(tr->terms.slot);
	memset(tr, 0, sizeof(*tr));
}

/* Index of the first pattern matching s, or -1. */
int
patlist_match(struct patlist *pl, const char *s, size_t n)
{
	int i;

	if (!possible(pl, s, n) || (pl->has_any && !regex_match(&pl->any, s, n)))
		return -1;
	for (i = 0; i < pl->n; i++)
		if (regex_match(&pl->rx[i], s, n))
			return i;
	return -1;
}

/*
 * Match s against the list; on the first match, where the named group
 * (or, without one, the whole match) lies.  Returns the pattern's index or
 * -1.
 */
int
patlist_group(struct patlist *pl, const char *s, size_t n, const char *group,
    size_t *off, size_t *len)
{
	size_t start, end;
	int i = patlist_match(pl, s, n);

	if (i == -1)
		return -1;
	if (group && regex_group(&pl->rx[i], group, off, len))
		return i;
	regex_span(&pl->rx[i], &start, &end);
	*off = start;
	*len = end - start;
	return i;
}

static size_t
hash_key(const char *s, size_t n)
{
	return (size_t)fnv1a64(0xcbf29ce484222325ULL, s, n);
}

static void
termset_grow(struct termset *ts)
{
	struct termset bigger;
	size_t i;

	bigger.cap = ts->cap ? ts->cap * 2 : 256;
	bigger.n = 0;
	bigger.slot = xcalloc(bigger.cap, sizeof(char *));
	for (i = 0; i < ts->cap; i++)
		if (ts->slot[i]) {
			size_t h = hash_key(ts->slot[i], strlen(ts->slot[i]));

			while (bigger.slot[h & (bigger.cap - 1)])
				h++;
			bigger.slot[h & (bigger.cap - 1)] = ts->slot[i];
			bigger.n++;
		}
	free(ts->slot);
	*ts = bigger;
}

/* Terms are kept without white space: "本 年 收 入" is 本年收入. */
void
termset_add(struct termset *ts, const char *s, size_t n)
{
	struct buf b = BUF_INIT;
	size_t i, h;

	for (i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t')
			buf_addc(&b, s[i]);
	if (b.len == 0 || termset_has(ts, b.s, b.len)) {
		buf_free(&b);
		return;
	}
	if ((ts->n + 1) * 2 > ts->cap)
		termset_grow(ts);
	h = hash_key(b.s, b.len);
	while (ts->slot[h & (ts->cap - 1)])
		h++;
	ts->slot[h & (ts->cap - 1)] = buf_detach(&b);
	ts->n++;
}

int
termset_has(const struct termset *ts, const char *s, size_t n)
{
	size_t h;
	const char *t;

	if (ts->cap == 0)
		return 0;
	h = hash_key(s, n);
	while ((t = ts->slot[h & (ts->cap - 1)]) != NULL) {
		if (strlen(t) == n && memcmp(t, s, n) == 0)
			return 1;
		h++;
	}
	return 0;
}
