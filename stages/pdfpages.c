/*
 * pdfpages.c - the page tree, flattened into the list of pages in order.
 *
 * The walk follows poppler's (Catalog::cachePageTree), so page n here is
 * page n there: kids must be references, a kid with /Kids is a node and
 * anything else a page, a node seen twice is a loop and skipped.  The
 * inheritable attributes are resolved on the way down.
 */
#include <stdlib.h>
#include <string.h>

#include "pdfdoc.h"

#define MAX_TREE_DEPTH	64
#define MAX_PAGES	(1024 * 1024)

struct inherited {
	uint32_t	 resources_from;
	int		 rotate;
	int		 has_media;
	int		 has_crop;
	double		 media[4];
	double		 crop[4];
};

struct walk {
	struct pdf_doc	*doc;
	uint32_t	*seen;		/* nodes visited, against loops */
	size_t		 nseen;
	size_t		 cap;
	int		 missing;	/* a kid could not be fetched */
};

static int
read_box(struct pdf_doc *doc, const struct pdf_obj *dict, const char *key,
    double box[4], struct pdf_arena *a)
{
	const struct pdf_obj *arr = pdf_resolve(doc, pdf_dict_get(dict, key), a);
	double v[4], t;
	size_t i;

	if (pdf_array_len(arr) != 4)
		return 0;
	for (i = 0; i < 4; i++)
		if (!pdf_number(pdf_resolve(doc, pdf_array_get(arr, i), a),
		    &v[i]))
			return 0;
	if (v[0] > v[2]) {
		t = v[0]; v[0] = v[2]; v[2] = t;
	}
	if (v[1] > v[3]) {
		t = v[1]; v[1] = v[3]; v[3] = t;
	}
	memcpy(box, v, sizeof(v));
	return 1;
}

static void
inherit(struct pdf_doc *doc, uint32_t num, const struct pdf_obj *dict,
    struct inherited *in, struct pdf_arena *a)
{
	const struct pdf_obj *rot;
	long long r;

	if (pdf_dict_get(dict, "Resources")->kind != PDF_NULL)
		in->resources_from = num;
	if (read_box(doc, dict, "MediaBox", in->media, a))
		in->has_media = 1;
	if (read_box(doc, dict, "CropBox", in->crop, a))
		in->has_crop = 1;
	rot = pdf_resolve(doc, pdf_dict_get(dict, "Rotate"), a);
	if (rot->kind == PDF_INT) {
		r = rot->u.integer % 360;
		if (r < 0)
			r += 360;
		in->rotate = r % 90 == 0 ? (int)r : 0;
	}
}

/* Without a media box poppler assumes US letter; the crop box is
 * clipped to the media box. */
static void
add_page(struct pdf_doc *doc, uint32_t num, uint16_t gen,
    const struct inherited *in)
{
	static const double letter[4] = { 0, 0, 612, 792 };
	struct pdf_page *pg;
	int i;

	if (doc->npages % 256 == 0)
		doc->pages = xreallocarray(doc->pages, doc->npages + 256,
		    sizeof(*doc->pages));
	pg = &doc->pages[doc->npages++];
	pg->num = num;
	pg->gen = gen;
	pg->resources_from = in->resources_from;
	pg->rotate = in->rotate;
	memcpy(pg->media, in->has_media ? in->media : letter, sizeof(pg->media));
	memcpy(pg->crop, in->has_crop ? in->crop : pg->media, sizeof(pg->crop));
	for (i = 0; i < 2; i++) {
		if (pg->crop[i] < pg->media[i])
			pg->crop[i] = pg->media[i];
		if (pg->crop[i + 2] > pg->media[i + 2])
			pg->crop[i + 2] = pg->media[i + 2];
	}
	if (pg->crop[0] >= pg->crop[2] || pg->crop[1] >= pg->crop[3])
		memcpy(pg->crop, pg->media, sizeof(pg->crop));
}

static int
seen_before(struct walk *w, uint32_t num)
{
	size_t i;

	for (i = 0; i < w->nseen; i++)
		if (w->seen[i] == num)
			return 1;
	if (w->nseen == w->cap) {
		w->cap = w->cap ? w->cap * 2 : 64;
		w->seen = xreallocarray(w->seen, w->cap, sizeof(*w->seen));
	}
	w->seen[w->nseen++] = num;
	return 0;
}

static void
walk_node(struct walk *w, const struct pdf_obj *ref, struct inherited in,
    int depth)
{
	struct pdf_arena a = { 0 };
	const struct pdf_obj *kids;
	struct pdf_obj node;
	size_t i;

	if (depth > MAX_TREE_DEPTH || w->doc->npages >= MAX_PAGES)
		return;
	if (pdf_fetch(w->doc, ref->u.ref.num, &a, &node) == -1) {
		w->missing = 1;
		goto out;
	}
	if (node.kind != PDF_DICT)
		goto out;
	inherit(w->doc, ref->u.ref.num, &node, &in, &a);
	kids = pdf_resolve(w->doc, pdf_dict_get(&node, "Kids"), &a);
	if (pdf_is_name(pdf_dict_get(&node, "Type"), "Page") ||
	    kids->kind == PDF_NULL) {
		add_page(w->doc, ref->u.ref.num, ref->u.ref.gen, &in);
		goto out;
	}
	if (seen_before(w, ref->u.ref.num))
		goto out;
	for (i = 0; i < pdf_array_len(kids); i++) {
		const struct pdf_obj *kid = pdf_array_get(kids, i);

		if (kid->kind == PDF_REF)
			walk_node(w, kid, in, depth + 1);
	}
out:
	arena_free(&a);
}

/* Build doc->pages.  -1 when there is no page tree or a page is lost. */
int
pdf_load_pages(struct pdf_doc *doc, struct buf *err)
{
	struct pdf_arena a = { 0 };
	const struct pdf_obj *root, *pages;
	struct inherited in;
	struct walk w;

	free(doc->pages);
	doc->pages = NULL;
	doc->npages = 0;
	memset(&w, 0, sizeof(w));
	w.doc = doc;
	memset(&in, 0, sizeof(in));
	root = pdf_resolve(doc, pdf_dict_get(&doc->trailer, "Root"), &a);
	pages = pdf_dict_get(root, "Pages");
	if (pages->kind == PDF_REF)
		walk_node(&w, pages, in, 0);
	free(w.seen);
	arena_free(&a);
	if (doc->npages == 0 || w.missing) {
		buf_adds(err, doc->npages == 0 ? "no pages found" :
		    "a page of the page tree is missing");
		return -1;
	}
	return 0;
}
