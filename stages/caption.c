/*
 * caption.c - reading what is printed around a table, one line at a time.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "caption.h"
#include "number.h"
#include "textjoin.h"
#include "utf8.h"

/*
 * Spaces next to a CJK character carry no meaning ("预算 03 表",
 * "2022 年部门收入预算表"); spaces between two Latin words do ("Table 2").
 */
char *
squeeze_cjk_spaces(const char *s, size_t n)
{
	struct buf b = BUF_INIT;
	size_t i = 0, j, k;
	int32_t before = 0, after, c;

	while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '#'))
		i++;
	while (i < n) {
		if (s[i] == ' ' || s[i] == '\t') {
			for (j = i; j < n && (s[j] == ' ' || s[j] == '\t'); j++)
				;
			if (j == n)
				break;
			utf8_decode(s + j, n - j, &after);
			if (!uc_is_cjk(before) && !uc_is_cjk(after))
				buf_addc(&b, ' ');
			i = j;
			continue;
		}
		k = utf8_decode(s + i, n - i, &c);
		buf_add(&b, s + i, k);
		before = c;
		i += k;
	}
	return buf_detach(&b);
}

static void
set_once(char **field, const char *s, size_t off, size_t len)
{
	if (*field == NULL && len > 0)
		*field = squeeze_cjk_spaces(s + off, len);
}

/*
 * Take from one line whatever caption facts it holds.  Returns 1 if the
 * line is a caption line (wholly: a line of prose that happens to name a
 * unit is not).
 */
int
caption_read(struct textrules *tr, struct caption *cap, const char *s,
    size_t n)
{
	struct buf rest = BUF_INIT;
	const char *t = s;
	size_t off, len;
	int found = 0;

	/* The title is looked for in what is left once the code is out, so
	 * "预算01表" alone is a code, not a title: a copy only then. */
	if (patlist_group(&tr->code, s, n, NULL, &off, &len) != -1) {
		set_once(&cap->code, s, off, len);
		buf_add(&rest, s, n);
		memset(rest.s + off, ' ', len);
		t = rest.s;
		found = 1;
	}
	/* Few lines are titles: not-title is asked only of those. */
	if (patlist_group(&tr->title, t, n, "title", &off, &len) != -1 &&
	    patlist_match(&tr->not_title, s, n) == -1) {
		set_once(&cap->title, t, off, len);
		found = 1;
	}
	buf_free(&rest);
	if (patlist_group(&tr->unit, s, n, "unit", &off, &len) != -1) {
		set_once(&cap->unit, s, off, len);
		found = 1;
	}
	if (patlist_group(&tr->entity, s, n, "entity", &off, &len) != -1) {
		set_once(&cap->entity, s, off, len);
		found = 1;
	}
	if (!found && patlist_match(&tr->caption_extra, s, n) != -1)
		found = 1;
	if (found)
		cap->nlines++;
	return found;
}

/* Whether a line holds a sentence's punctuation: ， 。 or ；. */
static int
is_sentence(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s, *end = p + n;

	for (; p + 2 < end; p++)
		if ((p[0] == 0xef && p[1] == 0xbc &&
		    (p[2] == 0x8c || p[2] == 0x9b)) ||
		    (p[0] == 0xe3 && p[1] == 0x80 && p[2] == 0x82))
			return 1;
	return 0;
}

static enum linekind
classify(struct textrules *tr, const char *s, size_t n)
{
	struct caption probe;
	enum linekind kind = LINE_TEXT;

	if (patlist_match(&tr->furniture, s, n) != -1)
		return LINE_FURNITURE;
	if (patlist_match(&tr->note, s, n) != -1)
		return LINE_NOTE;
	/*
	 * A line holding amounts is a row, a line of sentences prose:
	 * neither is a caption (and prose lines are the long ones to read).
	 */
	if (line_has_amount(s, n))
		return LINE_TEXT;
	if (!is_sentence(s, n)) {
		memset(&probe, 0, sizeof(probe));
		if (caption_read(tr, &probe, s, n))
			kind = LINE_CAPTION;
		caption_free(&probe);
	}
	if (kind == LINE_TEXT && patlist_match(&tr->section, s, n) != -1)
		kind = LINE_SECTION;
	return kind;
}

