/*
 * tablecode.h - the code of a table that prints none.
 *
 * Reports number their tables (预算03表), but some print the numbers on
 * a few tables only.  The code given to an unnumbered table says where it
 * came from, best evidence first:
 *
 *   contents   the report's own table of contents lists the title at
 *              that ordinal (三、部门支出预算表 -> 预算03表)
 *   sequence   the table follows a numbered one of the same set
 *              (after 预算10表 comes 预算11表)
 *   family     the code the family has in most reports
 */
#ifndef RETABLE_TABLECODE_H
#define RETABLE_TABLECODE_H

#include "family.h"
#include "textrules.h"

struct tocentry {
	char	*key;
	int	 ordinal;
};

struct tablecodes {
	struct tocentry	*toc;
	int		 ntoc;
	char		 prefix[32];	/* of the last printed code: 预算 */
	int		 last;		/* its number */
};

void	 tablecode_reset(struct tablecodes *);
void	 tablecode_prose(struct tablecodes *, struct textrules *,
	    const char *);
const char *tablecode_infer(struct tablecodes *, const char *printed,
	    const char *title, const struct family *, char *out, size_t);
int	 chinese_numeral(const char *, size_t);

#endif
