/*
 * pdfpath.c - the painted paths of a page, read from its content streams.
 *
 * This is a small interpreter for the part of the content-stream language
 * that draws lines: the graphics state (q Q cm w gs), path construction
 * (m l c v y h re), painting (S s f F f* B B* b b* n), colour (only to
 * tell white, which draws nothing on paper), and form XObjects (Do), which
 * many writers use for a whole table.  Text, images and shadings are
 * skipped unread: they cost nothing here and poppler reads the text.
 *
 * Coordinates are mapped to the page as poppler presents it: points,
 * origin at the top-left corner of the crop box, y down, /Rotate applied.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "pdfdoc.h"
#include "pdfrules.h"

#define MAX_OPERANDS	16
#define MAX_GSTATE	256
#define MAX_FORM_DEPTH	12
#define WHITE		0.995

struct gstate {
	double	 ctm[6];
	double	 line_width;
	int	 stroke_ncomp;		/* 1, 3, 4; 0 for other spaces */
	int	 fill_ncomp;
	int	 stroke_white;
	int	 fill_white;
};

struct seg {
	double	 x0, y0, x1, y1;
};

struct path {
	struct seg	*segs;
	size_t		 nsegs;
	size_t		 segcap;
	struct seg	*rects;
	size_t		 nrects;
	size_t		 rectcap;
	double		 pts[5][2];	/* the subpath, while it may be a box */
	int		 npts;		/* -1: not a box (curve, too long) */
	double		 sx, sy;	/* subpath start, page space */
	double		 cx, cy;	/* current point */
	int		 open;
};

struct form {
	uint32_t	 num;
	struct buf	 content;
	const struct pdf_obj *dict;
	int		 usable;
};

/* Resources looked up lately: a page may set the same state a
 * hundred thousand times, and each lookup would parse it again. */
#define RESOURCE_CACHE	8

struct resource_hit {
	const struct pdf_obj *resources;
	const char	*category;
	char		 name[64];
	const struct pdf_obj *entry;	/* as written: maybe a reference */
	const struct pdf_obj *value;	/* resolved */
};

struct interp {
	struct pdf_doc	*doc;
	struct pdf_arena arena;
	struct ruling_set	*rules;
	struct gstate	 gs;
	struct gstate	*stack;
	size_t		 depth;
	size_t		 lost;		/* q's beyond MAX_GSTATE */
	struct path	 path;
	double		 ops[MAX_OPERANDS];
	int		 nops;
	char		 name[128];
	uint32_t	 forms_open[MAX_FORM_DEPTH];
	int		 nforms_open;
	struct form	*forms;
	size_t		 nforms;
	struct resource_hit cache[RESOURCE_CACHE];
	unsigned	 cache_next;
	int		 damaged;
	struct buf	*err;
};

static void run(struct interp *, const unsigned char *, size_t,
    const struct pdf_obj *);

/* m' = m x ctm, in PDF's row-vector convention. */
static void
concat(double ctm[6], const double m[6])
{
	double r[6];

	r[0] = m[0] * ctm[0] + m[1] * ctm[2];
	r[1] = m[0] * ctm[1] + m[1] * ctm[3];
	r[2] = m[2] * ctm[0] + m[3] * ctm[2];
	r[3] = m[2] * ctm[1] + m[3] * ctm[3];
	r[4] = m[4] * ctm[0] + m[5] * ctm[2] + ctm[4];
	r[5] = m[4] * ctm[1] + m[5] * ctm[3] + ctm[5];
	memcpy(ctm, r, sizeof(r));
}

static void
transform(const double m[6], double x, double y, double *px, double *py)
{
	*px = m[0] * x + m[2] * y + m[4];
	*py = m[1] * x + m[3] * y + m[5];
}

/* Default user space to the upright page, as poppler's GfxState maps it. */
static void
page_matrix(const struct pdf_page *pg, double m[6])
{
	const double *c = pg->crop;

	switch (pg->rotate) {
	case 90:
		m[0] = 0; m[1] = 1; m[2] = 1; m[3] = 0;
		m[4] = -c[1]; m[5] = -c[0];
		break;
	case 180:
		m[0] = -1; m[1] = 0; m[2] = 0; m[3] = 1;
		m[4] = c[2]; m[5] = -c[1];
		break;
	case 270:
		m[0] = 0; m[1] = -1; m[2] = -1; m[3] = 0;
		m[4] = c[3]; m[5] = c[2];
		break;
	default:
		m[0] = 1; m[1] = 0; m[2] = 0; m[3] = -1;
		m[4] = -c[0]; m[5] = c[3];
	}
}

