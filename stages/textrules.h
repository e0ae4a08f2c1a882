/*
 * textrules.h - the pattern lists and the lexicon, compiled from rules/.
 *
 * patterns.rules and terms.rules are lists; this turns each [section] into
 * a list of compiled patterns the stages ask "does this line match, and
 * where is the group?", and the terms into a set of words.
 */
#ifndef RETABLE_TEXTRULES_H
#define RETABLE_TEXTRULES_H

#include <stddef.h>

#include "rules.h"

struct patlist {
	struct regex	*rx;
	int		 n;
	struct regex	 any;		/* all of them as one alternation */
	int		 has_any;
	char		**needs;	/* a match contains one of these */
	int		 nneeds;
};

/* "prev ~~ next": a line ending like prev continues with a line like next. */
struct joinrule {
	struct regex	 prev;
	struct regex	 next;
};

struct termset {
	char		**slot;		/* open addressing, NULL = empty */
	size_t		  cap;
	size_t		  n;
};

struct textrules {
	struct patlist	 code, title, not_title, unit, entity, caption_extra;
	struct patlist	 note, furniture, page_number, section, item, total;
	struct patlist	 of_which, contents;
	struct regex	 anchored_starts; /* item|total|note, one alternation */
	struct joinrule	*joins;
	int		 njoins;
	struct termset	 terms;
};

int	 textrules_load(struct textrules *, const struct rules *, struct buf *);
void	 textrules_free(struct textrules *);

int	 patlist_match(struct patlist *, const char *, size_t);
int	 textrules_starts_block(struct textrules *, const char *, size_t);
int	 patlist_group(struct patlist *, const char *, size_t, const char *,
	    size_t *, size_t *);

void	 termset_add(struct termset *, const char *, size_t);
int	 termset_has(const struct termset *, const char *, size_t);

#endif
