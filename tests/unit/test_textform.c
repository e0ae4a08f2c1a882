/*
 * test_textform.c - forms described as data, and a dump's lines laid out
 * on them: key rows, section labels over their rows, labels waiting for
 * the row below, wrapped text, page repeats.  The forms are made up here.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "form.h"
#include "textform.h"
#include "tap.h"
#include "rulesdir.h"

static const char *form_rules =
    "[form 测试表]\n"
    "title = ^测试表$\n"
    "code = 测试01表\n"
    "columns = 4\n"
    "row = 名称 | <text>*3\n"
    "row = 说明 | <long>*3\n"
    "row = 经费^ | 项目 | 金额*2\n"
    "grid = - | <text> | <amount> | <amount>\n"
    "row = 甲级 | 乙级 | 丙级 | 值\n"
    "grid = <text>^ | <text>^ | <text> | <value>\n"
    "row = 合计*3 | <amount>\n"
    "\n"
    "[form 两栏表]\n"
    "title = ^两栏表$\n"
    "columns = 3\n"
    "row = 目标^ | 预期 | 实际\n"
    "grid = - | <long> | <long>\n"
    "\n"
    "[form 两栏表]\n"
    "title = ^两栏表$\n"
    "columns = 2\n"
    "row = 编号 | <text>\n"
    "\n"
    "[form 项目表]\n"
    "title = ^项目表$\n"
    "columns = 7\n"
    "head = 编码^ | 名称^ | 金额^ | 指标*4\n"
    "head = -*3 | 成本*2 | 其他*2\n"
    "rows = <code> | <text> | <amount> | <text:cost>+ | <value>+ | "
    "<text>+ | <value>+\n"
    "\n"
    "[form-kinds]\n"
    "amount = ^\\d+\\.\\d\\d$\n"
    "code = ^\\d{3}$|^\\d{10,}$\n"
    "cost = 成本\\s|万元$\n"
    "value = ^[≥≤]?\\d+%$\n"
    "value = ^合理$\n"
    "value = ^\\d+(?:\\.\\d+)?万元$|^≥\\d+[个次]$\n"
    "\n"
    "[form-text]\n"
    "glue = (?<=\\d)\\s+(?=万元)\n"
    "ends = [。]$\n"
    "begins = ^[。，]\n"
    "opens = [：]$\n"
    "label = ^(?:(?!\\p{P})\\p{Han})+$\n"
    "long = [，。]\n"
    "longwidth = 30\n";

static struct rules tree, mine;
static struct textrules tr;
static struct forms forms;

static int
load_forms(const char *text, struct rules *r, struct forms *fs,
    struct buf *err)
{
	char dir[] = "/tmp/retable-form.XXXXXX", path[64];
	FILE *f;
	int rc;

	if (mkdtemp(dir) == NULL)
		return -1;
	snprintf(path, sizeof(path), "%s/forms.rules", dir);
	if ((f = fopen(path, "w")) == NULL)
		return -1;
	fputs(text, f);
	fclose(f);
	rc = rules_load(r, dir, err);
	if (rc == 0)
		rc = forms_load(fs, r, err);
	unlink(path);
	rmdir(dir);
	return rc;
}

/* A table: its title, its lines ("\n" between), a page break "\f". */
static void
input(struct tinput *in, const char *title, const char *text)
{
	char rec[128], *copy = xstrdup(text), *line, *next;
	long page = 1, lineno = 1;

	memset(in, 0, sizeof(*in));
	rec_init(&in->attrs);
	snprintf(rec, sizeof(rec), "table\t1\ttitle=%s\tentity=测试局", title);
	rec_parse(&in->attrs, rec, strlen(rec));
	for (line = copy; line; line = next) {
		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		if (strcmp(line, "\f") == 0) {
			page++;
			continue;
		}
		in->body = xreallocarray(in->body, (size_t)in->nbody + 1,
		    sizeof(*in->body));
		in->body[in->nbody].text = xstrdup(line);
		in->body[in->nbody].page = page;
		in->body[in->nbody].lineno = lineno++;
		in->nbody++;
	}
	free(copy);
}

