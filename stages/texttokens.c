/*
 * texttokens.c - a text line's words, its numbers told apart.
 */
#include <stdlib.h>
#include <string.h>

#include "textrow.h"

static void
add_token(struct lrow *r, const char *s, size_t n)
{
	struct token *t;

	r->t = xreallocarray(r->t, (size_t)r->n + 1, sizeof(*r->t));
	t = &r->t[r->n++];
	memset(t, 0, sizeof(*t));
	t->text = xstrndup(s, n);
	if (num_parse(s, n, &t->num)) {
		t->kind = TK_NUM;
		t->plain = num_is_int_code(s, n);
	} else
		t->kind = TK_TEXT;
}

void
tokenize(struct lrow *r, const char *s)
{
	const char *p = s, *e;

	for (;;) {
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p == '\0')
			break;
		e = p + strcspn(p, " \t");
		add_token(r, p, (size_t)(e - p));
		p = e;
	}
}

/*
 * An amount: a number with decimals or separators, or a zero printed as
 * "0" (never a code, a 行次 or a 栏次 number).
 */
int
is_amount(const struct token *t)
{
	return t->kind == TK_NUM && !t->num.percent &&
	    (!t->plain || t->num.decimals > 0 || strcmp(t->text, "0") == 0);
}

int
has_kind(const struct lrow *r, int text)
{
	int i;

	for (i = 0; i < r->n; i++)
		if (text ? r->t[i].kind == TK_TEXT : is_amount(&r->t[i]))
			return 1;
	return 0;
}

int
only_amounts(const struct lrow *r)
{
	int i;

	for (i = 0; i < r->n; i++)
		if (!is_amount(&r->t[i]))
			return 0;
	return r->n > 0;
}

int
is_code_token(const struct token *t)
{
	return t->plain && strlen(t->text) >= 3;
}

int
starts_with_code(const struct lrow *r)
{
	return r->n > 0 && is_code_token(&r->t[0]);
}

int
has_code(const struct lrow *r)
{
	int i;

	for (i = 0; i < r->n; i++)
		if (is_code_token(&r->t[i]))
			return 1;
	return 0;
}

int
count_amounts(const struct lrow *r)
{
	int i, n = 0;

	for (i = 0; i < r->n; i++)
		n += is_amount(&r->t[i]);
	return n;
}

int
has_small_int(const struct lrow *r)
{
	int i;

	for (i = 0; i < r->n; i++)
		if (r->t[i].plain && strlen(r->t[i].text) <= 2)
			return 1;
	return 0;
}

int
is_small_int(const struct token *t)
{
	return t->plain && strlen(t->text) <= 2;
}

void
free_row(struct lrow *r)
{
	int i;

	for (i = 0; i < r->n; i++)
		free(r->t[i].text);
	free(r->t);
	memset(r, 0, sizeof(*r));
}

/* The numbers ending a row: its amounts. */
int
trailing_numbers(const struct lrow *r)
{
	int i, n = 0;

	for (i = r->n - 1; i >= 0 && r->t[i].kind == TK_NUM; i--)
		n++;
	return n;
}
