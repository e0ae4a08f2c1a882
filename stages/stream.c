/*
 * stream.c - the record stream between stages: parsing and writing.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "stream.h"

void
rec_init(struct rec *r)
{
	memset(r, 0, sizeof(*r));
}

void
rec_free(struct rec *r)
{
	free(r->f);
	buf_free(&r->store);
	memset(r, 0, sizeof(*r));
}

/*
 * Undo stream_escape in place; returns the new length.  Runs between
 * backslashes move with memmove: escapes are rare even in fields that
 * hold one.
 */
static size_t
unescape(char *s, size_t n)
{
	char *bs, *end = s + n, *o;
	const char *p;

	if ((bs = memchr(s, '\\', n)) == NULL)
		return n;
	o = bs;
	p = bs;
	while (p < end) {
		if ((bs = memchr(p, '\\', (size_t)(end - p))) == NULL)
			bs = end;
		if (o != p)
			memmove(o, p, (size_t)(bs - p));
		o += bs - p;
		p = bs;
		if (p == end)
			break;
		if (p + 1 == end) {
			*o++ = *p++;
			break;
		}
		switch (p[1]) {
		case 't':  *o++ = '\t'; break;
		case 'n':  *o++ = '\n'; break;
		case 'r':  *o++ = '\r'; break;
		case '\\': *o++ = '\\'; break;
		default:
			/* Not ours: keep both characters as they came. */
			*o++ = '\\';
			*o++ = p[1];
		}
		p += 2;
	}
	return (size_t)(o - s);
}

static void
add_field(struct rec *r, char *p)
{
	if (r->nf == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 16;
		r->f = xreallocarray(r->f, (size_t)r->cap, sizeof(char *));
	}
	r->f[r->nf++] = p;
}

/*
 * Split a line into fields.  The record keeps its own copy, so the line
 * may be reused at once.  One look for a backslash spares every field
 * before it the unescaping.
 */
void
rec_parse(struct rec *r, const char *line, size_t len)
{
	char *p, *end, *tab, *bs;

	buf_clear(&r->store);
	buf_add(&r->store, line, len);
	p = r->store.s;
	end = p + len;
	bs = memchr(p, '\\', len);
	r->nf = 0;
	for (;;) {
		tab = memchr(p, '\t', (size_t)(end - p));
		if (tab == NULL)
			tab = end;
		*tab = '\0';
		if (bs != NULL && bs < tab) {
			p[unescape(p, (size_t)(tab - p))] = '\0';
			bs = tab == end ? NULL :
			    memchr(tab + 1, '\\', (size_t)(end - tab - 1));
		}
		add_field(r, p);
		if (tab == end)
			break;
		p = tab + 1;
	}
}

int
rec_is(const struct rec *r, const char *kind)
{
	return r->nf > 0 && r->f[0][0] == kind[0] &&
	    strcmp(r->f[0], kind) == 0;
}

/* Field i, or "" when the record is shorter. */
const char *
rec_field(const struct rec *r, int i)
{
	return i < r->nf ? r->f[i] : "";
}

/* The value of a key=value field, or NULL. */
const char *
rec_attr(const struct rec *r, const char *key)
{
	size_t k = strlen(key);
	int i;

	for (i = 1; i < r->nf; i++)
		if (strncmp(r->f[i], key, k) == 0 && r->f[i][k] == '=')
			return r->f[i] + k + 1;
	return NULL;
}

/*
 * strtol(s, NULL, 10), by hand for the plain "-123" that every number
 * field of the stream is; anything else (space, '+', overflow) goes to
 * strtol itself, so the result is always the same.
 */
long
stream_long(const char *s)
{
	const char *p = s + (*s == '-');
	unsigned long v = 0;
	int n;

	for (n = 0; n < 18 && p[n] >= '0' && p[n] <= '9'; n++)
		v = v * 10 + (unsigned long)(p[n] - '0');
	if (n == 0 || n == 18)
		return strtol(s, NULL, 10);
	return *s == '-' ? -(long)v : (long)v;
}

/*
 * strtod(s, NULL), by hand for "-123.45" with at most 15 digits: the
 * digits are then an exact integer and 10^k an exact power, so one
 * division rounds correctly, as strtod does.  Anything else (exponents,
 * space, long mantissas) goes to strtod.
 */
double
stream_double(const char *s)
{
	static const double pow10[] = { 1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6,
	    1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15 };
	const char *p = s + (*s == '-');
	unsigned long long v = 0;
	int digits = 0, decimals = 0;
	double d;

	for (; *p >= '0' && *p <= '9'; p++, digits++)
		v = v * 10 + (unsigned long long)(*p - '0');
	if (digits == 0)
		return strtod(s, NULL);
	if (*p == '.')
		for (p++; *p >= '0' && *p <= '9'; p++, digits++, decimals++)
			v = v * 10 + (unsigned long long)(*p - '0');
	if (digits > 15 || *p == 'e' || *p == 'E' || *p == 'x' || *p == 'X')
		return strtod(s, NULL);
	d = (double)v / pow10[decimals];
	return *s == '-' ? -d : d;
}

double
rec_double(const struct rec *r, int i)
{
	return i < r->nf ? stream_double(r->f[i]) : 0.0;
}

long
rec_long(const struct rec *r, int i)
{
	return i < r->nf ? stream_long(r->f[i]) : 0;
}

/*
 * Whether any of eight bytes is a tab, newline, carriage return or
 * backslash: the bytes below 0x0e are few enough to test exactly after.
 * Most text has none, and is copied in one piece.
 */
