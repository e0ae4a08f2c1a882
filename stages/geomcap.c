/*
 * geomcap.c - caption text wrapped in narrow cells, read whole.
 *
 * A spreadsheet prints a report's caption in cells as narrow as the
 * table's columns, so a title, a department's name or "单位：万元" wraps
 * onto lines of their own: "2021年行政（事业" / "）单位机构运行经" /
 * "费预算表", "单位：万" / "元".  Read line by line, the pieces say
 * nothing (or the wrong thing, 单位：万); read down each cell they are
 * the caption again.  A line goes on with the line above when each of
 * its pieces sits right under a piece of it, set as tight as the lines
 * of one cell and aligned with it (left, right or centred), and no wider.
 */
#include <math.h>
#include <stdlib.h>

#include "geomcap.h"

/* Gap between two lines of one cell, in line heights, at most. */
#define CELL_LEADING	0.3

/* Does span b go on with span a, the line above it in one cell? */
static int
span_continues(const struct tspan *a, const struct tspan *b)
{
	double ha = span_height(a), hb = span_height(b), h = fmin(ha, hb);
	double a0, a1, b0, b1;

	span_core(a, &a0, &a1);
	span_core(b, &b0, &b1);
	if (b0 - a1 > CELL_LEADING * h || b0 < a1 - 0.5 * h)
		return 0;
	if (b->x1 - b->x0 > a->x1 - a->x0 + 2)
		return 0;
	return fabs(a->x0 - b->x0) < 2 || fabs(a->x1 - b->x1) < 2 ||
	    fabs(a->x0 + a->x1 - b->x0 - b->x1) < 4;
}

/* The span of line `above` that span s goes on with, or -1. */
static int
continued(const struct tspan *v, const struct gline *above,
    const struct tspan *s)
{
	int k;

	for (k = 0; k < above->n; k++)
		if (span_continues(&v[above->spans[k]], s))
			return above->spans[k];
	return -1;
}

int
gcap_continues(const struct tspan *v, const struct gline *above,
    const struct gline *line)
{
	int k;

	if (line->n == 0 || line->page != above->page)
		return 0;
	for (k = 0; k < line->n; k++)
		if (continued(v, above, &v[line->spans[k]]) < 0)
			return 0;
	return 1;
}

/*
 * The text of lines [from, to), each of lines from + 1 ... going on with
 * the one above: line `from`'s pieces in order, each followed down its
 * cell.
 */
void
gcap_text(const struct tspan *v, const struct gline *lines, int from,
    int to, struct buf *out)
{
	int k, i, m, at;

	buf_clear(out);
	buf_adds(out, "");
	for (k = 0; k < lines[from].n; k++) {
		if (k)
			buf_addc(out, ' ');
		buf_adds(out, v[lines[from].spans[k]].text);
		at = lines[from].spans[k];
		for (i = from + 1; i < to; i++) {
			for (m = 0; m < lines[i].n; m++)
				if (continued(v, &lines[i - 1],
				    &v[lines[i].spans[m]]) == at)
					break;
			if (m == lines[i].n)
				break;
			at = lines[i].spans[m];
			text_join(out, v[at].text);
		}
	}
}
