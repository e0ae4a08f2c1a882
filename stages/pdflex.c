/*
 * pdflex.c - the PDF tokenizer, shared by the object parser and the
 * content-stream reader.
 *
 * It is lenient the way readers must be: a malformed number reads as the
 * number its prefix spells, an unterminated string runs to the end of the
 * input, a stray delimiter becomes a one-character keyword.  Nothing here
 * can fail; the callers decide what a strange token means.
 */
#include <string.h>

#include "pdfobj.h"

static const unsigned char char_class[256] = {
	/* 1: white space, 2: delimiter */
	[0] = 1, ['\t'] = 1, ['\n'] = 1, ['\f'] = 1, ['\r'] = 1, [' '] = 1,
	['('] = 2, [')'] = 2, ['<'] = 2, ['>'] = 2, ['['] = 2, [']'] = 2,
	['{'] = 2, ['}'] = 2, ['/'] = 2, ['%'] = 2
};

int
pdf_is_space(int c)
{
	return char_class[(unsigned char)c] == 1;
}

int
pdf_is_delim(int c)
{
	return char_class[(unsigned char)c] == 2;
}

static int
is_regular(int c)
{
	return char_class[(unsigned char)c] == 0;
}

void
pdf_lex_init(struct pdf_lexer *lx, const unsigned char *s, size_t len)
{
	lx->start = lx->p = s;
	lx->end = s + len;
}

/* Skip white space and comments. */
void
pdf_skip_space(struct pdf_lexer *lx)
{
	while (lx->p < lx->end) {
		if (pdf_is_space(*lx->p)) {
			lx->p++;
		} else if (*lx->p == '%') {
			while (lx->p < lx->end && *lx->p != '\n' &&
			    *lx->p != '\r')
				lx->p++;
		} else
			break;
	}
}

/*
 * A number: sign, digits, at most one point.  Integers too long for a
 * long long become reals rather than wrapping around.
 */
static void
lex_number(struct pdf_lexer *lx, struct pdf_token *t)
{
	const unsigned char *p = lx->p;
	double v = 0, scale = 0.1;
	long long iv = 0;
	int neg = 0, point = 0, digits = 0, overflow = 0;

	while (p < lx->end && (*p == '+' || *p == '-')) {
		neg ^= *p == '-';
		p++;
	}
	for (; p < lx->end; p++) {
		if (*p >= '0' && *p <= '9') {
			digits++;
			if (point) {
				v += (*p - '0') * scale;
				scale /= 10;
				continue;
			}
			v = v * 10 + (*p - '0');
			if (iv > (0x7fffffffffffffffLL - 9) / 10)
				overflow = 1;
			else
				iv = iv * 10 + (*p - '0');
		} else if (*p == '.' && !point) {
			point = 1;
		} else
			break;
	}
	/* Junk glued to a number ("12.5.3", "4-2") is dropped. */
	while (p < lx->end && is_regular(*p))
		p++;
	t->s = lx->p;
	t->len = (size_t)(p - lx->p);
	lx->p = p;
	if (!digits) {
		t->kind = TOK_KEYWORD;
		return;
	}
	t->kind = point || overflow ? TOK_REAL : TOK_INT;
	t->integer = neg ? -iv : iv;
	t->real = neg ? -v : v;
}

static void
lex_string(struct pdf_lexer *lx, struct pdf_token *t)
{
	const unsigned char *p = ++lx->p;
	int depth = 1;

	while (p < lx->end) {
		if (*p == '\\') {
			p += 2;
			continue;
		}
		if (*p == '(')
			depth++;
		else if (*p == ')' && --depth == 0)
			break;
		p++;
	}
	if (p > lx->end)
		p = lx->end;
	t->kind = TOK_STRING;
	t->s = lx->p;
	t->len = (size_t)(p - lx->p);
	lx->p = p < lx->end ? p + 1 : p;
}

static void
lex_angle(struct pdf_lexer *lx, struct pdf_token *t)
{
	const unsigned char *p;

	if (lx->p + 1 < lx->end && lx->p[1] == '<') {
		t->kind = TOK_DICT_OPEN;
		lx->p += 2;
		return;
	}
	p = ++lx->p;
	while (p < lx->end && *p != '>')
		p++;
	t->kind = TOK_HEXSTRING;
	t->s = lx->p;
	t->len = (size_t)(p - lx->p);
	lx->p = p < lx->end ? p + 1 : p;
}

