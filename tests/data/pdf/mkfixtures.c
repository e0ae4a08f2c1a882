/*
 * mkfixtures.c - draw the PDFs that tests/pdf2text.t reads.
 *
 * Run by mkfixtures.sh, which also derives the encrypted, truncated and
 * rotated variants with qpdf.  The PDFs are committed: the tests need
 * neither cairo nor the fonts.  Coordinates here are cairo's, which are
 * pdf2text's too: points from the top-left corner, y down.
 *
 *	cc -o mkfixtures mkfixtures.c $(pkg-config --cflags --libs cairo)
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include <cairo.h>
#include <cairo-pdf.h>

#define CJK	"WenQuanYi Micro Hei"
#define LATIN	"DejaVu Sans"

static void
text_at(cairo_t *cr, const char *font, double size, double x, double y,
    const char *s)
{
	cairo_select_font_face(cr, font, CAIRO_FONT_SLANT_NORMAL,
	    CAIRO_FONT_WEIGHT_NORMAL);
	cairo_set_font_size(cr, size);
	cairo_move_to(cr, x, y);
	cairo_show_text(cr, s);
}

/* Right-aligned: the text ends at x. */
static void
text_right(cairo_t *cr, const char *font, double size, double x, double y,
    const char *s)
{
	cairo_text_extents_t e;

	cairo_select_font_face(cr, font, CAIRO_FONT_SLANT_NORMAL,
	    CAIRO_FONT_WEIGHT_NORMAL);
	cairo_set_font_size(cr, size);
	cairo_text_extents(cr, s, &e);
	cairo_move_to(cr, x - e.x_advance, y);
	cairo_show_text(cr, s);
}

static void
stroke_line(cairo_t *cr, double x0, double y0, double x1, double y1,
    double w)
{
	cairo_set_line_width(cr, w);
	cairo_move_to(cr, x0, y0);
	cairo_line_to(cr, x1, y1);
	cairo_stroke(cr);
}

/*
 * The bordered table, as a budget report draws it, each way at once:
 * the outer frame a stroked rectangle, the row lines stroked cell by
 * cell (pieces to merge), the column lines thin filled rectangles.
 *
 *   columns x: 72 | 160 | 300 | 380 | 460 | 523     rows y: 120 ... 220
 */
static const double col[] = { 72, 160, 300, 380, 460, 523 };
static const double row[] = { 120, 140, 160, 180, 200, 220 };

static void
table_grid(cairo_t *cr)
{
	int r, c;

	cairo_set_source_rgb(cr, 0, 0, 0);
	cairo_set_line_width(cr, 1);
	cairo_rectangle(cr, 72, 120, 523 - 72, 100);
	cairo_stroke(cr);
	for (r = 1; r < 5; r++)
		for (c = 0; c < 5; c++)
			stroke_line(cr, col[c], row[r], col[c + 1], row[r], 0.5);
	for (c = 1; c < 5; c++) {
		cairo_rectangle(cr, col[c] - 0.25, 120, 0.5, 100);
		cairo_fill(cr);
	}
	/* Not rulings: a white line, a diagonal, a thick box. */
	cairo_set_source_rgb(cr, 1, 1, 1);
	stroke_line(cr, 72, 230, 523, 230, 0.5);
	cairo_set_source_rgb(cr, 0, 0, 0);
	stroke_line(cr, 72, 120, 160, 140, 0.5);
	cairo_rectangle(cr, 540, 120, 20, 20);
	cairo_fill(cr);
}

static void
table_text(cairo_t *cr)
{
	text_at(cr, CJK, 14, 72, 80, "2023年部门支出预算表");
	text_at(cr, LATIN, 10, 72, 100, "Total expenditure by function");
	text_at(cr, CJK, 9, 76, 134, "科目编码");
	text_at(cr, CJK, 9, 164, 134, "项目");
	text_at(cr, CJK, 9, 304, 134, "合计");
	text_at(cr, CJK, 9, 384, 134, "基本支出");
	text_at(cr, CJK, 9, 464, 134, "项目支出");
	text_at(cr, LATIN, 9, 76, 154, "2080505");
	text_at(cr, CJK, 9, 164, 154, "养老保险缴费支出");
	text_right(cr, LATIN, 9, 378, 154, "1,234.56");
	text_right(cr, LATIN, 9, 458, 154, "1,000.00");
	text_right(cr, LATIN, 9, 521, 154, "234.56");
	text_at(cr, LATIN, 9, 76, 174, "2080506");
	text_at(cr, LATIN, 9, 164, 174, "Pension fund, staff");
	text_right(cr, LATIN, 9, 378, 174, "12,345,678.90");
	/* Against the column line at 380 from both sides. */
	text_right(cr, LATIN, 9, 379.5, 194, "7");
	text_at(cr, LATIN, 9, 380.5, 194, "8");
	text_at(cr, CJK, 9, 164, 214, "合计");
	text_right(cr, LATIN, 9, 378, 214, "13,580,913.46");
}

