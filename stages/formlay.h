/*
 * formlay.h - a form's grid as a dump's lines are laid out on it.
 *
 * Cells are placed on the last row, left to right, and may be continued
 * (a wrapped text); what the reading of the lines needs to remember
 * between lines lives here too, so that textform.c (the form's rows and
 * grids) and formrows.c (rows over lines, the header) share one state.
 */
#ifndef RETABLE_FORMLAY_H
#define RETABLE_FORMLAY_H

#include "form.h"
#include "grid.h"
#include "textrules.h"

struct pcell {
	const struct fline *from;	/* the form line it is a cell of */
	int		 row, col, span, down, header;
	enum fcell_kind	 kind;
	struct buf	 text;
	int		 first_width;	/* of its first fragment */
	int		 last_width;	/* of its last */
};

struct lay {
	const struct forms *fs;
	const struct form *f;
	struct textrules *tr;
	struct pcell	*cells;
	int		 ncells;
	long		*rowpage;
	int		 nrows;
	int		 header_rows;
	int		 lastcol;	/* rightmost column of the row so far */
	int		 line;		/* the form line in use, or -1 */
	int		 next;		/* a row line: its next cell to fill */
	int		 open;		/* a long cell lines go on, or -1 */
	int		 carry;		/* a label the next line goes on */
	char		**seen;		/* per form line: the line it began */
	char		**pending;	/* labels waiting for the row below */
	int		 npending;
	long		 page;		/* of the line being read */
	int		 top;		/* atop a page, before its first row */
	const char	*entity;	/* the department, from the caption */
	/* rows over lines (formrows.c) */
	struct buf	 name;		/* a name its value places */
	char		*lastword;	/* the name's last word */
	int		 rlast;		/* the row's last cell filled */
	int		 body;		/* a row has begun */
	char		*headtext;	/* the header's words, run together */
};

void	 lay_init(struct lay *, const struct forms *, const struct form *,
	    struct textrules *);
void	 lay_free(struct lay *);
void	 lay_new_row(struct lay *);
void	 lay_row_for(struct lay *, int);
struct pcell *lay_place(struct lay *, const struct fline *,
	    const struct fcell *, const char *);
struct pcell *lay_place_at(struct lay *, int, const struct fline *,
	    const struct fcell *, const char *);
void	 lay_append(struct pcell *, const char *);
struct pcell *lay_last_row_cell(struct lay *, int);
void	 lay_emit(struct lay *, struct grid *);

#endif
