/*
 * textrow.h - the parts of rebuilding a table from text, as they share
 * one table's state: its tokens and lines (texttokens.c), the sides of a
 * two-sided or side-by-side table (textsides.c), the body lines gathered
 * into rows (textgather.c), the header rows a text prints (textheadrows.c),
 * the words of a row fitted to its columns (textfit.c), and the table put
 * together (textrows.c).
 */
#ifndef RETABLE_TEXTROW_H
#define RETABLE_TEXTROW_H

#include "grid.h"
#include "layout.h"
#include "number.h"
#include "textrules.h"
#include "tinput.h"

enum tkind { TK_NUM, TK_TEXT };

struct token {
	char		*text;
	enum tkind	 kind;
	struct num	 num;
	int		 plain;		/* digits only: a code, a 行次, or 131 */
};

struct lrow {
	struct token	*t;
	int		 n;
	long		 page;
	int		 lone_amount;	/* its last line was one amount alone */
};

struct tb {
	struct grid	*g;
	struct textrules *tr;
	struct layout	 l;
	struct lrow	*rows;
	int		 nrows;
	int		 decimals;
	int		 totalspan;
	int		 total_col;	/* where a total's label goes, or -1 */
	int		 cell_lines;	/* the dump prints a cell or two a line */
	int		 last_int[2];	/* two sides a cell a line: the 行次
					   each side printed last */
	int		 marker_sides;	/* a lone marker printed per side */
	const char	*numbering[16];	/* lines a lone marker's numbers were */
	int		 nnumbering;
	signed char	*whole_rows;	/* repair: row k whole, or -1 unknown */
	char		**parents;	/* codes that head others' (208) */
	int		 nparents;
};

/*
 * The lines above the first coded body line.  A dump with one cell per
 * line mixes there, in no fixed order, the header's words, the 栏次 row
 * and the pieces of the total row.
 */
struct prelines {
	const char	**text;
	int		  n;
};

/* The table's lines with the body begun where its first code is. */
struct moved {
	struct tinput	 in;
	struct tline	*body;
};

/* texttokens.c: a line's words, numbers told apart. */
void	 tokenize(struct lrow *, const char *);
void	 free_row(struct lrow *);
int	 is_amount(const struct token *);
int	 is_code_token(const struct token *);
int	 is_small_int(const struct token *);
int	 has_kind(const struct lrow *, int text);
int	 has_code(const struct lrow *);
int	 has_small_int(const struct lrow *);
int	 only_amounts(const struct lrow *);
int	 starts_with_code(const struct lrow *);
int	 count_amounts(const struct lrow *);
int	 trailing_numbers(const struct lrow *);

/* textsides.c: which side of the table each word is on. */
int	 amount_columns(const struct layout *);
int	 side_cols(const struct tb *, int side, enum coltype, int *cols);
int	 first_col_of_side(const struct tb *, int side);
int	 sides_by_code(const struct tb *);
int	 side_named(const struct tb *, int side, const char *);
int	 label_side(struct tb *, const char *label, int tokens_before);
void	 assign_sides(struct tb *, const struct lrow *, int *side);

/* textgather.c: the body lines gathered into rows. */
void	 body_from_first_code(const struct tb *, const struct tinput *,
	    struct moved *);
int	 cells_a_line(const struct tinput *);
void	 gather_rows(struct tb *, const struct tinput *);
void	 own_body(struct moved *);
void	 drop_body_line(struct moved *, int);
void	 drop_words_among_amounts(const struct tb *, struct moved *);
int	 holds_header_words(const struct tb *, const char *);
void	 total_before_header_words(struct tb *, struct moved *);
void	 drop_header_cells(const struct tb *, struct moved *);
void	 first_side_from_head(struct tb *, const struct tinput *);
void	 drop_repeated_header(const struct tb *, struct moved *,
	    const char *marker);

/* textheadrows.c: the 栏次 row, a numbering row, a first row's pieces. */
void	 prelines_get(struct prelines *, const struct tinput *);
void	 marker_after_rows(struct prelines *, struct moved *,
	    const char *marker);
int	 marker_row(struct tb *, const struct prelines *, const char *marker);
void	 numbering_row(struct tb *, const struct prelines *, struct moved *);
void	 drop_numbering_lines(struct tb *, struct moved *);
void	 merge_rows_above_codes(struct tb *);
void	 total_label_above(struct tb *, const struct prelines *,
	    const char *marker);
void	 orphan_labels(struct tb *, const struct tinput *);
void	 total_label_in_head(struct tb *, const struct tinput *);

/* textfit.c: a row's words in the columns they fit. */
int	 looks_like_text_cell(const struct tb *, const struct token *,
	    int side);
void	 place_words(struct tb *, const struct token *, int nt, int side,
	    int row, long page);
void	 put_cell(struct tb *, int row, int col, const char *, long page);
void	 span_label(struct tb *, int row, int side);
void	 move_label(struct tb *, int row, int side, int to);

/* textrepair.c: rows a dump broke apart, put together by their arithmetic. */
void	 repair_rows(struct tb *);
int	 row_whole(struct tb *, const struct lrow *);

/* textblocks.c: labels printed as a block before the table's numbers. */
int	 labels_before_amounts(struct tb *, const struct tinput *,
	    struct tinput *);
int	 labels_then_amount_rows(struct tb *, const struct tinput *);
void	 split_glued_headings(struct tb *);
void	 drop_header_pieces(const struct tb *, struct moved *);

/* textcodes.c: codes and text cells a dump printed away from their rows. */
void	 codes_to_rows_above(struct tb *);
void	 late_text_cells(struct tb *);
void	 late_block_names(struct tb *);

/* textheader.c: the header's words, found again where the dump left them. */
char	*text_header(struct textrules *, const struct family *,
	    const struct tinput *, int cell_lines);

/* textrows.c */
int	 row_is_total(struct tb *, const struct lrow *);
void	 find_parent_codes(struct tb *);

#endif
