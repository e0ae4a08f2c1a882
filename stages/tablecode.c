/*
 * tablecode.c - the code of a table that prints none.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tablecode.h"
#include "utf8.h"

void
tablecode_reset(struct tablecodes *tc)
{
	int i;

	for (i = 0; i < tc->ntoc; i++)
		free(tc->toc[i].key);
	free(tc->toc);
	memset(tc, 0, sizeof(*tc));
}

/* 一 .. 九十九, as the contents number their entries. */
int
chinese_numeral(const char *s, size_t n)
{
	static const char *digits[] = { "一", "二", "三", "四", "五", "六",
	    "七", "八", "九" };
	int value = 0, cur = 0, d, found;
	size_t i = 0;

	while (i < n) {
		if (strncmp(s + i, "十", 3) == 0) {
			value += (cur ? cur : 1) * 10;
			cur = 0;
			i += 3;
			continue;
		}
		found = 0;
		for (d = 0; d < 9; d++)
			if (strncmp(s + i, digits[d], 3) == 0) {
				cur = d + 1;
				found = 1;
			}
		if (!found)
			return 0;
		i += 3;
	}
	return value + cur;
}

/*
 * A title as entries and captions both print it: without year, spaces,
 * brackets or quotes, which the two often spell differently.
 */
static char *
title_key(const char *title)
{
	char *k = family_title_key(title), *o = k;
	const char *p = k;
	int32_t c = 0;
	size_t n;

	while (*p) {
		n = utf8_decode(p, strlen(p), &c);
		if (c != '(' && c != ')' && c != 0xff08 && c != 0xff09 &&
		    c != '"' && c != 0x201c && c != 0x201d) {
			memmove(o, p, n);
			o += n;
		}
		p += n;
	}
	*o = '\0';
	return k;
}

/* Remember a line of the contents, if the line is one. */
void
tablecode_prose(struct tablecodes *tc, struct textrules *tr, const char *line)
{
	size_t off, len, noff, nlen, n = strlen(line);
	int i, ordinal;
	char *title;

	if (patlist_group(&tr->contents, line, n, "title", &off, &len) == -1)
		return;
	i = patlist_match(&tr->contents, line, n);
	if (!regex_group(&tr->contents.rx[i], "num", &noff, &nlen))
		return;
	if ((ordinal = chinese_numeral(line + noff, nlen)) <= 0)
		return;
	title = xstrndup(line + off, len);
	tc->toc = xreallocarray(tc->toc, (size_t)tc->ntoc + 1,
	    sizeof(*tc->toc));
	tc->toc[tc->ntoc].key = title_key(title);
	tc->toc[tc->ntoc].ordinal = ordinal;
	tc->ntoc++;
	free(title);
}

/* "预算03表" -> prefix "预算", number 3. */
static int
split_code(const char *code, char *prefix, size_t size, int *num)
{
	const char *d = code;

	while (*d && (*d < '0' || *d > '9'))
		d++;
	if (*d == '\0' || (size_t)(d - code) >= size)
		return 0;
	memcpy(prefix, code, (size_t)(d - code));
	prefix[d - code] = '\0';
	*num = atoi(d);
	return *num > 0;
}

static const char *
format(char *out, size_t size, const char *prefix, int num)
{
	snprintf(out, size, "%s%02d表", prefix, num);
	return out;
}

/*
 * The code to report for a table: the printed one, or one inferred as
 * the header describes; NULL if there is no evidence.  *out receives an
 * inferred code; the return value says where it came from.
 */
const char *
tablecode_infer(struct tablecodes *tc, const char *printed, const char *title,
    const struct family *f, char *out, size_t size)
{
	char famprefix[32], *key;
	int num, i;

	if (printed) {
		if (split_code(printed, tc->prefix, sizeof(tc->prefix), &num))
			tc->last = num;
		return "printed";
	}
	if (title && tc->prefix[0]) {
		key = title_key(title);
		for (i = 0; i < tc->ntoc; i++)
			if (strcmp(tc->toc[i].key, key) == 0) {
				free(key);
				tc->last = tc->toc[i].ordinal;
				format(out, size, tc->prefix, tc->last);
				return "contents";
			}
		free(key);
	}
	/* Only tables of the numbered set continue its numbering. */
	if (f == NULL || f->code == NULL)
		return NULL;
	if (tc->prefix[0] && tc->last > 0 &&
	    split_code(f->code, famprefix, sizeof(famprefix), &num) &&
	    strcmp(famprefix, tc->prefix) == 0) {
		format(out, size, tc->prefix, ++tc->last);
		return "sequence";
	}
	snprintf(out, size, "%s", f->code);
	return "family";
}
