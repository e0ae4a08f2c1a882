/*
 * grid.h - a rebuilt table: columns, header and body cells, body rows.
 *
 * Every way row-align has of rebuilding a table (from geometry, from a
 * tab-separated dump, from a family's layout and arithmetic) ends in one
 * of these, and this is what it writes to the stream.
 */
#ifndef RETABLE_GRID_H
#define RETABLE_GRID_H

#include "family.h"
#include "stream.h"

enum rowkind { ROW_DATA, ROW_TOTAL };

struct gcol {
	char		*path;
	char		*canon;		/* the family's path, or NULL */
	enum coltype	 type;
	int		 group;		/* code columns filled together */
	int		 of_which;
};

struct gcell {
	int	 row, col, rowspan, colspan;
	int	 header;
	long	 page;
	int	 has_bbox;
	double	 bbox[4];
	char	*text;
};

struct grow {
	int		 row;
	long		 page;
	enum rowkind	 kind;
	int		 check;		/* -1 none applies, 0 ok, 1 failed */
	int		 ambiguous;	/* placements that fit equally well */
	struct buf	 failures;	/* one line per failed identity */
};

struct gsum {
	int	 lhs;
	int	*rhs;
	int	 nrhs;
};

struct gindex;

struct grid {
	struct gcol	*cols;
	int		 ncols;
	struct gcell	*cells;
	int		 ncells;
	struct grow	*rows;
	int		 nrows;
	int		 header_rows;
	struct gsum	*sums;
	int		 nsums;
	int		 passed, failed;
	char		*family;
	char		*code;		/* inferred from the family when unprinted */
	char		*notes;		/* the table's notes, one per line */
	const char	*code_from;	/* printed, contents, sequence, family */
	struct gindex	*index;		/* grid_cell's, built on first use */
	int		 capcols, capcells, caprows; /* room in the arrays */
};

void	 grid_init(struct grid *);
void	 grid_free(struct grid *);
int	 grid_add_col(struct grid *, const char *path, enum coltype);
struct gcell *grid_add_cell(struct grid *, int row, int col, int rowspan,
	    int colspan, int header, const char *text);
struct grow *grid_add_row(struct grid *, int row, long page);
void	 grid_add_sum(struct grid *, int lhs, const int *rhs, int nrhs);
/*
 * The cell that starts at (row, col), the first added if several do, in
 * time independent of the table's size.  A caller may move a cell to
 * another column or reorder g->cells; it must not change a cell's row.
 */
const char *grid_text(const struct grid *, int row, int col);
struct gcell *grid_cell(struct grid *, int row, int col);
void	 grid_emit(const struct grid *, struct buf *, long number,
	    const struct rec *table);

#endif
