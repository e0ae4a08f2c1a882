/*
 * test_core.c - the shared core: numbers, UTF-8, the record stream.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "json.h"
#include "lineio.h"
#include "number.h"
#include "stream.h"
#include "utf8.h"
#include "tap.h"

static const char *
num_text(const char *s)
{
	static struct num n;

	return num_parse(s, strlen(s), &n) ? n.text : NULL;
}

static void
numbers_are_read_exactly(void)
{
	is_str(num_text("7,702.57"), "7702.57", "thousands separators removed");
	is_str(num_text("0.00"), "0.00", "zero keeps its printed decimals");
	is_str(num_text("14.7"), "14.7", "one decimal stays one decimal");
	is_str(num_text("(12.30)"), "-12.30", "parentheses mean negative");
	is_str(num_text("-5"), "-5", "leading minus");
	is_str(num_text("\xe2\x88\x92" "3.5"), "-3.5", "U+2212 minus sign");
	is_str(num_text("23.12%"), "23.12%", "percent kept");
	is_str(num_text("1\xef\xbc\x8c" "234"), "1234",
	    "full-width comma as separator");
	ok(num_text("1,23") == NULL, "misplaced separator is not a number");
	ok(num_text("12.") == NULL, "a bare point is not a number");
	ok(num_text("2230. 80") == NULL, "a split number is not one number");
	ok(num_text("208 05") == NULL, "space-separated codes are not a number");
	ok(num_text("") == NULL, "empty is not a number");
	ok(num_text("-") == NULL, "a dash alone is not a number");
	ok(num_text("99999999999999999999") == NULL, "overflow is rejected");
	is_str(num_text("0.05"), "0.05", "a leading zero before the point stays");
	is_str(num_text("-0.00"), "0.00", "negative zero loses its sign");
	is_str(num_text("007.50"), "7.50", "leading zeros dropped");
	is_str(num_text("+3"), "3", "plus sign dropped");
	is_str(num_text("-0"), "0", "minus zero is zero");
	is_str(num_text("0%"), "0%", "zero percent");
	is_str(num_text("(0.5)"), "-0.5", "parentheses around a fraction");
	is_str(num_text("-1,234.5%"), "-1234.5%", "grouped negative percent");
	is_str(num_text("-123456789012345678"), "-123456789012345678",
	    "eighteen digits");
}

static void
scaled_sums_are_exact(void)
{
	struct num a, b;

	num_parse("0.1", 3, &a);
	num_parse("0.20", 4, &b);
	is_int(num_scale(&a, 2) + num_scale(&b, 2), 30,
	    "0.1 + 0.20 is exactly 30 hundredths");
	ok(num_equal_within(13557, 13558, 1), "one hundredth apart is within 1");
	ok(!num_equal_within(13557, 13560, 1), "three hundredths is not");
}

static void
utf8_is_validated(void)
{
	size_t bad = 99;

	ok(utf8_valid("\xe9\xa2\x84\xe7\xae\x97", 6, &bad), "Han text is valid");
	ok(!utf8_valid("ab\xff", 3, &bad) && bad == 2, "0xff rejected at 2");
	ok(!utf8_valid("\xc0\xaf", 2, &bad), "overlong slash rejected");
	ok(!utf8_valid("\xed\xa0\x80", 3, &bad), "surrogate rejected");
	ok(!utf8_valid("\xe9\xa2", 2, &bad), "truncated sequence rejected");
	ok(utf8_valid("", 0, &bad), "empty is valid");
	ok(!utf8_valid("abcdefgh\xe9\xa2\x84\xe0\x80\xaf", 14, &bad) &&
	    bad == 11, "overlong three-byte form rejected at its lead");
	ok(!utf8_valid("\xe9\xa2\x84\x80", 4, &bad) && bad == 3,
	    "stray continuation byte after Han rejected");
	ok(utf8_valid("\xf0\x9f\x98\x80\xef\xbc\x88", 7, &bad),
	    "four-byte and full-width characters are valid");
	ok(!utf8_valid("\xf4\x90\x80\x80", 4, &bad) && bad == 0,
	    "above U+10FFFF rejected");
	ok(!utf8_valid("\xef\xbc", 2, &bad) && bad == 0,
	    "a sequence cut at the end rejected");
}

/* The validator as first written: decode, then check the code point. */
static int
reference_valid(const unsigned char *p, size_t n, size_t *badpos)
{
	size_t i = 0, k, need;
	unsigned cp, min;

	while (i < n) {
		if (p[i] < 0x80) {
			i++;
			continue;
		}
		if (p[i] >= 0xc2 && p[i] <= 0xdf) {
			need = 1; cp = p[i] & 0x1f; min = 0x80;
		} else if ((p[i] & 0xf0) == 0xe0) {
			need = 2; cp = p[i] & 0x0f; min = 0x800;
		} else if (p[i] >= 0xf0 && p[i] <= 0xf4) {
			need = 3; cp = p[i] & 0x07; min = 0x10000;
		} else
			break;
		if (i + need >= n)
			break;
		for (k = 1; k <= need && (p[i + k] & 0xc0) == 0x80; k++)
			cp = cp << 6 | (p[i + k] & 0x3f);
		if (k <= need || cp < min || cp > 0x10ffff ||
		    (cp >= 0xd800 && cp <= 0xdfff))
			break;
		i += need + 1;
	}
	*badpos = i;
	return i >= n;
}

