/*
 * test_caption.c - reading the lines printed around a table.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "caption.h"
#include "tap.h"
#include "rulesdir.h"

static struct rules rules;
static struct textrules tr;

static void
read_line(struct caption *cap, const char *s)
{
	caption_read(&tr, cap, s, strlen(s));
}

static enum linekind
kind(const char *s)
{
	return caption_classify(&tr, s, strlen(s));
}

static int
data(const char *s)
{
	return line_is_data(&tr, s, strlen(s));
}

static void
codes_titles_units_entities_are_read(void)
{
	struct caption cap;

	memset(&cap, 0, sizeof(cap));
	read_line(&cap, " 预算 03 表");
	read_line(&cap, "2022 年部门支出预算表");
	read_line(&cap, "部门名称：济源产城融合示范区医疗保障局 单位：万元");
	is_str(cap.code, "预算03表", "a spaced code is read without spaces");
	is_str(cap.title, "2022年部门支出预算表", "the title, spaces squeezed");
	is_str(cap.entity, "济源产城融合示范区医疗保障局",
	    "the entity, up to the unit");
	is_str(cap.unit, "万元", "the unit");
	caption_free(&cap);

	memset(&cap, 0, sizeof(cap));
	read_line(&cap, "预算01表");
	ok(cap.code && cap.title == NULL, "a code alone is no title");
	caption_free(&cap);

	memset(&cap, 0, sizeof(cap));
	read_line(&cap, "部门：安阳市北关区医疗保障局          金额单位：万元");
	is_str(cap.entity, "安阳市北关区医疗保障局", "部门： entity");
	is_str(cap.unit, "万元", "金额单位： unit");
	caption_free(&cap);

	memset(&cap, 0, sizeof(cap));
	read_line(&cap, "Table 3: Balance of payments (EUR million)");
	is_str(cap.code, "Table 3", "an English table code");
	caption_free(&cap);

	memset(&cap, 0, sizeof(cap));
	read_line(&cap, "（单位：万元）");
	is_str(cap.unit, "万元", "a bracketed unit");
	caption_free(&cap);

	memset(&cap, 0, sizeof(cap));
	read_line(&cap, "(in thousands of dollars)");
	is_str(cap.unit, "thousands of dollars", "an English unit line");
	caption_free(&cap);
}

static void
lines_are_classified(void)
{
	ok(kind("附件：焦作市解放区医疗保障局2023年度部门预算表") != LINE_CAPTION,
	    "the prose's attachment line is not a caption");
	ok(kind("三、部门支出预算表") != LINE_CAPTION,
	    "an entry of the contents is not a caption");
	ok(kind("本部门收入决算表如下表所示，各栏数据之间的关系见表内合计行表") !=
	    LINE_CAPTION, "a sentence ending in 表 is no title");
	ok(kind("18 / 54") == LINE_FURNITURE, "a page number is furniture");
	ok(kind("https://baike.baidu.com/item/x") == LINE_FURNITURE,
	    "a stray address is furniture");
	ok(kind("注：本表反映部门本年度各项支出情况。") == LINE_NOTE, "a note");
	ok(kind("第三部分 名词解释") == LINE_SECTION, "a section heading");
}

static void
body_lines_are_told_from_header_lines(void)
{
	ok(data("合计 2983.54 136.07"), "a row of amounts is data");
	ok(data("2080505 机关事业单位基本养老保险缴费支出 14.7 14.7"),
	    "a coded row is data");
	ok(!data("栏次 1 2 3 4 5 6"), "a 栏次 row is header");
	ok(!data("类 款 项 工资福利支出"), "header words are header");
	ok(data("小计") == LINE_MAYBE_DATA,
	    "a total's label alone is undecided until the next line");
}

/*
 * Amounts hide among words: only a token that num_parse reads as an
 * amount with decimals or separators counts, wherever its '.' or ','.
 */
static void
amounts_are_found_among_words(void)
{
	ok(data("工资福利支出 1,234"), "a grouped amount without decimals");
	ok(data("合计：共计 (12.30)"), "an amount in parentheses");
	ok(data("其中 −5.00 元"), "an amount with a U+2212 minus");
	ok(data("其中 9，876 元"), "an amount grouped with a full-width comma");
	ok(!data("说明：1.本表 2.为 www.example.org"), "dots in words");
	ok(!data("增长 12.5%"), "a percentage is no amount");
	ok(!data("1,23 4,5678 1.2.3 .5"), "misplaced separators and points");
	ok(!data("收入，支出。结余"), "full-width punctuation alone");
}

/* Lines enough to fill every slot of the memo, and collide in them. */
static void
make_line(char *b, size_t n, int i)
{
	switch (i % 4) {
	case 0:
		snprintf(b, n, "预算%02d表 %d", i % 100, i);
		break;
	case 1:
		snprintf(b, n, "合计 %d.%02d %d", i, i % 100, i * 7);
		break;
	case 2:
		snprintf(b, n, "注：第%d项说明。", i);
		break;
	default:
		snprintf(b, n, "%d / 54", i);
	}
}

static void
memo_gives_the_same_answers(void)
{
	enum linekind want[3000];
	int want_data[3000];
	char line[128], longline[1024];
	int i, k, bad = 0, bad_data = 0;

	for (i = 0; i < 3000; i++) {
		make_line(line, sizeof(line), i);
		want[i] = kind(line);
		want_data[i] = data(line);
	}
	memset(longline, 0, sizeof(longline));
	for (i = 0; i < 40; i++)
		strcat(longline, "部门收入预算表");
	caption_memo(&tr);
	for (i = 0; i < 6000; i++) {
		k = (i * 7) % 3000;
		make_line(line, sizeof(line), k);
		/* Asked in either order: each answer is kept apart. */
		if (i % 2 && data(line) != want_data[k])
			bad_data++;
		if (kind(line) != want[k])
			bad++;
		if (data(line) != want_data[k])
			bad_data++;
	}
	is_int(bad, 0, "with the memo, 6,000 lines classified as without it");
	is_int(bad_data, 0, "and told data or not as without it");
	ok(kind(longline) == kind(longline) && kind("18 / 54") ==
	    LINE_FURNITURE && kind("18 / 54") == LINE_FURNITURE,
	    "lines seen again, and lines too long to keep");
	caption_memo(NULL);
}

static void
spaces_are_squeezed_next_to_cjk_only(void)
{
	char *s;

	s = squeeze_cjk_spaces("2022 年部门 收入预算表", strlen("2022 年部门 收入预算表"));
	is_str(s, "2022年部门收入预算表", "spaces beside CJK removed");
	free(s);
	s = squeeze_cjk_spaces("Table  2 Assets", strlen("Table  2 Assets"));
	is_str(s, "Table 2 Assets", "spaces between Latin words kept, once");
	free(s);
}

int
main(void)
{
	load_test_rules(&rules, &tr);
	codes_titles_units_entities_are_read();
	lines_are_classified();
	body_lines_are_told_from_header_lines();
	amounts_are_found_among_words();
	memo_gives_the_same_answers();
	spaces_are_squeezed_next_to_cjk_only();
	textrules_free(&tr);
	rules_free(&rules);
	return tap_done();
}
