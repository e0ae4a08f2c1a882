/*
 * pageorder.h - a dumped page's lines in the order a reader sees them.
 *
 * pdftotext -raw follows the order things were drawn, not read.  A page
 * made from a spreadsheet draws its table's rows first and the title rows
 * (code, title) after them, then the header cells that wrap; read in that
 * order the caption would seem to announce whatever comes next.  Given a
 * page whose first code or title line comes after rows of the table, this
 * puts the caption back in front and the wrapped header words back with
 * the header.  A page that prints the title first but draws the code
 * after the rows gets the code back beside its title.  Pages drawn in
 * reading order stay as they are.
 */
#ifndef RETABLE_PAGEORDER_H
#define RETABLE_PAGEORDER_H

#include "caption.h"

struct pageline {
	char		*raw;		/* the record, as read */
	size_t		 len;
	char		*text;		/* its text */
	long		 gap, page;	/* blank lines before it; its page */
	enum linekind	 kind;
	int		 data;		/* line_is_data */
	int		 anchor;	/* holds a code or a title */
	int		 has_code, has_title;
};

void	 pageorder_classify(struct textrules *, struct pageline *);
void	 pageorder_restore(const struct pageline *, int n, int *order);

#endif
