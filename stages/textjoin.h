/*
 * textjoin.h - deciding what a line break split, from the text alone.
 *
 * Pure functions on strings: dehyphenate asks them, the unit tests hold
 * them.  Widths are display columns (a Han character is two), because a
 * wrapped cell's lines are as wide as its column, whatever the script.
 */
#ifndef RETABLE_TEXTJOIN_H
#define RETABLE_TEXTJOIN_H

#include <stddef.h>

#include "buf.h"
#include "textrules.h"

int	 tj_width(const char *, size_t);
int	 tj_has_cjk(const char *, size_t);
int	 tj_number_tokens(const char *, size_t);
int	 tj_spaces(const char *, size_t);

void	 tj_fix_inline(struct buf *, const char *, size_t,
	    const struct termset *, int tabbed);
void	 tj_join_split_numbers(struct buf *);
void	 tj_join_letter_spacing(struct buf *, const struct termset *);

int	 tj_is_cell_text(struct textrules *, const char *, size_t);
int	 tj_joins_digits(struct textrules *, const char *, size_t,
	    const char *, size_t);
int	 tj_joins_wrapped_cell(int width_a, int first_width, int width_b);
int	 tj_ends_sentence(const char *, size_t);
int	 tj_joins_prose(struct textrules *, const char *, size_t, int,
	    const char *, size_t);
int	 tj_joins_key_value(const char *, size_t, int, const char *, size_t);
int	 tj_joins_hyphen(const char *, size_t, const char *, size_t);

#endif
