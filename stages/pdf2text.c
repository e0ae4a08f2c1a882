/*
 * pdf2text.c - the first stage: PDF files to the record stream.
 *
 * Two readers look at each file.  poppler gives the characters, each with
 * its box, font and size; pdf2text's own reader (pdfdoc.c, pdfpath.c)
 * gives the ruling lines, which poppler-glib cannot.  pdfspans.c then
 * cuts the characters into spans, using the rulings as cell walls.
 *
 * Records stream out page by page; memory holds one page.  But the doc
 * record that heads them carries the count of characters that had no
 * Unicode mapping, known only at the end: a document whose fonts say it
 * may have such characters is spooled to an unlinked temporary file and
 * written when it is done.  Most documents map every font and stream.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <poppler.h>

#include "pdf2text.h"
#include "pdfdoc.h"
#include "pdffonts.h"
#include "pdfrules.h"
#include "pdfsource.h"
#include "pdfspans.h"
#include "utf8.h"

struct fonts {
	char		**name;
	size_t		 n;
	size_t		 cap;
};

struct doc_ctx {
	struct cli	*cli;
	const char	*path;
	struct pdf_source src;
	struct pdf_doc	 pdf;
	int		 pdf_open;	/* our reader has the document */
	int		 have_rulings;
	PopplerDocument	*pop;
	int		 npages;
	long		 unmapped;
	int		 nfailed;
	struct buf	 failure;	/* what went wrong with the first page */
	int		 odd_pages;	/* pages whose geometry disagreed */
	int		 odd_layouts;	/* pages whose text and boxes disagreed */
	FILE		*spool;
	struct buf	 poppler_said;	/* poppler's last complaint */
	struct char_list chars;
	struct ruling_set rulings;
	struct span_list spans;
	struct fonts	 fonts;
	struct font_names unmapped_fonts;
	struct buf	 rec;
};

static void warn(struct doc_ctx *, const char *, ...)
    __attribute__((format(printf, 2, 3)));

static void
warn(struct doc_ctx *d, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: %s: ", d->cli->prog,
	    strcmp(d->path, "-") != 0 ? d->path : "(stdin)");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

/* poppler reports through GLib's log at level INFO; keep its last word
 * for the error message instead of letting it reach stderr. */
static void
poppler_log(const gchar *domain, GLogLevelFlags level, const gchar *msg,
    gpointer data)
{
	struct buf *said = data;

	(void)domain;
	(void)level;
	buf_clear(said);
	buf_adds(said, msg);
}

static int
font_index(struct fonts *f, const char *name)
{
	size_t i;

	if (name == NULL || *name == '\0')
		name = "-";
	for (i = 0; i < f->n; i++)
		if (strcmp(f->name[i], name) == 0)
			return (int)i;
	if (f->n == f->cap) {
		f->cap = f->cap ? f->cap * 2 : 8;
		f->name = xreallocarray(f->name, f->cap, sizeof(char *));
	}
	f->name[f->n] = xstrdup(name);
	return (int)f->n++;
}

static void
fonts_clear(struct fonts *f)
{
	size_t i;

	for (i = 0; i < f->n; i++)
		free(f->name[i]);
	f->n = 0;
}

/*
 * What poppler writes when a glyph has no Unicode value: U+FFFD, or the
 * glyph's code itself, which lands among the control characters.  Such a
 * character is dropped and counted, never written.
 */
static int
is_unmapped(int32_t c)
{
	return c == 0xfffd || c < 0x20 || (c >= 0x7f && c <= 0x9f) ||
	    (c >= 0xfdd0 && c <= 0xfdef) || (c & 0xfffe) == 0xfffe;
}

static const PopplerTextAttributes *
attributes_at(GList **cursor, size_t index)
{
	const PopplerTextAttributes *a;

	while (*cursor != NULL) {
		a = (*cursor)->data;
		if ((size_t)a->end_index >= index)
			return (size_t)a->start_index <= index ? a : NULL;
		*cursor = (*cursor)->next;
	}
	return NULL;
}

/*
 * The characters of a page from poppler.  poppler_page_get_text and
 * poppler_page_get_text_layout agree character for character: the n-th
 * character of the text (not byte) has the n-th box, including the
 * spaces and newlines poppler puts between words and lines, which are
 * kept only as the breaks they mark.
 */