static void
input_free(struct tinput *in)
{
	int i;

	for (i = 0; i < in->nbody; i++)
		free(in->body[i].text);
	free(in->body);
	rec_free(&in->attrs);
}

static void
build(struct grid *g, const char *title, const char *text)
{
	struct tinput in;
	const struct form *f;

	input(&in, title, text);
	grid_init(g);
	if ((f = textform_find(&forms, &in)) != NULL)
		textform_build(g, &tr, &forms, f, &in);
	input_free(&in);
}

/* "row,col rowspan x colspan text" of the cell at (row, col), or "none". */
static const char *
cell(struct grid *g, int row, int col)
{
	static char out[512];
	struct gcell *c = grid_cell(g, row, col);

	if (c == NULL)
		return "none";
	snprintf(out, sizeof(out), "%dx%d %s", c->rowspan, c->colspan,
	    c->text);
	return out;
}

static void
descriptions_are_checked_when_loaded(void)
{
	struct rules r;
	struct forms fs;
	struct buf err = BUF_INIT;
	const struct fline *l;

	l = &forms.f[0].lines[2];
	ok(forms.n == 4 && forms.f[0].ncols == 4, "four forms, four columns");
	ok(l->cells[0].kind == FC_WORD && l->cells[0].down &&
	    l->cells[2].span == 2 && l->cells[2].col == 2,
	    "a cell's words, its span down and across, its column");
	ok(forms.f[0].lines[3].repeats && !l->repeats,
	    "grid lines repeat, row lines do not");
	is_str(forms.f[0].fam.code, "测试01表", "the code to report");
	ok(load_forms("[form x]\ntitle = ^x$\ncolumns = 3\nrow = a | <text>\n"
	    "[form-text]\nglue = x\nends = x\nbegins = x\nopens = x\n"
	    "label = x\nlong = x\n", &r, &fs, &err) == -1 &&
	    strstr(buf_str(&err), "span 2 columns") != NULL,
	    "cells that do not span the form's columns are refused");
	forms_free(&fs);
	rules_free(&r);
	buf_clear(&err);
	ok(load_forms("[form x]\ntitle = ^x$\ncolumns = 1\nrow = <money>\n"
	    "[form-text]\nglue = x\nends = x\nbegins = x\nopens = x\n"
	    "label = x\nlong = x\n", &r, &fs, &err) == -1 &&
	    strstr(buf_str(&err), "<money>") != NULL,
	    "a kind [form-kinds] does not describe is refused");
	forms_free(&fs);
	rules_free(&r);
	buf_free(&err);
}

static void
key_rows_take_the_rest_of_the_line(void)
{
	struct grid g;

	build(&g, "2023年测试表", "名称 测试局 本级\n说明\n"
	    "第一句很长很长很长很长很长，还没有完，\n"
	    "接着写完了。");
	ok(g.ncols == 4 && strcmp(g.cols[0].path, "1") == 0 &&
	    strcmp(g.cols[3].path, "4") == 0 && g.header_rows == 0,
	    "columns are numbered, no header row");
	is_str(cell(&g, 0, 0), "1x1 名称", "the key");
	is_str(cell(&g, 0, 1), "1x3 测试局 本级", "its value spans the rest");
	is_str(cell(&g, 1, 1),
	    "1x3 第一句很长很长很长很长很长，还没有完，接着写完了。",
	    "a value on the lines below, wrapped, is one text");
	grid_free(&g);
	build(&g, "测试表", "名称 测试局\n说明 写完了一句。经费\n项目 金额\n");
	is_str(cell(&g, 1, 1), "1x3 写完了一句。",
	    "a row's first words run onto the end of a text");
	is_str(cell(&g, 2, 0), "1x1 经费", "begin that row");
	grid_free(&g);
}

