/*
 * headwords.c - a header rebuilt from its printed words alone.
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "headwords.h"

/* The cells of the header lines that begin cells of their own. */
struct wlines {
	struct buf	**cells;	/* per line, its cells */
	int		 *n;
	int		  nlines;
};

static int
starts_lower(const char *w)
{
	return *w >= 'a' && *w <= 'z';
}

static int
is_digits(const char *w)
{
	if (*w == '\0')
		return 0;
	for (; *w; w++)
		if ((*w < '0' || *w > '9') && *w != '-')
			return 0;
	return 1;
}

static int
is_latin_word(const char *w)
{
	return (*w >= 'A' && *w <= 'Z') || (*w >= 'a' && *w <= 'z');
}

/*
 * Whether a word goes on with the cell before it: a lower-case word
 * ("Total cost"), a bracket ("Change (%)"), or a year after a Latin word
 * ("FY 2023").
 */
static int
goes_on(const char *w, const char *prev)
{
	return starts_lower(w) || *w == '(' || *w == ')' ||
	    (is_digits(w) && prev != NULL && is_latin_word(prev));
}

static void
add_word(struct buf *cell, const char *w)
{
	if (cell->len)
		buf_addc(cell, ' ');
	buf_adds(cell, w);
}

static struct buf *
new_cell(struct wlines *wl)
{
	int l = wl->nlines - 1;

	wl->cells[l] = xreallocarray(wl->cells[l], (size_t)wl->n[l] + 1,
	    sizeof(struct buf));
	memset(&wl->cells[l][wl->n[l]], 0, sizeof(struct buf));
	return &wl->cells[l][wl->n[l]++];
}

/* The last cell begun so far, on any line. */
static struct buf *
last_cell(struct wlines *wl)
{
	int l;

	for (l = wl->nlines - 1; l >= 0; l--)
		if (wl->n[l] > 0)
			return &wl->cells[l][wl->n[l] - 1];
	return NULL;
}

static void
split_line(struct wlines *wl, const char *line)
{
	char *copy = xstrdup(line), *w, *save = NULL, *prev = NULL;
	struct buf *cur = NULL;

	wl->nlines++;
	wl->cells = xreallocarray(wl->cells, (size_t)wl->nlines,
	    sizeof(*wl->cells));
	wl->n = xreallocarray(wl->n, (size_t)wl->nlines, sizeof(int));
	wl->cells[wl->nlines - 1] = NULL;
	wl->n[wl->nlines - 1] = 0;
	for (w = strtok_r(copy, " \t", &save); w != NULL;
	    w = strtok_r(NULL, " \t", &save)) {
		if (cur == NULL && goes_on(w, NULL))
			cur = last_cell(wl);	/* the cell above, wrapped */
		else if (cur != NULL && goes_on(w, prev))
			;
		else
			cur = new_cell(wl);
		if (cur == NULL)
			cur = new_cell(wl);
		add_word(cur, w);
		prev = w;
	}
	free(copy);
}

static void
wlines_free(struct wlines *wl)
{
	int l, i;

	for (l = 0; l < wl->nlines; l++) {
		for (i = 0; i < wl->n[l]; i++)
			buf_free(&wl->cells[l][i]);
		free(wl->cells[l]);
	}
	free(wl->cells);
	free(wl->n);
	memset(wl, 0, sizeof(*wl));
}

static void
add_hcell(struct headwords *h, int row, int col, int rowspan, int colspan,
    const char *text)
{
	struct hcell *c;

	h->cells = xreallocarray(h->cells, (size_t)h->ncells + 1,
	    sizeof(*h->cells));
	c = &h->cells[h->ncells++];
	c->row = row;
	c->col = col;
	c->rowspan = rowspan;
	c->colspan = colspan;
	c->text = xstrdup(text);
}

static void
set_path(struct headwords *h, int col, const char *parent, const char *leaf)
{
	struct buf p = BUF_INIT;

	if (parent) {
		buf_adds(&p, parent);
		buf_addc(&p, '/');
	}
	buf_adds(&p, leaf);
	free(h->paths[col]);
	h->paths[col] = buf_detach(&p);
}

