/*
 * test_geomlayout.c - rebuilding a table's cells from span boxes and
 * ruling lines: the cases each technique of geomlayout.c, rowwrap.c and
 * geomgrid.c exists for.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "geomgrid.h"
#include "geomlayout.h"
#include "grid.h"
#include "tap.h"

#define MAXS	64
#define MAXR	64

struct fixture {
	struct tspan	 s[MAXS];
	int		 ns;
	struct trule	 r[MAXR];
	int		 nr;
};

static void
span(struct fixture *f, long page, double x0, double y0, double x1,
    double y1, const char *text)
{
	struct tspan *s = &f->s[f->ns++];

	memset(s, 0, sizeof(*s));
	s->page = page;
	s->x0 = x0;
	s->y0 = y0;
	s->x1 = x1;
	s->y1 = y1;
	s->size = y1 - y0;
	s->font = (char *)"F";
	s->text = (char *)text;
	s->part = 2;
}

static void
rule(struct fixture *f, long page, double x0, double y0, double x1, double y1)
{
	struct trule *r = &f->r[f->nr++];

	r->page = page;
	r->x0 = x0;
	r->y0 = y0;
	r->x1 = x1;
	r->y1 = y1;
	r->width = 0.5;
}

static void
layout(struct glayout *lay, const struct fixture *f, long page)
{
	int idx[MAXS], i, n = 0;

	for (i = 0; i < f->ns; i++)
		if (f->s[i].page == page)
			idx[n++] = i;
	glayout_build(lay, f->s, idx, n, f->r, f->nr, page, NULL, 0);
}

/* The text of the cell at (row, col), "" if empty, NULL if none. */
static const char *
text_at(const struct glayout *lay, int row, int col, struct buf *b)
{
	int id = glayout_cell_at(lay, row, col);

	if (id < 0)
		return NULL;
	glayout_cell_text(lay, &lay->cells[id], b);
	return buf_str(b);
}

static const struct lcell *
cell_at(const struct glayout *lay, int row, int col)
{
	int id = glayout_cell_at(lay, row, col);

	return id < 0 ? NULL : &lay->cells[id];
}

/*
 * A ruled header: the rule under the group heading stops short of the
 * first column, and the rule between the group's two columns starts
 * below the heading.  Missing rulings are merged cells.
 */
static void
merged_header_cells_from_missing_rulings(void)
{
	struct fixture f = { 0 };
	struct glayout lay;
	struct buf b = BUF_INIT;
	const struct lcell *c;

	rule(&f, 1, 0, 0, 300, 0);
	rule(&f, 1, 100, 20, 300, 20);		/* not over column 0 */
	rule(&f, 1, 0, 40, 300, 40);
	rule(&f, 1, 0, 60, 300, 60);
	rule(&f, 1, 0, 0, 0, 60);
	rule(&f, 1, 100, 0, 100, 60);
	rule(&f, 1, 200, 20, 200, 60);		/* not in row 0 */
	rule(&f, 1, 300, 0, 300, 60);
	span(&f, 1, 30, 15, 70, 25, "科目名称");	/* centred on rows 0-1 */
	span(&f, 1, 180, 5, 220, 15, "本年支出");
	span(&f, 1, 130, 25, 170, 35, "基本支出");
	span(&f, 1, 230, 25, 270, 35, "项目支出");
	span(&f, 1, 5, 45, 25, 55, "合计");
	span(&f, 1, 170, 45, 195, 55, "1.00");
	span(&f, 1, 270, 45, 295, 55, "2.00");
	layout(&lay, &f, 1);
	is_int(lay.nrows, 3, "three rows between four level rules");
	is_int(lay.ncols, 3, "three columns between four uprights");
	c = cell_at(&lay, 0, 0);
	ok(c && c->r0 == 0 && c->r1 == 1 && c->c0 == 0 && c->c1 == 0,
	    "no rule under column 0's heading: one cell over two rows");
	is_str(text_at(&lay, 0, 0, &b), "科目名称", "its text");
	c = cell_at(&lay, 0, 1);
	ok(c && c->c0 == 1 && c->c1 == 2 && c->r1 == 0,
	    "no upright in the top row: the heading spans both columns");
	is_str(text_at(&lay, 1, 2, &b), "项目支出", "the sub-heading keeps its own cell");
	is_str(text_at(&lay, 2, 2, &b), "2.00", "body cells under them");
	glayout_free(&lay);
	buf_free(&b);
}

/* A narrow header printed one character per line is one cell's text. */
static void
stacked_characters_joined(void)
{
	struct fixture f = { 0 };
	struct glayout lay;
	struct buf b = BUF_INIT;

	rule(&f, 1, 0, 0, 120, 0);
	rule(&f, 1, 0, 50, 120, 50);
	rule(&f, 1, 0, 70, 120, 70);
	rule(&f, 1, 0, 0, 0, 70);
	rule(&f, 1, 60, 0, 60, 70);
	rule(&f, 1, 120, 0, 120, 70);
	span(&f, 1, 10, 20, 50, 30, "项目");
	span(&f, 1, 85, 5, 95, 15, "小");
	span(&f, 1, 85, 17, 95, 27, "计");
	span(&f, 1, 80, 29, 100, 39, "金额");
	span(&f, 1, 5, 55, 40, 65, "行政运行");
	span(&f, 1, 85, 55, 115, 65, "1.00");
	layout(&lay, &f, 1);
	is_int(lay.nrows, 2, "the ruled header is one row");
	is_str(text_at(&lay, 0, 1, &b), "小计金额",
	    "stacked characters read top down, no spaces between CJK");
	glayout_free(&lay);
	buf_free(&b);
}

/*
 * Without rulings, a label wrapped onto a second line with nothing in
 * the amount columns belongs to the row above; a short label that fits
 * its column does not take the next line.
 */
static void
wrapped_label_joined(void)
{
	struct fixture f = { 0 };
	struct glayout lay;
	struct buf b = BUF_INIT;

	span(&f, 1, 10, 0, 130, 10, "机关事业单位基本养老保险");
	span(&f, 1, 200, 0, 230, 10, "52.00");
	span(&f, 1, 260, 0, 290, 10, "52.00");
	span(&f, 1, 10, 12, 50, 22, "缴费支出");
	span(&f, 1, 10, 26, 50, 36, "行政运行");
	span(&f, 1, 200, 26, 230, 36, "16.00");
	span(&f, 1, 260, 26, 290, 36, "16.00");
	span(&f, 1, 10, 40, 50, 50, "住房公积");
	span(&f, 1, 200, 40, 230, 50, "3.00");
	span(&f, 1, 260, 40, 290, 50, "3.00");
	layout(&lay, &f, 1);
	is_int(lay.nrows, 3, "four lines, three rows");
	is_str(text_at(&lay, 0, 0, &b), "机关事业单位基本养老保险缴费支出",
	    "the wrapped label is one cell");
	is_str(text_at(&lay, 1, 0, &b), "行政运行",
	    "a label that fits starts its own row");
	glayout_free(&lay);
	buf_free(&b);
}

