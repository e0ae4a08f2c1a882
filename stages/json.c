/*
 * json.c - writing JSON text.
 */
#include <string.h>

#include "json.h"

void
json_strn(struct buf *b, const char *s, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	size_t i, run = 0;

	buf_addc(b, '"');
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		char esc[6];

		if (c >= 0x20 && c != '"' && c != '\\')
			continue;
		buf_add(b, s + run, i - run);
		run = i + 1;
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