/*
 * The cells in reading order, without the label's header: the leaves
 * (the bottom line of a header, the last with several cells: words
 * drawn after it are cells spanning both rows) and the upper ones.
 */
struct plan {
	const char	*label;
	const char	**upper;
	int		  nupper;
	const char	**leaf;
	int		  nleaf;
};

static void
plan_cells(const struct wlines *wl, int with_label, struct plan *p)
{
	int l, i, last = -1;

	memset(p, 0, sizeof(*p));
	/* The leaves: the last line of several cells, or the last line. */
	for (l = 0; l < wl->nlines; l++)
		if (wl->n[l] > 1 || (wl->n[l] > 0 && (last < 0 ||
		    wl->n[last] < 2)))
			last = l;
	p->upper = xmalloc(sizeof(char *) * 64);
	p->leaf = xmalloc(sizeof(char *) * 64);
	for (l = 0; l < wl->nlines; l++)
		for (i = 0; i < wl->n[l]; i++) {
			const char *t = buf_str(&wl->cells[l][i]);

			if (with_label && p->label == NULL)
				p->label = t;
			else if (l == last && p->nleaf < 64)
				p->leaf[p->nleaf++] = t;
			else if (l != last && p->nupper < 64)
				p->upper[p->nupper++] = t;
		}
}

static void
plan_free(struct plan *p)
{
	free(p->upper);
	free(p->leaf);
}

/*
 * How many upper cells stand over leaves, each over as many: the cells
 * above and below must make exactly the amount columns.  -1 if they
 * cannot.
 */
static int
parents(const struct plan *p, int namounts)
{
	int np = p->nupper + p->nleaf - namounts;

	if (p->nleaf == namounts && p->nupper == 0)
		return 0;
	if (np < 1 || np > p->nupper || p->nleaf % np != 0)
		return -1;
	return np;
}

static void
lay_out(struct headwords *h, const struct plan *p, int np, int nlabels,
    int namounts)
{
	int i, k, col = nlabels, per = np ? p->nleaf / np : 0;

	h->rows = np ? 2 : 1;
	h->ncols = nlabels + namounts;
	h->paths = xcalloc((size_t)h->ncols + 1, sizeof(char *));
	if (p->label && nlabels > 0) {
		add_hcell(h, 0, 0, h->rows, nlabels, p->label);
		for (i = 0; i < nlabels; i++)
			set_path(h, i, NULL, p->label);
	}
	if (np == 0) {
		for (i = 0; i < p->nleaf; i++, col++) {
			add_hcell(h, 0, col, 1, 1, p->leaf[i]);
			set_path(h, col, NULL, p->leaf[i]);
		}
		return;
	}
	for (i = 0; i < np; i++) {
		add_hcell(h, 0, col, 1, per, p->upper[i]);
		for (k = 0; k < per; k++, col++) {
			add_hcell(h, 1, col, 1, 1, p->leaf[i * per + k]);
			set_path(h, col, p->upper[i], p->leaf[i * per + k]);
		}
	}
	for (i = np; i < p->nupper; i++, col++) {
		add_hcell(h, 0, col, 2, 1, p->upper[i]);
		set_path(h, col, NULL, p->upper[i]);
	}
}


/*
 * A header a dump printed a cell a line (pdftotext without -raw, reading
 * by blocks): the lines no longer say which cells stand over which, but
 * the cells do.  Group headings differ by a number alone (FY 2023, FY
 * 2024), each over the same leaves printed again (Budget, Actual).
 * Without such repeats, the label's heading parts the cells printed
 * above the leaves (group headings, then cells spanning both rows) from
 * the leaves, one line each, and the cells spanning both rows that
 * wrap over several lines and stand right of the rest.
 */
struct ccell {
	const char	*text;
	int		 lines;		/* dump lines it runs over */
	int		 role;		/* 0 unset, 1 parent, 2 leaf, 3 single */
};

struct item {
	int	 cell;			/* a parent or a single cell */
	int	 at;			/* where the dump printed it */
};

