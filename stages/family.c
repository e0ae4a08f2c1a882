/*
 * family.c - table families, as rules/families.rules describes them.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "family.h"
#include "utf8.h"

static char **
split_words(const char *s, int *n)
{
	char **v = NULL, *copy = xstrdup(s), *w, *save = NULL;

	*n = 0;
	for (w = strtok_r(copy, " \t", &save); w;
	    w = strtok_r(NULL, " \t", &save)) {
		v = xreallocarray(v, (size_t)*n + 1, sizeof(char *));
		v[(*n)++] = xstrdup(w);
	}
	free(copy);
	return v;
}

static void
free_words(char **v, int n)
{
	int i;

	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

/* "基本支出/人员经费~经费" -> levels of spellings. */
static void
parse_path(struct fam_col *c, const char *path)
{
	struct buf canon = BUF_INIT;
	const char *p = path, *e, *a, *ae;
	struct fam_level *lv;

	while (*p) {
		e = strchr(p, '/');
		if (e == NULL)
			e = p + strlen(p);
		c->levels = xreallocarray(c->levels, (size_t)c->depth + 1,
		    sizeof(*c->levels));
		lv = &c->levels[c->depth++];
		memset(lv, 0, sizeof(*lv));
		for (a = p; a < e; a = ae + 1) {
			ae = memchr(a, '~', (size_t)(e - a));
			if (ae == NULL)
				ae = e;
			lv->alts = xreallocarray(lv->alts, (size_t)lv->nalts + 1,
			    sizeof(char *));
			lv->alts[lv->nalts++] = xstrndup(a, (size_t)(ae - a));
			if (ae == e)
				break;
		}
		if (canon.len)
			buf_addc(&canon, '/');
		buf_adds(&canon, lv->alts[0]);
		p = *e ? e + 1 : e;
	}
	c->canon = buf_detach(&canon);
}

static int
parse_type(const char *s, enum coltype *t)
{
	static const struct { const char *name; enum coltype type; } types[] = {
		{ "code", COL_CODE }, { "label", COL_LABEL },
		{ "text", COL_TEXT }, { "int", COL_INT },
		{ "amount", COL_AMOUNT },
	};
	size_t i;

	for (i = 0; i < sizeof(types) / sizeof(types[0]); i++)
		if (strcmp(s, types[i].name) == 0) {
			*t = types[i].type;
			return 0;
		}
	return -1;
}

/* "PATH : TYPE [PATTERN]" */
static int
parse_column(struct family *f, const struct rule_line *rl, struct buf *err)
{
	const char *v = rl->value, *colon = strstr(v, " : "), *rest;
	struct fam_col *c;
	char *path, *type;
	size_t tl;

	if (colon == NULL) {
		buf_printf(err, "%s:%d: column needs 'PATH : TYPE'", rl->file,
		    rl->lineno);
		return -1;
	}
	f->cols = xreallocarray(f->cols, (size_t)f->ncols + 1,
	    sizeof(*f->cols));
	c = &f->cols[f->ncols++];
	memset(c, 0, sizeof(*c));
	c->group = -1;
	path = xstrndup(v, (size_t)(colon - v));
	parse_path(c, path);
	free(path);
	rest = colon + 3;
	tl = strcspn(rest, " \t");
	type = xstrndup(rest, tl);
	if (parse_type(type, &c->type) == -1) {
		buf_printf(err, "%s:%d: unknown column type '%s'", rl->file,
		    rl->lineno, type);
		free(type);
		return -1;
	}
	free(type);
	rest += tl;
	while (*rest == ' ' || *rest == '\t')
		rest++;
	if (*rest) {
		c->rx = xmalloc(sizeof(*c->rx));
		if (regex_compile(c->rx, rest, rl->file, rl->lineno, err) == -1)
			return -1;
	}
	return 0;
}

