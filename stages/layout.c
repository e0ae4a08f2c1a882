/*
 * layout.c - one table's header, instantiated from its family.
 */
#include <stdlib.h>
#include <string.h>

#include "layout.h"

struct tnode {
	char		*key;		/* canonical prefix path */
	char		*text;		/* as printed */
	int		 found;		/* printed in this header */
	const struct fam_col *leaf;	/* the family column ending here */
	struct tnode	**kids;
	int		 nkids;
	int		 kept;
	int		 row, rowspan, col, colspan;
};

/* Remove all white space: the header's words arrive shredded. */
static char *
compact(const char *s)
{
	struct buf b = BUF_INIT;

	for (; *s; s++)
		if (*s != ' ' && *s != '\t' && *s != '\n')
			buf_addc(&b, *s);
	return buf_detach(&b);
}

/* The header's words: compacted, and as the tokens it printed. */
struct header {
	char	 *compact;
	char	**tokens;
	int	  ntokens;
};

static int
is_one_char(const char *s)
{
	size_t n = strlen(s);

	return n > 0 && n <= 4 && ((unsigned char)s[0] >= 0xc0 ?
	    n == ((unsigned char)s[0] >= 0xf0 ? 4 : (unsigned char)s[0] >=
	    0xe0 ? 3 : 2) : n == 1);
}

/*
 * Whether the header prints a word.  A long word may come shredded over
 * lines, so it is looked for in the compacted text; a one-character word
 * (类, 款, 项) hides inside others (其他运转类, 项目) and counts only as
 * a word of its own.
 */
static int
printed(const struct header *h, const char *word)
{
	char *c = compact(word);
	int i, hit = 0;

	if (*c == '\0')
		hit = 0;
	else if (is_one_char(c)) {
		for (i = 0; i < h->ntokens && !hit; i++)
			hit = strcmp(h->tokens[i], c) == 0;
	} else
		hit = strstr(h->compact, c) != NULL;
	free(c);
	return hit;
}

/*
 * A spelling as printed: "科目编码#2" names a block's second 科目编码 in
 * the family, and prints as 科目编码.
 */
static char *
without_index(const char *alt)
{
	const char *hash = strrchr(alt, '#');
	size_t n = strlen(alt);

	if (hash && hash[1] && strspn(hash + 1, "0123456789") ==
	    strlen(hash + 1))
		n = (size_t)(hash - alt);
	return xstrndup(alt, n);
}

static char *
printed_spelling(const struct fam_level *lv, const struct header *h,
    int *found)
{
	char *word;
	int i;

	for (i = 0; i < lv->nalts; i++) {
		word = without_index(lv->alts[i]);
		if (printed(h, word)) {
			*found = 1;
			return word;
		}
		free(word);
	}
	*found = 0;
	return without_index(lv->alts[0]);
}

static struct tnode *
child(struct tnode *parent, const char *key)
{
	int i;

	for (i = 0; i < parent->nkids; i++)
		if (strcmp(parent->kids[i]->key, key) == 0)
			return parent->kids[i];
	parent->kids = xreallocarray(parent->kids, (size_t)parent->nkids + 1,
	    sizeof(struct tnode *));
	parent->kids[parent->nkids] = xcalloc(1, sizeof(struct tnode));
	parent->kids[parent->nkids]->key = xstrdup(key);
	return parent->kids[parent->nkids++];
}

static void
insert_column(struct tnode *root, const struct fam_col *c,
    const struct header *header)
{
	struct buf key = BUF_INIT;
	struct tnode *n = root;
	int i;

	for (i = 0; i < c->depth; i++) {
		if (key.len)
			buf_addc(&key, '/');
		buf_adds(&key, c->levels[i].alts[0]);
		n = child(n, key.s);
		if (n->text == NULL)
			n->text = printed_spelling(&c->levels[i], header,
			    &n->found);
	}
	n->leaf = c;
	buf_free(&key);
}

/*
 * Keep what is printed: a family leaf when its words are in the header
 * (or when it is not optional and the header gave no words at all), an
 * inner node when any child is kept, or, childless, when its own words
 * are there: then it is a leaf (公用经费 printed without 商品和服务支出).
 */
static int
keep(struct layout *l, struct tnode *n)
{
	int i, any = 0;

	for (i = 0; i < n->nkids; i++)
		any |= keep(l, n->kids[i]);
	if (n->nkids == 0) {
		n->kept = n->found || !n->leaf->optional;
		l->found += n->found;
		l->missing += n->kept && !n->found;
	} else
		n->kept = any || n->found;
	return n->kept;
}