static void
section_labels_span_the_rows_they_head(void)
{
	struct grid g;

	build(&g, "测试表", "名称 测试局\n经费\n项目 金额\n"
	    "甲 12.50 1.00\n乙\n丙 3.00\n甲级 乙级 丙级 值\n");
	is_str(cell(&g, 1, 0), "4x1 经费",
	    "a label alone on its line heads the rows below it");
	is_str(cell(&g, 1, 1), "1x1 项目", "the line after it is its row");
	is_str(cell(&g, 2, 3), "1x1 1.00", "amounts from the right");
	is_str(cell(&g, 3, 1), "1x1 乙", "a row without amounts");
	is_str(cell(&g, 3, 2), "none", "leaves them blank");
	is_str(cell(&g, 4, 3), "1x1 3.00",
	    "a row with fewer amounts fills them from the right");
	is_str(cell(&g, 5, 0), "1x1 甲级", "the next row's words end the span");
	grid_free(&g);
}

static void
labels_wait_for_the_row_below(void)
{
	struct grid g;

	build(&g, "测试表", "甲级 乙级 丙级 值\n大类一\n小类一 指标甲 合理\n"
	    "指标乙 ≥90%\n小类二\n指标丙 100%\n大类二 小类三\n指标丁 ≤5%\n"
	    "合计 1.00");
	is_str(cell(&g, 1, 0), "3x1 大类一",
	    "a label alone takes the columns the row below leaves");
	is_str(cell(&g, 1, 1), "2x1 小类一", "and spans the rows below it");
	is_str(cell(&g, 2, 2), "1x1 指标乙", "the value anchors the row");
	is_str(cell(&g, 3, 1), "1x1 小类二",
	    "one waiting label before a third-level row is second-level");
	is_str(cell(&g, 4, 0), "1x1 大类二", "two labels take both levels");
	is_str(cell(&g, 4, 1), "1x1 小类三", "in the order printed");
	is_str(cell(&g, 5, 0), "1x3 合计", "a total row spans its label");
	grid_free(&g);
	build(&g, "测试表", "经费\n项目 金额\n甲\n12.50\n1.00\n乙\n");
	is_str(cell(&g, 1, 3), "1x1 1.00",
	    "a cell a line: values go on to the cells right of the row");
	is_str(cell(&g, 2, 1), "1x1 乙", "a name begins the next row");
	grid_free(&g);
	build(&g, "测试表", "名称 测试局\n经费项目金额\n");
	is_str(cell(&g, 1, 1), "1x1 项目",
	    "a row's words run together are its words");
	grid_free(&g);
	build(&g, "测试表", "甲级 乙级 丙级 值\n小类 指标 5 万元\n");
	is_str(cell(&g, 1, 3), "1x1 5万元",
	    "a space inside a value is not a cell's end");
	grid_free(&g);
}

static void
wrapped_labels_and_texts_come_back_whole(void)
{
	struct grid g;

	build(&g, "测试表", "甲级 乙级 丙级 值\n大类一\n小类很长很长\n的名字\n"
	    "指标甲 合理\n");
	is_str(cell(&g, 1, 1), "1x1 小类很长很长的名字",
	    "more labels than places: the shortest goes on the one before");
	grid_free(&g);
	build(&g, "测试表", "经费\n甲 12.50\n资金来源：\n（1）财政 3.00\n");
	is_str(cell(&g, 1, 1), "1x1 资金来源：（1）财政",
	    "a label ending in a colon goes on in the line below");
	grid_free(&g);
}

