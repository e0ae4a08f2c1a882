/*
 * test_pdfrules.c - ruling lines: which shapes are rulings, how pieces
 * merge, and the content-stream reader that finds them on a page.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pdfdoc.h"
#include "pdfrules.h"
#include "tap.h"

static int
near(double a, double b)
{
	return fabs(a - b) < 0.01;
}

static int
has_ruling(const struct ruling_set *rs, double x0, double y0, double x1,
    double y1)
{
	size_t i;

	for (i = 0; i < rs->n; i++)
		if (near(rs->v[i].x0, x0) && near(rs->v[i].y0, y0) &&
		    near(rs->v[i].x1, x1) && near(rs->v[i].y1, y1))
			return 1;
	return 0;
}

static void
strokes_and_thin_fills_are_rulings(void)
{
	struct ruling_set rs = { 0 };

	rulings_add_stroke(&rs, 10, 100, 200, 100.2, 0.5);
	rulings_add_stroke(&rs, 50, 20, 50, 300, 0.5);
	rulings_add_stroke(&rs, 10, 10, 100, 100, 0.5);	/* diagonal */
	rulings_add_fill(&rs, 10, 400, 300, 400.6);	/* thin: a line */
	rulings_add_fill(&rs, 10, 500, 300, 540);	/* a box: not */
	rulings_finish(&rs, 600, 800);
	is_int(rs.n, 3, "two strokes and a thin fill; no diagonal, no box");
	ok(has_ruling(&rs, 10, 100.1, 200, 100.1), "near-level stroke levelled");
	ok(has_ruling(&rs, 50, 20, 50, 300), "vertical stroke");
	ok(has_ruling(&rs, 10, 400.3, 300, 400.3),
	    "thin fill becomes its centre line");
	ok(rs.n == 3 && near(rs.v[2].width, 0.6),
	    "its width is the rectangle's thickness");
	rulings_free(&rs);
}

static void
pieces_of_a_line_merge(void)
{
	struct ruling_set rs = { 0 };

	/* A row line drawn cell by cell, each border twice. */
	rulings_add_stroke(&rs, 72, 140, 160, 140, 0.5);
	rulings_add_stroke(&rs, 160, 140, 300, 140, 0.5);
	rulings_add_stroke(&rs, 300, 140.1, 380, 140.1, 0.5);
	rulings_add_fill(&rs, 380, 139.75, 460, 140.25);
	rulings_add_stroke(&rs, 461, 140, 523, 140, 1);	/* 1pt gap */
	rulings_add_stroke(&rs, 72, 140, 160, 140, 0.5);
	/* A double rule 2pt below: a line of its own. */
	rulings_add_stroke(&rs, 72, 142, 523, 142, 0.5);
	/* Far apart on one level: two lines. */
	rulings_add_stroke(&rs, 72, 300, 100, 300, 0.5);
	rulings_add_stroke(&rs, 200, 300, 250, 300, 0.5);
	rulings_finish(&rs, 600, 800);
	is_int(rs.n, 4, "nine pieces make four lines");
	ok(rs.n > 0 && near(rs.v[0].x0, 72) && near(rs.v[0].x1, 523) &&
	    fabs(rs.v[0].y0 - 140) < 0.05, "the row line spans the table");
	ok(rs.n > 0 && near(rs.v[0].width, 1), "as wide as its widest piece");
	ok(has_ruling(&rs, 72, 142, 523, 142), "the double rule stays apart");
	ok(has_ruling(&rs, 72, 300, 100, 300) &&
	    has_ruling(&rs, 200, 300, 250, 300), "a real gap stays a gap");
	rulings_free(&rs);
}