/*
 * Cells centred in unruled rows: a label wrapped onto two lines, its
 * code and amounts half a line down, between them.  Each label's second
 * line fills its column as the first does, yet the next row's label
 * does not go on from it: the row is centred on its amounts (budget-03
 * 项目绩效目标表).
 */
static void
centred_amounts_close_their_row(void)
{
	struct fixture f = { 0 };
	struct glayout lay;
	struct buf b = BUF_INIT;

	span(&f, 1, 60, 0, 130, 10, "丰泽市梅岭区卫");
	span(&f, 1, 10, 6, 25, 16, "881");
	span(&f, 1, 200, 6, 230, 16, "327.03");
	span(&f, 1, 60, 12, 130, 22, "生健康委员会");
	span(&f, 1, 60, 26, 130, 36, "丰泽市梅岭区卫");
	span(&f, 1, 10, 32, 40, 42, "881001");
	span(&f, 1, 200, 32, 230, 42, "327.03");
	span(&f, 1, 60, 38, 130, 48, "生健康委员会");
	layout(&lay, &f, 1);
	is_int(lay.nrows, 2, "six lines, two rows");
	is_str(text_at(&lay, 0, 1, &b), "丰泽市梅岭区卫生健康委员会",
	    "the first row's label: the lines above and below its amounts");
	is_str(text_at(&lay, 1, 0, &b), "881001", "the second row's code");
	is_str(text_at(&lay, 1, 1, &b), "丰泽市梅岭区卫生健康委员会",
	    "the second row's label, whole");
	glayout_free(&lay);
	buf_free(&b);
}

/*
 * Under rows whose centring shows the leading of a cell's lines (12),
 * two lines set further apart (14) are two rows, though the second
 * would wrap the first in its column (budget-03 项目绩效目标表: 覆盖人数,
 * 完成数量 under the last project).
 */
static void
rows_set_wider_than_cell_leading(void)
{
	struct fixture f = { 0 };
	struct glayout lay;
	struct buf b = BUF_INIT;

	span(&f, 1, 60, 0, 130, 10, "丰泽市梅岭区卫");
	span(&f, 1, 10, 6, 25, 16, "881");
	span(&f, 1, 200, 6, 230, 16, "327.03");
	span(&f, 1, 60, 12, 130, 22, "生健康委员会");
	span(&f, 1, 60, 26, 130, 36, "丰泽市梅岭区卫");
	span(&f, 1, 10, 32, 40, 42, "881001");
	span(&f, 1, 200, 32, 230, 42, "327.03");
	span(&f, 1, 60, 38, 130, 48, "生健康委员会");
	span(&f, 1, 60, 52, 130, 62, "覆盖人数覆盖人数");
	span(&f, 1, 60, 66, 130, 76, "完成数量完成数量");
	layout(&lay, &f, 1);
	is_int(lay.nrows, 4, "two centred rows, then two rows of a line each");
	is_str(text_at(&lay, 3, 1, &b), "完成数量完成数量", "the last its own");
	glayout_free(&lay);
	buf_free(&b);
}

/*
 * A label of four lines beside a cell of two and an amount of one, all
 * centred: the amount straddles the middle lines, and the label's first
 * and last lines, as far above and below it, are the same row's.
 */
static void
centred_row_takes_mirrored_lines(void)
{
	struct fixture f = { 0 };
	struct glayout lay;
	struct buf b = BUF_INIT;

	span(&f, 1, 10, 0, 80, 10, "一二三四五六七");
	span(&f, 1, 10, 12, 80, 22, "八九十百千万亿");
	span(&f, 1, 100, 12, 150, 22, "甲乙丙丁戊");
	span(&f, 1, 200, 18, 230, 28, "13.89");
	span(&f, 1, 10, 24, 80, 34, "子丑寅卯辰巳午");
	span(&f, 1, 100, 24, 150, 34, "己庚辛壬癸");
	span(&f, 1, 10, 36, 60, 46, "未申酉戌");
	span(&f, 1, 10, 50, 50, 60, "行政运行");
	span(&f, 1, 100, 50, 130, 60, "合计");
	span(&f, 1, 200, 50, 230, 60, "16.00");
	layout(&lay, &f, 1);
	is_int(lay.nrows, 2, "six lines, two rows");
	is_str(text_at(&lay, 0, 0, &b),
	    "一二三四五六七八九十百千万亿子丑寅卯辰巳午未申酉戌",
	    "the four lines of the label are one cell");
	is_str(text_at(&lay, 1, 0, &b), "行政运行", "the next row apart");
	glayout_free(&lay);
	buf_free(&b);
}

/*
 * A three-line table's header: a short rule closes the group heading's
 * row over its two columns only; beside it a heading of three lines
 * runs on across where the rule would be.  One cell over both rows.
 */
static void
heading_crosses_short_rule(void)
{
	struct fixture f = { 0 };
	struct glayout lay;
	struct buf b = BUF_INIT;
	const struct lcell *c;

	rule(&f, 1, 0, 0, 300, 0);
	rule(&f, 1, 100, 22, 220, 22);		/* under FY 2022 only */
	rule(&f, 1, 0, 44, 300, 44);
	rule(&f, 1, 0, 80, 300, 80);
	span(&f, 1, 10, 16, 50, 28, "Function");
	span(&f, 1, 140, 4, 180, 16, "FY 2022");
	span(&f, 1, 240, 2, 290, 14, "Change i");
	span(&f, 1, 240, 14.5, 290, 26.5, "n actual");
	span(&f, 1, 255, 27, 275, 39, "(%)");
	span(&f, 1, 105, 28, 150, 40, "Budget");
	span(&f, 1, 170, 28, 215, 40, "Actual");
	span(&f, 1, 10, 50, 60, 62, "Water");
	span(&f, 1, 115, 50, 150, 62, "5,343");
	span(&f, 1, 180, 50, 215, 62, "5,237");
	span(&f, 1, 255, 50, 290, 62, "18.7%");
	span(&f, 1, 10, 64, 60, 76, "Fire");
	span(&f, 1, 115, 64, 150, 76, "7,376");
	span(&f, 1, 180, 64, 215, 76, "7,524");
	span(&f, 1, 255, 64, 290, 76, "4.9%");
	layout(&lay, &f, 1);
	c = cell_at(&lay, 0, lay.ncols - 1);
	ok(c && c->r0 == 0 && c->r1 == 1,
	    "the last column's heading spans both header rows");
	is_str(text_at(&lay, 0, lay.ncols - 1, &b), "Change i n actual (%)",
	    "its three lines");
	c = cell_at(&lay, 1, 1);
	ok(c && c->r0 == 1 && c->r1 == 1,
	    "under the short rule the rows stay apart");
	glayout_free(&lay);
	buf_free(&b);
}

