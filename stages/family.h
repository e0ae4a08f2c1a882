/*
 * family.h - table families, as rules/families.rules describes them.
 *
 * A family is the full header tree of one kind of table (部门支出预算表,
 * 支出决算表, ...), every variant's columns included, with what each
 * column holds and the arithmetic its rows obey.  layout.c picks from it
 * the columns one report actually prints.
 */
#ifndef RETABLE_FAMILY_H
#define RETABLE_FAMILY_H

#include "rules.h"

enum coltype {
	COL_CODE,		/* 208, 05, 2080505, 036001 */
	COL_LABEL,		/* the row's name: 行政运行, 合计 */
	COL_TEXT,		/* other words: 特定目标类, a unit's name */
	COL_INT,		/* 行次: a row number */
	COL_AMOUNT		/* money */
};

struct fam_level {
	char	**alts;		/* spellings seen, the first canonical */
	int	  nalts;
};

struct fam_col {
	struct fam_level *levels;
	int		  depth;
	char		 *canon;	/* first spellings joined by "/" */
	enum coltype	  type;
	struct regex	 *rx;		/* what a cell looks like, or NULL */
	int		  optional;
	int		  group;	/* filled together with, or -1 */
};

struct fam_sum {
	char	 *lhs;			/* canonical paths */
	char	**rhs;			/* "P/+" ending in a star: all under P */
	int	  nrhs;
};

struct fam_prefer {
	char		*codecol;
	struct regex	 rx;
	char		*amountcol;
};

struct fam_side {
	char		*col;
	struct regex	 rx;
};

struct family {
	char		 *name;
	struct regex	  title;
	char		 *code;
	char		 *like;
	struct fam_col	 *cols;
	int		  ncols;
	char		**stretch;
	int		  nstretch;
	char		 *marker;
	char		 *total;	/* the column a total's label is printed in */
	int		  spantotal;	/* a total's label spans the code columns */
	struct fam_sum	 *sums;
	int		  nsums;
	struct fam_prefer *prefers;
	int		  nprefers;
	struct fam_side	 *sides;
	int		  nsides;
	int		  ngroups;
};

struct families {
	struct family	*f;
	int		 n;
};

int	 families_load(struct families *, const struct rules *, struct buf *);
void	 families_free(struct families *);
const struct family *families_by_title(const struct families *,
	    const char *);
int	 families_all_by_title(const struct families *, const char *,
	    const struct family **, int);
const struct family *families_by_name(const struct families *,
	    const char *);
char	*family_title_key(const char *);

#endif
