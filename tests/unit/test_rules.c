/*
 * test_rules.c - loading a rules directory; patterns compiled at load,
 * JIT-compiled once used enough, alternations compiled at first match.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "rules.h"
#include "tap.h"

static void
write_file(const char *dir, const char *name, const char *text)
{
	char path[512];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	if ((f = fopen(path, "w")) != NULL) {
		fputs(text, f);
		fclose(f);
	}
}

static void
remove_file(const char *dir, const char *name)
{
	char path[512];

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	unlink(path);
}

static void
sections_keys_and_lines(void)
{
	char dir[] = "/tmp/retable-rules-XXXXXX";
	struct rules r;
	struct buf err = BUF_INIT;
	const struct rule_section *sec;
	int i;

	if (mkdtemp(dir) == NULL) {
		ok(0, "temporary directory");
		return;
	}
	write_file(dir, "a.rules", "# comment\n[family 部门收支预算表]\n"
	    "title = ^部门收支预算表$  \ncode = 预算01表\n"
	    "  ^a b = c  \n[pattern]\nx\n");
	write_file(dir, "b.rules", "[term]\n合计\r\n");
	ok(rules_load(&r, dir, &err) == 0, "a directory of rules loads");
	is_int(r.nsections, 3, "three sections");
	sec = &r.sections[0];
	is_str(sec->name, "family", "section name");
	is_str(sec->arg, "部门收支预算表", "section argument");
	is_str(rule_get(sec, "title"), "^部门收支预算表$", "value trimmed");
	is_str(rule_get(sec, "code"), "预算01表", "second key");
	ok(sec->nlines == 3 && sec->lines[2].key == NULL &&
	    strcmp(sec->lines[2].value, "^a b = c") == 0,
	    "a bare line holding ' = ' is not a key");
	is_int(sec->lines[2].lineno, 5, "line numbers kept");
	is_str(r.sections[2].lines[0].value, "合计", "CR dropped");
	i = rules_next_section(&r, -1, "term");
	is_int(i, 2, "sections found by name");
	is_int(strlen(r.hash), 16, "a 64-bit hash in hex");
	rules_free(&r);
	write_file(dir, "c.rules", "loose line\n");
	ok(rules_load(&r, dir, &err) == -1 && strstr(buf_str(&err),
	    "c.rules:1: line outside any [section]") != NULL,
	    "a line outside a section is an error, with file and line");
	rules_free(&r);
	remove_file(dir, "c.rules");
	buf_clear(&err);
	write_file(dir, "d.rules", "[not-title]\n^附件\n[，。；]\n");
	ok(rules_load(&r, dir, &err) == -1 && strstr(buf_str(&err),
	    "d.rules:3: [，。；] is no section header") != NULL,
	    "a pattern in brackets is an error, not a section");
	rules_free(&r);
	remove_file(dir, "a.rules");
	remove_file(dir, "b.rules");
	remove_file(dir, "d.rules");
	rmdir(dir);
	buf_free(&err);
}

/* The same answers, and the same groups, before and after JIT. */
static void
matches_before_and_after_jit(void)
{
	struct regex rx;
	struct buf err = BUF_INIT;
	const char *yes = "2023年部门支出预算表", *no = "合计 13.57";
	size_t off, len;
	int i, bad = 0;

	ok(regex_compile(&rx, "^(?<year>\\d{4})年.*表$", "t.rules", 3,
	    &err) == 0, "a pattern compiles");
	for (i = 0; i < 500; i++) {
		if (!regex_match(&rx, yes, strlen(yes)) ||
		    !regex_group(&rx, "year", &off, &len) || off != 0 ||
		    len != 4)
			bad++;
		if (regex_match(&rx, no, strlen(no)))
			bad++;
	}
	is_int(bad, 0, "500 rounds, the same answers throughout");
	ok(rx.jit != 0, "JIT was tried once the pattern was used enough");
	regex_free(&rx);
	ok(regex_compile(&rx, "(?<x>", "t.rules", 7, &err) == -1 &&
	    strstr(buf_str(&err), "t.rules:7: bad pattern") != NULL,
	    "a bad pattern is reported at load, with file and line");
	regex_free(&rx);
	buf_free(&err);
}

static void
alternations_compile_at_first_match(void)
{
	struct regex rx;
	struct buf err = BUF_INIT;

	ok(regex_compile_dupnames(&rx, "(?:(?<u>万元))|(?:(?<u>元))",
	    NULL) == 0, "an alternation is accepted unseen");
	ok(regex_match(&rx, "单位：万元", strlen("单位：万元")),
	    "and matches when first used");
	ok(!regex_match(&rx, "合计", strlen("合计")), "or does not");
	regex_free(&rx);
	ok(regex_compile_dupnames(&rx, "(?:a)|(?:(b)", NULL) == 0 &&
	    regex_match(&rx, "zzz", 3),
	    "one that does not compile lets everything through");
	regex_free(&rx);
	ok(regex_compile_dupnames(&rx, "(?:a)|(?:(b)", &err) == -1 &&
	    strstr(buf_str(&err), "combined patterns") != NULL,
	    "asked to report, it compiles at once and reports");
	regex_free(&rx);
	buf_free(&err);
}

int
main(void)
{
	sections_keys_and_lines();
	matches_before_and_after_jit();
	alternations_compile_at_first_match();
	return tap_done();
}