static void
collect_chars(struct doc_ctx *d, PopplerPage *pp)
{
	PopplerRectangle *box = NULL;
	guint nbox = 0;
	GList *attrs, *cursor;
	const PopplerTextAttributes *a, *last = NULL;
	int font = 0;
	struct pdf_char *c;
	char *text;
	size_t i, pos, len, textlen;
	int32_t cp;
	int brk = BREAK_NONE;

	d->chars.n = 0;
	fonts_clear(&d->fonts);
	text = poppler_page_get_text(pp);
	if (text == NULL)
		return;
	poppler_page_get_text_layout(pp, &box, &nbox);
	attrs = cursor = poppler_page_get_text_attributes(pp);
	textlen = strlen(text);
	if (utf8_count(text, textlen) != nbox)
		d->odd_layouts++;
	for (i = 0, pos = 0; pos < textlen && i < nbox; i++, pos += len) {
		len = utf8_decode(text + pos, textlen - pos, &cp);
		a = attributes_at(&cursor, i);
		if (cp == '\n') {
			brk = BREAK_LINE;
			continue;
		}
		if (cp == ' ') {
			if (brk == BREAK_NONE)
				brk = BREAK_SPACE;
			continue;
		}
		if (is_unmapped(cp) || (a != NULL && a->font_name != NULL &&
		    font_names_has(&d->unmapped_fonts, a->font_name))) {
			d->unmapped++;
			continue;
		}
		c = chars_add(&d->chars);
		c->x0 = box[i].x1;
		c->y0 = box[i].y1;
		c->x1 = box[i].x2;
		c->y1 = box[i].y2;
		c->cp = cp;
		c->brk = brk;
		c->order = i;
		if (a != last || last == NULL) {
			font = font_index(&d->fonts, a != NULL ?
			    a->font_name : NULL);
			last = a;
		}
		c->size = a != NULL ? a->font_size : 0;
		c->font = font;
		brk = BREAK_NONE;
	}
	poppler_page_free_text_attributes(attrs);
	g_free(box);
	g_free(text);
}

static void
page_failed(struct doc_ctx *d, int page, const char *why)
{
	if (d->nfailed++ > 0)
		return;
	if (page >= 0)
		buf_printf(&d->failure, "page %d: ", page + 1);
	buf_adds(&d->failure, why);
}

/* Our reader's page must be poppler's page, or its rulings are wrong. */
static int
same_page(struct doc_ctx *d, int page, double w, double h)
{
	double ow, oh;

	pdf_page_size(&d->pdf, (size_t)page, &ow, &oh);
	return fabs(ow - w) < 0.5 && fabs(oh - h) < 0.5;
}

static void
collect_rulings(struct doc_ctx *d, int page, double w, double h)
{
	struct buf err = BUF_INIT;

	rulings_clear(&d->rulings);
	if (!d->have_rulings)
		return;
	if (!same_page(d, page, w, h)) {
		d->odd_pages++;
		return;
	}
	if (pdf_page_rulings(&d->pdf, (size_t)page, &d->rulings, &err) != PATH_OK)
		page_failed(d, page, buf_str(&err));
	rulings_finish(&d->rulings, w, h);
	buf_free(&err);
}

static void
write_records(struct doc_ctx *d, const struct buf *b)
{
	if (d->spool != NULL) {
		if (fwrite(b->s, 1, b->len, d->spool) != b->len) {
			/* Out of temporary space: say so, lose nothing quietly. */
			page_failed(d, -1, "cannot write the temporary file");
		}
		return;
	}
	out_put(&d->cli->out, b);
}

static void
page_records(struct doc_ctx *d, int page, double w, double h, int rotate)
{
	struct buf *b = &d->rec;
	const struct span *s;
	const struct ruling *r;
	char deg[8];
	size_t i;

	rec_begin(b, "page");
	rec_long_field(b, page + 1);
	rec_coord(b, w);
	rec_coord(b, h);
	if (rotate != 0) {
		snprintf(deg, sizeof(deg), "%d", rotate);
		rec_kv(b, "rotate", deg);
	}
	rec_end(b);
	for (i = 0; i < d->spans.n; i++) {
		s = &d->spans.v[i];
		buf_adds(b, "span");
		rec_long_field(b, page + 1);
		rec_coord(b, s->x0);
		rec_coord(b, s->y0);
		rec_coord(b, s->x1);
		rec_coord(b, s->y1);
		rec_coord(b, s->size);
		rec_text(b, d->fonts.name[s->font]);
		rec_text(b, span_text(&d->spans, s));
		rec_end(b);
	}
	for (i = 0; i < d->rulings.n; i++) {
		r = &d->rulings.v[i];
		buf_adds(b, "rule");
		rec_long_field(b, page + 1);
		rec_coord(b, r->x0);
		rec_coord(b, r->y0);
		rec_coord(b, r->x1);
		rec_coord(b, r->y1);
		rec_coord(b, r->width);
		rec_end(b);
	}
	write_records(d, b);
}