static void
short_and_offpage_pieces_go(void)
{
	struct ruling_set rs = { 0 };

	rulings_add_stroke(&rs, 10, 10, 13, 10, 0.5);	/* a hyphen */
	rulings_add_fill(&rs, 10, 20, 11, 21);		/* a dot */
	rulings_add_stroke(&rs, -50, 30, 50, 30, 0.5);	/* half off */
	rulings_add_stroke(&rs, 10, 900, 200, 900, 0.5);	/* below */
	rulings_finish(&rs, 600, 800);
	is_int(rs.n, 1, "only the line on the page is left");
	ok(has_ruling(&rs, 0, 30, 50, 30), "clipped to the page");
	rulings_free(&rs);
}

static void
rulings_turn_with_the_page(void)
{
	struct ruling_set rs = { 0 };

	rulings_add_stroke(&rs, 100, 700, 100, 800, 0.5);
	rulings_finish(&rs, 595, 842);
	rulings_rotate(&rs, 90, 595, 842);
	ok(has_ruling(&rs, 42, 100, 142, 100),
	    "90 clockwise: a vertical line becomes level, x from the bottom");
	rulings_rotate(&rs, 270, 842, 595);
	ok(has_ruling(&rs, 100, 700, 100, 800), "and back");
	rulings_free(&rs);
}

/*
 * A one-page PDF around a content stream, with a correct xref.  extra
 * is added to the page dictionary; objects 5 and up are extra objects.
 */
static char *
make_pdf(const char *content, const char *page_extra, const char **objs,
    size_t *len)
{
	struct buf b = BUF_INIT;
	size_t off[16], n = 0, i, xref;

	buf_adds(&b, "%PDF-1.4\n");
	off[n++] = b.len;
	buf_adds(&b, "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n");
	off[n++] = b.len;
	buf_adds(&b, "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 "
	    "/MediaBox [0 0 600 800] >> endobj\n");
	off[n++] = b.len;
	buf_printf(&b, "3 0 obj << /Type /Page /Parent 2 0 R /Contents 4 0 R "
	    "/Resources << /XObject << /F1 5 0 R >> /ExtGState << /G1 6 0 R "
	    ">> >> %s >> endobj\n", page_extra);
	off[n++] = b.len;
	buf_printf(&b, "4 0 obj << /Length %zu >> stream\n%s\nendstream "
	    "endobj\n", strlen(content), content);
	for (i = 0; objs != NULL && objs[i] != NULL; i++) {
		off[n++] = b.len;
		buf_printf(&b, "%zu 0 obj %s endobj\n", n, objs[i]);
	}
	xref = b.len;
	buf_printf(&b, "xref\n0 %zu\n0000000000 65535 f \n", n + 1);
	for (i = 0; i < n; i++)
		buf_printf(&b, "%010zu 00000 n \n", off[i]);
	buf_printf(&b, "trailer << /Size %zu /Root 1 0 R >>\nstartxref\n%zu\n"
	    "%%%%EOF\n", n + 1, xref);
	*len = b.len;
	return buf_detach(&b);
}

static struct ruling_set found;

/* The finished rulings of the page, or -1 if the PDF did not open. */
static int
rulings_of(const char *content, const char *page_extra, const char **objs)
{
	struct pdf_doc doc;
	struct buf err = BUF_INIT;
	char *pdf;
	size_t len;
	double w, h;
	int r = -1;

	pdf = make_pdf(content, page_extra, objs, &len);
	rulings_clear(&found);
	if (pdf_doc_open(&doc, (unsigned char *)pdf, len, &err) ==
	    PDF_OPEN_OK && pdf_page_rulings(&doc, 0, &found, &err) == PATH_OK) {
		pdf_page_size(&doc, 0, &w, &h);
		rulings_finish(&found, w, h);
		r = 0;
	}
	pdf_doc_close(&doc);
	buf_free(&err);
	free(pdf);
	return r;
}

