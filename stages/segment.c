/*
 * segment.c - find where each table begins and ends.
 *
 * The stream's lines are prose until a caption block announces a table;
 * the table's lines are then sorted into parts (caption, head, body, note)
 * until the next caption, a section heading, or the prose after its
 * notes.  A caption that repeats the open table's code or title is the
 * table continued on the next page: its caption and repeated header lines
 * are dropped and the body goes on.  Page furniture is dropped wherever it
 * is.
 *
 * A table is held until it is known to be complete (the next caption may
 * continue it), so memory is one table, never the document.
 */
#include <stdlib.h>
#include <string.h>

#include "caption.h"
#include "geomseg.h"
#include "pageorder.h"
#include "segment.h"
#include "textjoin.h"
#include "textrules.h"
#include "utf8.h"

enum part { PART_NONE, PART_CAPTION, PART_HEAD, PART_BODY, PART_NOTE };

static const char *part_names[] = { "", "caption", "head", "body", "note" };

/*
 * Caption lines read but not yet known to announce a table, and the
 * lines read after them while a lone title waits for rows to confirm it.
 */
struct held {
	struct caption	 cap;
	struct buf	 raw;		/* their records, newline-terminated */
	int		 n;
	struct buf	 after;		/* lines after, each kind-tagged */
	int		 nafter;
	char		*first_after;	/* the text of the first of them */
};

/* How many lines a lone title may wait for a row (a form's first amounts). */
#define TITLE_WAIT	12

struct table {
	int		 open;
	struct caption	 cap;
	struct buf	 recs;		/* the table's records, in order */
	enum part	 part;
	char		**head;		/* header lines, to spot them repeated */
	int		 nhead;
	struct buf	 pages;		/* "12,13" */
	long		 last_page;
	int		 skipping;	/* dropping a repeated header */
	struct buf	 held_total;	/* a lone total label, header or body */
	long		 held_page;
	char		*first_line;	/* the first line after the caption */
	size_t		 last_off;	/* where the last line appended begins */
	char		*last_title;	/* that line's text, if it reads as a
					   title of the next table */
};

struct seg {
	struct cli	*cli;
	struct textrules tr;
	struct held	 held;
	struct table	 t;
	long		 number;	/* tables so far in this document */
	struct buf	 rec;
	struct geomseg	 geom;		/* pages with spans: see geomseg.c */
	struct pageline	*page;		/* a dump's page, held to be reordered */
	int		 npage, cappage;
	struct buf	 loose;		/* the last prose line, held back: the
					   next line may make it a title */
	char		*loose_title;
	char		*running[2];	/* the last page's first and last line */
};

static void process_line(struct seg *, const char *text, long gap,
    long page, const char *raw, size_t len, enum linekind);
static void add_head_line(struct table *, const char *);

static void
set_part(struct table *t, enum part p)
{
	if (t->part == p)
		return;
	t->part = p;
	buf_printf(&t->recs, "part\t%s\n", part_names[p]);
}

static void
note_page(struct table *t, long page)
{
	if (page <= 0 || page == t->last_page)
		return;
	if (t->pages.len)
		buf_addc(&t->pages, ',');
	buf_printf(&t->pages, "%ld", page);
	t->last_page = page;
}

static void
table_clear(struct table *t)
{
	int i;

	caption_free(&t->cap);
	buf_free(&t->held_total);
	buf_free(&t->recs);
	buf_free(&t->pages);
	for (i = 0; i < t->nhead; i++)
		free(t->head[i]);
	free(t->head);
	free(t->last_title);
	free(t->first_line);
	memset(t, 0, sizeof(*t));
}

static void append_line(struct table *, const char *, size_t, long);

/* The held total label: body if data or the end followed it, else head. */
static void
release_total(struct table *t, int as_body)
{
	char *text;

	if (t->held_total.len == 0)
		return;
	if (as_body) {
		set_part(t, PART_BODY);
	} else {
		set_part(t, PART_HEAD);
		text = strrchr(t->held_total.s, '\t');
		add_head_line(t, text ? text + 1 : t->held_total.s);
	}
	append_line(t, t->held_total.s, t->held_total.len, t->held_page);
	buf_clear(&t->held_total);
}

