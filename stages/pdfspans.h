/*
 * pdfspans.h - from a page's characters to its text spans.
 *
 * A span is a run of characters on one line with no wide gap: a table
 * cell's text, a phrase of prose.  row-align builds its columns from the
 * spans' x positions, so the boxes are the characters' own, and a gap a
 * reader sees as a column break, or a ruling between two characters,
 * always ends a span.
 */
#ifndef RETABLE_PDFSPANS_H
#define RETABLE_PDFSPANS_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "pdfrules.h"

/*
 * A gap wider than SPAN_GAP times the font size ends a span: wider than a
 * word space (0.25-0.35 em, justified lines stretch it a little), and
 * narrower than the padding between two table cells.  Between digits the
 * only space inside a cell is a thousands separator (at most a third of
 * an em), so a wider gap between two numbers means two columns.
 */
#define SPAN_GAP	0.8
#define SPAN_NUMBER_GAP	0.4
/* Chinese text sets a number off by a quarter em at most ("2023 年");
 * a number and CJK text further apart are in two cells.  Han characters
 * of one phrase touch, justified a little apart at most. */
#define SPAN_MIXED_GAP	0.4
#define SPAN_HAN_GAP	0.5
/* A gap wider than this (in em) inside a span is written as a space. */
#define SPAN_SPACE	0.12
/* Two copies of a glyph overlapping this much are one (fake bold). */
#define SPAN_DUP_OVERLAP 0.6

enum char_break {
	BREAK_NONE,
	BREAK_SPACE,
	BREAK_LINE
};

struct pdf_char {
	double		 x0, y0, x1, y1;
	double		 size;
	int32_t		 cp;
	int		 font;		/* index into the caller's font names */
	int		 brk;		/* what poppler put before it */
	size_t		 order;		/* position in poppler's text */
};

struct char_list {
	struct pdf_char	*v;
	size_t		 n;
	size_t		 cap;
};

struct span {
	double		 x0, y0, x1, y1;
	double		 size;
	int		 font;
	size_t		 text;		/* offset into span_list.text */
	size_t		 len;
};

struct span_list {
	struct span	*v;
	size_t		 n;
	size_t		 cap;
	struct buf	 text;
};

struct pdf_char *chars_add(struct char_list *);
int	 chars_upright_rotation(const struct char_list *);
void	 chars_rotate(struct char_list *, int degrees, double width,
	    double height);
void	 chars_free(struct char_list *);

void	 spans_build(struct char_list *, const struct ruling_set *,
	    struct span_list *);
const char *span_text(const struct span_list *, const struct span *);
void	 spans_clear(struct span_list *);
void	 spans_free(struct span_list *);

#endif
