/*
 * pdfxref.c - the cross-reference: reading it, or rebuilding it by
 * scanning the file when it is missing or wrong.
 *
 * Sections are read newest first (startxref, then each /Prev), and an
 * entry once set is never overwritten, so an incremental update wins over
 * the original.  A hybrid file's /XRefStm is read before the table it
 * accompanies, because that table marks the compressed objects free.
 */
#define _GNU_SOURCE		/* memmem */
#include <stdlib.h>
#include <string.h>

#include "pdfdoc.h"
#include "pdffilter.h"

#define MAX_SECTIONS	256
#define TAIL_SCAN	4096

/* More objects than this cannot be real: a hostile /Size or number. */
static size_t
max_objects(const struct pdf_doc *doc)
{
	size_t cap = doc->len / 2 + 4096;

	return cap < 16 * 1024 * 1024 ? cap : 16 * 1024 * 1024;
}

static struct pdf_xent *
xent(struct pdf_doc *doc, uint64_t num)
{
	size_t n;

	if (num >= max_objects(doc))
		return NULL;
	if (num >= doc->nxref) {
		n = doc->nxref ? doc->nxref : 64;
		while (n <= num)
			n *= 2;
		if (n > max_objects(doc))
			n = max_objects(doc);
		doc->xref = xreallocarray(doc->xref, n, sizeof(*doc->xref));
		memset(doc->xref + doc->nxref, 0,
		    (n - doc->nxref) * sizeof(*doc->xref));
		doc->nxref = n;
	}
	return &doc->xref[num];
}

static void
xref_set(struct pdf_doc *doc, uint64_t num, int type, uint64_t off,
    uint32_t index, uint16_t gen)
{
	struct pdf_xent *e = xent(doc, num);

	if (e == NULL || e->type != XREF_UNSET)
		return;
	if (type == XREF_OFFSET && off >= doc->len)
		return;
	e->type = (uint8_t)type;
	e->off = off;
	e->index = index;
	e->gen = gen;
}

static long long
find_startxref(const struct pdf_doc *doc)
{
	size_t from = doc->len > TAIL_SCAN ? doc->len - TAIL_SCAN : 0;
	const unsigned char *p, *last = NULL;
	struct pdf_lexer lx;
	struct pdf_token t;

	p = doc->data + from;
	while ((p = memmem(p, (size_t)(doc->data + doc->len - p),
	    "startxref", 9)) != NULL) {
		last = p;
		p += 9;
	}
	if (last == NULL)
		return -1;
	pdf_lex_init(&lx, last + 9, (size_t)(doc->data + doc->len - last - 9));
	pdf_lex(&lx, &t);
	if (t.kind != TOK_INT || t.integer <= 0 ||
	    (unsigned long long)t.integer >= doc->len)
		return -1;
	return t.integer;
}

struct table_entry {
	uint64_t	 num;
	uint64_t	 off;
	uint16_t	 gen;
	int		 used;
};

static int read_section(struct pdf_doc *, uint64_t, struct pdf_obj *);

/*
 * A classic table.  Its entries are collected first and applied after a
 * hybrid file's cross-reference stream; the trailer follows the table.
 */
