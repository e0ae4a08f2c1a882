/*
 * textjoin.c - deciding what a line break split, from the text alone.
 */
#include <ctype.h>
#include <string.h>

#include "number.h"
#include "textjoin.h"
#include "utf8.h"

/* East Asian wide characters take two columns; the rest one. */
int
tj_width(const char *s, size_t n)
{
	size_t i = 0, k;
	int32_t c;
	int w = 0;

	while (i < n) {
		k = utf8_decode(s + i, n - i, &c);
		w += (uc_is_cjk(c) || (c >= 0xff01 && c <= 0xff60)) ? 2 : 1;
		i += k;
	}
	return w;
}

int
tj_has_cjk(const char *s, size_t n)
{
	size_t i = 0;
	int32_t c;

	while (i < n) {
		i += utf8_decode(s + i, n - i, &c);
		if (uc_is_han(c))
			return 1;
	}
	return 0;
}

int
tj_spaces(const char *s, size_t n)
{
	size_t i;
	int count = 0;

	for (i = 0; i < n; i++)
		if (s[i] == ' ' && (i == 0 || s[i - 1] != ' '))
			count++;
	return count;
}

/* How many space-separated tokens of s read as numbers. */
int
tj_number_tokens(const char *s, size_t n)
{
	struct num v;
	size_t i = 0, start;
	int count = 0;

	while (i < n) {
		while (i < n && (s[i] == ' ' || s[i] == '\t'))
			i++;
		start = i;
		while (i < n && s[i] != ' ' && s[i] != '\t')
			i++;
		if (i > start && num_parse(s + start, i - start, &v))
			count++;
	}
	return count;
}

static int
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/*
 * "2230. 80" -> "2230.80": a space after a decimal point, with one or two
 * digits after it and nothing numeric before the point's digits broken.
 */
void
tj_join_split_numbers(struct buf *b)
{
	size_t i, j, k, o = 0;
	char *s = b->s;

	if (s == NULL)
		return;
	for (i = 0; i < b->len; i++) {
		s[o++] = s[i];
		if (s[i] != '.' || i == 0 || !is_digit(s[i - 1]))
			continue;
		for (j = i + 1; j < b->len && s[j] == ' '; j++)
			;
		if (j == i + 1 || j >= b->len)
			continue;
		for (k = j; k < b->len && is_digit(s[k]); k++)
			;
		if (k - j >= 1 && k - j <= 2 && (k == b->len || s[k] == ' ' ||
		    s[k] == '\t'))
			i = j - 1;	/* drop the spaces */
	}
	b->len = o;
	s[o] = '\0';
}

struct tok {
	size_t	 off, len;
	int	 single_han;	/* exactly one Han character */
	int	 gap;		/* spaces before it */
};

static int
split_tokens(const char *s, size_t n, struct tok *t, int max)
{
	size_t i = 0, start;
	int count = 0, gap;
	int32_t c;

	while (i < n && count < max) {
		gap = 0;
		while (i < n && s[i] == ' ') {
			i++;
			gap++;
		}
		if (i >= n)
			break;
		start = i;
		while (i < n && s[i] != ' ')
			i++;
		t[count].off = start;
		t[count].len = i - start;
		t[count].gap = gap;
		t[count].single_han = utf8_decode(s + start, i - start, &c) ==
		    i - start && uc_is_han(c);
		count++;
	}
	return i < n ? -1 : count;
}

static int
concat_is_term(const char *s, const struct tok *t, int from, int to,
    const struct termset *terms)
{
	char word[256];
	size_t n = 0;
	int i;

	for (i = from; i <= to; i++) {
		if (n + t[i].len >= sizeof(word))
			return 0;
		memcpy(word + n, s + t[i].off, t[i].len);
		n += t[i].len;
	}
	return termset_has(terms, word, n);
}

/*
 * Letter-spaced words: "本 年 收 入 合 计" -> "本年收入合计".  A run of
 * single Han characters is split into known terms, longest first; a run of
 * four or more evenly spaced characters with no term in it is one word.
 * "类 款 项" stays three header words.
 */
/* Whether some token of s is a single Han character: cheap to ask. */
static int
has_single_han_token(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i + 3 <= n; i++)
		if ((i == 0 || s[i - 1] == ' ') && (unsigned char)s[i] >= 0xe3 &&
		    (unsigned char)s[i] <= 0xe9 && (i + 3 == n || s[i + 3] == ' '))
			return 1;
	return 0;
}