void
pdf_page_size(const struct pdf_doc *doc, size_t page, double *width,
    double *height)
{
	const struct pdf_page *pg = &doc->pages[page];
	double w = pg->crop[2] - pg->crop[0], h = pg->crop[3] - pg->crop[1];

	*width = pg->rotate == 90 || pg->rotate == 270 ? h : w;
	*height = pg->rotate == 90 || pg->rotate == 270 ? w : h;
}

static void
push_seg(struct seg **v, size_t *n, size_t *cap, double x0, double y0,
    double x1, double y1)
{
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 64;
		*v = xreallocarray(*v, *cap, sizeof(**v));
	}
	(*v)[*n].x0 = x0;
	(*v)[*n].y0 = y0;
	(*v)[*n].x1 = x1;
	(*v)[*n].y1 = y1;
	(*n)++;
}

static int
level_or_plumb(const double a[2], const double b[2], int want_level)
{
	return want_level ? fabs(a[1] - b[1]) <= RULE_SKEW :
	    fabs(a[0] - b[0]) <= RULE_SKEW;
}

/* A closed four-corner subpath with level and plumb sides is a box. */
static void
end_subpath(struct path *p)
{
	double (*q)[2] = p->pts, x0, y0, x1, y1;
	int n = p->npts, i, level;

	p->open = 0;
	p->npts = 0;
	if (n == 5 && fabs(q[4][0] - q[0][0]) <= RULE_SKEW &&
	    fabs(q[4][1] - q[0][1]) <= RULE_SKEW)
		n = 4;
	if (n != 4)
		return;
	/* A side of a thin box is shorter than RULE_SKEW: which way the
	 * first side goes is told by comparing, not by the tolerance. */
	level = fabs(q[0][1] - q[1][1]) <= fabs(q[0][0] - q[1][0]);
	for (i = 0; i < 4; i++)
		if (!level_or_plumb(q[i], q[(i + 1) % 4], (i % 2 == 0) == level))
			return;
	x0 = fmin(fmin(q[0][0], q[1][0]), q[2][0]);
	x1 = fmax(fmax(q[0][0], q[1][0]), q[2][0]);
	y0 = fmin(fmin(q[0][1], q[1][1]), q[2][1]);
	y1 = fmax(fmax(q[0][1], q[1][1]), q[2][1]);
	push_seg(&p->rects, &p->nrects, &p->rectcap, x0, y0, x1, y1);
}

static void
add_point(struct path *p, double x, double y)
{
	if (p->npts < 0)
		return;
	if (p->npts == 5) {
		p->npts = -1;
		return;
	}
	p->pts[p->npts][0] = x;
	p->pts[p->npts][1] = y;
	p->npts++;
}

static void
move_to(struct interp *in, double x, double y)
{
	struct path *p = &in->path;

	if (p->open)
		end_subpath(p);
	transform(in->gs.ctm, x, y, &p->cx, &p->cy);
	p->sx = p->cx;
	p->sy = p->cy;
	p->open = 1;
	p->npts = 0;
	add_point(p, p->cx, p->cy);
}

static void
line_to(struct interp *in, double x, double y)
{
	struct path *p = &in->path;
	double px, py;

	if (!p->open) {
		/* After h, or without m: the subpath starts here. */
		p->open = 1;
		p->npts = 0;
		p->sx = p->cx;
		p->sy = p->cy;
		add_point(p, p->cx, p->cy);
	}
	transform(in->gs.ctm, x, y, &px, &py);
	push_seg(&p->segs, &p->nsegs, &p->segcap, p->cx, p->cy, px, py);
	add_point(p, px, py);
	p->cx = px;
	p->cy = py;
}

static void
curve_to(struct interp *in, double x, double y)
{
	struct path *p = &in->path;

	transform(in->gs.ctm, x, y, &p->cx, &p->cy);
	p->npts = -1;
	p->open = 1;
}

static void
close_path(struct interp *in)
{
	struct path *p = &in->path;

	if (!p->open)
		return;
	if (p->cx != p->sx || p->cy != p->sy)
		push_seg(&p->segs, &p->nsegs, &p->segcap, p->cx, p->cy,
		    p->sx, p->sy);
	p->cx = p->sx;
	p->cy = p->sy;
	end_subpath(p);
}

static void
rectangle(struct interp *in, double x, double y, double w, double h)
{
	move_to(in, x, y);
	line_to(in, x + w, y);
	line_to(in, x + w, y + h);
	line_to(in, x, y + h);
	close_path(in);
}

