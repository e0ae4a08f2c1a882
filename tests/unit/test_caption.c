/*
 * test_caption.c - reading the lines printed around a table.
 */
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
	spaces_are_squeezed_next_to_cjk_only();
	textrules_free(&tr);
	rules_free(&rules);
	return tap_done();
}
