/*
 * textrows.h - rebuilding a table from text without geometry or tabs.
 *
 * Each body line is a row's words in order, blanks gone.  The family's
 * layout says which columns there are; codes and labels go to the columns
 * whose patterns they fit, amounts to the columns the solver chooses.
 */
#ifndef RETABLE_TEXTROWS_H
#define RETABLE_TEXTROWS_H

#include "family.h"
#include "grid.h"
#include "textrules.h"
#include "tinput.h"
#include "twins.h"

void	 textrows_build(struct grid *, struct textrules *,
	    const struct family *, const struct twins *,
	    const struct tinput *);
void	 textrows_generic(struct grid *, struct textrules *,
	    const struct tinput *);

#endif
