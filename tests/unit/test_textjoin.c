/*
 * test_textjoin.c - what dehyphenate rejoins, and what it leaves apart.
 */
#include <string.h>

#include "buf.h"
#include "textjoin.h"
#include "tap.h"
#include "rulesdir.h"

static struct rules rules;
static struct textrules tr;
static struct buf out;

static const char *
fixed(const char *s, int tabbed)
{
	tj_fix_inline(&out, s, strlen(s), &tr.terms, tabbed);
	return buf_str(&out);
}

static int
digits(const char *a, const char *b)
{
	return tj_joins_digits(&tr, a, strlen(a), b, strlen(b));
}

static int
prose(const char *a, const char *b)
{
	return tj_joins_prose(&tr, a, strlen(a), tj_width(a, strlen(a)), b,
	    strlen(b));
}

static int
cell(const char *s)
{
	return tj_is_cell_text(&tr, s, strlen(s));
}

static void
numbers_split_by_a_space_are_rejoined(void)
{
	is_str(fixed("收入合计: 2230. 80 支出合计", 0), "收入合计: 2230.80 支出合计",
	    "\"2230. 80\" becomes 2230.80");
	is_str(fixed("合计 12. 5", 0), "合计 12.5", "one decimal after the space");
	is_str(fixed("1. 年度目标", 0), "1. 年度目标",
	    "an item number before words is left alone");
	is_str(fixed("共 12. 345 元", 0), "共 12. 345 元",
	    "three digits after the space are not decimals");
}

static void
letter_spacing_becomes_words(void)
{
	is_str(fixed("本 年 收 入 合 计 2983.54", 0), "本年收入合计 2983.54",
	    "a letter-spaced total label is one word");
	is_str(fixed("收 入 总 计 2983.54 支 出 总 计 2983.54", 0),
	    "收入总计 2983.54 支出总计 2983.54", "two spaced labels, two words");
	is_str(fixed("类 款 项 工资福利支出", 0), "类 款 项 工资福利支出",
	    "three header words stay three words");
	is_str(fixed("项 目 金 额", 0), "项目 金额",
	    "known terms split the run where they end");
}

static void
tab_cells_lose_their_wrap_spaces(void)
{
	is_str(fixed("单位代 码\t工资福利支 出\t12.00", 1),
	    "单位代码\t工资福利支出\t12.00", "wrap spaces inside cells dropped");
	is_str(fixed("\t\t合计\t", 1), "\t\t合计\t", "empty cells keep their tabs");
	is_str(fixed("Total assets\t1,234", 1), "Total assets\t1,234",
	    "spaces between Latin words kept");
}

static void
a_year_meets_its_nian_again(void)
{
	is_str(fixed("特定目标类 2023 年农产品质量安全检测 246.69", 0),
	    "特定目标类 2023年农产品质量安全检测 246.69",
	    "\"2023 年\" in a cell is one word");
	is_str(fixed("合计 12023 年", 0), "合计 12023 年",
	    "five digits are no year");
	is_str(fixed("合计 3,2023 年", 0), "合计 3,2023 年",
	    "nor the tail of an amount");
	is_str(fixed("合计 2023 年度", 0), "合计 2023年度", "2023 年度 too");
}

static void
a_title_or_a_page_number_ends_its_line(void)
{
	ok(!prose("2024年“三公”经费支出预算增减情况表", "上年预算"),
	    "a title line is not a wrapped sentence");
	ok(!prose("南屏市东湖区交通运输局2024年部门预算说明书第二部分的内容",
	    "第 14 页，共 21 页"), "a page number does not continue a line");
	ok(!prose("部门目标编制完成率=已完成绩效目标编制项目数量/部门应编制绩效目标项目总数*100%",
	    "绩效监控完成率 100%"), "a label and its value are a row of their own");
	ok(prose("济源产城融合示范区医疗保障局部门2022年“三公”经费预",
	    "算为 20.30 万元。2022年“三公”经费支出预算数比 2021"),
	    "a sentence ending in a number still continues its paragraph");
}

static void
digits_cut_by_a_line_break_are_glued(void)
{
	ok(digits("八、其他收入 8 0.00 八、社会保障和就业支出 39 14.7", "0"),
	    "\"14.7\" + \"0\": an amount cut after one decimal");
	ok(digits("302", "01"), "\"302\" + \"01\": an economic code split");
	ok(digits("41080223000", "0000003610"), "a 21-digit project code split");
	ok(!digits("合计 14.70", "0"), "a two-decimal amount is complete");
	ok(!digits("208", "社会保障和就业支出"), "a code then its label");
}

static void
wrapped_cells_join_by_column_width(void)
{
	ok(tj_joins_wrapped_cell(24, 24, 8),
	    "a full line then a shorter one: the cell continues");
	ok(!tj_joins_wrapped_cell(8, 24, 8),
	    "after a short line the cell has ended");
	ok(!tj_joins_wrapped_cell(10, 10, 28),
	    "a wider line cannot be the same column's continuation");
	ok(cell("机关事业单位基本养老保险"), "a label fragment is cell text");
	ok(!cell("合计"), "a total is not a fragment");
	ok(!cell("13.57 13.57"), "numbers are not cell text");
	ok(!cell("（二）政府性基金预算拨款"), "an item is not a continuation");
	ok(tj_joins_key_value("部门名称：", 15, 10, "焦作市解放区医疗保障局", 33),
	    "a label ending in a colon takes its value");
}

static void
prose_wraps_join_but_tables_do_not(void)
{
	ok(prose("焦作市解放区医疗保障局2023年一般公共预算收支预",
	    "算2983.54万元，政府性基金收支预算0万元。"),
	    "a paragraph wrapped at the page width is rejoined");
	ok(!prose("财政对城乡居民基本医疗保险基金的补助", "54.33 54.33 54.33"),
	    "a row's amounts never join a label as prose");
	ok(!prose("支出总计 7702.57 万元，与 2021 年相比，收、", "三、其他"),
	    "an item starts a new line");
	ok(!prose("部门名称：济源产城融合示范区医疗保障局", "单位编码（项目编码）"),
	    "a caption line ends where it ends");
	ok(tj_joins_hyphen("inter-", 6, "national", 8), "a hyphenated word");
	ok(!tj_joins_hyphen("self -", 6, "made", 4), "a dash is not a hyphen");
}

int
main(void)
{
	load_test_rules(&rules, &tr);
	numbers_split_by_a_space_are_rejoined();
	letter_spacing_becomes_words();
	tab_cells_lose_their_wrap_spaces();
	a_year_meets_its_nian_again();
	a_title_or_a_page_number_ends_its_line();
	digits_cut_by_a_line_break_are_glued();
	wrapped_cells_join_by_column_width();
	prose_wraps_join_but_tables_do_not();
	textrules_free(&tr);
	rules_free(&rules);
	buf_free(&out);
	return tap_done();
}
