/*
 * dehyphenate.c - rejoin what line breaks split.
 *
 * On a plain text dump (no stream header) every line becomes a `line`
 * record, after three kinds of repair: within the line (full-width digits,
 * "2230. 80", letter-spaced words), across lines (a wrapped cell or
 * sentence, a number or code cut by the break, a hyphenated word), and
 * at page breaks (form feeds and "18 / 54" become `page` records, and
 * nothing is joined across them).  One logical line is held back while
 * the next is read: memory is one line, whatever the input.
 *
 * On a record stream (from pdf2text) span text gets the within-line
 * repairs and everything else passes through: joining spans is a matter
 * of geometry, which row-align owns.
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "dehyphenate.h"
#include "textjoin.h"
#include "textrules.h"
#include "utf8.h"

struct pending {
	struct buf	 text;
	unsigned long	 lineno;
	long		 page;
	int		 gap;		/* blank lines before it */
	int		 width;		/* of the whole line */
	int		 first_width;	/* of its first fragment */
	int		 last_width;	/* of its last fragment */
	int		 cell;		/* all fragments joined as one cell;
					   -1 not yet asked */
	int		 tabbed;
	int		 valid;
};

struct dehy {
	struct cli	*cli;
	struct textrules tr;
	struct pending	 p;
	struct buf	 fixed, rec;
	long		 page;
	int		 blanks;
	int		 form_feeds;	/* the dump marks its pages itself */
};

static void
emit_page(struct dehy *d)
{
	rec_begin(&d->rec, "page");
	rec_long_field(&d->rec, d->page);
	rec_text(&d->rec, "-");
	rec_text(&d->rec, "-");
	rec_end(&d->rec);
	out_put(&d->cli->out, &d->rec);
}

static void
flush(struct dehy *d)
{
	if (!d->p.valid)
		return;
	rec_begin(&d->rec, "line");
	rec_long_field(&d->rec, d->p.page);
	rec_long_field(&d->rec, (long)d->p.lineno);
	rec_long_field(&d->rec, d->p.gap);
	rec_textn(&d->rec, buf_str(&d->p.text), d->p.text.len);
	rec_end(&d->rec);
	out_put(&d->cli->out, &d->rec);
	d->p.valid = 0;
}

static void
page_break(struct dehy *d, long next_page)
{
	flush(d);
	d->page = next_page;
	d->blanks = 0;
	emit_page(d);
}

/* What is known of a line once, asked of it several times. */
struct lineinfo {
	int	 width;
	int	 tabbed;
	int	 cell;		/* -1 not yet known */
};

static int
is_cell(struct dehy *d, struct lineinfo *li, const char *s, size_t n)
{
	if (li->cell < 0)
		li->cell = !li->tabbed && tj_is_cell_text(&d->tr, s, n);
	return li->cell;
}

/*
 * Whether the pending line is cell text, asked only when a wrap could
 * continue it: until then it is still its first fragment.
 */
static int
pending_is_cell(struct dehy *d)
{
	struct pending *p = &d->p;

	if (p->cell < 0)
		p->cell = !p->tabbed && tj_is_cell_text(&d->tr,
		    buf_str(&p->text), p->text.len);
	return p->cell;
}

static void
start_pending(struct dehy *d, const char *s, size_t n, unsigned long lineno,
    struct lineinfo *li)
{
	struct pending *p = &d->p;

	buf_clear(&p->text);
	buf_add(&p->text, s, n);
	p->lineno = lineno;
	p->page = d->page;
	p->gap = d->blanks;
	p->width = p->first_width = p->last_width = li->width;
	p->tabbed = li->tabbed;
	p->cell = li->tabbed ? 0 : li->cell;	/* -1 if not yet asked */
	p->valid = 1;
}

/* Glue b onto the pending line: a space only between two Latin words. */
static void
append(struct dehy *d, const char *b, size_t nb, int width_b, int spaced)
{
	struct buf *t = &d->p.text;

	if (spaced && t->len && nb && (unsigned char)t->s[t->len - 1] < 0x80 &&
	    (unsigned char)b[0] < 0x80 && t->s[t->len - 1] != '-') {
		buf_addc(t, ' ');
		d->p.width++;
	}
	buf_add(t, b, nb);
	d->p.last_width = width_b;
	d->p.width += width_b;
}

