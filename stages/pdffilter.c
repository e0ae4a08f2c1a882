/*
 * pdffilter.c - decoding PDF stream filters.
 *
 * Readers in the wild accept a deflate stream with a bad checksum or a
 * missing end, and so do we: what inflated before the damage is returned
 * with FILTER_DAMAGED, and the caller decides whether that is good enough.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <zlib.h>

#include "pdffilter.h"

static enum pdf_filter_status
too_big(struct buf *err)
{
	buf_printf(err, "stream decodes to more than %zu MB",
	    PDF_MAX_DECODED >> 20);
	return FILTER_FAILED;
}

static enum pdf_filter_status
inflate_with(int window, const unsigned char *in, size_t len,
    struct buf *out, struct buf *err)
{
	unsigned char chunk[64 * 1024];
	z_stream z;
	int r;
	size_t start = out->len;

	memset(&z, 0, sizeof(z));
	if (inflateInit2(&z, window) != Z_OK) {
		buf_adds(err, "zlib cannot initialise");
		return FILTER_FAILED;
	}
	z.next_in = (unsigned char *)(uintptr_t)in;
	z.avail_in = len > 0x7fffffff ? 0x7fffffff : (unsigned)len;
	do {
		z.next_out = chunk;
		z.avail_out = sizeof(chunk);
		r = inflate(&z, Z_NO_FLUSH);
		buf_add(out, (char *)chunk, sizeof(chunk) - z.avail_out);
		if (out->len - start > PDF_MAX_DECODED) {
			inflateEnd(&z);
			return too_big(err);
		}
	} while (r == Z_OK && (z.avail_in > 0 || z.avail_out == 0));
	inflateEnd(&z);
	if (r == Z_STREAM_END)
		return FILTER_OK;
	if (out->len > start)
		return FILTER_DAMAGED;
	buf_printf(err, "corrupt deflate data (%s)", z.msg ? z.msg : "no data");
	return FILTER_FAILED;
}

static enum pdf_filter_status
flate(const unsigned char *in, size_t len, struct buf *out, struct buf *err)
{
	enum pdf_filter_status st;

	st = inflate_with(15, in, len, out, err);
	if (st != FILTER_FAILED)
		return st;
	/* Some writers leave out the zlib header: try raw deflate, but
	 * only a complete stream, as random bytes often inflate a little. */
	buf_clear(out);
	buf_clear(err);
	st = inflate_with(-15, in, len, out, err);
	if (st != FILTER_OK) {
		buf_clear(out);
		buf_clear(err);
		buf_adds(err, "corrupt deflate data");
		return FILTER_FAILED;
	}
	return st;
}

static int
paeth(int a, int b, int c)
{
	int p = a + b - c, pa = p > a ? p - a : a - p;
	int pb = p > b ? p - b : b - p, pc = p > c ? p - c : c - p;

	if (pa <= pb && pa <= pc)
		return a;
	return pb <= pc ? b : c;
}

static void
png_row(int type, unsigned char *row, const unsigned char *prev,
    size_t rowlen, size_t bpp)
{
	size_t i;
	int a, b, c;

	for (i = 0; i < rowlen; i++) {
		a = i >= bpp ? row[i - bpp] : 0;
		b = prev[i];
		c = i >= bpp ? prev[i - bpp] : 0;
		switch (type) {
		case 1: row[i] = (unsigned char)(row[i] + a); break;
		case 2: row[i] = (unsigned char)(row[i] + b); break;
		case 3: row[i] = (unsigned char)(row[i] + (a + b) / 2); break;
		case 4: row[i] = (unsigned char)(row[i] + paeth(a, b, c)); break;
		}
	}
}