static void
do_page(struct doc_ctx *d, int page)
{
	PopplerPage *pp;
	double w, h, t;
	int turn, rotate;

	if ((pp = poppler_document_get_page(d->pop, page)) == NULL) {
		page_failed(d, page, "poppler cannot read it");
		return;
	}
	poppler_page_get_size(pp, &w, &h);
	if (d->pdf_open)
		pdf_page_unmapped_fonts(&d->pdf, (size_t)page,
		    &d->unmapped_fonts);
	collect_chars(d, pp);
	g_object_unref(pp);
	collect_rulings(d, page, w, h);
	rotate = d->pdf_open ? d->pdf.pages[page].rotate : 0;
	/* Text running up or down the page: turn the page to read it. */
	if ((turn = chars_upright_rotation(&d->chars)) != 0) {
		chars_rotate(&d->chars, turn, w, h);
		rulings_rotate(&d->rulings, turn, w, h);
		if (turn != 180) {
			t = w;
			w = h;
			h = t;
		}
		rotate = (rotate + turn) % 360;
	}
	spans_build(&d->chars, &d->rulings, &d->spans);
	page_records(d, page, w, h, rotate);
	pdf_source_forget(&d->src);
}

static FILE *
open_spool(void)
{
	const char *dir = getenv("TMPDIR");
	struct buf name = BUF_INIT;
	FILE *f = NULL;
	int fd;

	buf_printf(&name, "%s/pdf2text.XXXXXX", dir && *dir ? dir : "/tmp");
	if ((fd = mkstemp(name.s)) != -1) {
		unlink(name.s);
		if ((f = fdopen(fd, "w+")) == NULL)
			close(fd);
	}
	buf_free(&name);
	return f;
}

static void
copy_spool(struct doc_ctx *d)
{
	char chunk[64 * 1024];
	size_t n;

	rewind(d->spool);
	while ((n = fread(chunk, 1, sizeof(chunk), d->spool)) > 0)
		out_putn(&d->cli->out, chunk, n);
	fclose(d->spool);
	d->spool = NULL;
}

static void
doc_record(struct doc_ctx *d)
{
	char n[32];

	rec_begin(&d->rec, "doc");
	rec_text(&d->rec, d->path);
	snprintf(n, sizeof(n), "%d", d->npages);
	rec_kv(&d->rec, "pages", n);
	if (d->unmapped > 0) {
		snprintf(n, sizeof(n), "%ld", d->unmapped);
		rec_kv(&d->rec, "unmapped", n);
	}
	rec_end(&d->rec);
	out_put(&d->cli->out, &d->rec);
}

static void
convert(struct doc_ctx *d)
{
	struct buf msg = BUF_INIT;
	int page;

	if (!d->pdf_open || pdf_doc_may_lose_characters(&d->pdf))
		d->spool = open_spool();
	if (d->spool == NULL)
		doc_record(d);
	for (page = 0; page < d->npages; page++)
		do_page(d, page);
	if (d->spool != NULL) {
		doc_record(d);
		copy_spool(d);
	}
	if (d->odd_pages > 0)
		warn(d, "ruling lines left out on %d pages whose size poppler "
		    "reads differently", d->odd_pages);
	if (d->odd_layouts > 0)
		warn(d, "poppler's text and character boxes disagree on %d "
		    "pages; their boxes may be off", d->odd_layouts);
	if (d->unmapped > 0)
		warn(d, "%ld characters without a Unicode mapping",
		    d->unmapped);
	if (d->nfailed > 0) {
		buf_printf(&msg, "truncated or damaged PDF: %s",
		    buf_str(&d->failure));
		if (d->nfailed > 1)
			buf_printf(&msg, " (and %d more)", d->nfailed - 1);
		cli_emit_error(d->cli, d->path, buf_str(&msg));
	}
	buf_free(&msg);
}

/* What our own reader's failure to open means for the user. */
static const char *
open_problem(enum pdf_open_status st)
{
	switch (st) {
	case PDF_OPEN_EMPTY:
		return "empty file";
	case PDF_OPEN_NOT_PDF:
		return "not a PDF";
	case PDF_OPEN_PASSWORD:
		return "encrypted (needs a password)";
	default:
		return NULL;
	}
}