void
tj_join_letter_spacing(struct buf *b, const struct termset *terms)
{
	struct tok t[256];
	struct buf out = BUF_INIT;
	int n, i, j, run_end, best, even;

	if (!has_single_han_token(buf_str(b), b->len))
		return;
	n = split_tokens(buf_str(b), b->len, t, 256);
	if (n < 2)
		return;
	for (i = 0; i < n; i = j) {
		if (i > 0)
			buf_addc(&out, ' ');
		if (!t[i].single_han) {
			buf_add(&out, b->s + t[i].off, t[i].len);
			j = i + 1;
			continue;
		}
		for (run_end = i; run_end + 1 < n && t[run_end + 1].single_han;
		    run_end++)
			;
		best = -1;
		for (j = run_end; j > i; j--)
			if (concat_is_term(b->s, t, i, j, terms)) {
				best = j;
				break;
			}
		if (best == -1 && run_end - i + 1 >= 4) {
			even = 1;
			for (j = i + 1; j <= run_end; j++)
				even &= t[j].gap == 1;
			if (even)
				best = run_end;
		}
		if (best == -1)
			best = i;
		for (j = i; j <= best; j++)
			buf_add(&out, b->s + t[j].off, t[j].len);
		j = best + 1;
	}
	buf_clear(b);
	buf_add(b, buf_str(&out), out.len);
	buf_free(&out);
}

/*
 * Inside a tab-separated cell, a space between two Han characters is a
 * wrap the dump flattened ("工资福利支 出"): drop it.
 */
static void
drop_han_spaces(struct buf *b)
{
	size_t i, o = 0, j;
	int32_t before, after;
	char *s = b->s;

	if (s == NULL)
		return;
	for (i = 0; i < b->len; i++) {
		if (s[i] == ' ' && o > 0) {
			for (j = i; j < b->len && s[j] == ' '; j++)
				;
			utf8_last(s, o, &before);
			if (j < b->len) {
				utf8_decode(s + j, b->len - j, &after);
				if ((uc_is_han(before) || uc_is_cjk_punct(before))
				    && (uc_is_han(after) ||
				    uc_is_cjk_punct(after))) {
					i = j - 1;
					continue;
				}
			}
		}
		s[o++] = s[i];
	}
	b->len = o;
	s[o] = '\0';
}

static int
is_year_at(const char *s, size_t len, size_t i)
{
	size_t k;

	if (i + 4 > len || (i > 0 && (isdigit((unsigned char)s[i - 1]) ||
	    s[i - 1] == '.' || s[i - 1] == ',')))
		return 0;
	for (k = 0; k < 4; k++)
		if (!isdigit((unsigned char)s[i + k]))
			return 0;
	return (s[i] == '1' && s[i + 1] == '9') ||
	    (s[i] == '2' && s[i + 1] == '0');
}

/*
 * "2023 年农产品质量安全检测": a year parted from its 年 by a font change,
 * which would make it a number of the row.  No cell ends with a year and
 * the next begins with 年, so the space goes.
 */
static void
join_years(struct buf *b)
{
	static const char nian[] = "\xe5\xb9\xb4";	/* 年 */
	size_t i, j, o = 0;
	char *s = b->s;

	if (s == NULL)
		return;
	for (i = 0; i < b->len; i++) {
		if (is_year_at(s, b->len, i) && i + 4 < b->len &&
		    s[i + 4] == ' ') {
			for (j = i + 4; j < b->len && s[j] == ' '; j++)
				;
			if (j + 3 <= b->len && memcmp(s + j, nian, 3) == 0) {
				memmove(s + o, s + i, 4);
				o += 4;
				i = j - 1;
				continue;
			}
		}
		s[o++] = s[i];
	}
	b->len = o;
	s[o] = '\0';
}

static void
trim_cell(struct buf *cell)
{
	size_t start = 0, end = cell->len;

	if (cell->s == NULL)
		return;
	while (start < end && cell->s[start] == ' ')
		start++;
	while (end > start && cell->s[end - 1] == ' ')
		end--;
	memmove(cell->s, cell->s + start, end - start);
	cell->len = end - start;
	cell->s[cell->len] = '\0';
}

/*
 * The repairs that need only the line itself.  Tabbed lines are fixed
 * cell by cell so the columns stay where the dump put them.
 */
void
tj_fix_inline(struct buf *out, const char *s, size_t n,
    const struct termset *terms, int tabbed)
{
	struct buf cell = BUF_INIT;
	size_t i = 0, e;

	buf_clear(out);
	for (;;) {
		e = i;
		while (e < n && (!tabbed || s[e] != '\t'))
			e++;
		buf_clear(&cell);
		uc_normalize(&cell, s + i, e - i);
		trim_cell(&cell);
		tj_join_split_numbers(&cell);
		if (tabbed)
			drop_han_spaces(&cell);
		else
			tj_join_letter_spacing(&cell, terms);
		join_years(&cell);
		buf_add(out, buf_str(&cell), cell.len);
		if (e >= n)
			break;
		buf_addc(out, '\t');
		i = e + 1;
	}
	if (out->s == NULL)
		buf_add(out, "", 0);
	buf_free(&cell);
}

/*
 * A line that can be one wrapped table cell: Han text without spaces or
 * numbers, that does not begin an item, a total, a note or a caption.
 */