static int
read_table(struct pdf_doc *doc, struct pdf_parser *ps, struct pdf_obj *trailer)
{
	struct table_entry *ent = NULL;
	size_t n = 0, cap = 0, i;
	struct pdf_token a, b, c;
	long long start, count, k;
	const struct pdf_obj *stm;
	int r = -1;

	for (;;) {
		pdf_next_token(ps, &a);
		if (pdf_tok_is(&a, "trailer"))
			break;
		pdf_next_token(ps, &b);
		if (a.kind != TOK_INT || b.kind != TOK_INT || a.integer < 0 ||
		    b.integer < 0)
			goto out;
		start = a.integer;
		count = b.integer;
		for (k = 0; k < count; k++) {
			pdf_next_token(ps, &a);
			pdf_next_token(ps, &b);
			pdf_next_token(ps, &c);
			if (a.kind != TOK_INT || b.kind != TOK_INT ||
			    c.kind != TOK_KEYWORD || c.len != 1)
				goto out;
			/* A common writer bug: the list of free objects
			 * starts at 1 instead of 0. */
			if (k == 0 && start == 1 && c.s[0] == 'f' &&
			    b.integer == 65535)
				start = 0;
			if (n == cap) {
				cap = cap ? cap * 2 : 256;
				if (cap > max_objects(doc))
					goto out;
				ent = xreallocarray(ent, cap, sizeof(*ent));
			}
			ent[n].num = (uint64_t)(start + k);
			ent[n].off = (uint64_t)a.integer;
			ent[n].gen = (uint16_t)b.integer;
			ent[n].used = c.s[0] == 'n';
			n++;
		}
	}
	if (pdf_parse_object(ps, trailer) == -1 || trailer->kind != PDF_DICT)
		goto out;
	stm = pdf_dict_get(trailer, "XRefStm");
	if (stm->kind == PDF_INT && stm->u.integer > 0 &&
	    (unsigned long long)stm->u.integer < doc->len) {
		struct pdf_obj ignored;

		(void)read_section(doc, (uint64_t)stm->u.integer, &ignored);
	}
	for (i = 0; i < n; i++)
		xref_set(doc, ent[i].num, ent[i].used ? XREF_OFFSET : XREF_FREE,
		    ent[i].off, 0, ent[i].gen);
	r = 0;
out:
	free(ent);
	return r;
}

static uint64_t
field(const unsigned char *p, long long width)
{
	uint64_t v = 0;
	long long i;

	for (i = 0; i < width; i++)
		v = v << 8 | p[i];
	return v;
}

static int
xref_stream_entries(struct pdf_doc *doc, const struct pdf_obj *dict,
    const struct buf *data)
{
	const struct pdf_obj *w = pdf_dict_get(dict, "W");
	const struct pdf_obj *index = pdf_dict_get(dict, "Index");
	long long w0, w1, w2, first, count, k, size;
	size_t pos = 0, i, row;
	uint64_t type;

	w0 = pdf_int(pdf_array_get(w, 0), -1);
	w1 = pdf_int(pdf_array_get(w, 1), -1);
	w2 = pdf_int(pdf_array_get(w, 2), -1);
	if (w0 < 0 || w1 < 0 || w2 < 0 || w0 > 8 || w1 > 8 || w2 > 8)
		return -1;
	row = (size_t)(w0 + w1 + w2);
	if (row == 0)
		return -1;
	size = pdf_int(pdf_dict_get(dict, "Size"), 0);
	for (i = 0; i == 0 || i < pdf_array_len(index); i += 2) {
		first = pdf_int(pdf_array_get(index, i), 0);
		count = pdf_int(pdf_array_get(index, i + 1), size);
		if (pdf_array_len(index) == 0)
			first = 0, count = size;
		if (first < 0 || count < 0)
			return -1;
		for (k = 0; k < count && pos + row <= data->len; k++) {
			const unsigned char *p =
			    (const unsigned char *)data->s + pos;

			type = w0 ? field(p, w0) : 1;
			if (type == 0)
				xref_set(doc, (uint64_t)(first + k), XREF_FREE,
				    0, 0, 0);
			else if (type == 1)
				xref_set(doc, (uint64_t)(first + k),
				    XREF_OFFSET, field(p + w0, w1), 0,
				    (uint16_t)field(p + w0 + w1, w2));
			else if (type == 2)
				xref_set(doc, (uint64_t)(first + k),
				    XREF_COMPRESSED, field(p + w0, w1),
				    (uint32_t)field(p + w0 + w1, w2), 0);
			pos += row;
		}
		if (pdf_array_len(index) == 0)
			break;
	}
	return 0;
}