/* Random strings of likely bytes: same verdict, same offset. */
static void
validation_agrees_with_reference(void)
{
	static const unsigned char likely[] = { 'a', ' ', '1', 0x80, 0x8c,
	    0x9f, 0xa0, 0xbf, 0xc0, 0xc3, 0xe0, 0xe4, 0xe9, 0xed, 0xef, 0xf0,
	    0xf4, 0xf5, 0xff };
	unsigned char s[40];
	unsigned long x = 12345;
	size_t n, i, b1, b2;
	int round, bad = 0, v1, v2;

	for (round = 0; round < 200000; round++) {
		x = x * 6364136223846793005UL + 1442695040888963407UL;
		n = (x >> 33) % sizeof(s);
		for (i = 0; i < n; i++) {
			x = x * 6364136223846793005UL + 1442695040888963407UL;
			s[i] = likely[(x >> 40) % sizeof(likely)];
		}
		b1 = b2 = 0;
		v1 = utf8_valid((const char *)s, n, &b1);
		v2 = reference_valid(s, n, &b2);
		if (v1 != v2 || (!v1 && b1 != b2))
			bad++;
	}
	is_int(bad, 0, "200000 random strings judged as the reference does");
}

static void
characters_are_decoded(void)
{
	int32_t c = -1;

	is_int(utf8_decode("a", 1, &c), 1, "ASCII is one byte");
	is_int(c, 'a', "ASCII decoded");
	is_int(utf8_decode("\xc3\xa9", 2, &c), 2, "two-byte length");
	is_int(c, 0xe9, "two-byte decoded");
	is_int(utf8_decode("\xe9\xa2\x84x", 4, &c), 3, "three-byte length");
	is_int(c, 0x9884, "Han decoded");
	is_int(utf8_decode("\xf0\x9f\x98\x80", 4, &c), 4, "four-byte length");
	is_int(c, 0x1f600, "four-byte decoded");
	is_int(utf8_decode("\xe9\xa2", 2, &c), 1, "a cut sequence: one byte");
	is_int(utf8_decode("", 0, &c), 0, "nothing at the end");
	ok(uc_is_cjk(0x9884) && uc_is_cjk(0x3001) && uc_is_cjk(0x2014) &&
	    !uc_is_cjk('a') && !uc_is_cjk(0x2013) && uc_is_cjk(0x20000),
	    "CJK characters told from the rest");
}

