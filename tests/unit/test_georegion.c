/*
 * test_georegion.c - finding the tables on a page: ruled figures, stacked
 * level rules, aligned text, and what is not a table.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "georegion.h"
#include "tap.h"

#define MAXS	256
#define MAXR	256

struct page {
	struct tspan	 s[MAXS];
	int		 ns;
	struct trule	 r[MAXR];
	int		 nr;
};

static void
span(struct page *p, double x0, double y0, double x1, double y1,
    const char *text)
{
	struct tspan *s = &p->s[p->ns++];

	memset(s, 0, sizeof(*s));
	s->page = 1;
	s->x0 = x0;
	s->y0 = y0;
	s->x1 = x1;
	s->y1 = y1;
	s->size = y1 - y0;
	s->font = (char *)"F";
	s->text = (char *)text;
}

static void
rule(struct page *p, double x0, double y0, double x1, double y1)
{
	struct trule *r = &p->r[p->nr++];

	r->page = 1;
	r->x0 = x0;
	r->y0 = y0;
	r->x1 = x1;
	r->y1 = y1;
	r->width = 0.5;
}

/* A ruled grid at x with rows of a label and a number, `rows` deep. */
static void
grid(struct page *p, double x, double y, int rows, double width)
{
	static const char *labels[] = { "Spain", "Germany", "France", "Italy",
	    "Greece", "Malta" };
	static const char *numbers[] = { "268", "233", "136", "92", "22",
	    "5" };
	int i;

	for (i = 0; i <= rows; i++)
		rule(p, x, y + 12 * i, x + width, y + 12 * i);
	rule(p, x, y, x, y + 12 * rows);
	rule(p, x + width * 0.7, y, x + width * 0.7, y + 12 * rows);
	rule(p, x + width, y, x + width, y + 12 * rows);
	for (i = 0; i < rows; i++) {
		span(p, x + 2, y + 12 * i + 2, x + 40, y + 12 * i + 10,
		    labels[i % 6]);
		span(p, x + width - 20, y + 12 * i + 2, x + width - 4,
		    y + 12 * i + 10, numbers[i % 6]);
	}
}

static int
find(const struct page *p, struct gregion **out)
{
	struct gpageview pv;
	struct gline *lines;
	enum lineclass cls[MAXS];
	int idx[MAXS], i, n, nl;

	for (i = 0; i < p->ns; i++)
		idx[i] = i;
	nl = glines_build(p->s, idx, p->ns, &lines);
	for (i = 0; i < nl; i++)
		cls[i] = LC_TEXT;
	memset(&pv, 0, sizeof(pv));
	pv.spans = p->s;
	pv.nspans = p->ns;
	pv.lines = lines;
	pv.nlines = nl;
	pv.cls = cls;
	pv.rules = p->r;
	pv.nrules = p->nr;
	pv.page = 1;
	pv.width = 595;
	pv.height = 842;
	n = regions_find(&pv, out);
	glines_free(lines, nl);
	return n;
}

/* Three ruled grids side by side, a gap between them: three tables. */
static void
side_by_side_tables_split(void)
{
	struct page *p = calloc(1, sizeof(*p));
	struct gregion *r;
	int n;

	grid(p, 50, 100, 6, 110);
	grid(p, 175, 100, 6, 110);
	grid(p, 300, 100, 6, 110);
	n = find(p, &r);
	is_int(n, 3, "three grids apart are three tables");
	ok(n == 3 && r[0].x1 < r[1].x0 && r[1].x1 < r[2].x0,
	    "read left to right");
	free(r);
	free(p);
}

/*
 * One grid holding three blocks of label | amount side by side (the
 * 三块 基本支出决算明细表) is one table.
 */
static void
three_blocks_in_one_grid_are_one_table(void)
{
	struct page *p = calloc(1, sizeof(*p));
	struct gregion *r;
	int i, n;

	grid(p, 50, 100, 6, 110);
	grid(p, 160, 100, 6, 110);
	grid(p, 270, 100, 6, 110);
	for (i = 0; i <= 6; i++)
		rule(p, 50, 100 + 12 * i, 380, 100 + 12 * i);
	n = find(p, &r);
	is_int(n, 1, "rulings that touch are one table");
	free(r);
	free(p);
}

/*
 * The level rules of a 三线表 (top, under the header, bottom) with rows
 * between them are one table though no upright joins them.
 */