/* A cross-reference stream: "num gen obj <</Type/XRef ...>> stream". */
static int
read_xref_stream(struct pdf_doc *doc, uint64_t off, struct pdf_obj *trailer)
{
	struct buf data = BUF_INIT, err = BUF_INIT;
	struct pdf_parser ps;
	struct pdf_token a, b, c;
	uint32_t num;
	int r = -1;

	pdf_parser_init(&ps, &doc->arena, doc->data + off, doc->len - off);
	pdf_next_token(&ps, &a);
	pdf_next_token(&ps, &b);
	pdf_next_token(&ps, &c);
	if (a.kind != TOK_INT || b.kind != TOK_INT || !pdf_tok_is(&c, "obj") ||
	    a.integer < 0 || a.integer > 0x7fffffff)
		return -1;
	num = (uint32_t)a.integer;
	/* Parse it like any object, so its /Length may be indirect. */
	if (pdf_fetch_at(doc, off, num, &doc->arena, trailer) == -1 ||
	    trailer->kind != PDF_STREAM ||
	    !pdf_is_name(pdf_dict_get(trailer, "Type"), "XRef"))
		return -1;
	if (pdf_stream_decode(doc, trailer, &data, &err) != -1)
		r = xref_stream_entries(doc, trailer, &data);
	buf_free(&data);
	buf_free(&err);
	return r;
}

static int
read_section(struct pdf_doc *doc, uint64_t off, struct pdf_obj *trailer)
{
	struct pdf_parser ps;
	struct pdf_token t;

	pdf_parser_init(&ps, &doc->arena, doc->data + off, doc->len - off);
	pdf_next_token(&ps, &t);
	if (pdf_tok_is(&t, "xref"))
		return read_table(doc, &ps, trailer);
	return read_xref_stream(doc, off, trailer);
}

/*
 * Read the cross-reference sections from startxref back through /Prev.
 * Returns 0 when the newest section and its trailer were read.
 */
int
pdf_read_xref(struct pdf_doc *doc)
{
	uint64_t seen[MAX_SECTIONS];
	struct pdf_obj trailer;
	const struct pdf_obj *prev;
	long long off;
	int n = 0, i;

	if ((off = find_startxref(doc)) < 0)
		return -1;
	while (off > 0 && (unsigned long long)off < doc->len &&
	    n < MAX_SECTIONS) {
		for (i = 0; i < n; i++)
			if (seen[i] == (uint64_t)off)
				return 0;
		seen[n++] = (uint64_t)off;
		if (read_section(doc, (uint64_t)off, &trailer) == -1)
			return n == 1 ? -1 : 0;
		if (n == 1)
			doc->trailer = trailer;
		prev = pdf_dict_get(&trailer, "Prev");
		off = prev->kind == PDF_INT ? prev->u.integer : 0;
	}
	return pdf_dict_get(&doc->trailer, "Root")->kind == PDF_REF ? 0 : -1;
}

/* Does the text before p end in "num gen "?  Returns num's offset. */
static long long
object_header_before(const struct pdf_doc *doc, size_t p, uint64_t *num)
{
	size_t i = p, gen_end, num_end;

	while (i > 0 && pdf_is_space(doc->data[i - 1]))
		i--;
	gen_end = i;
	while (i > 0 && doc->data[i - 1] >= '0' && doc->data[i - 1] <= '9')
		i--;
	if (i == gen_end || i == 0 || !pdf_is_space(doc->data[i - 1]))
		return -1;
	while (i > 0 && pdf_is_space(doc->data[i - 1]))
		i--;
	num_end = i;
	while (i > 0 && doc->data[i - 1] >= '0' && doc->data[i - 1] <= '9')
		i--;
	if (i == num_end || num_end - i > 10)
		return -1;
	if (i > 0 && !pdf_is_space(doc->data[i - 1]) &&
	    !pdf_is_delim(doc->data[i - 1]))
		return -1;
	*num = strtoull((const char *)doc->data + i, NULL, 10);
	return (long long)i;
}

/* The dictionary at the start of an object mentions this name. */
static int
object_mentions(const struct pdf_doc *doc, size_t off, const char *what)
{
	size_t n = doc->len - off < 1024 ? doc->len - off : 1024;
	const unsigned char *end, *p = doc->data + off;

	end = memmem(p, n, "stream", 6);
	if (end != NULL)
		n = (size_t)(end - p);
	return memmem(p, n, what, strlen(what)) != NULL;
}