/* Four rows of a label and an amount, y0 apart from `top` on. */
static void
four_rows(struct fixture *f, double top, double pitch)
{
	static const char *labels[] = { "基本工资", "津贴补贴", "奖金",
	    "绩效工资" };
	static const char *amounts[] = { "63.73", "53.60", "11.13", "24.28" };
	int i;

	for (i = 0; i < 4; i++) {
		span(f, 1, 100, top + pitch * i, 160, top + pitch * i + 11,
		    labels[i]);
		span(f, 1, 200, top + pitch * i, 230, top + pitch * i + 11,
		    amounts[i]);
	}
}

/*
 * Groups' names set between two rows, each centred on its four: no
 * rows of their own, their cells span their groups (budget-07 类型:
 * 人员类, 公用经费).
 */
static void
group_name_between_rows_spans_them(void)
{
	struct fixture f = { 0 };
	struct glayout lay;
	struct buf b = BUF_INIT;
	const struct lcell *c;

	span(&f, 1, 50, -20, 75, -9, "类型");
	span(&f, 1, 100, -20, 160, -9, "项目名称");
	span(&f, 1, 200, -20, 230, -9, "金额");
	four_rows(&f, 0, 18);
	four_rows(&f, 72, 18);
	span(&f, 1, 50, 27, 75, 38, "人员类");
	span(&f, 1, 50, 99, 80, 110, "公用经费");
	layout(&lay, &f, 1);
	is_int(lay.nrows, 9, "a header, eight rows, the names none of their own");
	c = cell_at(&lay, 1, 0);
	ok(c && c->r0 == 1 && c->r1 == 4, "the first name's cell spans four");
	is_str(text_at(&lay, 1, 0, &b), "人员类", "its text");
	c = cell_at(&lay, 5, 0);
	ok(c && c->r0 == 5 && c->r1 == 8, "the second's the other four");
	glayout_free(&lay);
	buf_free(&b);
}

/*
 * Set tighter, the name is half a line from both rows: still two rows
 * of amounts, not one row centred on the name.
 */
static void
tight_group_name_keeps_rows_apart(void)
{
	struct fixture f = { 0 };
	struct glayout lay;

	span(&f, 1, 50, -20, 75, -9, "类型");
	span(&f, 1, 100, -20, 160, -9, "项目名称");
	span(&f, 1, 200, -20, 230, -9, "金额");
	four_rows(&f, 0, 14);
	span(&f, 1, 50, 21, 75, 32, "人员类");
	layout(&lay, &f, 1);
	is_int(lay.nrows, 5, "a header, four rows of amounts stay four");
	glayout_free(&lay);
}

/*
 * Names in two columns: a unit's at its first row, its kinds' each
 * centred on their rows or at their first.  A kind's rows begin where
 * its unit's do, so 人员类 at the third of five rows spans all five.
 */
static void
group_names_nest_in_their_parents(void)
{
	struct fixture f = { 0 };
	struct glayout lay;
	struct buf b = BUF_INIT;
	const struct lcell *c;

	four_rows(&f, 0, 18);
	four_rows(&f, 72, 18);
	span(&f, 1, 100, 144, 160, 155, "其他支出");
	span(&f, 1, 200, 144, 230, 155, "1.00");
	span(&f, 1, 100, 162, 160, 173, "电费");
	span(&f, 1, 200, 162, 230, 173, "2.00");
	span(&f, 1, 5, 18, 40, 29, "单位甲");
	span(&f, 1, 50, 54, 75, 65, "人员类");
	span(&f, 1, 50, 108, 80, 119, "公用经费");
	layout(&lay, &f, 1);
	is_int(lay.nrows, 10, "ten rows");
	c = cell_at(&lay, 1, 1);
	ok(c && c->r0 == 1 && c->r1 == 5,
	    "人员类 spans its unit's first five rows");
	is_str(text_at(&lay, 1, 1, &b), "人员类", "its text at the top");
	c = cell_at(&lay, 6, 1);
	ok(c && c->r0 == 6 && c->r1 == 9, "公用经费 the rest");
	c = cell_at(&lay, 1, 0);
	ok(c && c->r0 == 1 && c->r1 == 1,
	    "a unit named at its first row only keeps its one row");
	glayout_free(&lay);
	buf_free(&b);
}

/*
 * A dash printed at the left edge of its cell, where the column's
 * percentages stand right, clear of them: no column of its own, and not
 * the column beside it, whose cell on its line is taken (budget-04 三公
 * 增减率: - beside 0.00).
 */
static void
dash_joins_the_free_column(void)
{
	struct fixture f = { 0 };
	struct glayout lay;
	struct buf b = BUF_INIT;
	static const char *labels[] = { "合计", "因公出国费", "公务接待费" };
	static const char *diff[] = { "-19.77", "0.00", "0.29" };
	static const char *rate[] = { "-92.51%", "-", "36.25%" };
	int i;

	span(&f, 1, 10, 0, 40, 10, "项目");
	span(&f, 1, 120, 0, 150, 10, "增减额");
	span(&f, 1, 180, 0, 210, 10, "增减率");
	for (i = 0; i < 3; i++) {
		double y = 16 + 16 * i, x0 = i == 1 ? 163 : 190;

		span(&f, 1, 10, y, 60, y + 10, labels[i]);
		span(&f, 1, 130, y, 159, y + 10, diff[i]);
		span(&f, 1, x0, y, i == 1 ? 166 : 228, y + 10, rate[i]);
	}
	layout(&lay, &f, 1);
	is_int(lay.ncols, 3, "three columns, none for the dash");
	is_str(text_at(&lay, 2, 2, &b), "-", "the dash under 增减率");
	is_str(text_at(&lay, 2, 1, &b), "0.00", "0.00 alone under 增减额");
	glayout_free(&lay);
	buf_free(&b);
}

/*
 * Two headings side by side on no one line: one of two lines, the
 * other centred beside it, overlapping each of its lines by a little
 * less than half (final-03 公开08表, printed empty: 功能分类 / 科目编码
 * beside 科目名称).  The gap between them is a column boundary.
 */
static void
overlapping_lines_support_a_gap(void)
{
	struct fixture f = { 0 };
	struct glayout lay;

	span(&f, 1, 59.87, 124.36, 97.84, 136.32, "功能分类");
	span(&f, 1, 234.62, 131.11, 272.59, 143.07, "科目名称");
	span(&f, 1, 418.86, 131.11, 437.85, 143.07, "合计");
	span(&f, 1, 59.87, 137.11, 97.84, 149.07, "科目编码");
	span(&f, 1, 221.87, 152.11, 240.86, 164.07, "栏次");
	span(&f, 1, 425.51, 152.11, 431.20, 164.07, "1");
	span(&f, 1, 59.44, 167.86, 78.42, 179.82, "合计");
	layout(&lay, &f, 1);
	ok(glayout_column_of(&lay, 80) != glayout_column_of(&lay, 250),
	    "功能分类科目编码 and 科目名称 in two columns");
	glayout_free(&lay);
}

/*
 * Columns from the gaps the body lines share; a heading over two
 * columns reaches across their gap and is one cell over both.
 */
