/*
 * pdffonts.c - the fonts of a page that have no way to Unicode.
 */
#include <stdlib.h>
#include <string.h>

#include "pdfdoc.h"
#include "pdffonts.h"

#define MAX_FORM_DEPTH	4

enum font_kind {
	FONT_MAPPED,		/* /ToUnicode, a known encoding or collection */
	FONT_UNMAPPED,		/* no Unicode values at all */
	FONT_UNCERTAIN		/* by glyph names only: some may be unknown */
};

struct font_scan {
	struct pdf_doc	*doc;
	struct pdf_arena arena;
	struct font_names unmapped;
	struct font_names mapped;
	uint32_t	 forms[MAX_FORM_DEPTH];
	int		 nforms;
	uint32_t	*seen;		/* font objects classified, doc scan */
	size_t		 nseen;
	int		 doubtful;	/* a font not FONT_MAPPED was met */
};

static void
add_name(struct font_names *fn, const char *name)
{
	if (font_names_has(fn, name))
		return;
	if (fn->n == fn->cap) {
		fn->cap = fn->cap ? fn->cap * 2 : 8;
		fn->v = xreallocarray(fn->v, fn->cap, sizeof(char *));
	}
	fn->v[fn->n++] = xstrdup(name);
}

int
font_names_has(const struct font_names *fn, const char *name)
{
	size_t i;

	for (i = 0; i < fn->n; i++)
		if (strcmp(fn->v[i], name) == 0)
			return 1;
	return 0;
}

void
font_names_clear(struct font_names *fn)
{
	size_t i;

	for (i = 0; i < fn->n; i++)
		free(fn->v[i]);
	free(fn->v);
	memset(fn, 0, sizeof(*fn));
}

/* As poppler-glib reports it: "ABCDEF+Name" is "Name". */
static const char *
without_subset_tag(const char *name)
{
	const char *p = name;

	while (*p >= 'A' && *p <= 'Z')
		p++;
	return p > name && *p == '+' ? p + 1 : name;
}

/* Collections whose CIDs poppler-data maps to Unicode. */
static int
known_collection(const struct pdf_obj *info)
{
	static const char *const known[] = {
		"GB1", "CNS1", "Japan1", "Japan2", "Korea1", "KR"
	};
	const struct pdf_obj *ord = pdf_dict_get(info, "Ordering");
	size_t i;

	if (ord->kind != PDF_STRING)
		return 0;
	for (i = 0; i < sizeof(known) / sizeof(known[0]); i++)
		if (strcmp(ord->u.str.s, known[i]) == 0)
			return 1;
	return 0;
}

static enum font_kind
cid_font_kind(struct font_scan *fs, const struct pdf_obj *font)
{
	const struct pdf_obj *enc, *desc, *info;

	enc = pdf_resolve(fs->doc, pdf_dict_get(font, "Encoding"), &fs->arena);
	/* A predefined CMap (GBK-EUC-H, UniGB-UCS2-H...) names its
	 * collection, and poppler-data has its Unicode map. */
	if (enc->kind == PDF_NAME && strncmp(enc->u.str.s, "Identity-", 9) != 0)
		return FONT_MAPPED;
	desc = pdf_resolve(fs->doc, pdf_array_get(pdf_resolve(fs->doc,
	    pdf_dict_get(font, "DescendantFonts"), &fs->arena), 0), &fs->arena);
	info = pdf_resolve(fs->doc, pdf_dict_get(desc, "CIDSystemInfo"),
	    &fs->arena);
	return known_collection(info) ? FONT_MAPPED : FONT_UNMAPPED;
}

/*
 * A simple font maps through its glyph names.  A standard encoding
 * names every code; differences, or an embedded font's own encoding,
 * may use names poppler does not know ("g12"), and those come out as
 * control characters.
 */
static enum font_kind
simple_font_kind(struct font_scan *fs, const struct pdf_obj *font)
{
	const struct pdf_obj *enc, *desc;

	if (pdf_is_name(pdf_dict_get(font, "Subtype"), "Type3"))
		return FONT_UNCERTAIN;
	enc = pdf_resolve(fs->doc, pdf_dict_get(font, "Encoding"), &fs->arena);
	if (enc->kind == PDF_NAME)
		return FONT_MAPPED;
	if (enc->kind == PDF_DICT)
		return pdf_dict_get(enc, "Differences")->kind == PDF_NULL ?
		    FONT_MAPPED : FONT_UNCERTAIN;
	desc = pdf_resolve(fs->doc, pdf_dict_get(font, "FontDescriptor"),
	    &fs->arena);
	if (pdf_dict_get(desc, "FontFile")->kind != PDF_NULL ||
	    pdf_dict_get(desc, "FontFile2")->kind != PDF_NULL ||
	    pdf_dict_get(desc, "FontFile3")->kind != PDF_NULL)
		return FONT_UNCERTAIN;
	return FONT_MAPPED;
}

static enum font_kind
font_kind(struct font_scan *fs, const struct pdf_obj *font)
{
	if (pdf_dict_get(font, "ToUnicode")->kind != PDF_NULL)
		return FONT_MAPPED;
	if (pdf_is_name(pdf_dict_get(font, "Subtype"), "Type0"))
		return cid_font_kind(fs, font);
	return simple_font_kind(fs, font);
}

