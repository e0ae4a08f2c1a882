/*
 * stream.c - the record stream between stages: parsing and writing.
 */
#include <errno.h>
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

/* Undo stream_escape in place; returns the new length. */
static size_t
unescape(char *s, size_t n)
{
	size_t i, o = 0;

	for (i = 0; i < n; i++) {
		if (s[i] != '\\' || i + 1 == n) {
			s[o++] = s[i];
			continue;
		}
		switch (s[++i]) {
		case 't':  s[o++] = '\t'; break;
		case 'n':  s[o++] = '\n'; break;
		case 'r':  s[o++] = '\r'; break;
		case '\\': s[o++] = '\\'; break;
		default:
			/* Not ours: keep both characters as they came. */
			s[o++] = '\\';
			s[o++] = s[i];
		}
	}
	return o;
}

/*
 * Split a line into fields.  The record keeps its own copy, so the line
 * may be reused at once.
 */
void
rec_parse(struct rec *r, const char *line, size_t len)
{
	char *p, *end, *tab;
	int count = 1;
	size_t i;

	for (i = 0; i < len; i++)
		if (line[i] == '\t')
			count++;
	if (count > r->cap) {
		r->cap = count + 8;
		r->f = xreallocarray(r->f, (size_t)r->cap, sizeof(char *));
	}
	buf_clear(&r->store);
	buf_add(&r->store, line, len);
	p = r->store.s;
	end = p + len;
	r->nf = 0;
	for (;;) {
		tab = memchr(p, '\t', (size_t)(end - p));
		if (tab == NULL)
			tab = end;
		*tab = '\0';
		p[unescape(p, (size_t)(tab - p))] = '\0';
		r->f[r->nf++] = p;
		if (tab == end)
			break;
		p = tab + 1;
	}
}

int
rec_is(const struct rec *r, const char *kind)
{
	return r->nf > 0 && strcmp(r->f[0], kind) == 0;
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

double
rec_double(const struct rec *r, int i)
{
	return i < r->nf ? strtod(r->f[i], NULL) : 0.0;
}

long
rec_long(const struct rec *r, int i)
{
	return i < r->nf ? strtol(r->f[i], NULL, 10) : 0;
}

void
stream_escape(struct buf *b, const char *s, size_t n)
{
	size_t i, run = 0;

	for (i = 0; i < n; i++) {
		const char *esc;

		switch (s[i]) {
		case '\t': esc = "\\t"; break;
		case '\n': esc = "\\n"; break;
		case '\r': esc = "\\r"; break;
		case '\\': esc = "\\\\"; break;
		default:
			continue;
		}
		buf_add(b, s + run, i - run);
		buf_add(b, esc, 2);
		run = i + 1;
	}
	buf_add(b, s + run, n - run);
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
