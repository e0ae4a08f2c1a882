/*
 * utf8.h - the few Unicode facts the stages need.
 *
 * Validation and decoding are done here by hand because they sit on every
 * byte of input; normalisation goes through utf8proc, but only for the rare
 * characters that NFKC changes, so ASCII and common Han text never leave
 * the fast path.
 */
#ifndef RETABLE_UTF8_H
#define RETABLE_UTF8_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"

int	 utf8_valid(const char *, size_t, size_t *badpos);
void	 utf8_encode(struct buf *, int32_t);
size_t	 utf8_last(const char *, size_t, int32_t *);
size_t	 utf8_count(const char *, size_t);

int	 uc_is_han(int32_t);
int	 uc_is_cjk(int32_t);
int	 uc_is_cjk_punct(int32_t);
int	 uc_is_space(int32_t);

void	 uc_normalize(struct buf *, const char *, size_t);
char	*uc_squeeze_space(const char *);

size_t	 utf8_decode_rest(const char *, size_t, int32_t *);

/*
 * Decode one character of valid UTF-8; returns its length in bytes (0 at
 * the end).  Input is assumed valid: lineio checked it on the way in.
 * The text stages decode character by character, so ASCII and the
 * three-byte characters (Han, full-width forms) are decoded inline.
 */
static inline size_t
utf8_decode(const char *s, size_t n, int32_t *cp)
{
	const unsigned char *p = (const unsigned char *)s;

	if (n >= 1 && p[0] < 0x80) {
		*cp = p[0];
		return 1;
	}
	if (n >= 3 && p[0] >= 0xe0 && p[0] < 0xf0) {
		*cp = (p[0] & 0x0f) << 12 | (p[1] & 0x3f) << 6 | (p[2] & 0x3f);
		return 3;
	}
	return utf8_decode_rest(s, n, cp);
}

#endif