static void
use_trailer_at(struct pdf_doc *doc, size_t off)
{
	struct pdf_parser ps;
	struct pdf_obj t;

	pdf_parser_init(&ps, &doc->arena, doc->data + off, doc->len - off);
	if (pdf_parse_object(&ps, &t) == 0 && t.kind == PDF_DICT &&
	    pdf_dict_get(&t, "Root")->kind == PDF_REF)
		doc->trailer = t;
}

static void
index_object_stream(struct pdf_doc *doc, uint32_t stmnum)
{
	struct pdf_arena a = { 0 };
	struct buf data = BUF_INIT, err = BUF_INIT;
	struct pdf_lexer lx;
	struct pdf_token t;
	struct pdf_obj stm;
	long long k, n;

	if (pdf_fetch(doc, stmnum, &a, &stm) == 0 &&
	    pdf_stream_decode(doc, &stm, &data, &err) != -1) {
		n = pdf_int(pdf_dict_get(&stm, "N"), 0);
		pdf_lex_init(&lx, (unsigned char *)data.s, data.len);
		for (k = 0; k < n; k++) {
			pdf_lex(&lx, &t);
			if (t.kind != TOK_INT || t.integer < 0)
				break;
			xref_set(doc, (uint64_t)t.integer, XREF_COMPRESSED,
			    stmnum, (uint32_t)k, 0);
			pdf_lex(&lx, &t);
		}
	}
	buf_free(&data);
	buf_free(&err);
	arena_free(&a);
}

/*
 * Rebuild the cross-reference by finding every "num gen obj" in the
 * file; the last definition of a number wins, as an update would.  The
 * trailer is the last one naming a /Root, else the catalog found.
 */
int
pdf_rebuild_xref(struct pdf_doc *doc)
{
	const unsigned char *p = doc->data, *end = doc->data + doc->len;
	uint64_t num, catalog = 0;
	uint32_t *stms = NULL;
	size_t nstms = 0, i, at;
	long long start;

	doc->repaired = 1;
	if (doc->nxref > 0)
		memset(doc->xref, 0, doc->nxref * sizeof(*doc->xref));
	memset(&doc->trailer, 0, sizeof(doc->trailer));
	while ((p = memmem(p, (size_t)(end - p), "obj", 3)) != NULL) {
		at = (size_t)(p - doc->data);
		p += 3;
		if (p < end && !pdf_is_space(*p) && !pdf_is_delim(*p))
			continue;
		if ((start = object_header_before(doc, at, &num)) < 0)
			continue;
		if (num >= max_objects(doc))
			continue;
		/* Later definitions replace earlier ones. */
		xent(doc, num)->type = XREF_UNSET;
		xref_set(doc, num, XREF_OFFSET, (uint64_t)start, 0, 0);
		if (object_mentions(doc, at, "/ObjStm")) {
			stms = xreallocarray(stms, nstms + 1, sizeof(*stms));
			stms[nstms++] = (uint32_t)num;
		}
		if (object_mentions(doc, at, "/Catalog"))
			catalog = num;
		if (object_mentions(doc, at, "/XRef") &&
		    object_mentions(doc, at, "/Root"))
			use_trailer_at(doc, at + 3);
	}
	for (p = doc->data; (p = memmem(p, (size_t)(end - p), "trailer",
	    7)) != NULL; p += 7)
		use_trailer_at(doc, (size_t)(p - doc->data) + 7);
	for (i = 0; i < nstms; i++)
		index_object_stream(doc, stms[i]);
	free(stms);
	if (pdf_dict_get(&doc->trailer, "Root")->kind != PDF_REF && catalog) {
		struct pdf_dictent *e = arena_alloc(&doc->arena, sizeof(*e));

		e->key = "Root";
		e->val.kind = PDF_REF;
		e->val.u.ref.num = (uint32_t)catalog;
		e->val.u.ref.gen = 0;
		doc->trailer.kind = PDF_DICT;
		doc->trailer.u.dict.ent = e;
		doc->trailer.u.dict.n = 1;
	}
	return pdf_dict_get(&doc->trailer, "Root")->kind == PDF_REF ? 0 : -1;
}