int
tj_is_cell_text(struct textrules *tr, const char *s, size_t n)
{
	if (n == 0 || memchr(s, ' ', n) || memchr(s, '\t', n))
		return 0;
	if (!tj_has_cjk(s, n) || tj_number_tokens(s, n) > 0)
		return 0;
	if (termset_has(&tr->terms, s, n))
		return 0;
	return !textrules_starts_block(tr, s, n);
}

/*
 * "部门名称：" alone on a line, its value on the next: a label and its
 * value that a narrow cell split.
 */
int
tj_joins_key_value(const char *a, size_t na, int width_a, const char *b,
    size_t nb)
{
	int32_t c;

	if (na == 0 || nb == 0 || width_a > 12 ||
	    memchr(a, ' ', na) != NULL || memchr(b, '\t', nb) != NULL)
		return 0;
	utf8_last(a, na, &c);
	return c == 0xff1a || c == ':';
}

/* "14.7" + "0", "302" + "01": digits split by a line break. */
int
tj_joins_digits(struct textrules *tr, const char *a, size_t na,
    const char *b, size_t nb)
{
	int i;

	/* The next line is short and anchored: asking it first is cheap. */
	for (i = 0; i < tr->njoins; i++)
		if (regex_match(&tr->joins[i].next, b, nb) &&
		    regex_match(&tr->joins[i].prev, a, na))
			return 1;
	return 0;
}

/*
 * A cell wrapped in a column of fixed width: every line but the last is
 * as wide as the first (give or take one character), and no continuation
 * is wider.  A line shorter than the first ended the cell.
 */
int
tj_joins_wrapped_cell(int width_a, int first_width, int width_b)
{
	int slack = first_width >= 8 ? 2 : 0;

	if (width_a < first_width)
		return 0;		/* a was the cell's last line */
	return width_b <= width_a + slack;
}

static int
contains(const char *s, size_t n, const char *needle)
{
	size_t k = strlen(needle), i;

	for (i = 0; i + k <= n; i++)
		if (memcmp(s + i, needle, k) == 0)
			return 1;
	return 0;
}

int
tj_ends_sentence(const char *s, size_t n)
{
	int32_t c;

	if (n == 0)
		return 1;
	utf8_last(s, n, &c);
	return c == 0x3002 || c == 0xff1b || c == 0xff01 || c == 0xff1f ||
	    c == 0xff1a || c == '.' || c == ';' || c == ':' || c == '!' ||
	    c == '?';
}

/*
 * "绩效监控完成率 100%": a short line of words and a number after them, no
 * sentence in it, is a form's row, not the rest of a paragraph.
 */
static int
label_and_value(const char *s, size_t n)
{
	struct num v;
	size_t end = n, start;

	while (end > 0 && (s[end - 1] == ' ' || s[end - 1] == '\t'))
		end--;
	for (start = end; start > 0 && s[start - 1] != ' ' &&
	    s[start - 1] != '\t'; start--)
		;
	return start > 0 && end > start && tj_width(s, n) < 30 &&
	    !contains(s, n, "\xef\xbc\x8c") &&
	    !contains(s, n, "\xe3\x80\x82") &&
	    num_parse(s + start, end - start, &v);
}

/*
 * A prose paragraph wrapped at the page width: the line is long, has no
 * more than a stray space (a table row has many), and does not end its
 * sentence; the next line does not start an item or a heading.
 */
int
tj_joins_prose(struct textrules *tr, const char *a, size_t na, int width_a,
    const char *b, size_t nb)
{
	if (width_a < 36 || tj_ends_sentence(a, na) || !tj_has_cjk(a, na))
		return 0;
	if (patlist_match(&tr->entity, a, na) != -1 ||
	    patlist_match(&tr->unit, a, na) != -1 ||
	    patlist_match(&tr->code, a, na) != -1 ||
	    patlist_match(&tr->title, a, na) != -1)
		return 0;		/* a caption line ends where it ends */
	if (tj_spaces(a, na) > 0 && !contains(a, na, "\xef\xbc\x8c") &&
	    !contains(a, na, "\xe3\x80\x81"))
		return 0;		/* spaced but no ， or 、: a table row */
	if (tj_number_tokens(a, na) > 1 || memchr(a, '\t', na) ||
	    memchr(b, '\t', nb))
		return 0;
	if (tj_number_tokens(b, nb) == tj_spaces(b, nb) + 1 ||
	    label_and_value(b, nb))
		return 0;		/* b is a row: numbers, or a label's */
	if (textrules_starts_block(tr, b, nb) ||
	    patlist_match(&tr->section, b, nb) != -1 ||
	    patlist_match(&tr->furniture, b, nb) != -1)
		return 0;
	return 1;
}

/* "inter-" + "national": a word hyphenated at the line end. */
int
tj_joins_hyphen(const char *a, size_t na, const char *b, size_t nb)
{
	return na >= 3 && a[na - 1] == '-' && a[na - 2] >= 'a' &&
	    a[na - 2] <= 'z' && a[na - 3] != ' ' && nb > 0 && b[0] >= 'a' &&
	    b[0] <= 'z';
}