static void
columns_from_shared_gaps(void)
{
	struct fixture f = { 0 };
	struct glayout lay;
	struct buf b = BUF_INIT;
	const struct lcell *c;

	span(&f, 1, 130, 0, 230, 10, "Budgeted amounts");
	span(&f, 1, 130, 12, 170, 22, "Original");
	span(&f, 1, 200, 12, 230, 22, "Final");
	span(&f, 1, 10, 24, 80, 34, "Revenue");
	span(&f, 1, 140, 24, 170, 34, "44,278");
	span(&f, 1, 200, 24, 230, 34, "47,377");
	span(&f, 1, 10, 36, 90, 46, "Fines and fees");
	span(&f, 1, 140, 36, 170, 46, "14,276");
	span(&f, 1, 200, 36, 230, 46, "15,275");
	span(&f, 1, 10, 48, 60, 58, "Total");
	span(&f, 1, 135, 48, 170, 58, "171,780");
	span(&f, 1, 195, 48, 230, 58, "179,626");
	layout(&lay, &f, 1);
	is_int(lay.ncols, 3, "three columns from the shared gaps");
	is_int(lay.nrows, 5, "one row per line");
	c = cell_at(&lay, 0, 1);
	ok(c && c->c0 == 1 && c->c1 == 2,
	    "the heading over two columns spans them");
	is_str(text_at(&lay, 1, 2, &b), "Final", "sub-heading in its column");
	is_str(text_at(&lay, 4, 1, &b), "171,780", "right-aligned numbers");
	glayout_free(&lay);
	buf_free(&b);
}

/*
 * A justified line in a ruled cell leaves gaps between its words that
 * the cell's other lines cross: no column boundary there.
 */
static void
justified_words_stay_in_their_cell(void)
{
	struct fixture f = { 0 };
	struct glayout lay;
	struct buf b = BUF_INIT;

	rule(&f, 1, 0, 0, 200, 0);
	rule(&f, 1, 0, 30, 200, 30);
	rule(&f, 1, 0, 50, 200, 50);
	rule(&f, 1, 0, 0, 0, 50);
	rule(&f, 1, 120, 0, 120, 50);
	rule(&f, 1, 200, 0, 200, 50);
	span(&f, 1, 5, 5, 40, 14, "Number");
	span(&f, 1, 60, 5, 70, 14, "of");
	span(&f, 1, 90, 5, 115, 14, "states");
	span(&f, 1, 5, 16, 100, 25, "in the analysis");
	span(&f, 1, 150, 5, 190, 14, "Total");
	span(&f, 1, 5, 35, 40, 45, "All");
	span(&f, 1, 170, 35, 190, 45, "21");
	layout(&lay, &f, 1);
	is_int(lay.ncols, 2, "two ruled columns, none from the word gaps");
	is_str(text_at(&lay, 0, 0, &b), "Number of states in the analysis",
	    "Latin words spaced, lines joined");
	glayout_free(&lay);
	buf_free(&b);
}

/* A footnote mark printed small and raised stays apart from its number. */
static void
superscript_kept_apart(void)
{
	struct fixture f = { 0 };
	struct glayout lay;
	struct buf b = BUF_INIT;

	span(&f, 1, 10, 0, 60, 10, "Germany");
	span(&f, 1, 100, 0, 125, 10, "111.4");
	span(&f, 1, 126, -2, 132, 4, "**");
	span(&f, 1, 10, 12, 60, 22, "Greece");
	span(&f, 1, 100, 12, 125, 22, "147.2");
	span(&f, 1, 10, 24, 60, 34, "Italy");
	span(&f, 1, 100, 24, 125, 34, "139.9");
	layout(&lay, &f, 1);
	is_int(lay.nrows, 3, "the raised mark is on its number's line");
	is_str(text_at(&lay, 0, 1, &b), "111.4 **",
	    "the mark follows the number, a space between");
	glayout_free(&lay);
	buf_free(&b);
}

/* A year printed halfway down its Men, Women, Total rows spans them. */
static void
centred_label_spans_its_rows(void)
{
	struct fixture f = { 0 };
	struct glayout lay;
	const struct lcell *c;

	rule(&f, 1, 0, 0, 300, 0);
	rule(&f, 1, 0, 36, 300, 36);
	span(&f, 1, 10, 13, 40, 23, "1991");
	span(&f, 1, 60, 1, 100, 11, "Men");
	span(&f, 1, 200, 1, 230, 11, "11.0");
	span(&f, 1, 260, 1, 290, 11, "40.7");
	span(&f, 1, 60, 13, 100, 23, "Women");
	span(&f, 1, 200, 13, 230, 23, "6.6");
	span(&f, 1, 260, 13, 290, 23, "16.0");
	span(&f, 1, 60, 25, 100, 35, "Total");
	span(&f, 1, 200, 25, 230, 35, "8.9");
	span(&f, 1, 260, 25, 290, 35, "28.7");
	layout(&lay, &f, 1);
	is_int(lay.nrows, 3, "three rows in one ruled band");
	c = cell_at(&lay, 1, 0);
	ok(c && c->r0 == 0 && c->r1 == 2, "the year spans the three rows");
	glayout_free(&lay);
}

/*
 * A long code wrapped in its ruled cell is one cell, not two rows: the
 * second line has a number in one column only.
 */
static void
wrapped_number_in_ruled_row(void)
{
	struct fixture f = { 0 };
	struct glayout lay;
	struct buf b = BUF_INIT;

	rule(&f, 1, 0, 0, 200, 0);
	rule(&f, 1, 0, 30, 200, 30);
	rule(&f, 1, 0, 0, 0, 30);
	rule(&f, 1, 100, 0, 100, 30);
	rule(&f, 1, 200, 0, 200, 30);
	span(&f, 1, 5, 2, 95, 12, "412170220000000005");
	span(&f, 1, 5, 16, 25, 26, "256");
	span(&f, 1, 160, 9, 190, 19, "4.29");
	layout(&lay, &f, 1);
	is_int(lay.nrows, 1, "one row");
	is_str(text_at(&lay, 0, 0, &b), "412170220000000005 256",
	    "the code's two lines in one cell");
	glayout_free(&lay);
	buf_free(&b);
}

static const struct gcell *
grid_at(const struct grid *g, int row, int col)
{
	int i;

	for (i = 0; i < g->ncells; i++)
		if (g->cells[i].row == row && g->cells[i].col == col)
			return &g->cells[i];
	return NULL;
}

/* One page of a ruled two-column table: header, then two body rows. */
static void
ruled_page(struct fixture *f, long page, const char *a, const char *b,
    const char *c, const char *d)
{
	rule(f, page, 0, 0, 200, 0);
	rule(f, page, 0, 20, 200, 20);
	rule(f, page, 0, 40, 200, 40);
	rule(f, page, 0, 60, 200, 60);
	rule(f, page, 0, 0, 0, 60);
	rule(f, page, 100, 0, 100, 60);
	rule(f, page, 200, 0, 200, 60);
	span(f, page, 30, 5, 70, 15, "项目");
	span(f, page, 130, 5, 170, 15, "金额");
	span(f, page, 5, 25, 60, 35, a);
	span(f, page, 160, 25, 195, 35, b);
	span(f, page, 5, 45, 60, 55, c);
	span(f, page, 160, 45, 195, 55, d);
}