/* In the document scan each font object is looked at once. */
static int
seen_before(struct font_scan *fs, const struct pdf_obj *ref)
{
	size_t i;

	if (ref->kind != PDF_REF)
		return 0;
	for (i = 0; i < fs->nseen; i++)
		if (fs->seen[i] == ref->u.ref.num)
			return 1;
	if (fs->nseen % 64 == 0)
		fs->seen = xreallocarray(fs->seen, fs->nseen + 64,
		    sizeof(*fs->seen));
	fs->seen[fs->nseen++] = ref->u.ref.num;
	return 0;
}

static void scan_resources(struct font_scan *, const struct pdf_obj *);

static void
scan_fonts(struct font_scan *fs, const struct pdf_obj *fonts)
{
	const struct pdf_obj *ref, *font, *base;
	enum font_kind kind;
	size_t i;

	for (i = 0; fonts->kind == PDF_DICT && i < fonts->u.dict.n; i++) {
		ref = &fonts->u.dict.ent[i].val;
		if (fs->seen != NULL && seen_before(fs, ref))
			continue;
		font = pdf_resolve(fs->doc, ref, &fs->arena);
		kind = font_kind(fs, font);
		fs->doubtful |= kind != FONT_MAPPED;
		base = pdf_resolve(fs->doc, pdf_dict_get(font, "BaseFont"),
		    &fs->arena);
		if (base->kind == PDF_NAME)
			add_name(kind == FONT_UNMAPPED ? &fs->unmapped :
			    &fs->mapped, without_subset_tag(base->u.str.s));
	}
}

static void
scan_forms(struct font_scan *fs, const struct pdf_obj *xobjects)
{
	const struct pdf_obj *ref, *form;
	size_t i;
	int k, seen;

	if (fs->nforms == MAX_FORM_DEPTH)
		return;
	for (i = 0; xobjects->kind == PDF_DICT && i < xobjects->u.dict.n; i++) {
		ref = &xobjects->u.dict.ent[i].val;
		if (ref->kind != PDF_REF)
			continue;
		for (k = 0, seen = 0; k < fs->nforms; k++)
			seen |= fs->forms[k] == ref->u.ref.num;
		if (seen)
			continue;
		form = pdf_resolve(fs->doc, ref, &fs->arena);
		if (!pdf_is_name(pdf_dict_get(form, "Subtype"), "Form"))
			continue;
		fs->forms[fs->nforms++] = ref->u.ref.num;
		scan_resources(fs, pdf_resolve(fs->doc,
		    pdf_dict_get(form, "Resources"), &fs->arena));
		fs->nforms--;
	}
}

static void
scan_resources(struct font_scan *fs, const struct pdf_obj *res)
{
	scan_fonts(fs, pdf_resolve(fs->doc, pdf_dict_get(res, "Font"),
	    &fs->arena));
	scan_forms(fs, pdf_resolve(fs->doc, pdf_dict_get(res, "XObject"),
	    &fs->arena));
}

static void
scan_page(struct font_scan *fs, size_t page)
{
	struct pdf_obj holder;

	if (pdf_fetch(fs->doc, fs->doc->pages[page].resources_from,
	    &fs->arena, &holder) == 0)
		scan_resources(fs, pdf_resolve(fs->doc, pdf_dict_get(&holder,
		    "Resources"), &fs->arena));
}

static void
end_scan(struct font_scan *fs)
{
	font_names_clear(&fs->unmapped);
	font_names_clear(&fs->mapped);
	free(fs->seen);
	arena_free(&fs->arena);
}

void
pdf_page_unmapped_fonts(struct pdf_doc *doc, size_t page,
    struct font_names *out)
{
	struct font_scan fs;
	size_t i;

	font_names_clear(out);
	memset(&fs, 0, sizeof(fs));
	fs.doc = doc;
	scan_page(&fs, page);
	for (i = 0; i < fs.unmapped.n; i++)
		if (!font_names_has(&fs.mapped, fs.unmapped.v[i]))
			add_name(out, fs.unmapped.v[i]);
	end_scan(&fs);
}

/*
 * Might a character of the document come out without a Unicode value?
 * Only the fonts are looked at, each once, not the text: cheap enough to
 * ask before the first page is read.
 */
int
pdf_doc_may_lose_characters(struct pdf_doc *doc)
{
	struct font_scan fs;
	size_t page;
	int doubtful;

	memset(&fs, 0, sizeof(fs));
	fs.doc = doc;
	fs.seen = xreallocarray(NULL, 64, sizeof(*fs.seen));
	for (page = 0; page < doc->npages && !fs.doubtful; page++) {
		scan_page(&fs, page);
		/* Names are not needed here; the arena need not grow. */
		font_names_clear(&fs.unmapped);
		font_names_clear(&fs.mapped);
		arena_free(&fs.arena);
	}
	doubtful = fs.doubtful;
	end_scan(&fs);
	return doubtful;
}