/*
 * What a line is, and whether it reads as data, depend on its text and
 * the rules alone, and a page has its lines asked about several times
 * over (page order, segmenter, geometry) while a report prints its
 * furniture on every page: the last answers are kept by text, in a table
 * of fixed size bound to one set of rules by caption_memo().
 */
#define MEMO_SLOTS	1024
#define MEMO_MAXLEN	240

#define KNOW_KIND	1
#define KNOW_DATA	2

struct memo_slot {
	uint64_t	 hash;
	unsigned short	 len;		/* 0: empty */
	unsigned char	 known;		/* KNOW_KIND, KNOW_DATA */
	unsigned char	 kind;		/* caption_classify's */
	unsigned char	 data;		/* line_is_data's */
	char		 text[MEMO_MAXLEN];
};

static struct {
	const struct textrules *tr;
	struct memo_slot *slot;
} memo;

void
caption_memo(const struct textrules *tr)
{
	free(memo.slot);
	memo.slot = tr ? xcalloc(MEMO_SLOTS, sizeof(*memo.slot)) : NULL;
	memo.tr = tr;
}

static uint64_t
text_hash(const char *s, size_t n)
{
	uint64_t h = 0x9e3779b97f4a7c15ULL ^ n, w;

	for (; n >= 8; s += 8, n -= 8) {
		memcpy(&w, s, 8);
		h = (h ^ w) * 0xff51afd7ed558ccdULL;
		h ^= h >> 32;
	}
	while (n-- > 0)
		h = (h ^ (unsigned char)*s++) * 0x100000001b3ULL;
	return h ^ h >> 29;
}

/* The line's slot, emptied if it held another; NULL: not kept. */
static struct memo_slot *
memo_slot(const struct textrules *tr, const char *s, size_t n)
{
	struct memo_slot *m;
	uint64_t h;

	if (memo.tr != tr || n == 0 || n > MEMO_MAXLEN)
		return NULL;
	h = text_hash(s, n);
	m = &memo.slot[h & (MEMO_SLOTS - 1)];
	if (m->len == n && m->hash == h && memcmp(m->text, s, n) == 0)
		return m;
	m->hash = h;
	m->len = (unsigned short)n;
	m->known = 0;
	memcpy(m->text, s, n);
	return m;
}

enum linekind
caption_classify(struct textrules *tr, const char *s, size_t n)
{
	struct memo_slot *m = memo_slot(tr, s, n);

	if (m == NULL)
		return classify(tr, s, n);
	if (!(m->known & KNOW_KIND)) {
		m->kind = (unsigned char)classify(tr, s, n);
		m->known |= KNOW_KIND;
	}
	return (enum linekind)m->kind;
}

void
caption_free(struct caption *cap)
{
	free(cap->code);
	free(cap->title);
	free(cap->unit);
	free(cap->entity);
	memset(cap, 0, sizeof(*cap));
}

void
caption_move(struct caption *dst, struct caption *src)
{
	caption_free(dst);
	*dst = *src;
	memset(src, 0, sizeof(*src));
}

/*
 * Whether a caption block announces a table: a code does; a title does
 * when a unit, an entity or tabular lines follow.  A lone title is more
 * often a heading or an entry of the table of contents.
 */
int
caption_confirms(const struct caption *cap, int next_is_tabular)
{
	if (cap->code)
		return 1;
	if (cap->title && (cap->unit || cap->entity || next_is_tabular))
		return 1;
	return 0;
}

static int
same(const char *a, const char *b)
{
	return a && b && strcmp(a, b) == 0;
}

/* A caption printed again on the next page: the same code or title. */
int
caption_continues(const struct caption *next, const struct caption *open)
{
	if (next->code && open->code)
		return same(next->code, open->code);
	if (next->title && open->title)
		return same(next->title, open->title) &&
		    (!next->entity || !open->entity ||
		    same(next->entity, open->entity));
	return 0;
}

static size_t
first_token(const char *s, size_t n, size_t *start)
{
	size_t i = 0, e;

	while (i < n && (s[i] == ' ' || s[i] == '\t'))
		i++;
	e = i;
	while (e < n && s[e] != ' ' && s[e] != '\t')
		e++;
	*start = i;
	return e - i;
}