/* Undo a predictor in place: PNG rows lose their filter-type byte. */
static void
unpredict(const struct pdf_obj *parms, struct buf *data)
{
	long long pred = pdf_int(pdf_dict_get(parms, "Predictor"), 1);
	long long colors = pdf_int(pdf_dict_get(parms, "Colors"), 1);
	long long bpc = pdf_int(pdf_dict_get(parms, "BitsPerComponent"), 8);
	long long cols = pdf_int(pdf_dict_get(parms, "Columns"), 1);
	size_t bpp, rowlen, in, o = 0, i;
	unsigned char *prev;

	if (pred < 2 || colors < 1 || colors > 32 || bpc < 1 || bpc > 16 ||
	    cols < 1 || cols > (1 << 24))
		return;
	bpp = (size_t)((colors * bpc + 7) / 8);
	rowlen = (size_t)((colors * bpc * cols + 7) / 8);
	if (pred == 2) {
		/* TIFF: only the byte-wide case occurs in practice. */
		if (bpc != 8)
			return;
		for (in = 0; in < data->len; in += rowlen)
			for (i = bpp; i < rowlen && in + i < data->len; i++)
				data->s[in + i] = (char)(data->s[in + i] +
				    data->s[in + i - bpp]);
		return;
	}
	prev = xcalloc(1, rowlen);
	for (in = 0; in + 1 + rowlen <= data->len; in += rowlen + 1) {
		unsigned char *row = (unsigned char *)data->s + o;
		int type = (unsigned char)data->s[in];

		memmove(row, data->s + in + 1, rowlen);
		png_row(type, row, prev, rowlen, bpp);
		memcpy(prev, row, rowlen);
		o += rowlen;
	}
	free(prev);
	data->len = o;
	data->s[o] = '\0';
}

static enum pdf_filter_status
ascii_hex(const unsigned char *in, size_t len, struct buf *out)
{
	size_t i;
	int hi = -1, d;

	for (i = 0; i < len && in[i] != '>'; i++) {
		if (in[i] >= '0' && in[i] <= '9')
			d = in[i] - '0';
		else if ((in[i] | 0x20) >= 'a' && (in[i] | 0x20) <= 'f')
			d = (in[i] | 0x20) - 'a' + 10;
		else
			continue;
		if (hi < 0) {
			hi = d;
		} else {
			buf_addc(out, (char)(hi << 4 | d));
			hi = -1;
		}
	}
	if (hi >= 0)
		buf_addc(out, (char)(hi << 4));
	return FILTER_OK;
}

static void
a85_flush(struct buf *out, unsigned long v, int n)
{
	char b[4];
	int i;

	for (i = 3; i >= 0; i--) {
		b[i] = (char)(v & 0xff);
		v >>= 8;
	}
	buf_add(out, b, (size_t)n);
}

static enum pdf_filter_status
ascii85(const unsigned char *in, size_t len, struct buf *out)
{
	unsigned long v = 0;
	size_t i;
	int n = 0, k;

	for (i = 0; i < len && in[i] != '~'; i++) {
		if (in[i] == 'z' && n == 0) {
			a85_flush(out, 0, 4);
			continue;
		}
		if (in[i] < '!' || in[i] > 'u')
			continue;
		v = v * 85 + (in[i] - '!');
		if (++n == 5) {
			a85_flush(out, v & 0xffffffffUL, 4);
			v = 0;
			n = 0;
		}
	}
	if (n > 1) {
		for (k = n; k < 5; k++)
			v = v * 85 + 84;
		a85_flush(out, v & 0xffffffffUL, n - 1);
	}
	return FILTER_OK;
}

static enum pdf_filter_status
run_length(const unsigned char *in, size_t len, struct buf *out,
    struct buf *err)
{
	size_t i = 0, n;

	while (i < len && in[i] != 128) {
		if (in[i] < 128) {
			n = (size_t)in[i] + 1;
			if (i + 1 + n > len)
				n = len - i - 1;
			buf_add(out, (const char *)in + i + 1, n);
			i += n + 1;
		} else {
			if (i + 1 >= len)
				break;
			for (n = 257 - (size_t)in[i]; n > 0; n--)
				buf_addc(out, (char)in[i + 1]);
			i += 2;
		}
		if (out->len > PDF_MAX_DECODED)
			return too_big(err);
	}
	return FILTER_OK;
}

