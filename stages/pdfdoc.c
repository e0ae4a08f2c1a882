/*
 * pdfdoc.c - opening a PDF, fetching its objects, decoding its streams.
 */
#define _GNU_SOURCE		/* memmem */
#include <stdlib.h>
#include <string.h>

#include "pdfdoc.h"
#include "pdffilter.h"

#define MAX_FETCH_DEPTH	32
#define HEADER_SCAN	1024

static int
endstream_at(const struct pdf_doc *doc, size_t pos)
{
	while (pos < doc->len && pdf_is_space(doc->data[pos]))
		pos++;
	return doc->len - pos >= 9 && memcmp(doc->data + pos, "endstream",
	    9) == 0;
}

/*
 * Where a stream's bytes end.  /Length is trusted when "endstream"
 * follows it; otherwise the keyword is searched for, as writers that get
 * /Length wrong are common.
 */
static size_t
stream_length(struct pdf_doc *doc, const struct pdf_obj *dict, size_t start,
    struct pdf_arena *a)
{
	const struct pdf_obj *lenobj;
	const unsigned char *end;
	long long len;
	size_t n;

	lenobj = pdf_resolve(doc, pdf_dict_get(dict, "Length"), a);
	len = pdf_int(lenobj, -1);
	if (len >= 0 && (unsigned long long)len <= doc->len - start &&
	    endstream_at(doc, start + (size_t)len))
		return (size_t)len;
	end = memmem(doc->data + start, doc->len - start, "endstream", 9);
	if (end == NULL)
		return doc->len - start;
	n = (size_t)(end - (doc->data + start));
	if (n > 0 && doc->data[start + n - 1] == '\n')
		n--;
	if (n > 0 && doc->data[start + n - 1] == '\r')
		n--;
	return n;
}

/* Parse "num gen obj ... [stream]" at off; -1 if it is not object num. */
int
pdf_fetch_at(struct pdf_doc *doc, uint64_t off, uint32_t num,
    struct pdf_arena *a, struct pdf_obj *o)
{
	struct pdf_parser ps;
	struct pdf_token n, g, kw;
	const unsigned char *p;
	size_t start;

	*o = pdf_null;
	if (off >= doc->len)
		return -1;
	pdf_parser_init(&ps, a, doc->data + off, doc->len - off);
	pdf_next_token(&ps, &n);
	pdf_next_token(&ps, &g);
	pdf_next_token(&ps, &kw);
	if (n.kind != TOK_INT || g.kind != TOK_INT || !pdf_tok_is(&kw, "obj") ||
	    n.integer != (long long)num)
		return -1;
	if (pdf_parse_object(&ps, o) == -1)
		return -1;
	if (o->kind != PDF_DICT)
		return 0;
	pdf_next_token(&ps, &kw);
	if (!pdf_tok_is(&kw, "stream"))
		return 0;
	p = kw.s + kw.len;
	if (p < doc->data + doc->len && *p == '\r')
		p++;
	if (p < doc->data + doc->len && *p == '\n')
		p++;
	start = (size_t)(p - doc->data);
	o->kind = PDF_STREAM;
	o->u.dict.data = p;
	o->u.dict.len = stream_length(doc, o, start, a);
	o->u.dict.num = num;
	o->u.dict.gen = (uint16_t)g.integer;
	return 0;
}

static void
objstm_clear(struct pdf_objstm *s)
{
	buf_free(&s->data);
	free(s->nums);
	free(s->offs);
	memset(s, 0, sizeof(*s));
}

static int
objstm_load(struct pdf_doc *doc, uint32_t num, struct pdf_objstm *s)
{
	struct pdf_arena a = { 0 };
	struct buf err = BUF_INIT;
	struct pdf_lexer lx;
	struct pdf_token t, o;
	struct pdf_obj stm;
	long long n, first;
	int r = -1;

	objstm_clear(s);
	if (pdf_fetch(doc, num, &a, &stm) == -1 || stm.kind != PDF_STREAM ||
	    pdf_stream_decode(doc, &stm, &s->data, &err) == -1)
		goto out;
	n = pdf_int(pdf_dict_get(&stm, "N"), 0);
	first = pdf_int(pdf_dict_get(&stm, "First"), -1);
	if (n <= 0 || first < 0 || (unsigned long long)first > s->data.len ||
	    (unsigned long long)n > s->data.len)
		goto out;
	s->num = num;
	s->first = (size_t)first;
	s->nums = xreallocarray(NULL, (size_t)n, sizeof(*s->nums));
	s->offs = xreallocarray(NULL, (size_t)n, sizeof(*s->offs));
	pdf_lex_init(&lx, (unsigned char *)s->data.s, (size_t)first);
	for (s->n = 0; s->n < (size_t)n; s->n++) {
		pdf_lex(&lx, &t);
		pdf_lex(&lx, &o);
		if (t.kind != TOK_INT || o.kind != TOK_INT || o.integer < 0 ||
		    t.integer < 0)
			break;
		s->nums[s->n] = (uint32_t)t.integer;
		s->offs[s->n] = (size_t)o.integer;
	}
	r = 0;
out:
	if (r == -1)
		objstm_clear(s);
	buf_free(&err);
	arena_free(&a);
	return r;
}