static int
word_may_need_escape(uint64_t w)
{
	const uint64_t ones = 0x0101010101010101ULL;
	const uint64_t highs = 0x8080808080808080ULL;
	uint64_t bs = w ^ (ones * '\\');

	return ((((w - ones * 0x0e) & ~w) | ((bs - ones) & ~bs)) & highs) != 0;
}

/* The escape of a tab, newline, carriage return or backslash; or NULL. */
static const char *
escape_of(char c)
{
	if ((unsigned char)c > '\\')
		return NULL;
	switch (c) {
	case '\t': return "\\t";
	case '\n': return "\\n";
	case '\r': return "\\r";
	case '\\': return "\\\\";
	}
	return NULL;
}

/* Escape what needs it; text shorter than a word, byte by byte. */
static void
escape_long(struct buf *b, const char *s, size_t n)
{
	size_t i = 0, run = 0, k;
	const char *esc;
	uint64_t w;

	for (;;) {
		while (i + 8 <= n) {
			memcpy(&w, s + i, 8);
			if (word_may_need_escape(w))
				break;
			i += 8;
		}
		if (i == n)
			break;
		/* A word that may hold one, or the last few bytes. */
		for (k = i + 8 < n ? i + 8 : n; i < k; i++) {
			if ((esc = escape_of(s[i])) == NULL)
				continue;
			buf_add(b, s + run, i - run);
			buf_add(b, esc, 2);
			run = i + 1;
		}
	}
	buf_add(b, s + run, n - run);
}

/*
 * Most fields are short and need nothing: that case is tested first,
 * before the word-at-a-time machinery is set up.
 */
void
stream_escape(struct buf *b, const char *s, size_t n)
{
	size_t i;

	if (n < 8) {
		for (i = 0; i < n; i++)
			if (escape_of(s[i]) != NULL)
				break;
		if (i == n) {
			buf_add(b, s, n);
			return;
		}
	}
	escape_long(b, s, n);
}

void
rec_begin(struct buf *b, const char *kind)
{
	buf_clear(b);
	buf_adds(b, kind);
}

void
rec_textn(struct buf *b, const char *s, size_t n)
{
	buf_addc(b, '\t');
	stream_escape(b, s, n);
}

void
rec_text(struct buf *b, const char *s)
{
	rec_textn(b, s ? s : "", s ? strlen(s) : 0);
}

void
rec_long_field(struct buf *b, long v)
{
	buf_addc(b, '\t');
	buf_add_long(b, v);
}

/* Coordinates in PDF points: two decimals is a hundredth of a point. */
void
rec_coord(struct buf *b, double v)
{
	if (v > -0.005 && v < 0.005)
		v = 0.0;
	buf_addc(b, '\t');
	buf_add_fixed2(b, v);
}

void
rec_kv(struct buf *b, const char *key, const char *value)
{
	buf_addc(b, '\t');
	buf_adds(b, key);
	buf_addc(b, '=');
	stream_escape(b, value ? value : "", value ? strlen(value) : 0);
}

void
rec_end(struct buf *b)
{
	buf_addc(b, '\n');
}

/*
 * If line is a stream header, its version (>= 1); 0 if it is not one.
 */
int
stream_header_version(const char *line, size_t len)
{
	size_t m = strlen(STREAM_MAGIC);
	long v;

	if (len <= m + 1 || memcmp(line, STREAM_MAGIC, m) != 0 ||
	    line[m] != '\t')
		return 0;
	v = strtol(line + m + 1, NULL, 10);
	return v >= 1 && v < 1000 ? (int)v : 0;
}

/*
 * Output goes through a buffer of our own and write(2), or through zlib
 * for -z; a failed write is remembered and reported once at the end.
 */
#define OUT_FLUSH	(64 * 1024)

void
out_init(struct out *o, int gzip)
{
	memset(o, 0, sizeof(*o));
	if (gzip) {
		o->gz = gzdopen(dup(STDOUT_FILENO), "wb6");
		if (o->gz == NULL)
			o->failed = 1;
	}
}

static void
out_flush(struct out *o)
{
	size_t done = 0;
	ssize_t n;

	if (o->failed) {
		buf_clear(&o->pending);
		return;
	}
	if (o->gz) {
		if (o->pending.len && gzwrite(o->gz, o->pending.s,
		    (unsigned)o->pending.len) == 0)
			o->failed = 1;
		buf_clear(&o->pending);
		return;
	}
	while (done < o->pending.len) {
		n = write(STDOUT_FILENO, o->pending.s + done,
		    o->pending.len - done);
		if (n == -1 && errno == EINTR)
			continue;
		if (n <= 0) {
			o->failed = 1;
			break;
		}
		done += (size_t)n;
	}
	buf_clear(&o->pending);
}

void
out_putn(struct out *o, const char *s, size_t n)
{
	buf_add(&o->pending, s, n);
	if (o->pending.len >= OUT_FLUSH)
		out_flush(o);
}

void
out_put(struct out *o, const struct buf *b)
{
	out_putn(o, b->s ? b->s : "", b->len);
}

/* A line read from input, passed on as it came. */
void
out_line(struct out *o, const char *s, size_t n)
{
	out_putn(o, s, n);
	out_putn(o, "\n", 1);
}

void
out_header(struct out *o)
{
	char h[32];
	int n;

	n = snprintf(h, sizeof(h), "%s\t%d\n", STREAM_MAGIC, STREAM_VERSION);
	out_putn(o, h, (size_t)n);
}

/* Flush everything; returns -1 if any write failed. */
int
out_finish(struct out *o)
{
	out_flush(o);
	if (o->gz && gzclose(o->gz) != Z_OK)
		o->failed = 1;
	o->gz = NULL;
	buf_free(&o->pending);
	return o->failed ? -1 : 0;
}