/*
 * Try to continue the pending line with b; 1 if b was taken.  The order
 * matters: digits first (a split amount looks like nothing else), then a
 * wrapped cell, a hyphenated word, a wrapped sentence.
 */
static int
try_join(struct dehy *d, const char *b, size_t nb, int indented,
    struct lineinfo *li)
{
	struct pending *p = &d->p;
	const char *a = buf_str(&p->text);
	size_t na = p->text.len;

	if (!p->valid || indented || d->blanks > 1 || p->tabbed || li->tabbed)
		return 0;
	if (tj_joins_digits(&d->tr, a, na, b, nb)) {
		append(d, b, nb, li->width, 0);
		p->cell = 0;
		return 1;
	}
	if (tj_joins_key_value(a, na, p->width, b, nb)) {
		append(d, b, nb, li->width, 0);
		p->cell = 0;
		return 1;
	}
	/* A cell's text ends at its full stop: what follows is another. */
	if (tj_joins_wrapped_cell(p->last_width, p->first_width, li->width) &&
	    !tj_ends_sentence(a, na) && pending_is_cell(d) &&
	    is_cell(d, li, b, nb)) {
		append(d, b, nb, li->width, 0);
		return 1;
	}
	if (tj_joins_hyphen(a, na, b, nb)) {
		p->text.len--;		/* the hyphen */
		p->width--;
		append(d, b, nb, li->width, 0);
		p->cell = 0;
		return 1;
	}
	/* A paragraph wraps at the page's width: its last line is wide. */
	if (tj_joins_prose(&d->tr, a, na, p->last_width, b, nb)) {
		append(d, b, nb, li->width, 1);
		p->cell = 0;
		return 1;
	}
	return 0;
}

static int
is_blank(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
			return 0;
	return 1;
}

/* One physical line of a dump, without form feeds. */
static void
text_line(struct dehy *d, const char *s, size_t n, unsigned long lineno)
{
	struct lineinfo li;
	size_t off, len;
	int indented;

	if (is_blank(s, n)) {
		d->blanks++;
		return;
	}
	/*
	 * "18 / 54" printed at a page's foot says page 18 ends; where form
	 * feeds mark the pages already, it is just furniture, passed on for
	 * table-segment to drop, and often printed at the page's head.
	 */
	if (!d->form_feeds && patlist_group(&d->tr.page_number, s, n, "page",
	    &off, &len) != -1) {
		page_break(d, strtol(s + off, NULL, 10) + 1);
		return;
	}
	indented = s[0] == ' ';
	li.tabbed = memchr(s, '\t', n) != NULL;
	tj_fix_inline(&d->fixed, s, n, &d->tr.terms, li.tabbed);
	li.width = tj_width(buf_str(&d->fixed), d->fixed.len);
	li.cell = -1;
	if (!try_join(d, buf_str(&d->fixed), d->fixed.len, indented, &li)) {
		flush(d);
		start_pending(d, buf_str(&d->fixed), d->fixed.len, lineno,
		    &li);
	}
	d->blanks = 0;
}

static void
text_input(struct dehy *d, struct lineio *in, const char *first, size_t n)
{
	const char *line = first, *ff;
	size_t len = n;
	int got = 1;

	rec_begin(&d->rec, "doc");
	rec_text(&d->rec, in->name);
	rec_end(&d->rec);
	out_put(&d->cli->out, &d->rec);
	/* Pages are known only when the dump marks them with form feeds. */
	d->form_feeds = memchr(first, '\f', n) ||
	    lineio_buffered_has(in, '\f');
	d->page = d->form_feeds ? 1 : 0;
	d->blanks = 0;
	d->p.valid = 0;
	if (d->page)
		emit_page(d);
	while (got > 0) {
		while ((ff = memchr(line, '\f', len)) != NULL) {
			text_line(d, line, (size_t)(ff - line), in->lineno);
			page_break(d, d->page + 1);
			len -= (size_t)(ff - line) + 1;
			line = ff + 1;
		}
		text_line(d, line, len, in->lineno);
		got = lineio_read(in, &line, &len);
	}
	flush(d);
	if (got < 0)
		cli_emit_error(d->cli, in->name, buf_str(&in->err));
}

