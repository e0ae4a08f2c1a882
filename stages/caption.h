/*
 * caption.h - reading what is printed around a table, one line at a time.
 *
 * A table is announced by a caption block: its code (预算03表), title
 * (2023年部门支出预算表), entity (部门名称：…), unit (单位：万元) and year,
 * in whatever order and grouping the report prints them.  These functions
 * say what a line is; segment.c decides what the lines together mean.
 */
#ifndef RETABLE_CAPTION_H
#define RETABLE_CAPTION_H

#include <stddef.h>

#include "buf.h"
#include "textrules.h"

struct caption {
	char	*code;
	char	*title;
	char	*unit;
	char	*entity;
	int	 nlines;
};

enum linekind {
	LINE_TEXT,		/* nothing in particular */
	LINE_CAPTION,		/* code, title, unit, entity or year */
	LINE_NOTE,
	LINE_FURNITURE,
	LINE_SECTION
};

enum linekind caption_classify(struct textrules *, const char *, size_t);
void	 caption_memo(const struct textrules *);
int	 caption_read(struct textrules *, struct caption *, const char *,
	    size_t);
void	 caption_free(struct caption *);
void	 caption_move(struct caption *, struct caption *);
int	 caption_confirms(const struct caption *, int next_is_tabular);
int	 caption_continues(const struct caption *next,
	    const struct caption *open);

#define LINE_MAYBE_DATA	2

int	 line_is_data(struct textrules *, const char *, size_t);
int	 line_has_amount(const char *, size_t);
char	*squeeze_cjk_spaces(const char *, size_t);

#endif