static void
three_line_table_found(void)
{
	struct page *p = calloc(1, sizeof(*p));
	struct gregion *r;
	int n, i;

	rule(p, 50, 100, 300, 100);
	rule(p, 50, 114, 300, 114);
	rule(p, 50, 170, 300, 170);
	span(p, 52, 102, 90, 112, "Variable");
	span(p, 200, 102, 230, 112, "Mean");
	span(p, 260, 102, 290, 112, "Max");
	for (i = 0; i < 4; i++) {
		span(p, 52, 116 + 13 * i, 100, 126 + 13 * i, "Married");
		span(p, 200, 116 + 13 * i, 230, 126 + 13 * i, "0.57");
		span(p, 260, 116 + 13 * i, 290, 126 + 13 * i, "1");
	}
	n = find(p, &r);
	is_int(n, 1, "one table");
	ok(n == 1 && r[0].y0 <= 100 && r[0].y1 >= 170,
	    "from the top rule to the bottom rule");
	free(r);
	free(p);
}

/*
 * A chart: its axis labels sit on its grid lines, which run through the
 * labels' middle.  Not a table.
 */
static void
chart_axis_is_no_table(void)
{
	struct page *p = calloc(1, sizeof(*p));
	static const char *ticks[] = { "450", "400", "350", "300", "250" };
	struct gregion *r;
	int n, i;

	rule(p, 100, 100, 100, 160);
	for (i = 0; i < 5; i++) {
		rule(p, 100, 100 + 12 * i, 300, 100 + 12 * i);
		span(p, 80, 95 + 12 * i, 95, 105 + 12 * i, ticks[i]);
		span(p, 320, 95 + 12 * i, 335, 105 + 12 * i, ticks[i]);
	}
	n = find(p, &r);
	is_int(n, 0, "grid lines through the labels: a chart");
	free(r);
	free(p);
}

/* Lines of aligned words and numbers without any rule: a table. */
static void
aligned_text_is_a_table(void)
{
	struct page *p = calloc(1, sizeof(*p));
	struct gregion *r;
	int n, i;

	span(p, 50, 80, 400, 90, "A paragraph of prose above the table.");
	for (i = 0; i < 5; i++) {
		span(p, 50, 100 + 12 * i, 120, 110 + 12 * i, "Portugal");
		span(p, 200, 100 + 12 * i, 230, 110 + 12 * i, "0.33");
		span(p, 280, 100 + 12 * i, 310, 110 + 12 * i, "0.51");
	}
	n = find(p, &r);
	is_int(n, 1, "one table");
	ok(n == 1 && r[0].y0 >= 95, "the prose above is not in it");
	free(r);
	free(p);
}

/* A bulleted list has two spans a line too, but is no table. */
static void
bullets_are_no_table(void)
{
	struct page *p = calloc(1, sizeof(*p));
	struct gregion *r;
	int n, i;

	for (i = 0; i < 5; i++) {
		span(p, 50, 100 + 12 * i, 55, 110 + 12 * i, "•");
		span(p, 70, 100 + 12 * i, 400, 110 + 12 * i,
		    "higher correlation levels for 2009 than 2008");
	}
	n = find(p, &r);
	is_int(n, 0, "a list");
	free(r);
	free(p);
}

/*
 * A lattice's last row alone at the top of a page (a continued table's
 * 住房公积金 line): one line in a ruled grid of many cells is a table.
 */
static void
one_row_lattice_is_a_table(void)
{
	struct page *p = calloc(1, sizeof(*p));
	struct gregion *r;
	int n, i;

	rule(p, 60, 50, 400, 50);
	rule(p, 60, 66, 400, 66);
	for (i = 0; i < 5; i++)
		rule(p, 60 + 85 * i, 50, 60 + 85 * i, 66);
	span(p, 65, 53, 80, 63, "221");
	span(p, 150, 53, 200, 63, "住房公积金");
	span(p, 240, 53, 265, 63, "41.63");
	span(p, 325, 53, 350, 63, "41.62");
	n = find(p, &r);
	is_int(n, 1, "one row in a grid of four cells: a table");
	free(r);
	free(p);
}

/* A frame around one line of words is no table. */
static void
framed_line_is_no_table(void)
{
	struct page *p = calloc(1, sizeof(*p));
	struct gregion *r;
	int n;

	rule(p, 60, 50, 400, 50);
	rule(p, 60, 66, 400, 66);
	rule(p, 60, 50, 60, 66);
	rule(p, 400, 50, 400, 66);
	span(p, 65, 53, 390, 63, "注：本表无数据 as of the end of 2023 only");
	n = find(p, &r);
	is_int(n, 0, "a framed line: no table");
	free(r);
	free(p);
}