static int
cell_list(const struct wlines *wl, struct ccell **out)
{
	int l, n = 0;

	*out = NULL;
	for (l = 0; l < wl->nlines; l++) {
		if (wl->n[l] > 1) {
			free(*out);
			*out = NULL;
			return -1;
		}
		if (wl->n[l] == 0) {
			if (n > 0)
				(*out)[n - 1].lines++;
			continue;
		}
		*out = xreallocarray(*out, (size_t)n + 1, sizeof(**out));
		(*out)[n].text = buf_str(&wl->cells[l][0]);
		(*out)[n].lines = 1;
		(*out)[n++].role = 0;
	}
	return n;
}

/* The text with each run of digits as one '#'. */
static void
shape(const char *t, char *out, size_t size)
{
	size_t k = 0;

	for (; *t && k + 1 < size; t++) {
		if (*t >= '0' && *t <= '9') {
			if (k == 0 || out[k - 1] != '#')
				out[k++] = '#';
		} else
			out[k++] = *t;
	}
	out[k] = '\0';
}

/*
 * Group headings differing by their numbers alone: marks them parents
 * and returns how many (0 when no shape repeats).
 */
static int
mark_parents(struct ccell *c, int n)
{
	char a[256], b[256];
	int i, k, best = -1, nbest = 0, cnt;

	for (i = 0; i < n; i++) {
		shape(c[i].text, a, sizeof(a));
		if (strchr(a, '#') == NULL || strcmp(a, c[i].text) == 0)
			continue;
		for (cnt = 0, k = 0; k < n; k++) {
			shape(c[k].text, b, sizeof(b));
			cnt += strcmp(a, b) == 0;
		}
		if (cnt >= 2 && cnt > nbest) {
			best = i;
			nbest = cnt;
		}
	}
	if (best < 0)
		return 0;
	shape(c[best].text, a, sizeof(a));
	for (k = 0; k < n; k++) {
		shape(c[k].text, b, sizeof(b));
		if (strcmp(a, b) == 0)
			c[k].role = 1;
	}
	for (i = 0; i < n; i++)
		for (k = i + 1; k < n; k++)
			if (c[i].role == 1 && c[k].role == 1 &&
			    strcmp(c[i].text, c[k].text) == 0)
				return -1;	/* the same heading twice */
	return nbest;
}

/* Leaves printed once under each of np parents; returns how many kinds. */
static int
mark_repeated_leaves(struct ccell *c, int n, int np)
{
	int i, k, cnt, per = 0;

	for (i = 0; i < n; i++) {
		if (c[i].role != 0)
			continue;
		for (cnt = 0, k = 0; k < n; k++)
			cnt += c[k].role != 1 && strcmp(c[i].text,
			    c[k].text) == 0;
		if (cnt != np)
			continue;
		for (k = i; k < n; k++)
			if (strcmp(c[i].text, c[k].text) == 0)
				c[k].role = 2;
		per++;
	}
	return per;
}

static void
add_group(struct headwords *h, const struct ccell *c, int n, int p,
    int per, int *col)
{
	int k, done = 0;

	add_hcell(h, 0, *col, 1, per, c[p].text);
	/* Its leaves: the first per leaves, each parent's the same words. */
	for (k = 0; k < n && done < per; k++) {
		if (c[k].role != 2)
			continue;
		add_hcell(h, 1, *col, 1, 1, c[k].text);
		set_path(h, *col, c[p].text, c[k].text);
		(*col)++;
		done++;
	}
}

/* Lay out label, then the parents and singles in the order printed. */
static void
lay_out_cells(struct headwords *h, const struct ccell *c, int n, int label,
    int nlabels, int namounts, int per)
{
	int i, col = nlabels, np = 0;

	for (i = 0; i < n; i++)
		np += c[i].role == 1;
	h->rows = np ? 2 : 1;
	h->ncols = nlabels + namounts;
	h->paths = xcalloc((size_t)h->ncols + 1, sizeof(char *));
	if (label >= 0 && nlabels > 0) {
		add_hcell(h, 0, 0, h->rows, nlabels, c[label].text);
		for (i = 0; i < nlabels; i++)
			set_path(h, i, NULL, c[label].text);
	}
	for (i = 0; i < n; i++)
		if (c[i].role == 1)
			add_group(h, c, n, i, per, &col);
		else if (c[i].role == 3) {
			add_hcell(h, 0, col, h->rows, 1, c[i].text);
			set_path(h, col++, NULL, c[i].text);
		}
}