/*
 * A table continued on the next page with its header printed again:
 * the pages' rows follow each other, the repeated header is dropped.
 */
static void
continued_table_drops_repeated_header(void)
{
	struct fixture f = { 0 };
	struct tinput in;
	struct grid g;
	const struct gcell *c;

	ruled_page(&f, 1, "行政运行", "1.00", "事业运行", "2.00");
	ruled_page(&f, 2, "其他支出", "3.00", "住房公积金", "4.00");
	memset(&in, 0, sizeof(in));
	in.spans = f.s;
	in.nspans = f.ns;
	in.rules = f.r;
	in.nrules = f.nr;
	grid_init(&g);
	geomgrid_build(&g, NULL, &in);
	is_int(g.header_rows, 1, "one header row");
	is_int(g.nrows, 4, "four body rows from two pages");
	c = grid_at(&g, 3, 0);
	ok(c && strcmp(c->text, "其他支出") == 0 && c->page == 2,
	    "page 2's first body row follows page 1's last");
	ok(grid_at(&g, 5, 0) == NULL, "no header row repeated in the body");
	is_str(g.cols[1].path, "金额", "the column's path from the header");
	grid_free(&g);
}

/*
 * A table printed empty: its header, then 合计 alone (a 国有资本经营预算
 * table of a department with none).  No amount says where the header
 * ends; table-segment's word that 合计 is the body does.
 */
static void
empty_table_header_ends_where_body_begins(void)
{
	struct fixture f = { 0 };
	struct tinput in;
	struct grid g;
	int i;

	span(&f, 1, 10, 5, 50, 15, "项目");
	span(&f, 1, 110, 5, 150, 15, "本年支出");
	span(&f, 1, 90, 25, 120, 35, "合计");
	span(&f, 1, 140, 25, 170, 35, "基本支出");
	span(&f, 1, 10, 45, 30, 55, "栏次");
	span(&f, 1, 100, 45, 105, 55, "1");
	span(&f, 1, 150, 45, 155, 55, "2");
	for (i = 0; i < f.ns; i++)
		f.s[i].part = 1;
	span(&f, 1, 10, 65, 30, 75, "合计");
	memset(&in, 0, sizeof(in));
	in.spans = f.s;
	in.nspans = f.ns;
	grid_init(&g);
	geomgrid_build(&g, NULL, &in);
	ok(g.header_rows > 0 && g.nrows == 1,
	    "the header above, 合计 the one body row");
	grid_free(&g);
}

/*
 * An unruled header over a 行次 column whose numbers are all two digits
 * wide (final-03's 收入支出决算总表): flush left and flush right at
 * once, the numbers are set left, as the heading centred right of them
 * shows (not the group heading 支出 above, nearer the column than any
 * other but over none of its words), so the label column ends before
 * them and 栏次, centred on the labels, stays over the label column
 * alone.
 */
static void
numbering_under_label_column_alone(void)
{
	struct fixture f = { 0 };
	struct tinput in;
	struct grid g;
	int i;

	span(&f, 1, 620.5, 108.6, 639.5, 120.6, "支出");
	span(&f, 1, 546.8, 124.4, 565.8, 136.3, "项目");
	span(&f, 1, 693.2, 124.4, 712.2, 136.3, "行次");
	span(&f, 1, 740.8, 124.4, 759.8, 136.3, "金额");
	span(&f, 1, 546.8, 139.4, 565.8, 151.3, "栏次");
	span(&f, 1, 747.5, 139.4, 753.2, 151.3, "2");
	for (i = 0; i < f.ns; i++)
		f.s[i].part = 1;
	span(&f, 1, 429.6, 155.1, 524.5, 167.1, "一、一般公共服务支出");
	span(&f, 1, 688.6, 155.1, 700.0, 167.1, "31");
	span(&f, 1, 755.0, 155.1, 781.0, 167.1, "10.14");
	span(&f, 1, 429.6, 170.1, 486.5, 182.1, "二、外交支出");
	span(&f, 1, 688.6, 170.1, 700.0, 182.1, "32");
	span(&f, 1, 750.0, 170.1, 781.0, 182.1, "38.00");
	span(&f, 1, 429.6, 185.1, 562.0, 197.1, "十八、自然资源海洋气象等支出");
	span(&f, 1, 688.6, 185.1, 700.0, 197.1, "48");
	span(&f, 1, 745.0, 185.1, 781.0, 197.1, "2729.88");
	memset(&in, 0, sizeof(in));
	in.spans = f.s;
	in.nspans = f.ns;
	grid_init(&g);
	geomgrid_build(&g, NULL, &in);
	is_int(g.ncols, 3, "label, 行次 and 金额 columns");
	if (g.ncols == 3) {
		is_str(g.cols[0].path, "支出/项目/栏次", "栏次 under 项目");
		is_str(g.cols[1].path, "支出/行次", "行次 without 栏次");
	}
	grid_free(&g);
}

/*
 * 栏次 centred under 项目 over the code and name columns (final-03's
 * 公开07表), the column right of the names empty: the empty column's
 * heading is centred in its cell, and the cell of right-set numbers
 * beyond it starts where their heading says, so the names' cell ends
 * at the empty cell's start, not halfway to a guess at its words.
 */
static void
edge_carried_over_an_empty_column(void)
{
	static const struct { double x0, y0, x1; const char *t; } h[] = {
		{ 188.27, 110.11, 207.26, "项目" },
		{ 342.33, 108.61, 361.32, "年初" },
		{ 342.33, 121.36, 361.32, "结转" },
		{ 371.03, 121.36, 399.51, "本年收" },
		{ 60.94, 131.11, 108.40, "功能分类科" },
		{ 342.33, 134.11, 361.32, "和结" },
		{ 380.52, 134.11, 390.01, "入" },
		{ 206.85, 137.11, 244.82, "科目名称" },
		{ 70.43, 143.86, 98.91, "目编码" },
		{ 347.07, 146.86, 356.57, "余" },
		{ 188.27, 161.86, 207.26, "栏次" },
		{ 348.97, 161.86, 354.67, "1" },
		{ 382.42, 161.86, 388.11, "2" },
	}, b[] = {
		{ 59.44, 177.61, 78.42, "合计" },
		{ 377.38, 177.61, 402.99, "10.14" },
		{ 59.44, 193.36, 76.51, "229" },
		{ 115.56, 193.36, 153.53, "其他支出" },
		{ 377.38, 193.36, 402.99, "10.14" },
		{ 59.44, 208.36, 87.90, "22960" },
		{ 115.56, 208.36, 210.48, "彩票公益金安排的支出" },
		{ 377.38, 208.36, 402.99, "10.14" },
	};
	struct fixture f = { 0 };
	struct tinput in;
	struct grid g;
	size_t i;

	for (i = 0; i < sizeof(h) / sizeof(h[0]); i++) {
		span(&f, 1, h[i].x0, h[i].y0, h[i].x1, h[i].y0 + 12, h[i].t);
		f.s[f.ns - 1].part = 1;
	}
	for (i = 0; i < sizeof(b) / sizeof(b[0]); i++)
		span(&f, 1, b[i].x0, b[i].y0, b[i].x1, b[i].y0 + 12, b[i].t);
	memset(&in, 0, sizeof(in));
	in.spans = f.s;
	in.nspans = f.ns;
	grid_init(&g);
	geomgrid_build(&g, NULL, &in);
	is_int(g.ncols, 4, "code, name, empty and amount columns");
	if (g.ncols == 4) {
		is_str(g.cols[0].path, "项目/功能分类科目编码/栏次",
		    "栏次 over the code column");
		is_str(g.cols[1].path, "项目/科目名称/栏次",
		    "and over the name column");
	}
	grid_free(&g);
}