/* Rows without any ruling: only the gaps tell the columns apart. */
static void
borderless_text(cairo_t *cr)
{
	/* Two numbers 5pt apart at 9pt (0.55 em): two columns. */
	text_right(cr, LATIN, 9, 200, 260, "1,234.56");
	text_at(cr, LATIN, 9, 205, 260, "7,890.12");
	/* A word space inside a phrase: one span. */
	text_at(cr, LATIN, 9, 260, 260, "Other current expenses");
	/* CJK words written without spaces: one span. */
	text_at(cr, CJK, 9, 72, 280, "一般公共预算财政拨款支出");
	/* Two CJK cells 14pt apart (1.5 em): two spans. */
	text_at(cr, CJK, 9, 72, 300, "项目");
	text_at(cr, CJK, 9, 104, 300, "金额");
}

static cairo_t *
new_page(const char *path, double w, double h, cairo_surface_t **s)
{
	*s = cairo_pdf_surface_create(path, w, h);
	cairo_pdf_surface_restrict_to_version(*s, CAIRO_PDF_VERSION_1_5);
	return cairo_create(*s);
}

static void
done(cairo_t *cr, cairo_surface_t *s)
{
	cairo_destroy(cr);
	cairo_surface_finish(s);
	if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
		fprintf(stderr, "mkfixtures: %s\n",
		    cairo_status_to_string(cairo_surface_status(s)));
		exit(1);
	}
	cairo_surface_destroy(s);
}

static void
make_table(void)
{
	cairo_surface_t *s;
	cairo_t *cr = new_page("table.pdf", 595, 842, &s);

	table_grid(cr);
	table_text(cr);
	borderless_text(cr);
	cairo_show_page(cr);
	/* A second page, so a document has more than one. */
	text_at(cr, LATIN, 12, 72, 72, "Page two");
	stroke_line(cr, 72, 100, 300, 100, 2);
	done(cr, s);
}

/* The table on a landscape page, and the same drawn turned on a portrait
 * page with its text running up: pdf2text must read both alike. */
static void
make_landscape(void)
{
	cairo_surface_t *s;
	cairo_t *cr;

	cr = new_page("landscape.pdf", 842, 595, &s);
	table_grid(cr);
	table_text(cr);
	done(cr, s);
	cr = new_page("sideways.pdf", 595, 842, &s);
	cairo_translate(cr, 0, 842);
	cairo_rotate(cr, -M_PI / 2);
	table_grid(cr);
	table_text(cr);
	done(cr, s);
}

/* Each glyph drawn again 0.3pt to the right, as fake bold is. */
static void
show_twice(cairo_t *cr, const char *font, double size, double x, double y,
    const char *s)
{
	text_at(cr, font, size, x, y, s);
	text_at(cr, font, size, x + 0.3, y, s);
	text_at(cr, font, size, x + 0.3, y + 0.2, s);
}

static void
make_fakebold(void)
{
	cairo_surface_t *s;
	cairo_t *cr = new_page("fakebold.pdf", 400, 200, &s);
	cairo_glyph_t g[8];
	cairo_scaled_font_t *sf;
	cairo_glyph_t *gl = NULL;
	int n = 0, i;

	show_twice(cr, CJK, 12, 40, 50, "合计");
	show_twice(cr, LATIN, 12, 40, 80, "Total 1,000");
	/* Glyph by glyph: every glyph doubled in one run of text. */
	cairo_select_font_face(cr, LATIN, CAIRO_FONT_SLANT_NORMAL,
	    CAIRO_FONT_WEIGHT_NORMAL);
	cairo_set_font_size(cr, 12);
	sf = cairo_get_scaled_font(cr);
	cairo_scaled_font_text_to_glyphs(sf, 40, 110, "Sum 100", -1, &gl, &n,
	    NULL, NULL, NULL);
	for (i = 0; i < n && i < 4; i++) {
		g[2 * i] = gl[i];
		g[2 * i + 1] = gl[i];
		g[2 * i + 1].x += 0.25;
	}
	cairo_show_glyphs(cr, g, 2 * (n < 4 ? n : 4));
	cairo_show_glyphs(cr, gl + 4, n - 4);
	cairo_glyph_free(gl);
	done(cr, s);
}

/* CJK in a CID font (its ToUnicode is removed by mkfixtures.sh) and
 * Latin in a simple font that keeps its mapping. */
static void
make_unmapped(void)
{
	cairo_surface_t *s;
	cairo_t *cr = new_page("unmapped-src.pdf", 300, 200, &s);

	text_at(cr, CJK, 12, 40, 50, "预算表");
	text_at(cr, LATIN, 12, 40, 80, "Budget 2023");
	done(cr, s);
}

int
main(void)
{
	make_table();
	make_landscape();
	make_fakebold();
	make_unmapped();
	return 0;
}
