/*
 * test_pdfspans.c - characters to spans: gaps, rulings, fake bold, lines,
 * the direction of text.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "pdfspans.h"
#include "utf8.h"
#include "tap.h"

static size_t order;

/*
 * Lay out text from x on a line whose box is [top, top + size * 1.2],
 * each character advance wide; a ' ' leaves a gap and marks a break, as
 * poppler does.  Returns the x after the last character.
 */
static double
put(struct char_list *cl, const char *s, double x, double top, double size,
    double advance)
{
	int brk = BREAK_NONE;
	struct pdf_char *c;
	size_t i = 0, n = strlen(s), len;
	int32_t cp;

	while (i < n) {
		len = utf8_decode(s + i, n - i, &cp);
		i += len;
		order++;
		if (cp == ' ') {
			brk = BREAK_SPACE;
			x += advance;
			continue;
		}
		c = chars_add(cl);
		c->x0 = x;
		c->x1 = x + advance;
		c->y0 = top;
		c->y1 = top + size * 1.2;
		c->size = size;
		c->cp = cp;
		c->brk = brk;
		c->order = order;
		brk = BREAK_NONE;
		x += advance;
	}
	order++;	/* the next call is another poppler word */
	return x;
}

static struct span_list spans;

static void
build(struct char_list *cl, const struct ruling_set *rs)
{
	static const struct ruling_set none;

	spans_build(cl, rs != NULL ? rs : &none, &spans);
	chars_free(cl);
}

static const char *
text(size_t i)
{
	return i < spans.n ? span_text(&spans, &spans.v[i]) : "(none)";
}

static void
cell_text_stays_one_span(void)
{
	struct char_list cl = { 0 };

	put(&cl, "Other current expenses", 100, 50, 9, 5);
	build(&cl, NULL);
	is_int(spans.n, 1, "English words with spaces: one span");
	is_str(text(0), "Other current expenses", "word spaces kept");
	put(&cl, "一般公共预算财政拨款支出", 100, 50, 9, 9);
	build(&cl, NULL);
	is_int(spans.n, 1, "CJK without spaces: one span");
	is_str(text(0), "一般公共预算财政拨款支出", "CJK text unbroken");
}

static void
wide_gap_splits_cells(void)
{
	struct char_list cl = { 0 };
	double x;

	/* Two CJK cells 14pt apart at 9pt. */
	x = put(&cl, "项目", 72, 50, 9, 9);
	put(&cl, "金额", x + 14, 50, 9, 9);
	build(&cl, NULL);
	is_int(spans.n, 2, "CJK cells 1.5 em apart: two spans");
	is_str(text(1), "金额", "second cell");
	ok(spans.n == 2 && fabs(spans.v[1].x0 - (72 + 18 + 14)) < 1e-9,
	    "second span starts at its first character");
	x = put(&cl, "基本支出", 72, 50, 9, 9);
	put(&cl, "项目支出", x + 6, 50, 9, 9);
	build(&cl, NULL);
	is_int(spans.n, 2, "Han characters 0.67 em apart: two cells");
	/* Right-aligned numbers in adjacent columns, 5pt apart at 9pt. */
	x = put(&cl, "1,234.56", 100, 50, 9, 5);
	put(&cl, "7,890.12", x + 5, 50, 9, 5);
	build(&cl, NULL);
	is_int(spans.n, 2, "numbers 0.55 em apart: two columns");
	is_str(text(0), "1,234.56", "first number whole");
	/* A thousands separator space inside one number. */
	x = put(&cl, "1", 100, 50, 9, 5);
	put(&cl, "234", x + 2.5, 50, 9, 5);
	build(&cl, NULL);
	is_int(spans.n, 1, "thin space between digit groups: one number");
	is_str(text(0), "1 234", "written with a space");
	/* A number, then CJK text half an em away: two cells. */
	x = put(&cl, "1378.88", 100, 50, 9, 5);
	put(&cl, "一、一般公共服务", x + 4.5, 50, 9, 9);
	build(&cl, NULL);
	is_int(spans.n, 2, "number and CJK text 0.5 em apart: two cells");
	/* A year set off by a fifth of an em inside a title. */
	x = put(&cl, "2023", 100, 50, 15, 8.5);
	put(&cl, "年部门预算", x + 3, 50, 15, 15);
	build(&cl, NULL);
	is_int(spans.n, 1, "a year 0.2 em before CJK text: one span");
	is_str(text(0), "2023 年部门预算", "with its space");
	/* The same 5pt gap between words is a word space. */
	x = put(&cl, "Total", 100, 50, 9, 5);
	put(&cl, "paid", x + 5, 50, 9, 5);
	build(&cl, NULL);
	is_int(spans.n, 1, "0.55 em between words: one span");
	is_str(text(0), "Total paid", "and a space");
}