/*
 * Whether a line reads as a row of the table body rather than its header:
 * it holds an amount with decimals or thousands separators, or it starts
 * with a code followed by a label.  栏次 rows ("1 2 3") hold only small
 * integers and stay in the header.  A total's label alone ("合计", "小计")
 * may be either: the body's first row of an empty table, or a header
 * word; the line after it decides (LINE_MAYBE_DATA).
 */
/*
 * Where the next byte that an amount with decimals or separators must
 * hold is: '.', ',' or the first byte of the full-width '，' (0xef).
 * Most tokens of a line are words or bare integers, and are never read.
 */
#define ONES	0x0101010101010101ULL
#define HIGHS	0x8080808080808080ULL

/* Nonzero if a byte of w is c (the "has a zero byte" test of w ^ c). */
static uint64_t
has_byte(uint64_t w, unsigned char c)
{
	uint64_t t = w ^ (ONES * c);

	return (t - ONES) & ~t & HIGHS;
}

static size_t
next_mark(const char *s, size_t n, size_t i)
{
	uint64_t w;

	/* Eight bytes at a time: a line of prose holds no mark at all. */
	for (; i + 8 <= n; i += 8) {
		memcpy(&w, s + i, 8);
		if (has_byte(w, '.') | has_byte(w, ',') | has_byte(w, 0xef))
			break;
	}
	for (; i < n; i++)
		if (s[i] == '.' || s[i] == ',' || s[i] == '\xef')
			return i;
	return n;
}

/*
 * The bytes num_parse accepts: digits, signs, parentheses, '.', ',', '%',
 * and those of '，', '−' and '－'.  A token holding any other byte is no
 * amount.
 */
static const unsigned char amount_byte[256] = {
	['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1,
	['6'] = 1, ['7'] = 1, ['8'] = 1, ['9'] = 1, ['('] = 1, [')'] = 1,
	['+'] = 1, ['-'] = 1, ['.'] = 1, [','] = 1, ['%'] = 1,
	[0xef] = 1, [0xbc] = 1, [0x8c] = 1, [0x8d] = 1, [0xe2] = 1,
	[0x88] = 1, [0x92] = 1,
};

/*
 * Whether the token around s[i] is an amount with decimals or separators.
 * Only the run of amount bytes around i is read: a token of prose (a
 * line of Chinese holds no space) is turned away at its first other
 * byte either side.  *next is where the next mark may be.
 */
static int
token_is_amount(const char *s, size_t n, size_t i, size_t *next)
{
	struct num v;
	size_t start = i, end = i;

	while (start > 0 && amount_byte[(unsigned char)s[start - 1]])
		start--;
	while (end < n && amount_byte[(unsigned char)s[end]])
		end++;
	*next = end;
	if ((start > 0 && s[start - 1] != ' ' && s[start - 1] != '\t') ||
	    (end < n && s[end] != ' ' && s[end] != '\t'))
		return 0;
	return num_parse(s + start, end - start, &v) &&
	    (v.decimals > 0 || v.grouped) && !v.percent;
}

int
line_has_amount(const char *s, size_t n)
{
	size_t i = 0;

	while ((i = next_mark(s, n, i)) < n)
		if (token_is_amount(s, n, i, &i))
			return 1;
	return 0;
}

static int
is_data(struct textrules *tr, const char *s, size_t n)
{
	size_t start, len;

	if (line_has_amount(s, n))
		return 1;
	if (patlist_match(&tr->total, s, n) != -1)
		return LINE_MAYBE_DATA;
	len = first_token(s, n, &start);
	if (len >= 3 && num_is_int_code(s + start, len) && start + len < n &&
	    tj_has_cjk(s + start + len, n - start - len))
		return 1;
	return 0;
}

int
line_is_data(struct textrules *tr, const char *s, size_t n)
{
	struct memo_slot *m = memo_slot(tr, s, n);

	if (m == NULL)
		return is_data(tr, s, n);
	if (!(m->known & KNOW_DATA)) {
		m->data = (unsigned char)is_data(tr, s, n);
		m->known |= KNOW_DATA;
	}
	return m->data;
}
