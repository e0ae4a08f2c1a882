/*
 * pdfobj.c - PDF objects: the arena, the parser, and the accessors.
 */
#include <stdlib.h>
#include <string.h>

#include "pdfobj.h"

#define CHUNK_SIZE	(64 * 1024)

struct pdf_chunk {
	struct pdf_chunk *next;
	size_t		 used;
	size_t		 size;
	_Alignas(16) unsigned char data[];
};

const struct pdf_obj pdf_null = { .kind = PDF_NULL };

void *
arena_alloc(struct pdf_arena *a, size_t n)
{
	struct pdf_chunk *c = a->chunks;
	size_t size;
	void *p;

	n = (n + 15) & ~(size_t)15;
	if (c == NULL || c->size - c->used < n) {
		size = n > CHUNK_SIZE / 4 ? n : CHUNK_SIZE;
		c = xmalloc(sizeof(*c) + size);
		c->size = size;
		c->used = 0;
		if (size == n && a->chunks != NULL) {
			/* A big block goes behind the current chunk, whose
			 * free space stays usable. */
			c->next = a->chunks->next;
			a->chunks->next = c;
		} else {
			c->next = a->chunks;
			a->chunks = c;
		}
	}
	p = c->data + c->used;
	c->used += n;
	return p;
}

char *
arena_strndup(struct pdf_arena *a, const char *s, size_t n)
{
	char *p = arena_alloc(a, n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

void
arena_free(struct pdf_arena *a)
{
	struct pdf_chunk *c, *next;

	for (c = a->chunks; c != NULL; c = next) {
		next = c->next;
		free(c);
	}
	a->chunks = NULL;
}

const struct pdf_obj *
pdf_dict_get(const struct pdf_obj *d, const char *key)
{
	size_t i;

	if (d == NULL || (d->kind != PDF_DICT && d->kind != PDF_STREAM))
		return &pdf_null;
	for (i = 0; i < d->u.dict.n; i++)
		if (strcmp(d->u.dict.ent[i].key, key) == 0)
			return &d->u.dict.ent[i].val;
	return &pdf_null;
}

size_t
pdf_array_len(const struct pdf_obj *a)
{
	return a != NULL && a->kind == PDF_ARRAY ? a->u.array.n : 0;
}

const struct pdf_obj *
pdf_array_get(const struct pdf_obj *a, size_t i)
{
	if (i >= pdf_array_len(a))
		return &pdf_null;
	return &a->u.array.item[i];
}

int
pdf_is_name(const struct pdf_obj *o, const char *name)
{
	return o != NULL && o->kind == PDF_NAME &&
	    strcmp(o->u.str.s, name) == 0;
}

/* Store a number's value; returns 0 if o is not a number. */
int
pdf_number(const struct pdf_obj *o, double *v)
{
	if (o == NULL)
		return 0;
	if (o->kind == PDF_INT) {
		*v = (double)o->u.integer;
		return 1;
	}
	if (o->kind == PDF_REAL) {
		*v = o->u.real;
		return 1;
	}
	return 0;
}

long long
pdf_int(const struct pdf_obj *o, long long dflt)
{
	if (o != NULL && o->kind == PDF_INT)
		return o->u.integer;
	if (o != NULL && o->kind == PDF_REAL)
		return (long long)o->u.real;
	return dflt;
}

void
pdf_parser_init(struct pdf_parser *ps, struct pdf_arena *a,
    const unsigned char *s, size_t len)
{
	memset(ps, 0, sizeof(*ps));
	pdf_lex_init(&ps->lex, s, len);
	ps->arena = a;
}

void
pdf_next_token(struct pdf_parser *ps, struct pdf_token *t)
{
	if (ps->nahead > 0) {
		*t = ps->ahead[0];
		ps->ahead[0] = ps->ahead[1];
		ps->nahead--;
		return;
	}
	pdf_lex(&ps->lex, t);
}

static void
peek_token(struct pdf_parser *ps, int i, struct pdf_token *t)
{
	while (ps->nahead <= i)
		pdf_lex(&ps->lex, &ps->ahead[ps->nahead++]);
	*t = ps->ahead[i];
}

static int parse_value(struct pdf_parser *, const struct pdf_token *,
    struct pdf_obj *, int);

/* A growable vector of objects, copied into the arena when complete. */
struct objvec {
	struct pdf_obj	*v;
	const char	**keys;
	size_t		 n;
	size_t		 cap;
};

static void
objvec_push(struct objvec *ov, const char *key, const struct pdf_obj *o)
{
	if (ov->n == ov->cap) {
		ov->cap = ov->cap ? ov->cap * 2 : 8;
		ov->v = xreallocarray(ov->v, ov->cap, sizeof(*ov->v));
		ov->keys = xreallocarray(ov->keys, ov->cap, sizeof(char *));
	}
	ov->keys[ov->n] = key;
	ov->v[ov->n++] = *o;
}

static void
objvec_free(struct objvec *ov)
{
	free(ov->v);
	free(ov->keys);
}

static int
parse_array(struct pdf_parser *ps, struct pdf_obj *o, int depth)
{
	struct objvec ov = { 0 };
	struct pdf_token t;
	struct pdf_obj item;

	for (;;) {
		pdf_next_token(ps, &t);
		if (t.kind == TOK_ARRAY_CLOSE)
			break;
		if (t.kind == TOK_EOF || parse_value(ps, &t, &item, depth) == -1) {
			objvec_free(&ov);
			return -1;
		}
		objvec_push(&ov, NULL, &item);
	}
	o->kind = PDF_ARRAY;
	o->u.array.n = ov.n;
	o->u.array.item = arena_alloc(ps->arena, ov.n * sizeof(*ov.v));
	if (ov.n)
		memcpy(o->u.array.item, ov.v, ov.n * sizeof(*ov.v));
	objvec_free(&ov);
	return 0;
}

static const char *
decode_name(struct pdf_parser *ps, const struct pdf_token *t, size_t *len)
{
	char *s = arena_alloc(ps->arena, t->len + 1);

	*len = pdf_decode_name(s, t->s, t->len);
	s[*len] = '\0';
	return s;
}

static int
parse_dict(struct pdf_parser *ps, struct pdf_obj *o, int depth)
{
	struct objvec ov = { 0 };
	struct pdf_token t;
	struct pdf_obj val;
	const char *key;
	size_t i, len;

	for (;;) {
		pdf_next_token(ps, &t);
		if (t.kind == TOK_DICT_CLOSE)
			break;
		if (t.kind != TOK_NAME) {
			objvec_free(&ov);
			return -1;
		}
		key = decode_name(ps, &t, &len);
		pdf_next_token(ps, &t);
		if (t.kind == TOK_DICT_CLOSE) {
			/* A key without a value: as if null. */
			break;
		}
		if (t.kind == TOK_EOF || parse_value(ps, &t, &val, depth) == -1) {
			objvec_free(&ov);
			return -1;
		}
		objvec_push(&ov, key, &val);
	}
	o->kind = PDF_DICT;
	memset(&o->u.dict, 0, sizeof(o->u.dict));
	o->u.dict.n = ov.n;
	o->u.dict.ent = arena_alloc(ps->arena, ov.n * sizeof(struct pdf_dictent));
	for (i = 0; i < ov.n; i++) {
		o->u.dict.ent[i].key = ov.keys[i];
		o->u.dict.ent[i].val = ov.v[i];
	}
	objvec_free(&ov);
	return 0;
}

static void
make_string(struct pdf_parser *ps, const struct pdf_token *t,
    struct pdf_obj *o)
{
	char *s = arena_alloc(ps->arena, t->len + 1);
	size_t n;

	if (t->kind == TOK_STRING)
		n = pdf_decode_string(s, t->s, t->len);
	else
		n = pdf_decode_hexstring(s, t->s, t->len);
	s[n] = '\0';
	o->kind = PDF_STRING;
	o->u.str.s = s;
	o->u.str.len = n;
}

/* An integer, or the start of "num gen R". */
static void
parse_int(struct pdf_parser *ps, const struct pdf_token *t, struct pdf_obj *o)
{
	struct pdf_token g, r;

	o->kind = PDF_INT;
	o->u.integer = t->integer;
	if (t->integer < 0 || t->integer > 0x7fffffff)
		return;
	peek_token(ps, 0, &g);
	if (g.kind != TOK_INT || g.integer < 0 || g.integer > 65535)
		return;
	peek_token(ps, 1, &r);
	if (!pdf_tok_is(&r, "R"))
		return;
	ps->nahead = 0;
	o->kind = PDF_REF;
	o->u.ref.num = (uint32_t)t->integer;
	o->u.ref.gen = (uint16_t)g.integer;
}

static int
parse_keyword(const struct pdf_token *t, struct pdf_obj *o)
{
	if (pdf_tok_is(t, "true") || pdf_tok_is(t, "false")) {
		o->kind = PDF_BOOL;
		o->u.boolean = t->s[0] == 't';
		return 0;
	}
	if (pdf_tok_is(t, "null")) {
		o->kind = PDF_NULL;
		return 0;
	}
	return -1;
}

static int
parse_value(struct pdf_parser *ps, const struct pdf_token *t,
    struct pdf_obj *o, int depth)
{
	size_t len;

	if (depth >= PDF_MAX_DEPTH)
		return -1;
	switch (t->kind) {
	case TOK_INT:
		parse_int(ps, t, o);
		return 0;
	case TOK_REAL:
		o->kind = PDF_REAL;
		o->u.real = t->real;
		return 0;
	case TOK_NAME:
		o->kind = PDF_NAME;
		o->u.str.s = decode_name(ps, t, &len);
		o->u.str.len = len;
		return 0;
	case TOK_STRING:
	case TOK_HEXSTRING:
		make_string(ps, t, o);
		return 0;
	case TOK_ARRAY_OPEN:
		return parse_array(ps, o, depth + 1);
	case TOK_DICT_OPEN:
		return parse_dict(ps, o, depth + 1);
	case TOK_KEYWORD:
		return parse_keyword(t, o);
	default:
		return -1;
	}
}

/* Parse the next object.  Returns 0, or -1 with ps->error set. */
int
pdf_parse_object(struct pdf_parser *ps, struct pdf_obj *o)
{
	struct pdf_token t;

	pdf_next_token(ps, &t);
	if (parse_value(ps, &t, o, 0) == -1) {
		ps->error = 1;
		*o = pdf_null;
		return -1;
	}
	return 0;
}
