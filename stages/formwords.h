/*
 * formwords.h - the words of a form's lines.
 *
 * A dump's line is cut into words at spaces, but not every space ends a
 * cell ("669.93 万元"), and not every cell is parted from the next by one
 * ("年初预算数全年预算数"): the form's rules say which are which.
 */
#ifndef RETABLE_FORMWORDS_H
#define RETABLE_FORMWORDS_H

#include "form.h"

struct fwords {
	char	**v;
	int	  n;
};

void	 fwords_split(struct fwords *, const char *);
void	 fwords_free(struct fwords *);
char	*fwords_join(const struct fwords *, int, int);
char	*fwords_unglue(const struct forms *, const char *);
void	 fwords_split_row_words(const struct form *, struct fwords *);
int	 ftext_width(const char *);
int	 ftext_is_long(const struct forms *, const char *);
int	 ftext_matches(const struct regex *, const char *);

#endif
