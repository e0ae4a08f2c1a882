/*
 * utf8.c - validation, decoding, character classes, normalisation.
 */
#include <string.h>

#include <utf8proc.h>

#include "utf8.h"

static int
is_cont(unsigned char c)
{
	return (c & 0xc0) == 0x80;
}

/*
 * Length of the well-formed sequence at p (the lead byte not ASCII), or 0.
 * The ranges of the second byte are those of Unicode's table 3-7: they
 * exclude overlongs, surrogates and anything above U+10FFFF.
 */
static size_t
sequence_len(const unsigned char *p, size_t avail)
{
	unsigned char c = p[0], lo = 0x80, hi = 0xbf;
	size_t need;

	if (c >= 0xc2 && c <= 0xdf)
		need = 1;
	else if (c >= 0xe0 && c <= 0xef) {
		need = 2;
		if (c == 0xe0)
			lo = 0xa0;
		else if (c == 0xed)
			hi = 0x9f;
	} else if (c >= 0xf0 && c <= 0xf4) {
		need = 3;
		if (c == 0xf0)
			lo = 0x90;
		else if (c == 0xf4)
			hi = 0x8f;
	} else
		return 0;
	if (need >= avail || p[1] < lo || p[1] > hi)
		return 0;
	if (need >= 2 && !is_cont(p[2]))
		return 0;
	if (need == 3 && !is_cont(p[3]))
		return 0;
	return need + 1;
}

#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define TRIPLE_MASK	0x00c0c0f0U
#define TRIPLE_BITS	0x008080e0U
#else
#define TRIPLE_MASK	0xf0c0c000U
#define TRIPLE_BITS	0xe0808000U
#endif

/*
 * Return 1 when s holds well-formed UTF-8 (no overlongs, no surrogates,
 * nothing above U+10FFFF); otherwise 0 with the offset of the first bad
 * byte in *badpos.  Every input byte passes here: ASCII goes eight bytes
 * at a time, and the three-byte Han characters that make up the rest of
 * a report take the short path of the loop.
 */
int
utf8_valid(const char *s, size_t n, size_t *badpos)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, k;
	uint64_t w;
	uint32_t w32;

	while (i < n) {
		while (i + 8 <= n) {
			memcpy(&w, p + i, 8);
			if (w & 0x8080808080808080ULL)
				break;
			i += 8;
		}
		while (i < n && p[i] < 0x80)
			i++;
		/*
		 * A lead byte E1-EF but ED, two continuation bytes: one
		 * test of four bytes read at once (little- or big-endian).
		 */
		while (i + 4 <= n) {
			memcpy(&w32, p + i, 4);
			if ((w32 & TRIPLE_MASK) != TRIPLE_BITS || p[i] == 0xe0 ||
			    p[i] == 0xed)
				break;
			i += 3;
		}
		while (i + 2 < n && p[i] >= 0xe1 && p[i] <= 0xef &&
		    p[i] != 0xed && is_cont(p[i + 1]) && is_cont(p[i + 2]))
			i += 3;
		if (i >= n || p[i] < 0x80)
			continue;
		if ((k = sequence_len(p + i, n - i)) == 0) {
			if (badpos)
				*badpos = i;
			return 0;
		}
		i += k;
	}
	return 1;
}

/* utf8_decode for what it does not decode inline. */
size_t
utf8_decode_rest(const char *s, size_t n, int32_t *cp)
{
	const unsigned char *p = (const unsigned char *)s;

	if (n == 0)
		return 0;
	if (p[0] < 0x80 || n < 2) {
		*cp = p[0];
		return 1;
	}
	if (p[0] < 0xe0) {
		*cp = (p[0] & 0x1f) << 6 | (p[1] & 0x3f);
		return 2;
	}
	if (p[0] < 0xf0 || n < 4) {
		if (n < 3) {
			*cp = p[0];
			return 1;
		}
		*cp = (p[0] & 0x0f) << 12 | (p[1] & 0x3f) << 6 | (p[2] & 0x3f);
		return 3;
	}
	*cp = (p[0] & 0x07) << 18 | (p[1] & 0x3f) << 12 | (p[2] & 0x3f) << 6 |
	    (p[3] & 0x3f);
	return 4;
}

/* Decode the last character of s; returns its length (0 if s is empty). */
size_t
utf8_last(const char *s, size_t n, int32_t *cp)
{
	size_t i = n;

	if (n == 0)
		return 0;
	while (i > 0 && ((unsigned char)s[i - 1] & 0xc0) == 0x80 && n - i < 3)
		i--;
	if (i > 0)
		i--;
	utf8_decode(s + i, n - i, cp);
	return n - i;
}

size_t
utf8_count(const char *s, size_t n)
{
	size_t i, count = 0;

	for (i = 0; i < n; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80)
			count++;
	return count;
}

void
utf8_encode(struct buf *b, int32_t cp)
{
	char tmp[4];

	if (cp < 0x80) {
		buf_addc(b, (char)cp);
	} else if (cp < 0x800) {
		tmp[0] = (char)(0xc0 | cp >> 6);
		tmp[1] = (char)(0x80 | (cp & 0x3f));
		buf_add(b, tmp, 2);
	} else if (cp < 0x10000) {
		tmp[0] = (char)(0xe0 | cp >> 12);
		tmp[1] = (char)(0x80 | (cp >> 6 & 0x3f));
		tmp[2] = (char)(0x80 | (cp & 0x3f));
		buf_add(b, tmp, 3);
	} else {
		tmp[0] = (char)(0xf0 | cp >> 18);
		tmp[1] = (char)(0x80 | (cp >> 12 & 0x3f));
		tmp[2] = (char)(0x80 | (cp >> 6 & 0x3f));
		tmp[3] = (char)(0x80 | (cp & 0x3f));
		buf_add(b, tmp, 4);
	}
}