static int
open_poppler(struct doc_ctx *d, struct buf *why)
{
	GBytes *bytes;
	GError *gerr = NULL;

	bytes = g_bytes_new_static(d->src.data, d->src.len);
	d->pop = poppler_document_new_from_bytes(bytes, NULL, &gerr);
	g_bytes_unref(bytes);
	if (d->pop != NULL)
		return 0;
	if (gerr != NULL && gerr->code == POPPLER_ERROR_ENCRYPTED)
		buf_adds(why, "encrypted (needs a password)");
	else
		buf_printf(why, "truncated or damaged PDF: %s",
		    d->poppler_said.len ? buf_str(&d->poppler_said) :
		    gerr != NULL ? gerr->message : "poppler cannot read it");
	if (gerr != NULL)
		g_error_free(gerr);
	return -1;
}

/*
 * Open both readers.  Our reader is the stricter one about truncation
 * (poppler reconstructs a cut file and shows what survived); when it
 * merely cannot follow a damaged file that poppler can, the text still
 * comes out, without rulings, and the user is told.
 */
static int
open_doc(struct doc_ctx *d)
{
	struct buf err = BUF_INIT, why = BUF_INIT;
	enum pdf_open_status st;
	const char *problem;

	st = pdf_doc_open(&d->pdf, d->src.data, d->src.len, &err);
	if ((problem = open_problem(st)) != NULL) {
		cli_emit_error(d->cli, d->path, problem);
		goto fail;
	}
	if (st == PDF_OPEN_TRUNCATED) {
		buf_printf(&why, "truncated or damaged PDF: %s", buf_str(&err));
		cli_emit_error(d->cli, d->path, buf_str(&why));
		goto fail;
	}
	d->pdf_open = st == PDF_OPEN_OK;
	if (open_poppler(d, &why) == -1) {
		if (st == PDF_OPEN_UNSUPPORTED) {
			buf_clear(&why);
			buf_printf(&why, "encrypted (%s)", buf_str(&err));
		}
		cli_emit_error(d->cli, d->path, buf_str(&why));
		goto fail;
	}
	if ((d->npages = poppler_document_get_n_pages(d->pop)) <= 0) {
		cli_emit_error(d->cli, d->path,
		    "truncated or damaged PDF: no pages");
		goto fail;
	}
	d->have_rulings = d->pdf_open && d->pdf.npages == (size_t)d->npages;
	if (!d->have_rulings)
		warn(d, "ruling lines left out: %s", d->pdf_open ?
		    "the page tree reads differently" : buf_str(&err));
	buf_free(&err);
	buf_free(&why);
	return 0;
fail:
	buf_free(&err);
	buf_free(&why);
	return -1;
}

static void
close_doc(struct doc_ctx *d)
{
	if (d->pop != NULL)
		g_object_unref(d->pop);
	d->pop = NULL;
	pdf_doc_close(&d->pdf);
	font_names_clear(&d->unmapped_fonts);
	pdf_source_close(&d->src);
	if (d->spool != NULL)
		fclose(d->spool);
	d->spool = NULL;
	d->pdf_open = d->have_rulings = 0;
	d->npages = 0;
	d->unmapped = 0;
	d->nfailed = d->odd_pages = d->odd_layouts = 0;
	buf_clear(&d->failure);
	buf_clear(&d->poppler_said);
}

static void
do_file(struct doc_ctx *d, const char *path)
{
	struct buf err = BUF_INIT;

	d->path = path;
	if (pdf_source_open(&d->src, path, &err) == -1) {
		cli_emit_error(d->cli, path, buf_str(&err));
		buf_free(&err);
		return;
	}
	if (open_doc(d) == 0)
		convert(d);
	close_doc(d);
	buf_free(&err);
}

int
pdf2text_run(struct cli *cli, int gzip)
{
	struct doc_ctx d;
	guint handler;
	int i;

	memset(&d, 0, sizeof(d));
	d.cli = cli;
	handler = g_log_set_handler("Poppler", G_LOG_LEVEL_MASK |
	    G_LOG_FLAG_FATAL | G_LOG_FLAG_RECURSION, poppler_log,
	    &d.poppler_said);
	out_init(&cli->out, gzip);
	out_header(&cli->out);
	for (i = 0; i < cli->ninputs; i++)
		do_file(&d, cli->inputs[i]);
	g_log_remove_handler("Poppler", handler);
	chars_free(&d.chars);
	rulings_free(&d.rulings);
	spans_free(&d.spans);
	fonts_clear(&d.fonts);
	free(d.fonts.name);
	font_names_clear(&d.unmapped_fonts);
	buf_free(&d.rec);
	buf_free(&d.failure);
	buf_free(&d.poppler_said);
	return cli_exit(cli);
}