static void
normalization_folds_digits_keeps_brackets(void)
{
	struct buf b = BUF_INIT;

	uc_normalize(&b, "\xef\xbc\x91\xef\xbc\x92.5", 8);	/* １２.5 */
	is_str(buf_str(&b), "12.5", "full-width digits become ASCII");
	buf_clear(&b);
	uc_normalize(&b, "\xef\xbc\x88\xe5\xa2\x83\xef\xbc\x89", 9);
	is_str(buf_str(&b), "\xef\xbc\x88\xe5\xa2\x83\xef\xbc\x89",
	    "full-width brackets kept as printed");
	buf_clear(&b);
	uc_normalize(&b, "\xe2\xbc\x80", 3);	/* KANGXI RADICAL ONE */
	is_str(buf_str(&b), "\xe4\xb8\x80", "Kangxi radical becomes the ideograph");
	buf_clear(&b);
	uc_normalize(&b, "a\xe3\x80\x80" "b", 5);
	is_str(buf_str(&b), "a b", "ideographic space becomes a space");
	buf_clear(&b);
	uc_normalize(&b, "合计\x0c\xef\xbc\x91\xe4\xb8\x80x\xe4\xb7\x80", 18);
	is_str(buf_str(&b), "合计\x0c" "1一x\xe4\xb7\x80",
	    "runs kept, full-width digit folded");
	buf_free(&b);
}

static void
records_round_trip(void)
{
	struct buf b = BUF_INIT;
	struct rec r;

	rec_init(&r);
	rec_begin(&b, "span");
	rec_text(&b, "a\tb\\c\nd");
	rec_kv(&b, "code", "预算03表");
	rec_parse(&r, b.s, b.len);
	is_int(r.nf, 3, "three fields");
	is_str(rec_field(&r, 1), "a\tb\\c\nd", "tab, backslash, newline survive");
	is_str(rec_attr(&r, "code"), "预算03表", "key=value attribute read back");
	ok(rec_attr(&r, "cod") == NULL, "attribute keys match whole");
	is_int(stream_header_version("retable\t1", 9), 1, "header version 1");
	is_int(stream_header_version("retable 1", 9), 0, "space is not a header");
	is_int(stream_header_version("预算01表", 11), 0, "text is not a header");
	rec_free(&r);
	buf_free(&b);
}

/* Every field survives a special character at every offset of a word. */
static void
escapes_at_every_offset(void)
{
	static const char specials[] = { '\t', '\n', '\r', '\\' };
	struct buf b = BUF_INIT;
	struct rec r;
	char text[40];
	int pos, k, bad = 0;

	rec_init(&r);
	for (k = 0; k < 4; k++)
		for (pos = 0; pos < 20; pos++) {
			memset(text, 'x', sizeof(text));
			memcpy(text + 3, "\xe9\xa2\x84", 3);
			text[pos] = specials[k];
			text[30] = '\0';
			rec_begin(&b, "line");
			rec_text(&b, text);
			rec_text(&b, "a\\b");
			if (memchr(b.s, '\t', b.len) != b.s + 4 ||
			    memchr(b.s, '\n', b.len) || memchr(b.s, '\r', b.len))
				bad++;
			rec_parse(&r, b.s, b.len);
			if (r.nf != 3 || strcmp(r.f[1], text) != 0 ||
			    strcmp(r.f[2], "a\\b") != 0)
				bad++;
		}
	is_int(bad, 0, "escaped at every offset, read back unchanged");
	rec_parse(&r, "k\tend\\\tz\\q\t", 11);
	is_int(r.nf, 4, "a trailing tab makes an empty last field");
	is_str(r.f[1], "end\\", "a lone trailing backslash is kept");
	is_str(r.f[2], "z\\q", "an unknown escape keeps both characters");
	rec_free(&r);
	buf_free(&b);
}

/* What json_strn writes, a byte at a time. */
static void
reference_json(struct buf *b, const char *s, size_t n)
{
	size_t i;

	buf_addc(b, '"');
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '"' || c == '\\')
			buf_printf(b, "\\%c", c);
		else if (c == '\n')
			buf_adds(b, "\\n");
		else if (c == '\t')
			buf_adds(b, "\\t");
		else if (c == '\r')
			buf_adds(b, "\\r");
		else if (c < 0x20)
			buf_printf(b, "\\u%04x", c);
		else
			buf_addc(b, (char)c);
	}
	buf_addc(b, '"');
}

