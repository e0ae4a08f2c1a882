/*
 * test_rules.c - loading a rules directory; patterns compiled at load,
 * JIT-compiled once used enough, alternations compiled at first match;
 * compiled patterns kept between runs, and never wrong when the rules or
 * the cache file change.
 */
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "rules.h"
#include "rxcache.h"
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

static const char year_rx[] = "^(?<y>\\d{4})年$";
static const char year_text[] = "2023年";

/* Compile year_rx with the cache open for rules hash; hits, misses. */
static int
compile_year(const char *hash, int *hits, int *misses, int *matched)
{
	struct regex rx;
	struct buf err = BUF_INIT;
	size_t off, len;
	int rc;

	rxcache_open("t", hash);
	rc = regex_compile(&rx, year_rx, "t.rules", 1, &err);
	rxcache_counts(hits, misses);
	*matched = rc == 0 && regex_match(&rx, year_text,
	    strlen(year_text)) && regex_group(&rx, "y", &off, &len) &&
	    off == 0 && len == 4 && !regex_match(&rx, "2023年度",
	    strlen("2023年度"));
	if (rc == 0)
		regex_free(&rx);
	rxcache_close();
	buf_free(&err);
	return rc;
}

static void
cache_file_path(char *path, size_t n, const char *dir, const char *hash)
{
	snprintf(path, n, "%s/retable/t-%s.pcre2", dir, hash);
}

/* Two patterns cached: each is answered with its own code. */
static void
two_patterns_each_its_own(void)
{
	struct regex a, b;
	struct buf err = BUF_INIT;
	int hits, misses, i;

	for (i = 0; i < 2; i++) {
		rxcache_open("t", "h1");
		regex_compile(&a, "^合计$", "t.rules", 2, &err);
		regex_compile(&b, year_rx, "t.rules", 1, &err);
		rxcache_counts(&hits, &misses);
		ok(regex_match(&a, "合计", strlen("合计")) &&
		    !regex_match(&a, year_text, strlen(year_text)) &&
		    regex_match(&b, year_text, strlen(year_text)) &&
		    !regex_match(&b, "合计", strlen("合计")),
		    "two patterns, %s: each matches as its own text says",
		    i ? "both from the cache" : "one compiled");
		regex_free(&a);
		regex_free(&b);
		rxcache_close();
	}
	ok(hits == 2, "both came from the cache the second time");
	buf_free(&err);
}

static void
second_run_reads_the_cache(const char *dir)
{
	char path[512];
	struct stat st;
	int hits, misses, matched;

	cache_file_path(path, sizeof(path), dir, "h1");
	compile_year("h1", &hits, &misses, &matched);
	ok(hits == 0 && misses == 1 && matched,
	    "first run: the pattern is compiled and matches");
	ok(stat(path, &st) == 0 && st.st_size > 0,
	    "the compiled pattern is written to the cache directory");
	compile_year("h1", &hits, &misses, &matched);
	ok(hits == 1 && misses == 0 && matched,
	    "second run: the pattern comes from the cache, same answers");
	two_patterns_each_its_own();
}

/*
 * An edited pattern: its rules have another hash, hence another file,
 * but even in the file of the old rules it would not be found.
 */
static void
rules_edit_never_uses_the_old_code(void)
{
	struct regex rx;
	struct buf err = BUF_INIT;
	int hits, misses;

	rxcache_open("t", "h1");
	ok(regex_compile(&rx, "^(?<y>\\d{4})年度$", "t.rules", 1,
	    &err) == 0, "an edited pattern compiles");
	rxcache_counts(&hits, &misses);
	ok(misses == 1 && hits == 0 &&
	    regex_match(&rx, "2023年度", strlen("2023年度")) &&
	    !regex_match(&rx, year_text, strlen(year_text)),
	    "an edited pattern is compiled, not taken from the old code");
	regex_free(&rx);
	rxcache_close();
	buf_free(&err);
}

static int
count_files(const char *dir, const char *prefix)
{
	char path[512];
	struct dirent *de;
	DIR *d;
	int n = 0;

	snprintf(path, sizeof(path), "%s/retable", dir);
	if ((d = opendir(path)) == NULL)
		return -1;
	while ((de = readdir(d)) != NULL)
		n += strncmp(de->d_name, prefix, strlen(prefix)) == 0;
	closedir(d);
	return n;
}

static void
backdate(const char *dir, const char *hash, int minutes)
{
	struct timespec when[2];
	char path[512];

	cache_file_path(path, sizeof(path), dir, hash);
	clock_gettime(CLOCK_REALTIME, &when[0]);
	when[0].tv_sec -= 60 * minutes;
	when[1] = when[0];
	utimensat(AT_FDCWD, path, when, 0);
}

static int
has_file(const char *dir, const char *hash)
{
	char path[512];

	cache_file_path(path, sizeof(path), dir, hash);
	return access(path, F_OK) == 0;
}

/*
 * Files of forty more versions of the rules, written an hour ago and a
 * minute apart; then the oldest kept is read, and one more written.
 */
static void
old_rules_files_are_removed(const char *dir)
{
	char hash[16];
	int i, hits, misses, matched;

	for (i = 0; i < 40; i++) {
		snprintf(hash, sizeof(hash), "v%d", i);
		compile_year(hash, &hits, &misses, &matched);
		backdate(dir, hash, 100 - i);
	}
	is_int(count_files(dir, "t-"), 32,
	    "of the program's files, the 32 written last are kept");
	ok(!has_file(dir, "v0") && has_file(dir, "v39"),
	    "the oldest are removed, the newest stay");
	ok(has_file(dir, "v11") && has_file(dir, "v12"), "v11, v12 kept");
	compile_year("v11", &hits, &misses, &matched);
	ok(hits == 1, "the oldest kept is read");
	compile_year("w0", &hits, &misses, &matched);
	ok(has_file(dir, "v11") && !has_file(dir, "v12"),
	    "a file read lately stays; the oldest not read goes");
}