static void
lex_word(struct pdf_lexer *lx, struct pdf_token *t, enum pdf_tok kind)
{
	const unsigned char *p = lx->p;

	while (p < lx->end && is_regular(*p))
		p++;
	t->kind = kind;
	t->s = lx->p;
	t->len = (size_t)(p - lx->p);
	lx->p = p;
}

void
pdf_lex(struct pdf_lexer *lx, struct pdf_token *t)
{
	unsigned char c;

	pdf_skip_space(lx);
	t->s = lx->p;
	t->len = 0;
	if (lx->p >= lx->end) {
		t->kind = TOK_EOF;
		return;
	}
	c = *lx->p;
	if ((c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.') {
		lex_number(lx, t);
		return;
	}
	switch (c) {
	case '/':
		lx->p++;
		lex_word(lx, t, TOK_NAME);
		return;
	case '(':
		lex_string(lx, t);
		return;
	case '<':
		lex_angle(lx, t);
		return;
	case '>':
		lx->p += lx->p + 1 < lx->end && lx->p[1] == '>' ? 2 : 1;
		t->kind = TOK_DICT_CLOSE;
		return;
	case '[':
		lx->p++;
		t->kind = TOK_ARRAY_OPEN;
		return;
	case ']':
		lx->p++;
		t->kind = TOK_ARRAY_CLOSE;
		return;
	case '{': case '}': case ')':
		t->kind = TOK_KEYWORD;
		t->len = 1;
		lx->p++;
		return;
	}
	lex_word(lx, t, TOK_KEYWORD);
}

int
pdf_tok_is(const struct pdf_token *t, const char *keyword)
{
	size_t n = strlen(keyword);

	return t->kind == TOK_KEYWORD && t->len == n &&
	    memcmp(t->s, keyword, n) == 0;
}

static int
hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Decode a name's #xx escapes into out (at most len bytes). */
size_t
pdf_decode_name(char *out, const unsigned char *s, size_t len)
{
	size_t i, o = 0;
	int hi, lo;

	for (i = 0; i < len; i++) {
		if (s[i] == '#' && i + 2 < len &&
		    (hi = hexval(s[i + 1])) >= 0 &&
		    (lo = hexval(s[i + 2])) >= 0) {
			out[o++] = (char)(hi << 4 | lo);
			i += 2;
		} else
			out[o++] = (char)s[i];
	}
	return o;
}

static size_t
octal_escape(const unsigned char *s, size_t len, size_t i, int *value)
{
	size_t k;
	int v = 0;

	for (k = 0; k < 3 && i + k < len && s[i + k] >= '0' &&
	    s[i + k] <= '7'; k++)
		v = v * 8 + (s[i + k] - '0');
	*value = v & 0xff;
	return k;
}

/* Decode a literal string's escapes; out needs at most len bytes. */
size_t
pdf_decode_string(char *out, const unsigned char *s, size_t len)
{
	size_t i, o = 0, k;
	int v;

	for (i = 0; i < len; i++) {
		if (s[i] == '\r') {
			/* An end of line inside a string reads as \n. */
			out[o++] = '\n';
			if (i + 1 < len && s[i + 1] == '\n')
				i++;
			continue;
		}
		if (s[i] != '\\' || i + 1 >= len) {
			out[o++] = (char)s[i];
			continue;
		}
		switch (s[++i]) {
		case 'n': out[o++] = '\n'; break;
		case 'r': out[o++] = '\r'; break;
		case 't': out[o++] = '\t'; break;
		case 'b': out[o++] = '\b'; break;
		case 'f': out[o++] = '\f'; break;
		case '\r':
			if (i + 1 < len && s[i + 1] == '\n')
				i++;
			break;
		case '\n':
			break;
		default:
			if ((k = octal_escape(s, len, i, &v)) > 0) {
				out[o++] = (char)v;
				i += k - 1;
			} else
				out[o++] = (char)s[i];
		}
	}
	return o;
}

/* Decode a hex string; an odd final digit is followed by an implied 0. */
size_t
pdf_decode_hexstring(char *out, const unsigned char *s, size_t len)
{
	size_t i, o = 0;
	int d, hi = -1;

	for (i = 0; i < len; i++) {
		if ((d = hexval(s[i])) < 0)
			continue;
		if (hi < 0) {
			hi = d;
		} else {
			out[o++] = (char)(hi << 4 | d);
			hi = -1;
		}
	}
	if (hi >= 0)
		out[o++] = (char)(hi << 4);
	return o;
}