/*
 * An unruled table over two pages whose last page holds one code and
 * totals whose labels cross the gap between codes and names (final-03's
 * 公开06表, "人员经费合计"): that page alone cannot tell the gap is a
 * column's edge, the table's pages together do.
 */
static void
shared_gap_judged_over_all_pages(void)
{
	struct fixture f = { 0 };
	struct tinput in;
	struct grid g;
	const struct gcell *c;
	int i;

	span(&f, 1, 10, 5, 40, 15, "编码");
	span(&f, 1, 60, 5, 100, 15, "名称");
	span(&f, 1, 200, 5, 230, 15, "金额");
	for (i = 0; i < f.ns; i++)
		f.s[i].part = 1;
	span(&f, 1, 10, 25, 38, 35, "30101");
	span(&f, 1, 55, 25, 95, 35, "基本工资");
	span(&f, 1, 200, 25, 230, 35, "101.96");
	span(&f, 1, 10, 45, 38, 55, "30102");
	span(&f, 1, 55, 45, 95, 55, "津贴补贴");
	span(&f, 1, 200, 45, 230, 55, "128.01");
	span(&f, 2, 10, 25, 38, 35, "30399");
	span(&f, 2, 55, 25, 95, 35, "其他补助");
	span(&f, 2, 205, 25, 230, 35, "1.00");
	span(&f, 2, 10, 45, 70, 55, "人员经费合计");
	span(&f, 2, 200, 45, 230, 55, "230.97");
	span(&f, 2, 10, 65, 70, 75, "公用经费合计");
	span(&f, 2, 205, 65, 230, 75, "3.00");
	memset(&in, 0, sizeof(in));
	in.spans = f.s;
	in.nspans = f.ns;
	grid_init(&g);
	geomgrid_build(&g, NULL, &in);
	c = grid_at(&g, 3, 0);
	ok(c && strcmp(c->text, "30399") == 0,
	    "the last page's code in the code column");
	c = grid_at(&g, 3, 1);
	ok(c && strcmp(c->text, "其他补助") == 0,
	    "its name in the name column");
	grid_free(&g);
}

/*
 * The last item of a 收支总表's right side, with no amount, above the
 * totals line of both sides (budget-03): the items line lacks the totals'
 * left label, as the first lines of a cell centred on the totals line
 * would, but nothing below goes on with it, so it is a row of its own.
 */
static void
label_row_above_totals_stays_a_row(void)
{
	struct fixture f = { 0 };
	struct glayout lay;
	struct buf b = BUF_INIT;
	const char *t;
	int r;

	span(&f, 1, 59.6, 100, 131.6, 110, "一、一般公共预算");
	span(&f, 1, 257.9, 100, 290.3, 110, "1144.73");
	span(&f, 1, 296.0, 100, 368.0, 110, "一、一般公共服务");
	span(&f, 1, 296.0, 114, 332.0, 124, "二、外交");
	span(&f, 1, 296.0, 128, 447.0, 138, "三十四、抗疫特别国债安排的支出");
	span(&f, 1, 59.6, 142, 113.6, 152, "本年收入合计");
	span(&f, 1, 257.9, 142, 290.3, 152, "1144.73");
	span(&f, 1, 296.0, 142, 350.0, 152, "本年支出合计");
	span(&f, 1, 504.2, 142, 536.7, 152, "1144.73");
	span(&f, 1, 59.6, 156, 95.6, 166, "收入总计");
	span(&f, 1, 257.9, 156, 290.3, 166, "1144.73");
	span(&f, 1, 296.0, 156, 332.0, 166, "支出总计");
	span(&f, 1, 504.2, 156, 536.7, 166, "1144.73");
	layout(&lay, &f, 1);
	is_int(lay.nrows, 5, "five rows, one a line");
	for (r = 0; r < lay.nrows; r++) {
		t = text_at(&lay, r, 2, &b);
		if (t && strncmp(t, "三十四", strlen("三十四")) == 0)
			break;
	}
	is_str(r < lay.nrows ? text_at(&lay, r, 2, &b) : NULL,
	    "三十四、抗疫特别国债安排的支出", "the item alone in its cell");
	glayout_free(&lay);
	buf_free(&b);
}

/*
 * A header between rules across the whole table, no uprights (budget-03's
 * 部门收支预算表): the rules tell its rows, not its cells, so 收入 centred
 * over 项目 and 金额 still heads both.
 */
static void
full_width_rules_tell_rows_not_cells(void)
{
	struct fixture f = { 0 };
	struct tinput in;
	struct grid g;
	int i;

	rule(&f, 1, 57, 127.9, 539.3, 127.9);
	rule(&f, 1, 57, 142.9, 539.3, 142.9);
	rule(&f, 1, 57, 157.9, 539.3, 157.9);
	span(&f, 1, 166.0, 130.0, 184.0, 140.8, "收入");
	span(&f, 1, 407.3, 130.0, 425.3, 140.8, "支出");
	span(&f, 1, 139.0, 145.0, 157.0, 155.8, "项目");
	span(&f, 1, 257.2, 145.0, 275.2, 155.8, "金额");
	span(&f, 1, 380.4, 145.0, 398.4, 155.8, "项目");
	span(&f, 1, 503.5, 145.0, 521.5, 155.8, "金额");
	for (i = 0; i < f.ns; i++)
		f.s[i].part = 1;
	span(&f, 1, 59.6, 160, 131.6, 170, "一、一般公共预算");
	span(&f, 1, 257.9, 160, 290.3, 170, "1144.73");
	span(&f, 1, 296.0, 160, 368.0, 170, "一、一般公共服务");
	span(&f, 1, 504.2, 160, 536.7, 170, "1144.73");
	span(&f, 1, 59.6, 174, 113.6, 184, "其中：财政拨款");
	span(&f, 1, 257.9, 174, 290.3, 184, "1144.73");
	span(&f, 1, 296.0, 174, 332.0, 184, "二、外交");
	span(&f, 1, 514.2, 174, 536.7, 184, "54.81");
	span(&f, 1, 59.6, 188, 185.6, 198, "三、国有资本经营预算拨款收入");
	span(&f, 1, 296.0, 188, 447.0, 198, "三十四、抗疫特别国债安排的支出");
	memset(&in, 0, sizeof(in));
	in.spans = f.s;
	in.nspans = f.ns;
	in.rules = f.r;
	in.nrules = f.nr;
	grid_init(&g);
	geomgrid_build(&g, NULL, &in);
	is_int(g.ncols, 4, "four columns");
	if (g.ncols == 4) {
		is_str(g.cols[1].path, "收入/金额", "收入 over 金额");
		is_str(g.cols[3].path, "支出/金额", "支出 over 金额");
	}
	grid_free(&g);
}