/* "A = B + C + D" */
static int
parse_sum(struct family *f, const struct rule_line *rl, struct buf *err)
{
	const char *v = rl->value, *eq = strstr(v, " = "), *p, *plus;
	struct fam_sum *s;

	if (eq == NULL) {
		buf_printf(err, "%s:%d: sum needs 'A = B + C'", rl->file,
		    rl->lineno);
		return -1;
	}
	f->sums = xreallocarray(f->sums, (size_t)f->nsums + 1,
	    sizeof(*f->sums));
	s = &f->sums[f->nsums++];
	memset(s, 0, sizeof(*s));
	s->lhs = xstrndup(v, (size_t)(eq - v));
	for (p = eq + 3; *p; p = plus + 3) {
		plus = strstr(p, " + ");
		s->rhs = xreallocarray(s->rhs, (size_t)s->nrhs + 1,
		    sizeof(char *));
		s->rhs[s->nrhs++] = xstrndup(p, plus ? (size_t)(plus - p) :
		    strlen(p));
		if (plus == NULL)
			break;
	}
	return 0;
}

/* "CODECOL PATTERN -> AMOUNTCOL" */
static int
parse_prefer(struct family *f, const struct rule_line *rl, struct buf *err)
{
	const char *v = rl->value, *sp = strchr(v, ' '),
	    *arrow = strstr(v, " -> ");
	struct fam_prefer *p;
	char *pattern;
	int rc;

	if (sp == NULL || arrow == NULL || arrow <= sp) {
		buf_printf(err, "%s:%d: prefer needs 'COL PATTERN -> COL'",
		    rl->file, rl->lineno);
		return -1;
	}
	f->prefers = xreallocarray(f->prefers, (size_t)f->nprefers + 1,
	    sizeof(*f->prefers));
	p = &f->prefers[f->nprefers++];
	memset(p, 0, sizeof(*p));
	p->codecol = xstrndup(v, (size_t)(sp - v));
	p->amountcol = xstrdup(arrow + 4);
	pattern = xstrndup(sp + 1, (size_t)(arrow - sp - 1));
	rc = regex_compile(&p->rx, pattern, rl->file, rl->lineno, err);
	free(pattern);
	return rc;
}

/* "COL PATTERN" */
static int
parse_side(struct family *f, const struct rule_line *rl, struct buf *err)
{
	const char *v = rl->value, *sp = strchr(v, ' ');
	struct fam_side *s;

	if (sp == NULL) {
		buf_printf(err, "%s:%d: side needs 'COL PATTERN'", rl->file,
		    rl->lineno);
		return -1;
	}
	f->sides = xreallocarray(f->sides, (size_t)f->nsides + 1,
	    sizeof(*f->sides));
	s = &f->sides[f->nsides++];
	memset(s, 0, sizeof(*s));
	s->col = xstrndup(v, (size_t)(sp - v));
	return regex_compile(&s->rx, sp + 1, rl->file, rl->lineno, err);
}

static struct fam_col *
column_by_canon(struct family *f, const char *canon)
{
	int i;

	for (i = 0; i < f->ncols; i++)
		if (strcmp(f->cols[i].canon, canon) == 0)
			return &f->cols[i];
	return NULL;
}

static void
mark_columns(struct family *f, const char *list, int group)
{
	struct fam_col *c;
	char **w;
	int n, i;

	w = split_words(list, &n);
	for (i = 0; i < n; i++)
		if ((c = column_by_canon(f, w[i])) != NULL) {
			if (group >= 0)
				c->group = group;
			else
				c->optional = 1;
		}
	free_words(w, n);
}

static int
parse_line(struct family *f, const struct rule_line *rl, struct buf *err)
{
	const char *k = rl->key;

	if (k == NULL) {
		buf_printf(err, "%s:%d: expected 'key = value'", rl->file,
		    rl->lineno);
		return -1;
	}
	if (strcmp(k, "title") == 0)
		return regex_compile(&f->title, rl->value, rl->file,
		    rl->lineno, err);
	if (strcmp(k, "code") == 0)
		f->code = xstrdup(rl->value);
	else if (strcmp(k, "like") == 0)
		f->like = xstrdup(rl->value);
	else if (strcmp(k, "column") == 0)
		return parse_column(f, rl, err);
	else if (strcmp(k, "sum") == 0)
		return parse_sum(f, rl, err);
	else if (strcmp(k, "prefer") == 0)
		return parse_prefer(f, rl, err);
	else if (strcmp(k, "side") == 0)
		return parse_side(f, rl, err);
	else if (strcmp(k, "marker") == 0)
		f->marker = xstrdup(rl->value);
	else if (strcmp(k, "total") == 0)
		f->total = xstrdup(rl->value);
	else if (strcmp(k, "spantotal") == 0)
		f->spantotal = strcmp(rl->value, "yes") == 0;
	else if (strcmp(k, "stretch") == 0) {
		f->stretch = xreallocarray(f->stretch, (size_t)f->nstretch + 1,
		    sizeof(char *));
		f->stretch[f->nstretch++] = xstrdup(rl->value);
	} else if (strcmp(k, "optional") == 0 || strcmp(k, "group") == 0) {
		/* Applied once all columns are read, see mark_all. */
	} else {
		buf_printf(err, "%s:%d: unknown family key '%s'", rl->file,
		    rl->lineno, k);
		return -1;
	}
	return 0;
}