static void
close_table(struct seg *s)
{
	struct table *t = &s->t;

	if (!t->open)
		return;
	release_total(t, 1);
	rec_begin(&s->rec, "table");
	rec_long_field(&s->rec, ++s->number);
	if (t->cap.code)
		rec_kv(&s->rec, "code", t->cap.code);
	if (t->cap.title)
		rec_kv(&s->rec, "title", t->cap.title);
	if (t->cap.unit)
		rec_kv(&s->rec, "unit", t->cap.unit);
	if (t->cap.entity)
		rec_kv(&s->rec, "entity", t->cap.entity);
	if (t->pages.len)
		rec_kv(&s->rec, "pages", t->pages.s);
	rec_end(&s->rec);
	out_put(&s->cli->out, &s->rec);
	out_put(&s->cli->out, &t->recs);
	buf_clear(&s->rec);
	buf_printf(&s->rec, "endtable\t%ld\n", s->number);
	out_put(&s->cli->out, &s->rec);
	table_clear(t);
}

/*
 * A line that can title the table a unit line announces ("Expenditure by
 * Function, 2023" over "(in thousands of dollars)"): a short line of
 * Latin words, not a sentence, not a row.  Chinese titles are known by
 * their own patterns.
 */
static int
title_like(struct seg *s, const char *text)
{
	size_t n = strlen(text);
	int letters = 0, i;

	while (n > 0 && text[n - 1] == ' ')
		n--;
	if (n < 4 || n > 150 || tj_has_cjk(text, n) ||
	    strchr(".:;", text[n - 1]) != NULL ||
	    line_is_data(&s->tr, text, n))
		return 0;
	for (i = 0; i < (int)n; i++)
		letters += (text[i] >= 'A' && text[i] <= 'Z') ||
		    (text[i] >= 'a' && text[i] <= 'z');
	return letters >= 3;
}

static void
flush_loose(struct seg *s)
{
	if (s->loose.len == 0)
		return;
	out_line(&s->cli->out, buf_str(&s->loose), s->loose.len);
	buf_clear(&s->loose);
	free(s->loose_title);
	s->loose_title = NULL;
}

/* A prose line goes out, one line late if it may title a table. */
static void
emit_prose(struct seg *s, enum linekind kind, const char *text,
    const char *raw, size_t len)
{
	flush_loose(s);
	if (kind != LINE_TEXT || !title_like(s, text)) {
		out_line(&s->cli->out, raw, len);
		return;
	}
	buf_add(&s->loose, raw, len);
	s->loose_title = xstrdup(text);
}

/*
 * A unit line with no title of its own takes the line before it as the
 * title: held back as prose, or the last line of the table before.
 */
static void
take_title_before(struct seg *s, const char *text, size_t n)
{
	struct caption probe;
	struct table *t = &s->t;
	int titled;

	memset(&probe, 0, sizeof(probe));
	caption_read(&s->tr, &probe, text, n);
	titled = probe.code || probe.title || !probe.unit;
	caption_free(&probe);
	if (titled)
		return;
	if (s->loose_title) {
		s->held.cap.title = s->loose_title;
		s->loose_title = NULL;
		buf_add(&s->held.raw, buf_str(&s->loose), s->loose.len);
		buf_addc(&s->held.raw, '\n');
		buf_clear(&s->loose);
		s->held.n++;
	} else if (t->open && t->last_title) {
		s->held.cap.title = t->last_title;
		t->last_title = NULL;
		buf_add(&s->held.raw, t->recs.s + t->last_off,
		    t->recs.len - t->last_off);
		t->recs.len = t->last_off;
		t->recs.s[t->recs.len] = '\0';
		s->held.n++;
	}
}

static void
open_table(struct seg *s)
{
	struct table *t = &s->t;

	close_table(s);
	flush_loose(s);
	t->open = 1;
	caption_move(&t->cap, &s->held.cap);
	set_part(t, PART_CAPTION);
	buf_add(&t->recs, buf_str(&s->held.raw), s->held.raw.len);
}

static void
held_clear(struct held *h)
{
	caption_free(&h->cap);
	buf_clear(&h->raw);
	h->n = 0;
}

/* Replay lines kept as "kind<TAB>record" through process_line. */
static void
replay(struct seg *s, struct buf *lines, int with_kinds)
{
	struct buf copy = BUF_INIT;
	struct rec r;
	const char *p, *nl, *rec;
	enum linekind kind;

	buf_add(&copy, buf_str(lines), lines->len);
	buf_clear(lines);
	rec_init(&r);
	for (p = buf_str(&copy); *p; p = nl + 1) {
		nl = strchr(p, '\n');
		kind = LINE_TEXT;
		rec = p;
		if (with_kinds) {
			kind = (enum linekind)(*p - '0');
			rec = p + 2;
		}
		rec_parse(&r, rec, (size_t)(nl - rec));
		process_line(s, rec_field(&r, 4), rec_long(&r, 3),
		    rec_long(&r, 1), rec, (size_t)(nl - rec), kind);
	}
	rec_free(&r);
	buf_free(&copy);
}