/*
 * Whether writing a record's fields again would give back its line:
 * without a backslash, carriage return or NUL, fields are written as
 * they are read.  Most spans need no repair, and are then passed on
 * without being written again.
 */
static int
same_as_written(const char *line, size_t len)
{
	return memchr(line, '\\', len) == NULL &&
	    memchr(line, '\r', len) == NULL && memchr(line, '\0', len) == NULL;
}

/* A record of the stream: span text repaired, the rest passed on. */
static void
stream_record(struct dehy *d, struct rec *r, const char *line, size_t len)
{
	int i;

	if (rec_is(r, "error")) {
		cli_pass_error(d->cli, r);
		return;
	}
	if (!rec_is(r, "span") || r->nf < 9) {
		out_line(&d->cli->out, line, len);
		return;
	}
	buf_clear(&d->fixed);
	buf_adds(&d->fixed, r->f[8]);
	tj_join_split_numbers(&d->fixed);
	if (same_as_written(line, len) && strcmp(buf_str(&d->fixed),
	    r->f[8]) == 0) {
		out_line(&d->cli->out, line, len);
		return;
	}
	rec_begin(&d->rec, "span");
	for (i = 1; i < 8; i++)
		rec_text(&d->rec, r->f[i]);
	rec_textn(&d->rec, buf_str(&d->fixed), d->fixed.len);
	for (i = 9; i < r->nf; i++)
		rec_text(&d->rec, r->f[i]);
	rec_end(&d->rec);
	out_put(&d->cli->out, &d->rec);
}

static void
stream_input(struct dehy *d, struct lineio *in)
{
	struct rec r;
	const char *line;
	size_t len;
	int got;

	rec_init(&r);
	while ((got = lineio_read(in, &line, &len)) > 0) {
		rec_parse(&r, line, len);
		stream_record(d, &r, line, len);
	}
	if (got < 0)
		cli_emit_error(d->cli, in->name, buf_str(&in->err));
	rec_free(&r);
}

static void
run_input(struct dehy *d, const char *path)
{
	struct lineio in;
	const char *line;
	size_t len;
	int got, v;

	if (lineio_open(&in, path) == -1) {
		cli_emit_error(d->cli, path, buf_str(&in.err));
		lineio_close(&in);
		return;
	}
	got = lineio_read(&in, &line, &len);
	if (got < 0)
		cli_emit_error(d->cli, path, buf_str(&in.err));
	else if (got == 0)
		cli_emit_error(d->cli, path, "empty input");
	else if ((v = stream_header_version(line, len)) > STREAM_VERSION)
		cli_emit_error(d->cli, path, "stream version is newer than "
		    "this program reads");
	else if (v > 0)
		stream_input(d, &in);
	else
		text_input(d, &in, line, len);
	lineio_close(&in);
}

int
dehyphenate_run(struct cli *cli)
{
	struct dehy d;
	struct buf err = BUF_INIT;
	int i;

	memset(&d, 0, sizeof(d));
	d.cli = cli;
	cli_load_rules(cli);
	if (textrules_load(&d.tr, &cli->rules, &err) == -1) {
		cli_usage_error(cli, "%s", buf_str(&err));
	}
	out_init(&cli->out, 0);
	out_header(&cli->out);
	cli_emit_rules(cli, "dehyphenate");
	for (i = 0; i < cli->ninputs; i++)
		run_input(&d, cli->inputs[i]);
	textrules_free(&d.tr);
	buf_free(&d.p.text);
	buf_free(&d.fixed);
	buf_free(&d.rec);
	buf_free(&err);
	return cli_exit(cli);
}
