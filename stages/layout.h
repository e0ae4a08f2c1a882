/*
 * layout.h - one table's header, instantiated from its family.
 *
 * Given the words of a table's header block (however shredded: they are
 * compared with all white space removed), keep the family's nodes that
 * are printed, and lay them out as header cells with their spans.  The
 * result also says, per column, what its cells hold, and which columns
 * the family's arithmetic relates.
 */
#ifndef RETABLE_LAYOUT_H
#define RETABLE_LAYOUT_H

#include "family.h"

struct lcol {
	char		*path;		/* as printed, "/" between levels */
	char		*canon;		/* the family's canonical path */
	enum coltype	 type;
	struct regex	*rx;
	int		 group;
	int		 side;		/* which side of a two-sided table */
	int		 of_which;	/* 其中：... a part, not a summand */
};

struct lcell {
	int	 row, col, rowspan, colspan;
	char	*text;
};

struct lsum {
	int	 lhs;
	int	*rhs;
	int	 nrhs;
};

struct lprefer {
	int		 codecol;
	struct regex	*rx;
	int		 amountcol;
};

struct lside {
	int		 col;		/* the side's label column */
	struct regex	*rx;
};

struct layout {
	const struct family *fam;
	struct lcol	*cols;
	int		 ncols;
	struct lcell	*cells;
	int		 ncells;
	int		 tree_rows;	/* header rows, without a marker row */
	struct lsum	*sums;
	int		 nsums;
	struct lprefer	*prefers;
	int		 nprefers;
	struct lside	*sides;
	int		 nsides;
	int		 found;		/* leaves whose words the header prints */
	int		 missing;	/* leaves kept though not printed */
};

void	 layout_build(struct layout *, const struct family *,
	    const char *header);
void	 layout_free(struct layout *);
int	 layout_col_by_canon(const struct layout *, const char *);
int	 layout_fit(const struct layout *);
int	 layout_resolve_sums(struct layout *, const struct family *);

#endif