/* Unconfirmed caption lines go back through as ordinary lines. */
static void
release_held(struct seg *s)
{
	struct buf raw = BUF_INIT;

	buf_add(&raw, buf_str(&s->held.raw), s->held.raw.len);
	held_clear(&s->held);
	replay(s, &raw, 0);
	buf_free(&raw);
}

/* The lines that waited with a lone title, placed now it is settled. */
static void
release_after(struct seg *s)
{
	struct buf after = BUF_INIT;

	if (s->held.nafter == 0)
		return;
	buf_add(&after, buf_str(&s->held.after), s->held.after.len);
	buf_clear(&s->held.after);
	s->held.nafter = 0;
	replay(s, &after, 1);
	buf_free(&after);
}

static void
wait_with_title(struct seg *s, enum linekind kind, const char *text,
    const char *raw, size_t len)
{
	if (s->held.nafter == 0) {
		free(s->held.first_after);
		s->held.first_after = xstrdup(text);
	}
	buf_addc(&s->held.after, (char)('0' + kind));
	buf_addc(&s->held.after, '\t');
	buf_add(&s->held.after, raw, len);
	buf_addc(&s->held.after, '\n');
	s->held.nafter++;
}

static int repeats_header(const struct table *, const char *);

/*
 * "项目名称 防汛抗旱应急演练" against "项目名称 基本公共卫生服务项目", or
 * either against "项目名称" alone, its value wrapped onto the next line.
 */
static int
same_key_other_value(const char *a, const char *b)
{
	size_t ka = strcspn(a, " \t"), kb = strcspn(b, " \t");

	return ka == kb && ka > 0 && memcmp(a, b, ka) == 0 &&
	    strcmp(a, b) != 0;
}

/*
 * A title printed again without a code, over a first line that gives
 * the table's first key another value: the next of a series of forms
 * under one title (项目支出绩效自评表, one per 项目名称), not the table
 * continued (whose pages repeat the same key and value, or its header).
 */
static int
another_of_a_series(struct seg *s, const char *next, int have_next)
{
	if (s->held.nafter > 0)		/* the title waited: its first line */
		next = s->held.first_after;
	else if (!have_next)
		return 0;
	return s->held.cap.code == NULL && s->t.first_line != NULL &&
	    same_key_other_value(s->t.first_line, next);
}

/*
 * The line after a caption block decides what the block was: a new
 * table, the open table continued, or just lines.
 */
static void
resolve_held(struct seg *s, const char *next, size_t n, int have_next)
{
	int tabular = have_next && (memchr(next, '\t', n) ||
	    line_is_data(&s->tr, next, n));

	if (s->held.n == 0)
		return;
	if (!caption_confirms(&s->held.cap, tabular)) {
		release_held(s);
		return;
	}
	if (s->t.open && caption_continues(&s->held.cap, &s->t.cap) &&
	    !another_of_a_series(s, next, have_next)) {
		held_clear(&s->held);
		s->t.skipping = 1;
		return;
	}
	open_table(s);
	held_clear(&s->held);
}

static int
repeats_header(const struct table *t, const char *text)
{
	int i;

	for (i = 0; i < t->nhead; i++)
		if (strcmp(t->head[i], text) == 0)
			return 1;
	return 0;
}

static void
add_head_line(struct table *t, const char *text)
{
	t->head = xreallocarray(t->head, (size_t)t->nhead + 1, sizeof(char *));
	t->head[t->nhead++] = xstrdup(text);
}

static void
append_line(struct table *t, const char *raw, size_t len, long page)
{
	t->last_off = t->recs.len;
	free(t->last_title);
	t->last_title = NULL;
	buf_add(&t->recs, raw, len);
	buf_addc(&t->recs, '\n');
	note_page(t, page);
}