static struct pdf_objstm *
objstm_get(struct pdf_doc *doc, uint32_t num)
{
	struct pdf_objstm *s, *victim = &doc->cache[0];
	int i;

	for (i = 0; i < PDF_OBJSTM_CACHE; i++) {
		s = &doc->cache[i];
		if (s->data.s != NULL && s->num == num) {
			s->used = ++doc->cache_clock;
			return s;
		}
		if (s->used < victim->used)
			victim = s;
	}
	if (objstm_load(doc, num, victim) == -1)
		return NULL;
	victim->used = ++doc->cache_clock;
	return victim;
}

static int
fetch_compressed(struct pdf_doc *doc, uint32_t stmnum, uint32_t index,
    uint32_t num, struct pdf_arena *a, struct pdf_obj *o)
{
	struct pdf_objstm *s = objstm_get(doc, stmnum);
	struct pdf_parser ps;
	size_t i, at;

	if (s == NULL)
		return -1;
	i = index;
	if (i >= s->n || s->nums[i] != num)
		for (i = 0; i < s->n && s->nums[i] != num; i++)
			continue;
	if (i == s->n)
		return -1;
	at = s->first + s->offs[i];
	if (at >= s->data.len)
		return -1;
	pdf_parser_init(&ps, a, (unsigned char *)s->data.s + at,
	    s->data.len - at);
	return pdf_parse_object(&ps, o);
}

/*
 * Fetch object num into the arena.  A missing or unreadable object reads
 * as null, as the standard says; -1 tells the caller it was not there.
 */
int
pdf_fetch(struct pdf_doc *doc, uint32_t num, struct pdf_arena *a,
    struct pdf_obj *o)
{
	struct pdf_xent e;
	int r = -1;

	*o = pdf_null;
	if (num >= doc->nxref || doc->depth >= MAX_FETCH_DEPTH)
		return -1;
	doc->depth++;
	e = doc->xref[num];
	if (e.type == XREF_OFFSET) {
		r = pdf_fetch_at(doc, e.off, num, a, o);
		/* A wrong offset means a wrong table: rebuild it once. */
		if (r == -1 && !doc->repaired && doc->pages != NULL &&
		    pdf_rebuild_xref(doc) == 0 && num < doc->nxref &&
		    doc->xref[num].type == XREF_OFFSET)
			r = pdf_fetch_at(doc, doc->xref[num].off, num, a, o);
	} else if (e.type == XREF_COMPRESSED && e.off <= UINT32_MAX)
		r = fetch_compressed(doc, (uint32_t)e.off, e.index, num, a, o);
	doc->depth--;
	return r;
}

const struct pdf_obj *
pdf_resolve(struct pdf_doc *doc, const struct pdf_obj *o, struct pdf_arena *a)
{
	struct pdf_obj *r;

	if (o == NULL)
		return &pdf_null;
	if (o->kind != PDF_REF)
		return o;
	r = arena_alloc(a, sizeof(*r));
	if (pdf_fetch(doc, o->u.ref.num, a, r) == -1)
		return &pdf_null;
	return r;
}

static int
needs_decryption(const struct pdf_doc *doc, const struct pdf_obj *stm,
    const struct pdf_obj *filter)
{
	if (!doc->encrypted ||
	    pdf_is_name(pdf_dict_get(stm, "Type"), "XRef"))
		return 0;
	/* A /Crypt filter overrides the default; only /Identity is met. */
	return !pdf_is_name(filter, "Crypt") &&
	    !pdf_is_name(pdf_array_get(filter, 0), "Crypt");
}

static void
swap_bufs(struct buf *a, struct buf *b)
{
	struct buf t = *a;

	*a = *b;
	*b = t;
}

/*
 * Decrypt and decode a stream into out.  Returns 0, 1 when the data was
 * damaged but something was read, -1 on failure (err says why).
 */
int
pdf_stream_decode(struct pdf_doc *doc, const struct pdf_obj *stm,
    struct buf *out, struct buf *err)
{
	struct pdf_arena a = { 0 };
	struct buf cur = BUF_INIT, next = BUF_INIT;
	const struct pdf_obj *filter, *parms, *name, *p;
	size_t i, n;
	int damaged = 0, r = -1;
	enum pdf_filter_status st;

