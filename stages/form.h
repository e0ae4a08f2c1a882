/*
 * form.h - forms, as rules/forms.rules describes them.
 *
 * A form is not a grid of amounts under a header but a printed sheet of
 * boxes: key/value rows (部门名称 | the department), section labels down
 * the left edge, small grids of tasks or indicators with long wrapped
 * text.  Its description is the lines it prints, in order, each a row of
 * cells over the form's columns; textform.c lays a dump's lines out on
 * them.
 */
#ifndef RETABLE_FORM_H
#define RETABLE_FORM_H

#include "family.h"
#include "rules.h"

enum fcell_kind {
	FC_NONE,		/* "-": nothing printed in these columns */
	FC_WORD,		/* the words printed there: 部门名称 */
	FC_TEXT,		/* a value, up to the next word of the row */
	FC_LONG,		/* text wrapped over several lines */
	FC_KIND			/* a value of a kind: amount, rate, ... */
};

struct fkind {
	char		*name;
	struct regex	 rx;
};

struct fcell {
	enum fcell_kind	 kind;
	char		**alts;		/* FC_WORD: the spellings */
	int		  nalts;
	const struct fkind *fk;		/* of FC_KIND; of words FC_TEXT prefers */
	int		  col, span;
	int		  down;		/* spans rows below that leave it empty */
	int		  again;	/* printed again below, for the same row */
};

enum fline_type {
	FL_ROW,			/* a line printed once */
	FL_GRID,		/* lines printed any number of times */
	FL_HEAD,		/* a header row over the rows below */
	FL_ROWS			/* rows whose cells run on over lines */
};

struct fline {
	enum fline_type	 type;
	struct fcell	*cells;
	int		 ncells;
	int		 repeats;	/* a grid or rows: printed any times */
	int		 lineno;
};

struct form {
	struct family	 fam;		/* name and code for row-align */
	struct regex	 title;
	int		 ncols;
	struct fline	*lines;
	int		 nlines;
};

struct forms {
	struct form	*f;
	int		 n;
	struct fkind	*kinds;
	int		 nkinds;
	struct regex	 glue;		/* spaces inside a cell: "6 万元" */
	struct regex	 ends;		/* a fragment that ends a long text */
	struct regex	 begins;	/* one that cannot begin a text */
	struct regex	 opens;		/* a label the next line goes on */
	struct regex	 label;		/* a line that is a label, not text */
	struct regex	 longtext;	/* a token that is long text */
	int		 longwidth;	/* or one this wide (a Han char is 2) */
};

int	 forms_load(struct forms *, const struct rules *, struct buf *);
void	 forms_free(struct forms *);
int	 forms_all_by_title(const struct forms *, const char *,
	    const struct form **, int);
int	 fcell_matches(const struct fcell *, const char *);
int	 fcell_prefers(const struct fcell *, const char *);
int	 fcell_is_value(const struct fcell *);
int	 fcell_is_short(const struct fcell *);
int	 fline_word_cell(const struct fline *, const char *, int);
int	 fline_first_word(const struct fline *);
int	 fline_next_word(const struct fline *, int);
int	 fline_has_down_labels(const struct fline *);
int	 fline_names_rows(const struct fline *);
int	 fline_fits_kind(const struct fline *, const char *);
int	 fline_first_long(const struct fline *);
int	 fline_first_again(const struct fline *);
const struct fline *form_rows_line(const struct form *);

#endif