static void
content_streams_are_read(void)
{
	ok(rulings_of("1 w 100 700 m 300 700 l S", "", NULL) == 0 &&
	    has_ruling(&found, 100, 100, 300, 100),
	    "a stroke, y measured from the top");
	ok(rulings_of("100 600 200 50 re S", "", NULL) == 0 && found.n == 4 &&
	    has_ruling(&found, 100, 150, 300, 150) &&
	    has_ruling(&found, 300, 150, 300, 200),
	    "a stroked rectangle gives its four sides");
	ok(rulings_of("100 600 200 0.5 re f", "", NULL) == 0 && found.n == 1 &&
	    has_ruling(&found, 100, 199.75, 300, 199.75),
	    "a thin filled rectangle gives one line");
	ok(rulings_of("100 600 200 50 re f", "", NULL) == 0 && found.n == 0,
	    "a filled box gives none");
	ok(rulings_of("100 600 200 0.5 re W n", "", NULL) == 0 && found.n == 0,
	    "a clipping path is not painted");
	ok(rulings_of("1 1 1 RG 100 700 m 300 700 l S", "", NULL) == 0 &&
	    found.n == 0, "a white stroke is invisible");
	ok(rulings_of("0 0 0 1 K 100 700 m 300 700 l S", "", NULL) == 0 &&
	    found.n == 1, "a black CMYK stroke is seen");
	ok(rulings_of("100 700 m 200 750 250 650 300 700 c S", "", NULL) == 0 &&
	    found.n == 0, "a curve is not a ruling");
}

static void
graphics_state_is_followed(void)
{
	static const char *form[] = {
		"<< /Type /XObject /Subtype /Form /BBox [0 0 100 100] "
		    "/Matrix [1 0 0 1 50 0] /Length 15 >> stream\n"
		    "0 0 m 100 0 l S\nendstream",
		"<< /LW 3 >>",
		NULL
	};

	ok(rulings_of("q 2 0 0 2 10 20 cm 0 0 m 50 0 l S Q 0 0 m 50 0 l S",
	    "", NULL) == 0 && has_ruling(&found, 10, 780, 110, 780) &&
	    has_ruling(&found, 0, 800, 50, 800), "cm scales; Q restores");
	ok(found.n == 2 && (near(found.v[0].width, 2) ||
	    near(found.v[1].width, 2)), "line width scales with the matrix");
	ok(rulings_of("q 1 0 0 1 0 400 cm /F1 Do Q", "", form) == 0 &&
	    has_ruling(&found, 50, 400, 150, 400),
	    "a form XObject is drawn through its matrix");
	ok(rulings_of("/G1 gs 0 0 m 100 0 l S", "", form) == 0 && found.n == 1 &&
	    near(found.v[0].width, 3), "ExtGState /LW sets the width");
	/* Image bytes that would draw a line if read as operators. */
	ok(rulings_of("BI /W 15 /H 1 /BPC 8 /CS /G ID 0 0 m 500 0 l S EI "
	    "0 400 m 100 400 l S", "", NULL) == 0 && found.n == 1,
	    "an inline image is skipped whole");
	ok(rulings_of("BT /F1 12 Tf (re S) Tj [(a) -20 (b)] TJ ET "
	    "0 400 m 100 400 l S", "", NULL) == 0 && found.n == 1,
	    "text operands are not path operators");
}

static void
page_rotation_is_applied(void)
{
	ok(rulings_of("100 700 m 300 700 l S", "/Rotate 90", NULL) == 0 &&
	    has_ruling(&found, 700, 100, 700, 300),
	    "/Rotate 90: a level line stands, at x = its old y");
	ok(rulings_of("100 700 m 300 700 l S", "/Rotate 180", NULL) == 0 &&
	    has_ruling(&found, 300, 700, 500, 700), "/Rotate 180");
	ok(rulings_of("100 700 m 300 700 l S", "/CropBox [50 50 550 750]",
	    NULL) == 0 && has_ruling(&found, 50, 50, 250, 50),
	    "measured from the crop box");
}

int
main(void)
{
	strokes_and_thin_fills_are_rulings();
	pieces_of_a_line_merge();
	short_and_offpage_pieces_go();
	rulings_turn_with_the_page();
	content_streams_are_read();
	graphics_state_is_followed();
	page_rotation_is_applied();
	rulings_free(&found);
	return tap_done();
}
