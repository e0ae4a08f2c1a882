/*
 * textheader.c - the header words a text table prints, for its layout.
 *
 * A dump keeps the header's words but not always where they belong: a
 * dump printing a cell a line leaves some of them below the header's
 * block, among the body's first lines, and cuts the words of narrow
 * columns into pieces, one a line, glued to their neighbours' pieces
 * ("商品和" ... "服务支" ... "出助" for 商品和服务支出 beside
 * 对个人和家庭的补助).  The family knows the words it may print: a word
 * found again from its pieces, in order down the lines, is printed.
 */
#include <stdlib.h>
#include <string.h>

#include "textrow.h"
#include "utf8.h"

/* The words of the lines, in order, each with its line. */
struct pieces {
	char	**tok;
	size_t	 *len;
	int	 *line;
	int	  n;
};

static void
pieces_add_line(struct pieces *p, const char *text, int line)
{
	const char *s = text, *e;

	for (;;) {
		while (*s == ' ' || *s == '\t')
			s++;
		if (*s == '\0')
			return;
		e = s + strcspn(s, " \t");
		p->tok = xreallocarray(p->tok, (size_t)p->n + 1,
		    sizeof(*p->tok));
		p->len = xreallocarray(p->len, (size_t)p->n + 1,
		    sizeof(*p->len));
		p->line = xreallocarray(p->line, (size_t)p->n + 1,
		    sizeof(*p->line));
		p->tok[p->n] = (char *)s;
		p->len[p->n] = (size_t)(e - s);
		p->line[p->n++] = line;
		s = e;
	}
}

static int
char_start(const char *s, size_t i)
{
	return ((unsigned char)s[i] & 0xc0) != 0x80;
}

/* Bytes in the first k characters of s. */
static size_t
chars_bytes(const char *s, size_t n, int k)
{
	size_t i = 0;

	while (i < n && k > 0) {
		i++;
		while (i < n && !char_start(s, i))
			i++;
		k--;
	}
	return k == 0 ? i : 0;
}

/* Where w's first k bytes are in token t from byte off on, or -1. */
static long
find_piece(const struct pieces *p, int t, size_t off, const char *w,
    size_t k)
{
	size_t i;

	for (i = off; i + k <= p->len[t]; i++)
		if (char_start(p->tok[t], i) &&
		    memcmp(p->tok[t] + i, w, k) == 0)
			return (long)i;
	return -1;
}

/*
 * Whether w (n bytes) is spelled by pieces from token t, byte off on:
 * each piece a part of a token (two characters at least, but the last),
 * after the piece before.  A narrow column's words come a piece a line,
 * and a dump that joined those lines glues its neighbours' pieces to
 * them ("对个人和家庭的补助商品和资本性服务支" / "支出" / "出").
 */
static int
spelled(const struct pieces *p, const char *w, size_t n, int t, size_t off,
    int depth)
{
	size_t k, one = chars_bytes(w, n, 1);
	long at;
	int i;

	if (n == 0)
		return depth >= 2;
	if (depth > 8)
		return 0;
	for (i = t; i < p->n; i++, off = 0)
		for (k = n; k >= one && k > 0; k--) {
			if (k < n && !char_start(w, k))
				continue;
			if (k == one && k < n)
				break;
			if ((at = find_piece(p, i, off, w, k)) >= 0 &&
			    spelled(p, w + k, n - k, i, (size_t)at + k + 1,
			    depth + 1))
				return 1;
		}
	return 0;
}

/* A word with its blanks taken out, as the header is compared. */
static char *
compact_word(const char *s)
{
	struct buf b = BUF_INIT;
	const char *hash = strrchr(s, '#');
	size_t n = hash && hash[1] ? (size_t)(hash - s) : strlen(s), i;

	for (i = 0; i < n; i++)
		if (s[i] != ' ')
			buf_addc(&b, s[i]);
	if (b.s == NULL)
		buf_adds(&b, "");
	return buf_detach(&b);
}

static int
level_printed(const struct fam_level *lv, const char *compacted)
{
	char *w;
	int a, hit = 0;

	for (a = 0; a < lv->nalts && !hit; a++) {
		w = compact_word(lv->alts[a]);
		hit = strstr(compacted, w) != NULL;
		free(w);
	}
	return hit;
}