static void
ruling_between_characters_splits(void)
{
	struct char_list cl = { 0 };
	struct ruling_set rs = { 0 };

	put(&cl, "7", 375, 50, 9, 5);
	put(&cl, "8", 380.5, 50, 9, 5);
	rulings_add_stroke(&rs, 380, 40, 380, 80, 0.5);
	rulings_finish(&rs, 600, 800);
	build(&cl, &rs);
	is_int(spans.n, 2, "a column line between touching digits splits");
	put(&cl, "7", 375, 50, 9, 5);
	put(&cl, "8", 380.5, 50, 9, 5);
	rulings_clear(&rs);
	rulings_add_stroke(&rs, 380, 100, 380, 200, 0.5);
	rulings_finish(&rs, 600, 800);
	build(&cl, &rs);
	is_int(spans.n, 1, "a column line of another row does not");
	rulings_free(&rs);
}

static void
fake_bold_is_one_glyph(void)
{
	struct char_list cl = { 0 };

	put(&cl, "Total", 100, 50, 10, 6);
	put(&cl, "Total", 100.3, 50.2, 10, 6);
	put(&cl, "Total", 100.3, 50, 10, 6);
	build(&cl, NULL);
	is_int(spans.n, 1, "three copies: one span");
	is_str(text(0), "Total", "each glyph once");
	put(&cl, "Hello 1100", 100, 50, 10, 6);
	build(&cl, NULL);
	is_str(text(0), "Hello 1100", "real double letters and digits kept");
}

static void
lines_read_top_down_left_right(void)
{
	struct char_list cl = { 0 };

	/* Given in poppler's column order; read by line. */
	put(&cl, "b1", 300, 100, 10, 6);
	put(&cl, "a1", 100, 100.4, 10, 6);
	put(&cl, "a0", 100, 80, 10, 6);
	put(&cl, "b0", 300, 80.3, 10, 6);
	build(&cl, NULL);
	is_int(spans.n, 4, "four cells");
	is_str(text(0), "a0", "top left first");
	is_str(text(1), "b0", "then top right");
	is_str(text(2), "a1", "then the next line");
	/* A superscript joins its line. */
	put(&cl, "m", 100, 80, 10, 6);
	put(&cl, "2", 106, 77, 6, 4);
	build(&cl, NULL);
	is_int(spans.n, 1, "superscript stays on its line");
	is_str(text(0), "m2", "and in its span");
}

/* Chrome's Type 3 fonts: poppler reads the size twice too big, and the
 * boxes with it, tall enough to reach into the next row. */
static void
misread_sizes_are_corrected(void)
{
	struct char_list cl = { 0 };
	struct pdf_char *c;
	size_t i;

	put(&cl, "支出总计合计", 100, 100, 18, 9);
	put(&cl, "一般公共服务", 100, 111, 18, 9);
	for (i = 0; i < cl.n; i++)
		cl.v[i].y1 = cl.v[i].y0 + 23.4;
	c = chars_add(&cl);
	*c = cl.v[5];
	c->x0 = 160.5;
	c->x1 = 169.5;
	c->cp = 0x9879;		/* 项, 6pt after 计: two cells at 9pt */
	build(&cl, NULL);
	is_int(spans.n, 3, "rows 11pt apart stay apart; a gap of 2/3 em splits");
	is_str(text(0), "支出总计合计", "the first row whole");
	is_str(text(2), "一般公共服务", "the second row whole");
	ok(spans.n == 3 && fabs(spans.v[0].size - 9) < 1e-9,
	    "the size the glyphs show is written");
}

static void
text_direction_turns_page(void)
{
	struct char_list cl = { 0 };
	struct pdf_char *c;
	int i;

	/* Text running up the page, each glyph above the last. */
	for (i = 0; i < 6; i++) {
		c = chars_add(&cl);
		c->x0 = 100;
		c->x1 = 112;
		c->y1 = 700 - 8 * i;
		c->y0 = c->y1 - 8;
		c->cp = 'a' + i;
		c->size = 10;
		c->order = (size_t)i;
	}
	is_int(chars_upright_rotation(&cl), 90, "text running up: turn 90");
	chars_rotate(&cl, 90, 595, 842);
	ok(fabs(cl.v[0].x0 - (842 - 700)) < 1e-9 && fabs(cl.v[0].y0 - 100) <
	    1e-9, "turned box: x from the bottom, y from the left");
	is_int(chars_upright_rotation(&cl), 0, "after the turn it reads across");
	chars_free(&cl);
	put(&cl, "across", 100, 100, 10, 6);
	is_int(chars_upright_rotation(&cl), 0, "text reading across: no turn");
	chars_free(&cl);
}

static void
normalised_text(void)
{
	struct char_list cl = { 0 };

	put(&cl, "\xef\xbc\x91\xef\xbc\x92\xe2\xbc\x80", 100, 50, 9, 9);
	build(&cl, NULL);
	is_str(text(0), "12\xe4\xb8\x80",
	    "full-width digits and Kangxi radicals folded");
}

int
main(void)
{
	cell_text_stays_one_span();
	wide_gap_splits_cells();
	ruling_between_characters_splits();
	fake_bold_is_one_glyph();
	lines_read_top_down_left_right();
	misread_sizes_are_corrected();
	text_direction_turns_page();
	normalised_text();
	spans_free(&spans);
	return tap_done();
}