/* How well the family's words fit the printed header: variants compete. */
int
layout_fit(const struct layout *l)
{
	return l->found * 2 - l->missing;
}

static const struct fam_col *
first_leaf(const struct tnode *n)
{
	int i;

	if (n->leaf && n->nkids == 0)
		return n->leaf;
	for (i = 0; i < n->nkids; i++)
		if (n->kids[i]->leaf || n->kids[i]->nkids)
			return first_leaf(n->kids[i]);
	return n->leaf;
}

static int
kept_kids(const struct tnode *n)
{
	int i, k = 0;

	for (i = 0; i < n->nkids; i++)
		k += n->kids[i]->kept;
	return k;
}

static int
height(const struct tnode *n)
{
	int i, h = 0, k;

	for (i = 0; i < n->nkids; i++)
		if (n->kids[i]->kept && (k = height(n->kids[i])) > h)
			h = k;
	return h + 1;
}

static int
is_stretched(const struct family *f, const struct tnode *n)
{
	const char *last = strrchr(n->key, '/');
	int i;

	last = last ? last + 1 : n->key;
	for (i = 0; i < f->nstretch; i++)
		if (strcmp(f->stretch[i], last) == 0)
			return 1;
	return 0;
}

static void
add_cell(struct layout *l, const struct tnode *n)
{
	struct lcell *c;

	l->cells = xreallocarray(l->cells, (size_t)l->ncells + 1,
	    sizeof(*l->cells));
	c = &l->cells[l->ncells++];
	c->row = n->row;
	c->rowspan = n->rowspan;
	c->col = n->col;
	c->colspan = n->colspan;
	c->text = xstrdup(n->text);
}

static void
add_column(struct layout *l, const struct tnode *n, const char *path)
{
	const struct fam_col *fc = first_leaf(n);
	struct lcol *c;

	l->cols = xreallocarray(l->cols, (size_t)l->ncols + 1,
	    sizeof(*l->cols));
	c = &l->cols[l->ncols++];
	memset(c, 0, sizeof(*c));
	c->path = xstrdup(path);
	c->canon = xstrdup(n->key);
	c->type = fc ? fc->type : COL_AMOUNT;
	c->rx = n->nkids == 0 && fc ? fc->rx : NULL;
	c->group = n->nkids == 0 && fc ? fc->group : -1;
	c->of_which = strstr(n->text, "其中") != NULL;
}

/*
 * Place a node and its subtree.  A leaf reaches down to the last header
 * row; an inner node takes one row, or, stretched, every row its
 * children leave free so they sit at the bottom.
 */
static void
place(struct layout *l, struct tnode *n, int row, struct buf *path)
{
	size_t mark = path->len;
	int i, col = l->ncols;

	if (path->len)
		buf_addc(path, '/');
	buf_adds(path, n->text);
	n->row = row;
	n->col = col;
	if (kept_kids(n) == 0) {
		n->rowspan = l->tree_rows - row;
		n->colspan = 1;
		add_column(l, n, path->s);
	} else {
		n->rowspan = is_stretched(l->fam, n) ?
		    l->tree_rows - row - (height(n) - 1) : 1;
		for (i = 0; i < n->nkids; i++)
			if (n->kids[i]->kept)
				place(l, n->kids[i], row + n->rowspan, path);
		n->colspan = l->ncols - col;
	}
	add_cell(l, n);
	path->len = mark;
	path->s[mark] = '\0';
}

static void
free_tree(struct tnode *n)
{
	int i;

	for (i = 0; i < n->nkids; i++)
		free_tree(n->kids[i]);
	free(n->kids);
	free(n->key);
	free(n->text);
	free(n);
}

int
layout_col_by_canon(const struct layout *l, const char *canon)
{
	int i;

	for (i = 0; i < l->ncols; i++)
		if (strcmp(l->cols[i].canon, canon) == 0)
			return i;
	return -1;
}

static void
add_term(struct lsum *s, int col)
{
	int i;

	for (i = 0; i < s->nrhs; i++)
		if (s->rhs[i] == col)
			return;
	s->rhs = xreallocarray(s->rhs, (size_t)s->nrhs + 1, sizeof(int));
	s->rhs[s->nrhs++] = col;
}

/* A wildcard term: every column under P but the total and 其中 parts. */
static void
add_wildcard(const struct layout *l, struct lsum *s, const char *term)
{
	size_t plen = strlen(term) - 1;	/* keep the "/" */
	int i;

	for (i = 0; i < l->ncols; i++)
		if (strncmp(l->cols[i].canon, term, plen) == 0 &&
		    i != s->lhs && !l->cols[i].of_which &&
		    l->cols[i].type == COL_AMOUNT)
			add_term(s, i);
}