	filter = pdf_resolve(doc, pdf_dict_get(stm, "Filter"), &a);
	parms = pdf_resolve(doc, pdf_dict_get(stm, "DecodeParms"), &a);
	buf_add(&cur, (const char *)stm->u.dict.data, stm->u.dict.len);
	if (needs_decryption(doc, stm, filter))
		pdf_crypt_stream(&doc->crypt, stm->u.dict.num, stm->u.dict.gen,
		    &cur);
	n = filter->kind == PDF_NAME ? 1 : pdf_array_len(filter);
	for (i = 0; i < n; i++) {
		name = filter->kind == PDF_NAME ? filter :
		    pdf_resolve(doc, pdf_array_get(filter, i), &a);
		p = parms->kind == PDF_ARRAY ?
		    pdf_resolve(doc, pdf_array_get(parms, i), &a) : parms;
		if (name->kind != PDF_NAME) {
			buf_adds(err, "malformed /Filter");
			goto out;
		}
		if (strcmp(name->u.str.s, "Crypt") == 0)
			continue;
		st = pdf_filter(name->u.str.s, p, (unsigned char *)cur.s,
		    cur.len, &next, err);
		if (st == FILTER_FAILED)
			goto out;
		damaged |= st == FILTER_DAMAGED;
		swap_bufs(&cur, &next);
	}
	buf_clear(out);
	swap_bufs(out, &cur);
	if (out->s == NULL)
		buf_add(out, "", 0);
	r = damaged;
out:
	buf_free(&cur);
	buf_free(&next);
	arena_free(&a);
	return r;
}

static int
has_header(const struct pdf_doc *doc)
{
	size_t n = doc->len < HEADER_SCAN ? doc->len : HEADER_SCAN;

	return memmem(doc->data, n, "%PDF-", 5) != NULL;
}

/* The last occurrence of what in the first n bytes of s, or NULL. */
static const unsigned char *
find_last(const unsigned char *s, size_t n, const char *what)
{
	size_t k = strlen(what), i;

	for (i = n; i >= k; i--)
		if (s[i - k] == (unsigned char)what[0] &&
		    memcmp(s + i - k, what, k) == 0)
			return s + i - k;
	return NULL;
}

/*
 * A file cut short loses its tail: the last %%EOF.  Junk after it (a
 * web server's page, padding) is harmless; objects after it mean an
 * update was cut off, and the file is truncated all the same.
 */
static int
has_tail(const struct pdf_doc *doc)
{
	const unsigned char *eof, *end = doc->data + doc->len;

	eof = find_last(doc->data, doc->len, "%%EOF");
	if (eof == NULL)
		return 0;
	eof += 5;
	return memmem(eof, (size_t)(end - eof), "endobj", 6) == NULL &&
	    memmem(eof, (size_t)(end - eof), "endstream", 9) == NULL;
}

static enum pdf_open_status
open_encryption(struct pdf_doc *doc, struct buf *err)
{
	const struct pdf_obj *enc, *id;

	enc = pdf_dict_get(&doc->trailer, "Encrypt");
	if (enc->kind == PDF_NULL)
		return PDF_OPEN_OK;
	enc = pdf_resolve(doc, enc, &doc->arena);
	id = pdf_resolve(doc, pdf_dict_get(&doc->trailer, "ID"), &doc->arena);
	switch (pdf_crypt_open(&doc->crypt, enc, id, err)) {
	case CRYPT_OK:
		doc->encrypted = 1;
		return PDF_OPEN_OK;
	case CRYPT_PASSWORD:
		return PDF_OPEN_PASSWORD;
	default:
		return PDF_OPEN_UNSUPPORTED;
	}
}

/*
 * Open a document over len bytes at data, which must stay valid until
 * pdf_doc_close.  On failure err says what is wrong, for "file: ...".
 */
enum pdf_open_status
pdf_doc_open(struct pdf_doc *doc, const unsigned char *data, size_t len,
    struct buf *err)
{
	enum pdf_open_status st;

	memset(doc, 0, sizeof(*doc));
	doc->data = data;
	doc->len = len;
	if (len == 0)
		return PDF_OPEN_EMPTY;
	if (!has_header(doc))
		return PDF_OPEN_NOT_PDF;
	if (!has_tail(doc)) {
		buf_adds(err, "the file ends before its end-of-file marker");
		return PDF_OPEN_TRUNCATED;
	}
	if (pdf_read_xref(doc) == -1 && pdf_rebuild_xref(doc) == -1) {
		buf_adds(err, "no readable cross-reference table or catalog");
		return PDF_OPEN_DAMAGED;
	}
	if ((st = open_encryption(doc, err)) != PDF_OPEN_OK)
		return st;
	if (pdf_load_pages(doc, err) == 0)
		return PDF_OPEN_OK;
	/* A lost page may be a wrong offset: rebuild the table, try again. */
	if (doc->repaired || pdf_rebuild_xref(doc) == -1)
		return PDF_OPEN_DAMAGED;
	buf_clear(err);
	return pdf_load_pages(doc, err) == 0 ? PDF_OPEN_OK : PDF_OPEN_DAMAGED;
}

void
pdf_doc_close(struct pdf_doc *doc)
{
	int i;

	for (i = 0; i < PDF_OBJSTM_CACHE; i++)
		objstm_clear(&doc->cache[i]);
	free(doc->xref);
	free(doc->pages);
	arena_free(&doc->arena);
	memset(doc, 0, sizeof(*doc));
}
