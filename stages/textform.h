/*
 * textform.h - a form rebuilt from a text dump: its lines laid out on
 * the grid its description gives.
 *
 * Forms print no header over columns of amounts: their rows are boxes of
 * words.  The dump keeps each box's words in order but not where the box
 * was; the form's description says which boxes a line can hold, and the
 * words say which ones it does.
 */
#ifndef RETABLE_TEXTFORM_H
#define RETABLE_TEXTFORM_H

#include "form.h"
#include "grid.h"
#include "textrules.h"
#include "tinput.h"

const struct form *textform_find(const struct forms *, const struct tinput *);
void	 textform_build(struct grid *, struct textrules *,
	    const struct forms *, const struct form *, const struct tinput *);

#endif