static void
long_texts_side_by_side(void)
{
	struct grid g;

	build(&g, "两栏表", "目标\n预期 实际\n计划完成甲项工作任务。\n"
	    "已经完成甲项工作任务，\n并且有效果。\n");
	is_str(cell(&g, 0, 0), "2x1 目标", "the label spans its two rows");
	is_str(cell(&g, 1, 1), "1x1 计划完成甲项工作任务。",
	    "an ended text is one box");
	is_str(cell(&g, 1, 2), "1x1 已经完成甲项工作任务，并且有效果。",
	    "the next text, wrapped, is the next box");
	grid_free(&g);
	build(&g, "两栏表", "目标 预期 实际\n计划完成甲项工作任务。已完成。\n");
	is_str(cell(&g, 1, 2), "1x1 已完成。",
	    "two texts run into one line are cut at a sentence's end");
	grid_free(&g);
}

static void
variants_and_repeats(void)
{
	struct grid g;

	build(&g, "两栏表", "编号 A-1\n");
	is_str(cell(&g, 0, 1), "1x1 A-1",
	    "of a form's variants, the one whose words the table prints");
	grid_free(&g);
	build(&g, "测试表", "名称 测试局\n说明 一句。\n\f\n"
	    "测试局 2023年部门预算\n名称 测试局\n甲级 乙级 丙级 值\n");
	is_str(cell(&g, 2, 0), "1x1 甲级",
	    "a page's running head and its repeated first row are dropped");
	grid_free(&g);
	build(&g, "测试表", "名称 甲局\n说明 一句。\n名称 乙局\n说明 两句。\n");
	is_str(cell(&g, 2, 1), "1x3 乙局",
	    "the form printed again goes on below");
	grid_free(&g);
	build(&g, "其他表", "名称 测试局\n");
	ok(g.ncells == 0, "a title no form has is not a form");
	grid_free(&g);
}

static void
rows_run_on_over_lines(void)
{
	struct grid g;

	build(&g, "项目表", "编码 名称 金额 指标\n成本 其他\n101\n"
	    "测试项目 12.50\n单位成本 12.5万元 完成数\n量 ≥10个\n"
	    "检查次数 ≥2次\n\f\n编码 名称 金额\n指标\n1020304050\n"
	    "60 第二\n个项目 3.00 人均成本 3万元\n");
	ok(g.header_rows == 2 && grid_cell(&g, 0, 3)->header &&
	    strcmp(g.cols[3].path, "指标/成本") == 0,
	    "the header the form describes, when the dump prints its words");
	is_str(cell(&g, 0, 0), "2x1 编码", "header cells span the header rows");
	is_str(cell(&g, 2, 0), "1x1 101", "a code begins a row");
	is_str(cell(&g, 2, 5), "1x1 完成数量", "a name wrapped over lines");
	is_str(cell(&g, 2, 3), "1x1 单位成本",
	    "a name goes to the cells of its kind");
	is_str(cell(&g, 3, 5), "1x1 检查次数",
	    "a name no cell right of the row takes begins a row below");
	is_str(cell(&g, 4, 0), "1x1 102030405060",
	    "a code cut by a line break is one; a header atop a page goes");
	is_str(cell(&g, 4, 1), "1x1 第二个项目", "its name");
	is_str(cell(&g, 4, 4), "1x1 3万元",
	    "a value of the kind the cell prefers");
	grid_free(&g);
}

int
main(void)
{
	struct buf err = BUF_INIT;

	load_test_rules(&tree, &tr);
	if (load_forms(form_rules, &mine, &forms, &err) == -1) {
		printf("Bail out! %s\n", buf_str(&err));
		return 1;
	}
	descriptions_are_checked_when_loaded();
	key_rows_take_the_rest_of_the_line();
	section_labels_span_the_rows_they_head();
	labels_wait_for_the_row_below();
	wrapped_labels_and_texts_come_back_whole();
	long_texts_side_by_side();
	variants_and_repeats();
	rows_run_on_over_lines();
	forms_free(&forms);
	rules_free(&mine);
	textrules_free(&tr);
	rules_free(&tree);
	buf_free(&err);
	return tap_done();
}
