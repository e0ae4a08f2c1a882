/*
 * twins.c - what earlier tables of the same report placed where.
 */
#include <stdlib.h>
#include <string.h>

#include "number.h"
#include "twins.h"

static void
set_clear(struct termset *ts)
{
	size_t i;

	for (i = 0; i < ts->cap; i++)
		free(ts->slot[i]);
	free(ts->slot);
	memset(ts, 0, sizeof(*ts));
}

void
twins_clear(struct twins *t)
{
	set_clear(&t->placed);
	set_clear(&t->valued);
}

/* A row is known by its code, or without one by its label. */
char *
twins_row_key(const struct grid *g, int row)
{
	struct buf key = BUF_INIT;
	const char *t;
	int c;

	for (c = 0; c < g->ncols; c++)
		if (g->cols[c].type == COL_CODE &&
		    (t = grid_text(g, row, c)) != NULL)
			buf_adds(&key, t);
	if (key.len == 0)
		for (c = 0; c < g->ncols && key.len == 0; c++)
			if (g->cols[c].type == COL_LABEL &&
			    (t = grid_text(g, row, c)) != NULL)
				buf_adds(&key, t);
	return key.len ? buf_detach(&key) : NULL;
}

static void
entry(struct buf *b, const char *key, const char *value, const char *canon)
{
	const char *p;
	struct num n;

	buf_clear(b);
	for (p = key; *p; p++)
		if (*p != ' ' && *p != '\t')
			buf_addc(b, *p);
	buf_addc(b, '\x1f');
	buf_adds(b, num_parse(value, strlen(value), &n) ? n.text : value);
	if (canon) {
		buf_addc(b, '\x1f');
		buf_adds(b, canon);
	}
}

void
twins_remember(struct twins *t, const struct grid *g)
{
	struct buf e = BUF_INIT;
	const char *v;
	char *key;
	int r, c;

	for (r = 0; r < g->nrows; r++) {
		if ((key = twins_row_key(g, g->rows[r].row)) == NULL)
			continue;
		for (c = 0; c < g->ncols; c++) {
			if (g->cols[c].type != COL_AMOUNT || !g->cols[c].canon ||
			    (v = grid_text(g, g->rows[r].row, c)) == NULL)
				continue;
			entry(&e, key, v, g->cols[c].canon);
			termset_add(&t->placed, e.s, e.len);
			entry(&e, key, v, NULL);
			termset_add(&t->valued, e.s, e.len);
		}
		free(key);
	}
	buf_free(&e);
}

/* Whether a twin printed this row's value at all: most rows have none. */
int
twins_printed(const struct twins *t, const char *key, const char *value)
{
	struct buf e = BUF_INIT;
	int yes;

	if (key == NULL || t->valued.n == 0)
		return 0;
	entry(&e, key, value, NULL);
	yes = termset_has(&t->valued, e.s, e.len);
	buf_free(&e);
	return yes;
}

/*
 * +1 if a twin put this row's value in this column, -1 if it put it in
 * another, 0 if no twin printed it.
 */
int
twins_vote(const struct twins *t, const char *key, const char *value,
    const char *canon)
{
	struct buf e = BUF_INIT;
	int vote = 0;

	if (key == NULL || canon == NULL)
		return 0;
	entry(&e, key, value, canon);
	if (termset_has(&t->placed, e.s, e.len))
		vote = 1;
	else {
		entry(&e, key, value, NULL);
		if (termset_has(&t->valued, e.s, e.len))
			vote = -1;
	}
	buf_free(&e);
	return vote;
}