/* Repeated leaves under headings differing by a number: roles set. */
static int
roles_by_repeats(struct ccell *c, int n, int nlabels, int namounts,
    int *label, int *per)
{
	int np = mark_parents(c, n), i, rest = 0;

	if (np <= 0 || (*per = mark_repeated_leaves(c, n, np)) < 1)
		return 0;
	*label = -1;
	for (i = 0; i < n; i++) {
		if (c[i].role != 0)
			continue;
		if (*label < 0 && nlabels > 0)
			*label = i;
		else {
			c[i].role = 3;
			rest++;
		}
	}
	return rest == namounts - np * *per;
}

/*
 * One group heading, printed first: the cells up to the label's heading
 * stand over both rows, the one-line cells after it are the group's
 * leaves, the rest (wrapped over lines) stand over both rows at the
 * right.  The label's heading is the last cell that leaves two leaves
 * or more after it.
 */
static int
roles_by_order(struct ccell *c, int n, int nlabels, int namounts,
    int *label, int *per)
{
	int np = n - nlabels - namounts, l, i, leaves;

	if (nlabels != 1 || np != 1 || n < 4)
		return 0;
	for (l = n - 1; l >= 1; l--) {
		for (leaves = 0; l + 1 + leaves < n &&
		    c[l + 1 + leaves].lines == 1; leaves++)
			;
		if (leaves >= 2)
			break;
	}
	if (l < 1)
		return 0;
	*label = l;
	*per = leaves;
	c[0].role = 1;
	for (i = 1; i < n; i++)
		c[i].role = i == l ? 0 : i > l && i <= l + leaves ? 2 : 3;
	return 1;
}

/* A header printed a cell a line; 0 when its cells do not fit. */
static int
cell_a_line(struct headwords *h, const struct wlines *wl, int nlabels,
    int namounts)
{
	struct ccell *c;
	int n, label = -1, per = 0, ok;

	if (wl->nlines < 3 || (n = cell_list(wl, &c)) < 3)
		return 0;
	ok = roles_by_repeats(c, n, nlabels, namounts, &label, &per);
	if (!ok) {
		for (int i = 0; i < n; i++)
			c[i].role = 0;
		ok = roles_by_order(c, n, nlabels, namounts, &label, &per);
	}
	if (ok)
		lay_out_cells(h, c, n, label, nlabels, namounts, per);
	free(c);
	return ok;
}

int
headwords_build(struct headwords *h, const char *const *lines, int nlines,
    int nlabels, int namounts)
{
	struct wlines wl;
	struct plan p;
	int i, np = -1, with_label;

	memset(h, 0, sizeof(*h));
	if (nlines == 0 || namounts == 0)
		return 0;
	memset(&wl, 0, sizeof(wl));
	for (i = 0; i < nlines; i++)
		split_line(&wl, lines[i]);
	if (cell_a_line(h, &wl, nlabels, namounts)) {
		wlines_free(&wl);
		return 1;
	}
	/* The label's header first, when the words fit with it. */
	for (with_label = nlabels > 0; with_label >= 0 && np < 0;
	    with_label--) {
		plan_cells(&wl, with_label, &p);
		if ((np = parents(&p, namounts)) >= 0)
			lay_out(h, &p, np, nlabels, namounts);
		plan_free(&p);
	}
	wlines_free(&wl);
	return np >= 0;
}

void
headwords_free(struct headwords *h)
{
	int i;

	for (i = 0; i < h->ncells; i++)
		free(h->cells[i].text);
	free(h->cells);
	for (i = 0; i < h->ncols; i++)
		free(h->paths[i]);
	free(h->paths);
	memset(h, 0, sizeof(*h));
}