/*
 * A continued 三线表's last page (budget-03's 财政拨款收支预算表): between
 * two level rules, items of the right side without amounts, then the
 * totals line.  No line but the last holds a number, yet a list of items
 * is a list of rows.
 */
static void
listed_items_between_level_rules_are_rows(void)
{
	struct fixture f = { 0 };
	struct glayout lay;

	rule(&f, 1, 62, 118.1, 781, 118.1);
	rule(&f, 1, 62, 219.4, 781, 219.4);
	span(&f, 1, 327.0, 118.0, 408.0, 128, "（三十）转移性支出");
	span(&f, 1, 327.0, 132.0, 426.0, 142, "（三十一）债务还本支出");
	span(&f, 1, 327.0, 146.0, 426.0, 156, "（三十二）债务付息支出");
	span(&f, 1, 327.0, 160.0, 399.0, 170, "二、年终结转结余");
	span(&f, 1, 64.8, 202.0, 100.8, 212, "收入合计");
	span(&f, 1, 288.8, 202.0, 321.3, 212, "1144.73");
	span(&f, 1, 327.0, 202.0, 363.0, 212, "支出合计");
	span(&f, 1, 580.8, 202.0, 613.3, 212, "1144.73");
	layout(&lay, &f, 1);
	is_int(lay.nrows, 5, "four items and the totals: five rows");
	glayout_free(&lay);
}

/*
 * Short numbers set right in a cell under a heading centred in it,
 * neither reaching the other (budget-03's 三公 table: 小计 over 0.00):
 * a column of header words only beside one of body words only is one
 * column, not two half-empty ones.
 */
static void
heading_clear_of_its_numbers_one_column(void)
{
	struct fixture f = { 0 };
	struct glayout lay;
	int i;

	span(&f, 1, 293.3, 89.0, 383.3, 100.0, "公务用车购置及运行费");
	span(&f, 1, 141.4, 96.5, 213.4, 107.5, "因公出国（境）费");
	span(&f, 1, 248.9, 104.0, 266.9, 115.0, "小计");
	span(&f, 1, 306.8, 104.0, 369.8, 115.0, "公务用车购置费");
	for (i = 0; i < f.ns; i++)
		f.s[i].part = 1;
	span(&f, 1, 197.3, 119.0, 214.8, 130.0, "0.00");
	span(&f, 1, 277.8, 119.0, 295.3, 130.0, "0.00");
	span(&f, 1, 358.3, 119.0, 375.8, 130.0, "0.00");
	layout(&lay, &f, 1);
	ok(glayout_column_of(&lay, 257.9) == glayout_column_of(&lay, 286.5),
	    "小计 and its 0.00 in one column");
	is_int(lay.ncols, 3, "three columns");
	glayout_free(&lay);
}

/*
 * A heading wrapped over two lines, and right under it, a little
 * further down than its own lines are apart, the next row's heading
 * (budget-04's 机构运行经费预算表: 机构运行经费/支出 over 合计): the lines
 * of one cell keep one leading, so 合计 is a cell of its own.
 */
static void
heading_below_at_other_leading_is_next_row(void)
{
	static const struct { double x0, y0, x1; const char *t; } h[] = {
		{ 467.9, 298.1, 527.9, "机构运行经费" },
		{ 207.6, 304.0, 327.6, "部门预算支出经济分类科目" },
		{ 487.9, 309.9, 507.9, "支出" },
		{ 84.6, 326.1, 124.6, "科目编码" },
		{ 281.9, 326.1, 321.9, "科目名称" },
		{ 487.9, 326.1, 507.9, "合计" },
	}, b[] = {
		{ 72.5, 342.4, 92.5, "合计" },
		{ 504.1, 342.4, 528.8, "24.99" },
		{ 72.5, 358.6, 100.0, "30205" },
		{ 141.1, 358.6, 161.1, "水费" },
		{ 509.6, 358.6, 528.8, "3.49" },
		{ 72.5, 374.9, 100.0, "30207" },
		{ 141.1, 374.9, 171.1, "邮电费" },
		{ 509.6, 374.9, 528.8, "4.97" },
	};
	struct fixture f = { 0 };
	struct tinput in;
	struct grid g;
	size_t i;

	for (i = 0; i < sizeof(h) / sizeof(h[0]); i++) {
		span(&f, 1, h[i].x0, h[i].y0, h[i].x1, h[i].y0 + 13, h[i].t);
		f.s[f.ns - 1].part = 1;
	}
	for (i = 0; i < sizeof(b) / sizeof(b[0]); i++)
		span(&f, 1, b[i].x0, b[i].y0, b[i].x1, b[i].y0 + 13, b[i].t);
	memset(&in, 0, sizeof(in));
	in.spans = f.s;
	in.nspans = f.ns;
	grid_init(&g);
	geomgrid_build(&g, NULL, &in);
	is_int(g.ncols, 3, "code, name and amount columns");
	if (g.ncols == 3)
		is_str(g.cols[2].path, "机构运行经费支出/合计",
		    "合计 under the wrapped heading");
	grid_free(&g);
}

/*
 * The last characters of a header printed one a line, just above the
 * first row, whose label (合计) leaves the code column empty that most
 * rows fill (budget-04's 部门收入预算表): they fill no label column, so
 * they are no label of that row.
 */