/*
 * A chart: its axis, dashed grid lines, the axis labels left of the
 * axis on the grid lines, a legend of three lines of two names inside.
 * The legend is no table.
 */
static void
chart_legend_is_no_table(void)
{
	struct page *p = calloc(1, sizeof(*p));
	static const char *ticks[] = { "1200", "1000", "800", "600" };
	static const char *names[] = { "Greece", "Spain", "Ireland", "Italy",
	    "Portugal", "UK" };
	struct gregion *r;
	int n, i, k;

	rule(p, 143, 190, 143, 290);
	for (i = 0; i < 4; i++) {
		double y = 190 + 32 * i;

		rule(p, 140, y, 268, y);
		for (k = 0; k < 6; k++)
			rule(p, 270 + 30 * k, y, 298 + 30 * k, y);
		span(p, 119, y - 5, 135, y + 5, ticks[i]);
	}
	for (i = 0; i < 3; i++) {
		span(p, 185, 211 + 25 * i, 215, 220 + 25 * i, names[2 * i]);
		span(p, 254, 211 + 25 * i, 274, 220 + 25 * i,
		    names[2 * i + 1]);
	}
	n = find(p, &r);
	is_int(n, 0, "a legend among grid lines: no table");
	free(r);
	free(p);
}

/* A frame around five lines of labels beside their shares. */
static void
framed_lines(struct page *p)
{
	static const char *names[] = { "Total EU-12", "non-EU", "Unspecified",
	    "Total EU-15", "Other" };
	static const char *shares[] = { "13%", "8%", "14%", "65%", "1%" };
	int i;

	rule(p, 440, 230, 690, 230);
	rule(p, 440, 380, 690, 380);
	rule(p, 440, 230, 440, 380);
	rule(p, 690, 230, 690, 380);
	for (i = 0; i < 5; i++) {
		double y = 240 + 26 * i;

		span(p, 460, y, 500, y + 8, names[i]);
		span(p, 520, y, 535, y + 8, shares[i]);
		span(p, 620, y, 655, y + 8, names[4 - i]);
	}
}

/*
 * A pie chart in a frame (ICDAR eu-015): its title, each share printed
 * under its name, no line holding a name and a number.  No table.
 */
static void
framed_chart_labels_are_no_table(void)
{
	struct page *p = calloc(1, sizeof(*p));
	struct gregion *r;
	int n;

	rule(p, 442.43, 236.64, 688.55, 236.64);
	rule(p, 442.43, 374.40, 688.55, 374.40);
	rule(p, 442.43, 236.64, 442.43, 374.40);
	rule(p, 688.55, 236.64, 688.55, 374.40);
	span(p, 491.27, 246.96, 638.57, 259.44, "Free movement of persons /");
	span(p, 478.31, 270.30, 511.65, 277.26, "Unspecified");
	span(p, 543.95, 262.80, 586.07, 275.28, "workers");
	span(p, 488.99, 279.42, 501.03, 286.38, "14%");
	span(p, 459.11, 300.78, 480.08, 307.74, "non-EU");
	span(p, 465.35, 309.90, 473.86, 316.86, "8%");
	span(p, 460.67, 354.66, 493.61, 361.62, "Total EU-12");
	span(p, 621.47, 353.34, 654.41, 360.30, "Total EU-15");
	span(p, 471.11, 363.78, 483.14, 370.74, "13%");
	span(p, 631.91, 362.46, 643.94, 369.42, "65%");
	n = find(p, &r);
	is_int(n, 0, "shares under their names: a chart");
	free(r);
	free(p);
}

/* The same frame around labels beside their shares: a table. */
static void
framed_labels_with_numbers_are_a_table(void)
{
	struct page *p = calloc(1, sizeof(*p));
	struct gregion *r;
	int n;

	framed_lines(p);
	n = find(p, &r);
	is_int(n, 1, "labels beside their shares: a table");
	free(r);
	free(p);
}

int
main(void)
{
	side_by_side_tables_split();
	three_blocks_in_one_grid_are_one_table();
	three_line_table_found();
	chart_axis_is_no_table();
	aligned_text_is_a_table();
	bullets_are_no_table();
	one_row_lattice_is_a_table();
	framed_line_is_no_table();
	chart_legend_is_no_table();
	framed_chart_labels_are_no_table();
	framed_labels_with_numbers_are_a_table();
	return tap_done();
}