static void
mark_all(struct family *f, const struct rule_section *sec)
{
	int k;

	for (k = 0; k < sec->nlines; k++) {
		const struct rule_line *rl = &sec->lines[k];

		if (rl->key && strcmp(rl->key, "optional") == 0)
			mark_columns(f, rl->value, -1);
		else if (rl->key && strcmp(rl->key, "group") == 0)
			mark_columns(f, rl->value, f->ngroups++);
	}
}

/* How many sections describe the family called name: its variants. */
static int
count_variants(const struct rules *r, const char *name)
{
	int i = -1, n = 0;

	while ((i = rules_next_section(r, i, "family")) != -1)
		n += strcmp(r->sections[i].arg, name) == 0;
	return n;
}

static const struct rule_section *
variant_section(const struct rules *r, const char *name, int which)
{
	int i = -1;

	while ((i = rules_next_section(r, i, "family")) != -1)
		if (strcmp(r->sections[i].arg, name) == 0 && which-- == 0)
			return &r->sections[i];
	return NULL;
}

/*
 * "like = NAME": the family shares another's columns and arithmetic,
 * differing only in title and code (预算05表 is 预算03表 for one fund);
 * it takes every variant the other has.  Variant v of the base fills f.
 */
static int
copy_variant(struct family *f, const struct rules *r, const char *base,
    int v, struct buf *err)
{
	const struct rule_section *sec = variant_section(r, base, v);
	int k;

	if (sec == NULL) {
		buf_printf(err, "family %s: 'like = %s' names no family",
		    f->name, base);
		return -1;
	}
	for (k = 0; k < sec->nlines; k++) {
		const struct rule_line *rl = &sec->lines[k];

		if (rl->key && (strcmp(rl->key, "title") == 0 ||
		    strcmp(rl->key, "code") == 0 || strcmp(rl->key, "like") == 0))
			continue;
		if (parse_line(f, rl, err) == -1)
			return -1;
	}
	mark_all(f, sec);
	return 0;
}

static int
parse_section(struct family *f, const struct rule_section *sec,
    struct buf *err)
{
	int k;

	memset(f, 0, sizeof(*f));
	f->name = xstrdup(sec->arg);
	for (k = 0; k < sec->nlines; k++)
		if (parse_line(f, &sec->lines[k], err) == -1)
			return -1;
	mark_all(f, sec);
	if (f->title.code == NULL) {
		buf_printf(err, "%s:%d: family %s has no title", sec->file,
		    sec->lineno, f->name);
		return -1;
	}
	return 0;
}

int
families_load(struct families *fs, const struct rules *r, struct buf *err)
{
	const struct rule_section *sec;
	char *like;
	int i = -1, v, nv, total = 0;

	memset(fs, 0, sizeof(*fs));
	/* Room first: a like-family becomes one entry per base variant. */
	while ((i = rules_next_section(r, i, "family")) != -1) {
		like = NULL;
		sec = &r->sections[i];
		if (rule_get(sec, "like"))
			like = (char *)rule_get(sec, "like");
		total += like ? (count_variants(r, like) ? count_variants(r,
		    like) : 1) : 1;
	}
	fs->f = xcalloc((size_t)total + 1, sizeof(*fs->f));
	i = -1;
	while ((i = rules_next_section(r, i, "family")) != -1) {
		sec = &r->sections[i];
		like = (char *)rule_get(sec, "like");
		nv = like ? count_variants(r, like) : 1;
		for (v = 0; v < (nv ? nv : 1); v++) {
			struct family *f = &fs->f[fs->n++];

			if (parse_section(f, sec, err) == -1)
				return -1;
			if (like && copy_variant(f, r, like, v, err) == -1)
				return -1;
		}
	}
	return 0;
}