/* LZW as in TIFF and PostScript: 9 to 12 bit codes, 256 clears, 257 ends. */
struct lzw {
	unsigned short	 prefix[4096];
	unsigned char	 suffix[4096];
	unsigned short	 length[4096];
	unsigned char	 stack[4096];
};

static void
lzw_emit(struct lzw *z, int code, struct buf *out)
{
	int n = z->length[code], i = n;

	while (i > 0) {
		z->stack[--i] = z->suffix[code];
		code = z->prefix[code];
	}
	buf_add(out, (const char *)z->stack, (size_t)n);
}

static int
lzw_first(struct lzw *z, int code)
{
	while (z->length[code] > 1)
		code = z->prefix[code];
	return z->suffix[code];
}

static enum pdf_filter_status
lzw(const unsigned char *in, size_t len, const struct pdf_obj *parms,
    struct buf *out, struct buf *err)
{
	struct lzw *z = xmalloc(sizeof(*z));
	int early = (int)pdf_int(pdf_dict_get(parms, "EarlyChange"), 1) != 0;
	int width = 9, next = 258, prev = -1, code, i;
	unsigned long bits = 0;
	int nbits = 0;
	size_t pos = 0;
	enum pdf_filter_status st = FILTER_OK;

	for (i = 0; i < 256; i++) {
		z->suffix[i] = (unsigned char)i;
		z->length[i] = 1;
		z->prefix[i] = 0;
	}
	for (;;) {
		while (nbits < width && pos < len) {
			bits = (bits << 8 | in[pos++]) & 0xffffffUL;
			nbits += 8;
		}
		if (nbits < width)
			break;
		code = (int)(bits >> (nbits - width)) & ((1 << width) - 1);
		nbits -= width;
		if (code == 257)
			break;
		if (code == 256) {
			width = 9;
			next = 258;
			prev = -1;
			continue;
		}
		if (code > next || (code == next && prev < 0)) {
			st = out->len ? FILTER_DAMAGED : FILTER_FAILED;
			if (st == FILTER_FAILED)
				buf_adds(err, "corrupt LZW data");
			break;
		}
		if (prev >= 0 && next < 4096) {
			z->prefix[next] = (unsigned short)prev;
			z->suffix[next] = (unsigned char)(code == next ?
			    lzw_first(z, prev) : lzw_first(z, code));
			z->length[next] = (unsigned short)(z->length[prev] + 1);
			next++;
		}
		lzw_emit(z, code, out);
		if (out->len > PDF_MAX_DECODED) {
			st = too_big(err);
			break;
		}
		prev = code;
		if (next + early >= (1 << width) && width < 12)
			width++;
	}
	free(z);
	return st;
}

/*
 * Apply one filter to in, appending to out.  A predictor in the
 * parameters applies to Flate and LZW output.
 */
enum pdf_filter_status
pdf_filter(const char *name, const struct pdf_obj *parms,
    const unsigned char *in, size_t len, struct buf *out, struct buf *err)
{
	enum pdf_filter_status st;

	buf_clear(out);
	buf_add(out, "", 0);
	if (strcmp(name, "FlateDecode") == 0 || strcmp(name, "Fl") == 0)
		st = flate(in, len, out, err);
	else if (strcmp(name, "LZWDecode") == 0 || strcmp(name, "LZW") == 0)
		st = lzw(in, len, parms, out, err);
	else if (strcmp(name, "ASCIIHexDecode") == 0 ||
	    strcmp(name, "AHx") == 0)
		return ascii_hex(in, len, out);
	else if (strcmp(name, "ASCII85Decode") == 0 ||
	    strcmp(name, "A85") == 0)
		return ascii85(in, len, out);
	else if (strcmp(name, "RunLengthDecode") == 0 ||
	    strcmp(name, "RL") == 0)
		return run_length(in, len, out, err);
	else {
		buf_printf(err, "unsupported filter /%s", name);
		return FILTER_FAILED;
	}
	if (st != FILTER_FAILED)
		unpredict(parms, out);
	return st;
}
