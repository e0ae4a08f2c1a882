/*
 * json.c - writing JSON text.
 */
#include <stdint.h>
#include <string.h>

#include "json.h"

/*
 * Whether any of eight bytes is a control character, a quote or a
 * backslash; text is mostly without, and goes through in one piece.
 */
static int
word_may_need_escape(uint64_t w)
{
	const uint64_t ones = 0x0101010101010101ULL;
	const uint64_t highs = 0x8080808080808080ULL;
	uint64_t q = w ^ (ones * '"'), bs = w ^ (ones * '\\');

	return ((((w - ones * 0x20) & ~w) | ((q - ones) & ~q) |
	    ((bs - ones) & ~bs)) & highs) != 0;
}

static void
escape_byte(struct buf *b, unsigned char c)
{
	static const char hex[] = "0123456789abcdef";
	char esc[6];

	switch (c) {
	case '"':  buf_add(b, "\\\"", 2); break;
	case '\\': buf_add(b, "\\\\", 2); break;
	case '\n': buf_add(b, "\\n", 2); break;
	case '\t': buf_add(b, "\\t", 2); break;
	case '\r': buf_add(b, "\\r", 2); break;
	default:
		memcpy(esc, "\\u00", 4);
		esc[4] = hex[c >> 4];
		esc[5] = hex[c & 15];
		buf_add(b, esc, 6);
	}
}

void
json_strn(struct buf *b, const char *s, size_t n)
{
	size_t i = 0, run = 0, k;
	unsigned char c;
	uint64_t w;

	buf_addc(b, '"');
	while (i < n) {
		if (i + 8 <= n) {
			memcpy(&w, s + i, 8);
			if (!word_may_need_escape(w)) {
				i += 8;
				continue;
			}
		}
		for (k = i + 8 < n ? i + 8 : n; i < k; i++) {
			c = (unsigned char)s[i];
			if (c >= 0x20 && c != '"' && c != '\\')
				continue;
			buf_add(b, s + run, i - run);
			escape_byte(b, c);
			run = i + 1;
		}
	}
	buf_add(b, s + run, n - run);
	buf_addc(b, '"');
}

void
json_str(struct buf *b, const char *s)
{
	if (s == NULL) {
		buf_adds(b, "null");
		return;
	}
	json_strn(b, s, strlen(s));
}

/* A key of an object being written; *first tracks the comma. */
void
json_key(struct buf *b, const char *key, int *first)
{
	if (!*first)
		buf_addc(b, ',');
	*first = 0;
	json_str(b, key);
	buf_addc(b, ':');
}

/*
 * A number given as its exact decimal text ("7702.57", "-12.30"), which
 * JSON takes as it is: no conversion through a double, so no digit is
 * ever lost or invented.
 */
void
json_number_text(struct buf *b, const char *text)
{
	buf_adds(b, text);
}
