/*
 * rules.h - the extraction rules: data files read at start-up.
 *
 * rules/ holds *.rules files in a small INI-like syntax:
 *
 *	# comment
 *	[section argument]
 *	key = value
 *	a bare line
 *
 * Patterns are PCRE2 (UTF, Unicode properties), compiled once at load,
 * so a bad pattern stops the stage at start-up; each is JIT-compiled only
 * once it has been used enough to repay it.  The programs keep compiled
 * patterns between runs (rxcache.h), looked up by their text, so a rules
 * edit still takes effect at once.
 * Nothing here knows what a section means; the stages interpret them.
 * The rules' identity is a hash of every file's name and bytes, printed
 * in each output record, so a result can be traced to the rules that made
 * it and a batch can tell when the rules have changed.
 */
#ifndef RETABLE_RULES_H
#define RETABLE_RULES_H

#include <stddef.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "buf.h"

struct rule_line {
	char	*key;		/* NULL for a bare line */
	char	*value;		/* the line itself when bare */
	const char *file;
	int	 lineno;
};

struct rule_section {
	char	*name;		/* "pattern", "family", ... */
	char	*arg;		/* text after the name, or "" */
	struct rule_line *lines;
	int	 nlines, caplines;
	const char *file;
	int	 lineno;
};

struct rules {
	char	*dir;
	char	 hash[17];	/* FNV-1a 64 of the files, hex */
	char	**files;	/* file names, kept for messages */
	char	**texts;	/* their text, which the strings point into */
	int	 nfiles;
	struct rule_section *sections;
	int	 nsections, capsections;
};

struct regex {
	pcre2_code	*code;
	pcre2_match_data *md;
	char		*source;
	const char	*file;
	int		 lineno;
	size_t		 scanned;	/* text matched so far, until JIT */
	int		 jit;		/* 1 compiled, -1 JIT unavailable,
					   -2 the pattern does not compile */
};

int	 rules_load(struct rules *, const char *dir, struct buf *err);
void	 rules_free(struct rules *);
const char *rules_default_dir(const char *argv0, const char *override);
int	 rules_next_section(const struct rules *, int after, const char *name);
const char *rule_get(const struct rule_section *, const char *key);

int	 regex_compile(struct regex *, const char *pattern, const char *file,
	    int lineno, struct buf *err);
int	 regex_compile_dupnames(struct regex *, const char *, struct buf *);
int	 regex_match(struct regex *, const char *, size_t);
int	 regex_group(struct regex *, const char *name, size_t *, size_t *);
int	 regex_span(struct regex *, size_t *start, size_t *end);
void	 regex_free(struct regex *);

unsigned long long fnv1a64(unsigned long long, const void *, size_t);

#endif