static void
options_are_part_of_the_key(void)
{
	static const char alt[] = "(?:(?<u>万元))|(?:(?<u>元))";
	struct regex rx;
	struct buf err = BUF_INIT;

	rxcache_open("t", "h3");
	ok(regex_compile_dupnames(&rx, alt, &err) == 0,
	    "an alternation with repeated names compiles");
	regex_free(&rx);
	rxcache_close();
	rxcache_open("t", "h3");
	ok(regex_compile(&rx, alt, "t.rules", 2, &err) == -1 &&
	    strstr(buf_str(&err), "t.rules:2: bad pattern") != NULL,
	    "the same text without DUPNAMES is compiled, and refused");
	regex_free(&rx);
	buf_clear(&err);
	ok(regex_compile(&rx, "(?<x>", "t.rules", 7, &err) == -1 &&
	    strstr(buf_str(&err), "t.rules:7: bad pattern") != NULL,
	    "with a cache, a bad pattern is still reported at load");
	regex_free(&rx);
	rxcache_close();
	buf_free(&err);
}

/* Overwrite n bytes at off (from the end if off < 0), or truncate. */
static void
damage(const char *path, long off, const char *bytes, size_t n, int cut)
{
	struct stat st;
	FILE *f;

	if (stat(path, &st) == -1)
		return;
	if (cut) {
		if (truncate(path, st.st_size / 2) == -1)
			ok(0, "truncate %s", path);
		return;
	}
	if ((f = fopen(path, "r+")) == NULL)
		return;
	fseek(f, off >= 0 ? off : st.st_size + off, SEEK_SET);
	fwrite(bytes, 1, n, f);
	fclose(f);
}

static void
damaged_files_are_ignored(const char *dir)
{
	static const struct {
		const char *what;
		long off;
		const char *bytes;
		int cut;
	} cases[] = {
		{ "a byte changed in the compiled code", -40, "\x5a", 0 },
		{ "a truncated file", 0, "", 1 },
		{ "a file from another format version", 0, "retable-rxcache\t9",
		    0 },
		{ "garbage", 0, "\n\n\n\n\n\n\n\n\n\n\n\n", 0 },
	};
	char path[512];
	size_t i;
	int hits, misses, matched;

	cache_file_path(path, sizeof(path), dir, "h4");
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		compile_year("h4", &hits, &misses, &matched);
		compile_year("h4", &hits, &misses, &matched);
		if (!ok(hits == 1, "cached before: %s", cases[i].what))
			continue;
		damage(path, cases[i].off, cases[i].bytes,
		    strlen(cases[i].bytes), cases[i].cut);
		compile_year("h4", &hits, &misses, &matched);
		ok(hits == 0 && misses == 1 && matched,
		    "%s: ignored, the pattern compiled", cases[i].what);
		compile_year("h4", &hits, &misses, &matched);
		ok(hits == 1 && matched, "%s: the file written again",
		    cases[i].what);
	}
}

static void
unwritable_cache_dir(const char *dir)
{
	char file[512];
	int hits, misses, matched;
	FILE *f;

	/* A directory that cannot be made: its parent is a file. */
	snprintf(file, sizeof(file), "%s/plain", dir);
	if ((f = fopen(file, "w")) != NULL)
		fclose(f);
	setenv("XDG_CACHE_HOME", file, 1);
	compile_year("h5", &hits, &misses, &matched);
	ok(misses == 1 && matched,
	    "an unwritable cache directory: patterns compile as without one");
	compile_year("h5", &hits, &misses, &matched);
	ok(hits == 0 && matched, "and nothing is read back");
	unlink(file);
	setenv("XDG_CACHE_HOME", dir, 1);
}

static void
remove_all(const char *dir)
{
	char path[1024], sub[512];
	struct dirent *de;
	DIR *d;

	snprintf(sub, sizeof(sub), "%s/retable", dir);
	if ((d = opendir(sub)) != NULL) {
		while ((de = readdir(d)) != NULL) {
			if (de->d_name[0] == '.')
				continue;
			snprintf(path, sizeof(path), "%s/%s", sub, de->d_name);
			unlink(path);
		}
		closedir(d);
	}
	rmdir(sub);
	ok(rmdir(dir) == 0, "nothing left behind but the cache files");
}

static void
compiled_patterns_cache(void)
{
	char dir[] = "/tmp/retable-rxcache-XXXXXX";

	if (mkdtemp(dir) == NULL) {
		ok(0, "temporary directory");
		return;
	}
	setenv("XDG_CACHE_HOME", dir, 1);
	second_run_reads_the_cache(dir);
	rules_edit_never_uses_the_old_code();
	options_are_part_of_the_key();
	damaged_files_are_ignored(dir);
	unwritable_cache_dir(dir);
	old_rules_files_are_removed(dir);
	unsetenv("XDG_CACHE_HOME");
	remove_all(dir);
}

int
main(void)
{
	sections_keys_and_lines();
	matches_before_and_after_jit();
	alternations_compile_at_first_match();
	compiled_patterns_cache();
	return tap_done();
}
