/*
 * rules.c - loading the rules directory and compiling its patterns.
 */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rules.h"
#include "rxcache.h"

#ifndef RULESDIR
#define RULESDIR "/usr/local/share/retable/rules"
#endif

unsigned long long
fnv1a64(unsigned long long h, const void *p, size_t n)
{
	const unsigned char *s = p;
	size_t i;

	for (i = 0; i < n; i++) {
		h ^= s[i];
		h *= 0x100000001b3ULL;
	}
	return h;
}

static int
is_dir(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/*
 * Where the rules are when --rules was not given: $RETABLE_RULES, then
 * beside the program as installed (BINDIR/../share/retable/rules) or as
 * built (build/bin/../../rules), then the directory compiled in.
 */
const char *
rules_default_dir(const char *argv0, const char *override)
{
	static char path[PATH_MAX];
	static const char *rel[] = { "../share/retable/rules", "../rules",
	    "../../rules" };
	char exe[PATH_MAX], *slash;
	const char *env;
	ssize_t n;
	size_t i;

	if (override)
		return override;
	if ((env = getenv("RETABLE_RULES")) != NULL && *env)
		return env;
	n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n <= 0 && argv0 && strchr(argv0, '/') &&
	    strlen(argv0) < sizeof(exe)) {
		strcpy(exe, argv0);
		n = (ssize_t)strlen(exe);
	}
	if (n > 0) {
		exe[n] = '\0';
		if ((slash = strrchr(exe, '/')) != NULL) {
			*slash = '\0';
			for (i = 0; i < sizeof(rel) / sizeof(rel[0]); i++) {
				int w = snprintf(path, sizeof(path), "%s/%s",
				    exe, rel[i]);

				if (w > 0 && (size_t)w < sizeof(path) &&
				    is_dir(path))
					return path;
			}
		}
	}
	return RULESDIR;
}

static int
cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int
list_rule_files(struct rules *r, struct buf *err)
{
	DIR *d;
	struct dirent *e;
	size_t n;

	if ((d = opendir(r->dir)) == NULL) {
		buf_printf(err, "rules directory %s: %s", r->dir,
		    strerror(errno));
		return -1;
	}
	while ((e = readdir(d)) != NULL) {
		n = strlen(e->d_name);
		if (n < 7 || strcmp(e->d_name + n - 6, ".rules") != 0 ||
		    e->d_name[0] == '.')
			continue;
		r->files = xreallocarray(r->files, (size_t)r->nfiles + 1,
		    sizeof(char *));
		r->files[r->nfiles++] = xstrdup(e->d_name);
	}
	closedir(d);
	if (r->nfiles == 0) {
		buf_printf(err, "rules directory %s has no *.rules files",
		    r->dir);
		return -1;
	}
	/* Sorted, so the hash does not depend on directory order. */
	qsort(r->files, (size_t)r->nfiles, sizeof(char *), cmp_names);
	return 0;
}

static char *
trim(char *s)
{
	char *e;

	while (*s == ' ' || *s == '\t')
		s++;
	e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
		*--e = '\0';
	return s;
}

/* Room for one more element in an array that doubles. */
static void *
grow(void *v, int n, int *cap, size_t size)
{
	if (n < *cap)
		return v;
	*cap = *cap ? *cap * 2 : 16;
	return xreallocarray(v, (size_t)*cap, size);
}

/*
 * The parse cuts the file's text in place: names, keys and values point
 * into it, so loading the rules allocates per file and per section, not
 * per string.
 */
static struct rule_section *
new_section(struct rules *r, char *header, const char *file, int lineno)
{
	struct rule_section *sec;
	char *arg;

	r->sections = grow(r->sections, r->nsections, &r->capsections,
	    sizeof(*r->sections));
	sec = &r->sections[r->nsections++];
	memset(sec, 0, sizeof(*sec));
	arg = header + strcspn(header, " \t");
	if (*arg)
		*arg++ = '\0';
	sec->name = header;
	sec->arg = trim(arg);
	sec->file = file;
	sec->lineno = lineno;
	return sec;
}

/*
 * "key = value" when the line starts with a word and " = "; patterns are
 * bare lines, so a pattern holding "=" is not mistaken for a key.
 */
static void
add_line(struct rule_section *sec, char *line, const char *file,
    int lineno)
{
	struct rule_line *rl;
	char *eq = strstr(line, " = ");
	size_t keylen = eq ? (size_t)(eq - line) : 0;

	sec->lines = grow(sec->lines, sec->nlines, &sec->caplines,
	    sizeof(*sec->lines));
	rl = &sec->lines[sec->nlines++];
	rl->file = file;
	rl->lineno = lineno;
	if (eq && keylen > 0 && strcspn(line, " \t") == keylen) {
		line[keylen] = '\0';
		rl->key = line;
		rl->value = trim(eq + 3);
	} else {
		rl->key = NULL;
		rl->value = line;
	}
}