static void
family_free(struct family *f)
{
	int i, k;

	for (i = 0; i < f->ncols; i++) {
		struct fam_col *c = &f->cols[i];

		for (k = 0; k < c->depth; k++)
			free_words(c->levels[k].alts, c->levels[k].nalts);
		free(c->levels);
		free(c->canon);
		if (c->rx) {
			regex_free(c->rx);
			free(c->rx);
		}
	}
	for (i = 0; i < f->nsums; i++) {
		free(f->sums[i].lhs);
		free_words(f->sums[i].rhs, f->sums[i].nrhs);
	}
	for (i = 0; i < f->nprefers; i++) {
		free(f->prefers[i].codecol);
		free(f->prefers[i].amountcol);
		regex_free(&f->prefers[i].rx);
	}
	for (i = 0; i < f->nsides; i++) {
		free(f->sides[i].col);
		regex_free(&f->sides[i].rx);
	}
	free_words(f->stretch, f->nstretch);
	free(f->cols);
	free(f->sums);
	free(f->prefers);
	free(f->sides);
	free(f->name);
	free(f->code);
	free(f->like);
	free(f->marker);
	free(f->total);
	regex_free(&f->title);
}

void
families_free(struct families *fs)
{
	int i;

	for (i = 0; i < fs->n; i++)
		family_free(&fs->f[i]);
	free(fs->f);
	memset(fs, 0, sizeof(*fs));
}

const struct family *
families_by_name(const struct families *fs, const char *name)
{
	int i;

	for (i = 0; i < fs->n; i++)
		if (strcmp(fs->f[i].name, name) == 0)
			return &fs->f[i];
	return NULL;
}

static int
skip_year(const char *s, size_t *i)
{
	size_t k = *i, digits = 0;

	while (isdigit((unsigned char)s[k])) {
		k++;
		digits++;
	}
	if (digits != 4 || strncmp(s + k, "年", 3) != 0)
		return 0;
	k += 3;
	if (strncmp(s + k, "度", 3) == 0)
		k += 3;
	*i = k;
	return 1;
}

/*
 * The part of a title that names the family: without spaces, the year
 * before it ("2023年", "2022年度") or after it ("（2023年度）").
 */
char *
family_title_key(const char *title)
{
	struct buf b = BUF_INIT;
	size_t i = 0, n;
	const char *p;

	for (p = title; *p; p++)
		if (*p != ' ' && *p != '\t')
			buf_addc(&b, *p);
	if (b.s == NULL)
		return xstrdup("");
	skip_year(b.s, &i);
	memmove(b.s, b.s + i, b.len - i + 1);
	b.len -= i;
	n = b.len;
	if (n >= 3 && (strcmp(b.s + n - 3, "）") == 0 || b.s[n - 1] == ')')) {
		char *open = strstr(b.s, "（");

		if (open == NULL)
			open = strrchr(b.s, '(');
		if (open) {
			size_t k = (size_t)(open - b.s) + (*open == '(' ? 1 : 3);

			if (skip_year(b.s, &k)) {
				*open = '\0';
				b.len = (size_t)(open - b.s);
			}
		}
	}
	return buf_detach(&b);
}

/* Every family (variants included) whose title pattern the title fits. */
int
families_all_by_title(const struct families *fs, const char *title,
    const struct family **out, int max)
{
	char *key;
	int i, n = 0;

	if (title == NULL)
		return 0;
	key = family_title_key(title);
	for (i = 0; i < fs->n && n < max; i++)
		if (regex_match((struct regex *)&fs->f[i].title, key,
		    strlen(key)))
			out[n++] = &fs->f[i];
	free(key);
	return n;
}

const struct family *
families_by_title(const struct families *fs, const char *title)
{
	char *key;
	int i;

	if (title == NULL)
		return NULL;
	key = family_title_key(title);
	for (i = 0; i < fs->n; i++)
		if (regex_match((struct regex *)&fs->f[i].title, key,
		    strlen(key))) {
			free(key);
			return &fs->f[i];
		}
	free(key);
	return NULL;
}
