/*
 * test_geomcap.c - a caption wrapped in a narrow spreadsheet cell, read
 * down the cell; lines merely stacked, or set further apart, stay apart.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "geomcap.h"
#include "tap.h"

#define MAXS	16

static struct tspan spans[MAXS];
static int nspans;

static int
span(double x0, double y0, double x1, double y1, const char *text)
{
	struct tspan *s = &spans[nspans];

	memset(s, 0, sizeof(*s));
	s->page = 1;
	s->x0 = x0;
	s->y0 = y0;
	s->x1 = x1;
	s->y1 = y1;
	s->size = y1 - y0;
	s->font = (char *)"F";
	s->text = (char *)text;
	return nspans++;
}

/* A line of one span, as glines_build would make it. */
static struct gline
line_of(int *idx, int s)
{
	struct gline l;

	memset(&l, 0, sizeof(l));
	idx[0] = s;
	l.spans = idx;
	l.n = 1;
	l.top = spans[s].y0;
	l.bottom = spans[s].y1;
	l.left = spans[s].x0;
	l.right = spans[s].x1;
	l.cy = (l.top + l.bottom) / 2;
	l.height = l.bottom - l.top;
	l.page = 1;
	return l;
}

static void
title_wrapped_in_a_cell_reads_whole(void)
{
	int idx[3];
	struct gline l[3];
	struct buf b = BUF_INIT;

	nspans = 0;
	/* Centred in a cell 100 points wide, lines 12 apart at size 11. */
	l[0] = line_of(&idx[0], span(100, 100, 200, 111, "2021年行政（事业"));
	l[1] = line_of(&idx[1], span(100, 112, 200, 123, "）单位机构运行经"));
	l[2] = line_of(&idx[2], span(125, 124, 175, 135, "费预算表"));
	ok(gcap_continues(spans, &l[0], &l[1]), "a full line goes on below");
	ok(gcap_continues(spans, &l[1], &l[2]),
	    "a shorter line, centred under it, goes on too");
	gcap_text(spans, l, 0, 3, &b);
	is_str(buf_str(&b), "2021年行政（事业）单位机构运行经费预算表",
	    "the cell's lines read as one title");
	buf_free(&b);
}

static void
unit_wrapped_reads_whole(void)
{
	int idx[2];
	struct gline l[2];
	struct buf b = BUF_INIT;

	nspans = 0;
	l[0] = line_of(&idx[0], span(400, 80, 440, 90, "单位：万"));
	l[1] = line_of(&idx[1], span(400, 91, 410, 101, "元"));
	ok(gcap_continues(spans, &l[0], &l[1]), "left-aligned piece goes on");
	gcap_text(spans, l, 0, 2, &b);
	is_str(buf_str(&b), "单位：万元", "the unit is whole again");
	buf_free(&b);
}

static void
lines_apart_or_wider_stay_apart(void)
{
	int idx[4];
	struct gline l[4];

	nspans = 0;
	l[0] = line_of(&idx[0], span(100, 100, 200, 111, "部门名称：某局"));
	/* The next row of a table: a full line height further down. */
	l[1] = line_of(&idx[1], span(100, 122, 200, 133, "单位：万元"));
	ok(!gcap_continues(spans, &l[0], &l[1]),
	    "a line set a row's leading below is not the same cell");
	/* Tight below, but wider than the line above: not the same cell. */
	l[2] = line_of(&idx[2], span(100, 100, 150, 111, "收入"));
	l[3] = line_of(&idx[3], span(100, 112, 260, 123, "一般公共预算拨款收入合计"));
	ok(!gcap_continues(spans, &l[2], &l[3]),
	    "a line wider than the one above is not its cell's next line");
}

static void
lines_of_other_pages_stay_apart(void)
{
	int idx[2];
	struct gline l[2];

	nspans = 0;
	l[0] = line_of(&idx[0], span(100, 100, 200, 111, "2021年部门"));
	l[1] = line_of(&idx[1], span(100, 112, 200, 123, "收支总表"));
	l[1].page = 2;
	ok(!gcap_continues(spans, &l[0], &l[1]),
	    "a line on the next page does not go on with this one");
}

int
main(void)
{
	title_wrapped_in_a_cell_reads_whole();
	unit_wrapped_reads_whole();
	lines_apart_or_wider_stay_apart();
	lines_of_other_pages_stay_apart();
	return tap_done();
}