/* A line that is not a caption line, inside a table or not. */
static void
place_line(struct seg *s, enum linekind kind, const char *text, long gap,
    long page, const char *raw, size_t len)
{
	struct table *t = &s->t;
	size_t n = strlen(text);
	int data;

	if (t->open && kind == LINE_SECTION)
		close_table(s);
	if (!t->open) {
		emit_prose(s, kind, text, raw, len);
		return;
	}
	if (t->skipping) {
		if (repeats_header(t, text))
			return;
		t->skipping = 0;
	}
	data = line_is_data(&s->tr, text, n);
	if (kind == LINE_NOTE) {
		release_total(t, 1);
		set_part(t, PART_NOTE);
	} else if (t->part == PART_NOTE) {
		if (gap >= 2 || data) {
			close_table(s);
			emit_prose(s, kind, text, raw, len);
			return;
		}
	} else if (t->part == PART_CAPTION || t->part == PART_HEAD) {
		release_total(t, data != 0);
		if (data == LINE_MAYBE_DATA) {
			buf_add(&t->held_total, raw, len);
			t->held_page = page;
			return;
		}
		if (data) {
			set_part(t, PART_BODY);
		} else {
			set_part(t, PART_HEAD);
			add_head_line(t, text);
		}
	}
	append_line(t, raw, len, page);
	if (t->first_line == NULL)
		t->first_line = xstrdup(text);
	if (t->part == PART_BODY && !data && kind == LINE_TEXT &&
	    title_like(s, text))
		t->last_title = xstrdup(text);
}

/*
 * One line: a caption line joins the held caption block; any other line
 * first settles what the block was, then takes its place.  Released
 * caption lines come back with kind LINE_TEXT and are not classified
 * again.
 */
static void
process_line(struct seg *s, const char *text, long gap, long page,
    const char *raw, size_t len, enum linekind kind)
{
	size_t n = strlen(text);

	if (kind == LINE_FURNITURE)
		return;
	if (kind == LINE_CAPTION) {
		if (s->held.nafter > 0) {
			/* A new caption: the title waited in vain. */
			resolve_held(s, "", 0, 0);
			release_after(s);
		}
		if (s->held.n == 0)
			take_title_before(s, text, n);
		caption_read(&s->tr, &s->held.cap, text, n);
		buf_add(&s->held.raw, raw, len);
		buf_addc(&s->held.raw, '\n');
		s->held.n++;
		return;
	}
	if (s->held.n > 0) {
		int tabular = memchr(text, '\t', n) || line_is_data(&s->tr,
		    text, n);

		/*
		 * A lone title not yet followed by rows: a form prints a few
		 * lines of words before its first amounts.  Wait for them.
		 */
		if (!tabular && !caption_confirms(&s->held.cap, 0) &&
		    s->held.cap.title && kind == LINE_TEXT &&
		    s->held.nafter < TITLE_WAIT) {
			wait_with_title(s, kind, text, raw, len);
			return;
		}
		resolve_held(s, text, n, 1);
		release_after(s);
	}
	place_line(s, kind, text, gap, page, raw, len);
}

/*
 * A line that opens or closes every page (南屏市东湖区交通运输局2024年部门
 * 预算) is a running head or foot: furniture, like the page number.  Where
 * the dump puts the page's end decides which, so either is compared with
 * either of the page before.
 */
static int
runs_on(const struct seg *s, const struct pageline *l)
{
	int i;

	/* Header words printed last on each page are short; heads are not. */
	if (l->kind != LINE_TEXT || l->data ||
	    utf8_count(l->text, strlen(l->text)) < 8)
		return 0;
	for (i = 0; i < 2; i++)
		if (s->running[i] && strcmp(l->text, s->running[i]) == 0)
			return 1;
	return 0;
}

static void
drop_running_lines(struct seg *s)
{
	struct pageline *ends[2] = { NULL, NULL };
	char *text[2];
	int i, k, drop[2];

	for (i = 0; i < s->npage && ends[0] == NULL; i++)
		if (s->page[i].kind != LINE_FURNITURE)
			ends[0] = &s->page[i];
	for (i = s->npage - 1; i >= 0 && ends[1] == NULL; i--)
		if (s->page[i].kind != LINE_FURNITURE)
			ends[1] = &s->page[i];
	if (ends[0] == NULL)
		return;
	for (k = 0; k < 2; k++) {
		text[k] = xstrdup(ends[k]->text);
		drop[k] = runs_on(s, ends[k]);
	}
	for (k = 0; k < 2; k++) {
		if (drop[k])
			ends[k]->kind = LINE_FURNITURE;
		free(s->running[k]);
		s->running[k] = text[k];
	}
}

/* The held page's lines, in reading order. */
static void
flush_page(struct seg *s)
{
	int *order, i;

	if (s->npage == 0)
		return;
	order = xmalloc(sizeof(int) * (size_t)s->npage);
	for (i = 0; i < s->npage; i++)
		pageorder_classify(&s->tr, &s->page[i]);
	drop_running_lines(s);
	pageorder_restore(s->page, s->npage, order);
	for (i = 0; i < s->npage; i++) {
		struct pageline *l = &s->page[order[i]];

		process_line(s, l->text, l->gap, l->page, l->raw, l->len,
		    l->kind);
	}
	for (i = 0; i < s->npage; i++) {
		free(s->page[i].raw);
		free(s->page[i].text);
	}
	s->npage = 0;
	free(order);
}