static double
device_line_width(const struct gstate *gs)
{
	double det = gs->ctm[0] * gs->ctm[3] - gs->ctm[1] * gs->ctm[2];

	return gs->line_width * sqrt(fabs(det));
}

static void
paint(struct interp *in, int stroke, int fill)
{
	struct path *p = &in->path;
	double lw = device_line_width(&in->gs);
	size_t i;

	if (p->open)
		end_subpath(p);
	if (stroke && !in->gs.stroke_white)
		for (i = 0; i < p->nsegs; i++)
			rulings_add_stroke(in->rules, p->segs[i].x0,
			    p->segs[i].y0, p->segs[i].x1, p->segs[i].y1, lw);
	if (fill && !in->gs.fill_white)
		for (i = 0; i < p->nrects; i++)
			rulings_add_fill(in->rules, p->rects[i].x0,
			    p->rects[i].y0, p->rects[i].x1, p->rects[i].y1);
	p->nsegs = 0;
	p->nrects = 0;
	p->npts = 0;
	p->open = 0;
}

static void
save_state(struct interp *in)
{
	if (in->depth == MAX_GSTATE) {
		in->lost++;
		return;
	}
	if (in->stack == NULL)
		in->stack = xreallocarray(NULL, MAX_GSTATE, sizeof(*in->stack));
	in->stack[in->depth++] = in->gs;
}

static void
restore_state(struct interp *in)
{
	if (in->lost > 0)
		in->lost--;
	else if (in->depth > 0)
		in->gs = in->stack[--in->depth];
}

/* The resource named by the last name operand: /XObject /Fm1 and such. */
static const struct resource_hit *
lookup(struct interp *in, const struct pdf_obj *resources,
    const char *category)
{
	struct resource_hit *h;
	const struct pdf_obj *cat;
	int i;

	for (i = 0; i < RESOURCE_CACHE; i++) {
		h = &in->cache[i];
		if (h->resources == resources && h->category == category &&
		    strcmp(h->name, in->name) == 0)
			return h;
	}
	h = &in->cache[in->cache_next++ % RESOURCE_CACHE];
	cat = pdf_resolve(in->doc, pdf_dict_get(resources, category),
	    &in->arena);
	h->entry = pdf_dict_get(cat, in->name);
	h->value = pdf_resolve(in->doc, h->entry, &in->arena);
	h->resources = resources;
	h->category = category;
	/* Longer names are not kept: they would compare wrongly. */
	if (strlen(in->name) < sizeof(h->name))
		strcpy(h->name, in->name);
	else
		h->resources = NULL;
	return h;
}

static const struct pdf_obj *
resource(struct interp *in, const struct pdf_obj *resources,
    const char *category)
{
	return lookup(in, resources, category)->value;
}

/* Components of a colour space, 0 when white cannot be told by them. */
static int
colour_components(struct interp *in, const struct pdf_obj *resources)
{
	const struct pdf_obj *cs, *family;

	if (strcmp(in->name, "DeviceGray") == 0 || strcmp(in->name, "G") == 0)
		return 1;
	if (strcmp(in->name, "DeviceRGB") == 0 || strcmp(in->name, "RGB") == 0)
		return 3;
	if (strcmp(in->name, "DeviceCMYK") == 0 ||
	    strcmp(in->name, "CMYK") == 0)
		return 4;
	cs = resource(in, resources, "ColorSpace");
	family = cs->kind == PDF_ARRAY ? pdf_array_get(cs, 0) : cs;
	if (pdf_is_name(family, "DeviceGray") || pdf_is_name(family, "CalGray"))
		return 1;
	if (pdf_is_name(family, "DeviceRGB") || pdf_is_name(family, "CalRGB"))
		return 3;
	if (pdf_is_name(family, "DeviceCMYK"))
		return 4;
	if (pdf_is_name(family, "ICCBased"))
		return (int)pdf_int(pdf_dict_get(pdf_resolve(in->doc,
		    pdf_array_get(cs, 1), &in->arena), "N"), 0);
	return 0;
}

/* Is the colour set by the operands white, in a space of n components? */
static int
is_white(const struct interp *in, int n)
{
	int i;

	if (n == 0 || in->nops < n)
		return 0;
	for (i = in->nops - n; i < in->nops; i++) {
		if (n == 4 ? in->ops[i] > 1 - WHITE : in->ops[i] < WHITE)
			return 0;
	}
	return 1;
}

