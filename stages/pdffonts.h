/*
 * pdffonts.h - the fonts of a page that have no way to Unicode.
 *
 * A CID-keyed font with Identity encoding, no /ToUnicode and no character
 * collection poppler-data knows (Adobe-GB1, -CNS1, -Japan1, -Korea1) has
 * no Unicode values at all; poppler then writes each glyph's CID as if it
 * were one, which reads as plausible garbage ("\x03\x07" or "ĀĂ").  Such
 * characters must be dropped and counted, and poppler's text does not say
 * which font a character came from except by the font's name.
 *
 * Simple fonts map through their glyph names, and an unknown name comes
 * out as a control character: those are caught by what they look like.
 */
#ifndef RETABLE_PDFFONTS_H
#define RETABLE_PDFFONTS_H

#include <stddef.h>

struct pdf_doc;

struct font_names {
	char		**v;
	size_t		 n;
	size_t		 cap;
};

/* Names (subset tag removed, as poppler reports them) of the page's
 * fonts without a Unicode mapping, leaving out names that a mapped font
 * of the page also carries: those cannot be told apart by name. */
void	 pdf_page_unmapped_fonts(struct pdf_doc *, size_t page,
	    struct font_names *);
int	 pdf_doc_may_lose_characters(struct pdf_doc *);
int	 font_names_has(const struct font_names *, const char *);
void	 font_names_clear(struct font_names *);

#endif
