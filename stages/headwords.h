/*
 * headwords.h - a header rebuilt from its printed words alone.
 *
 * A table no family describes, dumped without geometry, still prints its
 * header: "Program FY 2023 Variance" over "Budget Actual".  The words are
 * cut into cells (a capitalised word or a Han word starts one, a
 * lower-case word, a year or a bracket goes on with it, a line beginning
 * in lower case goes on with the cell above), the bottom line gives the
 * leaves, and the count of amount columns says how many cells above
 * stand over several leaves: "FY 2023" over Budget and Actual.
 */
#ifndef RETABLE_HEADWORDS_H
#define RETABLE_HEADWORDS_H

struct hcell {
	int	 row, col, rowspan, colspan;
	char	*text;
};

struct headwords {
	struct hcell	*cells;
	int		 ncells;
	int		 rows;		/* header rows */
	char		**paths;	/* per column, "/" between levels */
	int		 ncols;
};

/*
 * Lay out the header of a table with nlabels label columns followed by
 * namounts amount columns.  Returns 1 when the words fit those columns,
 * 0 (and nothing to free) when they do not.
 */
int	 headwords_build(struct headwords *, const char *const *lines,
	    int nlines, int nlabels, int namounts);
void	 headwords_free(struct headwords *);

#endif