static void
stacked_heading_is_no_label_of_first_row(void)
{
	struct fixture f = { 0 };
	struct glayout lay;
	struct buf b = BUF_INIT;
	const char *t;
	int r, c;

	span(&f, 1, 305.0, 86.0, 325.0, 97.0, "总计");
	span(&f, 1, 520.0, 86.0, 528.5, 97.0, "收");
	span(&f, 1, 467.7, 98.0, 476.2, 109.0, "预");
	span(&f, 1, 520.0, 98.0, 528.5, 109.0, "入");
	span(&f, 1, 467.7, 110.0, 476.2, 121.0, "算");
	span(&f, 1, 155.0, 126.0, 175.0, 137.0, "合计");
	span(&f, 1, 300.0, 126.0, 330.0, 137.0, "3000.39");
	span(&f, 1, 75.0, 142.0, 90.0, 153.0, "866");
	span(&f, 1, 155.0, 142.0, 245.0, 153.0, "石城市松溪县教育局");
	span(&f, 1, 300.0, 142.0, 330.0, 153.0, "3000.39");
	span(&f, 1, 75.0, 158.0, 105.0, 169.0, "866001");
	span(&f, 1, 155.0, 158.0, 245.0, 169.0, "石城市松溪县教育局");
	span(&f, 1, 305.0, 158.0, 330.0, 169.0, "955.49");
	span(&f, 1, 75.0, 174.0, 105.0, 185.0, "866002");
	span(&f, 1, 155.0, 174.0, 255.0, 185.0, "石城市松溪县教育保障中心");
	span(&f, 1, 300.0, 174.0, 330.0, 185.0, "1019.75");
	span(&f, 1, 75.0, 190.0, 105.0, 201.0, "866003");
	span(&f, 1, 155.0, 190.0, 255.0, 201.0, "石城市松溪县教育保障中心");
	span(&f, 1, 300.0, 190.0, 330.0, 201.0, "1025.15");
	layout(&lay, &f, 1);
	c = glayout_column_of(&lay, 472.0);
	for (r = 0; r < lay.nrows; r++)
		if ((t = text_at(&lay, r, glayout_column_of(&lay, 165.0),
		    &b)) != NULL && strcmp(t, "合计") == 0)
			break;
	t = r < lay.nrows ? text_at(&lay, r, c, &b) : NULL;
	ok(r < lay.nrows && (t == NULL || strstr(t, "算") == NULL),
	    "合计's row holds none of the heading's characters");
	glayout_free(&lay);
	buf_free(&b);
}

/*
 * A group heading that happens to stand right over its middle column's
 * heading, the width of it (final-04's 公开05表: 本年支出 over 小计, 基本
 * 支出, 项目支出): the next row's cells sit half a line lower, further
 * than the lines of one cell, so 本年支出 is no first line of 基本支出.
 */
static void
heading_over_same_width_heading_is_two_cells(void)
{
	static const struct { double x0, y0, x1; const char *t; } h[] = {
		{ 218.5, 628.35, 236.5, "项目" },
		{ 439.8, 628.35, 475.8, "本年支出" },
		{ 80.9, 645.05, 116.9, "科目编码" },
		{ 238.1, 645.05, 274.1, "科目名称" },
		{ 400.0, 645.05, 418.0, "小计" },
		{ 439.8, 645.05, 475.8, "基本支出" },
		{ 488.6, 645.05, 524.6, "项目支出" },
	}, b[] = {
		{ 72.5, 678.35, 90.5, "合计" },
		{ 401.5, 678.35, 431.15, "981.54" },
		{ 450.2, 678.35, 479.85, "585.31" },
		{ 499.1, 678.35, 528.75, "396.23" },
		{ 72.5, 694.95, 88.67, "208" },
		{ 129.8, 694.95, 210.8, "社会保障和就业支出" },
		{ 406.9, 694.95, 431.16, "92.56" },
		{ 455.6, 694.95, 479.86, "92.56" },
		{ 72.5, 711.65, 99.46, "20805" },
		{ 129.8, 711.65, 219.8, "行政事业单位养老支出" },
		{ 406.9, 711.65, 431.16, "92.56" },
		{ 455.6, 711.65, 479.86, "92.56" },
		{ 72.5, 728.35, 104.9, "2080505" },
		{ 129.8, 728.35, 273.8, "机关事业单位基本养老保险缴费支出" },
		{ 406.9, 728.35, 431.16, "92.56" },
		{ 455.6, 728.35, 479.86, "92.56" },
	};
	struct fixture f = { 0 };
	struct tinput in;
	struct grid g;
	size_t i;

	for (i = 0; i < sizeof(h) / sizeof(h[0]); i++) {
		span(&f, 1, h[i].x0, h[i].y0, h[i].x1, h[i].y0 + 11.7,
		    h[i].t);
		f.s[f.ns - 1].part = 1;
	}
	for (i = 0; i < sizeof(b) / sizeof(b[0]); i++)
		span(&f, 1, b[i].x0, b[i].y0, b[i].x1, b[i].y0 + 11.7,
		    b[i].t);
	memset(&in, 0, sizeof(in));
	in.spans = f.s;
	in.nspans = f.ns;
	grid_init(&g);
	geomgrid_build(&g, NULL, &in);
	is_int(g.ncols, 5, "five columns");
	if (g.ncols == 5) {
		is_str(g.cols[2].path, "本年支出/小计", "本年支出 over 小计");
		is_str(g.cols[3].path, "本年支出/基本支出",
		    "over 基本支出, a cell of its own");
		is_str(g.cols[4].path, "本年支出/项目支出", "over 项目支出");
	}
	grid_free(&g);
}

/*
 * Rows table-segment left in the head that print a label beside its
 * numbers (counts with shares, no amount among them) are body rows:
 * the body does not begin only at Total (ICDAR eu-020).
 */
static void
labelled_numbers_are_no_header(void)
{
	struct fixture f = { 0 };
	struct tinput in;
	struct grid g;
	int i;

	span(&f, 1, 10, 5, 60, 15, "Faculty");
	span(&f, 1, 110, 5, 150, 15, "Sample");
	span(&f, 1, 10, 25, 60, 35, "Sciences");
	span(&f, 1, 100, 25, 150, 35, "63 (18.5%)");
	span(&f, 1, 10, 45, 60, 55, "Humanities");
	span(&f, 1, 100, 45, 150, 55, "77 (22.6%)");
	for (i = 0; i < f.ns; i++)
		f.s[i].part = 1;
	span(&f, 1, 10, 65, 40, 75, "Total");
	span(&f, 1, 130, 65, 150, 75, "140");
	memset(&in, 0, sizeof(in));
	in.spans = f.s;
	in.nspans = f.ns;
	grid_init(&g);
	geomgrid_build(&g, NULL, &in);
	ok(g.header_rows < 2, "Sciences is no header row");
	grid_free(&g);
}

int
main(void)
{
	merged_header_cells_from_missing_rulings();
	stacked_characters_joined();
	wrapped_label_joined();
	columns_from_shared_gaps();
	justified_words_stay_in_their_cell();
	superscript_kept_apart();
	centred_label_spans_its_rows();
	wrapped_number_in_ruled_row();
	continued_table_drops_repeated_header();
	empty_table_header_ends_where_body_begins();
	labelled_numbers_are_no_header();
	centred_amounts_close_their_row();
	rows_set_wider_than_cell_leading();
	centred_row_takes_mirrored_lines();
	heading_crosses_short_rule();
	group_name_between_rows_spans_them();
	tight_group_name_keeps_rows_apart();
	group_names_nest_in_their_parents();
	dash_joins_the_free_column();
	overlapping_lines_support_a_gap();
	numbering_under_label_column_alone();
	edge_carried_over_an_empty_column();
	shared_gap_judged_over_all_pages();
	label_row_above_totals_stays_a_row();
	full_width_rules_tell_rows_not_cells();
	listed_items_between_level_rules_are_rows();
	heading_clear_of_its_numbers_one_column();
	heading_below_at_other_leading_is_next_row();
	stacked_heading_is_no_label_of_first_row();
	heading_over_same_width_heading_is_two_cells();
	return tap_done();
}
