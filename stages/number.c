/*
 * number.c - amounts as printed in reports, read exactly.
 */
#include <limits.h>
#include <string.h>

#include "number.h"

static int
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Skip a full-width or ASCII comma used as a thousands separator. */
static size_t
separator_len(const char *s, size_t n)
{
	if (n >= 1 && s[0] == ',')
		return 1;
	if (n >= 3 && memcmp(s, "\xef\xbc\x8c", 3) == 0)	/* ， */
		return 3;
	return 0;
}

/* A leading minus: ASCII, U+2212, or a full-width hyphen-minus. */
static size_t
minus_len(const char *s, size_t n)
{
	if (n >= 1 && s[0] == '-')
		return 1;
	if (n >= 3 && (memcmp(s, "\xe2\x88\x92", 3) == 0 ||
	    memcmp(s, "\xef\xbc\x8d", 3) == 0))
		return 3;
	return 0;
}

static int
add_digit(long long *m, char c)
{
	if (*m > (LLONG_MAX - 9) / 10)
		return -1;
	*m = *m * 10 + (c - '0');
	return 0;
}

/*
 * Read s[0..n) as a number.  Accepts an optional sign or parentheses,
 * digits with well-placed thousands separators, a decimal part and a
 * trailing percent sign; nothing else, not even surrounding space.
 * Returns 1 and fills *out, or 0.
 */
int
num_parse(const char *s, size_t n, struct num *out)
{
	size_t i = 0, k, group = 0, intdigits = 0;
	int neg = 0, paren = 0, seen_sep = 0, as_printed;
	long long m = 0;

	memset(out, 0, sizeof(*out));
	if (n > 0 && s[0] == '(') {
		paren = 1;
		i++;
	} else if (n > 0 && s[0] == '+') {
		i++;
	} else if ((k = minus_len(s, n)) > 0) {
		neg = 1;
		i += k;
	}
	if (i >= n || !is_digit(s[i]))
		return 0;
	/* Printed as the canonical text is, or to be rewritten. */
	as_printed = i == (size_t)neg && (s[i] != '0' || i + 1 == n ||
	    !is_digit(s[i + 1]));
	while (i < n) {
		if (is_digit(s[i])) {
			if (add_digit(&m, s[i]) == -1)
				return 0;
			group++;
			intdigits++;
			i++;
		} else if ((k = separator_len(s + i, n - i)) > 0) {
			/* 1,234,567: a first group of 1-3, then threes. */
			if ((seen_sep ? group != 3 : group > 3) || group == 0)
				return 0;
			seen_sep = 1;
			group = 0;
			i += k;
		} else
			break;
	}
	if (seen_sep && group != 3)
		return 0;
	if (i < n && s[i] == '.') {
		i++;
		if (i >= n || !is_digit(s[i]))
			return 0;
		while (i < n && is_digit(s[i])) {
			if (add_digit(&m, s[i]) == -1)
				return 0;
			out->decimals++;
			i++;
		}
	}
	if (paren) {
		if (i >= n || s[i] != ')')
			return 0;
		neg = 1;
		i++;
	}
	if (i < n && s[i] == '%') {
		out->percent = 1;
		i++;
	}
	if (i != n || out->decimals > 12 || intdigits == 0)
		return 0;
	out->mant = neg ? -m : m;
	out->grouped = seen_sep;
	if (as_printed && !seen_sep && !(neg && m == 0)) {
		/* "-7702.57", "0.05", "23%": already canonical. */
		memcpy(out->text, s, n);
		out->text[n] = '\0';
		return 1;
	}
	num_format_scaled(out->text, sizeof(out->text) - 1, out->mant,
	    out->decimals);
	if (out->percent)
		strcat(out->text, "%");
	return 1;
}

/*
 * Write mant / 10^decimals with exactly that many decimals.  By hand:
 * every number token of every line passes here.
 */
void
num_format_scaled(char *dst, size_t size, long long mant, int decimals)
{
	char digits[32], *p = digits + sizeof(digits);
	unsigned long long u;
	size_t n, o = 0, intlen;
	int i;

	u = mant < 0 ? 0ULL - (unsigned long long)mant : (unsigned long long)mant;
	for (i = 0; u || i <= decimals; i++) {
		*--p = (char)('0' + u % 10);
		u /= 10;
	}
	n = (size_t)(digits + sizeof(digits) - p);
	intlen = n - (size_t)decimals;
	if (size == 0)
		return;
	if (mant < 0 && o + 1 < size)
		dst[o++] = '-';
	for (i = 0; (size_t)i < intlen && o + 1 < size; i++)
		dst[o++] = p[i];
	if (decimals > 0 && o + 1 < size)
		dst[o++] = '.';
	for (; (size_t)i < n && o + 1 < size; i++)
		dst[o++] = p[i];
	dst[o] = '\0';
}

/* The value scaled to the given number of decimals (more, never fewer). */
long long
num_scale(const struct num *x, int decimals)
{
	long long m = x->mant;
	int d;

	for (d = x->decimals; d < decimals; d++)
		m *= 10;
	return m;
}

int
num_equal_within(long long a, long long b, long long tolerance)
{
	long long d = a - b;

	return (d < 0 ? -d : d) <= tolerance;
}

/* Digits only, as codes are printed: "208", "2080505", "036001". */
int
num_is_int_code(const char *s, size_t n)
{
	size_t i;

	if (n == 0)
		return 0;
	for (i = 0; i < n; i++)
		if (!is_digit(s[i]))
			return 0;
	return 1;
}