static void
set_colour(struct interp *in, int stroke, int ncomp)
{
	int white = is_white(in, ncomp);

	if (stroke) {
		in->gs.stroke_ncomp = ncomp;
		in->gs.stroke_white = white;
	} else {
		in->gs.fill_ncomp = ncomp;
		in->gs.fill_white = white;
	}
}

static void
set_ext_state(struct interp *in, const struct pdf_obj *resources)
{
	const struct pdf_obj *gs = resource(in, resources, "ExtGState");
	double lw;

	if (pdf_number(pdf_resolve(in->doc, pdf_dict_get(gs, "LW"),
	    &in->arena), &lw))
		in->gs.line_width = lw;
}

static struct form *
load_form(struct interp *in, uint32_t num)
{
	struct pdf_obj *o;
	struct form *f;
	struct buf err = BUF_INIT;
	size_t i;

	for (i = 0; i < in->nforms; i++)
		if (in->forms[i].num == num)
			return &in->forms[i];
	in->forms = xreallocarray(in->forms, in->nforms + 1,
	    sizeof(*in->forms));
	f = &in->forms[in->nforms++];
	memset(f, 0, sizeof(*f));
	f->num = num;
	o = arena_alloc(&in->arena, sizeof(*o));
	if (pdf_fetch(in->doc, num, &in->arena, o) == -1 ||
	    o->kind != PDF_STREAM ||
	    !pdf_is_name(pdf_dict_get(o, "Subtype"), "Form"))
		return f;
	f->dict = o;
	if (pdf_stream_decode(in->doc, o, &f->content, &err) == -1)
		in->damaged = 1;
	else
		f->usable = 1;
	buf_free(&err);
	return f;
}

static void
draw_form(struct interp *in, const struct pdf_obj *resources)
{
	const struct pdf_obj *ref, *mobj, *res;
	struct form *f;
	double m[6] = { 1, 0, 0, 1, 0, 0 };
	int i;

	ref = lookup(in, resources, "XObject")->entry;
	if (ref->kind != PDF_REF || in->nforms_open == MAX_FORM_DEPTH)
		return;
	for (i = 0; i < in->nforms_open; i++)
		if (in->forms_open[i] == ref->u.ref.num)
			return;
	f = load_form(in, ref->u.ref.num);
	if (!f->usable)
		return;
	mobj = pdf_resolve(in->doc, pdf_dict_get(f->dict, "Matrix"),
	    &in->arena);
	for (i = 0; i < 6 && pdf_array_len(mobj) == 6; i++)
		if (!pdf_number(pdf_array_get(mobj, (size_t)i), &m[i]))
			m[i] = i == 0 || i == 3;
	res = pdf_resolve(in->doc, pdf_dict_get(f->dict, "Resources"),
	    &in->arena);
	save_state(in);
	concat(in->gs.ctm, m);
	in->forms_open[in->nforms_open++] = ref->u.ref.num;
	/* f may move as forms load; the content buffer does not. */
	if (f->content.len > 0)
		run(in, (unsigned char *)f->content.s, f->content.len,
		    res->kind == PDF_DICT ? res : resources);
	in->nforms_open--;
	restore_state(in);
}

/* Skip an inline image: BI ... ID <binary> EI. */
static void
skip_inline_image(struct pdf_lexer *lx)
{
	struct pdf_token t;
	const unsigned char *p;

	do
		pdf_lex(lx, &t);
	while (t.kind != TOK_EOF && !pdf_tok_is(&t, "ID"));
	if (t.kind == TOK_EOF)
		return;
	for (p = lx->p + 1; p + 2 <= lx->end; p++)
		if (p[0] == 'E' && p[1] == 'I' && pdf_is_space(p[-1]) &&
		    (p + 2 == lx->end || pdf_is_space(p[2]) ||
		    pdf_is_delim(p[2]))) {
			lx->p = p + 2;
			return;
		}
	lx->p = lx->end;
}

/* Skip an array or dictionary operand: TJ's array, BDC's properties. */
static void
skip_nested(struct pdf_lexer *lx)
{
	struct pdf_token t;
	int depth = 1;

	while (depth > 0) {
		pdf_lex(lx, &t);
		if (t.kind == TOK_EOF)
			return;
		if (t.kind == TOK_ARRAY_OPEN || t.kind == TOK_DICT_OPEN)
			depth++;
		else if (t.kind == TOK_ARRAY_CLOSE || t.kind == TOK_DICT_CLOSE)
			depth--;
	}
}

