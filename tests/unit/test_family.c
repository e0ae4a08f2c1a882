/*
 * test_family.c - families, the header layouts made from them, and the
 * codes of tables that print none.
 */
#include <stdlib.h>
#include <string.h>

#include "family.h"
#include "layout.h"
#include "tablecode.h"
#include "tap.h"
#include "rulesdir.h"

static struct rules rules;
static struct textrules tr;
static struct families fams;

static const char *
family_of(const char *title)
{
	const struct family *f = families_by_title(&fams, title);

	return f ? f->name : "(none)";
}

static void
titles_name_families_whatever_the_year(void)
{
	char *k = family_title_key("2022 年度部门预算项目绩效目标表");

	is_str(k, "部门预算项目绩效目标表", "the year before a title is dropped");
	free(k);
	k = family_title_key("本级部门整体绩效目标表（2023年度）");
	is_str(k, "本级部门整体绩效目标表", "the year after a title is dropped");
	free(k);
	is_str(family_of("2023年部门支出预算表"), "部门支出预算表",
	    "部门支出预算表");
	is_str(family_of("一般公共预算基本支出表"), "一般公共预算基本支出表",
	    "the 2022 spelling of 预算06表");
	is_str(family_of("2023年一般公共预算基本支出预算表"),
	    "一般公共预算基本支出表", "the 2023 spelling of 预算06表");
	is_str(family_of("2023年一般公共预算支出预算表"),
	    "一般公共预算支出预算表", "05 is not 06");
	is_str(family_of("支出决算表"), "支出决算表", "a final-account family");
	is_str(family_of("2023年部门预算表"), "(none)", "a report's title is not a table's");
}

static const struct lcell *
header_cell(const struct layout *l, const char *text, int nth)
{
	int i;

	for (i = 0; i < l->ncells; i++)
		if (strcmp(l->cells[i].text, text) == 0 && nth-- == 0)
			return &l->cells[i];
	return NULL;
}

static void
layouts_keep_what_the_header_prints(void)
{
	const struct family *f = families_by_name(&fams, "部门支出预算表");
	const struct lcell *c;
	struct layout l;

	/* 2022 Jiyuan: 公用经费 printed without its two columns. */
	layout_build(&l, f, "科目编码 单位 代码 单位（科目名称） 合计 基本支出 项目支出"
	    " 小计 人员经费 公用经费 小计 其他运转类 特定目标类 类 款 项 工资福利支出"
	    " 对个人和家 庭的补助");
	is_int(l.ncols, 13, "13 columns: 公用经费 is one column");
	is_int(l.tree_rows, 3, "three header rows");
	is_str(l.cols[9].path, "基本支出/公用经费", "公用经费 is a leaf");
	c = header_cell(&l, "科目编码", 0);
	ok(c && c->row == 0 && c->rowspan == 2 && c->colspan == 3,
	    "科目编码 stretches over two rows above 类 款 项");
	c = header_cell(&l, "基本支出", 0);
	ok(c && c->colspan == 4 && c->rowspan == 1, "基本支出 spans 4 columns");
	c = header_cell(&l, "公用经费", 0);
	ok(c && c->row == 1 && c->rowspan == 2, "the leaf 公用经费 reaches the bottom");
	ok(l.nsums == 3, "three identities resolved");
	layout_free(&l);

	/* 2023 Xinxiang: 公用经费 with 商品和服务支出 and 资本性支出. */
	layout_build(&l, f, "科目编码 单位代码 单位（科目名称） 合计 基本支出 项目支出"
	    " 小计 人员经费 公用经费 小计 其他运转类 特定目标类 类 款 项 工资福利支出"
	    " 对个人和家庭的补助 商品和服务支出 资本性支出");
	is_int(l.ncols, 14, "14 columns when 公用经费 has its two");
	c = header_cell(&l, "公用经费", 0);
	ok(c && c->colspan == 2 && c->rowspan == 1, "公用经费 spans its two");
	layout_free(&l);
}

static void
codes_come_from_contents_then_numbering(void)
{
	const struct family *f = families_by_name(&fams, "部门支出预算表");
	const struct family *projects = families_by_name(&fams, "项目支出预算表");
	struct tablecodes tc;
	char code[64];
	const char *from;

	memset(&tc, 0, sizeof(tc));
	is_int(chinese_numeral("十二", 6), 12, "十二 is 12");
	is_int(chinese_numeral("二十三", 9), 23, "二十三 is 23");
	tablecode_prose(&tc, &tr, "三、部门支出预算表");
	from = tablecode_infer(&tc, "预算01表", "2023年部门收支预算表", NULL,
	    code, sizeof(code));
	is_str(from, "printed", "a printed code is kept");
	from = tablecode_infer(&tc, NULL, "2023 年部门支出预算表", f, code,
	    sizeof(code));
	is_str(from, "contents", "the contents number an unprinted table");
	is_str(code, "预算03表", "三、 in the contents is 预算03表");
	from = tablecode_infer(&tc, NULL, "2023年项目支出预算表", projects, code,
	    sizeof(code));
	is_str(from, "sequence", "otherwise the numbering continues");
	is_str(code, "预算04表", "after 预算03表 comes 预算04表");
	ok(tablecode_infer(&tc, NULL, "某某情况表", NULL, code,
	    sizeof(code)) == NULL, "no family, no evidence: no code");
	tablecode_reset(&tc);
}

int
main(void)
{
	struct buf err = BUF_INIT;

	load_test_rules(&rules, &tr);
	if (families_load(&fams, &rules, &err) == -1) {
		printf("Bail out! %s\n", buf_str(&err));
		return 1;
	}
	titles_name_families_whatever_the_year();
	layouts_keep_what_the_header_prints();
	codes_come_from_contents_then_numbering();
	families_free(&fams);
	textrules_free(&tr);
	rules_free(&rules);
	buf_free(&err);
	return tap_done();
}
