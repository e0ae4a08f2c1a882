/*
 * test_geomcols.c - the columns a table's words stand in: the cases each
 * technique of geomcols.c exists for.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "geomcols.h"
#include "tap.h"

#define MAXS	64

struct fixture {
	struct tspan	 s[MAXS];
	int		 ns;
};

static void
span(struct fixture *f, double x0, double y0, double x1, double y1,
    const char *text)
{
	struct tspan *s = &f->s[f->ns++];

	memset(s, 0, sizeof(*s));
	s->page = 1;
	s->x0 = x0;
	s->y0 = y0;
	s->x1 = x1;
	s->y1 = y1;
	s->size = y1 - y0;
	s->font = (char *)"F";
	s->text = (char *)text;
	s->part = 2;
}

/* The text columns of all the fixture's spans. */
static int
columns(const struct fixture *f, struct ival **cols)
{
	struct gline *lines;
	int idx[MAXS], i, nl, nc;

	for (i = 0; i < f->ns; i++)
		idx[i] = i;
	nl = glines_build(f->s, idx, f->ns, &lines);
	nc = gcols_find(f->s, lines, nl, cols);
	glines_free(lines, nl);
	return nc;
}

/* The column holding x, or -1. */
static int
column_at(const struct ival *cols, int n, double x)
{
	int i;

	for (i = 0; i < n; i++)
		if (x >= cols[i].lo && x <= cols[i].hi)
			return i;
	return -1;
}

/*
 * 人员经费 over 工资福利支出 and 对个人和家庭的补助 (budget-07): the
 * heading overlaps the words of both columns, but ends short of the
 * second column's numbers, so no line prints words on both sides of a
 * gap it covers whole.  It still leaves the two columns apart.
 */
static void
heading_bridging_two_columns_stays_out(void)
{
	struct fixture f = { 0 };
	struct ival *cols;
	int n, a, b;

	span(&f, 527.6, 124, 561.6, 135, "人员经费");
	span(&f, 511.8, 142, 545.8, 153, "工资福利");
	span(&f, 553.2, 148, 578.7, 159, "对个人");
	span(&f, 522.0, 170, 547.9, 181, "543.71");
	span(&f, 563.0, 170, 579.5, 181, "2.71");
	span(&f, 522.0, 190, 547.9, 201, "393.11");
	span(&f, 563.0, 190, 579.5, 201, "1.20");
	n = columns(&f, &cols);
	a = column_at(cols, n, 535);
	b = column_at(cols, n, 571);
	is_int(n, 2, "two columns under the heading");
	ok(a >= 0 && b >= 0 && a != b,
	    "543.71 and 2.71 stand in different columns");
	free(cols);
}

/*
 * 本年收入 over two empty columns printed one character per line, the
 * characters of the two columns staggered so that no line holds both:
 * words on two lines are a column as much as numbers are.
 */
static void
heading_over_stacked_empty_columns_stays_out(void)
{
	struct fixture f = { 0 };
	struct ival *cols;
	int n;

	span(&f, 466.8, 124, 500.8, 135, "本年收入");
	span(&f, 489.0, 154, 497.5, 165, "国");
	span(&f, 467.7, 160, 476.2, 171, "政");
	span(&f, 489.0, 166, 497.5, 177, "有");
	span(&f, 467.7, 172, 476.2, 183, "府");
	span(&f, 420.0, 200, 459.0, 211, "1040.63");
	span(&f, 420.0, 217, 459.0, 228, "474.45");
	n = columns(&f, &cols);
	ok(column_at(cols, n, 472) != column_at(cols, n, 493),
	    "政府… and 国有… are two columns");
	free(cols);
}

/*
 * A long label of the body reaching under a header cell's two lines of
 * words (部门预算支出经济分类科目 over 科目名称, budget-04) bridges
 * nothing: the words it reaches are above it, not under it.
 */
static void
long_label_under_header_words_keeps_its_column(void)
{
	struct fixture f = { 0 };
	struct ival *cols;
	int n;

	span(&f, 207.6, 304, 327.6, 317, "部门预算支出经济分类科目");
	span(&f, 281.9, 326, 321.9, 339, "科目名称");
	span(&f, 141.1, 358, 161.1, 371, "水费");
	span(&f, 141.1, 375, 171.1, 388, "邮电费");
	span(&f, 141.1, 391, 231.1, 404, "公务用车运行维护费");
	span(&f, 141.1, 407, 201.1, 420, "其他交通费用");
	n = columns(&f, &cols);
	ok(column_at(cols, n, 150) == column_at(cols, n, 225),
	    "the long label's column is the short labels' column");
	free(cols);
}

int
main(void)
{
	heading_bridging_two_columns_stays_out();
	heading_over_stacked_empty_columns_stays_out();
	long_label_under_header_words_keeps_its_column();
	return tap_done();
}