/* Every character that needs escaping, at every offset of a word. */
static void
json_escapes_at_every_offset(void)
{
	struct buf got = BUF_INIT, want = BUF_INIT;
	char text[24];
	int c, pos, bad = 0;

	for (c = 0; c < 0x80; c++) {
		if (c >= 0x20 && c != '"' && c != '\\' && c != 'a')
			continue;
		for (pos = 0; pos < 20; pos++) {
			memcpy(text, "\xe9\xa2\x84" "abcdefghijklmnopqrstu", 24);
			text[pos] = (char)c;
			buf_clear(&got);
			buf_clear(&want);
			json_strn(&got, text, 21);
			reference_json(&want, text, 21);
			bad += got.len != want.len ||
			    memcmp(got.s, want.s, got.len) != 0;
		}
	}
	is_int(bad, 0, "JSON strings escaped as byte by byte");
	buf_free(&got);
	buf_free(&want);
}

/* The hand-written number readers agree with strtol and strtod. */
static void
numbers_read_like_libc(void)
{
	static const char *s[] = { "0", "-0", "12", "-12", "841.89", "-0.00",
	    "595.30", "0.005", "123456789012345", "1234567890123456",
	    "99999999999999999999", "-", "", " 12", "+3", "1e3", "1.5E-2",
	    "0x1A", "12abc", "1.", ".5", "3.14159265358979", "-7.25x",
	    "inf", "2.675", "100000000000000000000000.5" };
	size_t i;
	int bad = 0;

	for (i = 0; i < sizeof(s) / sizeof(s[0]); i++) {
		if (stream_long(s[i]) != strtol(s[i], NULL, 10))
			bad++;
		if (memcmp(&(double){ stream_double(s[i]) },
		    &(double){ strtod(s[i], NULL) }, sizeof(double)) != 0)
			bad++;
	}
	is_int(bad, 0, "stream_long and stream_double match libc");
}

/* Integers and coordinates as printf writes them. */
static void
numbers_written_like_printf(void)
{
	static const long long v[] = { 0, 7, 9, 10, -1, -10, 99, 100, 12345,
	    -987654321, 9223372036854775807LL, -9223372036854775807LL - 1 };
	struct buf b = BUF_INIT;
	char want[64];
	size_t i;
	int bad = 0;

	for (i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		buf_clear(&b);
		buf_adds(&b, "n=");
		buf_add_long(&b, v[i]);
		snprintf(want, sizeof(want), "n=%lld", v[i]);
		if (strcmp(b.s, want) != 0 || b.len != strlen(want))
			bad++;
	}
	is_int(bad, 0, "buf_add_long writes what %%lld does");
	buf_free(&b);
}

/* Coordinates: hundredths, rounded half away from zero, as printf. */
static void
coordinates_written_to_hundredths(void)
{
	static const double v[] = { 0.0, -0.0, 0.004, -0.004, -0.005, 0.005,
	    841.89, 595.3, -12.345, 1e6 + 0.125, 99.995, -99.995, 7.0 };
	struct buf b = BUF_INIT;
	char want[64];
	long long c;
	unsigned long long u;
	double x;
	size_t i;
	int k, bad = 0;

	for (k = -300000; k <= 300000 + (int)(sizeof(v) / sizeof(v[0])); k++) {
		i = (size_t)(k - 300001);
		x = k <= 300000 ? k / 997.0 : v[i];
		c = (long long)(x * 100.0 + (x < 0 ? -0.5 : 0.5));
		u = c < 0 ? 0ULL - (unsigned long long)c : (unsigned long long)c;
		snprintf(want, sizeof(want), "x=%s%llu.%02llu", c < 0 ? "-" : "",
		    u / 100, u % 100);
		buf_clear(&b);
		buf_adds(&b, "x=");
		buf_add_fixed2(&b, x);
		if (strcmp(b.s, want) != 0 || b.len != strlen(want))
			bad++;
	}
	is_int(bad, 0, "buf_add_fixed2 writes hundredths as %%llu.%%02llu");
	buf_clear(&b);
	buf_add_fixed2(&b, -0.004);
	buf_add_fixed2(&b, -0.005);
	buf_add_fixed2(&b, 841.888);
	is_str(b.s, "0.00-0.01841.89", "a tiny negative is 0.00, not -0.00");
	buf_free(&b);
}