/*
 * A section header names its kind in lower-case ASCII, perhaps followed
 * by a name of its own: [unit], [join-digits], [family 部门收支预算表].
 * Anything else in brackets is a pattern that would silently have opened
 * a section and lost the patterns after it.
 */
static int
section_name(const char *s)
{
	if (!(*s >= 'a' && *s <= 'z'))
		return 0;
	while ((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') ||
	    *s == '-')
		s++;
	return *s == '\0' || *s == ' ';
}

static int
parse_file(struct rules *r, const char *name, char *text, struct buf *err)
{
	struct rule_section *sec = NULL;
	char *line, *next, *s;
	int lineno = 0;

	for (line = text; line; line = next) {
		lineno++;
		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		s = trim(line);
		if (*s == '\0' || *s == '#')
			continue;
		if (*s == '[') {
			char *close = strrchr(s, ']');

			if (close == NULL || close[1] != '\0') {
				buf_printf(err, "%s/%s:%d: section header "
				    "without ']'", r->dir, name, lineno);
				return -1;
			}
			*close = '\0';
			if (!section_name(trim(s + 1))) {
				buf_printf(err, "%s/%s:%d: [%s] is no section "
				    "header (a name, as [unit] or [family X]); "
				    "a pattern must not begin with '['",
				    r->dir, name, lineno, trim(s + 1));
				return -1;
			}
			sec = new_section(r, trim(s + 1), name, lineno);
			/* Keep the index, not the pointer: it moves. */
			continue;
		}
		if (sec == NULL) {
			buf_printf(err, "%s/%s:%d: line outside any [section]",
			    r->dir, name, lineno);
			return -1;
		}
		sec = &r->sections[r->nsections - 1];
		add_line(sec, s, name, lineno);
	}
	return 0;
}

/* A whole file, NUL-terminated, in one allocation sized from fstat. */
static char *
read_file(const char *path, size_t *len, struct buf *err)
{
	struct buf text = BUF_INIT;
	struct stat st;
	char chunk[8192];
	size_t n;
	FILE *f;

	if ((f = fopen(path, "rb")) == NULL) {
		buf_printf(err, "%s: %s", path, strerror(errno));
		return NULL;
	}
	if (fstat(fileno(f), &st) == 0 && st.st_size > 0)
		buf_grow(&text, (size_t)st.st_size);
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_add(&text, chunk, n);
	fclose(f);
	*len = text.len;
	return buf_detach(&text);
}

int
rules_load(struct rules *r, const char *dir, struct buf *err)
{
	unsigned long long h = 0xcbf29ce484222325ULL;
	struct buf path = BUF_INIT;
	char *text;
	size_t len;
	int i;

	memset(r, 0, sizeof(*r));
	r->dir = xstrdup(dir);
	if (list_rule_files(r, err) == -1)
		return -1;
	r->texts = xcalloc((size_t)r->nfiles, sizeof(char *));
	for (i = 0; i < r->nfiles; i++) {
		buf_clear(&path);
		buf_printf(&path, "%s/%s", dir, r->files[i]);
		if ((text = read_file(path.s, &len, err)) == NULL)
			goto fail;
		r->texts[i] = text;
		h = fnv1a64(h, r->files[i], strlen(r->files[i]) + 1);
		h = fnv1a64(h, text, len);
		if (parse_file(r, r->files[i], text, err) == -1)
			goto fail;
	}
	snprintf(r->hash, sizeof(r->hash), "%016llx", h);
	buf_free(&path);
	return 0;
fail:
	buf_free(&path);
	return -1;
}

void
rules_free(struct rules *r)
{
	int i;

	for (i = 0; i < r->nsections; i++)
		free(r->sections[i].lines);
	for (i = 0; i < r->nfiles; i++) {
		free(r->files[i]);
		if (r->texts)
			free(r->texts[i]);
	}
	free(r->texts);
	free(r->files);
	free(r->sections);
	free(r->dir);
	memset(r, 0, sizeof(*r));
}

/* Index of the next section called name after index after, or -1. */
int
rules_next_section(const struct rules *r, int after, const char *name)
{
	int i;

	for (i = after + 1; i < r->nsections; i++)
		if (strcmp(r->sections[i].name, name) == 0)
			return i;
	return -1;
}

/* The first value of key in a section, or NULL. */
const char *
rule_get(const struct rule_section *sec, const char *key)
{
	int i;

	for (i = 0; i < sec->nlines; i++)
		if (sec->lines[i].key && strcmp(sec->lines[i].key, key) == 0)
			return sec->lines[i].value;
	return NULL;
}

int
regex_compile(struct regex *rx, const char *pattern, const char *file,
    int lineno, struct buf *err)
{
	PCRE2_UCHAR msg[256];
	PCRE2_SIZE off;
	int code;

	memset(rx, 0, sizeof(*rx));
	rx->code = rxcache_compile(pattern,
	    PCRE2_UTF | PCRE2_UCP | PCRE2_NO_UTF_CHECK, &code, &off);
	if (rx->code == NULL) {
		pcre2_get_error_message(code, msg, sizeof(msg));
		buf_printf(err, "%s:%d: bad pattern at offset %zu: %s",
		    file ? file : "?", lineno, (size_t)off, (char *)msg);
		return -1;
	}
	rx->md = pcre2_match_data_create_from_pattern(rx->code, NULL);
	rx->source = xstrdup(pattern);
	rx->file = file;
	rx->lineno = lineno;
	return 0;
}

static int
compile_alternation(struct regex *rx, struct buf *err)
{
	PCRE2_UCHAR msg[256];
	PCRE2_SIZE off;
	int code;

	rx->code = rxcache_compile(rx->source,
	    PCRE2_UTF | PCRE2_UCP | PCRE2_NO_UTF_CHECK | PCRE2_DUPNAMES, &code,
	    &off);
	if (rx->code == NULL) {
		if (err) {
			pcre2_get_error_message(code, msg, sizeof(msg));
			buf_printf(err, "combined patterns: %s", (char *)msg);
		}
		rx->jit = -2;
		return -1;
	}
	rx->md = pcre2_match_data_create_from_pattern(rx->code, NULL);
	return 0;
}

/*
 * An alternation built from several patterns, whose named groups repeat.
 * With err, it is compiled now and a failure reported.  Without, it only
 * screens lines for its patterns, and is compiled when first matched (a
 * stage uses few of its lists on a small document); if it does not
 * compile, it matches everything, and the caller's patterns one by one
 * decide, as they would have without it.
 */
int
regex_compile_dupnames(struct regex *rx, const char *pattern, struct buf *err)
{
	memset(rx, 0, sizeof(*rx));
	rx->source = xstrdup(pattern);
	if (err == NULL)
		return 0;
	return compile_alternation(rx, err);
}

/*
 * JIT compiling a pattern costs as much as interpreting it over a few
 * kilobytes of text, and a stage holds 50 to 170 patterns of which a
 * small document uses few: compiling them all was most of a stage's
 * start-up.  So a pattern is interpreted until it has been run over this
 * much text (each call counting for some, whatever its length), then
 * JIT-compiled.  Measured (instructions, the three rule stages): any
 * budget between 512 bytes and 4 KiB does about as well; JIT at first use
 * costs a small corpus document 40% more, never JIT-compiling costs
 * dehyphenate and table-segment 70% more on the largest seed.
 */
#define JIT_AFTER_BYTES	1024
#define JIT_CALL_BYTES	16

/* 1 if the pattern matches somewhere in s (input is valid UTF-8). */
int
regex_match(struct regex *rx, const char *s, size_t n)
{
	if (rx->code == NULL && (rx->jit == -2 ||
	    compile_alternation(rx, NULL) == -1))
		return 1;
	if (rx->jit == 0 && (rx->scanned += n + JIT_CALL_BYTES) >=
	    JIT_AFTER_BYTES)
		/* JIT is an optimisation; without it matching is slower. */
		rx->jit = pcre2_jit_compile(rx->code, PCRE2_JIT_COMPLETE) == 0 ?
		    1 : -1;
	/* pcre2_jit_match skips the argument checks pcre2_match repeats. */
	if (rx->jit == 1)
		return pcre2_jit_match(rx->code, (PCRE2_SPTR)s, n, 0, 0,
		    rx->md, NULL) >= 0;
	return pcre2_match(rx->code, (PCRE2_SPTR)s, n, 0, PCRE2_NO_UTF_CHECK,
	    rx->md, NULL) >= 0;
}

/* Where a named group matched in the last successful match. */
int
regex_group(struct regex *rx, const char *name, size_t *off, size_t *n)
{
	PCRE2_SIZE *ov;
	int num;

	num = pcre2_substring_number_from_name(rx->code, (PCRE2_SPTR)name);
	if (num < 0)
		return 0;
	ov = pcre2_get_ovector_pointer(rx->md);
	if (ov[2 * num] == PCRE2_UNSET)
		return 0;
	*off = ov[2 * num];
	*n = ov[2 * num + 1] - ov[2 * num];
	return 1;
}

/* Where the whole last match was. */
int
regex_span(struct regex *rx, size_t *start, size_t *end)
{
	PCRE2_SIZE *ov = pcre2_get_ovector_pointer(rx->md);

	*start = ov[0];
	*end = ov[1];
	return 1;
}

void
regex_free(struct regex *rx)
{
	pcre2_match_data_free(rx->md);
	pcre2_code_free(rx->code);
	free(rx->source);
	memset(rx, 0, sizeof(*rx));
}