static const double *
last_ops(struct interp *in, int n)
{
	return in->nops >= n ? in->ops + in->nops - n : NULL;
}

/* An operator of up to three characters as one number, for switch. */
#define OP1(a)		((unsigned)(a))
#define OP2(a, b)	(OP1(a) | (unsigned)(b) << 8)
#define OP3(a, b, c)	(OP2(a, b) | (unsigned)(c) << 16)

static int
path_operator(struct interp *in, unsigned op)
{
	const double *a;

	switch (op) {
	case OP1('m'):
		if ((a = last_ops(in, 2)))
			move_to(in, a[0], a[1]);
		return 1;
	case OP1('l'):
		if ((a = last_ops(in, 2)))
			line_to(in, a[0], a[1]);
		return 1;
	case OP1('c'):
		if ((a = last_ops(in, 6)))
			curve_to(in, a[4], a[5]);
		return 1;
	case OP1('v'):
	case OP1('y'):
		if ((a = last_ops(in, 4)))
			curve_to(in, a[2], a[3]);
		return 1;
	case OP1('h'):
		close_path(in);
		return 1;
	case OP2('r', 'e'):
		if ((a = last_ops(in, 4)))
			rectangle(in, a[0], a[1], a[2], a[3]);
		return 1;
	}
	return 0;
}

static int
paint_operator(struct interp *in, unsigned op)
{
	switch (op) {
	case OP1('s'):
	case OP1('b'):
	case OP2('b', '*'):
		close_path(in);
		paint(in, 1, op != OP1('s'));
		return 1;
	case OP1('S'):
		paint(in, 1, 0);
		return 1;
	case OP1('f'):
	case OP1('F'):
	case OP2('f', '*'):
		paint(in, 0, 1);
		return 1;
	case OP1('B'):
	case OP2('B', '*'):
		paint(in, 1, 1);
		return 1;
	case OP1('n'):
		paint(in, 0, 0);
		return 1;
	}
	return 0;
}

static int
colour_operator(struct interp *in, unsigned op,
    const struct pdf_obj *resources)
{
	switch (op) {
	case OP1('g'):
	case OP1('G'):
		set_colour(in, op == OP1('G'), 1);
		return 1;
	case OP2('r', 'g'):
	case OP2('R', 'G'):
		set_colour(in, op == OP2('R', 'G'), 3);
		return 1;
	case OP1('k'):
	case OP1('K'):
		set_colour(in, op == OP1('K'), 4);
		return 1;
	case OP2('c', 's'):
	case OP2('C', 'S'):
		in->nops = 0;	/* the initial colour: black, or full tint */
		set_colour(in, op == OP2('C', 'S'),
		    colour_components(in, resources));
		return 1;
	case OP2('s', 'c'):
	case OP3('s', 'c', 'n'):
		set_colour(in, 0, in->gs.fill_ncomp);
		return 1;
	case OP2('S', 'C'):
	case OP3('S', 'C', 'N'):
		set_colour(in, 1, in->gs.stroke_ncomp);
		return 1;
	}
	return 0;
}

static int
state_operator(struct interp *in, unsigned op,
    const struct pdf_obj *resources)
{
	const double *a;

	switch (op) {
	case OP1('q'):
		save_state(in);
		return 1;
	case OP1('Q'):
		restore_state(in);
		return 1;
	case OP2('c', 'm'):
		if ((a = last_ops(in, 6)))
			concat(in->gs.ctm, a);
		return 1;
	case OP1('w'):
		if ((a = last_ops(in, 1)))
			in->gs.line_width = a[0];
		return 1;
	case OP2('g', 's'):
		set_ext_state(in, resources);
		return 1;
	case OP2('D', 'o'):
		draw_form(in, resources);
		return 1;
	}
	return 0;
}

static void
operator(struct interp *in, const struct pdf_token *t,
    const struct pdf_obj *resources)
{
	unsigned op = 0;
	size_t i;

	if (t->len == 0 || t->len > 3)
		return;
	for (i = 0; i < t->len; i++)
		op |= (unsigned)t->s[i] << (8 * i);
	(void)(path_operator(in, op) || paint_operator(in, op) ||
	    state_operator(in, op, resources) ||
	    colour_operator(in, op, resources));
}

static void
push_operand(struct interp *in, double v)
{
	if (in->nops == MAX_OPERANDS) {
		memmove(in->ops, in->ops + 1, (MAX_OPERANDS - 1) *
		    sizeof(in->ops[0]));
		in->nops--;
	}
	in->ops[in->nops++] = v;
}