/*
 * The family's identities over the columns this table prints; a summand
 * not printed counts as zero, an identity whose total is not printed is
 * dropped.  Returns how many remain.
 */
int
layout_resolve_sums(struct layout *l, const struct family *f)
{
	struct lsum s;
	size_t n;
	int i, k, col;

	for (i = 0; i < f->nsums; i++) {
		memset(&s, 0, sizeof(s));
		if ((s.lhs = layout_col_by_canon(l, f->sums[i].lhs)) == -1)
			continue;
		for (k = 0; k < f->sums[i].nrhs; k++) {
			const char *t = f->sums[i].rhs[k];

			n = strlen(t);
			if (n >= 2 && strcmp(t + n - 2, "/*") == 0)
				add_wildcard(l, &s, t);
			else if ((col = layout_col_by_canon(l, t)) != -1)
				add_term(&s, col);
		}
		if (s.nrhs == 0) {
			free(s.rhs);
			continue;
		}
		l->sums = xreallocarray(l->sums, (size_t)l->nsums + 1,
		    sizeof(*l->sums));
		l->sums[l->nsums++] = s;
	}
	return l->nsums;
}

static void
resolve_hints(struct layout *l, const struct family *f)
{
	int i, a, b, side;

	for (i = 0; i < f->nprefers; i++) {
		a = layout_col_by_canon(l, f->prefers[i].codecol);
		b = layout_col_by_canon(l, f->prefers[i].amountcol);
		if (a == -1 || b == -1)
			continue;
		l->prefers = xreallocarray(l->prefers, (size_t)l->nprefers + 1,
		    sizeof(*l->prefers));
		l->prefers[l->nprefers].codecol = a;
		l->prefers[l->nprefers].amountcol = b;
		l->prefers[l->nprefers].rx = (struct regex *)&f->prefers[i].rx;
		l->nprefers++;
	}
	/* Each side's columns run from its label column to the next's. */
	for (i = 0; i < f->nsides; i++) {
		if ((a = layout_col_by_canon(l, f->sides[i].col)) == -1)
			continue;
		l->sides = xreallocarray(l->sides, (size_t)l->nsides + 1,
		    sizeof(*l->sides));
		l->sides[l->nsides].col = a;
		l->sides[l->nsides].rx = (struct regex *)&f->sides[i].rx;
		l->nsides++;
	}
	for (i = 0; i < l->ncols; i++) {
		side = 0;
		for (b = 0; b < l->nsides; b++)
			if (l->sides[b].col <= i)
				side = b;
		l->cols[i].side = side;
	}
}

static void
read_header(struct header *h, const char *text)
{
	char *copy = xstrdup(text), *w, *save = NULL;

	memset(h, 0, sizeof(*h));
	h->compact = compact(text);
	for (w = strtok_r(copy, " \t\n", &save); w;
	    w = strtok_r(NULL, " \t\n", &save)) {
		h->tokens = xreallocarray(h->tokens, (size_t)h->ntokens + 1,
		    sizeof(char *));
		h->tokens[h->ntokens++] = xstrdup(w);
	}
	free(copy);
}

static void
free_header(struct header *h)
{
	int i;

	for (i = 0; i < h->ntokens; i++)
		free(h->tokens[i]);
	free(h->tokens);
	free(h->compact);
}

void
layout_build(struct layout *l, const struct family *f, const char *text)
{
	struct tnode *root = xcalloc(1, sizeof(*root));
	struct buf path = BUF_INIT;
	struct header h;
	int i;

	memset(l, 0, sizeof(*l));
	l->fam = f;
	read_header(&h, text ? text : "");
	root->key = xstrdup("");
	for (i = 0; i < f->ncols; i++)
		insert_column(root, &f->cols[i], &h);
	keep(l, root);
	root->kept = 1;
	l->tree_rows = height(root) - 1;
	for (i = 0; i < root->nkids; i++)
		if (root->kids[i]->kept)
			place(l, root->kids[i], 0, &path);
	layout_resolve_sums(l, f);
	resolve_hints(l, f);
	free_tree(root);
	buf_free(&path);
	free_header(&h);
}

void
layout_free(struct layout *l)
{
	int i;

	for (i = 0; i < l->ncols; i++) {
		free(l->cols[i].path);
		free(l->cols[i].canon);
	}
	for (i = 0; i < l->ncells; i++)
		free(l->cells[i].text);
	for (i = 0; i < l->nsums; i++)
		free(l->sums[i].rhs);
	free(l->cols);
	free(l->cells);
	free(l->sums);
	free(l->prefers);
	free(l->sides);
	memset(l, 0, sizeof(*l));
}