/* Han ideographs, including the extension blocks and compatibility forms. */
int
uc_is_han(int32_t c)
{
	return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) ||
	    (c >= 0xf900 && c <= 0xfaff) || (c >= 0x20000 && c <= 0x3134f) ||
	    (c >= 0x2e80 && c <= 0x2fdf) || c == 0x3007;
}

/* Punctuation that CJK text sets at full width. */
int
uc_is_cjk_punct(int32_t c)
{
	return (c >= 0x3000 && c <= 0x303f) || (c >= 0xff01 && c <= 0xff0f) ||
	    (c >= 0xff1a && c <= 0xff20) || (c >= 0xff3b && c <= 0xff40) ||
	    (c >= 0xff5b && c <= 0xff65) || c == 0x2014 || c == 0x2026 ||
	    (c >= 0x2018 && c <= 0x201f);
}

/*
 * A character after which a line break adds no space when rejoined.
 * Asked of every character rejoined: ASCII and the common Han block are
 * answered first.
 */
int
uc_is_cjk(int32_t c)
{
	if (c < 0x2014)
		return 0;
	if (c >= 0x4e00 && c <= 0x9fff)
		return 1;
	return uc_is_han(c) || uc_is_cjk_punct(c) ||
	    (c >= 0x3040 && c <= 0x30ff) || (c >= 0xac00 && c <= 0xd7af);
}

int
uc_is_space(int32_t c)
{
	return c == ' ' || c == '\t' || c == 0xa0 || c == 0x3000 ||
	    (c >= 0x2000 && c <= 0x200b) || c == 0x202f || c == 0x205f ||
	    c == 0xfeff;
}

/*
 * Full-width punctuation printed in labels is kept as printed: users search
 * for "（含外宾接待）" as it appears in the report.  Full-width digits,
 * letters and the ASCII-like signs around numbers are folded, because
 * "１２.５０" must read as the number it is.
 */
static int
keep_as_printed(int32_t c)
{
	switch (c) {
	case 0xff08: case 0xff09:	/* （ ） */
	case 0xff1a: case 0xff1b:	/* ： ； */
	case 0xff0c: case 0xff01:	/* ， ！ */
	case 0xff1f: case 0xff3b:	/* ？ ［ */
	case 0xff3d: case 0xff5b:	/* ］ ｛ */
	case 0xff5d: case 0xff5e:	/* ｝ ～ */
		return 1;
	}
	return uc_is_cjk_punct(c) && !(c >= 0xff01 && c <= 0xff5e) &&
	    c != 0x3000;
}

static int
needs_nfkc(int32_t c)
{
	if (c < 0xa0)
		return 0;
	if (c >= 0x4e00 && c <= 0x9fff)
		return 0;
	if (keep_as_printed(c))
		return 0;
	return 1;
}

/* How many bytes from s on need no normalising: ASCII and common Han. */
static size_t
as_is_run(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;

	while (i < n) {
		if (p[i] < 0x80 && p[i] != 0x0b && p[i] != 0x0c)
			i++;
		else if (p[i] >= 0xe4 && p[i] <= 0xe9 && i + 3 <= n &&
		    !(p[i] == 0xe4 && p[i + 1] < 0xb8))
			i += 3;
		else
			break;
	}
	return i;
}

/*
 * Append s to out in NFKC, character by character, except the full-width
 * punctuation kept as printed.  Unusual white space becomes a plain space;
 * tabs stay, since a tab-separated dump keeps its columns in them.
 */
void
uc_normalize(struct buf *out, const char *s, size_t n)
{
	utf8proc_int32_t dst[18];
	utf8proc_ssize_t k, j;
	int32_t c;
	size_t i = 0, len;
	int last = 0;

	while (i < n) {
		/* ASCII, and the common Han block (U+4E00..U+9FFF): as is. */
		len = as_is_run(s + i, n - i);
		buf_add(out, s + i, len);
		if ((i += len) >= n)
			break;
		len = utf8_decode(s + i, n - i, &c);
		if (uc_is_space(c) && c != ' ' && c != '\t') {
			buf_addc(out, ' ');
		} else if (!needs_nfkc(c)) {
			buf_add(out, s + i, len);
		} else {
			k = utf8proc_decompose_char(c, dst, 18,
			    UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT, &last);
			if (k <= 0 || k > 18) {
				buf_add(out, s + i, len);
			} else {
				k = utf8proc_normalize_utf32(dst, k,
				    UTF8PROC_COMPOSE);
				for (j = 0; j < k; j++)
					utf8_encode(out, dst[j]);
			}
		}
		i += len;
	}
}

/* A copy of s with runs of white space folded to one space and trimmed. */
char *
uc_squeeze_space(const char *s)
{
	struct buf b = BUF_INIT;
	int space = 0;

	for (; *s; s++) {
		if (*s == ' ' || *s == '\t') {
			space = b.len > 0;
			continue;
		}
		if (space)
			buf_addc(&b, ' ');
		space = 0;
		buf_addc(&b, *s);
	}
	return buf_detach(&b);
}