static void
hold_page_line(struct seg *s, const struct rec *r, const char *raw,
    size_t len)
{
	struct pageline *l;

	if (s->npage == s->cappage) {
		s->cappage = s->cappage ? s->cappage * 2 : 64;
		s->page = xreallocarray(s->page, (size_t)s->cappage,
		    sizeof(*s->page));
	}
	l = &s->page[s->npage++];
	memset(l, 0, sizeof(*l));
	l->raw = xstrndup(raw, len);
	l->len = len;
	l->text = xstrdup(rec_field(r, 4));
	l->gap = rec_long(r, 3);
	l->page = rec_long(r, 1);
}

static void
end_document(struct seg *s)
{
	flush_page(s);
	resolve_held(s, "", 0, 0);
	release_after(s);
	close_table(s);
	flush_loose(s);
	free(s->running[0]);
	free(s->running[1]);
	s->running[0] = s->running[1] = NULL;
	geomseg_end_document(&s->geom);
}

/* Records that are not lines: kept in order inside an open table. */
static void
other_record(struct seg *s, const struct rec *r, const char *raw, size_t len)
{
	flush_loose(s);
	if (rec_is(r, "doc")) {
		end_document(s);
		s->number = 0;
	} else if (rec_is(r, "error")) {
		cli_pass_error(s->cli, r);
		return;
	}
	if (s->t.open && s->held.n == 0) {
		buf_add(&s->t.recs, raw, len);
		buf_addc(&s->t.recs, '\n');
	} else
		out_line(&s->cli->out, raw, len);
}

static void
run_input(struct seg *s, const char *path)
{
	struct lineio in;
	struct rec r;
	const char *line;
	size_t len;
	int got;

	if (cli_open_stream(s->cli, path, &in) == -1)
		return;
	rec_init(&r);
	while ((got = lineio_read(&in, &line, &len)) > 0) {
		rec_parse(&r, line, len);
		/*
		 * A dump whose pages are known (form feeds): each page is read
		 * whole, to put back a caption drawn after its table.
		 */
		if (rec_is(&r, "line") && r.nf >= 5 && rec_long(&r, 1) > 0) {
			hold_page_line(s, &r, line, len);
			continue;
		}
		flush_page(s);
		if (rec_is(&r, "line") && r.nf >= 5)
			process_line(s, r.f[4], rec_long(&r, 3), rec_long(&r, 1),
			    line, len, caption_classify(&s->tr,
			    r.f[4], strlen(r.f[4])));
		else if (rec_is(&r, "page") && r.nf >= 4 &&
		    strcmp(r.f[2], "-") != 0)
			geomseg_page(&s->geom, &r);
		else if (rec_is(&r, "span") && r.nf >= 9)
			geomseg_span(&s->geom, &r);
		else if (rec_is(&r, "rule") && r.nf >= 7)
			geomseg_rule(&s->geom, &r);
		else
			other_record(s, &r, line, len);
	}
	end_document(s);
	if (got < 0)
		cli_emit_error(s->cli, path, buf_str(&in.err));
	rec_free(&r);
	lineio_close(&in);
}

int
segment_run(struct cli *cli)
{
	struct seg s;
	struct buf err = BUF_INIT;
	int i;

	memset(&s, 0, sizeof(s));
	s.cli = cli;
	cli_load_rules(cli);
	if (textrules_load(&s.tr, &cli->rules, &err) == -1)
		cli_usage_error(cli, "%s", buf_str(&err));
	caption_memo(&s.tr);
	out_init(&cli->out, 0);
	out_header(&cli->out);
	cli_emit_rules(cli, "table-segment");
	geomseg_init(&s.geom, cli, &s.tr, &s.number);
	for (i = 0; i < cli->ninputs; i++)
		run_input(&s, cli->inputs[i]);
	caption_memo(NULL);
	textrules_free(&s.tr);
	caption_free(&s.held.cap);
	buf_free(&s.held.raw);
	buf_free(&s.held.after);
	free(s.held.first_after);
	table_clear(&s.t);
	geomseg_free(&s.geom);
	free(s.page);
	buf_free(&s.loose);
	free(s.loose_title);
	free(s.running[0]);
	free(s.running[1]);
	buf_free(&s.rec);
	buf_free(&err);
	return cli_exit(cli);
}