/* Lines cut by the reader's buffer come out whole. */
static void
lines_across_buffers(void)
{
	char path[] = "/tmp/retable-test-XXXXXX";
	struct lineio in;
	struct buf want = BUF_INIT;
	const char *line;
	size_t len, i;
	int fd, n = 0, bad = 0, got;
	FILE *f;

	if ((fd = mkstemp(path)) == -1 || (f = fdopen(fd, "w")) == NULL) {
		ok(0, "temporary file");
		return;
	}
	/* 70 000 lines of varying length straddle many 256 KiB buffers. */
	for (i = 0; i < 70000; i++)
		fprintf(f, "%zu\t%.*s\r\n", i, (int)(i % 23),
		    "abcdefghijklmnopqrstuvw");
	fprintf(f, "%0*d", 300000, 7);	/* longer than a buffer, no LF */
	fclose(f);
	lineio_open(&in, path);
	while ((got = lineio_read(&in, &line, &len)) > 0) {
		buf_clear(&want);
		if (n < 70000)
			buf_printf(&want, "%d\t%.*s", n, n % 23,
			    "abcdefghijklmnopqrstuvw");
		else
			buf_printf(&want, "%0*d", 300000, 7);
		if (len != want.len || memcmp(line, want.s, len) != 0 ||
		    line[len] != '\0')
			bad++;
		if (n == 5 && lineio_peek_byte(&in) != '6')
			bad++;
		n++;
	}
	is_int(got, 0, "the end of input is reported");
	is_int(n, 70001, "every line read");
	is_int(bad, 0, "each line whole, CR dropped, NUL-terminated");
	lineio_close(&in);
	unlink(path);
	buf_free(&want);
}

/*
 * A line that ends exactly where the buffer does stays valid while the
 * reader looks ahead into the next buffer (dehyphenate does, for form
 * feeds).
 */
static void
line_survives_look_ahead(void)
{
	char path[] = "/tmp/retable-test-XXXXXX";
	struct lineio in;
	const char *line;
	size_t len, i, bad = 0;
	int fd;
	FILE *f;

	if ((fd = mkstemp(path)) == -1 || (f = fdopen(fd, "w")) == NULL) {
		ok(0, "temporary file");
		return;
	}
	for (i = 0; i < 256 * 1024 - 1; i++)
		fputc('a' + (int)(i % 26), f);
	fputs("\nnext\fpage\n", f);
	fclose(f);
	lineio_open(&in, path);
	ok(lineio_read(&in, &line, &len) == 1 && len == 256 * 1024 - 1,
	    "a line filling the buffer");
	ok(lineio_buffered_has(&in, '\f'), "the look-ahead sees the form feed");
	for (i = 0; i < len; i++)
		bad += line[i] != 'a' + (int)(i % 26);
	is_int(bad, 0, "the line is intact after the look-ahead");
	ok(lineio_read(&in, &line, &len) == 1 && len == 9 &&
	    memcmp(line, "next\fpage", 9) == 0, "the next line follows");
	lineio_close(&in);
	unlink(path);
}

int
main(void)
{
	numbers_are_read_exactly();
	scaled_sums_are_exact();
	utf8_is_validated();
	validation_agrees_with_reference();
	characters_are_decoded();
	normalization_folds_digits_keeps_brackets();
	records_round_trip();
	escapes_at_every_offset();
	json_escapes_at_every_offset();
	numbers_read_like_libc();
	numbers_written_like_printf();
	coordinates_written_to_hundredths();
	lines_across_buffers();
	line_survives_look_ahead();
	return tap_done();
}