/*
 * The family's words of four characters or more that the lines spell,
 * for the levels none of whose spellings is printed whole.
 */
static void
shredded_words(struct buf *h, const struct family *f, const struct pieces *p,
    const char *compacted)
{
	const struct fam_level *lv;
	char *w;
	int c, d, a;

	for (c = 0; c < f->ncols; c++)
		for (d = 0; d < f->cols[c].depth; d++) {
			lv = &f->cols[c].levels[d];
			if (level_printed(lv, compacted))
				continue;
			for (a = 0; a < lv->nalts; a++) {
				w = compact_word(lv->alts[a]);
				if (utf8_count(w, strlen(w)) >= 4 &&
				    strstr(buf_str(h), w) == NULL &&
				    spelled(p, w, strlen(w), 0, 0, 0)) {
					buf_adds(h, w);
					buf_addc(h, '\n');
					a = lv->nalts;
				}
				free(w);
			}
		}
}

/* The body's lines above its first amount, in a dump a cell a line. */
static int
lines_above_amounts(const struct tinput *in)
{
	struct lrow r;
	int i, amount = 0;

	for (i = 0; i < in->nbody && !amount; i++) {
		memset(&r, 0, sizeof(r));
		tokenize(&r, in->body[i].text);
		amount = count_amounts(&r) > 0;
		free_row(&r);
	}
	return amount ? i - 1 : 0;
}

/* Whether a word is part of a word the family may print. */
static int
family_piece(const struct family *f, const char *word)
{
	const struct fam_level *lv;
	int c, d, a;

	for (c = 0; c < f->ncols; c++)
		for (d = 0; d < f->cols[c].depth; d++) {
			lv = &f->cols[c].levels[d];
			for (a = 0; a < lv->nalts; a++)
				if (strstr(lv->alts[a], word) != NULL)
					return 1;
		}
	return 0;
}

/*
 * A line of the header's words left among the rows (a dump a cell a
 * line prints the rest of a header after a first block of rows): words
 * only, each a part of the family's words or a piece too short to be
 * a row's label (三 characters at most), and no total's label.
 */
static int
header_line(struct textrules *tr, const struct family *f, const char *text)
{
	struct lrow r;
	int i, yes;

	if (patlist_match(&tr->total, text, strlen(text)) != -1)
		return 0;
	memset(&r, 0, sizeof(r));
	tokenize(&r, text);
	yes = r.n > 0;
	for (i = 0; i < r.n && yes; i++)
		yes = r.t[i].kind == TK_TEXT &&
		    (utf8_count(r.t[i].text, strlen(r.t[i].text)) <= 3 ||
		    family_piece(f, r.t[i].text));
	free_row(&r);
	return yes;
}

static void
add_header_line(struct buf *h, struct buf *compacted, struct pieces *p,
    const char *s, int line)
{
	buf_adds(h, s);
	buf_addc(h, '\n');
	pieces_add_line(p, s, line);
	for (; *s; s++)
		if (*s != ' ' && *s != '\t')
			buf_addc(compacted, *s);
}

/*
 * The header's words: its lines, then, in a dump a cell a line, the
 * body's lines above its first amount but a total's label (合计, also a
 * column's word) and its lines of header words further down, then the
 * family's words spelled by pieces of them all.
 */
char *
text_header(struct textrules *tr, const struct family *f,
    const struct tinput *in, int cell_lines)
{
	struct buf h = BUF_INIT, compacted = BUF_INIT;
	struct pieces p;
	const char *s;
	int i, above = cell_lines ? lines_above_amounts(in) : 0;

	memset(&p, 0, sizeof(p));
	for (i = 0; i < in->nhead; i++)
		add_header_line(&h, &compacted, &p, in->head[i].text, i);
	for (i = 0; cell_lines && i < in->nbody; i++) {
		s = in->body[i].text;
		if ((i < above && patlist_match(&tr->total, s,
		    strlen(s)) == -1) || header_line(tr, f, s))
			add_header_line(&h, &compacted, &p, s, in->nhead + i);
	}
	shredded_words(&h, f, &p, buf_str(&compacted));
	free(p.tok);
	free(p.len);
	free(p.line);
	buf_free(&compacted);
	if (h.s == NULL)
		buf_adds(&h, "");
	return buf_detach(&h);
}
