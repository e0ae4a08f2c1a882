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
size_t	 utf8_decode(const char *, size_t, int32_t *);
void	 utf8_encode(struct buf *, int32_t);
size_t	 utf8_last(const char *, size_t, int32_t *);
size_t	 utf8_count(const char *, size_t);

int	 uc_is_han(int32_t);
int	 uc_is_cjk(int32_t);
int	 uc_is_cjk_punct(int32_t);
int	 uc_is_space(int32_t);

void	 uc_normalize(struct buf *, const char *, size_t);
char	*uc_squeeze_space(const char *);

#endif