static void
run(struct interp *in, const unsigned char *s, size_t len,
    const struct pdf_obj *resources)
{
	struct pdf_lexer lx;
	struct pdf_token t;
	size_t n;

	pdf_lex_init(&lx, s, len);
	for (;;) {
		pdf_lex(&lx, &t);
		switch (t.kind) {
		case TOK_EOF:
			return;
		case TOK_INT:
		case TOK_REAL:
			push_operand(in, t.real);
			continue;
		case TOK_NAME:
			n = t.len < sizeof(in->name) ? t.len :
			    sizeof(in->name) - 1;
			n = pdf_decode_name(in->name, t.s, n);
			in->name[n] = '\0';
			continue;
		case TOK_ARRAY_OPEN:
		case TOK_DICT_OPEN:
			skip_nested(&lx);
			continue;
		case TOK_KEYWORD:
			if (pdf_tok_is(&t, "BI"))
				skip_inline_image(&lx);
			else
				operator(in, &t, resources);
			break;
		default:
			continue;
		}
		in->nops = 0;
	}
}

/* The page's content streams, decoded and joined as the standard says. */
static enum pdf_path_status
page_content(struct interp *in, const struct pdf_obj *page, struct buf *out)
{
	const struct pdf_obj *contents, *part;
	struct buf one = BUF_INIT;
	size_t i, n, good = 0;

	contents = pdf_resolve(in->doc, pdf_dict_get(page, "Contents"),
	    &in->arena);
	n = contents->kind == PDF_ARRAY ? pdf_array_len(contents) :
	    contents->kind == PDF_STREAM;
	for (i = 0; i < n; i++) {
		part = contents->kind == PDF_ARRAY ? pdf_resolve(in->doc,
		    pdf_array_get(contents, i), &in->arena) : contents;
		buf_clear(in->err);
		if (part->kind != PDF_STREAM ||
		    pdf_stream_decode(in->doc, part, &one, in->err) == -1) {
			in->damaged = 1;
			continue;
		}
		buf_add(out, one.s, one.len);
		buf_addc(out, '\n');
		good++;
	}
	buf_free(&one);
	if (n > 0 && good == 0)
		return PATH_FAILED;
	return good < n ? PATH_DAMAGED : PATH_OK;
}

static void
free_interp(struct interp *in)
{
	size_t i;

	for (i = 0; i < in->nforms; i++)
		buf_free(&in->forms[i].content);
	free(in->forms);
	free(in->stack);
	free(in->path.segs);
	free(in->path.rects);
	arena_free(&in->arena);
}

/*
 * Collect the painted segments of a page into rs (not yet merged: see
 * rulings_finish).  On PATH_DAMAGED or PATH_FAILED err says what was lost.
 */
enum pdf_path_status
pdf_page_rulings(struct pdf_doc *doc, size_t page, struct ruling_set *rs,
    struct buf *err)
{
	struct interp in;
	struct pdf_obj pg, holder;
	const struct pdf_obj *resources;
	struct buf content = BUF_INIT;
	enum pdf_path_status st;

	memset(&in, 0, sizeof(in));
	in.doc = doc;
	in.rules = rs;
	in.err = err;
	in.gs.line_width = 1;
	in.gs.stroke_ncomp = in.gs.fill_ncomp = 1;
	page_matrix(&doc->pages[page], in.gs.ctm);
	if (pdf_fetch(doc, doc->pages[page].num, &in.arena, &pg) == -1 ||
	    pg.kind != PDF_DICT) {
		buf_clear(err);
		buf_adds(err, "page object missing");
		free_interp(&in);
		return PATH_FAILED;
	}
	st = page_content(&in, &pg, &content);
	resources = &pdf_null;
	if (doc->pages[page].resources_from == doc->pages[page].num)
		resources = pdf_dict_get(&pg, "Resources");
	else if (pdf_fetch(doc, doc->pages[page].resources_from, &in.arena,
	    &holder) == 0)
		resources = pdf_dict_get(&holder, "Resources");
	resources = pdf_resolve(doc, resources, &in.arena);
	if (st != PATH_FAILED && content.len > 0)
		run(&in, (unsigned char *)content.s, content.len, resources);
	if (st == PATH_OK && in.damaged) {
		st = PATH_DAMAGED;
		buf_clear(err);
		buf_adds(err, "a form XObject could not be read");
	}
	buf_free(&content);
	free_interp(&in);
	return st;
}
